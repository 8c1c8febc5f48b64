"""Forms of the method record, the agreed actions, the roles, and breakout groups."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lin_platform.dates import BoundedDateField
from lin_platform.privacy import PrivacyGuardMixin

from ..methods import Method, methods_for
from ..models import ActionKind, Meeting, MeetingAction, MeetingRecord
from ..services.groups import MAX_GROUP_SIZE, MIN_GROUP_SIZE
from ..services.record import MAX_NOTE_LENGTH


class RecordForm(PrivacyGuardMixin, forms.Form):
    """One text field per record field of the method; each is a part of the guarded
    ``MeetingRecord.entries``."""

    prefix = "note"

    def privacy_target(self, name: str):
        return (MeetingRecord, "entries") if name in self.method.field_keys else None

    def __init__(self, *args, method: Method, notes: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.method = method
        for field in method.fields:
            self.fields[field.key] = forms.CharField(
                label=field.label,
                required=False,
                max_length=MAX_NOTE_LENGTH,
                initial=notes.get(field.key, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def notes(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key, "") for key in self.method.field_keys}


class MethodForm(forms.Form):
    method = forms.ChoiceField(label=_("Method"))

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [(m.key, m.name) for m in methods_for(meeting.format)]


class RolesForm(forms.Form):
    facilitator = forms.ModelChoiceField(label=_("Facilitator"), queryset=None, required=False)
    note_taker = forms.ModelChoiceField(label=_("Note-taker"), queryset=None, required=False)
    case_bringer = forms.ModelChoiceField(label=_("Case-bringer"), queryset=None, required=False)
    presenters = forms.ModelMultipleChoiceField(
        label=_("Presenters"),
        queryset=None,
        required=False,
        help_text=_("For a clinical lesson: the student and the professional who present it."),
    )

    def __init__(self, *args, people, method: Method | None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("facilitator", "note_taker", "case_bringer", "presenters"):
            self.fields[name].queryset = people
        roles = method.roles if method else ()
        if "case_bringer" not in roles:
            del self.fields["case_bringer"]
        if "presenter" not in roles:
            del self.fields["presenters"]


class ActionForm(PrivacyGuardMixin, forms.Form):
    privacy_model = MeetingAction

    kind = forms.ChoiceField(label=_("Kind"), choices=ActionKind.choices, initial=ActionKind.ACTION)
    text = forms.CharField(label=_("What was agreed"), max_length=500)
    owner = forms.ModelChoiceField(label=_("Who"), queryset=None, required=False)
    due_on = BoundedDateField(
        label=_("Before"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people


class GroupSizeForm(forms.Form):
    size = forms.IntegerField(
        label=_("People per group (at most)"),
        min_value=MIN_GROUP_SIZE,
        max_value=MAX_GROUP_SIZE,
        initial=4,
    )


class GroupMoveForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput)
    group = forms.IntegerField(label=_("Group"), min_value=1)
