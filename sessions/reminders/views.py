"""The reminder log of a network, for its coordinators: sent, failed (with the reason),
pending and withdrawn deliveries (staff see every network's log in the admin); a person's
reminder preferences, and the signed one-click link in every mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.models import User
from accounts.services import user_reminder_preferences_update, user_reminder_switch
from lin_platform.crumbs import Crumb, network_crumbs
from networks.permissions import get_network_for_coordinator

from .forms import ReminderPreferencesForm
from .kinds import kind_choices, kind_label
from .pages import log_parent
from .selectors import LOG_FILTERS, deliveries_of_network
from .tokens import InvalidToken, preferences_token_read

PAGE_SIZE = 50


@login_required
def reminder_log(request, slug: str):
    network = get_network_for_coordinator(request.user, slug)
    status = request.GET.get("status", "")
    if status not in LOG_FILTERS:
        status = ""
    page = Paginator(deliveries_of_network(network, status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    parent = log_parent(network)
    context = {
        "crumbs": network_crumbs(
            network, *([parent] if parent else []), Crumb(_("Sent reminders")), home=False
        ),
        "network": network,
        "page": page,
        "status": status,
        "filters": list(LOG_FILTERS),
    }
    return render(request, "reminders/log.html", context)


@login_required
def reminder_preferences(request):
    """Each kind of reminder on or off, and the lead times of meeting reminders."""
    form = ReminderPreferencesForm.for_user(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user_reminder_preferences_update(
            user=request.user,
            reminders_off=form.cleaned_data["reminders_off"],
            meeting_reminder_minutes=(
                form.cleaned_data["lead_times"] or request.user.meeting_reminder_minutes
            ),
        )
        messages.success(request, _("Your reminder preferences have been saved."))
        return redirect("reminders:preferences")
    crumbs = [Crumb(_("My profile"), reverse("accounts:profile")), Crumb(_("My reminders"))]
    return render(request, "reminders/reminder_preferences.html", {"crumbs": crumbs, "form": form})


def _link_refused(request, message: str, status: int):
    return render(
        request, "reminders/reminder_link_refused.html", {"message": message}, status=status
    )


# Mail clients post the one-click unsubscribe (RFC 8058) without a CSRF token; the signed
# token in the URL is what authorises the change, not a session.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def reminder_link(request, token: str):
    """The link in every reminder mail: switch that kind off (or on again) in one click."""
    try:
        user_pk, kind = preferences_token_read(token)
    except InvalidToken:
        return _link_refused(
            request,
            _(
                "This link is not valid. Copy the whole link from the mail, or sign in and "
                "change your reminders on your profile."
            ),
            400,
        )
    person = User.objects.filter(pk=user_pk, is_active=True).first()
    if person is None:
        return _link_refused(request, _("This link is not valid any more."), 400)
    if request.user.is_authenticated and request.user.pk != person.pk:
        return _link_refused(
            request,
            _("This link belongs to mail sent to someone else. Nothing has been changed."),
            403,
        )
    # A token without a kind (none are made now) stands for the first kind of My reminders.
    kind = kind or kind_choices()[0][0]
    if request.method == "POST":
        on = request.POST.get("switch") == "on"
        user_reminder_switch(user=person, kind=kind, on=on)
    context = {
        "person": person,
        "kind_label": kind_label(kind),
        "is_on": person.wants_reminder(kind),
        "switched": request.method == "POST",
    }
    return render(request, "reminders/reminder_link.html", context)
