"""Where to go after a form post: a ``next`` field, but only when it is a path on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def local_next(request, fallback: str) -> str:
    """The posted ``next`` when it is a local path (``/...``, same host), else ``fallback``.

    ``abc`` (would be reversed as a view name), ``//evil`` and ``https://evil.example`` are
    all refused; the caller's normal redirect is used instead.
    """
    target = request.POST.get("next", "")
    if (
        target.startswith("/")
        and not target.startswith("//")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return fallback
