"""Forms of theme projects."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from lin_platform.dates import BoundedDateField
from lin_platform.privacy import PrivacyGuardMixin
from lin_platform.uploads import (
    accept_attribute,
    allowed_extensions_label,
    check_upload,
    max_upload_bytes,
)
from networks.choices import MilestoneStatus, ProjectRole
from networks.models import (
    Milestone,
    Network,
    Organisation,
    PdsaEntry,
    ProjectOutput,
    ThemeProject,
)
from networks.selectors import themes_offered

DATE = {"type": "date"}


class ThemeProjectForm(PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = ThemeProject
        fields = ["title", "theme", "aim", "starts_on", "ends_on", "other_networks"]
        widgets = {
            "aim": forms.Textarea(attrs={"rows": 4}),
            "starts_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "other_networks": forms.CheckboxSelectMultiple,
        }
        field_classes = {"starts_on": BoundedDateField, "ends_on": BoundedDateField}

    def __init__(self, *args, network: Network, user, **kwargs):
        super().__init__(*args, **kwargs)
        from networks.models import Membership

        self.fields["theme"].queryset = themes_offered(
            network, keep=[self.instance.theme_id] if self.instance.theme_id else ()
        )
        # Shared only with networks the person is a member of too.
        mine = Membership.objects.current().filter(user=user).values("network_id")
        self.fields["other_networks"].queryset = (
            Network.objects.filter(pk__in=mine).exclude(pk=network.pk).order_by("name")
        )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The project ends before it starts."))
        return cleaned

    def _post_clean(self):
        # The period check lives in clean() and the service; skip the model's own constraint
        # validation, which needs the network the form does not carry.
        pass


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    contribution = forms.CharField(label=_("Contribution"), max_length=300, required=False)


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Person"), queryset=None)
    role = forms.ChoiceField(label=_("Project role"), choices=ProjectRole.choices)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates
        self.fields["user"].label_from_instance = lambda u: u.get_full_name()


class MilestoneForm(PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["kind", "title", "due_on", "status", "description"]
        widgets = {
            "due_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"due_on": BoundedDateField}


class MilestoneStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)


class OutputForm(PrivacyGuardMixin, forms.ModelForm):
    """An output: a document, a link, or both. The model's constraint says "at least one"
    (a ModelForm validates it, so the message is the constraint's own)."""

    # A link typed without a scheme is taken as https (Django 6's default already).
    url = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    file = forms.FileField(label=_("Document"), required=False)

    class Meta:
        model = ProjectOutput
        fields = ["title", "file", "url", "description", "published_on"]
        widgets = {"published_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d")}
        field_classes = {"published_on": BoundedDateField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A report, factsheet or slides: %(types)s, at most %(limit)s."
        ) % {"types": allowed_extensions_label(), "limit": filesizeformat(max_upload_bytes())}
        self.fields["file"].widget.attrs["accept"] = accept_attribute()
        self.fields["url"].help_text = _("Where the output is published, if it is online.")

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded:
            check_upload(uploaded)
        return uploaded


class PdsaForm(PrivacyGuardMixin, forms.ModelForm):
    class Meta:
        model = PdsaEntry
        fields = ["question", "plan", "do", "study", "act"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 2}) for name in ("plan", "do", "study", "act")
        }


class MeetingLinkForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=None)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
