"""File sizes as people read them: decimal units, one decimal, the language's comma."""

import pytest
from django.template import Context, Template
from django.utils import translation

from accounts.templatetags.sizes import human_size


@pytest.mark.parametrize(
    ("size", "dutch", "english"),
    [
        (0, "0 bytes", "0 bytes"),
        (1, "1 byte", "1 byte"),
        (999, "999 bytes", "999 bytes"),
        (1010, "1,0\u00a0kB", "1.0\u00a0kB"),
        (2_460_000, "2,5\u00a0MB", "2.5\u00a0MB"),
        (999_960, "1,0\u00a0MB", "1.0\u00a0MB"),
        (10_485_760, "10,5\u00a0MB", "10.5\u00a0MB"),
        (3_200_000_000, "3,2\u00a0GB", "3.2\u00a0GB"),
    ],
)
def test_human_sizes_in_dutch_and_english(size, dutch, english):
    with translation.override("nl"):
        assert human_size(size) == dutch
    with translation.override("en"):
        assert human_size(size) == english


def test_nothing_for_no_size():
    assert human_size(None) == ""


def test_the_filter_in_a_template():
    with translation.override("nl"):
        rendered = Template("{% load sizes %}{{ size|human_size }}").render(Context({"size": 1010}))
    assert rendered == "1,0\u00a0kB"
