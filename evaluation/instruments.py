"""The questionnaires the platform ships, as data (like the meetings' method scripts).

An instrument declares its items (code, text, kind, whether it is reverse-scored and
whether it must be answered), the answer scale, its subscales and how a subscale score is
computed, and the source it comes from. ``score`` turns one response's answers into
subscale scores; nothing else in the platform knows how an instrument is scored.

An instrument is never changed once answers exist: a changed instrument is a new one with
its own code (``ripls-1`` → ``ripls-2``), so answers stay tied to the wording they were
given to. The coordinators' own questionnaires (``models.CustomInstrument``) become an
:class:`Instrument` too (``CustomInstrument.as_instrument``) and are refused to change once
answered (``services.custom_instrument_update``).

Shipped:

- **RIPLS** — the Readiness for Interprofessional Learning Scale, 19 items on a 5-point
  agreement scale (Parsell G, Bligh J. The development of a questionnaire to assess the
  readiness of health care students for interprofessional learning (RIPLS). *Medical
  Education* 1999;33:95–100), scored in the four subscales of McFadyen AK, Webster V,
  Strachan K, Figgins E, Brown H, McKechnie J. The Readiness for Interprofessional Learning
  Scale: a possible more stable sub-scale model for the original version of RIPLS. *Journal
  of Interprofessional Care* 2005;19(6):595–603: teamwork and collaboration (items 1–9),
  negative professional identity (10–12), positive professional identity (13–16), roles and
  responsibilities (17–19). Subscale score = the sum of its items. The items of negative
  professional identity and of roles and responsibilities are worded against readiness and
  are reverse-scored (6 − answer), so that for every subscale a higher score means more
  readiness, as in most studies that use the four-subscale model. The Dutch wording is the
  platform's own translation of the English items, not a validated Dutch version.
- **Added value of the network** — the platform's own items, after the themes of the
  evaluation of sixteen learning networks (new contacts across domains, new insights, the
  client's perspective, a broader view, use in daily work), a 0–10 "would you recommend it"
  and an open question.
- **Job satisfaction (werkplezier)** — the platform's own short scale of four items, one of
  them reverse-scored; score = mean of the items.
- **Meeting evaluation** — three ratings and one open question, under a minute on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Item kinds.
SCALE = "scale"  # a rating on the instrument's scale (e.g. 1–5)
ZERO_TEN = "zero_ten"  # 0–10
SINGLE = "single"  # one of the options
MULTIPLE = "multiple"  # any of the options
TEXT = "text"  # open answer
KINDS = (SCALE, ZERO_TEN, SINGLE, MULTIPLE, TEXT)
NUMERIC_KINDS = (SCALE, ZERO_TEN)

# How a subscale score is computed from its (reverse-scored where declared) items.
SUM = "sum"
MEAN = "mean"

TEXT_MAX_LENGTH = 2000


@dataclass(frozen=True)
class Item:
    code: str
    text: Promise | str
    kind: str = SCALE
    reverse: bool = False
    required: bool = True
    # (value, label) for single and multiple choice.
    options: tuple[tuple[str, Promise | str], ...] = ()


@dataclass(frozen=True)
class Subscale:
    code: str
    label: Promise | str
    items: tuple[str, ...]
    method: str = MEAN


@dataclass(frozen=True)
class Instrument:
    code: str
    title: Promise | str
    source: Promise | str
    items: tuple[Item, ...]
    subscales: tuple[Subscale, ...] = ()
    scale_min: int = 1
    scale_max: int = 5
    # The labels of the scale's ends (and middle), as shown above the ratings.
    scale_labels: tuple[Promise | str, ...] = ()
    intro: Promise | str = ""
    # For meeting evaluations only.
    for_meetings: bool = False
    # Where it comes from: "builtin" or "custom" (a coordinator's own).
    origin: str = "builtin"
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def item(self, code: str) -> Item:
        return self._items[code]

    @property
    def _items(self) -> dict[str, Item]:
        return {item.code: item for item in self.items}

    @property
    def item_codes(self) -> list[str]:
        return [item.code for item in self.items]

    def subscale_range(self, subscale: Subscale) -> tuple[float, float]:
        """The lowest and highest score the subscale can take."""
        lows, highs = [], []
        for code in subscale.items:
            low, high = self.item_range(self.item(code))
            lows.append(low)
            highs.append(high)
        if subscale.method == SUM:
            return float(sum(lows)), float(sum(highs))
        return float(min(lows)), float(max(highs))

    def item_range(self, item: Item) -> tuple[int, int]:
        if item.kind == ZERO_TEN:
            return 0, 10
        return self.scale_min, self.scale_max

    def item_score(self, item: Item, value: int) -> int:
        """The answer as it counts: reversed for a reverse-scored item."""
        if item.reverse:
            low, high = self.item_range(item)
            return low + high - value
        return value

    def score(self, answers: dict) -> dict[str, float | None]:
        """The subscale scores of one response: ``None`` for a subscale with an item left
        open (a score of fewer items would not be comparable)."""
        scores: dict[str, float | None] = {}
        for subscale in self.subscales:
            values = []
            for code in subscale.items:
                value = answers.get(code)
                if not isinstance(value, int) or isinstance(value, bool):
                    values = None
                    break
                values.append(self.item_score(self.item(code), value))
            if values is None:
                scores[subscale.code] = None
            elif subscale.method == SUM:
                scores[subscale.code] = float(sum(values))
            else:
                scores[subscale.code] = float(mean(values))
        return scores


AGREE_5 = (
    _("strongly disagree"),
    _("disagree"),
    _("neutral"),
    _("agree"),
    _("strongly agree"),
)

RIPLS = Instrument(
    code="ripls-1",
    title=_("Readiness for interprofessional learning (RIPLS)"),
    source=_(
        "Parsell & Bligh (1999), Medical Education 33:95–100; four subscales after "
        "McFadyen et al. (2005), Journal of Interprofessional Care 19(6):595–603. "
        "Subscale score: sum of its items; items 10–12 and 17–19 reverse-scored."
    ),
    intro=_("How far do you agree with each statement? There are no right or wrong answers."),
    scale_labels=AGREE_5,
    items=(
        Item(
            "ripls01",
            _(
                "Learning with other students will help me become a more effective member of a health and social care team."
            ),
        ),
        Item(
            "ripls02",
            _(
                "Clients would ultimately benefit if students and professionals of different disciplines worked together to solve their problems."
            ),
        ),
        Item(
            "ripls03",
            _(
                "Shared learning with other students will increase my ability to understand clinical problems."
            ),
        ),
        Item(
            "ripls04",
            _(
                "Learning with students of other disciplines before qualification would improve relationships after qualification."
            ),
        ),
        Item(
            "ripls05",
            _("Communication skills should be learned with students of other disciplines."),
        ),
        Item(
            "ripls06",
            _("Shared learning will help me to think positively about other professionals."),
        ),
        Item(
            "ripls07",
            _("For small-group learning to work, students need to trust and respect each other."),
        ),
        Item(
            "ripls08",
            _("Team-working skills are essential for all students in care and welfare to learn."),
        ),
        Item("ripls09", _("Shared learning will help me to understand my own limitations.")),
        Item(
            "ripls10",
            _("I don't want to waste my time learning with students of other disciplines."),
            reverse=True,
        ),
        Item(
            "ripls11",
            _("It is not necessary for students of different disciplines to learn together."),
            reverse=True,
        ),
        Item(
            "ripls12",
            _(
                "Clinical problem-solving skills can only be learned with students from my own discipline."
            ),
            reverse=True,
        ),
        Item(
            "ripls13",
            _(
                "Shared learning with other students will help me to communicate better with clients and other professionals."
            ),
        ),
        Item(
            "ripls14",
            _(
                "I would welcome the opportunity to work on small-group projects with students of other disciplines."
            ),
        ),
        Item("ripls15", _("Shared learning will help to clarify the nature of clients' problems.")),
        Item(
            "ripls16",
            _("Shared learning before qualification will help me become a better team worker."),
        ),
        Item(
            "ripls17",
            _("The function of nurses and therapists is mainly to provide support for doctors."),
            reverse=True,
        ),
        Item("ripls18", _("I'm not sure what my professional role will be."), reverse=True),
        Item(
            "ripls19",
            _(
                "I have to acquire much more knowledge and skills than students of other disciplines."
            ),
            reverse=True,
        ),
    ),
    subscales=(
        Subscale(
            "teamwork",
            _("Teamwork and collaboration"),
            tuple(f"ripls{n:02d}" for n in range(1, 10)),
            SUM,
        ),
        Subscale(
            "negative_identity",
            _("Negative professional identity (reversed)"),
            ("ripls10", "ripls11", "ripls12"),
            SUM,
        ),
        Subscale(
            "positive_identity",
            _("Positive professional identity"),
            ("ripls13", "ripls14", "ripls15", "ripls16"),
            SUM,
        ),
        Subscale(
            "roles",
            _("Roles and responsibilities (reversed)"),
            ("ripls17", "ripls18", "ripls19"),
            SUM,
        ),
    ),
)

ADDED_VALUE = Instrument(
    code="added-value-1",
    title=_("Added value of the network"),
    source=_(
        "The platform's own items, after the themes of the evaluation of sixteen learning "
        "networks. Score: mean of the five ratings."
    ),
    intro=_("Think of the past months in the network."),
    scale_labels=AGREE_5,
    items=(
        Item(
            "av_contacts",
            _("Through the network I made new contacts in the other domain (care or social)."),
        ),
        Item("av_insights", _("The network gave me new insights.")),
        Item("av_client", _("The network made me look more from the client's perspective.")),
        Item(
            "av_broader",
            _("The network gave me a broader view of the care and support around a client."),
        ),
        Item("av_daily", _("What I learn in the network helps me in my daily work.")),
        Item(
            "av_recommend",
            _("How likely is it that you would recommend the network to a colleague?"),
            kind=ZERO_TEN,
        ),
        Item(
            "av_open",
            _("What has the network brought you, or what would you wish for?"),
            kind=TEXT,
            required=False,
        ),
    ),
    subscales=(
        Subscale(
            "added_value",
            _("Added value"),
            ("av_contacts", "av_insights", "av_client", "av_broader", "av_daily"),
        ),
        Subscale("recommend", _("Would recommend (0–10)"), ("av_recommend",)),
    ),
)

JOB_SATISFACTION = Instrument(
    code="job-satisfaction-1",
    title=_("Job satisfaction (werkplezier)"),
    source=_(
        "The platform's own short scale of four items; the third is reverse-scored. "
        "Score: mean of the items."
    ),
    scale_labels=AGREE_5,
    items=(
        Item("js_enjoy", _("I enjoy my work.")),
        Item("js_energy", _("My work gives me energy.")),
        Item("js_leave", _("I often think about leaving my job."), reverse=True),
        Item("js_proud", _("I am proud of the work I do.")),
    ),
    subscales=(
        Subscale(
            "job_satisfaction",
            _("Job satisfaction"),
            ("js_enjoy", "js_energy", "js_leave", "js_proud"),
        ),
    ),
)

MEETING_EVALUATION = Instrument(
    code="meeting-1",
    title=_("Evaluation of the meeting"),
    source=_("The platform's own one-minute evaluation. Score: mean of the three ratings."),
    scale_labels=AGREE_5,
    for_meetings=True,
    items=(
        Item("me_useful", _("The meeting was useful for my work.")),
        Item("me_other", _("I learned something from another discipline.")),
        Item("me_client", _("The client's perspective got attention.")),
        Item("me_take", _("What do you take with you?"), kind=TEXT, required=False),
    ),
    subscales=(Subscale("meeting", _("Meeting rating"), ("me_useful", "me_other", "me_client")),),
)

BUILTIN: dict[str, Instrument] = {
    instrument.code: instrument
    for instrument in (RIPLS, ADDED_VALUE, JOB_SATISFACTION, MEETING_EVALUATION)
}


def builtin(code: str) -> Instrument | None:
    return BUILTIN.get(code)


def round_choices() -> list[tuple[str, Promise | str]]:
    """The shipped instruments a round can use."""
    return [(i.code, i.title) for i in BUILTIN.values() if not i.for_meetings]


def meeting_choices() -> list[tuple[str, Promise | str]]:
    return [(i.code, i.title) for i in BUILTIN.values() if i.for_meetings]
