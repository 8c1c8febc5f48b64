"""The method script of a meeting with its structured record, roles and agreed actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform.feedback import validation_error_to_messages

from ..crumbs import meeting_crumbs
from ..forms.method import ActionForm, MethodForm, RecordForm, RolesForm
from ..methods import methods_for
from ..models import ActionStatus, Meeting
from ..permissions import get_meeting_for_member, get_meeting_for_runner
from ..permissions.method import (
    can_assign_roles,
    can_choose_method,
    can_read_record,
    can_set_action_status,
    can_write_record,
    readable_actions,
)
from ..selectors import record as selectors
from ..services import record as services


def meeting_page_url(meeting: Meeting) -> str:
    return reverse("meetings:detail", args=[meeting.network.slug, meeting.pk])


def _record_url(meeting: Meeting) -> str:
    return reverse("meetings:record", args=[meeting.network.slug, meeting.pk])


def _actions_context(request, meeting: Meeting, *, can_write: bool, can_read: bool) -> dict:
    every = selectors.actions_shown_on(meeting)
    actions = readable_actions(request.user, every, can_read=can_read)
    for action in actions:
        action.can_toggle = can_write or action.owner_id == request.user.pk
    return {
        "meeting": meeting,
        "network": meeting.network,
        "actions": actions,
        "carried_count": sum(1 for a in actions if a.carried),
        "withheld_count": len(every) - len(actions),
        "can_write": can_write,
    }


@login_required
def record(request, slug, pk):
    meeting = get_meeting_for_member(request.user, pk, slug)
    record = selectors.record_of(meeting)
    method = selectors.method_of(meeting, record)
    can_write = can_write_record(request.user, meeting)
    # The text is for those who were there; the others learn only that a record exists.
    can_read = can_write or can_read_record(request.user, meeting)
    notes = record.notes_for(method.key) if record and method and can_read else {}

    form = None
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied
        posted_method = request.POST.get("method", method.key if method else "")
        target = next((m for m in methods_for(meeting.format) if m.key == posted_method), None)
        if target is None:
            messages.error(request, _("That method does not belong to this meeting's format."))
            return redirect(_record_url(meeting))
        form = RecordForm(request.POST, method=target, notes={})
        if form.is_valid():
            try:
                services.meeting_record_save(
                    meeting=meeting, method_key=target.key, notes=form.notes(), user=request.user
                )
            except ValidationError as error:
                validation_error_to_messages(request, error)
            else:
                messages.success(request, _("The record has been saved."))
                return redirect(_record_url(meeting))
        method = target
    elif can_write and method:
        form = RecordForm(method=method, notes=notes)

    people = selectors.people_for_roles(meeting)
    steps = []
    for number, step in enumerate(method.steps if method else (), start=1):
        steps.append(
            {
                "number": number,
                "step": step,
                "fields": [
                    {
                        "field": field,
                        "text": notes.get(field.key, ""),
                        "bound": form[field.key] if form is not None else None,
                    }
                    for field in step.fields
                ],
            }
        )
    context = {
        **_actions_context(request, meeting, can_write=can_write, can_read=can_read),
        "method": method,
        "record": record,
        "can_read": can_read,
        "has_record": bool(record and any(record.entries.values())),
        "steps": steps,
        "form": form,
        "roles": selectors.roles_of(meeting),
        "meeting_url": meeting_page_url(meeting),
        "crumbs": meeting_crumbs(meeting, request.user, _("Method and record"), with_agenda=False),
        "method_form": (
            MethodForm(meeting=meeting, initial={"method": method.key})
            if method
            and can_choose_method(request.user, meeting)
            and len(methods_for(meeting.format)) > 1
            else None
        ),
        "can_assign": can_assign_roles(request.user, meeting),
    }
    if context["can_assign"]:
        context["roles_form"] = RolesForm(
            people=people, method=method, initial=_roles_initial(meeting, context["roles"])
        )
    if can_write:
        context["action_form"] = ActionForm(people=people)
    return render(request, "meetings/record_page.html", context)


def _roles_initial(meeting: Meeting, roles) -> dict:
    initial = {"facilitator": meeting.facilitator_id, "presenters": []}
    for role in roles:
        if role.kind == "presenter":
            initial["presenters"].append(role.user_id)
        else:
            initial[role.kind] = role.user_id
    return initial


@login_required
@require_POST
def record_method(request, slug, pk):
    meeting = get_meeting_for_runner(request.user, pk, slug)
    form = MethodForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("That method does not belong to this meeting's format."))
        return redirect(_record_url(meeting))
    services.meeting_record_method_set(
        meeting=meeting, method_key=form.cleaned_data["method"], user=request.user
    )
    messages.success(request, _("The meeting now follows another method."))
    return redirect(_record_url(meeting))


@login_required
@require_POST
def roles(request, slug, pk):
    meeting = get_meeting_for_member(request.user, pk, slug)
    if not can_assign_roles(request.user, meeting):
        raise PermissionDenied
    record = selectors.record_of(meeting)
    people = selectors.people_for_roles(meeting)
    form = RolesForm(request.POST, people=people, method=selectors.method_of(meeting, record))
    if not form.is_valid():
        messages.error(request, _("Choose members of the network for the roles."))
        return redirect(_record_url(meeting))
    data = form.cleaned_data
    try:
        services.meeting_roles_assign(
            meeting=meeting,
            facilitator=data.get("facilitator"),
            note_taker=data.get("note_taker"),
            case_bringer=data.get("case_bringer"),
            presenters=list(data.get("presenters") or []),
            allowed=set(people.values_list("pk", flat=True)),
            by=request.user,
        )
    except ValidationError as error:
        validation_error_to_messages(request, error)
    else:
        messages.success(request, _("The roles have been saved."))
    return redirect(_record_url(meeting))


@login_required
@require_POST
def action_add(request, slug, pk):
    meeting = get_meeting_for_member(request.user, pk, slug)
    if not can_write_record(request.user, meeting):
        raise PermissionDenied
    form = ActionForm(request.POST, people=selectors.people_for_roles(meeting))
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        label = form.fields[field].label if field in form.fields else ""
        messages.error(
            request,
            _("The action was not saved: %(field)s: %(error)s")
            % {"field": label, "error": errors[0]},
        )
        return redirect(_record_url(meeting) + "#actions")
    services.meeting_action_add(meeting=meeting, user=request.user, **form.cleaned_data)
    messages.success(request, _("The action has been added."))
    return redirect(_record_url(meeting) + "#actions")


@login_required
@require_POST
def action_status(request, slug, pk, action_pk):
    meeting = get_meeting_for_member(request.user, pk, slug)
    action = selectors.action_for_meeting(meeting, action_pk)
    if action is None:
        raise Http404
    if not can_set_action_status(request.user, meeting, action):
        raise PermissionDenied
    status = request.POST.get("status", "")
    error = None
    if status not in ActionStatus.values:
        error = _("Choose open or closed.")
    else:
        services.meeting_action_status_set(action=action, status=status, user=request.user)
    if request.htmx:
        can_write = can_write_record(request.user, meeting)
        context = _actions_context(
            request,
            meeting,
            can_write=can_write,
            can_read=can_write or can_read_record(request.user, meeting),
        )
        context["error"] = error
        return render(request, "meetings/partials/record_actions.html", context)
    if error:
        messages.error(request, error)
    elif status == ActionStatus.CLOSED:
        messages.success(request, _("The action is closed."))
    else:
        messages.success(request, _("The action is open again."))
    return redirect(_record_url(meeting) + "#actions")
