"""The figures of the results pages and exports, computed from subscale scores, and the rule
that hides every figure about fewer than ``EVALUATION_MIN_GROUP`` respondents.

The paired change uses scipy (``scipy.stats.ttest_rel`` and its confidence interval): the
mean of the differences (follow-up − baseline) of the people who answered both, with the
95 % confidence interval of the paired t-test.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from django.conf import settings


def min_group() -> int:
    return max(1, int(getattr(settings, "EVALUATION_MIN_GROUP", 5)))


def shown(n: int) -> bool:
    """Whether a figure about ``n`` respondents may be shown."""
    return n >= min_group()


@dataclass
class Summary:
    """Mean and distribution of one subscale's scores in one group (hidden when too few)."""

    n: int
    mean: float | None = None
    sd: float | None = None
    median: float | None = None
    low: float | None = None
    high: float | None = None
    # (bin label, count) over the subscale's range.
    bins: list[tuple[str, int]] = field(default_factory=list)
    suppressed: bool = False


def _bin_edges(low: float, high: float, count: int) -> list[float]:
    step = (high - low) / count
    return [low + step * i for i in range(count + 1)]


def distribution(values: list[float], low: float, high: float, count: int = 5):
    """Counts of ``values`` in ``count`` equal bins over [low, high] (the last one closed)."""
    edges = _bin_edges(low, high, count)
    counts = [0] * count
    for value in values:
        index = min(count - 1, max(0, int((value - low) / (high - low) * count)))
        counts[index] += 1
    labels = [f"{_fmt(edges[i])}–{_fmt(edges[i + 1])}" for i in range(count)]
    return list(zip(labels, counts, strict=True))


def _fmt(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def summarise(values: list[float], low: float, high: float) -> Summary:
    n = len(values)
    if not shown(n) or n == 0:
        return Summary(n=n, suppressed=True)
    return Summary(
        n=n,
        mean=statistics.fmean(values),
        sd=statistics.stdev(values) if n > 1 else None,
        median=statistics.median(values),
        low=min(values),
        high=max(values),
        bins=distribution(values, low, high),
    )


@dataclass
class Change:
    """The paired change of one subscale in one group."""

    n: int
    mean_change: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    baseline_mean: float | None = None
    follow_up_mean: float | None = None
    suppressed: bool = False


def paired_change(pairs: list[tuple[float, float]]) -> Change:
    """``pairs`` of (baseline, follow-up) scores of the same people."""
    from scipy import stats as scipy_stats

    n = len(pairs)
    if not shown(n) or n == 0:
        return Change(n=n, suppressed=True)
    baseline = [b for b, _f in pairs]
    follow_up = [f for _b, f in pairs]
    differences = [f - b for b, f in pairs]
    change = Change(
        n=n,
        mean_change=statistics.fmean(differences),
        baseline_mean=statistics.fmean(baseline),
        follow_up_mean=statistics.fmean(follow_up),
    )
    if n > 1:
        if len(set(differences)) == 1:
            # No spread: the interval is the one value (scipy would give NaN).
            change.ci_low = change.ci_high = differences[0]
        else:
            interval = scipy_stats.ttest_rel(follow_up, baseline).confidence_interval(0.95)
            change.ci_low, change.ci_high = float(interval.low), float(interval.high)
            if math.isnan(change.ci_low):
                change.ci_low = change.ci_high = None
    return change


def complementary(counts: dict[str, int]) -> set[str]:
    """The groups of one breakdown to hide: those with too few respondents, and, when that
    leaves exactly one hidden group with answers, also the smallest shown one, so the hidden
    group's figure cannot be worked out from the total and the others."""
    hidden = {key for key, n in counts.items() if 0 < n < min_group()}
    if len(hidden) == 1:
        rest = sorted((n, key) for key, n in counts.items() if key not in hidden and n > 0)
        if rest:
            hidden.add(rest[0][1])
    return hidden
