"""Numbers: ages and age bands, counts of people, payment terms, ratios; their fast paths beside them.

Ages (``45歳``, ``45才``, ``満45``), bands (``40代``, ``40s``), counts (``3人``,
``3名``), terms (``60ヶ月``, ``60回``, ``5年`` = 60) and ratios (``1.7%``,
``0.017``; a bare number above 1 is a percentage, noted) read kanji numerals
too. A typed number must be whole where the kind is (an age of 45.5 is
refused). The fast paths read ASCII digits and typed numbers of a column's
distinct values at once; the scalar parsers read the rest.
"""

from __future__ import annotations

import re
from decimal import Decimal

import numpy as np
import pandas as pd

from outcomes._contract import AGE_BANDS, OPEN_ENDED_TERMS
from outcomes._messages import Message
from outcomes._parse._common import (
    APPROXIMATE,
    EMPTY,
    FAST_PATHS,
    KANJI_RUN,
    WS,
    Fast,
    FastPath,
    Parsed,
    clean_text,
    fail,
    is_missing,
    kanji_to_digits,
    num_part,
    str_part,
    typed_number,
    whole,
    whole_numbers,
)

__all__ = [
    "PERCENT_NOTE",
    "age_band_of",
    "fast_ratio",
    "fast_whole",
    "parse_age",
    "parse_age_band",
    "parse_count",
    "parse_ratio",
    "parse_term",
]


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
        raise fail("age_band.below_10")
    return f"{min(age // 10 * 10, 100)}s"


def _band_from_text(t: str) -> str | None:
    m = _BAND.fullmatch(t.casefold())
    if not m:
        return None
    band = f"{int(m['n'])}s"
    if band not in AGE_BANDS:
        raise fail("age_band.unknown")
    return band


def _typed_whole(raw: object, kind: str) -> int:
    """A typed number of a whole-number kind (``"age"``, ``"count"``, …) as an int."""
    number = typed_number(raw)
    if number is None:
        raise fail(f"{kind}.unreadable")
    return whole(number, f"{kind}.not_whole")


def _small_text(raw: str, kind: str) -> str | None:
    """Clean text for the small integer parsers: no spaces, kanji numerals read."""
    text = clean_text(raw)
    if text is None:
        return None
    t = WS.sub("", text)
    if KANJI_RUN.search(t):
        t = kanji_to_digits(t, f"{kind}.unreadable")
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
    if is_missing(raw):
        return EMPTY
    if not isinstance(raw, str):
        return Parsed(_typed_whole(raw, "age"))
    t = _small_text(raw, "age")
    if t is None:
        return EMPTY
    m = _AGE.fullmatch(t)
    if m:
        return Parsed(int(m["n"]))
    band = _band_from_text(t)
    if band is None:
        raise fail("age.unreadable")
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
    if is_missing(raw):
        return EMPTY
    if not isinstance(raw, str):
        return Parsed(age_band_of(_typed_whole(raw, "age_band")))
    t = _small_text(raw, "age_band")
    if t is None:
        return EMPTY
    band = _band_from_text(t)
    if band is not None:
        return Parsed(band)
    m = _AGE.fullmatch(t)
    if m:
        return Parsed(age_band_of(int(m["n"])))
    raise fail("age_band.unreadable")


def parse_count(raw: object) -> Parsed:
    """Parse a count of people: ``"3"``, ``"3人"``, ``"3名"``, ``"三人"``.

    Examples
    --------
    >>> parse_count("3人").value, parse_count("３名").value, parse_count(3.0).value
    (3, 3, 3)
    """
    if is_missing(raw):
        return EMPTY
    if not isinstance(raw, str):
        return Parsed(_typed_whole(raw, "count"))
    t = _small_text(raw, "count")
    if t is None:
        return EMPTY
    m = _COUNT.fullmatch(t)
    if not m:
        raise fail("count.unreadable")
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
    if is_missing(raw):
        return EMPTY
    if not isinstance(raw, str):
        return Parsed(_typed_whole(raw, "term"))
    text = clean_text(raw)
    if text is None:
        return EMPTY
    t = WS.sub("", text)
    if t.casefold() in OPEN_ENDED_TERMS:
        return EMPTY
    if KANJI_RUN.search(t):
        t = kanji_to_digits(t, "term.unreadable")
    if t.endswith("間"):
        t = t[:-1]
    m = _TERM_BARE.fullmatch(t)
    if m:
        return Parsed(int(m["n"]))
    m = _TERM_YM.fullmatch(t)
    if not m or not (m["y"] or m["m"]):
        raise fail("term.unreadable")
    years = Decimal(m["y"]) if m["y"] else Decimal(0)
    months = years * 12 + (int(m["m"]) if m["m"] else 0)
    return Parsed(whole(months, "term.not_whole_months"))


# --------------------------------------------------------------------------
# Ratios
# --------------------------------------------------------------------------

_RATIO = re.compile(
    r"(?P<num>[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?)(?P<pct>%|パーセント)?"
)
#: the note of a bare number above 1 read as a percentage (the cleaner may overrule it)
PERCENT_NOTE = Message("ratio.percent")


def _ratio(
    value: Decimal, is_percent: bool, percent: bool, notes: list[Message], fraction: bool = False
) -> Parsed:
    if is_percent or percent:
        value = value / 100
    elif abs(value) > 1 and not fraction:
        value = value / 100
        notes.append(PERCENT_NOTE)
    return Parsed(float(value), tuple(notes))


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
    if is_missing(raw):
        return EMPTY
    if not isinstance(raw, str):
        number = typed_number(raw)
        if number is None:
            raise fail("ratio.unreadable")
        return _ratio(number, False, percent, [], fraction)
    text = clean_text(raw)
    if text is None:
        return EMPTY
    t = WS.sub("", text)
    notes: list[Message] = []
    if t.startswith("約"):
        t = t[1:]
        notes.append(APPROXIMATE)
    if t.startswith("年"):  # an annual rate, "年14.6%"
        t = t[1:]
    m = _RATIO.fullmatch(t)
    if not m:
        raise fail("ratio.unreadable")
    return _ratio(Decimal(m["num"]), bool(m["pct"]), percent, notes, fraction)


# --------------------------------------------------------------------------
# The fast paths: a column's distinct values at once
# --------------------------------------------------------------------------


def fast_whole(pattern: str) -> FastPath:
    """Fast path for the small integer parsers: ASCII digits and typed whole numbers."""

    def fast_path(uniques: pd.Index) -> Fast:
        fast = Fast(len(uniques))
        arr = num_part(uniques)
        if arr is not None:
            fast.fill(*whole_numbers(arr, 2.0**53))
            return fast
        pos, s = str_part(uniques)
        if len(s):
            mask = s.str.fullmatch(pattern).to_numpy(dtype=bool)
            fast.fill(pos[mask], s[mask].astype("int64").to_numpy().astype(object))
        return fast

    return fast_path


def fast_ratio(uniques: pd.Index, percent: bool = False, fraction: bool = False) -> Fast:
    fast = Fast(len(uniques))
    if percent:
        return fast
    arr = num_part(uniques)
    if arr is not None:
        fa = arr.astype(np.float64)
        mask = np.isfinite(fa) if fraction else np.abs(fa) <= 1  # NaN compares False
        fast.fill(np.flatnonzero(mask), fa[mask].astype(object))
        return fast
    pos, s = str_part(uniques)
    if len(s):
        mask = s.str.fullmatch(r"0(?:\.[0-9]{1,15})?|\.[0-9]{1,15}").to_numpy(dtype=bool)
        fast.fill(pos[mask], s[mask].astype("float64").to_numpy().astype(object))
    return fast


FAST_PATHS[parse_age] = fast_whole(r"[0-9]{1,3}")
FAST_PATHS[parse_count] = fast_whole(r"[0-9]{1,6}")
FAST_PATHS[parse_term] = fast_whole(r"[0-9]{1,6}")
FAST_PATHS[parse_ratio] = fast_ratio
