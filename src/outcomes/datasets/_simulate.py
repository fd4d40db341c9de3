"""The true model of the synthetic cases: draw them, and give exact quantiles.

Everything here is made up. :func:`simulate_truth` draws households, loans,
creditors, servicers and outcomes from the documented model in
:data:`~outcomes.datasets.TRUE_PARAMS`; :func:`clean_frame` turns the draw
into the contract's clean table, and :func:`true_quantile` gives the exact
conditional quantiles of the two modelled outcomes. The messy export is
rendered from the same draw by :mod:`outcomes.datasets._messy`; the public face is
:mod:`outcomes.datasets`.

The model, in short (every number is a field of ``TRUE_PARAMS``):

The model, in short (every number is a field of :data:`TRUE_PARAMS`):

* sale dates uniform over 2015–2025; age normal (mean 52, sd 12) cut to
  25–85; pensioners mostly from 65; take-home income log-normal by
  employment; household 1–6; prefecture by population;
* creditor type jhf 25 %, guarantor 25 %, bank 20 %, shinkin 15 %, jfc 5 %,
  other 10 %; a servicer holds most non-JHF claims (JHF keeps its claims,
  only consigning collection to 住宅債権管理回収機構, which earns no discount);
* residual debt log-normal (median ¥3M–¥8M by creditor type, with a thin
  tail up to ¥200M);
* resolution from creditor, servicer, debt and employment (installment
  ≈ 45 %, lump_sum ≈ 25 %, …); the agreement comes some months after the
  sale and a case whose agreement would fall after ``today`` is pending;
* lump sum: ``logit(ratio) = β0 + β_debt·log(debt/5M) + β_years·years
  + β_income·log(max(income, 50k)/200k) + γ[creditor_type] + δ·servicer
  + σ·ε``, the amount rounded to ¥10,000;
* monthly instalment: ``log(m) = log(12,000) + a_income·log(…)
  + a_household·(household − 1) + a[creditor_type] + a[employment] + σ·ε``,
  rounded to the amounts agreements use (5,000, 10,000, 15,000, …, a few
  3,000 and 8,000);
* 任意整理 repays the debt over 36/60 months; 個人再生 pays the minimum of
  民事再生法 §231 over 36/60 months.

"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._contract import (
    AGE_BANDS,
    CASE_COLUMNS,
    COLUMN_BY_NAME,
    CREDITOR_TYPES,
    EMPLOYMENT_CODES,
    PREFECTURES,
    RESOLUTION_CODES,
    creditor_type_of,
)
from outcomes.datasets._truth import TRUE_PARAMS

__all__ = [
    "CREDITORS",
    "EMPLOYMENT",
    "EPOCH",
    "RESOLUTIONS",
    "RESOLUTION_INDEX",
    "SERVICERS",
    "as_today",
    "case_ids",
    "choice",
    "clean_frame",
    "simulate_truth",
    "true_quantile",
]

EMPLOYMENT: tuple[str, ...] = tuple(EMPLOYMENT_CODES)
RESOLUTIONS: tuple[str, ...] = tuple(RESOLUTION_CODES)
_EMP = {code: i for i, code in enumerate(EMPLOYMENT)}
RESOLUTION_INDEX = {code: i for i, code in enumerate(RESOLUTIONS)}
_CT = {code: i for i, code in enumerate(CREDITOR_TYPES)}

# --------------------------------------------------------------------------
# The model's pieces, shared by the simulation and true_quantile
# --------------------------------------------------------------------------


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _lookup(mapping: Mapping[str, float], codes: Sequence[str], idx: np.ndarray) -> np.ndarray:
    """``mapping[codes[idx]]`` per row, NaN where idx < 0."""
    table = np.array([mapping[c] for c in codes] + [np.nan], dtype=float)
    return table[np.where(idx < 0, len(codes), idx)]


def _ratio_mu(
    debt: np.ndarray, income: np.ndarray, ct: np.ndarray, bought: np.ndarray, years: np.ndarray
) -> np.ndarray:
    """Mean of logit(lump-sum ratio) given the features (NaN where unknown)."""
    inc = np.maximum(income, TRUE_PARAMS.income_floor)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (
            TRUE_PARAMS.ratio_intercept
            + TRUE_PARAMS.ratio_debt * np.log(debt / TRUE_PARAMS.debt_ref)
            + TRUE_PARAMS.ratio_years * years
            + TRUE_PARAMS.ratio_income * np.log(inc / TRUE_PARAMS.income_ref)
            + _lookup(TRUE_PARAMS.ratio_creditor, CREDITOR_TYPES, ct)
            + TRUE_PARAMS.ratio_servicer * bought
        )


def _monthly_mu(
    income: np.ndarray, household: np.ndarray, emp: np.ndarray, ct: np.ndarray
) -> np.ndarray:
    """Mean of log(latent monthly instalment) given the features."""
    inc = np.maximum(income, TRUE_PARAMS.income_floor)
    return (
        math.log(TRUE_PARAMS.monthly_base)
        + TRUE_PARAMS.monthly_income * np.log(inc / TRUE_PARAMS.income_ref)
        + TRUE_PARAMS.monthly_household * (household - 1)
        + _lookup(TRUE_PARAMS.monthly_creditor, CREDITOR_TYPES, ct)
        + _lookup(TRUE_PARAMS.monthly_employment, EMPLOYMENT, emp)
    )


def _round_lump(x: np.ndarray, debt: np.ndarray) -> np.ndarray:
    """Round a latent lump sum to ``lump_unit`` (half down): monotone, left-continuous."""
    units = np.maximum(
        np.ceil(x / TRUE_PARAMS.lump_unit - 0.5), TRUE_PARAMS.lump_min / TRUE_PARAMS.lump_unit
    )
    return np.minimum(units * TRUE_PARAMS.lump_unit, debt)


def _round_monthly(m: np.ndarray) -> np.ndarray:
    """Map a latent monthly amount to the recorded one (monotone, left-continuous)."""
    values = np.asarray(TRUE_PARAMS.monthly_values, dtype=float)
    out = values[np.searchsorted(np.asarray(TRUE_PARAMS.monthly_bounds), m, side="left")]
    return np.where(np.isnan(m), np.nan, out)


def _rehab_minimum(debt: np.ndarray) -> np.ndarray:
    """個人再生 minimum total repayment (民事再生法 §231) for unsecured claims ``debt``.

    The statute is :func:`outcomes.rehabilitation_minimum`, applied once per
    distinct debt; NaN where 個人再生 is not available (above ¥50M) or the
    debt is missing.
    """
    from outcomes._law import REHABILITATION_DEBT_LIMIT, rehabilitation_minimum

    debt = np.asarray(debt, dtype=float)
    out = np.full(debt.shape, np.nan)
    ok = np.isfinite(debt) & (debt >= 0) & (debt <= REHABILITATION_DEBT_LIMIT)
    distinct, where = np.unique(debt[ok], return_inverse=True)
    minima = np.array([rehabilitation_minimum(int(round(d))) for d in distinct], dtype=float)
    out[ok] = minima[where]
    return out


def _plan_monthly(total: np.ndarray, term: np.ndarray) -> np.ndarray:
    """Monthly amount repaying ``total`` over ``term`` months, rounded up to ``plan_round``."""
    return np.ceil(total / term / TRUE_PARAMS.plan_round) * TRUE_PARAMS.plan_round


def _ratio_of(
    lump: np.ndarray, monthly: np.ndarray, term: np.ndarray, debt: np.ndarray
) -> np.ndarray:
    """Contract §5: (lump + monthly × term) / debt where the total is fixed; NaN otherwise."""
    fixed = ~np.isnan(lump) | (~np.isnan(monthly) & ~np.isnan(term))
    fixed &= np.isnan(monthly) | ~np.isnan(term)  # open-ended plan: no ratio
    total = np.nan_to_num(lump) + np.nan_to_num(monthly) * np.nan_to_num(term)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(fixed, total / debt, np.nan)


# --------------------------------------------------------------------------
# Truth
# --------------------------------------------------------------------------

EPOCH = date(1970, 1, 1)


def _day(value: object) -> int:
    """Days since 1970-01-01 of a date-like value."""
    return (pd.Timestamp(value).date() - EPOCH).days


def choice(rng: np.random.Generator, pairs: Sequence[tuple[Any, float]], size: int) -> np.ndarray:
    values = np.array([v for v, _ in pairs])
    p = np.array([w for _, w in pairs], dtype=float)
    return values[rng.choice(len(values), size=size, p=p / p.sum())]


def _creditor_catalogue() -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Creditor spellings, their creditor_type index (by the contract's rules), weights."""
    names: list[str] = []
    weights: list[float] = []
    for ct in CREDITOR_TYPES:
        for name, w in TRUE_PARAMS.creditors[ct]:
            names.append(name)
            weights.append(w)
    types = np.array([_CT[creditor_type_of(name)] for name in names])
    return tuple(names), types, np.array(weights)


CREDITORS, _CREDITOR_TYPE_OF, _CREDITOR_WEIGHTS = _creditor_catalogue()
SERVICERS: tuple[str, ...] = tuple(name for name, _ in TRUE_PARAMS.servicers)


def simulate_truth(n: int, rng: np.random.Generator, today: int) -> dict[str, np.ndarray]:
    """Draw n cases; integer columns use -1 and float columns NaN for 'none'."""
    P = TRUE_PARAMS
    start = _day(P.sale_start)
    end = min(_day(P.sale_end), today - P.sale_min_days_before_today)
    if end < start:
        raise ValueError(
            f"today must be after {P.sale_start} (+{P.sale_min_days_before_today} days)"
        )
    sale = rng.integers(start, end + 1, size=n)

    lo, hi = P.age_range
    age = np.rint(rng.normal(P.age_mean, P.age_sd, size=n))
    bad = (age < lo) | (age > hi)
    while bad.any():
        age[bad] = np.rint(rng.normal(P.age_mean, P.age_sd, size=int(bad.sum())))
        bad = (age < lo) | (age > hi)
    age = age.astype(np.int64)

    pw = np.asarray(P.prefecture_weights, dtype=float)
    pref = rng.choice(len(PREFECTURES), size=n, p=pw / pw.sum())

    thresholds = np.array([a for a, _ in P.pensioner_share])
    shares = np.array([s for _, s in P.pensioner_share])
    p_pension = shares[np.searchsorted(thresholds, age, side="right") - 1]
    others = [c for c in P.employment_mix]
    emp = np.array([_EMP[c] for c in others])[
        rng.choice(len(others), size=n, p=np.array([P.employment_mix[c] for c in others]))
    ]
    emp = np.where(rng.random(n) < p_pension, _EMP["pensioner"], emp)

    med = np.array([P.income[c][0] for c in EMPLOYMENT])[emp]
    sd = np.array([P.income[c][1] for c in EMPLOYMENT])[emp]
    income = np.exp(np.log(med) + sd * rng.standard_normal(n))
    income = np.rint(income / P.income_round) * P.income_round
    zero = (emp == _EMP["unemployed"]) & (rng.random(n) < P.unemployed_zero_income)
    income = np.where(zero, 0, income).astype(np.int64)

    pens = emp == _EMP["pensioner"]
    hh_p = rng.random(n)
    hh = np.empty(n, dtype=np.int64)
    for key, mask in (("pensioner", pens), ("other", ~pens)):
        cum = np.cumsum(P.household_probs[key])
        hh[mask] = 1 + np.searchsorted(cum / cum[-1], hh_p[mask], side="right")

    ct_codes = list(CREDITOR_TYPES)
    ct_p = np.array([P.creditor_type_mix[c] for c in ct_codes])
    ct = rng.choice(len(ct_codes), size=n, p=ct_p / ct_p.sum())
    cred = np.empty(n, dtype=np.int64)
    u = rng.random(n)
    for t in range(len(ct_codes)):
        members = np.flatnonzero(_CREDITOR_TYPE_OF == t)
        w = np.cumsum(_CREDITOR_WEIGHTS[members])
        mask = ct == t
        cred[mask] = members[np.searchsorted(w / w[-1], u[mask], side="right")]
    ct = _CREDITOR_TYPE_OF[cred]  # the contract's rule decides the type

    has_serv = rng.random(n) < _lookup(P.servicer_share, CREDITOR_TYPES, ct)
    sw = np.array([w for _, w in P.servicers])
    serv = rng.choice(len(SERVICERS), size=n, p=sw / sw.sum())
    jhf = ct == _CT["jhf"]
    serv = np.where(jhf, SERVICERS.index(P.jhf_servicer), serv)
    serv = np.where(has_serv, serv, -1)
    bought = has_serv & ~jhf

    median = _lookup(P.debt_median, CREDITOR_TYPES, ct)
    z = rng.standard_normal(n)
    tail = rng.random(n) < P.debt_tail_share
    debt = np.where(
        tail,
        np.exp(math.log(P.debt_tail_median) + P.debt_tail_sdlog * z),
        np.exp(np.log(median) + P.debt_sdlog * z),
    )
    unit = np.where(debt >= 1e8, 10 * P.debt_round, P.debt_round)  # 1億 and more: whole 万
    debt = np.clip(np.rint(debt / unit) * unit, *P.debt_range).astype(np.int64)
    rate = _lookup(P.delinquency_rate, CREDITOR_TYPES, ct)

    # resolution
    groups = np.where(jhf, 0, np.where(bought, 1, 2))
    base = np.array(
        [[P.resolution_weights[g][r] for r in RESOLUTIONS] for g in ("jhf", "servicer", "direct")]
    )
    W = base[groups]
    low_income = (emp == _EMP["pensioner"]) | (emp == _EMP["unemployed"])
    W[:, RESOLUTION_INDEX["rehabilitation"]] *= np.where(
        debt > P.rehab_max_debt, 0.0, 1.0
    ) * np.where(low_income, P.rehab_low_income_factor, 1.0)
    limits = np.array([b for b, _ in P.va_debt_factor])
    factors = np.array([f for _, f in P.va_debt_factor])
    W[:, RESOLUTION_INDEX["voluntary_arrangement"]] *= factors[
        np.searchsorted(limits, debt, side="left")
    ]
    W[:, RESOLUTION_INDEX["bankruptcy"]] *= np.where(
        emp == _EMP["unemployed"], P.bankruptcy_unemployed_factor, 1.0
    )
    W[:, RESOLUTION_INDEX["bankruptcy"]] *= np.where(
        debt > P.bankruptcy_large_debt[0], P.bankruptcy_large_debt[1], 1.0
    )
    W[:, RESOLUTION_INDEX["lump_sum"]] *= _lookup(
        {c: P.lump_sum_employment_factor.get(c, 1.0) for c in EMPLOYMENT}, EMPLOYMENT, emp
    )
    W[:, RESOLUTION_INDEX["limitation"]] *= (today - sale) >= P.limitation_min_years * 365.25
    cum = np.cumsum(W, axis=1)
    u = rng.random(n) * cum[:, -1]
    res = np.minimum((u[:, None] >= cum).sum(axis=1), len(RESOLUTIONS) - 1)

    # agreement date; an agreement that would come after today is still pending
    off = np.zeros((3, len(RESOLUTIONS)))
    shape = np.ones((3, len(RESOLUTIONS)))
    scale = np.ones((3, len(RESOLUTIONS)))
    for g, special in enumerate((P.delay_months_jhf, P.delay_months_servicer, {})):
        for r, code in enumerate(RESOLUTIONS):
            spec = special.get(code, P.delay_months.get(code))
            if spec is not None:
                off[g, r], shape[g, r], scale[g, r] = spec
    months = off[groups, res] + rng.gamma(shape[groups, res], scale[groups, res])
    agr = sale + np.rint(months * P.days_per_month).astype(np.int64)
    pending = (res == RESOLUTION_INDEX["pending"]) | (agr > today)
    res = np.where(pending, RESOLUTION_INDEX["pending"], res)
    agr = np.where(pending, -1, agr)

    # terms
    inst = res == RESOLUTION_INDEX["installment"]
    p_open = np.where(
        jhf, P.open_share_jhf, np.where(pens, P.open_share_pensioner, P.open_share_other)
    )
    is_open = rng.random(n) < p_open
    terms = np.array([k for k, _ in P.fixed_terms])
    tw = np.array([w for _, w in P.fixed_terms]) * (
        terms[None, :] * P.term_max_monthly <= debt[:, None]
    )
    tw_cum = np.cumsum(tw, axis=1)
    is_open |= tw_cum[:, -1] == 0  # a debt too small for any fixed term: open-ended
    u = rng.random(n) * tw_cum[:, -1]
    fixed = terms[np.minimum((u[:, None] >= tw_cum).sum(axis=1), len(terms) - 1)]
    va_t = choice(rng, P.va_terms, n)
    rehab_t = choice(rng, P.rehab_terms, n)
    va = res == RESOLUTION_INDEX["voluntary_arrangement"]
    rehab = res == RESOLUTION_INDEX["rehabilitation"]
    term = np.select([inst & ~is_open, va, rehab], [fixed, va_t, rehab_t], np.nan)

    # outcomes
    eps_r = rng.standard_normal(n)
    eps_m = rng.standard_normal(n)
    debt_f = debt.astype(float)
    income_f = income.astype(float)
    years = (agr - sale) / 365.25
    lump_rows = res == RESOLUTION_INDEX["lump_sum"]
    x = _expit(
        _ratio_mu(debt_f, income_f, ct, bought.astype(float), years)
        + TRUE_PARAMS.ratio_sigma * eps_r
    )
    lump = np.where(lump_rows, _round_lump(x * debt_f, debt_f), np.nan)
    m = np.exp(_monthly_mu(income_f, hh.astype(float), emp, ct) + TRUE_PARAMS.monthly_sigma * eps_m)
    with np.errstate(invalid="ignore", divide="ignore"):
        monthly = np.select(
            [inst, va, rehab],
            [
                _round_monthly(m),
                _plan_monthly(debt_f, term),
                _plan_monthly(_rehab_minimum(debt_f), term),
            ],
            np.nan,
        )
    ratio = _ratio_of(lump, monthly, term, debt_f)

    def ints(a: np.ndarray) -> np.ndarray:
        return np.where(np.isnan(a), -1, a).astype(np.int64)

    return {
        "case_no": np.arange(1, n + 1),
        "sale": sale.astype(np.int64),
        "agr": agr.astype(np.int64),
        "age": age,
        "pref": pref.astype(np.int64),
        "emp": emp.astype(np.int64),
        "income": income,
        "hh": hh,
        "cred": cred,
        "ct": ct.astype(np.int64),
        "serv": serv.astype(np.int64),
        "debt": debt,
        "rate": rate,
        "res": res.astype(np.int64),
        "lump": ints(lump),
        "monthly": ints(monthly),
        "term": ints(term),
        "ratio": ratio,
    }


def clean_frame(t: dict[str, np.ndarray], n: int) -> pd.DataFrame:
    """The truth in the contract's clean table."""

    def days(a: np.ndarray) -> np.ndarray:
        out = a.astype("datetime64[D]").astype("datetime64[ns]")
        return np.where(a < 0, np.datetime64("NaT", "ns"), out)

    def ints(a: np.ndarray) -> pd.arrays.IntegerArray:
        return pd.arrays.IntegerArray(np.where(a < 0, 0, a).astype(np.int64), a < 0)

    def floats(a: np.ndarray) -> pd.arrays.FloatingArray:
        return pd.arrays.FloatingArray(np.nan_to_num(a).astype(np.float64), np.isnan(a))

    def strings(values: Sequence[str], idx: np.ndarray) -> np.ndarray:
        table = np.array([*values, None], dtype=object)
        return table[np.where(idx < 0, len(values), idx)]

    band_idx = np.clip(t["age"] // 10 - 1, 0, len(AGE_BANDS) - 1)
    data: dict[str, Any] = {
        "case_id": case_ids(t["case_no"], n).astype("string"),
        "sale_date": days(t["sale"]),
        "agreement_date": days(t["agr"]),
        "age": ints(t["age"]),
        "age_band": strings(AGE_BANDS, band_idx),
        "prefecture": strings(PREFECTURES, t["pref"]),
        "employment": pd.Categorical.from_codes(t["emp"], dtype=COLUMN_BY_NAME["employment"].dtype),
        "monthly_income": ints(t["income"]),
        "household_size": ints(t["hh"]),
        "creditor": strings(CREDITORS, t["cred"]),
        "creditor_type": pd.Categorical.from_codes(
            t["ct"], dtype=COLUMN_BY_NAME["creditor_type"].dtype
        ),
        "servicer": strings(SERVICERS, t["serv"]),
        "residual_debt": ints(t["debt"]),
        "delinquency_rate": floats(t["rate"]),
        "resolution": pd.Categorical.from_codes(t["res"], dtype=COLUMN_BY_NAME["resolution"].dtype),
        "lump_sum": ints(t["lump"]),
        "monthly_amount": ints(t["monthly"]),
        "term_months": ints(t["term"]),
        "settlement_ratio": floats(t["ratio"]),
    }
    frame = pd.DataFrame(data).reindex(columns=list(CASE_COLUMNS))  # optional columns: empty
    return frame.astype({c: COLUMN_BY_NAME[c].dtype for c in CASE_COLUMNS})


def case_ids(case_no: np.ndarray, n: int) -> pd.api.extensions.ExtensionArray:
    """Case keys ``C000001`` …, as a ``str`` array."""
    width = max(6, len(str(n)))
    return ("C" + pd.Series(case_no, dtype="int64").astype("str").str.zfill(width)).array


def as_today(today: object) -> int:
    stamp = pd.Timestamp.today() if today is None else pd.Timestamp(today)
    return _day(stamp.normalize())


def _codes(values: pd.Series, vocabulary: Sequence[str]) -> np.ndarray:
    return pd.Categorical(values.astype("string"), categories=list(vocabulary)).codes.astype(
        np.int64
    )


def _floats(values: pd.Series) -> np.ndarray:
    return pd.to_numeric(values).to_numpy(dtype=float, na_value=np.nan)


def _days(values: pd.Series) -> np.ndarray:
    stamps = pd.to_datetime(values)
    return (stamps - pd.Timestamp("1970-01-01")).dt.days.to_numpy(dtype=float, na_value=np.nan)


@check_arguments
def true_quantile(
    cases: pd.DataFrame,
    target: str,
    q: float | Sequence[float],
    *,
    as_of: date | str | None = None,
) -> pd.Series | pd.DataFrame:
    """Exact conditional quantiles of the recorded outcome under :data:`TRUE_PARAMS`.

    The recorded amounts are monotone roundings of a latent normal (on the
    logit or log scale), so the q-quantile of a recorded amount is the
    rounding of the latent q-quantile; the result is computed in closed form,
    not by sampling.

    Parameters
    ----------
    cases : DataFrame
        A clean table (``simulate_cases(messy=False)`` or a cleaner's output);
        uses residual_debt, monthly_income, household_size, employment,
        creditor_type, servicer, sale_date, agreement_date, resolution and
        term_months.
    target : {"settlement_ratio", "monthly_amount"}
        ``settlement_ratio``: lump-sum cases (the modelled ratio), fixed-term
        instalment plans (monthly × term / debt), and the deterministic
        任意整理 / 個人再生 plans. ``monthly_amount``: instalment cases, the
        任意整理 / 個人再生 plans, and pending cases (as if they agreed
        open-ended instalments).
    q : float or sequence of float
        Quantile level(s) in (0, 1).
    as_of : date or str, optional
        Used in place of a missing agreement_date: pending cases then get
        the ratio of a lump sum agreed on that day.

    Returns
    -------
    Series (one q) or DataFrame (one column per q)
        Aligned with ``cases``; NA where the outcome is not modelled for the
        row (bankruptcy, limitation, open-ended plans for the ratio, …) or a
        needed feature is missing. ``Float64`` for the ratio, ``Int64`` yen
        for the monthly amount.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> cases = simulate_cases(500, seed=2, messy=False, today="2026-06-30")
    >>> lump = cases[cases["resolution"] == "lump_sum"]
    >>> band = true_quantile(lump, "settlement_ratio", [0.1, 0.5, 0.9])
    >>> bool((band[0.1] <= band[0.5]).all() and (band[0.5] <= band[0.9]).all())
    True
    >>> true_quantile(cases, "monthly_amount", 0.5).dtype
    Int64Dtype()
    """
    if target not in ("settlement_ratio", "monthly_amount"):
        raise ValueError(f"target must be 'settlement_ratio' or 'monthly_amount', got {target!r}")
    levels = np.atleast_1d(np.asarray(q, dtype=float))
    if levels.ndim != 1 or not ((levels > 0) & (levels < 1)).all():
        raise ValueError(f"q must be in the open interval (0, 1), got {q!r}")

    debt = _floats(cases["residual_debt"])
    income = _floats(cases["monthly_income"])
    household = _floats(cases["household_size"])
    term = _floats(cases["term_months"])
    emp = _codes(cases["employment"], EMPLOYMENT)
    ct = _codes(cases["creditor_type"], CREDITOR_TYPES)
    res = _codes(cases["resolution"], RESOLUTIONS)
    serv = cases["servicer"].astype("string").fillna("").str.strip() != ""
    bought = (serv.to_numpy(dtype=bool) & (ct != _CT["jhf"])).astype(float)
    bought = np.where(ct < 0, np.nan, bought)
    sale = _days(cases["sale_date"])
    agr = _days(cases["agreement_date"])
    if as_of is not None:
        agr = np.where(np.isnan(agr), as_today(as_of), agr)
    years = (agr - sale) / 365.25

    inst = res == RESOLUTION_INDEX["installment"]
    lump_rows = res == RESOLUTION_INDEX["lump_sum"]
    pend = res == RESOLUTION_INDEX["pending"]
    va = res == RESOLUTION_INDEX["voluntary_arrangement"]
    rehab = res == RESOLUTION_INDEX["rehabilitation"]
    with np.errstate(invalid="ignore", divide="ignore"):
        mu_r = _ratio_mu(debt, income, ct, bought, years)
        mu_m = _monthly_mu(income, household, emp, ct)
        plan = np.select(
            [va, rehab],
            [_plan_monthly(debt, term), _plan_monthly(_rehab_minimum(debt), term)],
            np.nan,
        )

    out: dict[float, Any] = {}
    nd = NormalDist()
    for level in levels:
        z = nd.inv_cdf(float(level))
        with np.errstate(invalid="ignore", divide="ignore"):
            monthly = _round_monthly(np.exp(mu_m + TRUE_PARAMS.monthly_sigma * z))
            if target == "monthly_amount":
                values = np.select([inst | pend, va | rehab], [monthly, plan], np.nan)
                values = np.where(np.isnan(values), -1, values).astype(np.int64)
                out[float(level)] = pd.arrays.IntegerArray(np.maximum(values, 0), values < 0)
            else:
                lump = _round_lump(_expit(mu_r + TRUE_PARAMS.ratio_sigma * z) * debt, debt)
                nan = np.full(len(debt), np.nan)
                ratio = np.select(
                    [lump_rows | pend, inst, va | rehab],
                    [
                        _ratio_of(lump, nan, nan, debt),
                        _ratio_of(nan, monthly, term, debt),
                        _ratio_of(nan, plan, term, debt),
                    ],
                    np.nan,
                )
                out[float(level)] = pd.arrays.FloatingArray(np.nan_to_num(ratio), np.isnan(ratio))
    if np.ndim(q) == 0:
        return pd.Series(out[float(levels[0])], index=cases.index, name=target)
    return pd.DataFrame(out, index=cases.index)
