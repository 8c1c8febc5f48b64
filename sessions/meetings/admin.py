"""Admin of meetings: for support staff, not for daily work (coordinators use the pages)."""

from django.contrib import admin

from .models import Attendance, Meeting, MeetingRole, MeetingSeries, Rsvp


class RsvpInline(admin.TabularInline):
    model = Rsvp
    extra = 0
    raw_id_fields = ["user"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["user", "registered_by"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "format", "starts_at", "status"]
    list_filter = ["format", "status", "network"]
    search_fields = ["title", "network__name"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["facilitator", "series", "created_by", "theme_projects"]
    filter_horizontal = ["themes", "invited_networks"]
    inlines = [RsvpInline, AttendanceInline]


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "format", "repeat", "interval", "count", "until"]
    list_filter = ["format", "network"]


@admin.register(MeetingRole)
class MeetingRoleAdmin(admin.ModelAdmin):
    list_display = ["meeting", "user", "kind"]
    raw_id_fields = ["meeting", "user"]
