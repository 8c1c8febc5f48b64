from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "sessions.reminders"
    label = "reminders"
    verbose_name = _("Reminders")

    def ready(self):
        from . import network_kinds, privacy
        from .personal_data import register_section

        register_section()
        network_kinds.register()
        privacy.register()
