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
