"""Rounds of a questionnaire, who is invited, the responses, the network's settings for
meeting evaluations, and the coordinators' own questionnaires.

A response keeps, next to its answers, the respondent's role, profession, domain and student
level *as they were when answering*: the figures are grouped by those, and stay the same
when the person later changes role, leaves the network or has their personal data erased
(erasure cuts the link to the person, ``respondent`` → NULL, and keeps the answers).
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.choices import Role

from .choices import wave_label

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Round(models.Model):
    """One measurement of an instrument in a network: the baseline (wave 0, T0) or a
    follow-up (T1, T2 …). Open from ``opens_on`` through ``closes_on`` (Amsterdam dates)
    once a coordinator has opened it (``opened_at``: the invitations are written then)."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="evaluation_rounds"
    )
    instrument_code = models.CharField(_("questionnaire"), max_length=50)
    wave = models.PositiveSmallIntegerField(_("measurement"), default=0)
    roles = models.JSONField(_("invited roles"), default=list, blank=True)
    joined_from = models.DateField(_("joined from"), null=True, blank=True)
    joined_until = models.DateField(_("joined until"), null=True, blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reminder_deliveries = GenericRelation(
        "reminders.Delivery", related_query_name="evaluation_round"
    )

    class Meta:
        verbose_name = _("questionnaire round")
        verbose_name_plural = _("questionnaire rounds")
        ordering = ["instrument_code", "wave"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="round_closes_after_opening",
                violation_error_message=_("The round closes before it opens."),
            ),
            models.UniqueConstraint(
                fields=["network", "instrument_code", "wave"],
                name="one_round_per_instrument_wave",
                violation_error_message=_(
                    "This network already has this measurement of this questionnaire."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} · {self.instrument_code}"

    @property
    def label(self) -> str:
        return wave_label(self.wave)

    @property
    def is_baseline(self) -> bool:
        return self.wave == 0

    @property
    def opens_at(self) -> dt.datetime:
        return dt.datetime.combine(self.opens_on, dt.time(0, 0), tzinfo=AMSTERDAM)

    @property
    def closes_at(self) -> dt.datetime:
        """The first moment the round is closed: midnight after ``closes_on``."""
        return dt.datetime.combine(
            self.closes_on + dt.timedelta(days=1), dt.time(0, 0), tzinfo=AMSTERDAM
        )

    def is_open(self, now: dt.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opened_at is not None and self.opens_at <= now < self.closes_at

    def is_closed(self, now: dt.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    def status(self, now: dt.datetime | None = None) -> str:
        if self.opened_at is None:
            return "draft"
        now = now or timezone.now()
        if now < self.opens_at:
            return "scheduled"
        return "closed" if self.is_closed(now) else "open"

    def get_status_display(self) -> str:
        return str(ROUND_STATUS[self.status()])

    def get_roles_display(self) -> str:
        if not self.roles:
            return str(_("everyone"))
        return ", ".join(str(Role(role).label) for role in self.roles)


ROUND_STATUS = {
    "draft": _("not opened yet"),
    "scheduled": _("opens soon"),
    "open": _("open"),
    "closed": _("closed"),
}


class RoundInvitee(models.Model):
    """Someone invited to a round. ``user`` is emptied when the person's data is erased, so
    the response rate keeps its denominator."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="invitees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="evaluation_invitations",
    )
    invited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("invitee")
        verbose_name_plural = _("invitees")
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="one_invitation_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.round}"


class Response(models.Model):
    """One person's answers to a round or to a meeting's evaluation; a draft until
    ``submitted_at``."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="evaluation_responses"
    )
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, null=True, blank=True, related_name="responses"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evaluation_responses",
    )
    instrument_code = models.CharField(_("questionnaire"), max_length=50)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_responses",
    )
    role = models.CharField(_("role"), max_length=30, blank=True)
    profession = models.CharField(_("profession"), max_length=40, blank=True)
    domain = models.CharField(_("domain"), max_length=20, blank=True)
    student_level = models.CharField(_("student level"), max_length=10, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.CheckConstraint(
                condition=Q(round__isnull=False, meeting__isnull=True)
                | Q(round__isnull=True, meeting__isnull=False),
                name="response_to_round_or_meeting",
            ),
            models.UniqueConstraint(
                fields=["round", "respondent"],
                condition=Q(round__isnull=False, respondent__isnull=False),
                name="one_response_per_round",
            ),
            models.UniqueConstraint(
                fields=["meeting", "respondent"],
                condition=Q(meeting__isnull=False, respondent__isnull=False),
                name="one_response_per_meeting",
            ),
        ]
        indexes = [models.Index(fields=["network", "instrument_code"])]

    def __str__(self) -> str:
        return f"{self.instrument_code} #{self.pk}"


class MeetingEvaluationSetting(models.Model):
    """Whether a network asks those present for a one-minute evaluation after a meeting,
    and with which instrument. A network without a row has them on (the default)."""

    network = models.OneToOneField(
        "networks.Network", on_delete=models.CASCADE, related_name="meeting_evaluation"
    )
    enabled = models.BooleanField(_("ask those present to evaluate each meeting"), default=True)
    instrument_code = models.CharField(_("questionnaire"), max_length=50, default="meeting-1")

    class Meta:
        verbose_name = _("meeting evaluation setting")
        verbose_name_plural = _("meeting evaluation settings")

    def __str__(self) -> str:
        return str(self.network)


class CustomInstrument(models.Model):
    """A coordinator's own questionnaire, from the platform's item types, in Dutch and
    English. ``items``: a list of {code, kind, text_nl, text_en, required, options:
    [{value, nl, en}]}. Frozen once a round of it has a response."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="custom_instruments"
    )
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    items = models.JSONField(_("questions"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("own questionnaire")
        verbose_name_plural = _("own questionnaires")

    def __str__(self) -> str:
        return self.title_nl

    @property
    def code(self) -> str:
        return f"custom-{self.pk}"
