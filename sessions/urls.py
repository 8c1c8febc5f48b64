"""URLs of meetings: calendar, scheduling, the meeting page, answers, attendance, the method
record, breakout groups, calendar feeds, reminders and shadowing days."""

from django.urls import path

from .views import attendance, calendar, feeds, groups, meetings, record, reminders, rsvp, shadowing

app_name = "meetings"

urlpatterns = [
    path("agenda/", calendar.agenda, name="agenda"),
    path("agenda/maand/", calendar.month, name="month"),
    path("netwerken/<slug:slug>/agenda/", calendar.agenda, name="network_agenda"),
    path("netwerken/<slug:slug>/agenda/maand/", calendar.month, name="network_month"),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/plannen/",
        meetings.meeting_schedule,
        name="schedule",
    ),
    path("netwerken/<slug:slug>/bijeenkomsten/<int:pk>/", meetings.meeting_detail, name="detail"),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/wijzigen/",
        meetings.meeting_edit,
        name="edit",
    ),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/annuleren/",
        meetings.meeting_cancel,
        name="cancel",
    ),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/gehouden/",
        meetings.meeting_mark_held,
        name="mark_held",
    ),
    path("netwerken/<slug:slug>/bijeenkomsten/<int:pk>/aanmelden/", rsvp.rsvp, name="rsvp"),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/aanwezigheid/",
        attendance.attendance,
        name="attendance",
    ),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/inchecken/",
        attendance.check_in,
        name="check_in",
    ),
    path(
        "netwerken/<slug:slug>/aanwezigheid/export/",
        attendance.attendance_export,
        name="attendance_export",
    ),
    # --- method record, roles, actions, breakout groups, calendar feeds ---
    path("netwerken/<slug:slug>/bijeenkomsten/<int:pk>/verslag/", record.record, name="record"),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/verslag/methode/",
        record.record_method,
        name="record_method",
    ),
    path("netwerken/<slug:slug>/bijeenkomsten/<int:pk>/rollen/", record.roles, name="roles"),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/acties/",
        record.action_add,
        name="action_add",
    ),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/acties/<int:action_pk>/status/",
        record.action_status,
        name="action_status",
    ),
    path("netwerken/<slug:slug>/bijeenkomsten/<int:pk>/groepen/", groups.groups, name="groups"),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/groepen/indelen/",
        groups.groups_make,
        name="groups_make",
    ),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/groepen/verplaatsen/",
        groups.groups_move,
        name="groups_move",
    ),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/agenda.ics",
        feeds.meeting_ics,
        name="meeting_ics",
    ),
    path("agenda/abonnement/", feeds.feed_settings, name="feed_settings"),
    path("agenda/abonnement/vernieuwen/", feeds.feed_renew, name="feed_renew"),
    path("agenda/abonnement/uitzetten/", feeds.feed_disable, name="feed_disable"),
    path("agenda/feed/<str:token>.ics", feeds.feed, name="feed"),
    path("netwerken/<slug:slug>/herinneringen/", reminders.reminder_log, name="reminder_log"),
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
        "netwerken/<slug:slug>/meelopen/<int:pk>/wijzigen/",
        shadowing.day_edit,
        name="shadowing_edit",
    ),
    path(
        "netwerken/<slug:slug>/meelopen/<int:pk>/annuleren/",
        shadowing.day_cancel,
        name="shadowing_cancel",
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
