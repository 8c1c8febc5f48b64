from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "sessions.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from networks.demo import register_seeder
        from sessions.reminders.kinds import register_kinds

        from . import privacy
        from .demo import seed_meetings_demo, seed_method_demo
        from .invitations import KINDS as INVITATION_KINDS
        from .network_page import register_network_page
        from .notices import NOTICE_KINDS, seed_notices_demo
        from .personal_data import register_section
        from .reminders import KINDS

        # Order matters: records and groups need the meetings.
        register_seeder("meetings", seed_meetings_demo)
        register_seeder("method", seed_method_demo)
        register_seeder("meeting_notices", seed_notices_demo)
        register_kinds(*KINDS, *INVITATION_KINDS)
        register_kinds(*NOTICE_KINDS)
        register_section()
        register_network_page()
        privacy.register()
