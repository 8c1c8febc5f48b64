"""The registry of personal data covers every link to a person in every app of ours.

The model graph is walked afresh: a new foreign key (or many-to-many) to the user in any of
our apps fails here until an app's section declares it in ``covers``, and a declared field
must really be read by that section's export (the export selects rows by its column).
"""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import personal_data
from tests.factories import UserFactory


def _our_app_configs():
    """Apps whose code lives in this repository (not in the virtualenv)."""
    base = Path(settings.BASE_DIR).resolve()
    venv = base / ".venv"
    found = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and not path.is_relative_to(venv):
            found.append(config)
    return found


def links_to_the_user() -> set[str]:
    user_model = get_user_model()
    links = set()
    for config in _our_app_configs():
        for model in config.get_models():
            for field in model._meta.get_fields():
                if field.auto_created or not field.is_relation:
                    continue
                if field.related_model is user_model:
                    links.add(f"{model._meta.label}.{field.name}")
    return links


def declared() -> list[str]:
    return [name for section in personal_data.sections() for name in section.covers]


def test_our_apps_are_found():
    labels = {config.label for config in _our_app_configs()}
    assert {"accounts", "networks", "reminders", "meetings", "shadowing", "casework"} <= labels


def test_every_link_to_the_user_is_covered_by_a_section():
    found = links_to_the_user()
    assert len(found) > 20  # the walk itself works
    assert sorted(found - set(declared())) == []


def test_no_section_declares_a_link_that_does_not_exist_or_twice():
    names = declared()
    assert sorted(set(names) - links_to_the_user()) == []
    assert len(names) == len(set(names))


def test_sections_in_order():
    assert [s.key for s in personal_data.sections()] == [
        "account",
        "networks",
        "reminders",
        "meetings",
        "shadowing",
        "casework",
        "evaluation",
        "reports",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("section", personal_data.sections(), ids=lambda s: s.key)
def test_each_declared_link_is_read_by_the_export(section):
    person = UserFactory()
    with CaptureQueriesContext(connection) as captured:
        section.export(person)
    # Only the conditions count: every column of a model is in the SELECT of any query on it.
    conditions = "\n".join(
        query["sql"].split(" WHERE ", 1)[1]
        for query in captured.captured_queries
        if " WHERE " in query["sql"]
    )
    unread = []
    for name in section.covers:
        label, field_name = name.rsplit(".", 1)
        model = apps.get_model(label)
        field = model._meta.get_field(field_name)
        if field.many_to_many:  # read through its table's column to the person
            table, column = field.m2m_db_table(), field.m2m_reverse_name()
        else:
            table, column = model._meta.db_table, field.column
        if f'"{table}"."{column}"' not in conditions:
            unread.append(name)
    assert unread == []
