from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import personal_data
from .models import User
from .services import account_erase


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "full_name",
        "profession",
        "student_level",
        "is_staff",
        "is_active",
        "erased_at",
    ]
    list_filter = ["profession", "student_level", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    readonly_fields = ["date_joined", "last_login", "erased_at"]
    actions = ["erase_personal_data"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            gettext_lazy("Profile"),
            {"fields": ["full_name", "profession", "student_level", "programme", "language"]},
        ),
        (
            gettext_lazy("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (gettext_lazy("Dates"), {"fields": ["last_login", "date_joined", "erased_at"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    ]

    @admin.action(description=gettext_lazy("Erase personal data"), permissions=["change"])
    def erase_personal_data(self, request, queryset):
        """Erase the chosen people's personal data (accounts.services.account_erase), after
        a confirmation page like Django's own for deleting. One's own account is skipped:
        staff erase themselves through another staff member."""
        people = list(queryset.exclude(pk=request.user.pk).order_by("email"))
        if request.POST.get("post") == "yes":
            for person in people:
                account_erase(user=person, by=request.user)
            if people:
                self.message_user(
                    request,
                    ngettext(
                        "The personal data of %(count)d person has been erased.",
                        "The personal data of %(count)d people has been erased.",
                        len(people),
                    )
                    % {"count": len(people)},
                    messages.SUCCESS,
                )
            if queryset.filter(pk=request.user.pk).exists():
                self.message_user(
                    request,
                    _("Your own account was skipped: ask another staff member to erase it."),
                    messages.WARNING,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Erase personal data"),
            "opts": self.model._meta,
            "people": people,
            "skipped_self": queryset.filter(pk=request.user.pk).exists(),
            "sections": personal_data.sections(),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(
            request, "admin/accounts/user/erase_personal_data_confirmation.html", context
        )
