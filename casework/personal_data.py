"""Casework's part of a person's personal data: their cases, contributions, uploads, lessons
and their entries in the case-access log.

Registered with ``accounts.personal_data`` from ``CaseworkConfig.ready()``. A case is
exported by its title, network and the person's part in it: never its texts (situation,
questions, outcome), which are about a client and written by the pair together.

Erasure deletes nothing here. The person stays in the pair of their cases, shown as
"Former member" once their account is anonymised, also on cases not yet presented: a case
always has a pair (both fields are required, and pages and exports count on it), its texts
are pseudonymised and about the client, not the pair, and editing the case already asks
for a current student and professional, as it does for anyone who left the network. Their
contributions, lessons and case-access entries stay for the same reason: the network's
learning material and the record of who looked at client material must stay whole. Only
the cases a coordinator shared with the person (``Case.shared_with``) are unshared and the
record of those shares (``CaseShare``: who shared, when) deleted: a share is a permission,
not material. The shares a coordinator made stay recorded, by "Former member".
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.choices import Profession, StudentLevel
from accounts.personal_data import choice, iso, register
from networks.choices import Role

from .choices import CaseAccessAction, CaseStatus
from .models import Case, CaseAccess, CaseAttachment, CaseContribution, CaseShare, Lesson

COVERS = (
    "casework.Case.student",
    "casework.Case.professional",
    "casework.Case.created_by",
    "casework.Case.shared_with",
    "casework.CaseShare.person",
    "casework.CaseShare.shared_by",
    "casework.CaseContribution.author",
    "casework.CaseAttachment.uploaded_by",
    "casework.CaseAccess.user",
    "casework.Lesson.teacher",
)


def _parts(case: Case, user) -> list[dict]:
    parts = []
    if case.student_id == user.pk:
        parts.append(choice(Role.STUDENT, Role))
    if case.professional_id == user.pk:
        parts.append(choice(Role.PROFESSIONAL, Role))
    if case.created_by_id == user.pk:
        parts.append({"code": "author", "label": _("Wrote the case")})
    return parts


def export(user) -> dict:
    cases = (
        Case.objects.filter(Q(student=user) | Q(professional=user) | Q(created_by=user))
        .select_related("network", "meeting")
        .order_by("created_at", "pk")
    )
    contributions = (
        CaseContribution.objects.filter(author=user)
        .select_related("case__network")
        .order_by("created_at", "pk")
    )
    attachments = (
        CaseAttachment.objects.filter(uploaded_by=user)
        .select_related("case__network")
        .order_by("uploaded_at", "pk")
    )
    accesses = (
        CaseAccess.objects.filter(user=user).select_related("case__network").order_by("at", "pk")
    )
    shared = Case.objects.filter(shared_with=user).select_related("network").order_by("pk")
    shares = (
        CaseShare.objects.filter(Q(person=user) | Q(shared_by=user))
        .select_related("case__network", "person", "shared_by")
        .order_by("shared_at", "pk")
    )
    lessons = (
        Lesson.objects.filter(teacher=user)
        .prefetch_related("themes__network", "cases", "meetings")
        .order_by("starts_on", "pk")
    )
    return {
        "cases": [
            {
                "case": c.title,
                "network": c.network.name,
                "your_part": _parts(c, user),
                "status": choice(c.status, CaseStatus),
                "presented_in": c.meeting.title if c.meeting else None,
                "created_at": iso(c.created_at),
                "archived_at": iso(c.archived_at),
            }
            for c in cases
        ],
        "cases_shared_with_you": [{"case": c.title, "network": c.network.name} for c in shared],
        "case_shares": [
            {
                "case": share.case.title,
                "network": share.case.network.name,
                "shared_with": share.person.get_full_name(),
                "shared_by": share.shared_by.get_full_name() if share.shared_by else None,
                "shared_at": iso(share.shared_at),
                "withdrawn_at": iso(share.withdrawn_at),
            }
            for share in shares
        ],
        "contributions_you_wrote": [
            {
                "case": k.case.title,
                "network": k.case.network.name,
                "discipline": choice(k.discipline, Profession),
                "text": k.text,
                "written_at": iso(k.created_at),
            }
            for k in contributions
        ],
        "attachments_you_uploaded": [
            {
                "case": a.case.title,
                "network": a.case.network.name,
                "name": a.name,
                "size_in_bytes": a.size,
                "uploaded_at": iso(a.uploaded_at),
            }
            for a in attachments
        ],
        "case_access_log": [
            {
                "case": a.case.title,
                "network": a.case.network.name,
                "action": choice(a.action, CaseAccessAction),
                "at": iso(a.at),
            }
            for a in accesses
        ],
        "lessons": [
            {
                "title": lesson.title,
                "school": lesson.school,
                "programme": lesson.programme,
                "level": choice(lesson.level, StudentLevel),
                "course": lesson.course,
                "starts_on": iso(lesson.starts_on),
                "ends_on": iso(lesson.ends_on),
                "objectives": lesson.objectives,
                "themes": [
                    {"theme": t.name, "network": t.network.name} for t in lesson.themes.all()
                ],
                "cases_used": [c.title for c in lesson.cases.all()],
                "meetings_used": [
                    {"meeting": m.title, "starts_at": iso(m.starts_at)}
                    for m in lesson.meetings.all()
                ],
            }
            for lesson in lessons
        ],
    }


def erase(user, *, by=None) -> None:
    Case.shared_with.through.objects.filter(user=user).delete()
    CaseShare.objects.filter(person=user).delete()


def register_section() -> None:
    register(
        "casework",
        title=gettext_lazy("Cases and lessons"),
        kept=gettext_lazy(
            "The cases in which you are in the pair or which you wrote (their title, network "
            "and your part; the texts about the client are the network's), the contributions "
            "and attachments you added, the lessons you recorded, when you looked at case "
            "material, and the cases shared with you or by you (by whom, when)."
        ),
        on_erase=gettext_lazy(
            "Nothing is deleted from cases: they are pseudonymised learning material of the "
            "network. Where your name was, “Former member” is shown; your lessons and the "
            "record of who looked at case material stay too. The cases shared with you are "
            "unshared and the record of those shares deleted; shares you made stay recorded."
        ),
        export=export,
        erase=erase,
        covers=COVERS,
    )
