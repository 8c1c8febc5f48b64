"""Which text fields of networks the privacy guard checks: the texts of networks, themes and
theme projects (aims, milestones, outputs, PDSA entries) can tell a client's story."""

from lin_platform import privacy


def register() -> None:
    from .models import (
        FundingPeriod,
        Invitation,
        Milestone,
        Network,
        NetworkPartner,
        Organisation,
        PdsaEntry,
        PreconditionCheck,
        ProjectOutput,
        ProjectPartner,
        Theme,
        ThemeProject,
    )

    privacy.guard(Network, "description", "focus", "learning_needs")
    privacy.guard(NetworkPartner, "contribution")
    privacy.guard(PreconditionCheck, "remark")
    privacy.guard(Theme, "description")
    privacy.guard(ThemeProject, "title", "aim")
    privacy.guard(Milestone, "title", "description")
    privacy.guard(ProjectOutput, "title", "description")
    privacy.guard(PdsaEntry, "question", "plan", "do", "study", "act")

    privacy.not_about_clients(
        Organisation, "name", "city", reason="an organisation's name and town"
    )
    privacy.not_about_clients(Network, "name", "region", reason="the network's name and area")
    privacy.not_about_clients(NetworkPartner, "part", reason="a partner's part in the network")
    privacy.not_about_clients(
        FundingPeriod, "funder", "note", reason="who funds the network and on what terms"
    )
    privacy.not_about_clients(Invitation, "token", reason="a random secret")
    privacy.not_about_clients(Theme, "name", reason="a practice theme's short name")
    privacy.not_about_clients(
        ProjectPartner, "contribution", reason="what a partner organisation brings in"
    )
    privacy.not_about_clients(
        ProjectOutput, "file_name", reason="the cleaned name of an uploaded document"
    )
