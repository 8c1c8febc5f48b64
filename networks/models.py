"""Organisations, networks, memberships (with their history), invitations and themes."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lin_platform.uploads import stored_path

from .choices import NetworkKind, OrganisationKind, Role, ShadowingSameDomainPolicy


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Network(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=NetworkKind.choices)
    region = models.CharField(_("region or district"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    partners = models.ManyToManyField(
        Organisation, through="NetworkPartner", related_name="networks", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Shadowing (meelopen): the coordinator's policy for same-domain hosts and what the
    # network requires of its students; a programme may require a different number.
    shadowing_same_domain = models.CharField(
        _("shadowing with someone of one's own domain"),
        max_length=20,
        choices=ShadowingSameDomainPolicy.choices,
        default=ShadowingSameDomainPolicy.ALLOW_WITH_REASON,
    )
    shadowing_required_dagdelen = models.PositiveSmallIntegerField(
        _("required shadowing half-days"),
        default=4,
        help_text=_("How many confirmed half-days a student needs; a whole day counts as two."),
    )
    shadowing_programme_dagdelen = models.JSONField(
        _("required half-days per programme"),
        default=dict,
        blank=True,
        help_text=_("Programmes that require a different number, e.g. HBO-V: 6."),
    )

    # How the network is organised (set by its coordinators in the browser).
    focus = models.TextField(
        _("focus"),
        blank=True,
        max_length=2000,
        help_text=_("What the network works on, e.g. prevention of malnutrition at home."),
    )
    learning_needs = models.TextField(
        _("learning needs"),
        blank=True,
        max_length=2000,
        help_text=_("What the members want to learn together this year."),
    )

    shadowing_teachers = models.BooleanField(
        _("teachers shadow too"),
        default=True,
        help_text=_(
            "Teachers gain practice experience by shadowing; the pattern counts their days apart."
        ),
    )

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def shadowing_dagdelen_required_for(self, user) -> int:
        """Half-days ``user`` must shadow in this network: their programme's number, if set."""
        programme = (getattr(user, "programme", "") or "").strip().lower()
        for name, count in (self.shadowing_programme_dagdelen or {}).items():
            if name.strip().lower() == programme and programme:
                return int(count)
        return self.shadowing_required_dagdelen


class NetworkPartner(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="partnerships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="partnerships"
    )
    part = models.CharField(
        _("part in the network"),
        max_length=200,
        blank=True,
        help_text=_("E.g. provides internships, hosts the meetings, research partner."),
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partner_contacts",
        verbose_name=_("contact person"),
    )
    # What the partner brings in: the nursing-home LIN's preconditions ask for people and
    # time; money and a place are what partners most often add.
    brings_people = models.BooleanField(_("people"), default=False)
    brings_time = models.BooleanField(_("time"), default=False)
    brings_money = models.BooleanField(_("money"), default=False)
    brings_place = models.BooleanField(_("a place"), default=False)
    contribution = models.TextField(
        _("what the partner brings"),
        blank=True,
        max_length=1000,
        help_text=_("E.g. two nurses four hours a month, the meeting room, a grant."),
    )

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        constraints = [
            models.UniqueConstraint(fields=["network", "organisation"], name="unique_partner")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.network}"


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships in force on a date: not ended, started, and not past their end."""
        on = on or timezone.localdate()
        return self.filter(ended_at__isnull=True, starts_on__lte=on).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=on)
        )


class Membership(models.Model):
    """A person's part in a network. Ending keeps the row: the history stays."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    starts_on = models.DateField(_("starts on"), default=timezone.localdate)
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("E.g. the end of an internship.")
    )
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["network", "user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"],
                condition=Q(ended_at__isnull=True),
                name="one_open_membership_per_network",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["user", "ended_at"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.network} ({self.get_role_display()})"

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return (
            self.ended_at is None
            and self.starts_on <= today
            and (self.ends_on is None or self.ends_on >= today)
        )


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    ends_on = models.DateField(_("membership ends on"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.network}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class Theme(models.Model):
    """A theme that lives in the network's practice, e.g. ondervoeding or valpreventie."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(max_length=100)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    # Archived themes stay on the meetings, cases and projects that use them but are no
    # longer offered for new ones; a theme is never deleted from the browser.
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="unique_theme_per_network")
        ]

    def __str__(self) -> str:
        return self.name


# --- Theme projects ----------------------------------------------------------------------
# A long-running project of a network on one of its themes (e.g. PLINT Ondervoeding): its
# partners, members, milestones, outputs and plan-do-study-act log. Meetings are linked by a
# many-to-many declared on the meetings side (``Meeting.theme_projects``); from here it reads
# ``project.meetings``.


from .choices import (  # noqa: E402  (kept with the section it serves)
    MilestoneKind,
    MilestoneStatus,
    ProjectPartnerKind,
    ProjectRole,
)


class ThemeProject(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="theme_projects", verbose_name=_("network")
    )
    other_networks = models.ManyToManyField(
        Network,
        blank=True,
        related_name="shared_theme_projects",
        verbose_name=_("also in networks"),
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="projects", verbose_name=_("theme")
    )
    title = models.CharField(_("title"), max_length=200)
    aim = models.TextField(_("aim"), max_length=5000)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("theme project")
        verbose_name_plural = _("theme projects")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="theme_project_ends_after_start",
                violation_error_message=_("The project ends before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class ProjectPartner(models.Model):
    project = models.ForeignKey(ThemeProject, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="project_partnerships",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("kind of partner"), max_length=20, choices=ProjectPartnerKind.choices)
    contribution = models.CharField(
        _("contribution"),
        max_length=300,
        blank=True,
        help_text=_("E.g. meal service, PhD track, internships."),
    )

    class Meta:
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="unique_project_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.project}"


class ProjectMember(models.Model):
    project = models.ForeignKey(ThemeProject, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="project_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("project role"), max_length=20, choices=ProjectRole.choices)

    class Meta:
        verbose_name = _("project member")
        verbose_name_plural = _("project members")
        ordering = ["role", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="unique_project_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.project} ({self.get_role_display()})"


class Milestone(models.Model):
    """A milestone or work package. Its due date lies inside the project's period; the
    service checks that, as a check constraint cannot reach the project row."""

    project = models.ForeignKey(ThemeProject, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(
        _("kind"), max_length=20, choices=MilestoneKind.choices, default=MilestoneKind.MILESTONE
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.PLANNED,
    )

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "title"]

    def __str__(self) -> str:
        return self.title


def project_output_path(instance, filename: str) -> str:
    # A random name: the stored name is never the one shown, and never guessable.
    return stored_path(f"projects/{instance.project_id}", filename)


class ProjectOutput(models.Model):
    """A result of the project: a document (report, factsheet, slides), a link to one, or
    both. The document is served only through a permission-checked view; its original
    name and size are kept for the page, so listing outputs never touches the storage."""

    project = models.ForeignKey(ThemeProject, on_delete=models.CASCADE, related_name="outputs")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("document"), upload_to=project_output_path, blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    file_size = models.PositiveIntegerField(_("file size in bytes"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    published_on = models.DateField(_("published on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("project output")
        verbose_name_plural = _("project outputs")
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(file=""),
                name="project_output_link_or_document",
                violation_error_message=_("Add a document, a link or both."),
            ),
            models.CheckConstraint(
                condition=Q(file="") | (~Q(file_name="") & Q(file_size__isnull=False)),
                name="project_output_document_named",
                violation_error_message=_("A document needs its name and size."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class PdsaEntry(models.Model):
    """One plan-do-study-act cycle on a quality-improvement question."""

    project = models.ForeignKey(ThemeProject, on_delete=models.CASCADE, related_name="pdsa_entries")
    question = models.CharField(_("improvement question"), max_length=300)
    plan = models.TextField(_("plan"), max_length=4000)
    do = models.TextField(_("do"), blank=True, max_length=4000)
    study = models.TextField(_("study"), blank=True, max_length=4000)
    act = models.TextField(_("act"), blank=True, max_length=4000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("PDSA entry")
        verbose_name_plural = _("PDSA entries")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.question


# --- How the network is organised: funding periods and the yearly self-check --------------


class FundingPeriod(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="funding_periods")
    funder = models.CharField(_("funder"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    amount = models.DecimalField(
        _("amount (euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("funding period")
        verbose_name_plural = _("funding periods")
        ordering = ["-starts_on", "funder"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="funding_period_ends_after_start",
                violation_error_message=_("The funding period ends before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="funding_amount_not_negative",
                violation_error_message=_("The amount cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.funder} ({self.starts_on:%Y}–{self.ends_on:%Y})"


class SelfCheckScore(models.IntegerChoices):
    NOT_YET = 1, _("Not yet")
    PARTLY = 2, _("Partly")
    MOSTLY = 3, _("Mostly")
    FULLY = 4, _("Fully")


class PreconditionCheck(models.Model):
    """One partner's answer to the yearly self-check of the network's preconditions (a
    shared vision, co-ownership, people and time), given by its contact person. Kept per
    year, so coordinators see how the answers move over the years."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="precondition_checks"
    )
    partner = models.ForeignKey(
        NetworkPartner, on_delete=models.CASCADE, related_name="precondition_checks"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="precondition_checks",
    )
    shared_vision = models.PositiveSmallIntegerField(
        _("We share a vision of what the network is for."), choices=SelfCheckScore.choices
    )
    co_ownership = models.PositiveSmallIntegerField(
        _("Our organisation feels co-owner of the network."), choices=SelfCheckScore.choices
    )
    people_and_time = models.PositiveSmallIntegerField(
        _("We give people and time to take part."), choices=SelfCheckScore.choices
    )
    remark = models.TextField(_("remark"), blank=True, max_length=1000)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("precondition self-check")
        verbose_name_plural = _("precondition self-checks")
        ordering = ["-year", "partner__organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "year"], name="one_precondition_check_per_partner_year"
            ),
            models.CheckConstraint(
                condition=Q(shared_vision__gte=1, shared_vision__lte=4)
                & Q(co_ownership__gte=1, co_ownership__lte=4)
                & Q(people_and_time__gte=1, people_and_time__lte=4),
                name="precondition_scores_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {self.year}"
