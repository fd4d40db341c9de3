"""Bounds every input is held to before it is trusted (issue 26).

A small hostile file must not ask for 128 GiB (one cell at ``XFD1048576``),
recurse until Python gives up (JSON nested 100,000 deep), hold 30 million
blank lines in memory or inflate a 4 MB workbook to 600 MB of XML. Each bound
below is checked *before* the work it guards and refused with one line naming
the limit (:class:`~outcomes._errors.LimitError`, an OutcomesError and a
ValueError). The numbers are far above any real case export: Excel's own
grid (1,048,576 rows × 16,384 columns), a million records of twenty columns.

This module imports only the standard library, numpy (lazily) and
:mod:`outcomes._errors`; the readers of every room use it.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from typing import IO, Any

from outcomes._errors import LimitError

__all__ = [
    "MAX_BLANK_LINES",
    "MAX_COLUMNS",
    "MAX_JSON_DEPTH",
    "MAX_SHEET_CELLS",
    "MAX_SHEET_ROWS",
    "MAX_XLSX_INFLATED",
    "MAX_XLSX_RATIO",
    "check_csv_shape",
    "check_sheet_grid",
    "check_archive",
    "json_depth",
    "loads_json",
]

#: columns a table may have: Excel's own limit (XFD)
MAX_COLUMNS = 16_384
#: rows a sheet may have: Excel's own limit
MAX_SHEET_ROWS = 1_048_576
#: cells (rows × columns) a sheet's grid may span; a million records of 100 columns fit
MAX_SHEET_CELLS = 100_000_000
#: blank lines a CSV file may hold (a real export has a few, not millions)
MAX_BLANK_LINES = 1_000_000
#: levels of nesting a JSON document may have (a case, metadata.json, a model file's JSON)
MAX_JSON_DEPTH = 64
#: bytes the members of an .xlsx archive may inflate to in all
MAX_XLSX_INFLATED = 4 * 1024**3
#: how many times larger than the archive its members may inflate (beyond 64 MB)
MAX_XLSX_RATIO = 100
_RATIO_FROM = 64 * 1024**2

# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def json_depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` in a JSON text (strings skipped), in linear time.

    Examples
    --------
    >>> json_depth('{"a": [1, {"b": "[[[["}]}'), json_depth("3"), json_depth("[" * 5 + "]" * 5)
    (3, 0, 5)
    """
    import numpy as np

    bare = _JSON_STRING.sub('""', text)
    codes = np.frombuffer(bare.encode("ascii", "replace"), dtype=np.uint8)
    steps = (codes == ord("[")).astype(np.int64) + (codes == ord("{"))
    steps -= (codes == ord("]")).astype(np.int64) + (codes == ord("}"))
    return int(np.cumsum(steps).max(initial=0))


def loads_json(text: str | bytes, where: object) -> Any:
    """``json.loads(text)`` after refusing a document nested deeper than :data:`MAX_JSON_DEPTH`.

    Raises
    ------
    LimitError
        ``WHERE: JSON nested N levels deep, more than 64 (the limit)``.
    json.JSONDecodeError
        As ``json.loads`` (a ValueError).

    Examples
    --------
    >>> loads_json('{"a": [1]}', "case.json")
    {'a': [1]}
    >>> loads_json("[" * 100 + "]" * 100, "case.json")
    Traceback (most recent call last):
    ...
    outcomes._errors.LimitError: case.json: JSON nested 100 levels deep, more than 64 (the limit)
    """
    if isinstance(text, bytes | bytearray):
        text = text.decode("utf-8")
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise LimitError(
            f"{os.fspath(where) if isinstance(where, os.PathLike) else where}: JSON nested "
            f"{depth:,} levels deep, more than {MAX_JSON_DEPTH} (the limit)"
        )
    try:
        return json.loads(text)
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise LimitError(f"{where}: JSON nested too deeply to read") from None


# --------------------------------------------------------------------------
# Spreadsheets
# --------------------------------------------------------------------------


def check_archive(path: str | os.PathLike[str], source: str) -> None:
    """Refuse a zip archive (an .xlsx, a .skops model) whose members inflate past the bounds,
    before any is read.

    The sizes are those the archive's directory declares (the reader of a
    member stops at the declared size, so a lying entry gains nothing).
    An archive may inflate to :data:`MAX_XLSX_INFLATED` bytes in all, and,
    past 64 MB, to :data:`MAX_XLSX_RATIO` times its own size (a real sheet
    compresses about 5 to 20 times; a bomb of one repeated row 160 times; a
    model file's JSON a few times).
    A file that is not a zip archive is left to the reader's own message.
    """
    try:
        size = os.path.getsize(path)
        with zipfile.ZipFile(path) as archive:
            inflated = sum(max(info.file_size, 0) for info in archive.infolist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return
    if inflated > MAX_XLSX_INFLATED:
        raise LimitError(
            f"cannot read {source}: its parts inflate to {inflated:,} bytes, more than "
            f"{MAX_XLSX_INFLATED:,} (the limit)"
        )
    if inflated > _RATIO_FROM and inflated > MAX_XLSX_RATIO * max(size, 1):
        raise LimitError(
            f"cannot read {source}: its parts inflate {inflated / max(size, 1):,.0f} times "
            f"(to {inflated:,} bytes), more than {MAX_XLSX_RATIO} times (the limit): "
            "a compression bomb, not an export"
        )


def check_sheet_grid(rows: int, columns: int, source: str, sheet: str) -> None:
    """Refuse a sheet whose grid is larger than Excel's or :data:`MAX_SHEET_CELLS`.

    Examples
    --------
    >>> check_sheet_grid(1_048_576, 16_384, "a.xlsx", "cases")
    Traceback (most recent call last):
    ...
    outcomes._errors.LimitError: cannot read a.xlsx: sheet 'cases' spans 1,048,576 rows × 16,384 columns, more than 100,000,000 cells (the limit)
    """
    if columns > MAX_COLUMNS:
        raise LimitError(
            f"cannot read {source}: sheet {sheet!r} has {columns:,} columns, more than "
            f"{MAX_COLUMNS:,} (the limit)"
        )
    if rows > MAX_SHEET_ROWS:
        raise LimitError(
            f"cannot read {source}: sheet {sheet!r} has more than {MAX_SHEET_ROWS:,} rows (the limit)"
        )
    if rows * columns > MAX_SHEET_CELLS:
        raise LimitError(
            f"cannot read {source}: sheet {sheet!r} spans {rows:,} rows × {columns:,} columns, "
            f"more than {MAX_SHEET_CELLS:,} cells (the limit)"
        )


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------

#: bytes looked at per step by :func:`check_csv_shape`
_BLOCK = 1 << 22


def check_csv_shape(handle: IO[bytes], source: str, *, sep: str) -> None:
    """Refuse a CSV file of more than :data:`MAX_BLANK_LINES` blank lines, or a line of
    more than :data:`MAX_COLUMNS` cells, reading it a block at a time (linear, bounded memory).

    A blank line is an empty one (``\\n`` or ``\\r\\n``). A line's cells are
    counted by its delimiter bytes (in UTF-8 and CP932 a delimiter byte is
    always that character); a line holding a quote is not judged here, since a
    quoted delimiter is no cell -- the table's width is checked once parsed.

    Examples
    --------
    >>> import io
    >>> check_csv_shape(io.BytesIO(b"a,b\\n1,2\\n\\n"), "x.csv", sep=",")
    >>> check_csv_shape(io.BytesIO(b"a" + b",a" * 20_000 + b"\\n"), "x.csv", sep=",")
    Traceback (most recent call last):
    ...
    outcomes._errors.LimitError: cannot read x.csv: a line of 20,001 cells, more than 16,384 (the limit)
    """
    import numpy as np

    newline, cr, quote, delimiter = ord("\n"), ord("\r"), ord('"'), ord(sep)
    blank = 0
    # the unfinished line carried over from the blocks before: bytes, delimiters,
    # whether it holds a quote, and its last byte
    carry_len, carry_seps, carry_quote, carry_last = 0, 0, False, -1
    while block := handle.read(_BLOCK):
        data = np.frombuffer(block, dtype=np.uint8)
        ends = np.flatnonzero(data == newline)
        if len(ends):
            starts = np.concatenate(([0], ends[:-1] + 1))
            lengths = ends - starts
            last = data[np.maximum(ends - 1, 0)].astype(np.int64)
            if lengths[0] == 0:
                last[0] = carry_last
            lengths[0] += carry_len
            # a blank line: nothing before its newline, or only a carriage return
            blank += int(((lengths == 0) | ((lengths == 1) & (last == cr))).sum())
            if blank > MAX_BLANK_LINES:
                raise LimitError(
                    f"cannot read {source}: more than {MAX_BLANK_LINES:,} blank lines (the limit)"
                )
            # a line of more than MAX_COLUMNS cells has at least as many bytes: only
            # those (rare) lines are counted
            for i in np.flatnonzero(lengths >= MAX_COLUMNS):
                line = data[starts[i] : ends[i]]
                cells = int(np.count_nonzero(line == delimiter)) + 1
                quoted = bool(np.count_nonzero(line == quote))
                if i == 0:
                    cells, quoted = cells + carry_seps, quoted or carry_quote
                if cells > MAX_COLUMNS and not quoted:
                    raise LimitError(
                        f"cannot read {source}: a line of {cells:,} cells, more than "
                        f"{MAX_COLUMNS:,} (the limit)"
                    )
            tail = data[int(ends[-1]) + 1 :]
            carry_len = len(tail)
            carry_seps = int(np.count_nonzero(tail == delimiter))
            carry_quote = bool(np.count_nonzero(tail == quote))
        else:
            carry_len += len(data)
            carry_seps += int(np.count_nonzero(data == delimiter))
            carry_quote |= bool(np.count_nonzero(data == quote))
        carry_last = int(data[-1])
        if carry_seps + 1 > MAX_COLUMNS and not carry_quote:
            raise LimitError(
                f"cannot read {source}: a line of more than {MAX_COLUMNS:,} cells (the limit)"
            )
