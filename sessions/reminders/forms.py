"""A person's reminder preferences: which kinds are on (the kinds registered by the apps
above, ``kinds.kind_choices``) and the lead times of the kinds sent before a meeting."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .channels import CHANNELS, MAIL, PLATFORM, channel_off, channels_for
from .kinds import REGISTRY, kind_choices

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


BOTH = "both"
VIA_CHOICES = [
    (BOTH, _("By mail and in the platform")),
    (MAIL, _("By mail only")),
    (PLATFORM, _("In the platform only")),
]


def via_field_name(code: str) -> str:
    return f"via_{code}"


class ReminderPreferencesForm(forms.Form):
    kinds_on = forms.MultipleChoiceField(
        label=_("Send me"),
        choices=kind_choices,
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Per kind that can appear in the notification centre: by mail, here, or both.
        for code, label in kind_choices():
            if REGISTRY[code].in_platform:
                self.fields[via_field_name(code)] = forms.ChoiceField(
                    label=label, choices=VIA_CHOICES, required=False, initial=BOTH
                )

    @classmethod
    def for_user(cls, user, data=None):
        initial = {
            "kinds_on": [code for code, _label in kind_choices() if user.wants_reminder(code)],
            "lead_times": lead_times_format(user.meeting_reminder_minutes or []),
        }
        for code, _label in kind_choices():
            channels = channels_for(user, code)
            if len(channels) == 1:
                initial[via_field_name(code)] = next(iter(channels))
        return cls(data, initial=initial)

    def rows(self):
        """(label, checkbox, channel field or None) per kind, for the template."""
        boxes = {box.data["value"]: box for box in self["kinds_on"]}
        return [
            (
                label,
                boxes[code],
                self[via_field_name(code)] if via_field_name(code) in self.fields else None,
            )
            for code, label in kind_choices()
        ]

    def reminders_off(self) -> list[str]:
        """What to store in ``User.reminders_off``: the kinds switched off, and per kind that
        is on the channel it does not go by."""
        off = list(self.cleaned_data["reminders_off"])
        for code, _label in kind_choices():
            via = self.cleaned_data.get(via_field_name(code)) or BOTH
            if code in off or via == BOTH:
                continue
            off += [channel_off(code, channel) for channel in CHANNELS if channel != via]
        return off

    def clean_lead_times(self):
        return lead_times_parse(self.cleaned_data.get("lead_times") or "")

    def clean(self):
        cleaned = super().clean()
        on = set(cleaned.get("kinds_on") or [])
        timed = any(REGISTRY[code].uses_lead_times for code in on if code in REGISTRY)
        if timed and cleaned.get("lead_times") == []:
            self.add_error(
                "lead_times",
                _("Give at least one lead time, or switch meeting reminders off."),
            )
        cleaned["reminders_off"] = [code for code, _label in kind_choices() if code not in on]
        return cleaned
