"""The reminder log of a network, for its coordinators: sent, failed (with the reason),
pending and withdrawn deliveries (staff see every network's log in the admin); a person's
reminder preferences, the signed one-click link in every mail, and the notification centre
(the bell in the top bar)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from accounts.services import user_reminder_preferences_update, user_reminder_switch
from lin_platform.crumbs import Crumb, network_crumbs
from networks.permissions import get_network_for_coordinator

from . import centre
from .forms import ReminderPreferencesForm
from .kinds import kind_choices, kind_label
from .pages import log_parent
from .permissions import get_notification_for_recipient
from .selectors import LOG_FILTERS, deliveries_of_network, notifications_of
from .services import notification_open, notifications_mark_all_read
from .tokens import InvalidToken, preferences_token_read

PAGE_SIZE = 50
NOTIFICATIONS_PAGE_SIZE = 30


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
            reminders_off=form.reminders_off(),
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


@login_required
def notifications(request):
    """The person's notifications, newest first; unread ones stand out."""
    page = Paginator(notifications_of(request.user), NOTIFICATIONS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "crumbs": [Crumb(_("Notifications"))],
        "page": page,
        "items": centre.items_for(request.user, list(page.object_list)),
    }
    return render(request, "reminders/notifications.html", context)


@login_required
def notification_detail(request, pk: int):
    """Opening a notification marks it read and leads to where to act; for something the
    person may no longer see it says so, and nothing of what it was about."""
    notification = get_notification_for_recipient(request.user, pk)
    notification_open(notification=notification)
    url = centre.open_url(request.user, notification)
    if url is None:
        crumbs = [Crumb(_("Notifications"), reverse("reminders:notifications"))]
        crumbs.append(Crumb(_("No longer available")))
        return render(request, "reminders/notification_gone.html", {"crumbs": crumbs})
    return redirect(url)


@login_required
@require_POST
def notifications_read(request):
    """Mark all read."""
    count = notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("reminders:notifications")
