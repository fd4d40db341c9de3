"""The predictive CDF of the settlement ratio, and the similar past lump sums an offer rests on.

The lowest layer of an offer, shared by :mod:`outcomes._advice.offer` (one case) and
:mod:`outcomes._advice.batch` (a table): the offer levels, the acceptance
curve read from a ratio model's calibrated quantiles (see the notes of
:mod:`outcomes._advice.offer`), the three amounts in steps of ¥10,000, and
:func:`index_past_cases` → :class:`PastLumpSums` / :class:`Basis`. Every
figure is an internal estimate for the analyst, never a promise to the debtor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from outcomes._errors import CaseError, OutcomesError
from outcomes._format import creditor_label

__all__ = [
    "BASIS_RANGE_LEVELS",
    "CURVE_LEVELS",
    "OFFER_LEVELS",
    "OFFER_UNIT",
    "Basis",
    "PastLumpSums",
    "index_past_cases",
]

#: quantile levels of the settlement ratio read as opening, target and walk-away
OFFER_LEVELS: tuple[float, float, float] = (0.20, 0.50, 0.85)
#: levels the predictive CDF is built from: 1%, 2%, …, 99%
CURVE_LEVELS: tuple[float, ...] = tuple(round(i / 100, 2) for i in range(1, 100))
#: lump sums are offered in steps of this many yen (and at least this much)
OFFER_UNIT = 10_000
#: levels of the range of past settlement ratios shown in the basis
BASIS_RANGE_LEVELS: tuple[float, float] = (0.10, 0.90)


# ==========================================================================
# The predictive CDF
# ==========================================================================


def _knots(levels: np.ndarray, ratios: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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


def _cdf(levels: np.ndarray, ratios: np.ndarray, share: np.ndarray) -> np.ndarray:
    """F(share): the predictive CDF of the settlement ratio at ``share`` (vectorised)."""
    xu, fu = _knots(levels, ratios)
    out = np.interp(share, xu, fu)
    return np.where(share <= 0, 0.0, np.where(share >= 1, 1.0, out))


def _acceptance(
    levels: np.ndarray, ratios: np.ndarray, residual: int, amount: np.ndarray
) -> np.ndarray:
    amount = np.asarray(amount, dtype="float64")
    if residual <= 0:
        return np.where(amount > 0, 1.0, 0.0)
    out = _cdf(levels, ratios, amount / residual)
    out = np.where(amount >= residual, 1.0, out)
    return np.where(amount <= 0, 0.0, out)


def _acceptance_rows(
    levels: np.ndarray, Q: np.ndarray, residual: np.ndarray, amount: np.ndarray
) -> np.ndarray:
    """:func:`_acceptance` for many cases at once: row ``i`` of ``amount`` read on ``Q[i]``.

    Same knots as :func:`_knots` (0 and 1 added, running maximum, a tied
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


def _offer_amounts(
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


def _check_levels(levels: Sequence[float]) -> tuple[float, float, float]:
    try:
        out = tuple(float(v) for v in levels)
    except (TypeError, ValueError):
        out = ()
    if len(out) != 3 or not 0.0 < out[0] < out[1] < out[2] < 1.0:
        raise CaseError(
            f"levels must be three increasing quantile levels in (0, 1), got {levels!r}"
        )
    return out  # type: ignore[return-value]


def _curve_levels(levels: tuple[float, float, float]) -> np.ndarray:
    return np.unique(np.round(np.concatenate([CURVE_LEVELS, levels]), 6))


def _ratio_quantiles(model: Any, cases: pd.DataFrame, grid: np.ndarray) -> np.ndarray:
    method = getattr(model, "predict_quantiles", None)
    if method is None:
        raise OutcomesError(
            f"opening offers need a fitted SettlementRatioModel, got {type(model).__name__}"
        )
    values = np.asarray(method(cases, [float(v) for v in grid]), dtype="float64")
    values = np.clip(np.nan_to_num(values, nan=0.0), 0.0, 1.0)
    return np.maximum.accumulate(values, axis=1)


# ==========================================================================
# The basis: similar past cases
# ==========================================================================


@dataclass(frozen=True)
class Basis:
    """The similar past lump-sum settlements an offer rests on.

    Attributes
    ----------
    group : str
        The group in words (``"同じ債権者区分(保証会社)・同じサービサー(SMBC債権回収)"``).
    filters : tuple of (str, str)
        The group as column/value pairs; ``("servicer_held", "yes")`` means
        "a servicer holds the claim".
    n_cases : int
        Past lump-sum settlements in the group; never fewer than ``k``.
    ratio_low, ratio_median, ratio_high : float
        10%, 50% and 90% quantiles of their settlement ratios.
    broadened : bool
        True when a narrower group had fewer than ``k`` cases and was widened.
    note : str
        Why it was widened (empty otherwise).
    """

    group: str
    filters: tuple[tuple[str, str], ...]
    n_cases: int
    ratio_low: float
    ratio_median: float
    ratio_high: float
    broadened: bool = False
    note: str = ""


@dataclass(frozen=True)
class PastLumpSums:
    """Past lump-sum settlements indexed once, for the basis of many offers.

    Only the four columns the basis needs are kept (nothing personal):
    numpy arrays of the creditor type, the servicer (None when none), whether
    a servicer holds the claim, and the settlement ratio. Build it with
    :func:`index_past_cases`.
    """

    creditor_type: np.ndarray = field(repr=False)
    servicer: np.ndarray = field(repr=False)
    held: np.ndarray = field(repr=False)
    ratio: np.ndarray = field(repr=False)

    def __len__(self) -> int:
        return len(self.ratio)


def index_past_cases(past_cases: pd.DataFrame | PastLumpSums) -> PastLumpSums:
    """The past lump-sum settlements of a clean table, indexed for :func:`opening_offer`.

    Parameters
    ----------
    past_cases : DataFrame
        The clean case table (``resolution``, ``settlement_ratio``,
        ``creditor_type`` and ``servicer`` are read). A :class:`PastLumpSums`
        is returned as it is.

    Returns
    -------
    PastLumpSums

    Raises
    ------
    OutcomesError
        If a needed column is missing.

    Examples
    --------
    >>> past = pd.DataFrame({"resolution": ["lump_sum", "installment"],
    ...                      "settlement_ratio": [0.05, None],
    ...                      "creditor_type": ["bank", "bank"], "servicer": ["X回収", None]})
    >>> len(index_past_cases(past))
    1
    """
    if isinstance(past_cases, PastLumpSums):
        return past_cases
    needed = ("resolution", "settlement_ratio", "creditor_type", "servicer")
    missing = [c for c in needed if c not in past_cases.columns]
    if missing:
        raise OutcomesError(
            f"past_cases lacks column(s) {', '.join(missing)}; pass the clean case table"
        )
    resolution = past_cases["resolution"].astype("string")
    ratio = pd.to_numeric(past_cases["settlement_ratio"], errors="coerce").astype("Float64")
    keep = ((resolution == "lump_sum").fillna(False) & ratio.notna()).to_numpy(dtype=bool)
    servicer = past_cases["servicer"].astype("string").str.strip()
    servicer = servicer.where(servicer != "")[keep]
    creditor_type = past_cases["creditor_type"].astype("string")[keep]
    return PastLumpSums(
        creditor_type=creditor_type.astype(object).where(creditor_type.notna(), None).to_numpy(),
        servicer=servicer.astype(object).where(servicer.notna(), None).to_numpy(),
        held=servicer.notna().to_numpy(dtype=bool),
        ratio=ratio[keep].clip(0.0, None).to_numpy(dtype="float64"),
    )


def _basis(
    history: PastLumpSums,
    creditor_type: str | None,
    servicer: str | None,
    k: int,
    language: str,
) -> Basis | None:
    """The narrowest group of past lump sums like this case with at least ``k`` cases."""
    ja = language == "ja"
    ct = creditor_label(creditor_type, language)
    held = servicer is not None
    held_code = "yes" if held else "no"
    same_ct = history.creditor_type == creditor_type
    same_held = history.held == held
    # (group in words, filters, rows, short name used when the group is widened)
    candidates: list[tuple[str, tuple[tuple[str, str], ...], np.ndarray, str]] = []
    if creditor_type is not None and held:
        same_sv = history.servicer == servicer
        candidates.append(
            (
                f"同じ債権者区分({ct})・同じサービサー({servicer})"
                if ja
                else f"the same creditor type ({ct}) and servicer ({servicer})",
                (("creditor_type", creditor_type), ("servicer", servicer)),
                same_ct & same_sv,
                "同じサービサー" if ja else "the same servicer",
            )
        )
    if creditor_type is not None:
        if ja:
            status = "サービサーが保有する" if held else "サービサーに譲渡されていない"
            group, short = f"同じ債権者区分({ct})で{status}債権", f"{status}{ct}の債権"
        else:
            status = "held by a servicer" if held else "not sold to a servicer"
            group, short = f"the same creditor type ({ct}), {status}", f"{ct} claims {status}"
        candidates.append(
            (
                group,
                (("creditor_type", creditor_type), ("servicer_held", held_code)),
                same_ct & same_held,
                short,
            )
        )
        candidates.append(
            (
                f"同じ債権者区分({ct})" if ja else f"the same creditor type ({ct})",
                (("creditor_type", creditor_type),),
                same_ct,
                f"債権者区分({ct})" if ja else f"creditor type {ct}",
            )
        )
    if ja:
        group = "サービサーが保有する債権" if held else "サービサーに譲渡されていない債権"
    else:
        group = "claims held by a servicer" if held else "claims not sold to a servicer"
    candidates.append((group, (("servicer_held", held_code),), same_held, group))
    everyone = "すべての債権者" if ja else "all creditors"
    candidates.append((everyone, (), np.ones(len(history), dtype=bool), everyone))

    for i, (group, filters, mask, _) in enumerate(candidates):
        ratios = history.ratio[mask]
        if len(ratios) < k:
            continue
        note = ""
        if i > 0:
            narrow = candidates[0][3]
            note = (
                f"{narrow}の事例が{k}件未満のため、{group}に広げています。"
                if ja
                else f"Fewer than {k} past cases of {narrow}: widened to {group}."
            )
        lo, med, hi = np.quantile(ratios, [BASIS_RANGE_LEVELS[0], 0.5, BASIS_RANGE_LEVELS[1]])
        return Basis(
            group=group,
            filters=filters,
            n_cases=int(len(ratios)),
            ratio_low=float(lo),
            ratio_median=float(med),
            ratio_high=float(hi),
            broadened=i > 0,
            note=note,
        )
    return None
