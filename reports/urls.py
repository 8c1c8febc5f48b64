from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("netwerken/<slug:slug>/stages/", views.placements, name="placements"),
    path("netwerken/<slug:slug>/stages/nieuw/", views.placement_create, name="placement_create"),
    path("netwerken/<slug:slug>/stages/<int:pk>/", views.placement_detail, name="placement"),
    path(
        "netwerken/<slug:slug>/stages/<int:pk>/bewerken/",
        views.placement_edit,
        name="placement_edit",
    ),
    path(
        "netwerken/<slug:slug>/stages/<int:pk>/uitkomst/",
        views.placement_outcome,
        name="placement_outcome",
    ),
]

urlpatterns += [
    path("netwerken-vergelijken/", views.compare, name="compare"),
    path("netwerken/<slug:slug>/dashboard/", views.dashboard, name="dashboard"),
    path("netwerken/<slug:slug>/dashboard/tekst/", views.period_text, name="period_text"),
    path("netwerken/<slug:slug>/dashboard/rapport.pdf", views.report_pdf, name="report_pdf"),
    path("netwerken/<slug:slug>/dashboard/rapport.xlsx", views.report_xlsx, name="report_xlsx"),
    path(
        "netwerken/<slug:slug>/dashboard/instellingen/",
        views.report_settings,
        name="report_settings",
    ),
]
