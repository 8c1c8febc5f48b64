from django.urls import path

from . import views

app_name = "casework"

urlpatterns = [
    path("netwerken/<slug:slug>/themas/", views.themes_board, name="board"),
    path("netwerken/<slug:slug>/casussen/", views.case_list, name="case_list"),
    path("netwerken/<slug:slug>/casussen/nieuw/", views.case_create, name="case_create"),
    path("netwerken/<slug:slug>/casussen/inzage/", views.access_log, name="access_log"),
    path(
        "netwerken/<slug:slug>/casussen/bewaartermijnen/",
        views.casework_settings,
        name="settings",
    ),
    path("netwerken/<slug:slug>/casussen/<int:pk>/", views.case_detail, name="case_detail"),
    path("netwerken/<slug:slug>/casussen/<int:pk>/bewerken/", views.case_edit, name="case_edit"),
    path(
        "netwerken/<slug:slug>/casussen/<int:pk>/delen/",
        views.case_share,
        name="case_share",
    ),
    path(
        "netwerken/<slug:slug>/casussen/<int:pk>/bijdragen/",
        views.contribution_add,
        name="contribution_add",
    ),
    path(
        "netwerken/<slug:slug>/casussen/<int:pk>/bijlagen/",
        views.attachment_add,
        name="attachment_add",
    ),
    path(
        "netwerken/<slug:slug>/casussen/<int:pk>/bijlagen/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path("lessen/", views.lesson_overview, name="lessons"),
    path("lessen/nieuw/", views.lesson_create, name="lesson_create"),
    path("lessen/<int:pk>/", views.lesson_detail, name="lesson_detail"),
    path("lessen/<int:pk>/bewerken/", views.lesson_edit, name="lesson_edit"),
    path("lessen/<int:pk>/verwijderen/", views.lesson_delete, name="lesson_delete"),
]
