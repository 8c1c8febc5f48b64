from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    # The label is not "sessions": django.contrib.sessions has that one.
    name = "sessions"
    label = "meetings"
    verbose_name = _("Meetings and shadowing")
