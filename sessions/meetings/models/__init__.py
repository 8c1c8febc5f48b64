"""Models of the ``meetings`` app, one module per topic."""

from .attendance import Attendance, MeetingRole, Rsvp
from .groups import BreakoutGroup, BreakoutGroupMember
from .meetings import Meeting, MeetingSeries
from .record import ActionKind, ActionStatus, MeetingAction, MeetingRecord

__all__ = [
    "ActionKind",
    "ActionStatus",
    "Attendance",
    "BreakoutGroup",
    "BreakoutGroupMember",
    "Meeting",
    "MeetingAction",
    "MeetingRecord",
    "MeetingRole",
    "MeetingSeries",
    "Rsvp",
]
