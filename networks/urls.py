from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("netwerken/nieuw/", views.network_create, name="create"),
    path("netwerken/beheer/", views.staff_network_list, name="staff_list"),
    path("netwerken/<slug:slug>/", views.network_detail, name="detail"),
    path("netwerken/<slug:slug>/leden/", views.member_directory, name="members"),
    path("netwerken/<slug:slug>/leden/uitnodigen/", views.invite, name="invite"),
    path(
        "netwerken/<slug:slug>/uitnodigingen/<int:pk>/intrekken/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("netwerken/<slug:slug>/leden/<int:pk>/", views.membership_edit, name="membership_edit"),
    path(
        "netwerken/<slug:slug>/leden/<int:pk>/beeindigen/",
        views.membership_end,
        name="membership_end",
    ),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
]

# --- Theme projects ----------------------------------------------------------------------
from .projects import views as project_views  # noqa: E402

urlpatterns += [
    path("netwerken/<slug:slug>/projecten/", project_views.project_list, name="project_list"),
    path(
        "netwerken/<slug:slug>/projecten/nieuw/",
        project_views.project_create,
        name="project_create",
    ),
    path(
        "netwerken/<slug:slug>/projecten/<int:pk>/",
        project_views.project_detail,
        name="project_detail",
    ),
    path(
        "netwerken/<slug:slug>/projecten/<int:pk>/bewerken/",
        project_views.project_edit,
        name="project_edit",
    ),
    path(
        "netwerken/<slug:slug>/projecten/<int:pk>/mijlpalen/<int:milestone_pk>/status/",
        project_views.milestone_status,
        name="milestone_status",
    ),
    path(
        "netwerken/<slug:slug>/projecten/<int:pk>/resultaten/<int:output_pk>/document/",
        project_views.output_download,
        name="output_download",
    ),
    path(
        "netwerken/<slug:slug>/projecten/<int:pk>/resultaten/<int:output_pk>/verwijderen/",
        project_views.output_remove,
        name="output_remove",
    ),
    path(
        "netwerken/<slug:slug>/projecten/<int:pk>/<slug:kind>/nieuw/",
        project_views.project_add,
        name="project_add",
    ),
]

# --- Setting up the network (coordinators) and the yearly self-check --------------------
from .setup import views as setup_views  # noqa: E402

urlpatterns += [
    path("netwerken/<slug:slug>/inrichting/", setup_views.setup, name="setup"),
    path(
        "netwerken/<slug:slug>/inrichting/partners/nieuw/",
        setup_views.partner_add,
        name="partner_add",
    ),
    path(
        "netwerken/<slug:slug>/inrichting/partners/<int:pk>/",
        setup_views.partner_edit,
        name="partner_edit",
    ),
    path(
        "netwerken/<slug:slug>/inrichting/partners/<int:pk>/verwijderen/",
        setup_views.partner_remove,
        name="partner_remove",
    ),
    path("netwerken/<slug:slug>/inrichting/themas/nieuw/", setup_views.theme_add, name="theme_add"),
    path(
        "netwerken/<slug:slug>/inrichting/themas/<int:pk>/",
        setup_views.theme_edit,
        name="theme_edit",
    ),
    path(
        "netwerken/<slug:slug>/inrichting/themas/<int:pk>/archiveren/",
        setup_views.theme_archive,
        name="theme_archive",
    ),
    path(
        "netwerken/<slug:slug>/inrichting/financiering/nieuw/",
        setup_views.funding_add,
        name="funding_add",
    ),
    path(
        "netwerken/<slug:slug>/inrichting/financiering/<int:pk>/verwijderen/",
        setup_views.funding_remove,
        name="funding_remove",
    ),
    path("netwerken/<slug:slug>/zelfcheck/", setup_views.self_check, name="self_check"),
]
