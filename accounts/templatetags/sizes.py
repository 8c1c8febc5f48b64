"""``{% load sizes %}{{ file.size|human_size }}``: a file size as people read it.

Django's ``filesizeformat`` says "1010 bytes" up to 1024 and keeps a decimal point in some
places; here sizes are decimal units (1 kB = 1000 bytes, as file managers show them) with
one decimal in the active language's notation: "1,0 kB", "2,4 MB" in Dutch.
"""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import ngettext

register = template.Library()

UNITS = ("kB", "MB", "GB", "TB")


@register.filter
def human_size(value) -> str:
    try:
        size = int(value)
    except (TypeError, ValueError):
        return ""
    if size < 1000:
        return ngettext("%(count)d byte", "%(count)d bytes", size) % {"count": size}
    amount = Decimal(size) / 1000
    for unit in UNITS:
        # Round first (half up; number_format would cut off), so 999,960 bytes is "1,0 MB"
        # rather than "1000,0 kB".
        shown = amount.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if shown < 1000 or unit == UNITS[-1]:
            return f"{number_format(shown, decimal_pos=1)}\u00a0{unit}"
        amount /= 1000
    return ""  # pragma: no cover - the loop always returns
