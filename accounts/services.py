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
