"""Vocabularies of shadowing days (meelopen): half-days, statuses and where a day came from."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Dagdeel(models.TextChoices):
    MORNING = "morning", pgettext_lazy("half-day", "Morning")
    AFTERNOON = "afternoon", pgettext_lazy("half-day", "Afternoon")
    EVENING = "evening", pgettext_lazy("half-day", "Evening")
    WHOLE_DAY = "whole_day", pgettext_lazy("half-day", "Whole day")


# Progress is counted in dagdelen: a whole day is two of them.
DAGDEEL_COUNT: dict[str, int] = {
    Dagdeel.MORNING: 1,
    Dagdeel.AFTERNOON: 1,
    Dagdeel.EVENING: 1,
    Dagdeel.WHOLE_DAY: 2,
}


class ShadowingStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done, awaiting the host's confirmation")
    CONFIRMED = "confirmed", _("Confirmed by the host")
    DECLINED = "declined", _("Declined")
    # Withdrawn by the shadower (a request or a planned day) or called off by the host,
    # before the day started. Counts for nothing; stays in the logbook.
    CANCELLED = "cancelled", _("Cancelled")


# The status groups, declared once; code asks these instead of listing statuses.

# Not yet held: a request, or a day agreed (or logged) that has no reflection yet.
OPEN_STATUSES = (ShadowingStatus.REQUESTED, ShadowingStatus.PLANNED)
NOT_HELD_STATUSES = OPEN_STATUSES
# The day took place: its reflection is written (and perhaps confirmed by the host).
HELD_STATUSES = (ShadowingStatus.DONE, ShadowingStatus.CONFIRMED)
# Ended without taking place; counts for nothing, stays in the logbook.
CLOSED_STATUSES = (ShadowingStatus.DECLINED, ShadowingStatus.CANCELLED)
# A day in one of these statuses holds its slot and its time in the person's calendar;
# a declined or cancelled day frees both.
ACTIVE_STATUSES = [*OPEN_STATUSES, *HELD_STATUSES]
# Still waiting for someone (the host or the shadower): everything but confirmed and closed.
PENDING_STATUSES = (*OPEN_STATUSES, ShadowingStatus.DONE)
# Until the host confirms, the shadower may still improve what they wrote (and move a day
# they logged); a moved day that still goes ahead is notified to the host.
EDITABLE_STATUSES = PENDING_STATUSES
# Hours count once the day happened; progress counts confirmed dagdelen only.
COUNTS_FOR_HOURS = HELD_STATUSES
COUNTS_FOR_PROGRESS = (ShadowingStatus.CONFIRMED,)
AWAITING_CONFIRMATION = (ShadowingStatus.DONE,)
# Nothing left to do: confirmed, declined or cancelled (the host's history).
HISTORY_STATUSES = (ShadowingStatus.CONFIRMED, *CLOSED_STATUSES)
# What the host's inbox holds: requests to answer and reflections to confirm.
HOST_INBOX_STATUSES = (ShadowingStatus.REQUESTED, ShadowingStatus.DONE)


class ShadowingSource(models.TextChoices):
    SLOT = "slot", _("Requested on the platform")
    LOGGED = "logged", _("Arranged outside the platform")
