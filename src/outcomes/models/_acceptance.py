"""AcceptanceModel: the chance that a creditor accepts a lump sum, from the negotiation log.

A settlement is where a negotiation ended, at or above the creditor's floor,
so the share of past settlements at or below an amount understates how often
a creditor would have taken it. The negotiation log (case-records §9) says
more: every answer bounds the floor of the one who gave it, on the day it
came. :class:`AcceptanceModel` reads those bounds (:func:`log_bounds`) and
fits an interval-censored regression of the floor; :func:`evaluate_acceptance`
checks its calibration on the first proposals of held-out cases
(:mod:`outcomes.models._acceptance_eval`).

Every figure here is an internal estimate from other debtors' cases: never
shown to a debtor as what a creditor will accept (弁護士法72条).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import optimize, special
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from outcomes._arguments import check_arguments
from outcomes._errors import OutcomesError
from outcomes.models._features import as_of_timestamp, check_case_table
from outcomes.models._persist import SaveMixin, table_sha256

__all__ = ["LOG_REQUIRED", "AcceptanceModel", "case_info", "log_bounds", "text_column"]

#: the log columns the model needs (case-records §9); the others are optional
LOG_REQUIRED: tuple[str, ...] = ("case_id", "offered_on", "party", "kind", "amount", "response")

_DAYS_PER_YEAR = 365.25
_RATIO_CLIP = (1e-4, 0.995)
_DEBT_REF = 5_000_000.0
_INCOME_REF = 200_000.0
_INCOME_FLOOR = 50_000.0
_NUMERIC = ("log_debt", "log_income", "age")


def text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    return frame[name].astype("string").str.strip().replace("", pd.NA)


def _numbers(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)


def _days(values: object) -> np.ndarray:
    return pd.to_datetime(pd.Series(values), errors="coerce").to_numpy(dtype="datetime64[ns]")


def case_info(cases: pd.DataFrame) -> pd.DataFrame:
    """What the model reads of each case, one row per row of ``cases``."""
    missing = [c for c in ("case_id", "residual_debt", "creditor_type") if c not in cases.columns]
    if missing:
        raise OutcomesError(
            "the case table lacks column(s) " + ", ".join(missing) + "; clean it with clean_cases"
        )
    ct = text_column(cases, "creditor_type")
    role = text_column(cases, "servicer_role")
    servicer = text_column(cases, "servicer")
    debt = _numbers(cases, "residual_debt")
    income = _numbers(cases, "monthly_income")
    sale = (
        cases["sale_date"].to_numpy(dtype="datetime64[ns]")
        if "sale_date" in cases.columns
        else np.full(len(cases), np.datetime64("NaT"), dtype="datetime64[ns]")
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        log_debt = np.log(np.where(debt > 0, debt, np.nan) / _DEBT_REF)
        log_income = np.log(np.maximum(income, _INCOME_FLOOR) / _INCOME_REF)
    # a jhf claim, or one a collector only collects: §9 does not read its refusals of a lump sum
    unread = ((ct == "jhf") | (role == "consigned")).fillna(False).to_numpy(bool)
    return pd.DataFrame(
        {
            "case_id": text_column(cases, "case_id").to_numpy(dtype=object, na_value=None),
            "creditor_type": ct.to_numpy(dtype=object, na_value=None),
            "servicer": servicer.to_numpy(dtype=object, na_value=None),
            "creditor": text_column(cases, "creditor").to_numpy(dtype=object, na_value=None),
            "bought": (servicer.notna() & ~pd.Series(unread, index=cases.index)).to_numpy(bool),
            "unread": unread,
            "residual": debt,
            "log_debt": log_debt,
            "log_income": log_income,
            "age": _numbers(cases, "age"),
            "sale": sale,
        }
    )


def log_bounds(cases: pd.DataFrame, log: pd.DataFrame) -> pd.DataFrame:
    """The bounds on each holder's floor that the log reveals, read as case-records §9 says.

    Rows are read per case in date order (file order within a day), per
    counterparty (empty = the case's servicer, else its creditor) and like
    with like: only lump sums, as shares of the case's residual debt. A
    *period* is a run of rows with one counterparty; a change of
    counterparty, and a lapsed acceptance, start a new one, and bounds of
    different periods are never combined. A row bounds the floor on the day
    of its answer (``responded_on``, else the next row's date, else
    ``offered_on``):

    - a debtor-side lump sum ``rejected`` or ``countered``: a lower bound,
      except where the claim is ``jhf`` or collected on consignment (their
      refusal of a lump sum is not about the amount);
    - one ``accepted`` or ``lapsed`` (an upper bound until it lapsed): an upper bound;
    - a creditor's own lump sum: an upper bound (on its own day when it was
      ``withdrawn``), except the first demand of each period and any demand
      for the whole claim (建前) where the claim was bought or its role is
      unknown;
    - ``pending``, ``event`` and ``withdrawn`` debtor rows: nothing.

    Parameters
    ----------
    cases : DataFrame
        The clean case table (case_id, residual_debt, creditor_type, servicer,
        creditor, servicer_role, sale_date).
    log : DataFrame
        The clean log (:func:`outcomes.clean_negotiations`), §9's canonical columns.

    Returns
    -------
    DataFrame
        One row per bound: ``case`` (position in ``cases``), ``case_id``,
        ``row`` (position in ``log``), ``period`` (0, 1, … over the whole
        log), ``holder``, ``servicer`` (the holder when it is not the
        case's creditor), ``bought``, ``unread`` (a ``jhf`` or consigned
        claim: its refusals were not read), ``party``, ``side`` (``"lower"``/``"upper"``),
        ``ratio``, ``day`` and ``years`` (from the sale to the day).

    Examples
    --------
    >>> cases = pd.DataFrame({"case_id": ["A"], "residual_debt": [1_000_000],
    ...     "creditor_type": ["bank"], "servicer": ["S債権回収"],
    ...     "sale_date": pd.to_datetime(["2024-01-10"])})
    >>> log = pd.DataFrame({"case_id": ["A", "A", "A"],
    ...     "offered_on": pd.to_datetime(["2024-02-01", "2024-03-01", "2024-04-01"]),
    ...     "party": ["creditor", "debtor", "debtor"], "kind": ["lump_sum"] * 3,
    ...     "amount": [1_200_000, 50_000, 80_000],
    ...     "response": ["countered", "rejected", "accepted"]})
    >>> log_bounds(cases, log)[["row", "side", "ratio"]]  # the first demand is 建前
       row   side  ratio
    0    1  lower   0.05
    1    2  upper   0.08
    """
    missing = [c for c in LOG_REQUIRED if c not in log.columns]
    if missing:
        raise OutcomesError(
            "the negotiation log lacks column(s) "
            + ", ".join(missing)
            + "; clean it with clean_negotiations"
        )
    info = case_info(cases)
    first = pd.Index(info["case_id"]).drop_duplicates(keep="first")
    where = pd.Index(info["case_id"]).get_indexer(first)
    lookup = pd.Series(where, index=first)
    ids = text_column(log, "case_id")
    pos = lookup.reindex(ids.to_numpy(dtype=object, na_value=None)).to_numpy()
    known = ~pd.isna(pos)
    frame = pd.DataFrame(
        {
            "row": np.arange(len(log)),
            "case": np.where(known, pos, -1).astype("int64"),
            "offered": _days(log["offered_on"]),
            "answered": _days(log["responded_on"])
            if "responded_on" in log.columns
            else np.full(len(log), np.datetime64("NaT"), dtype="datetime64[ns]"),
            "party": text_column(log, "party").to_numpy(dtype=object, na_value=None),
            "kind": text_column(log, "kind").to_numpy(dtype=object, na_value=None),
            "response": text_column(log, "response").fillna("pending").to_numpy(dtype=object),
            "amount": _numbers(log, "amount"),
            "claimed": _numbers(log, "claimed_amount"),
            "counterparty": text_column(log, "counterparty").to_numpy(dtype=object, na_value=None),
        }
    )
    frame = frame[known & ~np.isnat(frame["offered"].to_numpy())]
    frame = frame.sort_values(["case", "offered", "row"], kind="stable").reset_index(drop=True)
    case = frame["case"].to_numpy()
    c_serv = info["servicer"].to_numpy(dtype=object)[case]
    c_cred = info["creditor"].to_numpy(dtype=object)[case]
    holder = pd.Series(frame["counterparty"], dtype=object)
    holder = holder.fillna(pd.Series(c_serv, dtype=object)).fillna(pd.Series(c_cred, dtype=object))
    holder = holder.fillna("?").to_numpy(dtype=object)
    same_case = np.r_[False, case[1:] == case[:-1]]
    lapsed_before = np.r_[False, frame["response"].to_numpy()[:-1] == "lapsed"]
    new_period = ~same_case | (holder != np.r_[None, holder[:-1]]) | lapsed_before
    period = np.cumsum(new_period) - 1
    # the answer's day: responded_on, else the next row's date (same case), else offered_on
    offered = frame["offered"].to_numpy()
    nxt = np.r_[offered[1:], np.datetime64("NaT")]
    nxt = np.where(np.r_[same_case[1:], False], nxt, np.datetime64("NaT"))
    day = frame["answered"].to_numpy().copy()
    day = np.where(np.isnat(day), nxt, day)
    day = np.where(np.isnat(day), offered, day)

    is_case_creditor = (holder == c_cred) & (holder != c_serv)
    unread = info["unread"].to_numpy()[case]
    bought = np.where(
        is_case_creditor,
        False,
        np.where(holder == c_serv, info["bought"].to_numpy()[case], ~unread),
    )
    servicer = np.where(is_case_creditor, None, holder)
    party = frame["party"].to_numpy(dtype=object)
    response = frame["response"].to_numpy(dtype=object)
    residual = info["residual"].to_numpy()[case]
    amount = frame["amount"].to_numpy()
    lump = (frame["kind"].to_numpy(dtype=object) == "lump_sum") & np.isfinite(amount)
    lump &= np.isfinite(residual) & (residual > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = amount / residual
    debtor = party == "debtor"
    creditor = party == "creditor"
    lower = debtor & lump & np.isin(response, ["rejected", "countered"]) & ~unread
    upper = debtor & lump & np.isin(response, ["accepted", "lapsed"])
    # 建前: the first creditor row of each period and every whole-claim demand
    cred_rows = pd.Series(creditor & (frame["kind"].to_numpy(dtype=object) != "event"))
    first_demand = (cred_rows & (cred_rows.groupby(period).cumsum() == 1)).to_numpy(bool)
    claimed = frame["claimed"].to_numpy()
    whole = (np.isfinite(claimed) & (amount >= claimed)) | (amount >= residual)
    formality = (first_demand | whole) & ~unread
    own = creditor & lump & ~formality
    day = np.where(own & (response == "withdrawn"), offered, day)
    side = np.where(lower, "lower", np.where(upper | own, "upper", ""))
    keep = (side != "") & np.isfinite(ratio) & (ratio > 0)
    keep &= ~((side == "upper") & (ratio >= 1.0))  # the whole debt or more: no news
    sale = info["sale"].to_numpy()[case]
    years = (day - sale).astype("timedelta64[D]").astype("float64") / _DAYS_PER_YEAR
    years[np.isnat(sale) | np.isnat(day)] = np.nan
    out = pd.DataFrame(
        {
            "case": case,
            "case_id": info["case_id"].to_numpy(dtype=object)[case],
            "row": frame["row"].to_numpy(),
            "period": period,
            "holder": holder,
            "servicer": servicer,
            "bought": bought.astype(bool),
            "unread": unread,
            "party": party,
            "side": side,
            "ratio": ratio,
            "day": day.astype("datetime64[ns]"),
            "years": years,
        }
    )[keep].reset_index(drop=True)
    for col in ("case_id", "holder", "servicer", "party", "side"):
        out[col] = out[col].astype("string")
    return out


# --------------------------------------------------------------------------
# The interval-censored regression
# --------------------------------------------------------------------------


def _pdf(z: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * z * z) / np.sqrt(2.0 * np.pi)


def _negloglik(
    theta: np.ndarray,
    X: np.ndarray,
    T: np.ndarray,
    v: np.ndarray,
    group: np.ndarray,
    lower: np.ndarray,
    counter: np.ndarray,
    weights: np.ndarray,
    noise: float,
) -> tuple[float, np.ndarray]:
    """Minus the penalised log-likelihood of the periods' floors, and its gradient.

    ``theta`` = (β, γ, log σ, m, log s). ``X``: one row per period; ``T``,
    ``v``, ``group``, ``lower``, ``counter``: one per bound (time bases,
    logit ratio, period, lower bound, the holder's own figure). A period's
    holder figures are measurements ``logit c = logit floor + u``, ``u ~
    N(m, s²)``: their joint density, times the chance that ``ε`` lies
    between the tightest bounds given them (Gaussian, in closed form).
    """
    n_groups, p = X.shape
    k = T.shape[1]
    beta, gamma = theta[:p], theta[p : p + k]
    log_sig, m, log_s = theta[p + k], theta[p + k + 1], theta[p + k + 2]
    sig, s = np.exp(log_sig), np.exp(log_s)
    lin = v - (X @ beta)[group] - T @ gamma
    z = lin / sig
    upper = ~lower
    L = np.full(n_groups, -np.inf)
    np.maximum.at(L, group[lower], z[lower])
    U = np.full(n_groups, np.inf)
    np.minimum.at(U, group[upper], z[upper])
    at_l = np.full(n_groups, -1)
    hit = lower & (z == L[group])
    at_l[group[hit]] = np.flatnonzero(hit)
    at_u = np.full(n_groups, -1)
    hit = upper & (z == U[group])
    at_u[group[hit]] = np.flatnonzero(hit)
    has_l, has_u = at_l >= 0, at_u >= 0
    # the holder's own figures: Gaussian measurements of the floor
    e = np.where(counter, lin - m, 0.0)
    kc = np.bincount(group, weights=counter.astype(float), minlength=n_groups)
    S = np.bincount(group, weights=e, minlength=n_groups)
    Q = np.bincount(group, weights=e * e, minlength=n_groups)
    r = sig**2 / s**2
    P = 1.0 + kc * r
    mu = (sig / s**2) * S / P
    tau = 1.0 / np.sqrt(P)
    A = sig**2 / (s**4 * P)
    meas = -0.5 * Q / s**2 + 0.5 * A * S**2 - 0.5 * np.log(P) - kc * log_s
    # the interval, given the measurements
    Lp, Up = (L - mu) / tau, (U - mu) / tau
    FL, FU = special.ndtr(Lp), special.ndtr(Up)
    with np.errstate(invalid="ignore"):
        D = np.where(Lp > 0, special.ndtr(-Lp) - special.ndtr(-Up), FU - FL)
    inside = D > 0
    D = np.where(inside, D, 0.0)
    lik = (1.0 - noise) * D + 0.5 * noise
    lik = np.maximum(lik, 1e-300)
    slope = (1.0 - noise) * inside
    Lf, Uf = np.where(has_l, Lp, 0.0), np.where(has_u, Up, 0.0)
    gL = np.where(has_l, -slope * _pdf(Lf), 0.0) / lik
    gU = np.where(has_u, slope * _pdf(Uf), 0.0) / lik
    dI_dL, dI_dU = gL / tau, gU / tau
    dI_dmu = -(gL + gU) / tau
    dI_dtau = -(gL * Lf + gU * Uf) / tau
    dmu_dS = sig / (s**2 * P)
    dP_dlsig = 2.0 * kc * r
    dmu_dlsig = mu * (1.0 - dP_dlsig / P)
    dmu_dls = mu * (-2.0 + dP_dlsig / P)
    dtau_dlsig = -0.5 * tau * dP_dlsig / P
    dtau_dls = -dtau_dlsig
    dM_dQ = -0.5 / s**2
    dM_dS = A * S
    dA_dlsig = A * (2.0 - dP_dlsig / P)
    dA_dls = A * (-4.0 + dP_dlsig / P)
    dM_dlsig = 0.5 * S**2 * dA_dlsig - 0.5 * dP_dlsig / P
    dM_dls = Q / s**2 + 0.5 * S**2 * dA_dls + 0.5 * dP_dlsig / P - kc
    cS = dI_dmu * dmu_dS + dM_dS
    d_a = -(np.where(has_l, dI_dL, 0.0) + np.where(has_u, dI_dU, 0.0)) / sig
    d_a += -cS * kc - 2.0 * dM_dQ * S
    grad_beta = X.T @ d_a
    grad_gamma = -(dI_dL[has_l] @ T[at_l[has_l]]) / sig - (dI_dU[has_u] @ T[at_u[has_u]]) / sig
    grad_gamma -= (cS[group] * counter) @ T + 2.0 * (dM_dQ * e) @ T
    grad_m = np.sum(-cS * kc - 2.0 * dM_dQ * S)
    Lz, Uz = np.where(has_l, L, 0.0), np.where(has_u, U, 0.0)
    grad_lsig = np.sum(
        -dI_dL * Lz * has_l
        - dI_dU * Uz * has_u
        + dI_dmu * dmu_dlsig
        + dI_dtau * dtau_dlsig
        + dM_dlsig
    )
    grad_ls = np.sum(dI_dmu * dmu_dls + dI_dtau * dtau_dls + dM_dls)
    value = -(np.sum(np.log(lik)) + np.sum(meas)) + 0.5 * np.sum(weights * beta**2)
    grad = np.concatenate(
        [-grad_beta + weights * beta, -grad_gamma, [-grad_lsig, -grad_m, -grad_ls]]
    )
    return float(value), grad


class AcceptanceModel(SaveMixin, BaseEstimator):
    """The chance that the holder of a claim accepts a lump sum, learnt from the negotiation log.

    Each holder of each case has a *floor*: the least lump sum, as a share of
    the residual debt, it accepts on a given day. The log never shows it;
    each answer bounds it (:func:`log_bounds`, as case-records §9 reads the
    log): a proposal refused or countered was below the floor that day, one
    accepted -- or the holder's own proposal -- at or above it. The model::

        logit floor(t) = x·β + g(t)·γ + σ·ε,    ε ~ N(0, 1)

    ``x``: creditor type, whether a servicer bought the claim, the servicer
    itself, log residual debt, log income (at least ¥50,000) and age
    (standardised; a missing value at the training mean); ``g(t)``: years
    from the sale to the answer (cut at ``time_cap``) with a hinge at each of
    ``time_knots``, so the floor may fall after the sale and level off.
    :meth:`predict_acceptance` is then ``P(floor(as_of) <= ratio)``.

    Why this and not a classifier on each proposal:

    * **Interval censoring.** An answer is not a price but a bound: what the
      likelihood uses is ``P(L < ε <= U)`` with ``L``, ``U`` the bounds in
      standardised units -- the interval-censored regression of survival
      analysis (R ``icenReg``, lifelines), on the logit of the ratio.
    * **One floor per holder and period, not independent trials.** The
      rounds of one negotiation share one ``ε``: a debtor who is refused
      three times and accepted at the fourth has shown one interval, not
      four coin flips. Every bound of a period is mapped to ``ε`` through the
      time trend and only the tightest lower and upper ones count (the
      likelihood takes their maximum and minimum at every step of the
      fit), so the many refusals of a long negotiation do not count as many
      independent "no"s. Periods (holders, and before and after a sale of
      the claim) are independent.
    * **Counter-proposals.** A holder's own figure is an upper bound (§9),
      but it is more: the holder places it in view of its floor, a markup
      above it. Read as a mere bound, a figure that moves with the unknown
      floor is informative censoring and biases the fit (on the generated
      logs: σ 0.53 for a true 0.60, and the floor too low). So each own
      figure ``c`` is also a measurement, ``logit c = logit floor + u``,
      ``u ~ N(m, s²)`` with ``m`` and ``s`` learnt (:attr:`markup_mean_`,
      :attr:`markup_sd_`): with a Gaussian ``ε`` the period's likelihood is
      the measurements' joint density times the chance that ``ε`` lies
      between the tightest bounds given them, both in closed form. Leaving
      the figures out instead biases the other way: a negotiation that ends
      on the holder's figure then shows only its refusals.
    * **Rarely or never seen servicers.** Each servicer's own effect has a
      Gaussian prior of sd ``servicer_sd`` around the mean of the servicers
      that bought claims (partial pooling: a maximum a posteriori fit), so a
      servicer seen in a handful of cases moves only part of the way to its
      own data, and one never seen gets the servicers' mean. Creditor types
      have a prior of sd ``creditor_sd``, the rest a weak one (``prior_sd``).
    * **Few logs, and wrong rows.** With a few parameters and whole
      negotiations as units, a few hundred logged cases suffice; a share
      ``noise`` of periods may hold contradictory answers (a row recorded
      wrongly), so one such row cannot drive the fit.

    Claims of ``jhf``, and claims a servicer only collects (``servicer_role
    == "consigned"``), are left out: §9 does not read their refusal of a lump
    sum as about the amount, so no floor can be learnt; their chances are NaN.

    Parameters
    ----------
    servicer_sd, creditor_sd, prior_sd : float, default=0.5, 1.0, 3.0
        Prior standard deviations (logit scale) of a servicer's own effect,
        of a creditor type's, and of the other coefficients (not the intercept).
    time_knots : tuple of float, default=(2.0,)
        Years after the sale where the slope of the time trend may change.
    time_cap : float, default=8.0
        Years after which the floor no longer moves; the fit cuts it further
        at the span of the log (95% of its answers, :attr:`time_cap_`), so
        the trend is never carried beyond what the log has seen.
    noise : float, default=0.01
        Share of periods whose answers are taken as possibly recorded wrongly.
    min_periods : int, default=20
        Fewer periods with a bound and the model is not fitted.
    max_iter : int, default=500
        Iterations of L-BFGS.

    Attributes
    ----------
    coef_ : ndarray
        Coefficients of :attr:`feature_names_` (then the time bases).
    feature_names_ : list of str
    sigma_ : float
        Scale of ``ε``.
    markup_mean_, markup_sd_ : float
        The holders' own figures above their floor (logit scale).
    creditor_levels_, servicer_levels_ : list of str
    center_, scale_ : ndarray
        Standardisation of log debt, log income and age.
    n_cases_, n_periods_, n_bounds_, n_train_ : int
        Cases, periods and bounds learnt from (``n_train_`` = periods).
    time_cap_ : float
        Years after the sale beyond which the floor is taken as constant.
    converged_ : bool
    training_sha256_ : str
        sha256 of the log passed to ``fit``.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases, simulate_negotiations
    >>> cases = simulate_cases(600, seed=4, messy=False, today="2026-06-30")
    >>> world = simulate_negotiations(cases, as_of="2026-06-30", seed=4)
    >>> model = AcceptanceModel().fit(world.cases, world.log)
    >>> p = model.predict_acceptance(world.cases.head(4), [0.01, 0.1, 0.5], as_of="2026-06-30")
    >>> p.shape
    (4, 3)
    >>> bool(np.all(np.isnan(p[:, 0]) | (np.diff(p, axis=1) >= 0).all(axis=1)))
    True
    """

    def __init__(
        self,
        *,
        servicer_sd: float = 0.5,
        creditor_sd: float = 1.0,
        prior_sd: float = 3.0,
        time_knots: tuple[float, ...] = (2.0,),
        time_cap: float = 8.0,
        noise: float = 0.01,
        min_periods: int = 20,
        max_iter: int = 500,
    ) -> None:
        self.servicer_sd = servicer_sd
        self.creditor_sd = creditor_sd
        self.prior_sd = prior_sd
        self.time_knots = time_knots
        self.time_cap = time_cap
        self.noise = noise
        self.min_periods = min_periods
        self.max_iter = max_iter

    # -- features ----------------------------------------------------------

    def _time_basis(self, years: np.ndarray) -> np.ndarray:
        t = np.clip(
            np.where(np.isfinite(years), years, self.years_fill_),
            0.0,
            getattr(self, "time_cap_", self.time_cap),
        )
        return np.column_stack([t, *(np.maximum(t - knot, 0.0) for knot in self.time_knots)])

    def _design(self, table: pd.DataFrame) -> np.ndarray:
        """One row per holder: intercept, creditor types, bought, servicers, numbers."""
        n = len(table)
        ct = pd.Index(self.creditor_levels_).get_indexer(
            pd.Series(table["creditor_type"], dtype=object).fillna("\x00")
        )
        serv = pd.Index(self.servicer_levels_).get_indexer(
            pd.Series(table["servicer"], dtype=object).fillna("\x00")
        )
        bought = np.asarray(table["bought"], dtype=bool)
        serv = np.where(bought, serv, -1)
        n_ct, n_sv = len(self.creditor_levels_), len(self.servicer_levels_)
        X = np.zeros((n, 2 + n_ct + n_sv + len(_NUMERIC)))
        X[:, 0] = 1.0
        rows = np.arange(n)
        X[rows[ct >= 0], 1 + ct[ct >= 0]] = 1.0
        X[:, 1 + n_ct] = bought
        X[rows[serv >= 0], 2 + n_ct + serv[serv >= 0]] = 1.0
        nums = np.column_stack([np.asarray(table[c], dtype="float64") for c in _NUMERIC])
        nums = (nums - self.center_) / self.scale_
        X[:, 2 + n_ct + n_sv :] = np.where(np.isfinite(nums), nums, 0.0)
        return X

    def _location(self, table: pd.DataFrame, years: np.ndarray) -> np.ndarray:
        p = len(self.feature_names_)
        return self._design(table) @ self.coef_[:p] + self._time_basis(years) @ self.coef_[p:]

    # -- fit ---------------------------------------------------------------

    def fit(self, cases: pd.DataFrame, log: pd.DataFrame | None = None) -> AcceptanceModel:
        """Learn the floors from the bounds the log reveals.

        Parameters
        ----------
        cases : DataFrame
            The clean case table (the cases the log's rows belong to; cases
            without rows are allowed and add nothing).
        log : DataFrame
            The clean negotiation log (§9's canonical columns).

        Returns
        -------
        self
        """
        if log is None:
            raise OutcomesError("AcceptanceModel.fit needs the negotiation log: fit(cases, log)")
        cases = check_case_table(self, cases)
        bounds = log_bounds(cases, log)
        bounds = bounds[~bounds["unread"].to_numpy(bool)].reset_index(drop=True)
        codes, period = np.unique(bounds["period"].to_numpy(), return_inverse=True)
        if len(codes) < self.min_periods:
            raise OutcomesError(
                f"the negotiation log gives bounds for {len(codes)} negotiation(s), fewer than "
                f"{self.min_periods}: too few to learn what creditors accept"
            )
        info = case_info(cases)
        first = bounds.groupby(period, sort=True).head(1).index.to_numpy()
        holders = info.iloc[bounds["case"].to_numpy()[first]].reset_index(drop=True)
        holders["servicer"] = bounds["servicer"].to_numpy(dtype=object, na_value=None)[first]
        holders["bought"] = bounds["bought"].to_numpy(bool)[first]
        ct = holders["creditor_type"].dropna()
        self.creditor_levels_ = sorted(set(ct))
        self.servicer_levels_ = sorted(set(holders.loc[holders["bought"], "servicer"].dropna()))
        nums = np.column_stack([holders[c].to_numpy(dtype="float64") for c in _NUMERIC])
        self.center_ = np.nan_to_num(np.nanmean(nums, axis=0)) if len(nums) else np.zeros(3)
        scale = np.nan_to_num(np.nanstd(nums, axis=0), nan=1.0)
        self.scale_ = np.where(scale > 0, scale, 1.0)
        years = bounds["years"].to_numpy(dtype="float64")
        seen = years[np.isfinite(years)]
        self.years_fill_ = float(np.median(seen)) if len(seen) else 0.0
        # the trend is not carried beyond the span of the log (95% of its answers)
        span = float(np.quantile(seen, 0.95)) if len(seen) else 0.0
        self.time_cap_ = float(min(self.time_cap, max(span, 0.25)))
        self.feature_names_ = [
            "intercept",
            *(f"creditor_type={c}" for c in self.creditor_levels_),
            "bought",
            *(f"servicer={s}" for s in self.servicer_levels_),
            *_NUMERIC,
        ]
        X = self._design(holders)
        T = self._time_basis(years)
        ratio = np.clip(bounds["ratio"].to_numpy(dtype="float64"), *_RATIO_CLIP)
        v = special.logit(ratio)
        lower = (bounds["side"] == "lower").to_numpy(bool)
        counter = ~lower & (bounds["party"] == "creditor").fillna(False).to_numpy(bool)
        n_ct, n_sv = len(self.creditor_levels_), len(self.servicer_levels_)
        sd = np.concatenate(
            [
                [np.inf],
                np.full(n_ct, self.creditor_sd),
                [self.prior_sd],
                np.full(n_sv, self.servicer_sd),
                np.full(len(_NUMERIC), self.prior_sd),
            ]
        )
        weights = 1.0 / np.asarray(sd, dtype="float64") ** 2
        theta0 = np.zeros(X.shape[1] + T.shape[1] + 3)
        theta0[0] = float(np.median(v))
        theta0[-2:] = (0.3, np.log(0.3))  # the holders' markup over their floor
        # one thread: the vectors are small, and BLAS threads on shared cores only slow L-BFGS
        with threadpool_limits(1):
            result = optimize.minimize(
                _negloglik,
                theta0,
                args=(X, T, v, period, lower, counter, weights, float(self.noise)),
                jac=True,
                method="L-BFGS-B",
                options={"maxiter": int(self.max_iter)},
            )
        self.coef_ = result.x[:-3].copy()
        self.sigma_ = float(np.exp(result.x[-3]))
        self.markup_mean_ = float(result.x[-2])
        self.markup_sd_ = float(np.exp(result.x[-1]))
        self.converged_ = bool(result.success)
        self.loglik_ = float(-result.fun)
        self.n_cases_ = int(bounds["case"].nunique())
        self.n_periods_ = int(len(codes))
        self.n_bounds_ = int(len(bounds))
        self.n_train_ = self.n_periods_
        self.training_sha256_ = table_sha256(log)
        self.fitted_at_ = _dt.datetime.now().isoformat(timespec="seconds")
        return self

    # -- predict -----------------------------------------------------------

    def _holder_now(self, cases: pd.DataFrame, as_of: object) -> tuple[np.ndarray, np.ndarray]:
        """Location of each case's holder now, and which cases have no readable floor."""
        info = case_info(check_case_table(self, cases))
        if as_of is None:
            days = np.full(len(info), as_of_timestamp(None).to_datetime64())
        elif np.ndim(as_of) == 0:
            days = np.full(len(info), as_of_timestamp(as_of).to_datetime64())
        else:
            days = _days(list(as_of))
            if len(days) != len(info):
                raise OutcomesError(
                    f"as_of gives {len(days)} dates for {len(info)} cases: give one date, "
                    "or one per case"
                )
        years = (days.astype("datetime64[ns]") - info["sale"].to_numpy()).astype(
            "timedelta64[D]"
        ).astype("float64") / _DAYS_PER_YEAR
        years[np.isnat(info["sale"].to_numpy()) | np.isnat(days)] = np.nan
        return self._location(info, years), info["unread"].to_numpy(bool)

    @check_arguments
    def predict_acceptance(
        self,
        cases: pd.DataFrame,
        ratios: float | Sequence[float] | np.ndarray,
        as_of: object = None,
    ) -> np.ndarray:
        """P(the case's holder accepts a lump sum of ``ratio × residual_debt`` proposed on ``as_of``).

        The holder now is the case's servicer, else its creditor. An
        internal estimate from other debtors' negotiations, never a promise.

        Parameters
        ----------
        cases : DataFrame
            Clean cases (one row each).
        ratios : float or array-like
            Lump sums as shares of the residual debt (0 gives 0, 1 or more gives 1).
        as_of : date or str, or one per case, optional
            The day of the proposal; default today.

        Returns
        -------
        ndarray of shape (len(cases), len(ratios))
            Non-decreasing along ``ratios``; NaN for a ``jhf`` or consigned claim.
        """
        check_is_fitted(self, "coef_")
        loc, unread = self._holder_now(cases, as_of)
        r = np.atleast_1d(np.asarray(ratios, dtype="float64"))
        with np.errstate(divide="ignore"):
            v = special.logit(np.clip(r, 0.0, 1.0))
        out = special.ndtr((v[None, :] - loc[:, None]) / self.sigma_)
        out[unread] = np.nan
        return out

    @check_arguments
    def predict_quantiles(
        self,
        cases: pd.DataFrame,
        quantiles: Sequence[float] = (0.05, 0.5, 0.95),
        as_of: object = None,
    ) -> pd.DataFrame:
        """The ratio each case's holder accepts with chance ``q`` on ``as_of`` (its floor's quantile).

        Returns
        -------
        DataFrame
            Index of ``cases``, one column per level; NaN for a ``jhf`` or consigned claim.
        """
        check_is_fitted(self, "coef_")
        loc, unread = self._holder_now(cases, as_of)
        q = np.asarray(quantiles, dtype="float64")
        out = special.expit(loc[:, None] + self.sigma_ * special.ndtri(q)[None, :])
        out[unread] = np.nan
        return pd.DataFrame(out, index=cases.index, columns=[float(x) for x in q])

    @check_arguments
    def predict(self, cases: pd.DataFrame, as_of: object = None) -> np.ndarray:
        """The median floor: the ratio each case's holder accepts with chance ½ on ``as_of``."""
        return self.predict_quantiles(cases, (0.5,), as_of).to_numpy()[:, 0]

    def coefficients(self) -> pd.Series:
        """The fitted coefficients by name (logit scale), then ``sigma``."""
        check_is_fitted(self, "coef_")
        time = ["years", *(f"years>{k:g}" for k in self.time_knots)]
        return pd.Series(
            [*self.coef_, self.sigma_], index=[*self.feature_names_, *time, "sigma"], dtype=float
        )

    def chance_of_bounds(self, bounds: pd.DataFrame, info: pd.DataFrame) -> np.ndarray:
        """The chance of acceptance of each bound's own proposal (its holder, ratio and day).

        ``bounds``: rows of :func:`log_bounds`; ``info``: :func:`case_info` of
        the cases they were read with.
        """
        table = info.iloc[bounds["case"].to_numpy()].reset_index(drop=True)
        table["servicer"] = bounds["servicer"].to_numpy(dtype=object, na_value=None)
        table["bought"] = bounds["bought"].to_numpy(bool)
        loc = self._location(table, bounds["years"].to_numpy(dtype="float64"))
        v = special.logit(np.clip(bounds["ratio"].to_numpy(dtype="float64"), *_RATIO_CLIP))
        return special.ndtr((v - loc) / self.sigma_)
