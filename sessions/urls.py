from django.urls import path

from .views import shadowing

app_name = "meetings"

urlpatterns = [
    # --- shadowing days (meelopen) ---
    path("netwerken/<slug:slug>/meelopen/", shadowing.shadowing_home, name="shadowing_home"),
    path("netwerken/<slug:slug>/meelopen/logboek/", shadowing.logbook, name="shadowing_logbook"),
    path(
        "netwerken/<slug:slug>/meelopen/logboek/afdrukken/",
        shadowing.logbook_print,
        name="shadowing_logbook_print",
    ),
    path("netwerken/<slug:slug>/meelopen/dagdelen/", shadowing.open_slots, name="shadowing_slots"),
    path(
        "netwerken/<slug:slug>/meelopen/dagdelen/<int:pk>/aanvragen/",
        shadowing.slot_request,
        name="shadowing_slot_request",
    ),
    path("netwerken/<slug:slug>/meelopen/nieuw/", shadowing.day_log, name="shadowing_log"),
    path("netwerken/<slug:slug>/meelopen/<int:pk>/", shadowing.day_detail, name="shadowing_day"),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/reflectie/",
        shadowing.day_reflect,
        name="shadowing_reflect",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/accepteren/",
        shadowing.day_accept,
        name="shadowing_accept",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/afwijzen/",
        shadowing.day_decline,
        name="shadowing_decline",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/bevestigen/",
        shadowing.day_confirm,
        name="shadowing_confirm",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/feedback/",
        shadowing.day_feedback,
        name="shadowing_feedback",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/gastheer/",
        shadowing.host_overview,
        name="shadowing_host",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/gastheer/aanbieden/",
        shadowing.slot_offer,
        name="shadowing_slot_offer",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/gastheer/dagdelen/<int:pk>/intrekken/",
        shadowing.slot_withdraw,
        name="shadowing_slot_withdraw",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/studenten/", shadowing.students, name="shadowing_students"
    ),
    path(
        "netwerken/<slug:slug>/meelopen/studenten/<int:user_pk>/",
        shadowing.student_logbook,
        name="shadowing_student",
    ),
    path("netwerken/<slug:slug>/meelopen/patroon/", shadowing.pattern, name="shadowing_pattern"),
    path(
        "netwerken/<slug:slug>/meelopen/patroon/export.<str:fmt>",
        shadowing.pattern_export,
        name="shadowing_export",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/instellingen/",
        shadowing.shadowing_settings,
        name="shadowing_settings",
    ),
]
