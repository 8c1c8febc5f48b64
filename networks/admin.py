from django.contrib import admin

from .models import Invitation, Membership, Network, NetworkPartner, Organisation, Theme


class NetworkPartnerInline(admin.TabularInline):
    model = NetworkPartner
    extra = 1
    autocomplete_fields = ["organisation"]


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
    inlines = [NetworkPartnerInline, ThemeInline, MembershipInline]


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


class ProjectOutputInline(admin.TabularInline):
    model = ProjectOutput
    extra = 0


class PdsaEntryInline(admin.StackedInline):
    model = PdsaEntry
    extra = 0


@admin.register(ThemeProject)
class ThemeProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "theme", "starts_on", "ends_on"]
    list_filter = ["network"]
    filter_horizontal = ["other_networks"]
    raw_id_fields = ["meetings"]
    inlines = [
        ProjectPartnerInline,
        ProjectMemberInline,
        MilestoneInline,
        ProjectOutputInline,
        PdsaEntryInline,
    ]
