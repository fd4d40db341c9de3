"""Amounts of yen: :func:`parse_amount`, and its vectorised reading beside it.

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

The fast path (:func:`fast_amount`) reads the dominant easy forms of a
column's distinct values in Arrow and gives the scalar parser's results; the
scalar parser reads whatever it leaves.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from kanjize import kanji2number

from outcomes._errors import ParseError
from outcomes._messages import Message
from outcomes._parse._common import (
    APPROXIMATE,
    EMPTY,
    FAST_PATHS,
    KANJI_DIGITS,
    SMALL_UNITS,
    WS,
    Fast,
    Parsed,
    clean_text,
    extract,
    fail,
    ints,
    is_missing,
    left,
    lengths,
    nfkc,
    num_part,
    str_part,
    typed_number,
    whole_numbers,
)

__all__ = ["MAX_YEN", "fast_amount", "parse_amount", "plain_sections", "section"]


_BIG_UNITS = {"兆": 12, "億": 8, "万": 4, "萬": 4}
_BIG_SPLIT = re.compile(r"(兆|億|万|萬)")
_ARABIC = re.compile(
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?(?P<su>[千百十拾])?"
)
_KANJI_SECTION = re.compile(r"[0-9〇零一二三四五六七八九壱弐参十百千拾]+")
_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]+)?[eE][-+]?[0-9]{1,2}")
_NEGATIVE_SIGNS = "-−△▲"
_YEN_SIGNS = "¥\\"  # CP932 files often decode ¥ as a backslash
MAX_YEN = 10**15
_ROUNDED = Message("amount.rounded")
_SCIENTIFIC_NOTE = Message("amount.scientific")


def section(text: str, first: bool) -> tuple[Decimal, bool, int]:
    """Value of one section, whether it has a small unit, and its digit count."""
    m = _ARABIC.fullmatch(text)
    if m:
        if m["frac"] and not first:
            raise fail("amount.unreadable")
        digits = m["int"].replace(",", "")
        value = Decimal(f"{digits}.{m['frac']}" if m["frac"] else digits)
        if m["su"]:
            value *= SMALL_UNITS[m["su"]]
        return value, bool(m["su"]), len(digits)
    if _KANJI_SECTION.fullmatch(text):
        has_arabic = any(c.isascii() for c in text)
        if has_arabic and any(c in KANJI_DIGITS for c in text):
            raise fail("amount.unreadable")  # mixed digits like 1二
        try:
            value = Decimal(kanji2number(text))
        except ValueError:
            raise fail("amount.unreadable") from None
        has_small = any(c in SMALL_UNITS for c in text)
        return value, has_small, len(text)
    raise fail("amount.unreadable")


def _to_yen(amount: Decimal, notes: list[Message]) -> Parsed:
    if abs(amount) >= MAX_YEN:
        raise fail("amount.too_large")
    rounded = amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if abs(rounded - amount) > Decimal("1e-6"):
        notes.append(_ROUNDED)
    return Parsed(int(rounded), tuple(notes))


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
    t = WS.sub("", text)
    m = _SIMPLE_AMOUNT.fullmatch(t)
    if m:  # the common forms, without Decimal
        yen = int(m["num"].replace(",", ""))
        if m["man"]:
            yen *= 10_000
        elif not (m["yen"] or m["en"]):
            yen *= unit
        if abs(yen) >= MAX_YEN:
            raise fail("amount.too_large")
        return Parsed(-yen if m["neg"] else yen, (APPROXIMATE,) if m["approx"] else ())
    if not _AMOUNT_CHARS.fullmatch(t):
        raise fail("amount.unreadable")
    notes: list[Message] = []
    if t.startswith("約"):
        t = t[1:]
        notes.append(APPROXIMATE)
    elif t.startswith("およそ"):
        t = t[3:]
        notes.append(APPROXIMATE)
    elif t.endswith("程度"):
        t = t[:-2]
        notes.append(APPROXIMATE)
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
        raise fail("amount.unreadable")

    if _SCIENTIFIC.fullmatch(t):
        total = Decimal(t)
        notes.append(_SCIENTIFIC_NOTE)
    else:
        pieces = _BIG_SPLIT.split(t)
        texts, units = pieces[0::2], pieces[1::2]
        exps = [_BIG_UNITS[u] for u in units] + [0]
        if any(a <= b for a, b in zip(exps, exps[1:], strict=False)):
            raise fail("amount.unreadable")
        total = Decimal(0)
        for i, (part, exp) in enumerate(zip(texts, exps, strict=True)):
            if not part:
                if i > 0 and i == len(texts) - 1:
                    continue  # "580万"
                raise fail("amount.unreadable")
            value, has_small, ndigits = section(part, first=i == 0)
            if i > 0:
                gap = exps[i - 1] - exp
                if value >= 10**gap:
                    raise fail("amount.unreadable")
                if exp == 0 and not has_small and not yen_suffix and ndigits != gap:
                    raise fail("amount.ambiguous", unit=units[i - 1], digits=gap)
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
        text = clean_text(raw)
        return EMPTY if text is None else _amount_from_text(text, unit)
    if is_missing(raw):
        return EMPTY
    number = typed_number(raw)
    if number is None:
        raise fail("amount.unreadable")
    return _to_yen(number * unit, [])


# --------------------------------------------------------------------------
# The fast path: a column's distinct values in Arrow
# --------------------------------------------------------------------------

_APPROX_NOTES = (APPROXIMATE,)
_INT12 = r"[0-9]{1,12}"
_COMMA12 = r"[0-9]{1,3}(?:,[0-9]{3}){1,3}"
_NUMBER12 = rf"(?:{_INT12}|{_COMMA12})"


def fast_amount(uniques: pd.Index, unit: int = 1) -> Fast:
    fast = Fast(len(uniques))
    arr = num_part(uniques)
    if arr is not None:
        pos, numbers = whole_numbers(arr, MAX_YEN / max(abs(unit), 1))
        fast.fill(pos, numbers * unit)
        return fast
    pos, s = str_part(uniques)
    if not len(s):
        return fast
    t = nfkc(s)
    approx = t.str.startswith("約").to_numpy(dtype=bool)
    if approx.any():
        t = pd.Series(np.where(approx, t.str.slice(1), t), dtype="str")
    forms = (
        (_NUMBER12, unit, ","),  # a bare number takes the header's unit
        (rf"[¥\\]{_NUMBER12}円?|{_NUMBER12}円", 1, ",¥\\円"),
    )
    for pattern, mult, strip in forms:
        pos, t, approx = left(fast, pos, t, approx)  # each form looks at what is left
        mask = t.str.fullmatch(pattern).to_numpy(dtype=bool)
        if not mask.any():
            continue
        digits = t[mask]
        for char in strip:
            digits = digits.str.replace(char, "", regex=False)
        numbers = digits.astype("int64").to_numpy()
        ok = np.abs(numbers.astype(np.float64) * mult) < MAX_YEN  # else the scalar parser refuses
        _fill_amounts(fast, pos, np.flatnonzero(mask)[ok], numbers[ok] * mult, approx)
    pos, t, approx = left(fast, pos, t, approx)
    if not len(t):
        return fast
    # 1億2000万円, 580万, 12万3400, 1万500円 (the ambiguity rule as in the scalar parser)
    matched, g = extract(
        t, r"(?:(?P<oku>[0-9]{1,4})億)?(?:(?P<man>[0-9]{1,8})万)?(?P<tail>[0-9]{1,4})?(?P<en>円)?"
    )
    oku_n, man_n, tail_n, en_n = (lengths(g[k]) for k in ("oku", "man", "tail", "en"))
    mask = matched & ~fast.done[pos] & ((oku_n > 0) | (man_n > 0))
    mask &= (oku_n == 0) | (man_n <= 4)
    mask &= (tail_n == 0) | (en_n > 0) | ((man_n > 0) & (tail_n == 4))
    if mask.any():
        yen = ints(g["oku"], mask) * 10**8 + ints(g["man"], mask) * 10**4 + ints(g["tail"], mask)
        _fill_amounts(fast, pos, np.flatnonzero(mask), yen, approx)
    pos, t, approx = left(fast, pos, t, approx)
    if not len(t):
        return fast
    # 580.5万円: at most four decimals, so the result is whole yen
    matched, g = extract(t, r"(?P<whole>[0-9]{1,8})\.(?P<frac>[0-9]{1,4})万円?")
    mask = matched & ~fast.done[pos]
    if mask.any():
        frac = pc.utf8_rpad(g["frac"], width=4, padding="0")
        yen = ints(g["whole"], mask) * 10_000 + ints(frac, mask)
        _fill_amounts(fast, pos, np.flatnonzero(mask), yen, approx)
    pos, t, approx = left(fast, pos, t, approx)
    if len(t):
        _fast_sections(fast, pos, t, unit, approx)
    return fast


_SECTION_CHARS = "0-9〇零一二三四五六七八九壱弐参十百千拾"
_SECTIONS = (
    rf"(?:(?P<oku>[{_SECTION_CHARS}]+)億)?(?:(?P<man>[{_SECTION_CHARS}]+)万)?"
    rf"(?P<tail>[{_SECTION_CHARS}]+)?(?P<en>円)?"
)


def _section_values(texts: pa.Array, mask: np.ndarray) -> tuple[np.ndarray, ...]:
    """Value, small-unit flag, digit count and readability of each section at ``mask``.

    Each distinct section text (``五百八十``, ``2千``, ``3217``) is read once by the
    scalar :func:`section`, so a column of a million distinct kanji amounts
    costs one scalar read per distinct section, not per amount.
    """
    chosen = pc.filter(texts, pa.array(mask)).dictionary_encode()
    values, small, digits, ok = plain_sections(chosen.dictionary)
    for i in np.flatnonzero(~ok).tolist():
        text = chosen.dictionary[i].as_py()
        try:
            value, has_small, ndigits = section(text, first=False)
        except ParseError:
            continue
        is_whole = value == value.to_integral_value() and abs(value) < MAX_YEN
        values[i], small[i], digits[i], ok[i] = (
            (int(value) if is_whole else 0),
            has_small,
            ndigits,
            is_whole,
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


def plain_sections(texts: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`section` of distinct section texts in the two usual forms, in Arrow.

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
    fast: Fast, pos: np.ndarray, t: pd.Series, unit: int, approx: np.ndarray
) -> None:
    """Amounts split by 億 and 万 into sections of digits, kanji or small units.

    ``854万2千円``, ``五百五十八万円``, ``十九万千円``, ``5千円``: the same reading
    and the same ambiguity rule as the scalar parser; anything else it leaves.
    """
    matched, g = extract(t, _SECTIONS)
    mask = matched & ~fast.done[pos]
    oku_n, man_n, tail_n, en_n = (lengths(g[k]) for k in ("oku", "man", "tail", "en"))
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
    ok &= np.where(explicit, big, big * unit) < MAX_YEN
    yen = oku * 10**8 + man * 10**4 + tail
    yen = np.where(explicit, yen, yen * unit)
    sub = np.flatnonzero(mask)[ok]
    _fill_amounts(fast, pos, sub, yen[ok], approx)


def _fill_amounts(
    fast: Fast, pos: np.ndarray, sub: np.ndarray, yen: np.ndarray, approx: np.ndarray
) -> None:
    """Record amounts read by a fast path for the text uniques ``pos[sub]``."""
    fast.fill(pos[sub], np.asarray(yen, dtype=np.int64).astype(object))
    noted = sub[approx[sub]]
    fast.note(pos[noted], _APPROX_NOTES)


FAST_PATHS[parse_amount] = fast_amount
