"""Writing an .xlsx sheet atomically, every text a string cell, never a formula.

The file goes through :mod:`outcomes._write` (a temporary beside the target,
renamed on success); openpyxl's own scratch copy of the sheet is a hidden
temporary beside the target too (swept with the others), never in the
system's temporary directory.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outcomes._write import atomic_path, scratch_file

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["write_xlsx"]

#: characters an .xlsx file cannot hold (openpyxl refuses them)
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell_values(column: pd.Series) -> list[Any]:
    """A column's values as Python objects openpyxl writes (None for missing)."""
    import pandas as pd

    if isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype(object)
    missing = column.isna().to_numpy()
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        values = list(column.dt.to_pydatetime()) if len(column) else []
    elif pd.api.types.is_bool_dtype(column.dtype):
        values = [bool(v) if not m else None for v, m in zip(column, missing, strict=True)]
        return values
    elif pd.api.types.is_integer_dtype(column.dtype):
        values = column.astype(object).tolist()
        return [None if m else int(v) for v, m in zip(values, missing, strict=True)]
    elif pd.api.types.is_float_dtype(column.dtype):
        values = column.astype(object).tolist()
        return [None if m else float(v) for v, m in zip(values, missing, strict=True)]
    else:
        values = column.astype(object).tolist()
    return [None if m else v for v, m in zip(values, missing, strict=True)]


def write_xlsx(
    frame: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    sheet: str = "Sheet1",
    number_formats: Sequence[str | None] | None = None,
    widths: Sequence[float] | None = None,
) -> None:
    """Write ``frame`` as one sheet of an .xlsx file, atomically.

    Every text is a string cell (openpyxl data type ``s``), never a formula;
    the header row is frozen; ``number_formats`` (one per column, ``None`` for
    General; datetime columns default to ``yyyy-mm-dd``) and ``widths``
    (characters) are applied. Characters an .xlsx file cannot hold (control
    characters other than tab, newline and carriage return) are written as
    U+FFFD.

    Examples
    --------
    >>> import tempfile, openpyxl, pandas as pd
    >>> path = Path(tempfile.mkdtemp()) / "t.xlsx"
    >>> write_xlsx(pd.DataFrame({"servicer": ["=1+1"], "debt": [5_800_000]}), path,
    ...            number_formats=[None, "#,##0"])
    >>> ws = openpyxl.load_workbook(path).active
    >>> ws["A2"].value, ws["A2"].data_type, ws["B2"].number_format, ws.freeze_panes
    ('=1+1', 's', '#,##0', 'A2')
    """
    import pandas as pd
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    names = [str(c) for c in frame.columns]
    formats = list(number_formats) if number_formats is not None else [None] * len(names)
    for j in range(len(names)):
        if formats[j] is None and pd.api.types.is_datetime64_any_dtype(frame.iloc[:, j].dtype):
            formats[j] = "yyyy-mm-dd"
    columns = [_cell_values(frame.iloc[:, j]) for j in range(len(names))]
    book = Workbook(write_only=True)
    ws = book.create_sheet(title=sheet[:31])
    ws.freeze_panes = "A2"
    for j, width in enumerate(widths or ()):
        ws.column_dimensions[get_column_letter(j + 1)].width = float(width)

    def text_cell(value: str) -> Any:
        cell = WriteOnlyCell(ws, _XLSX_ILLEGAL.sub("\ufffd", value))
        cell.data_type = "s"  # a text, never a formula
        return cell

    # openpyxl streams the sheet to a file of its own as rows are appended: every
    # step is inside the atomic write, so that a failure names the output; that
    # scratch copy of the cases is kept beside the output (swept if the process is
    # killed), never in the system's temporary directory
    with atomic_path(path) as temp:
        try:
            _scratch_beside(ws, Path(path))
            ws.append([text_cell(name) for name in names])
            for row in zip(*columns, strict=True):
                cells: list[Any] = []
                for value, fmt in zip(row, formats, strict=True):
                    if isinstance(value, str):
                        cells.append(text_cell(value))
                    elif fmt is not None and value is not None:
                        cell = WriteOnlyCell(ws, value)
                        cell.number_format = fmt
                        cells.append(cell)
                    else:
                        cells.append(value)
                ws.append(cells)
            book.save(temp)
        except BaseException:
            _close_sheet_quietly(ws)
            raise


def _scratch_beside(ws: Any, target: Path) -> None:
    """Give a write-only sheet its scratch file beside ``target`` (openpyxl's default: $TMPDIR)."""
    from openpyxl.worksheet import _writer

    scratch = str(scratch_file(target))
    _writer.ALL_TEMP_FILES.append(scratch)  # openpyxl removes it after the save, and at exit
    ws._writer = _writer.WorksheetWriter(ws, out=scratch)
    ws._writer.write_top()


def _close_sheet_quietly(ws: Any) -> None:
    """Close a failed write-only sheet's streams and remove its scratch file.

    Left to the garbage collector, openpyxl's stream would try to finish the
    sheet again and print "Exception ignored" with a traceback after the
    one-line error.
    """
    writer = getattr(ws, "_writer", None)
    for stream in (getattr(ws, "_rows", None), getattr(writer, "xf", None)):
        if stream is not None:
            with suppress(Exception):
                stream.close()
    scratch = getattr(writer, "out", None)
    if isinstance(scratch, str):
        with suppress(OSError):
            os.remove(scratch)
        with suppress(ImportError, ValueError):
            from openpyxl.worksheet import _writer

            _writer.ALL_TEMP_FILES.remove(scratch)
