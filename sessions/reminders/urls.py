"""URLs of the outbox: the log of what was sent for a network, a person's reminder
preferences and the signed link in every mail (its path is in mails already sent: keep it)."""

from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("netwerken/<slug:slug>/herinneringen/", views.reminder_log, name="log"),
    path("profiel/herinneringen/", views.reminder_preferences, name="preferences"),
    path("herinneringen/<str:token>/", views.reminder_link, name="link"),
]
