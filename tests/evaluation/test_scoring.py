"""Scoring of every shipped instrument against answers scored by hand, and the paired change
against a data set worked out by hand."""

import pytest

from evaluation import instruments as inst
from evaluation.stats import complementary, distribution, paired_change, summarise


def test_ripls_has_19_items_in_four_subscales_with_the_negative_ones_reversed():
    ripls = inst.RIPLS
    assert len(ripls.items) == 19
    assert [s.code for s in ripls.subscales] == [
        "teamwork",
        "negative_identity",
        "positive_identity",
        "roles",
    ]
    assert sorted(code for s in ripls.subscales for code in s.items) == ripls.item_codes
    assert [i.code for i in ripls.items if i.reverse] == [
        "ripls10",
        "ripls11",
        "ripls12",
        "ripls17",
        "ripls18",
        "ripls19",
    ]
    assert "Parsell & Bligh (1999)" in str(ripls.source)
    assert "McFadyen et al. (2005)" in str(ripls.source)


def test_ripls_scores_by_hand():
    answers = {f"ripls{n:02d}": 4 for n in range(1, 10)}  # teamwork 9 × 4 = 36
    answers |= {"ripls10": 2, "ripls11": 1, "ripls12": 2}  # reversed 4 + 5 + 4 = 13
    answers |= {"ripls13": 5, "ripls14": 4, "ripls15": 5, "ripls16": 3}  # 17
    answers |= {"ripls17": 3, "ripls18": 4, "ripls19": 2}  # reversed 3 + 2 + 4 = 9
    assert inst.RIPLS.score(answers) == {
        "teamwork": 36.0,
        "negative_identity": 13.0,
        "positive_identity": 17.0,
        "roles": 9.0,
    }


def test_ripls_subscale_ranges_are_sums():
    ranges = {s.code: inst.RIPLS.subscale_range(s) for s in inst.RIPLS.subscales}
    assert ranges == {
        "teamwork": (9.0, 45.0),
        "negative_identity": (3.0, 15.0),
        "positive_identity": (4.0, 20.0),
        "roles": (3.0, 15.0),
    }


def test_a_subscale_with_an_item_left_open_has_no_score():
    answers = {f"ripls{n:02d}": 3 for n in range(1, 20)}
    del answers["ripls14"]
    scores = inst.RIPLS.score(answers)
    assert scores["positive_identity"] is None
    assert scores["teamwork"] == 27.0


def test_added_value_scores_by_hand():
    answers = {
        "av_contacts": 5,
        "av_insights": 4,
        "av_client": 3,
        "av_broader": 4,
        "av_daily": 2,
        "av_recommend": 8,
        "av_open": "Nieuwe collega's in het sociaal domein.",
    }
    assert inst.ADDED_VALUE.score(answers) == {"added_value": 3.6, "recommend": 8.0}


def test_job_satisfaction_reverses_the_third_item():
    answers = {"js_enjoy": 4, "js_energy": 3, "js_leave": 2, "js_proud": 5}
    # 4 + 3 + (6 − 2 = 4) + 5 = 16; mean 4.0
    assert inst.JOB_SATISFACTION.score(answers) == {"job_satisfaction": 4.0}


def test_meeting_evaluation_is_three_ratings_and_one_open_question():
    meeting = inst.MEETING_EVALUATION
    assert [i.kind for i in meeting.items] == [inst.SCALE, inst.SCALE, inst.SCALE, inst.TEXT]
    assert meeting.score({"me_useful": 5, "me_other": 4, "me_client": 3}) == {"meeting": 4.0}


def test_paired_change_against_a_data_set_worked_out_by_hand():
    baseline = [10, 12, 9, 11, 13, 10]
    follow_up = [12, 13, 10, 14, 13, 12]
    # differences 2, 1, 1, 3, 0, 2: mean 1.5, sd √(5.5 / 5) = 1.04881, se 0.42817,
    # t(0.975; 5) = 2.570582 → half-width 1.10064.
    change = paired_change(list(zip(baseline, follow_up, strict=True)))
    assert change.n == 6
    assert change.mean_change == pytest.approx(1.5)
    assert change.ci_low == pytest.approx(0.39936, abs=1e-4)
    assert change.ci_high == pytest.approx(2.60064, abs=1e-4)
    assert change.baseline_mean == pytest.approx(65 / 6)
    assert change.follow_up_mean == pytest.approx(74 / 6)


@pytest.mark.parametrize(("n", "suppressed"), [(4, True), (5, False)])
def test_figures_of_four_are_hidden_and_of_five_shown(n, suppressed, settings):
    settings.EVALUATION_MIN_GROUP = 5
    assert summarise([3.0] * n, 1, 5).suppressed is suppressed
    assert paired_change([(3.0, 4.0)] * n).suppressed is suppressed


def test_a_summary_of_five_has_mean_and_distribution(settings):
    settings.EVALUATION_MIN_GROUP = 5
    summary = summarise([1.0, 2.0, 3.0, 4.0, 5.0], 1, 5)
    assert (summary.mean, summary.median, summary.low, summary.high) == (3.0, 3.0, 1.0, 5.0)
    assert summary.bins == [
        ("1–1.8", 1),
        ("1.8–2.6", 1),
        ("2.6–3.4", 1),
        ("3.4–4.2", 1),
        ("4.2–5", 1),
    ]


def test_distribution_puts_the_top_value_in_the_last_bin():
    assert distribution([45.0, 9.0], 9, 45) == [
        ("9–16.2", 1),
        ("16.2–23.4", 0),
        ("23.4–30.6", 0),
        ("30.6–37.8", 0),
        ("37.8–45", 1),
    ]


def test_one_hidden_group_hides_the_next_smallest_too(settings):
    settings.EVALUATION_MIN_GROUP = 5
    assert complementary({"care": 9, "social": 4, "education": 6}) == {"social", "education"}
    assert complementary({"care": 9, "social": 4, "education": 3}) == {"social", "education"}
    assert complementary({"care": 9, "social": 5}) == set()
