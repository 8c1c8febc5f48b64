"""Guest speakers who are not members: the coordinators name and remove them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform.feedback import validation_error_to_form

from .. import permissions
from ..crumbs import meeting_crumbs
from ..forms import GuestSpeakerForm
from ..models import GuestSpeaker
from ..services.guests import guest_speaker_add, guest_speaker_remove


@login_required
def guest_speakers(request, slug, pk):
    """The meeting's guest speakers, with a form to name one more."""
    meeting = permissions.get_meeting_for_manager(request.user, pk, slug)
    form = GuestSpeakerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            speaker = guest_speaker_add(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(
                request, _("%(name)s is named as guest speaker.") % {"name": speaker.name}
            )
            return redirect("meetings:guest_speakers", slug=meeting.network.slug, pk=meeting.pk)
    context = {
        "crumbs": meeting_crumbs(meeting, request.user, _("Guest speakers")),
        "meeting": meeting,
        "network": meeting.network,
        "speakers": list(meeting.guest_speakers.all()),
        "form": form,
    }
    return render(request, "meetings/guest_speakers.html", context)


@login_required
@require_POST
def guest_speaker_delete(request, slug, pk, speaker_pk):
    meeting = permissions.get_meeting_for_manager(request.user, pk, slug)
    speaker = get_object_or_404(GuestSpeaker, pk=speaker_pk, meeting=meeting)
    guest_speaker_remove(speaker=speaker)
    messages.success(request, _("%(name)s was removed.") % {"name": speaker.name})
    return redirect("meetings:guest_speakers", slug=meeting.network.slug, pk=meeting.pk)
