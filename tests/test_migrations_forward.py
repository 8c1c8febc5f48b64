"""A database made by the main before the split of ``sessions/`` into the apps reminders,
meetings and shadowing migrates forward with nothing lost, and back and forward again.

The test migrates the test database back to the leaves of that main, fills every model of our
apps through the historical models of that moment, migrates to the latest leaves and compares
every table row by row. It always leaves the database at the latest migration, so the tests
that run after it (in the same process or xdist worker) find the schema they expect.
"""

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

# The leaves of the main before the split; the two new apps did not exist yet.
OLD_LEAVES = [
    ("accounts", "0005_personal_data_erasure"),
    ("networks", "0004_project_output_document"),
    ("meetings", "0008_shadowing_day_moved_at"),
    ("casework", "0001_initial"),
    ("shadowing", None),
    ("reminders", None),
    # Unchanged, so that the historical models hold the admin's log.
    ("admin", "0003_logentry_add_action_flag_choices"),
]
OUR_APPS = ("accounts", "networks", "meetings", "casework")
REFLECTION = "Hoe de wijkverpleging en het sociaal team samen één plan maken."
MOVED = {
    "shadowingslot": "shadowing",
    "shadowingday": "shadowing",
    "shadowingfeedback": "shadowing",
    "delivery": "reminders",
}


def _latest_leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _migrate(targets):
    """Migrate to ``targets`` with a fresh executor, and return the historical apps there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    ContentType.objects.clear_cache()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


@pytest.fixture
def migrator(transactional_db):
    """Hands out ``_migrate`` and puts the database back at the latest leaves afterwards, also
    when the test failed halfway (before ``transactional_db`` flushes the tables)."""
    yield _migrate
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(latest)
    ContentType.objects.clear_cache()
    executor.loader.build_graph()
    assert not executor.migration_plan(latest), "the database is not at the latest migrations"


def _tables():
    return sorted(t for t in connection.introspection.table_names() if t != "django_migrations")


def _snapshot():
    """Every row of every table, as the database returns it (columns by name)."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            columns = [col[0] for col in cursor.description]
            snapshot[table] = sorted(
                (dict(zip(columns, row, strict=True)) for row in cursor.fetchall()),
                key=lambda row: repr(sorted(row.items())),
            )
    return snapshot


def _counts(snapshot):
    return {table: len(rows) for table, rows in snapshot.items()}


def _comparable(snapshot, table, columns):
    return sorted(
        ({c: row[c] for c in columns} for row in snapshot[table]),
        key=lambda row: repr(sorted(row.items())),
    )


RECORDED_INVITATION = "network_invitation"


def _without_recorded_invitations(after):
    """The snapshot without the rows reminders' 0003 adds: an invitation still open when
    invitations started to go through the outbox is recorded as sent (it was mailed by the
    request that made it), so the first dispatcher run does not mail it again."""
    rows = after["meetings_delivery"]
    recorded = [row for row in rows if row.get("kind") == RECORDED_INVITATION]
    return {**after, "meetings_delivery": [r for r in rows if r not in recorded]}, recorded


def _stable(snapshot):
    """A snapshot in which the rows 0003 records carry no id and no creation moment (each
    forward run records them anew: at its own moment, and on PostgreSQL with the next id of
    the sequence)."""
    rows = [
        {**row, "id": None, "created_at": None} if row.get("kind") == RECORDED_INVITATION else row
        for row in snapshot["meetings_delivery"]
    ]
    return {**snapshot, "meetings_delivery": rows}


# Columns that later migrations add to existing tables, with the value every old row gets.
# Any other new column fails the comparison: say here what an old row holds in it.
NEW_COLUMNS = {
    ("meetings_meeting", "recurrence_id"): None,
    ("meetings_meeting", "method"): "",
    ("meetings_meeting", "learning_hours"): None,
    ("meetings_shadowingslot", "series"): None,
    ("networks_network", "shadowing_teachers"): True,
    ("networks_network", "focus"): "",
    ("networks_network", "learning_needs"): "",
    ("networks_networkpartner", "brings_money"): False,
    ("networks_networkpartner", "brings_people"): False,
    ("networks_networkpartner", "brings_place"): False,
    ("networks_networkpartner", "brings_time"): False,
    ("networks_networkpartner", "contact_id"): None,
    ("networks_networkpartner", "contribution"): "",
    ("networks_theme", "archived_at"): None,
}


def _old_columns(before, after, skip=()):
    """``after`` with the columns added since ``before`` checked against ``NEW_COLUMNS`` and
    left out, so that old rows compare with what they held."""
    result = {}
    for table, rows in after.items():
        if table in skip or table not in before or not rows or not before[table]:
            result[table] = rows
            continue
        new = set(rows[0]) - set(before[table][0])
        for column in new:
            assert (table, column) in NEW_COLUMNS, f"{table}.{column} is new: add it to NEW_COLUMNS"
            expected = NEW_COLUMNS[(table, column)]
            assert [row[column] == expected for row in rows] == [True] * len(rows), (
                f"old rows of {table} hold something else than {expected!r} in {column}"
            )
        result[table] = [{k: v for k, v in row.items() if k not in new} for row in rows]
    return result


def _assert_nothing_lost(before, after):
    """Same tables, same number of rows, same values; the deliveries lose their meeting column
    for a content type and the moved content types get their new app label."""
    after, recorded = _without_recorded_invitations(after)
    # Tables that later migrations add (e.g. casework's case_shared_with) start empty.
    added = {table: rows for table, rows in after.items() if table not in before}
    assert {table: len(rows) for table, rows in added.items()} == dict.fromkeys(added, 0)
    after = {table: rows for table, rows in after.items() if table in before}
    if "email" in (after["meetings_delivery"] or [{}])[0]:
        open_invitations = before["networks_invitation"]
        assert sorted((r["object_id"], r["email"], r["status"]) for r in recorded) == sorted(
            (i["id"], i["email"], "sent") for i in open_invitations if i["accepted_at"] is None
        )
    else:
        assert recorded == []
    assert _counts(after) == _counts(before)
    changed = {"meetings_delivery", "django_content_type"}
    old = _old_columns(before, after, skip=changed)
    for table in before:
        if table not in changed:
            assert old[table] == before[table], f"rows of {table} changed"
    common = set(before["meetings_delivery"][0]) & set(after["meetings_delivery"][0])
    assert {"id", "kind", "object_key", "object_id", "status", "recipient_id"} <= common
    expected = before
    if "meeting_id" in common:
        assert after["meetings_delivery"] == before["meetings_delivery"]
    else:
        # Forward: a delivery's meeting moved from meeting_id to object_id.
        expected = {
            "meetings_delivery": [
                {**row, "object_id": row["meeting_id"] or row["object_id"]}
                for row in before["meetings_delivery"]
            ]
        }
    assert _comparable(after, "meetings_delivery", common) == _comparable(
        expected, "meetings_delivery", common
    )
    assert _comparable(after, "django_content_type", ["id", "model"]) == _comparable(
        before, "django_content_type", ["id", "model"]
    )


def _fill_old_database(apps):
    """One or more rows in every model of our apps, through the models of the old main."""

    def model(label):
        return apps.get_model(*label.split("."))

    now = timezone.now().replace(microsecond=0)
    User = model("accounts.User")
    host = User.objects.create(email="host@example.org", full_name="Hanna Host", password="x")
    shadower = User.objects.create(
        email="student@example.org",
        full_name="Sam Student",
        password="x",
        student_level="hbo",
        programme="HBO-V",
        meeting_reminder_minutes=[60, 1440],
        reminders_off=["rsvp_nudge"],
    )
    professional = User.objects.create(email="pro@example.org", full_name="Pia Pro", password="x")
    # A permission on a model that moves keeps its row and its holder.
    reader = model("auth.Permission").objects.get(
        content_type__app_label="meetings", codename="view_shadowingday"
    )
    host.user_permissions.add(reader)
    coordinators = model("auth.Group").objects.create(name="Coördinatoren")
    coordinators.permissions.add(
        model("auth.Permission").objects.get(
            content_type__app_label="meetings", codename="change_delivery"
        )
    )
    host.groups.add(coordinators)

    network = model("networks.Network").objects.create(
        name="LIN Oost",
        slug="lin-oost",
        kind="district_team",
        shadowing_programme_dagdelen={"HBO-V": 6},
    )
    other = model("networks.Network").objects.create(
        name="LIN West", slug="lin-west", kind="neighbourhood"
    )
    organisation = model("networks.Organisation").objects.create(
        name="Zorggroep Oost", kind="care_provider"
    )
    model("networks.NetworkPartner").objects.create(
        network=network, organisation=organisation, part="hosts the meetings"
    )
    Membership = model("networks.Membership")
    for user in (host, shadower, professional):
        Membership.objects.create(user=user, network=network, role="professional")
    model("networks.Invitation").objects.create(
        network=network,
        email="new@example.org",
        role="student",
        invited_by=host,
        expires_at=now + timedelta(days=14),
    )
    theme = model("networks.Theme").objects.create(network=network, name="Eenzaamheid", slug="e")
    project = model("networks.ThemeProject").objects.create(
        network=network,
        theme=theme,
        title="Samen tegen eenzaamheid",
        aim="Minder eenzame ouderen in de wijk.",
        starts_on=date(2026, 1, 1),
        ends_on=date(2027, 1, 1),
    )
    project.other_networks.add(other)
    model("networks.ProjectPartner").objects.create(
        project=project, organisation=organisation, kind="care"
    )
    model("networks.ProjectOutput").objects.create(
        project=project, title="Rapport", url="https://example.org/rapport"
    )
    model("networks.ProjectMember").objects.create(project=project, user=host, role="lead")
    model("networks.PdsaEntry").objects.create(
        project=project, question="Werkt een buurtlunch?", plan="Proberen.", author=host
    )
    model("networks.Milestone").objects.create(
        project=project, title="Eerste lunch", due_on=date(2026, 3, 1)
    )

    series = model("meetings.MeetingSeries").objects.create(
        network=network, title="Intervisie", format="intervisie", created_by=host
    )
    Meeting = model("meetings.Meeting")
    meeting = Meeting.objects.create(
        network=network,
        series=series,
        format="intervisie",
        title="Intervisie maart",
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=3, hours=2),
        location="Buurthuis",
        facilitator=host,
        created_by=host,
    )
    other_meeting = Meeting.objects.create(
        network=network,
        format="klinische_les",
        title="Klinische les",
        starts_at=now + timedelta(days=10),
        ends_at=now + timedelta(days=10, hours=1),
        online_url="https://example.org/les",
    )
    meeting.invited_networks.add(other)
    meeting.themes.add(theme)
    project.meetings.add(meeting)
    model("meetings.Rsvp").objects.create(
        meeting=meeting, user=shadower, answer="yes", answered_at=now
    )
    model("meetings.Attendance").objects.create(
        meeting=meeting, user=shadower, status="present", checked_in_at=now, registered_by=host
    )
    model("meetings.MeetingRole").objects.create(meeting=meeting, user=host, kind="note_taker")
    model("meetings.MeetingRecord").objects.create(
        meeting=meeting, method="intervisie", entries={"vraag": "Wat zie je?"}, updated_by=host
    )
    model("meetings.MeetingAction").objects.create(
        meeting=meeting, text="Huisarts bellen", owner=professional, created_by=host
    )
    group = model("meetings.BreakoutGroup").objects.create(meeting=meeting, number=1)
    model("meetings.BreakoutGroupMember").objects.create(group=group, meeting=meeting, user=host)

    slot = model("meetings.ShadowingSlot").objects.create(
        network=network,
        host=host,
        date=date(2026, 2, 2),
        dagdeel="morning",
        starts_at=time(9),
        ends_at=time(12, 30),
        place="Wijkteam Oost",
    )
    day = model("meetings.ShadowingDay").objects.create(
        network=network,
        host_network=network,
        host=host,
        shadower=shadower,
        slot=slot,
        source="slot",
        date=date(2026, 2, 2),
        dagdeel="morning",
        starts_at=time(9),
        ends_at=time(12, 30),
        hours=Decimal("3.50"),
        place="Wijkteam Oost",
        learning_goals="Zien hoe een keukentafelgesprek gaat.",
        status="confirmed",
        reflection_seen=REFLECTION,
        reflection_written_at=now,
        accepted_at=now,
        confirmed_at=now,
        moved_at=now,
    )
    model("meetings.ShadowingDay").objects.create(
        network=network,
        host_network=other,
        host=professional,
        shadower=shadower,
        source="logged",
        date=date(2026, 2, 9),
        dagdeel="afternoon",
        starts_at=time(13),
        ends_at=time(17),
        hours=Decimal("4"),
        place="Huisartsenpraktijk",
        learning_goals="Meekijken.",
        status="cancelled",
        cancelled_at=now,
        cancelled_by=shadower,
        cancel_reason="Ziek.",
    )
    model("meetings.ShadowingFeedback").objects.create(day=day, author=host, text="Mooi gezien.")
    model("admin.LogEntry").objects.create(
        user=host,
        content_type=model("contenttypes.ContentType").objects.get(
            app_label="meetings", model="shadowingday"
        ),
        object_id=str(day.pk),
        object_repr="Schaduwdag",
        action_flag=2,
        change_message="[]",
    )

    Delivery = model("meetings.Delivery")
    meeting_delivery = Delivery.objects.create(
        network=network,
        recipient=shadower,
        kind="meeting_reminder",
        object_key=f"meeting:{meeting.pk}:rev0",
        lead_minutes=60,
        meeting=meeting,
        due_at=now,
        next_attempt_at=now,
        status="sent",
        sent_at=now,
        attempts=1,
        message_id="<1@lin.example.org>",
    )
    day_delivery = Delivery.objects.create(
        network=network,
        recipient=shadower,
        kind="shadowing_reflection",
        object_key=f"shadowing:{day.pk}",
        object_id=day.pk,
        due_at=now,
        next_attempt_at=now,
        status="failed",
        attempts=3,
        reason="SMTP 550",
    )
    digest = Delivery.objects.create(
        network=network,
        recipient=host,
        kind="weekly_digest",
        object_key="digest:2026-W10",
        due_at=now,
        next_attempt_at=now,
    )

    case = model("casework.Case").objects.create(
        network=network,
        title="Mevrouw J., 84",
        situation="Woont alleen.",
        student=shadower,
        professional=professional,
        meeting=meeting,
        created_by=host,
    )
    case.themes.add(theme)
    model("casework.CaseAccess").objects.create(case=case, user=host)
    model("casework.CaseAttachment").objects.create(
        case=case, file="cases/1/plan.pdf", name="plan.pdf", size=1234, uploaded_by=host
    )
    model("casework.CaseContribution").objects.create(
        case=case, author=professional, discipline="gp", text="Medicatie nalopen."
    )
    model("casework.CaseworkSettings").objects.create(network=network)
    lesson = model("casework.Lesson").objects.create(
        teacher=host,
        title="Wijkgericht werken",
        school="Hogeschool",
        programme="HBO-V",
        level="hbo",
        starts_on=date(2026, 4, 1),
        objectives="Samenwerken.",
    )
    lesson.cases.add(case)
    lesson.meetings.add(meeting)
    lesson.themes.add(theme)

    # Every model of our apps (the tables of the many-to-many fields too) has a row.
    empty = [
        m._meta.label
        for app in OUR_APPS
        for m in apps.get_app_config(app).get_models(include_auto_created=True)
        if not m.objects.exists()
    ]
    assert not empty, f"no rows in {empty}"
    return {
        "meeting": meeting.pk,
        "other_meeting": other_meeting.pk,
        "project": project.pk,
        "day": day.pk,
        "slot": slot.pk,
        "meeting_delivery": meeting_delivery.pk,
        "day_delivery": day_delivery.pk,
        "digest": digest.pk,
    }


def _old_state_with_rows(migrate):
    apps = _migrate_old(migrate)
    ids = _fill_old_database(apps)
    return ids, _snapshot()


def _migrate_old(migrate):
    apps = migrate(OLD_LEAVES)
    # The old main's picture: the outbox and shadowing still live in the meetings app.
    apps.get_model("meetings", "ShadowingDay")
    apps.get_model("meetings", "Delivery")
    return apps


def _assert_current_models_read_old_rows(ids):
    from networks.models import ThemeProject
    from sessions.meetings.models import Meeting
    from sessions.reminders.models import Delivery
    from sessions.shadowing.models import ShadowingDay, ShadowingFeedback, ShadowingSlot

    ContentType.objects.clear_cache()
    meeting = Meeting.objects.get(pk=ids["meeting"])
    day = ShadowingDay.objects.get(pk=ids["day"])
    assert day.reflection_seen == REFLECTION
    assert day.hours == Decimal("3.50")
    assert day.slot == ShadowingSlot.objects.get(pk=ids["slot"])
    assert [f.text for f in ShadowingFeedback.objects.filter(day=day)] == ["Mooi gezien."]
    assert ShadowingDay.objects.count() == 2

    meeting_type = ContentType.objects.get_for_model(Meeting)
    assert (meeting_type.app_label, meeting_type.model) == ("meetings", "meeting")
    delivery = Delivery.objects.get(pk=ids["meeting_delivery"])
    assert delivery.content_type == meeting_type
    assert delivery.object_id == meeting.pk
    assert delivery.target == meeting
    assert (delivery.status, delivery.object_key) == ("sent", f"meeting:{meeting.pk}:rev0")

    day_type = ContentType.objects.get_for_model(ShadowingDay)
    assert (day_type.app_label, day_type.model) == ("shadowing", "shadowingday")
    about_day = Delivery.objects.get(pk=ids["day_delivery"])
    assert about_day.content_type == day_type
    assert about_day.object_id == day.pk
    assert about_day.target == day
    assert (about_day.status, about_day.reason) == ("failed", "SMTP 550")

    digest = Delivery.objects.get(pk=ids["digest"])
    assert digest.content_type is None
    assert digest.object_id is None

    for model, app_label in MOVED.items():
        assert ContentType.objects.filter(app_label=app_label, model=model).count() == 1
        assert not ContentType.objects.filter(app_label="meetings", model=model).exists()
    # The permissions and the admin's log went with their content type.
    from django.contrib.admin.models import LogEntry

    assert LogEntry.objects.get(object_repr="Schaduwdag").get_edited_object() == day
    assert Permission.objects.filter(
        content_type__app_label="shadowing", codename="view_shadowingday"
    ).exists()
    assert Permission.objects.filter(
        content_type__app_label="reminders", codename="change_delivery"
    ).exists()

    project = ThemeProject.objects.get(pk=ids["project"])
    assert list(project.meetings.all()) == [meeting]
    assert list(meeting.theme_projects.all()) == [project]
    assert not Meeting.objects.get(pk=ids["other_meeting"]).theme_projects.exists()


def _assert_grants_kept(ids):
    from accounts.models import User

    host = User.objects.get(email="host@example.org")
    assert host.has_perm("shadowing.view_shadowingday")
    assert host.has_perm("reminders.change_delivery")  # through the group
    assert not host.has_perm("shadowing.change_shadowingday")


def test_old_database_migrates_forward_back_and_forward_again(migrator):
    ids, before = _old_state_with_rows(migrator)

    migrator(_latest_leaves())

    after = _snapshot()
    _assert_nothing_lost(before, after)
    _assert_current_models_read_old_rows(ids)
    _assert_grants_kept(ids)

    # A delivery the new code makes about a meeting goes back to meeting_id on the way back.
    from sessions.meetings.models import Meeting
    from sessions.reminders.models import Delivery

    other_meeting = Meeting.objects.get(pk=ids["other_meeting"])
    new_delivery = Delivery.objects.create(
        network_id=other_meeting.network_id,
        recipient=Delivery.objects.get(pk=ids["meeting_delivery"]).recipient,
        kind="meeting_reminder",
        object_key=f"meeting:{other_meeting.pk}:rev0",
        target=other_meeting,
        due_at=other_meeting.starts_at,
        next_attempt_at=other_meeting.starts_at,
    )

    apps = _migrate_old(migrator)

    # Back at the old main: that delivery's meeting is in meeting_id, object_id is empty.
    OldDelivery = apps.get_model("meetings", "Delivery")
    restored = OldDelivery.objects.get(pk=new_delivery.pk)
    assert (restored.meeting_id, restored.object_id) == (other_meeting.pk, None)
    restored.delete()
    _assert_nothing_lost(before, _snapshot())
    assert OldDelivery.objects.get(pk=ids["meeting_delivery"]).meeting_id == ids["meeting"]
    assert OldDelivery.objects.get(pk=ids["day_delivery"]).object_id == ids["day"]
    ThemeProject = apps.get_model("networks", "ThemeProject")
    assert [m.pk for m in ThemeProject.objects.get(pk=ids["project"]).meetings.all()] == [
        ids["meeting"]
    ]
    OldContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        assert OldContentType.objects.filter(app_label="meetings", model=model).count() == 1
    # (Content types of models added later, e.g. reminders' Notification, stay: Django never
    # removes a stale content type by itself.)
    assert not OldContentType.objects.filter(
        app_label__in=["shadowing", "reminders"], model__in=MOVED
    ).exists()

    migrator(_latest_leaves())

    assert _stable(_snapshot()) == _stable(after)
    _assert_current_models_read_old_rows(ids)
    _assert_grants_kept(ids)


def test_content_types_of_the_new_apps_made_before_the_split(migrator):
    """``migrate reminders`` alone emits post_migrate, which makes the content types (and
    permissions) of shadowing and reminders before meetings' 0010 runs: the deliveries, grants
    and log entries then move to those, and nothing else changes."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    ids, before = _old_state_with_rows(migrator)
    for label in ("shadowing", "reminders"):
        create_contenttypes(global_apps.get_app_config(label), verbosity=0)
        create_permissions(global_apps.get_app_config(label), verbosity=0)
    ContentType.objects.clear_cache()

    migrator(_latest_leaves())

    after = _snapshot()
    grants = {"django_content_type", "auth_permission", "auth_group_permissions"}
    grants |= {"accounts_user_user_permissions", "meetings_delivery", "django_admin_log"}
    old = _old_columns(before, after, skip=grants)
    for table in before:
        if table not in grants:
            assert old[table] == before[table], f"rows of {table} changed"
    assert _counts(after)["auth_permission"] == _counts(before)["auth_permission"]
    _assert_current_models_read_old_rows(ids)
    _assert_grants_kept(ids)
