"""Demo meetings: every format in every network, past ones with attendance, future ones
with answers, and a series of intervisie. Running it twice adds nothing twice."""

import random
from dataclasses import replace
from datetime import date, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.choices import Role
from networks.models import Membership, Network

from ..choices import AttendanceStatus, MeetingFormat, MeetingStatus, Repeat, RsvpAnswer
from ..models import Meeting, MeetingSeries
from ..rules import SeriesRule
from ..services.attendance import attendance_register
from ..services.guests import guest_speaker_add
from ..services.meetings import MeetingDetails, meeting_schedule, meeting_series_schedule
from ..services.rsvp import rsvp_answer

# Title, start, end and a realistic agenda per format.
PLAN = {
    MeetingFormat.INTERVISIE: (
        "Intervisie",
        time(15, 0),
        time(16, 30),
        "Casus inbrengen\nRonde vragen\nAdvies",
    ),
    MeetingFormat.MOREEL_BERAAD: (
        "Moreel beraad",
        time(14, 0),
        time(15, 30),
        "Dilemma\nWaarden en normen\nBesluit",
    ),
    MeetingFormat.KLINISCHE_LES: (
        "Klinische les",
        time(12, 30),
        time(13, 30),
        "Presentatie door student en professional\nVragen",
    ),
    MeetingFormat.CASUISTIEK: (
        "Casuïstiekbespreking",
        time(15, 30),
        time(17, 0),
        "Casus\nBlik vanuit zorg en sociaal domein\nAfspraken",
    ),
    MeetingFormat.GASTSPREKER: ("Gastspreker", time(19, 0), time(20, 30), "Lezing\nDiscussie"),
    MeetingFormat.THEMABIJEENKOMST: (
        "Themabijeenkomst",
        time(15, 0),
        time(17, 0),
        "Inleiding op het thema\nWerkvormen\nOogst",
    ),
    MeetingFormat.LEERLAB: (
        "Leerlab",
        time(9, 30),
        time(12, 0),
        "Verbetervraag\nExperiment ontwerpen",
    ),
    MeetingFormat.UITWISSELING: (
        "Uitwisselingsbijeenkomst",
        time(15, 0),
        time(17, 30),
        "Kennismaking\nWat werkt bij jullie?\nAfspraken",
    ),
}


def _say(stdout, text: str) -> None:
    if stdout is not None:
        stdout.write(text + "\n")


def _members(network: Network) -> list[Membership]:
    return list(
        Membership.objects.current().filter(network=network).select_related("user").order_by("pk")
    )


def _details(network, fmt, title, members, others, themes) -> MeetingDetails:
    facilitators = [m.user for m in members if m.role in (Role.COORDINATOR, Role.PROFESSIONAL)]
    slug = network.slug
    return MeetingDetails(
        title=title,
        format=fmt,
        location=network.region or "Wijkcentrum",
        online_url=f"https://meet.lin-platform.local/{slug}"
        if fmt != MeetingFormat.LEERLAB
        else "",
        capacity=25 if fmt == MeetingFormat.GASTSPREKER else None,
        facilitator=facilitators[0] if facilitators else None,
        agenda=PLAN[fmt][3],
        themes=themes[:1],
        invited_networks=others[:1] if fmt == MeetingFormat.UITWISSELING else [],
        # A learning lab of 2½ hours counts for 2 learning hours (the coffee is not learning).
        learning_hours=Decimal("2.00") if fmt == MeetingFormat.LEERLAB else None,
    )


# A guest speaker who is not a member, named on every guest-speaker meeting (fictional).
GUEST_SPEAKER = {
    "name": "Dr. Ineke van Dijk",
    "organisation": "Kenniscentrum Ouderenzorg",
    "topic": "Delier herkennen in de thuissituatie",
}


def _fill(meeting: Meeting, members: list[Membership], rng: random.Random) -> None:
    """Answers for a meeting still to come; attendance for one that was held."""
    if meeting.starts_at > timezone.now():
        for membership in members:
            roll = rng.random()
            answer = RsvpAnswer.YES if roll < 0.6 else RsvpAnswer.MAYBE if roll < 0.75 else None
            if roll > 0.9:
                answer = RsvpAnswer.NO
            if answer:
                rsvp_answer(
                    meeting=meeting,
                    user=membership.user,
                    answer=answer,
                    reason="Dienst" if answer == RsvpAnswer.NO else "",
                )
        return
    statuses = {}
    for membership in members:
        roll = rng.random()
        statuses[membership.user_id] = (
            AttendanceStatus.PRESENT
            if roll < 0.65
            else AttendanceStatus.LATE
            if roll < 0.75
            else AttendanceStatus.EXCUSED
            if roll < 0.9
            else AttendanceStatus.ABSENT
        )
    attendance_register(meeting=meeting, statuses=statuses, registered_by=None)
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)


@transaction.atomic
def seed_meetings(*, scale: int = 1, stdout=None) -> int:
    """Schedule demo meetings in every network; returns how many meetings were added."""
    networks = list(Network.objects.order_by("pk"))
    today = timezone.localdate()
    added = 0
    for network in networks:
        members = _members(network)
        coordinator = next((m.user for m in members if m.role == Role.COORDINATOR), None)
        others = [n for n in networks if n.pk != network.pk]
        themes = list(network.themes.all()[:3])
        rng = random.Random(network.pk)
        for round_ in range(scale):
            for index, fmt in enumerate(MeetingFormat):
                label, start, end, _agenda = PLAN[fmt]
                # Numbered in time order: the past meeting of a round, then the coming one.
                for number, offset in ((2 * round_ + 1, -1), (2 * round_ + 2, 1)):
                    title = f"{label} {network.name} #{number}"
                    if Meeting.objects.filter(network=network, title=title).exists():
                        continue
                    day = today + timedelta(days=offset * (7 * (index + 1) + round_ * 3 + 1))
                    details = _details(network, fmt, title, members, others, themes)
                    if fmt == MeetingFormat.INTERVISIE and offset > 0:
                        # A coming intervisie planned with another method than the default.
                        details = replace(details, method="balint")
                    meeting = meeting_schedule(
                        network=network,
                        details=details,
                        day=day,
                        start_time=start,
                        end_time=end,
                        created_by=coordinator,
                    )
                    if fmt == MeetingFormat.GASTSPREKER:
                        guest_speaker_add(meeting=meeting, **GUEST_SPEAKER)
                    _fill(meeting, members, rng)
                    added += 1
            series_title = f"Intervisie {network.name} – reeks {round_ + 1}"
            if not MeetingSeries.objects.filter(network=network, title=series_title).exists():
                first = today - timedelta(days=28) + timedelta(days=round_)
                series = meeting_series_schedule(
                    network=network,
                    details=_details(
                        network, MeetingFormat.INTERVISIE, series_title, members, others, themes
                    ),
                    rule=SeriesRule(
                        repeat=Repeat.WEEKLY,
                        starts_on=first,
                        interval=2,
                        weekday=first.weekday(),
                        count=6,
                        skip_dates=list(_holidays(first.year)),
                    ),
                    start_time=time(15, 0),
                    end_time=time(16, 30),
                    created_by=coordinator,
                )
                for meeting in series.meetings.order_by("starts_at"):
                    _fill(meeting, members, rng)
                    added += 1
    _say(
        stdout,
        _("Meetings: %(added)s added in %(networks)s networks.")
        % {"added": added, "networks": len(networks)},
    )
    return added


def _holidays(year: int) -> list[date]:
    return [date(year, 12, 25), date(year, 12, 26), date(year + 1, 1, 1)]


def seed_meetings_demo(ctx) -> None:
    """The ``seed_demo`` seeder of meetings (registered in ``MeetingsConfig.ready``)."""
    ctx.record(Meeting, seed_meetings(scale=ctx.scale, stdout=ctx.stdout))


def seed_method_demo(ctx) -> None:
    """The ``seed_demo`` seeder of method records, roles, actions and breakout groups."""
    from ..models import BreakoutGroup, MeetingAction, MeetingRecord, MeetingRole
    from .method import seed_method_records

    created = seed_method_records(stdout=ctx.stdout)
    ctx.record(MeetingRecord, created["records"])
    ctx.record(MeetingRole, created["roles"])
    ctx.record(MeetingAction, created["actions"])
    ctx.record(BreakoutGroup, created["groups"])
