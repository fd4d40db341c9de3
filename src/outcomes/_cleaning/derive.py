"""The contract's rules on the parsed table: ranges (§4), derived fields (§5), duplicates (§6).

Each step works on typed columns and reports what it empties or leaves out
to the problems table (:class:`~outcomes._cleaning.problems.Problems`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa

from outcomes._cleaning.memory import hand_back
from outcomes._cleaning.problems import Problems
from outcomes._cleaning.wording import RANGE_WORDS, problem_sentence
from outcomes._contract import (
    AGE_BANDS,
    COLUMN_BY_NAME,
    COLUMNS,
    DATE_COLUMNS,
    DATE_DTYPE,
    MAX_LUMP_SUM_FACTOR,
    MIN_DATE,
    MIN_RESIDUAL_DEBT,
    RATIO_TOLERANCE,
    creditor_type_of,
)
from outcomes._format import Yen, fill, format_yen
from outcomes._messages import render
from outcomes._parse import PARSE_WORDS, PERCENT_NOTE, gather_text

__all__ = [
    "check_ranges",
    "derive_age_band",
    "derive_creditor_type",
    "derive_settlement_ratio",
    "move_age_bands",
    "resolve_duplicates",
    "to_numbers",
]


def move_age_bands(out: pd.DataFrame) -> None:
    """Move bands written in the age column (``40代``) to age_band."""
    age = out["age"]
    if pd.api.types.infer_dtype(age, skipna=True) in ("integer", "floating", "empty"):
        return  # numbers only: no band to move
    kinds = {v: isinstance(v, str) for v in age.dropna().unique()}
    is_band = age.map(kinds).eq(True)
    bands_from_age_col = age.where(is_band)
    out["age"] = age.where(~is_band, None)
    given = out["age_band"].where(out["age_band"].notna(), bands_from_age_col)
    out["age_band"] = given


def to_numbers(out: pd.DataFrame) -> None:
    """Numeric columns as float64 (NaN for empty) once, for the checks that follow."""
    for spec in COLUMNS:
        s = out[spec.name]
        if spec.dtype in ("Int64", "Float64"):
            if s.dtype != np.float64:  # typed once already, except ages
                out[spec.name] = pd.to_numeric(s, errors="coerce").astype("float64")
        elif spec.kind == "date" and s.dtype != DATE_DTYPE:
            out[spec.name] = pd.to_datetime(s, errors="coerce").astype(DATE_DTYPE)


def _band_of(age: pd.Series) -> pd.Series:
    """The ten-year band of each age (``10s`` below 20, ``100s`` from 100), on arrays."""
    x = age.to_numpy(dtype="float64", na_value=np.nan)
    missing = np.isnan(x)
    decade = np.floor_divide(x, 10)  # one float temporary, worked on in place
    np.clip(decade, 1, 10, out=decade)
    decade[missing] = 0  # code -1: no band
    codes = decade.astype(np.int8) - 1
    del decade
    bands = gather_text(_BAND_TEXT, codes, na_value=pd.NA)
    return pd.Series(bands, index=age.index, copy=False)


_BAND_TEXT = pa.array([*AGE_BANDS, None], type=pa.large_string())


def derive_age_band(
    frame: pd.DataFrame, raw_text: dict[str, pd.Series], rows: np.ndarray, problems: Problems
) -> None:
    """age_band from age (age wins over a band that disagrees, which is reported)."""
    given = frame["age_band"]
    derived = _band_of(frame["age"])
    if not given.notna().any():  # no band written: the bands of the ages
        frame["age_band"] = derived
        return
    clash = (
        (derived.notna() & given.notna() & (derived != given)).fillna(False).to_numpy(dtype=bool)
    )
    if clash.any():
        text = raw_text.get("age_band", raw_text.get("age"))
        kind, bands = "inconsistent", given[clash].astype(str)
        sentences = problems.words(
            kind,
            kind,
            header=problems.header("age_band" if "age_band" in raw_text else "age"),
            band=(bands.str.removesuffix("s") + "代", bands),
            age=_whole_text(frame["age"][clash]),
        )
        problems.add(rows[clash], "age_band", text[clash], sentences, kind=kind)
    band = derived.where(derived.notna(), given)
    frame["age_band"] = band.where(band.isin(AGE_BANDS)).astype("string")


def _whole_text(values: pd.Series) -> pd.Series:
    """Numbers as the typed table writes them (``45``, not ``45.0``)."""
    x = values.to_numpy(dtype="float64", na_value=np.nan)
    return pd.Series(np.round(x).astype("int64").astype(str), index=values.index)


def check_ranges(
    out: pd.DataFrame,
    raw_text: dict[str, pd.Series],
    rows: np.ndarray,
    problems: Problems,
    unreadable: dict[str, np.ndarray],
    today: date,
) -> None:
    """Empty and report values out of range; check dates and lump sum."""
    for name in list(out.columns):  # names: the columns themselves are replaced as they go
        hand_back(len(out))  # a column emptied by the last check
        spec = COLUMN_BY_NAME[name]
        if spec.kind in ("date", "code", "text", "servicer", "prefecture", "age_band", "guarantor"):
            continue
        if spec.minimum is None and spec.maximum is None:
            continue
        # float64 (typed once): comparisons on the array, NaN compares False
        num = pd.to_numeric(out[name], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        if name == "residual_debt":
            negative = num < 0
            below_zero = _why(problems, "below", limit=(_quantity_ja(name, 0), "0"))
            _report_range(out, name, negative, raw_text, rows, problems, unreadable, below_zero)
            low = (num >= 0) & (num < spec.minimum)
            _report_range(
                out,
                name,
                low,
                raw_text,
                rows,
                problems,
                unreadable,
                _why(problems, "under residual minimum", limit=Yen(MIN_RESIDUAL_DEBT)),
            )
        elif spec.minimum is not None:
            low = num < spec.minimum
            limit = (_quantity_ja(name, spec.minimum), f"{spec.minimum:g}")
            why = _why(problems, "below", limit=limit)
            _report_range(out, name, low, raw_text, rows, problems, unreadable, why)
        if spec.maximum is not None:
            high = num > spec.maximum
            limit = (_quantity_ja(name, spec.maximum), f"{spec.maximum:g}")
            why = _why(problems, "above", limit=limit)
            _report_range(out, name, high, raw_text, rows, problems, unreadable, why)
    for name in DATE_COLUMNS:
        d = out[name].to_numpy(dtype=DATE_DTYPE)
        early = d < np.datetime64(MIN_DATE, "ns")
        why = _why(problems, "before first year", year=MIN_DATE.year)
        _report_range(out, name, early, raw_text, rows, problems, unreadable, why)
        late = d > np.datetime64(today, "ns")
        _report_range(
            out,
            name,
            late,
            raw_text,
            rows,
            problems,
            unreadable,
            _why(problems, "after today", today=today),
        )
    sale = out["sale_date"].to_numpy(dtype=DATE_DTYPE)
    agreed = out["agreement_date"].to_numpy(dtype=DATE_DTYPE)
    _report_range(
        out,
        "agreement_date",
        agreed < sale,
        raw_text,
        rows,
        problems,
        unreadable,
        _why(problems, "before sale", header=problems.header("sale_date")),
    )
    debt = out["residual_debt"].to_numpy(dtype="float64", na_value=np.nan)
    lump = out["lump_sum"].to_numpy(dtype="float64", na_value=np.nan)
    _report_range(
        out,
        "lump_sum",
        lump > debt * MAX_LUMP_SUM_FACTOR,
        raw_text,
        rows,
        problems,
        unreadable,
        _why(
            problems,
            "above lump factor",
            header=problems.header("residual_debt"),
            factor=f"{MAX_LUMP_SUM_FACTOR:g}",
        ),
    )


def _report_range(
    out: pd.DataFrame,
    name: str,
    mask: np.ndarray,
    raw_text: dict[str, pd.Series],
    rows: np.ndarray,
    problems: Problems,
    unreadable: dict[str, np.ndarray],
    why: str,
) -> None:
    m = np.asarray(mask, dtype=bool)
    if not m.any():
        return
    text = raw_text[name][m] if name in raw_text else pd.Series([None] * int(m.sum()), dtype=object)
    shown = text.fillna("").astype(str)
    kind = "out of range"
    sentences = problems.words(kind, kind, header=problems.header(name), value=shown, why=why)
    problems.add(rows[m], name, text, sentences, kind=kind)
    out[name] = out[name].mask(m)
    unreadable[name] = unreadable.get(name, np.zeros(len(out), dtype=bool)) | m


def _why(problems: Problems, code: str, **fields: object) -> str:
    """Why a value is out of range, in the run's language (:data:`RANGE_WORDS`)."""
    return fill(RANGE_WORDS[code], problems.language, fields)


_UNITS_JA: dict[str, str] = {"age": "歳", "household_size": "人", "term_months": "か月"}


def _quantity_ja(name: str, value: float) -> str:
    """A limit of a column in Japanese: yen for amounts, 歳/人/か月 for the counts."""
    if COLUMN_BY_NAME[name].kind == "amount":
        return format_yen(value)
    return f"{value:g}{_UNITS_JA.get(name, '')}"


def derive_creditor_type(out: pd.DataFrame) -> None:
    """creditor_type from the creditor name where it was not given."""
    given = out["creditor_type"]
    missing = given.isna().to_numpy()
    if not missing.any():
        return
    where = np.flatnonzero(missing)
    codes, uniques = out["creditor"].iloc[where].factorize(use_na_sentinel=True)
    types = np.array([creditor_type_of(u) for u in uniques] + [None], dtype=object)
    filled = given.copy()
    filled.iloc[where] = types[codes]
    out["creditor_type"] = filled


def derive_settlement_ratio(
    out: pd.DataFrame,
    raw_text: dict[str, pd.Series],
    rows: np.ndarray,
    problems: Problems,
    unreadable: dict[str, np.ndarray],
    percent_read: np.ndarray | None = None,
) -> None:
    """Derive the ratio where the agreed total is fixed; check a given one.

    ``percent_read`` marks the given ratios a bare number above 1 was read as a
    percentage (``7.7`` → 7.7%), their note not yet reported. Where the amounts
    derive the number itself (``1.006`` → 100.6%, as a clean table written with
    Japanese labels holds it: analyst review N3), it was a fraction: read so,
    without a note; elsewhere the percentage reading stands, noted.
    """
    n = len(out)

    def number(name: str) -> np.ndarray:  # float64, NaN where empty (typed once already)
        return pd.to_numeric(out[name], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)

    debt, lump = number("residual_debt"), number("lump_sum")
    monthly, term = number("monthly_amount"), number("term_months")
    none = np.zeros(n, dtype=bool)
    broken = (
        unreadable.get("lump_sum", none)
        | unreadable.get("monthly_amount", none)
        | unreadable.get("term_months", none)
        | unreadable.get("residual_debt", none)
    )
    has_monthly, has_term = ~np.isnan(monthly), ~np.isnan(term)
    open_ended = has_monthly & ~has_term
    fixed = (~np.isnan(lump) | (has_monthly & has_term)) & ~open_ended
    total = np.nan_to_num(lump, nan=0.0) + np.nan_to_num(monthly * term, nan=0.0)
    ok = fixed & (debt > 0) & ~broken  # NaN > 0 is False
    derived = np.divide(total, debt, out=np.full(n, np.nan), where=ok)
    given = number("settlement_ratio")
    if percent_read is not None and percent_read.any():
        given = _fraction_where_the_amounts_say_so(
            given, derived, percent_read, raw_text, rows, problems
        )
    both = ~np.isnan(derived) & ~np.isnan(given)
    m = both & (np.abs(np.where(both, derived - given, 0.0)) > RATIO_TOLERANCE)
    if m.any():
        given, derived = pd.Series(given), pd.Series(derived)
        given_text = raw_text.get("settlement_ratio")
        kind = "ratio mismatch"
        sentences = problems.words(
            kind,
            kind,
            header=problems.header("settlement_ratio"),
            given=given[m].map(lambda v: f"{v:.2%}").astype(str),
            derived=derived[m].map(lambda v: f"{v:.2%}").astype(str),
        )
        shown = given_text[m] if given_text is not None else [None] * int(m.sum())
        problems.add(rows[m], "settlement_ratio", shown, sentences, kind=kind)
    derived, given = np.asarray(derived), np.asarray(given)
    out["settlement_ratio"] = np.where(np.isnan(derived), given, derived)


def _fraction_where_the_amounts_say_so(
    given: np.ndarray,
    derived: np.ndarray,
    percent_read: np.ndarray,
    raw_text: dict[str, pd.Series],
    rows: np.ndarray,
    problems: Problems,
) -> np.ndarray:
    """The given ratios, a percentage reading undone where the amounts derive the bare number."""
    fraction = given * 100  # the number as written
    fits = percent_read & (np.abs(np.nan_to_num(fraction - derived, nan=1.0)) <= RATIO_TOLERANCE)
    noted = percent_read & ~fits
    if noted.any():
        reason = render(PERCENT_NOTE, problems.language, PARSE_WORDS)
        header = problems.header("settlement_ratio")
        sentence = problem_sentence(
            "noted", "noted", problems.language, header=header, reason=reason
        )
        problems.add(
            rows[noted],
            "settlement_ratio",
            raw_text["settlement_ratio"][noted],
            sentence,
            kind="noted",
        )
    return np.where(fits, fraction, given)


#: from this many rows, columns are freed one by one as the next table is built (memory)


def resolve_duplicates(
    out: pd.DataFrame,
    problems: Problems,
    typed: Callable[[pd.DataFrame], pd.DataFrame] = lambda frame: frame,
) -> np.ndarray | None:
    """One row per case: the latest agreement wins, ties to the row further down.

    Rows are ordered by (has an agreement date, the date, the row) and the
    last row of each case id (stripped) in that order wins; the others are
    reported as superseded (unless they equal the winner, as ``typed`` makes
    them) and are to be left out. Returns the rows to keep (a mask), or None
    when every row is kept; ``out`` is not changed.
    """
    codes, uniques = out["case_id"].factorize(use_na_sentinel=True)
    if len(uniques) == int((codes >= 0).sum()):  # no case id twice
        return None
    stripped = out["case_id"].str.strip()
    if stripped.equals(out["case_id"]):
        key = codes  # the usual case: no id has edge spaces
    else:
        key, _ = stripped.factorize(use_na_sentinel=True)
    line = out.index.to_numpy()
    # only the rows of ids written more than once can lose
    counts = np.bincount(key[key >= 0])
    order = np.flatnonzero((key >= 0) & (counts[np.maximum(key, 0)] > 1))
    agreed = out["agreement_date"].to_numpy(dtype=DATE_DTYPE)[order]
    dated = ~np.isnat(agreed)
    order = order[np.lexsort((line[order], agreed.view("int64"), dated))]  # NaT first, undated
    keys = key[order]
    # the last position of each key in that order: the first in the reversed order
    _, first_reversed = np.unique(keys[::-1], return_index=True)
    last = np.empty(int(keys.max()) + 1, dtype=np.intp)
    last[keys[::-1][first_reversed]] = len(keys) - 1 - first_reversed
    winner = order[last[keys]]
    lost = winner != order
    if not lost.any():
        return None
    losers, winners = order[lost], winner[lost]
    same = _rows_equal(typed(out.iloc[losers]), typed(out.iloc[winners]))
    shown = losers[~same]
    kind = "superseded"
    sentences = problems.words(kind, kind, winner=pd.Series(line[winners[~same]]).astype(str))
    problems.add(line[shown], "case_id", out["case_id"].iloc[shown], sentences, kind=kind)
    keep = np.ones(len(out), dtype=bool)
    keep[losers] = False
    return keep


def _rows_equal(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    equal = np.ones(len(a), dtype=bool)
    for name in a.columns:
        x = a[name].reset_index(drop=True)
        y = b[name].reset_index(drop=True)
        both_na = x.isna().to_numpy() & y.isna().to_numpy()
        eq = (x == y).fillna(False).to_numpy(dtype=bool)
        equal &= eq | both_na
    return equal
