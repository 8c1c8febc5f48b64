"""Vocabularies of the meetings app: meeting formats and statuses, answers, attendance,
roles in a meeting, series."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
