"""Forms of the person: the profile fields asked at sign-up and on the profile page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Profession, StudentLevel
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
