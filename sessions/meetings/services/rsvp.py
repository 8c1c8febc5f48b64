"""Answers to a meeting: yes / no (with a reason) / maybe, and the waiting list.

A "yes" beyond the capacity waits; when a place frees up, the longest-waiting person moves
up. The meeting row is locked while answers change so two last places are never given out
twice.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..choices import MeetingStatus, RsvpAnswer
from ..models import Meeting, Rsvp


def rsvp_problem(meeting: Meeting, *, now=None) -> str | None:
    """Why nobody can answer this meeting any more, or None."""
    now = now or timezone.now()
    if meeting.status == MeetingStatus.CANCELLED:
        return _("This meeting was cancelled; answers are closed.")
    if meeting.status == MeetingStatus.HELD or meeting.starts_at <= now:
        return _("This meeting has already started; answers are closed.")
    return None


def _places_taken(meeting: Meeting) -> int:
    return Rsvp.objects.filter(meeting=meeting, answer=RsvpAnswer.YES, waitlisted=False).count()


@transaction.atomic
def rsvp_answer(*, meeting: Meeting, user, answer: str, reason: str = "") -> Rsvp:
    """Answer (or change one's answer to) a meeting.

    Side effects: creates or updates the person's one Rsvp row; a "yes" to a full meeting
    goes on the waiting list; leaving a place moves the first waiting person up.
    Raises ValidationError (nothing changed) on a cancelled, held or started meeting.
    """
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    problem = rsvp_problem(locked)
    if problem:
        raise ValidationError(problem)
    if answer not in RsvpAnswer.values:
        raise ValidationError(_("Choose yes, no or maybe."))
    reason = reason.strip() if answer == RsvpAnswer.NO else ""
    rsvp = Rsvp.objects.filter(meeting=locked, user=user).first()
    had_place = rsvp is not None and rsvp.answer == RsvpAnswer.YES and not rsvp.waitlisted
    if rsvp is not None and rsvp.answer == answer and answer == RsvpAnswer.YES:
        # Saying yes again keeps one's place (or one's turn on the waiting list).
        return rsvp
    waitlisted = False
    if answer == RsvpAnswer.YES and locked.capacity is not None:
        waitlisted = _places_taken(locked) >= locked.capacity
    if rsvp is None:
        rsvp = Rsvp(meeting=locked, user=user)
    rsvp.answer = answer
    rsvp.reason = reason
    rsvp.waitlisted = waitlisted
    rsvp.answered_at = timezone.now()
    rsvp.save()
    if had_place and answer != RsvpAnswer.YES:
        rsvp_fill_from_waiting_list(meeting=locked)
    return rsvp


@transaction.atomic
def rsvp_fill_from_waiting_list(*, meeting: Meeting) -> list[Rsvp]:
    """Give free places to the people waiting longest. Side effect: their ``waitlisted``
    becomes False. Returns the people moved up."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    waiting = Rsvp.objects.filter(meeting=locked, answer=RsvpAnswer.YES, waitlisted=True)
    if locked.capacity is None:
        free = waiting.count()
    else:
        free = max(locked.capacity - _places_taken(locked), 0)
    if not free:
        return []
    moved = list(waiting.order_by("answered_at", "pk")[:free])
    Rsvp.objects.filter(pk__in=[r.pk for r in moved]).update(waitlisted=False)
    for rsvp in moved:
        rsvp.waitlisted = False
    return moved


def series_open_meetings(series, user, *, now=None) -> list[Meeting]:
    """The meetings of ``series`` still to come (scheduled, not started) that ``user`` is
    invited to, soonest first."""
    from ..selectors.meetings import meetings_visible_to

    now = now or timezone.now()
    return list(
        meetings_visible_to(user)
        .filter(series=series, status=MeetingStatus.SCHEDULED, starts_at__gt=now)
        .order_by("starts_at")
    )


@transaction.atomic
def rsvp_series_answer(*, series, user, answer: str, reason: str = "") -> list[Rsvp]:
    """Answer every meeting of a series still to come at once (one meeting can be changed
    afterwards with ``rsvp_answer``).

    Side effects: ``rsvp_answer`` for each such meeting (a "yes" to a full one waits).
    Raises ValidationError (nothing changed) when no meeting of the series is open."""
    if answer not in RsvpAnswer.values:
        raise ValidationError(_("Choose yes, no or maybe."))
    meetings = series_open_meetings(series, user)
    if not meetings:
        raise ValidationError(
            _("Every meeting of this series has started or was cancelled; answers are closed.")
        )
    return [
        rsvp_answer(meeting=meeting, user=user, answer=answer, reason=reason)
        for meeting in meetings
    ]
