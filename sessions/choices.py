"""Vocabularies of the meetings app: meeting formats and statuses, answers, attendance,
roles in a meeting, series, and shadowing days (dagdelen and statuses)."""

from datetime import time

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingFormat(models.TextChoices):
    INTERVISIE = "intervisie", _("Peer consultation (intervisie)")
    MOREEL_BERAAD = "moreel_beraad", _("Moral case deliberation (moreel beraad)")
    KLINISCHE_LES = "klinische_les", _("Clinical lesson (klinische les)")
    CASUISTIEK = "casuistiek", _("Case discussion (casuïstiekbespreking)")
    GASTSPREKER = "gastspreker", _("Guest speaker")
    THEMABIJEENKOMST = "themabijeenkomst", _("Theme meeting")
    LEERLAB = "leerlab", _("Learning lab")
    UITWISSELING = "uitwisseling", _("Exchange between networks")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    HELD = "held", _("Held")


class RsvpAnswer(models.TextChoices):
    YES = "yes", _("Yes, I will come")
    NO = "no", _("No")
    MAYBE = "maybe", _("Maybe")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")
    LATE = "late", _("Late")


class MeetingRoleKind(models.TextChoices):
    CASE_BRINGER = "case_bringer", _("Case-bringer")
    NOTE_TAKER = "note_taker", _("Note-taker")
    PRESENTER = "presenter", _("Presenter")


class Repeat(models.TextChoices):
    """How a series repeats: every N weeks on a weekday, or the n-th weekday of the month."""

    NONE = "none", _("Does not repeat")
    WEEKLY = "weekly", _("Every N weeks on a weekday")
    MONTHLY = "monthly", _("A given weekday of the month (e.g. the 4th Thursday)")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, _("first")
    SECOND = 2, _("second")
    THIRD = 3, _("third")
    FOURTH = 4, _("fourth")
    LAST = -1, _("last")


# --- Shadowing days (meelopen) ---------------------------------------------------------
class Dagdeel(models.TextChoices):
    MORNING = "morning", pgettext_lazy("dagdeel", "Morning")
    AFTERNOON = "afternoon", pgettext_lazy("dagdeel", "Afternoon")
    EVENING = "evening", pgettext_lazy("dagdeel", "Evening")
    WHOLE_DAY = "whole_day", pgettext_lazy("dagdeel", "Whole day")


# Usual times of a dagdeel, used when a person gives none.
DAGDEEL_TIMES: dict[str, tuple[time, time]] = {
    Dagdeel.MORNING: (time(8, 30), time(12, 30)),
    Dagdeel.AFTERNOON: (time(13, 0), time(17, 0)),
    Dagdeel.EVENING: (time(18, 0), time(22, 0)),
    Dagdeel.WHOLE_DAY: (time(8, 30), time(17, 0)),
}

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


# A day in one of these statuses holds its slot and its time in the person's calendar;
# a declined or cancelled day frees both.
ACTIVE_STATUSES = [
    ShadowingStatus.REQUESTED,
    ShadowingStatus.PLANNED,
    ShadowingStatus.DONE,
    ShadowingStatus.CONFIRMED,
]


class ShadowingSource(models.TextChoices):
    SLOT = "slot", _("Requested on the platform")
    LOGGED = "logged", _("Arranged outside the platform")
