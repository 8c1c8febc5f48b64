"""The privacy guard: finds identifying data in free text about a client.

Pure functions, no database. Case texts must be pseudonymised, so every free text of a
case or contribution is checked for a BSN (nine digits passing the 11-test), an e-mail
address, a Dutch phone number (mobile, landline, +31/0031), a postcode with a house number,
and a full date of birth. The findings say what kind of data sits where, and never carry
the full value, so an error message does not repeat the identifying data.

A full date counts as a date of birth when its year lies at least ``BIRTH_YEAR_MARGIN``
years back, or when a birth word (geboren, geb., geboortedatum, born, DOB) stands just
before it: a date last week is the date of a fall, a date in 1939 is almost always a birth.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BSN = "bsn"
EMAIL = "email"
PHONE = "phone"
POSTCODE = "postcode"
BIRTH_DATE = "birth_date"

KIND_LABELS = {
    BSN: _("a citizen service number (BSN)"),
    EMAIL: _("an e-mail address"),
    PHONE: _("a phone number"),
    POSTCODE: _("a postcode with house number"),
    BIRTH_DATE: _("a date of birth"),
}

BIRTH_YEAR_MARGIN = 15

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# International: +31 or 0031, an optional "(0)", then nine digits (area code + number).
_PHONE_INTL_RE = re.compile(
    r"(?<![\w+])(?:\+|00)31[\s.-]*(?:\(0\)[\s.-]*)?[1-9](?:[\s.-]?\d){8}(?!\d)"
)
# National: 0, then nine digits, optionally grouped (06-12345678, 020 123 4567, (0591) 123456).
_PHONE_NATIONAL_RE = re.compile(r"(?<![\w])\(?0[1-9](?:[\s.)/-]{0,2}\d){8}(?!\d)")
# Nine digits, bare or grouped as 123 456 789, 123.456.789 or 1234.56.789.
_BSN_RE = re.compile(r"(?<![\d.])(?:\d{9}|\d{3}[ .]\d{3}[ .]\d{3}|\d{4}\.\d{2}\.\d{3})(?![\d])")
_POSTCODE_RE = re.compile(
    r"(?<![\w])[1-9]\d{3}\s?[A-Za-z]{2}(?:\s*,?\s*|-)(?:nr\.?\s*)?\d{1,5}(?:\s?[A-Za-z])?(?![\w])"
)
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d])(?:(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2}))(?![\d])"
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORD_DATE_RE = re.compile(
    rf"(?<![\w])(?P<d>\d{{1,2}})(?:e)?\s+(?P<month>{_MONTH_NAMES})\.?\s+(?P<y>\d{{4}})(?![\d])",
    re.IGNORECASE,
)
_BIRTH_WORD_RE = re.compile(
    r"(geboren|geb\.|geboortedatum|geboortedag|born|date of birth|dob|d\.o\.b\.)"
    r"[\s:]*(op\s+|on\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    hint: str

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self.kind])


def passes_eleven_test(digits: str) -> bool:
    """The BSN 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not zero)."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def mask(value: str) -> str:
    """A hint that lets the writer find the value without repeating it: its first two
    characters, then dots."""
    value = value.strip()
    return value[:2] + "…" if len(value) > 2 else "…"


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_birth_date(text: str, start: int, found: date, today: date) -> bool:
    if found > today:
        return False
    if found.year <= today.year - BIRTH_YEAR_MARGIN:
        return True
    return bool(_BIRTH_WORD_RE.search(text[max(0, start - 30) : start]))


def find_identifying_data(text: str, *, today: date | None = None) -> list[Finding]:
    """Every piece of identifying data in ``text``, in reading order, never overlapping."""
    if not text:
        return []
    today = today or date.today()
    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if any(start < t_end and end > t_start for t_start, t_end in taken):
            return
        taken.append((start, end))
        findings.append(Finding(kind, start, end, mask(text[start:end])))

    for match in _EMAIL_RE.finditer(text):
        add(EMAIL, match.start(), match.end())
    for regex in (_NUMERIC_DATE_RE, _WORD_DATE_RE):
        for match in regex.finditer(text):
            groups = match.groupdict()
            year = int(groups.get("y") or groups.get("y2"))
            if groups.get("month"):
                month = MONTHS[groups["month"].lower()]
            else:
                month = int(groups.get("m") or groups.get("m2"))
            day = int(groups.get("d") or groups.get("d2"))
            found = _real_date(year, month, day)
            if found and _is_birth_date(text, match.start(), found, today):
                add(BIRTH_DATE, match.start(), match.end())
    for regex in (_PHONE_INTL_RE, _PHONE_NATIONAL_RE):
        for match in regex.finditer(text):
            add(PHONE, match.start(), match.end())
    for match in _POSTCODE_RE.finditer(text):
        add(POSTCODE, match.start(), match.end())
    for match in _BSN_RE.finditer(text):
        if passes_eleven_test(re.sub(r"\D", "", match.group())):
            add(BSN, match.start(), match.end())
    return sorted(findings, key=lambda f: f.start)


def describe(findings: list[Finding], *, text: str) -> list[str]:
    """One sentence per finding: the kind, where it is (line and position), and a hint."""
    messages = []
    for finding in findings:
        line = text.count("\n", 0, finding.start) + 1
        column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
        messages.append(
            _(
                "This text contains %(kind)s (line %(line)s, position %(column)s, "
                "starting with “%(hint)s”). Remove it: case texts must not identify the client."
            )
            % {"kind": finding.label, "line": line, "column": column, "hint": finding.hint}
        )
    return messages


def validate_pseudonymised(value: str) -> None:
    """Form-field validator: refuses text holding identifying data, saying what and where."""
    findings = find_identifying_data(value)
    if findings:
        raise ValidationError(describe(findings, text=value), code="identifying_data")
