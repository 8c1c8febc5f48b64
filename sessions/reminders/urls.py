"""URLs of the outbox: the log of what was sent for a network."""

from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("netwerken/<slug:slug>/herinneringen/", views.reminder_log, name="log"),
]
