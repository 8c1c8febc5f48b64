"""Who may see and do what with shadowing days. Views and templates ask these.

One visibility rule for a day and its reflection (``can_see_day``, and for lists the
queryset ``selectors.days_visible_to``): the person who shadows, the host, the coordinators
of the day's network, and the teachers who teach the shadower. A teacher teaches a student
when both are current members of the day's network (teacher and student) for the same
school: both memberships name the same organisation. A membership that names none matches
nobody: a teacher without a school recorded teaches no student, and a student without one
is taught by no teacher (the coordinators still follow them) — never "every teacher of the
network". A teacher of another school in the same network sees neither the day nor its
reflection. Anyone else gets 404 (the day is not even confirmed to exist). Someone who
sees the day but asks for an action that is not theirs (a teacher confirming, a student
giving feedback) gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from networks.choices import Role
from networks.models import Membership, Network
from networks.permissions import can_manage_network, get_network_for_member, role_in

from .choices import ACTIVE_STATUSES, EDITABLE_STATUSES, ShadowingSource
from .models import ShadowingDay, ShadowingSlot
from .transitions import Action, allowed

# Who may shadow someone, and who may host. Teachers shadow too when their network says so
# (``Network.shadowing_teachers``, on by default): ``shadows(role, network)``.
SHADOWER_ROLES = frozenset({Role.STUDENT, Role.PROFESSIONAL})
HOST_ROLES = frozenset({Role.PROFESSIONAL})
FOLLOWER_ROLES = frozenset({Role.TEACHER, Role.COORDINATOR})


def shadows(role: str | None, network: Network) -> bool:
    """Whether a member with ``role`` may shadow in ``network`` (no query)."""
    if role in SHADOWER_ROLES:
        return True
    return role == Role.TEACHER and network.shadowing_teachers


def can_shadow_in(user, network: Network) -> bool:
    return shadows(role_in(user, network), network)


def can_host_in(user, network: Network) -> bool:
    return role_in(user, network) in HOST_ROLES


def followed_students(user, network: Network):
    """Ids (a subquery) of the students whose logbooks ``user`` follows in ``network``: all
    current students for a coordinator, those they teach for a teacher, none otherwise."""
    if can_manage_network(user, network):
        return (
            Membership.objects.current()
            .filter(network=network, role=Role.STUDENT)
            .values("user_id")
        )
    return taught_students(user, network)


def can_follow_students(user, network: Network) -> bool:
    """Teachers and coordinators see the logbooks of the network's students."""
    return role_in(user, network) in FOLLOWER_ROLES


def has_shadowing_page(user, network: Network) -> bool:
    """Whether the network's shadowing entry leads this person somewhere (others get 403)."""
    return bool(shadowing_tabs(role_in(user, network), network))


# The pages of "Meelopen", one per part a person plays; the first is where they land.
TAB_HOST = "host"
TAB_LOGBOOK = "logbook"
TAB_QUEUE = "queue"
TAB_STUDENTS = "students"
TAB_PATTERN = "pattern"


def shadowing_tabs(role: str | None, network: Network) -> list[str]:
    """The shadowing pages of a member with ``role``, the one they land on first: a
    professional what they host, a student their logbook, a teacher their students' work,
    a coordinator the pattern (no query)."""
    if role == Role.PROFESSIONAL:
        return [TAB_HOST, TAB_LOGBOOK]
    if role == Role.STUDENT:
        return [TAB_LOGBOOK]
    if role == Role.TEACHER:
        tabs = [TAB_STUDENTS, TAB_QUEUE]
        return [*tabs, TAB_LOGBOOK] if network.shadowing_teachers else tabs
    if role == Role.COORDINATOR:
        return [TAB_PATTERN, TAB_STUDENTS]
    return []


def taught_students(user, network: Network):
    """Ids (a subquery, no query of its own) of the current students of ``network`` that
    ``user`` teaches: the students whose membership names the same, recorded organisation
    as the teacher's; none when ``user`` is no current teacher there, or when neither
    membership names a school (a missing school matches nobody)."""
    students = Membership.objects.current().filter(network=network, role=Role.STUDENT)
    if not user.is_authenticated:
        return students.none().values("user_id")
    teacher = Membership.objects.current().filter(
        network=network, user_id=user.pk, role=Role.TEACHER
    )
    same_school = Exists(
        teacher.filter(organisation__isnull=False, organisation_id=OuterRef("organisation_id"))
    )
    return students.filter(same_school, organisation__isnull=False).values("user_id")


def teaches(user, student_id: int, network: Network) -> bool:
    return taught_students(user, network).filter(user_id=student_id).exists()


def is_teacher_of(user, day: ShadowingDay) -> bool:
    """A teacher of the day's network who teaches the shadower (same school)."""
    return teaches(user, day.shadower_id, day.network)


def can_see_day(user, day: ShadowingDay) -> bool:
    """The one visibility rule of a day and its reflection (see the module's docstring)."""
    if not user.is_authenticated:
        return False
    if user.pk in (day.shadower_id, day.host_id):
        return True
    return can_manage_network(user, day.network) or is_teacher_of(user, day)


def can_see_reflection(user, day: ShadowingDay) -> bool:
    """Whoever sees the day sees its reflection; nobody else."""
    return can_see_day(user, day)


def get_day_for_viewer(user, slug: str, pk: int) -> ShadowingDay:
    """The day ``pk`` of network ``slug`` if ``user`` may see it; 404 otherwise."""
    day = (
        ShadowingDay.objects.select_related(
            "network", "host_network", "shadower", "host", "slot", "cancelled_by"
        )
        .filter(pk=pk, network__slug=slug)
        .first()
    )
    if day is None or not can_see_day(user, day):
        raise Http404
    return day


def get_day_for_shadower(user, slug: str, pk: int) -> ShadowingDay:
    day = get_day_for_viewer(user, slug, pk)
    if day.shadower_id != user.pk:
        raise PermissionDenied
    return day


def get_day_for_host(user, slug: str, pk: int) -> ShadowingDay:
    day = get_day_for_viewer(user, slug, pk)
    if day.host_id != user.pk:
        raise PermissionDenied
    return day


def get_day_for_party(user, slug: str, pk: int) -> ShadowingDay:
    """The day for its shadower or its host (who may cancel it); 403 for other viewers."""
    day = get_day_for_viewer(user, slug, pk)
    if user.pk not in (day.shadower_id, day.host_id):
        raise PermissionDenied
    return day


def get_day_for_teacher(user, slug: str, pk: int) -> ShadowingDay:
    day = get_day_for_viewer(user, slug, pk)
    if not is_teacher_of(user, day):
        raise PermissionDenied
    return day


def get_network_for_shadower(user, slug: str) -> Network:
    network = get_network_for_member(user, slug)
    if not can_shadow_in(user, network):
        raise PermissionDenied
    return network


def get_network_for_host(user, slug: str) -> Network:
    network = get_network_for_member(user, slug)
    if not can_host_in(user, network):
        raise PermissionDenied
    return network


def get_network_for_teacher(user, slug: str) -> Network:
    network = get_network_for_member(user, slug)
    if role_in(user, network) != Role.TEACHER:
        raise PermissionDenied
    return network


def get_network_for_follower(user, slug: str) -> Network:
    network = get_network_for_member(user, slug)
    if not can_follow_students(user, network):
        raise PermissionDenied
    return network


def partner_network_ids(network: Network) -> list[int]:
    """Networks that share a partner organisation with ``network``: their professionals
    may host this network's people, and the other way round."""
    organisation_ids = network.partnerships.values("organisation_id")
    return list(
        Network.objects.filter(partnerships__organisation_id__in=organisation_ids)
        .exclude(pk=network.pk)
        .values_list("pk", flat=True)
        .distinct()
    )


def get_slot_for_request(user, network: Network, pk: int) -> ShadowingSlot:
    """An open dagdeel of ``network`` or a partner network, from today on; 404 otherwise.

    A slot that is already booked is still returned: the request then says so clearly.
    """
    slot = (
        ShadowingSlot.objects.select_related("host", "network")
        .filter(pk=pk, date__gte=timezone.localdate())
        .filter(Q(network=network) | Q(network_id__in=partner_network_ids(network)))
        .first()
    )
    if slot is None:
        raise Http404
    return slot


def get_slot_for_host(user, network: Network, pk: int) -> ShadowingSlot:
    slot = ShadowingSlot.objects.filter(pk=pk, network=network, host=user).first()
    if slot is None:
        raise Http404
    return slot


def slot_is_booked(slot: ShadowingSlot) -> bool:
    return slot.days.filter(status__in=ACTIVE_STATUSES).exists()


# --- What a person may do with a day (pure predicates; no query unless noted) -------------


def can_accept(user, day: ShadowingDay) -> bool:
    return allowed(day, user, Action.ACCEPT)


def can_decline(user, day: ShadowingDay) -> bool:
    return allowed(day, user, Action.DECLINE)


def can_confirm(user, day: ShadowingDay) -> bool:
    return allowed(day, user, Action.CONFIRM)


def can_reflect(user, day: ShadowingDay) -> bool:
    """The shadower, on a planned, done or confirmed day whose date has come."""
    return allowed(day, user, Action.REFLECT)


def can_cancel(user, day: ShadowingDay, now=None) -> bool:
    """The shadower withdraws a request (at any time: it was never agreed) or cancels a
    planned day before it starts; the host cancels a planned day before it starts."""
    return allowed(day, user, Action.CANCEL, now)


def can_answer(user, day: ShadowingDay) -> bool:
    """Whether the host has something to answer on this day (accept, decline, confirm)."""
    return can_accept(user, day) or can_decline(user, day) or can_confirm(user, day)


def can_edit(user, day: ShadowingDay) -> bool:
    """The shadower improves what they wrote until the host confirms."""
    return user.pk == day.shadower_id and day.status in EDITABLE_STATUSES


def day_is_movable(day: ShadowingDay) -> bool:
    """Whether the day itself may still be moved: only a day the shadower logged
    (a booked dagdeel keeps the host's date and time), not yet confirmed."""
    return day.source == ShadowingSource.LOGGED and day.status in EDITABLE_STATUSES


def can_edit_when(user, day: ShadowingDay) -> bool:
    return can_edit(user, day) and day_is_movable(day)


def can_give_feedback(user, day: ShadowingDay) -> bool:
    """A teacher who teaches the shadower, once the reflection is written (one query)."""
    return day.has_reflection and is_teacher_of(user, day)
