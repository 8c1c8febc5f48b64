"""Pages of evaluation: the network's rounds, a round's results and paired change, creating
and opening a round, answering (save and come back, send, thank you), the export, the
meeting-evaluation setting, evaluating a meeting and a series' trend, own questionnaires."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform import once
from lin_platform.crumbs import Crumb, network_crumbs
from lin_platform.exports import FORMATS
from lin_platform.feedback import validation_error_to_form, validation_error_to_messages
from networks.permissions import get_network_for_coordinator, get_network_for_member

from . import charts, permissions, selectors, services
from .exports import instrument_export
from .forms import (
    AnswerForm,
    CustomInstrumentForm,
    MeetingSettingForm,
    RoundForm,
    initial_from,
)
from .models import CustomInstrument, Response
from .registry import custom_as_instrument, get_instrument
from .stats import min_group


def _index_url(network) -> str:
    return reverse("evaluation:index", args=[network.slug])


def _crumbs(network, *rest: Crumb) -> list[Crumb]:
    return network_crumbs(network, Crumb(_("Evaluation"), _index_url(network)), *rest)


def _round_url(round_) -> str:
    return reverse("evaluation:round", args=[round_.network.slug, round_.pk])


@login_required
def index(request, slug):
    """The network's rounds for coordinators and researchers."""
    network = permissions.get_network_for_results(request.user, slug)
    rounds = list(selectors.rounds_of(network))
    customs = list(CustomInstrument.objects.filter(network=network).order_by("pk"))
    own = {custom.code: custom_as_instrument(custom) for custom in customs}
    for round_ in rounds:
        round_.instrument = own.get(round_.instrument_code) or get_instrument(
            round_.instrument_code
        )
    context = {
        "network": network,
        "rounds": rounds,
        "can_manage": permissions.can_manage_evaluation(request.user, network),
        "customs": customs,
        "setting": services.meeting_evaluation_setting(network),
        "min_group": min_group(),
        "crumbs": network_crumbs(network, Crumb(_("Evaluation"))),
    }
    return render(request, "evaluation/index.html", context)


@login_required
def round_create(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = RoundForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        if (earlier := once.claim(request, form, fallback=_index_url(network))) is not None:
            return redirect(earlier)
        data = form.cleaned_data
        try:
            round_ = services.round_create(
                network=network,
                instrument_code=data["instrument_code"],
                wave=data["wave"],
                roles=data["roles"],
                joined_from=data["joined_from"],
                joined_until=data["joined_until"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                created_by=request.user,
            )
        except ValidationError as error:
            once.release(request, form)
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The round was made. Open it to invite people."))
            once.done(request, form, _round_url(round_))
            return redirect(_round_url(round_))
    context = {
        "network": network,
        "form": form,
        "crumbs": _crumbs(network, Crumb(_("New round"))),
    }
    return render(request, "evaluation/round_form.html", context)


@login_required
@require_POST
def round_open(request, slug, pk):
    round_ = permissions.get_round_for_coordinator(request.user, slug, pk)
    try:
        count = services.round_open(round_=round_, opened_by=request.user)
    except ValidationError as error:
        validation_error_to_messages(request, error)
    else:
        messages.success(
            request, _("The round is open: %(count)d people are invited.") % {"count": count}
        )
    return redirect(_round_url(round_))


def _subscale_charts(subscales) -> list[dict]:
    items = []
    for result in subscales:
        entry = {"result": result, "histogram": None, "breakdowns": []}
        if not result.overall.suppressed:
            entry["histogram"] = charts.histogram(result.overall.bins)
            for name, title in (
                ("domain", _("By domain")),
                ("profession_group", _("By profession group")),
                ("role", _("By role (students by level)")),
            ):
                groups = result.breakdowns.get(name, [])
                entry["breakdowns"].append(
                    {
                        "title": title,
                        "groups": groups,
                        "chart": charts.bars(
                            [(g.label, g.summary.mean) for g in groups], result.low, result.high
                        ),
                    }
                )
        items.append(entry)
    return items


@login_required
def round_detail(request, slug, pk):
    """A round: its state, response rate, results and (for a follow-up) the paired change."""
    round_ = permissions.get_round_for_results(request.user, slug, pk)
    network = round_.network
    results = selectors.round_results(round_)
    baseline = selectors.baseline_of(round_)
    changes = selectors.paired_results(baseline, round_) if baseline else None
    context = {
        "network": network,
        "round": round_,
        "results": results,
        "subscales": _subscale_charts(results.subscales),
        "baseline": baseline,
        "changes": changes,
        "status": round_.status(),
        "can_manage": permissions.can_manage_evaluation(request.user, network),
        "min_group": min_group(),
        "formats": FORMATS,
        "crumbs": _crumbs(network, Crumb(f"{results.instrument.title} · {round_.label}")),
    }
    return render(request, "evaluation/round_detail.html", context)


@login_required
def export(request, slug, code, fmt):
    network = permissions.get_network_for_results(request.user, slug)
    if fmt not in FORMATS:
        raise Http404
    instrument = get_instrument(code, network=network)
    if instrument is None or instrument.for_meetings:
        raise Http404
    return instrument_export(network=network, instrument=instrument, fmt=fmt)


# --- answering ---------------------------------------------------------------------------


def _answer_url(round_) -> str:
    return reverse("evaluation:answer", args=[round_.network.slug, round_.pk])


@login_required
def answer(request, slug, pk):
    """Answer a round on a phone: "Save and continue later" keeps a draft; "Send" checks
    that every required question is answered and leads to the thank-you page."""
    round_ = permissions.get_round_for_member(request.user, slug, pk)
    network = round_.network
    problem = services.answer_problem(round_, request.user)
    crumbs = network_crumbs(network, Crumb(_("Questionnaire")))
    if problem:
        invited = round_.invitees.filter(user=request.user).exists()
        return render(
            request,
            "evaluation/answer_closed.html",
            {"network": network, "problem": problem, "crumbs": crumbs},
            status=200 if invited else 403,
        )
    instrument = services.round_instrument(round_)
    draft = Response.objects.filter(round=round_, respondent=request.user).first()
    if request.method == "POST":
        form = AnswerForm(request.POST, instrument=instrument)
        form.is_valid()
        submit = "send" in request.POST
        try:
            services.response_save(
                round_=round_, user=request.user, answers=form.raw_answers(), submit=submit
            )
        except ValidationError as error:
            form = AnswerForm(request.POST, instrument=instrument)
            form.is_valid()
            if hasattr(error, "error_dict"):
                validation_error_to_form(form, error)
                messages.error(request, _("Some answers need your attention; see below."))
            else:
                validation_error_to_messages(request, error)
                return redirect(_answer_url(round_))
        else:
            if submit:
                return redirect("evaluation:thanks", slug=network.slug)
            messages.success(
                request,
                _("Your answers are saved. You can come back until %(date)s.")
                % {"date": round_.closes_on.strftime("%d-%m-%Y")},
            )
            return redirect(_answer_url(round_))
    else:
        form = AnswerForm(
            initial=initial_from(draft.answers if draft else {}), instrument=instrument
        )
    context = {
        "network": network,
        "round": round_,
        "instrument": instrument,
        "form": form,
        "draft": draft,
        "crumbs": crumbs,
    }
    return render(request, "evaluation/answer.html", context)


@login_required
def thanks(request, slug):
    network = get_network_for_member(request.user, slug)
    return render(
        request,
        "evaluation/thanks.html",
        {"network": network, "crumbs": network_crumbs(network, Crumb(_("Thank you")))},
    )


# --- meetings --------------------------------------------------------------------------------


@login_required
def meeting_settings(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    setting = services.meeting_evaluation_setting(network)
    form = MeetingSettingForm(
        request.POST or None,
        initial={"enabled": setting.enabled, "instrument_code": setting.instrument_code},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_evaluation_configure(
                network=network,
                enabled=form.cleaned_data["enabled"],
                instrument_code=form.cleaned_data["instrument_code"],
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The setting was saved."))
            return redirect(_index_url(network))
    context = {
        "network": network,
        "form": form,
        "crumbs": _crumbs(network, Crumb(_("Meeting evaluations"))),
    }
    return render(request, "evaluation/meeting_settings.html", context)


def _meeting(request, slug, pk):
    from sessions.meetings.permissions import get_meeting_for_member

    meeting = get_meeting_for_member(request.user, pk, slug)
    if meeting.network.slug != slug:
        raise Http404
    return meeting


@login_required
def meeting_answer(request, slug, pk):
    """The one-minute evaluation of a meeting, for those marked present."""
    from sessions.meetings.crumbs import meeting_crumbs

    meeting = _meeting(request, slug, pk)
    network = meeting.network
    crumbs = meeting_crumbs(meeting, request.user) + [Crumb(_("Evaluation"))]
    problem = services.meeting_answer_problem(meeting, request.user)
    if problem:
        return render(
            request,
            "evaluation/answer_closed.html",
            {"network": network, "problem": problem, "crumbs": crumbs},
        )
    setting = services.meeting_evaluation_setting(network)
    instrument = get_instrument(setting.instrument_code)
    form = AnswerForm(request.POST or None, instrument=instrument)
    if request.method == "POST":
        form.is_valid()
        try:
            services.meeting_response_save(
                meeting=meeting, user=request.user, answers=form.raw_answers()
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                validation_error_to_form(form, error)
            else:
                validation_error_to_messages(request, error)
                return redirect("evaluation:meeting_answer", slug=slug, pk=pk)
        else:
            return redirect("evaluation:thanks", slug=network.slug)
    context = {
        "network": network,
        "meeting": meeting,
        "instrument": instrument,
        "form": form,
        "crumbs": crumbs,
    }
    return render(request, "evaluation/meeting_answer.html", context)


@login_required
def series_trend(request, slug, pk):
    """The meeting ratings of a series, meeting by meeting (facilitator's view: the
    coordinators)."""
    from sessions.meetings.models import MeetingSeries

    network = get_network_for_coordinator(request.user, slug)
    series = MeetingSeries.objects.filter(network=network, pk=pk).first()
    if series is None:
        raise Http404
    trend = selectors.series_trend(series)
    chart = charts.bars(
        [
            (timezone.localtime(t["starts_at"]).strftime("%d-%m-%Y"), t["summary"].mean)
            for t in trend
        ],
        1,
        5,
    )
    context = {
        "network": network,
        "series": series,
        "trend": trend,
        "chart": chart,
        "crumbs": _crumbs(network, Crumb(series.title)),
    }
    return render(request, "evaluation/series_trend.html", context)


# --- own questionnaires ----------------------------------------------------------------------


@login_required
def custom_create(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form = CustomInstrumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if (earlier := once.claim(request, form, fallback=_index_url(network))) is not None:
            return redirect(earlier)
        try:
            services.custom_instrument_create(
                network=network,
                title_nl=form.cleaned_data["title_nl"],
                title_en=form.cleaned_data["title_en"],
                items=form.items(),
                created_by=request.user,
            )
        except ValidationError as error:
            once.release(request, form)
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The questionnaire was saved."))
            once.done(request, form, _index_url(network))
            return redirect(_index_url(network))
    context = {
        "network": network,
        "form": form,
        "crumbs": _crumbs(network, Crumb(_("Own questionnaire"))),
    }
    return render(request, "evaluation/custom_form.html", context)


@login_required
def custom_edit(request, slug, pk):
    custom = permissions.get_custom_for_coordinator(request.user, slug, pk)
    network = custom.network
    frozen = services.custom_instrument_is_frozen(custom)
    form = CustomInstrumentForm(
        request.POST or None, initial=CustomInstrumentForm.initial_for(custom)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.custom_instrument_update(
                custom=custom,
                title_nl=form.cleaned_data["title_nl"],
                title_en=form.cleaned_data["title_en"],
                items=form.items(),
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The questionnaire was saved."))
            return redirect(_index_url(network))
    context = {
        "network": network,
        "form": form,
        "frozen": frozen,
        "custom": custom,
        "crumbs": _crumbs(network, Crumb(custom.title_nl)),
    }
    return render(request, "evaluation/custom_form.html", context)
