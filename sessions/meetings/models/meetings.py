"""LIN meetings and the series they may belong to."""

import secrets
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..choices import MeetingFormat, MeetingStatus, Repeat


def new_checkin_code() -> str:
    """Six characters that are easy to read aloud and type (no 0/O, 1/I/L)."""
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    return "".join(secrets.choice(alphabet) for _ in range(6))


class MeetingSeries(models.Model):
    """A recurring meeting; its dates are computed in Europe/Amsterdam wall-clock time so
    that a meeting at 15:00 stays at 15:00 across the daylight-saving change."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="meeting_series"
    )
    title = models.CharField(_("title"), max_length=200)
    format = models.CharField(_("format"), max_length=30, choices=MeetingFormat.choices)
    # The rule the series was scheduled with, kept to describe it ("every 2 weeks on
    # Thursday"); the meetings themselves are rows and may be edited one by one.
    repeat = models.CharField(
        _("repeats"), max_length=10, choices=Repeat.choices, default=Repeat.WEEKLY
    )
    interval = models.PositiveSmallIntegerField(_("every how many weeks"), default=1)
    weekday = models.PositiveSmallIntegerField(_("weekday"), default=0)
    week_of_month = models.SmallIntegerField(_("week of the month"), null=True, blank=True)
    starts_on = models.DateField(_("first date"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(_("number of meetings"), null=True, blank=True)
    skip_dates = models.JSONField(_("dates to skip"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def __str__(self) -> str:
        return self.title


class Meeting(models.Model):
    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="meetings"
    )
    series = models.ForeignKey(
        MeetingSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    format = models.CharField(_("format"), max_length=30, choices=MeetingFormat.choices)
    title = models.CharField(_("title"), max_length=200)
    themes = models.ManyToManyField(
        "networks.Theme", blank=True, related_name="meetings", verbose_name=_("themes")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitated_meetings",
        verbose_name=_("facilitator"),
    )
    agenda = models.TextField(_("agenda"), blank=True, max_length=5000)
    # The method script chosen when planning (a key of sessions.meetings.methods); empty:
    # the format's default. The record may still switch method during the meeting.
    method = models.CharField(_("method"), max_length=40, blank=True)
    # The hours that count as learning hours for those present; empty: the meeting's length.
    learning_hours = models.DecimalField(
        _("learning hours"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    invited_networks = models.ManyToManyField(
        "networks.Network",
        blank=True,
        related_name="guest_meetings",
        verbose_name=_("invited networks"),
        help_text=_("For an exchange: the members of these networks are invited too."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    # Shown on screen by the coordinator or facilitator; attendees type it to check in
    # during the meeting's time window.
    checkin_code = models.CharField(_("check-in code"), max_length=8, default=new_checkin_code)
    # For a meeting of a series planned with its invitation: its start as the series' rule
    # made it. The invitation's calendar file holds the series as one recurring event, and
    # this is the RECURRENCE-ID by which a later change of this one meeting updates that
    # occurrence (``sessions.meetings.invitations``). Empty for a meeting on its own.
    recurrence_id = models.DateTimeField(null=True, blank=True, editable=False)
    # Bumped on every change people should hear about (calendar SEQUENCE, change notices).
    revision = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The theme projects this meeting belongs to. Declared here, on the meetings side, so
    # that networks (the floor below) knows nothing of meetings; the table is the one the
    # link had when it was declared on ThemeProject.
    theme_projects = models.ManyToManyField(
        "networks.ThemeProject",
        blank=True,
        related_name="meetings",
        db_table="networks_themeproject_meetings",
        verbose_name=_("theme projects"),
    )
    # The reminders about this meeting (deleted with it).
    reminder_deliveries = GenericRelation("reminders.Delivery", related_query_name="meeting")

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The end lies before the start."),
            ),
            models.CheckConstraint(
                condition=~Q(location="") | ~Q(online_url=""),
                name="meeting_has_place_or_link",
                violation_error_message=_("Give a place, an online link, or both."),
            ),
        ]
        indexes = [models.Index(fields=["network", "starts_at"])]
        constraints = [
            *constraints,
            models.CheckConstraint(
                condition=Q(learning_hours__isnull=True) | Q(learning_hours__gte=0),
                name="meeting_learning_hours_not_negative",
                violation_error_message=_("Learning hours cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The meeting's page; lower apps (networks' theme projects) link here by this."""
        from django.urls import reverse

        return reverse("meetings:detail", args=[self.network.slug, self.pk])

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_held(self) -> bool:
        return self.status == MeetingStatus.HELD

    @property
    def is_hybrid(self) -> bool:
        return bool(self.location and self.online_url)

    @property
    def length_hours(self) -> Decimal:
        """The meeting's length in hours, to the hundredth."""
        seconds = Decimal((self.ends_at - self.starts_at).total_seconds())
        return (seconds / 3600).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def hours(self) -> Decimal:
        """The learning hours it counts for: as set when planning, else its length."""
        return self.learning_hours if self.learning_hours is not None else self.length_hours
