"""Views of the network's set-up (coordinators) and the yearly self-check (contact persons)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform.crumbs import Crumb, network_crumbs
from lin_platform.feedback import validation_error_to_form
from networks.permissions import get_network_for_coordinator

from . import permissions, selectors, services
from .forms import (
    FundingPeriodForm,
    NetworkProfileForm,
    PartnerEditForm,
    PartnerForm,
    SelfCheckForm,
    ThemeForm,
)


def _crumbs(network, here: str | None = None) -> list[Crumb]:
    if here is None:
        return network_crumbs(network, Crumb(_("Set up the network")))
    setup = Crumb(_("Set up the network"), reverse("networks:setup", args=[network.slug]))
    return network_crumbs(network, setup, Crumb(here))


def _back(network):
    return redirect("networks:setup", slug=network.slug)


def _form_page(request, network, form, title: str):
    context = {"crumbs": _crumbs(network, title), "network": network, "form": form,
               "title": title}  # fmt: skip
    return render(request, "networks/setup/form.html", context)


@login_required
def setup(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = NetworkProfileForm(request.POST or None, instance=network)
    if request.method == "POST" and form.is_valid():
        services.network_profile_update(network=network, **form.cleaned_data)
        messages.success(request, _("The network's focus and learning needs are saved."))
        return _back(network)
    context = {
        "crumbs": _crumbs(network),
        "network": network,
        "form": form,
        "partners": list(selectors.partners_of(network)),
        "themes": list(selectors.themes_of(network)),
        "funding_periods": list(selectors.funding_periods_of(network)),
        "self_checks": selectors.self_check_history(network),
    }
    return render(request, "networks/setup/setup.html", context)


@login_required
def partner_add(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = PartnerForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contribution = {field: data[field] for field in services.CONTRIBUTION_FIELDS}
        try:
            partner = services.network_partner_add(
                network=network, organisation=data["organisation"], name=data["name"],
                kind=data["kind"], city=data["city"], **contribution,
            )  # fmt: skip
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(
                request, _("%(name)s is now a partner.") % {"name": partner.organisation.name}
            )
            return _back(network)
    return _form_page(request, network, form, _("Add a partner organisation"))


@login_required
def partner_edit(request, slug, pk):
    network = get_network_for_coordinator(request.user, slug)
    partner = permissions.get_partner(network, pk)
    form = PartnerEditForm(request.POST or None, instance=partner, network=network)
    if request.method == "POST" and form.is_valid():
        services.network_partner_update(partner=partner, **form.cleaned_data)
        messages.success(request, _("The partner is saved."))
        return _back(network)
    return _form_page(request, network, form, partner.organisation.name)


@login_required
@require_POST
def partner_remove(request, slug, pk):
    network = get_network_for_coordinator(request.user, slug)
    partner = permissions.get_partner(network, pk)
    services.network_partner_remove(partner=partner)
    messages.success(
        request, _("%(name)s is no longer a partner.") % {"name": partner.organisation.name}
    )
    return _back(network)


@login_required
def theme_add(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = ThemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            theme = services.theme_add(network=network, **form.cleaned_data)
        except ValidationError as error:
            validation_error_to_form(form, error, field="name")
        else:
            messages.success(request, _("Theme %(name)s added.") % {"name": theme.name})
            return _back(network)
    return _form_page(request, network, form, _("Add a theme"))


@login_required
def theme_edit(request, slug, pk):
    network = get_network_for_coordinator(request.user, slug)
    theme = permissions.get_theme(network, pk)
    form = ThemeForm(request.POST or None, instance=theme)
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_update(theme=theme, **form.cleaned_data)
        except ValidationError as error:
            validation_error_to_form(form, error, field="name")
        else:
            messages.success(request, _("The theme is saved."))
            return _back(network)
    return _form_page(request, network, form, theme.name)


@login_required
@require_POST
def theme_archive(request, slug, pk):
    """Archive a theme (or, with ``restore``, bring it back). Never deletes."""
    network = get_network_for_coordinator(request.user, slug)
    theme = permissions.get_theme(network, pk)
    if request.POST.get("restore"):
        services.theme_restore(theme=theme)
        messages.success(request, _("Theme %(name)s is in use again.") % {"name": theme.name})
    else:
        services.theme_archive(theme=theme)
        messages.success(
            request,
            _("Theme %(name)s is archived: meetings and cases keep it, new ones cannot choose it.")
            % {"name": theme.name},
        )
    return _back(network)


@login_required
def funding_add(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = FundingPeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.funding_period_add(network=network, **form.cleaned_data)
        except ValidationError as error:
            validation_error_to_form(form, error, field="ends_on")
        else:
            messages.success(request, _("The funding period is added."))
            return _back(network)
    return _form_page(request, network, form, _("Add a funding period"))


@login_required
@require_POST
def funding_remove(request, slug, pk):
    network = get_network_for_coordinator(request.user, slug)
    period = permissions.get_funding_period(network, pk)
    services.funding_period_remove(period=period)
    messages.success(request, _("The funding period is removed."))
    return _back(network)


@login_required
def self_check(request, slug):
    network = permissions.get_network_for_contact_person(request.user, slug)
    partners = selectors.partners_answering_for(request.user, network)
    form = SelfCheckForm(request.POST or None, partners=partners)
    if request.method == "POST" and form.is_valid():
        services.precondition_check_answer(
            respondent=request.user, year=form.year, **form.cleaned_data
        )
        messages.success(request, _("Thank you: your answers for %(year)s are saved.")
                         % {"year": form.year})  # fmt: skip
        return redirect("networks:detail", slug=network.slug)
    context = {
        "crumbs": network_crumbs(network, Crumb(_("Yearly self-check"))),
        "network": network,
        "form": form,
        "year": form.year,
    }
    return render(request, "networks/setup/self_check.html", context)
