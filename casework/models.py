"""Models of casework: pseudonymised cases worked by a student–professional pair, their
contributions, attachments and access log; lessons linked to practice themes; and each
network's retention periods for case material.

Meetings are referred to by the string "meetings.Meeting": a case is presented in a
meeting, and a lesson may use one as material. That is this app's one link to meetings.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import Profession, StudentLevel
from lin_platform.uploads import stored_path

from .choices import CaseAccessAction, CaseStatus


class CaseworkSettings(models.Model):
    """A network's retention of case material (kept here so networks stays unchanged)."""

    network = models.OneToOneField(
        "networks.Network", on_delete=models.CASCADE, related_name="casework_settings"
    )
    archive_after_days = models.PositiveIntegerField(
        _("archive cases after (days)"),
        default=365,
        help_text=_("Counted from the last change of the case."),
    )
    purge_after_days = models.PositiveIntegerField(
        _("erase case texts after (days in the archive)"),
        default=365,
        help_text=_("Counted from archiving; the texts and attachments are erased for good."),
    )

    class Meta:
        verbose_name = _("casework settings")
        verbose_name_plural = _("casework settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(archive_after_days__gte=1) & Q(purge_after_days__gte=1),
                name="casework_periods_positive",
            )
        ]

    def __str__(self) -> str:
        return str(self.network)


class Case(models.Model):
    """A pseudonymised client case (casus) of a network, worked on by a pair (koppel)."""

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="cases")
    title = models.CharField(
        _("title"), max_length=200, help_text=_("A pseudonym, e.g. ‘Mevrouw J., 84’.")
    )
    themes = models.ManyToManyField(
        "networks.Theme", blank=True, related_name="cases", verbose_name=_("themes")
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="cases_as_student",
        verbose_name=_("student"),
    )
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="cases_as_professional",
        verbose_name=_("professional"),
    )
    situation = models.TextField(_("situation"), max_length=10000)
    questions_care = models.TextField(
        _("questions from the care domain"), blank=True, max_length=4000
    )
    questions_social = models.TextField(
        _("questions from the social domain"), blank=True, max_length=4000
    )
    outcome = models.TextField(_("outcome"), blank=True, max_length=10000)
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.DRAFT
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("presented in"),
    )
    shared_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="cases_shared_with",
        verbose_name=_("shared with"),
        help_text=_(
            "Guests, residents and experts by experience a coordinator let read this case."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    purged_at = models.DateTimeField(_("texts erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(student=F("professional")),
                name="case_pair_is_two_people",
                violation_error_message=_("A pair is two different people."),
            ),
            models.CheckConstraint(
                condition=Q(purged_at__isnull=True) | Q(archived_at__isnull=False),
                name="case_purged_only_when_archived",
            ),
        ]
        indexes = [models.Index(fields=["network", "archived_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def is_pair_member(self, user) -> bool:
        return user.pk in (self.student_id, self.professional_id)


class CaseContribution(models.Model):
    """What one discipline brings to the case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contributions")
    discipline = models.CharField(_("discipline"), max_length=40, choices=Profession.choices)
    text = models.TextField(_("contribution"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.get_discipline_display()} – {self.case}"


def attachment_path(instance, filename: str) -> str:
    # A random name: the original may itself hold identifying data.
    return stored_path(f"casework/{instance.case_id}", filename)


class CaseAttachment(models.Model):
    """Slides or a handout for the case; served only through a permission-checked view."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)
    name = models.CharField(_("name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.name


class CaseAccess(models.Model):
    """One look at case material: who, when, which case. Read by the network's coordinators."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(
        _("action"), max_length=20, choices=CaseAccessAction.choices, default=CaseAccessAction.VIEW
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("case access")
        verbose_name_plural = _("case access log")
        ordering = ["-at"]
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.case} – {self.at:%Y-%m-%d %H:%M}"


class CaseShare(models.Model):
    """A coordinator shared ``case`` with ``person`` (a guest, resident or expert by
    experience): who shared it and when, and when the share was taken back.

    ``Case.shared_with`` says who reads the case now; these rows are its history (shown to
    the coordinators on the case page) and what the notice to the person is about (reminder
    kind ``case_shared``). At most one open share per case and person.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="shares")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="case_shares",
        verbose_name=_("shared with"),
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("shared by"),
    )
    shared_at = models.DateTimeField(_("shared on"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)

    class Meta:
        verbose_name = _("case share")
        verbose_name_plural = _("case shares")
        ordering = ["shared_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "person"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_open_share_per_case_and_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} – {self.person}"


class Lesson(models.Model):
    """A lesson a teacher gives, linked to the practice themes it serves."""

    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lessons",
        verbose_name=_("teacher"),
    )
    title = models.CharField(_("title"), max_length=200)
    school = models.CharField(_("school"), max_length=200)
    programme = models.CharField(_("programme"), max_length=120, help_text=_("E.g. MBO-V, HBO-V."))
    level = models.CharField(_("level"), max_length=3, choices=StudentLevel.choices)
    course = models.CharField(_("course"), max_length=200, blank=True)
    starts_on = models.DateField(_("date or first day"))
    ends_on = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Only for a period.")
    )
    objectives = models.TextField(_("learning objectives"), max_length=4000)
    themes = models.ManyToManyField(
        "networks.Theme", related_name="lessons", verbose_name=_("themes")
    )
    cases = models.ManyToManyField(
        Case, blank=True, related_name="lessons", verbose_name=_("cases used")
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="lessons", verbose_name=_("meetings used")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="lesson_ends_after_start",
                violation_error_message=_("The last day lies before the first."),
            )
        ]

    def __str__(self) -> str:
        return self.title
