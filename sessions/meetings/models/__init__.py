"""Models of the ``meetings`` app, one module per topic."""

from .attendance import Attendance, MeetingRole, Rsvp
from .certificates import Certificate
from .groups import BreakoutGroup, BreakoutGroupMember
from .guests import GuestSpeaker
from .meetings import Meeting, MeetingSeries
from .record import ActionKind, ActionStatus, MeetingAction, MeetingRecord

__all__ = [
    "ActionKind",
    "ActionStatus",
    "Attendance",
    "BreakoutGroup",
    "BreakoutGroupMember",
    "Certificate",
    "GuestSpeaker",
    "Meeting",
    "MeetingAction",
    "MeetingRecord",
    "MeetingRole",
    "MeetingSeries",
    "Rsvp",
]
