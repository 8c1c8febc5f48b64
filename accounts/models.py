"""The person: a custom user whose login is the e-mail address."""

import secrets

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import PROFESSION_DOMAIN, Domain, Language, Profession, StudentLevel

# How a person whose personal data was erased is named wherever a name is shown.
FORMER_MEMBER = _("Former member")


def erased_email(pk: int) -> str:
    """The e-mail address of a person whose data was erased: unique, and undeliverable
    (``.invalid`` is reserved by RFC 2606)."""
    return f"erased-{pk}@erased.invalid"


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


def default_reminder_minutes() -> list[int]:
    return [2 * 24 * 60, 2 * 60]


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    profession = models.CharField(
        _("profession"), max_length=40, choices=Profession.choices, default=Profession.OTHER
    )
    student_level = models.CharField(
        _("student level"),
        max_length=3,
        choices=StudentLevel.choices,
        blank=True,
        help_text=_("Only for students: mbo, hbo or wo."),
    )
    programme = models.CharField(
        _("programme"),
        max_length=120,
        blank=True,
        help_text=_("Only for students, e.g. MBO-V, HBO-V, Social Work."),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.DUTCH
    )
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    # Switching the personal calendar feed off keeps a (new, unused) token: the token column
    # is unique and not null; the feed answers 404 while this is off.
    calendar_feed_enabled = models.BooleanField(_("calendar feed on"), default=True)
    # Lead times of meeting reminders, in minutes before the start (default: 2 days, 2 hours).
    # Calendar feeds use the same values for their alarms.
    meeting_reminder_minutes = models.JSONField(
        _("meeting reminders (minutes before)"), default=default_reminder_minutes, blank=True
    )
    # Codes of reminder kinds (registered in sessions.reminders.kinds) the person switched off;
    # everything else is on.
    reminders_off = models.JSONField(_("reminders switched off"), default=list, blank=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Set when the person's personal data was erased (accounts.services.account_erase): the
    # row stays, anonymised, so that what they did in their networks still adds up.
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name", "email"]
        constraints = [
            models.CheckConstraint(
                # An erased student keeps their level (for the figures) but not their programme.
                condition=models.Q(student_level="")
                | ~models.Q(programme="")
                | models.Q(erased_at__isnull=False),
                name="student_has_programme",
                violation_error_message=_("A student needs a programme."),
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name()

    def get_full_name(self) -> str:
        if self.erased_at is not None:
            return str(FORMER_MEMBER)
        return self.full_name or self.email

    def get_short_name(self) -> str:
        if self.erased_at is not None:
            return str(FORMER_MEMBER)
        return self.full_name.split(" ")[0] if self.full_name else self.email.split("@")[0]

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    @property
    def domain(self) -> str:
        return PROFESSION_DOMAIN.get(self.profession, Domain.CITIZENS)

    def get_domain_display(self) -> str:
        return Domain(self.domain).label

    @property
    def is_student(self) -> bool:
        return bool(self.student_level)

    def wants_reminder(self, kind: str) -> bool:
        return kind not in (self.reminders_off or [])
