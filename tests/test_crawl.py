"""Crawl the demo platform as each of its people would, and feed every form bad input.

With the demo data (``seed_demo``, built once for this module), each demo login signs in and
follows every internal link reachable from the home page, breadth-first, GET only. Every page
must answer without a server error, be a well-formed page of ours (one ``<h1>``, a
``<title>``, ``lang="nl"``) and show no English interface text that the Dutch catalogue
translates. Anonymous visitors see the public pages and are sent to sign in everywhere else.

Then every form found on those pages is posted twice, once with every field empty and once
with garbage, and must answer with a re-rendered page, a redirect, 403 or 404: never a 500.
Each post runs inside a savepoint that is rolled back, so no post changes what later posts
see.
"""

from __future__ import annotations

import traceback
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve

from accounts.models import User
from networks.demo import DEMO_LOGINS, STAFF_EMAIL, demo_email

PAGE_LIMIT = 400
# Month and week navigation would otherwise lead on forever: a few variants of a path do.
QUERY_VARIANTS_PER_PATH = 3
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/account/logout")
DOWNLOAD_SUFFIXES = (".ics", ".csv", ".xlsx")
NON_HTML_TYPES = ("text/calendar", "text/csv", "application/")
GARBAGE_TEXT = "<script>x</script>"
GARBAGE_NUMBER = "abc"
GARBAGE_OPTION = "999999999"
NUMBERISH_TYPES = {"number", "date", "datetime-local", "time", "month", "week", "range", "email"}
# Pages whose address carries a secret token: that token, not a session, lets one in.
SECRET_LINKS = {"meetings:feed"}
# Names that are the same in every language: the language switch offers "English".
PROPER_NAMES = {"English"}
ROLES = [str(role) for role, _key in DEMO_LOGINS] + ["staff"]

pytestmark = pytest.mark.django_db


# --- reading a page ----------------------------------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: list[dict] = field(default_factory=list)


class PageParser(HTMLParser):
    """Collects what the crawl checks: links, forms, headings, title, lang and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self.h1_count = 0
        self.title_count = 0
        self.lang: str | None = None
        self.texts: list[str] = []
        self._form: Form | None = None
        self._select: dict | None = None
        self._skip_text = 0
        self.ids: set[str] = set()
        self.title = ""
        self._in_title = False
        self.error_summary = False
        self.summary_targets: list[str] = []
        self._in_summary = 0
        self.field_errors = 0

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        if "data-error-summary" in a:
            self.error_summary = True
            self._in_summary = 1
        elif self._in_summary and tag == "div":
            self._in_summary += 1
        if self._in_summary and tag == "a" and a.get("href", "").startswith("#"):
            self.summary_targets.append(a["href"][1:])
        if (
            "invalid-feedback" in a.get("class", "").split()
            or "errorlist" in a.get("class", "").split()
        ):
            self.field_errors += 1
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "title":
            self.title_count += 1
            self._in_title = True
        elif tag in ("script", "style"):
            self._skip_text += 1
        elif tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "form":
            self._form = Form(
                action=a.get("action", ""),
                method=a.get("method", "get").lower(),
                enctype=a.get("enctype", ""),
            )
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "button") and "name" in a:
            kind = a.get("type", "text" if tag != "button" else "submit").lower()
            if tag == "textarea":
                kind = "textarea"
            self._form.fields.append({"name": a["name"], "type": kind, "value": a.get("value", "")})
        elif self._form is not None and tag == "select" and "name" in a:
            self._select = {"name": a["name"], "type": "select", "options": []}
            self._form.fields.append(self._select)
        elif self._select is not None and tag == "option":
            self._select["options"].append(a.get("value", ""))
        for attribute in ("placeholder", "aria-label", "title"):
            if a.get(attribute):
                self.texts.append(a[attribute])
        if tag == "input" and a.get("type") in ("submit", "button") and a.get("value"):
            self.texts.append(a["value"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif self._in_summary and tag == "div":
            self._in_summary -= 1
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag in ("script", "style"):
            self._skip_text = max(0, self._skip_text - 1)

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if not self._skip_text and data.strip():
            self.texts.append(" ".join(data.split()))


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


# --- the English strings the Dutch catalogue translates -----------------------------------


def catalogue_english() -> set[str]:
    po = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    entries: set[str] = set()
    msgid = msgstr = None
    state = None
    for raw in po.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if line.startswith("msgid "):
            msgid, state = _unquote(line[6:]), "id"
        elif line.startswith("msgstr "):
            msgstr, state = _unquote(line[7:]), "str"
        elif line.startswith('"') and state == "id":
            msgid += _unquote(line)
        elif line.startswith('"') and state == "str":
            msgstr += _unquote(line)
        elif not line:
            if msgid and msgstr and msgid != msgstr and _checkable(msgid):
                entries.add(msgid)
            msgid = msgstr = state = None
        elif line.startswith(("msgctxt", "msgid_plural", "msgstr[")):
            # Contexts and plurals: the words are ambiguous or variable; not checked.
            state = "skip"
            msgid = None
    return entries


def _unquote(text: str) -> str:
    return text.strip()[1:-1].replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def _checkable(msgid: str) -> bool:
    return (
        "%" not in msgid
        and "{" not in msgid
        and "\n" not in msgid
        and "<" not in msgid
        and len(msgid) >= 4
    )


# --- crawling ----------------------------------------------------------------------------


@dataclass
class Crawl:
    pages: dict[str, int] = field(default_factory=dict)  # url -> status
    found_on: dict[str, str] = field(default_factory=dict)  # url -> the page linking to it
    forms: dict[tuple, tuple[str, Form]] = field(default_factory=dict)  # key -> (page, form)
    problems: list[str] = field(default_factory=list)
    downloads: set[str] = field(default_factory=set)  # pages that are files, not HTML


def internal(href: str, base: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    url = urldefrag(urljoin("http://testserver" + base, href))[0]
    parts = urlsplit(url)
    if parts.netloc != "testserver":
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if path.startswith(SKIPPED_PREFIXES):
        return None
    return path


def is_download(path: str, response) -> bool:
    content_type = response.get("Content-Type", "")
    return urlsplit(path).path.endswith(DOWNLOAD_SUFFIXES) or content_type.startswith(
        NON_HTML_TYPES
    )


def form_key(form: Form, page: str) -> tuple | None:
    action = internal(form.action or page, page)
    if action is None:
        return None
    try:
        view = resolve(urlsplit(action).path).view_name
    except Resolver404:
        view = urlsplit(action).path
    names = tuple(sorted({f["name"] for f in form.fields}))
    return (view, names)


def crawl(client: Client, english: set[str], start: str = "/") -> Crawl:
    result = Crawl()
    queue = deque([start])
    seen = {start}
    variants: dict[str, int] = {}
    while queue and len(result.pages) < PAGE_LIMIT:
        path = queue.popleft()
        try:
            response = client.get(path)
        except Exception as exc:  # the crawl reports every failure at once
            result.problems.append(f"GET {path}: {_describe(exc)}")
            result.pages[path] = 500
            continue
        result.pages[path] = response.status_code
        # A link a person is offered must lead somewhere they may go.
        if response.status_code >= 500 or response.status_code in (403, 404):
            origin = result.found_on.get(path, "the start")
            result.problems.append(f"GET {path} (linked from {origin}): {response.status_code}")
            continue
        targets: list[str] = []
        if response.status_code in (301, 302):
            targets.append(response["Location"])
        elif response.status_code == 200 and is_download(path, response):
            result.downloads.add(path)
        elif response.status_code == 200:
            page = parse(response.content.decode())
            result.problems.extend(f"GET {path}: {p}" for p in check_page(page, english))
            targets.extend(page.links)
            for form in page.forms:
                key = form_key(form, path) if form.method == "post" else None
                if key is not None and key not in result.forms:
                    result.forms[key] = (path, form)
        for href in targets:
            target = internal(href, path)
            if target is None or target in seen:
                continue
            bare = urlsplit(target).path
            if "?" in target:
                if variants.get(bare, 0) >= QUERY_VARIANTS_PER_PATH:
                    continue
                variants[bare] = variants.get(bare, 0) + 1
            seen.add(target)
            result.found_on[target] = path
            queue.append(target)
    return result


def check_page(page: PageParser, english: set[str]) -> list[str]:
    problems = []
    if page.h1_count != 1:
        problems.append(f"{page.h1_count} <h1> elements instead of one")
    if page.title_count != 1:
        problems.append("no <title>")
    if page.lang != "nl":
        problems.append(f'lang="{page.lang}" instead of "nl"')
    untranslated = sorted({t for t in page.texts if t in english and t not in PROPER_NAMES})
    if untranslated:
        problems.append(f"English text on a Dutch page: {untranslated}")
    return problems


def _describe(exc: Exception) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if ".venv" not in f.filename and "site-packages" not in f.filename]
    where = ours[-1] if ours else frames[-1]
    return f"{exc.__class__.__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"


# --- posting bad input ---------------------------------------------------------------------


def form_data(form: Form, mode: str) -> dict:
    data: dict = {}
    submit_done = False
    for f in form.fields:
        name, kind = f["name"], f["type"]
        if kind in ("submit", "image"):
            if not submit_done:
                data[name] = f["value"]
                submit_done = True
            continue
        if kind == "button":
            continue
        if name == "csrfmiddlewaretoken":
            continue
        if mode == "empty":
            value = ""
        elif kind in ("select", "checkbox", "radio"):
            value = GARBAGE_OPTION
        elif kind in NUMBERISH_TYPES:
            value = GARBAGE_NUMBER
        elif kind == "file":
            value = SimpleUploadedFile("x.exe", GARBAGE_TEXT.encode())
        else:
            value = GARBAGE_TEXT
        if kind == "file" and mode == "empty":
            continue
        if name in data and kind in ("checkbox", "select"):
            existing = data[name] if isinstance(data[name], list) else [data[name]]
            data[name] = [*existing, value]
        else:
            data[name] = value
    return data


def post_bad_input(client: Client, crawl_result: Crawl) -> list[str]:
    problems = []
    for page, form in crawl_result.forms.values():
        action = internal(form.action or page, page)
        for mode in ("empty", "garbage"):
            where = f"POST {action} ({mode}, form on {page})"
            try:
                with transaction.atomic():
                    problems.extend(f"{where}: {p}" for p in _post(client, action, form, mode))
                    transaction.set_rollback(True)
            except Exception as exc:
                problems.append(f"{where}: {_describe(exc)}")
    return problems


def _post(client: Client, action: str, form: Form, mode: str) -> list[str]:
    """Post ``form`` and, after a redirect, open the page it leads to (where what was just
    stored shows): the answers a person gets, checked."""
    response = client.post(action, form_data(form, mode))
    status = response.status_code
    html = response.content.decode(errors="replace")
    problems = []
    if GARBAGE_TEXT in html:
        problems.append("the garbage is shown unescaped")
    if status in (302, 303):
        target = internal(response["Location"], action)
        if target is not None:
            followed = client.get(target)
            if followed.status_code >= 500:
                problems.append(f"then GET {target}: {followed.status_code}")
            elif GARBAGE_TEXT in followed.content.decode(errors="replace"):
                problems.append(f"then GET {target}: the garbage is shown unescaped")
    elif status == 400:
        # A form re-rendered with its errors may say so in its status too.
        if not ("invalid-feedback" in html or "alert-danger" in html or "errorlist" in html):
            problems.append("400 without an error message on the page")
    elif status not in (200, 403, 404, 405):
        problems.append(str(status))
    if status in (200, 400) and "<html" in html:
        page = parse(html)
        if page.h1_count != 1:
            problems.append("the page it shows has no single <h1>")
        problems.extend(error_summary_problems(page))
    return problems


def error_summary_problems(page: PageParser) -> list[str]:
    """A page showing a form's errors has the summary at the top (its links lead to fields
    that are on the page) and a title that starts with "Fout:"; a page without errors has
    neither."""
    title = " ".join(page.title.split())
    if not page.field_errors and not page.error_summary:
        return (
            ["the title says Fout: without an error on the page"]
            if title.startswith("Fout:")
            else []
        )
    problems = []
    if not page.error_summary:
        problems.append("errors shown without the error summary at the top")
    if not title.startswith("Fout: "):
        problems.append(f"errors shown but the title is {title!r}")
    missing = [target for target in page.summary_targets if target not in page.ids]
    if missing:
        problems.append(f"the error summary links to fields not on the page: {missing}")
    return problems


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    """The demo's uploaded files (a project's document), kept for the whole module."""
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _demo_media(_test_settings, settings, demo_media):
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module")
def demo_db(django_db_setup, django_db_blocker, demo_media):
    """The demo data, built once for the module and removed after it."""
    with django_db_blocker.unblock(), override_settings(DEBUG=True, MEDIA_ROOT=demo_media):
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="module")
def english():
    return catalogue_english()


@pytest.fixture(scope="module")
def crawls():
    """Crawl results by role, shared between the GET and the POST tests of this module."""
    return {}


def email_for(role: str) -> str:
    if role == "staff":
        return STAFF_EMAIL
    return demo_email({str(r): key for r, key in DEMO_LOGINS}[role])


def signed_in(role: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=email_for(role)))
    return client


def crawl_as(role: str, crawls: dict, english: set[str]) -> Crawl:
    if role not in crawls:
        crawls[role] = crawl(signed_in(role), english)
    return crawls[role]


# --- tests ---------------------------------------------------------------------------------


def test_the_page_check_notices_english_text_and_a_missing_heading():
    page = parse(
        '<html lang="nl"><head><title>Start</title></head>'
        "<body><h1>Start</h1><h1>Meer</h1><button>Sign out</button></body></html>"
    )

    assert check_page(page, {"Sign out", "Agenda"}) == [
        "2 <h1> elements instead of one",
        "English text on a Dutch page: ['Sign out']",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_page_a_person_can_reach_renders(demo_db, crawls, english, role):
    result = crawl_as(role, crawls, english)

    assert result.problems == [], "\n".join(result.problems)
    assert sum(1 for status in result.pages.values() if status == 200) > 10


def test_anonymous_visitors_see_public_pages_or_are_sent_to_sign_in(demo_db, crawls, english):
    anonymous = Client()
    public = crawl(anonymous, english)
    assert public.problems == [], "\n".join(public.problems)

    coordinator_pages = crawl_as("coordinator", crawls, english).pages
    unexpected = []
    for path, status in coordinator_pages.items():
        if status != 200:
            continue
        response = anonymous.get(path)
        location = response.get("Location", "")
        if response.status_code == 200 and path in public.pages:
            continue
        if response.status_code == 200 and resolve(urlsplit(path).path).view_name in SECRET_LINKS:
            continue
        if response.status_code == 302 and location.startswith("/account/login/"):
            continue
        unexpected.append(f"{path}: {response.status_code} {location}")
    assert unexpected == [], "\n".join(unexpected)


@pytest.mark.parametrize("role", ROLES)
def test_every_form_refuses_bad_input_without_a_server_error(demo_db, crawls, english, role):
    result = crawl_as(role, crawls, english)
    client = signed_in(role)

    problems = post_bad_input(client, result)

    assert problems == [], "\n".join(problems)


# Named pages no link leads to on purpose: form posts, and addresses sent by mail or holding
# a secret token. Any other page of ours must be reachable from the home page by someone.
NOT_LINKED = {
    "accounts:language",
    "networks:funding_remove",  # POST buttons on the set-up page
    "networks:partner_remove",
    "networks:theme_archive",
    "search:results",  # the GET form of the top bar's search box
    "accounts:personal_data_erased",  # reached only by erasing one's data, with the password
    "casework:attachment_add",
    "casework:attachment_download",  # the demo data has no attachments
    "casework:case_share",
    "casework:contribution_add",
    # On a meeting page only in the seven days after a meeting one attended, before answering:
    # whether the demo has one depends on the weekday it was seeded.
    "evaluation:meeting_answer",
    "evaluation:round_open",  # a button (POST) on a round not yet opened; demo rounds are open
    "evaluation:thanks",  # reached by sending one's answers
    "meetings:action_add",
    "meetings:action_status",
    "meetings:attendance_person",
    "meetings:certificate",
    "meetings:check_in",  # opened by the QR code
    "meetings:guest_speaker_delete",
    "meetings:feed",
    "meetings:feed_disable",
    "meetings:feed_renew",
    "meetings:groups_make",
    "meetings:groups_move",
    "meetings:invitation_answer",  # the signed answer links of invitation mails
    "meetings:mark_held",
    "meetings:record_method",
    "meetings:remind_unanswered",
    "meetings:roles",
    "meetings:rsvp",
    "meetings:rsvp_series",
    "reminders:link",
    "reminders:notifications_read",  # a POST form on the notifications page
    "shadowing:accept",
    "shadowing:cancel",
    "shadowing:confirm",
    "shadowing:decline",
    "shadowing:feedback",
    "shadowing:slot_series_withdraw",
    "shadowing:slot_withdraw",
    "networks:invitation",
    "networks:invitation_revoke",
    "networks:membership_end",
    "networks:milestone_status",
    "networks:project_add",
    "reports:period_text",  # the form of the coordinator's text on the dashboard (POST)
}


def _our_view_names(resolver=None, namespace=""):
    from django.urls import URLResolver, get_resolver

    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin" or "allauth" in str(pattern.urlconf_name):
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _our_view_names(pattern, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_page_of_ours_is_linked_from_somewhere(demo_db, crawls, english):
    reached = set()
    for role in ROLES:
        for path, status in crawl_as(role, crawls, english).pages.items():
            if status in (200, 302):
                reached.add(resolve(urlsplit(path).path).view_name)

    assert sorted(set(_our_view_names()) - reached - NOT_LINKED) == []
