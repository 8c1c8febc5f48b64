"""Dates a person types: bounded to the years 2000–2100 before any arithmetic.

A date field accepts 9999-12-31, and adding a day to it (an export's end, a series' last
meeting) overflows into a 500. Every date field in a form is a :class:`BoundedDateField`
(a ModelForm names it in ``Meta.field_classes``); a test checks that no plain DateField is left.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


def bounded_date_validator(value: date) -> None:
    """Refuse a date outside 2000–2100 with a message in the person's language."""
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValidationError(
            _("Choose a date between %(first)s and %(last)s."),
            code="date_out_of_range",
            params={"first": EARLIEST.year, "last": LATEST.year},
        )


class BoundedDateField(forms.DateField):
    """A DateField that only accepts the years 2000–2100 (the date picker says so too)."""

    default_validators = [bounded_date_validator]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.DateInput):
            attrs.setdefault("min", EARLIEST.isoformat())
            attrs.setdefault("max", LATEST.isoformat())
        return attrs
