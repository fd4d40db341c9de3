"""Months between days: the one length of a month the package counts with.

"Months waited" is a model feature (:mod:`outcomes.models`), an offer input
(:mod:`outcomes._advice`), a report column and a synthetic-data draw: one
constant, :data:`DAYS_PER_MONTH` (a Julian year's twelfth, 30.4375 days), and
one :func:`months_between` serve them all.
"""

from __future__ import annotations

from datetime import date

__all__ = ["DAYS_PER_MONTH", "months_between"]

#: days in an average month: 365.25 / 12
DAYS_PER_MONTH = 365.25 / 12


def months_between(start: date, end: date) -> float:
    """Months from ``start`` to ``end`` (days / :data:`DAYS_PER_MONTH`), never below 0.

    Examples
    --------
    >>> months_between(date(2024, 1, 1), date(2025, 1, 1))
    12.024640657084189
    >>> months_between(date(2025, 1, 1), date(2024, 1, 1))
    0.0
    """
    return max((end - start).days / DAYS_PER_MONTH, 0.0)
