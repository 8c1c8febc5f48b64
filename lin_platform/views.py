"""Project-level views: the home page, which gathers what each app has for the person."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from casework import selectors as casework_selectors
from evaluation import selectors as evaluation_selectors
from networks import selectors as network_selectors
from reports.compare import can_compare
from sessions.meetings.selectors import meetings as meeting_selectors
from sessions.meetings.selectors import record as record_selectors
from sessions.shadowing import selectors as shadowing_selectors


@login_required
def home(request):
    """What needs the person first (answers, reflections, confirmations, feedback,
    questionnaires, actions), then their next meetings, then their networks with a few
    live figures. A constant number of queries whatever the amount of data."""
    user = request.user
    memberships = list(network_selectors.networks_of(user))
    network_ids = [m.network_id for m in memberships]
    shadowing = shadowing_selectors.home_for(user, memberships)
    unanswered = meeting_selectors.unanswered_for(user, limit=10)
    feedback = shadowing_selectors.feedback_waiting_for(user, memberships)
    questionnaires = evaluation_selectors.open_rounds_home(user, memberships)
    actions = record_selectors.actions_due_for(user)
    members = network_selectors.member_counts(network_ids) if network_ids else {}
    figures = meeting_selectors.network_figures(user, network_ids) if network_ids else {}
    for membership in memberships:
        row = figures.get(membership.network_id, {})
        membership.member_count = members.get(membership.network_id, 0)
        membership.next_meeting_at = row.get("next")
        membership.meetings_this_month = row.get("this_month", 0)
    waiting_count = (
        len(unanswered)
        + len(shadowing.to_reflect)
        + len(shadowing.requests)
        + len(shadowing.to_confirm)
        + len(feedback)
        + len(questionnaires)
        + len(actions)
    )
    context = {
        "memberships": memberships,
        "next_meetings": meeting_selectors.upcoming_for(user, limit=5),
        "unanswered": unanswered,
        "feedback_waiting": feedback,
        "questionnaires": questionnaires,
        "actions_due": actions,
        "waiting_count": waiting_count,
        "teaching": casework_selectors.teacher_home(user, memberships=memberships),
        "pair_cases": casework_selectors.pair_cases(user, memberships=memberships),
        "shadowing": shadowing,
        "can_compare": can_compare(user, memberships),
    }
    return render(request, "home.html", context)


def csrf_failure(request, reason=""):
    """A refused form post (expired session, a form left open too long, cookies blocked):
    our own page in the platform's voice instead of Django's technical one."""
    return render(request, "403_csrf.html", status=403)
