"""The search form: words, kind, network, period. Nothing here can make the page fail: a
bad value is reported on the field and the search runs without it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lin_platform.dates import BoundedDateField

from .sources import KINDS

MAX_QUERY = 200  # words beyond this add nothing a person meant; longer input is cut, not refused
DATE = {"type": "date"}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    network = forms.ModelChoiceField(
        label=_("Network"), queryset=None, required=False, empty_label=_("All my networks")
    )
    since = BoundedDateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )
    until = BoundedDateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything"))] + [
            (kind.key, kind.label) for kind in KINDS
        ]
        self.fields["network"].queryset = networks

    def clean_q(self):
        text = " ".join((self.cleaned_data.get("q") or "").split())
        self.truncated = len(text) > MAX_QUERY
        return text[:MAX_QUERY]

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The period ends before it starts."))
        return cleaned
