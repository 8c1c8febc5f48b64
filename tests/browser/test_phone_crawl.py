"""Every page each demo person can reach, loaded in Chromium at 390 × 844 (a phone): the
document never scrolls sideways, no element scrolls sideways in its own box, and every
primary button lies within the window. The pages come from the crawl of tests/test_crawl.py
on the seeded demo data, one page per URL pattern per role to keep the run short.

The home page of each role is also saved at 390 and 1280 px under test-results/screenshots/
(``home-<role>-390.png``, ``home-<role>-1280.png``) so the look can be reviewed; with
``LIN_PHONE_SCREENSHOTS=1`` every page of the crawl is saved too (``phone-<role>-<view>.png``).
"""

import os
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import Resolver404, resolve

from tests.browser.conftest import screenshot
from tests.test_crawl import DOWNLOAD_SUFFIXES, ROLES, SECRET_LINKS, Crawl, crawl, signed_in

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# What scrolls sideways on the page: the document when it is wider than the window, any
# element whose content scrolls sideways in its own box, and any primary button that lies
# (partly) outside the window horizontally.
SIDEWAYS = """() => {
  const found = [];
  const doc = document.scrollingElement;
  const width = doc.clientWidth;
  if (doc.scrollWidth > width + 1) found.push('the document is ' + doc.scrollWidth + ' px wide');
  const describe = (el) => {
    const id = el.id ? '#' + el.id : '';
    const names = typeof el.className === 'string' ? el.className.trim() : '';
    const cls = names ? '.' + names.split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + id + cls;
  };
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      found.push(
        describe(el) + ' scrolls sideways (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
    }
  }
  for (const el of document.querySelectorAll('.btn-primary')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left < -1 || box.right > width + 1) {
      found.push('primary button "' + el.textContent.trim() + '" lies outside the window ('
        + Math.round(box.left) + '..' + Math.round(box.right) + ')');
    }
  }
  return found;
}"""


def one_page_per_pattern(result: Crawl) -> list[str]:
    """The first page of each view the crawl reached with a 200 (no downloads, no feeds)."""
    chosen: dict[str, str] = {}
    for path, status in result.pages.items():
        bare = urlsplit(path).path
        if status != 200 or path in result.downloads or bare.endswith(DOWNLOAD_SUFFIXES):
            continue
        try:
            match = resolve(bare)
        except Resolver404:
            continue
        if match.view_name in SECRET_LINKS or match.view_name in chosen:
            continue
        chosen[match.view_name] = path
    return list(chosen.values())


def sign_in_as(page, live_server, role: str) -> None:
    """Hand the browser the session of a test client signed in as the role's demo person."""
    client = signed_in(role)
    name = django_settings.SESSION_COOKIE_NAME
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_no_page_scrolls_sideways_on_a_phone(page, live_server, demo):
    problems: list[str] = []
    for role in ROLES:
        pages = one_page_per_pattern(crawl(signed_in(role), set()))
        sign_in_as(page, live_server, role)
        page.set_viewport_size(DESKTOP)
        page.goto("/", axe=False)
        screenshot(page, f"home-{role}-1280")
        page.set_viewport_size(PHONE)
        page.goto("/", axe=False)
        screenshot(page, f"home-{role}-390")
        for path in pages:
            page.goto(path, axe=False)
            if os.environ.get("LIN_PHONE_SCREENSHOTS"):  # every page, for a human to review
                name = resolve(urlsplit(path).path).view_name.replace(":", "-")
                screenshot(page, f"phone-{role}-{name}")
            problems.extend(f"{role} {path}: {found}" for found in page.evaluate(SIDEWAYS))
    assert problems == [], "\n".join(problems)
