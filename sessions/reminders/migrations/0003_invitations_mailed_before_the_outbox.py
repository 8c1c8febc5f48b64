"""Invitations made before invitations went through the outbox were mailed by the request
itself. Record them as sent (key ``invitation.<pk>``, the key the outbox would give them), so
the first dispatcher run after the upgrade does not find them "without a row" and mail them
a second time."""

from django.db import migrations
from django.utils import timezone


REASON = "Mailed when it was made, before invitations went through the outbox."


def record_as_sent(apps, schema_editor):
    Invitation = apps.get_model("networks", "Invitation")
    Delivery = apps.get_model("reminders", "Delivery")
    ContentType = apps.get_model("contenttypes", "ContentType")
    now = timezone.now()
    invitation_type, _ = ContentType.objects.get_or_create(
        app_label="networks", model="invitation"
    )
    rows = [
        Delivery(
            kind="network_invitation",
            object_key=f"invitation.{invitation.pk}",
            email=invitation.email,
            lead_minutes=0,
            network_id=invitation.network_id,
            content_type=invitation_type,
            object_id=invitation.pk,
            due_at=invitation.created_at,
            next_attempt_at=invitation.created_at,
            status="sent",
            sent_at=invitation.created_at,
            reason=REASON,
        )
        for invitation in Invitation.objects.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
        )
    ]
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)


def forget_recorded(apps, schema_editor):
    Delivery = apps.get_model("reminders", "Delivery")
    Delivery.objects.filter(kind="network_invitation", reason=REASON).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0002_delivery_to_an_address"),
        ("networks", "0005_theme_project_meetings_declared_on_meeting"),
    ]

    operations = [migrations.RunPython(record_as_sent, forget_recorded)]
