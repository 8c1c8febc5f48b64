"""Dates a person types stay within 2000–2100, in every form of the platform."""

import importlib
import inspect
from datetime import date

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from lin_platform.dates import BoundedDateField, bounded_date_validator

FORM_MODULES = [
    "casework.forms",
    "networks.forms",
    "networks.projects.forms",
    "sessions.meetings.forms",
    "sessions.meetings.forms.method",
    "sessions.shadowing.forms",
    "sessions.reminders.forms",
    "accounts.forms",
]


def form_classes():
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == name:
                yield cls


def test_every_date_field_in_a_form_is_bounded():
    plain = [
        f"{cls.__module__}.{cls.__name__}.{field_name}"
        for cls in form_classes()
        for field_name, field in cls.base_fields.items()
        if isinstance(field, forms.DateField) and not isinstance(field, BoundedDateField)
    ]
    assert plain == []


@pytest.mark.parametrize("value", [date(2000, 1, 1), date(2026, 10, 8), date(2100, 12, 31)])
def test_a_date_within_the_bounds_passes(value):
    bounded_date_validator(value)
    assert BoundedDateField().clean(value.isoformat()) == value


@pytest.mark.parametrize("value", ["1999-12-31", "2101-01-01", "9999-12-31", "0001-01-01"])
def test_a_date_outside_the_bounds_is_refused_in_the_persons_language(value):
    for language, text in [
        ("en", "Choose a date between 2000 and 2100."),
        ("nl", "Kies een datum tussen 2000 en 2100."),
    ]:
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                BoundedDateField().clean(value)
            assert error.value.messages == [text]


def test_the_date_picker_shows_the_bounds():
    html = BoundedDateField(widget=forms.DateInput(attrs={"type": "date"})).widget.render("d", None)
    assert 'min="2000-01-01"' in html and 'max="2100-12-31"' in html


def test_skipped_dates_of_a_series_are_bounded_too():
    from sessions.meetings.forms import parse_dates

    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            parse_dates("24-12-2026, 31-12-9999")
        assert error.value.messages == ["Choose a date between 2000 and 2100."]
