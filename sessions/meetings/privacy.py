"""Which text fields of meetings the privacy guard checks: titles and agendas (they go out in
mails), reasons, every part of a record (the case, pseudonymised; take-home messages) and
the actions agreed."""

from lin_platform import privacy


def register() -> None:
    from .models import (
        Certificate,
        GuestSpeaker,
        Meeting,
        MeetingAction,
        MeetingRecord,
        MeetingSeries,
        Rsvp,
    )

    privacy.guard(MeetingSeries, "title")
    privacy.guard(Meeting, "title", "agenda", "cancel_reason")
    privacy.guard(Rsvp, "reason")
    privacy.guard(MeetingRecord, "entries")
    privacy.guard(MeetingAction, "text")
    privacy.guard(GuestSpeaker, "topic")

    privacy.not_about_clients(
        Meeting, "location", reason="the venue of a meeting: an address by design, not a client's"
    )
    privacy.not_about_clients(Meeting, "checkin_code", reason="a random code")
    privacy.not_about_clients(MeetingRecord, "method", reason="the key of a method")
    privacy.not_about_clients(Meeting, "method", reason="the key of a method script")
    privacy.not_about_clients(
        GuestSpeaker,
        "name",
        "organisation",
        reason="a guest speaker who is not a member: named on the meeting on purpose",
    )
    privacy.not_about_clients(
        Certificate,
        "code",
        "holder_name",
        "network_name",
        reason="a certificate of attendance: its verification code, its holder and network",
    )
