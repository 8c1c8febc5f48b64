"""Models of the ``meetings`` app, one module per topic."""

from .attendance import Attendance, MeetingRole, Rsvp
from .meetings import Meeting, MeetingSeries
from .shadowing import ShadowingDay, ShadowingFeedback, ShadowingSlot  # noqa: F401

__all__ = ["Attendance", "Meeting", "MeetingRole", "MeetingSeries", "Rsvp"]
