"""Fictional demo data: five LIN networks modelled on real ones, for demos and performance work.

``python manage.py seed_demo`` calls :func:`seed`. The data itself (organisations, people,
networks, demo logins) lives in :mod:`networks.demo.data`; this module builds it and runs
the seeders of other apps. It builds, all fictional:

* ``amsterdam-oost`` – *LIN Wijkzorg Amsterdam-Oost*, a district-nursing LIN in which the
  two district teams of one care provider (team Dapperbuurt and team Indische Buurt) learn
  together. The teams are two organisations *within one network* (each member's
  ``Membership.organisation`` says which team), because a LIN is the shared learning space
  of both teams: one set of meetings, themes and students, not two;
* ``aios-utrecht`` – a learning community of GPs in training (AIOS) and their trainers;
* ``leiden-den-haag`` – MBO-V/HBO-V and social-work students and their teachers in
  Leiden and The Hague;
* ``hofstede`` – an interprofessional LIN in a nursing home with geriatric rehabilitation
  (with the *PLINT Ondervoeding* partners: a food company and a lectorate);
* ``tarwewijk`` – a neighbourhood network with residents and volunteers.

Every network has partner organisations with their part, practice themes, a coordinator,
teachers, students (whose membership ends with their internship), professionals from the
care and the social domain, and where it fits experts by experience, residents, researchers
and guests; a few ended memberships as history and one open invitation.

Every demo account shares :data:`DEMO_PASSWORD`, has a verified primary e-mail address (so
it can sign in while verification is mandatory) and an address under
:data:`DEMO_EMAIL_DOMAIN`, a domain reserved by RFC 2606 that can never reach a real person.

Idempotent: rows are looked up by their natural key (e-mail, network slug, organisation
name, theme slug per network, partner per network, invitation address per network; a
membership only when the person has no open membership in the network, or no ended one
with that role) and only the missing ones are created, with ``bulk_create`` so that
``scale`` copies stay fast. Accounts that exist already are left as they are.

``scale`` N builds N copies of everything: copy 1 is the one described above, copy k ≥ 2
has its own organisations ("… (k)"), networks ("… (k)", slug ``…-k``) and people (other
generated names, distinct e-mails), so every row count grows linearly with N.

Extension point
---------------
``networks`` must not import ``sessions`` or ``casework``, so those apps bring their own demo
data by registering a *seeder* in their ``AppConfig.ready()``::

    class MeetingsConfig(AppConfig):
        def ready(self):
            from networks.demo import register_seeder

            from .demo import seed_meetings

            register_seeder("meetings", seed_meetings)

A seeder is ``func(ctx: SeedContext) -> None``. :func:`seed` first builds the networks and
people, then calls every registered seeder in registration order (the order of
``INSTALLED_APPS``, as that is the order of ``ready()``), all inside one transaction: a seeder
that raises leaves nothing behind. Registering a name again replaces the seeder in place.
The context offers:

* ``ctx.networks`` – every :class:`DemoNetwork` (all copies): ``.key``, ``.copy``,
  ``.network``, ``.organisations`` (by organisation key), ``.themes`` (by slug),
  ``.members(role)`` (current members' users, in a stable order), ``.coordinator``;
* ``ctx.network(key, copy=1)`` and ``ctx.person(key, copy=1)`` (a person key is the e-mail
  local part of copy 1, e.g. ``"priya.ramdin"``);
* ``ctx.scale``, ``ctx.today``, ``ctx.now``, ``ctx.stdout``;
* ``ctx.record(Model, n)`` – count created rows for the command's summary.

Seeders must be idempotent too: look rows up by a natural key (e.g. a meeting by network and
title) and create only what is missing, so that running ``seed_demo`` twice adds nothing
twice and ``--scale`` copies are covered by looping over ``ctx.networks``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User

from ..choices import Role
from ..models import Invitation, Membership, Network, NetworkPartner, Organisation, Theme
from .data import (
    DEMO_EMAIL_DOMAIN,
    DEMO_LOGINS,
    DEMO_PASSWORD,
    NETWORKS,
    ORGANISATIONS,
    PEOPLE,
    STAFF,
    STAFF_EMAIL,
    STAFF_KEY,
    copy_invitation_email,
    copy_name,
    copy_person,
    demo_email,
)

__all__ = [
    "DEMO_EMAIL_DOMAIN",
    "DEMO_PASSWORD",
    "DemoNetwork",
    "SeedContext",
    "demo_logins",
    "register_seeder",
    "registered_seeders",
    "seed",
]

# Large IN lists are split so that SQLite's limit on query parameters is never reached.
_CHUNK = 500


# --- the context handed to seeders ---------------------------------------------------------


@dataclass
class DemoNetwork:
    """One (copy of a) demo network with the rows other seeders build on."""

    key: str
    copy: int
    network: Network
    organisations: dict[str, Organisation]
    themes: dict[str, Theme]
    _members: dict[str, list[User]] = field(default_factory=dict, repr=False)

    def members(self, role: str) -> list[User]:
        """The users with a current membership in ``role``, in specification order."""
        return list(self._members.get(role, []))

    @property
    def coordinator(self) -> User:
        return self._members[Role.COORDINATOR][0]


@dataclass
class SeedContext:
    scale: int
    stdout: Any
    today: date
    now: datetime
    networks: list[DemoNetwork] = field(default_factory=list)
    people: dict[tuple[str, int], User] = field(default_factory=dict)
    created: Counter = field(default_factory=Counter)

    def network(self, key: str, copy: int = 1) -> DemoNetwork:
        for demo_network in self.networks:
            if demo_network.key == key and demo_network.copy == copy:
                return demo_network
        raise KeyError(f"No demo network {key!r} in copy {copy}.")

    def person(self, key: str, copy: int = 1) -> User:
        return self.people[(key, copy)]

    def record(self, model: type[models.Model], count: int) -> None:
        if count:
            self.created[model] += count


Seeder = Callable[[SeedContext], None]
_SEEDERS: dict[str, Seeder] = {}


def register_seeder(name: str, func: Seeder) -> None:
    """Have ``seed_demo`` call ``func(ctx)`` after the networks are built (see module doc)."""
    _SEEDERS[name] = func


def registered_seeders() -> list[tuple[str, Seeder]]:
    return list(_SEEDERS.items())


# --- building ---------------------------------------------------------------------------


def _chunks(values: list, size: int = _CHUNK) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _fetch(model: type[models.Model], field_name: str, values: Iterable) -> dict:
    values = list(dict.fromkeys(values))
    found = {}
    for chunk in _chunks(values):
        for obj in model.objects.filter(**{f"{field_name}__in": chunk}):
            found[getattr(obj, field_name)] = obj
    return found


def _get_or_bulk_create(
    ctx: SeedContext, model: type[models.Model], field_name: str, objs: list
) -> dict:
    """Create the objects whose natural key ``field_name`` is not taken; return all by key."""
    keys = [getattr(obj, field_name) for obj in objs]
    existing = _fetch(model, field_name, keys)
    missing = [obj for obj in objs if getattr(obj, field_name) not in existing]
    model.objects.bulk_create(missing, batch_size=_CHUNK)
    ctx.record(model, len(missing))
    # Fetch again rather than trust bulk_create to set primary keys on every backend.
    return _fetch(model, field_name, keys) if missing else existing


def _seed_people(ctx: SeedContext, password_hash: str) -> None:
    from allauth.account.models import EmailAddress

    wanted: list[tuple[str, int, User]] = []
    for copy in range(1, ctx.scale + 1):
        for spec in PEOPLE:
            full_name, email = copy_person(spec, copy)
            user = User(
                email=email,
                full_name=full_name,
                profession=spec.profession,
                student_level=spec.student_level,
                programme=spec.programme,
                language=spec.language,
                password=password_hash,
            )
            wanted.append((spec.key, copy, user))
    staff = User(
        email=STAFF_EMAIL,
        full_name=STAFF.full_name,
        profession=STAFF.profession,
        password=password_hash,
        is_staff=True,
        is_superuser=True,
    )
    by_email = _get_or_bulk_create(ctx, User, "email", [u for _k, _c, u in wanted] + [staff])
    for key, copy, user in wanted:
        ctx.people[(key, copy)] = by_email[user.email]
    ctx.people[(STAFF_KEY, 1)] = by_email[STAFF_EMAIL]

    users = list(by_email.values())
    verified = set()
    for chunk in _chunks([u.pk for u in users]):
        verified.update(
            EmailAddress.objects.filter(user_id__in=chunk).values_list("user_id", "email")
        )
    addresses = [
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in users
        if (user.pk, user.email) not in verified
    ]
    EmailAddress.objects.bulk_create(addresses, batch_size=_CHUNK)
    ctx.record(EmailAddress, len(addresses))


def _seed_structure(ctx: SeedContext) -> None:
    copies = range(1, ctx.scale + 1)
    org_specs = {org.key: org for org in ORGANISATIONS}
    organisations = _get_or_bulk_create(
        ctx,
        Organisation,
        "name",
        [
            Organisation(name=copy_name(org.name, copy), kind=org.kind, city=org.city)
            for copy in copies
            for org in ORGANISATIONS
        ],
    )
    networks = _get_or_bulk_create(
        ctx,
        Network,
        "slug",
        [
            Network(
                name=copy_name(spec.name, copy),
                slug=spec.slug if copy == 1 else f"{spec.slug}-{copy}",
                kind=spec.kind,
                region=spec.region,
                description=spec.description,
            )
            for copy in copies
            for spec in NETWORKS
        ],
    )
    for copy in copies:
        for spec in NETWORKS:
            network = networks[spec.slug if copy == 1 else f"{spec.slug}-{copy}"]
            org_keys = [key for key, _part in spec.partners] + [
                m.organisation for m in spec.members if m.organisation
            ]
            members: dict[str, list[User]] = {}
            for m in spec.members:
                if m.is_open:
                    members.setdefault(m.role, []).append(ctx.person(m.person, copy))
            ctx.networks.append(
                DemoNetwork(
                    key=spec.key,
                    copy=copy,
                    network=network,
                    organisations={
                        key: organisations[copy_name(org_specs[key].name, copy)] for key in org_keys
                    },
                    themes={},
                    _members=members,
                )
            )
    network_ids = [d.network.pk for d in ctx.networks]
    specs = {spec.key: spec for spec in NETWORKS}

    partners, themes, memberships, invitations = set(), set(), set(), set()
    for chunk in _chunks(network_ids):
        partners.update(
            NetworkPartner.objects.filter(network_id__in=chunk).values_list(
                "network_id", "organisation_id"
            )
        )
        themes.update(Theme.objects.filter(network_id__in=chunk).values_list("network_id", "slug"))
        for network_id, user_id, role, ended_at in Membership.objects.filter(
            network_id__in=chunk
        ).values_list("network_id", "user_id", "role", "ended_at"):
            memberships.add(
                (network_id, user_id) if ended_at is None else (network_id, user_id, role)
            )
        invitations.update(
            Invitation.objects.filter(network_id__in=chunk).values_list("network_id", "email")
        )

    new_partners, new_themes, new_memberships, new_invitations = [], [], [], []
    for demo in ctx.networks:
        spec, network, copy = specs[demo.key], demo.network, demo.copy
        for key, part in spec.partners:
            organisation = demo.organisations[key]
            if (network.pk, organisation.pk) not in partners:
                new_partners.append(
                    NetworkPartner(network=network, organisation=organisation, part=part)
                )
        for name, description in spec.themes:
            # The same slug rule as services.theme_create, so both find each other's themes.
            slug = slugify(name)[:100]
            if (network.pk, slug) not in themes:
                new_themes.append(
                    Theme(network=network, name=name, slug=slug, description=description)
                )
        coordinator = demo.coordinator
        for m in spec.members:
            user = ctx.person(m.person, copy)
            key = (network.pk, user.pk) if m.is_open else (network.pk, user.pk, m.role)
            if key in memberships:
                continue
            memberships.add(key)
            new_memberships.append(
                Membership(
                    network=network,
                    user=user,
                    role=m.role,
                    organisation=demo.organisations[m.organisation] if m.organisation else None,
                    starts_on=ctx.today - timedelta(days=m.since_days),
                    ends_on=(
                        ctx.today + timedelta(days=m.ends_in_days)
                        if m.ends_in_days is not None
                        else None
                    ),
                    ended_at=(None if m.is_open else ctx.now - timedelta(days=m.ended_days_ago)),
                    ended_by=None if m.is_open else coordinator,
                )
            )
        invite = spec.invitation
        email = copy_invitation_email(invite, copy)
        if (network.pk, email) not in invitations:
            new_invitations.append(
                Invitation(
                    network=network,
                    email=email,
                    role=invite.role,
                    organisation=(
                        demo.organisations[invite.organisation] if invite.organisation else None
                    ),
                    ends_on=(
                        ctx.today + timedelta(days=invite.ends_in_days)
                        if invite.ends_in_days is not None
                        else None
                    ),
                    invited_by=coordinator,
                    created_at=ctx.now - timedelta(days=2),
                    expires_at=ctx.now + timedelta(days=settings.INVITATION_VALID_DAYS - 2),
                )
            )
    for model, objs in (
        (NetworkPartner, new_partners),
        (Theme, new_themes),
        (Membership, new_memberships),
        (Invitation, new_invitations),
    ):
        model.objects.bulk_create(objs, batch_size=_CHUNK)
        ctx.record(model, len(objs))

    by_network: dict[int, dict[str, Theme]] = {}
    for chunk in _chunks(network_ids):
        for theme in Theme.objects.filter(network_id__in=chunk):
            by_network.setdefault(theme.network_id, {})[theme.slug] = theme
    for demo in ctx.networks:
        demo.themes = by_network.get(demo.network.pk, {})


def seed(*, scale: int = 1, stdout: Any = None) -> SeedContext:
    """Build the demo networks ``scale`` times, then run every registered seeder.

    Idempotent; one transaction. Side effects: Organisation, User, EmailAddress, Network,
    NetworkPartner, Theme, Membership and Invitation rows (only the missing ones), plus
    whatever the registered seeders create. Sends no mail.
    """
    if scale < 1:
        raise ValueError("scale must be 1 or more")
    ctx = SeedContext(scale=scale, stdout=stdout, today=timezone.localdate(), now=timezone.now())
    # One hash for every account: hashing is slow on purpose, and they share a password.
    password_hash = make_password(DEMO_PASSWORD)
    with transaction.atomic():
        _seed_people(ctx, password_hash)
        _seed_structure(ctx)
        for _name, seeder in registered_seeders():
            seeder(ctx)
    return ctx


def demo_logins() -> list[tuple[str, str, str, bool]]:
    """(role label, e-mail, name, exists) for the demo login of each role and for staff."""
    specs = {p.key: p for p in PEOPLE}
    rows = [
        (str(Role(role).label), demo_email(key), specs[key].full_name) for role, key in DEMO_LOGINS
    ]
    rows.append((_("Staff (admin)"), STAFF_EMAIL, STAFF.full_name))
    existing = dict(
        User.objects.filter(email__in=[email for _r, email, _n in rows]).values_list(
            "email", "full_name"
        )
    )
    return [
        (label, email, existing.get(email) or name, email in existing)
        for label, email, name in rows
    ]
