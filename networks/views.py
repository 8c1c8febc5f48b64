"""Views of the network: home, overview, members, invitations, roles, new networks."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from lin_platform.crumbs import Crumb, home_crumb, network_crumbs
from lin_platform.feedback import validation_error_to_form, validation_error_to_messages

from . import permissions, sections, selectors, services
from .forms import (
    InvitationForm,
    InvitationSignupForm,
    MemberFilterForm,
    NetworkCreateForm,
    RoleForm,
)
from .models import Invitation


def _members_crumbs(network, here: str) -> list[Crumb]:
    members = Crumb(_("Members"), reverse("networks:members", args=[network.slug]))
    return network_crumbs(network, members, Crumb(here), home=False)


@login_required
def network_detail(request, slug):
    network = permissions.get_network_for_member(request.user, slug)
    partnerships = list(network.partnerships.select_related("organisation"))
    # The self-check button asks this; the partners are loaded here anyway.
    request.lin_partner_contact = any(p.contact_id == request.user.pk for p in partnerships)
    context = {
        "crumbs": [home_crumb(), Crumb(network.name)],
        "network": network,
        "membership": permissions.current_membership(request.user, network),
        "can_manage": permissions.can_manage_network(request.user, network),
        "themes": list(network.themes.filter(archived_at__isnull=True)),
        "partnerships": partnerships,
        "mix": selectors.domain_mix(network),
        # What meetings, shadowing and casework show here (registered from their ready()).
        "actions": sections.render_network_sections(request, network, sections.ACTIONS),
        "sections": sections.render_network_sections(request, network, sections.BODY),
    }
    return render(request, "networks/network_detail.html", context)


@login_required
def member_directory(request, slug):
    network = permissions.get_network_for_member(request.user, slug)
    can_manage = permissions.can_manage_network(request.user, network)
    form = MemberFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    members = list(
        selectors.members_of(
            network,
            domain=filters.get("domain", ""),
            profession=filters.get("profession", ""),
            role=filters.get("role", ""),
        )
    )
    context = {
        "crumbs": network_crumbs(network, Crumb(_("Members"))),
        "network": network,
        "can_manage": can_manage,
        "form": form,
        "members": members,
        "mix": selectors.domain_mix(network),
        "filtered": any(filters.values()) if filters else False,
    }
    if can_manage:
        context["invitations"] = list(selectors.open_invitations_of(network))
        context["history"] = list(selectors.membership_history_of(network))
    template = (
        "networks/partials/member_list.html" if request.htmx else "networks/member_directory.html"
    )
    return render(request, template, context)


@login_required
def invite(request, slug):
    network = permissions.get_network_for_coordinator(request.user, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                network=network,
                invited_by=request.user,
                language=request.LANGUAGE_CODE,
                **form.cleaned_data,
            )
        except ValidationError as error:
            validation_error_to_form(form, error, field="email")
        else:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("networks:members", slug=network.slug)
    context = {
        "crumbs": _members_crumbs(network, _("Invite people")),
        "network": network,
        "form": form,
    }
    return render(request, "networks/invite.html", context)


@login_required
@require_POST
def invitation_revoke(request, slug, pk):
    network = permissions.get_network_for_coordinator(request.user, slug)
    invitation = Invitation.objects.filter(network=network, pk=pk).first()
    if invitation is None:
        raise Http404
    services.invitation_revoke(invitation=invitation)
    messages.success(
        request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email}
    )
    return redirect("networks:members", slug=network.slug)


@login_required
def membership_edit(request, slug, pk):
    network = permissions.get_network_for_coordinator(request.user, slug)
    membership = permissions.get_membership_for_coordinator(request.user, network, pk)
    if not membership.is_current:
        raise Http404
    form = RoleForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_change_role(
                membership=membership, role=form.cleaned_data["role"], changed_by=request.user
            )
        except ValidationError as error:
            validation_error_to_form(form, error, field="role")
        else:
            messages.success(
                request,
                _("%(name)s now has the role %(role)s.")
                % {
                    "name": membership.user,
                    "role": dict(form.fields["role"].choices)[form.cleaned_data["role"]],
                },
            )
            return redirect("networks:members", slug=network.slug)
    return render(
        request,
        "networks/membership_edit.html",
        {
            "crumbs": _members_crumbs(network, membership.user.get_full_name()),
            "network": network,
            "membership": membership,
            "form": form,
        },
    )


@login_required
@require_POST
def membership_end(request, slug, pk):
    network = permissions.get_network_for_coordinator(request.user, slug)
    membership = permissions.get_membership_for_coordinator(request.user, network, pk)
    try:
        services.membership_end(membership=membership, ended_by=request.user)
    except ValidationError as error:
        validation_error_to_messages(request, error)
        return redirect("networks:membership_edit", slug=network.slug, pk=membership.pk)
    messages.success(
        request, _("The membership of %(name)s has ended.") % {"name": membership.user}
    )
    return redirect("networks:members", slug=network.slug)


def invitation(request, token):
    """Open an invitation: sign up, or accept with the account one has."""
    invitation = (
        Invitation.objects.select_related("network", "invited_by").filter(token=token).first()
    )
    problem = services.invitation_problem(invitation)
    if problem:
        return render(
            request,
            "networks/invitation_problem.html",
            {"problem": problem},
            status=410 if invitation else 404,
        )

    context = {"invitation": invitation, "network": invitation.network}
    user = request.user
    if user.is_authenticated:
        if user.email.lower() != invitation.email:
            context["problem"] = _(
                "This invitation was sent to %(invited)s, but you are signed in as "
                "%(current)s. Sign out first, then open the link again."
            ) % {"invited": invitation.email, "current": user.email}
            return render(request, "networks/invitation_problem.html", context, status=403)
        if request.method == "POST":
            try:
                services.invitation_accept(invitation=invitation, user=user)
            except ValidationError as error:
                validation_error_to_messages(request, error)
                return redirect("networks:invitation", token=token)
            messages.success(
                request, _("Welcome to %(network)s.") % {"network": invitation.network.name}
            )
            return redirect("networks:detail", slug=invitation.network.slug)
        return render(request, "networks/invitation_accept.html", context)

    if User.objects.filter(email__iexact=invitation.email).exists():
        context["existing_account"] = True
        return render(request, "networks/invitation_accept.html", context)

    form = InvitationSignupForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new_user, _membership = services.invitation_accept_with_signup(
                invitation=invitation,
                full_name=data["full_name"].strip(),
                password=data["password1"],
                profession=data["profession"],
                student_level=data.get("student_level") or "",
                programme=(data.get("programme") or "").strip(),
                language=request.LANGUAGE_CODE,
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            login(request, new_user, backend="allauth.account.auth_backends.AuthenticationBackend")
            messages.success(
                request, _("Welcome to %(network)s.") % {"network": invitation.network.name}
            )
            return redirect("networks:detail", slug=invitation.network.slug)
    context["form"] = form
    return render(request, "networks/invitation_signup.html", context)


@login_required
def network_create(request):
    if not permissions.can_create_network(request.user):
        raise PermissionDenied
    form = NetworkCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        network, appointed = services.network_create(
            name=data["name"],
            kind=data["kind"],
            region=data["region"],
            description=data["description"],
            coordinator_email=data["coordinator_email"],
            themes=data["themes"],
            created_by=request.user,
        )
        if isinstance(appointed, Invitation):
            messages.success(
                request,
                _("%(network)s was created; an invitation to coordinate it went to %(email)s.")
                % {"network": network.name, "email": appointed.email},
            )
        else:
            messages.success(
                request,
                _("%(network)s was created with %(name)s as coordinator.")
                % {"network": network.name, "name": appointed.user},
            )
        return redirect("networks:staff_list")
    return render(request, "networks/network_create.html", {"form": form})


@login_required
def staff_network_list(request):
    if not permissions.can_create_network(request.user):
        raise PermissionDenied
    networks = list(selectors.all_networks_for_staff())
    return render(request, "networks/staff_network_list.html", {"networks": networks})
