"""URLs of meetings: the calendar, scheduling, the meeting page, answers and attendance."""

from django.urls import path

from .views import attendance, calendar, meetings, rsvp

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
]
