"""Breakout groups of a meeting: divide the people present into mixed groups, move people."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform.feedback import validation_error_messages, validation_error_to_messages

from ..crumbs import meeting_crumbs
from ..forms.method import GroupMoveForm, GroupSizeForm
from ..models import Meeting
from ..permissions import can_run_meeting, get_meeting_for_member, get_meeting_for_runner
from ..selectors.groups import groups_of, people_to_divide
from ..services import groups as services
from .record import meeting_page_url


def _groups_url(meeting: Meeting) -> str:
    return reverse("meetings:groups", args=[meeting.network.slug, meeting.pk])


def _board_context(request, meeting: Meeting) -> dict:
    return {
        "meeting": meeting,
        "network": meeting.network,
        "groups": groups_of(meeting),
        "can_run": can_run_meeting(request.user, meeting),
    }


@login_required
def groups(request, slug, pk):
    meeting = get_meeting_for_member(request.user, pk, slug)
    context = _board_context(request, meeting)
    context["meeting_url"] = meeting_page_url(meeting)
    context["crumbs"] = meeting_crumbs(
        meeting, request.user, _("Breakout groups"), with_agenda=False
    )
    if context["can_run"]:
        context["size_form"] = GroupSizeForm()
        context["available"] = len(people_to_divide(meeting))
    return render(request, "meetings/groups_page.html", context)


@login_required
@require_POST
def groups_make(request, slug, pk):
    meeting = get_meeting_for_runner(request.user, pk, slug)
    form = GroupSizeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Choose a group size from %(min)s to %(max)s.")
            % {"min": services.MIN_GROUP_SIZE, "max": services.MAX_GROUP_SIZE},
        )
        return redirect(_groups_url(meeting))
    try:
        made = services.breakout_groups_make(
            meeting=meeting, size=form.cleaned_data["size"], seed=secrets.randbelow(2**31)
        )
    except ValidationError as error:
        validation_error_to_messages(request, error)
    else:
        messages.success(request, services.groups_made_message(len(made)))
    return redirect(_groups_url(meeting))


@login_required
@require_POST
def groups_move(request, slug, pk):
    meeting = get_meeting_for_runner(request.user, pk, slug)
    form = GroupMoveForm(request.POST)
    problem = None
    moved = None
    if not form.is_valid():
        problem = ValidationError(_("That group does not exist."))
    else:
        try:
            moved = services.breakout_group_member_move(
                meeting=meeting,
                user_id=form.cleaned_data["person"],
                number=form.cleaned_data["group"],
            )
        except ValidationError as exc:
            problem = exc
    success = (
        _("%(name)s is now in group %(number)s.")
        % {"name": moved.get_full_name(), "number": form.cleaned_data["group"]}
        if moved
        else None
    )
    if request.htmx:
        context = _board_context(request, meeting)
        error = " ".join(validation_error_messages(problem)) if problem else None
        context.update(error=error, success=success)
        return render(request, "meetings/partials/groups_board.html", context)
    if problem:
        validation_error_to_messages(request, problem)
    else:
        messages.success(request, success)
    return redirect(_groups_url(meeting))
