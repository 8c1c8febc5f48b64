"""The demo data of reports: every demo network has placements, some hired, some not, one
still running; the funnel shows them; the demo student sees their own; idempotent."""

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.demo import demo_email, seed
from networks.models import Network
from reports.models import Placement
from reports.selectors import Period, retention

pytestmark = pytest.mark.django_db
SLUG = "lin-wijkzorg-amsterdam-oost"


def test_every_demo_network_has_placements_with_outcomes(client):
    seed()
    today = timezone.localdate()
    for network in Network.objects.all():
        placements = Placement.objects.filter(network=network)
        outcomes = sorted(p.outcome for p in placements)
        assert outcomes == ["", "accepted", "accepted", "accepted", "none", "offered"]
        assert [p.ends_on >= today for p in placements if not p.outcome] == [True]
        funnel = retention(network, Period(today.replace(year=today.year - 4), today))
        total = funnel.tables[0].rows[-1]
        assert total[1:] == [6, 5, 4, 3, 1, 2]
    count = Placement.objects.count()
    seed()
    assert Placement.objects.count() == count

    student = (
        Network.objects.get(slug=SLUG).memberships.get(user__email=demo_email("priya.ramdin")).user
    )
    client.force_login(student)
    page = client.get(reverse("reports:placements", args=[SLUG]))
    assert {p.student for p in page.context["placements"]} == {student}
