"""Admin of evaluation: rounds, settings and own questionnaires. Responses are left out on
purpose: answers are shown only as figures above the threshold, to no one person by name."""

from django.contrib import admin

from .models import CustomInstrument, MeetingEvaluationSetting, Round


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ("network", "instrument_code", "wave", "opens_on", "closes_on", "opened_at")
    list_filter = ("instrument_code", "wave")
    search_fields = ("network__name",)
    raw_id_fields = ("network", "created_by")


@admin.register(MeetingEvaluationSetting)
class MeetingEvaluationSettingAdmin(admin.ModelAdmin):
    list_display = ("network", "enabled", "instrument_code")


@admin.register(CustomInstrument)
class CustomInstrumentAdmin(admin.ModelAdmin):
    list_display = ("title_nl", "network", "created_at")
    raw_id_fields = ("network", "created_by")
