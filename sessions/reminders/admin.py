from django.contrib import admin

from .models import Delivery, Notification


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Staff see every network's reminder deliveries (coordinators see their own in the app)."""

    list_display = ["due_at", "kind", "recipient", "network", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind", "network"]
    search_fields = ["recipient__email", "email", "object_key", "message_id"]
    date_hierarchy = "due_at"
    list_select_related = ["recipient", "network"]
    readonly_fields = [field.name for field in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Staff see every notification (kind and object, never a text: it is made when shown)."""

    list_display = ["created_at", "kind", "recipient", "network", "read_at"]
    list_filter = ["kind", "network"]
    search_fields = ["recipient__email", "object_key"]
    date_hierarchy = "created_at"
    list_select_related = ["recipient", "network"]
    readonly_fields = [field.name for field in Notification._meta.fields]

    def has_add_permission(self, request):
        return False
