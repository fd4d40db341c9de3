"""What every kind of value shares: the :class:`Parsed` record, the cell rules, the fast-path kit.

Common rules
------------
- Text is NFKC-normalised (full-width digits, ``￥``, ``％``, ``．``, ``㋿`` …
  become their plain forms) and trimmed before anything else. A cell equal to
  one of ``_contract.MISSING_MARKERS`` after casefolding is empty:
  ``Parsed(None)``, no note, no error.
- Parsers never range-check (an amount below 0, a date before 1989, an age of
  150): the cleaner does that with the contract's ranges. They only refuse
  what cannot be read, or what cannot be read without guessing.
- A value read with a caveat carries notes, each a
  :class:`~outcomes._messages.Message` (:attr:`Parsed.notes`); a value not
  read raises :class:`~outcomes.ParseError` whose ``.message`` is one
  (:func:`fail`). The words are in :mod:`outcomes._parse.words`.

The fast-path kit (:class:`Fast`, :data:`FAST_PATHS` and the Arrow helpers)
serves each kind's vectorised reader, registered beside its scalar parser.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from kanjize import kanji2number

from outcomes._contract import MISSING_MARKERS
from outcomes._errors import ParseError
from outcomes._messages import Message, render
from outcomes._parse.words import PARSE_WORDS, render_notes

__all__ = [
    "APPROXIMATE",
    "EMPTY",
    "FAST_PATHS",
    "Fast",
    "FastPath",
    "KANJI_DIGITS",
    "KANJI_RUN",
    "NFKC_STABLE_CHARS",
    "Parsed",
    "SMALL_UNITS",
    "WS",
    "clean_text",
    "extract",
    "fail",
    "ints",
    "is_missing",
    "kanji_to_digits",
    "left",
    "lengths",
    "nfkc",
    "num_part",
    "str_part",
    "typed_number",
    "whole",
    "whole_numbers",
]


@dataclass(frozen=True, repr=False)
class Parsed:
    """A parsed value.

    Parameters
    ----------
    value : object
        The parsed value, or ``None`` for an empty or missing cell.
    notes : tuple of Message
        Set when the value was read but should be noted in the report
        (approximate, day missing, era overflow, …): codes and fields,
        rendered by the cleaner in the run's language.

    Examples
    --------
    >>> from outcomes._parse import parse_amount
    >>> parsed = parse_amount("約580万円")
    >>> parsed
    Parsed(value=5800000, note='approximate')
    >>> [m.code for m in parsed.notes]
    ['value.approximate']
    """

    value: object
    notes: tuple[Message, ...] = ()

    def __post_init__(self) -> None:
        if self.notes is None:  # Parsed(value, None): no note
            object.__setattr__(self, "notes", ())

    @property
    def note(self) -> str | None:
        """The notes in English, joined by ``"; "`` (None without a note)."""
        return render_notes(self.notes)

    def __repr__(self) -> str:
        return f"Parsed(value={self.value!r}, note={self.note!r})"


EMPTY = Parsed(None)

WS = re.compile(r"\s+")
#: kanji numerals as they appear inside dates, ages, counts and terms
KANJI_RUN = re.compile(r"[〇零一二三四五六七八九十百千壱弐参拾]+")
KANJI_DIGITS = "〇零一二三四五六七八九壱弐参"
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "千": 1000}
#: the note of a value written as approximate (約, およそ, 程度)
APPROXIMATE = Message("value.approximate")


def fail(code: str, **fields: object) -> ParseError:
    """The :class:`ParseError` of ``code``: its English sentence, and the code with its fields.

    Examples
    --------
    >>> error = fail("date.nonexistent", date="2019-02-29")
    >>> str(error), error.message.code, dict(error.message.fields)
    ('date does not exist (2019-02-29)', 'date.nonexistent', {'date': '2019-02-29'})
    """
    message = Message(code, fields)
    return ParseError(render(message, "en", PARSE_WORDS), message)


def is_missing(raw: object) -> bool:
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


def clean_text(raw: str) -> str | None:
    """NFKC and trim; ``None`` for a missing marker."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if text.casefold() in MISSING_MARKERS:
        return None
    return text


def typed_number(raw: object) -> Decimal | None:
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


def kanji_to_digits(text: str, code: str) -> str:
    """Replace runs of kanji numerals by Arabic digits (``三十五`` -> ``35``); else ``fail(code)``."""

    def repl(m: re.Match[str]) -> str:
        try:
            return str(kanji2number(m.group()))
        except ValueError:
            raise fail(code) from None

    return KANJI_RUN.sub(repl, text)


def whole(d: Decimal, code: str) -> int:
    """``d`` as an int when it is whole, else ``fail(code)``."""
    if d != d.to_integral_value():
        raise fail(code)
    return int(d)


# --------------------------------------------------------------------------
# The fast-path kit
# --------------------------------------------------------------------------


class Fast:
    """What a fast path has read: a mask of done uniques, their values and notes."""

    def __init__(self, n: int) -> None:
        self.done = np.zeros(n, dtype=bool)
        self.values = np.empty(n, dtype=object)  # filled with None
        self.notes = np.empty(n, dtype=object)

    def fill(self, positions: np.ndarray, new_values: object) -> None:
        self.done[positions] = True
        self.values[positions] = new_values

    def note(self, positions: np.ndarray, notes: tuple[Message, ...]) -> None:
        """The same notes for the uniques at ``positions`` (a tuple in each slot)."""
        same = np.empty(len(positions), dtype=object)
        same.fill(notes)  # fill, not assignment: a tuple would be spread over the slots
        self.notes[positions] = same


FastPath = Callable[..., Fast]

#: scalar parser -> its vectorised fast path; each kind's module registers its own
FAST_PATHS: dict[Callable[..., Parsed], FastPath] = {}


def str_part(uniques: pd.Index) -> tuple[np.ndarray, pd.Series]:
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


def nfkc(s: pd.Series) -> pd.Series:
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


def num_part(uniques: pd.Index) -> np.ndarray | None:
    """The uniques as a float64 or int64 array when the column is numeric (not bool)."""
    dtype = uniques.dtype
    if pd.api.types.is_bool_dtype(dtype) or not pd.api.types.is_numeric_dtype(dtype):
        return None
    if pd.api.types.is_integer_dtype(dtype):
        return uniques.to_numpy(dtype="int64")
    return uniques.to_numpy(dtype="float64")


def whole_numbers(arr: np.ndarray, limit: float) -> tuple[np.ndarray, np.ndarray]:
    """Positions of whole numbers below ``limit`` in absolute value, and them as Python ints."""
    if arr.dtype.kind == "f":
        small = np.abs(arr) < limit  # False for NaN and inf
        kept = np.where(small, arr, 0.0)
        mask = small & (np.floor(kept) == kept)
    else:
        mask = np.abs(arr) < limit
    return np.flatnonzero(mask), arr[mask].astype(np.int64).astype(object)


def extract(s: pd.Series, pattern: str) -> tuple[np.ndarray, dict[str, pa.Array]]:
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


def lengths(texts: pa.Array) -> np.ndarray:
    return pc.utf8_length(texts).to_numpy(zero_copy_only=False)


def ints(texts: pa.Array, mask: np.ndarray) -> np.ndarray:
    """The digit texts at ``mask`` as int64 (``""`` is 0)."""
    chosen = texts.filter(pa.array(mask))
    chosen = pc.if_else(pc.equal(chosen, ""), "0", chosen)
    return pc.cast(chosen, pa.int64()).to_numpy(zero_copy_only=False)


def left(
    fast: Fast, pos: np.ndarray, t: pd.Series, approx: np.ndarray | None = None
) -> tuple[np.ndarray, pd.Series, np.ndarray | None]:
    """The texts a fast path has not read yet (positions, texts, 約 flags), for its next form."""
    left = ~fast.done[pos]
    if left.all():
        return pos, t, approx
    return pos[left], t[left].reset_index(drop=True), None if approx is None else approx[left]
