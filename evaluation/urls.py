from django.urls import path

from . import views

app_name = "evaluation"

urlpatterns = [
    path("netwerken/<slug:slug>/evaluatie/", views.index, name="index"),
    path("netwerken/<slug:slug>/evaluatie/rondes/nieuw/", views.round_create, name="round_create"),
    path("netwerken/<slug:slug>/evaluatie/rondes/<int:pk>/", views.round_detail, name="round"),
    path(
        "netwerken/<slug:slug>/evaluatie/rondes/<int:pk>/openen/",
        views.round_open,
        name="round_open",
    ),
    path(
        "netwerken/<slug:slug>/evaluatie/rondes/<int:pk>/invullen/",
        views.answer,
        name="answer",
    ),
    path("netwerken/<slug:slug>/evaluatie/bedankt/", views.thanks, name="thanks"),
    path(
        "netwerken/<slug:slug>/evaluatie/export/<slug:code>.<str:fmt>",
        views.export,
        name="export",
    ),
    path(
        "netwerken/<slug:slug>/evaluatie/bijeenkomsten/",
        views.meeting_settings,
        name="meeting_settings",
    ),
    path(
        "netwerken/<slug:slug>/evaluatie/bijeenkomsten/<int:pk>/",
        views.meeting_answer,
        name="meeting_answer",
    ),
    path(
        "netwerken/<slug:slug>/evaluatie/reeksen/<int:pk>/",
        views.series_trend,
        name="series_trend",
    ),
    path(
        "netwerken/<slug:slug>/evaluatie/vragenlijsten/nieuw/",
        views.custom_create,
        name="custom_create",
    ),
    path(
        "netwerken/<slug:slug>/evaluatie/vragenlijsten/<int:pk>/",
        views.custom_edit,
        name="custom_edit",
    ),
]
