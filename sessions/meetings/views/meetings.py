"""Views of meetings: schedule (one or a series, with a preview), the meeting page, edit,
cancel, mark as held."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lin_platform import once
from lin_platform.feedback import validation_error_to_form, validation_error_to_messages
from networks.permissions import can_manage_network, get_network_for_coordinator

from .. import permissions
from ..choices import MeetingStatus
from ..crumbs import meeting_crumbs, network_agenda_crumbs
from ..forms import CancelForm, CheckInForm, EditForm, RsvpForm, ScheduleForm
from ..invitations import reminded_today
from ..models import Meeting
from ..qr import checkin_qr_svg
from ..rules import local_zone, occurrence_times, series_dates
from ..sections import render_meeting_sections
from ..selectors.meetings import meeting_page, series_answers, unanswered_invitees
from ..selectors.planning import planning_warnings, warnings_digest
from ..services import meetings as services
from ..services.attendance import checkin_window_open
from ..services.rsvp import rsvp_problem


@login_required
def meeting_schedule(request, slug):
    """Schedule one meeting or a series. "Preview" shows the dates without saving."""
    network = get_network_for_coordinator(request.user, slug)
    form = ScheduleForm(request.POST if request.method == "POST" else None, network=network)
    preview = None
    warnings = digest = None
    if request.method == "POST" and form.is_valid():
        wants_preview = "preview" in request.POST
        agenda_url = reverse("meetings:network_agenda", args=[network.slug])
        try:
            dates = series_dates(form.rule()) if form.is_series() else [form.cleaned_data["day"]]
            occurrences = occurrence_times(
                dates, form.cleaned_data["start_time"], form.cleaned_data["end_time"]
            )
            details = form.details()
            warnings = planning_warnings(
                network=network,
                title=details.title,
                format=details.format,
                occurrences=occurrences,
                people=[details.facilitator],
            )
            digest = warnings_digest(warnings) if warnings else None
            if wants_preview:
                preview = occurrences
            elif (earlier := once.claim(request, form, fallback=agenda_url)) is not None:
                return redirect(earlier)  # a second post of the same form
            elif digest is not None and request.POST.get("warnings_seen") != digest:
                # Shown with a "save anyway" confirm: nothing is saved yet.
                once.release(request, form)
            elif form.is_series():
                series = services.meeting_series_schedule(
                    network=network,
                    details=form.details(),
                    rule=form.rule(),
                    start_time=form.cleaned_data["start_time"],
                    end_time=form.cleaned_data["end_time"],
                    created_by=request.user,
                )
                count = series.meetings.count()
                messages.success(
                    request,
                    ngettext(
                        "%(count)d meeting of “%(title)s” was scheduled.",
                        "%(count)d meetings of “%(title)s” were scheduled.",
                        count,
                    )
                    % {"count": count, "title": series.title},
                )
                once.done(request, form, agenda_url)
                return redirect(agenda_url)
            else:
                meeting = services.meeting_schedule(
                    network=network,
                    details=form.details(),
                    day=form.cleaned_data["day"],
                    start_time=form.cleaned_data["start_time"],
                    end_time=form.cleaned_data["end_time"],
                    created_by=request.user,
                )
                messages.success(request, _("The meeting was scheduled."))
                once.done(request, form, meeting_url(meeting))
                return redirect(meeting_url(meeting))
        except ValidationError as error:
            once.release(request, form)
            validation_error_to_form(form, error)
    context = {
        "crumbs": network_agenda_crumbs(network, _("Schedule")),
        "network": network,
        "form": form,
        "preview": preview,
        "warnings": warnings,
        "warnings_digest": digest,
    }
    if request.htmx and "preview" in request.POST:
        return render(request, "meetings/partials/schedule_preview.html", context)
    return render(request, "meetings/meeting_schedule.html", context)


def meeting_url(meeting) -> str:
    return reverse("meetings:detail", args=[meeting.network.slug, meeting.pk])


def meeting_context(request, meeting, **extra) -> dict:
    page = meeting_page(meeting, request.user)
    can_manage = can_manage_network(request.user, meeting.network)
    can_run = permissions.can_run_meeting(request.user, meeting)
    now = timezone.now()
    checkin_open = checkin_window_open(meeting, now=now)
    context = {
        "meeting": meeting,
        "network": meeting.network,
        "page": page,
        "can_manage": can_manage,
        "can_run": can_run,
        "rsvp_closed": rsvp_problem(meeting, now=now),
        "rsvp_form": RsvpForm(),
        "checkin_open": checkin_open,
        "checkin_qr": checkin_qr_svg(meeting) if checkin_open and can_run else None,
        "checkin_form": CheckInForm(),
        "is_past": meeting.ends_at < now,
    }
    if meeting.series_id is not None and not context["rsvp_closed"]:
        context["series_answers"] = series_answers(meeting, request.user)
    if can_run:
        # Who has not answered, with "remind them now" (coordinators and the facilitator).
        context["unanswered"] = unanswered_invitees(meeting, page.invited_networks)
        context["reminded_today"] = reminded_today(meeting)
    context.update(extra)
    return context


@login_required
def meeting_detail(request, slug, pk):
    meeting = permissions.get_meeting_for_member(request.user, pk, slug)
    context = meeting_context(
        request,
        meeting,
        crumbs=meeting_crumbs(meeting, request.user),
        sections=render_meeting_sections(request, meeting),
    )
    return render(request, "meetings/meeting_detail.html", context)


def _initial(meeting) -> dict:
    starts = timezone.localtime(meeting.starts_at, local_zone())
    ends = timezone.localtime(meeting.ends_at, local_zone())
    return {
        "title": meeting.title,
        "format": meeting.format,
        "themes": list(meeting.themes.all()),
        "day": starts.date(),
        "start_time": starts.time().replace(second=0, microsecond=0),
        "end_time": ends.time().replace(second=0, microsecond=0),
        "location": meeting.location,
        "online_url": meeting.online_url,
        "capacity": meeting.capacity,
        "facilitator": meeting.facilitator,
        "agenda": meeting.agenda,
        "method": meeting.method,
        "learning_hours": meeting.learning_hours,
        "invited_networks": list(meeting.invited_networks.all()),
    }


@login_required
def meeting_edit(request, slug, pk):
    meeting = permissions.get_meeting_for_manager(request.user, pk, slug)
    if meeting.is_cancelled:
        messages.error(request, _("A cancelled meeting cannot be changed."))
        return redirect(meeting_url(meeting))
    form = EditForm(
        request.POST if request.method == "POST" else None,
        network=meeting.network,
        in_series=meeting.series_id is not None,
        initial=_initial(meeting),
    )
    warnings = digest = None
    if request.method == "POST" and form.is_valid():
        warnings = _edit_warnings(meeting, form)
        digest = warnings_digest(warnings) if warnings else None
    confirmed = digest is None or request.POST.get("warnings_seen") == digest
    if request.method == "POST" and form.is_valid() and confirmed:
        try:
            changed = services.meeting_update(
                meeting=meeting,
                details=form.details(),
                day=form.cleaned_data["day"],
                start_time=form.cleaned_data["start_time"],
                end_time=form.cleaned_data["end_time"],
                scope=form.cleaned_data.get("scope") or services.THIS,
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The meeting was changed.", "%(count)d meetings were changed.", len(changed)
                )
                % {"count": len(changed)},
            )
            return redirect(meeting_url(meeting))
    return render(
        request,
        "meetings/meeting_edit.html",
        {
            "crumbs": meeting_crumbs(meeting, request.user, _("Edit")),
            "meeting": meeting,
            "network": meeting.network,
            "form": form,
            "warnings": warnings,
            "warnings_digest": digest,
        },
    )


def _edit_warnings(meeting, form) -> list[str]:
    """The warnings for the meeting (and the following ones of its series) as changed."""
    data = form.cleaned_data
    targets = [meeting]
    if data.get("scope") == services.FOLLOWING and meeting.series_id:
        targets += list(
            Meeting.objects.filter(
                series_id=meeting.series_id,
                starts_at__gt=meeting.starts_at,
                status=MeetingStatus.SCHEDULED,
            )
        )
    shift = data["day"] - timezone.localtime(meeting.starts_at, local_zone()).date()
    days = [timezone.localtime(t.starts_at, local_zone()).date() + shift for t in targets]
    try:
        occurrences = occurrence_times(days, data["start_time"], data["end_time"])
    except ValidationError:
        return []
    people = [
        data.get("facilitator"),
        *[role.user for role in meeting.roles.select_related("user")],
    ]
    return planning_warnings(
        network=meeting.network,
        title=data["title"],
        format=data["format"],
        occurrences=occurrences,
        people=list({p.pk: p for p in people if p is not None}.values()),
        exclude_ids={t.pk for t in targets},
    )


@login_required
def meeting_cancel(request, slug, pk):
    meeting = permissions.get_meeting_for_manager(request.user, pk, slug)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(meeting=meeting, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            validation_error_to_messages(request, error)
        else:
            messages.success(request, _("The meeting was cancelled."))
        return redirect(meeting_url(meeting))
    return render(
        request,
        "meetings/meeting_cancel.html",
        {
            "crumbs": meeting_crumbs(meeting, request.user, _("Cancel")),
            "meeting": meeting,
            "network": meeting.network,
            "form": form,
        },
    )


@login_required
@require_POST
def meeting_mark_held(request, slug, pk):
    meeting = permissions.get_meeting_for_runner(request.user, pk, slug)
    try:
        services.meeting_mark_held(meeting=meeting)
    except ValidationError as error:
        validation_error_to_messages(request, error)
    else:
        messages.success(request, _("The meeting is marked as held."))
    return redirect(meeting_url(meeting))
