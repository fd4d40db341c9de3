"""The clean table's contract as a pandera schema, built from ``_contract``."""

from __future__ import annotations

from datetime import date
from functools import cache

import pandera.pandas as pa

from outcomes._contract import AGE_BANDS, COLUMNS, MIN_DATE, PREFECTURES

__all__ = ["case_schema"]

_ISIN: dict[str, tuple[str, ...]] = {"age_band": AGE_BANDS, "prefecture": PREFECTURES}


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
