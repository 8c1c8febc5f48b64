"""Forms of the network: invitations, roles, the member filter, a new network."""

from django import forms
from django.contrib.auth import password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import Domain, Profession, StudentLevel
from accounts.forms import ProfileFieldsMixin
from lin_platform.dates import BoundedDateField
from lin_platform.privacy import PrivacyGuardMixin

from .choices import NetworkKind, Role
from .models import Network, Organisation


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.PROFESSIONAL)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("(none)"),
    )
    ends_on = BoundedDateField(
        label=_("Membership ends on"),
        required=False,
        help_text=_("Optional, e.g. the last day of a student's internship."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_ends_on(self):
        ends_on = self.cleaned_data.get("ends_on")
        if ends_on and ends_on < timezone.localdate():
            raise forms.ValidationError(_("The end date lies in the past."))
        return ends_on


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class MemberFilterForm(forms.Form):
    domain = forms.ChoiceField(
        label=_("Domain"), choices=[("", _("All domains"))] + list(Domain.choices), required=False
    )
    profession = forms.ChoiceField(
        label=_("Profession"),
        choices=[("", _("All professions"))] + list(Profession.choices),
        required=False,
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All roles"))] + list(Role.choices), required=False
    )


class InvitationSignupForm(ProfileFieldsMixin, forms.Form):
    """Create an account from an invitation: the address is given by the invitation."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    profession = forms.ChoiceField(label=_("Profession"), choices=Profession.choices)
    student_level = forms.ChoiceField(
        label=_("Student level"),
        choices=[("", _("Not a student"))] + list(StudentLevel.choices),
        required=False,
    )
    programme = forms.CharField(label=_("Programme"), max_length=120, required=False)
    password1 = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            from accounts.models import User

            probe = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class NetworkCreateForm(PrivacyGuardMixin, forms.Form):
    privacy_model = Network

    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=NetworkKind.choices)
    region = forms.CharField(label=_("Region or district"), max_length=120, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    themes = forms.CharField(
        label=_("Practice themes"),
        required=False,
        help_text=_("Separated by commas, e.g. ondervoeding, valpreventie, eenzaamheid."),
    )
    coordinator_email = forms.EmailField(
        label=_("First coordinator's e-mail address"),
        help_text=_("An existing account becomes coordinator at once; others get an invitation."),
    )

    def clean_themes(self):
        raw = self.cleaned_data.get("themes", "")
        return [t.strip() for t in raw.split(",") if t.strip()]
