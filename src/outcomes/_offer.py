"""The opening offer of a lump-sum settlement (一括和解) and its predictive CDF.

Public face:

- :func:`opening_offer` → :class:`Offer`: three lump sums (opening, target,
  walk-away) read from a fitted :class:`~outcomes.SettlementRatioModel`, the
  share of similar past settlements at or below any amount, the similar past
  cases behind it, and reasons phrased for the analyst (internal estimates,
  not promises to the debtor; the negotiation itself is for a 弁護士,
  弁護士法 §72 — :attr:`Offer.notice`);
- :func:`opening_offers`: the same three amounts and their chances for a
  whole table of cases at once (for reports and for checking calibration);
- :func:`index_past_cases` → :class:`PastLumpSums`: the past lump sums an
  offer's basis is read from, indexed once for many offers.

The instalment alternative comes from :mod:`outcomes._installment`; the
``outcomes offer`` command lives in :mod:`outcomes._cli.offer`. Every amount
and chance is an internal estimate for the analyst, never a promise to the
debtor.

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

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from outcomes._contract import DEFAULT_K
from outcomes._errors import CaseError, OutcomesError
from outcomes._installment import InstallmentProposal, installment_proposal
from outcomes._labels import (
    ESTIMATE_NOTICE,
    OFFER_LABELS,
    WAIT_TABLE_LABELS,
    WAIT_TABLE_ROWS,
    agreement_chance_sentence,
    check_language,
    creditor_label,
    format_chance,
    format_yen,
    offer_reasons,
    servicer_warning,
)
from outcomes._registry import ServicersLike, servicer_status, servicers_seen
from outcomes._single_case import (
    CaseLike,
    as_count,
    as_date,
    as_yen,
    case_to_settle,
    first_value,
    renamed_keywords,
    with_as_of,
)

__all__ = [
    "BASIS_RANGE_LEVELS",
    "CURVE_LEVELS",
    "OFFER_LEVELS",
    "OFFER_UNIT",
    "Basis",
    "Offer",
    "PastLumpSums",
    "batch_offers",
    "index_past_cases",
    "opening_offer",
    "opening_offers",
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


# ==========================================================================
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
        Sentences for the analyst, in ``language``: internal estimates, not
        promises to the debtor.
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
    #: warnings shown first (an unseen or unmatched servicer), in ``language``
    warnings: tuple[str, ...] = ()
    #: ``none`` / ``known`` / ``unseen`` / ``unmatched`` (see :func:`~outcomes._registry.servicer_status`)
    servicer_status: str = "none"
    #: with a time model: months since the sale, and the chance of an agreement within 6 / 12 more
    months_waited: float | None = None
    agreement_within: tuple[float, float] | None = None
    #: with a time model: now / +6 / +12 months — target amount and chance of agreement
    wait_table: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    @property
    def notice(self) -> str:
        """The notice every offer carries: internal estimates, not advice (弁護士法 §72)."""
        return ESTIMATE_NOTICE[self.language]

    def acceptance(self, amount: float | Sequence[float] | np.ndarray) -> Any:
        """The share of similar past settlements at or below ``amount`` yen (an estimate).

        Not the chance that this creditor accepts: read from the model's
        predictive distribution as the chance that a similar case settles
        for at most this amount: the predictive CDF of
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
        labels = OFFER_LABELS[self.language]
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


@renamed_keywords(model="ratio_model")
def opening_offer(
    ratio_model: Any,
    case: CaseLike,
    *,
    cash_available: int | None = None,
    as_of: date | str | None = None,
    past_cases: pd.DataFrame | PastLumpSums | None = None,
    monthly_model: Any = None,
    budget: int | None = None,
    language: str = "ja",
    levels: Sequence[float] = OFFER_LEVELS,
    k: int = DEFAULT_K,
    servicers: ServicersLike = None,
    time_model: Any = None,
    ignore_unknown_keys: bool = False,
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
    ratio_model : SettlementRatioModel
        Fitted; the first argument, by position or as ``ratio_model=`` (the
        old keyword ``model=`` works for one release, with a FutureWarning).
    case : mapping, Series or one-row DataFrame
        One case in the clean table's columns (see
        :func:`~outcomes.case_from_mapping`; a servicer name is matched to the
        registry; a row of the clean table is used as it is, not cleaned
        again); ``residual_debt`` is required, outcome columns may be absent.
    cash_available : int, optional
        Cash the debtor can pay at once, in whole yen (a float is refused).
        Below the opening, the offer says so and gives the instalment
        alternative.
    as_of : date or str, optional
        The day of the offer: an empty ``agreement_date`` is taken as this
        day (months waited since the sale count). Default: the model's
        ``as_of`` (today).
    past_cases : DataFrame or PastLumpSums, optional
        The clean case table the model was fitted on (or any clean table of
        past cases), or its :func:`index_past_cases` to index it once for
        many offers. Only ``resolution``, ``settlement_ratio``,
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
    servicers : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s), besides
        ``OUTCOMES_SERVICERS`` (see :func:`~outcomes.load_servicer_registry`).
        A servicer not in the registry, or not among those the model learned,
        puts a warning first (:attr:`Offer.warnings`) with the nearest
        registry names; matching suggests, it never substitutes.
    time_model : TimeToAgreementModel, optional
        Fitted; the offer then states the chance of an agreement within 6
        and 12 months given the months already waited
        (:attr:`Offer.agreement_within`) and a now / +6 / +12 months table of
        the target amount and that chance (:attr:`Offer.wait_table`).
    ignore_unknown_keys : bool, default False
        Drop keys of ``case`` outside the contract instead of refusing it.

    Returns
    -------
    Offer

    Raises
    ------
    CaseError
        If the case has no (or a zero) residual debt, or cannot be read, or
        an argument (``cash_available``, ``budget``, ``as_of``, ``k``,
        ``levels``, ``language``) is not valid; a ``ValueError``.

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
    language = check_language(language)
    lv = _check_levels(levels)
    k = as_count(k, "k")
    cash = None if cash_available is None else as_yen(cash_available, "cash_available")
    budget = None if budget is None else as_yen(budget, "budget")
    day = as_date(as_of, "as_of")
    frame, residual = case_to_settle(case, day, ignore_unknown_keys=ignore_unknown_keys)
    status = servicer_status(first_value(frame, "servicer"), servicers_seen(ratio_model), servicers)
    if status.name is not None and status.name != first_value(frame, "servicer"):
        # the firm's registry names this spelling: the model sees the registry name
        frame = frame.assign(servicer=pd.array([status.name], dtype=frame["servicer"].dtype))
    grid = _curve_levels(lv)
    ratios = _ratio_quantiles(ratio_model, frame, grid)[0]
    at = [int(np.flatnonzero(np.isclose(grid, v))[0]) for v in lv]
    opening, target, walk = (
        int(v[0]) for v in _offer_amounts(*(ratios[[i]] for i in at), np.array([residual]))
    )
    chances = _acceptance(grid, ratios, residual, np.array([opening, target, walk], float))
    creditor_type = first_value(frame, "creditor_type")
    servicer = first_value(frame, "servicer")
    n_train = getattr(ratio_model, "n_train_", None)
    basis = None
    if past_cases is not None:
        basis = _basis(index_past_cases(past_cases), creditor_type, servicer, k, language)
    ja = language == "ja"

    def y(a: float) -> str:
        return format_yen(a, language)

    amounts = {"residual_debt": residual, "opening": opening, "target": target, "walk_away": walk}
    reasons = offer_reasons(amounts, chances, basis, n_train, language)
    warning = servicer_warning(status.status, status.name, status.suggestions, language)
    warnings = () if warning is None else (warning,)
    waited, within, wait_table = None, None, None
    if time_model is not None:
        waited, within, wait_table = _time_view(ratio_model, time_model, frame, day, language)
        reasons.append(agreement_chance_sentence(within[0], within[1], waited, language))
    if past_cases is not None and basis is None:
        reasons.append(
            f"似た過去の一括和解が{k}件未満のため、事例の範囲は示せません。"
            if ja
            else f"Fewer than {k} similar past lump sums: no range of past cases can be shown."
        )
    if creditor_type == "jhf":
        reasons.append(
            "住宅金融支援機構は債権を売却せず(回収は委託先のサービサー)、債権放棄にはほとんど応じません。"
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
                f"(この額で応じてもらえる見込みは約{format_chance(chance_cash)})。"
                "一括ではなく分割弁済を検討します。"
                if ja
                else f"The cash of {y(cash)} is below the opening of {y(opening)} (similar past "
                f"settlements at or below it: about {format_chance(chance_cash)}): instalments "
                f"are the likelier way."
            )
        elif cash < walk:
            reasons.append(
                f"手元資金{y(cash)}の範囲で交渉できます。{y(opening)}から始め、"
                f"{y(cash)}までは上げられます(似た和解でこの額以下の割合は約{format_chance(chance_cash)})。"
                if ja
                else f"The cash of {y(cash)} is within the range: from {y(opening)} up to "
                f"{y(cash)} at most (similar past settlements at or below it: about "
                f"{format_chance(chance_cash)})."
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
        reasons=(*warnings, *reasons),
        alternative=alternative,
        cash_available=cash,
        creditor_type=creditor_type,
        servicer=servicer,
        language=language,
        warnings=warnings,
        servicer_status=status.status,
        months_waited=waited,
        agreement_within=within,
        wait_table=wait_table,
    )


def _months_between(start: pd.Timestamp, end: pd.Timestamp) -> float:
    return max((end - start).days / 30.4375, 0.0)


def _time_view(
    ratio_model: Any, time_model: Any, frame: pd.DataFrame, day: date | None, language: str
) -> tuple[float, tuple[float, float], pd.DataFrame]:
    """Months waited, the chance of agreement within 6 / 12 months, and the now/+6/+12 table."""
    method = getattr(time_model, "predict_survival", None)
    if method is None:
        raise OutcomesError(
            f"time_model must be a fitted TimeToAgreementModel, got {type(time_model).__name__}"
        )
    base = day or getattr(ratio_model, "as_of", None) or date.today()
    now = pd.Timestamp(as_date(base, "as_of"))
    sale = first_value(frame, "sale_date")
    waited = 0.0 if sale is None else _months_between(pd.Timestamp(sale), now)
    steps = (0, 6, 12)
    dates = [now + pd.DateOffset(months=m) for m in steps]
    rows = pd.concat([frame] * len(steps), ignore_index=True)
    rows["agreement_date"] = pd.array(dates, dtype=frame["agreement_date"].dtype)
    survival = method(rows, months=(6, 12), conditional_after=np.array([waited + m for m in steps]))
    chance = 1.0 - np.asarray(survival, dtype="float64")
    median = np.asarray(ratio_model.predict_quantiles(rows, [0.5]), dtype="float64")[:, 0]
    residual = float(first_value(frame, "residual_debt"))
    target = np.floor(np.clip(median, 0.0, 1.0) * residual / OFFER_UNIT + 0.5) * OFFER_UNIT
    labels = WAIT_TABLE_LABELS[language]
    table = pd.DataFrame(
        {
            labels[0]: list(WAIT_TABLE_ROWS[language]),
            labels[1]: [d.date().isoformat() for d in dates],
            labels[2]: pd.array(np.maximum(target, min(OFFER_UNIT, residual)), dtype="Int64"),
            labels[3]: pd.array(chance[:, 0], dtype="Float64"),
            labels[4]: pd.array(chance[:, 1], dtype="Float64"),
        }
    )
    return waited, (float(chance[0, 0]), float(chance[0, 1])), table


@renamed_keywords(model="ratio_model")
def opening_offers(
    ratio_model: Any,
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
    ratio_model : SettlementRatioModel
        Fitted (the old keyword ``model=`` works for one release, with a
        FutureWarning).
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
    frame = with_as_of(cases, as_date(as_of, "as_of"))
    residual = frame["residual_debt"].to_numpy(dtype="float64", na_value=np.nan)
    ok = np.isfinite(residual) & (residual > 0)
    grid = _curve_levels(lv)
    columns = ("opening", "target", "walk_away")
    out: dict[str, np.ndarray] = {c: np.full(len(frame), np.nan) for c in columns}
    chance = {c: np.full(len(frame), np.nan) for c in columns}
    if ok.any():
        Q = _ratio_quantiles(ratio_model, frame[ok], grid)
        at = [int(np.flatnonzero(np.isclose(grid, v))[0]) for v in lv]
        amounts = _offer_amounts(Q[:, at[0]], Q[:, at[1]], Q[:, at[2]], residual[ok])
        rows = np.flatnonzero(ok)
        for name, values in zip(columns, amounts, strict=True):
            out[name][rows] = values
        A = np.column_stack(amounts)
        C = _acceptance_rows(grid, Q, residual[ok], A)
        for j, name in enumerate(columns):
            chance[name][rows] = C[:, j]

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


#: rows scored at a time by :func:`batch_offers` (a progress bar shows from two chunks up)
BATCH_CHUNK = 20_000


def _status_columns(
    servicer: pd.Series, seen: frozenset[str] | None, servicers: ServicersLike, language: str
) -> tuple[np.ndarray, np.ndarray]:
    """Servicer status and warning per case; each distinct servicer is looked at once."""
    codes, uniques = pd.factorize(servicer.astype(object), use_na_sentinel=True)
    statuses = [servicer_status(u, seen, servicers) for u in uniques]
    status = np.array([st.status for st in statuses] + ["none"], dtype=object)
    warn = [servicer_warning(st.status, st.name, st.suggestions, language) for st in statuses]
    warning = np.array([w or "" for w in warn] + [""], dtype=object)
    return status[codes], warning[codes]


def batch_offers(
    ratio_model: Any,
    cases: pd.DataFrame,
    *,
    monthly_model: Any = None,
    as_of: date | str | None = None,
    servicers: ServicersLike = None,
    language: str = "ja",
    levels: Sequence[float] = OFFER_LEVELS,
    chunk_size: int = BATCH_CHUNK,
    progress: bool = False,
) -> pd.DataFrame:
    """Offers for every case of a clean table: amounts, their chances, instalments and warnings.

    The vectorised batch path: :func:`opening_offers` (the same amounts and
    chances as :func:`opening_offer` case by case), the monthly instalment of
    similar cases from ``monthly_model`` (its median and 10–90% range), and
    each case's servicer status with the warning an offer would put first.
    Every figure is an internal estimate, never a promise to the debtor.

    Parameters
    ----------
    ratio_model : SettlementRatioModel
        Fitted.
    cases : DataFrame
        The clean table.
    monthly_model : MonthlyAmountModel, optional
        Fitted; adds ``monthly``, ``monthly_low`` and ``monthly_high``.
    as_of : date or str, optional
        Empty agreement dates are taken as this day.
    servicers : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s).
    language : {"ja", "en"}, default "ja"
        Language of the warnings.
    levels : three floats, default (0.20, 0.50, 0.85)
    chunk_size : int, default 20,000
        Rows scored at a time.
    progress : bool, default False
        Show a progress bar (tqdm) when there is more than one chunk.

    Returns
    -------
    DataFrame
        Index of ``cases``: ``case_id``, the columns of :func:`opening_offers`,
        ``monthly``, ``monthly_low``, ``monthly_high`` (Int64, with a monthly
        model), ``servicer_status`` and ``warnings`` (empty when none). Cases
        whose residual debt is missing or under ¥10,000 have no amounts and
        say so in ``warnings``.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import SettlementRatioModel
    >>> past = simulate_cases(1500, seed=1, messy=False, today="2026-06-30")
    >>> model = SettlementRatioModel(as_of="2026-06-30", max_iter=30).fit(past)
    >>> table = batch_offers(model, past.head(20), language="en")
    >>> sorted(set(table["servicer_status"]) - {"none", "known", "unseen", "unmatched"})
    []
    >>> bool((table["opening"] <= table["walk_away"]).all())
    True
    """
    from outcomes._single_case import MIN_RESIDUAL_DEBT

    language = check_language(language)
    if not isinstance(cases, pd.DataFrame):
        raise OutcomesError(f"batch_offers takes the clean case table, got {type(cases).__name__}")
    chunk_size = as_count(chunk_size, "chunk_size")
    day = as_date(as_of, "as_of")
    residual = cases["residual_debt"].to_numpy(dtype="float64", na_value=np.nan)
    small = np.isfinite(residual) & (residual < MIN_RESIDUAL_DEBT)
    # a residual under ¥10,000 (万円 forgotten) gets no amounts, only its warning
    scored = cases.assign(
        residual_debt=cases["residual_debt"].where(~small).astype(cases["residual_debt"].dtype)
    )
    starts = range(0, len(cases), chunk_size)
    if progress and len(starts) > 1:
        from tqdm.auto import tqdm

        starts = tqdm(starts, desc="offers", unit="chunk", leave=False)  # type: ignore[assignment]
    parts = []
    for start in starts:
        chunk = scored.iloc[start : start + chunk_size]
        part = opening_offers(ratio_model, chunk, as_of=day, levels=levels)
        if monthly_model is not None:
            frame = with_as_of(chunk, day)
            has = part["residual_debt"].notna().to_numpy()
            q = np.full((len(chunk), 3), np.nan)
            if has.any():
                q[has] = np.maximum.accumulate(
                    np.asarray(
                        monthly_model.predict_quantiles(frame[has], [0.1, 0.5, 0.9]), "float64"
                    ),
                    axis=1,
                )
            q = np.where(np.isnan(q), np.nan, np.maximum(np.round(q), 0))
            for j, name in enumerate(("monthly_low", "monthly", "monthly_high")):
                part[name] = pd.array(np.where(np.isnan(q[:, j]), None, q[:, j]), dtype="Int64")
        parts.append(part)
    table = pd.concat(parts) if parts else opening_offers(ratio_model, cases, levels=levels)
    if monthly_model is not None:
        table = table[[*table.columns[:7], "monthly", "monthly_low", "monthly_high"]]
    status, warning = _status_columns(
        cases["servicer"], servicers_seen(ratio_model), servicers, language
    )
    ja = language == "ja"
    if small.any():
        note = (
            "残債が1万円未満で範囲外です(万円の付け忘れ?)。提示額は出しません。"
            if ja
            else "residual_debt under ¥10,000 is out of range (万円 forgotten?): no offer"
        )
        warning = np.where(small, np.where(warning == "", note, note + " " + warning), warning)
    table.insert(0, "case_id", cases["case_id"].astype("string").to_numpy())
    table["servicer_status"] = pd.array(status, dtype="string")
    table["warnings"] = pd.array(warning, dtype="string")
    return table
