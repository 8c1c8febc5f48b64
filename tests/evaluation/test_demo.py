"""The demo data of evaluation: every demo network has a RIPLS baseline and follow-up with
more answers than the threshold, and evaluations of its past meetings; idempotent."""

import pytest
from django.urls import reverse

from evaluation.models import Response, Round
from evaluation.selectors import paired_results, round_results
from networks.demo import demo_email, seed
from networks.models import Network

pytestmark = pytest.mark.django_db
SLUG = "lin-wijkzorg-amsterdam-oost"


def test_every_demo_network_shows_results_change_and_meeting_evaluations(client):
    seed()
    for network in Network.objects.all():
        baseline, follow_up = Round.objects.filter(network=network).order_by("wave")
        assert (baseline.label, follow_up.label) == ("T0", "T1")
        assert round_results(baseline).shown and round_results(follow_up).shown
        assert not paired_results(baseline, follow_up)[0].overall.suppressed
        assert Response.objects.filter(network=network, meeting__isnull=False).exists()
    count = Response.objects.count()
    seed()
    assert Response.objects.count() == count
    # The demo student has the follow-up still to answer.
    client.force_login(
        Network.objects.get(slug=SLUG).memberships.get(user__email=demo_email("priya.ramdin")).user
    )
    page = client.get(reverse("networks:detail", args=[SLUG])).content.decode()
    follow_up = Round.objects.get(network__slug=SLUG, wave=1)
    assert reverse("evaluation:answer", args=[SLUG, follow_up.pk]) in page
