"""The researchers' export of a questionnaire in a network: one row per sent response, with a
pseudonymous respondent code, the item answers under their item codes and the subscale
scores, plus a codebook sheet (XLSX).

The respondent code is an HMAC (SHA-256, keyed with ``SECRET_KEY``) of the network and the
person: the same person has the same code in every round of the network (baseline and
follow-up can be linked) and another code in another network; it names no one and cannot
be turned back into a person without the key. Never a name or an e-mail address.

The threshold holds here too: rounds with fewer than ``EVALUATION_MIN_GROUP`` sent responses
are left out, and a role, domain, profession group or student level that fewer than that
many respondents of a round share is written as "hidden" (the answers stay, the group that
would identify them does not).
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.choices import Domain, StudentLevel
from lin_platform.exports import Sheet, table_response
from networks.choices import Role

from . import instruments as inst
from .choices import PROFESSION_GROUPS, profession_group
from .instruments import Instrument
from .models import Response, Round
from .stats import min_group, shown


def respondent_code(network_id: int, user_id: int | None) -> str:
    if user_id is None:
        return ""
    message = f"evaluation:{network_id}:{user_id}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return "R" + digest[:12]


def _label(value: str, choices) -> str:
    return str(choices(value).label) if value in choices.values else ""


def _answer_cell(item, value):
    if value is None:
        return ""
    if item.kind == inst.MULTIPLE:
        return ",".join(value)
    return value


def export_rows(network, instrument: Instrument) -> tuple[list[str], list[list]]:
    rounds = {
        r.pk: r for r in Round.objects.filter(network=network, instrument_code=instrument.code)
    }
    rows = list(
        Response.objects.filter(round_id__in=list(rounds), submitted_at__isnull=False)
        .order_by("round__wave", "pk")
        .values(
            "pk",
            "round_id",
            "respondent_id",
            "role",
            "profession",
            "domain",
            "student_level",
            "answers",
            "submitted_at",
        )
    )
    per_round = Counter(row["round_id"] for row in rows)
    rows = [row for row in rows if shown(per_round[row["round_id"]])]
    # How many respondents of a round share each group value.
    shared: Counter = Counter()
    for row in rows:
        for column, value in _groups(row).items():
            shared[(row["round_id"], column, value)] += 1
    hidden = _("hidden")
    headers = [
        "respondent",
        "round",
        "wave",
        "submitted_on",
        "role",
        "student_level",
        "domain",
        "profession_group",
        *instrument.item_codes,
        *[f"score_{s.code}" for s in instrument.subscales],
    ]
    table = []
    for row in rows:
        round_ = rounds[row["round_id"]]
        groups = {
            column: (value if shown(shared[(row["round_id"], column, value)]) else hidden)
            for column, value in _groups(row).items()
        }
        scores = instrument.score(row["answers"])
        table.append(
            [
                respondent_code(network.pk, row["respondent_id"]),
                round_.label,
                round_.wave,
                timezone.localdate(row["submitted_at"]),
                groups["role"],
                groups["student_level"],
                groups["domain"],
                groups["profession_group"],
                *[_answer_cell(item, row["answers"].get(item.code)) for item in instrument.items],
                *[
                    scores[s.code] if scores[s.code] is not None else ""
                    for s in instrument.subscales
                ],
            ]
        )
    return headers, table


def _groups(row) -> dict[str, str]:
    group = profession_group(row["profession"])
    return {
        "role": _label(row["role"], Role),
        "student_level": _label(row["student_level"], StudentLevel),
        "domain": _label(row["domain"], Domain),
        "profession_group": str(PROFESSION_GROUPS[group]) if group else "",
    }


def codebook(instrument: Instrument) -> list[list]:
    rows = [
        [
            _("questionnaire"),
            instrument.code,
            str(instrument.title),
            "",
            "",
            str(instrument.source),
        ],
    ]
    kind_labels = {
        inst.SCALE: f"{instrument.scale_min}–{instrument.scale_max}",
        inst.ZERO_TEN: "0–10",
        inst.SINGLE: _("single choice"),
        inst.MULTIPLE: _("multiple choice (comma-separated)"),
        inst.TEXT: _("open text"),
    }
    for item in instrument.items:
        options = "; ".join(f"{value} = {label}" for value, label in item.options)
        if item.kind == inst.SCALE and instrument.scale_labels:
            options = "; ".join(
                f"{instrument.scale_min + i} = {label}"
                for i, label in enumerate(instrument.scale_labels)
            )
        rows.append(
            [
                _("item"),
                item.code,
                str(item.text),
                kind_labels[item.kind],
                _("reverse-scored") if item.reverse else "",
                options,
            ]
        )
    for subscale in instrument.subscales:
        low, high = instrument.subscale_range(subscale)
        method = _("sum") if subscale.method == inst.SUM else _("mean")
        rows.append(
            [
                _("subscale"),
                f"score_{subscale.code}",
                str(subscale.label),
                f"{low:g}–{high:g}",
                method,
                ", ".join(subscale.items),
            ]
        )
    notes = [
        _(
            "respondent: a pseudonymous code, the same for a person in every round of this "
            "network; empty where the person had their data erased."
        ),
        _("Rounds with fewer than %(n)d responses are left out.") % {"n": min_group()},
        _(
            "A role, student level, domain or profession group shared by fewer than "
            "%(n)d respondents of a round is written as “hidden”."
        )
        % {"n": min_group()},
    ]
    rows.extend([[_("note"), "", note, "", "", ""] for note in notes])
    return rows


def instrument_export(*, network, instrument: Instrument, fmt: str):
    headers, table = export_rows(network, instrument)
    sheets = [
        Sheet(_("Responses"), headers, table),
        Sheet(
            _("Codebook"),
            [_("what"), _("code"), _("text"), _("scale"), _("scoring"), _("details")],
            codebook(instrument),
        ),
    ]
    filename = f"{slugify(network.slug)}-{slugify(instrument.code)}"
    return table_response(fmt=fmt, filename=filename, sheets=sheets)
