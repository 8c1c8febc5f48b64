"""Answering from the invitation mail without signing in (the signed link), answering a whole
series at once, and "remind them now" for those who have not answered."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from lin_platform.feedback import validation_error_messages, validation_error_to_messages
from lin_platform.redirects import local_next
from networks.permissions import is_member

from .. import permissions
from ..choices import RsvpAnswer
from ..forms import RsvpForm
from ..invitations import AlreadyRemindedToday, InvalidToken, answer_token_read, rsvp_remind_now
from ..models import Meeting, MeetingSeries, Rsvp
from ..services.rsvp import rsvp_answer, rsvp_problem, rsvp_series_answer, series_open_meetings
from .meetings import meeting_context, meeting_url
from .rsvp import _confirmation


def _series_confirmation(rsvps) -> str:
    answer = rsvps[0].answer
    waiting = sum(1 for r in rsvps if r.waitlisted)
    if answer == RsvpAnswer.YES and waiting:
        return ngettext(
            "Thank you: you are coming to every meeting of the series; %(count)d meeting is "
            "full, there you are on the waiting list.",
            "Thank you: you are coming to every meeting of the series; %(count)d meetings are "
            "full, there you are on the waiting list.",
            waiting,
        ) % {"count": waiting}
    if answer == RsvpAnswer.YES:
        return ngettext(
            "Thank you: you are coming to the %(count)d meeting of the series.",
            "Thank you: you are coming to all %(count)d meetings of the series.",
            len(rsvps),
        ) % {"count": len(rsvps)}
    if answer == RsvpAnswer.NO:
        return ngettext(
            "Thank you: you are not coming to the %(count)d meeting of the series.",
            "Thank you: you are not coming to any of the %(count)d meetings of the series.",
            len(rsvps),
        ) % {"count": len(rsvps)}
    return ngettext(
        "Thank you: you might come to the %(count)d meeting of the series.",
        "Thank you: you might come to the %(count)d meetings of the series.",
        len(rsvps),
    ) % {"count": len(rsvps)}


def _answer_page(request, context, status=200):
    return render(request, "meetings/invitation_answer.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_answer(request, token: str):
    """The answer link of an invitation: a page that shows the answer the link stands for,
    asks to confirm it (a mail scanner following the link answers nothing), records it and
    offers to change it. Forged or altered: 404. Closed (started, cancelled) or a person who
    left the network: a page that says so; nothing changes."""
    try:
        link = answer_token_read(token)
    except InvalidToken as error:
        raise Http404 from error
    person = User.objects.filter(pk=link.user_pk).first()
    language = translation.get_language()
    if person is not None and person.language and not request.user.is_authenticated:
        language = person.language  # the language of the mail the link came in
    with translation.override(language):
        return _invitation_answer(request, link, person)


def _invitation_answer(request, link, person):
    if link.series_pk is not None:
        series = MeetingSeries.objects.select_related("network").filter(pk=link.series_pk).first()
        meeting = None
        if series is None or person is None:
            raise Http404
        network = series.network
    else:
        meeting = (
            Meeting.objects.select_related("network", "series").filter(pk=link.meeting_pk).first()
        )
        series = None
        if meeting is None or person is None:
            raise Http404
        network = meeting.network
    if request.user.is_authenticated and request.user.pk != person.pk:
        context = {"refused": _("This link belongs to mail sent to someone else. Nothing changed.")}
        return _answer_page(request, context, status=403)
    context = {
        "person": person,
        "network": network,
        "meeting": meeting,
        "series": series,
        "choice": link.answer,
        "choices": RsvpAnswer.choices,
    }
    open_meetings = []
    if not person.is_active:
        problem = _("This link no longer works: the account it was sent to was closed.")
    elif series is not None:
        open_meetings = series_open_meetings(series, person)
        if open_meetings:
            problem = None
        elif is_member(person, network):
            problem = _(
                "Every meeting of this series has started or was cancelled; answers are closed."
            )
        else:
            problem = _left(network)
    elif not permissions.can_see_meeting(person, meeting):
        problem = _left(network)
    else:
        problem = rsvp_problem(meeting)
    context["problem"] = problem
    if request.method == "POST" and problem is None:
        context.update(_record(request, link, person, meeting, open_meetings))
        if series is not None:
            open_meetings = series_open_meetings(series, person)
    if series is not None:
        answers = dict(
            Rsvp.objects.filter(user=person, meeting__in=open_meetings).values_list(
                "meeting_id", "answer"
            )
        )
        context["meetings"] = [(m, answers.get(m.pk)) for m in open_meetings]
        context["first"] = open_meetings[0] if open_meetings else None
    elif meeting is not None:
        mine = Rsvp.objects.filter(user=person, meeting=meeting).first()
        context["my_rsvp"] = mine
    return _answer_page(request, context)


def _left(network) -> str:
    return _(
        "You are no longer a member of %(network)s, so this link no longer works. Nothing "
        "was changed."
    ) % {"network": network.name}


def _record(request, link, person, meeting, open_meetings) -> dict:
    """Apply the posted answer (or the link's); returns what the page says about it."""
    answer = request.POST.get("answer", link.answer)
    if answer not in RsvpAnswer.values:
        answer = link.answer
    reason = (request.POST.get("reason") or "")[:300]
    one = request.POST.get("meeting", "")
    try:
        if meeting is not None:
            notice = _confirmation(
                rsvp_answer(meeting=meeting, user=person, answer=answer, reason=reason)
            )
        elif one:
            chosen = next((m for m in open_meetings if str(m.pk) == one), None)
            if chosen is None:
                raise ValidationError(_("This meeting is no longer open for answers."))
            notice = _confirmation(
                rsvp_answer(meeting=chosen, user=person, answer=answer, reason=reason)
            )
            when = date_format(timezone.localtime(chosen.starts_at), "j F")
            notice = _("%(date)s: %(notice)s") % {"date": when, "notice": notice}
        else:
            notice = _series_confirmation(
                rsvp_series_answer(
                    series=open_meetings[0].series, user=person, answer=answer, reason=reason
                )
            )
    except ValidationError as error:
        return {"error": " ".join(validation_error_messages(error))}
    return {"notice": notice, "confirmed": True}


@login_required
@require_POST
def rsvp_series(request, slug, pk):
    """Answer every meeting still to come of the series of meeting ``pk``."""
    meeting = permissions.get_meeting_for_member(request.user, pk, slug)
    if meeting.series_id is None:
        raise Http404
    form = RsvpForm(request.POST)
    problem = notice = None
    if not form.is_valid():
        problem = ValidationError(_("Choose yes, no or maybe."))
    else:
        try:
            rsvps = rsvp_series_answer(
                series=meeting.series,
                user=request.user,
                answer=form.cleaned_data["answer"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            problem = error
        else:
            notice = _series_confirmation(rsvps)
    if request.htmx:
        error = " ".join(validation_error_messages(problem)) if problem else None
        context = meeting_context(request, meeting, rsvp_error=error, rsvp_notice=notice)
        return render(request, "meetings/partials/rsvp.html", context)
    if problem:
        validation_error_to_messages(request, problem)
    else:
        messages.success(request, notice)
    return HttpResponseRedirect(local_next(request, meeting_url(meeting)))


@login_required
@require_POST
def remind_unanswered(request, slug, pk):
    """ "Remind them now": the invitees who have not answered get a reminder through the
    outbox; once per meeting per day (a second click says it was already sent today)."""
    meeting = permissions.get_meeting_for_runner(request.user, pk, slug)
    try:
        count = rsvp_remind_now(meeting=meeting)
    except AlreadyRemindedToday as error:
        messages.info(request, " ".join(validation_error_messages(error)))
    except ValidationError as error:
        validation_error_to_messages(request, error)
    else:
        messages.success(
            request,
            ngettext(
                "A reminder is on its way to %(count)d person who has not answered.",
                "A reminder is on its way to %(count)d people who have not answered.",
                count,
            )
            % {"count": count},
        )
    return redirect(meeting_url(meeting) + "#unanswered")
