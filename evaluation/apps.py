"""Measuring what networks bring: questionnaire rounds (RIPLS and others), one-minute
meeting evaluations, results by domain with paired change, and the researchers' export."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        pass
