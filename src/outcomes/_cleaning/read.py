"""Sources → the raw case table.

:func:`read_cases` reads a case export (CSV, Excel, Parquet, a SQL database or
a DataFrame) into the *raw* table: the source's headers exactly as written,
values as untyped as the source allows, and the spreadsheet row numbers of
``shared/spec/case-records.md`` §1 as the index. Parsing the values is the
cleaner's job, not this module's. CSV files are read by
:mod:`~outcomes._cleaning.read_csv`; finding the header row and dropping blank
rows and columns is :mod:`~outcomes._cleaning.grid`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from outcomes._cleaning.grid import (
    HEADER_SEARCH_ROWS,
    NO_CONTRACT_COLUMN,
    best_header,
    finish,
    progress_bar,
    short_reason,
    table_from_grid,
    tidy,
)
from outcomes._cleaning.read_csv import CSV_SUFFIXES, read_csv_file
from outcomes._cleaning.read_sql import mask_url, query_database
from outcomes._errors import ReadError
from outcomes._limits import (
    MAX_COLUMNS,
    MAX_SHEET_CELLS,
    MAX_SHEET_ROWS,
    check_archive,
    check_sheet_grid,
)

__all__ = ["mask_url", "read_cases"]

#: inputs larger than this show a progress bar when ``progress`` is None
PROGRESS_MIN_BYTES = 50 * 1024 * 1024

_EXCEL_SUFFIXES = (".xlsx", ".xlsm")
_PARQUET_SUFFIXES = (".parquet",)
_SUPPORTED = ".csv, .tsv, .txt, .xlsx, .xlsm, .parquet"


def read_cases(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    table: str | None = None,
    query: str | None = None,
    sheet: str | int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Read a case export into the raw case table.

    The raw table keeps the source's headers exactly as written and its
    values as untyped as the source allows; the cleaner parses them. Its index,
    named ``row``, holds spreadsheet row numbers: the header is row 1 and the
    first record row 2 (or the real sheet rows when the header is lower down).
    Completely empty rows (every cell empty or ``''``) are skipped without
    renumbering the others, and so are columns with neither a header nor a
    value. A header written twice stays twice (select columns by position).

    Parameters
    ----------
    source : str, path-like or DataFrame
        A file (``.csv``, ``.tsv``, ``.txt``, ``.xlsx``, ``.xlsm``,
        ``.parquet``), a SQLAlchemy URL (any string containing ``"://"``,
        e.g. ``"sqlite:///cases.db"``) together with `table` or `query`, or a
        DataFrame, which is returned with row numbers added if it has none.
    table : str, optional
        For a URL: the table to read (``"schema.table"`` is accepted).
    query : str, optional
        For a URL: a SQL query to run instead of reading a table.
    sheet : str or int, optional
        For Excel: the sheet name or its 0-based index. By default the sheet
        whose header row matches the contract best (a cover sheet is skipped).
    progress : bool, optional
        Show a progress bar on stderr. ``None`` (default) shows one for files
        larger than 50 MB only.

    Returns
    -------
    DataFrame
        Columns named by the source headers, indexed by ``row``.
        CSV cells are ``str`` (``''`` when empty; nothing is read as missing),
        in pandas ``str`` columns (Arrow-backed) when pyarrow can tokenise
        the file with exact row numbers, else in object columns.
        Excel cells are ``int``, ``float``, ``datetime.datetime``, ``str``,
        ``bool`` or ``None``, mixed within a column as in the sheet. Parquet,
        SQL and DataFrame values are as the engine returns them, with
        ``None`` for missing. ``attrs`` holds ``source`` (path or URL with
        the password masked), ``format`` (``"csv"``, ``"xlsx"``,
        ``"parquet"``, ``"sql"`` or ``"dataframe"``), ``encoding`` (CSV:
        ``"utf-8"``, ``"utf-8-sig"`` or ``"cp932"``; rarely ``"utf-16"`` or
        what charset detection found), ``sheet`` (Excel) and ``rows_read``
        (the number of records returned).

    Raises
    ------
    ReadError
        If the source cannot be read at all: a missing file or database, an
        unsupported file type, data that is not a table (binary, empty,
        undecodable, corrupt), a missing table or sheet, a failing query, or
        a header row with no column of the contract.
    ValueError
        If the keyword arguments do not fit the source (``table`` with a file,
        both ``table`` and ``query``, ``sheet`` with a CSV, ...).

    See Also
    --------
    clean_cases : turn the raw table into the clean case table.

    Notes
    -----
    The CSV encoding is detected, never asked for: a byte-order mark, else
    strict UTF-8, else strict CP932 (a superset of Shift_JIS that holds ㈱,
    髙 and ①), else ``charset_normalizer``. A quoted cell spanning several
    lines stays one record, so it does not shift the row numbers. The
    delimiter is a comma for ``.csv`` and sniffed (tab, semicolon or comma)
    for ``.tsv`` and ``.txt``.

    A CSV cell that begins with one or more ``'`` followed by ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return loses exactly one leading
    ``'``: the package writes such texts with one more ``'`` so that no
    spreadsheet evaluates them as a formula, and reads them back as they
    were (``'=1+1`` reads ``=1+1``; ``''=1+1`` reads ``'=1+1``; other texts
    are read as written).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from outcomes import read_cases
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "cases.csv"
    ...     _ = path.write_text("案件ID,残債額(万円),備考\\nA-1,580,㈱髙橋①\\n,,\\nA-2,,\\n",
    ...                         encoding="cp932")
    ...     raw = read_cases(path)
    >>> raw.attrs["encoding"], raw.attrs["rows_read"]
    ('cp932', 2)
    >>> raw.index.tolist()
    [2, 4]
    >>> raw.loc[2].tolist(), raw.loc[4].tolist()
    (['A-1', '580', '㈱髙橋①'], ['A-2', '', ''])

    A DataFrame gets row numbers and object columns:

    >>> raw = read_cases(pd.DataFrame({"case_id": ["A-1", "A-2"], "age": [45, None]}))
    >>> raw.index.name, raw.index.tolist(), raw["age"].tolist()
    ('row', [2, 3], [45.0, None])
    """
    if isinstance(source, pd.DataFrame):
        _refuse(table=table, query=query, sheet=sheet, what="a DataFrame")
        name = str(source.attrs.get("source", "DataFrame"))
        return finish(_table_from_frame(source), source=name, format="dataframe")
    if isinstance(source, str) and "://" in source:
        return _read_sql(source, table=table, query=query, sheet=sheet)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(
            f"source must be a path, a SQLAlchemy URL or a DataFrame, not {type(source).__name__}"
        )
    _refuse(table=table, query=query, what="a file")
    return _read_file(os.fspath(source), sheet=sheet, progress=progress)


def _refuse(*, what: str, **kwargs: Any) -> None:
    given = [name for name, value in kwargs.items() if value is not None]
    if given:
        raise ValueError(f"{'=, '.join(given)}= does not apply to {what}")


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------


def _read_file(source: str, *, sheet: str | int | None, progress: bool | None) -> pd.DataFrame:
    path = Path(source).expanduser()
    if path.is_dir():
        raise ReadError(source, "is a directory, not a file")
    if not path.exists():
        raise ReadError(source, "file not found")
    suffix = path.suffix.lower()
    if suffix not in (*CSV_SUFFIXES, *_EXCEL_SUFFIXES, *_PARQUET_SUFFIXES):
        hint = " (save it as .xlsx)" if suffix == ".xls" else ""
        raise ReadError(
            source, f"unsupported file type '{suffix or path.name}'{hint}; expected {_SUPPORTED}"
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(source, exc.strerror or str(exc)) from exc
    if size == 0:
        raise ReadError(source, "empty file")
    show = size > PROGRESS_MIN_BYTES if progress is None else bool(progress)

    if suffix in _EXCEL_SUFFIXES:
        return _read_excel(path, source, sheet=sheet, show=show)
    _refuse(sheet=sheet, what=f"a {suffix} file")
    if suffix in _PARQUET_SUFFIXES:
        return _read_parquet(path, source)
    return read_csv_file(path, source, suffix=suffix, size=size, show=show)


# --------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------


def _read_excel(path: Path, source: str, *, sheet: str | int | None, show: bool) -> pd.DataFrame:
    import openpyxl

    check_archive(path, source)  # a compression bomb is refused before it inflates
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except MemoryError:
        raise
    except Exception as exc:  # corrupt files raise many kinds (zip, XML, key errors)
        raise ReadError(source, f"not a readable Excel workbook ({short_reason(exc)})") from exc
    try:
        ws = _choose_sheet(book, source, sheet)
        ws.reset_dimensions()  # some writers record wrong dimensions
        rows = _sheet_rows(ws, source)
        if show:
            rows = progress_bar(rows, desc=f"reading {path.name}", unit=" rows")
        grid = _rows_to_grid(rows, source, ws.title)
    finally:
        book.close()
    table = table_from_grid(grid, np.arange(1, len(grid) + 1), source)
    return finish(table, source=source, format="xlsx", sheet=ws.title)


def _sheet_rows(ws: Any, source: str) -> Iterator[tuple[Any, ...]]:
    """Every row of a read-only sheet from row 1, gaps as empty rows."""
    try:
        yield from ws.iter_rows(min_row=1, values_only=True)
    except MemoryError:
        raise
    except Exception as exc:
        raise ReadError(source, f"corrupt sheet {ws.title!r} ({short_reason(exc)})") from exc


def _choose_sheet(book: Any, source: str, sheet: str | int | None) -> Any:
    names = book.sheetnames
    if sheet is None:
        sheets = [ws for ws in book.worksheets if hasattr(ws, "iter_rows")]
        scored = [(best_header(_head(ws, source))[1], -i, ws) for i, ws in enumerate(sheets)]
        if not scored or max(scored, key=lambda t: t[:2])[0] == 0:
            raise ReadError(source, f"{NO_CONTRACT_COLUMN} in any sheet ({', '.join(names)})")
        return max(scored, key=lambda t: t[:2])[2]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if not -len(names) <= sheet < len(names):
            raise ReadError(source, f"no sheet {sheet}: the workbook has {len(names)}")
        name = names[sheet]
    elif isinstance(sheet, str):
        if sheet not in names:
            raise ReadError(source, f"no sheet named {sheet!r} (sheets: {', '.join(names)})")
        name = sheet
    else:
        raise TypeError(f"sheet must be a name or an index, not {type(sheet).__name__}")
    ws = book[name]
    if not hasattr(ws, "iter_rows"):
        raise ReadError(source, f"sheet {name!r} is a chart, not a table")
    return ws


def _head(ws: Any, source: str) -> list[tuple[Any, ...]]:
    rows = _sheet_rows(ws, source)
    try:
        return list(islice(rows, HEADER_SEARCH_ROWS))
    finally:
        rows.close()  # closes the sheet's XML stream


def _rows_to_grid(rows: Iterator[tuple[Any, ...]], source: str, sheet: str) -> pd.DataFrame:
    # bounded as it streams: one cell at XFD1048576 must not ask for 128 GiB
    kept: list[tuple[Any, ...]] = []
    width = 0
    for count, row in enumerate(rows, 1):
        width = max(width, len(row))
        if count > MAX_SHEET_ROWS or width > MAX_COLUMNS or count * width > MAX_SHEET_CELLS:
            check_sheet_grid(count, width, source, sheet)
        kept.append(row)
    rows = kept
    grid = np.full((len(rows), width), None, dtype=object)
    for i, row in enumerate(rows):
        grid[i, : len(row)] = row
    return pd.DataFrame(grid, dtype=object)


# --------------------------------------------------------------------------
# Parquet, SQL, DataFrame
# --------------------------------------------------------------------------


def _read_parquet(path: Path, source: str) -> pd.DataFrame:
    try:
        frame = pd.read_parquet(path, dtype_backend="numpy_nullable")
    except MemoryError:
        raise
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ...
        raise ReadError(source, f"not a readable Parquet file ({short_reason(exc)})") from exc
    return finish(_table_from_frame(frame), source=source, format="parquet")


def _read_sql(
    url: str, *, table: str | None, query: str | None, sheet: str | int | None
) -> pd.DataFrame:
    _refuse(sheet=sheet, what="a database")
    if (table is None) == (query is None):
        raise ValueError("give exactly one of table= or query= with a database URL")
    # read only: one statement that reads, a read-only connection, rolled back, timed out
    frame = query_database(url, table=table, query=query)
    return finish(_table_from_frame(frame), source=mask_url(url), format="sql")


def _table_from_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame as a raw table: row numbers, str headers, object values, None for missing."""
    if frame.index.name == "row":
        index = pd.Index(frame.index, name="row")
    else:
        if any(name is not None for name in frame.index.names):
            frame = frame.reset_index()  # a named index is data (e.g. case_id)
        index = pd.Index(np.arange(2, len(frame) + 2), name="row")
    columns = []
    for j in range(frame.shape[1]):
        values = frame.iloc[:, j].to_numpy(dtype=object, copy=True)
        values[pd.isna(values)] = None
        columns.append(values)
    table = pd.DataFrame(dict(enumerate(columns)), index=index, dtype=object)
    table.columns = [str(h) for h in frame.columns]
    return tidy(table)
