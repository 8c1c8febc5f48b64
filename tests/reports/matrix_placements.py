"""Permission matrix entries of placements: the list, adding and editing (coordinators),
a placement (its student, teacher, supervisor and the coordinators), its outcome
(coordinators and its teacher)."""

import datetime as dt

from django.utils import timezone

from networks.choices import Role
from tests.matrix import Entry, coordinators, only

SEE_LIST = [Role.COORDINATOR.value, Role.TEACHER.value, Role.STUDENT.value, "professional"]
ON_PLACEMENT = [Role.COORDINATOR.value, Role.TEACHER.value, Role.STUDENT.value, "professional"]
RECORDS = [Role.COORDINATOR.value, Role.TEACHER.value]


def _placement(w, network=None):
    from tests.factories import member
    from tests.reports.helpers import placement

    network = network or w.network
    today = timezone.localdate()
    if network == w.network:
        student, teacher, supervisor = (
            w.people["student"],
            w.people["teacher"],
            w.people["professional"],
        )
    else:
        student, teacher, supervisor = member(network, "student"), None, None
    return placement(
        network,
        student,
        start=today - dt.timedelta(days=120),
        end=today - dt.timedelta(days=10),
        teacher=teacher,
        supervisor=supervisor,
    ).pk


def _placement_data(w):
    from networks.models import Organisation

    today = timezone.localdate()
    # An organisation of the world (the data is built after the snapshot of the database).
    return {
        "student": w.people["student"].pk,
        "host": Organisation.objects.get(name="ROC Oost").pk,
        "starts_on": (today + dt.timedelta(days=400)).isoformat(),
        "ends_on": (today + dt.timedelta(days=500)).isoformat(),
    }


ENTRIES = [
    Entry("reports:placements", args=lambda w: [w.network.slug], expect=only(SEE_LIST)),
    Entry("reports:placement_create", args=lambda w: [w.network.slug], expect=coordinators()),
    Entry(
        "reports:placement_create",
        args=lambda w: [w.network.slug],
        method="post",
        data=_placement_data,
        expect=coordinators(302),
        label="post",
    ),
    Entry(
        "reports:placement",
        args=lambda w: [w.network.slug, _placement(w)],
        expect=only(ON_PLACEMENT),
        foreign_args=lambda w: [w.network.slug, _placement(w, w.other_network)],
    ),
    Entry(
        "reports:placement_edit",
        args=lambda w: [w.network.slug, _placement(w)],
        expect=only([Role.COORDINATOR.value]),
        foreign_args=lambda w: [w.network.slug, _placement(w, w.other_network)],
    ),
    Entry(
        "reports:placement_outcome",
        args=lambda w: [w.network.slug, _placement(w)],
        expect=only(RECORDS),
        foreign_args=lambda w: [w.network.slug, _placement(w, w.other_network)],
    ),
    Entry(
        "reports:placement_outcome",
        args=lambda w: [w.network.slug, _placement(w)],
        method="post",
        data=lambda w: {"outcome": "none", "reason": "Geen plek"},
        expect=only(RECORDS, 302),
        label="post",
    ),
]
