"""One case → a clean one-row frame: the cleaner applied to a single case.

- :func:`case_from_mapping` — a mapping, ``pd.Series`` or one-row frame as a
  one-row frame of the clean table. A row that already is clean (the
  contract's columns, dtypes, ranges and derivations, :func:`is_clean_row`) is
  taken as it is; any other case goes through :func:`~outcomes.clean_cases`,
  exactly as a file.
- :func:`read_case_json` — one case from a JSON file, through the cleaner.
- :func:`check_case_keys` — a key outside the contract is refused, naming the
  nearest contract column (a misspelled key would otherwise be dropped).

Used by the advice (offers, instalments, ways out) and by the models for a
single case given as a mapping.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from outcomes._cleaning.clean import CleanResult, clean_cases
from outcomes._contract import (
    AGE_BANDS,
    CASE_COLUMNS,
    COLUMNS,
    HEADER_ALIASES,
    MIN_DATE,
    OPTIONAL_COLUMNS,
    PREFECTURES,
    creditor_type_of,
    match_header,
)
from outcomes._errors import CaseError, CaseTypeError, ReadError
from outcomes._limits import loads_json
from outcomes._privacy import personal_data_kind
from outcomes._registry import ServicersLike, match_servicer

__all__ = [
    "CASE_EXTRA_KEYS",
    "CaseLike",
    "case_from_mapping",
    "check_case_keys",
    "is_clean_row",
    "read_case_json",
]

#: what the one-case functions accept as a case
CaseLike = Mapping[str, Any] | pd.Series | pd.DataFrame

#: keys a case may carry besides the columns the cleaner knows: the contract's optional
#: legal facts (§2) read by compare_paths, the unsecured debt of a 個人再生 estimate, and the
#: legal facts the clean table has no column for (who first lent, which kind of guarantor,
#: grounds that may bar a discharge, whether the debtor borrowed as a merchant)
CASE_EXTRA_KEYS: frozenset[str] = frozenset(
    {
        *OPTIONAL_COLUMNS,
        "unsecured_debt",
        "originator",
        "guarantor_kind",
        "bars_to_discharge",
        "debtor_is_merchant",
    }
)

#: latest date a single prepared case may carry (planned agreement dates are fine)
_HORIZON = date(2200, 1, 1)
_DTYPES = {spec.name: pd.Series(dtype=spec.dtype).dtype for spec in COLUMNS}  # type: ignore[call-overload]
_ISIN = {"age_band": frozenset(AGE_BANDS), "prefecture": frozenset(PREFECTURES)}
_MIN_STAMP, _MAX_STAMP = pd.Timestamp(MIN_DATE), pd.Timestamp(_HORIZON)


def _is_na(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


# ==========================================================================
# Is a row already clean?
# ==========================================================================


def is_clean_row(frame: pd.DataFrame) -> bool:
    """Whether a one-row frame already is a row of the clean table.

    The same rules as :func:`~outcomes.case_schema` (columns in order,
    dtypes, ranges, value sets; dates from 1989 up to a far horizon, since a
    case being prepared may carry a planned date), checked in plain Python on
    the one row (a pandera validation costs ~20 ms), plus the cleaner's
    derivations: ``resolution`` is set, ``age_band`` agrees with ``age``, a
    ``creditor`` the contract can classify has its ``creditor_type``, and a
    lump sum has its ``settlement_ratio``.

    Examples
    --------
    >>> row = case_from_mapping({"residual_debt": 3_200_000, "creditor": "公庫"})
    >>> is_clean_row(row), is_clean_row(row.astype({"residual_debt": "float64"}))
    (True, False)
    """
    if len(frame) != 1 or tuple(frame.columns) != CASE_COLUMNS:
        return False
    row: dict[str, Any] = {}
    for spec in COLUMNS:
        column = frame[spec.name]
        if column.dtype != _DTYPES[spec.name]:
            return False
        value = column.iloc[0]
        value = None if _is_na(value) else value
        row[spec.name] = value
        if value is None:
            continue
        if spec.kind == "date" and not _MIN_STAMP <= value <= _MAX_STAMP:
            return False
        if spec.minimum is not None and value < spec.minimum:
            return False
        if spec.maximum is not None and value > spec.maximum:
            return False
        if spec.name in _ISIN and value not in _ISIN[spec.name]:
            return False
    if row["resolution"] is None:
        return False
    if row["age"] is not None and row["age_band"] != f"{min(max(row['age'] // 10 * 10, 10), 100)}s":
        return False
    if row["creditor_type"] is None and row["creditor"] is not None:
        if creditor_type_of(row["creditor"]) is not None:
            return False
    if row["settlement_ratio"] is None and row["lump_sum"] is not None and row["residual_debt"]:
        return False
    # a clean row holds no personal data (contract §7): one that does is cleaned (issue 26)
    return not any(
        personal_data_kind(row[c], names=c != "prefecture", ids=c == "case_id")
        for c in ("case_id", "prefecture", "creditor", "servicer")
    )


def _row_from_series(series: pd.Series) -> pd.DataFrame | None:
    """A row of the clean table given as a Series (``df.iloc[i]``, ``iterrows``) with its dtypes back."""
    if tuple(str(k) for k in series.index) != CASE_COLUMNS:
        return None
    for name, dtype in _DTYPES.items():
        # a value the category dtype cannot hold (会社員 for employee) means: clean it
        if isinstance(dtype, pd.CategoricalDtype):
            value = series[name]
            if not _is_na(value) and value not in dtype.categories:
                return None
    try:
        frame = pd.DataFrame(
            {name: pd.array([series[name]], dtype=_DTYPES[name]) for name in CASE_COLUMNS}
        )
    except (TypeError, ValueError, OverflowError):
        return None
    # nothing may vanish silently in the conversion
    lost = frame.isna().iloc[0].to_numpy() & ~series.isna().to_numpy()
    return None if lost.any() else frame


# ==========================================================================
# Keys of a case
# ==========================================================================


def _nearest_column(key: str) -> str | None:
    """The contract column whose name or accepted header is nearest to ``key``."""
    text = str(key).strip().casefold()
    names = {name.casefold(): name for name in (*CASE_COLUMNS, *sorted(CASE_EXTRA_KEYS))}
    names.update({alias.casefold(): column for alias, column in HEADER_ALIASES.items()})
    close = difflib.get_close_matches(text, list(names), n=1, cutoff=0.6)
    if close:
        return names[close[0]]
    # a word of a column name (income → monthly_income)
    inside = [name for name in CASE_COLUMNS if text and text in name.split("_")]
    return inside[0] if inside else None


def check_case_keys(keys: Any, *, ignore_unknown_keys: bool = False) -> None:
    """Refuse a key outside the contract, naming it and the nearest contract column.

    Keys may be the clean table's column names or any header the contract
    accepts (``残債額(万円)``, ``サービサー``, …). A misspelled key would
    otherwise be dropped silently and change the offer.

    Raises
    ------
    CaseError
        On the first key outside the contract, unless ``ignore_unknown_keys``.

    Examples
    --------
    >>> check_case_keys(["residual_debt", "残債額(万円)"])
    >>> check_case_keys(["employmnet"])
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseError: case key 'employmnet' is not a column of the contract (employmnet → employment?); pass ignore_unknown_keys=True (outcomes offer --ignore-unknown-keys) to ignore it
    >>> check_case_keys(["employmnet"], ignore_unknown_keys=True)
    """
    if ignore_unknown_keys:
        return
    for key in keys:
        if str(key) in CASE_EXTRA_KEYS or match_header(key)[0] is not None:
            continue
        near = _nearest_column(str(key))
        hint = f" ({key} → {near}?)" if near else ""
        raise CaseError(
            f"case key {str(key)!r} is not a column of the contract{hint}; "
            "pass ignore_unknown_keys=True (outcomes offer --ignore-unknown-keys) to ignore it"
        )


# ==========================================================================
# One case
# ==========================================================================


def _with_registry(row: pd.DataFrame, servicers: ServicersLike) -> pd.DataFrame:
    """A clean row with the firm's registry applied to its servicer (a spelling it lists)."""
    written = row["servicer"].iloc[0]
    if servicers is None or _is_na(written):
        return row
    name, found = match_servicer(written, servicers)
    if not found or name == written:
        return row
    return row.assign(servicer=pd.array([name], dtype=row["servicer"].dtype))


def case_from_mapping(
    case: CaseLike, *, ignore_unknown_keys: bool = False, servicers: ServicersLike = None
) -> pd.DataFrame:
    """One case as a one-row frame with the clean table's columns and dtypes.

    Keys are the clean table's canonical column names (or headers the
    contract accepts); a key outside the contract is refused with the
    nearest contract name (``employmnet → employment?``), unless
    ``ignore_unknown_keys``. Amounts and dates take the contract's forms
    (``"580万円"``, ``"R3.3.15"``). Missing columns are empty. Codes may be given as codes or as their
    Japanese spellings (``"会社員"`` → ``employee``). As in the clean table,
    ``creditor_type`` is derived from ``creditor`` and ``age_band`` from
    ``age`` when not given, and an empty ``resolution`` is ``pending``.

    A row that already is clean (:func:`is_clean_row`: a row of the clean
    table, as a one-row frame or as a Series such as ``cases.iloc[i]``) is
    returned as it is, without running the cleaner again.

    Parameters
    ----------
    case : mapping, Series or one-row DataFrame
    ignore_unknown_keys : bool, default False
        Drop keys outside the contract instead of refusing the case.
    servicers : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s), applied as
        :func:`~outcomes.clean_cases` applies them to a table (the one place
        the registry is applied, for tables and single cases alike): a
        spelling the firm lists as an alias becomes the registry's name.

    Returns
    -------
    DataFrame
        One row, the columns of ``_contract.CASE_COLUMNS`` with their dtypes.

    Raises
    ------
    CaseError
        If a frame has not exactly one row, a key is outside the contract,
        or a value cannot be read.
    CaseTypeError
        If ``case`` is not a mapping, Series or DataFrame.

    Examples
    --------
    >>> row = case_from_mapping({"residual_debt": 3_200_000, "creditor": "公庫", "age": 63})
    >>> row[["residual_debt", "creditor_type", "age_band", "resolution"]]
       residual_debt creditor_type age_band resolution
    0        3200000           jhf      60s    pending
    >>> str(row["residual_debt"].dtype), str(row["sale_date"].dtype)
    ('Int64', 'datetime64[ns]')
    """
    if isinstance(case, pd.DataFrame):
        if len(case) != 1:
            raise CaseError(f"expected one case, got a frame of {len(case)} rows")
        if is_clean_row(case):
            return _with_registry(case.reset_index(drop=True), servicers)
        record = {str(k): case[k].iloc[0] for k in case.columns}
    elif isinstance(case, pd.Series):
        row = _row_from_series(case)
        if row is not None and is_clean_row(row):
            return _with_registry(row, servicers)
        record = {str(k): v for k, v in case.items()}
    elif isinstance(case, Mapping):
        record = {str(k): v for k, v in case.items()}
    else:
        raise CaseTypeError(
            f"case must be a mapping, Series or one-row DataFrame, got {type(case).__name__}"
        )
    # one case is cleaned exactly as a file is: same parsers, registry, derivations
    check_case_keys(record, ignore_unknown_keys=ignore_unknown_keys)
    known = {k: v for k, v in record.items() if match_header(k)[0] not in (None, "notes")}
    if not known:
        known = {"case_id": None}  # nothing of the contract: an empty case
    raw = pd.DataFrame({k: pd.Series([v], dtype=object) for k, v in known.items()})
    # a case being prepared may carry a planned date: only dates past any horizon are refused
    cases, problems = clean_cases(raw, today=_HORIZON, servicers=servicers)
    bad = problems[problems["kind"].isin(("unreadable", "out of range"))]
    if len(bad):
        first = bad.iloc[0]
        raise CaseError(f"case column {first['column']}: {first['problem']}")
    return cases


def read_case_json(
    path: str | Path,
    *,
    today: date | None = None,
    ignore_unknown_keys: bool = False,
    language: str = "en",
) -> CleanResult:
    """One case from a JSON file, through the cleaner.

    Keys may be the clean table's English column names or any header the
    contract accepts (``残債額(万円)``, ``サービサー``, …); values are read as
    the cleaner reads a spreadsheet cell (``"580万円"``, ``"令和6年1月15日"``).

    ``language`` is that of the problems' sentences (``"en"`` or ``"ja"``).

    Returns
    -------
    CleanResult
        Unpacks as ``case, problems``: the one-row clean case and the
        cleaner's problems table; ``columns_used`` names the key each column
        was read from (a guarantor written as ``連帯保証人`` or ``連帯債務者``).

    Raises
    ------
    ReadError
        If the file is missing or is not a JSON object of one case.
    CaseError
        If a key is outside the contract (unless ``ignore_unknown_keys``).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReadError(path, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReadError(path, f"{type(exc).__name__}: {exc}") from None
    try:
        data = loads_json(text, path)  # nested deeper than 64: one line, not a RecursionError
    except json.JSONDecodeError as exc:
        raise ReadError(path, f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict) or not data:
        raise ReadError(path, "expected one case as a JSON object of column: value")
    check_case_keys(data, ignore_unknown_keys=ignore_unknown_keys)
    data = {k: v for k, v in data.items() if k in CASE_EXTRA_KEYS or match_header(k)[0] is not None}
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
    return clean_cases(raw, today=today, language=language)
