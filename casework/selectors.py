"""Reads of casework: the querysets its pages need, with their joins.

Each page's query count is fixed: lists use select_related/prefetch_related, and nothing
in a template follows a relation that was not fetched here.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.choices import Role
from networks.models import Membership, Network, Theme, ThemeProject

from . import meetings_link, shadowing_link
from .choices import CaseStatus
from .models import Case, CaseAccess, CaseShare, Lesson
from .permissions import member_network_ids, readable_cases_q, teaching_network_ids

BOARD_LIMIT = 5


def cases_of(network: Network, *, viewer, archived: bool = False) -> QuerySet[Case]:
    """The network's cases that ``viewer`` may read (``permissions.readable_cases_q``)."""
    return (
        Case.objects.filter(network=network, archived_at__isnull=not archived)
        .filter(readable_cases_q(viewer))
        .select_related("student", "professional", "meeting")
        .prefetch_related("themes")
        .order_by("-updated_at")
    )


def case_detail(case: Case) -> dict:
    return {
        "contributions": list(case.contributions.select_related("author")),
        "attachments": list(case.attachments.all()),
        "themes": list(case.themes.all()),
        "lessons": list(case.lessons.select_related("teacher")),
    }


def share_candidates(network: Network):
    """Who a case can be shared with: the network's current guests, residents and experts
    by experience (the others read its cases already)."""
    from accounts.models import User

    limited = Membership.objects.current().filter(
        network=network, role__in=(Role.GUEST, Role.RESIDENT, Role.EXPERT_BY_EXPERIENCE)
    )
    return User.objects.filter(pk__in=limited.values("user_id"), is_active=True).order_by(
        "full_name", "email"
    )


def access_log_of(network: Network, *, limit: int = 500) -> QuerySet[CaseAccess]:
    return (
        CaseAccess.objects.filter(case__network=network)
        .select_related("user", "case")
        .order_by("-at")[:limit]
    )


def themes_board(network: Network, *, viewer=None, now=None) -> list[Theme]:
    """The network's themes, each with what happens on it now: coming and past meetings,
    active cases, theme projects and lessons (``BOARD_LIMIT`` of each); with a ``viewer``,
    also the shadowing reflections that mention the theme (``reflection_mentions``)."""
    now = now or timezone.now()
    active_cases = Case.objects.filter(archived_at__isnull=True)
    if viewer is not None:
        # Only the cases the viewer may read: a title is already about a client.
        active_cases = active_cases.filter(readable_cases_q(viewer))
    active_cases = active_cases.select_related("student", "professional").order_by("-updated_at")
    projects = ThemeProject.objects.order_by("-starts_on", "title")
    lessons = Lesson.objects.select_related("teacher").order_by("-starts_on", "title")
    themes = list(
        Theme.objects.filter(network=network)
        .order_by("name")
        .prefetch_related(
            *meetings_link.theme_meeting_prefetches(now=now, limit=BOARD_LIMIT),
            Prefetch("cases", queryset=active_cases[:BOARD_LIMIT], to_attr="active_cases"),
            Prefetch("projects", queryset=projects[:BOARD_LIMIT], to_attr="project_list"),
            Prefetch("lessons", queryset=lessons[:BOARD_LIMIT], to_attr="lesson_list"),
        )
    )
    if viewer is not None and themes:
        shadowing_link.theme_reflections(network, themes, viewer, limit=BOARD_LIMIT)
    return themes


def _lessons() -> QuerySet[Lesson]:
    return Lesson.objects.select_related("teacher").prefetch_related("themes__network")


def lessons_visible_to(user) -> QuerySet[Lesson]:
    """Lessons on themes of the person's networks, and the person's own."""
    network_ids = member_network_ids(user)
    return (
        _lessons()
        .filter(Q(themes__network_id__in=network_ids) | Q(teacher=user))
        .distinct()
        .order_by("-starts_on", "title")
    )


@dataclass
class Planning:
    """What a teacher planning a period sees: practice next to lessons."""

    networks: list[Network]
    coming_meetings: list
    recent_cases: list[Case]
    own_lessons: list[Lesson]
    colleague_lessons: list[Lesson]


def planning_for_teacher(user, *, now=None) -> Planning:
    """The networks of the teacher's students with their themes, the coming meetings and
    recent cases there, the teacher's own lessons, and other teachers' lessons on the same
    themes (so mbo and hbo teachers can align across levels)."""
    now = now or timezone.now()
    teaching = teaching_network_ids(user)
    networks = list(
        Network.objects.filter(pk__in=teaching)
        .order_by("name")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
    )
    coming = list(meetings_link.coming_meetings(teaching, now=now)[:10])
    recent = list(
        Case.objects.filter(network_id__in=teaching, archived_at__isnull=True)
        .select_related("network")
        .prefetch_related("themes")
        .order_by("-updated_at")[:10]
    )
    own = list(_lessons().filter(teacher=user).order_by("-starts_on", "title"))
    colleagues = list(
        _lessons()
        .filter(themes__network_id__in=teaching)
        .exclude(teacher=user)
        .distinct()
        .order_by("-starts_on", "title")
    )
    return Planning(networks, coming, recent, own, colleagues)


# --- Home -----------------------------------------------------------------------------------


def teacher_home(user, *, memberships=None, today=None) -> dict | None:
    """For a teacher: the themes of their students' networks and their next lessons.

    ``memberships`` (the person's current ones, when the caller has them) saves a query.
    """
    if memberships is None:
        teaching = teaching_network_ids(user)
    else:
        teaching = {m.network_id for m in memberships if m.role == Role.TEACHER}
    if not teaching:
        return None
    today = today or timezone.localdate()
    networks = list(
        Network.objects.filter(pk__in=teaching)
        .order_by("name")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
    )
    next_lessons = list(
        _lessons()
        .filter(teacher=user)
        .filter(Q(starts_on__gte=today) | Q(ends_on__gte=today))
        .order_by("starts_on")[:5]
    )
    return {"networks": networks, "next_lessons": next_lessons}


@dataclass
class PairCase:
    case: Case
    next_step: str


def case_next_step(case: Case, *, now=None) -> str:
    """The pair's next step with the case, in one sentence."""
    now = now or timezone.now()
    if case.status == CaseStatus.DRAFT:
        return _(
            "Write the situation and the questions of both domains, then mark the case "
            "ready to present."
        )
    if case.status == CaseStatus.READY:
        if case.meeting is not None and meetings_link.is_coming(case.meeting, now=now):
            local = timezone.localtime(case.meeting.starts_at)
            return _("Present the case in “%(meeting)s” on %(date)s.") % {
                "meeting": case.meeting.title,
                "date": local.strftime("%d-%m-%Y %H:%M"),
            }
        return _("Ask a coordinator to plan the case in a clinical lesson or case discussion.")
    if not case.outcome:
        return _("Write down the outcome of the discussion.")
    return _("Done: the case has been presented and its outcome recorded.")


PAIR_ROLES = (Role.STUDENT, Role.PROFESSIONAL)


def pair_cases(user, *, memberships=None, now=None) -> list[PairCase]:
    """The active cases in which the person is the student or the professional.

    With ``memberships`` given, a person who is nowhere a student or professional costs no
    query.
    """
    if not user.is_authenticated:
        return []
    if memberships is None:
        network_ids = Membership.objects.current().filter(user=user).values("network_id")
    else:
        if not any(m.role in PAIR_ROLES for m in memberships):
            return []
        network_ids = [m.network_id for m in memberships]
    cases = (
        Case.objects.filter(Q(student=user) | Q(professional=user))
        .filter(network_id__in=network_ids, archived_at__isnull=True)
        .select_related("network", "meeting", "student", "professional")
        .order_by("-updated_at")
    )
    return [PairCase(case, case_next_step(case, now=now)) for case in cases]


def pair_candidates(network: Network) -> tuple[QuerySet, QuerySet]:
    """The network's current students and professionals, to choose a pair from."""
    from accounts.models import User

    current = Membership.objects.current().filter(network=network)
    students = User.objects.filter(
        pk__in=current.filter(role=Role.STUDENT).values("user_id")
    ).order_by("full_name")
    professionals = User.objects.filter(
        pk__in=current.filter(role=Role.PROFESSIONAL).values("user_id")
    ).order_by("full_name")
    return students, professionals


# --- The lesson form ----------------------------------------------------------------------


def of_themes_first(queryset: QuerySet, theme_ids: list[int], *order) -> QuerySet:
    """``queryset`` (cases or meetings, which both have ``themes``) with those of the given
    themes first, marked ``of_theme``; no query of its own."""
    through = queryset.model.themes.through
    owner = f"{queryset.model._meta.model_name}_id"
    linked = through.objects.filter(**{owner: OuterRef("pk"), "theme_id__in": theme_ids})
    return queryset.annotate(of_theme=Exists(linked)).order_by("-of_theme", *order)


def lesson_defaults(teacher) -> dict:
    """What a new lesson starts with: the school, programme and level of the teacher's last
    lesson; else the school of their teaching membership."""
    last = Lesson.objects.filter(teacher=teacher).order_by("-created_at", "-pk").first()
    if last is not None:
        return {"school": last.school, "programme": last.programme, "level": last.level}
    membership = (
        Membership.objects.current()
        .filter(user=teacher, role=Role.TEACHER, organisation__isnull=False)
        .select_related("organisation")
        .first()
    )
    school = membership.organisation.name if membership else ""
    return {"school": school, "programme": "", "level": ""}


def case_shares(case: Case):
    """Who the case is shared with now, by whom and since when (for its coordinators)."""
    return (
        CaseShare.objects.filter(case=case, withdrawn_at__isnull=True)
        .select_related("person", "shared_by")
        .order_by("person__full_name", "pk")
    )
