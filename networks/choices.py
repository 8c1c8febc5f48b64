"""Vocabularies of the network: kinds of organisation and network, membership roles."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    CARE_PROVIDER = "care_provider", _("Care provider")
    WELFARE = "welfare", _("Welfare organisation")
    SCHOOL = "school", _("School")
    MUNICIPALITY = "municipality", _("Municipality")
    GP_PRACTICE = "gp_practice", _("GP practice")
    COMPANY = "company", _("Company")
    KNOWLEDGE_INSTITUTE = "knowledge_institute", _("Knowledge institute")


class NetworkKind(models.TextChoices):
    DISTRICT_TEAM = "district_team", _("District nursing team")
    NURSING_HOME = "nursing_home", _("Nursing home")
    LEARNING_COMMUNITY = "learning_community", _("Learning community")
    NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood network")


class Role(models.TextChoices):
    COORDINATOR = "coordinator", pgettext_lazy("role", "Coordinator")
    TEACHER = "teacher", pgettext_lazy("role", "Teacher")
    STUDENT = "student", pgettext_lazy("role", "Student")
    PROFESSIONAL = "professional", pgettext_lazy("role", "Professional")
    EXPERT_BY_EXPERIENCE = "expert_by_experience", pgettext_lazy("role", "Expert by experience")
    RESIDENT = "resident", pgettext_lazy("role", "Resident / volunteer")
    RESEARCHER = "researcher", pgettext_lazy("role", "Researcher")
    GUEST = "guest", pgettext_lazy("role", "Guest")


# --- Theme projects ----------------------------------------------------------------------


class ProjectPartnerKind(models.TextChoices):
    CARE = "care", _("Care organisation")
    SCHOOL = "school", _("School")
    COMPANY = "company", _("Company")
    RESEARCH = "research", _("Research group")
    MUNICIPALITY = "municipality", _("Municipality")
    OTHER = "other", _("Other partner")


# A project partner's kind is its organisation's kind (one source, shown the same on the
# network page and the project page); ProjectPartner.kind keeps the matching value for the
# databases and exports that read that column.
PARTNER_KIND_OF_ORGANISATION = {
    OrganisationKind.CARE_PROVIDER: ProjectPartnerKind.CARE,
    OrganisationKind.WELFARE: ProjectPartnerKind.CARE,
    OrganisationKind.GP_PRACTICE: ProjectPartnerKind.CARE,
    OrganisationKind.SCHOOL: ProjectPartnerKind.SCHOOL,
    OrganisationKind.COMPANY: ProjectPartnerKind.COMPANY,
    OrganisationKind.KNOWLEDGE_INSTITUTE: ProjectPartnerKind.RESEARCH,
    OrganisationKind.MUNICIPALITY: ProjectPartnerKind.MUNICIPALITY,
}


class ProjectRole(models.TextChoices):
    LEAD = "lead", _("Project lead")
    RESEARCHER = "researcher", _("Researcher")
    PHD = "phd", _("PhD candidate")
    MEMBER = "member", _("Project member")
    ADVISOR = "advisor", _("Advisor")


class MilestoneKind(models.TextChoices):
    MILESTONE = "milestone", _("Milestone")
    WORK_PACKAGE = "work_package", _("Work package")


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")


class ShadowingSameDomainPolicy(models.TextChoices):
    """What a network does with a shadowing day whose host is of the shadower's own domain."""

    REFUSE = "refuse", _("Refuse: a shadowing day must cross to the other domain")
    ALLOW_WITH_REASON = "allow_with_reason", _("Allow, with a reason the person gives")
