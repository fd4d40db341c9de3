"""Sources → the raw negotiation log (case-records §9, read as §1 says).

The log comes from the same kinds of source as the cases: a CSV (UTF-8, with
or without a BOM, or CP932, detected), its own sheet of an ``.xlsx`` workbook
(picked by its header row, unless named), Parquet, a SQL database (read only)
or a DataFrame. The raw log keeps the source's headers and cells as written,
with the spreadsheet row numbers as the index ``row``. Its header row is the
one that reads best as the *log's* header (:func:`log_header_score`), so that
the case sheet of the same workbook, and a data row whose cells happen to be
case headers (``サービサー``, ``一括``), are never taken for it.

Parquet, SQL and DataFrames are read by the case reader
(:func:`~outcomes._cleaning.read.read_cases`): their header is the column
names, and a log always has its case id column.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from outcomes._cleaning.grid import HEADER_SEARCH_ROWS, NO_CONTRACT_COLUMN, short_reason, tidy
from outcomes._cleaning.log_contract import log_header_score, match_log_header
from outcomes._cleaning.read import read_cases
from outcomes._errors import ReadError
from outcomes._write import restore_columns

__all__ = ["read_negotiations"]

_CSV = {".csv": ",", ".tsv": "\t", ".txt": None}
_EXCEL = (".xlsx", ".xlsm")
NO_LOG_COLUMN = "no column of the negotiation log found"
NO_CASE_ID = "no case id column (案件ID, 案件番号, ケースID, 管理番号) in the negotiation log"


def read_negotiations(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    sheet: str | int | None = None,
    table: str | None = None,
    query: str | None = None,
) -> pd.DataFrame:
    """Read a negotiation log into the raw log: source headers, raw cells, index ``row``.

    Parameters
    ----------
    source : str, path-like or DataFrame
        ``.csv``/``.tsv``/``.txt``, ``.xlsx``/``.xlsm``, ``.parquet``, a
        SQLAlchemy URL (with `table` or `query`) or a DataFrame.
    sheet : str or int, optional
        For Excel: the log's sheet. By default the sheet whose header row
        reads best as the log's (the case sheet and a cover are skipped).
    table, query : str, optional
        For a URL: the table to read, or a query (read only).

    Returns
    -------
    DataFrame
        ``attrs`` holds ``source``, ``format``, ``encoding`` (CSV) and
        ``sheet`` (Excel).

    Raises
    ------
    ReadError
        One line: a missing or unreadable file, an unsupported type, no
        column of the log, no such sheet, a failing query.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "log.csv"
    ...     _ = path.write_text("交渉履歴\\n案件ID,提示日,提示者,金額\\nA-1,R3.4.1,サービサー,全額\\n",
    ...                         encoding="cp932")
    ...     raw = read_negotiations(path)
    >>> raw.attrs["encoding"], raw.index.tolist(), list(raw.columns)
    ('cp932', [3], ['案件ID', '提示日', '提示者', '金額'])
    """
    if isinstance(source, pd.DataFrame) or (isinstance(source, str) and "://" in source):
        return _framed(source, table=table, query=query, sheet=sheet)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"source must be a path, a URL or a DataFrame, not {type(source).__name__}")
    path = Path(os.fspath(source)).expanduser()
    name = os.fspath(source)
    suffix = path.suffix.lower()
    if suffix == ".parquet" or not path.is_file():
        return _framed(name, table=table, query=query, sheet=sheet)  # the case reader's errors
    if table is not None or query is not None:
        raise ValueError("table= and query= apply to a database URL, not to a file")
    if suffix in _EXCEL:
        return _read_excel(path, name, sheet)
    if sheet is not None:
        raise ValueError(f"sheet= does not apply to a {suffix} file")
    if suffix in _CSV:
        return _read_csv(path, name, _CSV[suffix])
    return _framed(name, table=None, query=None, sheet=None)  # unsupported: its ReadError


def _framed(source: Any, **options: Any) -> pd.DataFrame:
    try:
        raw = read_cases(source, **{k: v for k, v in options.items() if v is not None})
    except ReadError as exc:
        if not exc.reason.startswith(NO_CONTRACT_COLUMN):
            raise
        # the case reader wants a case column: a log always has its case id
        raise ReadError(exc.source, NO_CASE_ID) from None
    if not any(match_log_header(h)[0] not in (None, "notes") for h in raw.columns):
        raise ReadError(raw.attrs.get("source", source), NO_LOG_COLUMN)
    return raw


def _read_csv(path: Path, source: str, sep: str | None) -> pd.DataFrame:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(source, exc.strerror or str(exc)) from exc
    if not data.strip():
        raise ReadError(source, "empty file")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif b"\x00" in data[:65536]:
        raise ReadError(source, "binary data, not a text table")
    else:
        for encoding in ("utf-8", "cp932"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ReadError(source, "neither UTF-8 nor CP932 text")
    if sep is None:
        first = text.split("\n", 1)[0]
        sep = max(("\t", ";", ","), key=first.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    except csv.Error as exc:
        raise ReadError(source, f"not a CSV table ({short_reason(exc)})") from exc
    table = _table(records, source)
    table = restore_columns(table)
    table.attrs = {"source": source, "format": "csv", "encoding": encoding, "rows_read": len(table)}
    return table


def _read_excel(path: Path, source: str, sheet: str | int | None) -> pd.DataFrame:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # corrupt files raise many kinds (zip, XML, key errors)
        raise ReadError(source, f"not a readable Excel workbook ({short_reason(exc)})") from exc
    try:
        sheets = [ws for ws in book.worksheets if hasattr(ws, "iter_rows")]
        if sheet is None:
            scored = []
            for i, ws in enumerate(sheets):
                head = list(ws.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True))
                scored.append((max((log_header_score(r) for r in head), default=0), -i, ws))
            if not scored or max(scored, key=lambda t: t[:2])[0] == 0:
                raise ReadError(
                    source, f"{NO_LOG_COLUMN} in any sheet ({', '.join(book.sheetnames)})"
                )
            ws = max(scored, key=lambda t: t[:2])[2]
        else:
            names = book.sheetnames
            if isinstance(sheet, int) and not isinstance(sheet, bool):
                if not -len(names) <= sheet < len(names):
                    raise ReadError(source, f"no sheet {sheet}: the workbook has {len(names)}")
                sheet = names[sheet]
            if sheet not in names:
                raise ReadError(source, f"no sheet named {sheet!r} (sheets: {', '.join(names)})")
            ws = book[sheet]
        try:
            records = [list(r) for r in ws.iter_rows(values_only=True)]
        except Exception as exc:
            raise ReadError(source, f"corrupt sheet {ws.title!r} ({short_reason(exc)})") from exc
        title = ws.title
    finally:
        book.close()
    table = _table(records, source)
    table.attrs = {"source": source, "format": "xlsx", "sheet": title, "rows_read": len(table)}
    return table


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(records: list[list[Any]], source: str) -> pd.DataFrame:
    """Records (row 1 first) → the raw log below its header row, blank rows and columns dropped."""
    head = records[:HEADER_SEARCH_ROWS]
    scores = [log_header_score(r) for r in head]
    if not scores or max(scores) == 0:
        raise ReadError(source, f"{NO_LOG_COLUMN} in the first {HEADER_SEARCH_ROWS} rows")
    position = int(np.argmax(scores))  # the first of the best
    headers = [_text(v) for v in records[position]]
    body = records[position + 1 :]
    width = max([len(headers), *(len(r) for r in body)])
    headers += [""] * (width - len(headers))
    grid = np.full((len(body), width), None, dtype=object)
    for i, record in enumerate(body):
        grid[i, : len(record)] = record
    rows = pd.Index(np.arange(position + 2, position + 2 + len(body)), name="row")
    table = pd.DataFrame(grid, index=rows, columns=range(width), dtype=object)
    table.columns = headers
    table = tidy(table)
    if not len(table):
        raise ReadError(source, "empty file (no records)")
    return table
