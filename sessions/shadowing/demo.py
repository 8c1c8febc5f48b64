"""Demo shadowing days: every student gets a realistic logbook, hosts offer open dagdelen.

``seed_shadowing(scale=N)`` gives every current student of every network ``2 × N`` past days
that the host confirmed (with a reflection, and feedback where the network has a teacher),
one planned day, and one open request on a host's half-day; every host of the care or the
social domain offers ``2 × N`` open half-days, the first host also a weekly series of four,
and the first teacher has shadowed once (counted apart in the pattern). The confirmed days
without feedback fill the teachers' queues. Hosts are the network's professionals of the
other domain; a network without one gets a fictional host (under the reserved demo domain).

Idempotent: what a student or host already has is counted and only the missing days and
dagdelen are created, so running it twice adds nothing (and running it on another date adds
nothing either). ``seed_demo`` calls it through :func:`seed_shadowing_demo`.
"""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import Domain, Profession
from accounts.models import User
from networks.choices import Role
from networks.models import Membership, Network

from .choices import ACTIVE_STATUSES, Dagdeel, ShadowingSource
from .choices import ShadowingStatus as S
from .models import ShadowingDay, ShadowingFeedback, ShadowingSlot
from .rules import DAGDEEL_TIMES, crosses_domains, hours_between
from .services import Repeat, shadowing_slot_series_offer

DEMO_EMAIL_DOMAIN = "demo.example.org"

GOALS = [
    "Zien hoe een {host} een eerste gesprek voert en wat er dan op tafel komt.",
    "Begrijpen welke route een hulpvraag aflegt voordat die bij ons in de wijk landt.",
    "Leren welke signalen van eenzaamheid en ondervoeding de {host} opvangt.",
]
REFLECTIONS = [
    (
        "Een huisbezoek bij een oudere man die sinds het overlijden van zijn vrouw weinig eet.",
        "Hoeveel tijd er is om het netwerk rond iemand in kaart te brengen.",
        "Ik vraag voortaan ook naar buren en familie, niet alleen naar de wond.",
        "Hoe delen we signalen snel zonder de privacy van de cliënt te schenden?",
    ),
    (
        "Een keukentafelgesprek over een scootmobiel en dagbesteding.",
        "Dat de Wmo-consulent met andere woorden over dezelfde zorgen praat als wij.",
        "Eerder de wijkcoach bellen als iemand vastloopt met regelzaken.",
        "Wie regisseert als zorg en welzijn allebei betrokken zijn?",
    ),
    (
        "De ochtendronde van de wijkverpleging: insuline, steunkousen en veel koffie.",
        "Hoe medisch en tegelijk persoonlijk de zorg thuis is.",
        "Ik let beter op wat iemand lichamelijk nog kan voordat ik dagbesteding adviseer.",
        "Hoe signaleren we samen ondervoeding eerder?",
    ),
]
FEEDBACK = [
    "Mooie observatie. Neem je vraag mee naar de volgende LIN-bijeenkomst.",
    "Goed dat je het verschil in taal tussen de domeinen opmerkt; werk dat uit in je portfolio.",
]


def _host_for(network: Network, domain: str, copy: int) -> User:
    """A fictional host of ``domain`` for a network that has none."""
    profession = Profession.SOCIAL_WORKER if domain == Domain.SOCIAL else Profession.DISTRICT_NURSE
    email = f"meeloop-{domain}-{network.slug}-{copy}@{DEMO_EMAIL_DOMAIN}"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            full_name=f"{'Sam' if domain == Domain.SOCIAL else 'Noor'} Gastvrij {copy}",
            profession=profession,
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
    if not Membership.objects.current().filter(network=network, user=user).exists():
        Membership.objects.create(network=network, user=user, role=Role.PROFESSIONAL)
    return user


def _workday(day, *, later: bool = True):
    """The day itself on a weekday; a Saturday or Sunday moves to the Monday after (or, with
    ``later=False``, the Friday before): welfare work and schools keep office days."""
    if day.weekday() < 5:
        return day
    return (
        day + timedelta(days=7 - day.weekday())
        if later
        else day - timedelta(days=day.weekday() - 4)
    )


@transaction.atomic
def seed_shadowing(*, scale: int = 1, stdout=None) -> dict[str, int]:
    """Give every current student a logbook and every host open dagdelen (see module doc).

    Side effects: ShadowingSlot, ShadowingDay and ShadowingFeedback rows, and where a network
    lacks a host of a domain a fictional host (User + Membership). Returns counts created.
    """
    if scale < 1:
        raise ValueError("scale must be 1 or more")
    today = timezone.localdate()
    now = timezone.now()
    created = {"slots": 0, "days": 0, "feedback": 0}
    past_target = 2 * scale
    for network in Network.objects.order_by("pk"):
        members = list(
            Membership.objects.current()
            .filter(network=network)
            .select_related("user", "organisation")
            .order_by("pk")
        )
        students = [m for m in members if m.role == Role.STUDENT]
        if not students:
            continue
        hosts = [m for m in members if m.role == Role.PROFESSIONAL]
        # A student's teacher: the first teacher of the network from the student's school
        # (a teacher of another school neither sees the reflection nor gives feedback on it).
        teacher_of_school: dict[int, User] = {}
        for m in members:
            if m.role == Role.TEACHER and m.organisation_id is not None:
                teacher_of_school.setdefault(m.organisation_id, m.user)
        teacher_of = {
            s.user_id: teacher_of_school[s.organisation_id]
            for s in students
            if s.organisation_id in teacher_of_school
        }
        host_domains = {m.user.domain for m in hosts}
        for domain in (Domain.CARE, Domain.SOCIAL):
            needed = any(crosses_domains(s.user.domain, domain) for s in students)
            if needed and domain not in host_domains:
                user = _host_for(network, domain, 1)
                hosts.append(Membership.objects.get(network=network, user=user, ended_at=None))
        hosts = [m for m in hosts if m.user.domain in (Domain.CARE, Domain.SOCIAL)]
        existing = list(
            ShadowingDay.objects.filter(network=network).values_list(
                "shadower_id", "status", "date"
            )
        )
        taken = {(sid, on) for sid, _status, on in existing}
        counts: dict[tuple[int, str], int] = {}
        for sid, status, _on in existing:
            counts[(sid, status)] = counts.get((sid, status), 0) + 1
        new_days: list[ShadowingDay] = []
        requests: list[tuple[ShadowingDay, ShadowingSlot]] = []
        for index, membership in enumerate(students):
            student = membership.user
            own_hosts = [h for h in hosts if crosses_domains(student.domain, h.user.domain)]
            if not own_hosts:
                continue

            def day(host, on, dagdeel, status, k, student=student, index=index, network=network):
                starts, ends = DAGDEEL_TIMES[dagdeel]
                reflection = REFLECTIONS[(index + k) % len(REFLECTIONS)]
                fields = {}
                if status in (S.DONE, S.CONFIRMED):
                    fields = {
                        "reflection_seen": reflection[0],
                        "reflection_surprised": reflection[1],
                        "reflection_take_away": reflection[2],
                        "reflection_question": reflection[3],
                        "reflection_written_at": now - timedelta(days=(today - on).days - 1),
                        "confirmed_at": now - timedelta(days=max(0, (today - on).days - 3)),
                        "accepted_at": now - timedelta(days=(today - on).days + 7),
                    }
                return ShadowingDay(
                    network=network,
                    host_network=network,
                    shadower=student,
                    host=host.user,
                    source=ShadowingSource.LOGGED if k % 2 else ShadowingSource.SLOT,
                    date=on,
                    dagdeel=dagdeel,
                    starts_at=starts,
                    ends_at=ends,
                    hours=hours_between(starts, ends),
                    organisation_name=str(host.organisation or ""),
                    place=network.region or "Wijkcentrum",
                    learning_goals=GOALS[(index + k) % len(GOALS)].format(
                        host=host.user.get_profession_display().lower()
                    ),
                    status=status,
                    **fields,
                )

            missing = past_target - counts.get((student.pk, S.CONFIRMED), 0)
            k, offset = 0, index % 5
            while missing > 0 and k < past_target * 4:
                on = _workday(today - timedelta(days=10 + 9 * k + offset), later=False)
                if (student.pk, on) not in taken:
                    host = own_hosts[k % len(own_hosts)]
                    dagdeel = Dagdeel.MORNING if k % 2 == 0 else Dagdeel.AFTERNOON
                    new_days.append(day(host, on, dagdeel, S.CONFIRMED, k))
                    taken.add((student.pk, on))
                    missing -= 1
                k += 1
            if not counts.get((student.pk, S.PLANNED)):
                on = _workday(today + timedelta(days=5 + offset))
                if (student.pk, on) not in taken:
                    new_days.append(day(own_hosts[0], on, Dagdeel.MORNING, S.PLANNED, 1))
                    taken.add((student.pk, on))
            # The network's first student also shows what a cancelled day looks like.
            if index == 0 and not counts.get((student.pk, S.CANCELLED)):
                on = _workday(today + timedelta(days=3))
                # On a Wednesday the weekend moves it onto the planned day: take the next one.
                while (student.pk, on) in taken:
                    on = _workday(on + timedelta(days=1))
                cancelled = day(own_hosts[0], on, Dagdeel.AFTERNOON, S.CANCELLED, 3)
                cancelled.accepted_at = now - timedelta(days=6)
                cancelled.cancelled_at = now - timedelta(days=2)
                cancelled.cancelled_by = own_hosts[0].user
                cancelled.cancel_reason = "Ik heb die middag een spoedoverleg in de wijk."
                new_days.append(cancelled)
                taken.add((student.pk, on))
            if not counts.get((student.pk, S.REQUESTED)):
                host = own_hosts[-1]
                booked = {(slot.host_id, slot.date) for _request, slot in requests}
                # The first weekday from 12 days on that is free for the student and the host.
                for extra in range(21):
                    on = today + timedelta(days=12 + offset + extra)
                    if on.weekday() >= 5 or (student.pk, on) in taken:
                        continue
                    if (host.user.pk, on) in booked:
                        continue
                    slot, slot_created = ShadowingSlot.objects.get_or_create(
                        host=host.user,
                        date=on,
                        dagdeel=Dagdeel.AFTERNOON,
                        defaults={
                            "network": network,
                            "starts_at": time(13, 0),
                            "ends_at": time(17, 0),
                            "place": network.region or "Wijkcentrum",
                            "organisation_name": str(host.organisation or ""),
                        },
                    )
                    created["slots"] += int(slot_created)
                    if slot.days.filter(status__in=ACTIVE_STATUSES).exists():
                        continue
                    request = day(host, on, Dagdeel.AFTERNOON, S.REQUESTED, 2)
                    request.slot = slot
                    request.source = ShadowingSource.SLOT
                    requests.append((request, slot))
                    taken.add((student.pk, on))
                    break
        ShadowingDay.objects.bulk_create(new_days + [r for r, _slot in requests])
        created["days"] += len(new_days) + len(requests)
        # Feedback from the student's teacher on every other confirmed day created now.
        if teacher_of:
            confirmed = [d for d in new_days if d.status == S.CONFIRMED]
            notes = [
                ShadowingFeedback(
                    day=d, author=teacher_of[d.shadower_id], text=FEEDBACK[i % len(FEEDBACK)]
                )
                for i, d in enumerate(confirmed)
                if i % 2 == 0 and d.shadower_id in teacher_of
            ]
            ShadowingFeedback.objects.bulk_create(notes)
            created["feedback"] += len(notes)
        # Open dagdelen: every host offers 2 × scale from next week on.
        for h_index, host in enumerate(hosts):
            open_count = (
                ShadowingSlot.objects.filter(host=host.user, date__gte=today)
                .exclude(days__status__in=ACTIVE_STATUSES)
                .count()
            )
            step = 0
            while open_count < 2 * scale and step < 8 * scale:
                on = _workday(today + timedelta(days=7 + 2 * step + h_index % 3))
                dagdeel = Dagdeel.MORNING if step % 2 == 0 else Dagdeel.AFTERNOON
                starts, ends = DAGDEEL_TIMES[dagdeel]
                _slot, made = ShadowingSlot.objects.get_or_create(
                    host=host.user,
                    date=on,
                    dagdeel=dagdeel,
                    defaults={
                        "network": network,
                        "starts_at": starts,
                        "ends_at": ends,
                        "place": network.region or "Wijkcentrum",
                        "organisation_name": str(host.organisation or ""),
                        "note": "Meld je bij de receptie; neem een notitieboekje mee.",
                    },
                )
                if made:
                    open_count += 1
                    created["slots"] += 1
                step += 1
        # A series: the network's first host offers the same morning weekly for four weeks
        # (dates that clash with what they already do are skipped, as in the form).
        if (
            hosts
            and not ShadowingSlot.objects.filter(host=hosts[0].user, series__isnull=False).exists()
        ):
            slots, _plan = shadowing_slot_series_offer(
                host=hosts[0].user,
                network=network,
                first=_workday(today + timedelta(days=28)),
                dagdeel=Dagdeel.MORNING,
                place=network.region or "Wijkcentrum",
                organisation_name=str(hosts[0].organisation or ""),
                note="Elke week dezelfde ochtend; meld je bij de receptie.",
                repeat=Repeat.WEEKLY,
                count=4,
            )
            created["slots"] += len(slots)
        # Teachers shadow too: the first teacher of the network has one confirmed day, which
        # the pattern counts apart.
        teachers = [m for m in members if m.role == Role.TEACHER]
        if network.shadowing_teachers and teachers and hosts:
            teacher = teachers[0].user
            if not ShadowingDay.objects.filter(shadower=teacher, network=network).exists():
                host = hosts[0]
                on = _workday(today - timedelta(days=16), later=False)
                starts, ends = DAGDEEL_TIMES[Dagdeel.MORNING]
                reflection = REFLECTIONS[0]
                ShadowingDay.objects.create(
                    network=network,
                    host_network=network,
                    shadower=teacher,
                    host=host.user,
                    source=ShadowingSource.LOGGED,
                    date=on,
                    dagdeel=Dagdeel.MORNING,
                    starts_at=starts,
                    ends_at=ends,
                    hours=hours_between(starts, ends),
                    organisation_name=str(host.organisation or ""),
                    place=network.region or "Wijkcentrum",
                    learning_goals="Zien wat mijn studenten in de praktijk tegenkomen.",
                    status=S.CONFIRMED,
                    reflection_seen=reflection[0],
                    reflection_surprised=reflection[1],
                    reflection_take_away=reflection[2],
                    reflection_question=reflection[3],
                    reflection_written_at=now - timedelta(days=14),
                    confirmed_at=now - timedelta(days=12),
                )
                created["days"] += 1
    if stdout is not None:
        stdout.write(
            _("Shadowing: %(days)s days, %(slots)s offered half-days, %(feedback)s feedback notes.")
            % created
        )
    return created


def seed_shadowing_demo(ctx) -> None:
    """The ``seed_demo`` seeder: ``register_seeder("shadowing", seed_shadowing_demo)``."""
    from .models import ShadowingDay as Day

    result = seed_shadowing(scale=ctx.scale, stdout=ctx.stdout)
    ctx.record(Day, result["days"])
    ctx.record(ShadowingSlot, result["slots"])
    ctx.record(ShadowingFeedback, result["feedback"])
