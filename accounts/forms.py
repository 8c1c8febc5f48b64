"""Forms of the person: the profile fields asked at sign-up and on the profile page."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Profession, ReminderKind, StudentLevel
from .models import User


class ProfileFieldsMixin:
    """Shared validation: a student level needs a programme and vice versa."""

    def clean(self):
        cleaned = super().clean()
        level = cleaned.get("student_level")
        programme = (cleaned.get("programme") or "").strip()
        if level and not programme:
            self.add_error("programme", _("Students, please name your programme."))
        if programme and not level:
            self.add_error("student_level", _("Choose the level of your programme."))
        return cleaned


class SignupProfileForm(ProfileFieldsMixin, forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    profession = forms.ChoiceField(label=_("Profession"), choices=Profession.choices)
    student_level = forms.ChoiceField(
        label=_("Student level"),
        choices=[("", _("Not a student"))] + list(StudentLevel.choices),
        required=False,
    )
    programme = forms.CharField(label=_("Programme"), max_length=120, required=False)

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"].strip()
        user.profession = self.cleaned_data["profession"]
        user.student_level = self.cleaned_data.get("student_level") or ""
        user.programme = (self.cleaned_data.get("programme") or "").strip()
        user.language = getattr(request, "LANGUAGE_CODE", "nl")
        user.save()


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "profession", "student_level", "programme", "language"]
        labels = {
            "full_name": _("Full name"),
            "profession": _("Profession"),
            "student_level": _("Student level"),
            "programme": _("Programme"),
            "language": _("Language"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["student_level"].choices = [("", _("Not a student"))] + list(
            StudentLevel.choices
        )


# Lead times are typed as "2d, 2h, 30m"; the unit letters of both languages are accepted.
_UNIT_MINUTES = {
    "m": 1, "min": 1, "minute": 1, "minutes": 1, "minuut": 1, "minuten": 1,
    "h": 60, "u": 60, "hour": 60, "hours": 60, "uur": 60,
    "d": 1440, "day": 1440, "days": 1440, "dag": 1440, "dagen": 1440,
}  # fmt: skip
MAX_LEAD_MINUTES = 30 * 24 * 60
MIN_LEAD_MINUTES = 5
MAX_LEAD_TIMES = 5
_ENTRY = re.compile(r"^(-?\d+)\s*([a-z]*)$")


def lead_times_format(minutes: list[int]) -> str:
    """[2880, 120, 45] -> "2d, 2h, 45m" (the largest whole unit)."""
    parts = []
    for value in sorted(minutes, reverse=True):
        if value % 1440 == 0:
            parts.append(f"{value // 1440}d")
        elif value % 60 == 0:
            parts.append(f"{value // 60}h")
        else:
            parts.append(f"{value}m")
    return ", ".join(parts)


def lead_times_parse(text: str) -> list[int]:
    """ "2d, 2h" -> [2880, 120]; ValidationError with a clear message otherwise."""
    entries = [item.strip().lower() for item in re.split(r"[,;]", text) if item.strip()]
    minutes = []
    for entry in entries:
        match = _ENTRY.match(entry)
        if not match or match.group(2) not in _UNIT_MINUTES:
            raise forms.ValidationError(
                _("“%(entry)s” is not a lead time. Write for example 2d, 2h or 30m."),
                params={"entry": entry},
                code="invalid",
            )
        value = int(match.group(1)) * _UNIT_MINUTES[match.group(2)]
        if value <= 0:
            raise forms.ValidationError(
                _("Lead times must lie before the meeting: “%(entry)s” does not."),
                params={"entry": entry},
                code="negative",
            )
        if value < MIN_LEAD_MINUTES or value > MAX_LEAD_MINUTES:
            raise forms.ValidationError(
                _("“%(entry)s” is out of range: choose between 5 minutes and 30 days."),
                params={"entry": entry},
                code="range",
            )
        minutes.append(value)
    minutes = sorted(set(minutes), reverse=True)
    if len(minutes) > MAX_LEAD_TIMES:
        raise forms.ValidationError(
            _("Choose at most %(max)d lead times."), params={"max": MAX_LEAD_TIMES}, code="many"
        )
    return minutes


class ReminderPreferencesForm(forms.Form):
    kinds_on = forms.MultipleChoiceField(
        label=_("Send me"),
        choices=ReminderKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_times = forms.CharField(
        label=_("When to remind me of a meeting"),
        max_length=100,
        required=False,
        help_text=_(
            "Before the start, separated by commas: for example 2d, 2h, 30m "
            "(d = days, h = hours, m = minutes). At most five, up to 30 days."
        ),
    )

    @classmethod
    def for_user(cls, user, data=None):
        initial = {
            "kinds_on": [kind for kind in ReminderKind.values if user.wants_reminder(kind)],
            "lead_times": lead_times_format(user.meeting_reminder_minutes or []),
        }
        return cls(data, initial=initial)

    def clean_lead_times(self):
        return lead_times_parse(self.cleaned_data.get("lead_times") or "")

    def clean(self):
        cleaned = super().clean()
        on = set(cleaned.get("kinds_on") or [])
        if ReminderKind.MEETING in on and cleaned.get("lead_times") == []:
            self.add_error(
                "lead_times",
                _("Give at least one lead time, or switch meeting reminders off."),
            )
        cleaned["reminders_off"] = [kind for kind in ReminderKind.values if kind not in on]
        return cleaned


class ErasureForm(forms.Form):
    """Erasing one's own personal data, confirmed with one's current password."""

    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your current password. Nothing has been erased."),
                code="wrong_password",
            )
        return password
