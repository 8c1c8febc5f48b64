"""Factories the reminder tests need (meetings, answers, roles)."""

import datetime as dt

import factory

from sessions.choices import MeetingFormat, RsvpAnswer
from sessions.models import Meeting, MeetingRole, Rsvp
from tests.factories import NetworkFactory, UserFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    network = factory.SubFactory(NetworkFactory)
    format = MeetingFormat.INTERVISIE
    title = factory.Sequence(lambda n: f"Intervisie {n}")
    starts_at = dt.datetime(2025, 3, 12, 14, 0, tzinfo=dt.UTC)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    location = "Buurthuis De Pijp, Amsterdam"
    agenda = "Casus van mevrouw J., 84 jaar (must never reach a mail)"


class RsvpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rsvp

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    answer = RsvpAnswer.YES
    answered_at = factory.LazyFunction(lambda: dt.datetime(2025, 1, 1, tzinfo=dt.UTC))


class MeetingRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRole

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    kind = "case_bringer"
