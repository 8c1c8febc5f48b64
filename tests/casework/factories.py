"""Factories of casework and theme projects."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from casework.models import Case, Lesson
from networks.choices import Role
from networks.models import Milestone, ThemeProject
from tests.factories import NetworkFactory, ThemeFactory, member
from tests.sessions.factories import MeetingFactory as BaseMeetingFactory


class MeetingFactory(BaseMeetingFactory):
    """A klinische les: the meeting in which a pair presents its case."""

    format = "klinische_les"
    title = factory.Sequence(lambda n: f"Klinische les {n}")
    location = "Wijkcentrum De Pijp"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Mevrouw J., casus {n}")
    student = factory.LazyAttribute(lambda o: member(o.network, Role.STUDENT))
    professional = factory.LazyAttribute(lambda o: member(o.network, Role.PROFESSIONAL))
    situation = "Mevrouw (84) woont alleen en is in drie maanden vijf kilo afgevallen."
    questions_care = "Hoe brengen we de voedingstoestand in kaart?"
    questions_social = "Wie kan helpen met boodschappen en samen eten?"


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson
        skip_postgeneration_save = True

    teacher = factory.SubFactory("tests.factories.UserFactory", profession="teacher")
    title = factory.Sequence(lambda n: f"Les {n}")
    school = "ROC Amsterdam"
    programme = "MBO-V"
    level = "mbo"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=10))
    objectives = "De student herkent ondervoeding bij thuiswonende ouderen."

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.themes.set(extracted)


class ThemeProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeProject

    network = factory.SubFactory(NetworkFactory)
    theme = factory.LazyAttribute(lambda o: ThemeFactory(network=o.network))
    title = factory.Sequence(lambda n: f"Project {n}")
    aim = "Ondervoeding bij thuiswonende ouderen voorkomen."
    starts_on = date(2026, 1, 1)
    ends_on = date(2027, 12, 31)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ThemeProjectFactory)
    title = factory.Sequence(lambda n: f"Mijlpaal {n}")
    due_on = date(2026, 6, 1)
