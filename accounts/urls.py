from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profiel/", views.profile_edit, name="profile"),
    path("taal/", views.language_set, name="language"),
    path("profiel/gegevens/", views.personal_data_overview, name="personal_data"),
    path(
        "profiel/gegevens/download/",
        views.personal_data_download,
        name="personal_data_download",
    ),
    path("profiel/gegevens/wissen/", views.personal_data_erase, name="personal_data_erase"),
    path("gegevens-gewist/", views.personal_data_erased, name="personal_data_erased"),
]
