from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from . import privacy

        privacy.register()
        from . import personal_data, sections

        personal_data.register_section()
        sections.register_own_actions()
