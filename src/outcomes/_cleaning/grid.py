"""What every reader shares: the header row found, blank rows and columns dropped, one-line reasons.

A spreadsheet or CSV export is first a grid of cells with a title or a cover
above its header; :func:`table_from_grid` finds the row that matches the
contract best (within :data:`HEADER_SEARCH_ROWS`), splits the grid there, and
drops the blank rows and header-less empty columns, keeping each record's
spreadsheet row number. Used by :mod:`~outcomes._cleaning.read` and
:mod:`~outcomes._cleaning.read_csv`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from outcomes._contract import match_header
from outcomes._errors import ReadError

__all__ = [
    "HEADER_SEARCH_ROWS",
    "HEAD_BYTES",
    "NO_CONTRACT_COLUMN",
    "best_header",
    "blank_row_mask",
    "finish",
    "open_source",
    "progress_bar",
    "short_reason",
    "table_from_grid",
    "tidy",
]

#: the header row is looked for within this many rows from the top
HEADER_SEARCH_ROWS = 20
#: bytes looked at for a byte-order mark, binary data and the delimiter
HEAD_BYTES = 64 * 1024
NO_CONTRACT_COLUMN = "no column of the contract found"


def finish(frame: pd.DataFrame, **attrs: Any) -> pd.DataFrame:
    """Check the table holds a contract column and set its attrs."""
    if not any(match_header(h)[0] is not None for h in frame.columns):
        raise ReadError(attrs["source"], NO_CONTRACT_COLUMN)
    frame.attrs = {**attrs, "rows_read": len(frame)}
    return frame


def open_source(path: Path, source: str) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise ReadError(source, exc.strerror or str(exc)) from exc


def progress_bar(iterable: Any = None, **kwargs: Any) -> Any:
    """A tqdm progress bar on stderr."""
    from tqdm import tqdm

    return tqdm(iterable, file=sys.stderr, leave=False, **kwargs)


# --------------------------------------------------------------------------
# Header row, empty rows and columns
# --------------------------------------------------------------------------


def header_text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def header_score(row: tuple[Any, ...] | list[Any]) -> int:
    return sum(
        match_header(text)[0] is not None for text in (header_text(v) for v in row) if text.strip()
    )


def best_header(rows: list[tuple[Any, ...]] | list[list[Any]]) -> tuple[int, int]:
    """Position and score of the row matching the contract best (first on ties)."""
    best, best_score = 0, 0
    for i, row in enumerate(rows):
        score = header_score(row)
        if score > best_score:
            best, best_score = i, score
    return best, best_score


def table_from_grid(
    grid: pd.DataFrame, row_numbers: np.ndarray, source: str, *, typed: bool = True
) -> pd.DataFrame:
    """Split a header-less grid at its header row; rows above it (a title) are dropped.

    ``typed=False`` says every cell is a ``str`` (CSV), which skips the NA checks.
    """
    blank_rows = blank_row_mask(grid, typed=typed)
    if blank_rows.all():
        raise ReadError(source, "empty file (no records)")
    head = grid.head(HEADER_SEARCH_ROWS).to_numpy(dtype=object).tolist()
    position, score = best_header(head)
    if score == 0:
        raise ReadError(source, f"{NO_CONTRACT_COLUMN} in the first {HEADER_SEARCH_ROWS} rows")
    headers = [header_text(v) for v in head[position]]
    keep = ~blank_rows[position + 1 :]
    body = grid.iloc[position + 1 :]
    numbers = row_numbers[position + 1 :]
    if not keep.all():
        body, numbers = body[keep], numbers[keep]
    body = body.set_axis(headers, axis=1).set_axis(pd.Index(numbers, name="row"))
    return drop_empty_columns(body)


def tidy(table: pd.DataFrame) -> pd.DataFrame:
    blank = blank_row_mask(table)
    if blank.any():
        table = table[~blank]
    return drop_empty_columns(table)


def blank_row_mask(table: pd.DataFrame, *, typed: bool = True) -> np.ndarray:
    """Rows whose every cell is missing or ``''`` (checked column by column)."""
    n = len(table)
    if table.shape[1] == 0:
        return np.ones(n, dtype=bool)
    candidates = np.flatnonzero(blank_column_mask(table.iloc[:, 0], typed=typed))
    for j in range(1, table.shape[1]):
        if not len(candidates):
            break
        candidates = candidates[blank_column_mask(table.iloc[candidates, j], typed=typed)]
    blank = np.zeros(n, dtype=bool)
    blank[candidates] = True
    return blank


def blank_column_mask(values: pd.Series, *, typed: bool = True) -> np.ndarray:
    """:func:`blank_cells` of a column; a text (``str``) column is compared without leaving Arrow."""
    if values.dtype == object:
        return blank_cells(values.to_numpy(dtype=object), typed=typed)
    blank = (values == "").to_numpy(dtype=bool, na_value=False)
    return blank | values.isna().to_numpy(dtype=bool) if typed else blank


def blank_cells(values: np.ndarray, *, typed: bool = True) -> np.ndarray:
    blank = np.asarray(values == "", dtype=bool)
    return blank | pd.isna(values) if typed else blank


def drop_empty_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Drop columns without a header whose cells are all empty (trailing delimiters)."""
    # items(), not iloc: a wide export (16,384 columns) costs little per column
    keep = [bool(str(h).strip()) or not blank_column_mask(c).all() for h, c in table.items()]
    if all(keep):
        return table
    return table.iloc[:, np.flatnonzero(keep)]


def short_reason(exc: BaseException) -> str:
    """The first line of an exception's root cause, for a one-line ReadError."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]
