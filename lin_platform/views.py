"""Project-level views: the home page, which gathers what each app has for the person."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from casework import selectors as casework_selectors
from networks import selectors as network_selectors
from reports.compare import can_compare
from sessions.meetings.selectors import meetings as meeting_selectors
from sessions.shadowing import selectors as shadowing_selectors


@login_required
def home(request):
    memberships = list(network_selectors.networks_of(request.user))
    context = {
        "memberships": memberships,
        "next_meetings": meeting_selectors.upcoming_for(request.user, limit=5),
        "unanswered": meeting_selectors.unanswered_for(request.user, limit=10),
        "teaching": casework_selectors.teacher_home(request.user, memberships=memberships),
        "pair_cases": casework_selectors.pair_cases(request.user, memberships=memberships),
        "shadowing": shadowing_selectors.home_for(request.user, memberships),
        "can_compare": can_compare(request.user, memberships),
    }
    return render(request, "home.html", context)


def csrf_failure(request, reason=""):
    """A refused form post (expired session, a form left open too long, cookies blocked):
    our own page in the platform's voice instead of Django's technical one."""
    return render(request, "403_csrf.html", status=403)
