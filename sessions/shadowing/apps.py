from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShadowingConfig(AppConfig):
    name = "sessions.shadowing"
    label = "shadowing"
    verbose_name = _("Shadowing")

    def ready(self):
        from networks.demo import register_seeder
        from sessions.reminders.kinds import register_kinds

        from . import privacy
        from .demo import seed_shadowing_demo
        from .network_page import register_network_page
        from .notices import NOTICE_KINDS, seed_notices_demo
        from .personal_data import register_section
        from .reminders import KINDS

        register_seeder("shadowing", seed_shadowing_demo)
        register_seeder("shadowing_notices", seed_notices_demo)
        register_kinds(*KINDS)
        register_kinds(*NOTICE_KINDS)
        register_section()
        register_network_page()
        privacy.register()
