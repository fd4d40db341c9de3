"""The opening offer of a lump-sum settlement, and the instalment to propose.

Public face:

- :func:`opening_offer` → :class:`Offer`: three lump sums (opening, target,
  walk-away) read from a fitted :class:`~outcomes.SettlementRatioModel`, the
  chance that the creditor accepts any amount, the similar past cases behind
  it, and plain sentences an analyst can repeat to the debtor;
- :func:`installment_proposal` → :class:`InstallmentProposal`: the monthly
  amount to propose with a fitted :class:`~outcomes.MonthlyAmountModel`,
  capped by the household's budget;
- :func:`opening_offers`: the same three amounts and their chances for a
  whole table of cases at once (for reports and for checking calibration);
- :func:`run_offer_cli`: ``outcomes offer``.

How the numbers are read
------------------------
The ratio model gives, for one case, calibrated quantiles of the agreed
settlement ratio ``r`` (lump sum ÷ residual debt). They are asked on the
grid 1%, 2%, …, 99% and joined by straight lines into the predictive CDF
``F`` (with ``F(0) = 0`` and ``F(1) = 1`` at the ends; tied quantiles count
at their highest level). The chance that the creditor accepts a lump sum
``a`` is read as the chance that the agreed amount of a similar case is at
most ``a``: ``F(a / residual_debt)``, 0 for ``a <= 0`` and 1 from the
residual debt up.

The three amounts are quantiles of ``r`` times the residual debt
(:data:`OFFER_LEVELS`):

- **opening** (最初の提示額) at the 20% quantile, rounded *down* to ¥10,000:
  low enough to leave room to negotiate, still a sum one similar case in five
  settled at or below;
- **target** (想定着地) at the median, rounded to the nearest ¥10,000;
- **walk-away** (上限) at the 85% quantile, rounded *up* to ¥10,000: above it
  a lump sum is rarely needed and the other ways out (分割弁済, 債務整理) should
  be weighed instead.

Each is at least ¥10,000 (the smallest lump sum offered) and at most the
residual debt, and ``opening <= target <= walk_away`` always holds.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from outcomes._contract import (
    CREDITOR_TYPE_LABELS,
    CREDITOR_TYPE_LABELS_EN,
    DEFAULT_K,
)
from outcomes._errors import OutcomesError, ReadError
from outcomes._paths import CaseError, _to_date, case_from_mapping, with_as_of

__all__ = [
    "CURVE_LEVELS",
    "MIN_MONTHLY",
    "OFFER_LEVELS",
    "OFFER_UNIT",
    "Basis",
    "InstallmentProposal",
    "Offer",
    "installment_proposal",
    "opening_offer",
    "opening_offers",
    "run_offer_cli",
]

#: quantile levels of the settlement ratio read as opening, target and walk-away
OFFER_LEVELS: tuple[float, float, float] = (0.20, 0.50, 0.85)
#: levels the predictive CDF is built from: 1%, 2%, …, 99%
CURVE_LEVELS: tuple[float, ...] = tuple(round(i / 100, 2) for i in range(1, 100))
#: lump sums are offered in steps of this many yen (and at least this much)
OFFER_UNIT = 10_000
#: the smallest monthly instalment proposed; a budget below it cannot support instalments
MIN_MONTHLY = 1_000
#: levels of the range of monthly amounts shown (an 80% predictive interval)
MONTHLY_RANGE_LEVELS: tuple[float, float] = (0.10, 0.90)
#: levels of the range of past settlement ratios shown in the basis
BASIS_RANGE_LEVELS: tuple[float, float] = (0.10, 0.90)

_LANGUAGES = ("ja", "en")


# ==========================================================================
# Formatting
# ==========================================================================


def _yen_ja(amount: float) -> str:
    """Yen the Japanese way: 5,000円, 30万円, 1万5,000円, 1億2,000万円.

    Examples
    --------
    >>> [_yen_ja(x) for x in (5_000, 300_000, 15_000, 120_000_000, 0)]
    ['5,000円', '30万円', '1万5,000円', '1億2,000万円', '0円']
    """
    n = int(round(amount))
    if n < 10_000:
        return f"{n:,}円"
    oku, rest = divmod(n, 100_000_000)
    man, yen = divmod(rest, 10_000)
    parts = [f"{oku:,}億" if oku else "", f"{man:,}万" if man else "", f"{yen:,}" if yen else ""]
    return "".join(parts) + "円"


def _width(text: str) -> int:
    """Display width: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad ``text`` to a display width (Japanese characters are two columns wide).

    Examples
    --------
    >>> _pad("上限", 6) + "|", _pad("9万円", 7, right=True) + "|"
    ('上限  |', '  9万円|')
    """
    fill = " " * max(width - _width(text), 0)
    return fill + text if right else text + fill


def _yen_en(amount: float) -> str:
    return f"¥{int(round(amount)):,}"


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


def _chance(p: float) -> str:
    return f"{p * 100:.0f}%"


def _yen(amount: float, language: str) -> str:
    return _yen_ja(amount) if language == "ja" else _yen_en(amount)


def _check_language(language: str) -> str:
    if language not in _LANGUAGES:
        raise ValueError(f"language must be 'ja' or 'en', got {language!r}")
    return language


def _amount(value: object, name: str) -> int | None:
    """A whole, non-negative yen amount (None stays None)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an amount of yen, got {value!r}")
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"{name} must be 0 or more yen, got {value!r}")
    return int(number)


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
    out = tuple(float(v) for v in levels)
    if len(out) != 3 or not 0.0 < out[0] < out[1] < out[2] < 1.0:
        raise ValueError(
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
# One case
# ==========================================================================


def _case_frame(case: Any, as_of: date | None) -> tuple[pd.DataFrame, int]:
    """One case as a clean one-row frame, and its residual.

    :func:`~outcomes._paths.case_from_mapping` cleans the case as a file is
    cleaned, so its servicer is already matched to the registry.
    """
    frame = case_from_mapping(case)
    residual = frame["residual_debt"].iloc[0]
    if pd.isna(residual):
        raise CaseError("the case has no residual_debt; an offer needs it")
    if int(residual) <= 0:
        raise CaseError("the case's residual_debt is 0: there is nothing to settle")
    return with_as_of(frame, as_of), int(residual)


def _value(frame: pd.DataFrame, column: str) -> Any:
    value = frame[column].iloc[0]
    return None if pd.isna(value) else value


def _creditor_label(creditor_type: str | None, language: str) -> str:
    labels = CREDITOR_TYPE_LABELS if language == "ja" else CREDITOR_TYPE_LABELS_EN
    if creditor_type is None:
        return "不明" if language == "ja" else "unknown"
    return labels.get(creditor_type, creditor_type)


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


def _lump_sum_history(past_cases: pd.DataFrame) -> pd.DataFrame:
    """The few columns of the past lump-sum settlements the basis needs (nothing personal)."""
    needed = ("resolution", "settlement_ratio", "creditor_type", "servicer")
    missing = [c for c in needed if c not in past_cases.columns]
    if missing:
        raise OutcomesError(
            f"past_cases lacks column(s) {', '.join(missing)}; pass the clean case table"
        )
    resolution = past_cases["resolution"].astype("string")
    ratio = pd.to_numeric(past_cases["settlement_ratio"], errors="coerce").astype("Float64")
    keep = (resolution == "lump_sum").fillna(False) & ratio.notna()
    servicer = past_cases["servicer"].astype("string").str.strip()
    servicer = servicer.where(servicer != "")
    return pd.DataFrame(
        {
            "creditor_type": past_cases["creditor_type"].astype("string"),
            "servicer": servicer,
            "ratio": ratio.clip(0.0, None),
        }
    )[keep.to_numpy()]


def _basis(
    past_cases: pd.DataFrame,
    creditor_type: str | None,
    servicer: str | None,
    k: int,
    language: str,
) -> Basis | None:
    """The narrowest group of past lump sums like this case with at least ``k`` cases."""
    history = _lump_sum_history(past_cases)
    ja = language == "ja"
    ct = _creditor_label(creditor_type, language)
    held = servicer is not None
    held_code = "yes" if held else "no"
    same_ct = (history["creditor_type"] == creditor_type).fillna(False).to_numpy()
    same_held = history["servicer"].notna().to_numpy() == held
    # (group in words, filters, rows, short name used when the group is widened)
    candidates: list[tuple[str, tuple[tuple[str, str], ...], np.ndarray, str]] = []
    if creditor_type is not None and held:
        same_sv = (history["servicer"] == servicer).fillna(False).to_numpy()
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
        ratios = history["ratio"].to_numpy(dtype="float64", na_value=np.nan)[mask]
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


# ==========================================================================
# Instalments
# ==========================================================================


@dataclass(frozen=True)
class InstallmentProposal:
    """The monthly instalment (分割弁済) to propose for one case.

    Attributes
    ----------
    monthly : int
        The monthly amount to propose in yen; 0 when the budget cannot
        support instalments.
    typical : int
        The model's median for similar cases, on its grid of agreed amounts.
    low, high : int
        The 10%–90% predictive range of the agreed monthly amount.
    budget : int or None
        The household's monthly surplus from its 収支表, when given.
    capped : bool
        True when the budget lowered the amount below ``typical``.
    feasible : bool
        False when the budget is below ¥1,000 a month.
    creditor_type, servicer : str or None
        Of the case.
    reasons : tuple of str
        Plain sentences for the debtor, in ``language``.
    language : str
        ``"ja"`` or ``"en"``.
    """

    monthly: int
    typical: int
    low: int
    high: int
    budget: int | None
    capped: bool
    feasible: bool
    creditor_type: str | None
    servicer: str | None
    reasons: tuple[str, ...]
    language: str = "ja"

    def __str__(self) -> str:
        if not self.feasible:
            return self.reasons[0] if self.reasons else "instalments not affordable"
        if self.language == "ja":
            return (
                f"月{_yen_ja(self.monthly)}の分割弁済"
                f"(似た事例の8割は月{_yen_ja(self.low)}〜{_yen_ja(self.high)})"
            )
        return (
            f"{_yen_en(self.monthly)} a month in instalments "
            f"(80% of similar cases: {_yen_en(self.low)}–{_yen_en(self.high)})"
        )


def _round_down_monthly(budget: int, grid: np.ndarray | None) -> int:
    """The largest real-looking monthly amount within the budget (at least ¥1,000).

    Real-looking: an amount agreements use (the model's grid) when one fits
    the budget; otherwise the budget rounded down to ¥1,000.

    Examples
    --------
    >>> grid = np.array([3000.0, 5000, 8000, 10000, 15000])
    >>> [_round_down_monthly(b, grid) for b in (7_000, 12_000, 2_500, 40_000)]
    [5000, 10000, 2000, 15000]
    >>> _round_down_monthly(12_345, None)
    12000
    """
    fallback = budget // MIN_MONTHLY * MIN_MONTHLY
    if grid is not None and len(grid):
        fits = grid[grid <= budget]
        if len(fits):
            return max(int(fits.max()), MIN_MONTHLY)
    return fallback


def _model_grid(model: Any) -> np.ndarray | None:
    try:
        grid = model.grid_
    except (AttributeError, ValueError):  # not a grid model, or not fitted
        return None
    grid = np.asarray(grid, dtype="float64")
    return grid[np.isfinite(grid) & (grid > 0)] if grid.ndim == 1 else None


def installment_proposal(
    model: Any,
    case: Mapping[str, Any] | pd.Series | pd.DataFrame,
    *,
    budget: int | None = None,
    as_of: date | str | None = None,
    language: str = "ja",
) -> InstallmentProposal:
    """The monthly instalment to propose for one case.

    The amount is the model's median for the case, on its grid of amounts
    agreements use; the range shown is the 10%–90% predictive interval.
    ``budget`` — the household's monthly surplus from its 収支表 (income minus
    living costs) — caps the amount: the largest amount agreements use that
    fits the budget (else the budget rounded down to ¥1,000), never below
    ¥1,000; a budget below ¥1,000 cannot support instalments (``monthly=0``,
    ``feasible=False``).

    Parameters
    ----------
    model : MonthlyAmountModel
        Fitted.
    case : mapping, Series or one-row DataFrame
        One case in the clean table's columns (see
        :func:`~outcomes.case_from_mapping`); outcome columns may be absent.
    budget : int, optional
        Monthly surplus in yen.
    as_of : date or str, optional
        The day of the proposal: an empty ``agreement_date`` is taken as this
        day. Default: the model's ``as_of`` (today).
    language : {"ja", "en"}, default "ja"
        Language of ``reasons``.

    Returns
    -------
    InstallmentProposal

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import MonthlyAmountModel
    >>> cases = simulate_cases(1500, seed=1, messy=False, today="2026-06-30")
    >>> model = MonthlyAmountModel(as_of="2026-06-30", max_iter=30).fit(cases)
    >>> nagoya = {"residual_debt": 3_200_000, "creditor": "公庫", "employment": "年金",
    ...           "monthly_income": 140_000, "household_size": 1, "age": 65}
    >>> proposal = installment_proposal(model, nagoya, budget=6_000)
    >>> proposal.monthly, proposal.capped
    (5000, True)
    >>> installment_proposal(model, nagoya, budget=800).feasible
    False
    """
    language = _check_language(language)
    budget = _amount(budget, "budget")
    frame, _ = _case_frame(case, _to_date(as_of, "as_of"))
    levels = [MONTHLY_RANGE_LEVELS[0], 0.5, MONTHLY_RANGE_LEVELS[1]]
    method = getattr(model, "predict_quantiles", None)
    if method is None:
        raise OutcomesError(
            f"instalment proposals need a fitted MonthlyAmountModel, got {type(model).__name__}"
        )
    q = np.asarray(method(frame, levels), dtype="float64").reshape(-1)
    low, typical, high = (max(int(round(v)), 0) for v in np.maximum.accumulate(q))
    creditor_type = _value(frame, "creditor_type")
    servicer = _value(frame, "servicer")
    ja = language == "ja"

    def y(a: float) -> str:
        return _yen(a, language)

    reasons: list[str] = []
    monthly, capped, feasible = typical, False, True
    if budget is not None and budget < MIN_MONTHLY:
        monthly, feasible = 0, False
        reasons.append(
            f"収支表の余力(月{y(budget)})では、分割弁済を続けることができません。"
            "自己破産などの債務整理も含めて検討します。"
            if ja
            else f"A monthly surplus of {y(budget)} cannot support instalments; "
            "consider debt relief such as bankruptcy (自己破産) as well."
        )
    elif budget is not None and budget < typical:
        monthly, capped = _round_down_monthly(budget, _model_grid(model)), True
        reasons.append(
            f"収支表の余力は月{y(budget)}なので、月{y(monthly)}を提案します"
            f"(似た事例の中央値は月{y(typical)})。"
            if ja
            else f"The household can spare {y(budget)} a month, so propose {y(monthly)} "
            f"(the median of similar cases is {y(typical)})."
        )
    else:
        reasons.append(
            f"毎月の提案額は月{y(monthly)}です(似た事例の中央値)。"
            if ja
            else f"Propose {y(monthly)} a month (the median of similar cases)."
        )
    reasons.append(
        f"似た事例では、8割が月{y(low)}〜{y(high)}の範囲で合意しています(モデルの見込み)。"
        if ja
        else f"In similar cases 80% agree between {y(low)} and {y(high)} a month (model estimate)."
    )
    if feasible:
        reasons.append(
            "生活状況確認表と収支表を出し、生活が変わったら早めに見直しを相談します。"
            if ja
            else "Hand in the living-situation statement (生活状況確認表) and the household "
            "budget (収支表); ask for a review early when life changes."
        )
        if creditor_type == "jhf":
            reasons.append(
                "住宅金融支援機構は債権を売却せず、期限を定めずに1年ごと(または5年ごと)に"
                "見直しながら支払う形が一般的です。"
                if ja
                else "JHF keeps its claims: payments are usually open-ended and reviewed "
                "every year (or every 5 years)."
            )
        elif servicer is not None:
            reasons.append(
                "サービサーとは、月々の分割を一定期間(例: 5年)続けた後に残りを免除してもらう"
                "合意もあります。"
                if ja
                else "With a servicer, a fixed term of instalments (e.g. 5 years) followed by "
                "forgiveness of the rest can also be agreed."
            )
    return InstallmentProposal(
        monthly=int(monthly),
        typical=typical,
        low=low,
        high=high,
        budget=budget,
        capped=capped,
        feasible=feasible,
        creditor_type=creditor_type,
        servicer=servicer,
        reasons=tuple(reasons),
        language=language,
    )


# ==========================================================================
# The offer
# ==========================================================================


@dataclass(frozen=True)
class Offer:
    """An opening offer for a lump-sum settlement (一括和解) of one case.

    Attributes
    ----------
    residual_debt : int
        The case's residual debt in yen.
    opening, target, walk_away : int
        最初の提示額, 想定着地 and 上限 in yen (see the module notes for how
        they are read); ``0 <= opening <= target <= walk_away <= residual_debt``.
    levels : tuple of float
        The quantile levels of the three amounts.
    curve_levels, curve_ratios : tuple of float
        The predictive quantiles of the settlement ratio the acceptance
        chance is read from.
    basis : Basis or None
        Similar past lump sums (with ``past_cases``), else None.
    n_train : int or None
        Lump-sum cases the model learned from.
    reasons : tuple of str
        Plain sentences for the debtor, in ``language``.
    alternative : InstallmentProposal, str or None
        When the cash does not reach the opening (or the creditor is JHF):
        the instalment proposal (with ``monthly_model``) or a note.
    cash_available : int or None
    creditor_type, servicer : str or None
    language : str
    """

    residual_debt: int
    opening: int
    target: int
    walk_away: int
    levels: tuple[float, float, float]
    curve_levels: tuple[float, ...] = field(repr=False)
    curve_ratios: tuple[float, ...] = field(repr=False)
    basis: Basis | None = None
    n_train: int | None = None
    reasons: tuple[str, ...] = ()
    alternative: InstallmentProposal | str | None = None
    cash_available: int | None = None
    creditor_type: str | None = None
    servicer: str | None = None
    language: str = "ja"

    def acceptance(self, amount: float | Sequence[float] | np.ndarray) -> Any:
        """The estimated chance that the creditor accepts a lump sum of ``amount`` yen.

        Read from the model's predictive distribution as the chance that a
        similar case settles for at most this amount: the predictive CDF of
        the settlement ratio at ``amount / residual_debt``. Non-decreasing;
        0 for 0 yen, 1 from the residual debt up.

        Parameters
        ----------
        amount : float or array-like
            Lump sum(s) in yen.

        Returns
        -------
        float, or ndarray for array input
        """
        values = np.asarray(amount, dtype="float64")
        out = _acceptance(
            np.asarray(self.curve_levels), np.asarray(self.curve_ratios), self.residual_debt, values
        )
        return float(out) if out.ndim == 0 else out

    def share(self, amount: float) -> float:
        """``amount`` as a share of the residual debt."""
        return float(amount) / self.residual_debt

    def acceptance_table(self, amounts: Sequence[float] | None = None) -> pd.DataFrame:
        """The acceptance curve as a small table, for display.

        Parameters
        ----------
        amounts : sequence of int, optional
            Lump sums to show. Default: the three offers, the cash available
            and round amounts at the 5%, 10%, 35%, 65% and 95% quantiles.

        Returns
        -------
        DataFrame
            Columns ``amount`` (Int64 yen), ``share`` (of the residual debt),
            ``chance`` (Float64) and ``note`` (which offer the row is).
        """
        notes: dict[int, str] = {}
        ja = self.language == "ja"
        if amounts is None:
            levels = np.asarray(self.curve_levels)
            ratios = np.asarray(self.curve_ratios)
            extra = np.interp([0.05, 0.10, 0.35, 0.65, 0.95], levels, ratios) * self.residual_debt
            picked = {int(round(a / OFFER_UNIT)) * OFFER_UNIT for a in extra}
            picked = {a for a in picked if 0 < a <= self.residual_debt}
            if self.cash_available is not None and self.cash_available > 0:
                picked.add(min(self.cash_available, self.residual_debt))
                notes[min(self.cash_available, self.residual_debt)] = (
                    "手元資金" if ja else "cash available"
                )
            picked |= {self.opening, self.target, self.walk_away}
            values = sorted(picked)
        else:
            values = sorted({int(a) for a in amounts})
        labels = ("最初の提示額", "想定着地", "上限") if ja else ("opening", "target", "walk-away")
        for amount, label in zip((self.opening, self.target, self.walk_away), labels, strict=True):
            notes[amount] = label if amount not in notes else f"{label}・{notes[amount]}"
        chance = np.atleast_1d(self.acceptance(np.asarray(values, dtype="float64")))
        return pd.DataFrame(
            {
                "amount": pd.array(values, dtype="Int64"),
                "share": pd.array([v / self.residual_debt for v in values], dtype="Float64"),
                "chance": pd.array(chance, dtype="Float64"),
                "note": pd.array([notes.get(v, "") for v in values], dtype="str"),
            }
        )


def _offer_reasons(
    offer: dict[str, Any],
    chances: np.ndarray,
    basis: Basis | None,
    n_train: int | None,
    language: str,
) -> list[str]:
    ja = language == "ja"
    residual = offer["residual_debt"]

    def y(a: float) -> str:
        return _yen(a, language)

    def both(a: int) -> str:
        return f"{y(a)}(残債の{_pct(a / residual)})" if ja else f"{y(a)} ({_pct(a / residual)})"

    opening, target, walk = offer["opening"], offer["target"], offer["walk_away"]
    reasons = [
        (
            f"最初の提示額は{both(opening)}、想定着地は{both(target)}、上限は{both(walk)}です。"
            if ja
            else f"Open at {both(opening)}, expect to settle around {both(target)}, and go no "
            f"higher than {both(walk)}."
        ),
        (
            f"似た事例から見て、{y(opening)}で応じてもらえる見込みは約{_chance(chances[0])}、"
            f"{y(target)}なら約{_chance(chances[1])}、{y(walk)}なら約{_chance(chances[2])}です。"
            if ja
            else f"Judging by similar cases, the creditor would accept {y(opening)} with a chance "
            f"of about {_chance(chances[0])}, {y(target)} about {_chance(chances[1])}, and "
            f"{y(walk)} about {_chance(chances[2])}."
        ),
    ]
    if basis is not None:
        reasons.append(
            f"{basis.group}の過去の一括和解{basis.n_cases}件では、残債の{_pct(basis.ratio_low)}〜"
            f"{_pct(basis.ratio_high)}で和解しています(中ほどの8割)。"
            if ja
            else f"Past lump-sum settlements with {basis.group}: {basis.n_cases} cases, settled at "
            f"{_pct(basis.ratio_low)}–{_pct(basis.ratio_high)} of the residual (the middle 80%)."
        )
        if basis.note:
            reasons.append(basis.note)
    if n_train:
        reasons.append(
            f"見込みは、過去の一括和解{n_train}件から学んだモデルによるものです。"
            if ja
            else f"The chances come from a model learned from {n_train} past lump-sum settlements."
        )
    reasons.append(
        f"{y(walk)}を超える額なら、一括和解より分割弁済や債務整理を比べて考えます。"
        if ja
        else f"Above {y(walk)}, compare instalments and debt relief before paying a lump sum."
    )
    return reasons


def opening_offer(
    model: Any,
    case: Mapping[str, Any] | pd.Series | pd.DataFrame,
    *,
    cash_available: int | None = None,
    as_of: date | str | None = None,
    past_cases: pd.DataFrame | None = None,
    monthly_model: Any = None,
    budget: int | None = None,
    language: str = "ja",
    levels: Sequence[float] = OFFER_LEVELS,
    k: int = DEFAULT_K,
) -> Offer:
    """The opening offer of a lump-sum settlement (一括和解) for one case.

    The settlement ratio model's calibrated quantiles on the grid 1%…99% give
    the predictive distribution of the agreed ratio. The opening, target and
    walk-away amounts are its 20%, 50% and 85% quantiles (``levels``) times
    the residual debt, in steps of ¥10,000 (opening rounded down, target to
    the nearest, walk-away up; each at least ¥10,000 and at most the residual
    debt). :meth:`Offer.acceptance` reads the chance that the creditor
    accepts any amount from the same distribution.

    Parameters
    ----------
    model : SettlementRatioModel
        Fitted.
    case : mapping, Series or one-row DataFrame
        One case in the clean table's columns (see
        :func:`~outcomes.case_from_mapping`; a servicer name is matched to the
        registry); ``residual_debt`` is required, outcome columns may be absent.
    cash_available : int, optional
        Cash the debtor can pay at once. Below the opening, the offer says so
        and gives the instalment alternative.
    as_of : date or str, optional
        The day of the offer: an empty ``agreement_date`` is taken as this
        day (months waited since the sale count). Default: the model's
        ``as_of`` (today).
    past_cases : DataFrame, optional
        The clean case table the model was fitted on (or any clean table of
        past cases). Only ``resolution``, ``settlement_ratio``,
        ``creditor_type`` and ``servicer`` are read, to describe the similar
        past lump sums (:class:`Basis`). The model does not keep its training
        cases, so without this table the offer has no basis beyond the
        model's training count.
    monthly_model : MonthlyAmountModel, optional
        Fitted; gives the instalment alternative (else a plain note).
    budget : int, optional
        Monthly surplus from the 収支表, for the instalment alternative.
    language : {"ja", "en"}, default "ja"
        Language of the reasons and notes.
    levels : three floats, default (0.20, 0.50, 0.85)
        Quantile levels of the opening, target and walk-away.
    k : int, default 5
        A group of past cases is described only when it holds at least ``k``
        cases; smaller groups are widened (and the reasons say so).

    Returns
    -------
    Offer

    Raises
    ------
    CaseError
        If the case has no (or a zero) residual debt, or cannot be read.

    Examples
    --------
    The article's first worked example: ¥5.8M owed to a guarantee company's
    servicer, ¥100,000 in hand.

    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import SettlementRatioModel
    >>> past = simulate_cases(1500, seed=1, messy=False, today="2026-06-30")
    >>> model = SettlementRatioModel(as_of="2026-06-30", max_iter=30).fit(past)
    >>> saitama = {"residual_debt": 5_800_000, "creditor": "〇〇保証株式会社",
    ...            "servicer": "SMBC債権回収株式会社", "employment": "会社員",
    ...            "monthly_income": 250_000, "sale_date": "2025-06-30"}
    >>> offer = opening_offer(model, saitama, cash_available=100_000, past_cases=past)
    >>> offer.opening <= offer.target <= offer.walk_away <= 5_800_000
    True
    >>> offer.opening % 10_000, offer.basis.n_cases >= 5
    (0, True)
    >>> 0 < offer.acceptance(100_000) < offer.acceptance(offer.walk_away) <= 1
    True
    """
    language = _check_language(language)
    lv = _check_levels(levels)
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    cash = _amount(cash_available, "cash_available")
    budget = _amount(budget, "budget")
    day = _to_date(as_of, "as_of")
    frame, residual = _case_frame(case, day)
    grid = _curve_levels(lv)
    ratios = _ratio_quantiles(model, frame, grid)[0]
    at = [int(np.flatnonzero(np.isclose(grid, v))[0]) for v in lv]
    opening, target, walk = (
        int(v[0]) for v in _offer_amounts(*(ratios[[i]] for i in at), np.array([residual]))
    )
    chances = _acceptance(grid, ratios, residual, np.array([opening, target, walk], float))
    creditor_type = _value(frame, "creditor_type")
    servicer = _value(frame, "servicer")
    n_train = getattr(model, "n_train_", None)
    basis = None
    if past_cases is not None:
        basis = _basis(past_cases, creditor_type, servicer, k, language)
    ja = language == "ja"

    def y(a: float) -> str:
        return _yen(a, language)

    amounts = {"residual_debt": residual, "opening": opening, "target": target, "walk_away": walk}
    reasons = _offer_reasons(amounts, chances, basis, n_train, language)
    if past_cases is not None and basis is None:
        reasons.append(
            f"似た過去の一括和解が{k}件未満のため、事例の範囲は示せません。"
            if ja
            else f"Fewer than {k} similar past lump sums: no range of past cases can be shown."
        )
    if creditor_type == "jhf":
        reasons.append(
            "住宅金融支援機構は債権を売却せず、債権放棄にはほとんど応じません。"
            "一括和解は例外で、分割弁済が現実的です。"
            if ja
            else "JHF keeps its claims and rarely forgives: a lump-sum settlement is the "
            "exception, instalments are the realistic way."
        )
    elif servicer is None:
        reasons.append(
            "債権はまだサービサーに譲渡されていません。譲渡された債権では、一括和解の額が"
            "もっと低い傾向があります。"
            if ja
            else "The claim has not been sold to a servicer; claims held by servicers tend to "
            "settle for much less."
        )

    want_alternative = creditor_type == "jhf"
    if cash is not None:
        chance_cash = float(_acceptance(grid, ratios, residual, np.array([float(cash)]))[0])
        if cash < opening:
            want_alternative = True
            reasons.append(
                f"手元資金{y(cash)}は最初の提示額{y(opening)}に届きません"
                f"(この額で応じてもらえる見込みは約{_chance(chance_cash)})。"
                "一括ではなく分割弁済を提案します。"
                if ja
                else f"The cash of {y(cash)} is below the opening of {y(opening)} (chance of "
                f"acceptance about {_chance(chance_cash)}): propose instalments instead."
            )
        elif cash < walk:
            reasons.append(
                f"手元資金{y(cash)}の範囲で交渉できます。{y(opening)}から始め、"
                f"{y(cash)}までは上げられます(この額なら見込み約{_chance(chance_cash)})。"
                if ja
                else f"The cash of {y(cash)} is enough to negotiate: start at {y(opening)} and "
                f"go up to {y(cash)} at most (chance about {_chance(chance_cash)})."
            )
        else:
            reasons.append(
                f"手元資金{y(cash)}は上限{y(walk)}以上です。{y(walk)}を超えて払う必要はなく、"
                "残りは生活の立て直しに残します。"
                if ja
                else f"The cash of {y(cash)} covers the walk-away of {y(walk)}: there is no need "
                f"to pay more than {y(walk)}; keep the rest for a fresh start."
            )

    alternative: InstallmentProposal | str | None = None
    if want_alternative:
        if monthly_model is not None:
            alternative = installment_proposal(
                monthly_model, frame, budget=budget, language=language
            )
            reasons.append(
                f"分割弁済の案: {alternative}" if ja else f"Instalment alternative: {alternative}"
            )
        else:
            alternative = (
                "分割弁済(月5,000円〜2万円が一般的)を、生活状況確認表と収支表を添えて提案します。"
                if ja
                else "Propose instalments (usually ¥5,000–¥20,000 a month) with the "
                "living-situation statement and household budget."
            )
            reasons.append(alternative)

    return Offer(
        residual_debt=residual,
        opening=opening,
        target=target,
        walk_away=walk,
        levels=lv,
        curve_levels=tuple(float(v) for v in grid),
        curve_ratios=tuple(float(v) for v in ratios),
        basis=basis,
        n_train=None if n_train is None else int(n_train),
        reasons=tuple(reasons),
        alternative=alternative,
        cash_available=cash,
        creditor_type=creditor_type,
        servicer=servicer,
        language=language,
    )


def opening_offers(
    model: Any,
    cases: pd.DataFrame,
    *,
    as_of: date | str | None = None,
    levels: Sequence[float] = OFFER_LEVELS,
) -> pd.DataFrame:
    """Opening, target and walk-away for every case of a clean table, with their chances.

    The same numbers as :func:`opening_offer` case by case, computed in one
    pass (for reports, and to check that the chances are calibrated).

    Parameters
    ----------
    model : SettlementRatioModel
        Fitted.
    cases : DataFrame
        The clean table.
    as_of : date or str, optional
        Empty agreement dates are taken as this day.
    levels : three floats, default (0.20, 0.50, 0.85)

    Returns
    -------
    DataFrame
        Index of ``cases``; ``residual_debt``, ``opening``, ``target``,
        ``walk_away`` (Int64 yen) and ``chance_opening``, ``chance_target``,
        ``chance_walk_away`` (Float64); empty where the residual debt is
        missing or 0.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import SettlementRatioModel
    >>> past = simulate_cases(1500, seed=1, messy=False, today="2026-06-30")
    >>> model = SettlementRatioModel(as_of="2026-06-30", max_iter=30).fit(past)
    >>> table = opening_offers(model, past.head(50))
    >>> bool((table["opening"] <= table["walk_away"]).all())
    True
    """
    lv = _check_levels(levels)
    if not isinstance(cases, pd.DataFrame):
        raise OutcomesError(
            f"opening_offers takes the clean case table, got {type(cases).__name__}"
        )
    frame = with_as_of(cases, _to_date(as_of, "as_of"))
    residual = frame["residual_debt"].to_numpy(dtype="float64", na_value=np.nan)
    ok = np.isfinite(residual) & (residual > 0)
    grid = _curve_levels(lv)
    columns = ("opening", "target", "walk_away")
    out: dict[str, np.ndarray] = {c: np.full(len(frame), np.nan) for c in columns}
    chance = {c: np.full(len(frame), np.nan) for c in columns}
    if ok.any():
        Q = _ratio_quantiles(model, frame[ok], grid)
        at = [int(np.flatnonzero(np.isclose(grid, v))[0]) for v in lv]
        amounts = _offer_amounts(Q[:, at[0]], Q[:, at[1]], Q[:, at[2]], residual[ok])
        rows = np.flatnonzero(ok)
        for name, values in zip(columns, amounts, strict=True):
            out[name][rows] = values
        for j, i in enumerate(rows):
            a = np.array([amounts[0][j], amounts[1][j], amounts[2][j]])
            c = _acceptance(grid, Q[j], int(residual[i]), a)
            for name, value in zip(columns, c, strict=True):
                chance[name][i] = value

    def ints(a: np.ndarray) -> pd.arrays.IntegerArray:
        return pd.array(np.where(np.isnan(a), None, a), dtype="Int64")  # type: ignore[return-value]

    table = pd.DataFrame(
        {
            "residual_debt": ints(np.where(ok, residual, np.nan)),
            **{name: ints(out[name]) for name in columns},
            **{
                f"chance_{name}": pd.array(
                    np.where(np.isnan(chance[name]), None, chance[name]), dtype="Float64"
                )
                for name in columns
            },
        },
        index=cases.index,
    )
    return table


# ==========================================================================
# Command line
# ==========================================================================


def read_case_json(
    path: str | Path, *, today: date | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One case from a JSON file, through the cleaner.

    Keys may be the clean table's English column names or any header the
    contract accepts (``残債額(万円)``, ``サービサー``, …); values are read as
    the cleaner reads a spreadsheet cell (``"580万円"``, ``"令和6年1月15日"``).

    Returns
    -------
    (DataFrame, DataFrame)
        The one-row clean case and the cleaner's problems table.

    Raises
    ------
    ReadError
        If the file is missing or is not a JSON object of one case.
    """
    from outcomes._clean import clean_cases

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReadError(path, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReadError(path, f"{type(exc).__name__}: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(path, f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict) or not data:
        raise ReadError(path, "expected one case as a JSON object of column: value")
    cells: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, dict | list):
            raise ReadError(path, f"value of {key!r} is not a single value")
        if value is None:
            cells[str(key)] = ""
        elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            cells[str(key)] = str(int(value))
        else:
            cells[str(key)] = str(value)
    raw = pd.DataFrame([cells], dtype="str")
    result = clean_cases(raw, today=today)
    return result.cases, result.problems


def _load_models(path: str | Path) -> tuple[Any, Any]:
    """The ratio model and (when present) the monthly model of a model directory or file."""
    from outcomes.models import load_model

    path = Path(path)
    if path.is_dir():
        ratio_file = path / "settlement_ratio.skops"
        monthly_file = path / "monthly_amount.skops"
        if not ratio_file.is_file():
            raise OutcomesError(
                f"{path} holds no settlement_ratio.skops; write it with `outcomes fit`"
            )
        ratio = load_model(ratio_file)
        monthly = load_model(monthly_file) if monthly_file.is_file() else None
        return ratio, monthly
    if path.is_file():
        return load_model(path), None
    raise OutcomesError(f"model directory {path} not found")


def _read_past_cases(path: str | Path) -> pd.DataFrame:
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        try:
            return pd.read_parquet(path)
        except (OSError, ValueError) as exc:
            raise ReadError(path, f"{type(exc).__name__}: {exc}") from None
    from outcomes._clean import clean_cases
    from outcomes._read import read_cases

    return clean_cases(read_cases(path)).cases


def _table_text(table: pd.DataFrame) -> str:
    """A small table as text, aligned for Japanese characters (numbers to the right)."""
    cells = [[str(c) for c in table.columns]]
    cells += [["" if pd.isna(v) else str(v) for v in row] for row in table.itertuples(index=False)]
    widths = [max(_width(r[j]) for r in cells) for j in range(len(table.columns))]
    numeric = [pd.api.types.is_numeric_dtype(table[c]) for c in table.columns]
    return "\n".join(
        "  ".join(_pad(v, w, right=n) for v, w, n in zip(row, widths, numeric, strict=True))
        for row in cells
    )


def render_offer(
    offer: Offer,
    *,
    installment: InstallmentProposal | None = None,
    paths: pd.DataFrame | None = None,
    problems: pd.DataFrame | None = None,
    as_of: date | None = None,
) -> str:
    """The one-page summary ``outcomes offer`` prints (in the offer's language).

    ``installment`` is shown when the offer has no instalment alternative of
    its own (the cash reaches the opening), for comparison.
    """
    ja = offer.language == "ja"

    def y(a: float) -> str:
        return _yen(a, offer.language)

    lines: list[str] = []
    head = (
        f"一括和解の提示案  残債 {y(offer.residual_debt)} / 債権者区分 "
        f"{_creditor_label(offer.creditor_type, offer.language)} / サービサー "
        f"{offer.servicer or 'なし'}"
        if ja
        else f"Lump-sum offer  residual {y(offer.residual_debt)} / creditor type "
        f"{_creditor_label(offer.creditor_type, offer.language)} / servicer "
        f"{offer.servicer or 'none'}"
    )
    if as_of is not None:
        head += f"  ({'基準日' if ja else 'as of'} {as_of.isoformat()})"
    lines += [head, "=" * 72]
    labels = ("最初の提示額", "想定着地", "上限") if ja else ("opening", "target", "walk-away")
    rows = list(zip(labels, (offer.opening, offer.target, offer.walk_away), strict=True))
    if offer.cash_available is not None:
        rows.append(("手元資金" if ja else "cash", offer.cash_available))
    for label, amount in rows:
        lines.append(
            f"  {_pad(label, 12)} {_pad(y(amount), 14, right=True)}  "
            f"({_pct(offer.share(amount)):>6})  "
            + ("応諾見込み " if ja else "chance ")
            + _chance(offer.acceptance(amount))
        )
    lines += ["", "応諾見込み(金額ごと)" if ja else "Chance of acceptance by amount"]
    table = offer.acceptance_table()
    header = ("金額", "残債比", "見込み", "備考") if ja else ("amount", "share", "chance", "note")
    lines.append(
        f"  {_pad(header[0], 14, right=True)}  {_pad(header[1], 7, right=True)}  "
        f"{_pad(header[2], 6, right=True)}  {header[3]}"
    )
    for amount, share, chance, note in table.itertuples(index=False):
        lines.append(
            f"  {_pad(y(amount), 14, right=True)}  {_pct(share):>7}  {_chance(chance):>6}  {note}"
        )
    lines += ["", "説明" if ja else "Reasons"]
    lines += [f"  - {r}" for r in offer.reasons]
    proposal = offer.alternative if isinstance(offer.alternative, InstallmentProposal) else None
    title = "分割弁済の案" if ja else "Instalment alternative"
    if proposal is None and installment is not None:
        proposal = installment
        title = "分割弁済の場合(参考)" if ja else "If paid in instalments instead (for comparison)"
    if proposal is not None:
        lines += ["", title, f"  {proposal}"]
        lines += [f"  - {r}" for r in proposal.reasons]
    if paths is not None:
        lines += ["", "他の方法との比較" if ja else "The ways out side by side"]
        cols = ["label_ja", "path", "available", "total_to_pay", "monthly", "months", "extra_costs"]
        lines += ["  " + row for row in _table_text(paths[cols]).splitlines()]
        for _, row in paths.iterrows():
            lines.append(f"  [{row['label_ja']}] {row['notes']}")
    if problems is not None and len(problems):
        lines += ["", "入力の注意" if ja else "Notes on the input"]
        for _, row in problems.iterrows():
            lines.append(f"  - {row['column']}: {row['problem']}")
    return "\n".join(lines)


def run_offer_cli(args: Any) -> int:
    """``outcomes offer --model DIR --case CASE.json [--cash N] [--budget N] [--as-of DATE]``.

    Loads ``settlement_ratio.skops`` (and ``monthly_amount.skops`` when
    present) from the model directory, reads the case JSON through the
    cleaner, and prints a one-page summary: the three amounts, the acceptance
    curve, the instalment alternative and the ways out side by side
    (:func:`~outcomes.compare_paths`). With an ``args.past_cases`` path (a
    clean table), the basis of similar past cases is shown too.
    """
    from outcomes._paths import compare_paths

    as_of = None
    if getattr(args, "as_of", None):
        try:
            as_of = date.fromisoformat(str(args.as_of))
        except ValueError:
            raise OutcomesError(f"--as-of must be a date YYYY-MM-DD, got {args.as_of!r}") from None
    cash = getattr(args, "cash", None)
    budget = getattr(args, "budget", None)
    for name, value in (("--cash", cash), ("--budget", budget)):
        if value is not None and value < 0:
            raise OutcomesError(f"{name} must be 0 or more yen, got {value}")
    case, problems = read_case_json(args.case, today=as_of)
    ratio_model, monthly_model = _load_models(args.model)
    past = getattr(args, "past_cases", None)
    past_cases = _read_past_cases(past) if past else None
    language = getattr(args, "language", None) or "ja"
    offer = opening_offer(
        ratio_model,
        case,
        cash_available=cash,
        as_of=as_of,
        past_cases=past_cases,
        monthly_model=monthly_model,
        budget=budget,
        language=language,
    )
    installment = None
    if monthly_model is not None and not isinstance(offer.alternative, InstallmentProposal):
        # the analyst weighs both sides even when the cash reaches the opening
        installment = installment_proposal(
            monthly_model, case, budget=budget, as_of=as_of, language=language
        )
    paths = compare_paths(
        case,
        ratio_model=ratio_model,
        monthly_model=monthly_model,
        cash_available=cash,
        monthly_budget=budget,
        as_of=as_of,
    )
    print(render_offer(offer, installment=installment, paths=paths, problems=problems, as_of=as_of))
    return 0
