"""Lessons: recording, alignment across levels, what students see."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.models import Lesson
from networks.choices import Role
from tests.casework.factories import CaseFactory, LessonFactory, MeetingFactory
from tests.factories import ThemeFactory, member
from tests.helpers import messages_of

pytestmark = pytest.mark.django_db


def lesson_form(**overrides):
    data = {
        "title": "Signaleren van ondervoeding",
        "school": "ROC van Amsterdam",
        "programme": "MBO-V",
        "level": "mbo",
        "course": "Ouderenzorg 2",
        "starts_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "ends_on": "",
        "objectives": "De student gebruikt de SNAQ65+ en bespreekt de uitkomst met de diëtist.",
    }
    data.update(overrides)
    return data


def test_a_teacher_records_a_lesson_on_a_theme_with_a_case_and_a_meeting(
    client, network, teacher, case, ondervoeding
):
    meeting = MeetingFactory(network=network)
    client.force_login(teacher)
    response = client.post(
        reverse("casework:lesson_create"),
        lesson_form(themes=[ondervoeding.pk], cases=[case.pk], meetings=[meeting.pk]),
    )
    lesson = Lesson.objects.get()
    assert response.url == reverse("casework:lesson_detail", args=[lesson.pk])
    assert (lesson.teacher, list(lesson.themes.all())) == (teacher, [ondervoeding])
    assert (list(lesson.cases.all()), list(lesson.meetings.all())) == ([case], [meeting])


def test_meetings_of_a_series_are_told_apart_by_their_date(client, network, teacher):
    amsterdam = ZoneInfo("Europe/Amsterdam")
    for day in (5, 19):
        MeetingFactory(
            network=network,
            title="Intervisie – reeks 1",
            starts_at=datetime(2030, 3, day, 15, 0, tzinfo=amsterdam),
            ends_at=datetime(2030, 3, day, 16, 30, tzinfo=amsterdam),
        )
    client.force_login(teacher)

    form = client.get(reverse("casework:lesson_create")).context["form"]

    assert [label for _value, label in form.fields["meetings"].choices] == [
        "Intervisie – reeks 1 (19 March 2030 15:00)",
        "Intervisie – reeks 1 (5 March 2030 15:00)",
    ]


def test_the_board_link_preselects_the_theme(client, teacher, ondervoeding):
    client.force_login(teacher)
    response = client.get(reverse("casework:lesson_create") + f"?thema={ondervoeding.pk}")
    assert response.context["form"].initial["themes"] == [ondervoeding.pk]


def test_a_theme_of_a_network_the_teacher_is_not_in_is_refused(client, teacher, other_network):
    foreign_theme = ThemeFactory(network=other_network, name="eenzaamheid")
    client.force_login(teacher)
    response = client.post(
        reverse("casework:lesson_create"), lesson_form(themes=[foreign_theme.pk])
    )
    assert response.status_code == 200
    assert response.context["form"].errors["themes"] == [
        f"Select a valid choice. {foreign_theme.pk} is not one of the available choices."
    ]
    assert Lesson.objects.count() == 0


def test_a_theme_where_the_teacher_is_only_a_member_is_refused(client, network, other_network):
    """The service refuses too: a teacher in one network who is a guest in another."""
    from casework import services

    teacher = member(network, Role.TEACHER)
    from tests.factories import MembershipFactory

    MembershipFactory(network=other_network, user=teacher, role=Role.GUEST)
    theme = ThemeFactory(network=other_network)
    with pytest.raises(Exception) as caught:
        services.lesson_create(
            teacher=teacher,
            themes=[theme],
            title="x",
            school="x",
            programme="x",
            level="mbo",
            starts_on=timezone.localdate(),
            objectives="x",
        )
    assert caught.value.message_dict == {
        "themes": ["You can only link themes of networks in which you teach."]
    }
    assert Lesson.objects.count() == 0


def test_a_case_of_another_network_cannot_be_used(client, teacher, ondervoeding, other_network):
    foreign_case = CaseFactory(network=other_network)
    client.force_login(teacher)
    response = client.post(
        reverse("casework:lesson_create"),
        lesson_form(themes=[ondervoeding.pk], cases=[foreign_case.pk]),
    )
    assert list(response.context["form"].errors) == ["cases"]
    assert Lesson.objects.count() == 0


def test_a_period_ending_before_it_starts_is_refused(client, teacher, ondervoeding):
    client.force_login(teacher)
    today = timezone.localdate()
    response = client.post(
        reverse("casework:lesson_create"),
        lesson_form(
            themes=[ondervoeding.pk],
            starts_on=today.isoformat(),
            ends_on=(today - timedelta(days=1)).isoformat(),
        ),
    )
    assert response.context["form"].errors["ends_on"] == ["The last day lies before the first."]
    assert Lesson.objects.count() == 0


def test_mbo_and_hbo_teachers_see_each_others_lessons_on_the_theme(
    client, network, teacher, ondervoeding
):
    hbo_teacher = member(network, Role.TEACHER, full_name="Henk Hbo")
    mine = LessonFactory(teacher=teacher, themes=[ondervoeding], title="Mbo-les")
    theirs = LessonFactory(
        teacher=hbo_teacher, themes=[ondervoeding], title="Hbo-les", level="hbo", programme="HBO-V"
    )
    client.force_login(teacher)
    planning = client.get(reverse("casework:lessons")).context["planning"]
    assert planning.own_lessons == [mine]
    assert planning.colleague_lessons == [theirs]
    assert planning.networks == [network]


def test_a_teacher_planning_sees_coming_meetings_and_recent_cases(
    client, network, teacher, case, ondervoeding
):
    coming = MeetingFactory(network=network)
    MeetingFactory(network=network, starts_at=timezone.now() - timedelta(days=3))
    client.force_login(teacher)
    planning = client.get(reverse("casework:lessons")).context["planning"]
    assert planning.coming_meetings == [coming]
    assert planning.recent_cases == [case]


def test_students_see_the_lessons_on_their_networks_themes(
    client, network, other_network, pair, teacher, ondervoeding
):
    lesson = LessonFactory(teacher=teacher, themes=[ondervoeding])
    elsewhere = ThemeFactory(network=other_network)
    LessonFactory(teacher=member(other_network, Role.TEACHER), themes=[elsewhere])
    client.force_login(pair[0])
    response = client.get(reverse("casework:lessons"))
    assert response.context["lessons"] == [lesson]


def test_only_the_teacher_edits_a_lesson(client, network, teacher, ondervoeding):
    lesson = LessonFactory(teacher=teacher, themes=[ondervoeding])
    colleague = member(network, Role.TEACHER)
    client.force_login(colleague)
    response = client.post(
        reverse("casework:lesson_edit", args=[lesson.pk]),
        lesson_form(themes=[ondervoeding.pk], title="Overgenomen"),
    )
    assert response.status_code == 403
    assert Lesson.objects.get().title == lesson.title


def test_the_teacher_deletes_a_lesson_after_confirming(client, teacher, ondervoeding):
    case = CaseFactory(network=ondervoeding.network)
    lesson = LessonFactory(teacher=teacher, themes=[ondervoeding])
    lesson.cases.add(case)
    client.force_login(teacher)
    url = reverse("casework:lesson_delete", args=[lesson.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert Lesson.objects.filter(pk=lesson.pk).exists()
    assert "Delete lesson" in page.content.decode()  # this teacher reads English

    response = client.post(url, follow=True)
    assert response.redirect_chain == [(reverse("casework:lessons"), 302)]
    assert messages_of(response) == [f"The lesson “{lesson.title}” has been deleted."]
    assert not Lesson.objects.exists()
    case.refresh_from_db()  # the material stays


def test_another_teacher_cannot_delete_a_lesson(client, network, teacher, ondervoeding):
    lesson = LessonFactory(teacher=teacher, themes=[ondervoeding])
    client.force_login(member(network, Role.TEACHER))
    response = client.post(reverse("casework:lesson_delete", args=[lesson.pk]))
    assert response.status_code == 403
    assert Lesson.objects.filter(pk=lesson.pk).exists()


def test_deleting_a_lesson_that_does_not_exist_answers_404(client, teacher):
    client.force_login(teacher)
    assert client.post(reverse("casework:lesson_delete", args=[999999])).status_code == 404


@pytest.mark.parametrize("n", [1, 50])
def test_lesson_overview_queries_do_not_grow(
    client, network, teacher, ondervoeding, django_assert_num_queries, n
):
    colleague = member(network, Role.TEACHER)
    student = member(network, Role.STUDENT)
    professional = member(network, Role.PROFESSIONAL)
    for i in range(n):
        theme = ThemeFactory(network=network)
        LessonFactory(teacher=teacher, themes=[theme, ondervoeding])
        LessonFactory(teacher=colleague, themes=[theme], level="hbo")
        meeting = MeetingFactory(network=network, starts_at=timezone.now() + timedelta(days=i + 1))
        meeting.themes.set([theme])
        made = CaseFactory(network=network, student=student, professional=professional)
        made.themes.set([theme])
    client.force_login(teacher)
    with django_assert_num_queries(17):
        response = client.get(reverse("casework:lessons"))
    assert len(response.context["planning"].own_lessons) == n
