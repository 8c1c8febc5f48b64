"""Shadowing days (meelopen): dagdelen that hosts offer, the days people shadow someone of
the other domain, their reflections, and the teachers' feedback on those reflections."""

from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import ACTIVE_STATUSES, CLOSED_STATUSES, Dagdeel, ShadowingSource, ShadowingStatus
from .rules import MAX_HOURS


class ShadowingSlot(models.Model):
    """A half-day a host offers: someone may come and shadow them then."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="shadowing_slots"
    )
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shadowing_slots"
    )
    date = models.DateField(_("date"))
    dagdeel = models.CharField(_("half-day"), max_length=10, choices=Dagdeel.choices)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    place = models.CharField(_("place"), max_length=200)
    note = models.CharField(_("note for the visitor"), max_length=500, blank=True)
    # Half-days offered together (weekly or every other week) share one series id, so
    # that the host can withdraw the later ones at once.
    series = models.UUIDField(_("series"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table keeps the name it had when shadowing was part of the meetings app.
        db_table = "meetings_shadowingslot"
        verbose_name = _("offered half-day")
        verbose_name_plural = _("offered half-days")
        ordering = ["date", "starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["host", "date", "dagdeel"],
                name="one_slot_per_host_dagdeel",
                violation_error_message=_("You already offer this half-day."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="slot_ends_after_start",
                violation_error_message=_("The end lies before the start."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.host} – {self.date} {self.get_dagdeel_display()}"


class ShadowingDay(models.Model):
    """A dagdeel (or whole day) one person shadows a host, usually of the other domain.

    ``network`` is the shadower's network: its teachers and coordinators follow the day.
    ``host_network`` is the network through which the host takes part (the same one, or a
    partner network).
    """

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="shadowing_days"
    )
    host_network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="hosted_shadowing_days"
    )
    shadower = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="shadowing_days",
        verbose_name=_("who shadows"),
    )
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="hosted_shadowing_days",
        verbose_name=_("host"),
    )
    slot = models.ForeignKey(
        ShadowingSlot,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="days",
    )
    source = models.CharField(max_length=10, choices=ShadowingSource.choices)
    date = models.DateField(_("date"))
    dagdeel = models.CharField(_("half-day"), max_length=10, choices=Dagdeel.choices)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    organisation_name = models.CharField(_("host's organisation"), max_length=200, blank=True)
    place = models.CharField(_("place"), max_length=200)
    learning_goals = models.TextField(_("learning goals"), max_length=2000)
    same_domain_reason = models.CharField(
        _("reason for a host of your own domain"), max_length=500, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ShadowingStatus.choices,
        default=ShadowingStatus.REQUESTED,
    )
    reflection_seen = models.TextField(_("What did you see?"), blank=True, max_length=4000)
    reflection_surprised = models.TextField(
        _("What surprised you about the other domain?"), blank=True, max_length=4000
    )
    reflection_take_away = models.TextField(
        _("What will you take into your own work?"), blank=True, max_length=4000
    )
    reflection_question = models.TextField(
        _("What question do you bring to the next LIN meeting?"), blank=True, max_length=4000
    )
    reflection_written_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(_("reason"), max_length=500, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Who cancelled: the shadower or the host; the other one is told.
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=500, blank=True)
    # When the shadower last moved a day they logged themselves: the host is told.
    moved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The reminders about this day (deleted with it).
    reminder_deliveries = GenericRelation("reminders.Delivery", related_query_name="shadowing_day")

    class Meta:
        # The table keeps the name it had when shadowing was part of the meetings app.
        db_table = "meetings_shadowingday"
        verbose_name = _("shadowing day")
        verbose_name_plural = _("shadowing days")
        ordering = ["-date", "-starts_at"]
        constraints = [
            # A slot is booked once: a second live request for it fails in the database.
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(slot__isnull=False, status__in=ACTIVE_STATUSES),
                name="slot_booked_once",
                violation_error_message=_("This half-day has already been booked."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="shadowing_ends_after_start",
                violation_error_message=_("The end lies before the start."),
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=0, hours__lte=MAX_HOURS),
                name="shadowing_hours_in_range",
                violation_error_message=_(
                    "A shadowing day lasts more than 0 and at most 12 hours."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(shadower=F("host")),
                name="shadowing_not_oneself",
                violation_error_message=_("You cannot shadow yourself."),
            ),
            models.CheckConstraint(
                condition=~Q(status=ShadowingStatus.DECLINED) | ~Q(decline_reason=""),
                name="shadowing_decline_has_reason",
                violation_error_message=_("Give a reason for declining."),
            ),
            models.CheckConstraint(
                condition=~Q(status=ShadowingStatus.CANCELLED) | Q(cancelled_at__isnull=False),
                name="shadowing_cancelled_has_moment",
                violation_error_message=_("A cancelled day records when it was cancelled."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[ShadowingStatus.DONE, ShadowingStatus.CONFIRMED])
                | Q(reflection_written_at__isnull=False),
                name="shadowing_done_has_reflection",
                violation_error_message=_("A day is done once its reflection is written."),
            ),
        ]
        indexes = [
            models.Index(fields=["network", "date"]),
            models.Index(fields=["shadower", "date"]),
            models.Index(fields=["host", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.shadower} → {self.host}, {self.date} {self.get_dagdeel_display()}"

    # What templates ask instead of comparing status strings.
    @property
    def is_request(self) -> bool:
        return self.status == ShadowingStatus.REQUESTED

    @property
    def awaits_reflection(self) -> bool:
        """Agreed (or logged) and not yet reflected on."""
        return self.status == ShadowingStatus.PLANNED

    @property
    def reflection_due(self) -> bool:
        """Agreed (or logged), its date has come, and no reflection yet: the next step is
        the shadower's reflection, not "planned"."""
        return self.awaits_reflection and self.date <= timezone.localdate()

    @property
    def is_declined(self) -> bool:
        return self.status == ShadowingStatus.DECLINED

    @property
    def is_cancelled(self) -> bool:
        return self.status == ShadowingStatus.CANCELLED

    @property
    def is_closed(self) -> bool:
        """Declined or cancelled: counts for nothing."""
        return self.status in CLOSED_STATUSES

    @property
    def has_reflection(self) -> bool:
        return self.reflection_written_at is not None

    @property
    def starts(self) -> datetime:
        """The start as an aware moment (dates and times are Amsterdam wall-clock time)."""
        return timezone.make_aware(
            datetime.combine(self.date, self.starts_at), timezone.get_default_timezone()
        )

    def has_started(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.starts

    @property
    def cancelled_by_host(self) -> bool:
        return self.cancelled_by_id is not None and self.cancelled_by_id == self.host_id

    @property
    def was_request(self) -> bool:
        """A day asked for on a host's half-day that the host had not accepted (yet)."""
        return self.source == ShadowingSource.SLOT and self.accepted_at is None

    @property
    def dagdelen(self) -> int:
        from .choices import DAGDEEL_COUNT

        return DAGDEEL_COUNT.get(self.dagdeel, 1)


class ShadowingFeedback(models.Model):
    """A teacher's feedback on the reflection of a shadowing day; the student reads it."""

    day = models.ForeignKey(ShadowingDay, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("feedback"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table keeps the name it had when shadowing was part of the meetings app.
        db_table = "meetings_shadowingfeedback"
        verbose_name = _("feedback on a reflection")
        verbose_name_plural = _("feedback on reflections")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.author} on {self.day}"
