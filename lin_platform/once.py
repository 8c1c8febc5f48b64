"""A form is stored once, however often it is posted (a double click, a reload after "sent").

The form carries a hidden random token (:class:`OnceFormMixin`). The view claims the token
before it creates anything (:func:`claim`: ``cache.add``, atomic, kept an hour); a second post
with the same token is sent to what the first one made instead of making a second::

    if form.is_valid():
        if (earlier := once.claim(request, form, fallback=list_url)) is not None:
            return redirect(earlier)
        try:
            thing = services.thing_create(...)
        except ValidationError as error:
            once.release(request, form)          # the person may correct and send again
            ...
        else:
            url = thing_url(thing)
            once.done(request, form, url)
            return redirect(url)

A post without a token (an old page, a script) is not deduplicated.
"""

import secrets

from django import forms
from django.core.cache import cache

FIELD = "once"
TIMEOUT = 60 * 60
PENDING = ""


class OnceFormMixin(forms.Form):
    """Adds the hidden ``once`` field with a new random token for each unbound form."""

    once = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields[FIELD].initial = secrets.token_urlsafe(24)


def _key(request, form) -> str | None:
    token = form.cleaned_data.get(FIELD) if hasattr(form, "cleaned_data") else None
    if not token:
        return None
    return f"once:{request.user.pk}:{token}"


def claim(request, form, *, fallback: str) -> str | None:
    """None when this post is the first with its token (go on and create); otherwise where to
    send the person: what the first post made, or ``fallback`` while it is still being made."""
    key = _key(request, form)
    if key is None or cache.add(key, PENDING, TIMEOUT):
        return None
    return cache.get(key) or fallback


def done(request, form, url: str) -> None:
    """Remember where the first post led, for the posts that repeat it."""
    if (key := _key(request, form)) is not None:
        cache.set(key, url, TIMEOUT)


def release(request, form) -> None:
    """The post made nothing (refused): the same token may be sent again."""
    if (key := _key(request, form)) is not None:
        cache.delete(key)
