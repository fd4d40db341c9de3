"""Times from the sale to the agreement, drawn from a known law (synthetic).

:func:`simulate_time_to_agreement` takes a clean case table (for instance
``simulate_cases(n, messy=False)``) and redraws every case's
``agreement_date`` from the law below, censored at an export day ``as_of``:
a case whose agreement would fall after ``as_of`` is ``pending`` with no
agreement date (and no agreed amounts). :func:`true_survival` gives the exact
probability that a case is still unresolved ``t`` months after its sale, so a
model's survival curves can be checked against the truth.

The law (months of ``365.25 / 12`` days, fields of :data:`TIME_PARAMS`)::

    T = offset + Gamma(shape, scale · exp(η))
    η = creditor[creditor_type] + servicer[servicer] + employment[employment]
        + debt · log(residual_debt / debt_ref)

``shape`` is ``shape_servicer`` where a servicer other than the JHF's
consignee holds the claim, ``shape_direct`` otherwise: the hazards of the two
groups are not proportional, so neither a proportional-hazards model nor an
accelerated-failure-time model is exactly right.

Examples
--------
>>> from outcomes.datasets import simulate_cases
>>> cases = simulate_cases(500, seed=3, messy=False, today="2020-06-30")
>>> timed = simulate_time_to_agreement(cases, as_of="2020-06-30", seed=3)
>>> bool((timed["agreement_date"].dropna() <= pd.Timestamp("2020-06-30")).all())
True
>>> s = true_survival(timed, (0, 6, 12))
>>> bool((s[0] == 1).all() and (s[6] >= s[12]).all())
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
import pandas as pd
from scipy import stats

from outcomes._arguments import check_arguments
from outcomes._calendar import DAYS_PER_MONTH
from outcomes._errors import OutcomesError

__all__ = [
    "DAYS_PER_MONTH",
    "TIME_PARAMS",
    "TimeParams",
    "simulate_time_to_agreement",
    "true_survival",
]


def _frozen(mapping: Mapping[str, float]) -> MappingProxyType:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class TimeParams:
    """Parameters of the time-to-agreement law (months; log-scale effects).

    Attributes
    ----------
    offset : float
        No agreement comes before this many months after the sale.
    scale : float
        Gamma scale (months) of a reference case.
    shape_direct, shape_servicer : float
        Gamma shape without / with a servicer that bought the claim.
    creditor, servicer, employment : mapping
        Additive effects on ``log(scale)`` (positive = slower); servicers
        absent from the mapping get 0.
    debt, debt_ref :
        Effect per unit of ``log(residual_debt / debt_ref)``; a missing debt
        counts as ``debt_ref``.
    jhf_servicer : str
        The JHF's collection consignee: not a buyer of the claim.
    """

    offset: float = 1.0
    scale: float = 5.0
    shape_direct: float = 2.2
    shape_servicer: float = 1.4
    creditor: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "jhf": 0.35,
                "jfc": 0.2,
                "shinkin": 0.1,
                "bank": 0.0,
                "guarantor": -0.1,
                "other": -0.15,
            }
        )
    )
    servicer: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "アビリオ債権回収": -0.3,
                "SMBC債権回収": -0.1,
                "三菱HCキャピタル債権回収": 0.0,
                "エム・ユー・フロンティア債権回収": 0.25,
                "みずほ債権回収": 0.1,
                "オリックス債権回収": -0.2,
                "ニッテレ債権回収": 0.4,
                "アルファ債権回収": 0.15,
                "日本債権回収": -0.05,
            }
        )
    )
    employment: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "employee": 0.0,
                "self_employed": 0.15,
                "part_time": 0.15,
                "pensioner": 0.1,
                "unemployed": 0.35,
                "other": 0.1,
            }
        )
    )
    debt: float = 0.2
    debt_ref: float = 5_000_000.0
    jhf_servicer: str = "住宅債権管理回収機構"


#: the law :func:`simulate_time_to_agreement` draws from
TIME_PARAMS = TimeParams()


def _text(cases: pd.DataFrame, name: str) -> np.ndarray:
    return cases[name].astype("string").to_numpy(dtype=object, na_value=None)


def _law(cases: pd.DataFrame, params: TimeParams) -> tuple[np.ndarray, np.ndarray]:
    """Gamma shape and scale (months) of every case."""
    missing = [
        c
        for c in ("creditor_type", "servicer", "employment", "residual_debt")
        if c not in cases.columns
    ]
    if missing:
        raise OutcomesError("the case table lacks column(s) " + ", ".join(missing))

    def effect(name: str, table: Mapping[str, float]) -> np.ndarray:
        values = pd.Series(_text(cases, name), dtype=object)
        return values.map(dict(table)).fillna(0.0).to_numpy(dtype="float64")

    servicer = _text(cases, "servicer")
    bought = np.array([s is not None and s != params.jhf_servicer for s in servicer], dtype=bool)
    bought &= _text(cases, "creditor_type") != "jhf"
    debt = cases["residual_debt"].to_numpy(dtype="float64", na_value=np.nan)
    debt = np.where(np.isfinite(debt) & (debt > 0), debt, params.debt_ref)
    eta = (
        effect("creditor_type", params.creditor)
        + np.where(bought, effect("servicer", params.servicer), 0.0)
        + effect("employment", params.employment)
        + params.debt * np.log(debt / params.debt_ref)
    )
    shape = np.where(bought, params.shape_servicer, params.shape_direct)
    return shape, params.scale * np.exp(eta)


def true_survival(
    cases: pd.DataFrame,
    months: Sequence[float] = (6, 12, 24),
    *,
    conditional_after: float | Sequence[float] | np.ndarray | None = None,
    params: TimeParams = TIME_PARAMS,
) -> pd.DataFrame:
    """Exact probability that each case is still unresolved after ``months``.

    Parameters
    ----------
    cases : DataFrame
        Clean case table (creditor_type, servicer, employment, residual_debt).
    months : sequence of float
        Months after the sale (or, with ``conditional_after``, after that point).
    conditional_after : float or array, optional
        Months already waited (per case or one for all): the result is then
        ``S(m + t) / S(m)``.
    params : TimeParams

    Returns
    -------
    DataFrame
        Index of ``cases``, one column per entry of ``months``.
    """
    shape, scale = _law(cases, params)
    m = np.zeros(len(cases)) if conditional_after is None else conditional_after
    m = np.broadcast_to(np.asarray(m, dtype="float64"), (len(cases),))

    def surv(t: np.ndarray) -> np.ndarray:
        return stats.gamma.sf(np.maximum(t - params.offset, 0.0) / scale, shape)

    base = surv(m)
    out = {}
    for t in months:
        with np.errstate(divide="ignore", invalid="ignore"):
            out[t] = np.where(base > 0, surv(m + float(t)) / base, 0.0)
    return pd.DataFrame(out, index=cases.index)


@check_arguments
def simulate_time_to_agreement(
    cases: pd.DataFrame,
    *,
    as_of: object = None,
    seed: int | None = 0,
    params: TimeParams = TIME_PARAMS,
) -> pd.DataFrame:
    """Redraw every case's agreement date from :data:`TIME_PARAMS`, censored at ``as_of``.

    Parameters
    ----------
    cases : DataFrame
        A clean case table; not modified.
    as_of : date or str, optional
        The export day; default the latest ``sale_date``. No sale may be later.
    seed : int or None
    params : TimeParams

    Returns
    -------
    DataFrame
        A copy of ``cases`` with a new ``agreement_date``; a case not agreed by
        ``as_of`` becomes ``pending`` (its agreed amounts emptied); a case
        that was pending and now agrees becomes ``installment`` (its amounts
        stay empty: only the dates are modelled here).
    """
    sale = cases["sale_date"].to_numpy(dtype="datetime64[ns]")
    if np.isnat(sale).any():
        raise OutcomesError("every case needs a sale_date to draw its time to agreement")
    export = pd.Timestamp(as_of) if as_of is not None else pd.Timestamp(sale.max())
    if (sale > export.to_datetime64()).any():
        raise OutcomesError(f"some sale_date is after as_of {export.date()}")
    shape, scale = _law(cases, params)
    rng = np.random.default_rng(seed)
    months = params.offset + rng.gamma(shape, scale)
    agree = sale + np.round(months * DAYS_PER_MONTH).astype("int64").astype("timedelta64[D]")
    censored = agree > export.to_datetime64()
    out = cases.copy()
    out["agreement_date"] = pd.Series(np.where(censored, np.datetime64("NaT"), agree)).to_numpy(
        dtype="datetime64[ns]"
    )
    res = out["resolution"].astype("string")
    res = res.mask(censored, "pending").mask(~censored & (res == "pending"), "installment")
    out["resolution"] = pd.Categorical(res, categories=cases["resolution"].cat.categories)
    for col in ("lump_sum", "monthly_amount", "term_months", "settlement_ratio"):
        if col in out.columns:
            out[col] = out[col].mask(censored)
    return out
