"""Formula injection: text cells a spreadsheet would run, written as text and read back.

Excel (and LibreOffice) evaluate a CSV cell that
begins with ``=``, ``+``, ``-`` or ``@`` (and, in some versions, a tab or a
carriage return) as a formula, and openpyxl writes such a text as a live
formula into ``.xlsx``. Text cells are therefore written as text:

- in ``.xlsx`` as string cells, never formulas (:func:`outcomes._xlsx.write_xlsx`);
- in ``.csv`` with a leading ``'`` (the OWASP advice), in text columns only:
  numbers stay numbers (:func:`neutralise_text`, :func:`neutralise_columns`).

The CSV rule is reversible. A text matching ``'*[=+\\-@\\t\\r]`` (any number
of quotes, then one of those characters) is written with one more leading
``'``; a text read from a CSV file that matches ``'+[=+\\-@\\t\\r]`` loses
exactly one leading ``'`` (:func:`restore_text`, which
:func:`outcomes.read_cases` applies to every CSV cell). So ``=1+1`` is
written ``'=1+1`` and read back ``=1+1``, and ``'=1+1`` is written
``''=1+1`` and read back ``'=1+1``; every other text is written and read as
it is.

This module imports only the standard library and, lazily, pandas;
:mod:`outcomes._write` re-exports its names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "FORMULA_CHARACTERS",
    "neutralise_columns",
    "neutralise_text",
    "restore_columns",
    "restore_text",
]

#: a text cell beginning with one of these is a formula to a spreadsheet
FORMULA_CHARACTERS = "=+-@\t\r"
_CLASS = r"[=+\-@\t\r]"
#: texts the CSV writer quotes: any number of quotes, then a formula character
_TO_QUOTE = re.compile(rf"'*{_CLASS}")
#: texts the CSV reader unquotes: at least one quote, then a formula character
_QUOTED = re.compile(rf"'+{_CLASS}")


# --------------------------------------------------------------------------
# Formula injection
# --------------------------------------------------------------------------


def neutralise_text(text: str) -> str:
    """A text as a CSV cell that no spreadsheet evaluates (see the module's rule).

    Examples
    --------
    >>> neutralise_text('=HYPERLINK("http://x","click")')
    '\\'=HYPERLINK("http://x","click")'
    >>> neutralise_text("'=1+1"), neutralise_text("SMBC債権回収"), neutralise_text("O'Neil")
    ("''=1+1", 'SMBC債権回収', "O'Neil")
    """
    return "'" + text if _TO_QUOTE.match(text) else text


def restore_text(text: str) -> str:
    """The text :func:`neutralise_text` was given (one leading ``'`` removed where it added one).

    Examples
    --------
    >>> restore_text("'=1+1"), restore_text("''=1+1"), restore_text("'quoted'")
    ('=1+1', "'=1+1", "'quoted'")
    """
    return text[1:] if _QUOTED.match(text) else text


def _is_text_column(column: pd.Series) -> bool:
    import pandas as pd

    dtype = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        dtype = dtype.categories.dtype
    return pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)


def _map_text(column: pd.Series, pattern: re.Pattern[str], func: Any) -> pd.Series:
    """``func`` applied to the text values of ``column`` that ``pattern`` matches at their start."""
    import pandas as pd

    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = column.cat.categories
        if not any(isinstance(c, str) and pattern.match(c) for c in categories):
            return column
        return column.cat.rename_categories(
            [func(c) if isinstance(c, str) and pattern.match(c) else c for c in categories]
        )
    if pd.api.types.is_object_dtype(column.dtype):
        hits = [isinstance(v, str) and pattern.match(v) is not None for v in column]
        if not any(hits):
            return column
        values = [func(v) if hit else v for v, hit in zip(column, hits, strict=True)]
        return pd.Series(values, index=column.index, name=column.name, dtype=object)
    hits = column.str.match(pattern.pattern, na=False).to_numpy(dtype=bool)
    if not hits.any():
        return column
    out = column.copy()
    out[hits] = [func(v) for v in column[hits]]
    return out


def _map_columns(frame: pd.DataFrame, pattern: re.Pattern[str], func: Any) -> pd.DataFrame:
    out = frame
    for j in range(frame.shape[1]):
        column = frame.iloc[:, j]
        if not _is_text_column(column):
            continue
        mapped = _map_text(column, pattern, func)
        if mapped is not column:
            if out is frame:
                out = frame.copy()
            out.isetitem(j, mapped)
    return out


def neutralise_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its text columns' cells neutralised for a CSV file.

    Only text columns (string, object, categorical) change; numbers stay
    numbers, so a negative amount stays ``-5000``. The frame is returned as
    it is when no cell needs it.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"servicer": ["=1+1", "-x", "ok"], "debt": [-5000, 1, 2]})
    >>> neutralise_columns(frame).to_dict("list")
    {'servicer': ["'=1+1", "'-x", 'ok'], 'debt': [-5000, 1, 2]}
    """
    return _map_columns(frame, _TO_QUOTE, neutralise_text)


def _any_quoted(column: pd.Series) -> bool:
    """Whether a cell of a text column begins with ``'`` (Arrow-backed: one kernel, no copy)."""
    if getattr(column.dtype, "storage", None) == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc

        hits = pc.any(pc.starts_with(pa.array(column.array), "'"))
        return bool(hits.as_py())
    if column.dtype == object:  # one pass, no Series built (the pandas CSV path's columns)
        return any(type(v) is str and v[:1] == "'" for v in column.to_numpy(copy=False))
    return bool(column.str.startswith("'", na=False).to_numpy(dtype=bool).any())


def restore_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with :func:`restore_text` applied to its text columns (the CSV reader's step).

    A column none of whose cells begins with ``'`` is left alone after one
    cheap look (a million-row column costs milliseconds, not a regex scan).

    Examples
    --------
    >>> import pandas as pd
    >>> restore_columns(pd.DataFrame({"servicer": ["'=1+1", "''@x", "'ok", "ok"]}))["servicer"].tolist()
    ['=1+1', "'@x", "'ok", 'ok']
    """
    out = frame
    # items(), not iloc: a wide export (16,384 columns) costs microseconds per column
    for j, (_, column) in enumerate(frame.items()):
        if not _is_text_column(column) or not _any_quoted(column):
            continue
        mapped = _map_text(column, _QUOTED, restore_text)
        if mapped is not column:
            if out is frame:
                out = frame.copy()
            out.isetitem(j, mapped)
    return out
