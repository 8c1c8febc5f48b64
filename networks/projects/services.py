"""Writes of theme projects: one function per action."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User
from lin_platform.uploads import check_upload
from networks.choices import PARTNER_KIND_OF_ORGANISATION, ProjectPartnerKind
from networks.models import (
    Milestone,
    Network,
    Organisation,
    PdsaEntry,
    ProjectMember,
    ProjectOutput,
    ProjectPartner,
    Theme,
    ThemeProject,
)


def _check_period(starts_on, ends_on) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The project ends before it starts.")})


@transaction.atomic
def theme_project_create(
    *,
    network: Network,
    theme: Theme,
    title: str,
    aim: str,
    starts_on,
    ends_on,
    other_networks=(),
    lead: User | None = None,
) -> ThemeProject:
    """Start a theme project on one of the network's themes.

    Side effects: a ThemeProject row; its shared networks; ``lead`` as project lead.
    """
    if theme.network_id != network.pk:
        raise ValidationError({"theme": _("Choose a theme of this network.")})
    _check_period(starts_on, ends_on)
    project = ThemeProject.objects.create(
        network=network, theme=theme, title=title, aim=aim, starts_on=starts_on, ends_on=ends_on
    )
    project.other_networks.set([n for n in other_networks if n.pk != network.pk])
    if lead is not None:
        ProjectMember.objects.create(project=project, user=lead, role="lead")
    return project


@transaction.atomic
def theme_project_update(*, project: ThemeProject, other_networks=None, **fields) -> ThemeProject:
    """Change the project's title, aim, theme or period. Milestones must stay inside the
    period. Side effects: the project row (and its shared networks when given)."""
    theme = fields.get("theme", project.theme)
    if theme.network_id != project.network_id:
        raise ValidationError({"theme": _("Choose a theme of this network.")})
    starts_on = fields.get("starts_on", project.starts_on)
    ends_on = fields.get("ends_on", project.ends_on)
    _check_period(starts_on, ends_on)
    outside = project.milestones.exclude(due_on__gte=starts_on, due_on__lte=ends_on)
    if outside.exists():
        raise ValidationError(
            _("%(count)s milestone(s) would fall outside the new period. Move them first.")
            % {"count": outside.count()}
        )
    for name, value in fields.items():
        setattr(project, name, value)
    project.save()
    if other_networks is not None:
        project.other_networks.set([n for n in other_networks if n.pk != project.network_id])
    return project


def project_partner_add(
    *, project: ThemeProject, organisation: Organisation, contribution: str = ""
) -> ProjectPartner:
    """Side effects: a ProjectPartner row, its kind following the organisation's kind (the
    one source the pages show). Refuses an organisation that is already partner."""
    kind = PARTNER_KIND_OF_ORGANISATION.get(organisation.kind, ProjectPartnerKind.OTHER)
    try:
        with transaction.atomic():
            return ProjectPartner.objects.create(
                project=project, organisation=organisation, kind=kind, contribution=contribution
            )
    except IntegrityError as exc:
        raise ValidationError(
            {"organisation": _("This organisation is already a partner of the project.")}
        ) from exc


def project_member_add(*, project: ThemeProject, user: User, role: str) -> ProjectMember:
    """Side effects: a ProjectMember row. Refuses a person who is already a member."""
    try:
        with transaction.atomic():
            return ProjectMember.objects.create(project=project, user=user, role=role)
    except IntegrityError as exc:
        raise ValidationError(
            {"user": _("This person is already a member of the project.")}
        ) from exc


def milestone_add(
    *,
    project: ThemeProject,
    title: str,
    due_on,
    kind: str = "milestone",
    description: str = "",
    status: str = "planned",
) -> Milestone:
    """Add a milestone or work package due inside the project's period.

    Side effects: a Milestone row.
    """
    if due_on < project.starts_on:
        raise ValidationError(
            {
                "due_on": _("The due date lies before the project starts (%(date)s).")
                % {"date": project.starts_on.strftime("%d-%m-%Y")}
            }
        )
    if due_on > project.ends_on:
        raise ValidationError(
            {
                "due_on": _("The due date lies after the project ends (%(date)s).")
                % {"date": project.ends_on.strftime("%d-%m-%Y")}
            }
        )
    return Milestone.objects.create(
        project=project,
        title=title,
        due_on=due_on,
        kind=kind,
        description=description,
        status=status,
    )


def milestone_set_status(*, milestone: Milestone, status: str) -> Milestone:
    """Side effects: the milestone's status."""
    milestone.status = status
    milestone.save(update_fields=["status"])
    return milestone


def project_output_add(
    *,
    project: ThemeProject,
    title: str,
    url: str = "",
    file=None,
    description: str = "",
    published_on=None,
) -> ProjectOutput:
    """Add an output: a document, a link, or both. The document passes the upload guard
    (size, kind, content matching its name) first.

    Side effects: a file under MEDIA_ROOT/projects/<project>/ and a ProjectOutput row.
    """
    if not url and not file:
        raise ValidationError(_("Add a document, a link or both."))
    fields = {"project": project, "title": title, "url": url, "description": description}
    if file:
        try:
            check_upload(file)
        except ValidationError as error:
            raise ValidationError({"file": error.error_list}) from error
        fields.update(file=file, file_name=file.name[:200], file_size=file.size)
    if published_on:
        fields["published_on"] = published_on
    return ProjectOutput.objects.create(**fields)


def project_output_remove(*, output: ProjectOutput) -> None:
    """Remove an output added by mistake.

    Side effects: the ProjectOutput row is deleted; its document, if any, is deleted from
    storage once the transaction commits (a rolled-back removal keeps its file).
    """
    stored = output.file.name
    storage = output.file.storage
    output.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))


def pdsa_entry_add(
    *,
    project: ThemeProject,
    author: User,
    question: str,
    plan: str,
    do: str = "",
    study: str = "",
    act: str = "",
) -> PdsaEntry:
    """Log one plan-do-study-act cycle. Side effects: a PdsaEntry row."""
    return PdsaEntry.objects.create(
        project=project, author=author, question=question, plan=plan, do=do, study=study, act=act
    )


def project_meeting_link(*, project: ThemeProject, meeting) -> None:
    """Link a meeting of the project's networks. Side effects: one link row."""
    allowed = {project.network_id, *project.other_networks.values_list("pk", flat=True)}
    if meeting.network_id not in allowed:
        raise ValidationError({"meeting": _("Choose a meeting of the project's networks.")})
    project.meetings.add(meeting)
