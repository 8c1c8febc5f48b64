"""The link between theme projects and meetings is declared on the meetings side from now on
(``Meeting.theme_projects``, meetings' 0010); the table networks_themeproject_meetings stays."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('networks', '0004_project_output_document'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's picture of them changes.
            state_operations=[
            migrations.RemoveField(
                model_name='themeproject',
                name='meetings',
            ),
            ],
            database_operations=[],
        ),
    ]
