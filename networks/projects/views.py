"""Views of theme projects: list, create, page, edit, and the additions on the page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform.crumbs import Crumb, network_crumbs
from lin_platform.feedback import validation_error_to_form
from lin_platform.uploads import download_response
from networks.models import Milestone
from networks.permissions import can_manage_network, get_network_for_coordinator
from networks.permissions import get_network_for_member as _network_for_member

from . import permissions, selectors, services
from .forms import (
    MeetingLinkForm,
    MemberForm,
    MilestoneForm,
    MilestoneStatusForm,
    OutputForm,
    PartnerForm,
    PdsaForm,
    ThemeProjectForm,
)


def _crumbs(network, *rest: Crumb) -> list[Crumb]:
    """My networks › the network › Theme projects › ``rest``."""
    projects = Crumb(_("Theme projects"), reverse("networks:project_list", args=[network.slug]))
    return network_crumbs(network, projects, *rest)


@login_required
def project_list(request, slug):
    network = _network_for_member(request.user, slug)
    context = {
        "crumbs": network_crumbs(network, Crumb(_("Theme projects"))),
        "network": network,
        "projects": list(selectors.projects_of(network)),
        "can_manage": can_manage_network(request.user, network),
    }
    return render(request, "networks/projects/project_list.html", context)


@login_required
def project_create(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = ThemeProjectForm(request.POST or None, network=network, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            project = services.theme_project_create(network=network, lead=request.user, **data)
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The theme project has been created."))
            return redirect("networks:project_detail", slug=network.slug, pk=project.pk)
    return render(
        request,
        "networks/projects/project_form.html",
        {
            "crumbs": _crumbs(network, Crumb(_("New theme project"))),
            "network": network,
            "form": form,
            "project": None,
        },
    )


def _forms_for(project, user, data=None, files=None, *, bound: str | None = None):
    """The add-forms of the project page; only ``bound`` gets the posted data."""

    def pick(name):
        return data if bound == name else None

    def pick_files(name):
        return files if bound == name else None

    candidates = selectors.project_member_candidates(project)
    meetings = project.network.meetings.order_by("-starts_at")
    return {
        "partner": PartnerForm(pick("partner"), prefix="partner"),
        "lid": MemberForm(pick("lid"), prefix="lid", candidates=candidates),
        "mijlpaal": MilestoneForm(pick("mijlpaal"), prefix="mijlpaal"),
        "resultaat": OutputForm(pick("resultaat"), pick_files("resultaat"), prefix="resultaat"),
        "pdsa": PdsaForm(pick("pdsa"), prefix="pdsa"),
        "bijeenkomst": MeetingLinkForm(
            pick("bijeenkomst"), prefix="bijeenkomst", meetings=meetings
        ),
    }


def _detail_context(request, project, forms=None):
    can_manage = permissions.can_manage_project(request.user, project)
    can_contribute = permissions.can_contribute_to_project(request.user, project)
    context = {
        "crumbs": _crumbs(project.network, Crumb(project.title)),
        "network": project.network,
        "project": project,
        "can_manage": can_manage,
        "can_contribute": can_contribute,
        "status_form": MilestoneStatusForm(),
        **selectors.project_detail(project),
    }
    if can_contribute:
        context["forms"] = forms or _forms_for(project, request.user)
    return context


@login_required
def project_detail(request, slug, pk):
    project = permissions.get_project_for_viewer(request.user, slug, pk)
    return render(
        request, "networks/projects/project_detail.html", _detail_context(request, project)
    )


@login_required
def project_edit(request, slug, pk):
    project = permissions.get_project_for_manager(request.user, slug, pk)
    form = ThemeProjectForm(
        request.POST or None, instance=project, network=project.network, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        other = data.pop("other_networks")
        project.refresh_from_db()
        try:
            services.theme_project_update(project=project, other_networks=other, **data)
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The theme project has been saved."))
            return redirect("networks:project_detail", slug=project.network.slug, pk=project.pk)
    return render(
        request,
        "networks/projects/project_form.html",
        {
            "crumbs": _crumbs(project.network, Crumb(_("Edit theme project"))),
            "network": project.network,
            "form": form,
            "project": project,
        },
    )


MANAGER_KINDS = {"partner", "lid", "bijeenkomst"}
CONTRIBUTOR_KINDS = {"mijlpaal", "resultaat", "pdsa"}

SUCCESS = {
    "partner": _("The partner has been added."),
    "lid": _("The project member has been added."),
    "mijlpaal": _("The milestone has been added."),
    "resultaat": _("The output has been added."),
    "pdsa": _("The PDSA cycle has been logged."),
    "bijeenkomst": _("The meeting has been linked."),
}


def _save(kind, project, user, data):
    if kind == "partner":
        services.project_partner_add(project=project, **data)
    elif kind == "lid":
        services.project_member_add(project=project, **data)
    elif kind == "mijlpaal":
        services.milestone_add(project=project, **data)
    elif kind == "resultaat":
        services.project_output_add(project=project, **data)
    elif kind == "pdsa":
        services.pdsa_entry_add(project=project, author=user, **data)
    elif kind == "bijeenkomst":
        services.project_meeting_link(project=project, **data)


@login_required
@require_POST
def project_add(request, slug, pk, kind):
    if kind not in MANAGER_KINDS | CONTRIBUTOR_KINDS:
        raise Http404
    if kind in MANAGER_KINDS:
        project = permissions.get_project_for_manager(request.user, slug, pk)
    else:
        project = permissions.get_project_for_contributor(request.user, slug, pk)
    forms = _forms_for(project, request.user, request.POST, request.FILES, bound=kind)
    form = forms[kind]
    if form.is_valid():
        try:
            _save(kind, project, request.user, form.cleaned_data)
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, str(SUCCESS[kind]))
            return redirect("networks:project_detail", slug=project.network.slug, pk=project.pk)
    context = _detail_context(request, project, forms)
    context["open_form"] = kind
    return render(request, "networks/projects/project_detail.html", context, status=400)


@login_required
@require_POST
def milestone_status(request, slug, pk, milestone_pk):
    project = permissions.get_project_for_contributor(request.user, slug, pk)
    milestone = Milestone.objects.filter(project=project, pk=milestone_pk).first()
    if milestone is None:
        raise Http404
    form = MilestoneStatusForm(request.POST)
    if form.is_valid():
        services.milestone_set_status(milestone=milestone, status=form.cleaned_data["status"])
        messages.success(
            request, _("The status of “%(title)s” has been saved.") % {"title": milestone.title}
        )
    else:
        messages.error(request, _("Choose one of the statuses."))
    return redirect("networks:project_detail", slug=project.network.slug, pk=project.pk)


@login_required
def output_download(request, slug, pk, output_pk):
    """The output's document, for whoever may see the project; never a public media URL."""
    output = permissions.get_output_for_viewer(request.user, slug, pk, output_pk)
    if not output.file:
        raise Http404
    return download_response(output.file, filename=output.file_name)


@login_required
def output_remove(request, slug, pk, output_pk):
    """Asks first (GET), removes on POST: whoever may add outputs may remove them."""
    output = permissions.get_output_for_contributor(request.user, slug, pk, output_pk)
    project = output.project
    if request.method == "POST":
        services.project_output_remove(output=output)
        messages.success(
            request, _("The output “%(title)s” has been removed.") % {"title": output.title}
        )
        return redirect("networks:project_detail", slug=project.network.slug, pk=project.pk)
    return render(
        request,
        "networks/projects/output_remove.html",
        {
            "crumbs": network_crumbs(
                project.network,
                Crumb(
                    project.title,
                    reverse("networks:project_detail", args=[project.network.slug, project.pk]),
                ),
                Crumb(_("Remove output")),
            ),
            "network": project.network,
            "project": project,
            "output": output,
        },
    )
