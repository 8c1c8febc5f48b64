"""Measuring what networks bring: questionnaire rounds (RIPLS and others), one-minute
meeting evaluations, results by domain with paired change, and the researchers' export."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        from networks import outbox
        from networks.demo import register_seeder
        from sessions.reminders.kinds import register_kinds

        from .demo import seed_evaluation
        from .network_page import register_pages
        from .personal_data import register_section
        from .privacy import register as register_privacy
        from .reminders import KINDS
        from .services import on_network_event

        register_kinds(*KINDS)
        register_pages()
        register_section()
        register_privacy()
        register_seeder("evaluation", seed_evaluation)
        outbox.connect(on_network_event)
