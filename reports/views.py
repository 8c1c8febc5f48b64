"""Pages of reports: placements (list, add, edit, outcome), the network dashboard for a
period with its PDF and XLSX, the coordinator's text and settings, networks side by side."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from lin_platform.crumbs import Crumb, network_crumbs
from lin_platform.feedback import validation_error_to_form
from networks.permissions import get_network_for_coordinator, get_network_for_member

from . import permissions, services
from .forms import OutcomeForm, PlacementForm


def _placements_url(network) -> str:
    return reverse("reports:placements", args=[network.slug])


def _placement_crumbs(network, *rest: Crumb) -> list[Crumb]:
    return network_crumbs(network, Crumb(_("Placements"), _placements_url(network)), *rest)


@login_required
def placements(request, slug):
    network = get_network_for_member(request.user, slug)
    if not permissions.can_see_placements(request.user, network):
        from django.core.exceptions import PermissionDenied

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
    from .models import Placement

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
