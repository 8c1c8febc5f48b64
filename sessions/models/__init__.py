"""Models of the ``meetings`` app, one module per topic."""

from .meetings import Meeting, MeetingSeries

__all__ = ["Meeting", "MeetingSeries"]
