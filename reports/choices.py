"""Vocabularies of placements: what came of an internship and what kind of contract."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    ACCEPTED = "accepted", _("Contract offered and accepted")
    OFFERED = "offered", _("Contract offered, not accepted")
    NONE = "none", _("No contract")


class ContractKind(models.TextChoices):
    JOB = "job", _("Job")
    FLEX = "flex", _("Flex work")
    STUDY = "study", _("Further study")
