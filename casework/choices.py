"""Vocabularies of casework: the states of a case and what is logged about it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("Being written")
    READY = "ready", _("Ready to present")
    PRESENTED = "presented", _("Presented")


class CaseAccessAction(models.TextChoices):
    VIEW = "view", _("Viewed the case")
    DOWNLOAD = "download", _("Downloaded an attachment")
