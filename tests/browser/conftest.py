"""The browser test rig: Playwright driving Debian's Chromium against pytest-django's live server.

Every test in this folder:

- is marked ``browser`` and runs with ``transactional_db`` (the live server thread needs to see
  the rows a test creates);
- gets a ``page`` whose ``goto`` runs an axe-core check (WCAG 2.2 A and AA) on the page it
  lands on. A page reached in another way (a click on a link, a form submission) is checked
  when the test calls :func:`axe_check` once it has waited for it, or else automatically by the
  next ``goto`` (before leaving it) or at teardown (the page a test ends on). A test that
  clicks on from such a page without checking it fails, naming the page: every page a browser
  test visits is checked.
- fails when the browser reports a Content-Security-Policy violation or an uncaught JavaScript
  error.

Helpers for tests: :func:`axe_check`, :func:`login` and :func:`screenshot`
(``from tests.browser.conftest import axe_check, login, screenshot``). Relative URLs work:
``page.goto("/account/login/")`` goes to the live server. ``page.goto(url, axe=False)`` skips
the check for a response that is not an HTML page of ours (a file download, say).

Without Chromium at /usr/bin/chromium (or ``$LIN_CHROMIUM``) the tests are skipped; when
``CI`` is set they fail instead, so CI never passes without having run them.
"""

import os
import re
from pathlib import Path

import pytest
from django.urls import reverse

# Playwright's sync API runs an event loop in the test's thread; Django's ORM calls made by the
# test itself (factories, assertions) would otherwise refuse to run next to it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("LIN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"
SCREENSHOT_DIR = RESULTS_DIR / "screenshots"
HERE = Path(__file__).resolve().parent


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = (
        f"Chromium not found at {CHROMIUM}: browser tests need Debian's 'chromium' package "
        "(apt-get install chromium)."
    )
    if _in_ci():
        pytest.fail(message + " CI is set, so this is a failure, not a skip.", pytrace=False)
    pytest.skip(message)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# --- Playwright configuration ------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    _require_chromium()
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
        "headless": browser_type_launch_args.get("headless", True),
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
        "viewport": {"width": 1280, "height": 900},
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """Lets tests write ``page.goto("/path/")``."""
    return live_server.url


@pytest.fixture(autouse=True)
def _browser_database(transactional_db):
    """The live server runs in another thread: data must be committed to be seen there."""


# --- Accessibility -----------------------------------------------------------------------


class _PageWatch:
    """Follows the documents a page loads, which of them axe checked, and what went wrong."""

    def __init__(self, page):
        self.page = page
        self.document = 0  # counts documents loaded in the main frame
        self.document_url = ""
        self.checked = 0  # the document number last checked (or exempted)
        self.unchecked: list[str] = []
        self.problems: list[str] = []
        page.on("domcontentloaded", self._on_document)
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)

    def _on_document(self, page):
        if self.document and self.checked != self.document:
            self.unchecked.append(self.document_url)
        self.document += 1
        self.document_url = page.url

    def _on_console(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.problems.append(f"CSP violation on {self.page.url}: {message.text}")

    def _on_page_error(self, error):
        self.problems.append(f"JavaScript error on {self.page.url}: {error}")


def _watch(page) -> _PageWatch | None:
    return getattr(page, "_lin_watch", None)


def _format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe found {len(violations)} WCAG 2.2 A/AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        lines.append(f"    {violation.get('helpUrl', '')}")
        for node in violation["nodes"][:10]:
            target = ", ".join(str(part) for part in node.get("target", []))
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    * {target}: {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    * ... and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def axe_check(page, *, context=None) -> None:
    """Run axe-core (WCAG 2.2 A and AA) on the page as it is now; fail listing the violations.

    Call it after waiting for the page you want checked (``expect(...)`` on something that
    only the new page shows), e.g. after a form submission or a click on a link.
    ``context`` limits the check to part of the page (axe's context argument).
    """
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_load_state("load")
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, context=context, options=options)
    watch = _watch(page)
    if watch is not None and context is None:
        watch.checked = watch.document
    violations = results.response["violations"]
    if violations:
        pytest.fail(_format_violations(page.url, violations), pytrace=False)


def screenshot(page, name: str) -> Path:
    """Save a full-page PNG under test-results/screenshots/ for a human to look at."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page, live_server, user, password: str | None = None) -> None:
    """Sign ``user`` in through the real allauth sign-in form; the page it lands on is checked."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    from tests.factories import PASSWORD

    login_url = live_server.url + reverse("account_login")
    page.goto(login_url)
    form = page.locator("main form").filter(has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(user.email)
    form.locator("input[name=password]").fill(password or PASSWORD)
    form.locator("button[type=submit]").click()
    try:
        page.wait_for_url(lambda url: not url.startswith(login_url), timeout=10_000)
    except PlaywrightTimeoutError:
        pytest.fail(
            f"Signing in as {user.email} failed; the page says: "
            f"{' '.join(page.locator('main').inner_text().split())}",
            pytrace=False,
        )
    axe_check(page)


@pytest.fixture
def page(page):
    """Playwright's page, with an axe check around every ``goto`` and a watch on every document.

    At teardown: the page the test ended on is checked, and the test fails if it left a page
    unchecked, or if the browser reported a CSP violation or a JavaScript error.
    """
    watch = _PageWatch(page)
    page._lin_watch = watch
    original_goto = page.goto

    def goto(url, *, axe=True, **kwargs):
        # The page being left (reached by a click, say) is checked before it is gone.
        if watch.document and watch.checked != watch.document:
            axe_check(page)
        response = original_goto(url, **kwargs)
        if axe:
            axe_check(page)
        else:
            page.wait_for_load_state("load")
            watch.checked = watch.document
        return response

    page.goto = goto
    yield page
    if page.is_closed():
        return
    if watch.document and watch.checked != watch.document:
        axe_check(page)
    failures = []
    if watch.unchecked:
        failures.append(
            "These pages were visited but never checked with axe: "
            + ", ".join(watch.unchecked)
            + ". Call axe_check(page) once the test has waited for each of them."
        )
    failures.extend(watch.problems)
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
