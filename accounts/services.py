"""Writes on the person."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import User, default_reminder_minutes, erased_email, new_calendar_token


def user_profile_update(*, user: User, data: dict) -> User:
    """Save the profile fields of ``user``. Side effects: none beyond the row."""
    for field, value in data.items():
        setattr(user, field, value)
    user.save(update_fields=list(data))
    return user


def user_language_set(*, user: User, language: str) -> None:
    """Remember the interface language of a signed-in person."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def user_create_verified(
    *,
    email: str,
    password: str,
    full_name: str,
    profession: str,
    student_level: str = "",
    programme: str = "",
    language: str = "nl",
) -> User:
    """Create an account whose e-mail address is already proven (e.g. by an invitation link).

    Side effects: a User row and allauth's EmailAddress row marked verified and primary.
    """
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(
        email=email,
        password=password,
        full_name=full_name,
        profession=profession,
        student_level=student_level,
        programme=programme,
        language=language,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def user_reminder_preferences_update(
    *, user: User, reminders_off: list[str], meeting_reminder_minutes: list[int]
) -> User:
    """Save which reminder kinds are off and the lead times of meeting reminders.

    Side effects: the two fields on the user row. Reminders not yet sent follow the new
    preferences (the dispatcher checks them again just before sending).
    """
    user.reminders_off = sorted(set(reminders_off))
    user.meeting_reminder_minutes = sorted(set(meeting_reminder_minutes), reverse=True)
    user.save(update_fields=["reminders_off", "meeting_reminder_minutes"])
    return user


def user_reminder_switch(*, user: User, kind: str, on: bool) -> User:
    """Switch one kind of reminder on or off. Side effects: ``reminders_off`` on the row."""
    off = set(user.reminders_off or [])
    off.discard(kind) if on else off.add(kind)
    if sorted(off) != sorted(user.reminders_off or []):
        user.reminders_off = sorted(off)
        user.save(update_fields=["reminders_off"])
    return user


class ErasureRefused(Exception):
    """Self-service erasure is not possible now; ``messages`` say why, for the person."""

    def __init__(self, messages: list[str]):
        super().__init__(" ".join(messages))
        self.messages = messages


def account_erase_refusals(*, user: User) -> list[str]:
    """Why ``user`` may not erase their own personal data now (empty when they may).

    Superusers cannot erase themselves (another administrator can, in the admin); every
    app may refuse too, e.g. while the person is a network's only coordinator.
    """
    from . import personal_data

    if user.is_superuser:
        return [
            _(
                "Administrators cannot erase their own account here. Ask another "
                "administrator to do it in the admin."
            )
        ]
    return personal_data.erase_refusals(user)


@transaction.atomic
def account_erase(*, user: User, by: User | None = None) -> User:
    """Erase the personal data of ``user`` (AVG/GDPR), on their own request or by staff.

    ``by`` is None or ``user`` for self-service: then :func:`account_erase_refusals` is
    checked (``ErasureRefused``, nothing changed). Staff (``by`` another staff member) may
    always erase.

    Side effects, in one transaction: every app's eraser runs (see ``personal_data``:
    memberships end, pending invitations and future answers go, reflections are blanked, …);
    then the user row is anonymised: ``erased_at`` set (once), e-mail
    ``erased-<pk>@erased.invalid``, name, programme and last sign-in cleared, unusable
    password, not active and without staff rights, groups or permissions, a new unpublished
    calendar token with the feed off, reminder preferences back to the defaults; allauth's
    EmailAddress rows are deleted. Profession, student level and language stay. The
    unusable password also ends every session of the person. Idempotent.
    """
    from allauth.account.models import EmailAddress

    from . import personal_data

    user = User.objects.select_for_update().get(pk=user.pk)
    self_service = by is None or by.pk == user.pk
    if not self_service and not by.is_staff:
        raise PermissionDenied
    if self_service:
        refusals = account_erase_refusals(user=user)
        if refusals:
            raise ErasureRefused(refusals)
    personal_data.erase_all(user, by=by or user)

    if user.erased_at is None or user.has_usable_password() or user.calendar_feed_enabled:
        # New random values each time: only when the old ones still work, so that a second
        # erasure changes nothing.
        user.set_unusable_password()
        user.calendar_token = _new_calendar_token_unique()
    user.erased_at = user.erased_at or timezone.now()
    user.email = erased_email(user.pk)
    user.full_name = ""
    user.programme = ""
    user.last_login = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.calendar_feed_enabled = False
    user.reminders_off = []
    user.meeting_reminder_minutes = default_reminder_minutes()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    EmailAddress.objects.filter(user=user).delete()
    return user


def _new_calendar_token_unique() -> str:
    token = new_calendar_token()
    while User.objects.filter(calendar_token=token).exists():  # pragma: no cover - 192 bits
        token = new_calendar_token()
    return token
