"""Placements (internships) of students in a network with what came of them, the network's
report settings, and the coordinator's text of a period report."""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .choices import ContractKind, Outcome

_CONTRACT = (Outcome.ACCEPTED, Outcome.OFFERED)


class Placement(models.Model):
    """An internship of a student at a host organisation, in a network. At its end the
    coordinator or the teacher records the outcome; whether the person is still there a
    year after the contract started is recorded where known."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="placements"
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("student"),
    )
    host = models.ForeignKey(
        "networks.Organisation",
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("host organisation"),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supervised_placements",
        verbose_name=_("supervising professional (werkbegeleider)"),
    )
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="taught_placements",
        verbose_name=_("teacher"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    contract_organisation = models.ForeignKey(
        "networks.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placement_contracts",
        verbose_name=_("contract at"),
    )
    contract_starts_on = models.DateField(_("contract from"), null=True, blank=True)
    contract_kind = models.CharField(
        _("kind of contract"), max_length=20, choices=ContractKind.choices, blank=True
    )
    reason = models.CharField(_("reason (optional)"), max_length=300, blank=True)
    outcome_recorded_on = models.DateField(_("outcome recorded on"), null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    still_there_after_year = models.BooleanField(
        _("still there a year after the contract started"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="placement_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(outcome="")
                | Q(outcome_recorded_on__isnull=False, outcome_recorded_on__gte=F("ends_on")),
                name="placement_outcome_after_end",
            ),
            models.CheckConstraint(
                condition=~Q(outcome__in=_CONTRACT)
                | Q(
                    contract_organisation__isnull=False,
                    contract_starts_on__isnull=False,
                )
                & ~Q(contract_kind=""),
                name="placement_contract_complete",
            ),
        ]
        indexes = [models.Index(fields=["network", "student", "starts_on"])]

    def __str__(self) -> str:
        return f"{self.student} – {self.host} ({self.starts_on:%d-%m-%Y})"

    def overlapping(self):
        """Other placements of the same student in the same network whose period meets
        this one's (a check constraint cannot see other rows; the service locks them)."""
        return Placement.objects.filter(
            network_id=self.network_id,
            student_id=self.student_id,
            starts_on__lte=self.ends_on,
            ends_on__gte=self.starts_on,
        ).exclude(pk=self.pk)

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("A placement cannot end before it starts.")
        elif (
            self.starts_on
            and self.ends_on
            and self.student_id
            and self.network_id
            and self.overlapping().exists()
        ):
            errors["starts_on"] = _(
                "This student already has a placement in this network in that period."
            )
        if self.outcome:
            recorded, end = self.outcome_recorded_on, self.ends_on
            if recorded and end and recorded < end:
                # Not tied to a field: the placement form (dates) and the outcome form
                # (outcome) both show it.
                errors[NON_FIELD_ERRORS] = _(
                    "The outcome can be recorded only when the placement has ended "
                    "(on or after %(date)s)."
                ) % {"date": self.ends_on.strftime("%d-%m-%Y")}
            if self.outcome in _CONTRACT:
                if not self.contract_organisation_id:
                    errors["contract_organisation"] = _("Say at which organisation.")
                if not self.contract_starts_on:
                    errors["contract_starts_on"] = _("Say from when.")
                if not self.contract_kind:
                    errors["contract_kind"] = _("Say what kind of contract.")
        if errors:
            raise ValidationError(errors)

    @property
    def finished(self) -> bool:
        from django.utils import timezone

        return self.ends_on < timezone.localdate()


class ReportSettings(models.Model):
    """Per network: whether the contact persons of partner organisations see the dashboard."""

    network = models.OneToOneField(
        "networks.Network", on_delete=models.CASCADE, related_name="report_settings"
    )
    partners_see_dashboard = models.BooleanField(
        _("contact persons of partner organisations see the dashboard"), default=False
    )

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")

    def __str__(self) -> str:
        return str(self.network)


class PeriodText(models.Model):
    """The coordinator's own words for the report of a period: context, highlights, next
    steps. One per network and period."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="period_texts"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    context = models.TextField(_("context"), blank=True, max_length=4000)
    highlights = models.TextField(_("highlights"), blank=True, max_length=4000)
    next_steps = models.TextField(_("next steps"), blank=True, max_length=4000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("report text")
        verbose_name_plural = _("report texts")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "starts_on", "ends_on"], name="one_text_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.network} {self.starts_on} – {self.ends_on}"
