"""What the network learns from: pseudonymised cases, pairs, lessons linked to themes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("Casework")

    def ready(self):
        from networks.demo import register_seeder
        from sessions.reminders.kinds import register_kinds

        from . import privacy
        from .demo import seed_casework_from_context
        from .network_page import register_network_page
        from .personal_data import register_section
        from .reminders import KINDS

        register_seeder("casework", seed_casework_from_context)
        register_kinds(*KINDS)
        register_section()
        register_network_page()
        privacy.register()
