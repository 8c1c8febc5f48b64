"""Shadowing and the outbox move out to apps of their own (shadowing' and reminders' 0001), and
the link to theme projects is declared here (``Meeting.theme_projects``, same table)."""

from django.conf import settings
from django.db import migrations, models


MOVED = {
    "shadowingslot": "shadowing",
    "shadowingday": "shadowing",
    "shadowingfeedback": "shadowing",
    "delivery": "reminders",
}


def content_types_follow(apps, schema_editor):
    """The content types (and so the permissions, admin log entries and the deliveries about
    a shadowing day) follow the models to their new app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Delivery = apps.get_model("reminders", "Delivery")
    LogEntry = apps.get_model("admin", "LogEntry")
    UserPermission = apps.get_model(settings.AUTH_USER_MODEL).user_permissions.through
    GroupPermission = apps.get_model("auth", "Group").permissions.through
    for model, app_label in MOVED.items():
        old = ContentType.objects.filter(app_label="meetings", model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label=app_label, model=model).first()
        if new is None:
            old.app_label = app_label
            old.save(update_fields=["app_label"])
            continue
        # Both exist when the new app's content types were made before this migration ran
        # (``migrate reminders`` alone emits post_migrate): everything moves to the new one,
        # the grants of the old permissions too, before the old type goes.
        Delivery.objects.filter(content_type=old).update(content_type=new)
        LogEntry.objects.filter(content_type=old).update(content_type=new)
        for permission in Permission.objects.filter(content_type=old):
            twin = Permission.objects.filter(
                content_type=new, codename=permission.codename
            ).first()
            if twin is None:
                permission.content_type = new
                permission.save(update_fields=["content_type"])
                continue
            for through, holder in ((UserPermission, "user_id"), (GroupPermission, "group_id")):
                holders = set(
                    through.objects.filter(permission=permission).values_list(holder, flat=True)
                ) - set(through.objects.filter(permission=twin).values_list(holder, flat=True))
                through.objects.bulk_create(
                    through(permission=twin, **{holder: pk}) for pk in holders
                )
            permission.delete()
        old.delete()


def content_types_return(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, app_label in MOVED.items():
        if not ContentType.objects.filter(app_label="meetings", model=model).exists():
            ContentType.objects.filter(app_label=app_label, model=model).update(
                app_label="meetings"
            )


class Migration(migrations.Migration):

    dependencies = [
        ('shadowing', '0001_initial'),
        ('reminders', '0001_initial'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('admin', '0003_logentry_add_action_flag_choices'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('meetings', '0009_delivery_target'),
        ('networks', '0005_theme_project_meetings_declared_on_meeting'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's picture of them changes.
            state_operations=[
            migrations.RemoveField(
                model_name='shadowingday',
                name='cancelled_by',
            ),
            migrations.RemoveField(
                model_name='shadowingday',
                name='host',
            ),
            migrations.RemoveField(
                model_name='shadowingday',
                name='host_network',
            ),
            migrations.RemoveField(
                model_name='shadowingday',
                name='network',
            ),
            migrations.RemoveField(
                model_name='shadowingday',
                name='shadower',
            ),
            migrations.RemoveField(
                model_name='shadowingday',
                name='slot',
            ),
            migrations.RemoveField(
                model_name='shadowingfeedback',
                name='day',
            ),
            migrations.RemoveField(
                model_name='shadowingfeedback',
                name='author',
            ),
            migrations.RemoveField(
                model_name='shadowingslot',
                name='host',
            ),
            migrations.RemoveField(
                model_name='shadowingslot',
                name='network',
            ),
            migrations.AddField(
                model_name='meeting',
                name='theme_projects',
                field=models.ManyToManyField(blank=True, db_table='networks_themeproject_meetings', related_name='meetings', to='networks.themeproject', verbose_name='theme projects'),
            ),
            migrations.DeleteModel(
                name='Delivery',
            ),
            migrations.DeleteModel(
                name='ShadowingDay',
            ),
            migrations.DeleteModel(
                name='ShadowingFeedback',
            ),
            migrations.DeleteModel(
                name='ShadowingSlot',
            ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_follow, content_types_return),
    ]
