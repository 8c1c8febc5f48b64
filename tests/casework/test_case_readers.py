"""Who reads a case: the network's professionals, students, teachers, researchers and
coordinators; guests, residents and experts by experience only a case presented in a meeting
they attended, or one a coordinator shared with them. Lists, the board and lessons follow."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from casework.choices import CaseAccessAction
from casework.models import CaseAccess, CaseAttachment
from networks.choices import Role
from sessions.meetings.models import Attendance
from tests.casework.factories import CaseFactory, LessonFactory, MeetingFactory
from tests.factories import member

LIMITED = [Role.GUEST, Role.RESIDENT, Role.EXPERT_BY_EXPERIENCE]


def detail_url(case):
    return reverse("casework:case_detail", args=[case.network.slug, case.pk])


def download_url(attachment):
    case = attachment.case
    return reverse("casework:attachment_download", args=[case.network.slug, case.pk, attachment.pk])


def _attachment(case):
    return CaseAttachment.objects.create(
        case=case, file=SimpleUploadedFile("dia.pdf", b"%PDF-1.4 test"), name="dia.pdf", size=13
    )


@pytest.fixture
def presented(network, case):
    meeting = MeetingFactory(network=network)
    case.meeting = meeting
    case.save()
    return meeting


@pytest.fixture
def other_case(network, pair):
    student, professional = pair
    return CaseFactory(
        network=network, student=student, professional=professional, title="Meneer B., 70"
    )


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.GUEST, Role.EXPERT_BY_EXPERIENCE])
def test_a_limited_member_reads_a_case_presented_in_a_meeting_they_attended(
    client, network, case, other_case, presented, role
):
    person = member(network, role)
    Attendance.objects.create(meeting=presented, user=person, status="present")
    attachment, other_attachment = _attachment(case), _attachment(other_case)
    client.force_login(person)

    assert client.get(detail_url(case)).status_code == 200
    assert client.get(download_url(attachment)).status_code == 200
    assert list(
        CaseAccess.objects.filter(user=person).values_list("action", flat=True).order_by("pk")
    ) == [CaseAccessAction.VIEW, CaseAccessAction.DOWNLOAD]

    assert client.get(detail_url(other_case)).status_code == 404
    assert client.get(download_url(other_attachment)).status_code == 404
    assert CaseAccess.objects.filter(user=person, case=other_case).count() == 0

    listed = client.get(reverse("casework:case_list", args=[network.slug]))
    assert [c.pk for c in listed.context["cases"]] == [case.pk]
    assert other_case.title not in listed.content.decode()


@pytest.mark.parametrize("status", ["absent", "excused"])
def test_a_resident_who_was_absent_does_not_read_the_presented_case(
    client, network, case, presented, status
):
    resident = member(network, Role.RESIDENT)
    Attendance.objects.create(meeting=presented, user=resident, status=status)
    client.force_login(resident)
    assert client.get(detail_url(case)).status_code == 404


def test_a_resident_who_attended_another_meeting_does_not_read_the_case(
    client, network, case, presented
):
    resident = member(network, Role.RESIDENT)
    Attendance.objects.create(
        meeting=MeetingFactory(network=network), user=resident, status="present"
    )
    client.force_login(resident)
    assert client.get(detail_url(case)).status_code == 404
    assert client.get(download_url(_attachment(case))).status_code == 404


def test_a_case_shared_by_the_coordinator_is_readable_by_that_guest_only(
    client, network, case, coordinator
):
    guest, other_guest = member(network, Role.GUEST), member(network, Role.GUEST)
    attachment = _attachment(case)
    client.force_login(coordinator)
    page = client.get(detail_url(case))
    assert list(page.context["share_form"].fields["shared_with"].queryset) == sorted(
        [guest, other_guest], key=lambda u: (u.full_name, u.email)
    )
    response = client.post(
        reverse("casework:case_share", args=[network.slug, case.pk]), {"shared_with": [guest.pk]}
    )
    assert response.status_code == 302
    assert list(case.shared_with.all()) == [guest]

    client.force_login(guest)
    assert client.get(detail_url(case)).status_code == 200
    assert client.get(download_url(attachment)).status_code == 200
    client.force_login(other_guest)
    assert client.get(detail_url(case)).status_code == 404
    assert client.get(download_url(attachment)).status_code == 404


def test_a_case_is_shared_only_with_guests_residents_and_experts(
    client, network, case, coordinator
):
    researcher = member(network, Role.RESEARCHER)
    client.force_login(coordinator)
    client.post(
        reverse("casework:case_share", args=[network.slug, case.pk]),
        {"shared_with": [researcher.pk]},
    )
    assert case.shared_with.count() == 0


@pytest.mark.parametrize("role", [Role.STUDENT, Role.PROFESSIONAL, Role.TEACHER])
def test_only_coordinators_share(client, network, case, role):
    guest = member(network, Role.GUEST)
    client.force_login(member(network, role))
    response = client.post(
        reverse("casework:case_share", args=[network.slug, case.pk]), {"shared_with": [guest.pk]}
    )
    assert response.status_code == 403
    assert case.shared_with.count() == 0


@pytest.mark.parametrize(
    "role", [Role.PROFESSIONAL, Role.STUDENT, Role.TEACHER, Role.RESEARCHER, Role.COORDINATOR]
)
def test_the_readers_of_a_network_read_every_case(client, network, case, role):
    client.force_login(member(network, role))
    assert client.get(detail_url(case)).status_code == 200
    assert client.get(download_url(_attachment(case))).status_code == 200


@pytest.mark.parametrize("role", LIMITED)
def test_limited_members_see_no_titles_on_the_board_or_in_lessons(
    client, network, case, ondervoeding, role
):
    teacher = member(network, Role.TEACHER)
    lesson = LessonFactory(teacher=teacher, themes=[ondervoeding])
    lesson.cases.set([case])
    client.force_login(member(network, role))

    board = client.get(reverse("casework:board", args=[network.slug]))
    assert board.status_code == 200
    assert all(t.active_cases == [] for t in board.context["themes"])
    assert case.title not in board.content.decode()

    page = client.get(reverse("casework:lesson_detail", args=[lesson.pk]))
    assert page.status_code == 200
    assert page.context["cases"] == []
    assert case.title not in page.content.decode()

    listed = client.get(reverse("casework:case_list", args=[network.slug]))
    assert listed.context["cases"] == []


def test_a_shared_case_shows_on_the_board_and_list_of_the_guest(
    client, network, case, ondervoeding
):
    guest = member(network, Role.GUEST)
    case.shared_with.add(guest)
    client.force_login(guest)
    board = client.get(reverse("casework:board", args=[network.slug]))
    assert [c.pk for t in board.context["themes"] for c in t.active_cases] == [case.pk]
    listed = client.get(reverse("casework:case_list", args=[network.slug]))
    assert [c.pk for c in listed.context["cases"]] == [case.pk]


def test_a_share_is_in_the_persons_data_and_ends_with_erasure(network, case):
    from casework import personal_data

    guest = member(network, Role.GUEST)
    case.shared_with.add(guest)
    assert personal_data.export(guest)["cases_shared_with_you"] == [
        {"case": case.title, "network": network.name}
    ]
    personal_data.erase(guest)
    assert case.shared_with.count() == 0
