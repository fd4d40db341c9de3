"""CSV exports → the raw grid: the encoding detected (UTF-8, UTF-8 with BOM, CP932), the delimiter sniffed.

:func:`read_csv_file` reads a CSV, TSV or TXT export with pyarrow when it can
(quoted cells spanning lines and blank lines kept as records are counted as
the spreadsheet counts them) and with pandas' C parser otherwise, every cell
as text; :mod:`~outcomes._cleaning.grid` then finds the header row. A CP932
file is decoded a block at a time, never held whole.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import re
from collections import Counter
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from outcomes._cleaning.grid import (
    HEAD_BYTES,
    HEADER_SEARCH_ROWS,
    finish,
    open_source,
    progress_bar,
    table_from_grid,
)
from outcomes._errors import LimitError, ReadError
from outcomes._limits import MAX_COLUMNS, check_csv_shape
from outcomes._write import restore_columns

__all__ = ["CSV_SUFFIXES", "read_csv_file"]

CSV_SUFFIXES = {".csv": ",", ".tsv": "\t", ".txt": ","}  # suffix -> default delimiter


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------


def read_csv_file(path: Path, source: str, *, suffix: str, size: int, show: bool) -> pd.DataFrame:
    with open_source(path, source) as handle:
        head = handle.read(HEAD_BYTES)
    default_sep = CSV_SUFFIXES[suffix]
    sniff = suffix != ".csv"
    grid = None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in head:
        raise ReadError(source, "binary data, not a text table")
    else:
        # bounded before it is trusted: blank lines, cells in a line (linear, a block at a time)
        with open_source(path, source) as handle:
            check_csv_shape(
                handle, source, sep=_sniff_delimiter(head, default_sep) if sniff else default_sep
            )
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
        with open_source(path, source) as handle:
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
        sep = _sniff_delimiter(bytes(utf8[:HEAD_BYTES]), default_sep) if sniff else default_sep
        grid = _parse_csv_arrow(utf8, sep=sep)
        if grid is None:
            grid = _parse_csv(io.BytesIO(utf8), source, sep=sep, total=len(utf8), show=show)
    if grid.shape[1] > MAX_COLUMNS:  # quoted lines are counted here, once parsed
        raise LimitError(
            f"cannot read {source}: {grid.shape[1]:,} columns, more than {MAX_COLUMNS:,} (the limit)"
        )
    # record i (0-based, header included) is spreadsheet row i + 1
    table = table_from_grid(grid, np.arange(1, len(grid) + 1), source, typed=False)
    # a cell the package wrote as '=… (so that no spreadsheet runs it) reads as =…
    table = restore_columns(table)
    return finish(table, source=source, format="csv", encoding=encoding)


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
            first = handle.read(HEAD_BYTES)
            may_read = _arrow_may_read_stream(handle, first)
            size = handle.tell()
    except OSError as exc:
        raise ReadError(source, exc.strerror or str(exc)) from exc
    try:  # the UTF-8 text's first bytes, as the whole-file path sniffs them
        head = codecs.getincrementaldecoder("cp932")().decode(first)
    except UnicodeDecodeError:
        return None, sep
    if sniff:
        sep = _sniff_delimiter(head.encode("utf-8")[:HEAD_BYTES], sep)
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
        with open_source(path, source) as handle:
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
        with progress_bar(total=total, desc=desc, unit="B", unit_scale=True) as bar:
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
