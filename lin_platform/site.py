"""The platform's own address, as mails and calendar files name it."""

from urllib.parse import urlsplit

from django.conf import settings


def site_host() -> str:
    """The host in calendar UIDs and Message-IDs: from SITE_URL, never from the request, so
    that the feed, the .ics download and a reminder's attachment name the same event."""
    return urlsplit(settings.SITE_URL).hostname or "lin-platform.local"
