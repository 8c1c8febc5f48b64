"""The outbox becomes an app of its own: Delivery moves here from the meetings app with its
table (meetings_delivery)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('meetings', '0009_delivery_target'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('networks', '0005_theme_project_meetings_declared_on_meeting'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's picture of them changes.
            state_operations=[
            migrations.CreateModel(
                name='Delivery',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('kind', models.CharField(max_length=40, verbose_name='kind')),
                    ('object_key', models.CharField(max_length=120, verbose_name='about')),
                    ('lead_minutes', models.IntegerField(default=0, verbose_name='minutes before')),
                    ('object_id', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='object')),
                    ('due_at', models.DateTimeField(verbose_name='due at')),
                    ('status', models.CharField(choices=[('pending', 'Pending'), ('sending', 'Sending'), ('sent', 'Sent'), ('failed', 'Failed'), ('withdrawn', 'Withdrawn')], default='pending', max_length=12, verbose_name='status')),
                    ('next_attempt_at', models.DateTimeField(verbose_name='next attempt at')),
                    ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                    ('claimed_at', models.DateTimeField(blank=True, null=True, verbose_name='claimed at')),
                    ('claim_token', models.CharField(blank=True, max_length=32)),
                    ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
                    ('reason', models.CharField(blank=True, max_length=500, verbose_name='reason')),
                    ('message_id', models.CharField(blank=True, max_length=200, verbose_name='Message-ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype', verbose_name='about (type)')),
                    ('network', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminder_deliveries', to='networks.network')),
                    ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminder_deliveries', to=settings.AUTH_USER_MODEL, verbose_name='recipient')),
                ],
                options={
                    'verbose_name': 'reminder delivery',
                    'verbose_name_plural': 'reminder deliveries',
                    'db_table': 'meetings_delivery',
                    'ordering': ['-due_at', 'pk'],
                    'indexes': [models.Index(fields=['status', 'next_attempt_at'], name='delivery_due_idx'), models.Index(fields=['network', '-due_at'], name='delivery_network_idx'), models.Index(fields=['content_type', 'object_id'], name='delivery_target_idx')],
                    'constraints': [models.UniqueConstraint(fields=('kind', 'object_key', 'recipient', 'lead_minutes'), name='one_delivery_per_reminder'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'sent'), _negated=True), ('sent_at__isnull', False), _connector='OR'), name='sent_delivery_has_sent_at')],
                },
            ),
            ],
            database_operations=[],
        ),
    ]
