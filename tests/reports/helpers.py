"""Building placements in tests."""

import datetime as dt

from networks.models import Organisation
from reports.models import Placement


def host(name="Zorgcentrum De Linde"):
    return Organisation.objects.get_or_create(name=name, defaults={"kind": "care_provider"})[0]


def placement(network, student, *, start, end, teacher=None, supervisor=None, **outcome):
    p = Placement.objects.create(
        network=network,
        student=student,
        host=outcome.pop("host", None) or host(),
        starts_on=start,
        ends_on=end,
        teacher=teacher,
        supervisor=supervisor,
        **outcome,
    )
    return p


def hired(network, student, *, start, end, stayed=None, kind="job", outcome="accepted"):
    return placement(
        network,
        student,
        start=start,
        end=end,
        outcome=outcome,
        outcome_recorded_on=end + dt.timedelta(days=1),
        contract_organisation=host(),
        contract_kind=kind,
        contract_starts_on=end + dt.timedelta(days=10),
        still_there_after_year=stayed,
    )
