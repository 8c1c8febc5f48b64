"""The vendored icon set: ``{% icon %}`` points into the sprite under static/vendor/, refuses
an unknown name, and every icon a template names exists in the sprite."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError

from lin_platform.icons import ICON_SET, icon_names

TEMPLATE_ICON = re.compile(r'{%\s*icon\s+"([^"]+)"')


def test_an_icon_is_a_hidden_svg_using_the_vendored_sprite():
    html = Template('{% icon "calendar-event" "section-icon" %}').render(Context())
    assert html == (
        '<svg class="bi section-icon" aria-hidden="true" focusable="false">'
        f'<use href="/static/{ICON_SET}#calendar-event"></use></svg>'
    )
    assert (settings.BASE_DIR / "static" / ICON_SET).stat().st_size > 100_000


def test_an_unknown_icon_is_an_error():
    with pytest.raises(TemplateSyntaxError, match="No icon 'no-such-icon'"):
        Template('{% icon "no-such-icon" %}').render(Context())


def test_every_icon_the_templates_name_is_in_the_sprite():
    used = set()
    for path in Path(settings.BASE_DIR).glob("**/templates/**/*.html"):
        if ".venv" in path.parts:
            continue
        used |= set(TEMPLATE_ICON.findall(path.read_text(encoding="utf-8")))
    assert {"house-door", "calendar-event", "people"} <= used
    assert used - icon_names() == set()
