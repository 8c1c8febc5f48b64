"""Demo data of casework and theme projects, built on the networks already in the database.

``seed_casework(scale=1)`` adds, per network, the practice theme *ondervoeding* (when the
network lacks it), a coming klinische les and a past casuïstiekbespreking on it, pseudonymised
cases worked by the network's first student–professional pair (2 × ``scale`` cases, with
contributions per discipline), lessons by an mbo and an hbo teacher on ondervoeding, and —
in the nursing-home network *hofstede* (every copy), or the first network when there is
none — a two-year malnutrition-prevention project modelled on PLINT Ondervoeding, with its
partners (care, schools, a food company, a lectorate with a PhD track), members,
milestones, outputs, linked meetings and PDSA cycles.

Idempotent: every row is looked up by a natural key (theme slug, meeting title, case title,
lesson title per teacher, project title, …) and only missing rows are created. Case texts
go through ``case_create``, so the privacy guard checks the demo data too.

``seed_demo`` runs it through the seeder registry of :mod:`networks.demo`
(see ``CaseworkConfig.ready``).
"""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.choices import OrganisationKind, Role
from networks.models import (
    Membership,
    Network,
    Organisation,
    PdsaEntry,
    ProjectMember,
    ProjectOutput,
    ProjectPartner,
    Theme,
    ThemeProject,
)
from networks.projects import services as project_services

from . import services
from .meetings_link import Meeting
from .models import Case, CaseContribution, Lesson

CASES = [
    {
        "title": "Mevrouw J., 84",
        "situation": (
            "Mevrouw woont alleen in een flat op de derde verdieping. Sinds het overlijden van "
            "haar man is zij in drie maanden zes kilo afgevallen. Zij kookt niet meer en eet "
            "vooral brood. Haar dochter woont ver weg en komt eens per maand."
        ),
        "questions_care": "Hoe brengen we de voedingstoestand in kaart, en wat is de rol van "
        "de diëtist en de huisarts?",
        "questions_social": "Wie kan helpen met boodschappen, en waar kan mevrouw samen eten?",
        "outcome": "",
        "status": "ready",
        "contributions": [
            ("district_nurse", "SNAQ65+ afgenomen: hoog risico. Gewicht wekelijks volgen."),
            ("social_worker", "Buurtrestaurant op dinsdag en donderdag; vrijwilliger haalt op."),
        ],
    },
    {
        "title": "Meneer K., 79",
        "situation": (
            "Meneer heeft beginnende dementie en woont met zijn vrouw, die mantelzorger is. "
            "Hij vergeet maaltijden en weigert soms te eten. Zijn vrouw raakt overbelast."
        ),
        "questions_care": "Welke hulpmiddelen en eetmomenten passen bij zijn ritme?",
        "questions_social": "Hoe ontlasten we de mantelzorger zonder het eten uit handen te nemen?",
        "outcome": "Dagbesteding twee dagen per week met gezamenlijke lunch; casemanager "
        "dementie betrokken; vrouw volgt de cursus van het Odensehuis.",
        "status": "presented",
        "contributions": [
            ("case_manager", "Mantelzorgondersteuning aangevraagd via het wijkteam."),
            ("dietitian", "Vingervoedsel en kleine porties verrijkt met eiwit."),
        ],
    },
]

LESSONS = [
    (
        "mbo",
        "Ondervoeding signaleren in de wijk",
        "MBO-V",
        "Zorg voor ouderen thuis",
        "De student herkent signalen van ondervoeding, neemt de SNAQ65+ af en bespreekt de "
        "uitkomst met de wijkverpleegkundige.",
    ),
    (
        "hbo",
        "Interprofessioneel ondervoeding voorkomen",
        "HBO-V",
        "Gezondheidsbevordering",
        "De student ontwerpt met sociaal werk en diëtetiek een aanpak om ondervoeding te "
        "voorkomen, en onderbouwt die met onderzoek.",
    ),
]

MILESTONES = [
    (30, "work_package", "WP1 Nulmeting voedingstoestand in de wijk", "done"),
    (120, "milestone", "Screening met SNAQ65+ in beide teams ingevoerd", "done"),
    (240, "work_package", "WP2 Eiwitverrijkte maaltijden met de voedingspartner", "in_progress"),
    (400, "milestone", "Scholing ondervoeding voor mbo- en hbo-studenten", "planned"),
    (540, "work_package", "WP3 Promotieonderzoek: effect op kwetsbaarheid", "planned"),
    (720, "milestone", "Eindevaluatie en overdracht", "planned"),
]


REPORT = {
    "title": "Tussenrapportage eerste projectjaar",
    "file_name": "tussenrapportage-plint-jaar-1.pdf",
    "description": "Voortgang van de werkpakketten en de eerste uitkomsten van de screening",
    "lines": [
        "PLINT Ondervoeding – tussenrapportage eerste projectjaar",
        "",
        "WP1 Nulmeting: in beide wijkteams afgerond; 41 nieuwe cliënten gescreend.",
        "Screening met SNAQ65+ is vast onderdeel van de intake.",
        "WP2 Eiwitverrijkte maaltijden: proef bij twaalf cliënten loopt.",
        "Scholing voor mbo- en hbo-studenten staat gepland.",
        "",
        "Fictieve demogegevens van LIN Platform.",
    ],
}


def demo_pdf(lines: list[str]) -> bytes:
    """A small, valid one-page PDF with ``lines`` of text: a document the upload guard
    accepts (it starts with ``%PDF-``) and a PDF reader opens."""

    def text(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = "".join(f"({text(line)}) Tj T* " for line in lines)
    stream = f"BT /F1 12 Tf 16 TL 72 770 Td {shown}ET".encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _report_output(project: ThemeProject, starts) -> None:
    """The project's interim report as a document output, through the upload guard."""
    if project.outputs.filter(title=REPORT["title"]).exists():
        return
    project_services.project_output_add(
        project=project,
        title=REPORT["title"],
        file=ContentFile(demo_pdf(REPORT["lines"]), name=REPORT["file_name"]),
        description=REPORT["description"],
        published_on=starts + timedelta(days=180),
    )


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _current(network: Network, role: str) -> list[Membership]:
    return list(
        Membership.objects.current()
        .filter(network=network, role=role)
        .select_related("user", "organisation")
        .order_by("user_id")
    )


def _theme(network: Network) -> Theme:
    theme, _created = Theme.objects.get_or_create(
        network=network,
        slug="ondervoeding",
        defaults={
            "name": "ondervoeding",
            "description": "Ondervoeding bij thuiswonende ouderen signaleren en voorkomen.",
        },
    )
    return theme


def _meeting(network, theme, *, title, format, days, now) -> Meeting:
    meeting = Meeting.objects.filter(network=network, title=title).first()
    if meeting is None:
        day = timezone.localdate(now) + timedelta(days=days)
        starts = timezone.make_aware(datetime.combine(day, time(15, 0)))
        meeting = Meeting.objects.create(
            network=network,
            title=title,
            format=format,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            location="Wijkcentrum",
            status="scheduled" if days > 0 else "held",
        )
    meeting.themes.add(theme)
    return meeting


def _cases(network, theme, coming, past, scale, counts) -> list[Case]:
    students = _current(network, Role.STUDENT)
    professionals = _current(network, Role.PROFESSIONAL)
    if not students or not professionals:
        return []
    student, professional = students[0].user, professionals[0].user
    # A contribution is filed under its author's own profession.
    by_profession = {}
    for membership in reversed(_current(network, Role.PROFESSIONAL)):
        by_profession[membership.user.profession] = membership.user
    made = []
    for copy in range(scale):
        for spec in CASES:
            title = spec["title"] if copy == 0 else f"{spec['title']} ({copy + 1})"
            case = Case.objects.filter(network=network, title=title).first()
            if case is None:
                case = services.case_create(
                    network=network,
                    author=student,
                    title=title,
                    student=student,
                    professional=professional,
                    situation=spec["situation"],
                    questions_care=spec["questions_care"],
                    questions_social=spec["questions_social"],
                    outcome=spec["outcome"],
                    themes=[theme],
                    meeting={"ready": coming, "presented": past}.get(spec["status"]),
                )
                Case.objects.filter(pk=case.pk).update(status=spec["status"])
                for discipline, text in spec["contributions"]:
                    author = by_profession.get(discipline)
                    if author is None:
                        continue
                    CaseContribution.objects.create(
                        case=case, discipline=discipline, text=text, author=author
                    )
                counts["cases"] += 1
            made.append(case)
    return made


def _share(network, cases) -> None:
    """The coordinator shares the first case with an expert by experience (or a guest or
    resident): recorded with who and when, and announced through the outbox."""
    coordinators = _current(network, Role.COORDINATOR)
    readers = [
        m.user
        for role in (Role.EXPERT_BY_EXPERIENCE, Role.GUEST, Role.RESIDENT)
        for m in _current(network, role)
    ]
    if not cases or not coordinators or not readers or cases[0].shared_with.exists():
        return
    services.case_share_set(
        case=cases[0], users=readers[:1], allowed={readers[0].pk}, by=coordinators[0].user
    )


def _lessons(network, theme, cases, coming, counts, today) -> None:
    teachers = _current(network, Role.TEACHER)
    for membership, (level, title, programme, course, objectives) in zip(
        teachers, LESSONS, strict=False
    ):
        if Lesson.objects.filter(teacher=membership.user, title=title).exists():
            continue
        school = membership.organisation.name if membership.organisation else "School"
        lesson = Lesson.objects.create(
            teacher=membership.user,
            title=title,
            school=school,
            programme=programme,
            level=level,
            course=course,
            starts_on=today + timedelta(days=21 if level == "mbo" else 35),
            ends_on=today + timedelta(days=49 if level == "mbo" else 63),
            objectives=objectives,
        )
        lesson.themes.set([theme])
        lesson.cases.set(cases[:1])
        lesson.meetings.set([coming])
        counts["lessons"] += 1


PARTNER_KIND = {
    OrganisationKind.CARE_PROVIDER: "care",
    OrganisationKind.WELFARE: "care",
    OrganisationKind.GP_PRACTICE: "care",
    OrganisationKind.SCHOOL: "school",
    OrganisationKind.COMPANY: "company",
    OrganisationKind.KNOWLEDGE_INSTITUTE: "research",
    OrganisationKind.MUNICIPALITY: "municipality",
}


def _project(network, theme, meetings, counts, today) -> None:
    title = "PLINT Ondervoeding"
    existing = ThemeProject.objects.filter(network=network, title=title).first()
    if existing is not None:
        # Projects seeded before outputs could be documents get their report now.
        _report_output(existing, existing.starts_on)
        return
    starts = today - timedelta(days=200)
    coordinators = _current(network, Role.COORDINATOR)
    project = project_services.theme_project_create(
        network=network,
        theme=theme,
        title=title,
        aim=(
            "In twee jaar ondervoeding bij thuiswonende ouderen voorkomen: samen signaleren in "
            "zorg en sociaal domein, eiwitverrijkte maaltijden met de voedingssector, scholing "
            "van mbo- en hbo-studenten, en een promotietraject dat het effect meet."
        ),
        starts_on=starts,
        ends_on=starts + timedelta(days=730),
        lead=coordinators[0].user if coordinators else None,
    )
    counts["projects"] += 1
    for partnership in network.partnerships.select_related("organisation"):
        organisation = partnership.organisation
        ProjectPartner.objects.get_or_create(
            project=project,
            organisation=organisation,
            defaults={
                "kind": PARTNER_KIND.get(organisation.kind, "other"),
                "contribution": partnership.part[:300],
            },
        )
    # The research group with the PhD track: the network's own knowledge institute when it
    # has one, else one made for this network (so every copy of the demo has its own).
    research = ProjectPartner.objects.filter(project=project, kind="research").first()
    if research is None:
        lectorate, _created = Organisation.objects.get_or_create(
            name=f"Lectoraat Voeding en Kwetsbare Ouderen ({network.name})",
            defaults={"kind": OrganisationKind.KNOWLEDGE_INSTITUTE},
        )
        research = ProjectPartner.objects.create(
            project=project, organisation=lectorate, kind="research"
        )
    research.contribution = "Promotietraject (PhD) naar het effect op kwetsbaarheid; nulmeting"
    research.save(update_fields=["contribution"])
    for role, project_role in ((Role.RESEARCHER, "phd"), (Role.TEACHER, "member")):
        for membership in _current(network, role)[:1]:
            ProjectMember.objects.get_or_create(
                project=project, user=membership.user, defaults={"role": project_role}
            )
    for offset, kind, milestone_title, status in MILESTONES:
        project_services.milestone_add(
            project=project,
            title=milestone_title,
            kind=kind,
            due_on=starts + timedelta(days=offset),
            status=status,
        )
    ProjectOutput.objects.create(
        project=project,
        title="Factsheet nulmeting ondervoeding",
        url="https://example.org/plint/factsheet-nulmeting.pdf",
        description="Uitkomsten van de SNAQ65+-screening in de wijk",
        published_on=starts + timedelta(days=60),
    )
    ProjectOutput.objects.create(
        project=project,
        title="Werkkaart eiwitverrijking",
        url="https://example.org/plint/werkkaart-eiwit.pdf",
        published_on=starts + timedelta(days=150),
    )
    _report_output(project, starts)
    author = coordinators[0].user if coordinators else None
    PdsaEntry.objects.create(
        project=project,
        author=author,
        question="Signaleren we ondervoeding eerder als elke nieuwe cliënt gescreend wordt?",
        plan="Vier weken lang de SNAQ65+ afnemen bij elk intakegesprek in beide teams.",
        do="Afgenomen bij 38 van de 41 nieuwe cliënten.",
        study="Zeven cliënten met hoog risico gevonden, van wie vijf nog niet bekend waren.",
        act="Screening vast onderdeel van de intake; herhalen na drie maanden.",
    )
    PdsaEntry.objects.create(
        project=project,
        author=author,
        question="Eten cliënten meer eiwit met de verrijkte maaltijden van de voedingspartner?",
        plan="Zes weken verrijkte maaltijden bij twaalf cliënten; eiwitinname bijhouden.",
    )
    project.meetings.add(*meetings)


@transaction.atomic
def seed_casework(*, scale: int = 1, stdout=None) -> dict[str, int]:
    """Build casework demo data on every network in the database (see module doc).

    Side effects: themes, meetings, cases, contributions, lessons, one theme project per
    nursing-home network. Returns the number of rows created per kind.
    """
    now = timezone.now()
    today = timezone.localdate(now)
    counts = {"cases": 0, "lessons": 0, "projects": 0}
    networks = list(Network.objects.order_by("pk"))
    project_networks = [n for n in networks if n.slug.startswith("hofstede")] or networks[:1]
    for network in networks:
        theme = _theme(network)
        coming = _meeting(
            network,
            theme,
            title="Klinische les: ondervoeding thuis",
            format="klinische_les",
            days=14,
            now=now,
        )
        past = _meeting(
            network,
            theme,
            title="Casuïstiekbespreking: eten en alleen wonen",
            format="casuistiek",
            days=-30,
            now=now,
        )
        cases = _cases(network, theme, coming, past, scale, counts)
        _share(network, cases)
        _lessons(network, theme, cases, coming, counts, today)
        if network in project_networks:
            _project(network, theme, [past, coming], counts, today)
    _say(
        stdout,
        _("Casework: %(cases)s cases, %(lessons)s lessons, %(projects)s theme projects created.")
        % counts,
    )
    return counts


def seed_casework_from_context(ctx) -> None:
    """The seeder registered with ``networks.demo``: the networks are copied by ``seed_demo``
    already, so each gets the casework of one copy."""
    from networks.models import ThemeProject

    from .models import Case, Lesson

    counts = seed_casework(scale=1, stdout=ctx.stdout)
    ctx.record(Case, counts["cases"])
    ctx.record(Lesson, counts["lessons"])
    ctx.record(ThemeProject, counts["projects"])
