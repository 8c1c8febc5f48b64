"""The attachment guard of casework: the shared upload guard (:mod:`lin_platform.uploads`)
with the case attachments' own size limit, ``CASEWORK_ATTACHMENT_MAX_BYTES``."""

from django.conf import settings

from lin_platform.uploads import CheckedFile, check_upload, max_upload_bytes


def max_attachment_bytes() -> int:
    return getattr(settings, "CASEWORK_ATTACHMENT_MAX_BYTES", max_upload_bytes())


def check_attachment(uploaded) -> CheckedFile:
    """Refuses (ValidationError) a file that is too large, of a kind not allowed, or whose
    content does not match its name. Returns the checked kind."""
    return check_upload(uploaded, max_bytes=max_attachment_bytes())
