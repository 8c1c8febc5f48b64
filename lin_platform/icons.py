"""``{% icon "name" %}``: an icon of the vendored Bootstrap Icons sprite, decorative (hidden
from screen readers: the text beside it says what it means). Built in for every template
(settings TEMPLATES builtins). An unknown name is an error, not an empty square."""

import re
from functools import cache

from django.conf import settings
from django.template import Library, TemplateSyntaxError
from django.templatetags.static import static
from django.utils.html import format_html

ICON_SET = "vendor/bootstrap-icons-1.13.2/bootstrap-icons.svg"

register = Library()


@cache
def icon_names() -> frozenset[str]:
    """The ids of the symbols in the sprite."""
    sprite = (settings.BASE_DIR / "static" / ICON_SET).read_text(encoding="utf-8")
    return frozenset(re.findall(r'<symbol[^>]*\bid="([^"]+)"', sprite))


@register.simple_tag
def icon(name: str, css: str = "") -> str:
    if name not in icon_names():
        raise TemplateSyntaxError(f"No icon {name!r} in {ICON_SET}.")
    return format_html(
        '<svg class="bi{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        f" {css}" if css else "",
        static(ICON_SET),
        name,
    )
