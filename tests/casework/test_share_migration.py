"""casework 0004 records the shares made before who and when were recorded."""

from tests.factories import NetworkFactory, UserFactory
from tests.test_migrations_forward import migrator  # noqa: F401  (the fixture)

BEFORE = [("casework", "0003_text_max_length")]
AFTER = [("casework", "0004_case_share")]


def test_existing_shares_get_a_share_record_by_an_unknown_coordinator(migrator):  # noqa: F811
    apps = migrator(BEFORE)
    # Only casework goes back: the other apps' tables stay at their latest state.
    student, professional, guest = UserFactory(), UserFactory(), UserFactory()
    network = NetworkFactory()
    case = apps.get_model("casework", "Case").objects.create(
        network_id=network.pk,
        title="Meneer K.",
        situation="Eet slecht.",
        student_id=student.pk,
        professional_id=professional.pk,
    )
    case.shared_with.through.objects.create(case_id=case.pk, user_id=guest.pk)

    apps = migrator(AFTER)
    shares = list(apps.get_model("casework", "CaseShare").objects.all())
    assert [(s.case_id, s.person_id, s.shared_by_id, s.withdrawn_at) for s in shares] == [
        (case.pk, guest.pk, None, None)
    ]
    assert shares[0].shared_at == apps.get_model("casework", "Case").objects.get().created_at
