"""Which text fields of casework the privacy guard checks (``lin_platform.privacy``): every
text of a case and contribution, attachment names, and lesson objectives (they may retell
a case)."""

from lin_platform import privacy


def register() -> None:
    from .models import Case, CaseAttachment, CaseContribution, Lesson

    privacy.guard(Case, "title", "situation", "questions_care", "questions_social", "outcome")
    privacy.guard(CaseContribution, "text")
    privacy.guard(CaseAttachment, "name")
    privacy.guard(Lesson, "objectives")

    privacy.not_about_clients(
        Lesson,
        "title",
        "school",
        "programme",
        "course",
        reason="the curriculum: a lesson's name, school, programme and course",
    )
