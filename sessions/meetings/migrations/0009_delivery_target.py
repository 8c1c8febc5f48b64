"""A delivery points at what it is about through a content type and an object id, instead of
a foreign key to one feature's model (the meeting): the outbox becomes an app of its own
below meetings and shadowing. Existing rows keep their object: a meeting's id moves from
``meeting_id`` to ``object_id``, and a shadowing day's (already in ``object_id``) gets its
content type from the delivery's kind."""

import django.db.models.deletion
from django.db import migrations, models

SHADOWING_KINDS = (
    "shadowing_day_before",
    "shadowing_reflection",
    "shadowing_confirmation",
    "shadowing_cancelled",
    "shadowing_moved",
)


def forward(apps, schema_editor):
    Delivery = apps.get_model("meetings", "Delivery")
    ContentType = apps.get_model("contenttypes", "ContentType")
    meeting_type, _ = ContentType.objects.get_or_create(app_label="meetings", model="meeting")
    day_type, _ = ContentType.objects.get_or_create(app_label="meetings", model="shadowingday")
    Delivery.objects.filter(meeting__isnull=False).update(
        content_type=meeting_type, object_id=models.F("meeting_id")
    )
    Delivery.objects.filter(kind__in=SHADOWING_KINDS, object_id__isnull=False).update(
        content_type=day_type
    )


def backward(apps, schema_editor):
    """The meeting goes back to ``meeting_id``; ``object_id`` is emptied again, as the old code
    only set it for the shadowing kinds."""
    Delivery = apps.get_model("meetings", "Delivery")
    Delivery.objects.filter(
        content_type__app_label="meetings", content_type__model="meeting"
    ).update(meeting_id=models.F("object_id"), object_id=None)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("meetings", "0008_shadowing_day_moved_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="delivery",
            name="content_type",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="about (type)",
            ),
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="delivery", name="meeting"),
        migrations.AddIndex(
            model_name="delivery",
            index=models.Index(fields=["content_type", "object_id"], name="delivery_target_idx"),
        ),
    ]
