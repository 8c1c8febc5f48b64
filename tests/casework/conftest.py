"""Fixtures of the casework tests: a network with a pair, a teacher, themes."""

import pytest
from django.utils import translation

from networks.choices import Role
from tests.casework.factories import CaseFactory
from tests.factories import ThemeFactory, member


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the source language), whatever catalogue is built."""
    with translation.override("en"):
        yield


@pytest.fixture
def pair(network):
    student = member(network, Role.STUDENT, full_name="Sara Student", language="en")
    professional = member(
        network, Role.PROFESSIONAL, full_name="Pieter Wijkverpleegkundige", language="en"
    )
    return student, professional


@pytest.fixture
def ondervoeding(network):
    return ThemeFactory(network=network, name="ondervoeding", slug="ondervoeding")


@pytest.fixture
def case(network, pair, ondervoeding):
    student, professional = pair
    made = CaseFactory(network=network, student=student, professional=professional)
    made.themes.set([ondervoeding])
    return made


@pytest.fixture
def teacher(network):
    return member(network, Role.TEACHER, full_name="Tineke Docent", language="en")
