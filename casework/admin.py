from django.contrib import admin

from .models import Case, CaseAccess, CaseContribution, CaseworkSettings, Lesson


@admin.register(CaseworkSettings)
class CaseworkSettingsAdmin(admin.ModelAdmin):
    list_display = ["network", "archive_after_days", "purge_after_days"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    # Case texts are not shown in the admin: reading them goes through the logged views.
    list_display = ["title", "network", "status", "updated_at", "archived_at", "purged_at"]
    list_filter = ["network", "status"]
    fields = ["title", "network", "status", "archived_at", "purged_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(CaseContribution)
class CaseContributionAdmin(admin.ModelAdmin):
    list_display = ["case", "discipline", "created_at"]
    fields = ["case", "discipline", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(CaseAccess)
class CaseAccessAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "case", "action"]
    list_filter = ["action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "teacher", "level", "starts_on"]
    list_filter = ["level"]
