"""URLs of shadowing days (meelopen): the paths they had inside the meetings app."""

from django.urls import path

from . import views

app_name = "shadowing"

urlpatterns = [
    path("netwerken/<slug:slug>/meelopen/", views.shadowing_home, name="home"),
    path("netwerken/<slug:slug>/meelopen/logboek/", views.logbook, name="logbook"),
    path(
        "netwerken/<slug:slug>/meelopen/logboek/afdrukken/",
        views.logbook_print,
        name="logbook_print",
    ),
    path("netwerken/<slug:slug>/meelopen/dagdelen/", views.open_slots, name="slots"),
    path(
        "netwerken/<slug:slug>/meelopen/dagdelen/<int:pk>/aanvragen/",
        views.slot_request,
        name="slot_request",
    ),
    path("netwerken/<slug:slug>/meelopen/nieuw/", views.day_log, name="log"),
    path("netwerken/<slug:slug>/meelopen/<int:pk>/", views.day_detail, name="day"),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/reflectie/",
        views.day_reflect,
        name="reflect",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/wijzigen/",
        views.day_edit,
        name="edit",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/annuleren/",
        views.day_cancel,
        name="cancel",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/accepteren/",
        views.day_accept,
        name="accept",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/afwijzen/",
        views.day_decline,
        name="decline",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/bevestigen/",
        views.day_confirm,
        name="confirm",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/feedback/",
        views.day_feedback,
        name="feedback",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/gastgever/",
        views.host_overview,
        name="host",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/gastgever/aanbieden/",
        views.slot_offer,
        name="slot_offer",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/gastgever/dagdelen/<int:pk>/intrekken/",
        views.slot_withdraw,
        name="slot_withdraw",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/gastgever/dagdelen/<int:pk>/reeks-intrekken/",
        views.slot_series_withdraw,
        name="slot_series_withdraw",
    ),
    path("netwerken/<slug:slug>/meelopen/feedback/", views.feedback_queue, name="queue"),
    path("netwerken/<slug:slug>/meelopen/studenten/", views.students, name="students"),
    path(
        "netwerken/<slug:slug>/meelopen/studenten/<int:user_pk>/",
        views.student_logbook,
        name="student",
    ),
    path("netwerken/<slug:slug>/meelopen/patroon/", views.pattern, name="pattern"),
    path(
        "netwerken/<slug:slug>/meelopen/patroon/export.<str:fmt>",
        views.pattern_export,
        name="export",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/instellingen/",
        views.shadowing_settings,
        name="settings",
    ),
]
