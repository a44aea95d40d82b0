"""McNemar's exact test against values computed by hand (and matching R's binom.test(b, b + c))."""

import math

import pytest

from coach._eval.stats import binom_cdf, mcnemar_exact, percentile


@pytest.mark.parametrize(
    ("b", "c", "expected"),
    [
        (1, 9, 0.021484375),  # 2 * (1 + 10) / 1024
        (9, 1, 0.021484375),  # symmetric
        (0, 0, 1.0),  # no discordant pairs: no evidence
        (5, 5, 1.0),  # capped at 1
        (0, 5, 0.0625),  # 2 / 32
        (0, 10, 0.001953125),  # 2 / 1024
        (2, 8, 0.109375),  # 2 * (1 + 10 + 45) / 1024
        (3, 12, 0.03515625),  # 2 * 576 / 32768, R: binom.test(3, 15)$p.value
        (0, 1, 1.0),
        (4, 6, 0.75390625),  # 2 * 386 / 1024
    ],
)
def test_mcnemar_known_values(b, c, expected):
    assert mcnemar_exact(b, c) == pytest.approx(expected, abs=1e-12)


def test_mcnemar_large_counts_stay_finite():
    p = mcnemar_exact(480, 560)
    assert 0 < p < 0.02
    assert math.isfinite(p)


def test_mcnemar_rejects_negative_counts():
    with pytest.raises(ValueError):
        mcnemar_exact(-1, 2)


def test_binom_cdf_edges():
    assert binom_cdf(-1, 5) == 0.0
    assert binom_cdf(5, 5) == 1.0
    assert binom_cdf(0, 3) == pytest.approx(0.125)
    assert binom_cdf(1, 4, 0.3) == pytest.approx(0.7**4 + 4 * 0.3 * 0.7**3)


def test_percentile():
    assert percentile([], 50) is None
    assert percentile([3.0], 95) == 3.0
    assert percentile([1, 2, 3, 4], 50) == pytest.approx(2.5)
    assert percentile([1, 2, 3, 4, 5], 100) == 5
