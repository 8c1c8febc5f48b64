"""The check-in code as a QR code: an SVG made here with segno (no external service), which
opens the check-in page with the code filled in."""

from urllib.parse import urlencode

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def checkin_url(meeting) -> str:
    """The absolute address of the meeting's check-in page with its code."""
    path = reverse("meetings:check_in", args=[meeting.network.slug, meeting.pk])
    return f"{settings.SITE_URL}{path}?{urlencode({'code': meeting.checkin_code})}"


def checkin_qr_svg(meeting) -> SafeString:
    """An inline SVG (no script, no style attribute: the CSP allows it) of the check-in
    address. Its size comes from the CSS class ``checkin-qr``."""
    qr = segno.make(checkin_url(meeting), error="m")
    svg = qr.svg_inline(scale=4, border=2, omitsize=True, svgclass="checkin-qr")
    # Named by aria-label, not a <title> element (a page has one <title>). segno builds the
    # rest from the QR matrix alone, and the label is escaped: safe to insert.
    label = escape(_("QR code to check in"))
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308
