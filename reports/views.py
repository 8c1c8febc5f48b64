"""Pages of reports: placements (list, add, edit, outcome), the network dashboard for a
period with its PDF and XLSX, the coordinator's text and settings, networks side by side."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform.crumbs import Crumb, home_crumb, network_crumbs
from lin_platform.exports import FORMATS, Sheet, table_response
from lin_platform.feedback import validation_error_to_form
from networks.permissions import get_network_for_coordinator, get_network_for_member

from . import compare as comparison
from . import permissions, selectors, services
from .forms import OutcomeForm, PeriodForm, PeriodTextForm, PlacementForm, ReportSettingsForm
from .models import PeriodText, Placement
from .report import report_pdf_response, report_xlsx_response
from .selectors import Period, default_period


def _placements_url(network) -> str:
    return reverse("reports:placements", args=[network.slug])


def _placement_crumbs(network, *rest: Crumb) -> list[Crumb]:
    return network_crumbs(network, Crumb(_("Placements"), _placements_url(network)), *rest)


@login_required
def placements(request, slug):
    network = get_network_for_member(request.user, slug)
    if not permissions.can_see_placements(request.user, network):
        raise PermissionDenied
    rows = list(
        permissions.placements_visible_to(request.user, network)
        .select_related("student", "host", "supervisor", "teacher", "contract_organisation")
        .order_by("-starts_on", "pk")
    )
    return render(
        request,
        "reports/placements.html",
        {
            "network": network,
            "placements": rows,
            "can_manage": permissions.can_manage_placements(request.user, network),
            "crumbs": network_crumbs(network, Crumb(_("Placements"))),
        },
    )


def _placement_form(request, network, placement, *, title):
    form = PlacementForm(request.POST or None, instance=placement, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            services.placement_save(placement=form.instance)
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The placement is saved."))
            return redirect(_placements_url(network))
    return render(
        request,
        "reports/placement_form.html",
        {
            "network": network,
            "form": form,
            "title": title,
            "crumbs": _placement_crumbs(network, Crumb(title)),
        },
    )


@login_required
def placement_create(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    return _placement_form(request, network, Placement(network=network), title=_("New placement"))


@login_required
def placement_edit(request, slug, pk):
    placement = permissions.get_placement_for_coordinator(request.user, slug, pk)
    return _placement_form(request, placement.network, placement, title=_("Edit placement"))


@login_required
def placement_detail(request, slug, pk):
    placement = permissions.get_placement_for_viewer(request.user, slug, pk)
    network = placement.network
    return render(
        request,
        "reports/placement_detail.html",
        {
            "network": network,
            "placement": placement,
            "can_manage": permissions.can_manage_placements(request.user, network),
            "can_record": permissions.can_record_outcome(request.user, placement),
            "crumbs": _placement_crumbs(network, Crumb(str(placement.host))),
        },
    )


@login_required
def placement_outcome(request, slug, pk):
    placement = permissions.get_placement_for_outcome(request.user, slug, pk)
    network = placement.network
    url = reverse("reports:placement", args=[network.slug, placement.pk])
    form = OutcomeForm(request.POST or None, instance=placement)
    if request.method == "POST" and form.is_valid():
        try:
            services.placement_outcome_record(placement=form.instance, by=request.user)
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The outcome is recorded."))
            return redirect(url)
    return render(
        request,
        "reports/placement_outcome.html",
        {
            "network": network,
            "placement": placement,
            "form": form,
            "crumbs": _placement_crumbs(
                network, Crumb(str(placement.host), url), Crumb(_("Outcome"))
            ),
        },
    )


# --- dashboard and period report -----------------------------------------------------------


def _period(request):
    """The period asked for (``?start=…&end=…``), the last twelve months without one; with
    a form error (too long, ending before it starts) no period."""
    if "start" not in request.GET and "end" not in request.GET:
        period = default_period()
        return PeriodForm(initial={"start": period.start, "end": period.end}), period
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return form, None
    return form, Period(form.cleaned_data["start"], form.cleaned_data["end"])


def _query(period) -> str:
    return urlencode({"start": period.start.isoformat(), "end": period.end.isoformat()})


@login_required
def dashboard(request, slug):
    network = permissions.get_network_for_dashboard(request.user, slug)
    form, period = _period(request)
    can_manage = permissions.can_manage_placements(request.user, network)
    context = {
        "network": network,
        "form": form,
        "period": period,
        "sections": selectors.dashboard(network, period) if period else None,
        "can_manage": can_manage,
        "query": _query(period) if period else "",
        "crumbs": network_crumbs(network, Crumb(_("Dashboard"))),
    }
    if period and can_manage:
        text = PeriodText.objects.filter(
            network=network, starts_on=period.start, ends_on=period.end
        ).first()
        context["text_form"] = PeriodTextForm(instance=text)
    return render(request, "reports/dashboard.html", context)


@login_required
@require_POST
def period_text(request, slug):
    """The coordinator's text for the report of a period (POST only, from the dashboard)."""
    network = get_network_for_coordinator(request.user, slug)
    period_form = PeriodForm(request.POST)
    form = PeriodTextForm(request.POST)
    if period_form.is_valid() and form.is_valid():
        data = period_form.cleaned_data
        services.period_text_save(
            network=network,
            starts_on=data["start"],
            ends_on=data["end"],
            data=form.cleaned_data,
            by=request.user,
        )
        messages.success(request, _("The report text is saved."))
        query = _query(Period(data["start"], data["end"]))
        return redirect(reverse("reports:dashboard", args=[network.slug]) + "?" + query)
    for errors in (*period_form.errors.values(), *form.errors.values()):
        for error in errors:
            messages.error(request, error)
    return redirect(reverse("reports:dashboard", args=[network.slug]))


def _report_or_error(request, slug):
    network = permissions.get_network_for_dashboard(request.user, slug)
    form, period = _period(request)
    if period is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return network, None, redirect(reverse("reports:dashboard", args=[network.slug]))
    return network, period, None


@login_required
def report_pdf(request, slug):
    network, period, error = _report_or_error(request, slug)
    return error or report_pdf_response(network=network, period=period)


@login_required
def report_xlsx(request, slug):
    network, period, error = _report_or_error(request, slug)
    return error or report_xlsx_response(network=network, period=period)


@login_required
def report_settings(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = ReportSettingsForm(request.POST or None, instance=services.report_settings(network))
    if request.method == "POST" and form.is_valid():
        services.report_settings_save(
            network=network,
            partners_see_dashboard=form.cleaned_data["partners_see_dashboard"],
        )
        messages.success(request, _("The settings are saved."))
        return redirect(reverse("reports:dashboard", args=[network.slug]))
    return render(
        request,
        "reports/settings.html",
        {
            "network": network,
            "form": form,
            "crumbs": network_crumbs(
                network,
                Crumb(_("Dashboard"), reverse("reports:dashboard", args=[network.slug])),
                Crumb(_("Settings")),
            ),
        },
    )


# --- networks side by side -------------------------------------------------------------------


@login_required
def compare(request):
    """One row of key indicators per network for a period, sortable (``?sort=…&desc=1``)
    and exportable (``?fmt=csv|xlsx``)."""
    if not comparison.can_compare(request.user):
        raise PermissionDenied
    form, period = _period(request)
    rows, sort, descending = None, request.GET.get("sort", "name"), request.GET.get("desc") == "1"
    if period is not None:
        networks = list(comparison.comparable_networks(request.user))
        rows = comparison.sort_rows(comparison.compare(networks, period), sort, descending)
        # Staff see every network, but a network's dashboard only as its coordinator or
        # researcher: only those names link to it.
        dashboards = comparison.dashboard_network_ids(request.user)
        for row in rows:
            row["cells"] = [(column.label, row[column.key]) for column in comparison.COLUMNS[1:]]
            row["links"] = row["network"].pk in dashboards
        fmt = request.GET.get("fmt")
        if fmt in FORMATS:
            response = table_response(
                fmt=fmt,
                filename=f"netwerken-{period.start:%Y%m%d}-{period.end:%Y%m%d}",
                sheets=[
                    Sheet(
                        _("Networks side by side"),
                        [str(column.label) for column in comparison.COLUMNS],
                        [[row[key] for key in comparison.KEYS] for row in rows],
                    )
                ],
            )
            response["Cache-Control"] = "private"
            return response
    columns = [
        {
            "key": column.key,
            "label": column.label,
            "active": column.key == sort,
            "query": urlencode(
                {
                    **({"start": period.start, "end": period.end} if period else {}),
                    "sort": column.key,
                    **({"desc": "1"} if column.key == sort and not descending else {}),
                }
            ),
        }
        for column in comparison.COLUMNS
    ]
    return render(
        request,
        "reports/compare.html",
        {
            "form": form,
            "period": period,
            "rows": rows,
            "columns": columns,
            "descending": descending,
            "query": _query(period) + f"&sort={sort}" + ("&desc=1" if descending else "")
            if period
            else "",
            "crumbs": [home_crumb(), Crumb(_("Networks side by side"))],
        },
    )
