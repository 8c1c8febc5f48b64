"""Calendar feeds: one meeting as .ics, and the personal subscription feed with its page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from lin_platform.crumbs import Crumb
from lin_platform.site import site_host

from ..permissions import get_meeting_for_member
from ..selectors.meetings import meetings_visible_to
from ..services import feeds as services
from .record import meeting_page_url


def _ics_response(content: bytes, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-cache"
    return response


def _page_url(request):
    return lambda meeting: request.build_absolute_uri(meeting_page_url(meeting))


@login_required
def meeting_ics(request, slug, pk):
    meeting = get_meeting_for_member(request.user, pk, slug)
    content = services.meetings_to_ical(
        [meeting],
        user=request.user,
        host=site_host(),
        page_url=_page_url(request),
        name=meeting.title,
    )
    return _ics_response(content, f"meeting-{meeting.pk}.ics")


def feed(request, token):
    """The personal feed. Calendar apps do not sign in: the secret token is the key."""
    user = User.objects.filter(
        calendar_token=token, calendar_feed_enabled=True, is_active=True
    ).first()
    if user is None:
        raise Http404
    meetings = (
        meetings_visible_to(user)
        .filter(starts_at__gte=services.feed_window_start())
        .select_related("network")
        .prefetch_related("guest_speakers")
        .order_by("starts_at")
    )
    content = services.meetings_to_ical(
        meetings,
        user=user,
        host=site_host(),
        page_url=_page_url(request),
        name="LIN Platform",
    )
    return _ics_response(content)


def feed_url(request, user: User) -> str:
    return request.build_absolute_uri(reverse("meetings:feed", args=[user.calendar_token]))


@login_required
def feed_settings(request):
    user = request.user
    url = feed_url(request, user) if user.calendar_feed_enabled else ""
    context = {
        "crumbs": [
            Crumb(_("Agenda"), reverse("meetings:agenda")),
            Crumb(_("Calendar subscription")),
        ],
        "feed_url": url,
        "webcal_url": "webcal://" + url.split("://", 1)[1] if url else "",
        "enabled": user.calendar_feed_enabled,
    }
    return render(request, "meetings/feeds_settings.html", context)


@login_required
@require_POST
def feed_renew(request):
    services.calendar_feed_renew(user=request.user)
    messages.success(
        request, _("Your calendar feed has a new address. The old address no longer works.")
    )
    return redirect("meetings:feed_settings")


@login_required
@require_POST
def feed_disable(request):
    services.calendar_feed_disable(user=request.user)
    messages.success(request, _("Your calendar feed is switched off."))
    return redirect("meetings:feed_settings")
