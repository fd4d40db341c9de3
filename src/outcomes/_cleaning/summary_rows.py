"""Rows that are not cases: a summary row (合計, 小計, 平均 …) and a row with nothing of the contract (contract §6).

:func:`not_summary` finds them column by column, each distinct cell looked at
once (in Arrow for a text column), and reports each left-out row once with kind
``summary row``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from outcomes._cleaning.problems import Problems
from outcomes._contract import (
    MISSING_MARKERS,
    SUMMARY_WORDS,
)

__all__ = ["not_summary"]

#: longer cells are neither a summary word nor a missing marker, whatever their spaces
_SHORT_CELL = 12


@dataclass
class _CellKeys:
    """What a column's cells say about their row, from their NFKC-trimmed short form.

    ``filled``: not empty; ``summary``: a summary word (合計, 小計, …), which
    ``words`` holds there (None elsewhere); ``blank``: empty or a missing marker.
    """

    filled: np.ndarray
    summary: np.ndarray
    blank: np.ndarray
    words: np.ndarray


def _cell_keys(values: pd.Series) -> _CellKeys:
    """Short text cells NFKC-trimmed: empty, a summary word, a missing marker, or other.

    A text column is looked at whole in Arrow (no per-value Python); any other
    column value by value, each distinct value once.
    """
    if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
        return _arrow_cell_keys(values)
    codes, uniques = values.factorize(use_na_sentinel=True)
    keys = np.full(len(uniques) + 1, "…", dtype=object)
    keys[-1] = ""
    short = [i for i, t in enumerate(uniques) if isinstance(t, str) and len(t) <= _SHORT_CELL]
    keys[short] = [unicodedata.normalize("NFKC", uniques[i]).strip() for i in short]
    keys = keys[codes]
    summary = np.isin(keys, list(SUMMARY_WORDS))
    return _CellKeys(keys != "", summary, _blank_keys(keys), np.where(summary, keys, None))


def _arrow_cell_keys(values: pd.Series) -> _CellKeys:
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pa.array(values.array)
    short = pc.fill_null(pc.less_equal(pc.utf8_length(text), _SHORT_CELL), False)
    norm = pc.utf8_trim_whitespace(pc.utf8_normalize(text, "NFKC"))
    keys = pc.if_else(short, norm, "…")  # null stays null: an empty cell

    def flags(array: Any) -> np.ndarray:
        return pc.fill_null(array, False).to_numpy(zero_copy_only=False)

    filled = flags(pc.not_equal(keys, ""))
    summary = flags(pc.is_in(keys, value_set=pa.array(sorted(SUMMARY_WORDS), pa.large_string())))
    # a missing marker is at most 3 characters and casefolding never shortens: only
    # the few short keys are casefolded, in Python, once each
    tiny = np.flatnonzero(flags(pc.less_equal(pc.utf8_length(keys), _LONGEST_MARKER)))
    blank = ~filled
    if len(tiny):
        few = pd.Series(pc.take(keys, pa.array(tiny)).to_numpy(zero_copy_only=False), dtype=object)
        blank[tiny] |= _blank_keys(few.to_numpy())
    words = np.full(len(values), None, dtype=object)
    hit = np.flatnonzero(summary)
    if len(hit):
        words[hit] = pc.take(keys, pa.array(hit)).to_numpy(zero_copy_only=False)
    return _CellKeys(filled, summary, blank, words)


_LONGEST_MARKER = max(len(m) for m in MISSING_MARKERS)


def _blank_keys(keys: np.ndarray) -> np.ndarray:
    """Keys that are empty or a missing marker."""
    folded = pd.Series(keys, dtype=object).str.casefold()
    return folded.isin(list(MISSING_MARKERS)).to_numpy(dtype=bool)


def not_summary(
    frame: pd.DataFrame, columns: dict[str, int], rows: np.ndarray, problems: Problems
) -> np.ndarray:
    """Rows that are cases; summary rows (§6) are reported once each and left out.

    A summary row's case id, or its first non-empty cell, is 合計, 小計, 総計, 計,
    件数, 平均 or 集計; so is a row with no case id and no other contract value.
    """
    n = len(frame)
    summary = np.zeros(n, dtype=bool)
    value = np.full(n, None, dtype=object)
    why = np.full(n, None, dtype=object)
    # the first non-empty cell of each row, looked at column by column on the rows still empty
    todo = np.arange(n)
    whole: dict[int, _CellKeys] = {}  # keys of whole columns, kept for the case id
    for j in range(frame.shape[1]):
        if not len(todo):
            break
        if len(todo) == n:
            keys = whole[j] = _cell_keys(frame.iloc[:, j])
        else:
            keys = _cell_keys(frame.iloc[todo, j])
        hit = keys.filled & keys.summary
        summary[todo[hit]], value[todo[hit]] = True, keys.words[hit]
        todo = todo[~keys.filled]
    if "case_id" in columns:
        position = columns["case_id"]
        ids = whole[position] if position in whole else _cell_keys(frame.iloc[:, position])
        by_id = ids.summary & ~summary
        summary[by_id], value[by_id] = True, ids.words[by_id]
        no_id = np.flatnonzero(~summary & ids.blank)
    else:
        no_id = np.flatnonzero(~summary)
    kind = "summary row"
    if summary.any():
        why[summary] = problems.words(kind, kind, value=value[summary].astype(str))
    # no case id and no other contract value: nothing to keep
    empty = no_id
    for name, position in columns.items():
        if not len(empty) or name == "case_id":
            continue
        keys = _cell_keys(frame.iloc[empty, position])
        empty = empty[keys.blank]
    summary[empty] = True
    why[empty] = problems.words(kind, "empty row")
    if summary.any():
        problems.add(rows[summary], "case_id", value[summary], why[summary], kind="summary row")
    return ~summary
