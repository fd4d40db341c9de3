"""Value parsers: one raw cell in, one typed value (and maybe a note) out.

Every scalar parser is a pure function of one raw cell. The cell may be text
(the usual case: CSV read with ``dtype=str``), a typed spreadsheet or database
value (``int``, ``float``, ``Decimal``, numpy scalars, ``datetime.date``,
``datetime.datetime``, ``pandas.Timestamp``) or missing (``None``, NaN,
``pd.NA``, ``pd.NaT``). Each returns a :class:`Parsed` or raises
:class:`ParseError` with a one-line message an analyst understands.

Common rules
------------
- Text is NFKC-normalised (full-width digits, ``￥``, ``％``, ``．``, ``㋿`` …
  become their plain forms) and trimmed before anything else. A cell equal to
  one of ``_contract.MISSING_MARKERS`` after casefolding is empty:
  ``Parsed(None)``, no note, no error.
- Parsers never range-check (an amount below 0, a date before 1989, an age of
  150): the cleaner does that with the contract's ranges. They only refuse
  what cannot be read, or what cannot be read without guessing.
- A value read with a caveat carries a ``note`` (several notes are joined
  with ``"; "``).

Decisions on amounts
--------------------
- Big units 兆/億/万 split the value into sections; each section is written
  in Arabic digits (commas in groups of three, a decimal point only in the
  leading section: ``580.5万``), in kanji numerals (``五百八十``, read with
  ``kanjize``), or as an Arabic coefficient of 千/百/十 (``5千``, ``1,500千``).
  A section below the first must be smaller than the gap to the unit above it
  (``1億20000万`` is refused).
- A bare number after a big unit is ambiguous in Japanese usage
  (``3万5`` is colloquially 35,000, literally 30,005). It is accepted only
  when its width says which it is (``1万5000``: four digits after 万), when it
  carries its own small unit (``1万5千``) or when the value ends in 円
  (``1万500円`` = 10,500). Otherwise (``12万34``) it is a ParseError.
- A unit written in the value (円, ¥, 万, 億, 兆) wins over the header's
  ``unit``; a value without one (``1,500``, ``5千``, ``五百``, a typed number)
  is multiplied by ``unit``.
- A leading ``-``, ``−``, ``△`` or ``▲`` (before or after ``¥``) makes the
  amount negative. A leading ``約``/``およそ`` or trailing ``程度`` is noted
  ``approximate``. Scientific notation (``5.8E+06``, as Excel writes wide
  numbers into CSV) is read and noted, since the digits may have been cut.
- A fractional yen result is rounded half up to the nearest yen and noted.
- Amounts of 10**15 yen or more are refused ("amount too large"): they cannot
  be a case value and would not fit the clean table's Int64.

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

Speed
-----
:func:`parse_column` parses each distinct raw value once (``factorize``) and
broadcasts the results back; the dominant easy forms (ASCII digit strings,
ISO dates, typed numbers and dates) take vectorised fast paths that give the
same result as the scalar parser.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from kanjize import kanji2number

from outcomes._contract import (
    AGE_BANDS,
    CODE_MAPS,
    GUARANTOR_FALSE,
    GUARANTOR_TRUE,
    MISSING_MARKERS,
    OPEN_ENDED_TERMS,
    PREFECTURE_NAMES,
    normalize_header,
)
from outcomes._errors import ParseError

__all__ = [
    "Parsed",
    "ParsedColumn",
    "age_band_of",
    "parse_age",
    "parse_age_band",
    "parse_amount",
    "parse_code",
    "parse_column",
    "parse_count",
    "parse_date",
    "parse_guarantor",
    "parse_prefecture",
    "parse_ratio",
    "parse_term",
    "parse_text",
]


@dataclass(frozen=True)
class Parsed:
    """A parsed value.

    Parameters
    ----------
    value : object
        The parsed value, or ``None`` for an empty or missing cell.
    note : str or None
        Set when the value was read but should be noted in the report
        (approximate, day missing, era overflow, …).

    Examples
    --------
    >>> parse_amount("約580万円")
    Parsed(value=5800000, note='approximate')
    """

    value: object
    note: str | None = None


_EMPTY = Parsed(None)

# --------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------

_WS = re.compile(r"\s+")
#: kanji numerals as they appear inside dates, ages, counts and terms
_KANJI_RUN = re.compile(r"[〇零一二三四五六七八九十百千壱弐参拾]+")
_KANJI_DIGITS = "〇零一二三四五六七八九壱弐参"
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "千": 1000}
_NOTE_APPROX = "approximate"


def _is_missing(raw: object) -> bool:
    """True for None, NaN, pd.NA and NaT (not for text markers)."""
    if raw is None or raw is pd.NA or raw is pd.NaT:
        return True
    if isinstance(raw, float | np.floating):
        return math.isnan(raw)
    if isinstance(raw, Decimal):
        return raw.is_nan()
    if isinstance(raw, np.datetime64 | np.timedelta64):
        return bool(np.isnat(raw))
    return False


def _clean_text(raw: str) -> str | None:
    """NFKC and trim; ``None`` for a missing marker."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if text.casefold() in MISSING_MARKERS:
        return None
    return text


def _typed_number(raw: object) -> Decimal | None:
    """A typed (non-text, non-bool) number as an exact Decimal, else None."""
    if isinstance(raw, bool | np.bool_):
        return None
    if isinstance(raw, int | np.integer):
        return Decimal(int(raw))
    if isinstance(raw, float | np.floating):
        if not math.isfinite(raw):
            return None
        # repr gives the shortest text that round-trips: 0.1 -> Decimal("0.1")
        return Decimal(repr(float(raw)))
    if isinstance(raw, Decimal):
        return raw if raw.is_finite() else None
    return None


def _kanji_to_digits(text: str, what: str) -> str:
    """Replace runs of kanji numerals by Arabic digits (``三十五`` -> ``35``)."""

    def repl(m: re.Match[str]) -> str:
        try:
            return str(kanji2number(m.group()))
        except ValueError:
            raise ParseError(f"not {what}") from None

    return _KANJI_RUN.sub(repl, text)


def _join(notes: list[str]) -> str | None:
    return "; ".join(notes) if notes else None


def _whole(d: Decimal, message: str) -> int:
    if d != d.to_integral_value():
        raise ParseError(message)
    return int(d)


# --------------------------------------------------------------------------
# Amounts
# --------------------------------------------------------------------------

_BIG_UNITS = {"兆": 12, "億": 8, "万": 4, "萬": 4}
_BIG_SPLIT = re.compile(r"(兆|億|万|萬)")
_ARABIC = re.compile(
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?(?P<su>[千百十拾])?"
)
_KANJI_SECTION = re.compile(r"[0-9〇零一二三四五六七八九壱弐参十百千拾]+")
_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]+)?[eE][-+]?[0-9]{1,2}")
_NEGATIVE_SIGNS = "-−△▲"
_YEN_SIGNS = "¥\\"  # CP932 files often decode ¥ as a backslash
_MAX_YEN = 10**15


def _section(text: str, first: bool) -> tuple[Decimal, bool, int]:
    """Value of one section, whether it has a small unit, and its digit count."""
    m = _ARABIC.fullmatch(text)
    if m:
        if m["frac"] and not first:
            raise ParseError("not an amount")
        digits = m["int"].replace(",", "")
        value = Decimal(f"{digits}.{m['frac']}" if m["frac"] else digits)
        if m["su"]:
            value *= _SMALL_UNITS[m["su"]]
        return value, bool(m["su"]), len(digits)
    if _KANJI_SECTION.fullmatch(text):
        has_arabic = any(c.isascii() for c in text)
        if has_arabic and any(c in _KANJI_DIGITS for c in text):
            raise ParseError("not an amount")  # mixed digits like 1二
        try:
            value = Decimal(kanji2number(text))
        except ValueError:
            raise ParseError("not an amount") from None
        has_small = any(c in _SMALL_UNITS for c in text)
        return value, has_small, len(text)
    raise ParseError("not an amount")


def _to_yen(amount: Decimal, notes: list[str]) -> Parsed:
    if abs(amount) >= _MAX_YEN:
        raise ParseError("amount too large")
    rounded = amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if abs(rounded - amount) > Decimal("1e-6"):
        notes.append("rounded to the nearest yen")
    return Parsed(int(rounded), _join(notes))


#: every character an amount may contain (a quick refusal of the rest)
_AMOUNT_CHARS = re.compile(
    r"[0-9,.+eE約およそ程度¥\\円兆億万萬千百十拾〇零一二三四五六七八九壱弐参"
    + re.escape(_NEGATIVE_SIGNS)
    + "]+"
)
_SIMPLE_AMOUNT = re.compile(
    r"(?P<approx>約)?(?P<neg>[-−△▲])?(?P<yen>[¥\\])?"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,15})(?P<man>万)?(?P<en>円)?"
)


def _amount_from_text(text: str, unit: int) -> Parsed:
    t = _WS.sub("", text)
    m = _SIMPLE_AMOUNT.fullmatch(t)
    if m:  # the common forms, without Decimal
        yen = int(m["num"].replace(",", ""))
        if m["man"]:
            yen *= 10_000
        elif not (m["yen"] or m["en"]):
            yen *= unit
        if abs(yen) >= _MAX_YEN:
            raise ParseError("amount too large")
        return Parsed(-yen if m["neg"] else yen, _NOTE_APPROX if m["approx"] else None)
    if not _AMOUNT_CHARS.fullmatch(t):
        raise ParseError("not an amount")
    notes: list[str] = []
    if t.startswith("約"):
        t = t[1:]
        notes.append(_NOTE_APPROX)
    elif t.startswith("およそ"):
        t = t[3:]
        notes.append(_NOTE_APPROX)
    elif t.endswith("程度"):
        t = t[:-2]
        notes.append(_NOTE_APPROX)
    negative = False
    if t[:1] and t[0] in _NEGATIVE_SIGNS:
        negative, t = True, t[1:]
    elif t[:1] == "+":
        t = t[1:]
    explicit = False
    if t[:1] and t[0] in _YEN_SIGNS:
        explicit, t = True, t[1:]
        if not negative and t[:1] and t[0] in _NEGATIVE_SIGNS:
            negative, t = True, t[1:]
    yen_suffix = t.endswith("円")
    if yen_suffix:
        explicit, t = True, t[:-1]
    if not t:
        raise ParseError("not an amount")

    if _SCIENTIFIC.fullmatch(t):
        total = Decimal(t)
        notes.append("scientific notation; digits may be missing")
    else:
        pieces = _BIG_SPLIT.split(t)
        texts, units = pieces[0::2], pieces[1::2]
        exps = [_BIG_UNITS[u] for u in units] + [0]
        if any(a <= b for a, b in zip(exps, exps[1:], strict=False)):
            raise ParseError("not an amount")
        total = Decimal(0)
        for i, (section, exp) in enumerate(zip(texts, exps, strict=True)):
            if not section:
                if i > 0 and i == len(texts) - 1:
                    continue  # "580万"
                raise ParseError("not an amount")
            value, has_small, ndigits = _section(section, first=i == 0)
            if i > 0:
                gap = exps[i - 1] - exp
                if value >= 10**gap:
                    raise ParseError("not an amount")
                if exp == 0 and not has_small and not yen_suffix and ndigits != gap:
                    raise ParseError(
                        f"ambiguous amount (after {units[i - 1]}, write {gap} digits or add 円)"
                    )
            total += value.scaleb(exp)
        explicit = explicit or bool(units)
    if not explicit:
        total *= unit
    return _to_yen(-total if negative else total, notes)


def parse_amount(raw: object, unit: int = 1) -> Parsed:
    """Parse a yen amount.

    Parameters
    ----------
    raw : object
        One raw cell: text such as ``"5,800,000円"``, ``"580万"``,
        ``"1億2000万円"``, ``"五百八十万円"``, ``"約300万"``, ``"△5,000"``, or a
        typed number.
    unit : int, default 1
        Multiplier from the column header (``1``, ``1000`` for 千円, ``10000``
        for 万円) for numbers written without a unit, typed numbers included.
        A unit written in the value (円, ¥, 万, 億) wins.

    Returns
    -------
    Parsed
        ``value`` is an ``int`` number of yen (``None`` for an empty cell).

    Raises
    ------
    ParseError
        When the text is not an amount or is ambiguous (see the module notes).

    Examples
    --------
    >>> parse_amount("5,800,000円").value
    5800000
    >>> parse_amount("1億2000万円").value, parse_amount("1万5千円").value
    (120000000, 15000)
    >>> parse_amount("五百八十万円").value, parse_amount("５８０．５万円").value
    (5800000, 5805000)
    >>> parse_amount("580", unit=10_000).value, parse_amount("580円", unit=10_000).value
    (5800000, 580)
    >>> parse_amount(1.5, unit=1000).value
    1500
    >>> parse_amount("▲5,000").value
    -5000
    >>> parse_amount("約300万")
    Parsed(value=3000000, note='approximate')
    >>> parse_amount("不明")
    Parsed(value=None, note=None)
    """
    if isinstance(raw, str):
        text = _clean_text(raw)
        return _EMPTY if text is None else _amount_from_text(text, unit)
    if _is_missing(raw):
        return _EMPTY
    number = _typed_number(raw)
    if number is None:
        raise ParseError("not an amount")
    return _to_yen(number * unit, [])


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = 20_000, 80_000
#: era -> (Western year of era year 0, first day, last day)
_ERAS: dict[str, tuple[int, date, date | None]] = {
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


def _make_date(year: int, month: int, day: int | None, notes: list[str]) -> date:
    if day is None:
        try:
            first = date(year, month, 1)
        except ValueError:
            raise ParseError(f"date does not exist ({year:04d}-{month:02d})") from None
        notes.append("day missing; read as the 1st")
        return first
    try:
        return date(year, month, day)
    except ValueError:
        raise ParseError(f"date does not exist ({year:04d}-{month:02d}-{day:02d})") from None


def _date_from_number(number: Decimal) -> Parsed:
    if number == number.to_integral_value() and 10_000_000 <= number <= 99_999_999:
        n = int(number)
        return Parsed(_make_date(n // 10_000, n // 100 % 100, n % 100, []))
    if _SERIAL_MIN <= number <= _SERIAL_MAX:
        return Parsed(_EXCEL_EPOCH + timedelta(days=int(number)))
    raise ParseError("not a date (a number outside the Excel serial range 20000-80000)")


def _date_from_text(text: str) -> Parsed:
    t = _TIME_SUFFIX.sub("", text)
    t = _WEEKDAY_SUFFIX.sub("", t.rstrip())
    t = _WS.sub("", t).translate(_DASHES)
    if _KANJI_RUN.search(t):
        t = _kanji_to_digits(t, "a date")
    notes: list[str] = []
    m = _WESTERN.fullmatch(t)
    if m:
        day = m["d"] or m["d2"]
        d = _make_date(int(m["y"]), int(m["m"] or m["m2"]), int(day) if day else None, notes)
        return Parsed(d, _join(notes))
    m = _ERA.fullmatch(t)
    if m:
        era = _ERA_LETTERS.get(m["era"].lower(), m["era"])
        base, first, last = _ERAS[era]
        era_year = 1 if m["y"] == "元" else int(m["y"])
        if era_year == 0:
            raise ParseError(f"not a date ({era}0年 does not exist)")
        day = m["d"] or m["d2"]
        year = base + era_year
        d = _make_date(year, int(m["m"] or m["m2"]), int(day) if day else None, notes)
        if last is not None and d > last:
            notes.append(f"after the end of {era}; read by its Western year ({year})")
        elif d < first:
            notes.append(f"before the start of {era}; read by its Western year ({year})")
        return Parsed(d, _join(notes))
    if _SERIAL.fullmatch(t) or _YYYYMMDD.fullmatch(t):
        return _date_from_number(Decimal(t))
    raise ParseError("not a date")


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
    if _is_missing(raw):
        return _EMPTY
    if isinstance(raw, str):
        text = _clean_text(raw)
        return _EMPTY if text is None else _date_from_text(text)
    if isinstance(raw, datetime):  # includes pandas.Timestamp
        return Parsed(raw.date())
    if isinstance(raw, date):
        return Parsed(raw)
    if isinstance(raw, np.datetime64):
        try:
            return Parsed(pd.Timestamp(raw).date())
        except (ValueError, OverflowError):
            raise ParseError("not a date") from None
    number = _typed_number(raw)
    if number is None:
        raise ParseError("not a date")
    return _date_from_number(number)


# --------------------------------------------------------------------------
# Ages, counts, terms
# --------------------------------------------------------------------------

_AGE = re.compile(r"満?(?P<n>[0-9]{1,3})(?:\.0+)?(?:歳|才)?")
_BAND = re.compile(r"(?P<n>[0-9]{1,3})(?:代|台|歳代|才代|歳台|s|'s)(?:前半|後半)?")
_COUNT = re.compile(r"(?P<n>[0-9]{1,6})(?:\.0+)?(?:人|名)?")
_TERM_BARE = re.compile(r"(?P<n>[0-9]{1,6})(?:\.0+)?(?:回(?:払い?)?)?")
_TERM_YM = re.compile(
    r"(?:(?P<y>[0-9]{1,3}(?:\.[0-9]+)?)[ヶケカかヵ箇]?年)?"
    r"(?:(?P<m>[0-9]{1,6})[ヶケカかヵ箇]月)?"
)


def age_band_of(age: int) -> str:
    """The ten-year band of an age: ``18`` -> ``"10s"``, ``105`` -> ``"100s"``.

    Raises
    ------
    ParseError
        For an age below 10 (there is no band for it).

    Examples
    --------
    >>> age_band_of(18), age_band_of(45), age_band_of(105)
    ('10s', '40s', '100s')
    """
    if age < 10:
        raise ParseError("no age band below 10")
    return f"{min(age // 10 * 10, 100)}s"


def _band_from_text(t: str) -> str | None:
    m = _BAND.fullmatch(t.casefold())
    if not m:
        return None
    band = f"{int(m['n'])}s"
    if band not in AGE_BANDS:
        raise ParseError("unknown age band")
    return band


def _typed_whole(raw: object, what: str) -> int:
    number = _typed_number(raw)
    if number is None:
        raise ParseError(f"not {what}")
    return _whole(number, f"not {what} (not a whole number)")


def _small_text(raw: str, what: str) -> str | None:
    """Clean text for the small integer parsers: no spaces, kanji numerals read."""
    text = _clean_text(raw)
    if text is None:
        return None
    t = _WS.sub("", text)
    if _KANJI_RUN.search(t):
        t = _kanji_to_digits(t, what)
    return t


def parse_age(raw: object) -> Parsed:
    """Parse an age in years.

    Returns
    -------
    Parsed
        ``value`` is an ``int``; when the cell holds only a band (``"40代"``)
        it is the band string (``"40s"``), which fills age_band instead.

    Examples
    --------
    >>> parse_age("45歳").value, parse_age("４５").value, parse_age(45.0).value
    (45, 45, 45)
    >>> parse_age("40代").value
    '40s'
    """
    if _is_missing(raw):
        return _EMPTY
    if not isinstance(raw, str):
        return Parsed(_typed_whole(raw, "an age"))
    t = _small_text(raw, "an age")
    if t is None:
        return _EMPTY
    m = _AGE.fullmatch(t)
    if m:
        return Parsed(int(m["n"]))
    band = _band_from_text(t)
    if band is None:
        raise ParseError("not an age")
    return Parsed(band)


def parse_age_band(raw: object) -> Parsed:
    """Parse a ten-year age band (``"40代"``, ``"40s"``, ``"40歳代"``) or band an age.

    Examples
    --------
    >>> parse_age_band("40代").value, parse_age_band("40歳代").value
    ('40s', '40s')
    >>> parse_age_band(18).value, parse_age_band("105歳").value
    ('10s', '100s')
    """
    if _is_missing(raw):
        return _EMPTY
    if not isinstance(raw, str):
        return Parsed(age_band_of(_typed_whole(raw, "an age band")))
    t = _small_text(raw, "an age band")
    if t is None:
        return _EMPTY
    band = _band_from_text(t)
    if band is not None:
        return Parsed(band)
    m = _AGE.fullmatch(t)
    if m:
        return Parsed(age_band_of(int(m["n"])))
    raise ParseError("not an age band")


def parse_count(raw: object) -> Parsed:
    """Parse a count of people: ``"3"``, ``"3人"``, ``"3名"``, ``"三人"``.

    Examples
    --------
    >>> parse_count("3人").value, parse_count("３名").value, parse_count(3.0).value
    (3, 3, 3)
    """
    if _is_missing(raw):
        return _EMPTY
    if not isinstance(raw, str):
        return Parsed(_typed_whole(raw, "a count"))
    t = _small_text(raw, "a count")
    if t is None:
        return _EMPTY
    m = _COUNT.fullmatch(t)
    if not m:
        raise ParseError("not a count")
    return Parsed(int(m["n"]))


def parse_term(raw: object) -> Parsed:
    """Parse a payment term as a number of months.

    Accepts ``"60"``, ``"60ヶ月"`` (also ケ/カ/か/ヵ/箇), ``"60回"``,
    ``"60回払い"``, ``"5年"`` (= 60), ``"5年6ヶ月"`` (= 66), ``"2.5年"`` (= 30),
    a trailing 間 (``"5年間"``) and kanji numerals. Open-ended words
    (``_contract.OPEN_ENDED_TERMS``: 無期限, 期限なし, 定めなし, …) are read as
    empty without complaint.

    Examples
    --------
    >>> parse_term("60ヶ月").value, parse_term("5年").value, parse_term("5年6ヶ月").value
    (60, 60, 66)
    >>> parse_term("無期限")
    Parsed(value=None, note=None)
    """
    if _is_missing(raw):
        return _EMPTY
    if not isinstance(raw, str):
        return Parsed(_typed_whole(raw, "a term"))
    text = _clean_text(raw)
    if text is None:
        return _EMPTY
    t = _WS.sub("", text)
    if t.casefold() in OPEN_ENDED_TERMS:
        return _EMPTY
    if _KANJI_RUN.search(t):
        t = _kanji_to_digits(t, "a term")
    if t.endswith("間"):
        t = t[:-1]
    m = _TERM_BARE.fullmatch(t)
    if m:
        return Parsed(int(m["n"]))
    m = _TERM_YM.fullmatch(t)
    if not m or not (m["y"] or m["m"]):
        raise ParseError("not a term")
    years = Decimal(m["y"]) if m["y"] else Decimal(0)
    months = years * 12 + (int(m["m"]) if m["m"] else 0)
    return Parsed(_whole(months, "not a term (not a whole number of months)"))


# --------------------------------------------------------------------------
# Ratios
# --------------------------------------------------------------------------

_RATIO = re.compile(r"(?P<num>[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?P<pct>%|パーセント)?")
_NOTE_PERCENT = "bare number above 1 read as a percentage"


def _ratio(
    value: Decimal, is_percent: bool, percent: bool, notes: list[str], fraction: bool = False
) -> Parsed:
    if is_percent or percent:
        value = value / 100
    elif abs(value) > 1 and not fraction:
        value = value / 100
        notes.append(_NOTE_PERCENT)
    return Parsed(float(value), _join(notes))


def parse_ratio(raw: object, percent: bool = False, fraction: bool = False) -> Parsed:
    """Parse a ratio as a fraction.

    Parameters
    ----------
    raw : object
        ``"1.7%"``, ``"１．７％"``, ``"0.017"``, ``"年14.6%"``, or a typed number.
    percent : bool, default False
        The header's unit is ``%``: bare numbers are percentages, without a
        note. Otherwise a bare number above 1 is read as a percentage and
        noted.
    fraction : bool, default False
        The column is the clean table's own (its canonical name as header):
        bare numbers are fractions, also above 1 (a ratio of 100.6%).

    Examples
    --------
    >>> parse_ratio("1.7%").value, parse_ratio("１．７％").value, parse_ratio("0.017").value
    (0.017, 0.017, 0.017)
    >>> parse_ratio("7.7")
    Parsed(value=0.077, note='bare number above 1 read as a percentage')
    >>> parse_ratio("7.7", percent=True)
    Parsed(value=0.077, note=None)
    >>> parse_ratio(1.0063, fraction=True)
    Parsed(value=1.0063, note=None)
    """
    if _is_missing(raw):
        return _EMPTY
    if not isinstance(raw, str):
        number = _typed_number(raw)
        if number is None:
            raise ParseError("not a ratio")
        return _ratio(number, False, percent, [], fraction)
    text = _clean_text(raw)
    if text is None:
        return _EMPTY
    t = _WS.sub("", text)
    notes: list[str] = []
    if t.startswith("約"):
        t = t[1:]
        notes.append(_NOTE_APPROX)
    if t.startswith("年"):  # an annual rate, "年14.6%"
        t = t[1:]
    m = _RATIO.fullmatch(t)
    if not m:
        raise ParseError("not a ratio")
    return _ratio(Decimal(m["num"]), bool(m["pct"]), percent, notes, fraction)


# --------------------------------------------------------------------------
# Codes, prefectures, text
# --------------------------------------------------------------------------


def parse_code(raw: object, column: str) -> Parsed:
    """Map a coded column's value to its code via ``_contract.CODE_MAPS``.

    Parameters
    ----------
    raw : object
        The value as written (``"会社員"``, ``"パート・アルバイト"``,
        ``"self_employed"``); matched after ``normalize_header``.
    column : {"employment", "resolution", "creditor_type"}
        Which code list to use. Any other name is a programming error
        (``ValueError``, not ParseError).

    Examples
    --------
    >>> parse_code("会社員", "employment").value, parse_code("分割", "resolution").value
    ('employee', 'installment')
    >>> parse_code("宇宙飛行士", "employment")
    Traceback (most recent call last):
    ...
    outcomes._errors.ParseError: unknown employment code
    """
    try:
        codes = CODE_MAPS[column]
    except KeyError:
        raise ValueError(f"no code list for column {column!r}") from None
    if _is_missing(raw):
        return _EMPTY
    text = unicodedata.normalize("NFKC", raw if isinstance(raw, str) else str(raw)).strip()
    code = codes.get(normalize_header(text))  # before the missing markers: judgment's なし
    if code is not None:
        return Parsed(code)
    if text.casefold() in MISSING_MARKERS:
        return _EMPTY
    raise ParseError(f"unknown {column.replace('_', ' ')} code")


#: the note of a guarantor cell holding a name: true, and the name is personal data
NOTE_GUARANTOR_NAME = "person's name"
_GUARANTOR_TRUE = frozenset(normalize_header(w) for w in GUARANTOR_TRUE)
_GUARANTOR_FALSE = frozenset(normalize_header(w) for w in GUARANTOR_FALSE)
_NAME = re.compile(
    r"(?:(?:あり|有り?)[(\[【])?[A-Za-z一-龥々〆ヶぁ-んァ-ヴー・. ]{1,30}"
    r"(?:様|さま|さん|殿|氏)?[)\]】]?"
)


def parse_guarantor(raw: object) -> Parsed:
    """Parse whether a 連帯保証人 or 連帯債務者 stands beside the debtor.

    ``あり``/``有``/``○``/``1``/``yes`` are true, ``なし``/``無``/``×``/``0``/``no``
    false, an empty cell unknown. A person's name written in the cell means
    true; the value is noted ``"person's name"`` so that the cleaner reports
    it as personal data, masked, and never copies it.

    Examples
    --------
    >>> parse_guarantor("あり").value, parse_guarantor("なし").value, parse_guarantor(1).value
    (True, False, True)
    >>> parse_guarantor("山田太郎")
    Parsed(value=True, note="person's name")
    >>> parse_guarantor("不明")
    Parsed(value=None, note=None)
    """
    if _is_missing(raw):
        return _EMPTY
    if isinstance(raw, bool | np.bool_):
        return Parsed(bool(raw))
    if not isinstance(raw, str):
        number = _typed_number(raw)
        if number is not None and number in (0, 1):
            return Parsed(bool(number))
        raise ParseError("not a yes/no value (あり/なし)")
    text = unicodedata.normalize("NFKC", raw).strip()
    key = normalize_header(text)
    if key in _GUARANTOR_TRUE:
        return Parsed(True)
    if key in _GUARANTOR_FALSE:
        return Parsed(False)
    if text.casefold() in MISSING_MARKERS:
        return _EMPTY
    if _NAME.fullmatch(text) and (not text.isascii() or " " in text):  # 山田太郎, Taro Yamada
        return Parsed(True, NOTE_GUARANTOR_NAME)
    raise ParseError("not a yes/no value (あり/なし)")


def parse_prefecture(raw: object) -> Parsed:
    """Parse a prefecture into its full name with suffix.

    Examples
    --------
    >>> parse_prefecture("埼玉").value, parse_prefecture("東京都").value
    ('埼玉県', '東京都')
    >>> parse_prefecture("大阪").value, parse_prefecture("北海道").value
    ('大阪府', '北海道')
    """
    if _is_missing(raw):
        return _EMPTY
    if not isinstance(raw, str):
        raise ParseError("unknown prefecture")
    text = _clean_text(raw)
    if text is None:
        return _EMPTY
    name = PREFECTURE_NAMES.get(_WS.sub("", text))
    if name is None:
        raise ParseError("unknown prefecture")
    return Parsed(name)


def parse_text(raw: object) -> Parsed:
    """Normalise a text cell: NFKC and trim; missing markers are empty.

    A number typed in a spreadsheet becomes its text: a whole float loses its
    ``.0`` (case id 1001 typed as ``1001.0`` -> ``"1001"``). A typed date
    becomes ISO text.

    Examples
    --------
    >>> parse_text("　ＳＭＢＣ債権回収㈱ ").value
    'SMBC債権回収(株)'
    >>> parse_text(1001.0).value, parse_text("N/A").value
    ('1001', None)
    """
    if _is_missing(raw):
        return _EMPTY
    if isinstance(raw, str):
        return Parsed(_clean_text(raw))
    if isinstance(raw, bool | np.bool_):
        return Parsed(str(bool(raw)))
    number = _typed_number(raw)
    if number is not None:
        if number == number.to_integral_value():
            return Parsed(str(int(number)))
        return Parsed(repr(float(raw)) if isinstance(raw, float | np.floating) else str(number))
    if isinstance(raw, datetime):
        return Parsed(
            raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(sep=" ")
        )
    if isinstance(raw, date):
        return Parsed(raw.isoformat())
    return Parsed(_clean_text(str(raw)))


# --------------------------------------------------------------------------
# Columns
# --------------------------------------------------------------------------


class ParsedColumn:
    """A parsed column: each row's distinct raw value, and what each distinct value parsed to.

    Rows are expanded only when asked for (:attr:`values`, :attr:`notes`,
    :attr:`errors`); the cleaner mostly works on the distinct values
    (:meth:`typed`, :meth:`text`, :meth:`error_mask`).

    Attributes
    ----------
    values : pandas.Series
        Parsed values, same index as the input, object dtype; ``None`` where
        the cell was empty or could not be read.
    notes : pandas.Series
        The note per row (str) or ``None``.
    errors : pandas.Series
        The ParseError message per row (str) or ``None``.
    codes : numpy.ndarray
        The code of each row's distinct raw value (-1: missing).
    distinct : numpy.ndarray
        The parsed distinct values, one more slot (None) for code -1.
    index : pandas.Index
        The input's index; ``name`` its name.
    """

    def __init__(
        self,
        codes: np.ndarray,
        distinct: np.ndarray | None,
        notes: np.ndarray,
        errors: np.ndarray,
        index: pd.Index,
        name: object = None,
        *,
        arrow_distinct: pa.Array | None = None,
    ) -> None:
        self.codes = codes
        self._distinct = distinct
        # text parsed in Arrow: the distinct values there, no Python object per value
        self._arrow_distinct = arrow_distinct
        self._distinct_notes = notes
        self._distinct_errors = errors
        self.index = index
        self.name = name
        self._rows: dict[str, pd.Series] = {}

    def _expand(self, what: str, distinct: np.ndarray, texts: bool = True) -> pd.Series:
        if what not in self._rows:
            if texts and not distinct.any():  # notes and errors: non-empty str or None
                taken = np.empty(len(self.codes), dtype=object)  # all None, no gather
            else:
                taken = distinct[self.codes]  # -1 takes the last slot, left empty
            self._rows[what] = pd.Series(
                taken, index=self.index, dtype=object, name=self.name, copy=False
            )
        return self._rows[what]

    @property
    def values(self) -> pd.Series:
        return self._expand("values", self.distinct, texts=False)

    @property
    def notes(self) -> pd.Series:
        return self._expand("notes", self._distinct_notes)

    @property
    def errors(self) -> pd.Series:
        return self._expand("errors", self._distinct_errors)

    @property
    def distinct(self) -> np.ndarray:
        if self._distinct is None and self._arrow_distinct is not None:
            self._distinct = self._arrow_distinct.to_numpy(zero_copy_only=False)
        return self._distinct

    def _mask(self, distinct: np.ndarray) -> np.ndarray:
        has = ~pd.isna(distinct)
        if not has.any():
            return np.zeros(len(self.codes), dtype=bool)
        return has[self.codes]

    def error_mask(self) -> np.ndarray:
        """Rows that could not be read (``errors.notna()``, from the distinct values)."""
        return self._mask(self._distinct_errors)

    def note_mask(self) -> np.ndarray:
        """Rows with a note (``notes.notna()``, from the distinct values)."""
        return self._mask(self._distinct_notes)

    def errors_at(self, mask: np.ndarray) -> pd.Series:
        """The errors of the rows at ``mask`` (``errors[mask]``, without expanding the column)."""
        return self._at(self._distinct_errors, mask)

    def notes_at(self, mask: np.ndarray) -> pd.Series:
        """The notes of the rows at ``mask``."""
        return self._at(self._distinct_notes, mask)

    def _at(self, distinct: np.ndarray, mask: np.ndarray) -> pd.Series:
        return pd.Series(
            distinct[self.codes[mask]], index=self.index[mask], dtype=object, name=self.name
        )

    def typed(self, dtype: str) -> pd.Series:
        """The values as ``"float64"`` or ``"datetime64[ns]"``, converted once per distinct value.

        Examples
        --------
        >>> col = parse_column(pd.Series(["580万円", None, "580万円"]), parse_amount)
        >>> col.typed("float64").tolist()
        [5800000.0, nan, 5800000.0]
        """
        values = pd.Series(self.distinct, dtype=object, copy=False)
        if dtype == "float64":
            converted = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64")
        else:
            converted = pd.to_datetime(values, errors="coerce").to_numpy(dtype=dtype)
        converted = converted[self.codes]  # -1 takes the last slot, left empty
        return pd.Series(converted, index=self.index, name=self.name, copy=False)

    def text(self) -> pd.Series | None:
        """The values as a ``str`` Series, gathered in Arrow from the distinct values.

        What ``pd.Series`` infers from :attr:`values` when every value is text
        (the same dtype and values), without a Python object per row; None
        when some value is not text, or none is.

        Examples
        --------
        >>> col = parse_column(pd.Series(["ｱﾋﾞﾘｵ", None] * 8 + ["x"]), parse_text)
        >>> col.text().equals(pd.Series(col.values.to_numpy()))
        True
        """
        if self._arrow_distinct is not None:
            distinct = self._arrow_distinct
            if distinct.null_count == len(distinct):
                return None
        else:
            if self._distinct is None:
                return None
            if pd.api.types.infer_dtype(self._distinct, skipna=True) != "string":
                return None
            distinct = pa.array(self._distinct, type=pa.large_string(), from_pandas=True)
        values = gather_text(distinct, self.codes)
        return pd.Series(values, index=self.index, name=self.name, copy=False)


def gather_text(
    distinct: pa.Array, codes: np.ndarray, *, na_value: object = np.nan
) -> pd.arrays.ArrowStringArray:
    """Each row's text from its code into ``distinct``, gathered in Arrow.

    ``distinct`` ends with an empty (null) slot, which code -1 takes. The
    result is ``str`` (missing as NaN), or ``string`` with ``na_value=pd.NA``.

    Examples
    --------
    >>> gather_text(pa.array(["a", "b", None]), np.array([1, -1, 0])).tolist()
    ['b', nan, 'a']
    """
    where = np.where(codes < 0, len(distinct) - 1, codes)
    taken = pa.chunked_array([distinct.take(pa.array(where))])
    if not pa.types.is_large_string(taken.type):
        taken = taken.cast(pa.large_string())
    return pd.arrays.ArrowStringArray(taken, dtype=pd.StringDtype("pyarrow", na_value=na_value))


class _Fast:
    """What a fast path has read: a mask of done uniques, their values and notes."""

    def __init__(self, n: int) -> None:
        self.done = np.zeros(n, dtype=bool)
        self.values = np.empty(n, dtype=object)  # filled with None
        self.notes = np.empty(n, dtype=object)

    def fill(self, positions: np.ndarray, new_values: object) -> None:
        self.done[positions] = True
        self.values[positions] = new_values


_FastPath = Callable[..., _Fast]


def _str_part(uniques: pd.Index) -> tuple[np.ndarray, pd.Series]:
    """Positions of the text uniques and those texts as a str Series."""
    if pd.api.types.is_string_dtype(uniques.dtype) and uniques.dtype != object:
        return np.arange(len(uniques)), pd.Series(uniques.array, dtype="str")
    if uniques.dtype == object:
        arr = uniques.to_numpy()
        mask = np.fromiter((isinstance(x, str) for x in arr), dtype=bool, count=len(arr))
        pos = np.flatnonzero(mask)
        return pos, pd.Series(arr[pos], dtype="str")
    return np.empty(0, dtype=np.intp), pd.Series([], dtype="str")


#: characters that are their own NFKC form and compose with nothing (as printable ASCII):
#: kanji numerals and units, and the words of dates (a test checks every pair)
NFKC_STABLE_CHARS = (
    "〇零一二三四五六七八九十百千万萬億兆壱弐参拾円約¥年月日時分秒令和平成昭大正明治元"
)
_NFKC_STABLE_TEXT = f"[{re.escape(NFKC_STABLE_CHARS)} -~]*"


def _nfkc(s: pd.Series) -> pd.Series:
    """NFKC of a str Series, touching only the values that may change.

    A value of printable ASCII, kanji numerals or date words is its own NFKC
    form (:data:`NFKC_STABLE_CHARS`); the others are normalised in Python.
    """
    change = ~s.str.isascii().to_numpy(dtype=bool)
    if change.any():  # in Arrow's RE2: a class of literal characters matches as in Python
        stable = pc.match_substring_regex(pa.array(s.array), f"^{_NFKC_STABLE_TEXT}$")
        change &= ~pc.fill_null(stable, False).to_numpy(zero_copy_only=False)
    if not change.any():
        return s
    out = s.to_numpy(dtype=object).copy()
    out[change] = [unicodedata.normalize("NFKC", x) for x in out[change]]
    return pd.Series(out, dtype="str")


def _num_part(uniques: pd.Index) -> np.ndarray | None:
    """The uniques as a float64 or int64 array when the column is numeric (not bool)."""
    dtype = uniques.dtype
    if pd.api.types.is_bool_dtype(dtype) or not pd.api.types.is_numeric_dtype(dtype):
        return None
    if pd.api.types.is_integer_dtype(dtype):
        return uniques.to_numpy(dtype="int64")
    return uniques.to_numpy(dtype="float64")


def _whole_numbers(arr: np.ndarray, limit: float) -> tuple[np.ndarray, np.ndarray]:
    """Positions of whole numbers below ``limit`` in absolute value, and them as Python ints."""
    if arr.dtype.kind == "f":
        small = np.abs(arr) < limit  # False for NaN and inf
        kept = np.where(small, arr, 0.0)
        mask = small & (np.floor(kept) == kept)
    else:
        mask = np.abs(arr) < limit
    return np.flatnonzero(mask), arr[mask].astype(np.int64).astype(object)


_INT12 = r"[0-9]{1,12}"
_COMMA12 = r"[0-9]{1,3}(?:,[0-9]{3}){1,3}"
_NUMBER12 = rf"(?:{_INT12}|{_COMMA12})"


def _fast_amount(uniques: pd.Index, unit: int = 1) -> _Fast:
    fast = _Fast(len(uniques))
    arr = _num_part(uniques)
    if arr is not None:
        pos, ints = _whole_numbers(arr, _MAX_YEN / max(abs(unit), 1))
        fast.fill(pos, ints * unit)
        return fast
    pos, s = _str_part(uniques)
    if not len(s):
        return fast
    t = _nfkc(s)
    approx = t.str.startswith("約").to_numpy(dtype=bool)
    if approx.any():
        t = pd.Series(np.where(approx, t.str.slice(1), t), dtype="str")
    forms = (
        (_NUMBER12, unit, ","),  # a bare number takes the header's unit
        (rf"[¥\\]{_NUMBER12}円?|{_NUMBER12}円", 1, ",¥\\円"),
    )
    for pattern, mult, strip in forms:
        pos, t, approx = _left(fast, pos, t, approx)  # each form looks at what is left
        mask = t.str.fullmatch(pattern).to_numpy(dtype=bool)
        if not mask.any():
            continue
        digits = t[mask]
        for char in strip:
            digits = digits.str.replace(char, "", regex=False)
        ints = digits.astype("int64").to_numpy()
        ok = np.abs(ints.astype(np.float64) * mult) < _MAX_YEN  # else the scalar parser refuses
        _fill_amounts(fast, pos, np.flatnonzero(mask)[ok], ints[ok] * mult, approx)
    pos, t, approx = _left(fast, pos, t, approx)
    if not len(t):
        return fast
    # 1億2000万円, 580万, 12万3400, 1万500円 (the ambiguity rule as in the scalar parser)
    matched, g = _extract(
        t, r"(?:(?P<oku>[0-9]{1,4})億)?(?:(?P<man>[0-9]{1,8})万)?(?P<tail>[0-9]{1,4})?(?P<en>円)?"
    )
    oku_n, man_n, tail_n, en_n = (_lengths(g[k]) for k in ("oku", "man", "tail", "en"))
    mask = matched & ~fast.done[pos] & ((oku_n > 0) | (man_n > 0))
    mask &= (oku_n == 0) | (man_n <= 4)
    mask &= (tail_n == 0) | (en_n > 0) | ((man_n > 0) & (tail_n == 4))
    if mask.any():
        yen = _ints(g["oku"], mask) * 10**8 + _ints(g["man"], mask) * 10**4 + _ints(g["tail"], mask)
        _fill_amounts(fast, pos, np.flatnonzero(mask), yen, approx)
    pos, t, approx = _left(fast, pos, t, approx)
    if not len(t):
        return fast
    # 580.5万円: at most four decimals, so the result is whole yen
    matched, g = _extract(t, r"(?P<whole>[0-9]{1,8})\.(?P<frac>[0-9]{1,4})万円?")
    mask = matched & ~fast.done[pos]
    if mask.any():
        frac = pc.utf8_rpad(g["frac"], width=4, padding="0")
        yen = _ints(g["whole"], mask) * 10_000 + _ints(frac, mask)
        _fill_amounts(fast, pos, np.flatnonzero(mask), yen, approx)
    pos, t, approx = _left(fast, pos, t, approx)
    if len(t):
        _fast_sections(fast, pos, t, unit, approx)
    return fast


def _left(
    fast: _Fast, pos: np.ndarray, t: pd.Series, approx: np.ndarray | None = None
) -> tuple[np.ndarray, pd.Series, np.ndarray | None]:
    """The texts a fast path has not read yet (positions, texts, 約 flags), for its next form."""
    left = ~fast.done[pos]
    if left.all():
        return pos, t, approx
    return pos[left], t[left].reset_index(drop=True), None if approx is None else approx[left]


_SECTION_CHARS = "0-9〇零一二三四五六七八九壱弐参十百千拾"
_SECTIONS = (
    rf"(?:(?P<oku>[{_SECTION_CHARS}]+)億)?(?:(?P<man>[{_SECTION_CHARS}]+)万)?"
    rf"(?P<tail>[{_SECTION_CHARS}]+)?(?P<en>円)?"
)


def _section_values(texts: pa.Array, mask: np.ndarray) -> tuple[np.ndarray, ...]:
    """Value, small-unit flag, digit count and readability of each section at ``mask``.

    Each distinct section text (``五百八十``, ``2千``, ``3217``) is read once by the
    scalar :func:`_section`, so a column of a million distinct kanji amounts
    costs one scalar read per distinct section, not per amount.
    """
    chosen = pc.filter(texts, pa.array(mask)).dictionary_encode()
    values, small, digits, ok = _plain_sections(chosen.dictionary)
    for i in np.flatnonzero(~ok).tolist():
        text = chosen.dictionary[i].as_py()
        try:
            value, has_small, ndigits = _section(text, first=False)
        except ParseError:
            continue
        whole = value == value.to_integral_value() and abs(value) < _MAX_YEN
        values[i], small[i], digits[i], ok[i] = (
            (int(value) if whole else 0),
            has_small,
            ndigits,
            whole,
        )
    idx = chosen.indices.to_numpy(zero_copy_only=False)
    return values[idx], small[idx], digits[idx], ok[idx]


#: a section in the usual kanji form (千, 二千, 三百五, 十九, 七) or in digits (3217, 2千)
_PLAIN_SECTION = (
    "^(?:(?P<k>[一二三四五六七八九]?)(?P<K>千))?(?:(?P<h>[一二三四五六七八九]?)(?P<H>百))?"
    "(?:(?P<t>[一二三四五六七八九]?)(?P<T>十))?(?P<o>[一二三四五六七八九]?)$"
)
_ARABIC_SECTION = "^(?P<d>[0-9]{1,12})(?P<u>[千百十拾]?)$"
_KANJI_ONE_TO_NINE = pa.array(list("一二三四五六七八九"))
_UNIT_VALUES = pa.array(list("拾十百千")), np.array([10, 10, 100, 1000, 1], dtype=np.int64)


def _plain_sections(texts: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_section` of distinct section texts in the two usual forms, in Arrow.

    Returns value, small-unit flag, digit count and ``done`` for each text;
    ``""`` is 0. Texts in any other form (壱, 〇, 二〇二一, …) are left
    (``done`` False) for the scalar reader; a test checks every usual form
    against it.
    """
    n = len(texts)
    values = np.zeros(n, dtype=np.int64)
    small = np.zeros(n, dtype=bool)
    done = pc.fill_null(pc.equal(texts, ""), False).to_numpy(zero_copy_only=False).copy()
    digits = pc.utf8_length(texts).to_numpy(zero_copy_only=False).astype(np.int64)
    kanji = pc.extract_regex(texts, _PLAIN_SECTION)
    hit = kanji.is_valid().to_numpy(zero_copy_only=False) & ~done
    if hit.any():
        total = np.zeros(n, dtype=np.int64)
        for digit, unit, scale in (("k", "K", 1000), ("h", "H", 100), ("t", "T", 10), ("o", "", 1)):
            d = pc.index_in(kanji.field(digit), value_set=_KANJI_ONE_TO_NINE)
            d = pc.fill_null(d, -1).to_numpy(zero_copy_only=False).astype(np.int64) + 1
            if unit:  # a bare unit counts one of it
                has = pc.fill_null(pc.not_equal(kanji.field(unit), ""), False)
                has = has.to_numpy(zero_copy_only=False)
                small |= has & hit
                d = np.where(has & (d == 0), 1, d)
            total += d * scale
        values[hit] = total[hit]
        done |= hit
    arabic = pc.extract_regex(texts, _ARABIC_SECTION)
    hit = arabic.is_valid().to_numpy(zero_copy_only=False) & ~done
    if hit.any():
        number = pc.cast(pc.if_else(arabic.is_valid(), arabic.field("d"), "0"), pa.int64())
        unit = pc.fill_null(pc.index_in(arabic.field("u"), value_set=_UNIT_VALUES[0]), 4)
        scale = _UNIT_VALUES[1][unit.to_numpy(zero_copy_only=False)]
        values[hit] = (number.to_numpy(zero_copy_only=False) * scale)[hit]
        small[hit] = (scale != 1)[hit]
        digits[hit] = pc.utf8_length(arabic.field("d")).to_numpy(zero_copy_only=False)[hit]
        done |= hit
    return values, small, np.where(done, digits, 0), done


def _fast_sections(
    fast: _Fast, pos: np.ndarray, t: pd.Series, unit: int, approx: np.ndarray
) -> None:
    """Amounts split by 億 and 万 into sections of digits, kanji or small units.

    ``854万2千円``, ``五百五十八万円``, ``十九万千円``, ``5千円``: the same reading
    and the same ambiguity rule as the scalar parser; anything else it leaves.
    """
    matched, g = _extract(t, _SECTIONS)
    mask = matched & ~fast.done[pos]
    oku_n, man_n, tail_n, en_n = (_lengths(g[k]) for k in ("oku", "man", "tail", "en"))
    mask &= (oku_n > 0) | (man_n > 0) | (tail_n > 0)
    if not mask.any():
        return
    oku, _, _, oku_ok = _section_values(g["oku"], mask)
    man, _, _, man_ok = _section_values(g["man"], mask)
    tail, tail_small, tail_digits, tail_ok = _section_values(g["tail"], mask)
    has_oku, has_man, has_tail = oku_n[mask] > 0, man_n[mask] > 0, tail_n[mask] > 0
    yen_suffix = en_n[mask] > 0
    ok = oku_ok & man_ok & tail_ok
    # a section below the first must be smaller than the gap to the unit above it
    ok &= ~(has_oku & has_man) | (man < 10**4)
    gap = np.where(has_man, 4, np.where(has_oku, 8, 0))
    below = has_tail & (gap > 0)
    ok &= ~below | (tail < 10 ** np.maximum(gap, 0))
    # a bare number after a big unit must say by its width which it is
    ok &= ~below | tail_small | yen_suffix | (tail_digits == gap)
    explicit = yen_suffix | has_oku | has_man
    big = oku.astype(np.float64) * 1e8 + man * 1e4 + tail
    ok &= np.where(explicit, big, big * unit) < _MAX_YEN
    yen = oku * 10**8 + man * 10**4 + tail
    yen = np.where(explicit, yen, yen * unit)
    sub = np.flatnonzero(mask)[ok]
    _fill_amounts(fast, pos, sub, yen[ok], approx)


def _extract(s: pd.Series, pattern: str) -> tuple[np.ndarray, dict[str, pa.Array]]:
    """Full-match ``pattern`` (named groups) on each text, vectorised by pyarrow.

    Returns the mask of matching texts and each group's texts (``""`` where
    the group did not take part or the text did not match).
    """
    arr = pa.array(s.array)
    if isinstance(arr, pa.ChunkedArray):  # a filtered column may come in chunks
        arr = arr.combine_chunks()
    result = pc.extract_regex(arr, f"^(?:{pattern})$")
    matched = result.is_valid().to_numpy(zero_copy_only=False)
    groups = {result.type.field(i).name: result.field(i) for i in range(result.type.num_fields)}
    return matched, groups


def _lengths(texts: pa.Array) -> np.ndarray:
    return pc.utf8_length(texts).to_numpy(zero_copy_only=False)


def _ints(texts: pa.Array, mask: np.ndarray) -> np.ndarray:
    """The digit texts at ``mask`` as int64 (``""`` is 0)."""
    chosen = texts.filter(pa.array(mask))
    chosen = pc.if_else(pc.equal(chosen, ""), "0", chosen)
    return pc.cast(chosen, pa.int64()).to_numpy(zero_copy_only=False)


def _fill_amounts(
    fast: _Fast, pos: np.ndarray, sub: np.ndarray, yen: np.ndarray, approx: np.ndarray
) -> None:
    """Record amounts read by a fast path for the text uniques ``pos[sub]``."""
    fast.fill(pos[sub], np.asarray(yen, dtype=np.int64).astype(object))
    noted = sub[approx[sub]]
    fast.notes[pos[noted]] = _NOTE_APPROX


def _fast_whole(pattern: str) -> _FastPath:
    """Fast path for the small integer parsers: ASCII digits and typed whole numbers."""

    def fast_whole(uniques: pd.Index) -> _Fast:
        fast = _Fast(len(uniques))
        arr = _num_part(uniques)
        if arr is not None:
            fast.fill(*_whole_numbers(arr, 2.0**53))
            return fast
        pos, s = _str_part(uniques)
        if len(s):
            mask = s.str.fullmatch(pattern).to_numpy(dtype=bool)
            fast.fill(pos[mask], s[mask].astype("int64").to_numpy().astype(object))
        return fast

    return fast_whole


_ISO_LIKE = r"(?P<y>[0-9]{4})(?P<s1>[-/.])(?P<m>[0-9]{1,2})(?P<s2>[-/.])(?P<d>[0-9]{1,2})"
_KANJI_YMD = r"(?P<y>[0-9]{4})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日"
_ERA_YMD = (
    r"(?P<era>令和|平成|昭和|大正|[RHSTrhst])\.?(?P<y>元|[0-9]{1,2})"
    r"(?:(?P<s1>[-/.])(?P<m>[0-9]{1,2})(?P<s2>[-/.])(?P<d>[0-9]{1,2})"
    r"|年(?P<m2>[0-9]{1,2})月(?P<d2>[0-9]{1,2})日)"
)
#: the time suffix the scalar parser drops, anchored for pyarrow
_TIME_SUFFIX_RE2 = r"(?:\s+|T)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?$"
_ERA_BASE = {era: base for era, (base, _, _) in _ERAS.items()}
_ERA_FIRST = {era: first for era, (_, first, _) in _ERAS.items()}
_ERA_LAST = {era: last or date(2200, 1, 1) for era, (_, _, last) in _ERAS.items()}


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


def _fast_date(uniques: pd.Index) -> _Fast:
    fast = _Fast(len(uniques))
    if isinstance(uniques, pd.DatetimeIndex):
        fast.fill(np.arange(len(uniques)), uniques.date)
        return fast
    arr = _num_part(uniques)
    if arr is not None:
        fa = arr.astype(np.float64)
        mask = (fa >= _SERIAL_MIN) & (fa <= _SERIAL_MAX)
        days = pd.to_datetime(np.floor(fa[mask]), unit="D", origin=pd.Timestamp(_EXCEL_EPOCH))
        fast.fill(np.flatnonzero(mask), np.asarray(days.date))
        return fast
    pos, s = _str_part(uniques)
    if not len(s):
        return fast
    t = _nfkc(s)
    # "2021/3/15 10:23:45": the scalar parser drops the time; so does this path
    has_time = t.str.contains(_TIME_SUFFIX_RE2, regex=True).to_numpy(dtype=bool)
    if has_time.any():
        t = pd.Series(
            pc.replace_substring_regex(pa.array(t.array), _TIME_SUFFIX_RE2, ""), dtype="str"
        )

    def take(mask: np.ndarray, ok: np.ndarray, stamps: pd.Series) -> None:
        fast.fill(pos[np.flatnonzero(mask)[ok]], np.asarray(stamps[ok].dt.date))

    # 2021-03-15, 2021/3/15, 2021.3.15 (one separator throughout; common years only)
    matched, g = _extract(t, _ISO_LIKE)
    mask = matched & pc.equal(g["s1"], g["s2"]).to_numpy(zero_copy_only=False)
    mask &= pc.match_substring_regex(g["y"], "^(?:19|20|21)").to_numpy(zero_copy_only=False)
    if mask.any():
        take(mask, *_ymd_dates(_ints(g["y"], mask), _ints(g["m"], mask), _ints(g["d"], mask)))
    pos, t, _ = _left(fast, pos, t)  # each form looks at what is left
    # 2021年3月15日
    matched, g = _extract(t, _KANJI_YMD)
    mask = matched & ~fast.done[pos]
    mask &= pc.match_substring_regex(g["y"], "^(?:19|20|21)").to_numpy(zero_copy_only=False)
    if mask.any():
        take(mask, *_ymd_dates(_ints(g["y"], mask), _ints(g["m"], mask), _ints(g["d"], mask)))
    pos, t, _ = _left(fast, pos, t)
    # 令和3年3月15日, R3.3.15, R03/03/15, H30.5.1, 令和元年5月1日: inside the era's span only
    # (a date outside it carries a note: the scalar parser writes it)
    matched, g = _extract(t, _ERA_YMD)
    mask = matched & ~fast.done[pos]
    sep = pc.equal(g["s1"], g["s2"]).to_numpy(zero_copy_only=False)
    kanji_form = _lengths(g["m2"]) > 0
    mask &= sep | kanji_form
    if mask.any():
        eras = pd.Series(pc.filter(g["era"], pa.array(mask)), dtype="str")
        eras = eras.map(lambda e: _ERA_LETTERS.get(e.lower(), e)).to_numpy(dtype=object)
        ys = pc.filter(g["y"], pa.array(mask))
        era_year = pc.cast(pc.if_else(pc.equal(ys, "元"), "1", ys), pa.int64()).to_numpy(
            zero_copy_only=False
        )
        base = np.array([_ERA_BASE[e] for e in eras], dtype=np.int64)
        months = np.where(kanji_form[mask], _ints(g["m2"], mask), _ints(g["m"], mask))
        days = np.where(kanji_form[mask], _ints(g["d2"], mask), _ints(g["d"], mask))
        exists, stamps = _ymd_dates(base + era_year, months, days)
        when = stamps.to_numpy(dtype="datetime64[ns]")
        first = np.array([_ERA_FIRST[e] for e in eras], dtype="datetime64[ns]")
        last = np.array([_ERA_LAST[e] for e in eras], dtype="datetime64[ns]")
        ok = exists & (era_year > 0) & (when >= first) & (when <= last)
        take(mask, ok, stamps)
    pos, t, _ = _left(fast, pos, t)
    # Excel serial numbers written as text: 44270
    matched, g = _extract(t, r"(?P<n>[0-9]{5})")
    mask = matched & ~fast.done[pos]
    if mask.any():
        n = _ints(g["n"], mask)
        ok = (n >= _SERIAL_MIN) & (n <= _SERIAL_MAX)
        days = pd.Series(pd.to_datetime(n, unit="D", origin=pd.Timestamp(_EXCEL_EPOCH)))
        take(mask, ok, days)
    return fast


_MISSING_ASCII = sorted(m for m in MISSING_MARKERS if m.isascii())


def _is_arrow_text(dtype: object) -> bool:
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"


def _parse_text_arrow(raw: pd.Series, codes: np.ndarray, uniques: pd.Index) -> ParsedColumn:
    """:func:`parse_text` of a text column whose distinct values stay in Arrow.

    The values :func:`_own_text` passes are their own parse; only the others
    (non-ASCII, edge spaces, missing markers) are parsed in Python, and the
    parsed distinct values are one Arrow array (a million distinct case ids
    never become Python strings).
    """
    done = _own_text(pd.Series(uniques.array, dtype="str"))
    arrow = pa.array(uniques.array, type=pa.large_string())
    todo = np.flatnonzero(~done)
    n = len(uniques)
    values, notes, errors = (np.empty(n + 1, dtype=object) for _ in range(3))
    if len(todo):
        _parse_each(uniques, todo, parse_text, {}, values, notes, errors)
        replacement = pa.array(values[todo], type=pa.large_string())
        arrow = pc.replace_with_mask(arrow, pa.array(~done), replacement)
    distinct = pa.concat_arrays([arrow, pa.nulls(1, pa.large_string())])

    return ParsedColumn(codes, None, notes, errors, raw.index, raw.name, arrow_distinct=distinct)


def _fast_text(uniques: pd.Index) -> _Fast:
    fast = _Fast(len(uniques))
    arr = _num_part(uniques)
    if arr is not None:
        pos, ints = _whole_numbers(arr, 2.0**53)
        fast.fill(pos, np.array([str(i) for i in ints], dtype=object))
        return fast
    pos, s = _str_part(uniques)
    if len(s):
        mask = _own_text(s)
        fast.fill(pos[mask], s[mask].to_numpy(dtype=object))
    return fast


def _own_text(s: pd.Series) -> np.ndarray:
    """Which texts are their own :func:`parse_text`: printable ASCII without edge
    spaces (its own NFKC-trimmed form) that is not a missing marker."""
    mask = s.str.fullmatch(r"[!-~](?:[ -~]*[!-~])?") & ~s.str.lower().isin(_MISSING_ASCII)
    return mask.to_numpy(dtype=bool)


def _fast_ratio(uniques: pd.Index, percent: bool = False, fraction: bool = False) -> _Fast:
    fast = _Fast(len(uniques))
    if percent:
        return fast
    arr = _num_part(uniques)
    if arr is not None:
        fa = arr.astype(np.float64)
        mask = np.isfinite(fa) if fraction else np.abs(fa) <= 1  # NaN compares False
        fast.fill(np.flatnonzero(mask), fa[mask].astype(object))
        return fast
    pos, s = _str_part(uniques)
    if len(s):
        mask = s.str.fullmatch(r"0(?:\.[0-9]{1,15})?|\.[0-9]{1,15}").to_numpy(dtype=bool)
        fast.fill(pos[mask], s[mask].astype("float64").to_numpy().astype(object))
    return fast


#: fewer distinct values than this are parsed by the scalar parser alone
_FAST_MIN_VALUES = 16

_FAST_PATHS: dict[Callable[..., Parsed], _FastPath] = {
    parse_amount: _fast_amount,
    parse_date: _fast_date,
    parse_age: _fast_whole(r"[0-9]{1,3}"),
    parse_count: _fast_whole(r"[0-9]{1,6}"),
    parse_term: _fast_whole(r"[0-9]{1,6}"),
    parse_ratio: _fast_ratio,
    parse_text: _fast_text,
}


def parse_column(raw: pd.Series, parser: Callable[..., Parsed], **kwargs: object) -> ParsedColumn:
    """Apply a scalar parser to a column, once per distinct raw value.

    The column is factorised; each distinct value is parsed once (the
    dominant easy forms of the package's parsers by vectorised fast paths
    giving the same result) and the results are broadcast back.

    Parameters
    ----------
    raw : pandas.Series
        The raw column (text, typed values or a mix).
    parser : callable
        A scalar parser such as :func:`parse_amount`; it must return a
        :class:`Parsed` and raise :class:`ParseError` for unreadable values
        (other exceptions propagate).
    **kwargs
        Passed to the parser (``unit=10_000``, ``percent=True``,
        ``column="employment"``).

    Returns
    -------
    ParsedColumn

    Notes
    -----
    Distinct values are found by ``factorize``, which treats values that
    compare equal as one (a typed ``1001`` and ``1001.0``); they parse alike.

    Examples
    --------
    >>> col = pd.Series(["580万円", "5,800,000", "abc", None, "580万円"])
    >>> out = parse_column(col, parse_amount)
    >>> out.values.tolist()
    [5800000, 5800000, None, None, 5800000]
    >>> out.errors.tolist()
    [None, None, 'not an amount', None, None]
    """
    if not isinstance(raw, pd.Series):
        raw = pd.Series(raw)
    codes, uniques = raw.factorize(use_na_sentinel=True)
    if isinstance(uniques.dtype, pd.CategoricalDtype):
        uniques = pd.Index(np.asarray(uniques, dtype=object), dtype=object)
    n = len(uniques)
    if parser is parse_text and n >= _FAST_MIN_VALUES and _is_arrow_text(uniques.dtype):
        return _parse_text_arrow(raw, codes, uniques)
    fast_path = _FAST_PATHS.get(parser)
    # the fast paths give the scalar parser's results; on a few values (one case
    # being offered) the scalar parser is the quicker of the two
    use_fast = fast_path is not None and n >= _FAST_MIN_VALUES
    fast = fast_path(uniques, **kwargs) if use_fast else _Fast(n)
    # one extra slot, left None, serves the code -1 of missing cells
    values = np.append(fast.values, None)
    notes = np.append(fast.notes, None)
    errors = np.empty(n + 1, dtype=object)
    _parse_each(uniques, np.flatnonzero(~fast.done), parser, kwargs, values, notes, errors)
    return ParsedColumn(codes, values, notes, errors, raw.index, raw.name)


def _parse_each(
    uniques: pd.Index,
    todo: np.ndarray,
    parser: Callable[..., Parsed],
    kwargs: dict[str, object],
    values: np.ndarray,
    notes: np.ndarray,
    errors: np.ndarray,
) -> None:
    """The scalar parser on the distinct values at ``todo``, into the three arrays."""
    for i, item in zip(todo.tolist(), uniques.take(todo).tolist(), strict=True):
        try:
            parsed = parser(item, **kwargs)
        except ParseError as exc:
            errors[i] = str(exc)
        else:
            values[i] = parsed.value
            notes[i] = parsed.note
