"""Arguments of the legal arithmetic: one date converter, one yen checker, one count checker.

:func:`as_date`, :func:`as_yen` and :func:`as_count` are the lowest layer that
needs them; :mod:`outcomes._law.statutes`, :mod:`outcomes._law.limitation` and, through
:mod:`outcomes._advice.case`, the rest of the package use them. A bad value
raises :class:`~outcomes._errors.CaseError` (a ``ValueError``), or
:class:`~outcomes._errors.CaseTypeError` (also a ``TypeError``) for a wrong
type, naming the argument.
"""

from __future__ import annotations

import functools
import numbers
import operator
import warnings
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

import pandas as pd

from outcomes._errors import CaseError, CaseTypeError
from outcomes._format import check_language

__all__ = ["as_count", "as_date", "as_day", "as_yen", "check_language", "renamed_keywords"]

F = TypeVar("F", bound=Callable[..., Any])


def as_yen(value: object, name: str) -> int:
    """A whole, non-negative amount of yen.

    ``int`` and numpy integers are accepted; a float (even ``100000.0``), a
    bool or a string is refused rather than truncated.

    Raises
    ------
    CaseTypeError
        If ``value`` is not an integer (also a ``TypeError`` and ``ValueError``).
    CaseError
        If ``value`` is negative.

    Examples
    --------
    >>> as_yen(100_000, "cash_available")
    100000
    >>> as_yen(100000.5, "cash_available")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseTypeError: cash_available must be whole yen (an int), got 100000.5
    """
    if isinstance(value, bool):
        raise CaseTypeError(f"{name} must be whole yen (an int), got {value!r}")
    try:
        amount = operator.index(value)  # type: ignore[arg-type]  # int and numpy integers
    except TypeError:
        raise CaseTypeError(f"{name} must be whole yen (an int), got {value!r}") from None
    if amount < 0:
        raise CaseError(f"{name} must be 0 or more yen, got {amount:,}")
    return amount


def as_count(value: object, name: str, minimum: int = 1) -> int:
    """A whole number of at least ``minimum`` (a ``k``, a number of months).

    Examples
    --------
    >>> as_count(5, "k")
    5
    >>> as_count(0, "k")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseError: k must be at least 1, got 0
    """
    if isinstance(value, bool):
        raise CaseTypeError(f"{name} must be a whole number, got {value!r}")
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise CaseTypeError(f"{name} must be a whole number, got {value!r}") from None
    if number < minimum:
        raise CaseError(f"{name} must be at least {minimum}, got {number}")
    return number


def as_date(value: object, name: str) -> date | None:
    """A date from a date, datetime, Timestamp, numpy datetime64 or ISO string; None for empty.

    Raises
    ------
    CaseTypeError
        If ``value`` cannot be read as a date (also a ``TypeError`` and ``ValueError``).

    Examples
    --------
    >>> as_date("2026-06-30", "as_of"), as_date(None, "as_of")
    (datetime.date(2026, 6, 30), None)
    >>> as_date("soon", "as_of")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseTypeError: as_of must be a date (YYYY-MM-DD), got 'soon'
    """
    if value is None:
        return None
    if isinstance(value, datetime):  # includes pd.Timestamp
        if value is pd.NaT:
            return None
        return value.date()
    if isinstance(value, date):
        return value
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, numbers.Number):  # a number is not a date (pd.Timestamp would say 1970)
        raise CaseTypeError(f"{name} must be a date (YYYY-MM-DD), got {value!r}")
    try:
        stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise CaseTypeError(f"{name} must be a date (YYYY-MM-DD), got {value!r}") from None
    if stamp is pd.NaT:
        return None
    return stamp.date()


def as_day(value: object, name: str) -> date:
    """The day an operation is done on: :func:`as_date`, with None meaning today.

    Raises
    ------
    CaseTypeError
        If ``value`` is not a date, or is a missing value other than None
        (NaN, NaT): only None means "today".

    Examples
    --------
    >>> as_day("2026-06-30", "as_of")
    datetime.date(2026, 6, 30)
    >>> as_day(None, "as_of") == date.today()
    True
    >>> as_day(20260630, "as_of")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseTypeError: as_of must be a date (YYYY-MM-DD), got 20260630
    """
    if value is None:
        return date.today()
    day = as_date(value, name)
    if day is None:
        raise CaseTypeError(f"{name} must be a date (YYYY-MM-DD), got {value!r}")
    return day


def renamed_keywords(**renames: str) -> Callable[[F], F]:
    """Accept old keyword names (``old="new"``) for one release, with a FutureWarning.

    Examples
    --------
    >>> @renamed_keywords(monthly_budget="budget")
    ... def plan(*, budget=None):
    ...     return budget
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     plan(monthly_budget=10_000), caught[0].category.__name__
    (10000, 'FutureWarning')
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, new in renames.items():
                if old in kwargs:
                    if new in kwargs:
                        raise CaseTypeError(
                            f"{func.__name__}: give {new}= only ({old}= is its old name)"
                        )
                    warnings.warn(
                        f"{func.__name__}: {old}= is now called {new}=; "
                        f"the old name will be removed in the next release",
                        FutureWarning,
                        stacklevel=2,
                    )
                    kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
