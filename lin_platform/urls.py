"""URL configuration: our apps, allauth under /account/, the admin under /admin/."""

from django.contrib import admin
from django.urls import include, path

from lin_platform import views as platform_views

urlpatterns = [
    path("", platform_views.home, name="home"),
    path("account/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("networks.urls")),
    path("", include("sessions.meetings.urls")),
    path("", include("sessions.shadowing.urls")),
    path("", include("sessions.reminders.urls")),
    path("", include("casework.urls")),
    path("", include("evaluation.urls")),
    path("", include("reports.urls")),
    path("", include("search.urls")),
    path("admin/", admin.site.urls),
]
