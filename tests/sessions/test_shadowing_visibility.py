"""One visibility rule for a shadowing day and its reflection: the shadower, the host, the
network's coordinators and the teachers who teach the shadower (same school). A teacher of
another school in the same network sees the day and its reflection nowhere."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.choices import OrganisationKind, Role
from networks.models import Membership
from sessions.reminders.kinds import digest_moment
from sessions.shadowing import permissions as perms
from sessions.shadowing import selectors
from sessions.shadowing.reminders import TeacherDigest
from tests.factories import OrganisationFactory, ThemeFactory, member
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    reflected,
    same_school,
    social_worker,
)

pytestmark = pytest.mark.django_db

SECRET = "Ondervoeding bij mevrouw Jansen: een geheim van de reflectie."


def _at_school(user, network, school):
    Membership.objects.filter(network=network, user=user).update(organisation=school)
    return user


@pytest.fixture
def schools(network, other_network):
    north = OrganisationFactory(name="ROC Noord", kind=OrganisationKind.SCHOOL)
    south = OrganisationFactory(name="Hogeschool Zuid", kind=OrganisationKind.SCHOOL)
    student = _at_school(member(network, Role.STUDENT, full_name="Sara Student"), network, north)
    host = social_worker(network, full_name="Henk Host")
    day = ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        status="done",
        **reflected(reflection_seen=SECRET),
    )
    ThemeFactory(network=network, name="ondervoeding", slug="ondervoeding")
    people = {
        "student": student,
        "host": host,
        "same_school": _at_school(member(network, Role.TEACHER), network, north),
        "other_school": _at_school(member(network, Role.TEACHER), network, south),
        "coordinator": member(network, Role.COORDINATOR),
        "other_network_teacher": _at_school(
            member(other_network, Role.TEACHER), other_network, north
        ),
    }
    return day, people


SEES = {
    "student": True,
    "host": True,
    "same_school": True,
    "coordinator": True,
    "other_school": False,
    "other_network_teacher": False,
}


@pytest.mark.parametrize(("who", "sees"), SEES.items())
def test_the_rule_and_its_queryset_agree(network, schools, who, sees):
    day, people = schools
    user = people[who]
    assert perms.can_see_day(user, day) is sees
    assert perms.can_see_reflection(user, day) is sees
    assert selectors.days_visible_to(user, network).filter(pk=day.pk).exists() is sees


@pytest.mark.parametrize(("who", "sees"), SEES.items())
def test_day_page(client, network, schools, who, sees):
    day, people = schools
    client.force_login(people[who])
    response = client.get(reverse("shadowing:day", args=[network.slug, day.pk]))
    if sees:
        assert response.status_code == 200
        assert SECRET in response.content.decode()
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("who", ["same_school", "other_school", "coordinator"])
def test_students_list_and_student_logbook(client, network, schools, who):
    day, people = schools
    client.force_login(people[who])
    sees = SEES[who]
    response = client.get(reverse("shadowing:students", args=[network.slug]))
    assert response.status_code == 200
    assert ("Sara Student" in response.content.decode()) is sees
    response = client.get(reverse("shadowing:student", args=[network.slug, day.shadower_id]))
    if sees:
        assert response.status_code == 200
        assert SECRET in response.content.decode()
    else:
        assert response.status_code == 404


def test_feedback_only_from_a_teacher_who_teaches_the_student(client, network, schools):
    day, people = schools
    client.force_login(people["other_school"])
    response = client.post(
        reverse("shadowing:feedback", args=[network.slug, day.pk]), {"text": "Goed gedaan"}
    )
    assert response.status_code == 404
    assert not day.feedback.exists()


def test_teacher_digest_holds_only_taught_students(network, schools):
    day, people = schools
    since = day.reflection_written_at.replace(year=day.reflection_written_at.year - 1)
    assert [d.pk for d in selectors.teacher_digest(people["same_school"], network, since)] == [
        day.pk
    ]
    assert list(selectors.teacher_digest(people["other_school"], network, since)) == []


@pytest.mark.parametrize(("who", "sees"), SEES.items())
def test_themes_board(client, network, schools, who, sees):
    day, people = schools
    if who == "other_network_teacher":
        return  # not a member: the board itself is not theirs
    client.force_login(people[who])
    response = client.get(reverse("casework:board", args=[network.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert SECRET not in html
    link = f'href="/netwerken/{network.slug}/meelopen/{day.pk}/"'
    assert (link in html) is sees
    (theme,) = response.context["themes"]
    assert theme.reflection_mentions.count == 1
    assert [d.pk for d in theme.reflection_mentions.visible] == ([day.pk] if sees else [])


def test_export_is_for_coordinators_only_and_holds_no_reflection(client, network, schools):
    day, people = schools
    url = reverse("shadowing:export", args=[network.slug, "csv"])
    client.force_login(people["other_school"])
    assert client.get(url).status_code == 403
    client.force_login(people["coordinator"])
    response = client.get(url + f"?start={day.date.isoformat()}&end={day.date.isoformat()}")
    assert response.status_code == 200
    content = response.content.decode("utf-8-sig")
    assert "Sara Student" in content
    assert SECRET not in content


def test_weekly_digest_goes_only_to_teachers_of_the_students_school(network, schools):
    day, people = schools
    moment = digest_moment(timezone.now() + timedelta(days=7))
    due = TeacherDigest().due(moment + timedelta(hours=1), network_ids=[network.pk])
    assert {d.recipient_id for d in due} == {people["same_school"].pk}


def test_a_teacher_without_a_school_teaches_nobody(client, network):
    """A missing school matches nobody: a teacher and a student who both have none are not
    "the same school", so the teacher sees neither the day nor its reflection, anywhere."""
    student = member(network, Role.STUDENT, full_name="Nina Nergens")
    host = social_worker(network)
    day = ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        status="done",
        **reflected(reflection_seen=SECRET),
    )
    teacher = member(network, Role.TEACHER)
    school_student = _at_school(
        member(network, Role.STUDENT, full_name="Sara School"),
        network,
        OrganisationFactory(name="ROC Noord", kind=OrganisationKind.SCHOOL),
    )
    ShadowingDayFactory(
        network=network, shadower=school_student, host=host, status="done", **reflected()
    )

    assert not perms.can_see_day(teacher, day)
    assert not perms.can_see_reflection(teacher, day)
    assert not perms.can_give_feedback(teacher, day)
    assert not selectors.days_visible_to(teacher, network).exists()
    assert not perms.followed_students(teacher, network).exists()
    since = day.reflection_written_at - timedelta(days=365)
    assert list(selectors.teacher_digest(teacher, network, since)) == []
    moment = digest_moment(timezone.now() + timedelta(days=7))
    assert TeacherDigest().due(moment + timedelta(hours=1), network_ids=[network.pk]) == []

    client.force_login(teacher)
    assert client.get(reverse("shadowing:day", args=[network.slug, day.pk])).status_code == 404
    url = reverse("shadowing:student", args=[network.slug, student.pk])
    assert client.get(url).status_code == 404
    html = client.get(reverse("shadowing:students", args=[network.slug])).content.decode()
    assert "Nina Nergens" not in html
    assert "Sara School" not in html
    response = client.post(
        reverse("shadowing:feedback", args=[network.slug, day.pk]), {"text": "Goed gedaan"}
    )
    assert response.status_code == 404
    assert not day.feedback.exists()


def test_a_teacher_and_a_student_of_the_same_school(client, network):
    student = member(network, Role.STUDENT, full_name="Nina Nergens")
    day = ShadowingDayFactory(
        network=network,
        shadower=student,
        host=social_worker(network),
        status="done",
        **reflected(reflection_seen=SECRET),
    )
    teacher = member(network, Role.TEACHER)
    same_school(network, teacher, student)

    assert perms.can_see_day(teacher, day)
    assert perms.can_see_reflection(teacher, day)
    assert perms.can_give_feedback(teacher, day)
    assert [d.pk for d in selectors.days_visible_to(teacher, network)] == [day.pk]
    client.force_login(teacher)
    response = client.get(reverse("shadowing:day", args=[network.slug, day.pk]))
    assert response.status_code == 200
    assert SECRET in response.content.decode()
    url = reverse("shadowing:student", args=[network.slug, student.pk])
    assert client.get(url).status_code == 200
    html = client.get(reverse("shadowing:students", args=[network.slug])).content.decode()
    assert "Nina Nergens" in html
    moment = digest_moment(timezone.now() + timedelta(days=7))
    due = TeacherDigest().due(moment + timedelta(hours=1), network_ids=[network.pk])
    assert {d.recipient_id for d in due} == {teacher.pk}
