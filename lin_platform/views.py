"""Project-level views: the home page, which gathers what each app has for the person."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from casework import selectors as casework_selectors
from networks import selectors as network_selectors


@login_required
def home(request):
    memberships = list(network_selectors.networks_of(request.user))
    context = {
        "memberships": memberships,
        "teaching": casework_selectors.teacher_home(request.user, memberships=memberships),
        "pair_cases": casework_selectors.pair_cases(request.user, memberships=memberships),
    }
    return render(request, "home.html", context)
