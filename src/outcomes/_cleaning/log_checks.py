"""The negotiation log's ranges and its case list (case-records §9): what is out of range is emptied and reported.

An amount below ¥0; above the row's claimed amount where given, else above
the case's residual debt × 1.5 on a debtor-side row or × 3 on a creditor-side
row; a term outside 1–600; a date after the day of cleaning, before 1989, or
more than a year before the case's sale (one within that year is kept and
noted); an answer dated before its proposal; a case id not in the case list
(reported once per case id); the firm written as the proposer (once per case).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from outcomes._cleaning.log_parts import LogState
from outcomes._contract import DATE_DTYPE, MAX_DEBT, MIN_DATE
from outcomes._format import Yen

__all__ = ["CREDITOR_FACTOR", "DEBTOR_FACTOR", "case_table", "check_log", "check_negotiations"]

#: a debtor-side amount above residual_debt times this is out of range (creditor side: the next)
DEBTOR_FACTOR, CREDITOR_FACTOR = 1.5, 3


def case_table(cases: Any) -> pd.DataFrame | None:
    if cases is None:
        return None
    if hasattr(cases, "cases") and isinstance(cases.cases, pd.DataFrame):
        cases = cases.cases
    if not isinstance(cases, pd.DataFrame) or "case_id" not in cases.columns:
        from outcomes._cleaning.clean import clean_cases
        from outcomes._cleaning.read import read_cases

        cases = clean_cases(read_cases(cases)).cases
    out = pd.DataFrame({"case_id": cases["case_id"].astype("string")})
    for name in ("sale_date", "residual_debt"):
        out[name] = cases[name] if name in cases.columns else pd.NA
    out = out.dropna(subset=["case_id"]).drop_duplicates("case_id", keep="last")
    return out.set_index("case_id")


def check_log(state: LogState, cases: pd.DataFrame | None, today: date) -> None:
    # amounts: the claim first (it bounds the others), then the full-claim demands take it
    _below_zero(state, state.claimed, None, "claimed_amount")
    _too_large(state, state.claimed, None, "claimed_amount")
    state.amount[state.full & ~np.isnan(state.claimed)] = state.claimed[
        state.full & ~np.isnan(state.claimed)
    ]
    _below_zero(state, state.amount, state.amount_from, "amount")
    _below_zero(state, state.monthly, state.monthly_from, "monthly_amount")
    _too_large(state, state.amount, state.amount_from, "amount")
    term_bad = (state.term < 1) | (state.term > 600)
    if term_bad.any():
        values = [f"{v:g}" for v in state.term[term_bad]]
        state.report(term_bad, "term_months", "log.term_out_of_range", per_row={"value": values})
        state.term[term_bad] = np.nan
    over = state.amount > state.claimed  # NaN compares False
    if over.any():
        limits = [Yen(int(v)) for v in state.claimed[over]]
        for col, mask in state.source_of(state.amount_from, over).items():
            state.report(mask, "amount", "log.amount_over_claim", col,
                         per_row={"limit": [Yen(int(v)) for v in state.claimed[mask]]})  # fmt: skip
        del limits
        state.amount[over] = np.nan
    sale = np.full(state.n, np.datetime64("NaT"), dtype=DATE_DTYPE)
    if cases is not None:
        ids = pd.Series(state.case_id, dtype="string")
        known = ids.isin(cases.index).to_numpy(dtype=bool, na_value=False)
        residual = pd.to_numeric(ids.map(cases["residual_debt"]), errors="coerce").to_numpy(
            dtype="float64", na_value=np.nan
        )
        sale = pd.to_datetime(ids.map(cases["sale_date"]), errors="coerce").to_numpy(
            dtype=DATE_DTYPE
        )
        factor = np.where(state.party == "debtor", DEBTOR_FACTOR, CREDITOR_FACTOR)
        cap = residual * factor
        over = np.isnan(state.claimed) & (state.amount > cap)
        for col, mask in state.source_of(state.amount_from, over).items():
            state.report(
                mask, "amount", "log.amount_over_debt", col,
                per_row={"limit": [Yen(int(v)) for v in cap[mask]],
                         "factor": [f"{v:g}" for v in factor[mask]]},
            )  # fmt: skip
        state.amount[over] = np.nan
        first = ~ids.duplicated().to_numpy() & ids.notna().to_numpy()
        state.report(first & ~known, "case_id", "log.unknown_case")
    _dates(state, sale, today)
    missing_id = pd.isna(state.case_id)
    state.report(missing_id, "case_id", "log.no_case_id")
    firm = state.firm & ~pd.Series(state.case_id).where(state.firm).duplicated().to_numpy()
    state.report(firm | (state.firm & missing_id), "party", "log.firm_as_party")


def _below_zero(state: LogState, values: np.ndarray, froms: np.ndarray | None, name: str) -> None:
    bad = values < 0
    if bad.any():
        froms = froms if froms is not None else np.full(state.n, name, dtype=object)
        for col, mask in state.source_of(froms, bad).items():
            state.report(mask, name, "log.amount_negative", col)
        values[bad] = np.nan


def _too_large(state: LogState, values: np.ndarray, froms: np.ndarray | None, name: str) -> None:
    bad = values > MAX_DEBT
    if bad.any():
        froms = froms if froms is not None else np.full(state.n, name, dtype=object)
        for col, mask in state.source_of(froms, bad).items():
            state.report(mask, name, "log.amount_too_large", col, limit=Yen(MAX_DEBT))
        values[bad] = np.nan


def _dates(state: LogState, sale: np.ndarray, today: date) -> None:
    latest, earliest = np.datetime64(today, "ns"), np.datetime64(MIN_DATE, "ns")
    day = today.isoformat()
    for name in ("offered_on", "responded_on"):
        values = getattr(state, name)
        future, early = values > latest, values < earliest
        state.report(future, name, "log.date_future", today=day)
        state.report(early, name, "log.date_too_early")
        values[future | early] = np.datetime64("NaT")
    offered = state.offered_on
    year_before = (pd.DatetimeIndex(sale) - pd.DateOffset(years=1)).to_numpy(dtype=DATE_DTYPE)
    far, before = offered < year_before, (offered < sale) & ~(offered < year_before)
    sale_text = [str(d)[:10] for d in sale]
    for code, mask in (("log.long_before_sale", far), ("log.before_sale", before)):
        if mask.any():
            state.report(mask, "offered_on", code,
                         per_row={"sale": [sale_text[i] for i in np.flatnonzero(mask)]})  # fmt: skip
    offered[far] = np.datetime64("NaT")
    backwards = state.responded_on < state.offered_on
    state.report(backwards, "responded_on", "log.responded_before_offered")
    state.responded_on[backwards] = np.datetime64("NaT")


# --------------------------------------------------------------------------


def check_negotiations(log: pd.DataFrame, today: date | None = None) -> None:
    """Check a clean negotiation log against its contract (§9), one vectorised pass per column.

    The columns in order (the eight required, then the optional ones given),
    their dtypes, amounts from ¥0, terms 1–600, dates from 1989 to `today`.
    What a model or report reads from the log can rely on these.

    Raises
    ------
    SchemaError
        Naming the first column that breaks the contract.

    Examples
    --------
    >>> from outcomes import clean_negotiations
    >>> log, _ = clean_negotiations(pd.DataFrame({"案件ID": ["A1"], "金額": ["一括30万円"]}))
    >>> check_negotiations(log)
    >>> check_negotiations(log.drop(columns="kind"))
    Traceback (most recent call last):
    ...
    outcomes._errors.SchemaError: clean negotiation log: columns must be the contract's, in order (missing or extra: ['kind'])
    """
    from outcomes._cleaning.log_contract import (
        LOG_DTYPES,
        OPTIONAL_LOG_COLUMNS,
        REQUIRED_LOG_COLUMNS,
    )
    from outcomes._errors import SchemaError

    names = [*REQUIRED_LOG_COLUMNS, *(c for c in OPTIONAL_LOG_COLUMNS if c in log.columns)]
    if list(log.columns) != names:
        odd = sorted(set(names) ^ set(log.columns)) or list(log.columns)
        raise SchemaError(
            "clean negotiation log: columns must be the contract's, in order "
            f"(missing or extra: {odd})"
        )
    low, high = np.datetime64(MIN_DATE, "ns"), (np.datetime64(today, "ns") if today else None)
    for name in names:
        s = log[name]
        if s.dtype != pd.api.types.pandas_dtype(LOG_DTYPES[name]):
            raise SchemaError(
                f"clean negotiation log: column {name} has dtype {s.dtype}, not {LOG_DTYPES[name]}"
            )
        if LOG_DTYPES[name] == DATE_DTYPE:
            values = s.to_numpy(dtype="datetime64[ns]")
            if (values < low).any() or (high is not None and (values > high).any()):
                raise SchemaError(f"clean negotiation log: column {name} has dates out of range")
        elif LOG_DTYPES[name] == "Int64":
            values = s.to_numpy(dtype="float64", na_value=np.nan)
            top = 600 if name == "term_months" else np.inf
            bottom = 1 if name == "term_months" else 0
            if (values < bottom).any() or (values > top).any():
                raise SchemaError(f"clean negotiation log: column {name} has values out of range")
