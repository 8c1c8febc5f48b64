"""Which text fields of shadowing the privacy guard checks: learning goals, reasons, the
reflections and the teachers' feedback all describe what was seen with clients."""

from lin_platform import privacy


def register() -> None:
    from .models import ShadowingDay, ShadowingFeedback, ShadowingSlot

    privacy.guard(ShadowingSlot, "note")
    privacy.guard(
        ShadowingDay,
        "learning_goals",
        "same_domain_reason",
        "reflection_seen",
        "reflection_surprised",
        "reflection_take_away",
        "reflection_question",
        "decline_reason",
        "cancel_reason",
    )
    privacy.guard(ShadowingFeedback, "text")

    for model in (ShadowingSlot, ShadowingDay):
        privacy.not_about_clients(
            model,
            "organisation_name",
            "place",
            reason="where the host works: an organisation and its address by design",
        )
