from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profiel/", views.profile_edit, name="profile"),
    path("taal/", views.language_set, name="language"),
]
