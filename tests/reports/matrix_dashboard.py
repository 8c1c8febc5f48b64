"""Permission matrix entries of the dashboard and the period report: coordinators and
researchers (partners' contact persons only when allowed: tests/reports/test_dashboard.py);
the report's text and settings: coordinators."""

from networks.choices import Role
from tests.matrix import LOGIN, Entry, coordinators, everyone, only

SEE = [Role.COORDINATOR.value, Role.RESEARCHER.value]
PERIOD = {"start": "2026-01-01", "end": "2026-06-30"}

ENTRIES = [
    Entry("reports:dashboard", args=lambda w: [w.network.slug], expect=only(SEE)),
    Entry(
        "reports:dashboard",
        args=lambda w: [w.network.slug],
        data=lambda w: PERIOD,
        expect=only(SEE),
        label="period",
    ),
    Entry(
        "reports:report_xlsx",
        args=lambda w: [w.network.slug],
        data=lambda w: PERIOD,
        expect=only(SEE),
    ),
    Entry(
        "reports:report_pdf",
        args=lambda w: [w.network.slug],
        data=lambda w: PERIOD,
        expect=only(SEE),
    ),
    Entry(
        "reports:period_text",
        args=lambda w: [w.network.slug],
        method="post",
        data=lambda w: {**PERIOD, "context": "Een goed jaar.", "highlights": "", "next_steps": ""},
        expect=coordinators(302),
    ),
    Entry("reports:report_settings", args=lambda w: [w.network.slug], expect=coordinators()),
    Entry(
        "reports:report_settings",
        args=lambda w: [w.network.slug],
        method="post",
        data=lambda w: {"partners_see_dashboard": "on"},
        expect=coordinators(302),
        label="post",
    ),
]

# Networks side by side: staff and people who coordinate at least two networks (in the
# matrix's world every coordinator has one network: tests/reports/test_compare.py).
ENTRIES += [
    Entry(
        "reports:compare",
        data=lambda w: PERIOD,
        expect=everyone(403, anonymous=LOGIN, staff=200),
    )
]
