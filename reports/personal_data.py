"""Reports' part of a person's personal data: their placements (as student), those they
supervise or teach, the outcomes they recorded and the report texts they wrote.

Erasure keeps the counts: a placement stays in the network's figures (the retention funnel
counts it), while the person's name is gone everywhere because the user row itself is
anonymised (*Former member*). What could still say something about them is emptied: the
reason a student got no contract. As supervisor or teacher they are taken off the
placement; as the one who recorded an outcome or wrote a text, the link is cut.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from accounts.personal_data import iso, register

from .models import PeriodText, Placement

COVERS = (
    "reports.Placement.student",
    "reports.Placement.supervisor",
    "reports.Placement.teacher",
    "reports.Placement.outcome_recorded_by",
    "reports.PeriodText.updated_by",
)


def _label(placement, field):
    value = getattr(placement, field)
    if not value:
        return None
    return {"code": value, "label": str(getattr(placement, f"get_{field}_display")())}


def export(user) -> dict:
    placements = (
        Placement.objects.filter(
            Q(student=user) | Q(supervisor=user) | Q(teacher=user) | Q(outcome_recorded_by=user)
        )
        .select_related("network", "host", "contract_organisation")
        .order_by("starts_on", "pk")
    )
    texts = PeriodText.objects.filter(updated_by=user).select_related("network").order_by("pk")
    rows = []
    for p in placements:
        parts = [
            name
            for name, key in (
                ("student", p.student_id),
                ("supervisor", p.supervisor_id),
                ("teacher", p.teacher_id),
                ("recorded_outcome", p.outcome_recorded_by_id),
            )
            if key == user.pk
        ]
        rows.append(
            {
                "network": p.network.name,
                "as": parts,
                "host": p.host.name,
                "starts_on": iso(p.starts_on),
                "ends_on": iso(p.ends_on),
                "outcome": _label(p, "outcome"),
                "contract_at": p.contract_organisation.name if p.contract_organisation else None,
                "contract_kind": _label(p, "contract_kind"),
                "contract_from": iso(p.contract_starts_on),
                "reason": p.reason if p.student_id == user.pk else None,
                "still_there_after_year": p.still_there_after_year
                if p.student_id == user.pk
                else None,
            }
        )
    return {
        "placements": rows,
        "report_texts": [
            {
                "network": t.network.name,
                "from": iso(t.starts_on),
                "to": iso(t.ends_on),
                "context": t.context,
                "highlights": t.highlights,
                "next_steps": t.next_steps,
            }
            for t in texts
        ],
    }


def erase(user, *, by=None) -> None:
    Placement.objects.filter(student=user).update(reason="")
    Placement.objects.filter(supervisor=user).update(supervisor=None)
    Placement.objects.filter(teacher=user).update(teacher=None)
    Placement.objects.filter(outcome_recorded_by=user).update(outcome_recorded_by=None)
    PeriodText.objects.filter(updated_by=user).update(updated_by=None)


def register_section() -> None:
    register(
        "reports",
        title=gettext_lazy("Placements and reports"),
        kept=gettext_lazy(
            "Your placements (internships) and what came of them, the placements you "
            "supervise or teach, and the report texts you wrote."
        ),
        on_erase=gettext_lazy(
            "Your placements stay in the network's counts without your name; the reason "
            "given for not getting a contract is removed. You are taken off placements "
            "you supervised or taught."
        ),
        export=export,
        erase=erase,
        covers=COVERS,
    )
