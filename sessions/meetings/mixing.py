"""Dividing the people present into mixed breakout groups: a pure, deterministic algorithm.

``mix_into_groups(people, size=…, seed=…)`` takes ``(person_id, domain, is_student)``
tuples and returns ``g = ceil(n / size)`` groups (so no group is larger than ``size``) such
that, with ``⌊k/g⌋`` and ``⌈k/g⌉`` for any count ``k``:

1. every group has ``⌊n/g⌋`` or ``⌈n/g⌉`` people (sizes differ by at most one);
2. for every domain with ``k`` people present, every group has ``⌊k/g⌋`` or ``⌈k/g⌉`` of
   them;
3. with ``s`` students present, every group has ``⌊s/g⌋`` or ``⌈s/g⌉`` students (and so
   the professionals are spread the same way).

That is what "mixing as far as the people present allow" means: a count that does not
divide by the number of groups cannot be spread more evenly than ⌊k/g⌋ / ⌈k/g⌉. Three
students in four groups give one group without a student; that is the best possible.

How: the students are dealt round-robin over the groups, ordered by domain (property 3, and
students of each domain spread). The professionals are then placed by a small
transportation problem (a flow with lower and upper bounds) that tops up every
(group, domain) cell to its bound and every group to its size. If a domain order leaves the
flow without a solution, the next order and rotation is tried; if none works (not seen in
the property tests, but not proven impossible), properties 1 and 2 are kept and the
students are spread as evenly as round-robin over domains gives.

Which individual of a (domain, student) cell goes to which group is drawn with
``random.Random(seed)``: the same input and seed give the same groups.
"""

import itertools
import math
import random
from collections import deque
from collections.abc import Hashable, Sequence

Person = tuple[Hashable, str, bool]

# Domain orders × rotations tried before falling back; keeps the worst case small.
MAX_ATTEMPTS = 400


def _floor(k: int, g: int) -> int:
    return k // g


def _ceil(k: int, g: int) -> int:
    return -(-k // g)


def group_count(n: int, size: int) -> int:
    """How many groups ``n`` people make with groups of at most ``size``."""
    if size < 1:
        raise ValueError("size must be at least 1")
    return math.ceil(n / size) if n else 0


def _bounded_flow(n_nodes: int, edges: list[tuple[int, int, int, int]], source: int, sink: int):
    """Flow on ``edges`` (u, v, lower, upper) from source to sink respecting both bounds.

    Returns the flow per edge, or None when no such flow exists (standard reduction to a
    max-flow from a super source to a super sink, solved with Edmonds–Karp).
    """
    super_source, super_sink = n_nodes, n_nodes + 1
    graph: list[list[int]] = [[] for _ in range(n_nodes + 2)]
    head: list[int] = []
    cap: list[int] = []

    def add(u: int, v: int, c: int) -> int:
        graph[u].append(len(head))
        head.append(v)
        cap.append(c)
        graph[v].append(len(head))
        head.append(u)
        cap.append(0)
        return len(head) - 2

    excess = [0] * n_nodes
    ids = []
    for u, v, lower, upper in edges:
        ids.append(add(u, v, upper - lower))
        excess[v] += lower
        excess[u] -= lower
    add(sink, source, 10**9)
    needed = 0
    for v, e in enumerate(excess):
        if e > 0:
            add(super_source, v, e)
            needed += e
        elif e < 0:
            add(v, super_sink, -e)
    pushed = 0
    while True:
        previous = [-1] * (n_nodes + 2)
        previous[super_source] = -2
        queue = deque([super_source])
        while queue and previous[super_sink] == -1:
            u = queue.popleft()
            for e in graph[u]:
                if cap[e] > 0 and previous[head[e]] == -1:
                    previous[head[e]] = e
                    queue.append(head[e])
        if previous[super_sink] == -1:
            break
        amount, v = 10**9, super_sink
        while v != super_source:
            e = previous[v]
            amount = min(amount, cap[e])
            v = head[e ^ 1]
        v = super_sink
        while v != super_source:
            e = previous[v]
            cap[e] -= amount
            cap[e ^ 1] += amount
            v = head[e ^ 1]
        pushed += amount
    if pushed != needed:
        return None
    return [edges[i][2] + cap[ids[i] ^ 1] for i in range(len(edges))]


def _counts_for_order(order, students, professionals, g, rotation):
    """(students, professionals) per domain per group, or None if this order cannot work."""
    k = {d: students[d] + professionals[d] for d in order}
    n = sum(k.values())
    total_students = sum(students.values())
    total_professionals = n - total_students
    per_students = {d: [0] * g for d in order}
    position = rotation
    for d in order:
        for _ in range(students[d]):
            per_students[d][position % g] += 1
            position += 1
    group_students = [sum(per_students[d][j] for d in order) for j in range(g)]

    domains = len(order)
    source, sink = domains + g, domains + g + 1
    edges = [(source, i, professionals[d], professionals[d]) for i, d in enumerate(order)]
    for i, d in enumerate(order):
        for j in range(g):
            lower = max(0, _floor(k[d], g) - per_students[d][j])
            upper = _ceil(k[d], g) - per_students[d][j]
            if lower > upper:
                return None
            edges.append((i, domains + j, lower, upper))
    for j in range(g):
        lower = max(_floor(total_professionals, g), _floor(n, g) - group_students[j])
        upper = min(_ceil(total_professionals, g), _ceil(n, g) - group_students[j])
        if lower > upper:
            return None
        edges.append((domains + j, sink, lower, upper))
    flow = _bounded_flow(domains + g + 2, edges, source, sink)
    if flow is None:
        return None
    per_professionals = {d: [0] * g for d in order}
    for index, (u, v, _lower, _upper) in enumerate(edges):
        if u < domains and domains <= v < domains + g:
            per_professionals[order[u]][v - domains] = flow[index]
    return per_students, per_professionals


def _fallback_counts(order, students, professionals, g):
    """Round-robin over everyone ordered by domain: sizes and domains balanced."""
    per_students = {d: [0] * g for d in order}
    per_professionals = {d: [0] * g for d in order}
    position = 0
    for d in order:
        for table, count in ((per_students, students[d]), (per_professionals, professionals[d])):
            for _ in range(count):
                table[d][position % g] += 1
                position += 1
    return per_students, per_professionals


def mix_into_groups(people: Sequence[Person], *, size: int, seed: int = 0) -> list[list[Hashable]]:
    """Divide ``people`` into ``ceil(n/size)`` mixed groups; see the module docstring."""
    g = group_count(len(people), size)
    if g == 0:
        return []
    rng = random.Random(seed)
    cells: dict[tuple[str, bool], list[Hashable]] = {}
    for person_id, domain, is_student in sorted(people, key=lambda p: (p[1], p[2], str(p[0]))):
        cells.setdefault((domain, bool(is_student)), []).append(person_id)
    for members in cells.values():
        rng.shuffle(members)
    domains = sorted({domain for domain, _student in cells})
    students = {d: len(cells.get((d, True), [])) for d in domains}
    professionals = {d: len(cells.get((d, False), [])) for d in domains}

    counts = None
    orders = itertools.permutations(domains)
    attempts = 0
    for order in orders:
        for rotation in range(g):
            attempts += 1
            counts = _counts_for_order(list(order), students, professionals, g, rotation)
            if counts is not None or attempts >= MAX_ATTEMPTS:
                break
        if counts is not None or attempts >= MAX_ATTEMPTS:
            break
    if counts is None:
        counts = _fallback_counts(domains, students, professionals, g)
    per_students, per_professionals = counts

    # Which groups get the "extra" places is decided above; the seed also decides which
    # group number each gets, so that repeated divisions do not always favour group 1.
    group_order = list(range(g))
    rng.shuffle(group_order)
    groups: list[list[Hashable]] = [[] for _ in range(g)]
    for d in domains:
        for is_student, table in ((True, per_students), (False, per_professionals)):
            members = iter(cells.get((d, is_student), []))
            for j in range(g):
                for _ in range(table[d][j]):
                    groups[group_order[j]].append(next(members))
    return groups
