"""Views of shadowing days (meelopen): thin; they parse, ask the permissions, call one
service, and redirect or render. Bad input ends in a message, never in a 500."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lin_platform.exports import FORMATS, table_response
from lin_platform.feedback import (
    validation_error_messages,
    validation_error_to_form,
    validation_error_to_messages,
)
from lin_platform.redirects import local_next
from networks.choices import Role
from networks.permissions import get_network_for_coordinator, get_network_for_member, role_in

from . import exports, selectors, services
from . import permissions as perms
from .choices import AWAITING_CONFIRMATION, HISTORY_STATUSES
from .crumbs import crumbs_context
from .forms import (
    CancelForm,
    DayEditForm,
    DeclineForm,
    FeedbackForm,
    LogForm,
    PeriodForm,
    ReflectionForm,
    RequestForm,
    ShadowingSettingsForm,
    SlotFilterForm,
    SlotForm,
)
from .rules import times_or_defaults


def _day_url(day) -> str:
    return reverse("shadowing:day", args=[day.network.slug, day.pk])


TAB_PAGES = {
    perms.TAB_HOST: ("shadowing:host", _lazy("Days I host")),
    perms.TAB_LOGBOOK: ("shadowing:logbook", _lazy("My logbook")),
    perms.TAB_QUEUE: ("shadowing:queue", _lazy("Feedback to give")),
    perms.TAB_STUDENTS: ("shadowing:students", _lazy("Students")),
    perms.TAB_PATTERN: ("shadowing:pattern", _lazy("Pattern")),
}


def _tabs(request, network, active: str) -> list[dict]:
    """The person's shadowing pages, as tabs (shown when there are several)."""
    return [
        {
            "label": TAB_PAGES[tab][1],
            "url": reverse(TAB_PAGES[tab][0], args=[network.slug]),
            "active": tab == active,
        }
        for tab in perms.shadowing_tabs(role_in(request.user, network), network)
    ]


@login_required
def shadowing_home(request, slug):
    """The network's shadowing entry: each role lands on its own page (a professional on
    what they host, a student on their logbook, a teacher on their students, a coordinator
    on the pattern); the others are tabs there."""
    network = get_network_for_member(request.user, slug)
    tabs = perms.shadowing_tabs(role_in(request.user, network), network)
    if not tabs:
        raise PermissionDenied
    return redirect(TAB_PAGES[tabs[0]][0], slug)


# --- The shadower ------------------------------------------------------------------------


@login_required
def logbook(request, slug):
    network = perms.get_network_for_shadower(request.user, slug)
    days = list(selectors.days_of_shadower(request.user, network))
    context = {
        **crumbs_context(network, _("My logbook")),
        "network": network,
        "book": selectors.logbook(days, network.shadowing_dagdelen_required_for(request.user)),
        # Only students need a number of half-days; the others log what they did.
        "is_student": role_in(request.user, network) == Role.STUDENT,
        "tabs": _tabs(request, network, perms.TAB_LOGBOOK),
    }
    return render(request, "shadowing/logbook.html", context)


def _full_logbook(request, network, student, *, own: bool):
    visible = selectors.days_visible_to(request.user, network).values("pk")
    days = list(selectors.days_of_shadower(student, network).filter(pk__in=visible))
    here = _("Printable logbook") if own else _("Logbook of %(name)s") % {"name": student}
    context = {
        **crumbs_context(network, here),
        "network": network,
        "student": student,
        "own": own,
        "book": selectors.logbook(days, network.shadowing_dagdelen_required_for(student)),
    }
    return render(request, "shadowing/logbook_full.html", context)


@login_required
def logbook_print(request, slug):
    network = perms.get_network_for_shadower(request.user, slug)
    return _full_logbook(request, network, request.user, own=True)


@login_required
def open_slots(request, slug):
    network = perms.get_network_for_shadower(request.user, slug)
    form = SlotFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    slots = list(selectors.open_slots_for(request.user, network, **filters))
    context = {
        **crumbs_context(network, _("Open half-days")),
        "network": network,
        "slots": slots,
        "form": form,
        "filtered": bool(filters),
    }
    return render(request, "shadowing/slots.html", context)


@login_required
def slot_request(request, slug, pk):
    network = perms.get_network_for_shadower(request.user, slug)
    slot = perms.get_slot_for_request(request.user, network, pk)
    same = services.same_domain(request.user, slot.host)
    form = RequestForm(request.POST or None, same_domain=same)
    if request.method == "POST" and form.is_valid():
        try:
            day = services.shadowing_day_request(
                shadower=request.user,
                network=network,
                slot=slot,
                learning_goals=form.cleaned_data["learning_goals"],
                same_domain_reason=form.cleaned_data.get("same_domain_reason", ""),
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(
                request,
                _("Your request has been sent to %(host)s.") % {"host": slot.host},
            )
            return redirect(_day_url(day))
    booked = perms.slot_is_booked(slot)
    context = {
        **crumbs_context(network, _("Request a half-day")),
        "network": network,
        "slot": slot,
        "form": form,
        "same_domain": same,
        "refused": same and network.shadowing_same_domain == "refuse",
        "booked": booked,
        # Taken by someone else: the half-days that fit best instead.
        "alternatives": selectors.next_fitting_slots(request.user, network, slot) if booked else [],
    }
    return render(request, "shadowing/slot_request.html", context)


@login_required
def day_log(request, slug):
    network = perms.get_network_for_shadower(request.user, slug)
    candidates = [m for m in selectors.host_candidates(network) if m.user_id != request.user.pk]
    form = LogForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        host_membership = form.cleaned_data["host"]
        try:
            day = services.shadowing_day_log(
                shadower=request.user,
                network=network,
                host=host_membership.user,
                host_network=host_membership.network,
                on=form.cleaned_data["date"],
                dagdeel=form.cleaned_data["dagdeel"],
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                hours=form.cleaned_data["hours"],
                organisation_name=form.cleaned_data["organisation_name"]
                or (str(host_membership.organisation) if host_membership.organisation else ""),
                place=form.cleaned_data["place"],
                learning_goals=form.cleaned_data["learning_goals"],
                same_domain_reason=form.cleaned_data["same_domain_reason"],
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(
                request,
                _("The day is in your logbook. %(host)s confirms it after your reflection.")
                % {"host": day.host},
            )
            return redirect(_day_url(day))
    same_domain_hosts = [m for m in candidates if services.same_domain(request.user, m.user)]
    context = {
        **crumbs_context(network, _("Log a day")),
        "network": network,
        "form": form,
        "same_domain_hosts": same_domain_hosts,
        "refuses": network.shadowing_same_domain == "refuse",
    }
    return render(request, "shadowing/day_log.html", context)


# --- One day -----------------------------------------------------------------------------


@login_required
def day_detail(request, slug, pk):
    day = perms.get_day_for_viewer(request.user, slug, pk)
    user = request.user
    is_teacher = perms.is_teacher_of(user, day)
    context = {
        **crumbs_context(day.network, _("Shadowing day")),
        "network": day.network,
        "day": day,
        "feedback": list(day.feedback.select_related("author")),
        "same_domain": services.same_domain(day.shadower, day.host),
        "is_shadower": day.shadower_id == user.pk,
        "is_host": day.host_id == user.pk,
        "is_teacher": is_teacher,
        "decline_form": DeclineForm(),
        "feedback_form": FeedbackForm(),
        "can_reflect": perms.can_reflect(user, day),
        "can_cancel": perms.can_cancel(user, day),
        "can_accept": perms.can_accept(user, day),
        "can_decline": perms.can_decline(user, day),
        "can_confirm": perms.can_confirm(user, day),
        "can_edit": perms.can_edit(user, day),
        "can_move": perms.day_is_movable(day),
        "can_give_feedback": is_teacher and day.has_reflection,
        "has_started": day.has_started(),
    }
    return render(request, "shadowing/day_detail.html", context)


@login_required
def day_edit(request, slug, pk):
    day = perms.get_day_for_shadower(request.user, slug, pk)
    if not perms.can_edit(request.user, day):
        messages.error(
            request,
            _("This day is %(status)s; it can no longer be changed.")
            % {"status": day.get_status_display().lower()},
        )
        return redirect(_day_url(day))
    movable = perms.day_is_movable(day)
    form = DayEditForm(request.POST or None, day=day, movable=movable)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # Only a movable day's form has these fields; the service calls the date ``on``.
        when = {
            ("on" if name == "date" else name): data[name] for name in form.WHEN_FIELDS if movable
        }
        try:
            services.shadowing_day_edit(
                day=day, by=request.user, learning_goals=data["learning_goals"], **when
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("Your changes to the day are saved."))
            return redirect(_day_url(day))
    return render(
        request,
        "shadowing/day_edit.html",
        {
            **crumbs_context(day.network, _("Change the day")),
            "network": day.network,
            "day": day,
            "form": form,
            "movable": movable,
        },
    )


@login_required
@require_POST
def day_cancel(request, slug, pk):
    day = perms.get_day_for_party(request.user, slug, pk)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["reason"][0])
        return redirect(_safe_next(request, day))
    reason = form.cleaned_data["reason"]
    was_request = day.is_request
    try:
        services.shadowing_day_cancel(day=day, by=request.user, reason=reason)
    except ValidationError as error:
        validation_error_to_messages(request, error)
    else:
        if day.host_id == request.user.pk:
            text = _("You cancelled the day; %(name)s is told by mail and sees your reason.") % {
                "name": day.shadower
            }
        elif was_request:
            text = _("You withdrew your request; %(name)s is told by mail.") % {"name": day.host}
        else:
            text = _("You cancelled the day; %(name)s is told by mail.") % {"name": day.host}
        messages.success(request, text)
    return redirect(_safe_next(request, day))


@login_required
def day_reflect(request, slug, pk):
    day = perms.get_day_for_shadower(request.user, slug, pk)
    initial = {
        "seen": day.reflection_seen,
        "surprised": day.reflection_surprised,
        "take_away": day.reflection_take_away,
        "question": day.reflection_question,
    }
    form = ReflectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.shadowing_day_reflect(day=day, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(
                request,
                _("Your reflection is saved. %(host)s is asked to confirm the day.")
                % {"host": day.host},
            )
            return redirect(_day_url(day))
    return render(
        request,
        "shadowing/reflect.html",
        {
            **crumbs_context(day.network, _("Reflection")),
            "network": day.network,
            "day": day,
            "form": form,
        },
    )


def _safe_next(request, day) -> str:
    return local_next(request, _day_url(day))


def _host_action(request, slug, pk, action):
    day = perms.get_day_for_host(request.user, slug, pk)
    try:
        action(day)
    except ValidationError as error:
        validation_error_to_messages(request, error)
    return redirect(_safe_next(request, day))


@login_required
@require_POST
def day_accept(request, slug, pk):
    def accept(day):
        services.shadowing_day_accept(day=day, by=request.user)
        messages.success(
            request, _("You accepted the request of %(name)s.") % {"name": day.shadower}
        )

    return _host_action(request, slug, pk, accept)


@login_required
@require_POST
def day_decline(request, slug, pk):
    def decline(day):
        form = DeclineForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        services.shadowing_day_decline(day=day, by=request.user, reason=reason)
        messages.success(
            request, _("You declined; %(name)s sees your reason.") % {"name": day.shadower}
        )

    return _host_action(request, slug, pk, decline)


@login_required
@require_POST
def day_confirm(request, slug, pk):
    def confirm(day):
        services.shadowing_day_confirm(day=day, by=request.user)
        messages.success(request, _("You confirmed the day of %(name)s.") % {"name": day.shadower})

    return _host_action(request, slug, pk, confirm)


@login_required
@require_POST
def day_feedback(request, slug, pk):
    """Feedback on a reflection, from the day's page or in place from the teacher's queue
    (htmx answers with the queue item; a plain post goes back to ``next``)."""
    day = perms.get_day_for_teacher(request.user, slug, pk)
    form = FeedbackForm(request.POST)
    problem = None
    try:
        services.shadowing_feedback_give(
            day=day, teacher=request.user, text=form.cleaned_data["text"] if form.is_valid() else ""
        )
    except ValidationError as error:
        problem = error
    if request.htmx:
        context = {
            "network": day.network,
            "day": day,
            "saved": problem is None,
            "text": form.cleaned_data.get("text", "") if form.is_valid() else "",
            "error": " ".join(validation_error_messages(problem)) if problem else "",
        }
        return render(request, "shadowing/partials/queue_item.html", context)
    if problem is not None:
        validation_error_to_messages(request, problem)
    else:
        messages.success(
            request, _("Your feedback is saved; %(name)s sees it.") % {"name": day.shadower}
        )
    return redirect(_safe_next(request, day))


@login_required
def feedback_queue(request, slug):
    """The teacher's queue: reflections of their students waiting for feedback, oldest
    first, each with its feedback form in place."""
    network = perms.get_network_for_teacher(request.user, slug)
    context = {
        **crumbs_context(network, _("Feedback to give")),
        "network": network,
        "days": list(selectors.feedback_queue(request.user, network)),
        "tabs": _tabs(request, network, perms.TAB_QUEUE),
    }
    return render(request, "shadowing/queue.html", context)


# --- The host ----------------------------------------------------------------------------


@login_required
def host_overview(request, slug):
    network = perms.get_network_for_host(request.user, slug)
    days = list(selectors.days_hosted_by(request.user, network))
    context = {
        **crumbs_context(network, _("Days I host")),
        "network": network,
        "requests": [d for d in days if d.is_request],
        "to_confirm": [d for d in days if d.status in AWAITING_CONFIRMATION],
        "planned": [d for d in days if d.awaits_reflection],
        "history": [d for d in days if d.status in HISTORY_STATUSES],
        "slots": list(selectors.slots_of_host(request.user, network)),
        "decline_form": DeclineForm(),
        "tabs": _tabs(request, network, perms.TAB_HOST),
    }
    return render(request, "shadowing/host.html", context)


def _remembered(host) -> dict:
    """Place, organisation and note of the host's last offer, for the next one."""
    last = selectors.last_slot_of(host)
    if last is None:
        return {}
    return {"place": last.place, "organisation_name": last.organisation_name, "note": last.note}


@login_required
def slot_offer(request, slug):
    """Offer one half-day or a series; when dates of a series clash with what the host
    already does, a confirm step lists them before the others are offered."""
    network = perms.get_network_for_host(request.user, slug)
    form = SlotForm(request.POST or None, initial=_remembered(request.user))
    plan = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        when = {
            "dagdeel": data["dagdeel"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
        }
        try:
            dates = services.series_dates(data["date"], data["repeat"], data["count"])
            start, end = times_or_defaults(data["dagdeel"], data["starts_at"], data["ends_at"])
            plan = services.shadowing_slot_series_plan(
                host=request.user,
                dates=dates,
                dagdeel=data["dagdeel"],
                starts_at=start,
                ends_at=end,
            )
            if plan.clashes and plan.free and request.POST.get("confirm") != "1":
                context = {
                    **crumbs_context(network, _("Offer a half-day")),
                    "network": network,
                    "form": form,
                    "plan": plan,
                }
                return render(request, "shadowing/slot_offer.html", context)
            slots, plan = services.shadowing_slot_series_offer(
                host=request.user,
                network=network,
                first=data["date"],
                repeat=data["repeat"],
                count=data["count"],
                organisation_name=data["organisation_name"],
                place=data["place"],
                note=data["note"],
                **when,
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
            plan = None
        else:
            if len(slots) == 1 and not plan.clashes:
                messages.success(request, _("Your half-day is offered to the network."))
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(n)s half-day is offered to the network.",
                        "%(n)s half-days are offered to the network.",
                        len(slots),
                    )
                    % {"n": len(slots)},
                )
            if plan.clashes:
                messages.warning(
                    request,
                    _("Skipped because you already have something then: %(dates)s.")
                    % {"dates": ", ".join(on.strftime("%d-%m-%Y") for on, _why in plan.clashes)},
                )
            return redirect("shadowing:host", network.slug)
    context = {
        **crumbs_context(network, _("Offer a half-day")),
        "network": network,
        "form": form,
        "plan": None,
    }
    return render(request, "shadowing/slot_offer.html", context)


@login_required
@require_POST
def slot_withdraw(request, slug, pk):
    network = perms.get_network_for_host(request.user, slug)
    slot = perms.get_slot_for_host(request.user, network, pk)
    try:
        services.shadowing_slot_withdraw(slot=slot, by=request.user)
    except ValidationError as error:
        validation_error_to_messages(request, error)
    else:
        messages.success(request, _("The half-day is no longer offered."))
    return redirect("shadowing:host", network.slug)


@login_required
@require_POST
def slot_series_withdraw(request, slug, pk):
    """Withdraw a half-day of a series and every later one nobody asked for."""
    network = perms.get_network_for_host(request.user, slug)
    slot = perms.get_slot_for_host(request.user, network, pk)
    try:
        withdrawn, kept = services.shadowing_slot_series_withdraw(slot=slot, by=request.user)
    except ValidationError as error:
        validation_error_to_messages(request, error)
    else:
        messages.success(
            request,
            ngettext(
                "%(n)s half-day of the series is no longer offered.",
                "%(n)s half-days of the series are no longer offered.",
                withdrawn,
            )
            % {"n": withdrawn},
        )
        if kept:
            messages.warning(
                request,
                _(
                    "Someone asked for these, so they stay: %(dates)s. Answer or decline "
                    "those requests one by one."
                )
                % {"dates": ", ".join(s.date.strftime("%d-%m-%Y") for s in kept)},
            )
    return redirect("shadowing:host", network.slug)


# --- Teachers and coordinators -----------------------------------------------------------


@login_required
def students(request, slug):
    network = perms.get_network_for_follower(request.user, slug)
    rows = selectors.students_overview(network, viewer=request.user)
    context = {
        **crumbs_context(network, _("Students")),
        "network": network,
        "rows": rows,
        "tabs": _tabs(request, network, perms.TAB_STUDENTS),
    }
    return render(request, "shadowing/students.html", context)


@login_required
def student_logbook(request, slug, user_pk):
    network = perms.get_network_for_follower(request.user, slug)
    student = selectors.student_of(network, user_pk, viewer=request.user)
    if student is None:
        raise Http404
    return _full_logbook(request, network, student, own=False)


@login_required
def pattern(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    context = {
        **crumbs_context(network, _("Pattern")),
        "network": network,
        "form": form,
        "matrix": selectors.pattern_matrix(network, start, end),
        "tabs": _tabs(request, network, perms.TAB_PATTERN),
        "query": f"start={start.isoformat()}&end={end.isoformat()}",
    }
    return render(request, "shadowing/pattern.html", context)


@login_required
def pattern_export(request, slug, fmt):
    network = get_network_for_coordinator(request.user, slug)
    if fmt not in FORMATS:
        raise Http404
    start, end = PeriodForm(request.GET or None).period()
    return table_response(
        fmt=fmt,
        filename=exports.pattern_filename(network, start, end),
        sheets=exports.pattern_sheets(network, start, end, summaries=fmt == "xlsx"),
    )


@login_required
def shadowing_settings(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = ShadowingSettingsForm(request.POST or None, instance=network)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The shadowing settings are saved."))
        return redirect("shadowing:settings", network.slug)
    context = {**crumbs_context(network, _("Settings")), "network": network, "form": form}
    return render(request, "shadowing/settings.html", context)
