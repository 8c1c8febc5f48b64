"""Writes of casework: cases, contributions, attachments, the access log, retention, lessons.

Every free text about a client passes the privacy guard here as well as in the forms, so
no path (form, admin action, seed, shell) stores identifying data unchecked.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from lin_platform import privacy
from networks.choices import Role
from networks.models import Membership, Network, Theme

from .attachments import check_attachment
from .choices import CaseAccessAction
from .models import (
    Case,
    CaseAccess,
    CaseAttachment,
    CaseContribution,
    CaseShare,
    CaseworkSettings,
    Lesson,
)
from .permissions import member_network_ids, readable_cases_q, teaching_network_ids

CASE_TEXT_FIELDS = ("title", "situation", "questions_care", "questions_social", "outcome")


def _guard_texts(model, texts: dict[str, str]) -> None:
    """Raise a ValidationError per guarded field that holds identifying data."""
    privacy.check_values(model, texts)


def _check_pair(network: Network, student: User, professional: User) -> None:
    current = Membership.objects.current().filter(network=network)
    errors = {}
    if not current.filter(user=student, role=Role.STUDENT).exists():
        errors["student"] = _("The student must be a student member of this network.")
    if not current.filter(user=professional, role=Role.PROFESSIONAL).exists():
        errors["professional"] = _(
            "The professional must be a professional member of this network."
        )
    if errors:
        raise ValidationError(errors)


def _check_case_links(network: Network, themes, meeting) -> None:
    if any(theme.network_id != network.pk for theme in themes):
        raise ValidationError({"themes": _("Choose themes of this network.")})
    if meeting is not None and meeting.network_id != network.pk:
        raise ValidationError({"meeting": _("Choose a meeting of this network.")})


@transaction.atomic
def case_create(
    *,
    network: Network,
    author: User,
    title: str,
    student: User,
    professional: User,
    situation: str,
    questions_care: str = "",
    questions_social: str = "",
    outcome: str = "",
    themes=(),
    meeting=None,
) -> Case:
    """Record a pseudonymised case of ``network`` for a pair.

    Refuses identifying data, a pair that is not (student, professional) of the network,
    and themes or a meeting of another network. Side effects: a Case row and its themes.
    """
    texts = {
        "title": title,
        "situation": situation,
        "questions_care": questions_care,
        "questions_social": questions_social,
        "outcome": outcome,
    }
    _guard_texts(Case, texts)
    _check_pair(network, student, professional)
    themes = list(themes)
    _check_case_links(network, themes, meeting)
    case = Case.objects.create(
        network=network,
        student=student,
        professional=professional,
        meeting=meeting,
        created_by=author,
        **texts,
    )
    case.themes.set(themes)
    return case


@transaction.atomic
def case_update(*, case: Case, editor: User, themes=None, **fields) -> Case:
    """Change a case's texts, pair, status, meeting or themes. Archived cases are read-only.

    Side effects: updates the Case row (and its themes when given).
    """
    if case.is_archived:
        raise ValidationError(_("This case is archived and can no longer be changed."))
    allowed = {*CASE_TEXT_FIELDS, "student", "professional", "status", "meeting"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"case_update got unexpected fields: {sorted(unknown)}")
    _guard_texts(Case, {k: v for k, v in fields.items() if k in CASE_TEXT_FIELDS})
    student = fields.get("student", case.student)
    professional = fields.get("professional", case.professional)
    if "student" in fields or "professional" in fields:
        _check_pair(case.network, student, professional)
    _check_case_links(case.network, list(themes or []), fields.get("meeting"))
    for name, value in fields.items():
        setattr(case, name, value)
    case.save()
    if themes is not None:
        case.themes.set(list(themes))
    return case


@transaction.atomic
def case_contribution_add(
    *, case: Case, author: User, discipline: str, text: str
) -> CaseContribution:
    """Add one discipline's contribution. Side effects: a CaseContribution row; the case's
    ``updated_at`` moves (it is worked on, so its archiving is postponed)."""
    if case.is_archived:
        raise ValidationError(_("This case is archived and can no longer be changed."))
    if discipline != author.profession:
        raise ValidationError(
            {
                "discipline": _(
                    "You contribute as %(profession)s: a contribution is filed under your own "
                    "profession. Ask someone of that discipline to add theirs."
                )
                % {"profession": author.get_profession_display()}
            }
        )
    _guard_texts(CaseContribution, {"text": text})
    contribution = CaseContribution.objects.create(
        case=case, author=author, discipline=discipline, text=text
    )
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    return contribution


@transaction.atomic
def case_attachment_add(*, case: Case, uploaded_by: User, file) -> CaseAttachment:
    """Store an attachment after the size, type and content checks.

    Side effects: a file under MEDIA_ROOT/casework/<case>/ and a CaseAttachment row.
    """
    if case.is_archived:
        raise ValidationError(_("This case is archived and can no longer be changed."))
    check_attachment(file)
    try:
        _guard_texts(CaseAttachment, {"name": file.name})
    except ValidationError as error:
        raise ValidationError({"file": error.message_dict["name"]}) from error
    return CaseAttachment.objects.create(
        case=case, file=file, name=file.name[:200], size=file.size, uploaded_by=uploaded_by
    )


@transaction.atomic
def case_share_set(*, case: Case, users, allowed, by: User | None = None) -> Case:
    """Share ``case`` with exactly ``users`` (guests, residents, experts by experience of
    its network: ids in ``allowed``), as coordinator ``by``.

    Side effects: the case's ``shared_with`` rows; a CaseShare row (who, by whom, when) per
    person newly shared with, and ``withdrawn_at`` on the open share of each person no
    longer shared with; for each new share a notice in the outbox (kind ``case_shared``),
    sent right after commit.
    """
    if case.is_archived:
        raise ValidationError(_("This case is archived and can no longer be changed."))
    users = list(users)
    if any(user.pk not in allowed for user in users):
        raise ValidationError(
            _("A case is shared only with guests, residents and experts by experience.")
        )
    before = set(case.shared_with.values_list("pk", flat=True))
    after = {user.pk for user in users}
    case.shared_with.set(users)
    now = timezone.now()
    CaseShare.objects.filter(
        case=case, person_id__in=before - after, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    added = sorted(after - before)
    if added:
        CaseShare.objects.bulk_create(
            CaseShare(case=case, person_id=pk, shared_by=by, shared_at=now) for pk in added
        )
        from .reminders import announce_shares

        announce_shares(case=case, person_ids=set(added), now=now)
    return case


def case_access_log(*, case: Case, user: User, action: str = CaseAccessAction.VIEW) -> CaseAccess:
    """Note that ``user`` looked at ``case``. Side effects: a CaseAccess row."""
    return CaseAccess.objects.create(case=case, user=user, action=action)


def casework_settings_of(network: Network) -> CaseworkSettings:
    """The network's retention settings; the defaults when none were saved yet (not saved)."""
    found = CaseworkSettings.objects.filter(network=network).first()
    return found or CaseworkSettings(network=network)


def casework_settings_update(
    *, network: Network, archive_after_days: int, purge_after_days: int
) -> CaseworkSettings:
    """Set the network's retention periods. Side effects: creates or updates its row."""
    if archive_after_days < 1 or purge_after_days < 1:
        raise ValidationError(_("Periods are at least one day."))
    settings_row, _created = CaseworkSettings.objects.update_or_create(
        network=network,
        defaults={"archive_after_days": archive_after_days, "purge_after_days": purge_after_days},
    )
    return settings_row


def _purge(case: Case, now: datetime) -> None:
    for attachment in case.attachments.all():
        attachment.file.delete(save=False)
    case.attachments.all().delete()
    case.contributions.update(text="")
    Case.objects.filter(pk=case.pk).update(
        situation="",
        questions_care="",
        questions_social="",
        outcome="",
        purged_at=now,
    )


def cases_archive_and_purge(*, now: datetime | None = None) -> tuple[int, int]:
    """Archive cases untouched for the network's archive period; erase the texts and
    attachments of cases archived longer than its purge period.

    Networks without saved settings use the defaults. Idempotent: a second run at the same
    moment changes nothing. Side effects: ``archived_at`` set; texts blanked, attachment
    files and rows deleted, ``purged_at`` set. Returns (archived, purged).
    """
    now = now or timezone.now()
    defaults = CaseworkSettings()
    saved = {s.network_id: s for s in CaseworkSettings.objects.all()}
    archived = purged = 0
    network_ids = Case.objects.filter(purged_at__isnull=True).values_list("network_id", flat=True)
    for network_id in set(network_ids):
        periods = saved.get(network_id, defaults)
        with transaction.atomic():
            archived += Case.objects.filter(
                network_id=network_id,
                archived_at__isnull=True,
                updated_at__lt=now - timedelta(days=periods.archive_after_days),
            ).update(archived_at=now)
            due = Case.objects.select_for_update().filter(
                network_id=network_id,
                archived_at__isnull=False,
                purged_at__isnull=True,
                archived_at__lte=now - timedelta(days=periods.purge_after_days),
            )
            for case in due:
                _purge(case, now)
                purged += 1
    return archived, purged


# --- Lessons ------------------------------------------------------------------------------


def _check_lesson_links(teacher: User, themes, cases, meetings) -> None:
    teaching = teaching_network_ids(teacher)
    errors = {}
    if not themes:
        errors["themes"] = _("Choose at least one theme.")
    elif any(theme.network_id not in teaching for theme in themes):
        errors["themes"] = _("You can only link themes of networks in which you teach.")
    member_of = member_network_ids(teacher)
    cases = list(cases)
    readable = set(
        Case.objects.filter(pk__in=[case.pk for case in cases])
        .filter(readable_cases_q(teacher))
        .values_list("pk", flat=True)
        if cases
        else ()
    )
    if any(case.network_id not in member_of or case.pk not in readable for case in cases):
        errors["cases"] = _("You can only use cases of your own networks.")
    if any(meeting.network_id not in member_of for meeting in meetings):
        errors["meetings"] = _("You can only use meetings of your own networks.")
    if errors:
        raise ValidationError(errors)


LESSON_FIELDS = (
    "title",
    "school",
    "programme",
    "level",
    "course",
    "starts_on",
    "ends_on",
    "objectives",
)


@transaction.atomic
def lesson_create(*, teacher: User, themes, cases=(), meetings=(), **fields) -> Lesson:
    """Record a lesson. Its themes must be of networks where ``teacher`` teaches; the cases
    and meetings used must be of the teacher's networks. Side effects: a Lesson row and its
    links."""
    themes, cases, meetings = list(themes), list(cases), list(meetings)
    _check_lesson_links(teacher, themes, cases, meetings)
    if fields.get("ends_on") and fields["ends_on"] < fields["starts_on"]:
        raise ValidationError({"ends_on": _("The last day lies before the first.")})
    lesson = Lesson.objects.create(teacher=teacher, **fields)
    lesson.themes.set(themes)
    lesson.cases.set(cases)
    lesson.meetings.set(meetings)
    return lesson


@transaction.atomic
def lesson_update(*, lesson: Lesson, themes, cases=(), meetings=(), **fields) -> Lesson:
    """Change a lesson (same checks as ``lesson_create``). Side effects: the row, its links."""
    themes, cases, meetings = list(themes), list(cases), list(meetings)
    _check_lesson_links(lesson.teacher, themes, cases, meetings)
    if fields.get("ends_on") and fields["ends_on"] < fields["starts_on"]:
        raise ValidationError({"ends_on": _("The last day lies before the first.")})
    for name, value in fields.items():
        setattr(lesson, name, value)
    lesson.save()
    lesson.themes.set(themes)
    lesson.cases.set(cases)
    lesson.meetings.set(meetings)
    return lesson


@transaction.atomic
def lesson_delete(*, lesson: Lesson) -> None:
    """Remove a lesson. Side effects: the row and its links to themes, cases and meetings
    (the cases and meetings themselves stay)."""
    lesson.delete()


def themes_for_teacher(teacher: User):
    """Themes the teacher may link: those of the networks in which they teach."""
    return (
        Theme.objects.filter(network_id__in=teaching_network_ids(teacher))
        .select_related("network")
        .order_by("network__name", "name")
    )
