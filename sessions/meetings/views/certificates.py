"""Learning hours and certificates of attendance: a person's hours per period (from the
profile), the certificate as PDF, the public check of a certificate's verification code,
and the coordinators' export of everyone's hours."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform.crumbs import Crumb
from lin_platform.exports import table_response
from lin_platform.feedback import validation_error_to_form
from networks.permissions import get_network_for_coordinator

from .. import exports
from ..crumbs import network_agenda_crumbs
from ..forms import CertificateForm, ExportForm, PeriodForm, VerifyForm
from ..selectors.hours import certificate_find, default_period, hours_of
from ..services.certificates import certificate_issue


def _hours_crumbs() -> list[Crumb]:
    return [Crumb(_("My profile"), reverse("accounts:profile")), Crumb(_("My learning hours"))]


def _hours_context(request, form, *, certificate_form=None) -> dict:
    start, end = default_period()
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    groups = hours_of(request.user, start, end)
    return {
        "crumbs": _hours_crumbs(),
        "form": form,
        "start": start,
        "end": end,
        "groups": groups,
        "total_hours": sum((g.hours for g in groups), 0),
        "total_meetings": sum(len(g.meetings) for g in groups),
        "certificate_form": certificate_form,
    }


@login_required
def my_hours(request):
    """The person's attended meetings and learning hours in a period, per network, with a
    certificate per network to download."""
    bound = "start" in request.GET or "end" in request.GET
    form = PeriodForm(
        request.GET if bound else None,
        initial=dict(zip(("start", "end"), default_period(), strict=True)),
    )
    return render(request, "meetings/my_hours.html", _hours_context(request, form))


@login_required
@require_POST
def certificate_download(request):
    """Issue a certificate of one network for a period, as PDF."""
    form = CertificateForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            issued = certificate_issue(
                user=request.user,
                network=form.cleaned_data["network"],
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            response = HttpResponse(issued.pdf, content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{issued.filename}"'
            response["Cache-Control"] = "private, no-store"
            return response
    # The page shows the certificate form's errors above the list.
    period = PeriodForm(
        {"start": request.POST.get("start", ""), "end": request.POST.get("end", "")}
    )
    return render(
        request,
        "meetings/my_hours.html",
        _hours_context(request, period, certificate_form=form),
        status=400,
    )


def certificate_verify(request):
    """Public: check a certificate's verification code. An unknown code says "not found"
    and nothing else; a known one shows only what the certificate itself says."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    certificate = None
    checked = False
    if form.is_bound and form.is_valid():
        checked = True
        certificate = certificate_find(form.cleaned_data["code"])
    return render(
        request,
        "meetings/certificate_verify.html",
        {"form": form, "checked": checked, "certificate": certificate},
    )


@login_required
def hours_export(request, slug):
    """Everyone's learning hours in the network for a period (CSV or XLSX)."""
    network = get_network_for_coordinator(request.user, slug)
    form = ExportForm(request.GET or None)
    if request.GET and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        return table_response(
            fmt=form.cleaned_data["file_format"],
            filename=exports.hours_filename(network, start, end),
            sheets=exports.hours_sheets(network, start, end),
        )
    context = {
        "crumbs": network_agenda_crumbs(network, _("Export learning hours")),
        "network": network,
        "form": form,
    }
    return render(request, "meetings/hours_export.html", context)
