"""URLs of the outbox: the log of what was sent for a network, a person's reminder
preferences, the signed link in every mail (its path is in mails already sent: keep it) and
the notification centre."""

from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("netwerken/<slug:slug>/herinneringen/", views.reminder_log, name="log"),
    path("profiel/herinneringen/", views.reminder_preferences, name="preferences"),
    path("herinneringen/<str:token>/", views.reminder_link, name="link"),
    path("meldingen/", views.notifications, name="notifications"),
    path("meldingen/alles-gelezen/", views.notifications_read, name="notifications_read"),
    path("meldingen/<int:pk>/", views.notification_detail, name="notification"),
]
