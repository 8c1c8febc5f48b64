"""Factories of shadowing days and offered dagdelen."""

from datetime import time, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.choices import Profession
from networks.choices import OrganisationKind, Role
from networks.models import Membership, Organisation
from sessions.shadowing.choices import Dagdeel, ShadowingSource, ShadowingStatus
from sessions.shadowing.models import ShadowingDay, ShadowingFeedback, ShadowingSlot
from tests.factories import OrganisationFactory, member


def social_worker(network, **kwargs):
    """A host of the social domain in ``network``."""
    return member(network, Role.PROFESSIONAL, profession=Profession.SOCIAL_WORKER, **kwargs)


def same_school(network, *people, school: Organisation | None = None) -> Organisation:
    """Record one school (a new one unless ``school`` is given) on the current memberships
    of ``people`` in ``network``. A teacher teaches a student only when both memberships
    name the same school; a membership that names none matches nobody."""
    if school is None:
        school = OrganisationFactory(kind=OrganisationKind.SCHOOL)
    Membership.objects.current().filter(network=network, user__in=people).update(
        organisation=school
    )
    return school


class ShadowingSlotFactory(factory.django.DjangoModelFactory):
    """Pass ``network`` and ``host``."""

    class Meta:
        model = ShadowingSlot

    date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    dagdeel = Dagdeel.MORNING
    starts_at = time(8, 30)
    ends_at = time(12, 30)
    place = "Wijkcentrum De Pijp"


class ShadowingDayFactory(factory.django.DjangoModelFactory):
    """Pass ``network``, ``shadower`` and ``host``; by default a planned day last week."""

    class Meta:
        model = ShadowingDay

    host_network = factory.SelfAttribute("network")
    source = ShadowingSource.LOGGED
    date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    dagdeel = Dagdeel.MORNING
    starts_at = time(8, 30)
    ends_at = time(12, 30)
    hours = Decimal("4")
    place = "Wijkcentrum De Pijp"
    organisation_name = "Welzijn Oost"
    learning_goals = "Zien hoe een sociaal werker een keukentafelgesprek voert."
    status = ShadowingStatus.PLANNED


def reflected(**kwargs) -> dict:
    """Fields of a day whose reflection is written."""
    return {
        "reflection_seen": "Een keukentafelgesprek over eenzaamheid.",
        "reflection_surprised": "Hoeveel tijd er is voor het netwerk rond de cliënt.",
        "reflection_take_away": "Eerder de wijkcoach bellen.",
        "reflection_question": "Hoe delen we signalen zonder privacy te schenden?",
        "reflection_written_at": timezone.now(),
        **kwargs,
    }


class ShadowingFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShadowingFeedback

    text = "Mooie observatie; neem die vraag mee naar de bijeenkomst."
