"""The free texts of reports: a placement's reason and the coordinator's text of a period
report go to funders, so the guard checks them like every text about people."""

from lin_platform import privacy


def register() -> None:
    from .models import PeriodText, Placement

    privacy.guard(Placement, "reason")
    privacy.guard(PeriodText, "context", "highlights", "next_steps")
