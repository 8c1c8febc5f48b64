"""Attendance: one form for everyone, self check-in with the code on screen, and the export
per network and period (CSV and XLSX)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform.exports import table_response
from lin_platform.feedback import validation_error_to_messages
from networks.permissions import get_network_for_coordinator

from .. import exports, permissions
from ..crumbs import meeting_crumbs, network_agenda_crumbs
from ..forms import AttendanceForm, CheckInForm, ExportForm
from ..selectors.attendance import attendance_people
from ..services.attendance import attendance_check_in, attendance_register, checkin_window_open
from .meetings import meeting_url


@login_required
def attendance(request, slug, pk):
    meeting = permissions.get_meeting_for_runner(request.user, pk, slug)
    lines = attendance_people(meeting)
    form = AttendanceForm(request.POST if request.method == "POST" else None, lines=lines)
    if request.method == "POST" and form.is_valid():
        try:
            recorded = attendance_register(
                meeting=meeting, statuses=form.statuses(), registered_by=request.user
            )
        except ValidationError as error:
            validation_error_to_messages(request, error)
        else:
            messages.success(
                request,
                _("Attendance saved: %(count)d people recorded.") % {"count": recorded},
            )
        return redirect("meetings:attendance", slug=meeting.network.slug, pk=meeting.pk)
    context = {
        "crumbs": meeting_crumbs(meeting, request.user, _("Attendance")),
        "meeting": meeting,
        "network": meeting.network,
        "form": form,
        "checkin_open": checkin_window_open(meeting),
    }
    return render(request, "meetings/attendance.html", context)


@login_required
@require_POST
def check_in(request, slug, pk):
    meeting = permissions.get_meeting_for_member(request.user, pk, slug)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Type the check-in code shown on screen."))
    else:
        try:
            attendance_check_in(meeting=meeting, user=request.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            validation_error_to_messages(request, error)
        else:
            messages.success(request, _("You are checked in. Welcome!"))
    return redirect(meeting_url(meeting))


@login_required
def attendance_export(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = ExportForm(request.GET or None)
    if request.GET and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        return table_response(
            fmt=form.cleaned_data["file_format"],
            filename=exports.attendance_filename(network, start, end),
            sheets=exports.attendance_sheets(network, start, end),
        )
    context = {
        "crumbs": network_agenda_crumbs(network, _("Export attendance")),
        "network": network,
        "form": form,
    }
    return render(request, "meetings/attendance_export.html", context)
