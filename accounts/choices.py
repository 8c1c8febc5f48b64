"""Vocabularies of the person: domains, professions, student levels, languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Domain(models.TextChoices):
    CARE = "care", pgettext_lazy("domain", "Care")
    SOCIAL = "social", pgettext_lazy("domain", "Social domain")
    EDUCATION = "education", pgettext_lazy("domain", "Education")
    RESEARCH = "research", pgettext_lazy("domain", "Research")
    CITIZENS = "citizens", pgettext_lazy("domain", "Citizens")


class Profession(models.TextChoices):
    # care domain
    DISTRICT_NURSE = "district_nurse", _("District nurse")
    NURSE = "nurse", _("Nurse")
    CARER = "carer", _("Carer")
    GP = "gp", _("General practitioner")
    GP_TRAINEE = "gp_trainee", _("GP in training")
    PRACTICE_NURSE = "practice_nurse", _("Practice nurse (POH)")
    ELDERLY_CARE_PHYSICIAN = "elderly_care_physician", _("Elderly-care physician")
    PHYSIOTHERAPIST = "physiotherapist", _("Physiotherapist")
    OCCUPATIONAL_THERAPIST = "occupational_therapist", _("Occupational therapist")
    DIETITIAN = "dietitian", _("Dietitian")
    NURSING_STUDENT = "nursing_student", _("Nursing student")
    # social domain
    SOCIAL_WORKER = "social_worker", _("Social worker")
    MUNICIPAL_CONSULTANT = "municipal_consultant", _("Municipal consultant (Wmo)")
    WELFARE_WORKER = "welfare_worker", _("Welfare worker")
    CASE_MANAGER = "case_manager", _("Case manager")
    SOCIAL_WORK_STUDENT = "social_work_student", _("Social work student")
    # education
    TEACHER = "teacher", _("Teacher")
    # research
    RESEARCHER = "researcher", _("Researcher")
    # citizens
    EXPERT_BY_EXPERIENCE = "expert_by_experience", _("Expert by experience")
    RESIDENT = "resident", _("Resident")
    VOLUNTEER = "volunteer", _("Volunteer")
    INFORMAL_CARER = "informal_carer", _("Informal carer")
    OTHER = "other", _("Other")


PROFESSION_DOMAIN: dict[str, str] = {
    Profession.DISTRICT_NURSE: Domain.CARE,
    Profession.NURSE: Domain.CARE,
    Profession.CARER: Domain.CARE,
    Profession.GP: Domain.CARE,
    Profession.GP_TRAINEE: Domain.CARE,
    Profession.PRACTICE_NURSE: Domain.CARE,
    Profession.ELDERLY_CARE_PHYSICIAN: Domain.CARE,
    Profession.PHYSIOTHERAPIST: Domain.CARE,
    Profession.OCCUPATIONAL_THERAPIST: Domain.CARE,
    Profession.DIETITIAN: Domain.CARE,
    Profession.NURSING_STUDENT: Domain.CARE,
    Profession.SOCIAL_WORKER: Domain.SOCIAL,
    Profession.MUNICIPAL_CONSULTANT: Domain.SOCIAL,
    Profession.WELFARE_WORKER: Domain.SOCIAL,
    Profession.CASE_MANAGER: Domain.SOCIAL,
    Profession.SOCIAL_WORK_STUDENT: Domain.SOCIAL,
    Profession.TEACHER: Domain.EDUCATION,
    Profession.RESEARCHER: Domain.RESEARCH,
    Profession.EXPERT_BY_EXPERIENCE: Domain.CITIZENS,
    Profession.RESIDENT: Domain.CITIZENS,
    Profession.VOLUNTEER: Domain.CITIZENS,
    Profession.INFORMAL_CARER: Domain.CITIZENS,
    Profession.OTHER: Domain.CITIZENS,
}


def professions_in_domain(domain: str) -> list[str]:
    return [p for p, d in PROFESSION_DOMAIN.items() if d == domain]


class StudentLevel(models.TextChoices):
    MBO = "mbo", _("mbo")
    HBO = "hbo", _("hbo")
    WO = "wo", _("wo (university)")


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


class ReminderKind(models.TextChoices):
    """The kinds of reminder mail a person can switch on or off (sent by the meetings app)."""

    MEETING = "meeting_reminder", _("Reminders before a meeting")
    RSVP_NUDGE = "rsvp_nudge", _("A nudge when I have not answered an invitation")
    PREPARATION = "preparation", _("Preparation reminders for my role in a meeting")
    MEETING_CHANGE = "meeting_change", _("Notices when a meeting is changed or cancelled")
    WEEKLY_DIGEST = "weekly_digest", _("Weekly overview for coordinators")
    SHADOWING_DAY_BEFORE = "shadowing_day_before", _("A reminder the day before a shadowing day")
    SHADOWING_REFLECTION = (
        "shadowing_reflection",
        _("A reminder to write the reflection on my shadowing day"),
    )
    SHADOWING_CONFIRMATION = (
        "shadowing_confirmation",
        _("A reminder when a shadowing day waits for my confirmation as host"),
    )
    SHADOWING_CANCELLED = (
        "shadowing_cancelled",
        _("A notice when the other person cancels a shadowing day"),
    )
    SHADOWING_MOVED = (
        "shadowing_moved",
        _("A notice when a shadowing day I host is moved to another date or time"),
    )
    TEACHER_DIGEST = (
        "teacher_digest",
        _("Weekly overview for teachers: reflections waiting for feedback"),
    )
