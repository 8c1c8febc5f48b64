from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from . import personal_data, privacy, sections

        personal_data.register_section()
        sections.register_own_actions()
        privacy.register()

        from .demo import register_seeder
        from .setup.demo import seed_setup

        register_seeder("networks.setup", seed_setup)
