"""Factories of the meetings app."""

from datetime import timedelta

import factory
from django.utils import timezone

from sessions.meetings.choices import MeetingFormat, RsvpAnswer
from sessions.meetings.models import Attendance, Meeting, MeetingRole, MeetingSeries, Rsvp
from tests.factories import NetworkFactory, UserFactory


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
    location = "Buurthuis De Kolk, Amsterdam"


class RsvpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rsvp

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    answer = RsvpAnswer.YES
    answered_at = factory.LazyFunction(timezone.now)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    status = "present"


class MeetingRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRole

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    kind = "case_bringer"
