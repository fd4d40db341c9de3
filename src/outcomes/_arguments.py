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
import math
import numbers
import operator
import warnings
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from outcomes._errors import CaseError, CaseTypeError, ParseError
from outcomes._format import check_language

__all__ = ["as_count", "as_date", "as_day", "as_yen", "check_language", "renamed_keywords"]

F = TypeVar("F", bound=Callable[..., Any])


#: how a text amount may be written, in a refusal
_YEN_FORMS = "300000, 300,000, 30万 or 30万円"
#: codes of the amount parser's notes an argument may carry (約30万 is 30万)
_YEN_NOTES_ACCEPTED = frozenset({"value.approximate"})


def as_yen(value: object, name: str) -> int:
    """A whole, non-negative amount of yen.

    ``int`` and numpy integers are accepted, and text as the case sheets
    write it (``"30万"``, ``"300,000"``, ``"1.5万"``, ``"30万円"``, full-width
    digits), read by the package's one amount parser
    (:func:`outcomes._parse.parse_amount`), so that the Python API, the
    command line and the what-if form take the same entries. A float that is
    a whole number of yen (``300000.0``, ``np.float64(300000.0)``: a pandas
    column with one blank cell is float64, analyst review N14) is that many
    yen; a fractional or non-finite float, a bool, text that is not whole yen
    (``"1.5"``) and text that is not an amount are refused rather than
    truncated or guessed.

    Raises
    ------
    CaseTypeError
        If ``value`` is neither an integer nor text (also a ``TypeError``
        and ``ValueError``).
    CaseError
        If ``value`` is negative, or text that is empty, not an amount or
        not whole yen.

    Examples
    --------
    >>> as_yen(100_000, "cash_available"), as_yen("30万", "cash_available")
    (100000, 300000)
    >>> as_yen("1.5万", "budget"), as_yen("300,000", "budget")
    (15000, 300000)
    >>> as_yen(np.float64(300000.0), "cash_available")
    300000
    >>> as_yen(100000.5, "cash_available")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseTypeError: cash_available must be whole yen (an int, or text such as '30万'), got 100000.5
    >>> as_yen("abc", "--cash")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseError: --cash 'abc' is not an amount of yen: write it as 300000, 300,000, 30万 or 30万円
    """
    if isinstance(value, str):
        amount = _yen_from_text(value, name)
    else:
        if isinstance(value, bool):
            raise CaseTypeError(_not_whole(name, value))
        try:
            amount = operator.index(value)  # type: ignore[arg-type]  # int and numpy integers
        except TypeError:
            amount = _whole_float(value, name)
    if amount < 0:
        raise CaseError(f"{name} must be 0 or more yen, got {amount:,}")
    return amount


def _whole_float(value: object, name: str) -> int:
    """A float (Python or numpy) that is a whole number of yen, as an int; else refused."""
    if (
        isinstance(value, float | np.floating)
        and math.isfinite(value)
        and float(value).is_integer()
    ):
        return int(value)
    raise CaseTypeError(_not_whole(name, value))


def _not_whole(name: str, value: object) -> str:
    return f"{name} must be whole yen (an int, or text such as '30万'), got {value!r}"


def _yen_from_text(text: str, name: str) -> int:
    """Text as whole yen through the package's amount parser (one line on refusal)."""
    from outcomes._parse import parse_amount  # the one amount parser (base, imported on use)

    try:
        parsed = parse_amount(text)
    except ParseError as exc:
        why = "" if str(exc) == "not an amount" else f" ({exc})"
        raise CaseError(
            f"{name} {text!r} is not an amount of yen{why}: write it as {_YEN_FORMS}"
        ) from None
    if parsed.value is None:
        raise CaseError(f"{name} is empty: give an amount of yen ({_YEN_FORMS})")
    if any(note.code not in _YEN_NOTES_ACCEPTED for note in parsed.notes):
        raise CaseError(
            f"{name} {text!r} is not whole yen ({parsed.note}): write it as {_YEN_FORMS}"
        )
    return int(parsed.value)  # type: ignore[call-overload]


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
    """A date from a date, datetime, Timestamp, numpy datetime64 or text; None for empty.

    Text is read as the case sheets write dates (``"2026-06-30"``,
    ``"2026/06/30"``, ``"R8.6.30"``, ``"令和8年6月30日"``) by the package's
    date parser (:func:`outcomes._parse.parse_date`), the same as a case's
    own dates; a number (``20260630``, an Excel serial) is refused.

    Raises
    ------
    CaseTypeError
        If ``value`` cannot be read as a date (also a ``TypeError`` and ``ValueError``).

    Examples
    --------
    >>> as_date("2026-06-30", "as_of"), as_date(None, "as_of")
    (datetime.date(2026, 6, 30), None)
    >>> as_date("R1.4.30", "contract_date"), as_date("令和3年3月15日", "contract_date")
    (datetime.date(2019, 4, 30), datetime.date(2021, 3, 15))
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
    if isinstance(value, str):
        day = _date_from_text(value)
        if day is not None:
            return day
    try:
        stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise CaseTypeError(f"{name} must be a date (YYYY-MM-DD), got {value!r}") from None
    if stamp is pd.NaT:
        return None
    return stamp.date()


#: digits only: an Excel serial or a bare number, not a date written as text
_DIGITS = frozenset("0123456789")


def _date_from_text(text: str) -> date | None:
    """A date written as a case sheet writes it (None: leave it to ``pd.Timestamp``)."""
    from outcomes._parse import parse_date  # the one date parser (base, imported on use)

    stripped = text.strip()
    if stripped and set(stripped) <= _DIGITS and len(stripped) != 8:
        return None  # "44270" is not read as an Excel serial here
    try:
        parsed = parse_date(text).value
    except ParseError:
        return None
    if parsed is None or not isinstance(parsed, date):
        return None
    return parsed


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
