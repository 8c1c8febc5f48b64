"""Who may see and change cases and lessons. Views and templates ask these.

Cases: a case holds a client's story, so not every member reads it. The network's
professionals, students, teachers, researchers and coordinators read its cases (and their
attachments); guests, residents and experts by experience read a case only when it was
presented in a meeting they attended (present or late) or a coordinator shared it with
them (``Case.shared_with``). To anyone else the case does not exist (404), in lists too.
The pair (its student and professional) and the network's coordinators edit it; an
archived case is read-only and a purged one keeps only its title. Another network's case
answers 404.

Lessons: a lesson is seen by its teacher and by the current members of every network one
of its themes belongs to; only its teacher edits it. Recording a lesson needs a current
teacher membership; its themes must belong to networks in which the teacher teaches.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import Http404

from networks.choices import Role
from networks.models import Membership, Network
from networks.permissions import can_manage_network, get_network_for_member, is_member, role_in

from . import meetings_link
from .models import Case, CaseAttachment, Lesson

# The roles that read every case of their network.
CASE_READER_ROLES = (
    Role.COORDINATOR,
    Role.PROFESSIONAL,
    Role.STUDENT,
    Role.TEACHER,
    Role.RESEARCHER,
)


def readable_cases_q(user) -> Q:
    """The cases ``user`` may read, as a condition on Case (subqueries only: no query of
    its own, so lists keep their query count)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    current = Membership.objects.current().filter(user=user)
    by_role = Q(network_id__in=current.filter(role__in=CASE_READER_ROLES).values("network_id"))
    own = (
        Q(student=user)
        | Q(professional=user)
        | Q(meeting_id__in=meetings_link.attended_meeting_ids(user))
        | Q(pk__in=Case.shared_with.through.objects.filter(user=user).values("case_id"))
    )
    return by_role | (Q(network_id__in=current.values("network_id")) & own)


def reads_every_case(user, network: Network) -> bool:
    return role_in(user, network) in CASE_READER_ROLES


def can_see_case(user, case: Case) -> bool:
    if not is_member(user, case.network):
        return False
    if reads_every_case(user, case.network) or case.is_pair_member(user):
        return True
    return Case.objects.filter(pk=case.pk).filter(readable_cases_q(user)).exists()


def can_share_case(user, case: Case) -> bool:
    """Sharing a case with a guest, resident or expert by experience: the coordinators."""
    return not case.is_archived and can_manage_network(user, case.network)


def can_edit_case(user, case: Case) -> bool:
    if case.is_archived or not is_member(user, case.network):
        return False
    return case.is_pair_member(user) or can_manage_network(user, case.network)


def can_write_case(user, network: Network) -> bool:
    """Students and professionals write their pair's case; coordinators help."""
    return role_in(user, network) in (Role.STUDENT, Role.PROFESSIONAL, Role.COORDINATOR)


def get_case_for_member(user, network_slug: str, pk: int) -> Case:
    """The case ``pk`` of the network ``network_slug``, for a member who may read it
    (``can_see_case``); 404 otherwise."""
    network = get_network_for_member(user, network_slug)
    case = (
        Case.objects.select_related("network", "student", "professional", "meeting")
        .filter(network=network, pk=pk)
        .first()
    )
    if case is None or not can_see_case(user, case):
        raise Http404
    return case


def get_case_for_editor(user, network_slug: str, pk: int) -> Case:
    """404 for non-members and other networks' cases, 403 for members who may not edit."""
    case = get_case_for_member(user, network_slug, pk)
    if not can_edit_case(user, case):
        raise PermissionDenied
    return case


def get_attachment_for_member(user, network_slug: str, case_pk: int, pk: int) -> CaseAttachment:
    case = get_case_for_member(user, network_slug, case_pk)
    attachment = CaseAttachment.objects.filter(case=case, pk=pk).first()
    if attachment is None or case.purged_at is not None:
        raise Http404
    return attachment


def teaching_network_ids(user) -> set[int]:
    """The networks in which the person currently teaches: the networks of their students."""
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.current()
        .filter(user=user, role=Role.TEACHER)
        .values_list("network_id", flat=True)
    )


def member_network_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.current().filter(user=user).values_list("network_id", flat=True))


def can_record_lesson(user) -> bool:
    return bool(teaching_network_ids(user))


def can_see_lesson(user, lesson: Lesson) -> bool:
    if lesson.teacher_id == user.pk:
        return True
    networks = {theme.network_id for theme in lesson.themes.all()}
    return bool(networks & member_network_ids(user))


def get_lesson_for_viewer(user, pk: int) -> Lesson:
    lesson = (
        Lesson.objects.select_related("teacher")
        .prefetch_related(
            "themes__network",
            # Only the cases the viewer may read: a case's title is already about a client.
            Prefetch(
                "cases",
                queryset=Case.objects.filter(readable_cases_q(user)).select_related("network"),
            ),
            "meetings__network",
        )
        .filter(pk=pk)
        .first()
    )
    if lesson is None or not can_see_lesson(user, lesson):
        raise Http404
    return lesson


def get_lesson_for_teacher(user, pk: int) -> Lesson:
    lesson = get_lesson_for_viewer(user, pk)
    if lesson.teacher_id != user.pk:
        raise PermissionDenied
    return lesson
