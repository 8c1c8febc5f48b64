"""The vocabularies of evaluation: round waves and the profession groups of the figures."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.choices import Profession

# Professions grouped as a funder's report groups them; a profession group is shown with
# fewer people per cell than the single professions would be.
PROFESSION_GROUPS = {
    "nursing": pgettext_lazy("profession group", "Nursing and care"),
    "medical": pgettext_lazy("profession group", "Physicians"),
    "allied": pgettext_lazy("profession group", "Allied health"),
    "social": pgettext_lazy("profession group", "Social domain"),
    "education": pgettext_lazy("profession group", "Education and research"),
    "citizens": pgettext_lazy("profession group", "Citizens and others"),
}

PROFESSION_GROUP = {
    Profession.DISTRICT_NURSE: "nursing",
    Profession.NURSE: "nursing",
    Profession.CARER: "nursing",
    Profession.PRACTICE_NURSE: "nursing",
    Profession.NURSING_STUDENT: "nursing",
    Profession.GP: "medical",
    Profession.GP_TRAINEE: "medical",
    Profession.ELDERLY_CARE_PHYSICIAN: "medical",
    Profession.PHYSIOTHERAPIST: "allied",
    Profession.OCCUPATIONAL_THERAPIST: "allied",
    Profession.DIETITIAN: "allied",
    Profession.SOCIAL_WORKER: "social",
    Profession.MUNICIPAL_CONSULTANT: "social",
    Profession.WELFARE_WORKER: "social",
    Profession.CASE_MANAGER: "social",
    Profession.SOCIAL_WORK_STUDENT: "social",
    Profession.TEACHER: "education",
    Profession.RESEARCHER: "education",
}


def profession_group(profession: str) -> str:
    return PROFESSION_GROUP.get(profession, "citizens" if profession else "")


def wave_label(wave: int) -> str:
    """T0 for the baseline, T1, T2 … for the follow-ups."""
    return f"T{wave}"


BASELINE = _("baseline")
FOLLOW_UP = _("follow-up")
