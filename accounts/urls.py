from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profiel/", views.profile_edit, name="profile"),
    path("taal/", views.language_set, name="language"),
    path("profiel/herinneringen/", views.reminder_preferences, name="reminder_preferences"),
    path("herinneringen/<str:token>/", views.reminder_link, name="reminder_link"),
]
