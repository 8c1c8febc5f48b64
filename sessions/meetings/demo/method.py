"""Demo data for the method record: notes, roles and actions for past intervisie and moreel
beraad meetings, and breakout groups for one past meeting. Idempotent: meetings that
already have a record, and a database that already has groups, are left alone.

The lead wires ``seed_method_records`` into ``seed_demo`` (after the meetings seeder). The
texts are fictional demo content in Dutch, not interface strings.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.choices import Role
from networks.models import Membership

from ..choices import MeetingFormat, MeetingRoleKind, MeetingStatus
from ..methods import default_method
from ..models import BreakoutGroup, Meeting, MeetingAction, MeetingRecord, MeetingRole
from ..selectors.groups import people_to_divide
from ..services.groups import breakout_groups_make

NOTES = {
    "incident": {
        "incident": "Een cliënt met beginnende dementie weigert de avondzorg.",
        "situation": "Om 21.00 uur staat de wijkverpleegkundige voor een dichte deur; de "
        "dochter belt dat haar moeder niet gestoord wil worden.",
        "facts": "Geen mantelzorger in de buurt; casemanager dementie is nog niet betrokken; "
        "medicatie moet 's avonds worden toegediend.",
        "core": "Hoe respecteer je de wens van de cliënt en blijft de zorg veilig?",
        "positions": "De meesten zouden terugkomen met een kort bezoek; twee deelnemers "
        "zouden de huisarts direct inschakelen.",
        "actual": "De verpleegkundige kwam een uur later terug en werd toen wel binnengelaten.",
        "lessons": "Vaste gezichten en een vast tijdstip geven rust; leg afspraken vast in "
        "het zorgplan.",
        "advice": "Bespreek met de dochter en de casemanager een vast avondritueel.",
        "evaluation": "Goede vragenronde; de standpuntbepaling had meer tijd nodig.",
    },
    "nijmegen": {
        "moral_question": "Moeten we de wens van meneer om thuis te blijven volgen, of "
        "aandringen op opname vanwege het valrisico?",
        "facts_care": "Drie valincidenten in twee maanden; geen fracturen; loopt met rollator.",
        "facts_social": "Meneer woont sinds 50 jaar in dit huis; zijn buurman kijkt dagelijks.",
        "facts_organisation": "Huisarts en wijkteam betrokken; Wmo-aanvraag voor "
        "woningaanpassing loopt.",
        "perspectives": "Meneer: vrijheid; dochter: veiligheid; wijkverpleging: "
        "verantwoordelijkheid; sociaal werker: eigen regie.",
        "values": "Autonomie en welzijn botsen; verantwoordelijkheid ligt bij meerdere partijen.",
        "decision": "We volgen de wens van meneer en beperken het risico met "
        "valpreventie, alarmering en een evaluatie over zes weken.",
        "open_points": "Is de woningaanpassing op tijd rond?",
    },
}

ACTIONS = [
    ("Casemanager dementie uitnodigen voor het volgende overleg", True),
    ("Valpreventieprogramma aanbieden via de fysiotherapeut", False),
]


def _first_member(network, roles):
    membership = (
        Membership.objects.current()
        .filter(network=network, role__in=roles)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


@transaction.atomic
def seed_method_records(*, stdout=None) -> dict[str, int]:
    """Fill records, roles and actions of past intervisie/moreel beraad meetings, and make
    groups for one past meeting. Returns what was created."""
    created = {"records": 0, "roles": 0, "actions": 0, "groups": 0}
    past = (
        Meeting.objects.filter(
            starts_at__lt=timezone.now(),
            format__in=[MeetingFormat.INTERVISIE, MeetingFormat.MOREEL_BERAAD],
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .filter(record__isnull=True)
        .select_related("network")
        .order_by("starts_at")
    )
    series_with_open_actions = set(
        MeetingAction.objects.filter(status="open", meeting__series__isnull=False).values_list(
            "meeting__series_id", flat=True
        )
    )
    for meeting in past:
        method = default_method(meeting.format)
        MeetingRecord.objects.create(
            meeting=meeting, method=method.key, entries={method.key: dict(NOTES[method.key])}
        )
        created["records"] += 1
        note_taker = _first_member(meeting.network, [Role.STUDENT])
        case_bringer = _first_member(meeting.network, [Role.PROFESSIONAL])
        for person, kind in (
            (note_taker, MeetingRoleKind.NOTE_TAKER),
            (case_bringer, MeetingRoleKind.CASE_BRINGER),
        ):
            if person is not None:
                _role, made = MeetingRole.objects.get_or_create(
                    meeting=meeting, user=person, kind=kind
                )
                created["roles"] += int(made)
        for text, stays_open in ACTIONS:
            # An open action stays on the series' next meetings until it is closed: agree it
            # once per series, not again in every meeting (it would be listed three times).
            if stays_open and meeting.series_id is not None:
                if meeting.series_id in series_with_open_actions:
                    continue
                series_with_open_actions.add(meeting.series_id)
            MeetingAction.objects.create(
                meeting=meeting,
                text=text,
                owner=case_bringer,
                status="open" if stays_open else "closed",
                closed_at=None if stays_open else meeting.ends_at,
            )
            created["actions"] += 1

    if not BreakoutGroup.objects.exists():
        candidates = Meeting.objects.filter(starts_at__lt=timezone.now()).exclude(
            status=MeetingStatus.CANCELLED
        )
        for meeting in candidates.order_by("-starts_at")[:20]:
            if len(people_to_divide(meeting)) >= 4:
                created["groups"] = len(
                    breakout_groups_make(meeting=meeting, size=4, seed=meeting.pk)
                )
                break
    if stdout is not None:
        stdout.write(
            _(
                "Method records: %(records)s, roles: %(roles)s, actions: %(actions)s, "
                "breakout groups: %(groups)s"
            )
            % created
        )
    return created
