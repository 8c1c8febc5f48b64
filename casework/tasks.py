"""Periodic work of casework: archiving cases and erasing their texts when due."""

from celery import shared_task
from django.utils import timezone

from .services import cases_archive_and_purge


@shared_task(name="casework.archive_and_purge")
def archive_and_purge_cases() -> tuple[int, int]:
    """Nightly: archive and purge cases by each network's retention periods."""
    return cases_archive_and_purge(now=timezone.now())
