"""Personal data (AVG/GDPR): what the platform keeps about a person, exported and erased.

``accounts`` imports no other app of ours, so every app registers its own *section* here
from its ``AppConfig.ready()`` (the way seeders are registered in ``networks.demo``)::

    class NetworksConfig(AppConfig):
        def ready(self):
            from . import personal_data

            personal_data.register_section()

where ``register_section`` calls :func:`register` with:

* ``export(user)`` – a JSON-able dict of what the app keeps about ``user``: a fixed number
  of queries whatever the number of rows (``select_related``/``prefetch_related``), dates as
  ISO 8601 (:func:`iso`), choices as code and label (:func:`choice`), and never the texts
  of other people;
* ``erase(user, *, by)`` – optional: what the app removes, ends or blanks when ``user``'s
  personal data is erased (``by`` is the person who asked for it: the user themself or a
  staff member). It runs inside :func:`accounts.services.account_erase`'s transaction,
  before the user row is anonymised (so ``user.email`` is still the real address), and must
  be idempotent: a second erasure changes nothing;
* ``refuse(user)`` – optional: messages why the person cannot erase their own data yet
  (e.g. they are a network's only coordinator); staff can still erase;
* ``covers`` – every foreign key to the user in the app, as ``"app_label.Model.field"``.
  ``tests/accounts/test_personal_data_registry.py`` walks the model graph and fails when a
  foreign key to the user is missing here, and checks that the export queries each one;
* ``title``, ``kept`` and ``on_erase`` – what the "My data" page says about the section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    kept: str
    on_erase: str
    export: Callable[[Any], Any]
    erase: Callable[..., None] | None
    refuse: Callable[[Any], list[str]] | None
    covers: tuple[str, ...]


_SECTIONS: dict[str, Section] = {}


def register(
    key: str,
    *,
    title: str,
    kept: str,
    on_erase: str,
    export: Callable[[Any], Any],
    erase: Callable[..., None] | None = None,
    refuse: Callable[[Any], list[str]] | None = None,
    covers: Iterable[str] = (),
) -> None:
    """Add (or, registering ``key`` again, replace in place) a section of personal data."""
    _SECTIONS[key] = Section(
        key=key,
        title=title,
        kept=kept,
        on_erase=on_erase,
        export=export,
        erase=erase,
        refuse=refuse,
        covers=tuple(covers),
    )


def sections() -> list[Section]:
    """The registered sections, in registration order (accounts first, then INSTALLED_APPS)."""
    return list(_SECTIONS.values())


def export_all(user) -> dict:
    """Everything the platform keeps about ``user``, one key per section."""
    return {
        "platform": "LIN Platform",
        "exported_at": iso(timezone.now()),
        "sections": {section.key: section.export(user) for section in sections()},
    }


def erase_refusals(user) -> list[str]:
    """Why ``user`` may not erase their own data now (empty: they may)."""
    messages: list[str] = []
    for section in sections():
        if section.refuse is not None:
            messages.extend(section.refuse(user))
    return messages


def erase_all(user, *, by) -> None:
    for section in sections():
        if section.erase is not None:
            section.erase(user, by=by)


# --- helpers for exporters -------------------------------------------------------------------


def iso(value: datetime | date | time | None) -> str | None:
    """ISO 8601; moments in the platform's time zone (Europe/Amsterdam) with their offset."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    return value.isoformat()


def choice(code: str, choices) -> dict[str, str]:
    """A stored code next to its label in the active language: ``{"code", "label"}``."""
    labels = dict(choices.choices) if hasattr(choices, "choices") else dict(choices)
    return {"code": code, "label": str(labels.get(code, code))}


def number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


# --- the accounts section: the person's own row ----------------------------------------------


def _export_account(user) -> dict:
    from allauth.account.models import EmailAddress

    from .choices import Domain, Language, Profession, StudentLevel

    addresses = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    return {
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "profession": choice(user.profession, Profession),
            "domain": choice(user.domain, Domain),
            "student_level": choice(user.student_level, StudentLevel)
            if user.student_level
            else None,
            "programme": user.programme,
            "language": choice(user.language, Language),
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
            "active": user.is_active,
            "erased_at": iso(user.erased_at),
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary} for a in addresses
        ],
        # Which kinds are switched off is in the reminders section (it knows the kinds).
        "reminders": {
            "meeting_reminder_minutes_before": list(user.meeting_reminder_minutes or []),
        },
        # Whether a personal calendar feed exists; the token itself is a secret like a
        # password and stays out of a file that may be mailed around.
        "calendar_feed": {
            "enabled": user.calendar_feed_enabled,
            "has_token": bool(user.calendar_token),
        },
    }


register(
    "account",
    title=_("Your account"),
    kept=_(
        "Your e-mail address and the other addresses you added, your name, profession, "
        "student level and programme, language, when you joined and last signed in, your "
        "reminder preferences and whether your personal calendar feed is on."
    ),
    on_erase=_(
        "Your name and programme are cleared and your e-mail addresses removed; you are "
        "shown as “Former member”. You can no longer sign in, and your calendar feed stops. "
        "Your profession, domain and student level stay: the network's figures for its "
        "funders count them, and they identify no one alone."
    ),
    export=_export_account,
    covers=(),
)
