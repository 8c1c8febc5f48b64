"""Forms of meetings: schedule (one or a series), edit, cancel, answer, attendance, check-in,
calendar filters and the attendance export."""

import re
from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from lin_platform.dates import BoundedDateField, bounded_date_validator
from lin_platform.once import OnceFormMixin
from lin_platform.privacy import PrivacyGuardMixin
from networks.models import Membership, Network, Theme
from networks.selectors import themes_offered

from ..choices import AttendanceStatus, MeetingFormat, Repeat, RsvpAnswer, Weekday, WeekOfMonth
from ..methods import FORMAT_METHODS, METHODS
from ..models import GuestSpeaker, Meeting, Rsvp
from ..rules import MAX_OCCURRENCES, SeriesRule
from ..selectors.hours import default_period
from ..services.meetings import FOLLOWING, THIS, MeetingDetails

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class WebAddressField(forms.URLField):
    """A web address: http or https only (no javascript:, no file:)."""

    default_validators = [URLValidator(schemes=["http", "https"])]


class MeetingForm(PrivacyGuardMixin, forms.Form):
    """What, when and where: shared by scheduling and editing."""

    privacy_model = Meeting

    title = forms.CharField(label=_("Title"), max_length=200)
    format = forms.ChoiceField(label=_("Format"), choices=MeetingFormat.choices)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    day = BoundedDateField(label=_("Date"), widget=DATE_WIDGET)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME_WIDGET)
    end_time = forms.TimeField(label=_("End time"), widget=TIME_WIDGET)
    location = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("An address or room. Give a place, an online link, or both (hybrid)."),
    )
    online_url = WebAddressField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": _("Enter a complete web address, e.g. https://meet.example.org/lin.")
        },
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=1,
        max_value=1000,
        required=False,
        help_text=_("Leave empty when there is no limit. Beyond it, people join a waiting list."),
    )
    facilitator = forms.ModelChoiceField(
        label=_("Facilitator"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("(none)"),
    )
    agenda = forms.CharField(
        label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    method = forms.ChoiceField(
        label=_("Method"),
        required=False,
        help_text=_(
            "The method script the meeting follows; empty: the usual method of the format. "
            "Only methods that fit the format can be chosen."
        ),
    )
    learning_hours = forms.DecimalField(
        label=_("Learning hours"),
        required=False,
        max_digits=4,
        decimal_places=2,
        localize=True,
        help_text=_(
            "The hours that count for those present (for their register's accreditation). "
            "Empty: the length of the meeting."
        ),
    )
    invited_networks = forms.ModelMultipleChoiceField(
        label=_("Invite other networks"),
        queryset=Network.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For an exchange between networks: their members are invited too."),
    )

    def __init__(self, *args, network: Network, **kwargs):
        self.network = network
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes_offered(
            network, keep=self.initial.get("themes") or ()
        )
        member_ids = Membership.objects.current().filter(network=network).values("user_id")
        self.fields["facilitator"].queryset = User.objects.filter(pk__in=member_ids).order_by(
            "full_name", "email"
        )
        self.fields["invited_networks"].queryset = Network.objects.exclude(pk=network.pk).order_by(
            "name"
        )
        self.fields["method"].choices = method_choices()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end lies before the start."))
        method, fmt = cleaned.get("method"), cleaned.get("format")
        if method and fmt and method not in FORMAT_METHODS.get(fmt, ()):
            self.add_error(
                "method",
                _("The method “%(method)s” does not fit a meeting of this format.")
                % {"method": METHODS[method].name},
            )
        hours = cleaned.get("learning_hours")
        if hours is not None:
            if hours < 0:
                self.add_error("learning_hours", _("Learning hours cannot be negative."))
            elif start and end and end > start:
                length = length_in_hours(start, end)
                if hours > length:
                    self.add_error(
                        "learning_hours",
                        _(
                            "Learning hours cannot be more than the meeting's length "
                            "(%(length)s hours)."
                        )
                        % {"length": number_format(length, decimal_pos=2)},
                    )
        if not (cleaned.get("location") or "").strip() and not cleaned.get("online_url"):
            self.add_error("location", _("Give a place, an online link, or both."))
        return cleaned

    def details(self) -> MeetingDetails:
        data = self.cleaned_data
        return MeetingDetails(
            title=data["title"].strip(),
            format=data["format"],
            location=data.get("location") or "",
            online_url=data.get("online_url") or "",
            capacity=data.get("capacity"),
            facilitator=data.get("facilitator"),
            agenda=data.get("agenda") or "",
            method=data.get("method") or "",
            learning_hours=data.get("learning_hours"),
            themes=list(data.get("themes") or []),
            invited_networks=list(data.get("invited_networks") or []),
        )


def method_choices() -> list:
    """Every method, grouped by the format it fits (a method may fit several)."""
    formats = dict(MeetingFormat.choices)
    groups = [
        (formats[fmt], [(key, METHODS[key].name) for key in keys])
        for fmt, keys in FORMAT_METHODS.items()
    ]
    return [("", _("The usual method of the format")), *groups]


def length_in_hours(start, end) -> Decimal:
    """Hours between two times of one day, to the hundredth."""
    day = date(2000, 1, 1)
    seconds = (datetime.combine(day, end) - datetime.combine(day, start)).total_seconds()
    return (Decimal(seconds) / 3600).quantize(Decimal("0.01"))


def parse_dates(text: str) -> list[date]:
    """Dates written as 2026-12-24 or 24-12-2026, separated by commas, spaces or lines."""
    result = []
    for token in re.split(r"[\s,;]+", text.strip()):
        if not token:
            continue
        match_iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", token)
        match_nl = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", token)
        try:
            if match_iso:
                y, m, d = (int(x) for x in match_iso.groups())
            elif match_nl:
                d, m, y = (int(x) for x in match_nl.groups())
            else:
                raise ValueError(token)
            day = date(y, m, d)
            result.append(day)
        except ValueError as error:
            raise forms.ValidationError(
                _("“%(value)s” is not a date; write dates like 24-12-2026."),
                params={"value": token},
            ) from error
        bounded_date_validator(day)
    return sorted(set(result))


class ScheduleForm(OnceFormMixin, MeetingForm):
    """Schedule one meeting or a series, with a preview of the dates."""

    repeat = forms.ChoiceField(
        label=_("Repeat"), choices=Repeat.choices, initial=Repeat.NONE, widget=forms.RadioSelect
    )
    interval = forms.IntegerField(
        label=_("Every how many weeks"), min_value=1, max_value=12, initial=1, required=False
    )
    weekday = forms.TypedChoiceField(
        label=_("Weekday"),
        choices=[("", _("The weekday of the first date"))] + list(Weekday.choices),
        coerce=int,
        empty_value=None,
        required=False,
    )
    week_of_month = forms.TypedChoiceField(
        label=_("Which one in the month"),
        choices=[("", "—")] + list(WeekOfMonth.choices),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("For a monthly series: e.g. the fourth Thursday."),
    )
    until = BoundedDateField(label=_("Until (date)"), widget=DATE_WIDGET, required=False)
    count = forms.IntegerField(
        label=_("Or: number of meetings"), min_value=1, max_value=MAX_OCCURRENCES, required=False
    )
    skip_dates = forms.CharField(
        label=_("Dates to skip"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Holidays and other dates without a meeting, e.g. 24-12-2026, 31-12-2026."),
    )

    def clean_skip_dates(self):
        return parse_dates(self.cleaned_data.get("skip_dates") or "")

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("This date lies in the past."))
        return day

    def is_series(self) -> bool:
        return self.cleaned_data.get("repeat") in (Repeat.WEEKLY, Repeat.MONTHLY)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("repeat") in (Repeat.WEEKLY, Repeat.MONTHLY):
            if cleaned.get("until") is None and cleaned.get("count") is None:
                self.add_error(
                    "until",
                    _("A series needs an end: give an end date or a number of meetings."),
                )
            elif cleaned.get("until") is not None and cleaned.get("count") is not None:
                self.add_error(
                    "count", _("Give either an end date or a number of meetings, not both.")
                )
            if cleaned.get("repeat") == Repeat.MONTHLY and cleaned.get("week_of_month") is None:
                self.add_error(
                    "week_of_month", _("Choose which weekday of the month (e.g. the 4th Thursday).")
                )
        return cleaned

    def rule(self) -> SeriesRule:
        data = self.cleaned_data
        return SeriesRule(
            repeat=data["repeat"],
            starts_on=data["day"],
            interval=data.get("interval") or 1,
            weekday=data["day"].weekday() if data.get("weekday") is None else data["weekday"],
            week_of_month=data.get("week_of_month"),
            until=data.get("until"),
            count=data.get("count"),
            skip_dates=data.get("skip_dates") or [],
        )


class EditForm(MeetingForm):
    scope = forms.ChoiceField(
        label=_("Apply to"),
        choices=[
            (THIS, _("This meeting only")),
            (FOLLOWING, _("This meeting and the following ones of the series")),
        ],
        initial=THIS,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, in_series: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not in_series:
            del self.fields["scope"]


class CancelForm(PrivacyGuardMixin, forms.Form):
    privacy_model = Meeting
    privacy_fields = {"reason": "cancel_reason"}

    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=300,
        required=False,
        help_text=_("Shown to everyone invited, e.g. “too few registrations”."),
    )


class RsvpForm(PrivacyGuardMixin, forms.Form):
    privacy_model = Rsvp

    answer = forms.ChoiceField(label=_("Your answer"), choices=RsvpAnswer.choices)
    reason = forms.CharField(label=_("Reason (optional)"), max_length=300, required=False)


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=12,
        help_text=_("The code shown on screen at the meeting."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class PersonAttendanceForm(forms.Form):
    """One person's status from the phone list."""

    status = forms.ChoiceField(choices=AttendanceStatus.choices)


ATTENDANCE_CHOICES = [("", _("— not recorded —"))] + list(AttendanceStatus.choices)


class AttendanceForm(forms.Form):
    """One select per person: present / absent / excused / late."""

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            self.fields[f"person_{line.user.pk}"] = forms.ChoiceField(
                label=line.user.get_full_name(),
                choices=ATTENDANCE_CHOICES,
                required=False,
                initial=line.status,
            )

    def rows(self):
        for line in self.lines:
            yield line, self[f"person_{line.user.pk}"]

    def statuses(self) -> dict[int, str]:
        return {line.user.pk: self.cleaned_data[f"person_{line.user.pk}"] for line in self.lines}


class CalendarFilterForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("All formats"))] + list(MeetingFormat.choices),
        required=False,
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.none(), required=False, empty_label=_("All themes")
    )

    def __init__(self, *args, themes, show_network: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes
        if show_network:
            self.fields["theme"].label_from_instance = lambda t: f"{t.name} ({t.network.name})"


class ExportForm(forms.Form):
    """A period and a file format; both dates start at the default period (the year so
    far; in January the whole of last year)."""

    start = BoundedDateField(label=_("From"), widget=DATE_WIDGET)
    end = BoundedDateField(label=_("Until"), widget=DATE_WIDGET)
    file_format = forms.ChoiceField(
        label=_("File"), choices=[("xlsx", _("Excel (XLSX)")), ("csv", _("CSV"))], initial="xlsx"
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date lies before the start date."))
        return cleaned

    def __init__(self, *args, **kwargs):
        start, end = default_period()
        kwargs.setdefault("initial", {"start": start, "end": end})
        super().__init__(*args, **kwargs)


class GuestSpeakerForm(PrivacyGuardMixin, forms.Form):
    """A guest speaker who is not a member: only what the meeting page shows."""

    privacy_model = GuestSpeaker

    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    topic = forms.CharField(
        label=_("Topic"),
        max_length=300,
        required=False,
        help_text=_("What they talk about, e.g. “Signalling malnutrition at home”."),
    )


class PeriodForm(forms.Form):
    """A period of local dates, both ends included (learning hours, certificates)."""

    start = BoundedDateField(label=_("From"), widget=DATE_WIDGET)
    end = BoundedDateField(label=_("Until"), widget=DATE_WIDGET)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date lies before the start date."))
        return cleaned


class CertificateForm(PeriodForm):
    # A hidden field: each network's section of the page has its own download button.
    network = forms.ModelChoiceField(
        label=_("Network"), queryset=Network.objects.none(), widget=forms.HiddenInput
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Networks whose meetings the person attended: a certificate names one of them.
        self.fields["network"].queryset = Network.objects.filter(
            meetings__attendances__user=user
        ).distinct()


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
