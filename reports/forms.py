"""Forms of reports: a placement, its outcome, the period of the dashboard, the
coordinator's text of a period report, and the network's report settings."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from lin_platform.dates import BoundedDateField
from lin_platform.privacy import PrivacyGuardMixin
from networks.choices import Role
from networks.models import Membership, Organisation

from .models import PeriodText, Placement, ReportSettings

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_PERIOD_DAYS = 5 * 366


def _members(network, roles):
    ids = Membership.objects.current().filter(network=network, role__in=roles).values("user_id")
    return User.objects.filter(pk__in=ids).order_by("full_name", "pk")


class PlacementForm(PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = Placement
        fields = ["student", "host", "starts_on", "ends_on", "supervisor", "teacher"]
        field_classes = {"starts_on": BoundedDateField, "ends_on": BoundedDateField}
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.network = network
        students = _members(network, [Role.STUDENT])
        if self.instance.pk:
            # A student who has since left stays on their own placement.
            students = students | User.objects.filter(pk=self.instance.student_id)
        self.fields["student"].queryset = students.distinct()
        self.fields["host"].queryset = Organisation.objects.order_by("name")
        self.fields["supervisor"].queryset = _members(network, [Role.PROFESSIONAL])
        self.fields["teacher"].queryset = _members(network, [Role.TEACHER])


class OutcomeForm(PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = Placement
        fields = [
            "outcome",
            "contract_organisation",
            "contract_kind",
            "contract_starts_on",
            "reason",
            "still_there_after_year",
        ]
        field_classes = {"contract_starts_on": BoundedDateField}
        widgets = {
            "contract_starts_on": DATE,
            "outcome": forms.RadioSelect,
            "still_there_after_year": forms.NullBooleanSelect,
        }

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].required = True
        self.fields["outcome"].choices = Placement._meta.get_field("outcome").choices
        self.fields["contract_organisation"].queryset = Organisation.objects.order_by("name")
        # The model's own checks (clean) see when the outcome is recorded.
        self.instance.outcome_recorded_on = today or timezone.localdate()


class PeriodForm(forms.Form):
    """The period of the dashboard: at most five years, not ending before it starts."""

    start = BoundedDateField(label=_("From"), widget=DATE)
    end = BoundedDateField(label=_("To"), widget=DATE)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The period cannot end before it starts."))
            elif (end - start).days >= MAX_PERIOD_DAYS or _years_later(start, 5) <= end:
                self.add_error("end", _("A period can be at most five years long."))
        return data


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class PeriodTextForm(PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = PeriodText
        fields = ["context", "highlights", "next_steps"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}


class ReportSettingsForm(forms.ModelForm):
    class Meta:
        model = ReportSettings
        fields = ["partners_see_dashboard"]
