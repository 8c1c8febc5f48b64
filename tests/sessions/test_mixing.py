"""The mixing property of breakout groups, on many generated populations (hypothesis)."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.meetings.mixing import _fallback_counts, group_count, mix_into_groups

DOMAINS = ["care", "social", "education", "research", "citizens"]


def floor_ceil(k: int, g: int) -> set[int]:
    return {k // g, -(-k // g)}


populations = st.lists(
    st.tuples(st.sampled_from(DOMAINS), st.booleans()), min_size=1, max_size=80
).map(lambda rows: [(i, d, s) for i, (d, s) in enumerate(rows)])


@settings(max_examples=400, deadline=None)
@given(people=populations, size=st.integers(min_value=1, max_value=12), seed=st.integers(0, 99))
def test_groups_mix_as_far_as_the_people_present_allow(people, size, seed):
    groups = mix_into_groups(people, size=size, seed=seed)
    g = group_count(len(people), size)
    by_id = {p[0]: p for p in people}
    assert len(groups) == g
    # Everyone exactly once.
    assert sorted(i for group in groups for i in group) == sorted(by_id)
    # 1. sizes ⌊n/g⌋ or ⌈n/g⌉, never above the chosen size.
    assert {len(group) for group in groups} <= floor_ceil(len(people), g)
    assert max(len(group) for group in groups) <= size
    # 2. every domain with k people: ⌊k/g⌋ or ⌈k/g⌉ per group.
    per_domain = Counter(d for _i, d, _s in people)
    for domain, k in per_domain.items():
        counts = {sum(1 for i in group if by_id[i][1] == domain) for group in groups}
        assert counts <= floor_ceil(k, g), domain
    # 3. students (and so professionals) the same way.
    students = sum(1 for p in people if p[2])
    assert {sum(1 for i in group if by_id[i][2]) for group in groups} <= floor_ceil(students, g)
    professionals = len(people) - students
    assert {sum(1 for i in group if not by_id[i][2]) for group in groups} <= floor_ceil(
        professionals, g
    )


@settings(max_examples=100, deadline=None)
@given(people=populations, size=st.integers(min_value=1, max_value=12), seed=st.integers(0, 99))
def test_same_input_and_seed_give_the_same_groups(people, size, seed):
    assert mix_into_groups(people, size=size, seed=seed) == mix_into_groups(
        list(reversed(people)), size=size, seed=seed
    )


@settings(max_examples=200, deadline=None)
@given(
    students=st.dictionaries(st.sampled_from(DOMAINS), st.integers(0, 9), min_size=1),
    g=st.integers(1, 8),
)
def test_the_fallback_still_balances_sizes_and_domains(students, g):
    professionals = {d: (3 * c + 1) % 7 for d, c in students.items()}
    order = sorted(students)
    per_students, per_professionals = _fallback_counts(order, students, professionals, g)
    n = sum(students.values()) + sum(professionals.values())
    sizes = [sum(per_students[d][j] + per_professionals[d][j] for d in order) for j in range(g)]
    assert set(sizes) <= floor_ceil(n, g)
    for d in order:
        k = students[d] + professionals[d]
        assert {per_students[d][j] + per_professionals[d][j] for j in range(g)} <= floor_ceil(k, g)


def test_one_example_reads_as_expected():
    """Eight people, two groups of four: each group one student, two care, one social, …"""
    people = [
        (1, "care", True),
        (2, "care", True),
        (3, "care", False),
        (4, "care", False),
        (5, "social", False),
        (6, "social", False),
        (7, "education", False),
        (8, "citizens", False),
    ]
    groups = mix_into_groups(people, size=4, seed=1)
    assert [len(g) for g in groups] == [4, 4]
    students = [sorted(i for i in g if i in (1, 2)) for g in groups]
    assert sorted(len(s) for s in students) == [1, 1]
    assert sorted(sum(1 for i in g if i in (5, 6)) for g in groups) == [1, 1]


def test_nobody_makes_no_groups_and_size_zero_is_refused():
    assert mix_into_groups([], size=4, seed=0) == []
    try:
        mix_into_groups([(1, "care", False)], size=0, seed=0)
    except ValueError:
        pass
    else:  # pragma: no cover
        raise AssertionError("size 0 accepted")
