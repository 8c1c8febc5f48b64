"""Small helpers the view tests share: a URL by name, the flash messages and form errors of
a response."""

from django.contrib.messages import get_messages
from django.urls import reverse


def url(name: str, *args) -> str:
    """The path of the URL ``name`` (with its namespace, e.g. "shadowing:day") for ``args``."""
    return reverse(name, args=args)


def messages_of(response) -> list[str]:
    """The texts of the django messages of ``response``'s request, in order.

    Works on a redirect (the messages queued for the next page) and on a rendered page.
    """
    return [str(message) for message in get_messages(response.wsgi_request)]


def form_errors(response, form: str = "form", *, field: str | None = None) -> list[str]:
    """The error texts of the form ``form`` in ``response``'s context: its non-field errors,
    or those of ``field``."""
    bound = response.context[form]
    errors = bound.non_field_errors() if field is None else bound.errors.get(field, [])
    return list(errors)
