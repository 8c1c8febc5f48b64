"""“My data”: the page, and the JSON file with everything the platform keeps about a person."""

import json
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.accounts.personal_data_world import (
    CASE_SITUATION,
    OTHER_CONTRIBUTION,
    OTHER_GOALS,
    OTHER_INVITEE,
    OTHER_REFLECTION,
    give_data,
    sanne,
)

pytestmark = pytest.mark.django_db

PAGE = reverse("accounts:personal_data")
DOWNLOAD = reverse("accounts:personal_data_download")


@pytest.fixture
def person(network):
    return sanne(network)


def download(client, person):
    client.force_login(person)
    response = client.get(DOWNLOAD)
    assert response.status_code == 200
    return response, json.loads(response.content.decode("utf-8"))


def test_the_profile_links_to_the_page_that_explains_what_is_kept(client, person):
    client.force_login(person)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert f'<a href="{PAGE}">Mijn gegevens</a>' in profile
    page = client.get(PAGE).content.decode()
    assert '<h1 class="h2">Mijn gegevens</h1>' in page
    for title in ("Je account", "Netwerken", "Bijeenkomsten", "Meelopen", "Casussen en lessen"):
        assert f'<h3 class="h6 mb-1">{title}</h3>' in page
    assert f'href="{DOWNLOAD}">Mijn gegevens downloaden</a>' in page
    assert f'href="{reverse("accounts:personal_data_erase")}">' in page


def test_the_download_is_a_utf8_json_attachment(client, person):
    response, data = download(client, person)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="lin-mijn-gegevens-')
    assert response["Content-Disposition"].endswith('.json"')
    assert list(data["sections"]) == [
        "account",
        "networks",
        "reminders",
        "meetings",
        "shadowing",
        "casework",
        "evaluation",
        "reports",
    ]
    # Unescaped UTF-8: a name with an accent stays readable in the file.
    assert datetime.fromisoformat(data["exported_at"]).tzinfo is not None


def test_account_section(client, person):
    person.reminders_off = ["rsvp_nudge"]
    person.save()
    response, data = download(client, person)
    account = data["sections"]["account"]
    assert account["profile"] == {
        "email": "sanne.student@example.org",
        "full_name": "Sanne de Student",
        "profession": {"code": "nursing_student", "label": "Student verpleegkunde"},
        "domain": {"code": "care", "label": "Zorg"},
        "student_level": {"code": "mbo", "label": "mbo"},
        "programme": "MBO-V",
        "language": {"code": "nl", "label": "Nederlands"},
        "date_joined": account["profile"]["date_joined"],
        "last_login": account["profile"]["last_login"],
        "active": True,
        "erased_at": None,
    }
    assert datetime.fromisoformat(account["profile"]["date_joined"]).utcoffset() is not None
    assert account["email_addresses"] == [
        {"email": "sanne.student@example.org", "verified": True, "primary": True}
    ]
    assert account["reminders"] == {"meeting_reminder_minutes_before": [2880, 120]}
    # The kinds switched off are in the reminders section, which knows their labels.
    assert data["sections"]["reminders"]["switched_off"] == [
        {"code": "rsvp_nudge", "label": "Een duwtje als ik een uitnodiging nog niet heb beantwoord"}
    ]
    assert account["calendar_feed"] == {"enabled": True, "has_token": True}
    assert person.calendar_token not in response.content.decode()


def test_every_section_holds_the_persons_data(client, network, person):
    world = give_data(person, network)
    _response, data = download(client, person)
    networks = data["sections"]["networks"]
    assert [(m["network"], m["role"]["code"], m["current"]) for m in networks["memberships"]] == [
        ("LIN Vroeger 1", "guest", False),
        ("LIN Oost", "student", True),
    ]
    assert [(i["network"], i["status"]) for i in networks["invitations_to_you"]] == [
        ("LIN Uitnodiging 1", "open")
    ]
    assert [(i["network"], i["role"]["label"]) for i in networks["invitations_you_sent"]] == [
        ("LIN Oost", "Gast")
    ]
    assert [m["role"]["code"] for m in networks["memberships_you_ended"]] == ["guest"]
    assert networks["theme_projects"] == [
        {
            "project": "Project Ondervoeding 1",
            "network": "LIN Oost",
            "role": {"code": "member", "label": "Projectlid"},
        }
    ]
    assert [e["question"] for e in networks["pdsa_entries_you_wrote"]] == ["Eten ouderen meer? 1"]

    meetings = data["sections"]["meetings"]
    shadowing = data["sections"]["shadowing"]
    reminders = data["sections"]["reminders"]
    past, coming = world["past"].title, world["coming"].title
    assert [(a["meeting"], a["answer"]["code"]) for a in meetings["answers"]] == [
        (past, "yes"),
        (coming, "yes"),
    ]
    assert [(a["meeting"], a["status"]["label"]) for a in meetings["attendance"]] == [
        (past, "Aanwezig")
    ]
    assert [(r["meeting"], r["role"]["code"]) for r in meetings["meeting_roles"]] == [
        (past, "note_taker"),
        (coming, "presenter"),
        (past, "facilitator"),
        (coming, "facilitator"),
    ]
    assert [(g["meeting"], g["group"]) for g in meetings["breakout_groups"]] == [
        (past, 1),
        (coming, 1),
    ]
    assert [m["meeting"] for m in meetings["meetings_you_scheduled"]] == [past]
    assert [s["series"] for s in meetings["series_you_scheduled"]] == ["Reeks 1"]
    assert [(r["meeting"], r["people"]) for r in meetings["attendance_you_registered"]] == [
        (past, 2)
    ]
    assert [r["meeting"] for r in meetings["records_you_saved_last"]] == [past]
    assert [(a["text"], a["yours"], a["recorded_by_you"]) for a in meetings["actions"]] == [
        ("Diëtist uitnodigen 1", True, False)
    ]
    [shadowed, planned] = shadowing["shadowing_days_you_shadowed"]
    assert (shadowed["learning_goals"], shadowed["reflection"]["seen"]) == (
        "Mijn leerdoel 1",
        "Mijn reflectie 1",
    )
    assert [f["text"] for f in shadowed["feedback_you_received"]] == ["Goed 1"]
    assert (shadowed["dagdeel"], shadowed["hours"], shadowed["from"]) == (
        {"code": "morning", "label": "Ochtend"},
        4.0,
        "08:30:00",
    )
    assert planned["status"]["code"] == "planned"
    assert [d["status"]["code"] for d in shadowing["shadowing_days_you_hosted"]] == [
        "done",
        "requested",
        "planned",
    ]
    assert [f["text"] for f in shadowing["feedback_you_wrote"]] == ["Mijn feedback 1"]
    assert [(s["place"], s["booked"]) for s in shadowing["dagdelen_you_offered"]] == [
        ("Buurthuis", False),
        ("Wijkcentrum De Pijp", True),
    ]
    assert [
        (d["kind"]["code"], d["status"]["code"]) for d in reminders["reminders_sent_to_you"]
    ] == [
        ("meeting_reminder", "sent"),
        ("meeting_reminder", "pending"),
    ]
    assert reminders["reminders_sent_to_you"][0]["sent_at"] is not None

    casework = data["sections"]["casework"]
    [case] = casework["cases"]
    assert (case["case"], case["network"], case["presented_in"]) == (
        "Mevrouw J., casus 1",
        "LIN Oost",
        past,
    )
    assert [part["code"] for part in case["your_part"]] == ["student", "author"]
    assert [c["text"] for c in casework["contributions_you_wrote"]] == ["Mijn bijdrage 1"]
    assert [a["name"] for a in casework["attachments_you_uploaded"]] == ["dia-1.pdf"]
    assert [a["action"]["code"] for a in casework["case_access_log"]] == ["view"]
    [lesson] = casework["lessons"]
    assert (lesson["title"], lesson["themes"], lesson["cases_used"]) == (
        "Ondervoeding herkennen 1",
        [{"theme": "ondervoeding 1", "network": "LIN Oost"}],
        ["Mevrouw J., casus 1"],
    )
    assert [m["meeting"] for m in lesson["meetings_used"]] == [past]


def test_the_export_holds_nothing_other_people_wrote_or_are(client, network, person):
    world = give_data(person, network)
    response, _data = download(client, person)
    body = response.content.decode()
    for secret in (
        OTHER_REFLECTION,
        OTHER_GOALS,
        CASE_SITUATION,
        OTHER_CONTRIBUTION,
        "secret.invitee",
        OTHER_INVITEE.split("@")[0],
        world["other"].full_name,
        world["other"].email,
        world["host"].full_name,
        world["teacher"].full_name,
        world["case"].professional.full_name,
        world["case"].questions_care,
    ):
        assert secret not in body


def test_queries_do_not_grow_with_the_rows(client, network, person, django_assert_num_queries):
    give_data(person, network, 1)
    client.force_login(person)
    with CaptureQueriesContext(connection) as one:
        client.get(DOWNLOAD)
    count = len(one.captured_queries)  # now: the next request empties the log
    for n in (2, 3, 4):
        give_data(person, network, n)
    _response, data = download(client, person)
    assert len(data["sections"]["meetings"]["answers"]) == 8
    assert len(data["sections"]["casework"]["lessons"]) == 4
    with django_assert_num_queries(count):
        client.get(DOWNLOAD)
