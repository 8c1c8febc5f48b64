"""The lesson form offers the meetings and cases of the chosen themes first and remembers
the teacher's school and programme; a contribution is filed under its author's profession."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from casework.models import CaseContribution
from tests.casework.factories import CaseFactory, LessonFactory, MeetingFactory
from tests.factories import ThemeFactory
from tests.helpers import form_errors

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def meeting(network, title, day, theme=None):
    made = MeetingFactory(
        network=network,
        title=title,
        starts_at=datetime(2030, 3, day, 15, 0, tzinfo=AMSTERDAM),
        ends_at=datetime(2030, 3, day, 16, 30, tzinfo=AMSTERDAM),
    )
    if theme is not None:
        made.themes.add(theme)
    return made


def test_the_meetings_and_cases_of_the_chosen_themes_come_first(
    client, network, teacher, pair, ondervoeding
):
    eenzaamheid = ThemeFactory(network=network, name="eenzaamheid", slug="eenzaamheid")
    meeting(network, "Klinische les valpreventie", 20)
    meeting(network, "Intervisie ondervoeding", 5, ondervoeding)
    student, professional = pair
    lonely = CaseFactory(network=network, student=student, professional=professional)
    lonely.themes.set([eenzaamheid])
    hungry = CaseFactory(network=network, student=student, professional=professional)
    hungry.themes.set([ondervoeding])
    client.force_login(teacher)

    form = client.get(
        reverse("casework:lesson_create"),
        {"themes": [ondervoeding.pk]},
        headers={"HX-Request": "true"},
    ).context["form"]

    assert [label for _value, label in form.fields["meetings"].choices] == [
        "Intervisie ondervoeding (5 March 2030 15:00) (of a chosen theme)",
        "Klinische les valpreventie (20 March 2030 15:00)",
    ]
    assert [value.value for value, _label in form.fields["cases"].choices] == [
        hungry.pk,
        lonely.pk,
    ]
    assert form.initial["themes"] == [str(ondervoeding.pk)]


def test_without_javascript_the_posted_themes_order_the_choices(
    client, network, teacher, ondervoeding
):
    meeting(network, "Themabijeenkomst", 20)
    meeting(network, "Intervisie ondervoeding", 5, ondervoeding)
    client.force_login(teacher)
    response = client.post(reverse("casework:lesson_create"), {"themes": [ondervoeding.pk]})
    labels = [label for _value, label in response.context["form"].fields["meetings"].choices]
    assert labels[0] == "Intervisie ondervoeding (5 March 2030 15:00) (of a chosen theme)"


def test_a_new_lesson_remembers_the_school_and_programme(client, teacher, ondervoeding):
    LessonFactory(teacher=teacher, school="Hogeschool Inholland", programme="HBO-V", level="hbo")
    client.force_login(teacher)
    initial = client.get(reverse("casework:lesson_create")).context["form"].initial
    assert (initial["school"], initial["programme"], initial["level"]) == (
        "Hogeschool Inholland",
        "HBO-V",
        "hbo",
    )


def test_a_contribution_defaults_to_and_is_checked_against_the_authors_profession(
    client, network, case
):
    author = case.professional
    client.force_login(author)
    page = client.get(reverse("casework:case_detail", args=[network.slug, case.pk]))
    assert page.context["contribution_form"]["discipline"].value() == author.profession
    other = "dietitian" if author.profession != "dietitian" else "social_worker"
    response = client.post(
        reverse("casework:contribution_add", args=[network.slug, case.pk]),
        {"discipline": other, "text": "Eiwitrijke tussendoortjes."},
    )
    assert response.status_code == 400
    assert form_errors(response, "contribution_form", field="discipline") == [
        f"You contribute as {author.get_profession_display()}: a contribution is filed under "
        "your own profession. Ask someone of that discipline to add theirs."
    ]
    assert CaseContribution.objects.count() == 0


def test_a_contribution_without_a_discipline_is_filed_under_the_authors_profession(
    client, network, case
):
    client.force_login(case.professional)
    client.post(
        reverse("casework:contribution_add", args=[network.slug, case.pk]),
        {"text": "Eiwitrijke tussendoortjes."},
    )
    assert list(CaseContribution.objects.values_list("discipline", "author")) == [
        (case.professional.profession, case.professional.pk)
    ]
