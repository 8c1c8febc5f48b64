"""Forms of casework. Every free text about a client carries the privacy guard
(``PrivacyGuardMixin``, reading the fields declared in ``casework/privacy.py``)."""

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.choices import Profession
from lin_platform.dates import BoundedDateField
from lin_platform.once import OnceFormMixin
from lin_platform.privacy import PrivacyGuardMixin, validate_pseudonymised
from lin_platform.uploads import accept_attribute, allowed_extensions_label
from networks.selectors import themes_offered

from . import meetings_link
from .attachments import check_attachment, max_attachment_bytes
from .choices import CaseStatus
from .models import Case, CaseContribution, CaseworkSettings, Lesson
from .selectors import pair_candidates, share_candidates


class PairChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name()


def meeting_label(meeting) -> str:
    """A meeting with its date: the meetings of a series share their title."""
    when = date_format(timezone.localtime(meeting.starts_at), "j N Y H:i")
    return f"{meeting.title} ({when})"


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name()


class CaseShareForm(forms.Form):
    """A coordinator lets guests, residents and experts by experience read a case."""

    shared_with = PeopleChoiceField(
        label=_("Shared with"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Guests, residents and experts by experience read a case only when it was "
            "presented in a meeting they attended, or when it is shared with them here."
        ),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared_with"].queryset = share_candidates(network)


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return meeting_label(obj)


class ThemedCaseChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        if getattr(obj, "of_theme", False):
            return _("%(case)s (of a chosen theme)") % {"case": obj}
        return str(obj)


class MeetingsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        if getattr(obj, "of_theme", False):
            return _("%(meeting)s (of a chosen theme)") % {"meeting": meeting_label(obj)}
        return meeting_label(obj)


class CaseForm(PrivacyGuardMixin, OnceFormMixin, forms.ModelForm):
    """A case of ``network``: the pair, the texts (each guarded), themes and meeting."""

    class Meta:
        model = Case
        fields = [
            "title",
            "student",
            "professional",
            "themes",
            "situation",
            "questions_care",
            "questions_social",
            "outcome",
            "status",
            "meeting",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "situation": forms.Textarea(attrs={"rows": 6}),
            "questions_care": forms.Textarea(attrs={"rows": 3}),
            "questions_social": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        students, professionals = pair_candidates(network)
        self.fields["student"] = PairChoiceField(queryset=students, label=_("Student"))
        self.fields["professional"] = PairChoiceField(
            queryset=professionals, label=_("Professional")
        )
        self.fields["themes"].queryset = themes_offered(
            network, keep=self.instance.themes.all() if self.instance.pk else ()
        )
        self.fields["meeting"] = MeetingChoiceField(
            queryset=meetings_link.meetings_for_case(network),
            required=False,
            label=self.fields["meeting"].label,
        )
        self.fields["meeting"].help_text = _("The clinical lesson or case discussion.")
        self.fields["status"].choices = CaseStatus.choices
        if self.instance.pk is None:
            del self.fields["status"]  # a new case is always being written


class ContributionForm(PrivacyGuardMixin, OnceFormMixin, forms.Form):
    privacy_model = CaseContribution

    # Empty means the author's own profession (the only one a contribution is filed under).
    discipline = forms.ChoiceField(
        label=_("Discipline"), choices=Profession.choices, required=False
    )
    text = forms.CharField(
        label=_("Contribution"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What your discipline sees, asks and proposes. No names or numbers."),
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mb = max_attachment_bytes() // (1024 * 1024)
        self.fields["file"].help_text = _("Slides or a handout: %(types)s, at most %(mb)s MB.") % {
            "types": allowed_extensions_label(),
            "mb": mb,
        }
        self.fields["file"].widget.attrs["accept"] = accept_attribute()

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        check_attachment(uploaded)
        validate_pseudonymised(uploaded.name, field=str(self.fields["file"].label))
        return uploaded


class CaseworkSettingsForm(forms.ModelForm):
    class Meta:
        model = CaseworkSettings
        fields = ["archive_after_days", "purge_after_days"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].validators.append(MinValueValidator(1))
            self.fields[name].widget.attrs["min"] = 1


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.network.name})"


class LessonForm(PrivacyGuardMixin, forms.ModelForm):
    """A lesson; its choices are the teacher's themes, cases and meetings. The service
    checks again, so a forged id of another network is refused with a message."""

    class Meta:
        model = Lesson
        fields = [
            "title",
            "school",
            "programme",
            "level",
            "course",
            "starts_on",
            "ends_on",
            "objectives",
            "themes",
            "cases",
            "meetings",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "objectives": forms.Textarea(attrs={"rows": 4}),
            "cases": forms.CheckboxSelectMultiple,
            "meetings": forms.CheckboxSelectMultiple,
        }
        field_classes = {"starts_on": BoundedDateField, "ends_on": BoundedDateField}

    def __init__(self, *args, themes, cases, meetings, refresh_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # Choosing a theme brings its cases and meetings to the top (htmx); without
        # JavaScript they come first once the form is shown again.
        refresh = (
            {
                "hx-get": refresh_url,
                "hx-trigger": "change",
                "hx-target": "closest form",
                "hx-select": "form.lesson-form",
                "hx-swap": "outerHTML",
                "hx-include": "closest form",
            }
            if refresh_url
            else {}
        )
        self.fields["themes"] = ThemeChoiceField(
            queryset=themes,
            label=_("Themes"),
            widget=forms.CheckboxSelectMultiple(attrs=refresh),
            help_text=_(
                "Themes of the networks in which you teach. The cases and meetings of the "
                "chosen themes come first below."
            ),
        )
        self.fields["cases"] = ThemedCaseChoiceField(
            queryset=cases,
            required=False,
            label=self.fields["cases"].label,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["meetings"] = MeetingsChoiceField(
            queryset=meetings,
            required=False,
            label=self.fields["meetings"].label,
            widget=forms.CheckboxSelectMultiple,
        )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day lies before the first."))
        return cleaned
