"""Sharing a case: the person hears of it through the outbox (kind ``case_shared``, no client
data in the mail), and who shared it and when is recorded and shown to the coordinators."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone

from accounts import personal_data
from casework.models import CaseShare
from casework.services import case_share_set
from networks.choices import Role
from networks.models import Membership
from sessions.reminders.dispatcher import dispatch
from sessions.reminders.kinds import REGISTRY, kind_choices
from sessions.reminders.models import Delivery, DeliveryStatus
from tests.casework.factories import CaseFactory
from tests.factories import member

SECRET_TITLE = "Mevrouw J., valt vaak"


@pytest.fixture
def coordinator_en(network):
    return member(network, Role.COORDINATOR, full_name="Cora Coordinator", language="en")


@pytest.fixture
def guest(network):
    return member(network, Role.GUEST, full_name="Gijs Guest", email="gijs@example.org")


@pytest.fixture
def case(network):
    return CaseFactory(network=network, title=SECRET_TITLE)


def share(client, case, people):
    return client.post(
        reverse("casework:case_share", args=[case.network.slug, case.pk]),
        {"shared_with": [p.pk for p in people]},
    )


def test_sharing_records_who_and_when_and_tells_the_person_without_client_data(
    client, network, case, coordinator_en, guest, django_capture_on_commit_callbacks
):
    network.name = "LIN Oost"
    network.save()
    before = timezone.now()
    client.force_login(coordinator_en)
    with django_capture_on_commit_callbacks(execute=False):
        share(client, case, [guest])
    # The outbox row is written with the share, in the same transaction.
    [row] = Delivery.objects.filter(kind="case_shared")
    assert (row.recipient, row.status) == (guest, DeliveryStatus.PENDING)
    [recorded] = CaseShare.objects.all()
    assert (recorded.person, recorded.shared_by) == (guest, coordinator_en)
    assert before <= recorded.shared_at <= timezone.now()

    dispatch()
    [message] = mail.outbox
    assert message.to == ["gijs@example.org"]
    assert message.subject == "Er is een casus van LIN Oost met je gedeeld"
    assert "Cora Coordinator, coördinator van LIN Oost, heeft een casus met je gedeeld." in (
        message.body
    )
    case_url = reverse("casework:case_detail", args=[network.slug, case.pk])
    assert case_url in message.body
    for part in (message.subject, message.body, message.alternatives[0][0]):
        assert "Mevrouw J." not in part
        assert case.situation[:20] not in part
    dispatch()  # once
    assert len(mail.outbox) == 1

    page = client.get(case_url).content.decode()
    when = formats.date_format(timezone.localtime(recorded.shared_at), "j F Y, H:i")
    assert f"Gijs Guest: shared by Cora Coordinator on {when}" in page


def test_unsharing_and_sharing_again_is_recorded_and_announced_again(
    network, case, coordinator_en, guest
):
    case_share_set(case=case, users=[guest], allowed={guest.pk}, by=coordinator_en)
    case_share_set(case=case, users=[], allowed={guest.pk}, by=coordinator_en)
    case_share_set(case=case, users=[guest], allowed={guest.pk}, by=coordinator_en)
    shares = list(CaseShare.objects.order_by("pk"))
    assert [s.withdrawn_at is not None for s in shares] == [True, False]
    assert list(case.shared_with.all()) == [guest]
    assert Delivery.objects.filter(kind="case_shared").count() == 2
    # Saving the same people again records and announces nothing new.
    case_share_set(case=case, users=[guest], allowed={guest.pk}, by=coordinator_en)
    assert CaseShare.objects.count() == 2
    assert Delivery.objects.filter(kind="case_shared").count() == 2


def test_the_notice_is_switchable_and_not_sent_to_who_left_or_after_unsharing(
    network, case, coordinator_en, guest
):
    assert ("case_shared", REGISTRY["case_shared"].label) in kind_choices()
    resident = member(network, Role.RESIDENT)
    expert = member(network, Role.EXPERT_BY_EXPERIENCE)
    guest.reminders_off = ["case_shared"]
    guest.save()
    Membership.objects.filter(user=resident).update(ended_at=timezone.now())
    allowed = {guest.pk, resident.pk, expert.pk}
    case_share_set(case=case, users=[guest, resident, expert], allowed=allowed, by=coordinator_en)
    assert list(
        Delivery.objects.filter(kind="case_shared").values_list("recipient", flat=True)
    ) == [expert.pk]
    case_share_set(case=case, users=[guest], allowed=allowed, by=coordinator_en)
    dispatch()
    assert mail.outbox == []
    assert Delivery.objects.get(kind="case_shared").status == DeliveryStatus.WITHDRAWN


def test_the_case_page_shows_shares_to_coordinators_only(
    client, network, case, coordinator_en, guest
):
    case_share_set(case=case, users=[guest], allowed={guest.pk}, by=coordinator_en)
    url = reverse("casework:case_detail", args=[network.slug, case.pk])
    client.force_login(case.student)
    assert "shared by Cora Coordinator" not in client.get(url).content.decode()
    client.force_login(guest)
    assert "shared by Cora Coordinator" not in client.get(url).content.decode()


def test_the_personal_data_section_exports_and_erases_shares(network, case, coordinator_en, guest):
    case_share_set(case=case, users=[guest], allowed={guest.pk}, by=coordinator_en)
    [section] = [s for s in personal_data.sections() if s.key == "casework"]
    exported = section.export(guest)["case_shares"]
    assert [(e["case"], e["shared_with"], e["shared_by"]) for e in exported] == [
        (SECRET_TITLE, "Gijs Guest", "Cora Coordinator")
    ]
    assert [e["shared_with"] for e in section.export(coordinator_en)["case_shares"]] == [
        "Gijs Guest"
    ]
    assert "shared with you or by you" in str(section.kept)
    section.erase(guest)
    assert CaseShare.objects.count() == 0
    assert list(case.shared_with.all()) == []
