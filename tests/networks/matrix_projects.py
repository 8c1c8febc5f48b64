"""Permission matrix entries of theme projects."""

from tests.casework.factories import MeetingFactory, MilestoneFactory, ThemeProjectFactory
from tests.factories import OrganisationFactory
from tests.matrix import Entry, coordinators, members
from tests.test_uploads import pdf_bytes

CONTRIBUTORS = coordinators  # in the world nobody is a project member: coordinators only


def _project(w):
    return ThemeProjectFactory(network=w.network).pk


def _foreign_project(w):
    return ThemeProjectFactory(network=w.other_network).pk


def _milestone(w):
    milestone = MilestoneFactory(project=ThemeProjectFactory(network=w.network))
    return [w.network.slug, milestone.project_id, milestone.pk]


def _foreign_milestone(w):
    milestone = MilestoneFactory(project=ThemeProjectFactory(network=w.other_network))
    return [w.network.slug, milestone.project_id, milestone.pk]


def _with_theme(w):
    """Arguments are built before the snapshot; data after it, so rows are made here."""
    from tests.factories import ThemeFactory

    w.extra["theme"] = ThemeFactory(network=w.network)
    return [w.network.slug]


def _with_extras(w, kind, network):
    w.extra["organisation"] = OrganisationFactory()
    w.extra["meeting"] = MeetingFactory(network=w.network)
    return [w.network.slug, ThemeProjectFactory(network=network).pk, kind]


PDF = pdf_bytes()  # a real PDF: the upload guard parses it


def _output(w, network=None):
    """An output with a document, of a project of ``network`` (the world's by default)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    project = ThemeProjectFactory(network=network or w.network)
    output = project.outputs.create(
        title="Factsheet",
        file=SimpleUploadedFile("factsheet.pdf", PDF),
        file_name="factsheet.pdf",
        file_size=len(PDF),
    )
    return [w.network.slug, project.pk, output.pk]


def _foreign_output(w):
    return _output(w, w.other_network)


def _document_data(w):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {
        "resultaat-title": "Tussenrapportage",
        "resultaat-file": SimpleUploadedFile("tussenrapportage.pdf", PDF),
        "resultaat-published_on": "2026-02-01",
    }


def _project_form(w):
    return {
        "title": "PLINT Ondervoeding",
        "theme": w.extra["theme"].pk,
        "aim": "Ondervoeding voorkomen.",
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
    }


ADD_DATA = {
    "partner": lambda w: {
        "partner-organisation": w.extra["organisation"].pk,
        "partner-contribution": "Maaltijdservice",
    },
    "lid": lambda w: {"lid-user": w.people["researcher"].pk, "lid-role": "researcher"},
    "mijlpaal": lambda w: {
        "mijlpaal-kind": "milestone",
        "mijlpaal-title": "Nulmeting klaar",
        "mijlpaal-due_on": "2026-03-01",
        "mijlpaal-status": "planned",
    },
    "resultaat": lambda w: {
        "resultaat-title": "Factsheet",
        "resultaat-url": "https://example.org/factsheet.pdf",
        "resultaat-published_on": "2026-02-01",
    },
    "pdsa": lambda w: {"pdsa-question": "Meer eiwit?", "pdsa-plan": "Screenen met SNAQ65+."},
    "bijeenkomst": lambda w: {"bijeenkomst-meeting": w.extra["meeting"].pk},
}


ENTRIES = [
    Entry("networks:project_list", args=lambda w: [w.network.slug], expect=members(200)),
    Entry("networks:project_create", args=lambda w: [w.network.slug], expect=coordinators(200)),
    Entry(
        "networks:project_create",
        label="post",
        method="post",
        args=_with_theme,
        data=_project_form,
        expect=coordinators(302),
    ),
    Entry(
        "networks:project_detail",
        args=lambda w: [w.network.slug, _project(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_project(w)],
        expect=members(200),
    ),
    Entry(
        "networks:project_edit",
        args=lambda w: [w.network.slug, _project(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_project(w)],
        expect=coordinators(200),
    ),
    Entry(
        "networks:milestone_status",
        method="post",
        args=_milestone,
        foreign_args=_foreign_milestone,
        data=lambda w: {"status": "done"},
        expect=CONTRIBUTORS(302),
    ),
    *[
        Entry(
            "networks:project_add",
            label=kind,
            method="post",
            args=lambda w, kind=kind: _with_extras(w, kind, w.network),
            foreign_args=lambda w, kind=kind: _with_extras(w, kind, w.other_network),
            data=data,
            expect=coordinators(302),
        )
        for kind, data in ADD_DATA.items()
    ],
    Entry(
        "networks:project_add",
        label="resultaat-document",
        method="post",
        args=lambda w: _with_extras(w, "resultaat", w.network),
        foreign_args=lambda w: _with_extras(w, "resultaat", w.other_network),
        data=_document_data,
        expect=coordinators(302),
    ),
    Entry(
        "networks:output_download",
        args=_output,
        foreign_args=_foreign_output,
        expect=members(200),
    ),
    Entry(
        "networks:output_remove",
        args=_output,
        foreign_args=_foreign_output,
        expect=CONTRIBUTORS(200),
    ),
    Entry(
        "networks:output_remove",
        label="post",
        method="post",
        args=_output,
        foreign_args=_foreign_output,
        expect=CONTRIBUTORS(302),
    ),
]
