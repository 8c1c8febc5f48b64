"""A person with data in every app, for the personal-data tests (export and erasure).

``give_data(person, network, n)`` adds the n-th set of rows: one of everything the platform
keeps about a person, plus texts of other people next to them that must never reach the
person's export (marked SECRET so a leak is easy to find).
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from casework.models import CaseAccess, CaseAttachment, CaseContribution
from networks.choices import Role
from networks.models import Invitation, Membership, PdsaEntry, ProjectMember
from sessions.meetings.models import (
    Attendance,
    BreakoutGroup,
    BreakoutGroupMember,
    MeetingAction,
    MeetingRecord,
    MeetingSeries,
)
from sessions.reminders.models import Delivery
from sessions.shadowing.choices import ShadowingStatus
from sessions.shadowing.models import ShadowingFeedback
from tests.casework.factories import CaseFactory, LessonFactory, ThemeProjectFactory
from tests.factories import NetworkFactory, ThemeFactory, member
from tests.sessions.factories import MeetingFactory, MeetingRoleFactory, RsvpFactory
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingSlotFactory,
    reflected,
    social_worker,
)

OTHER_REFLECTION = "SECRET reflection of another shadower"
OTHER_GOALS = "SECRET learning goals of another shadower"
CASE_SITUATION = "SECRET situation: mevrouw woont alleen en valt af."
OTHER_CONTRIBUTION = "SECRET contribution of the professional"
OTHER_INVITEE = "secret.invitee@example.org"


def give_data(person, network, n: int = 1) -> dict:
    """One of everything about ``person`` (a current student of ``network``)."""
    now = timezone.now()
    today = timezone.localdate()
    coordinator = member(network, Role.COORDINATOR)
    teacher = member(network, Role.TEACHER)
    host = social_worker(network)
    other = member(network, Role.STUDENT)

    # networks
    history = NetworkFactory(name=f"LIN Vroeger {n}")
    Membership.objects.create(
        network=history,
        user=person,
        role=Role.GUEST,
        starts_on=today - timedelta(days=400),
        ends_on=today - timedelta(days=300),
        ended_at=now - timedelta(days=300),
    )
    invited_to = NetworkFactory(name=f"LIN Uitnodiging {n}")
    Invitation.objects.create(
        network=invited_to,
        email=person.email,
        role=Role.STUDENT,
        expires_at=now + timedelta(days=7),
    )
    Invitation.objects.create(
        network=network, email=OTHER_INVITEE.replace("@", f"{n}@"), role=Role.GUEST,
        invited_by=person, expires_at=now + timedelta(days=7),
    )  # fmt: skip
    ended = member(network, Role.GUEST)
    Membership.objects.filter(user=ended).update(ended_at=now, ended_by=person)
    project = ThemeProjectFactory(network=network, title=f"Project Ondervoeding {n}")
    ProjectMember.objects.create(project=project, user=person, role="member")
    PdsaEntry.objects.create(
        project=project, question=f"Eten ouderen meer? {n}", plan="Samen eten.", author=person
    )

    # meetings
    past = MeetingFactory(
        network=network,
        title=f"Intervisie vorige maand {n}",
        starts_at=now - timedelta(days=30),
        ends_at=now - timedelta(days=30) + timedelta(hours=2),
        facilitator=person,
        created_by=person,
    )
    coming = MeetingFactory(
        network=network, title=f"Klinische les volgende week {n}", capacity=1, facilitator=person
    )
    RsvpFactory(meeting=past, user=person, answer="yes")
    RsvpFactory(meeting=coming, user=person, answer="yes")
    waiting = RsvpFactory(meeting=coming, user=other, answer="yes", waitlisted=True)
    Attendance.objects.create(meeting=past, user=person, status="present", registered_by=person)
    Attendance.objects.create(meeting=past, user=other, status="absent", registered_by=person)
    MeetingRoleFactory(meeting=past, user=person, kind="note_taker")
    MeetingRoleFactory(meeting=coming, user=person, kind="presenter")
    for meeting in (past, coming):
        group = BreakoutGroup.objects.create(meeting=meeting, number=1)
        BreakoutGroupMember.objects.create(group=group, meeting=meeting, user=person)
    MeetingSeries.objects.create(
        network=network, title=f"Reeks {n}", format="intervisie", created_by=person
    )
    MeetingRecord.objects.create(meeting=past, method="intervisie", updated_by=person)
    MeetingAction.objects.create(
        meeting=past, text=f"Diëtist uitnodigen {n}", owner=person, created_by=coordinator
    )
    due = now + timedelta(days=1)
    pending = Delivery.objects.create(
        kind="meeting_reminder", object_key=f"meeting:{coming.pk}@1", recipient=person,
        network=network, target=coming, due_at=due, next_attempt_at=due,
    )  # fmt: skip
    sent_at = now - timedelta(days=31)
    sent = Delivery.objects.create(
        kind="meeting_reminder", object_key=f"meeting:{past.pk}@1", recipient=person,
        network=network, target=past, due_at=sent_at, next_attempt_at=sent_at,
        status="sent", sent_at=sent_at,
    )  # fmt: skip

    # shadowing
    shadowed = ShadowingDayFactory(
        network=network,
        shadower=person,
        host=host,
        status=ShadowingStatus.DONE,
        learning_goals=f"Mijn leerdoel {n}",
        **reflected(reflection_seen=f"Mijn reflectie {n}"),
    )
    feedback = ShadowingFeedback.objects.create(day=shadowed, author=teacher, text=f"Goed {n}")
    future_day = ShadowingDayFactory(
        network=network, shadower=person, host=host, date=today + timedelta(days=5 + n)
    )
    hosted = ShadowingDayFactory(
        network=network,
        shadower=other,
        host=person,
        status=ShadowingStatus.DONE,
        learning_goals=OTHER_GOALS,
        **reflected(reflection_seen=OTHER_REFLECTION),
    )
    hosting_soon = ShadowingDayFactory(
        network=network, shadower=other, host=person, date=today + timedelta(days=20 + n),
        status=ShadowingStatus.REQUESTED,
    )  # fmt: skip
    ShadowingFeedback.objects.create(day=hosted, author=person, text=f"Mijn feedback {n}")
    free_slot = ShadowingSlotFactory(
        network=network, host=person, date=today + timedelta(days=40 + n), place="Buurthuis"
    )
    booked_slot = ShadowingSlotFactory(
        network=network, host=person, date=today + timedelta(days=60 + n)
    )
    booked = ShadowingDayFactory(
        network=network, shadower=other, host=person, slot=booked_slot, date=booked_slot.date,
        status=ShadowingStatus.PLANNED, source="slot",
    )  # fmt: skip

    # casework
    case = CaseFactory(
        network=network,
        title=f"Mevrouw J., casus {n}",
        student=person,
        created_by=person,
        situation=CASE_SITUATION,
        meeting=past,
    )
    CaseContribution.objects.create(
        case=case, discipline="nursing_student", text=f"Mijn bijdrage {n}", author=person
    )
    CaseContribution.objects.create(
        case=case, discipline="district_nurse", text=OTHER_CONTRIBUTION, author=case.professional
    )
    CaseAttachment.objects.create(
        case=case,
        file=SimpleUploadedFile("dia.pdf", b"%PDF-1.4 test"),
        name=f"dia-{n}.pdf",
        size=13,
        uploaded_by=person,
    )
    CaseAccess.objects.create(case=case, user=person)
    theme = ThemeFactory(network=network, name=f"ondervoeding {n}")
    lesson = LessonFactory(teacher=person, title=f"Ondervoeding herkennen {n}", themes=[theme])
    lesson.cases.add(case)
    lesson.meetings.add(past)
    return {
        "coordinator": coordinator,
        "teacher": teacher,
        "host": host,
        "other": other,
        "past": past,
        "coming": coming,
        "waiting": waiting,
        "pending": pending,
        "sent": sent,
        "shadowed": shadowed,
        "feedback": feedback,
        "future_day": future_day,
        "hosted": hosted,
        "hosting_soon": hosting_soon,
        "free_slot": free_slot,
        "booked_slot": booked_slot,
        "booked": booked,
        "case": case,
        "lesson": lesson,
        "project": project,
        "invited_to": invited_to,
    }


def sanne(network, **kwargs):
    """The person whose data the tests export and erase: a current student of ``network``."""
    return member(
        network,
        Role.STUDENT,
        email="sanne.student@example.org",
        full_name="Sanne de Student",
        programme="MBO-V",
        **kwargs,
    )
