"""Forms of the network's set-up. Free texts go through the privacy guard."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lin_platform.dates import BoundedDateField
from lin_platform.privacy import PrivacyGuardMixin
from networks.choices import OrganisationKind
from networks.models import (
    FundingPeriod,
    Network,
    NetworkPartner,
    Organisation,
    PreconditionCheck,
    SelfCheckScore,
    Theme,
)

from .services import organisation_matching

DATE = {"type": "date"}


class _ContactMixin:
    def _limit_contacts(self, network: Network):
        from accounts.models import User

        field = self.fields["contact"]
        field.queryset = User.objects.filter(
            memberships__in=network.memberships.current()
        ).order_by("full_name", "email")
        field.label_from_instance = lambda u: u.get_full_name()
        field.empty_label = _("(nobody yet)")
        field.help_text = _("A member of the network; they answer the yearly self-check.")


class PartnerForm(_ContactMixin, PrivacyGuardMixin, forms.ModelForm):
    """Add a partner: choose an existing organisation, or name a new one. A new name that
    exists already is offered as the existing one instead of making a double."""

    organisation = forms.ModelChoiceField(
        label=_("Existing organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("(a new organisation)"),
    )
    name = forms.CharField(label=_("Or a new organisation's name"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *OrganisationKind.choices], required=False
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)

    class Meta:
        model = NetworkPartner
        fields = ["part", "contact", "brings_people", "brings_time", "brings_money",
                  "brings_place", "contribution"]  # fmt: skip
        widgets = {"contribution": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self._limit_contacts(network)
        self.fields["organisation"].queryset = Organisation.objects.exclude(
            partnerships__network=network
        ).order_by("name")

    def clean(self):
        cleaned = super().clean()
        organisation, name = cleaned.get("organisation"), (cleaned.get("name") or "").strip()
        if organisation is None and not name:
            raise forms.ValidationError(_("Choose an organisation or give a new one's name."))
        if organisation is None:
            existing = organisation_matching(name)
            if existing is not None:
                # Offer the existing one: it is selected when the form comes back.
                self.data = self.data.copy()
                self.data["organisation"] = str(existing.pk)
                self.data["name"] = ""
                if existing.partnerships.filter(network=self.network).exists():
                    raise forms.ValidationError(
                        _("%(name)s is a partner of this network already.")
                        % {"name": existing.name}
                    )
                self.fields["organisation"].queryset = (
                    Organisation.objects.filter(pk=existing.pk)
                    | self.fields["organisation"].queryset
                )
                raise forms.ValidationError(
                    _(
                        "%(name)s exists already. It is now chosen above: save again to add "
                        "it as a partner."
                    )
                    % {"name": existing.name}
                )
            if not cleaned.get("kind"):
                self.add_error("kind", _("Say what kind of organisation this is."))
        return cleaned


class PartnerEditForm(_ContactMixin, PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = NetworkPartner
        fields = PartnerForm.Meta.fields
        widgets = PartnerForm.Meta.widgets

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_contacts(network)


class ThemeForm(PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        # The uniqueness per network is the service's check (the form has no network).
        pass


class NetworkProfileForm(PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = Network
        fields = ["focus", "learning_needs"]
        widgets = {
            "focus": forms.Textarea(attrs={"rows": 3}),
            "learning_needs": forms.Textarea(attrs={"rows": 3}),
        }


class FundingPeriodForm(PrivacyGuardMixin, forms.ModelForm):
    amount = forms.DecimalField(
        label=_("Amount (euro)"), required=False, min_value=0, max_digits=12, decimal_places=2
    )

    class Meta:
        model = FundingPeriod
        fields = ["funder", "starts_on", "ends_on", "amount", "note"]
        widgets = {
            "starts_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        }
        field_classes = {"starts_on": BoundedDateField, "ends_on": BoundedDateField}

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The funding period ends before it starts."))
        return cleaned

    def _post_clean(self):
        # The period check lives in clean() and the service (the form has no network).
        pass


class SelfCheckForm(PrivacyGuardMixin, forms.ModelForm):
    partner = forms.ModelChoiceField(label=_("For the organisation"), queryset=None)

    class Meta:
        model = PreconditionCheck
        fields = ["partner", "shared_vision", "co_ownership", "people_and_time", "remark"]
        widgets = {
            "shared_vision": forms.RadioSelect,
            "co_ownership": forms.RadioSelect,
            "people_and_time": forms.RadioSelect,
            "remark": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        self.fields["partner"].label_from_instance = lambda p: p.organisation.name
        self.fields["partner"].empty_label = None
        for name in ("shared_vision", "co_ownership", "people_and_time"):
            self.fields[name].choices = SelfCheckScore.choices
        self.year = timezone.localdate().year

    def _post_clean(self):
        # One answer per partner and year: answering again replaces it (the service).
        pass
