"""What a network shows of its work: internships followed to a contract (placements), the
network dashboard for a period, the period report (PDF and XLSX) and networks side by side."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from networks.demo import register_seeder

        from .demo import seed_placements
        from .network_page import register_pages
        from .personal_data import register_section
        from .privacy import register as register_privacy

        register_pages()
        register_section()
        register_privacy()
        register_seeder("reports", seed_placements)
