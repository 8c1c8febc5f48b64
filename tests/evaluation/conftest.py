"""Fixtures of the evaluation tests."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the source language), whatever catalogue is built."""
    with translation.override("en"):
        yield
