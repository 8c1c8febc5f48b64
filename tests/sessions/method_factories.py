"""Factories for meetings used by the method, groups and feed tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from sessions.choices import MeetingFormat
from sessions.models import Meeting, MeetingSeries
from tests.factories import NetworkFactory


class MeetingSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingSeries

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Intervisiereeks {n}")
    format = MeetingFormat.INTERVISIE


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    network = factory.SubFactory(NetworkFactory)
    format = MeetingFormat.INTERVISIE
    title = factory.Sequence(lambda n: f"Intervisie {n}")
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    location = "Buurthuis De Pijp, Amsterdam"
