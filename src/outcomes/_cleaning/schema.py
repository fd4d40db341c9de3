"""The clean table's contract: a pandera schema, and a cheap vectorised check.

:func:`case_schema` is the contract as a pandera schema (built once per
``today``; pandera is imported only when it is asked for).
:func:`check_cases` checks the same rules — columns, order, dtypes, ranges,
value sets — with one vectorised pass per column and no pandera, so that the
cleaner can check every table it returns for the price of a few comparisons.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._contract import (
    AGE_BANDS,
    CASE_COLUMNS,
    COLUMN_BY_NAME,
    COLUMNS,
    MIN_DATE,
    PREFECTURES,
)
from outcomes._errors import SchemaError

if TYPE_CHECKING:  # pragma: no cover
    import pandera.pandas as pa

__all__ = ["case_schema", "check_cases"]

_ISIN: dict[str, tuple[str, ...]] = {"age_band": AGE_BANDS, "prefecture": PREFECTURES}


@check_arguments
@cache
def case_schema(today: date | None = None) -> pa.DataFrameSchema:
    """The pandera schema of the clean case table.

    Columns, order, dtypes, ranges and value sets exactly as in the
    contract; every column may be empty except where noted.

    Parameters
    ----------
    today : date, optional
        Latest valid date; dates are only checked against 1989 when omitted.

    Examples
    --------
    >>> schema = case_schema()
    >>> list(schema.columns)[:3]
    ['case_id', 'sale_date', 'agreement_date']
    >>> str(schema.columns["residual_debt"].dtype)
    'Int64'
    """
    import pandera.pandas as pa

    columns: dict[str, pa.Column] = {}
    for spec in COLUMNS:
        checks: list[pa.Check] = []
        if spec.minimum is not None:
            checks.append(pa.Check.ge(spec.minimum))
        if spec.maximum is not None:
            checks.append(pa.Check.le(spec.maximum))
        if spec.kind == "date":
            checks.append(pa.Check.ge(MIN_DATE.isoformat()))
            if today is not None:
                checks.append(pa.Check.le(today.isoformat()))
        if spec.name in _ISIN:
            checks.append(pa.Check.isin(_ISIN[spec.name]))
        columns[spec.name] = pa.Column(spec.dtype, checks=checks, nullable=True)
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name="clean cases")


def check_cases(cases: pd.DataFrame, today: date | None = None) -> None:
    """Check a clean case table against the contract, without pandera.

    The same rules as :func:`case_schema` (columns in order, dtypes, ranges,
    value sets, dates from 1989 to `today`), each one vectorised comparison.

    Raises
    ------
    SchemaError
        Naming the first column that breaks the contract.

    Examples
    --------
    >>> from outcomes import clean_cases
    >>> cases, _ = clean_cases(pd.DataFrame({"案件ID": ["A1"], "年齢": ["45"]}))
    >>> check_cases(cases)
    >>> check_cases(cases.assign(age=pd.array([150], dtype="Int64")))
    Traceback (most recent call last):
    ...
    outcomes._errors.SchemaError: clean cases: column age has values above 110
    """
    if tuple(cases.columns) != CASE_COLUMNS:
        raise SchemaError(
            f"clean cases: columns {list(cases.columns)} are not the contract's {list(CASE_COLUMNS)}"
        )
    for spec in COLUMNS:
        s = cases[spec.name]
        if s.dtype != _dtype(spec.name):
            raise SchemaError(
                f"clean cases: column {spec.name} has dtype {s.dtype}, not {spec.dtype}"
            )
        if spec.kind == "date":
            low, high = pd.Timestamp(MIN_DATE), (pd.Timestamp(today) if today else None)
            values = s.to_numpy(dtype="datetime64[ns]")  # NaT compares False
            bounds = (np.datetime64(low, "ns"), None if high is None else np.datetime64(high, "ns"))
        elif spec.minimum is not None or spec.maximum is not None:
            low, high = spec.minimum, spec.maximum
            values = s.to_numpy(dtype="float64", na_value=np.nan)  # NaN compares False
            bounds = (low, high)
        else:
            low = high = bounds = None
        if bounds is not None:
            if bounds[0] is not None and bool((values < bounds[0]).any()):
                raise SchemaError(
                    f"clean cases: column {spec.name} has values below {low:g}"
                    if not isinstance(low, pd.Timestamp)
                    else f"clean cases: column {spec.name} has dates before {low.date()}"
                )
            if bounds[1] is not None and bool((values > bounds[1]).any()):
                raise SchemaError(
                    f"clean cases: column {spec.name} has values above {high:g}"
                    if not isinstance(high, pd.Timestamp)
                    else f"clean cases: column {spec.name} has dates after {high.date()}"
                )
        if spec.name in _ISIN:
            values = s.dropna() if s.hasnans else s
            if len(values) and not bool(np.all(values.isin(_ISIN[spec.name]))):
                raise SchemaError(
                    f"clean cases: column {spec.name} has values outside its value set"
                )


@cache
def _dtype(name: str) -> object:
    """The contract's dtype of a column, made once."""
    return pd.api.types.pandas_dtype(COLUMN_BY_NAME[name].dtype)
