"""URLs of meetings: calendar, scheduling, the meeting page, answers, attendance, the method
record, breakout groups and calendar feeds."""

from django.urls import path

from .views import (
    attendance,
    calendar,
    certificates,
    feeds,
    groups,
    guests,
    invitations,
    meetings,
    record,
    rsvp,
)

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
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/aanmelden/reeks/",
        invitations.rsvp_series,
        name="rsvp_series",
    ),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/herinneren/",
        invitations.remind_unanswered,
        name="remind_unanswered",
    ),
    # The answer link of an invitation mail: signed, no sign-in needed.
    path("antwoord/<str:token>/", invitations.invitation_answer, name="invitation_answer"),
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
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/aanwezigheid/<int:user_pk>/",
        attendance.attendance_person,
        name="attendance_person",
    ),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/gastsprekers/",
        guests.guest_speakers,
        name="guest_speakers",
    ),
    path(
        "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/gastsprekers/<int:speaker_pk>/verwijderen/",
        guests.guest_speaker_delete,
        name="guest_speaker_delete",
    ),
    # --- learning hours and certificates of attendance ---
    path("profiel/uren/", certificates.my_hours, name="my_hours"),
    path("profiel/uren/certificaat/", certificates.certificate_download, name="certificate"),
    path("certificaat/controleren/", certificates.certificate_verify, name="certificate_verify"),
    path(
        "netwerken/<slug:slug>/uren/export/",
        certificates.hours_export,
        name="hours_export",
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
]
