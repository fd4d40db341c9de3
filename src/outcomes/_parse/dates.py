"""Dates: :func:`parse_date`, and its vectorised reading beside it.

Decisions on dates
------------------
- Western ``Y-M-D`` with one separator (``-``, ``/``, ``.``), ``Y年M月D日``,
  eras (令和, 平成, 昭和, 大正, or R/H/S/T) with ``元`` for year 1, in kanji or
  separator style, kanji numerals, 8-digit ``YYYYMMDD``, and Excel serial
  numbers 20000–80000 (epoch 1899-12-30). A trailing time (``0:00:00``) and
  weekday (``(月)``) are dropped. Two-digit Western years and day-first or
  month-first orders are refused as ambiguous.
- A date written in an era outside that era's span (``平成31年6月1日``,
  ``令和元年4月1日``) is read by its Western year and noted.

The fast path (:func:`fast_date`) reads ISO-like, 年月日, era and serial
forms of a column's distinct values in Arrow, inside each era's span only;
the scalar parser reads (and notes) the rest.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from outcomes._messages import Message
from outcomes._parse._common import (
    EMPTY,
    FAST_PATHS,
    KANJI_RUN,
    WS,
    Fast,
    Parsed,
    clean_text,
    extract,
    fail,
    ints,
    is_missing,
    kanji_to_digits,
    left,
    lengths,
    nfkc,
    num_part,
    str_part,
    typed_number,
)

__all__ = ["ERAS", "fast_date", "parse_date"]


_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = 20_000, 80_000
#: era -> (Western year of era year 0, first day, last day)
ERAS: dict[str, tuple[int, date, date | None]] = {
    "大正": (1911, date(1912, 7, 30), date(1926, 12, 24)),
    "昭和": (1925, date(1926, 12, 25), date(1989, 1, 7)),
    "平成": (1988, date(1989, 1, 8), date(2019, 4, 30)),
    "令和": (2018, date(2019, 5, 1), None),
}
_ERA_LETTERS = {"t": "大正", "s": "昭和", "h": "平成", "r": "令和"}
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−ー", "-"))
_TIME_SUFFIX = re.compile(r"(?:\s+|T)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?$")
_WEEKDAY_SUFFIX = re.compile(r"\((?:月|火|水|木|金|土|日)(?:曜日?)?\)$")
_WESTERN = re.compile(
    r"(?P<y>[0-9]{4})(?:(?P<s>[-/.])(?P<m>[0-9]{1,2})(?:(?P=s)(?P<d>[0-9]{1,2}))?"
    r"|年(?P<m2>[0-9]{1,2})月(?:(?P<d2>[0-9]{1,2})日)?)"
)
_ERA = re.compile(
    r"(?P<era>令和|平成|昭和|大正|[RHSTrhst])\.?(?P<y>元|[0-9]{1,2})"
    r"(?:(?P<s>[-/.])(?P<m>[0-9]{1,2})(?:(?P=s)(?P<d>[0-9]{1,2}))?"
    r"|年(?P<m2>[0-9]{1,2})月(?:(?P<d2>[0-9]{1,2})日)?)"
)
_SERIAL = re.compile(r"[0-9]{5}(?:\.[0-9]+)?")
_YYYYMMDD = re.compile(r"[0-9]{8}")
_DAY_MISSING = Message("date.day_missing")


def _make_date(year: int, month: int, day: int | None, notes: list[Message]) -> date:
    if day is None:
        try:
            first = date(year, month, 1)
        except ValueError:
            raise fail("date.nonexistent", date=f"{year:04d}-{month:02d}") from None
        notes.append(_DAY_MISSING)
        return first
    try:
        return date(year, month, day)
    except ValueError:
        raise fail("date.nonexistent", date=f"{year:04d}-{month:02d}-{day:02d}") from None


def _date_from_number(number: Decimal) -> Parsed:
    if number == number.to_integral_value() and 10_000_000 <= number <= 99_999_999:
        n = int(number)
        return Parsed(_make_date(n // 10_000, n // 100 % 100, n % 100, []))
    if _SERIAL_MIN <= number <= _SERIAL_MAX:
        return Parsed(_EXCEL_EPOCH + timedelta(days=int(number)))
    raise fail("date.serial_range")


def _date_from_text(text: str) -> Parsed:
    t = _TIME_SUFFIX.sub("", text)
    t = _WEEKDAY_SUFFIX.sub("", t.rstrip())
    t = WS.sub("", t).translate(_DASHES)
    if KANJI_RUN.search(t):
        t = kanji_to_digits(t, "date.unreadable")
    notes: list[Message] = []
    m = _WESTERN.fullmatch(t)
    if m:
        day = m["d"] or m["d2"]
        d = _make_date(int(m["y"]), int(m["m"] or m["m2"]), int(day) if day else None, notes)
        return Parsed(d, tuple(notes))
    m = _ERA.fullmatch(t)
    if m:
        era = _ERA_LETTERS.get(m["era"].lower(), m["era"])
        base, first, last = ERAS[era]
        era_year = 1 if m["y"] == "元" else int(m["y"])
        if era_year == 0:
            raise fail("date.era_year_zero", era=era)
        day = m["d"] or m["d2"]
        year = base + era_year
        d = _make_date(year, int(m["m"] or m["m2"]), int(day) if day else None, notes)
        if last is not None and d > last:
            notes.append(Message("date.after_era", {"era": era, "year": year}))
        elif d < first:
            notes.append(Message("date.before_era", {"era": era, "year": year}))
        return Parsed(d, tuple(notes))
    if _SERIAL.fullmatch(t) or _YYYYMMDD.fullmatch(t):
        return _date_from_number(Decimal(t))
    raise fail("date.unreadable")


def parse_date(raw: object) -> Parsed:
    """Parse a date.

    Parameters
    ----------
    raw : object
        Text (``"2021-03-15"``, ``"2021年3月15日"``, ``"令和3年3月15日"``,
        ``"R3.3.15"``, ``"H30.5.1"``, ``"44270"``, …), an Excel serial or
        ``YYYYMMDD`` number, or a typed date, datetime or Timestamp (the
        time of day is dropped).

    Returns
    -------
    Parsed
        ``value`` is a :class:`datetime.date`. A date without a day is the
        first of the month, noted; an era date outside its era is read by
        its Western year, noted.

    Raises
    ------
    ParseError
        When the text is not a date or the date does not exist. No range
        check is made here.

    Examples
    --------
    >>> parse_date("令和3年3月15日").value
    datetime.date(2021, 3, 15)
    >>> parse_date("R03/03/15").value, parse_date(44270).value
    (datetime.date(2021, 3, 15), datetime.date(2021, 3, 15))
    >>> parse_date("2021年3月")
    Parsed(value=datetime.date(2021, 3, 1), note='day missing; read as the 1st')
    >>> parse_date("平成31年6月1日").note
    'after the end of 平成; read by its Western year (2019)'
    >>> parse_date("2019-02-29")
    Traceback (most recent call last):
    ...
    outcomes._errors.ParseError: date does not exist (2019-02-29)
    """
    if is_missing(raw):
        return EMPTY
    if isinstance(raw, str):
        text = clean_text(raw)
        return EMPTY if text is None else _date_from_text(text)
    if isinstance(raw, datetime):  # includes pandas.Timestamp
        return Parsed(raw.date())
    if isinstance(raw, date):
        return Parsed(raw)
    if isinstance(raw, np.datetime64):
        try:
            return Parsed(pd.Timestamp(raw).date())
        except (ValueError, OverflowError):
            raise fail("date.unreadable") from None
    number = typed_number(raw)
    if number is None:
        raise fail("date.unreadable")
    return _date_from_number(number)


# --------------------------------------------------------------------------
# The fast path: a column's distinct values in Arrow
# --------------------------------------------------------------------------

_ISO_LIKE = r"(?P<y>[0-9]{4})(?P<s1>[-/.])(?P<m>[0-9]{1,2})(?P<s2>[-/.])(?P<d>[0-9]{1,2})"
_KANJI_YMD = r"(?P<y>[0-9]{4})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日"
_ERA_YMD = (
    r"(?P<era>令和|平成|昭和|大正|[RHSTrhst])\.?(?P<y>元|[0-9]{1,2})"
    r"(?:(?P<s1>[-/.])(?P<m>[0-9]{1,2})(?P<s2>[-/.])(?P<d>[0-9]{1,2})"
    r"|年(?P<m2>[0-9]{1,2})月(?P<d2>[0-9]{1,2})日)"
)
#: the time suffix the scalar parser drops, anchored for pyarrow
_TIME_SUFFIX_RE2 = r"(?:\s+|T)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?$"
_ERA_BASE = {era: base for era, (base, _, _) in ERAS.items()}
_ERA_FIRST = {era: first for era, (_, first, _) in ERAS.items()}
_ERA_LAST = {era: last or date(2200, 1, 1) for era, (_, _, last) in ERAS.items()}


def _ymd_dates(
    year: np.ndarray, month: np.ndarray, day: np.ndarray
) -> tuple[np.ndarray, pd.Series]:
    """Timestamps of year/month/day arrays, and where they exist.

    Impossible dates are left to the scalar parser (which says why).
    """
    stamps = pd.to_datetime(
        pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce"
    )
    return stamps.notna().to_numpy(dtype=bool), stamps


def fast_date(uniques: pd.Index) -> Fast:
    fast = Fast(len(uniques))
    if isinstance(uniques, pd.DatetimeIndex):
        fast.fill(np.arange(len(uniques)), uniques.date)
        return fast
    arr = num_part(uniques)
    if arr is not None:
        fa = arr.astype(np.float64)
        mask = (fa >= _SERIAL_MIN) & (fa <= _SERIAL_MAX)
        days = pd.to_datetime(np.floor(fa[mask]), unit="D", origin=pd.Timestamp(_EXCEL_EPOCH))
        fast.fill(np.flatnonzero(mask), np.asarray(days.date))
        return fast
    pos, s = str_part(uniques)
    if not len(s):
        return fast
    t = nfkc(s)
    # "2021/3/15 10:23:45": the scalar parser drops the time; so does this path
    has_time = t.str.contains(_TIME_SUFFIX_RE2, regex=True).to_numpy(dtype=bool)
    if has_time.any():
        t = pd.Series(
            pc.replace_substring_regex(pa.array(t.array), _TIME_SUFFIX_RE2, ""), dtype="str"
        )

    def take(mask: np.ndarray, ok: np.ndarray, stamps: pd.Series) -> None:
        fast.fill(pos[np.flatnonzero(mask)[ok]], np.asarray(stamps[ok].dt.date))

    # 2021-03-15, 2021/3/15, 2021.3.15 (one separator throughout; common years only)
    matched, g = extract(t, _ISO_LIKE)
    mask = matched & pc.equal(g["s1"], g["s2"]).to_numpy(zero_copy_only=False)
    mask &= pc.match_substring_regex(g["y"], "^(?:19|20|21)").to_numpy(zero_copy_only=False)
    if mask.any():
        take(mask, *_ymd_dates(ints(g["y"], mask), ints(g["m"], mask), ints(g["d"], mask)))
    pos, t, _ = left(fast, pos, t)  # each form looks at what is left
    # 2021年3月15日
    matched, g = extract(t, _KANJI_YMD)
    mask = matched & ~fast.done[pos]
    mask &= pc.match_substring_regex(g["y"], "^(?:19|20|21)").to_numpy(zero_copy_only=False)
    if mask.any():
        take(mask, *_ymd_dates(ints(g["y"], mask), ints(g["m"], mask), ints(g["d"], mask)))
    pos, t, _ = left(fast, pos, t)
    # 令和3年3月15日, R3.3.15, R03/03/15, H30.5.1, 令和元年5月1日: inside the era's span only
    # (a date outside it carries a note: the scalar parser writes it)
    matched, g = extract(t, _ERA_YMD)
    mask = matched & ~fast.done[pos]
    sep = pc.equal(g["s1"], g["s2"]).to_numpy(zero_copy_only=False)
    kanji_form = lengths(g["m2"]) > 0
    mask &= sep | kanji_form
    if mask.any():
        eras = pd.Series(pc.filter(g["era"], pa.array(mask)), dtype="str")
        eras = eras.map(lambda e: _ERA_LETTERS.get(e.lower(), e)).to_numpy(dtype=object)
        ys = pc.filter(g["y"], pa.array(mask))
        era_year = pc.cast(pc.if_else(pc.equal(ys, "元"), "1", ys), pa.int64()).to_numpy(
            zero_copy_only=False
        )
        base = np.array([_ERA_BASE[e] for e in eras], dtype=np.int64)
        months = np.where(kanji_form[mask], ints(g["m2"], mask), ints(g["m"], mask))
        days = np.where(kanji_form[mask], ints(g["d2"], mask), ints(g["d"], mask))
        exists, stamps = _ymd_dates(base + era_year, months, days)
        when = stamps.to_numpy(dtype="datetime64[ns]")
        first = np.array([_ERA_FIRST[e] for e in eras], dtype="datetime64[ns]")
        last = np.array([_ERA_LAST[e] for e in eras], dtype="datetime64[ns]")
        ok = exists & (era_year > 0) & (when >= first) & (when <= last)
        take(mask, ok, stamps)
    pos, t, _ = left(fast, pos, t)
    # Excel serial numbers written as text: 44270
    matched, g = extract(t, r"(?P<n>[0-9]{5})")
    mask = matched & ~fast.done[pos]
    if mask.any():
        n = ints(g["n"], mask)
        ok = (n >= _SERIAL_MIN) & (n <= _SERIAL_MAX)
        days = pd.Series(pd.to_datetime(n, unit="D", origin=pd.Timestamp(_EXCEL_EPOCH)))
        take(mask, ok, days)
    return fast


FAST_PATHS[parse_date] = fast_date
