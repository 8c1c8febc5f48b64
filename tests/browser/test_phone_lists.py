"""The lists a person opens on a phone stack into cards at 390 px: nothing scrolls sideways,
neither the page nor a table in its own box, and no word is broken mid-way."""

import pytest

from casework.models import CaseAccess
from networks.choices import Role
from tests.browser.conftest import login, screenshot
from tests.casework.factories import CaseFactory, LessonFactory
from tests.factories import ThemeFactory, member

# Every element that is wider than its box and lets its content scroll sideways, and the
# document itself when it is wider than the window.
SIDEWAYS = """() => {
  const found = [];
  const doc = document.scrollingElement;
  if (doc.scrollWidth > doc.clientWidth + 1) found.push('document ' + doc.scrollWidth);
  for (const el of document.querySelectorAll('main *')) {
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      found.push(el.tagName + '.' + el.className + ' ' + el.scrollWidth + '>' + el.clientWidth);
    }
  }
  return found;
}"""


@pytest.fixture
def busy_network(network):
    theme = ThemeFactory(network=network, name="Ondervoeding bij thuiswonende ouderen")
    people = {
        role: member(network, role, full_name=f"Alexandra van Amsterdam-Oosterpark {role}")
        for role in (Role.COORDINATOR, Role.STUDENT, Role.PROFESSIONAL, Role.TEACHER)
    }
    for _ in range(6):
        case = CaseFactory(
            network=network,
            student=people[Role.STUDENT],
            professional=people[Role.PROFESSIONAL],
            title="Mevrouw K. en de maaltijden die blijven staan in Amsterdam-Oost",
        )
        case.themes.set([theme])
        CaseAccess.objects.create(case=case, user=people[Role.COORDINATOR], action="view")
        LessonFactory(
            teacher=people[Role.TEACHER],
            themes=[theme],
            school="Hogeschool van Amsterdam-Oosterpark",
        )
    return network, people


@pytest.mark.parametrize(
    "path",
    [
        "/netwerken/{slug}/leden/",
        "/netwerken/{slug}/casussen/",
        "/netwerken/{slug}/casussen/inzage/",
        "/lessen/",
    ],
)
def test_lists_stack_into_cards_on_a_phone(page, live_server, busy_network, path):
    network, people = busy_network
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, people[Role.COORDINATOR])
    page.goto(path.format(slug=network.slug))
    assert page.evaluate(SIDEWAYS) == []
    screenshot(page, "phone-" + path.strip("/").replace("/", "-").replace("{slug}", "net"))
