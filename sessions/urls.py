"""URLs of meetings."""

from django.urls import path

from .views import feeds, groups, record

app_name = "meetings"

urlpatterns = [
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
