"""What evaluation shows on pages of the floors below it, through their registries: the
Evaluation button and "your questionnaires" on the network page (:mod:`networks.sections`),
and the evaluation of a meeting on its page (:mod:`sessions.meetings.sections`)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.sections import register_network_action, register_network_section
from sessions.meetings.sections import register_meeting_section

from . import permissions, selectors, services
from .stats import min_group


def _my_questionnaires(request, network):
    items = selectors.open_rounds_for(request.user, network)
    return {"items": items} if items else None


def _meeting_section(request, meeting):
    user = request.user
    now = timezone.now()
    context = {"can_answer": False, "results": None}
    if meeting.ends_at <= now and services.meeting_answer_problem(meeting, user, now=now) is None:
        context["can_answer"] = True
    if meeting.ends_at <= now and permissions.can_see_meeting_evaluation(user, meeting):
        instrument, subscales, open_answers, count = selectors.meeting_results(meeting)
        context["results"] = {
            "instrument": instrument,
            "subscales": subscales,
            "open_answers": open_answers,
            "count": count,
            "min_group": min_group(),
            "can_trend": meeting.series_id is not None
            and permissions.can_manage_evaluation(user, meeting.network),
        }
    if not context["can_answer"] and context["results"] is None:
        return None
    return context


def register_pages() -> None:
    register_network_action(
        "evaluation.index",
        url=lambda network: reverse("evaluation:index", args=[network.slug]),
        label=_("Evaluation"),
        order=70,
        visible=permissions.can_see_results,
    )
    register_network_section(
        "evaluation.mine",
        template="evaluation/partials/network_questionnaires.html",
        context=_my_questionnaires,
        order=5,
    )
    register_meeting_section(
        "evaluation.meeting",
        template="evaluation/partials/meeting_section.html",
        context=_meeting_section,
        order=10,
    )
