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
import inspect
import math
import numbers
import operator
import re
import warnings
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from outcomes._errors import CaseError, CaseTypeError, ParseError
from outcomes._format import LANGUAGES, check_language
from outcomes._messages import Catalogue, Message, render

__all__ = [
    "ARGUMENT_RULES",
    "ARGUMENT_WORDS",
    "as_count",
    "as_date",
    "as_day",
    "as_yen",
    "check_arguments",
    "check_parameters",
    "in_language",
    "check_language",
    "renamed_keywords",
]

F = TypeVar("F", bound=Callable[..., Any])


#: how a text amount may be written, in a refusal
_YEN_FORMS = "300000, 300,000, 30万 or 30万円"
_YEN_FORMS_JA = "300000、300,000、30万、30万円"
#: codes of the amount parser's notes an argument may carry (約30万 is 30万)
_YEN_NOTES_ACCEPTED = frozenset({"value.approximate"})

#: the refusals of the one checker, {code: (ja, en)}: the name first, then the value given
ARGUMENT_WORDS: Catalogue = {
    "yen.not_whole": (
        "{name} は円の整数で指定してください(整数、または '30万' のような文字)。{value} が指定されました",
        "{name} must be whole yen (an int, or text such as '30万'), got {value}",
    ),
    "yen.negative": (
        "{name} は 0 円以上にしてください({value} が指定されました)",
        "{name} must be 0 or more yen, got {value}",
    ),
    "yen.unreadable": (
        "{name} {value} は金額として読めません{why}。" + _YEN_FORMS_JA + " のように書いてください",
        "{name} {value} is not an amount of yen{why}: write it as " + _YEN_FORMS,
    ),
    "yen.empty": (
        "{name} が空です。金額を " + _YEN_FORMS_JA + " のように書いてください",
        "{name} is empty: give an amount of yen (" + _YEN_FORMS + ")",
    ),
    "yen.not_whole_text": (
        "{name} {value} は円の整数ではありません({note})。"
        + _YEN_FORMS_JA
        + " のように書いてください",
        "{name} {value} is not whole yen ({note}): write it as " + _YEN_FORMS,
    ),
    "count.not_whole": (
        "{name} は整数で指定してください({value} が指定されました)",
        "{name} must be a whole number, got {value}",
    ),
    "count.too_small": (
        "{name} は {minimum} 以上にしてください({value} が指定されました)",
        "{name} must be at least {minimum}, got {value}",
    ),
    "date.ambiguous": (
        "{name} の {value} は日と月の順がわかりません。{day_first} か {month_first} のように"
        "年-月-日で書いてください",
        "{name} {value} is ambiguous (day or month first?): write it year first, "
        "{day_first} or {month_first}",
    ),
    "date.year_first": (
        "{name} の {value} は年-月-日で {date} のように書いてください",
        "{name} {value} is not year first: write it as {date}",
    ),
    "date.unreadable": (
        "{name} は日付(YYYY-MM-DD)で指定してください({value} が指定されました)",
        "{name} must be a date (YYYY-MM-DD), got {value}",
    ),
}


def _refused(
    kind: type[CaseError], code: str, name: str, value: str, **fields: object
) -> CaseError:
    """A refusal of the one checker: English text, its Message kept for another language."""
    message = Message(code, {"name": name, **({"value": value} if value else {}), **fields})
    error = kind(render(message, "en", ARGUMENT_WORDS))
    error.message = message  # type: ignore[attr-defined]
    return error


def in_language(error: CaseError, language: str) -> CaseError:
    """``error`` in ``language`` when the one checker made it, else ``error`` itself.

    Examples
    --------
    >>> try:
    ...     as_count(0, "k")
    ... except CaseError as error:
    ...     print(in_language(error, "ja"))
    k は 1 以上にしてください(0 が指定されました)
    """
    message = getattr(error, "message", None)
    if message is None or language not in LANGUAGES or language == "en":
        return error
    translated = type(error)(render(message, language, ARGUMENT_WORDS))
    translated.message = message  # type: ignore[attr-defined]
    return translated


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
            raise _refused(CaseTypeError, "yen.not_whole", name, repr(value))
        try:
            amount = operator.index(value)  # type: ignore[arg-type]  # int and numpy integers
        except TypeError:
            amount = _whole_float(value, name)
    if amount < 0:
        raise _refused(CaseError, "yen.negative", name, f"{amount:,}")
    return amount


def _whole_float(value: object, name: str) -> int:
    """A float (Python or numpy) that is a whole number of yen, as an int; else refused."""
    if (
        isinstance(value, float | np.floating)
        and math.isfinite(value)
        and float(value).is_integer()
    ):
        return int(value)
    raise _refused(CaseTypeError, "yen.not_whole", name, repr(value))


def _yen_from_text(text: str, name: str) -> int:
    """Text as whole yen through the package's amount parser (one line on refusal)."""
    from outcomes._parse import PARSE_WORDS, parse_amount  # the one amount parser, on use

    try:
        parsed = parse_amount(text)
    except ParseError as exc:
        # the parser's reason by its code, in either language (not its English read back)
        reason = exc.message
        why = (
            ("", "")
            if reason is None or reason.code == "amount.unreadable"
            else (f"({render(reason, 'ja', PARSE_WORDS)})", f" ({exc})")
        )
        raise _refused(CaseError, "yen.unreadable", name, repr(text), why=why) from None
    if parsed.value is None:
        raise _refused(CaseError, "yen.empty", name, "")
    if any(note.code not in _YEN_NOTES_ACCEPTED for note in parsed.notes):
        raise _refused(CaseError, "yen.not_whole_text", name, repr(text), note=parsed.note)
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
        raise _refused(CaseTypeError, "count.not_whole", name, repr(value))
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise _refused(CaseTypeError, "count.not_whole", name, repr(value)) from None
    if number < minimum:
        raise _refused(CaseError, "count.too_small", name, str(number), minimum=minimum)
    return number


def as_date(value: object, name: str) -> date | None:
    """A date from a date, datetime, Timestamp, numpy datetime64 or text; None for empty.

    Text is read as the case sheets write dates (``"2026-06-30"``,
    ``"2026/06/30"``, ``"R8.6.30"``, ``"令和8年6月30日"``) by the package's
    date parser (:func:`outcomes._parse.parse_date`), the same as a case's
    own dates, and refused otherwise; a number (``20260630``, an Excel
    serial) is refused.

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

    A date written day and month before the year is refused, never read
    US-style (analyst review N8):

    >>> as_date("01-02-2026", "--as-of")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseTypeError: --as-of '01-02-2026' is ambiguous (day or month first?): write it year first, 2026-02-01 or 2026-01-02
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
        raise _refused(CaseTypeError, "date.unreadable", name, repr(value))
    if isinstance(value, str):  # text is read as a case sheet's date is, or refused
        day = _date_from_text(value)
        if day is not None:
            return day
        numbers_ = _AMBIGUOUS.fullmatch(value.strip())
        if numbers_ is not None:
            raise _year_first(name, value, *(int(n) for n in numbers_.groups()))
        raise _refused(CaseTypeError, "date.unreadable", name, repr(value))
    try:
        stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise _refused(CaseTypeError, "date.unreadable", name, repr(value)) from None
    if stamp is pd.NaT:
        return None
    return stamp.date()


#: NN-NN-YYYY, NN/NN/YYYY: day first or month first cannot be told, so neither is guessed
_AMBIGUOUS = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")

#: digits only: an Excel serial or a bare number, not a date written as text
_DIGITS = frozenset("0123456789")


def _year_first(name: str, value: str, first: int, second: int, year: int) -> CaseError:
    """The refusal of ``NN-NN-YYYY``: the readings that are dates, written year first."""
    readings = []
    for month, day in ((second, first), (first, second)):  # day first, then month first
        try:
            readings.append(date(year, month, day).isoformat())
        except ValueError:
            continue
    readings = list(dict.fromkeys(readings))
    if len(readings) == 2:
        return _refused(
            CaseTypeError,
            "date.ambiguous",
            name,
            repr(value),
            day_first=readings[0],
            month_first=readings[1],
        )
    if readings:
        return _refused(CaseTypeError, "date.year_first", name, repr(value), date=readings[0])
    return _refused(CaseTypeError, "date.unreadable", name, repr(value))


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
        raise _refused(CaseTypeError, "date.unreadable", name, repr(value))
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


def _check_date(value: object, name: str) -> object:
    if isinstance(value, (np.ndarray, pd.Series, pd.Index)):  # a date per case
        try:
            pd.to_datetime(value)
        except (TypeError, ValueError, OverflowError):
            raise _refused(CaseTypeError, "date.unreadable", name, "an array") from None
        return value
    if value is not None and as_date(value, name) is None:  # NaN, NaT: only None means "default"
        raise _refused(CaseTypeError, "date.unreadable", name, repr(value))
    return value


#: the package's arguments checked by name: a parameter called so means this everywhere
ARGUMENT_RULES: dict[str, Callable[[object, str], object]] = {
    "k": as_count,
    "language": lambda value, name: check_language(value),  # type: ignore[arg-type]
    "as_of": _check_date,
    "today": _check_date,
    "cash_available": as_yen,
    "budget": as_yen,
    "cash": as_yen,
}


def check_parameters(params: Mapping[str, object]) -> None:
    """Check each of ``params`` named in :data:`ARGUMENT_RULES` (None is left alone).

    What :func:`check_arguments` does for a call, for a scikit-learn
    estimator's stored parameters: its ``fit`` calls
    ``check_parameters(self.get_params())`` first.

    Examples
    --------
    >>> check_parameters({"as_of": "2026-06-30", "learner": "auto"})
    >>> check_parameters({"as_of": "soon"})
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseTypeError: as_of must be a date (YYYY-MM-DD), got 'soon'
    """
    for name, value in params.items():
        rule = ARGUMENT_RULES.get(name)
        if rule is not None and value is not None:
            rule(value, name)


def check_arguments(func: F) -> F:
    """Check a function's arguments named in :data:`ARGUMENT_RULES` before it runs.

    In the manner of scikit-learn's ``validate_params``: a parameter named
    ``k``, ``language``, ``as_of``, ``today``, ``cash_available``, ``budget``
    or ``cash`` is checked by the one rule of that name before the body runs,
    so a bad value is refused with :class:`~outcomes._errors.CaseError` (a
    ``ValueError``) and one message shape (the name first, then what is
    wrong and the value given) before any work is done, in the call's
    ``language`` when the function has one. The value passed on is
    the caller's, unchanged: the body converts it as it did before. None is
    left alone where None is the parameter's default ("today", "no budget").
    On a class, its ``__init__`` is checked (estimators check in ``fit``,
    since a scikit-learn ``__init__`` only stores its parameters).

    Examples
    --------
    >>> @check_arguments
    ... def suppress(table, k=5, language="ja"):
    ...     return k
    >>> suppress(None, k=3)
    3
    >>> suppress(None, k=0, language="en")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseError: k must be at least 1, got 0

    A function with a ``language`` refuses in that language (its default too):

    >>> suppress(None, k=0)
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseError: k は 1 以上にしてください(0 が指定されました)
    """
    if isinstance(func, type):
        func.__init__ = check_arguments(func.__init__)  # type: ignore[misc]
        return func  # type: ignore[return-value]
    signature = inspect.signature(func)
    checked = {
        name: (ARGUMENT_RULES[name], param.default is None)
        for name, param in signature.parameters.items()
        if name in ARGUMENT_RULES
    }
    if not checked:
        raise TypeError(f"{func.__qualname__} has no argument check_arguments checks")
    language_param = signature.parameters.get("language")
    default_language = None if language_param is None else language_param.default

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = signature.bind_partial(*args, **kwargs).arguments
        language = given.get("language", default_language)
        for name, (rule, none_is_default) in checked.items():
            if name in given and not (none_is_default and given[name] is None):
                try:
                    rule(given[name], name)
                except CaseError as error:  # in the call's language when it has one
                    raise in_language(error, language) from None  # type: ignore[arg-type]
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
