"""Permission matrix entries of casework: themes board, cases, lessons."""

from networks.choices import Role
from tests.casework.factories import CaseFactory, LessonFactory
from tests.factories import ThemeFactory, member
from tests.matrix import Entry, coordinators, members, only, signed_in
from tests.test_uploads import pdf_bytes

PAIR_AND_COORDINATORS = [Role.STUDENT.value, Role.PROFESSIONAL.value, Role.COORDINATOR.value]
# Guests, residents and experts by experience read a case only when it was presented in a
# meeting they attended or a coordinator shared it with them; otherwise it does not exist
# for them (404), also where others who read it but may not change it get 403.
LIMITED = [Role.GUEST.value, Role.RESIDENT.value, Role.EXPERT_BY_EXPERIENCE.value]
NOT_FOR_LIMITED = dict.fromkeys(LIMITED, 404)


def _case(w):
    """A case of the world's network, worked on by its student and professional."""
    return CaseFactory(
        network=w.network, student=w.people["student"], professional=w.people["professional"]
    ).pk


def _shared_case(w):
    """A case of the world's network shared with its guest, resident and expert."""
    from casework.models import Case

    case = Case.objects.get(pk=_case(w))
    case.shared_with.set([w.people[role] for role in LIMITED])
    return case.pk


def _attended_case(w):
    """A case presented in a meeting its guest, resident and expert attended."""
    from casework.models import Case
    from sessions.meetings.models import Attendance
    from tests.sessions.factories import MeetingFactory

    meeting = MeetingFactory(network=w.network)
    for role, status in zip(LIMITED, ["present", "late", "present"], strict=True):
        Attendance.objects.create(meeting=meeting, user=w.people[role], status=status)
    case = Case.objects.get(pk=_case(w))
    case.meeting = meeting
    case.save()
    return case.pk


def _foreign_case(w):
    return CaseFactory(network=w.other_network).pk


def _attachment(w, make_case=_case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from casework.models import Case, CaseAttachment

    case = Case.objects.get(pk=make_case(w))
    attachment = CaseAttachment.objects.create(
        case=case,
        file=SimpleUploadedFile("dia.pdf", b"%PDF-1.4 test"),
        name="dia.pdf",
        size=13,
    )
    return [w.network.slug, case.pk, attachment.pk]


def _foreign_attachment(w):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from casework.models import CaseAttachment

    case = CaseFactory(network=w.other_network)
    attachment = CaseAttachment.objects.create(
        case=case, file=SimpleUploadedFile("x.pdf", b"%PDF-1.4"), name="x.pdf", size=8
    )
    return [w.network.slug, case.pk, attachment.pk]


def _lesson(w):
    theme = ThemeFactory(network=w.network)
    return LessonFactory(teacher=w.people["teacher"], themes=[theme]).pk


def _foreign_lesson(w):
    theme = ThemeFactory(network=w.other_network)
    teacher = member(w.other_network, Role.TEACHER)
    return LessonFactory(teacher=teacher, themes=[theme]).pk


def _case_form(w):
    return {
        "title": "Meneer K., 79",
        "student": w.people["student"].pk,
        "professional": w.people["professional"].pk,
        "situation": "Meneer eet slecht sinds zijn vrouw overleed.",
        "status": "draft",
    }


ENTRIES = [
    Entry("casework:board", args=lambda w: [w.network.slug], expect=members(200)),
    Entry("casework:case_list", args=lambda w: [w.network.slug], expect=members(200)),
    Entry(
        "casework:case_create",
        args=lambda w: [w.network.slug],
        expect=only(PAIR_AND_COORDINATORS, 200),
    ),
    Entry(
        "casework:case_create",
        label="post",
        method="post",
        args=lambda w: [w.network.slug],
        data=_case_form,
        expect=only(PAIR_AND_COORDINATORS, 302),
    ),
    Entry(
        "casework:case_detail",
        args=lambda w: [w.network.slug, _case(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_case(w)],
        expect=members(200, **NOT_FOR_LIMITED),
    ),
    Entry(
        "casework:case_detail",
        label="shared",
        args=lambda w: [w.network.slug, _shared_case(w)],
        expect=members(200),
    ),
    Entry(
        "casework:case_detail",
        label="attended",
        args=lambda w: [w.network.slug, _attended_case(w)],
        expect=members(200),
    ),
    Entry(
        "casework:case_edit",
        label="shared",
        args=lambda w: [w.network.slug, _shared_case(w)],
        expect=only(PAIR_AND_COORDINATORS, 200),
    ),
    Entry(
        "casework:case_share",
        method="post",
        args=lambda w: [w.network.slug, _case(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_case(w)],
        data=lambda w: {"shared_with": [w.people["guest"].pk]},
        expect=coordinators(302, **NOT_FOR_LIMITED),
    ),
    Entry(
        "casework:case_share",
        label="shared",
        method="post",
        args=lambda w: [w.network.slug, _shared_case(w)],
        data=lambda w: {"shared_with": [w.people["guest"].pk]},
        expect=coordinators(302),
    ),
    Entry(
        "casework:case_edit",
        args=lambda w: [w.network.slug, _case(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_case(w)],
        expect=only(PAIR_AND_COORDINATORS, 200, **NOT_FOR_LIMITED),
    ),
    Entry(
        "casework:case_edit",
        label="post",
        method="post",
        args=lambda w: [w.network.slug, _case(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_case(w)],
        data=_case_form,
        expect=only(PAIR_AND_COORDINATORS, 302, **NOT_FOR_LIMITED),
    ),
    Entry(
        "casework:contribution_add",
        method="post",
        args=lambda w: [w.network.slug, _case(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_case(w)],
        # No discipline: filed under the author's own profession.
        data=lambda w: {"text": "Eiwitverrijkte tussendoortjes."},
        expect=only(PAIR_AND_COORDINATORS, 302, **NOT_FOR_LIMITED),
    ),
    Entry(
        "casework:attachment_add",
        method="post",
        args=lambda w: [w.network.slug, _case(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_case(w)],
        data=lambda w: {"file": _pdf()},
        expect=only(PAIR_AND_COORDINATORS, 302, **NOT_FOR_LIMITED),
    ),
    Entry(
        "casework:attachment_download",
        args=_attachment,
        foreign_args=_foreign_attachment,
        expect=members(200, **NOT_FOR_LIMITED),
    ),
    Entry(
        "casework:attachment_download",
        label="shared",
        args=lambda w: _attachment(w, _shared_case),
        expect=members(200),
    ),
    Entry(
        "casework:attachment_download",
        label="attended",
        args=lambda w: _attachment(w, _attended_case),
        expect=members(200),
    ),
    Entry("casework:access_log", args=lambda w: [w.network.slug], expect=coordinators(200)),
    Entry("casework:settings", args=lambda w: [w.network.slug], expect=coordinators(200)),
    Entry(
        "casework:settings",
        label="post",
        method="post",
        args=lambda w: [w.network.slug],
        data=lambda w: {"archive_after_days": 200, "purge_after_days": 100},
        expect=coordinators(302),
    ),
    Entry("casework:lessons", expect=signed_in(200)),
    Entry(
        "casework:lesson_create",
        expect=signed_in(403, teacher=200),
    ),
    Entry(
        "casework:lesson_detail",
        args=lambda w: [_lesson(w)],
        expect=members(200),
    ),
    Entry(
        "casework:lesson_detail",
        label="foreign",
        args=lambda w: [_foreign_lesson(w)],
        expect=members(404, other_coordinator=200),
    ),
    Entry(
        "casework:lesson_edit",
        args=lambda w: [_lesson(w)],
        expect=members(403, teacher=200),
    ),
    Entry(
        "casework:lesson_delete",
        args=lambda w: [_lesson(w)],
        expect=members(403, teacher=200),
    ),
    Entry(
        "casework:lesson_delete",
        label="post",
        method="post",
        args=lambda w: [_lesson(w)],
        expect=members(403, teacher=302),
    ),
    Entry(
        "casework:lesson_delete",
        label="foreign",
        method="post",
        args=lambda w: [_foreign_lesson(w)],
        expect=members(404, other_coordinator=403),
    ),
]


def _pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("dia.pdf", pdf_bytes(), content_type="application/pdf")
