"""Small exact statistics in pure Python: McNemar's exact test and rate summaries."""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["binom_cdf", "mcnemar_exact", "percentile"]


def binom_cdf(k: int, n: int, p: float = 0.5) -> float:
    """P(X <= k) for X ~ Binomial(n, p), summed exactly (``math.comb``); 0 for k < 0, 1 for k >= n."""
    if n < 0:
        raise ValueError("n must be non-negative")
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    if p == 0.5:  # the McNemar case: exact rational sum, one division
        return sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k + 1))


def mcnemar_exact(b: int, c: int) -> float:
    """Two-sided exact McNemar p-value for paired pass/fail outcomes.

    ``b`` = pairs that passed before and fail now, ``c`` = pairs that failed before and pass now
    (the concordant pairs carry no information). Under H0 the discordant pairs split 50/50, so
    ``p = min(1, 2 * BinomCDF(min(b, c); b + c, 0.5))``; no discordant pairs gives p = 1.
    """
    if b < 0 or c < 0:
        raise ValueError("b and c are counts and cannot be negative")
    n = b + c
    if n == 0:
        return 1.0
    return min(1.0, 2.0 * binom_cdf(min(b, c), n, 0.5))


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100) by linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def wilson_interval(hits: int, n: int, z: float = 1.96) -> tuple[float, float] | None:
    """The 95 % Wilson score interval of the proportion ``hits / n`` (None when ``n`` is 0)."""
    if n == 0:
        return None
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)
