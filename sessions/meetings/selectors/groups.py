"""Reads for breakout groups: who is there to divide, and the groups as they stand."""

from dataclasses import dataclass, field

from accounts.models import User

from ..choices import AttendanceStatus, RsvpAnswer
from ..models import Attendance, BreakoutGroup, BreakoutGroupMember, Meeting, Rsvp


def people_to_divide(meeting: Meeting) -> list[User]:
    """Those present (or late); if no attendance has been registered yet, those who said
    yes and are not on the waiting list."""
    if Attendance.objects.filter(meeting=meeting).exists():
        rows = Attendance.objects.filter(
            meeting=meeting, status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE]
        )
    else:
        rows = Rsvp.objects.filter(meeting=meeting, answer=RsvpAnswer.YES, waitlisted=False)
    return [row.user for row in rows.select_related("user").order_by("user__full_name", "user_id")]


@dataclass
class GroupView:
    group: BreakoutGroup
    people: list[User] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.group.number

    @property
    def students(self) -> int:
        return sum(1 for person in self.people if person.is_student)

    @property
    def domains(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for person in self.people:
            label = str(person.get_domain_display())
            counts[label] = counts.get(label, 0) + 1
        return sorted(counts.items())


def groups_of(meeting: Meeting) -> list[GroupView]:
    """The meeting's groups in number order, each with its people (two queries)."""
    views = {g.pk: GroupView(g) for g in BreakoutGroup.objects.filter(meeting=meeting)}
    members = (
        BreakoutGroupMember.objects.filter(meeting=meeting)
        .select_related("user")
        .order_by("user__full_name", "user_id")
    )
    for member in members:
        if member.group_id in views:
            views[member.group_id].people.append(member.user)
    return sorted(views.values(), key=lambda v: v.number)
