"""Results for coordinators and researchers: per subscale mean and distribution, by domain,
profession group and role, the paired change, response rate, open answers — and the
threshold (groups of 4 hidden, 5 shown) on pages, charts and exports."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.choices import Profession, StudentLevel
from evaluation import instruments as inst
from evaluation.selectors import paired_results, round_results
from networks.choices import Role
from tests.evaluation.helpers import answered, open_round, ripls_answers
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _threshold(settings):
    settings.EVALUATION_MIN_GROUP = 5


@pytest.fixture
def researcher(network):
    return member(network, Role.RESEARCHER, language="en")


def _people(network, count, profession=Profession.DISTRICT_NURSE, role=Role.PROFESSIONAL, **kw):
    return [member(network, role, profession=profession, **kw) for _ in range(count)]


def _page(client, user, round_):
    client.force_login(user)
    response = client.get(reverse("evaluation:round", args=[round_.network.slug, round_.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("count", "shown"), [(4, False), (5, True)])
def test_a_round_with_four_answers_is_hidden_and_with_five_shown(
    client, network, researcher, count, shown
):
    round_ = open_round(network)
    for person in _people(network, count):
        answered(round_, person, ripls_answers(4))
    page = _page(client, researcher, round_)
    assert ("Too few answers to show" in page) is not shown
    assert ('<td class="subscale-mean">36.0</td>' in page) is shown
    assert ("data:image/svg+xml;base64," in page) is shown
    assert f"{count} of {count} invited people answered (100%)." in page


def test_a_domain_of_four_is_hidden_beside_one_of_five_and_its_complement(network):
    round_ = open_round(network)
    for person in _people(network, 6):  # care
        answered(round_, person, ripls_answers(4))
    for person in _people(network, 4, profession=Profession.SOCIAL_WORKER):
        answered(round_, person, ripls_answers(2))
    for person in _people(network, 5, profession=Profession.TEACHER):
        answered(round_, person, ripls_answers(3))
    results = round_results(round_)
    teamwork = results.subscales[0]
    assert teamwork.overall.n == 15
    by_domain = {g.label: g.summary for g in teamwork.breakdowns["domain"]}
    assert by_domain["Social domain"].suppressed
    # With only the social domain hidden, total − care − education would give it away.
    assert by_domain["Education"].suppressed and by_domain["Care"].suppressed is False
    assert by_domain["Care"].mean == 36.0
    assert by_domain["Social domain"].mean is None


def test_students_are_shown_by_level(network):
    round_ = open_round(network)
    for level in (StudentLevel.MBO, StudentLevel.HBO):
        for person in _people(
            network,
            5,
            profession=Profession.NURSING_STUDENT,
            role=Role.STUDENT,
            student_level=level,
        ):
            answered(round_, person, ripls_answers(3), role=Role.STUDENT)
    labels = [g.label for g in round_results(round_).subscales[0].breakdowns["role"]]
    assert labels == ["Student (hbo)", "Student (mbo)"]


def test_open_answers_are_listed_only_from_the_threshold(client, network, researcher):
    round_ = open_round(network, code=inst.ADDED_VALUE.code)
    base = {"av_contacts": 4, "av_insights": 4, "av_client": 4, "av_broader": 4, "av_daily": 4}
    people = _people(network, 5)
    for n, person in enumerate(people[:4]):
        answered(round_, person, base | {"av_recommend": 8, "av_open": f"Inzicht {n}"})
    assert "Inzicht 0" not in _page(client, researcher, round_)
    answered(round_, people[4], base | {"av_recommend": 9})
    page = _page(client, researcher, round_)
    assert "Inzicht 0" in page and "Inzicht 3" in page


def _baseline_and_follow_up(network, pairs, domain_profession=Profession.DISTRICT_NURSE):
    baseline = open_round(network)
    follow_up = open_round(network, wave=1)
    for before, after in pairs:
        person = member(network, Role.PROFESSIONAL, profession=domain_profession)
        answered(baseline, person, ripls_answers(before))
        answered(follow_up, person, ripls_answers(after))
    return baseline, follow_up


def test_paired_change_of_those_who_answered_both(client, network, researcher):
    # Teamwork = 9 × item value; reversed subscales move the other way.
    baseline, follow_up = _baseline_and_follow_up(network, [(3, 4)] * 3 + [(3, 3)] * 2)
    # Someone who only answered the follow-up is not paired.
    answered(follow_up, member(network, Role.PROFESSIONAL), ripls_answers(5))
    changes = {c.code: c for c in paired_results(baseline, follow_up)}
    teamwork = changes["teamwork"].overall
    assert (teamwork.n, teamwork.mean_change) == (5, pytest.approx(27 / 5))
    # differences 9, 9, 9, 0, 0: sd 4.9295, se 2.2045, t(0.975; 4) 2.776445 → ±6.1208
    assert teamwork.ci_low == pytest.approx(5.4 - 6.1208, abs=1e-3)
    assert teamwork.ci_high == pytest.approx(5.4 + 6.1208, abs=1e-3)
    page = _page(client, researcher, follow_up)
    assert "Change from T0 to T1 (people who answered both)" in page
    assert '<td class="mean-change">5.40</td>' in page


def test_paired_change_of_four_people_is_hidden(network):
    baseline, follow_up = _baseline_and_follow_up(network, [(3, 4)] * 4)
    assert all(c.overall.suppressed for c in paired_results(baseline, follow_up))


def _export(client, user, network, fmt="xlsx"):
    client.force_login(user)
    return client.get(reverse("evaluation:export", args=[network.slug, "ripls-1", fmt]))


@pytest.mark.parametrize(("count", "rows"), [(4, 0), (5, 5)])
def test_the_export_leaves_out_a_round_of_four(client, network, researcher, count, rows):
    round_ = open_round(network)
    for person in _people(network, count):
        answered(round_, person, ripls_answers(4))
    workbook = load_workbook(io.BytesIO(_export(client, researcher, network).content))
    assert workbook.sheetnames == ["Responses", "Codebook"]
    assert workbook["Responses"].max_row - 1 == rows


def test_the_export_hides_a_domain_of_four_but_keeps_the_answers(client, network, researcher):
    round_ = open_round(network)
    for person in _people(network, 5):
        answered(round_, person, ripls_answers(4))
    for person in _people(network, 4, profession=Profession.SOCIAL_WORKER):
        answered(round_, person, ripls_answers(2))
    sheet = load_workbook(io.BytesIO(_export(client, researcher, network).content))["Responses"]
    header = [c.value for c in sheet[1]]
    rows = [
        dict(zip(header, [c.value for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)
    ]
    assert sorted(r["domain"] for r in rows) == ["Care"] * 5 + ["hidden"] * 4
    assert sorted(r["ripls01"] for r in rows) == [2] * 4 + [4] * 5
    assert sorted(r["score_teamwork"] for r in rows) == [18] * 4 + [36] * 5


def test_the_respondent_code_links_rounds_and_names_no_one(
    client, network, other_network, researcher
):
    baseline, follow_up = _baseline_and_follow_up(network, [(3, 4)] * 5)
    elsewhere = open_round(other_network)
    people = [r.respondent for r in baseline.responses.all()]
    for person in people:
        answered(elsewhere, person, ripls_answers(3))
    content = _export(client, researcher, network, "csv").content.decode("utf-8-sig")
    lines = [line.split(";") for line in content.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    assert header[:4] == ["respondent", "round", "wave", "submitted_on"]
    codes = {}
    for row in rows:
        codes.setdefault(row[0], []).append(row[1])
    assert len(codes) == 5
    assert all(rounds == ["T0", "T1"] for rounds in codes.values())
    for person in people:
        assert person.email not in content and person.full_name not in content
    researcher_elsewhere = member(other_network, Role.RESEARCHER, language="en")
    other = _export(client, researcher_elsewhere, other_network, "csv").content.decode("utf-8-sig")
    other_codes = {line.split(";")[0] for line in other.strip().splitlines()[1:]}
    assert other_codes and not other_codes & set(codes)


def test_the_codebook_lists_items_scales_and_subscales(client, network, researcher):
    sheet = load_workbook(io.BytesIO(_export(client, researcher, network).content))["Codebook"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    items = [r for r in rows if r[0] == "item"]
    assert len(items) == 19
    assert items[9][1:5] == [
        "ripls10",
        "I don't want to waste my time learning with students of other disciplines.",
        "1–5",
        "reverse-scored",
    ]
    subscales = {r[1]: r[3:5] for r in rows if r[0] == "subscale"}
    assert subscales == {
        "score_teamwork": ["9–45", "sum"],
        "score_negative_identity": ["3–15", "sum"],
        "score_positive_identity": ["4–20", "sum"],
        "score_roles": ["3–15", "sum"],
    }


def test_results_and_export_keep_their_number_of_queries(
    client, network, researcher, django_assert_num_queries
):
    baseline, follow_up = _baseline_and_follow_up(network, [(3, 4)] * 5)
    client.force_login(researcher)
    round_url = reverse("evaluation:round", args=[network.slug, follow_up.pk])
    export_url = reverse("evaluation:export", args=[network.slug, "ripls-1", "xlsx"])
    client.get(round_url)
    with django_assert_num_queries(11) as few_round:  # with the bell's unread count
        client.get(round_url)
    with django_assert_num_queries(6) as few_export:
        client.get(export_url)
    for before, after in [(2, 5)] * 25:
        person = member(network, Role.STUDENT, student_level=StudentLevel.HBO)
        answered(baseline, person, ripls_answers(before), role=Role.STUDENT)
        answered(follow_up, person, ripls_answers(after), role=Role.STUDENT)
    with django_assert_num_queries(len(few_round.captured_queries)):
        client.get(round_url)
    with django_assert_num_queries(len(few_export.captured_queries)):
        client.get(export_url)


def test_the_index_lists_rounds_in_a_constant_number_of_queries(
    client, network, researcher, django_assert_num_queries
):
    open_round(network)
    client.force_login(researcher)
    url = reverse("evaluation:index", args=[network.slug])
    client.get(url)
    with django_assert_num_queries(8) as one:  # with the bell's unread count
        client.get(url)
    for wave in range(1, 5):
        open_round(network, wave=wave)
    open_round(network, code=inst.JOB_SATISFACTION.code)
    with django_assert_num_queries(len(one.captured_queries)):
        assert client.get(url).content.decode().count("/evaluatie/rondes/") == 6
