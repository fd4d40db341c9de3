"""Negotiation logs with a known creditor floor (synthetic).

:func:`simulate_negotiations` takes a clean case table (for instance
``simulate_cases(n, messy=False)``) and plays, for most cases, the
negotiation of a lump sum (一括和解) with whoever holds the claim, as the
seed article tells it: the holder's first demand is a formality (建前:
全額一括, or 月2万円×5年+一括50万円); the debtor's side then proposes
concrete lump sums, rising round after round; the holder rejects, counters
with its own figure, or accepts a proposal at or above its floor that day.
It returns the log as the clean canonical table of ``case-records.md`` §9,
the cases with their outcomes replaced by those of the negotiations (a
settlement is where a negotiation ended: at or above the floor), and the
true floor of every case and counterparty.

The floor (a share of the residual debt) of counterparty ``c`` of case ``i``
on day ``t`` (fields of :class:`NegotiationParams`)::

    logit floor = μ_ic + h(t − sale) + σ·ε_ic,    ε_ic ~ N(0, 1) (or logistic)
    μ_ic = intercept + creditor[creditor_type] + debt·log(residual/5M)
           + income·log(max(income, 50k)/200k) + age·(age − 50)/10
           + [a servicer that bought the claim] (bought + servicer[name])

``h`` falls with the years since the sale: ``time_slope × min(years,
time_cap)`` (``time_form="linear"``), or a step at each fiscal year-end
(``"fiscal"``). ``ε`` is drawn once per case and counterparty: the rounds of
one negotiation are not independent trials. :func:`true_acceptance` gives
the exact chance that a case's current holder accepts a lump sum of ``ratio
× residual_debt`` proposed on a day, and :func:`true_floor_quantile` its
quantiles, so a model of acceptance can be checked against the truth.

Everything here is made up.

Examples
--------
>>> from outcomes.datasets import simulate_cases, simulate_negotiations
>>> cases = simulate_cases(200, seed=2, messy=False, today="2026-06-30")
>>> world = simulate_negotiations(cases, as_of="2026-06-30", seed=2)
>>> list(world.log.columns)[:5]
['case_id', 'offered_on', 'party', 'kind', 'amount']
>>> p = true_acceptance(world.cases.head(3), [0.01, 0.5, 1.0], as_of="2026-06-30")
>>> p.shape, bool((p[:, 0] <= p[:, 1]).all()), bool((p[:, 2] == 1).all())
((3, 3), True, True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import special

from outcomes._arguments import check_arguments
from outcomes._cleaning import NEGOTIATION_COLUMNS
from outcomes._errors import OutcomesError

__all__ = [
    "LOG_COLUMNS",
    "NEGOTIATION_PARAMS",
    "NEGOTIATION_VARIANT",
    "NegotiationParams",
    "Negotiations",
    "simulate_negotiations",
    "true_acceptance",
    "true_floor_quantile",
]

#: the canonical columns of the log (case-records §9), in order: the cleaner's, one home
LOG_COLUMNS: tuple[str, ...] = NEGOTIATION_COLUMNS
_INT_COLUMNS = ("amount", "monthly_amount", "term_months", "claimed_amount")
_DATE_COLUMNS = ("offered_on", "responded_on")
_DAYS_PER_YEAR = 365.25
_UNIT = 10_000  # lump sums are proposed in steps of ¥10,000


def _frozen(mapping: Mapping[str, float]) -> MappingProxyType:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class NegotiationParams:
    """Parameters of the synthetic negotiations (logit scale for the floor).

    Attributes
    ----------
    intercept, creditor, bought, servicer, debt, income, age :
        The mean of the logit floor (module notes); a servicer absent from
        ``servicer`` gets 0; ``jhf_servicer`` (the JHF's consignee) never
        counts as a buyer.
    sigma, error :
        Scale and law of ``ε`` (``"normal"`` or ``"logistic"``; the logistic
        is scaled to the same standard deviation).
    time_form, time_slope, time_cap :
        How the floor falls after the sale: ``"linear"`` ``time_slope`` per
        year up to ``time_cap`` years, or ``"fiscal"`` ``time_slope`` at each
        31 March passed, at most ``time_cap`` steps.
    negotiate_share, log_share :
        Of the cases that could settle (pending, instalment or lump sum), the
        share that negotiate a lump sum; of those, the share whose rows the
        firm's log holds.
    transfer_share :
        Of the cases a servicer bought, the share whose log starts with the
        original creditor (then a 債権譲渡通知 event, then the servicer).
    ceiling_shift, ceiling_sd :
        The most the debtor's side can pay: logit ceiling = μ + shift + sd·z.
    first_share, step :
        The first proposal as a share of the ceiling (uniform range), and the
        factor between consecutive proposals (uniform range).
    max_rounds, counter_share, counter_markup, lapse_share :
        Debtor proposals at most; the chance a refusal comes with the
        holder's own figure (floor × exp(U(markup))); the chance an
        accepted proposal lapses (not paid).
    answer_days, gap_days, start_days, late_share, late_days :
        Days to an answer, between an answer and the next proposal, and from
        the sale to the first demand (uniform ranges; a share ``late_share``
        of debtors come to negotiate late, ``late_days`` after the sale).
    responded_share, counterparty_share :
        Rows whose answer day is recorded; rows whose counterparty is named.
    """

    intercept: float = -2.2
    creditor: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {"jhf": 1.5, "jfc": 0.4, "shinkin": 0.2, "bank": 0.0, "guarantor": -0.2, "other": -0.3}
        )
    )
    bought: float = -1.4
    servicer: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "アビリオ債権回収": -0.5,
                "SMBC債権回収": 0.2,
                "三菱HCキャピタル債権回収": 0.0,
                "エム・ユー・フロンティア債権回収": 0.4,
                "みずほ債権回収": 0.3,
                "オリックス債権回収": -0.3,
                "ニッテレ債権回収": -0.6,
                "アルファ債権回収": 0.1,
                "日本債権回収": -0.2,
            }
        )
    )
    debt: float = -0.45
    income: float = 0.3
    age: float = -0.1
    sigma: float = 0.6
    error: str = "normal"
    time_form: str = "linear"
    time_slope: float = -0.45
    time_cap: float = 4.0
    negotiate_share: float = 0.85
    log_share: float = 0.8
    transfer_share: float = 0.3
    ceiling_shift: float = 0.5
    ceiling_sd: float = 1.0
    first_share: tuple[float, float] = (0.15, 0.55)
    step: tuple[float, float] = (1.15, 1.7)
    max_rounds: int = 7
    counter_share: float = 0.5
    counter_markup: tuple[float, float] = (0.05, 0.5)
    lapse_share: float = 0.04
    answer_days: tuple[int, int] = (7, 35)
    gap_days: tuple[int, int] = (0, 20)
    start_days: tuple[int, int] = (-30, 150)
    late_share: float = 0.4
    late_days: tuple[int, int] = (150, 1500)
    responded_share: float = 0.7
    counterparty_share: float = 0.8
    jhf_servicer: str = "住宅債権管理回収機構"
    debt_ref: float = 5_000_000.0
    income_ref: float = 200_000.0
    income_floor: float = 50_000.0


#: the world the package's tests and benchmark tune on
NEGOTIATION_PARAMS = NegotiationParams()

#: a second world, never used to tune :class:`~outcomes.models.AcceptanceModel`: other
#: effects, a logistic error, a floor that falls in steps at each fiscal year-end, fewer
#: logs and counter-proposals, faster rises
NEGOTIATION_VARIANT = replace(
    NEGOTIATION_PARAMS,
    intercept=-2.0,
    creditor=_frozen(
        {"jhf": 1.2, "jfc": 0.6, "shinkin": -0.1, "bank": 0.2, "guarantor": -0.4, "other": 0.0}
    ),
    bought=-1.7,
    servicer=_frozen(
        {
            "アビリオ債権回収": 0.3,
            "SMBC債権回収": -0.6,
            "三菱HCキャピタル債権回収": 0.5,
            "エム・ユー・フロンティア債権回収": -0.2,
            "みずほ債権回収": -0.4,
            "オリックス債権回収": 0.6,
            "ニッテレ債権回収": 0.0,
            "アルファ債権回収": -0.8,
            "日本債権回収": 0.4,
        }
    ),
    debt=-0.3,
    income=0.5,
    age=0.0,
    sigma=0.8,
    error="logistic",
    time_form="fiscal",
    time_slope=-0.35,
    time_cap=5.0,
    log_share=0.6,
    counter_share=0.3,
    first_share=(0.25, 0.7),
    step=(1.1, 1.5),
    max_rounds=5,
)


class Negotiations(NamedTuple):
    """What :func:`simulate_negotiations` returns.

    Attributes
    ----------
    cases : DataFrame
        The cases, with the outcomes of the negotiations (a claim settled
        with its first holder before the sale to a servicer loses its
        servicer): a case whose
        holder accepted a lump sum by ``as_of`` is ``lump_sum`` (amount,
        ratio and agreement date of that answer); one whose lump sum did not
        come about is ``pending`` where it was a lump sum before; the others
        keep theirs.
    log : DataFrame
        The canonical log (:data:`LOG_COLUMNS`), in date order within a case.
    floors : DataFrame
        One row per case and counterparty negotiated with: ``case_id``,
        ``counterparty``, ``current`` (the case's holder now), ``mu`` (the
        mean logit floor before time), ``eps`` (its drawn ``ε``), ``logged``
        (its rows are in the log) and ``settled``.
    """

    cases: pd.DataFrame
    log: pd.DataFrame
    floors: pd.DataFrame


def _text(cases: pd.DataFrame, name: str) -> np.ndarray:
    if name not in cases.columns:
        return np.full(len(cases), None, dtype=object)
    return cases[name].astype("string").to_numpy(dtype=object, na_value=None)


def _numbers(cases: pd.DataFrame, name: str) -> np.ndarray:
    if name not in cases.columns:
        return np.full(len(cases), np.nan)
    return pd.to_numeric(cases[name], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)


def _holder(cases: pd.DataFrame, params: NegotiationParams) -> tuple[np.ndarray, np.ndarray]:
    """Whether a servicer bought each claim, and that servicer (else None)."""
    servicer = _text(cases, "servicer")
    ct = _text(cases, "creditor_type")
    role = _text(cases, "servicer_role")
    bought = np.array(
        [
            s is not None and s != params.jhf_servicer and c != "jhf" and r != "consigned"
            for s, c, r in zip(servicer, ct, role, strict=True)
        ],
        dtype=bool,
    )
    return bought, servicer


def _mu(cases: pd.DataFrame, params: NegotiationParams, bought: np.ndarray) -> np.ndarray:
    """The mean logit floor (before time) of each case's holder (``bought``: a servicer's)."""
    missing = [c for c in ("creditor_type", "residual_debt") if c not in cases.columns]
    if missing:
        raise OutcomesError("the case table lacks column(s) " + ", ".join(missing))
    ct = pd.Series(_text(cases, "creditor_type"), dtype=object)
    debt = _numbers(cases, "residual_debt")
    debt = np.where(np.isfinite(debt) & (debt > 0), debt, params.debt_ref)
    income = _numbers(cases, "monthly_income")
    income = np.where(
        np.isfinite(income), np.maximum(income, params.income_floor), params.income_ref
    )
    age = _numbers(cases, "age")
    age = np.where(np.isfinite(age), age, 50.0)
    servicer = pd.Series(_text(cases, "servicer"), dtype=object)
    serv = servicer.map(dict(params.servicer)).fillna(0.0).to_numpy(dtype="float64")
    return (
        params.intercept
        + ct.map(dict(params.creditor)).fillna(0.0).to_numpy(dtype="float64")
        + params.debt * np.log(debt / params.debt_ref)
        + params.income * np.log(income / params.income_ref)
        + params.age * (age - 50.0) / 10.0
        + np.where(bought, params.bought + serv, 0.0)
    )


def _time_effect(sale: np.ndarray, day: np.ndarray, params: NegotiationParams) -> np.ndarray:
    """``h(t)``: how far the logit floor has fallen between the sale and ``day``."""
    sale = np.asarray(sale, dtype="datetime64[D]")
    day = np.asarray(day, dtype="datetime64[D]")
    if params.time_form == "linear":
        years = (day - sale).astype("float64") / _DAYS_PER_YEAR
        return params.time_slope * np.clip(years, 0.0, params.time_cap)
    if params.time_form == "fiscal":
        # a step at each 31 March passed: the fiscal year (April to March) changes
        def fiscal(d: np.ndarray) -> np.ndarray:
            index = pd.DatetimeIndex(d)
            return (index.year - (index.month <= 3)).to_numpy()

        steps = np.maximum(fiscal(day) - fiscal(sale), 0)
        return params.time_slope * np.minimum(steps, params.time_cap)
    raise ValueError(f"time_form must be 'linear' or 'fiscal', got {params.time_form!r}")


def _error_scale(params: NegotiationParams) -> float:
    """The scale of ``ε``'s law giving it standard deviation ``sigma``."""
    if params.error == "normal":
        return params.sigma
    if params.error == "logistic":
        return params.sigma * np.sqrt(3.0) / np.pi
    raise ValueError(f"error must be 'normal' or 'logistic', got {params.error!r}")


def _cdf(z: np.ndarray, params: NegotiationParams) -> np.ndarray:
    return special.ndtr(z) if params.error == "normal" else special.expit(z)


def _ppf(p: np.ndarray, params: NegotiationParams) -> np.ndarray:
    return special.ndtri(p) if params.error == "normal" else special.logit(p)


def _days_of(as_of: object, n: int) -> np.ndarray:
    values = pd.to_datetime(pd.Series(np.broadcast_to(np.asarray(as_of, dtype=object), (n,))))
    if values.isna().any():
        raise OutcomesError("as_of must be a date (or one date per case)")
    return values.to_numpy(dtype="datetime64[D]")


@check_arguments
def true_acceptance(
    cases: pd.DataFrame,
    ratios: Sequence[float] | np.ndarray,
    *,
    as_of: object,
    params: NegotiationParams = NEGOTIATION_PARAMS,
) -> np.ndarray:
    """Exact chance that each case's holder accepts ``ratio × residual_debt`` on ``as_of``.

    The chance, over the holders like this case's (``ε`` unknown), that the
    floor on ``as_of`` is at or below the ratio.

    Parameters
    ----------
    cases : DataFrame
        Clean cases (creditor_type, servicer, residual_debt, monthly_income,
        age, sale_date).
    ratios : array-like
        Lump sums as shares of the residual debt.
    as_of : date, str, or one per case
    params : NegotiationParams

    Returns
    -------
    ndarray of shape (len(cases), len(ratios))
    """
    bought, _ = _holder(cases, params)
    day = _days_of(as_of, len(cases))
    sale = cases["sale_date"].to_numpy(dtype="datetime64[D]")
    loc = _mu(cases, params, bought) + _time_effect(sale, day, params)
    r = np.atleast_1d(np.asarray(ratios, dtype="float64"))
    with np.errstate(divide="ignore"):
        z = (special.logit(np.clip(r, 0.0, 1.0))[None, :] - loc[:, None]) / _error_scale(params)
    return _cdf(z, params)


@check_arguments
def true_floor_quantile(
    cases: pd.DataFrame,
    levels: Sequence[float] | np.ndarray,
    *,
    as_of: object,
    params: NegotiationParams = NEGOTIATION_PARAMS,
) -> np.ndarray:
    """The ratio each case's holder accepts with chance ``level`` on ``as_of`` (exact).

    Returns
    -------
    ndarray of shape (len(cases), len(levels))
    """
    bought, _ = _holder(cases, params)
    day = _days_of(as_of, len(cases))
    sale = cases["sale_date"].to_numpy(dtype="datetime64[D]")
    loc = _mu(cases, params, bought) + _time_effect(sale, day, params)
    q = _ppf(np.asarray(levels, dtype="float64"), params)
    return special.expit(loc[:, None] + _error_scale(params) * q[None, :])


class _Play:
    """One negotiation after another, written as rows of the log."""

    def __init__(self, rng: np.random.Generator, params: NegotiationParams, end: np.datetime64):
        self.rng = rng
        self.p = params
        self.end = end
        self.rows: list[tuple] = []
        self.named = False

    def days(self, span: tuple[int, int]) -> np.timedelta64:
        return np.timedelta64(int(self.rng.integers(span[0], span[1] + 1)), "D")

    def add(
        self,
        case_id,
        day,
        party,
        kind,
        amount,
        response,
        answered,
        cp,
        *,
        monthly=None,
        term=None,
        claimed=None,
    ):
        """One row; the answer day and the counterparty are sometimes left empty (an
        empty counterparty is the case's holder now, §9: the first holder is always named)."""
        p = self.p
        shown_answer = (
            answered if answered is not None and self.rng.random() < p.responded_share else None
        )
        shown_cp = cp if self.named or self.rng.random() < p.counterparty_share else None
        self.rows.append(
            (
                case_id,
                day,
                party,
                kind,
                amount,
                monthly,
                term,
                response,
                shown_answer,
                shown_cp,
                claimed,
            )
        )

    def floor(self, loc: float, sale: np.datetime64, day: np.datetime64) -> float:
        h = float(_time_effect(np.array([sale]), np.array([day]), self.p)[0])
        return float(special.expit(loc + h))

    def demand(self, case_id, day, cp, debt, claimed):
        """The holder's first demand: 建前, the whole claim or 月2万円×5年+一括50万円."""
        answer = day + self.days(self.p.answer_days)
        if self.rng.random() < 0.5:
            self.add(
                case_id,
                day,
                "creditor",
                "lump_sum",
                claimed,
                "countered",
                answer,
                cp,
                claimed=claimed,
            )
        else:
            self.add(
                case_id,
                day,
                "creditor",
                "mixed",
                min(500_000, claimed),
                "countered",
                answer,
                cp,
                monthly=20_000,
                term=60,
                claimed=claimed,
            )
        return answer

    def early(self, case_id, sale, day, cp, debt, loc, ceiling, claimed):
        """A few small proposals to the first holder, before it sells the claim.

        Returns the day the rounds ended and, where the holder accepted one,
        the amount and the day (the claim then stays with it).
        """
        day = self.demand(case_id, day, cp, debt, claimed)
        r = ceiling * self.rng.uniform(0.05, 0.25)
        for _ in range(int(self.rng.integers(1, 3))):
            answer = day + self.days(self.p.answer_days)
            if answer > self.end:
                return day, None
            amount = min(max(_UNIT, int(round(r * debt / _UNIT)) * _UNIT), int(debt))
            if amount >= self.floor(loc, sale, answer) * debt:
                self.add(case_id, day, "debtor", "lump_sum", amount, "accepted", answer, cp)
                return day, (amount, answer)
            self.add(case_id, day, "debtor", "lump_sum", amount, "rejected", answer, cp)
            day = answer + self.days(self.p.gap_days)
            r *= self.rng.uniform(*self.p.step)
        return day, None

    def main(self, case_id, sale, day, cp, debt, loc, ceiling, claimed):
        """The negotiation with the holder now; the settled amount and day, or None."""
        p, rng = self.p, self.rng
        if day > self.end:
            return None
        day = self.demand(case_id, day, cp, debt, claimed)
        r = ceiling * rng.uniform(*p.first_share)
        for _ in range(p.max_rounds):
            if day > self.end:
                return None
            amount = max(_UNIT, int(round(r * debt / _UNIT)) * _UNIT)
            amount = min(amount, int(debt))
            answer = day + self.days(p.answer_days)
            if answer > self.end:
                self.add(case_id, day, "debtor", "lump_sum", amount, None, None, cp)
                return None
            f = self.floor(loc, sale, answer)
            if amount >= f * debt:
                if rng.random() < p.lapse_share:
                    self.add(case_id, day, "debtor", "lump_sum", amount, "lapsed", answer, cp)
                    return None
                self.add(case_id, day, "debtor", "lump_sum", amount, "accepted", answer, cp)
                return amount, answer
            if rng.random() < p.counter_share:
                self.add(case_id, day, "debtor", "lump_sum", amount, "countered", answer, cp)
                counter = int(np.ceil(f * debt * np.exp(rng.uniform(*p.counter_markup)) / _UNIT))
                counter = min(counter * _UNIT, int(debt))
                back = answer + self.days(p.answer_days)
                if back > self.end:
                    self.add(case_id, answer, "creditor", "lump_sum", counter, None, None, cp)
                    return None
                if counter <= ceiling * debt:
                    self.add(case_id, answer, "creditor", "lump_sum", counter, "accepted", back, cp)
                    return counter, back
                self.add(case_id, answer, "creditor", "lump_sum", counter, "countered", back, cp)
                day = back + self.days(p.gap_days)
            else:
                self.add(case_id, day, "debtor", "lump_sum", amount, "rejected", answer, cp)
                day = answer + self.days(p.gap_days)
            if r >= ceiling * 0.999:  # refused at the most the debtor can pay: the end
                if rng.random() < 0.3 and day <= self.end:
                    self.add(case_id, day, "debtor", "event", None, None, None, cp)
                return None
            r = min(ceiling, r * rng.uniform(*p.step))
        return None


@check_arguments
def simulate_negotiations(
    cases: pd.DataFrame,
    *,
    as_of: object = None,
    seed: int | None = 0,
    params: NegotiationParams = NEGOTIATION_PARAMS,
) -> Negotiations:
    """Play the lump-sum negotiations of the cases against a known floor.

    Parameters
    ----------
    cases : DataFrame
        A clean case table (``simulate_cases(n, messy=False)``); not modified.
    as_of : date or str, optional
        The day the log is exported: nothing is offered after it, an answer
        due after it is ``pending``. Default: the latest sale date.
    seed : int or None
    params : NegotiationParams
        :data:`NEGOTIATION_PARAMS` (default) or :data:`NEGOTIATION_VARIANT`.

    Returns
    -------
    Negotiations
        ``(cases, log, floors)``: see :class:`Negotiations`.
    """
    sale = cases["sale_date"].to_numpy(dtype="datetime64[D]")
    if np.isnat(sale).any():
        raise OutcomesError("every case needs a sale_date to negotiate")
    end = (
        pd.Timestamp(as_of).to_datetime64().astype("datetime64[D]")
        if as_of is not None
        else sale.max()
    )
    rng = np.random.default_rng(seed)
    p = params
    n = len(cases)
    bought, servicer = _holder(cases, p)
    ids = _text(cases, "case_id")
    creditor = _text(cases, "creditor")
    debt = _numbers(cases, "residual_debt")
    mu_now = _mu(cases, p, bought)
    mu_first = _mu(cases, p, np.zeros(n, dtype=bool))
    scale = _error_scale(p)

    def draw(size: int) -> np.ndarray:
        return rng.standard_normal(size) if p.error == "normal" else rng.logistic(size=size)

    eps_now, eps_first = draw(n), draw(n)
    ceiling = special.expit(mu_now + p.ceiling_shift + p.ceiling_sd * rng.standard_normal(n))
    resolution = _text(cases, "resolution")
    can_settle = np.isin(resolution.astype(str), ["pending", "installment", "lump_sum"])
    negotiate = can_settle & np.isfinite(debt) & (debt >= 2 * _UNIT) & (sale <= end)
    negotiate &= rng.random(n) < p.negotiate_share
    logged = negotiate & (rng.random(n) < p.log_share)
    transfer = bought & (rng.random(n) < p.transfer_share)
    claimed = np.round(np.nan_to_num(debt) * rng.uniform(1.0, 1.3, n) / 1000) * 1000
    start = np.where(
        rng.random(n) < p.late_share,
        rng.integers(p.late_days[0], p.late_days[1] + 1, n),
        rng.integers(p.start_days[0], p.start_days[1] + 1, n),
    )

    play = _Play(rng, p, end)
    settled_amount = np.full(n, np.nan)
    settled_day = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    floors = []
    kept = np.zeros(n, dtype=bool)  # settled with the first holder: no servicer after all
    for i in np.flatnonzero(negotiate):
        first_row = len(play.rows)
        holder = servicer[i] if servicer[i] is not None else creditor[i]
        day = sale[i] + np.timedelta64(int(start[i]), "D")
        if transfer[i]:
            play.named = True
            day, early = play.early(
                ids[i],
                sale[i],
                day,
                creditor[i],
                debt[i],
                mu_first[i] + scale * eps_first[i],
                float(ceiling[i]),
                int(claimed[i]),
            )
            floors.append(
                (
                    ids[i],
                    creditor[i],
                    early is not None,
                    mu_first[i],
                    eps_first[i],
                    bool(logged[i]),
                    early is not None,
                )
            )
            play.named = False
            if early is not None:  # settled with the first holder: the claim was never sold
                settled_amount[i], settled_day[i] = early
                kept[i] = True
                if not logged[i]:
                    del play.rows[first_row:]
                continue
            day = day + play.days(p.gap_days)
            if day <= end:  # 債権譲渡通知
                play.add(ids[i], day, "creditor", "event", None, None, None, holder)
                day = day + play.days(p.answer_days)
        out = play.main(
            ids[i],
            sale[i],
            day,
            holder,
            debt[i],
            mu_now[i] + scale * eps_now[i],
            float(ceiling[i]),
            int(claimed[i]),
        )
        if out is not None:
            settled_amount[i], settled_day[i] = out
        floors.append(
            (ids[i], holder, True, mu_now[i], eps_now[i], bool(logged[i]), out is not None)
        )
        if not logged[i]:
            del play.rows[first_row:]

    log = pd.DataFrame(play.rows, columns=list(LOG_COLUMNS))
    for col in ("case_id", "party", "kind", "response", "counterparty"):
        log[col] = log[col].astype("string")
    for col in _INT_COLUMNS:
        log[col] = pd.array(log[col].astype("Float64").round(), dtype="Int64")
    for col in _DATE_COLUMNS:
        log[col] = pd.to_datetime(log[col]).astype("datetime64[ns]")
    log = log.sort_values(["case_id", "offered_on"], kind="stable").reset_index(drop=True)

    out_cases = _outcomes(cases, negotiate, settled_amount, settled_day)
    if kept.any():
        for col in ("servicer", "servicer_role"):
            if col in out_cases.columns:
                out_cases[col] = out_cases[col].mask(pd.Series(kept, index=out_cases.index))
    floor_table = pd.DataFrame(
        floors, columns=["case_id", "counterparty", "current", "mu", "eps", "logged", "settled"]
    )
    floor_table["case_id"] = floor_table["case_id"].astype("string")
    floor_table["counterparty"] = floor_table["counterparty"].astype("string")
    return Negotiations(out_cases, log, floor_table)


def _outcomes(
    cases: pd.DataFrame, negotiate: np.ndarray, amount: np.ndarray, day: np.ndarray
) -> pd.DataFrame:
    """The cases with the negotiations' outcomes (a settlement is where one ended)."""
    out = cases.copy()
    settled = np.isfinite(amount)
    res = out["resolution"].astype("string")
    failed = negotiate & ~settled & (res == "lump_sum").fillna(False).to_numpy(bool)
    res = res.mask(settled, "lump_sum").mask(failed, "pending")
    out["resolution"] = pd.Categorical(res, categories=cases["resolution"].cat.categories)
    agree = out["agreement_date"].to_numpy(dtype="datetime64[ns]").copy()
    agree[settled] = day[settled].astype("datetime64[ns]")
    agree[failed] = np.datetime64("NaT")
    out["agreement_date"] = agree
    debt = _numbers(cases, "residual_debt")
    lump = _numbers(out, "lump_sum")
    lump = np.where(settled, amount, np.where(failed, np.nan, lump))
    out["lump_sum"] = pd.array(
        np.where(np.isfinite(lump), np.round(lump), np.nan), dtype="Float64"
    ).astype("Int64")
    for col in ("monthly_amount", "term_months"):
        if col in out.columns:
            out[col] = out[col].mask(pd.Series(settled | failed, index=out.index))
    ratio = _numbers(out, "settlement_ratio")
    ratio = np.where(settled, amount / debt, np.where(failed, np.nan, ratio))
    if "settlement_ratio" in out.columns:
        out["settlement_ratio"] = pd.array(ratio, dtype="Float64")
    return out
