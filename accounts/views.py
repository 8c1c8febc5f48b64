"""Views of the person: profile, language and their personal data (the reminder
preferences are in ``sessions.reminders``)."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lin_platform.crumbs import Crumb
from lin_platform.redirects import local_next

from . import personal_data
from .forms import ErasureForm, ProfileForm
from .services import (
    ErasureRefused,
    account_erase,
    account_erase_refusals,
    user_language_set,
    user_profile_update,
)


def _profile_crumbs(*rest: Crumb) -> list[Crumb]:
    """My profile › ``rest``."""
    return [Crumb(_("My profile"), reverse("accounts:profile")), *rest]


@login_required
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user_profile_update(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@require_POST
def language_set(request):
    """Switch the interface language; remembered in a cookie and on the account."""
    language = request.POST.get("language", "")
    supported = {code for code, _name in settings.LANGUAGES}
    response = HttpResponseRedirect(local_next(request, "/"))
    if language not in supported:
        messages.error(request, _("That language is not available."))
        return response
    if request.user.is_authenticated:
        user_language_set(user=request.user, language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


# --- Personal data (AVG/GDPR) ------------------------------------------------------------------


@login_required
def personal_data_overview(request):
    """What the platform keeps about the person, the download, and the way to erasure."""
    context = {
        "crumbs": _profile_crumbs(Crumb(_("My data"))),
        "sections": personal_data.sections(),
    }
    return render(request, "accounts/personal_data.html", context)


@login_required
def personal_data_download(request):
    """Everything the platform keeps about the person, as a JSON file."""
    data = personal_data.export_all(request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"lin-mijn-gegevens-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def personal_data_erase(request):
    """Erase one's own personal data after confirming with the current password."""
    refusals = account_erase_refusals(user=request.user)
    form = ErasureForm(request.POST or None, user=request.user)
    if request.method == "POST" and not refusals and form.is_valid():
        try:
            account_erase(user=request.user, by=request.user)
        except ErasureRefused as refused:  # something changed since the page was read
            refusals = refused.messages
        else:
            logout(request)
            return redirect("accounts:personal_data_erased")
    context = {
        "crumbs": _profile_crumbs(
            Crumb(_("My data"), reverse("accounts:personal_data")), Crumb(_("Erase my data"))
        ),
        "form": form,
        "refusals": refusals,
        "sections": personal_data.sections(),
    }
    return render(request, "accounts/personal_data_erase.html", context)


def personal_data_erased(request):
    """The confirmation after erasure; the person has been signed out."""
    if request.user.is_authenticated:
        return redirect("accounts:personal_data")
    return render(request, "accounts/personal_data_erased.html")
