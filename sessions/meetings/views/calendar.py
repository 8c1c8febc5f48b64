"""The calendar: month view and agenda list, for one network or all of mine."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from lin_platform.crumbs import Crumb, network_crumbs
from networks.permissions import can_manage_network, get_network_for_member

from ..forms import CalendarFilterForm
from ..selectors.calendar import agenda_list, calendar_meetings, month_view, themes_for_filter


def _filters(request, network):
    form = CalendarFilterForm(
        request.GET or None,
        themes=themes_for_filter(request.user, network=network),
        show_network=network is None,
    )
    data = form.cleaned_data if form.is_valid() else {}
    queryset = calendar_meetings(
        request.user, network=network, format=data.get("format", ""), theme=data.get("theme")
    )
    return form, queryset


def _month_from(request) -> tuple[int, int]:
    value = request.GET.get("maand", "")
    try:
        year, month = (int(part) for part in value.split("-"))
        date(year, month, 1)
    except (ValueError, TypeError):
        today = timezone.localdate()
        return today.year, today.month
    if not 1900 < year < 2200:
        today = timezone.localdate()
        return today.year, today.month
    return year, month


def _base(request, slug):
    network = get_network_for_member(request.user, slug) if slug else None
    return {
        "crumbs": network_crumbs(network, Crumb(_("Agenda"))) if network else None,
        "network": network,
        "can_schedule": network is not None and can_manage_network(request.user, network),
    }


@login_required
def agenda(request, slug=None):
    context = _base(request, slug)
    form, queryset = _filters(request, context["network"])
    past = request.GET.get("periode") == "verleden"
    paginator = Paginator(agenda_list(queryset, request.user, past=past), 25)
    page = paginator.get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    filter_query = request.GET.copy()
    for key in ("pagina", "periode", "maand"):
        filter_query.pop(key, None)
    context.update(
        {
            "filter_query": filter_query.urlencode(),
            "form": form,
            "page_obj": page,
            "meetings": list(page.object_list),
            "past": past,
            "query": query.urlencode(),
        }
    )
    return render(request, "meetings/agenda.html", context)


@login_required
def month(request, slug=None):
    context = _base(request, slug)
    form, queryset = _filters(request, context["network"])
    year, month_number = _month_from(request)
    query = request.GET.copy()
    query.pop("maand", None)
    context.update(
        {
            "form": form,
            "month": month_view(queryset, year, month_number),
            "query": query.urlencode(),
        }
    )
    return render(request, "meetings/month.html", context)
