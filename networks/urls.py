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
