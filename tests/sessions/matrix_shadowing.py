"""Permission matrix entries of shadowing days (meelopen).

Cancelling is for the two parties of a day: the shadower withdraws or cancels, the host
cancels a planned day with a reason; the matrix uses a planned day next week (one that has
not started).

In these fixtures the matrix's "student" is the person who shadows, its "professional" is
the host (made a social worker, so the day crosses domains), and "teacher" and
"coordinator" follow. A day is seen by those four only: every other member gets 404, the
same answer as a non-member, so a day is not even confirmed to exist. Someone who sees a
day but asks for an action that is not theirs gets 403.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.choices import Profession
from networks.choices import Role
from sessions.shadowing.choices import ShadowingStatus
from tests.factories import MembershipFactory, StudentFactory, member
from tests.matrix import LOGIN, ROLES, Entry, coordinators, members, only
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingSlotFactory,
    reflected,
    social_worker,
)

SEERS = ("student", "professional", "teacher", "coordinator")
# Teachers shadow too (the network setting is on by default).
SHADOWERS = ["student", "professional", "teacher"]


def day_table(ok_for, ok=200) -> dict:
    table = {"anonymous": LOGIN, "outsider": 404, "other_coordinator": 404, "staff": 404}
    table.update(dict.fromkeys(ROLES, 404))
    table.update(dict.fromkeys(SEERS, 403))
    table.update(dict.fromkeys(ok_for, ok))
    return table


def _host(w):
    host = w.people["professional"]
    if host.profession != Profession.SOCIAL_WORKER:
        host.profession = Profession.SOCIAL_WORKER
        host.save(update_fields=["profession"])
    return host


def _day(w, **fields):
    day = ShadowingDayFactory(
        network=w.network, shadower=w.people["student"], host=_host(w), **fields
    )
    return [w.network.slug, day.pk]


def _foreign_day(w, **fields):
    other = w.other_network
    day = ShadowingDayFactory(
        network=other, shadower=member(other, Role.STUDENT), host=social_worker(other), **fields
    )
    return [w.network.slug, day.pk]


def _next_week():
    return timezone.localdate() + timedelta(days=7)


def _coming(w):
    return _day(w, date=_next_week())


def _foreign_coming(w):
    return _foreign_day(w, date=_next_week())


def _requested(w):
    return _day(w, status=ShadowingStatus.REQUESTED)


def _done(w):
    return _day(w, status=ShadowingStatus.DONE, **reflected())


def _foreign_done(w):
    return _foreign_day(w, status=ShadowingStatus.DONE, **reflected())


def _slot(w):
    slot = ShadowingSlotFactory(network=w.network, host=social_worker(w.network))
    return [w.network.slug, slot.pk]


def _own_slot(w):
    slot = ShadowingSlotFactory(network=w.network, host=_host(w))
    return [w.network.slug, slot.pk]


def _own_series_slot(w):
    import uuid

    series = uuid.uuid4()
    host = _host(w)
    slot = ShadowingSlotFactory(network=w.network, host=host, series=series)
    ShadowingSlotFactory(
        network=w.network, host=host, series=series, date=slot.date + timedelta(days=7)
    )
    return [w.network.slug, slot.pk]


def _foreign_series_slot(w):
    import uuid

    slot = ShadowingSlotFactory(
        network=w.other_network, host=social_worker(w.other_network), series=uuid.uuid4()
    )
    return [w.network.slug, slot.pk]


def _foreign_slot(w):
    slot = ShadowingSlotFactory(network=w.other_network, host=social_worker(w.other_network))
    return [w.network.slug, slot.pk]


def _log_args(w):
    w.extra["host_membership"] = MembershipFactory(
        network=w.network,
        user=social_worker_user(),
        role=Role.PROFESSIONAL,
    )
    return [w.network.slug]


def social_worker_user():
    from tests.factories import UserFactory

    return UserFactory(profession=Profession.SOCIAL_WORKER)


def _student(w):
    return [w.network.slug, w.people["student"].pk]


def _foreign_student(w):
    student = StudentFactory()
    MembershipFactory(network=w.other_network, user=student, role=Role.STUDENT)
    return [w.network.slug, student.pk]


def _slug(w):
    return [w.network.slug]


REFLECTION = {
    "seen": "Een huisbezoek.",
    "surprised": "De tijd die er is.",
    "take_away": "Eerder overleggen.",
    "question": "Hoe delen we signalen?",
}

ENTRIES = [
    Entry(
        "shadowing:home",
        args=_slug,
        expect=members(403, student=302, professional=302, teacher=302, coordinator=302),
    ),
    Entry("shadowing:logbook", args=_slug, expect=only(SHADOWERS)),
    Entry("shadowing:logbook_print", args=_slug, expect=only(SHADOWERS)),
    Entry("shadowing:slots", args=_slug, expect=only(SHADOWERS)),
    Entry(
        "shadowing:slot_request",
        args=_slot,
        foreign_args=_foreign_slot,
        expect=only(SHADOWERS),
    ),
    Entry(
        "shadowing:slot_request",
        label="post",
        method="post",
        args=_slot,
        foreign_args=_foreign_slot,
        data=lambda w: {"learning_goals": "Zien hoe een keukentafelgesprek gaat."},
        expect=only(SHADOWERS, 302),
    ),
    Entry("shadowing:log", args=_slug, expect=only(SHADOWERS)),
    Entry(
        "shadowing:log",
        label="post",
        method="post",
        args=_log_args,
        data=lambda w: {
            "host": str(w.extra["host_membership"].pk),
            "date": "2026-01-12",
            "dagdeel": "morning",
            "place": "Amsterdam",
            "learning_goals": "Wat doet een wijkcoach?",
        },
        expect=only(SHADOWERS, 302),
    ),
    Entry(
        "shadowing:day",
        args=_day,
        foreign_args=_foreign_day,
        expect=day_table(SEERS),
    ),
    Entry(
        "shadowing:reflect",
        args=_day,
        foreign_args=_foreign_day,
        expect=day_table(["student"]),
    ),
    Entry(
        "shadowing:reflect",
        label="post",
        method="post",
        args=_day,
        foreign_args=_foreign_day,
        data=lambda w: REFLECTION,
        expect=day_table(["student"], 302),
    ),
    Entry(
        "shadowing:edit",
        args=_day,
        foreign_args=_foreign_day,
        expect=day_table(["student"]),
    ),
    Entry(
        "shadowing:edit",
        label="post",
        method="post",
        args=_day,
        foreign_args=_foreign_day,
        data=lambda w: {
            "learning_goals": "Zien hoe een wijkcoach een huisbezoek voorbereidt.",
            "date": (timezone.localdate() - timedelta(days=6)).isoformat(),
            "dagdeel": "afternoon",
            "place": "Buurthuis De Pijp",
        },
        expect=day_table(["student"], 302),
    ),
    Entry(
        "shadowing:cancel",
        method="post",
        args=_coming,
        foreign_args=_foreign_coming,
        data=lambda w: {"reason": "Die ochtend is er een teamoverleg."},
        expect=day_table(["student", "professional"], 302),
    ),
    Entry(
        "shadowing:accept",
        method="post",
        args=_requested,
        foreign_args=lambda w: _foreign_day(w, status=ShadowingStatus.REQUESTED),
        expect=day_table(["professional"], 302),
    ),
    Entry(
        "shadowing:decline",
        method="post",
        args=_requested,
        foreign_args=lambda w: _foreign_day(w, status=ShadowingStatus.REQUESTED),
        data=lambda w: {"reason": "Die ochtend ben ik op cursus."},
        expect=day_table(["professional"], 302),
    ),
    Entry(
        "shadowing:confirm",
        method="post",
        args=_done,
        foreign_args=_foreign_done,
        expect=day_table(["professional"], 302),
    ),
    Entry(
        "shadowing:feedback",
        method="post",
        args=_done,
        foreign_args=_foreign_done,
        data=lambda w: {"text": "Goede vraag voor de bijeenkomst."},
        expect=day_table(["teacher"], 302),
    ),
    Entry("shadowing:host", args=_slug, expect=only(["professional"])),
    Entry("shadowing:slot_offer", args=_slug, expect=only(["professional"])),
    Entry(
        "shadowing:slot_offer",
        label="post",
        method="post",
        args=_slug,
        data=lambda w: {"date": "2099-03-02", "dagdeel": "afternoon", "place": "Buurthuis"},
        expect=only(["professional"], 302),
    ),
    Entry(
        "shadowing:slot_withdraw",
        method="post",
        args=_own_slot,
        foreign_args=_foreign_slot,
        expect=only(["professional"], 302),
    ),
    Entry(
        "shadowing:slot_series_withdraw",
        method="post",
        args=_own_series_slot,
        foreign_args=_foreign_series_slot,
        expect=only(["professional"], 302),
    ),
    Entry(
        "shadowing:slot_offer",
        label="series",
        method="post",
        args=_slug,
        data=lambda w: {
            "date": "2099-03-02",
            "dagdeel": "afternoon",
            "place": "Buurthuis",
            "repeat": "weekly",
            "count": "4",
        },
        expect=only(["professional"], 302),
    ),
    Entry("shadowing:queue", args=_slug, expect=only(["teacher"])),
    Entry("shadowing:students", args=_slug, expect=only(["teacher", "coordinator"])),
    Entry(
        "shadowing:student",
        args=_student,
        foreign_args=_foreign_student,
        expect=only(["teacher", "coordinator"]),
    ),
    Entry("shadowing:pattern", args=_slug, expect=coordinators(200)),
    Entry(
        "shadowing:export",
        label="csv",
        args=lambda w: [w.network.slug, "csv"],
        expect=coordinators(200),
    ),
    Entry(
        "shadowing:export",
        label="xlsx",
        args=lambda w: [w.network.slug, "xlsx"],
        expect=coordinators(200),
    ),
    Entry("shadowing:settings", args=_slug, expect=coordinators(200)),
    Entry(
        "shadowing:settings",
        label="post",
        method="post",
        args=_slug,
        data=lambda w: {
            "shadowing_same_domain": "refuse",
            "shadowing_required_dagdelen": "6",
            "programme_dagdelen": "HBO-V: 8",
        },
        expect=coordinators(302),
    ),
]
