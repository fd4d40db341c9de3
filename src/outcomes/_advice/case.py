"""One case ready for a payment proposal: its first values, its day, its residual debt.

- :func:`case_to_settle` — a case (mapping, Series, one-row frame) as a clean
  one-row frame (:func:`~outcomes._cleaning.case_from_mapping`) with ``as_of``
  as its empty agreement date, and its residual debt, refused when there is
  nothing to settle or ``万円`` was forgotten;
- :func:`with_as_of` — an empty agreement date taken as the day of the offer;
- :func:`check_as_of` — a day of the offer before the sale is refused;
- :func:`first_value` — a column's value in a one-row frame, None when empty.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from outcomes._cleaning import CaseLike, case_from_mapping
from outcomes._contract import MIN_RESIDUAL_DEBT  # the cleaner's minimum: one home (issue 24)
from outcomes._errors import CaseError
from outcomes._registry import ServicersLike

__all__ = [
    "MIN_RESIDUAL_DEBT",
    "CaseLike",
    "case_to_settle",
    "check_as_of",
    "first_value",
    "with_as_of",
]


def _is_na(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def first_value(frame: pd.DataFrame, column: str) -> Any:
    """The value of ``column`` in the first row, ``None`` when empty.

    Examples
    --------
    >>> frame = case_from_mapping({"residual_debt": 1_000_000})
    >>> int(first_value(frame, "residual_debt")), first_value(frame, "servicer")
    (1000000, None)
    """
    value = frame[column].iloc[0]
    return None if _is_na(value) else value


def with_as_of(frame: pd.DataFrame, as_of: date | None) -> pd.DataFrame:
    """Cases whose agreement date is empty get ``as_of``: an agreement made that day.

    Examples
    --------
    >>> frame = case_from_mapping({"residual_debt": 1_000_000})
    >>> with_as_of(frame, date(2026, 6, 30))["agreement_date"].iloc[0]
    Timestamp('2026-06-30 00:00:00')
    """
    if as_of is None or "agreement_date" not in frame.columns:
        return frame
    stamp = pd.Timestamp(as_of)
    dates = frame["agreement_date"]
    return frame.assign(agreement_date=dates.where(dates.notna(), stamp).astype(dates.dtype))


def case_to_settle(
    case: CaseLike,
    as_of: date | None,
    *,
    ignore_unknown_keys: bool | None = False,
    servicers: ServicersLike = None,
) -> tuple[pd.DataFrame, int]:
    """A clean one-row frame with ``as_of`` as its empty agreement date, and its residual debt.

    For the functions that propose a payment (offers, instalments).
    ``ignore_unknown_keys=None`` means ``case`` already is a clean one-row
    frame (from :func:`case_from_mapping`). ``servicers`` is the firm's
    registry, applied by the cleaner as for a table.

    Raises
    ------
    CaseError
        If the case has no residual debt, a residual debt of 0, one under
        ¥10,000 (万円 forgotten: ``58`` for ``58万円``), or ``as_of`` is
        before the sale date.
    """
    frame = (
        case
        if ignore_unknown_keys is None
        else case_from_mapping(case, ignore_unknown_keys=ignore_unknown_keys, servicers=servicers)
    )
    residual = first_value(frame, "residual_debt")
    if residual is None:
        raise CaseError("the case has no residual_debt; an offer needs it")
    if int(residual) <= 0:
        raise CaseError("the case's residual_debt is 0: there is nothing to settle")
    if int(residual) < MIN_RESIDUAL_DEBT:
        raise CaseError(
            f"residual_debt ¥{int(residual):,} is out of range (under ¥{MIN_RESIDUAL_DEBT:,}; "
            f"万円 forgotten? {int(residual)}万円 = ¥{int(residual) * 10_000:,}): no offer is made"
        )
    check_as_of(frame, as_of)
    return with_as_of(frame, as_of), int(residual)


def check_as_of(frame: pd.DataFrame, as_of: date | None) -> None:
    """Refuse a day of the offer before the case's sale date (one line).

    Examples
    --------
    >>> frame = case_from_mapping({"residual_debt": 1_000_000, "sale_date": "2025-06-30"})
    >>> check_as_of(frame, date(2026, 6, 30))
    >>> check_as_of(frame, date(2025, 1, 1))
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseError: as_of 2025-01-01 is before the case's sale_date 2025-06-30
    """
    if as_of is None or "sale_date" not in frame.columns:
        return
    sale = first_value(frame, "sale_date")
    if sale is not None and pd.Timestamp(as_of) < pd.Timestamp(sale):
        raise CaseError(
            f"as_of {as_of.isoformat()} is before the case's sale_date "
            f"{pd.Timestamp(sale).date().isoformat()}"
        )
