"""Erasing a person's personal data: on their own page with their password, or by staff in
the admin; what each app removes, ends or blanks, and what the networks keep."""

import csv
import io
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.urls import reverse
from django.utils import timezone, translation

from accounts.services import ErasureRefused, account_erase
from casework.models import CaseAccess, CaseContribution, Lesson
from networks.choices import Role
from networks.models import Invitation, Membership, PdsaEntry, ProjectMember
from sessions.meetings.models import Attendance, BreakoutGroupMember, MeetingRole, Rsvp
from sessions.reminders.models import Delivery
from sessions.shadowing.choices import ShadowingStatus
from sessions.shadowing.models import ShadowingDay, ShadowingFeedback, ShadowingSlot
from tests.accounts.personal_data_world import give_data, sanne
from tests.factories import PASSWORD, UserFactory, member

pytestmark = pytest.mark.django_db

ERASE = reverse("accounts:personal_data_erase")
OUR_APPS = ("accounts", "networks", "reminders", "meetings", "shadowing", "casework", "account")


def snapshot() -> dict:
    """Every row of our apps and allauth's addresses: to prove that nothing changed."""
    state = {}
    for model in apps.get_models():
        if model._meta.app_label in OUR_APPS:
            state[model._meta.label] = sorted(
                (tuple(sorted(row.items())) for row in model.objects.values()), key=repr
            )
    return state


@pytest.fixture
def person(network):
    return sanne(network)


@pytest.fixture
def world(network, person):
    return give_data(person, network)


def erase_on_own_page(client, person, password=PASSWORD):
    client.force_login(person)
    return client.post(ERASE, {"password": password})


# --- the person's own page ----------------------------------------------------------------


def test_the_erase_page_says_what_happens_and_asks_for_the_password(client, person):
    client.force_login(person)
    page = client.get(ERASE).content.decode()
    assert '<h1 class="h2">Mijn gegevens wissen</h1>' in page
    assert "<dt>Meelopen</dt>" in page
    assert 'name="password"' in page
    assert "Wis mijn gegevens en log me uit" in page


def test_wrong_password_erases_nothing(client, person, world):
    client.force_login(person)
    before = snapshot()
    response = client.post(ERASE, {"password": "wrong-password"})
    assert response.status_code == 200
    assert "Dat is niet je huidige wachtwoord. Er is niets gewist." in response.content.decode()
    assert snapshot() == before
    assert client.get(reverse("accounts:profile")).status_code == 200  # still signed in


def test_own_erasure_signs_out_and_confirms(client, person, world):
    response = erase_on_own_page(client, person)
    assert response.status_code == 302
    assert response.url == reverse("accounts:personal_data_erased")
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Je persoonsgegevens zijn gewist en je bent uitgelogd." in page.content.decode()
    profile = client.get(reverse("accounts:profile"))
    assert profile.status_code == 302
    assert profile.url.startswith(reverse("account_login"))


def test_the_only_coordinator_is_refused_and_told_where_to_hand_over(client, network, coordinator):
    client.force_login(coordinator)
    page = client.get(ERASE).content.decode()
    message = (
        "Je bent de enige coördinator van LIN Oost. Stel daar eerst een andere coördinator "
        "aan, of vraag de beheerders van het platform om je gegevens te wissen."
    )
    assert message in page
    assert 'name="password"' not in page
    before = snapshot()
    response = client.post(ERASE, {"password": PASSWORD})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot() == before
    with pytest.raises(ErasureRefused):
        account_erase(user=coordinator, by=coordinator)


def test_a_coordinator_with_a_colleague_may_erase(client, network, coordinator):
    member(network, Role.COORDINATOR)
    assert erase_on_own_page(client, coordinator).status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.erased_at is not None


def test_staff_erase_the_only_coordinator(network, coordinator):
    staff = UserFactory(is_staff=True)
    account_erase(user=coordinator, by=staff)
    membership = Membership.objects.get(user=coordinator)
    assert (membership.ended_by, membership.is_current) == (staff, False)


def test_someone_else_who_is_not_staff_cannot_erase(network, person):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        account_erase(user=person, by=UserFactory())
    person.refresh_from_db()
    assert person.erased_at is None


def test_a_superuser_cannot_erase_themself_on_the_page(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    before = snapshot()
    response = client.post(ERASE, {"password": PASSWORD})
    assert response.status_code == 200
    assert "Beheerders kunnen hun eigen account hier niet wissen." in response.content.decode()
    assert snapshot() == before


# --- what erasure does, per app -----------------------------------------------------------


def test_the_account_is_anonymised(client, person, world):
    old_token = person.calendar_token
    erase_on_own_page(client, person)
    person.refresh_from_db()
    assert person.erased_at is not None
    assert (person.email, person.full_name, person.programme) == (
        f"erased-{person.pk}@erased.invalid",
        "",
        "",
    )
    # What the network's figures need stays.
    assert (person.profession, person.student_level, person.domain) == (
        "nursing_student",
        "mbo",
        "care",
    )
    assert (person.is_active, person.has_usable_password(), person.is_staff) == (
        False,
        False,
        False,
    )
    assert person.calendar_token != old_token
    assert person.calendar_feed_enabled is False
    assert (person.reminders_off, person.meeting_reminder_minutes) == ([], [2880, 120])
    assert EmailAddress.objects.filter(user=person).count() == 0
    with translation.override("nl"):
        assert (str(person), person.get_full_name(), person.get_short_name()) == (
            "Voormalig lid",
            "Voormalig lid",
            "Voormalig lid",
        )
    with translation.override("en"):
        assert str(person) == "Former member"


def test_an_erased_person_cannot_sign_in(client, person):
    erase_on_own_page(client, person)
    for email in ("sanne.student@example.org", f"erased-{person.pk}@erased.invalid"):
        response = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
        assert response.status_code == 200  # the form again, with its error
        assert "_auth_user_id" not in client.session


def test_networks_end_the_memberships_and_forget_the_invitations(client, network, person, world):
    today = timezone.localdate()
    erase_on_own_page(client, person)
    rows = Membership.objects.filter(user=person).order_by("starts_on")
    assert [(m.network.name, m.is_current, m.ends_on) for m in rows] == [
        ("LIN Vroeger 1", False, today - timedelta(days=300)),
        ("LIN Oost", False, today),
    ]
    assert rows[1].ended_by == person
    assert Invitation.objects.filter(network=world["invited_to"]).count() == 0
    # Sent by them: kept (the invitee's), without a name of theirs in it.
    assert Invitation.objects.filter(invited_by=person).count() == 1
    assert ProjectMember.objects.filter(user=person).count() == 0
    assert PdsaEntry.objects.filter(author=person).count() == 1


def test_meetings_lose_what_is_still_to_come(client, person, world):
    erase_on_own_page(client, person)
    past, coming = world["past"], world["coming"]
    assert list(Rsvp.objects.filter(user=person).values_list("meeting", flat=True)) == [past.pk]
    assert list(MeetingRole.objects.filter(user=person).values_list("kind", flat=True)) == [
        "note_taker"
    ]
    assert list(
        BreakoutGroupMember.objects.filter(user=person).values_list("meeting", flat=True)
    ) == [past.pk]
    assert Attendance.objects.filter(user=person, meeting=past).count() == 1
    past.refresh_from_db()
    coming.refresh_from_db()
    assert (past.facilitator, coming.facilitator) == (person, None)
    # The freed place of the full meeting goes to the one waiting.
    world["waiting"].refresh_from_db()
    assert world["waiting"].waitlisted is False


def test_reminders_not_yet_sent_are_withdrawn(client, person, world):
    erase_on_own_page(client, person)
    rows = {d.pk: (d.status, d.reason) for d in Delivery.objects.filter(recipient=person)}
    assert rows == {
        world["pending"].pk: ("withdrawn", "The person's personal data was erased."),
        world["sent"].pk: ("sent", ""),
    }


def test_shadowing_keeps_the_figures_and_blanks_the_words(client, person, world):
    erase_on_own_page(client, person)
    day = ShadowingDay.objects.get(pk=world["shadowed"].pk)
    assert (day.learning_goals, day.reflection_seen, day.reflection_take_away) == ("", "", "")
    assert (day.date, day.hours, day.status, day.host) == (
        world["shadowed"].date,
        world["shadowed"].hours,
        ShadowingStatus.DONE,
        world["host"],
    )
    assert ShadowingFeedback.objects.filter(day=day).count() == 0
    # A day they hosted keeps the visitor's own words.
    hosted = ShadowingDay.objects.get(pk=world["hosted"].pk)
    assert hosted.reflection_seen == "SECRET reflection of another shadower"
    assert ShadowingFeedback.objects.filter(author=person).count() == 1
    reason = (
        "Gaat niet door: de ander heeft het platform verlaten en de eigen gegevens laten wissen."
    )
    for key in ("future_day", "hosting_soon", "booked"):
        day = ShadowingDay.objects.get(pk=world[key].pk)
        assert (day.status, day.cancel_reason, day.cancelled_by) == (
            ShadowingStatus.CANCELLED,
            reason,
            person,
        )
    assert ShadowingSlot.objects.filter(host=person).count() == 0


def test_the_cancel_reason_is_in_the_other_persons_language_and_they_are_told(
    person, network, mailoutbox, django_capture_on_commit_callbacks
):
    host = member(network, Role.PROFESSIONAL, profession="social_worker", language="en")
    from tests.sessions.factories_shadowing import ShadowingDayFactory

    day = ShadowingDayFactory(
        network=network, shadower=person, host=host, date=timezone.localdate() + timedelta(days=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=person)
    day.refresh_from_db()
    assert (day.status, day.cancel_reason) == (
        ShadowingStatus.CANCELLED,
        "Cancelled: the other person left the platform and had their data erased.",
    )
    assert [m.to for m in mailoutbox] == [[host.email]]


def test_casework_keeps_the_case_with_a_former_member_in_the_pair(client, person, world):
    erase_on_own_page(client, person)
    case = world["case"]
    case.refresh_from_db()
    assert (case.student, case.situation) == (
        person,
        "SECRET situation: mevrouw woont alleen en valt af.",
    )
    assert CaseContribution.objects.filter(author=person).count() == 1
    assert CaseAccess.objects.filter(user=person).count() == 1
    assert Lesson.objects.filter(teacher=person).count() == 1


def test_a_second_erasure_changes_nothing(client, person, world):
    staff = UserFactory(is_staff=True)
    erase_on_own_page(client, person)
    before = snapshot()
    account_erase(user=person, by=staff)
    assert snapshot() == before


# --- pages and exports after erasure ----------------------------------------------------------


def test_pages_that_showed_the_name_show_former_member(client, network, person, world):
    coordinator = world["coordinator"]
    erase_on_own_page(client, person)
    client.force_login(coordinator)
    slug = network.slug
    pages = [
        reverse("casework:case_detail", args=[slug, world["case"].pk]),
        reverse("meetings:attendance", args=[slug, world["past"].pk]),
        reverse("meetings:detail", args=[slug, world["past"].pk]),
        reverse("networks:members", args=[slug]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Voormalig lid" in html, url
        assert "Sanne" not in html, url
        assert "sanne.student" not in html, url
    client.force_login(world["teacher"])
    html = client.get(reverse("casework:lesson_detail", args=[world["lesson"].pk])).content.decode()
    assert "Voormalig lid" in html
    assert "Sanne" not in html


def test_logbook_pattern_and_attendance_exports_still_work(client, network, person, world):
    erase_on_own_page(client, person)
    # The other student's logbook: their host is now a former member.
    client.force_login(world["other"])
    logbook = client.get(reverse("shadowing:logbook_print", args=[network.slug]))
    assert logbook.status_code == 200
    assert "Voormalig lid" in logbook.content.decode()
    client.force_login(world["coordinator"])
    pattern = client.get(reverse("shadowing:pattern", args=[network.slug]))
    assert pattern.status_code == 200
    today = timezone.localdate()
    period = {
        "start": (today - timedelta(days=60)).isoformat(),
        "end": (today + timedelta(days=90)).isoformat(),
    }
    export = client.get(reverse("shadowing:export", args=[network.slug, "csv"]), period)
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    mine = [row for row in rows[1:] if "Voormalig lid" in (row[6], row[9])]
    assert len(mine) == 5  # shadowed, planned (cancelled), hosted, requested and booked days
    assert all("Sanne" not in cell for row in rows for cell in row)
    attendance = client.get(
        reverse("meetings:attendance_export", args=[network.slug]),
        {
            "start": (today - timedelta(days=60)).isoformat(),
            "end": today.isoformat(),
            "file_format": "csv",
        },
    )
    assert attendance.status_code == 200
    rows = list(csv.reader(io.StringIO(attendance.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[5] for row in rows[1:]].count("Voormalig lid") == 1
    assert all("Sanne" not in cell for row in rows for cell in row)


# --- staff, in the admin --------------------------------------------------------------------


def test_staff_erase_with_the_admin_action_after_confirming(client, network, coordinator):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    changelist = reverse("admin:accounts_user_changelist")
    data = {"action": "erase_personal_data", "_selected_action": [coordinator.pk, admin.pk]}
    confirm = client.post(changelist, data)
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert coordinator.email in html
    assert "Je eigen account wordt hier niet gewist" in html
    coordinator.refresh_from_db()
    assert coordinator.erased_at is None  # not before confirming
    done = client.post(changelist, {**data, "post": "yes"})
    assert done.status_code == 302
    coordinator.refresh_from_db()
    admin.refresh_from_db()
    assert (coordinator.erased_at is not None, coordinator.is_active) == (True, False)
    assert admin.erased_at is None
    assert Membership.objects.current().filter(user=coordinator).count() == 0
