from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    # The label is not "sessions": django.contrib.sessions has that one.
    name = "sessions"
    label = "meetings"
    verbose_name = _("Meetings and shadowing")

    def ready(self):
        from networks.demo import register_seeder

        from .demo import seed_meetings_demo, seed_method_demo
        from .demo.shadowing import seed_shadowing_demo
        from .personal_data import register_section

        # Order matters: records and groups need the meetings.
        register_seeder("meetings", seed_meetings_demo)
        register_seeder("method", seed_method_demo)
        register_seeder("shadowing", seed_shadowing_demo)
        register_section()
