"""Project-level views: the home page, which gathers what each app has for the person."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from networks import selectors as network_selectors
from sessions.selectors import meetings as meeting_selectors


@login_required
def home(request):
    context = {
        "memberships": list(network_selectors.networks_of(request.user)),
        "next_meetings": meeting_selectors.upcoming_for(request.user, limit=5),
        "unanswered": meeting_selectors.unanswered_for(request.user, limit=10),
    }
    return render(request, "home.html", context)
