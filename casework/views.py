"""Views of casework: the themes board, cases (with contributions, attachments and the
access log), retention settings, and lessons. Thin: parse, check, call one service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lin_platform import once
from lin_platform.crumbs import Crumb, home_crumb, network_crumbs
from lin_platform.feedback import validation_error_to_form
from lin_platform.uploads import download_response
from networks.models import Theme
from networks.permissions import (
    can_manage_network,
    get_network_for_coordinator,
    get_network_for_member,
)

from . import meetings_link, permissions, selectors, services
from .choices import CaseAccessAction
from .crumbs import case_crumbs, lesson_crumbs
from .forms import (
    AttachmentForm,
    CaseForm,
    CaseShareForm,
    CaseworkSettingsForm,
    ContributionForm,
    LessonForm,
)
from .models import Case

# --- Themes board ---------------------------------------------------------------------------


@login_required
def themes_board(request, slug):
    network = get_network_for_member(request.user, slug)
    context = {
        "crumbs": network_crumbs(network, Crumb(_("Themes board"))),
        "network": network,
        "themes": selectors.themes_board(network, viewer=request.user),
        "can_record_lesson": network.pk in permissions.teaching_network_ids(request.user),
    }
    return render(request, "casework/themes_board.html", context)


# --- Cases ------------------------------------------------------------------------------------


@login_required
def case_list(request, slug):
    network = get_network_for_member(request.user, slug)
    show_archived = request.GET.get("archief") == "1"
    context = {
        "crumbs": network_crumbs(network, Crumb(_("Cases"))),
        "network": network,
        "cases": list(selectors.cases_of(network, viewer=request.user, archived=show_archived)),
        "show_archived": show_archived,
        "can_write": permissions.can_write_case(request.user, network),
        "can_manage": can_manage_network(request.user, network),
    }
    return render(request, "casework/case_list.html", context)


@login_required
def case_create(request, slug):
    network = get_network_for_member(request.user, slug)
    if not permissions.can_write_case(request.user, network):
        raise PermissionDenied
    initial = {}
    if request.user.is_student:
        initial["student"] = request.user.pk
    else:
        initial["professional"] = request.user.pk
    form = CaseForm(request.POST or None, network=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        cases_url = reverse("casework:case_list", args=[network.slug])
        if (earlier := once.claim(request, form, fallback=cases_url)) is not None:
            return redirect(earlier)
        data = dict(form.cleaned_data)
        data.pop("status", None)
        data.pop(once.FIELD, None)
        try:
            case = services.case_create(network=network, author=request.user, **data)
        except ValidationError as error:
            once.release(request, form)
            validation_error_to_form(form, error)
        else:
            url = reverse("casework:case_detail", args=[network.slug, case.pk])
            once.done(request, form, url)
            messages.success(request, _("The case has been saved."))
            return redirect(url)
    context = {
        "crumbs": case_crumbs(network, _("New case")),
        "network": network,
        "form": form,
        "case": None,
    }
    return render(request, "casework/case_form.html", context)


@login_required
def case_detail(request, slug, pk):
    case = permissions.get_case_for_member(request.user, slug, pk)
    services.case_access_log(case=case, user=request.user)
    can_edit = permissions.can_edit_case(request.user, case)
    context = {
        "crumbs": case_crumbs(case.network, case.title),
        "network": case.network,
        "case": case,
        "can_edit": can_edit,
        "next_step": selectors.case_next_step(case),
        **selectors.case_detail(case),
    }
    if can_edit:
        context["contribution_form"] = ContributionForm(
            initial={"discipline": request.user.profession}
        )
        context["attachment_form"] = AttachmentForm()
    if permissions.can_share_case(request.user, case):
        context["share_form"] = _share_form(case)
        context["shares"] = list(selectors.case_shares(case))
    return render(request, "casework/case_detail.html", context)


def _share_form(case, data=None) -> CaseShareForm:
    return CaseShareForm(
        data,
        network=case.network,
        initial=None if data is not None else {"shared_with": list(case.shared_with.all())},
    )


@login_required
@require_POST
def case_share(request, slug, pk):
    """The coordinators share a case with guests, residents and experts by experience."""
    case = permissions.get_case_for_member(request.user, slug, pk)
    if not permissions.can_share_case(request.user, case):
        raise PermissionDenied
    form = _share_form(case, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose guests, residents or experts by experience."))
        return redirect("casework:case_detail", slug=case.network.slug, pk=case.pk)
    allowed = set(selectors.share_candidates(case.network).values_list("pk", flat=True))
    try:
        services.case_share_set(
            case=case, users=form.cleaned_data["shared_with"], allowed=allowed, by=request.user
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Who the case is shared with has been saved."))
    return redirect("casework:case_detail", slug=case.network.slug, pk=case.pk)


@login_required
def case_edit(request, slug, pk):
    case = permissions.get_case_for_editor(request.user, slug, pk)
    form = CaseForm(request.POST or None, instance=case, network=case.network)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        themes = data.pop("themes")
        data.pop(once.FIELD, None)
        # Re-read the stored row: the form has already written its values onto ``case``.
        stored = Case.objects.get(pk=case.pk)
        try:
            services.case_update(case=stored, editor=request.user, themes=themes, **data)
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The case has been saved."))
            return redirect("casework:case_detail", slug=case.network.slug, pk=case.pk)
    context = {
        "crumbs": case_crumbs(case.network, _("Edit case")),
        "network": case.network,
        "form": form,
        "case": case,
    }
    return render(request, "casework/case_form.html", context)


def _case_detail_with_errors(request, case, *, contribution_form=None, attachment_form=None):
    context = {
        "crumbs": case_crumbs(case.network, case.title),
        "network": case.network,
        "case": case,
        "can_edit": True,
        "next_step": selectors.case_next_step(case),
        "contribution_form": contribution_form
        or ContributionForm(initial={"discipline": request.user.profession}),
        "attachment_form": attachment_form or AttachmentForm(),
        **selectors.case_detail(case),
    }
    return render(request, "casework/case_detail.html", context, status=400)


@login_required
@require_POST
def contribution_add(request, slug, pk):
    case = permissions.get_case_for_editor(request.user, slug, pk)
    form = ContributionForm(request.POST)
    if form.is_valid():
        case_url = reverse("casework:case_detail", args=[case.network.slug, case.pk])
        if (earlier := once.claim(request, form, fallback=case_url)) is not None:
            return redirect(earlier)
        data = dict(form.cleaned_data)
        data.pop(once.FIELD, None)
        data["discipline"] = data["discipline"] or request.user.profession
        try:
            services.case_contribution_add(case=case, author=request.user, **data)
        except ValidationError as error:
            once.release(request, form)
            validation_error_to_form(form, error)
        else:
            once.done(request, form, case_url)
            messages.success(request, _("Your contribution has been added."))
            return redirect(case_url)
    return _case_detail_with_errors(request, case, contribution_form=form)


@login_required
@require_POST
def attachment_add(request, slug, pk):
    case = permissions.get_case_for_editor(request.user, slug, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.case_attachment_add(
                case=case, uploaded_by=request.user, file=form.cleaned_data["file"]
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The attachment has been added."))
            return redirect("casework:case_detail", slug=case.network.slug, pk=case.pk)
    return _case_detail_with_errors(request, case, attachment_form=form)


@login_required
def attachment_download(request, slug, pk, attachment_pk):
    attachment = permissions.get_attachment_for_member(request.user, slug, pk, attachment_pk)
    services.case_access_log(
        case=attachment.case, user=request.user, action=CaseAccessAction.DOWNLOAD
    )
    return download_response(attachment.file, filename=attachment.name)


@login_required
def access_log(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    context = {
        "crumbs": case_crumbs(network, _("Access log")),
        "network": network,
        "entries": list(selectors.access_log_of(network)),
    }
    return render(request, "casework/access_log.html", context)


@login_required
def casework_settings(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    current = services.casework_settings_of(network)
    form = CaseworkSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.casework_settings_update(network=network, **form.cleaned_data)
        messages.success(request, _("The retention periods have been saved."))
        return redirect("casework:case_list", slug=network.slug)
    context = {
        "crumbs": case_crumbs(network, _("Retention periods")),
        "network": network,
        "form": form,
    }
    return render(request, "casework/settings.html", context)


# --- Lessons ------------------------------------------------------------------------------


@login_required
def lesson_overview(request):
    teaching = permissions.teaching_network_ids(request.user)
    context = {"crumbs": [home_crumb(), Crumb(_("Lessons"))], "is_teacher": bool(teaching)}
    if teaching:
        context["planning"] = selectors.planning_for_teacher(request.user)
    else:
        context["lessons"] = list(selectors.lessons_visible_to(request.user))
    return render(request, "casework/lesson_overview.html", context)


def _chosen_theme_ids(request, *, instance=None, initial=None) -> list[int]:
    """The themes chosen so far: posted, asked for by htmx, given, or the lesson's own."""
    data = request.POST if request.method == "POST" else request.GET
    raw = data.getlist("themes")
    if not raw and initial:
        raw = initial.get("themes", [])
    if not raw and instance is not None:
        raw = [theme.pk for theme in instance.themes.all()]
    return [int(value) for value in raw if str(value).isdigit()]


def _lesson_form(request, *, instance=None, initial=None):
    """The lesson form; the cases and meetings of the chosen themes come first."""
    user = request.user
    member_of = permissions.member_network_ids(user)
    chosen = _chosen_theme_ids(request, instance=instance, initial=initial)
    if request.method == "GET" and request.htmx:
        # The themes changed: the form comes back with what was filled in so far.
        initial = {**(initial or {}), **_initial_from(request.GET)}
    return LessonForm(
        request.POST or None,
        instance=instance,
        initial=initial,
        themes=services.themes_for_teacher(user),
        cases=selectors.of_themes_first(
            Case.objects.filter(network_id__in=member_of, archived_at__isnull=True)
            .filter(permissions.readable_cases_q(user))
            .select_related("network"),
            chosen,
            "-updated_at",
        ),
        meetings=selectors.of_themes_first(
            meetings_link.meetings_of_networks(member_of), chosen, "-starts_at"
        ),
        refresh_url=request.path,
    )


LESSON_MULTI = ("themes", "cases", "meetings")


def _initial_from(data) -> dict:
    return {
        name: data.getlist(name) if name in LESSON_MULTI else data.get(name)
        for name in data
        if name not in ("csrfmiddlewaretoken",)
    }


def _lesson_fields(form) -> dict:
    data = dict(form.cleaned_data)
    return {
        "themes": data.pop("themes"),
        "cases": data.pop("cases", []),
        "meetings": data.pop("meetings", []),
        **data,
    }


@login_required
def lesson_create(request):
    if not permissions.can_record_lesson(request.user):
        raise PermissionDenied
    initial = selectors.lesson_defaults(request.user)
    theme_id = request.GET.get("thema")
    if theme_id and theme_id.isdigit():
        theme = Theme.objects.filter(
            pk=theme_id, network_id__in=permissions.teaching_network_ids(request.user)
        ).first()
        if theme is not None:
            initial["themes"] = [theme.pk]
    form = _lesson_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            lesson = services.lesson_create(teacher=request.user, **_lesson_fields(form))
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The lesson has been saved."))
            return redirect("casework:lesson_detail", pk=lesson.pk)
    context = {"crumbs": lesson_crumbs(Crumb(_("New lesson"))), "form": form, "lesson": None}
    return render(request, "casework/lesson_form.html", context)


@login_required
def lesson_detail(request, pk):
    lesson = permissions.get_lesson_for_viewer(request.user, pk)
    member_of = permissions.member_network_ids(request.user)
    context = {
        "crumbs": lesson_crumbs(Crumb(lesson.title)),
        "lesson": lesson,
        "can_edit": lesson.teacher_id == request.user.pk,
        # Only cases of one's own networks are shown: a case stays inside its network.
        "cases": [c for c in lesson.cases.all() if c.network_id in member_of],
        "meetings": [m for m in lesson.meetings.all() if m.network_id in member_of],
    }
    return render(request, "casework/lesson_detail.html", context)


@login_required
def lesson_edit(request, pk):
    lesson = permissions.get_lesson_for_teacher(request.user, pk)
    form = _lesson_form(request, instance=lesson)
    if request.method == "POST" and form.is_valid():
        try:
            services.lesson_update(lesson=lesson, **_lesson_fields(form))
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("The lesson has been saved."))
            return redirect("casework:lesson_detail", pk=lesson.pk)
    context = {"crumbs": lesson_crumbs(Crumb(lesson.title)), "form": form, "lesson": lesson}
    return render(request, "casework/lesson_form.html", context)


@login_required
def lesson_delete(request, pk):
    """GET asks to confirm; POST removes the lesson (its teacher only)."""
    lesson = permissions.get_lesson_for_teacher(request.user, pk)
    if request.method == "POST":
        title = lesson.title
        services.lesson_delete(lesson=lesson)
        messages.success(request, _("The lesson “%(title)s” has been deleted.") % {"title": title})
        return redirect("casework:lessons")
    lesson_page = Crumb(lesson.title, reverse("casework:lesson_detail", args=[lesson.pk]))
    context = {"crumbs": lesson_crumbs(lesson_page, Crumb(_("Delete"))), "lesson": lesson}
    return render(request, "casework/lesson_delete.html", context)
