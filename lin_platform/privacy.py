"""The privacy guard: keeps identifying client data out of every free text.

Three parts, below every app so that each can use them:

- the **finder** (:func:`find_identifying_data`): pure, no database. The text is normalised
  first (NFKC, zero-width characters removed, dashes and apostrophes unified) so full-width
  digits or a zero-width joiner inside a number hide nothing. It finds a BSN (nine digits
  passing the 11-test, or eight when the leading zero was dropped, bare or grouped with
  spaces, dots or hyphens), an e-mail address, a phone number, a postcode, a street with a
  house number, a name after a title ("mevrouw Jansen", "dhr. De Vries", "Mr. Smith" — but
  not the initials that pseudonymise: "Meneer K."), and a full date of birth (a full date
  far enough back, or any full date after a birth word, also with a two-digit year or an
  English month). Findings say what kind of data sits where and never carry the value.

  It runs in linear time: every pattern either starts only at the beginning of a token
  (a lookbehind) with bounded, possessive repetitions, or is bounded throughout, so no
  pattern backtracks over more than a few dozen characters; overlaps are resolved with a
  coverage map instead of comparing findings pairwise; and only the first findings of a text
  are described.

- the **registry**: the one declaration of which text fields hold free text that could be
  about a client (:func:`guard`) and which are not about clients, with a reason
  (:func:`not_about_clients`). Apps fill it from ``AppConfig.ready()``;
  ``tests/test_privacy_registry.py`` walks every model's text fields and fails on one that is
  in neither.

- the **form hook** (:class:`PrivacyGuardMixin`): a form (model form or plain form naming
  its model) checks every form field that writes a guarded model field, and takes the model
  field's maximum length, so a new form on a guarded field is guarded without more code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BSN = "bsn"
EMAIL = "email"
PHONE = "phone"
POSTCODE = "postcode"
ADDRESS = "address"
NAME = "name"
BIRTH_DATE = "birth_date"

KIND_LABELS = {
    BSN: _("a citizen service number (BSN)"),
    EMAIL: _("an e-mail address"),
    PHONE: _("a phone number"),
    POSTCODE: _("a postcode"),
    ADDRESS: _("a street with a house number"),
    NAME: _("a name after a title"),
    BIRTH_DATE: _("a date of birth"),
}

BIRTH_YEAR_MARGIN = 15
MAX_DESCRIBED = 5  # a text full of numbers gets five messages and a count, not thousands
MAX_PER_KIND = 100  # past this a finder stops: the text is refused anyway

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

# ---------------------------------------------------------------------------------------------
# Normalisation

_ZERO_WIDTH = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e")
)
_UNIFY = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
    }
)


def normalise(text: str) -> str:
    """NFKC (full-width digits become digits), zero-width characters removed, every dash a
    hyphen and every apostrophe a straight one."""
    return unicodedata.normalize("NFKC", text.translate(_ZERO_WIDTH)).translate(_UNIFY)


# ---------------------------------------------------------------------------------------------
# Patterns. Each one is linear: it can only start where a token starts (a lookbehind after
# the first character, so the engine still scans quickly for that character), and its
# repetitions are bounded and possessive (``{m,n}+``) or deterministic.

_EMAIL_RE = re.compile(
    r"[A-Za-z0-9._%+-](?<![A-Za-z0-9._%+-][A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{0,63}+@"
    r"[A-Za-z0-9-]{1,63}+(?:\.[A-Za-z0-9-]{1,63}+){1,8}+"
)
# +31 / 0031, an optional "(0)", then nine digits; or any other +country number.
_NL_REST = r"31[ .-]{0,2}+(?:\(0\)[ .-]{0,2}+)?[1-9](?:[ .-]{0,2}\d){8}(?!\d)"
_PHONE_INTL_RE = re.compile(
    rf"\+(?<![\w+]\+){_NL_REST}|00(?<![\w+]00){_NL_REST}"
    r"|\+(?<![\w+]\+)[1-9]\d{0,2}(?:[ ().-]{1,3}\d{1,4}){2,5}(?!\d)"
)
# 0, then nine digits, grouped as people write them (06-12345678, 06 12 34 56 78, (020) 123 4567).
_NL_NUMBER = r"0[1-9](?:[ .)/-]{0,2}\d){8}(?!\d)"
_PHONE_NATIONAL_RE = re.compile(
    rf"\((?<![\w(]\(){_NL_NUMBER}|0(?<![\w(]0)[1-9](?:[ .)/-]{{0,2}}\d){{8}}(?!\d)"
)
# Eight or nine digits, bare or in the groups people use (123 456 782, 1234.56.782, 12 345 678).
_BSN_RE = re.compile(
    r"\d(?<![\d.,/-]\d)(?:\d{7,8}|\d{2}([ .-])\d{3}\1\d{3}|\d{3}([ .-])\d{2}\2\d{3}"
    r"|\d{1,2}([ .-])\d{3}\3\d{3}|\d{3}([ .-])\d{4}|\d([ .-])\d{2}\5\d{2}\5\d{3})"
    r"(?!\d|[.,/-]\d)"
)
# Dutch postcodes: uppercase letters (the letters SA, SD and SS are never given out);
# lowercase only after the word "postcode", so "sinds 2019 op 3 dagen" or "1500ml" pass.
_POSTCODE_RE = re.compile(r"[1-9](?<!\w[1-9])\d{3} ?+(?!S[ADS])[A-Z]{2}(?!\w)")
_POSTCODE_WORD_RE = re.compile(
    r"[Pp](?<!\w[Pp])(?i:ostcode)[: ]{1,3}[1-9]\d{3} ?+[A-Za-z]{2}(?!\w)"
)
_LETTER = r"A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
# A word and a house number (3, 3a, 3-A, 12-2); the word is a street when it is a compound
# ending in a street word (Dorpsstraat, Lange Nieuwstraat), checked in Python.
_ADDRESS_RE = re.compile(
    rf"[{_LETTER}](?<![\w'-][{_LETTER}])[{_LETTER}'-]{{1,40}}+ {{1,2}}[1-9]\d{{0,3}}"
    r"(?:-?[a-zA-Z](?!\w)|-\d{1,3}(?!\w)|(?![\w]))"
)
# Any street word, for a capitalised compound; the lowercase compounds only with the street
# words that are no ordinary Dutch word ending ("onderweg 3 uur", "de koorts steeg 2 graden").
_STREET_SUFFIXES = (
    "straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "dreef", "steeg",
    "plantsoen", "boulevard", "allee", "weg", "hof", "pad", "markt", "park", "wal",
)  # fmt: skip
_LOWER_STREET_SUFFIXES = ("straat", "laan", "plein", "gracht", "kade", "singel", "dijk")
_ENGLISH_STREETS = frozenset({"street", "road", "lane", "avenue", "drive", "square"})
_NOT_STREETS = frozenset({"onderweg", "halfweg", "midweg", "zijweg", "uitweg", "kerkhof"})
# mevrouw, mevr., mw., meneer, mnr., mrs., mr., ms., miss, mister; dhr., de heer; juffrouw
_TITLES = (
    r"[MmDdJj](?<!\w[MmDdJj])(?i:(?<=[Mm])(?:evrouw|evr\.?|w\.?|eneer|nr\.?|rs\.?|r\.?|s\.|iss|ister)"
    r"|(?<=[Dd])(?:hr\.?|e heer)|(?<=[Jj])uffrouw)"
)
_PARTICLES = r"(?:van|de|der|den|ter|ten|te|het|'t|la|le|du|da|von|'s)"
_UPPER = r"[A-Z\u00c0-\u00d6\u00d8-\u00de]"
_LOWER = r"[a-z\u00df-\u00f6\u00f8-\u00ff'-]"
# A title, maybe initials, maybe particles, then a capitalised word of two letters or more.
_NAME_RE = re.compile(
    rf"{_TITLES}"
    rf"(?: {{1,2}}(?:{_UPPER}\.){{1,4}}+)?+"
    rf"(?: {{1,2}}(?i:{_PARTICLES})(?!\w)){{0,3}}+"
    rf" {{1,2}}(?P<name>{_UPPER}{_LOWER}{{1,30}}+)"
)
# Words that start a sentence after "Meneer K." and are not a name.
_NOT_NAMES = frozenset((
    "hij", "zij", "ze", "het", "de", "een", "dit", "dat", "die", "deze", "er", "wij", "we",
    "zijn", "haar", "hem", "ik", "jij", "je", "u", "in", "op", "na", "sinds", "bij", "ook",
    "toen", "nu", "daar", "dan", "maar", "want", "omdat", "als", "wel", "niet", "nog", "al",
    "vandaag", "gisteren", "morgen", "mevrouw", "meneer", "he", "she", "they", "the", "his",
    "her", "it", "this", "that", "there", "on", "at", "after", "since", "today", "yesterday",
    "and", "but", "so", "then", "when",
))  # fmt: skip
_NUMERIC_DATE_RE = re.compile(
    r"\d(?<![\d.,/:-]\d)"
    r"(?:(?P<d>\d?)(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4}|'?\d{2})"
    r"|(?P<y2>\d{3})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2}))(?!\d|[.,/:-]\d)"
)
# 12 maart 1941, 15e oktober 1940, 12th of March 1941, 3 mei '41 (the word is checked against
# MONTHS in Python: an alternation of month names tried at every digit would be slow).
_WORD_DATE_RE = re.compile(
    r"\d(?<!\w\d)(?P<d>\d?)(?:e|ste|de|st|nd|rd|th)? {1,2}(?:of {1,2})?"
    r"(?P<month>[A-Za-z]{3,9}+)\.?,? {1,2}(?P<y>\d{4}|'\d{2})(?!\d)"
)
# March 12, 1941
_ENGLISH_DATE_RE = re.compile(
    r"[A-Za-z](?<![A-Za-z][A-Za-z])(?P<month>[A-Za-z]{2,8}+)\.? {1,2}(?P<d>\d{1,2})"
    r"(?:st|nd|rd|th)?,? {1,2}(?P<y>\d{4}|'\d{2})(?!\d)"
)
_BIRTH_WORD_RE = re.compile(
    r"(?:geboren|geb\.?|geboortedatum|geboortedag|born|birth|dob|d\.o\.b\.)"
    r"[\s:,]{0,3}(?:op|on|in|the|de|den|:|\s){0,6}$",
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
    """The BSN 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not zero).
    Eight digits are a BSN whose leading zero was dropped."""
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def mask(value: str) -> str:
    """A hint that lets the writer find the value without repeating it: its first two
    characters, then dots."""
    value = value.strip()
    return value[:2] + "…" if len(value) > 2 else "…"


def _year(text: str, today: date) -> int:
    text = text.lstrip("'")
    year = int(text)
    if len(text) == 2:
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _birth_word_before(text: str, start: int) -> bool:
    return bool(_BIRTH_WORD_RE.search(text, max(0, start - 30), start))


def _is_birth_date(text: str, start: int, candidates: list[date | None], today: date) -> bool:
    """A full date is a date of birth after a birth word, or when it lies far back."""
    dates = [d for d in candidates if d is not None and d <= today]
    if not dates:
        return False
    if _birth_word_before(text, start):
        return True
    return dates[0].year <= today.year - BIRTH_YEAR_MARGIN


def _dates(text: str, today: date) -> Iterable[tuple[int, int]]:
    for match in _NUMERIC_DATE_RE.finditer(text):
        g = match.groupdict()
        if g["y2"] is not None:
            year = int(match.group()[:4])
            candidates = [_real_date(year, int(g["m2"]), int(g["d2"]))]
        else:
            day = int(match.group()[0] + g["d"])
            year = _year(g["y"], today)
            month = int(g["m"])
            # Dutch order first; a month above twelve may be the English order.
            candidates = [_real_date(year, month, day), _real_date(year, day, month)]
            two_digits = len(g["y"]) == 2  # without an apostrophe
            if two_digits and g["s"] == "/" and not _birth_word_before(text, match.start()):
                continue  # 3/4/41 could be a fraction or a score: only with a birth word
        if _is_birth_date(text, match.start(), candidates, today):
            yield match.start(), match.end()
    for match in _WORD_DATE_RE.finditer(text):
        g = match.groupdict()
        month = MONTHS.get(g["month"].lower())
        if month is None:
            continue
        day, year = int(match.group()[0] + g["d"]), _year(g["y"], today)
        if _is_birth_date(text, match.start(), [_real_date(year, month, day)], today):
            yield match.start(), match.end()
    for match in _ENGLISH_DATE_RE.finditer(text):
        g = match.groupdict()
        month = MONTHS.get((match.group()[0] + g["month"]).lower())
        if month is None:
            continue
        day, year = int(g["d"]), _year(g["y"], today)
        if _is_birth_date(text, match.start(), [_real_date(year, month, day)], today):
            yield match.start(), match.end()


def _is_street(word: str) -> bool:
    lower = word.lower()
    if lower in _NOT_STREETS:
        return False
    if word[0].isupper():
        if lower in _ENGLISH_STREETS:
            return True
        suffixes = _STREET_SUFFIXES
    else:
        suffixes = _LOWER_STREET_SUFFIXES
    if not lower.endswith(suffixes):  # one C call for the common case: no street word
        return False
    return any(lower.endswith(s) and len(lower) >= len(s) + 2 for s in suffixes)


def _addresses(text: str) -> Iterable[tuple[int, int]]:
    for match in _ADDRESS_RE.finditer(text):
        if _is_street(match.group().split(" ", 1)[0]):
            yield match.start(), match.end()


def _names(text: str) -> Iterable[tuple[int, int]]:
    for match in _NAME_RE.finditer(text):
        if match.group("name").lower() not in _NOT_NAMES:
            yield match.start(), match.end()


def _bsns(text: str) -> Iterable[tuple[int, int]]:
    for match in _BSN_RE.finditer(text):
        if passes_eleven_test("".join(c for c in match.group() if c.isdigit())):
            yield match.start(), match.end()


def _spans(regex: re.Pattern) -> callable:
    def spans(text: str) -> Iterable[tuple[int, int]]:
        for match in regex.finditer(text):
            yield match.start(), match.end()

    return spans


def find_identifying_data(text: str, *, today: date | None = None) -> list[Finding]:
    """Every piece of identifying data in ``text`` (after :func:`normalise`; positions refer to
    the normalised text), in reading order, never overlapping. Where two kinds overlap the
    more specific one wins (an e-mail address over the digits in it, a date over a BSN)."""
    if not text:
        return []
    text = normalise(text)
    today = today or timezone.localdate()
    covered = bytearray(len(text))
    findings: list[Finding] = []
    lower = text.lower()
    finders = (
        (EMAIL, _spans(_EMAIL_RE) if "@" in text else None),
        (BIRTH_DATE, lambda t: _dates(t, today)),
        (PHONE, _spans(_PHONE_INTL_RE) if "+" in text or "00" in text else None),
        (PHONE, _spans(_PHONE_NATIONAL_RE)),
        (POSTCODE, _spans(_POSTCODE_RE)),
        (POSTCODE, _spans(_POSTCODE_WORD_RE) if "postcode" in lower else None),
        (ADDRESS, _addresses),
        (NAME, _names),
        (BSN, _bsns),
    )
    for kind, finder in finders:
        if finder is None:
            continue  # its sign (an @, a +) is not in the text
        found = 0
        for start, end in finder(text):
            if found == MAX_PER_KIND:
                break
            # The spans of one finder never overlap each other, so each character is looked
            # at once per finder: linear.
            if covered.find(1, start, end) != -1:
                continue
            covered[start:end] = b"\x01" * (end - start)
            findings.append(Finding(kind, start, end, mask(text[start:end])))
            found += 1
    findings.sort(key=lambda f: f.start)
    return findings


def describe(findings: list[Finding], *, text: str, field: str = "") -> list[str]:
    """One sentence per finding (the first :data:`MAX_DESCRIBED`): the kind, the field, where
    in it (line and position), and a hint; then how many more there are."""
    text = normalise(text)
    messages = []
    for finding in findings[:MAX_DESCRIBED]:
        line = text.count("\n", 0, finding.start) + 1
        column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
        values = {
            "kind": finding.label,
            "field": field,
            "line": line,
            "column": column,
            "hint": finding.hint,
        }
        if field:
            message = _(
                "“%(field)s” contains %(kind)s (line %(line)s, position %(column)s, starting "
                "with “%(hint)s”). Remove it: texts must not identify a client."
            )
        else:
            message = _(
                "This text contains %(kind)s (line %(line)s, position %(column)s, starting "
                "with “%(hint)s”). Remove it: texts must not identify a client."
            )
        messages.append(message % values)
    rest = len(findings) - MAX_DESCRIBED
    if len(findings) >= MAX_PER_KIND:
        messages.append(_("And many more pieces of identifying data in this text."))
    elif rest > 0:
        messages.append(
            _("And %(count)s more pieces of identifying data in this text.") % {"count": rest}
        )
    return messages


def validate_pseudonymised(value: str, *, field: str = "") -> None:
    """Refuses text holding identifying data, saying what and where."""
    findings = find_identifying_data(value or "")
    if findings:
        raise ValidationError(describe(findings, text=value, field=field), code="identifying_data")


def texts_in(value) -> list[str]:
    """The strings in a value: a string, or the strings inside a JSON value (a record's
    notes per method and step)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for item in value.values() for t in texts_in(item)]
    if isinstance(value, list | tuple):
        return [t for item in value for t in texts_in(item)]
    return []


# ---------------------------------------------------------------------------------------------
# The registry: which text fields are guarded, which are not about clients and why.

_GUARDED: dict[tuple[str, str], None] = {}
_NOT_ABOUT_CLIENTS: dict[tuple[str, str], str] = {}


def _key(model, field: str) -> tuple[str, str]:
    model._meta.get_field(field)  # a typo fails at start-up, not silently
    return (model._meta.label, field)


def guard(model, *fields: str) -> None:
    """Declare free-text fields of ``model`` that could hold a client's story: every form
    writing them refuses identifying data."""
    for field in fields:
        _GUARDED[_key(model, field)] = None


def not_about_clients(model, *fields: str, reason: str) -> None:
    """Declare text fields of ``model`` that are not about clients, with the reason."""
    for field in fields:
        _NOT_ABOUT_CLIENTS[_key(model, field)] = reason


def is_guarded(model, field: str) -> bool:
    return (model._meta.label, field) in _GUARDED


def guarded_fields() -> list[tuple[str, str]]:
    return list(_GUARDED)


def declared_not_about_clients() -> dict[tuple[str, str], str]:
    return dict(_NOT_ABOUT_CLIENTS)


def check_values(model, values: dict) -> None:
    """For services: a ValidationError per guarded field of ``model`` in ``values`` that holds
    identifying data (keyed by field name, so a form can show it at the field)."""
    errors = {}
    for name, value in values.items():
        if not is_guarded(model, name):
            continue
        label = str(model._meta.get_field(name).verbose_name)
        messages = []
        for text in texts_in(value):
            findings = find_identifying_data(text)
            if findings:
                messages += describe(findings, text=text, field=label)
        if messages:
            errors[name] = messages
    if errors:
        raise ValidationError(errors)


# ---------------------------------------------------------------------------------------------
# The form hook


class PrivacyGuardMixin:
    """Put before ``forms.Form`` or ``forms.ModelForm``. Every form field that writes a
    guarded model field refuses identifying data, and gets that model field's maximum
    length when it has none of its own.

    A model form needs nothing more. A plain form names its model (``privacy_model``) and,
    where a form field's name differs from the model field's, maps it (``privacy_fields =
    {"reason": "cancel_reason"}``); a form whose fields are built at run time overrides
    :meth:`privacy_target`.
    """

    privacy_model = None
    privacy_fields: dict[str, str] = {}

    def privacy_target(self, name: str) -> tuple[type, str] | None:
        model = self.privacy_model
        if model is None and getattr(self, "_meta", None) is not None:
            model = getattr(self._meta, "model", None)
        if model is None:
            return None
        field = self.privacy_fields.get(name, name)
        if not is_guarded(model, field):
            return None
        return model, field

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, form_field in self.fields.items():
            target = self.privacy_target(name)
            if target is None or not isinstance(form_field, forms.CharField):
                continue
            model, field = target
            limit = getattr(model._meta.get_field(field), "max_length", None)
            if limit and form_field.max_length is None:
                form_field.max_length = limit
                form_field.validators.append(MaxLengthValidator(limit))
                form_field.widget.attrs.setdefault("maxlength", str(limit))

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return
        for name in list(self.cleaned_data):
            if name not in self.fields or self.privacy_target(name) is None:
                continue
            value = self.cleaned_data[name]
            label = str(self.fields[name].label or name)
            for text in texts_in(value):
                findings = find_identifying_data(text)
                if findings:
                    self.add_error(name, describe(findings, text=text, field=label))
                    break
