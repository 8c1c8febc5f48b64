"""Shadowing becomes an app of its own: its models move here from the meetings app with their
tables (meetings_shadowingslot, meetings_shadowingday, meetings_shadowingfeedback)."""

import django.db.models.deletion
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('meetings', '0009_delivery_target'),
        ('networks', '0005_theme_project_meetings_declared_on_meeting'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's picture of them changes.
            state_operations=[
            migrations.CreateModel(
                name='ShadowingDay',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('source', models.CharField(choices=[('slot', 'Requested on the platform'), ('logged', 'Arranged outside the platform')], max_length=10)),
                    ('date', models.DateField(verbose_name='date')),
                    ('dagdeel', models.CharField(choices=[('morning', 'Morning'), ('afternoon', 'Afternoon'), ('evening', 'Evening'), ('whole_day', 'Whole day')], max_length=10, verbose_name='dagdeel')),
                    ('starts_at', models.TimeField(verbose_name='from')),
                    ('ends_at', models.TimeField(verbose_name='until')),
                    ('hours', models.DecimalField(decimal_places=2, max_digits=4, verbose_name='hours')),
                    ('organisation_name', models.CharField(blank=True, max_length=200, verbose_name="host's organisation")),
                    ('place', models.CharField(max_length=200, verbose_name='place')),
                    ('learning_goals', models.TextField(verbose_name='learning goals')),
                    ('same_domain_reason', models.CharField(blank=True, max_length=500, verbose_name='reason for a host of your own domain')),
                    ('status', models.CharField(choices=[('requested', 'Requested'), ('planned', 'Planned'), ('done', "Done, awaiting the host's confirmation"), ('confirmed', 'Confirmed by the host'), ('declined', 'Declined'), ('cancelled', 'Cancelled')], default='requested', max_length=10, verbose_name='status')),
                    ('reflection_seen', models.TextField(blank=True, verbose_name='What did you see?')),
                    ('reflection_surprised', models.TextField(blank=True, verbose_name='What surprised you about the other domain?')),
                    ('reflection_take_away', models.TextField(blank=True, verbose_name='What will you take into your own work?')),
                    ('reflection_question', models.TextField(blank=True, verbose_name='What question do you bring to the next LIN meeting?')),
                    ('reflection_written_at', models.DateTimeField(blank=True, null=True)),
                    ('decline_reason', models.CharField(blank=True, max_length=500, verbose_name='reason')),
                    ('accepted_at', models.DateTimeField(blank=True, null=True)),
                    ('declined_at', models.DateTimeField(blank=True, null=True)),
                    ('confirmed_at', models.DateTimeField(blank=True, null=True)),
                    ('cancelled_at', models.DateTimeField(blank=True, null=True)),
                    ('cancel_reason', models.CharField(blank=True, max_length=500, verbose_name='reason for cancelling')),
                    ('moved_at', models.DateTimeField(blank=True, null=True)),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('updated_at', models.DateTimeField(auto_now=True)),
                    ('cancelled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='cancelled by')),
                    ('host', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='hosted_shadowing_days', to=settings.AUTH_USER_MODEL, verbose_name='host')),
                    ('host_network', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='hosted_shadowing_days', to='networks.network')),
                    ('network', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='shadowing_days', to='networks.network')),
                    ('shadower', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='shadowing_days', to=settings.AUTH_USER_MODEL, verbose_name='who shadows')),
                ],
                options={
                    'verbose_name': 'shadowing day',
                    'verbose_name_plural': 'shadowing days',
                    'db_table': 'meetings_shadowingday',
                    'ordering': ['-date', '-starts_at'],
                },
            ),
            migrations.CreateModel(
                name='ShadowingFeedback',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('text', models.TextField(verbose_name='feedback')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('day', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='feedback', to='shadowing.shadowingday')),
                ],
                options={
                    'verbose_name': 'feedback on a reflection',
                    'verbose_name_plural': 'feedback on reflections',
                    'db_table': 'meetings_shadowingfeedback',
                    'ordering': ['created_at'],
                },
            ),
            migrations.CreateModel(
                name='ShadowingSlot',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('date', models.DateField(verbose_name='date')),
                    ('dagdeel', models.CharField(choices=[('morning', 'Morning'), ('afternoon', 'Afternoon'), ('evening', 'Evening'), ('whole_day', 'Whole day')], max_length=10, verbose_name='dagdeel')),
                    ('starts_at', models.TimeField(verbose_name='from')),
                    ('ends_at', models.TimeField(verbose_name='until')),
                    ('organisation_name', models.CharField(blank=True, max_length=200, verbose_name='organisation')),
                    ('place', models.CharField(max_length=200, verbose_name='place')),
                    ('note', models.CharField(blank=True, max_length=500, verbose_name='note for the visitor')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('host', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='shadowing_slots', to=settings.AUTH_USER_MODEL)),
                    ('network', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='shadowing_slots', to='networks.network')),
                ],
                options={
                    'verbose_name': 'offered dagdeel',
                    'verbose_name_plural': 'offered dagdelen',
                    'db_table': 'meetings_shadowingslot',
                    'ordering': ['date', 'starts_at'],
                },
            ),
            migrations.AddField(
                model_name='shadowingday',
                name='slot',
                field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='days', to='shadowing.shadowingslot'),
            ),
            migrations.AddConstraint(
                model_name='shadowingslot',
                constraint=models.UniqueConstraint(fields=('host', 'date', 'dagdeel'), name='one_slot_per_host_dagdeel', violation_error_message='You already offer this dagdeel.'),
            ),
            migrations.AddConstraint(
                model_name='shadowingslot',
                constraint=models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='slot_ends_after_start', violation_error_message='The end lies before the start.'),
            ),
            migrations.AddIndex(
                model_name='shadowingday',
                index=models.Index(fields=['network', 'date'], name='meetings_sh_network_c036d5_idx'),
            ),
            migrations.AddIndex(
                model_name='shadowingday',
                index=models.Index(fields=['shadower', 'date'], name='meetings_sh_shadowe_1d86e1_idx'),
            ),
            migrations.AddIndex(
                model_name='shadowingday',
                index=models.Index(fields=['host', 'status'], name='meetings_sh_host_id_a0c81f_idx'),
            ),
            migrations.AddConstraint(
                model_name='shadowingday',
                constraint=models.UniqueConstraint(condition=models.Q(('slot__isnull', False), ('status__in', ['requested', 'planned', 'done', 'confirmed'])), fields=('slot',), name='slot_booked_once', violation_error_message='This dagdeel has already been booked.'),
            ),
            migrations.AddConstraint(
                model_name='shadowingday',
                constraint=models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='shadowing_ends_after_start', violation_error_message='The end lies before the start.'),
            ),
            migrations.AddConstraint(
                model_name='shadowingday',
                constraint=models.CheckConstraint(condition=models.Q(('hours__gt', 0), ('hours__lte', Decimal('12'))), name='shadowing_hours_in_range', violation_error_message='A shadowing day lasts more than 0 and at most 12 hours.'),
            ),
            migrations.AddConstraint(
                model_name='shadowingday',
                constraint=models.CheckConstraint(condition=models.Q(('shadower', models.F('host')), _negated=True), name='shadowing_not_oneself', violation_error_message='You cannot shadow yourself.'),
            ),
            migrations.AddConstraint(
                model_name='shadowingday',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'declined'), _negated=True), models.Q(('decline_reason', ''), _negated=True), _connector='OR'), name='shadowing_decline_has_reason', violation_error_message='Give a reason for declining.'),
            ),
            migrations.AddConstraint(
                model_name='shadowingday',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'cancelled'), _negated=True), ('cancelled_at__isnull', False), _connector='OR'), name='shadowing_cancelled_has_moment', violation_error_message='A cancelled day records when it was cancelled.'),
            ),
            migrations.AddConstraint(
                model_name='shadowingday',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('status__in', ['done', 'confirmed']), _negated=True), ('reflection_written_at__isnull', False), _connector='OR'), name='shadowing_done_has_reflection', violation_error_message='A day is done once its reflection is written.'),
            ),
            ],
            database_operations=[],
        ),
    ]
