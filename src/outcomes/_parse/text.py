"""Text and coded values: contract codes, yes/no (guarantor), prefectures, free text; the text fast path.

Codes are matched after ``normalize_header`` against ``_contract.CODE_MAPS``;
a person's name in the guarantor cell means true and is noted
(:data:`NOTE_GUARANTOR_NAME`) so that the cleaner reports it as personal data,
masked. A text cell is NFKC-normalised and trimmed; a typed number becomes its
text (``1001.0`` -> ``"1001"``). The fast path takes printable ASCII, which is
its own normal form.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

import numpy as np
import pandas as pd

from outcomes._contract import (
    CODE_MAPS,
    GUARANTOR_FALSE,
    GUARANTOR_TRUE,
    MISSING_MARKERS,
    PREFECTURE_NAMES,
    normalize_header,
)
from outcomes._messages import Message
from outcomes._parse._common import (
    EMPTY,
    FAST_PATHS,
    WS,
    Fast,
    Parsed,
    clean_text,
    fail,
    is_missing,
    num_part,
    str_part,
    typed_number,
    whole_numbers,
)

__all__ = [
    "NOTE_GUARANTOR_NAME",
    "fast_text",
    "own_text",
    "parse_code",
    "parse_guarantor",
    "parse_prefecture",
    "parse_text",
]


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
    if is_missing(raw):
        return EMPTY
    text = unicodedata.normalize("NFKC", raw if isinstance(raw, str) else str(raw)).strip()
    code = codes.get(normalize_header(text))  # before the missing markers: judgment's なし
    if code is not None:
        return Parsed(code)
    if text.casefold() in MISSING_MARKERS:
        return EMPTY
    raise fail(f"{column}.unknown")


#: the note of a guarantor cell holding a name: true, and the name is personal data
NOTE_GUARANTOR_NAME = Message("guarantor.name")
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
    if is_missing(raw):
        return EMPTY
    if isinstance(raw, bool | np.bool_):
        return Parsed(bool(raw))
    if not isinstance(raw, str):
        number = typed_number(raw)
        if number is not None and number in (0, 1):
            return Parsed(bool(number))
        raise fail("guarantor.unreadable")
    text = unicodedata.normalize("NFKC", raw).strip()
    key = normalize_header(text)
    if key in _GUARANTOR_TRUE:
        return Parsed(True)
    if key in _GUARANTOR_FALSE:
        return Parsed(False)
    if text.casefold() in MISSING_MARKERS:
        return EMPTY
    if _NAME.fullmatch(text) and (not text.isascii() or " " in text):  # 山田太郎, Taro Yamada
        return Parsed(True, (NOTE_GUARANTOR_NAME,))
    raise fail("guarantor.unreadable")


def parse_prefecture(raw: object) -> Parsed:
    """Parse a prefecture into its full name with suffix.

    Examples
    --------
    >>> parse_prefecture("埼玉").value, parse_prefecture("東京都").value
    ('埼玉県', '東京都')
    >>> parse_prefecture("大阪").value, parse_prefecture("北海道").value
    ('大阪府', '北海道')
    """
    if is_missing(raw):
        return EMPTY
    if not isinstance(raw, str):
        raise fail("prefecture.unknown")
    text = clean_text(raw)
    if text is None:
        return EMPTY
    name = PREFECTURE_NAMES.get(WS.sub("", text))
    if name is None:
        raise fail("prefecture.unknown")
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
    if is_missing(raw):
        return EMPTY
    if isinstance(raw, str):
        return Parsed(clean_text(raw))
    if isinstance(raw, bool | np.bool_):
        return Parsed(str(bool(raw)))
    number = typed_number(raw)
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
    return Parsed(clean_text(str(raw)))


# --------------------------------------------------------------------------
# The fast path: a column's distinct values at once
# --------------------------------------------------------------------------

_MISSING_ASCII = sorted(m for m in MISSING_MARKERS if m.isascii())


def fast_text(uniques: pd.Index) -> Fast:
    fast = Fast(len(uniques))
    arr = num_part(uniques)
    if arr is not None:
        pos, ints = whole_numbers(arr, 2.0**53)
        fast.fill(pos, np.array([str(i) for i in ints], dtype=object))
        return fast
    pos, s = str_part(uniques)
    if len(s):
        mask = own_text(s)
        fast.fill(pos[mask], s[mask].to_numpy(dtype=object))
    return fast


def own_text(s: pd.Series) -> np.ndarray:
    """Which texts are their own :func:`parse_text`: printable ASCII without edge
    spaces (its own NFKC-trimmed form) that is not a missing marker."""
    mask = s.str.fullmatch(r"[!-~](?:[ -~]*[!-~])?") & ~s.str.lower().isin(_MISSING_ASCII)
    return mask.to_numpy(dtype=bool)


FAST_PATHS[parse_text] = fast_text
