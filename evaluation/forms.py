"""Forms of evaluation: a round, answering a questionnaire (built from its instrument), the
meeting-evaluation setting, and an own questionnaire."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lin_platform.dates import BoundedDateField
from lin_platform.once import OnceFormMixin
from networks.choices import Role

from . import instruments as inst
from .instruments import Instrument
from .registry import round_instrument_choices


class RoundForm(OnceFormMixin, forms.Form):
    instrument_code = forms.ChoiceField(label=_("Questionnaire"))
    wave = forms.TypedChoiceField(
        label=_("Measurement"),
        coerce=int,
        choices=[(0, _("T0 – baseline"))] + [(n, f"T{n}") for n in range(1, 6)],
        help_text=_("A follow-up (T1, T2 …) is compared with the baseline of the same people."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Invite these roles"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every member."),
    )
    joined_from = BoundedDateField(
        label=_("Only members who joined from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    joined_until = BoundedDateField(
        label=_("until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    opens_on = BoundedDateField(label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = BoundedDateField(
        label=_("Closes on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument_code"].choices = round_instrument_choices(network)


class AnswerForm(forms.Form):
    """One field per item of ``instrument``; none required here (a draft may be partial):
    the service says which required question is still open when the answers are sent."""

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        for item in instrument.items:
            label = item.text
            if item.kind == inst.SCALE:
                labels = list(instrument.scale_labels)
                choices = [
                    (str(value), labels[i] if i < len(labels) else str(value))
                    for i, value in enumerate(range(instrument.scale_min, instrument.scale_max + 1))
                ]
                field = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                    required=False,
                )
            elif item.kind == inst.ZERO_TEN:
                field = forms.ChoiceField(
                    label=label,
                    choices=[(str(n), str(n)) for n in range(11)],
                    widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                    required=False,
                )
            elif item.kind == inst.SINGLE:
                field = forms.ChoiceField(
                    label=label,
                    choices=[(v, t) for v, t in item.options],
                    widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                    required=False,
                )
            elif item.kind == inst.MULTIPLE:
                field = forms.MultipleChoiceField(
                    label=label,
                    choices=[(v, t) for v, t in item.options],
                    widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
                    required=False,
                )
            else:
                field = forms.CharField(
                    label=label,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    required=False,
                    max_length=inst.TEXT_MAX_LENGTH,
                )
            field.item = item
            self.fields[item.code] = field

    def raw_answers(self) -> dict:
        """What was posted, per item (the service checks and converts it)."""
        answers = {}
        for item in self.instrument.items:
            if item.kind == inst.MULTIPLE:
                answers[item.code] = self.data.getlist(item.code)
            else:
                answers[item.code] = self.data.get(item.code, "")
        return answers

    def rows(self):
        """(bound field, item) pairs for the template."""
        return [(self[item.code], item) for item in self.instrument.items]


def initial_from(answers: dict) -> dict:
    return {
        code: (value if isinstance(value, list) else str(value)) for code, value in answers.items()
    }


class MeetingSettingForm(forms.Form):
    enabled = forms.BooleanField(
        label=_("Ask those present to evaluate each meeting (one minute, open for seven days)"),
        required=False,
    )
    instrument_code = forms.ChoiceField(label=_("Questionnaire"), choices=inst.meeting_choices)


ITEM_KINDS = [
    (inst.SCALE, _("Rating scale (1–5)")),
    (inst.ZERO_TEN, _("0–10")),
    (inst.SINGLE, _("Single choice")),
    (inst.MULTIPLE, _("Multiple choice")),
    (inst.TEXT, _("Open text")),
]
CUSTOM_ITEM_SLOTS = 8


class CustomInstrumentForm(OnceFormMixin, forms.Form):
    """An own questionnaire: a title and up to eight questions, each in Dutch and English;
    choice options one per line as "Dutch | English"."""

    title_nl = forms.CharField(label=_("Title (Dutch)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, CUSTOM_ITEM_SLOTS + 1):
            self.fields[f"q{n}_kind"] = forms.ChoiceField(
                label=_("Question %(n)d: kind") % {"n": n},
                choices=[("", "—"), *ITEM_KINDS],
                required=False,
            )
            self.fields[f"q{n}_nl"] = forms.CharField(
                label=_("Question %(n)d (Dutch)") % {"n": n}, max_length=300, required=False
            )
            self.fields[f"q{n}_en"] = forms.CharField(
                label=_("Question %(n)d (English)") % {"n": n}, max_length=300, required=False
            )
            self.fields[f"q{n}_options"] = forms.CharField(
                label=_("Question %(n)d: options, one per line as “Dutch | English”") % {"n": n},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=2000,
            )
            self.fields[f"q{n}_required"] = forms.BooleanField(
                label=_("Question %(n)d must be answered") % {"n": n}, required=False
            )

    def slots(self):
        return [
            [self[f"q{n}_{part}"] for part in ("kind", "nl", "en", "options", "required")]
            for n in range(1, CUSTOM_ITEM_SLOTS + 1)
        ]

    def items(self) -> list[dict]:
        items = []
        for n in range(1, CUSTOM_ITEM_SLOTS + 1):
            kind = self.cleaned_data.get(f"q{n}_kind")
            if not kind:
                continue
            options = []
            for index, line in enumerate(
                (self.cleaned_data.get(f"q{n}_options") or "").splitlines(), start=1
            ):
                if not line.strip():
                    continue
                nl, _sep, en = line.partition("|")
                options.append(
                    {"value": f"o{index}", "nl": nl.strip(), "en": en.strip() or nl.strip()}
                )
            items.append(
                {
                    "code": f"q{n}",
                    "kind": kind,
                    "text_nl": self.cleaned_data.get(f"q{n}_nl", "").strip(),
                    "text_en": self.cleaned_data.get(f"q{n}_en", "").strip(),
                    "required": bool(self.cleaned_data.get(f"q{n}_required")),
                    "options": options,
                }
            )
        return items

    @staticmethod
    def initial_for(custom) -> dict:
        initial = {"title_nl": custom.title_nl, "title_en": custom.title_en}
        for item in custom.items:
            n = item["code"].removeprefix("q")
            initial[f"q{n}_kind"] = item["kind"]
            initial[f"q{n}_nl"] = item["text_nl"]
            initial[f"q{n}_en"] = item["text_en"]
            initial[f"q{n}_required"] = item.get("required", True)
            initial[f"q{n}_options"] = "\n".join(
                f"{o['nl']} | {o['en']}" for o in item.get("options", [])
            )
        return initial
