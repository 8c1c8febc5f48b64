"""The teacher's journey, end to end in Chromium: from the themes board to a planned lesson;
and a pair writing a case that the privacy guard refuses until the BSN is taken out.

Every page visited is checked by axe (WCAG 2.1 A/AA) through the rig in conftest.py.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from casework.models import Case, Lesson
from networks.choices import Role
from tests.browser.conftest import axe_check, login, screenshot
from tests.casework.factories import CaseFactory, MeetingFactory, ThemeProjectFactory
from tests.factories import ThemeFactory, member
from tests.test_uploads import pdf_bytes


def test_a_teacher_plans_a_lesson_from_the_themes_board(page, live_server, network):
    ondervoeding = ThemeFactory(network=network, name="ondervoeding", slug="ondervoeding")
    ThemeFactory(network=network, name="valpreventie", slug="valpreventie")
    coming = MeetingFactory(network=network, title="Klinische les: ondervoeding thuis")
    coming.themes.set([ondervoeding])
    past = MeetingFactory(
        network=network,
        title="Casuïstiek: eten en alleen wonen",
        format="casuistiek",
        starts_at=timezone.now() - timedelta(days=20),
    )
    past.themes.set([ondervoeding])
    ThemeProjectFactory(network=network, theme=ondervoeding, title="PLINT Ondervoeding")
    case = CaseFactory(network=network, title="Mevrouw J., 84")
    case.themes.set([ondervoeding])
    teacher = member(network, Role.TEACHER, full_name="Tineke Docent")

    login(page, live_server, teacher)
    expect(page.locator("#my-teaching")).to_be_visible()
    page.goto(reverse("casework:board", args=[network.slug]))

    card = page.locator("section.theme-card", has=page.locator("h2", has_text="ondervoeding"))
    expect(card).to_contain_text("Klinische les: ondervoeding thuis")
    expect(card).to_contain_text("Casuïstiek: eten en alleen wonen")
    expect(card).to_contain_text("PLINT Ondervoeding")
    expect(card).to_contain_text("Mevrouw J., 84")
    screenshot(page, "teacher-themes-board")

    card.get_by_role("link", name="PLINT Ondervoeding").click()
    page.wait_for_url("**/projecten/*/")
    axe_check(page)
    expect(page.locator("main h1")).to_have_text("PLINT Ondervoeding")
    screenshot(page, "teacher-project-page")
    page.go_back()
    page.wait_for_url(f"**{reverse('casework:board', args=[network.slug])}")
    axe_check(page)

    card.locator(f"a[href$='?thema={ondervoeding.pk}']").click()
    page.wait_for_url(f"**{reverse('casework:lesson_create')}?thema={ondervoeding.pk}")
    axe_check(page)
    expect(page.get_by_label("ondervoeding (LIN Oost)")).to_be_checked()
    page.locator("#id_title").fill("Ondervoeding signaleren in de wijk")
    page.locator("#id_school").fill("ROC Amstelstad")
    page.locator("#id_programme").fill("MBO-V")
    page.locator("#id_level").select_option("mbo")
    page.locator("#id_course").fill("Zorg voor ouderen thuis")
    page.locator("#id_starts_on").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    page.locator("#id_objectives").fill("De student neemt de SNAQ65+ af en bespreekt de uitkomst.")
    page.get_by_label("Mevrouw J., 84").check()
    screenshot(page, "teacher-lesson-form")
    page.locator("main form button[type=submit]").click()

    lesson = Lesson.objects.get()
    page.wait_for_url(f"**{reverse('casework:lesson_detail', args=[lesson.pk])}")
    axe_check(page)
    expect(page.locator("main h1")).to_have_text("Ondervoeding signaleren in de wijk")
    expect(page.locator("main")).to_contain_text("Mevrouw J., 84")
    assert list(lesson.themes.all()) == [ondervoeding]
    screenshot(page, "teacher-lesson-detail")

    page.goto(reverse("casework:lessons"))
    expect(page.locator("#own-heading + .table-responsive")).to_contain_text(
        "Ondervoeding signaleren in de wijk"
    )
    expect(page.locator("main")).to_contain_text("Klinische les: ondervoeding thuis")
    screenshot(page, "teacher-lesson-overview")


def test_a_pair_writes_a_case_refused_for_a_bsn_then_saved(page, live_server, network):
    ThemeFactory(network=network, name="ondervoeding", slug="ondervoeding")
    student = member(network, Role.STUDENT, full_name="Sara Student")
    member(network, Role.PROFESSIONAL, full_name="Pieter Wijkverpleegkundige")

    login(page, live_server, student)
    page.goto(reverse("casework:case_list", args=[network.slug]))
    page.locator(f"a[href='{reverse('casework:case_create', args=[network.slug])}']").click()
    page.wait_for_url(f"**{reverse('casework:case_create', args=[network.slug])}")
    axe_check(page)

    page.locator("#id_title").fill("Mevrouw J., 84")
    page.locator("#id_professional").select_option(label="Pieter Wijkverpleegkundige")
    page.get_by_label("ondervoeding").check()
    page.locator("#id_situation").fill(
        "Mevrouw (BSN 123456782) woont alleen en is zes kilo afgevallen."
    )
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    axe_check(page)

    feedback = page.locator("#id_situation ~ .invalid-feedback, #error_1_id_situation")
    expect(feedback.first).to_contain_text("BSN")
    expect(feedback.first).not_to_contain_text("123456782")
    assert Case.objects.count() == 0
    screenshot(page, "pair-case-refused")

    page.locator("#id_situation").fill("Mevrouw woont alleen en is zes kilo afgevallen.")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/casussen/*/")
    axe_check(page)
    case = Case.objects.get()
    assert (case.student, case.situation) == (
        student,
        "Mevrouw woont alleen en is zes kilo afgevallen.",
    )
    expect(page.locator("main h1")).to_have_text("Mevrouw J., 84")

    page.locator("#id_file").set_input_files(
        {"name": "virus.exe", "mimeType": "application/octet-stream", "buffer": b"MZ\x90"}
    )
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_load_state()
    axe_check(page)
    expect(page.locator("#id_file ~ .invalid-feedback, #error_1_id_file").first).to_contain_text(
        "pdf, pptx, docx, odp, png, jpg"
    )
    page.locator("#id_file").set_input_files(
        {"name": "klinische-les.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_url(f"**/casussen/{case.pk}/")
    axe_check(page)
    expect(page.get_by_role("link", name="klinische-les.pdf")).to_be_visible()
    screenshot(page, "pair-case-saved")

    page.goto(reverse("home"))
    expect(
        page.locator("#my-cases ~ article, section[aria-labelledby=my-cases] article")
    ).to_contain_text("Mevrouw J., 84")
    screenshot(page, "pair-home")
