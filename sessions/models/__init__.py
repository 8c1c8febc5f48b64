"""Models of the ``meetings`` app, one module per topic."""

from .attendance import Attendance, MeetingRole, Rsvp
from .meetings import Meeting, MeetingSeries

__all__ = ["Attendance", "Meeting", "MeetingRole", "MeetingSeries", "Rsvp"]
