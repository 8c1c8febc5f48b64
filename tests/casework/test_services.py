"""Retention (archive and purge), the Celery task, and the home page's casework parts."""

import os
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from casework import services, tasks
from casework.models import Case, CaseAttachment, CaseContribution, CaseworkSettings
from tests.casework.factories import CaseFactory, LessonFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _age(case, days):
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now() - timedelta(days=days))


def test_cases_are_archived_after_the_networks_period_and_purged_later(network, case):
    CaseworkSettings.objects.create(network=network, archive_after_days=30, purge_after_days=60)
    CaseContribution.objects.create(case=case, discipline="dietitian", text="Eiwitverrijking.")
    attachment = CaseAttachment.objects.create(
        case=case, file=SimpleUploadedFile("d.pdf", b"%PDF-1"), name="d.pdf", size=6
    )
    path = attachment.file.path
    fresh = CaseFactory(network=network, student=case.student, professional=case.professional)
    _age(case, 31)
    now = timezone.now()

    assert services.cases_archive_and_purge(now=now) == (1, 0)
    case.refresh_from_db()
    assert (case.archived_at, case.purged_at) == (now, None)
    assert Case.objects.get(pk=fresh.pk).archived_at is None
    assert services.cases_archive_and_purge(now=now) == (0, 0)  # idempotent

    later = now + timedelta(days=60)
    # the fresh case has now been untouched for 60 days too: archived, not yet purged
    assert services.cases_archive_and_purge(now=later) == (1, 1)
    case.refresh_from_db()
    assert case.purged_at == later
    assert (case.situation, case.questions_care, case.questions_social, case.outcome) == (
        "",
        "",
        "",
        "",
    )
    assert case.title != ""  # the pseudonym stays, so the log still names the case
    assert list(case.contributions.values_list("text", flat=True)) == [""]
    assert CaseAttachment.objects.count() == 0
    assert not os.path.exists(path)


def test_networks_without_settings_use_the_default_periods(network, case):
    _age(case, 364)
    assert services.cases_archive_and_purge() == (0, 0)
    _age(case, 366)
    assert services.cases_archive_and_purge() == (1, 0)


def test_the_periodic_task_calls_the_service(network, case):
    _age(case, 400)
    tasks.archive_and_purge_cases.delay()
    assert Case.objects.get().archived_at is not None


def test_the_beat_schedule_runs_the_task(settings):
    assert settings.CELERY_BEAT_SCHEDULE["casework-archive"]["task"] == (
        tasks.archive_and_purge_cases.name
    )


def test_settings_form_refuses_zero_days(client, network, coordinator):
    coordinator.language = "en"
    coordinator.save(update_fields=["language"])
    client.force_login(coordinator)
    response = client.post(
        reverse("casework:settings", args=[network.slug]),
        {"archive_after_days": 0, "purge_after_days": 10},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["archive_after_days"] == [
        "Ensure this value is greater than or equal to 1."
    ]
    assert CaseworkSettings.objects.count() == 0


def test_home_shows_the_pair_their_case_and_next_step(client, network, case):
    meeting = MeetingFactory(network=network, title="Klinische les december")
    Case.objects.filter(pk=case.pk).update(status="ready", meeting=meeting)
    client.force_login(case.student)
    [item] = client.get(reverse("home")).context["pair_cases"]
    local = timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y %H:%M")
    assert item.case == case
    assert item.next_step == f"Present the case in “Klinische les december” on {local}."


def test_home_shows_a_draft_cases_next_step(client, case):
    client.force_login(case.professional)
    [item] = client.get(reverse("home")).context["pair_cases"]
    assert item.next_step == (
        "Write the situation and the questions of both domains, then mark the case ready to "
        "present."
    )


def test_home_shows_a_teacher_the_themes_and_next_lessons(client, network, teacher, ondervoeding):
    past = LessonFactory(
        teacher=teacher, themes=[ondervoeding], starts_on=timezone.localdate() - timedelta(days=5)
    )
    coming = LessonFactory(teacher=teacher, themes=[ondervoeding])
    client.force_login(teacher)
    teaching = client.get(reverse("home")).context["teaching"]
    assert teaching["networks"] == [network]
    assert list(teaching["networks"][0].themes.all()) == [ondervoeding]
    assert teaching["next_lessons"] == [coming]
    assert past not in teaching["next_lessons"]


def test_home_has_no_teaching_section_for_others(client, pair):
    client.force_login(pair[0])
    response = client.get(reverse("home"))
    assert (response.context["teaching"], response.context["pair_cases"]) == (None, [])
