"""Writes on the person."""

from django.db import transaction

from .models import User


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
