"""The predictive CDF of the settlement ratio, and the three amounts read from it.

The lowest layer of an offer, shared by one case (:mod:`~outcomes._advice.offer`)
and a table (:mod:`~outcomes._advice.batch`). A ratio model's calibrated
quantiles on the grid 1%, 2%, …, 99% are joined by straight lines into the
predictive CDF ``F`` of the settlement ratio (``F(0) = 0``, ``F(1) = 1``; a
tied quantile counts at its highest level). ``F(a / residual_debt)`` is the
share of similar past settlements at or below a lump sum ``a`` — never the
chance that a creditor accepts it.

The three amounts are quantiles of the ratio times the residual debt
(:data:`OFFER_LEVELS`), in steps of ¥10,000 (:data:`OFFER_UNIT`):

- **opening** (最初の提示額) at the 20% quantile, rounded *down*;
- **target** (想定着地) at the median, rounded to the nearest step;
- **walk-away** (上限) at the 85% quantile, rounded *up*: above it the other
  ways out (分割弁済, 債務整理) should be weighed instead.

Each is at least ¥10,000 and at most the residual debt, and ``opening <=
target <= walk_away``. Every figure is an internal estimate for the analyst,
never a promise to the debtor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from outcomes._errors import CaseError, OutcomesError

__all__ = [
    "CURVE_LEVELS",
    "OFFER_LEVELS",
    "OFFER_UNIT",
    "TOP_DRIVERS",
    "acceptance",
    "acceptance_rows",
    "cdf_knots",
    "check_levels",
    "curve_levels",
    "offer_amounts",
    "ratio_cdf",
    "ratio_quantiles",
]

#: how many drivers an offer states, single or batch (``explain=True``)
TOP_DRIVERS = 3

#: quantile levels of the settlement ratio read as opening, target and walk-away
OFFER_LEVELS: tuple[float, float, float] = (0.20, 0.50, 0.85)
#: levels the predictive CDF is built from: 1%, 2%, …, 99%
CURVE_LEVELS: tuple[float, ...] = tuple(round(i / 100, 2) for i in range(1, 100))
#: lump sums are offered in steps of this many yen (and at least this much)
OFFER_UNIT = 10_000


def cdf_knots(levels: np.ndarray, ratios: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Knots (ratio, level) of the piecewise-linear predictive CDF, strictly increasing in ratio.

    Adds (0, 0) and (1, 1); a ratio that appears several times keeps its
    highest level (the CDF is right-continuous).
    """
    x = np.concatenate([[0.0], np.clip(ratios, 0.0, 1.0), [1.0]])
    x = np.maximum.accumulate(x)
    f = np.concatenate([[0.0], levels, [1.0]])
    # np.unique keeps the first occurrence: reverse to keep the highest level of a tie
    xu, first = np.unique(x[::-1], return_index=True)
    return xu, f[::-1][first]


def ratio_cdf(levels: np.ndarray, ratios: np.ndarray, share: np.ndarray) -> np.ndarray:
    """F(share): the predictive CDF of the settlement ratio at ``share`` (vectorised)."""
    xu, fu = cdf_knots(levels, ratios)
    out = np.interp(share, xu, fu)
    return np.where(share <= 0, 0.0, np.where(share >= 1, 1.0, out))


def acceptance(
    levels: np.ndarray, ratios: np.ndarray, residual: int, amount: np.ndarray
) -> np.ndarray:
    amount = np.asarray(amount, dtype="float64")
    if residual <= 0:
        return np.where(amount > 0, 1.0, 0.0)
    out = ratio_cdf(levels, ratios, amount / residual)
    out = np.where(amount >= residual, 1.0, out)
    return np.where(amount <= 0, 0.0, out)


def acceptance_rows(
    levels: np.ndarray, Q: np.ndarray, residual: np.ndarray, amount: np.ndarray
) -> np.ndarray:
    """:func:`acceptance` for many cases at once: row ``i`` of ``amount`` read on ``Q[i]``.

    Same knots as :func:`cdf_knots` (0 and 1 added, running maximum, a tied
    ratio at its highest level), without a Python loop over cases.
    """
    n = Q.shape[0]
    x = np.concatenate([np.zeros((n, 1)), np.clip(Q, 0.0, 1.0), np.ones((n, 1))], axis=1)
    x = np.maximum.accumulate(x, axis=1)
    f = np.concatenate([[0.0], levels, [1.0]])
    residual = np.asarray(residual, dtype="float64")[:, None]
    amount = np.asarray(amount, dtype="float64")
    share = amount / residual
    out = np.empty_like(share)
    for j in range(share.shape[1]):
        s = share[:, j : j + 1]
        right = (x <= s).sum(axis=1)  # first knot beyond s
        left = np.clip(right - 1, 0, x.shape[1] - 1)
        right = np.clip(right, 0, x.shape[1] - 1)
        rows = np.arange(n)
        x_left, x_right = x[rows, left], x[rows, right]
        # a tied ratio counts at its highest level: the last knot equal to each end
        right_end = (x <= x_right[:, None]).sum(axis=1) - 1
        f_left, f_right = f[left], f[right_end]
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(x_right > x_left, (s[:, 0] - x_left) / (x_right - x_left), 0.0)
        out[:, j] = f_left + (f_right - f_left) * np.clip(t, 0.0, 1.0)
    out = np.where(share >= 1, 1.0, np.where(share <= 0, 0.0, out))
    out = np.where(amount >= residual, 1.0, out)
    return np.where(amount <= 0, 0.0, out)


def offer_amounts(
    low: np.ndarray, mid: np.ndarray, high: np.ndarray, residual: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Opening, target and walk-away in yen from three ratio quantiles (vectorised)."""
    unit = float(OFFER_UNIT)
    residual = np.asarray(residual, dtype="float64")
    floor_amount = np.minimum(unit, residual)  # at least ¥10,000, unless the debt is smaller
    opening = np.floor(low * residual / unit) * unit
    target = np.floor(mid * residual / unit + 0.5) * unit
    walk = np.ceil(high * residual / unit - 1e-9) * unit
    opening = np.clip(opening, floor_amount, residual)
    target = np.clip(np.maximum(target, opening), floor_amount, residual)
    walk = np.clip(np.maximum(walk, target), floor_amount, residual)
    return opening, target, walk


def check_levels(levels: Sequence[float]) -> tuple[float, float, float]:
    try:
        out = tuple(float(v) for v in levels)
    except (TypeError, ValueError):
        out = ()
    if len(out) != 3 or not 0.0 < out[0] < out[1] < out[2] < 1.0:
        raise CaseError(
            f"levels must be three increasing quantile levels in (0, 1), got {levels!r}"
        )
    return out  # type: ignore[return-value]


def curve_levels(levels: tuple[float, float, float]) -> np.ndarray:
    return np.unique(np.round(np.concatenate([CURVE_LEVELS, levels]), 6))


def ratio_quantiles(model: Any, cases: pd.DataFrame, grid: np.ndarray) -> np.ndarray:
    method = getattr(model, "predict_quantiles", None)
    if method is None:
        raise OutcomesError(
            f"opening offers need a fitted SettlementRatioModel, got {type(model).__name__}"
        )
    values = np.asarray(method(cases, [float(v) for v in grid]), dtype="float64")
    values = np.clip(np.nan_to_num(values, nan=0.0), 0.0, 1.0)
    return np.maximum.accumulate(values, axis=1)
