"""Attendance: one form for everyone (a table from the ``md`` breakpoint up), one person at a
time on a phone (large buttons, htmx or a plain post), self check-in with the code on screen
or its QR code, and the export per network and period (CSV and XLSX)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lin_platform.exports import table_response
from lin_platform.feedback import validation_error_to_messages
from networks.permissions import get_network_for_coordinator

from .. import exports, permissions
from ..choices import AttendanceStatus
from ..crumbs import meeting_crumbs, network_agenda_crumbs
from ..forms import AttendanceForm, CheckInForm, ExportForm, PersonAttendanceForm
from ..qr import checkin_qr_svg, checkin_url
from ..selectors.attendance import attendance_people
from ..services.attendance import (
    attendance_check_in,
    attendance_register,
    checkin_window_open,
    checkin_window_problem,
)
from .meetings import meeting_url

# The three large buttons of the phone list; "late" is set by checking in late.
PHONE_STATUSES = [AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT]


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
        "lines": lines,
        "phone_statuses": PHONE_STATUSES,
        "checkin_open": checkin_window_open(meeting),
        "checkin_qr": checkin_qr_svg(meeting),
        "checkin_url": checkin_url(meeting),
    }
    return render(request, "meetings/attendance.html", context)


@login_required
@require_POST
def attendance_person(request, slug, pk, user_pk):
    """Record one person's attendance (the phone list): htmx gets the person's row back,
    a plain post goes back to the list at that person."""
    meeting = permissions.get_meeting_for_runner(request.user, pk, slug)
    lines = {line.user.pk: line for line in attendance_people(meeting)}
    line = lines.get(user_pk)
    if line is None:
        raise Http404
    form = PersonAttendanceForm(request.POST)
    error = None
    if not form.is_valid():
        error = _("Choose present, absent with notice or absent.")
    else:
        try:
            attendance_register(
                meeting=meeting,
                statuses={user_pk: form.cleaned_data["status"]},
                registered_by=request.user,
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            line.status = form.cleaned_data["status"]
    if request.htmx:
        context = {
            "meeting": meeting,
            "network": meeting.network,
            "line": line,
            "phone_statuses": PHONE_STATUSES,
            "line_error": error,
            "line_saved": error is None,
        }
        return render(request, "meetings/partials/attendance_person.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request,
            _("%(name)s: %(status)s.")
            % {"name": line.user.get_full_name(), "status": AttendanceStatus(line.status).label},
        )
    url = reverse("meetings:attendance", args=[meeting.network.slug, meeting.pk])
    return redirect(f"{url}#person-{user_pk}")


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, slug, pk):
    """GET: the check-in page (what the QR code opens, the code filled in), or when the
    window is closed, when it opens. POST: check in."""
    meeting = permissions.get_meeting_for_member(request.user, pk, slug)
    if request.method == "GET":
        form = CheckInForm(initial={"code": (request.GET.get("code") or "")[:12]})
        context = {
            "crumbs": meeting_crumbs(meeting, request.user, _("Check in")),
            "meeting": meeting,
            "network": meeting.network,
            "form": form,
            "problem": checkin_window_problem(meeting, now=timezone.now()),
            "attendance": meeting.attendances.filter(user=request.user).first(),
        }
        return render(request, "meetings/check_in.html", context)
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
