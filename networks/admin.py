from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from lin_platform.privacy import PrivacyGuardMixin

from .models import (
    FundingPeriod,
    Invitation,
    Membership,
    Network,
    NetworkPartner,
    Organisation,
    PreconditionCheck,
    Theme,
)


class NetworkPartnerInline(admin.TabularInline):
    model = NetworkPartner
    extra = 1
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["contact"]


class FundingPeriodInline(admin.TabularInline):
    model = FundingPeriod
    extra = 0


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 1
    prepopulated_fields = {"slug": ["name"]}


class MembershipInline(admin.TabularInline):
    """Staff appoint a network's first coordinator here."""

    model = Membership
    extra = 1
    autocomplete_fields = ["user", "organisation"]
    fields = ["user", "role", "organisation", "starts_on", "ends_on", "ended_at"]
    fk_name = "network"


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region"]
    list_filter = ["kind"]
    search_fields = ["name", "region"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NetworkPartnerInline, ThemeInline, FundingPeriodInline, MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "city"]
    list_filter = ["kind"]
    search_fields = ["name", "city"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "network", "role", "starts_on", "ends_on", "ended_at"]
    list_filter = ["role", "network"]
    search_fields = ["user__email", "user__full_name", "network__name"]
    autocomplete_fields = ["user", "network", "organisation"]
    list_select_related = ["user", "network"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "network",
        "role",
        "created_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    list_filter = ["role", "network"]
    search_fields = ["email"]
    readonly_fields = ["token", "accepted_at", "accepted_by"]
    list_select_related = ["network"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "network"]
    list_filter = ["network"]
    prepopulated_fields = {"slug": ["name"]}


# --- Theme projects ----------------------------------------------------------------------
from .models import (  # noqa: E402
    Milestone,
    PdsaEntry,
    ProjectMember,
    ProjectOutput,
    ProjectPartner,
    ThemeProject,
)
from .projects.services import project_output_remove  # noqa: E402


class ProjectPartnerInline(admin.TabularInline):
    model = ProjectPartner
    extra = 0


class ProjectMemberInline(admin.TabularInline):
    model = ProjectMember
    extra = 0
    raw_id_fields = ["user"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class ProjectOutputAdminForm(PrivacyGuardMixin, forms.ModelForm):
    """Links are edited here; documents are uploaded on the project page, through the upload
    guard, so the admin shows their name and size only."""

    url = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = ProjectOutput
        fields = ["title", "url", "description", "published_on"]

    def clean(self):
        cleaned = super().clean()
        # The model's "link or document" constraint cannot be checked by the form without
        # the file field; a new output needs its link.
        if not cleaned.get("url") and not self.instance.file:
            raise forms.ValidationError(_("Add a document, a link or both."))
        return cleaned


class ProjectOutputInline(admin.TabularInline):
    model = ProjectOutput
    form = ProjectOutputAdminForm
    extra = 0
    fields = ["title", "url", "file_name", "file_size", "description", "published_on"]
    readonly_fields = ["file_name", "file_size"]


class PdsaEntryInline(admin.StackedInline):
    model = PdsaEntry
    extra = 0


@admin.register(ThemeProject)
class ThemeProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "theme", "starts_on", "ends_on"]
    list_filter = ["network"]
    filter_horizontal = ["other_networks"]
    inlines = [
        ProjectPartnerInline,
        ProjectMemberInline,
        MilestoneInline,
        ProjectOutputInline,
        PdsaEntryInline,
    ]

    def save_formset(self, request, form, formset, change):
        if formset.model is not ProjectOutput:
            return super().save_formset(request, form, formset, change)
        # Removed outputs go through the service, which deletes their documents too.
        instances = formset.save(commit=False)
        for output in formset.deleted_objects:
            project_output_remove(output=output)
        for output in instances:
            output.save()
        formset.save_m2m()
        return None


@admin.register(PreconditionCheck)
class PreconditionCheckAdmin(admin.ModelAdmin):
    """The partners' yearly self-check answers: read here, answered by contact persons."""

    list_display = ["partner", "year", "shared_vision", "co_ownership", "people_and_time"]
    list_filter = ["year", "network"]
    raw_id_fields = ["respondent", "partner", "network"]
