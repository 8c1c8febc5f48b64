"""Models of the ``meetings`` app, one module per topic."""

from .attendance import Attendance, MeetingRole, Rsvp
from .meetings import Meeting, MeetingSeries
from .reminders import Delivery, DeliveryStatus

__all__ = [
    "Attendance",
    "Delivery",
    "DeliveryStatus",
    "Meeting",
    "MeetingRole",
    "MeetingSeries",
    "Rsvp",
]
