"""A service's ``ValidationError`` shown to the user: on a form, or as flash messages.

Services refuse with ``django.core.exceptions.ValidationError``: one message, a list of
them, or a dict keyed by field. Views catch it and hand it to one of these helpers, which
show every message (with its params filled in) and drop none.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError


def validation_error_messages(error: ValidationError) -> list[str]:
    """Every message of ``error`` as text, params interpolated, in order."""
    return list(error.messages)


def validation_error_to_form(form, error: ValidationError, *, field: str | None = None) -> None:
    """Add every message of ``error`` to ``form``.

    The errors of a dict whose key is a field of the form go onto that field; the rest go
    to ``field`` (default: the form's non-field errors). Codes and params are kept.
    """
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            target = name if name in form.fields else field
            form.add_error(target, ValidationError(errors))
    else:
        form.add_error(field, ValidationError(error.error_list))


def validation_error_to_messages(request, error: ValidationError) -> None:
    """Every message of ``error`` as an error message (django.contrib.messages)."""
    for message in validation_error_messages(error):
        messages.error(request, message)
