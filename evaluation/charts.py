"""Small charts drawn on the server as SVG and shown as an ``<img>`` with a ``data:`` URI
(the Content-Security-Policy allows ``img-src data:``; no JavaScript). Every chart stands
next to a table with the same figures, which is what a screen reader reads."""

from __future__ import annotations

import base64
from xml.sax.saxutils import escape

WIDTH = 360
ROW = 26
LABEL_WIDTH = 130
BAR_COLOUR = "#2f6f8f"
MUTED = "#6c757d"


def _uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def bars(rows: list[tuple[str, float | None]], low: float, high: float) -> str:
    """Horizontal bars of ``rows`` (label, value) on the scale [low, high]; a row without a
    value (hidden: too few answers) is drawn as a dash."""
    height = ROW * max(1, len(rows)) + 20
    span = WIDTH - LABEL_WIDTH - 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">'
    ]
    for index, (label, value) in enumerate(rows):
        y = index * ROW + 4
        parts.append(f'<text x="0" y="{y + 15}" fill="#212529">{escape(str(label)[:22])}</text>')
        if value is None:
            parts.append(f'<text x="{LABEL_WIDTH}" y="{y + 15}" fill="{MUTED}">–</text>')
            continue
        fraction = 0.0 if high == low else max(0.0, min(1.0, (value - low) / (high - low)))
        width = max(1.0, fraction * span)
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="16" '
            f'fill="{BAR_COLOUR}"/>'
        )
        parts.append(
            f'<text x="{LABEL_WIDTH + width + 4:.1f}" y="{y + 15}" fill="#212529">'
            f"{value:.1f}</text>"
        )
    axis_y = ROW * max(1, len(rows)) + 14
    parts.append(f'<text x="{LABEL_WIDTH}" y="{axis_y}" fill="{MUTED}">{low:g}</text>')
    parts.append(
        f'<text x="{LABEL_WIDTH + span}" y="{axis_y}" fill="{MUTED}" '
        f'text-anchor="end">{high:g}</text>'
    )
    parts.append("</svg>")
    return _uri("".join(parts))


def histogram(bins: list[tuple[str, int]]) -> str:
    """Columns of a distribution (bin label, count)."""
    height = 140
    top = max((count for _label, count in bins), default=0) or 1
    column = (WIDTH - 20) / max(1, len(bins))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="11">'
    ]
    for index, (label, count) in enumerate(bins):
        x = 10 + index * column
        bar = (height - 40) * count / top
        parts.append(
            f'<rect x="{x + 4:.1f}" y="{height - 22 - bar:.1f}" width="{column - 8:.1f}" '
            f'height="{bar:.1f}" fill="{BAR_COLOUR}"/>'
        )
        parts.append(
            f'<text x="{x + column / 2:.1f}" y="{height - 26 - bar:.1f}" '
            f'text-anchor="middle">{count}</text>'
        )
        parts.append(
            f'<text x="{x + column / 2:.1f}" y="{height - 6}" text-anchor="middle" '
            f'fill="{MUTED}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return _uri("".join(parts))
