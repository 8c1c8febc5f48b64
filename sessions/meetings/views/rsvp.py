"""Answering a meeting: an htmx button answered with a partial, or a plain form post."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform.feedback import validation_error_messages, validation_error_to_messages
from lin_platform.redirects import local_next

from .. import permissions
from ..choices import RsvpAnswer
from ..forms import RsvpForm
from ..services.rsvp import rsvp_answer, rsvp_problem
from .meetings import meeting_context, meeting_url


def _confirmation(rsvp) -> str:
    if rsvp.answer == RsvpAnswer.YES and rsvp.waitlisted:
        return _("The meeting is full: you are on the waiting list and move up when a place frees.")
    if rsvp.answer == RsvpAnswer.YES:
        return _("Thank you: you are coming.")
    if rsvp.answer == RsvpAnswer.NO:
        return _("Thank you: you are not coming.")
    return _("Thank you: you might come.")


@login_required
@require_POST
def rsvp(request, slug, pk):
    meeting = permissions.get_meeting_for_member(request.user, pk, slug)
    form = RsvpForm(request.POST)
    problem = None
    notice = None
    if not form.is_valid():
        problem = ValidationError(rsvp_problem(meeting) or _("Choose yes, no or maybe."))
    else:
        try:
            answered = rsvp_answer(
                meeting=meeting,
                user=request.user,
                answer=form.cleaned_data["answer"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            problem = error
        else:
            notice = _confirmation(answered)
    if request.htmx:
        error = " ".join(validation_error_messages(problem)) if problem else None
        context = meeting_context(request, meeting, rsvp_error=error, rsvp_notice=notice)
        return render(request, "meetings/partials/rsvp.html", context, status=200)
    if problem:
        validation_error_to_messages(request, problem)
    else:
        messages.success(request, notice)
    return HttpResponseRedirect(local_next(request, meeting_url(meeting)))
