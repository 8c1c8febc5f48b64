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
