"""Cases, the themes board and the access log as their users meet them."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from casework.models import Case, CaseAccess, CaseAttachment, CaseContribution
from networks.choices import Role
from tests.casework.factories import (
    CaseFactory,
    LessonFactory,
    MeetingFactory,
    ThemeProjectFactory,
)
from tests.factories import ThemeFactory, member
from tests.sessions.factories_shadowing import ShadowingDayFactory, reflected
from tests.test_uploads import pdf_bytes

pytestmark = pytest.mark.django_db


def case_form(pair, **overrides):
    student, professional = pair
    data = {
        "title": "Meneer K., 79",
        "student": student.pk,
        "professional": professional.pk,
        "situation": "Meneer eet slecht sinds zijn vrouw overleed.",
        "questions_care": "",
        "questions_social": "",
        "outcome": "",
        "status": "draft",
    }
    data.update(overrides)
    return data


def test_a_student_writes_a_case_for_the_pair(client, network, pair, ondervoeding):
    student, professional = pair
    client.force_login(student)
    response = client.post(
        reverse("casework:case_create", args=[network.slug]),
        case_form(pair, themes=[ondervoeding.pk]),
    )
    case = Case.objects.get()
    assert response.url == reverse("casework:case_detail", args=[network.slug, case.pk])
    assert (case.student, case.professional, case.created_by) == (student, professional, student)
    assert list(case.themes.all()) == [ondervoeding]


def test_a_bsn_in_the_situation_is_refused_saying_where_and_what(client, network, pair):
    client.force_login(pair[0])
    response = client.post(
        reverse("casework:case_create", args=[network.slug]),
        case_form(pair, situation="Mevrouw, BSN 123456782, woont alleen."),
    )
    assert response.status_code == 200
    assert Case.objects.count() == 0
    errors = response.context["form"].errors
    assert list(errors) == ["situation"]
    assert errors["situation"] == [
        "“Situation” contains a citizen service number (BSN) (line 1, position 14, starting "
        "with “12…”). Remove it: texts must not identify a client."
    ]
    assert "123456782" not in response.content.decode().split("<textarea")[0]


def test_a_phone_number_in_the_outcome_is_refused(client, network, pair):
    client.force_login(pair[1])
    response = client.post(
        reverse("casework:case_create", args=[network.slug]),
        case_form(pair, outcome="Dochter belt op 06-12345678."),
    )
    assert list(response.context["form"].errors) == ["outcome"]
    assert Case.objects.count() == 0


def test_a_pair_must_be_a_student_and_a_professional_of_the_network(
    client, network, other_network, pair
):
    stranger = member(other_network, Role.STUDENT)
    client.force_login(pair[0])
    response = client.post(
        reverse("casework:case_create", args=[network.slug]),
        case_form(pair, student=stranger.pk),
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["student"]
    assert Case.objects.count() == 0


def test_an_edit_with_identifying_data_changes_nothing(client, network, case):
    client.force_login(case.student)
    before = Case.objects.values().get(pk=case.pk)
    response = client.post(
        reverse("casework:case_edit", args=[network.slug, case.pk]),
        case_form((case.student, case.professional), questions_social="mail zoon@example.nl"),
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["questions_social"]
    assert Case.objects.values().get(pk=case.pk) == before


def test_another_networks_case_id_answers_404_and_changes_nothing(
    client, network, other_network, case, coordinator
):
    foreign = CaseFactory(network=other_network)
    before = Case.objects.values().get(pk=foreign.pk)
    client.force_login(coordinator)
    response = client.post(
        reverse("casework:case_edit", args=[network.slug, foreign.pk]),
        case_form((case.student, case.professional)),
    )
    assert response.status_code == 404
    assert Case.objects.values().get(pk=foreign.pk) == before
    assert CaseAccess.objects.count() == 0


def test_a_contribution_with_a_phone_number_is_refused(client, network, case):
    client.force_login(case.professional)
    url = reverse("casework:contribution_add", args=[network.slug, case.pk])
    own = case.professional.profession
    response = client.post(url, {"discipline": own, "text": "Bel mij: 020-1234567"})
    assert response.status_code == 400
    assert list(response.context["contribution_form"].errors) == ["text"]
    assert CaseContribution.objects.count() == 0
    response = client.post(url, {"discipline": own, "text": "Eiwitrijke tussendoortjes."})
    assert response.status_code == 302
    assert CaseContribution.objects.get().author == case.professional


PDF = pdf_bytes()  # a real PDF: the upload guard parses it


def test_an_attachment_is_stored_and_its_download_logged(client, network, case):
    client.force_login(case.student)
    url = reverse("casework:attachment_add", args=[network.slug, case.pk])
    response = client.post(url, {"file": SimpleUploadedFile("Klinische les.pdf", PDF)})
    assert response.status_code == 302
    attachment = CaseAttachment.objects.get()
    assert (attachment.name, attachment.size) == ("Klinische les.pdf", len(PDF))
    assert "Klinische" not in attachment.file.name  # stored under a random name
    download = client.get(
        reverse("casework:attachment_download", args=[network.slug, case.pk, attachment.pk])
    )
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert list(CaseAccess.objects.values_list("user", "action")) == [(case.student.pk, "download")]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "dia.exe",
            PDF,
            "Files of this kind cannot be added. Allowed are: pdf, pptx, docx, odp, png, jpg.",
        ),
        (
            "dia.pdf",
            b"MZ\x90\x00 an executable",
            "The content of this file is not a .pdf file. Save it again in that format.",
        ),
        (
            "groot.pdf",
            PDF + b"x" * (3072 - len(PDF)),
            "The file is 3.0\xa0KB; the limit is 2.0\xa0KB.",
        ),
    ],
)
def test_a_bad_attachment_is_refused_and_nothing_stored(
    client, settings, network, case, name, content, message
):
    settings.CASEWORK_ATTACHMENT_MAX_BYTES = 2048
    client.force_login(case.student)
    response = client.post(
        reverse("casework:attachment_add", args=[network.slug, case.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert response.context["attachment_form"].errors["file"] == [message]
    assert CaseAttachment.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "casework").exists()


def test_every_view_of_a_case_is_logged_and_the_coordinator_reads_the_log(
    client, network, case, coordinator, people
):
    case.shared_with.add(people["expert_by_experience"])
    client.force_login(people["expert_by_experience"])
    client.get(reverse("casework:case_detail", args=[network.slug, case.pk]))
    client.force_login(coordinator)
    client.get(reverse("casework:case_detail", args=[network.slug, case.pk]))
    response = client.get(reverse("casework:access_log", args=[network.slug]))
    entries = response.context["entries"]
    assert [(e.user, e.case, e.action) for e in entries] == [
        (coordinator, case, "view"),
        (people["expert_by_experience"], case, "view"),
    ]


def test_the_access_log_shows_only_the_networks_own_cases(
    client, network, other_network, case, coordinator
):
    foreign = CaseFactory(network=other_network)
    CaseAccess.objects.create(case=foreign, user=coordinator)
    client.force_login(coordinator)
    response = client.get(reverse("casework:access_log", args=[network.slug]))
    assert response.context["entries"] == []


def test_an_archived_case_is_read_only(client, network, case):
    Case.objects.filter(pk=case.pk).update(archived_at=timezone.now())
    client.force_login(case.student)
    response = client.get(reverse("casework:case_edit", args=[network.slug, case.pk]))
    assert response.status_code == 403


def _make_cases(network, n):
    theme = ThemeFactory(network=network)
    student = member(network, Role.STUDENT)
    professional = member(network, Role.PROFESSIONAL)
    meeting = MeetingFactory(network=network)
    for _ in range(n):
        made = CaseFactory(
            network=network, student=student, professional=professional, meeting=meeting
        )
        made.themes.set([theme])


@pytest.mark.parametrize("n", [1, 50])
def test_case_list_queries_do_not_grow(client, network, coordinator, django_assert_num_queries, n):
    _make_cases(network, n)
    client.force_login(coordinator)
    url = reverse("casework:case_list", args=[network.slug])
    with django_assert_num_queries(7):
        response = client.get(url)
    assert len(response.context["cases"]) == n


def _fill_board(network, n):
    now = timezone.now()
    student = member(network, Role.STUDENT)
    professional = member(network, Role.PROFESSIONAL)
    teacher = member(network, Role.TEACHER)
    for i in range(n):
        theme = ThemeFactory(network=network)
        coming = MeetingFactory(network=network, starts_at=now + timedelta(days=i + 1))
        past = MeetingFactory(network=network, starts_at=now - timedelta(days=i + 1))
        coming.themes.set([theme])
        past.themes.set([theme])
        case = CaseFactory(network=network, student=student, professional=professional)
        case.themes.set([theme])
        ThemeProjectFactory(network=network, theme=theme)
        LessonFactory(teacher=teacher, themes=[theme])
        ShadowingDayFactory(
            network=network,
            shadower=student,
            host=professional,
            status="done",
            **reflected(reflection_seen=f"Vandaag ging het over {theme.name}."),
        )


@pytest.mark.parametrize("n", [1, 50])
def test_themes_board_queries_do_not_grow(
    client, network, coordinator, django_assert_num_queries, n
):
    _fill_board(network, n)
    client.force_login(coordinator)
    url = reverse("casework:board", args=[network.slug])
    # 11, and two for the shadowing reflections that mention a theme
    with django_assert_num_queries(14):
        response = client.get(url)
    themes = response.context["themes"]
    assert len(themes) == n
    assert all(t.reflection_mentions.visible_count >= 1 for t in themes)
    assert all(
        (len(t.coming_meetings), len(t.past_meetings), len(t.active_cases), len(t.project_list))
        == (1, 1, 1, 1)
        for t in themes
    )


def test_the_board_shows_what_happens_on_a_theme(client, network, case, ondervoeding, coordinator):
    now = timezone.now()
    coming = MeetingFactory(network=network, title="Klinische les ondervoeding")
    coming.themes.set([ondervoeding])
    cancelled = MeetingFactory(network=network, title="Afgelast", status="cancelled")
    cancelled.themes.set([ondervoeding])
    past = MeetingFactory(
        network=network, title="Casuïstiek oktober", starts_at=now - timedelta(days=30)
    )
    past.themes.set([ondervoeding])
    ThemeFactory(network=network, name="valpreventie", slug="valpreventie")
    project = ThemeProjectFactory(network=network, theme=ondervoeding, title="PLINT Ondervoeding")
    client.force_login(coordinator)
    response = client.get(reverse("casework:board", args=[network.slug]))
    board = {t.name: t for t in response.context["themes"]}
    assert list(board) == ["ondervoeding", "valpreventie"]
    theme = board["ondervoeding"]
    assert [m.title for m in theme.coming_meetings] == ["Klinische les ondervoeding"]
    assert [m.title for m in theme.past_meetings] == ["Casuïstiek oktober"]
    assert theme.active_cases == [case]
    assert theme.project_list == [project]
    assert board["valpreventie"].active_cases == []


# --- Sent twice (a double click): stored once -------------------------------------------------


def once_token(response, form="form"):
    token = response.context[form]["once"].value()
    assert token and f'name="once" value="{token}"' in response.content.decode()
    return token


def test_a_case_posted_twice_is_stored_once(client, network, pair):
    client.force_login(pair[0])
    url = reverse("casework:case_create", args=[network.slug])
    data = case_form(pair, once=once_token(client.get(url)))
    first, second = client.post(url, data), client.post(url, data)
    case = Case.objects.get()
    assert first.url == second.url == reverse("casework:case_detail", args=[network.slug, case.pk])
    # A new form is a new token: a second case with the same text is the person's choice.
    client.post(url, case_form(pair, once=once_token(client.get(url))))
    assert Case.objects.count() == 2


def test_a_refused_case_may_be_sent_again_with_the_same_token(client, network, pair):
    client.force_login(pair[0])
    url = reverse("casework:case_create", args=[network.slug])
    token = once_token(client.get(url))
    refused = client.post(url, case_form(pair, once=token, situation="BSN 123456782"))
    assert refused.status_code == 200 and Case.objects.count() == 0
    assert client.post(url, case_form(pair, once=token)).status_code == 302
    assert Case.objects.count() == 1


def test_a_contribution_posted_twice_is_stored_once(client, network, case):
    client.force_login(case.professional)
    page = client.get(reverse("casework:case_detail", args=[network.slug, case.pk]))
    token = once_token(page, "contribution_form")
    url = reverse("casework:contribution_add", args=[network.slug, case.pk])
    own = case.professional.profession
    data = {"discipline": own, "text": "Eiwitrijke tussendoortjes.", "once": token}
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert second.url == reverse("casework:case_detail", args=[network.slug, case.pk])
    assert CaseContribution.objects.count() == 1
