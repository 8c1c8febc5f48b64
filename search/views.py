"""The search page: the form and the hits per kind."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from lin_platform.crumbs import Crumb, home_crumb
from networks.models import Network

from . import sources
from .forms import SearchForm


@login_required
def results(request):
    mine = Network.objects.filter(memberships__in=request.user.memberships.current()).order_by(
        "name"
    )
    form = SearchForm(request.GET or None, networks=mine)
    hits, words = {}, ""
    if form.is_valid():
        data = form.cleaned_data
        words = data["q"]
        hits = sources.search(
            request.user, words, kind=data["kind"], network=data["network"],
            since=data["since"], until=data["until"],
        )  # fmt: skip
    groups = [(sources.KIND_BY_KEY[key], found) for key, found in hits.items()]
    context = {
        "crumbs": [home_crumb(), Crumb(_("Search"))],
        "form": form,
        "words": words,
        "groups": groups,
        "truncated": getattr(form, "truncated", False),
        "searched": bool(words) and form.is_valid(),
    }
    return render(request, "search/results.html", context)
