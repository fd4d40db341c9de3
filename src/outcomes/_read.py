"""Sources → the raw case table.

:func:`read_cases` reads a case export (CSV, Excel, Parquet, a SQL database or
a DataFrame) into the *raw* table: the source's headers exactly as written,
values as untyped as the source allows, and the spreadsheet row numbers of
``shared/spec/case-records.md`` §1 as the index. Parsing the values is the
cleaner's job, not this module's.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from ._contract import match_header
from ._errors import ReadError
from ._write import restore_columns

__all__ = ["read_cases"]

#: the header row is looked for within this many rows from the top
HEADER_SEARCH_ROWS = 20
#: inputs larger than this show a progress bar when ``progress`` is None
PROGRESS_MIN_BYTES = 50 * 1024 * 1024

_CSV_SUFFIXES = {".csv": ",", ".tsv": "\t", ".txt": ","}  # suffix -> default delimiter
_EXCEL_SUFFIXES = (".xlsx", ".xlsm")
_PARQUET_SUFFIXES = (".parquet",)
_SUPPORTED = ".csv, .tsv, .txt, .xlsx, .xlsm, .parquet"
#: bytes looked at for a byte-order mark, binary data and the delimiter
_HEAD_BYTES = 64 * 1024
_NO_CONTRACT_COLUMN = "no column of the contract found"


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
        return _finish(_table_from_frame(source), source=name, format="dataframe")
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


def _finish(frame: pd.DataFrame, **attrs: Any) -> pd.DataFrame:
    """Check the table holds a contract column and set its attrs."""
    if not any(match_header(h)[0] is not None for h in frame.columns):
        raise ReadError(attrs["source"], _NO_CONTRACT_COLUMN)
    frame.attrs = {**attrs, "rows_read": len(frame)}
    return frame


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
    if suffix not in (*_CSV_SUFFIXES, *_EXCEL_SUFFIXES, *_PARQUET_SUFFIXES):
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
    return _read_csv(path, source, suffix=suffix, size=size, show=show)


def _open(path: Path, source: str) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise ReadError(source, exc.strerror or str(exc)) from exc


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------


def _read_csv(path: Path, source: str, *, suffix: str, size: int, show: bool) -> pd.DataFrame:
    with _open(path, source) as handle:
        head = handle.read(_HEAD_BYTES)
    default_sep = _CSV_SUFFIXES[suffix]
    sniff = suffix != ".csv"
    grid = None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in head:
        raise ReadError(source, "binary data, not a text table")
    else:
        # UTF-8 (with or without a BOM) is parsed straight from the file:
        # pandas decodes strictly, so a successful parse is the encoding check.
        encoding = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
        skip = len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0
        sep = _sniff_delimiter(head[skip:], default_sep) if sniff else default_sep
        if _utf8_head(head[skip:]):  # else CP932 most likely: no UTF-8 attempt by pyarrow
            try:
                data = path.read_bytes()[skip:]
            except OSError as exc:
                raise ReadError(source, exc.strerror or str(exc)) from exc
            grid = _parse_csv_arrow(data, sep=sep)
            del data
    if grid is None and encoding in ("utf-8", "utf-8-sig"):
        with _open(path, source) as handle:
            handle.seek(skip)
            try:
                grid = _parse_csv(handle, source, sep=sep, total=size - skip, show=show)
            except UnicodeDecodeError as exc:
                if encoding == "utf-8-sig":
                    raise ReadError(source, "not valid UTF-8 despite its UTF-8 mark") from exc
    if grid is None and encoding != "utf-16":
        grid, sep = _read_cp932_arrow(path, source, sep=default_sep, sniff=sniff)
        if grid is not None:
            encoding = "cp932"
    if grid is None:
        utf8: bytes | bytearray | None = None
        if encoding != "utf-16":
            utf8 = _cp932_to_utf8(path, source)
        if utf8 is None:  # UTF-16, or not CP932: decode the whole file at once
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise ReadError(source, exc.strerror or str(exc)) from exc
            text, encoding = _decode(data, source, encoding)
            del data
            utf8 = text.encode("utf-8")
            del text
        else:
            encoding = "cp932"
        sep = _sniff_delimiter(bytes(utf8[:_HEAD_BYTES]), default_sep) if sniff else default_sep
        grid = _parse_csv_arrow(utf8, sep=sep)
        if grid is None:
            grid = _parse_csv(io.BytesIO(utf8), source, sep=sep, total=len(utf8), show=show)
    # record i (0-based, header included) is spreadsheet row i + 1
    table = _table_from_grid(grid, np.arange(1, len(grid) + 1), source, typed=False)
    # a cell the package wrote as '=… (so that no spreadsheet runs it) reads as =…
    table = restore_columns(table)
    return _finish(table, source=source, format="csv", encoding=encoding)


def _utf8_head(head: bytes) -> bool:
    """Whether the first bytes of a file are UTF-8 (a character cut at the end is allowed)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _read_cp932_arrow(
    path: Path, source: str, *, sep: str, sniff: bool
) -> tuple[pd.DataFrame | None, str]:
    """A CP932 file tokenised by pyarrow as it decodes it, and the delimiter.

    Neither the file's UTF-8 text nor its bytes stand beside the table: the
    bytes are looked at a block at a time (the same checks as
    :func:`_parse_csv_arrow`: in CP932 a newline, CR or quote byte is always
    that character), then pyarrow decodes block by block (strictly: a file
    that is not CP932 is refused). ``None`` when the file needs another path.
    """
    try:
        with path.open("rb") as handle:
            first = handle.read(_HEAD_BYTES)
            may_read = _arrow_may_read_stream(handle, first)
            size = handle.tell()
    except OSError as exc:
        raise ReadError(source, exc.strerror or str(exc)) from exc
    try:  # the UTF-8 text's first bytes, as the whole-file path sniffs them
        head = codecs.getincrementaldecoder("cp932")().decode(first)
    except UnicodeDecodeError:
        return None, sep
    if sniff:
        sep = _sniff_delimiter(head.encode("utf-8")[:_HEAD_BYTES], sep)
    if not may_read:
        return None, sep
    return _parse_csv_arrow(path, sep=sep, encoding="cp932", size=size), sep


#: bytes decoded at a time by :func:`_cp932_to_utf8`
_DECODE_CHUNK = 1 << 24


def _cp932_to_utf8(path: Path, source: str) -> bytearray | None:
    """A CP932 file as UTF-8 bytes, decoded chunk by chunk; ``None`` if it is not CP932.

    Neither the whole file's bytes nor its decoded text are ever held: only
    the UTF-8 copy grows (the same bytes as ``data.decode("cp932").encode()``).
    """
    decoder = codecs.getincrementaldecoder("cp932")()
    utf8 = bytearray()
    try:
        with _open(path, source) as handle:
            while chunk := handle.read(_DECODE_CHUNK):
                utf8 += decoder.decode(chunk).encode("utf-8")
        utf8 += decoder.decode(b"", final=True).encode("utf-8")
    except UnicodeDecodeError:
        return None
    except OSError as exc:
        raise ReadError(source, exc.strerror or str(exc)) from exc
    return utf8


def _decode(data: bytes, source: str, guess: str) -> tuple[str, str]:
    """Decode bytes that are not UTF-8: UTF-16 (marked), CP932, or a last guess."""
    if guess == "utf-16":
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ReadError(source, "not valid UTF-16 despite its UTF-16 mark") from exc
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(source, "not a text table: the encoding is neither UTF-8 nor CP932")
    text = str(best)
    if "\x00" in text:
        raise ReadError(source, "binary data, not a text table")
    return text, best.encoding


def _sniff_delimiter(head: bytes, default: str) -> str:
    r"""Guess the delimiter from the first lines: the one whose count is steadiest.

    Works on raw bytes: in UTF-8 and CP932 a tab, ``;`` or ``,`` byte is
    always that character.

    Examples
    --------
    >>> _sniff_delimiter(b"a\tb\tc\n1,000\t2\t3\n4\t5\t6\n", ",")
    '\t'
    >>> _sniff_delimiter(b"a;b\n1;2\n", "\t")
    ';'
    >>> _sniff_delimiter(b"case_id\nA-1\n", "\t")
    '\t'
    """
    lines = [line for line in head.splitlines()[:HEADER_SEARCH_ROWS] if line.strip()]
    best, best_score = default, (0, 0)
    for sep in dict.fromkeys((default, "\t", ";", ",")):
        counts = [c for c in (line.count(sep.encode()) for line in lines) if c]
        if not counts:
            continue
        count, lines_with_it = Counter(counts).most_common(1)[0]
        score = (lines_with_it, count)
        if score > best_score:
            best, best_score = sep, score
    return best


class _ProgressReader(io.RawIOBase):
    """A binary stream that advances a tqdm bar as it is read."""

    def __init__(self, raw: IO[bytes], bar: Any) -> None:
        self._raw = raw
        self._bar = bar

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        self._bar.update(n or 0)
        return n


def _bar(iterable: Any = None, **kwargs: Any) -> Any:
    """A tqdm progress bar on stderr."""
    from tqdm import tqdm

    return tqdm(iterable, file=sys.stderr, leave=False, **kwargs)


#: bytes pyarrow tokenises as one block
_ARROW_BLOCK = 1 << 24


def _arrow_may_read(data: bytes | bytearray) -> bool:
    """Whether pyarrow may tokenise these bytes (see :func:`_parse_csv_arrow`).

    Not an empty file, nor one starting with a blank line, nor one with a
    quote never closed (the pandas path says where).
    """
    if not data or data.startswith((b"\n", b"\r")):
        return False
    return not data.count(b'"') % 2


def _arrow_may_read_stream(handle: IO[bytes], first: bytes) -> bool:
    """:func:`_arrow_may_read` of a file read on from ``first``, a block at a time.

    The file's bytes are never held whole (one reused block), so that a large
    export costs no copy of itself before pyarrow reads it.
    """
    if not first or first.startswith((b"\n", b"\r")):
        return False
    quotes = first.count(b'"')
    block = bytearray(_ARROW_BLOCK)
    view = memoryview(block)
    while n := handle.readinto(block):
        quotes += view[:n].tobytes().count(b'"') if n < len(block) else block.count(b'"')
    return not quotes % 2


def _parse_csv_arrow(
    data: bytes | bytearray | Path,
    *,
    sep: str,
    encoding: str = "utf-8",
    size: int | None = None,
) -> pd.DataFrame | None:
    """Tokenise UTF-8 CSV bytes with pyarrow into a grid of ``str`` columns.

    A file (``data`` a path, of ``size`` bytes) is decoded from ``encoding``
    by pyarrow block by block; its bytes are checked by the caller
    (:func:`_arrow_may_read`).

    A ``bytearray`` is taken over: once tokenised (the pandas path no longer
    needed), it is emptied, so that the bytes and the grid never stand side
    by side with pyarrow's table.

    Quoted cells spanning several lines stay one record, and a blank line is
    a record of empty cells, as in the pandas path, so record i is still
    spreadsheet row i + 1. Returns ``None`` when the file needs the pandas
    path: a blank first line, rows of different widths, a quote never
    closed, invalid UTF-8, or anything else pyarrow refuses.
    """
    if isinstance(data, Path):
        size = size or 0
    elif not _arrow_may_read(data):
        return None
    else:
        size = len(data)
    if pd.api.types.is_object_dtype(pd.Series(["x"]).dtype):  # text inferred as objects:
        return None  # pyarrow's table would come out as objects too
    import pyarrow as pa
    import pyarrow.csv as pv

    try:
        # a file as it is (no compression guessed from its name); bytes without a copy
        with (
            pa.OSFile(str(data)) if isinstance(data, Path) else pa.BufferReader(pa.py_buffer(data))
        ) as stream:
            table = _arrow_csv(pv, stream, sep=sep, encoding=encoding, threads=size > _ARROW_BLOCK)
        del stream  # lets a bytearray go
    except (pa.ArrowInvalid, pa.ArrowException, ValueError, OSError):
        return None
    if table.num_columns > _ARROW_MAX_COLUMNS:
        return None
    if isinstance(data, bytearray):
        data.clear()  # the table holds the text now
    frame = table.to_pandas(memory_pool=_arrow_pool())
    del table
    # the tokeniser's scratch memory, freed now, goes back to the system at once
    # rather than after jemalloc's decay (this pool only; nothing is reconfigured)
    _arrow_pool().release_unused()
    frame.columns = range(frame.shape[1])
    if any(pd.api.types.is_object_dtype(dtype) for dtype in frame.dtypes):
        return None
    return frame


def _arrow_csv(pv: Any, stream: Any, *, sep: str, encoding: str, threads: bool) -> Any:
    """pyarrow's CSV reader as the grid wants it: every cell text, nothing null."""
    return pv.read_csv(
        stream,
        read_options=pv.ReadOptions(
            autogenerate_column_names=True,
            block_size=_ARROW_BLOCK,
            # one block: starting arrow's thread pool costs more than it saves
            use_threads=threads,
            encoding=encoding,
        ),
        # a blank line stays a row (of empty cells), as in the spreadsheet and the pandas path
        parse_options=pv.ParseOptions(
            delimiter=sep, newlines_in_values=True, ignore_empty_lines=False
        ),
        convert_options=pv.ConvertOptions(
            column_types=_all_text(),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            null_values=[],
            check_utf8=True,
        ),
        memory_pool=_arrow_pool(),
    )


@functools.cache
def _arrow_pool() -> Any:
    """pyarrow's jemalloc pool where there is one, else its default pool.

    jemalloc hands the tokeniser's scratch memory back soon after the parse;
    the default pool (mimalloc) keeps it, and the cleaning that follows
    cannot use it (read + clean of 1M CP932 rows: about 1.19 GiB peak against 1.25).
    """
    import pyarrow as pa

    try:
        return pa.jemalloc_memory_pool()
    except (NotImplementedError, pa.ArrowException):
        return pa.default_memory_pool()


#: widest file the pyarrow path reads (wider ones take the pandas path)
_ARROW_MAX_COLUMNS = 2048


@functools.cache
def _all_text() -> dict[str, Any]:
    """Column types for pyarrow's generated names ``f0``, ``f1``, …: all text.

    ``large_string``, the storage of pandas' ``str`` columns: the grid is then
    made without a copy of the text (a ``string`` column is cast on the way).
    """
    import pyarrow as pa

    return {f"f{i}": pa.large_string() for i in range(_ARROW_MAX_COLUMNS)}


def _parse_csv(handle: IO[bytes], source: str, *, sep: str, total: int, show: bool) -> pd.DataFrame:
    """Parse UTF-8 CSV bytes into a grid of str: header not split off, nothing as NA."""
    kwargs: dict[str, Any] = dict(
        sep=sep,
        header=None,
        dtype=object,
        keep_default_na=False,
        na_filter=False,
        skip_blank_lines=False,  # a blank line is a row in the spreadsheet
        encoding="utf-8",
        engine="c",
    )
    start = handle.tell()

    def parse(**more: Any) -> pd.DataFrame:
        handle.seek(start)
        if not show:
            return pd.read_csv(handle, **kwargs, **more)
        desc = f"reading {Path(source).name}"
        with _bar(total=total, desc=desc, unit="B", unit_scale=True) as bar:
            stream = io.BufferedReader(_ProgressReader(handle, bar), buffer_size=1 << 20)
            return pd.read_csv(stream, **kwargs, **more)

    try:
        try:
            return parse()
        except pd.errors.ParserError:
            # Rows of different lengths (a title line, a stray extra cell):
            # give every row the width of the widest one.
            handle.seek(start)
            text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
            try:
                width = max((len(r) for r in csv.reader(text, delimiter=sep)), default=1)
            finally:
                text.detach()
            return parse(names=range(width))
    except pd.errors.EmptyDataError as exc:
        raise ReadError(source, "empty file") from exc
    except pd.errors.ParserError as exc:
        reason = str(exc).removeprefix("Error tokenizing data. C error: ").strip()
        if m := re.search(r"EOF inside string starting at row (\d+)", reason):
            # pandas counts records from 0: record i is spreadsheet row i + 1
            reason = f"a quote opened on row {int(m[1]) + 1} is never closed"
        raise ReadError(source, f"malformed CSV: {reason}") from exc
    except csv.Error as exc:
        raise ReadError(source, f"malformed CSV: {exc}") from exc
    except MemoryError:
        raise
    except OSError as exc:
        raise ReadError(source, exc.strerror or str(exc)) from exc
    except ValueError as exc:
        if isinstance(exc, UnicodeDecodeError):
            raise
        raise ReadError(source, f"malformed CSV: {exc}") from exc


# --------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------


def _read_excel(path: Path, source: str, *, sheet: str | int | None, show: bool) -> pd.DataFrame:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except MemoryError:
        raise
    except Exception as exc:  # corrupt files raise many kinds (zip, XML, key errors)
        raise ReadError(source, f"not a readable Excel workbook ({_short(exc)})") from exc
    try:
        ws = _choose_sheet(book, source, sheet)
        ws.reset_dimensions()  # some writers record wrong dimensions
        rows = _sheet_rows(ws, source)
        if show:
            rows = _bar(rows, desc=f"reading {path.name}", unit=" rows")
        grid = _rows_to_grid(rows, source)
    finally:
        book.close()
    table = _table_from_grid(grid, np.arange(1, len(grid) + 1), source)
    return _finish(table, source=source, format="xlsx", sheet=ws.title)


def _sheet_rows(ws: Any, source: str) -> Iterator[tuple[Any, ...]]:
    """Every row of a read-only sheet from row 1, gaps as empty rows."""
    try:
        yield from ws.iter_rows(min_row=1, values_only=True)
    except MemoryError:
        raise
    except Exception as exc:
        raise ReadError(source, f"corrupt sheet {ws.title!r} ({_short(exc)})") from exc


def _choose_sheet(book: Any, source: str, sheet: str | int | None) -> Any:
    names = book.sheetnames
    if sheet is None:
        sheets = [ws for ws in book.worksheets if hasattr(ws, "iter_rows")]
        scored = [(_best_header(_head(ws, source))[1], -i, ws) for i, ws in enumerate(sheets)]
        if not scored or max(scored, key=lambda t: t[:2])[0] == 0:
            raise ReadError(source, f"{_NO_CONTRACT_COLUMN} in any sheet ({', '.join(names)})")
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


def _rows_to_grid(rows: Iterator[tuple[Any, ...]], source: str) -> pd.DataFrame:
    rows = list(rows)
    width = max((len(r) for r in rows), default=0)
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
        raise ReadError(source, f"not a readable Parquet file ({_short(exc)})") from exc
    return _finish(_table_from_frame(frame), source=source, format="parquet")


def _mask_url(url: str) -> str:
    """Hide the password of a database URL.

    Examples
    --------
    >>> _mask_url("postgresql+psycopg://ana:s3cret@db.example/cases")
    'postgresql+psycopg://ana:***@db.example/cases'
    >>> _mask_url("sqlite:///cases.db")
    'sqlite:///cases.db'
    """
    import sqlalchemy as sa

    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: mask by hand
        return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


def _read_sql(
    url: str, *, table: str | None, query: str | None, sheet: str | int | None
) -> pd.DataFrame:
    import sqlalchemy as sa

    source = _mask_url(url)
    _refuse(sheet=sheet, what="a database")
    if (table is None) == (query is None):
        raise ValueError("give exactly one of table= or query= with a database URL")
    try:
        parsed = sa.make_url(url)
    except (sa.exc.ArgumentError, ValueError) as exc:
        raise ReadError(source, "not a valid database URL") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        # SQLite would create a missing file: refuse instead
        if database not in ("", ":memory:") and not database.startswith("file:"):
            if not Path(database).is_file():
                raise ReadError(source, f"database file not found: {database}")
    try:
        engine = sa.create_engine(parsed)
    except (sa.exc.SQLAlchemyError, ImportError) as exc:
        raise ReadError(source, f"cannot open the database ({_short(exc)})") from exc
    try:
        with engine.connect() as conn:
            if table is not None:
                selectable = sa.select(_reflect(conn, table, source))
            else:
                selectable = sa.text(query)
            frame = pd.read_sql(selectable, conn, dtype_backend="numpy_nullable")
    except ReadError:
        raise
    except (sa.exc.SQLAlchemyError, ImportError, ValueError, OSError) as exc:
        what = "the query failed" if query is not None else f"cannot read table {table!r}"
        raise ReadError(source, f"{what} ({_short(exc)})") from exc
    finally:
        engine.dispose()
    return _finish(_table_from_frame(frame), source=source, format="sql")


def _reflect(conn: Any, table: str, source: str) -> Any:
    import sqlalchemy as sa

    candidates = [(None, table)]
    if "." in table:
        schema, _, name = table.rpartition(".")
        candidates.append((schema, name))
    inspector = sa.inspect(conn)
    for schema, name in candidates:
        if inspector.has_table(name, schema=schema):
            return sa.Table(name, sa.MetaData(), schema=schema, autoload_with=conn)
    raise ReadError(source, f"no table named {table!r} in the database")


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
    return _tidy(table)


# --------------------------------------------------------------------------
# Header row, empty rows and columns
# --------------------------------------------------------------------------


def _header_text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header_score(row: tuple[Any, ...] | list[Any]) -> int:
    return sum(
        match_header(text)[0] is not None for text in (_header_text(v) for v in row) if text.strip()
    )


def _best_header(rows: list[tuple[Any, ...]] | list[list[Any]]) -> tuple[int, int]:
    """Position and score of the row matching the contract best (first on ties)."""
    best, best_score = 0, 0
    for i, row in enumerate(rows):
        score = _header_score(row)
        if score > best_score:
            best, best_score = i, score
    return best, best_score


def _table_from_grid(
    grid: pd.DataFrame, row_numbers: np.ndarray, source: str, *, typed: bool = True
) -> pd.DataFrame:
    """Split a header-less grid at its header row; rows above it (a title) are dropped.

    ``typed=False`` says every cell is a ``str`` (CSV), which skips the NA checks.
    """
    blank_rows = _blank_rows(grid, typed=typed)
    if blank_rows.all():
        raise ReadError(source, "empty file (no records)")
    head = grid.head(HEADER_SEARCH_ROWS).to_numpy(dtype=object).tolist()
    position, score = _best_header(head)
    if score == 0:
        raise ReadError(source, f"{_NO_CONTRACT_COLUMN} in the first {HEADER_SEARCH_ROWS} rows")
    headers = [_header_text(v) for v in head[position]]
    keep = ~blank_rows[position + 1 :]
    body = grid.iloc[position + 1 :]
    numbers = row_numbers[position + 1 :]
    if not keep.all():
        body, numbers = body[keep], numbers[keep]
    body = body.set_axis(headers, axis=1).set_axis(pd.Index(numbers, name="row"))
    return _drop_empty_columns(body)


def _tidy(table: pd.DataFrame) -> pd.DataFrame:
    blank = _blank_rows(table)
    if blank.any():
        table = table[~blank]
    return _drop_empty_columns(table)


def _blank_rows(table: pd.DataFrame, *, typed: bool = True) -> np.ndarray:
    """Rows whose every cell is missing or ``''`` (checked column by column)."""
    n = len(table)
    if table.shape[1] == 0:
        return np.ones(n, dtype=bool)
    candidates = np.flatnonzero(_blank_column(table.iloc[:, 0], typed=typed))
    for j in range(1, table.shape[1]):
        if not len(candidates):
            break
        candidates = candidates[_blank_column(table.iloc[candidates, j], typed=typed)]
    blank = np.zeros(n, dtype=bool)
    blank[candidates] = True
    return blank


def _blank_column(values: pd.Series, *, typed: bool = True) -> np.ndarray:
    """:func:`_blank` of a column; a text (``str``) column is compared without leaving Arrow."""
    if values.dtype == object:
        return _blank(values.to_numpy(dtype=object), typed=typed)
    blank = (values == "").to_numpy(dtype=bool, na_value=False)
    return blank | values.isna().to_numpy(dtype=bool) if typed else blank


def _blank(values: np.ndarray, *, typed: bool = True) -> np.ndarray:
    blank = np.asarray(values == "", dtype=bool)
    return blank | pd.isna(values) if typed else blank


def _drop_empty_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Drop columns without a header whose cells are all empty (trailing delimiters)."""
    keep = [
        bool(str(h).strip()) or not _blank_column(table.iloc[:, j]).all()
        for j, h in enumerate(table.columns)
    ]
    if all(keep):
        return table
    return table.iloc[:, np.flatnonzero(keep)]


def _short(exc: BaseException) -> str:
    """The first line of an exception's root cause, for a one-line ReadError."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]
