"""Focus is visible everywhere: walking a page with Tab, every focused control gets a ring of
at least 3:1 against the background around it (WCAG 2.2 focus appearance), on the white page
and on the teal bar alike."""

import pytest
from playwright.sync_api import expect

from networks.choices import Role
from tests.browser.conftest import login
from tests.factories import member

# The focused element's outline and the first opaque background behind it.
FOCUS_PROBE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  let node = el.parentElement, background = null;
  while (node) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') { background = bg; break; }
    node = node.parentElement;
  }
  const rect = el.getBoundingClientRect();
  return {
    name: el.tagName + (el.id ? '#' + el.id : '') + ' '
      + (el.textContent || el.name || '').trim().slice(0, 30),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor, background: background || 'rgb(255, 255, 255)',
    visible: rect.width > 0 && rect.height > 0,
  };
}"""


def _rgb(text: str) -> tuple[float, float, float]:
    parts = text[text.index("(") + 1 : text.index(")")].split(",")
    return tuple(float(p) for p in parts[:3])


def _luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("path", ["/", "/profiel/"])
def test_every_control_reached_by_tab_has_a_visible_ring(page, live_server, network, path):
    login(page, live_server, member(network, Role.COORDINATOR))
    page.goto(path)
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        probe = page.evaluate(FOCUS_PROBE)
        if probe is None or not probe["visible"]:
            continue
        seen.append(probe)
    assert len(seen) >= 8, seen  # the menu, the page's links and the footer's switcher
    weak = [
        (
            p["name"],
            p["outlineStyle"],
            p["outlineWidth"],
            round(contrast(p["outlineColor"], p["background"]), 2),
        )
        for p in seen
        if p["outlineStyle"] == "none"
        or p["outlineWidth"] < 2
        or contrast(p["outlineColor"], p["background"]) < 3
    ]
    assert weak == []
    on_the_bar = [p for p in seen if p["background"] == "rgb(11, 85, 99)"]
    assert on_the_bar, "the teal bar's links were never focused"


def test_a_form_with_errors_summarises_them_takes_the_focus_and_names_the_fault(page, live_server):
    page.goto("/account/signup/")
    page.fill("input[name=email]", "nieuw@example.org")
    page.fill("input[name=full_name]", "Nieuw Persoon")
    page.select_option("select[name=profession]", "carer")
    page.fill("input[name=password1]", "kort")
    page.fill("input[name=password2]", "anders")
    page.locator("main form [type=submit]").last.click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    assert page.title().startswith("Fout: ")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    links = summary.locator("a")
    assert links.count() >= 1
    target = links.first.get_attribute("href")
    links.first.click()
    assert page.evaluate("'#' + document.activeElement.id") == target
