"""factory-boy factories shared by every test module."""

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.choices import Profession
from accounts.models import User
from networks.choices import NetworkKind, OrganisationKind, Role
from networks.models import Invitation, Membership, Network, Organisation, Theme

PASSWORD = "correct-horse-battery-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Persoon {n}")
    profession = Profession.DISTRICT_NURSE
    language = "nl"

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):  # noqa: N805
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class StudentFactory(UserFactory):
    profession = Profession.NURSING_STUDENT
    student_level = "mbo"
    programme = "MBO-V"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = OrganisationKind.CARE_PROVIDER
    city = "Amsterdam"


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"LIN Netwerk {n}")
    slug = factory.Sequence(lambda n: f"lin-netwerk-{n}")
    kind = NetworkKind.DISTRICT_TEAM
    region = "Amsterdam-Oost"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.PROFESSIONAL


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    network = factory.SubFactory(NetworkFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = Role.STUDENT
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


def member(network, role=Role.PROFESSIONAL, **user_kwargs) -> User:
    """A new person with a current membership of ``network`` in ``role``."""
    factory_class = StudentFactory if role == Role.STUDENT else UserFactory
    user = factory_class(**user_kwargs)
    MembershipFactory(network=network, user=user, role=role)
    return user
