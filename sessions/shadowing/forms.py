"""Forms of shadowing days. They parse input; the services decide what is allowed."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import Profession
from lin_platform.dates import BoundedDateField
from lin_platform.privacy import PrivacyGuardMixin
from networks.models import Network

from .choices import Dagdeel
from .models import ShadowingDay, ShadowingFeedback, ShadowingSlot
from .rules import default_period, default_times, hours_between

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TIMES_HELP = _("Leave empty for the usual times of the half-day.")


REPEAT_CHOICES = [
    ("once", _("Once")),
    ("weekly", _("Every week")),
    ("fortnightly", _("Every other week")),
]


class SlotForm(PrivacyGuardMixin, forms.Form):
    """One half-day, or the same half-day weekly or every other week for a number of
    weeks (``repeat``, ``count``)."""

    privacy_model = ShadowingSlot

    date = BoundedDateField(label=_("Date"), widget=DATE)
    dagdeel = forms.ChoiceField(label=_("Half-day"), choices=Dagdeel.choices)
    starts_at = forms.TimeField(label=_("From"), required=False, widget=TIME, help_text=TIMES_HELP)
    ends_at = forms.TimeField(label=_("Until"), required=False, widget=TIME)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    place = forms.CharField(label=_("Place"), max_length=200)
    note = forms.CharField(
        label=_("Note for the visitor"),
        max_length=500,
        required=False,
        help_text=_("E.g. what to bring, where to report."),
    )
    repeat = forms.ChoiceField(
        label=_("Repeat"),
        choices=REPEAT_CHOICES,
        initial="once",
        required=False,
        widget=forms.RadioSelect,
    )
    count = forms.IntegerField(
        label=_("How many half-days in all"),
        min_value=1,
        max_value=26,
        initial=1,
        required=False,
        help_text=_("For a series: the first date counts as one; at most 26."),
    )

    def clean_repeat(self):
        return self.cleaned_data.get("repeat") or "once"

    def clean_count(self):
        return self.cleaned_data.get("count") or 1


SLOT_FILTER_DOMAINS = [
    ("", _("All, other domain first")),
    ("other", _("Only the other domain")),
    ("own", _("Only my own domain")),
]


class SlotFilterForm(forms.Form):
    """The filters of the open half-days; every field may stay empty."""

    domain = forms.ChoiceField(
        label=_("Domain of the host"), choices=SLOT_FILTER_DOMAINS, required=False
    )
    profession = forms.ChoiceField(label=_("Profession of the host"), required=False)
    place = forms.CharField(label=_("Place"), max_length=100, required=False)
    start = BoundedDateField(label=_("From"), required=False, widget=DATE)
    end = BoundedDateField(label=_("Until"), required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profession"].choices = [("", _("Any profession")), *Profession.choices]
        for field in self.fields.values():
            css = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            field.widget.attrs["class"] = css

    def filters(self) -> dict:
        """The valid filters (an invalid one is left out and shown as an error)."""
        if not self.is_valid():
            return {
                name: value
                for name, value in self.cleaned_data.items()
                if name not in self.errors and value not in (None, "")
            }
        data = {name: value for name, value in self.cleaned_data.items() if value}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            data["start"], data["end"] = end, start
        return data


class RequestForm(PrivacyGuardMixin, forms.Form):
    privacy_model = ShadowingDay

    learning_goals = forms.CharField(
        label=_("Your learning goals"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What do you want to see or learn on this day?"),
    )
    same_domain_reason = forms.CharField(
        label=_("Why this host of your own domain?"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, same_domain: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not same_domain:
            del self.fields["same_domain_reason"]


class DayFieldsForm(PrivacyGuardMixin, forms.Form):
    """When, where and what for: the fields a day has whether it is logged or edited."""

    privacy_model = ShadowingDay

    date = BoundedDateField(label=_("Date"), widget=DATE)
    dagdeel = forms.ChoiceField(label=_("Half-day"), choices=Dagdeel.choices)
    starts_at = forms.TimeField(label=_("From"), required=False, widget=TIME, help_text=TIMES_HELP)
    ends_at = forms.TimeField(label=_("Until"), required=False, widget=TIME)
    hours = forms.DecimalField(
        label=_("Hours"),
        required=False,
        max_digits=4,
        decimal_places=2,
        min_value=0,
        help_text=_("Leave empty to count the hours between the times."),
    )
    organisation_name = forms.CharField(
        label=_("Host's organisation"), max_length=200, required=False
    )
    place = forms.CharField(label=_("Place"), max_length=200)
    learning_goals = forms.CharField(
        label=_("Your learning goals"), widget=forms.Textarea(attrs={"rows": 4})
    )


class LogForm(DayFieldsForm):
    field_order = ["host"]

    host = forms.ChoiceField(label=_("Host"))
    same_domain_reason = forms.CharField(
        label=_("If the host works in your own domain: why?"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {str(m.pk): m for m in candidates}
        self.fields["host"].choices = [("", "---------")] + [
            (
                str(m.pk),
                f"{m.user} – {m.user.get_profession_display()} "
                f"({m.user.get_domain_display()}, {m.network})",
            )
            for m in candidates
        ]

    def clean_host(self):
        return self.candidates[self.cleaned_data["host"]]


class DayEditForm(DayFieldsForm):
    """The learning goals of a day, and for a day the shadower logged themselves also when
    and where it is (``movable``). Times and hours that equal the usual ones are left empty,
    so that choosing another dagdeel brings its usual times, as when logging."""

    WHEN_FIELDS = ("date", "dagdeel", "starts_at", "ends_at", "hours", "organisation_name", "place")

    def __init__(self, *args, day, movable: bool, **kwargs):
        self.movable = movable
        usual = default_times(day.dagdeel)
        kwargs.setdefault(
            "initial",
            {
                "learning_goals": day.learning_goals,
                "date": day.date,
                "dagdeel": day.dagdeel,
                "starts_at": None if (day.starts_at, day.ends_at) == usual else day.starts_at,
                "ends_at": None if (day.starts_at, day.ends_at) == usual else day.ends_at,
                "hours": None
                if day.hours == hours_between(day.starts_at, day.ends_at)
                else day.hours,
                "organisation_name": day.organisation_name,
                "place": day.place,
            },
        )
        super().__init__(*args, **kwargs)
        if not movable:
            for name in self.WHEN_FIELDS:
                del self.fields[name]


class CancelForm(PrivacyGuardMixin, forms.Form):
    privacy_model = ShadowingDay
    privacy_fields = {"reason": "cancel_reason"}

    reason = forms.CharField(
        label=_("Reason"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReflectionForm(PrivacyGuardMixin, forms.Form):
    privacy_model = ShadowingDay
    privacy_fields = {
        "seen": "reflection_seen",
        "surprised": "reflection_surprised",
        "take_away": "reflection_take_away",
        "question": "reflection_question",
    }

    seen = forms.CharField(label=_("What did you see?"), widget=forms.Textarea(attrs={"rows": 4}))
    surprised = forms.CharField(
        label=_("What surprised you about the other domain?"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    take_away = forms.CharField(
        label=_("What will you take into your own work?"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    question = forms.CharField(
        label=_("What question do you bring to the next LIN meeting?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DeclineForm(PrivacyGuardMixin, forms.Form):
    privacy_model = ShadowingDay
    privacy_fields = {"reason": "decline_reason"}

    reason = forms.CharField(
        label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class FeedbackForm(PrivacyGuardMixin, forms.Form):
    privacy_model = ShadowingFeedback

    text = forms.CharField(label=_("Your feedback"), widget=forms.Textarea(attrs={"rows": 4}))


class PeriodForm(forms.Form):
    start = BoundedDateField(label=_("From"), required=False, widget=DATE)
    end = BoundedDateField(label=_("Until"), required=False, widget=DATE)

    def period(self) -> tuple[date, date]:
        """The chosen period; by default the last twelve months up to today."""
        data = self.cleaned_data if self.is_valid() else {}
        return default_period(timezone.localdate(), data.get("start"), data.get("end"))


class ShadowingSettingsForm(forms.ModelForm):
    programme_dagdelen = forms.CharField(
        label=_("Required half-days per programme"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One programme per line, e.g. “HBO-V: 6”. Other programmes need the number above."
        ),
    )

    class Meta:
        model = Network
        fields = ["shadowing_same_domain", "shadowing_required_dagdelen", "shadowing_teachers"]
        widgets = {"shadowing_same_domain": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shadowing_required_dagdelen"].min_value = 0
        self.fields["shadowing_required_dagdelen"].widget.attrs["max"] = 100
        self.initial["programme_dagdelen"] = "\n".join(
            f"{name}: {count}"
            for name, count in (self.instance.shadowing_programme_dagdelen or {}).items()
        )

    def clean_shadowing_required_dagdelen(self):
        value = self.cleaned_data["shadowing_required_dagdelen"]
        if value > 100:
            raise forms.ValidationError(_("Give a number between 0 and 100."))
        return value

    def clean_programme_dagdelen(self):
        result = {}
        for number, line in enumerate(self.cleaned_data["programme_dagdelen"].splitlines(), 1):
            if not line.strip():
                continue
            name, sep, count = line.rpartition(":")
            if not sep or not name.strip() or not count.strip().isdigit():
                raise forms.ValidationError(
                    _("Line %(number)s is not “programme: number”.") % {"number": number}
                )
            if int(count) > 100:
                raise forms.ValidationError(
                    _("Line %(number)s: give a number between 0 and 100.") % {"number": number}
                )
            result[name.strip()] = int(count)
        return result

    def save(self, commit=True):
        self.instance.shadowing_programme_dagdelen = self.cleaned_data["programme_dagdelen"]
        return super().save(commit)
