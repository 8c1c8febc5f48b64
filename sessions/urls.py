from django.urls import path

from .views import reminders

app_name = "meetings"

urlpatterns = [
    path("netwerken/<slug:slug>/herinneringen/", reminders.reminder_log, name="reminder_log"),
]
