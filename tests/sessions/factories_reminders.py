"""The meeting the reminder tests need: at a fixed moment (time is frozen around it), with an
agenda that holds client-like text, which must never reach a mail."""

import datetime as dt

import factory

from tests.sessions import factories as base
from tests.sessions.factories import MeetingRoleFactory as BaseMeetingRoleFactory

__all__ = ["MeetingFactory", "MeetingRoleFactory", "RsvpFactory"]


class MeetingFactory(base.MeetingFactory):
    starts_at = dt.datetime(2025, 3, 12, 14, 0, tzinfo=dt.UTC)
    location = "Buurthuis De Pijp, Amsterdam"
    agenda = "Casus van mevrouw J., 84 jaar (must never reach a mail)"


class RsvpFactory(base.RsvpFactory):
    meeting = factory.SubFactory(MeetingFactory)
    answered_at = factory.LazyFunction(lambda: dt.datetime(2025, 1, 1, tzinfo=dt.UTC))


class MeetingRoleFactory(BaseMeetingRoleFactory):
    meeting = factory.SubFactory(MeetingFactory)
