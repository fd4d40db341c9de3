"""The ``outcomes`` commands, one module per command.

Each module has ``run(args: argparse.Namespace) -> int``; :mod:`outcomes.cli`
parses the arguments, calls it, and turns an :class:`~outcomes.OutcomesError`
into a one-line reason. The helpers below are what the commands share.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from outcomes._errors import OutcomesError, ReadError
from outcomes._io import CaseTable, load_case_table

__all__ = [
    "EXCEL_MAX_CELL",
    "EXCEL_MAX_ROWS",
    "LABEL_LANGUAGES",
    "TABLE_SUFFIXES",
    "check_as_of_option",
    "check_source",
    "check_output",
    "column_labels",
    "driver_url",
    "is_url",
    "load_cases",
    "load_source",
    "source_options",
    "write_table",
]

#: the file types ``write_table`` writes
TABLE_SUFFIXES: tuple[str, ...] = (".parquet", ".csv", ".xlsx")
#: the languages of the column labels ``write_table`` writes
LABEL_LANGUAGES: tuple[str, ...] = ("en", "ja")
#: rows an Excel sheet holds below its header
EXCEL_MAX_ROWS = 1_048_575
#: characters an Excel cell holds (openpyxl would cut a longer text silently)
EXCEL_MAX_CELL = 32_767

# Japanese labels of the columns that are not contract columns (the contract's
# columns are labelled by their first Japanese header alias)
_PROBLEM_LABELS: dict[str, str] = {
    "row": "行",
    "column": "列",
    "value": "値",
    "kind": "種類",
    "problem": "問題",
}
_DERIVED_LABELS: dict[str, str] = {"settlement_amount": "和解額"}
_PART_LABELS: dict[str, str] = {"median": "中央値", "lower": "下限", "upper": "上限"}


def is_url(source: object) -> bool:
    """Whether a command's input is a SQLAlchemy URL rather than a file.

    Examples
    --------
    >>> is_url("postgresql+psycopg://ana@db/cases"), is_url("cases.csv")
    (True, False)
    """
    return isinstance(source, str) and "://" in source


def source_options(args: argparse.Namespace) -> dict[str, Any]:
    """``table``, ``query`` and ``sheet`` of a command's namespace (None when absent)."""
    return {name: getattr(args, name, None) for name in ("table", "query", "sheet")}


def check_source(
    source: str, *, table: str | None, query: str | None, sheet: str | int | None
) -> None:
    """Refuse options that do not fit the input, in the CLI's words (one line)."""
    if is_url(source):
        from outcomes._cleaning import mask_url

        if table is None and query is None:
            raise OutcomesError(
                f"{mask_url(source)} is a database URL: give --table NAME or --query SQL"
            )
        if table is not None and query is not None:
            raise OutcomesError("give either --table or --query, not both")
        if sheet is not None:
            raise OutcomesError("--sheet applies to an .xlsx file, not to a database URL")
    else:
        given = [f"--{n}" for n, v in (("table", table), ("query", query)) if v is not None]
        if given:
            verb = "applies" if len(given) == 1 else "apply"
            raise OutcomesError(
                f"{' and '.join(given)} {verb} only to a database URL, not to the file {source}"
            )


def driver_url(url: str) -> str:
    """A ``postgresql://`` URL with the driver the ``postgres`` extra installs (psycopg 3).

    SQLAlchemy reads a bare ``postgresql://`` as psycopg2, which the extra
    does not install; when psycopg2 is missing and psycopg is there, the URL
    names psycopg. Any other URL is returned as it is.

    Examples
    --------
    >>> driver_url("sqlite:///cases.db")
    'sqlite:///cases.db'
    """
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("postgresql", "postgres"):
        return url
    from importlib.util import find_spec

    if find_spec("psycopg2") is None and find_spec("psycopg") is not None:
        return f"postgresql+psycopg://{rest}"
    return url


def load_source(
    source: str,
    *,
    table: str | None = None,
    query: str | None = None,
    sheet: str | int | None = None,
    today: str | None = None,
    language: str = "en",
    servicers: str | None = None,
) -> CaseTable:
    """The clean table and problems of a command's input: a file or a SQLAlchemy URL.

    Like :func:`outcomes._io.load_case_table`, with the options checked
    against the input first (``--table``/``--query`` go with a URL and only
    with one) so that every mistake is one line naming the option.
    """
    check_source(source, table=table, query=query, sheet=sheet)
    if is_url(source):
        source = driver_url(source)
    try:
        return load_case_table(
            source,
            table=table,
            query=query,
            sheet=sheet,
            today=today,
            language=language,
            servicers=servicers,
        )
    except ReadError as exc:
        if exc.code != "read.driver_missing":
            raise
        hint = "install the database's driver"
        if source.lower().startswith("postgres"):
            hint += " (pip install 'outcomes[postgres]')"
        raise ReadError(exc.source, f"{exc.reason}; {hint}") from None


def load_cases(
    source: str,
    *,
    table: str | None = None,
    query: str | None = None,
    sheet: str | int | None = None,
    today: str | None = None,
    language: str = "en",
) -> pd.DataFrame:
    """The clean case table of a file or database (see :func:`load_source`).

    When the input had to be cleaned, the number of problems is printed on
    stderr in ``language`` (``outcomes clean`` writes them).
    """
    from outcomes._cli._wording import cli_line

    loaded = load_source(source, table=table, query=query, sheet=sheet, today=today)
    if not loaded.already_clean:
        line = cli_line(
            "cleaned_input",
            language,
            source=loaded.source or source,
            n=f"{len(loaded.cases):,}",
            problems=f"{len(loaded.problems):,}",
        )
        print(line, file=sys.stderr)
    return loaded.cases


def check_as_of_option(as_of: str | None) -> str | None:
    """Refuse a bad ``--as-of`` before any work (an OutcomesError naming it)."""
    if as_of is not None:
        from outcomes._arguments import as_day

        as_day(as_of, "--as-of")
    return as_of


def check_output(path: str | os.PathLike[str], *, suffixes: Iterable[str] = TABLE_SUFFIXES) -> str:
    """The lower-case suffix of an output file name, refused unless one of ``suffixes``.

    Examples
    --------
    >>> check_output("cases.XLSX")
    '.xlsx'
    >>> check_output("cases.xls")
    Traceback (most recent call last):
    ...
    outcomes._errors.OutcomesError: cannot write cases.xls: use a .parquet, .csv or .xlsx file name
    """
    allowed = tuple(suffixes)
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        names = ", ".join(allowed[:-1]) + f" or {allowed[-1]}" if len(allowed) > 1 else allowed[0]
        raise OutcomesError(f"cannot write {path}: use a {names} file name")
    return suffix


def column_labels(columns: Iterable[str], language: str = "ja") -> dict[str, str]:
    """Display labels of output columns: ``{column: label}``.

    ``"ja"`` labels a contract column by its first Japanese header in the
    contract (``residual_debt`` -> ``残債``), a problems column by its
    Japanese name, and a prediction column ``<target>_<part>[_<level>]`` by
    the target's label and the part (``和解率(下限90%)``). ``"en"`` keeps
    the names. Unknown columns keep their names.

    Examples
    --------
    >>> column_labels(["residual_debt", "problem", "settlement_ratio_lower_90", "x"])
    {'residual_debt': '残債', 'problem': '問題', 'settlement_ratio_lower_90': '和解率(下限90%)', 'x': 'x'}
    >>> column_labels(["monthly_amount_median"])
    {'monthly_amount_median': '月額(中央値)'}
    """
    from outcomes._contract import COLUMN_BY_NAME

    columns = list(columns)
    if language not in LABEL_LANGUAGES:
        raise OutcomesError(f"labels must be one of {', '.join(LABEL_LANGUAGES)}, got {language!r}")
    if language == "en":
        return {c: c for c in columns}

    def base(name: str) -> str | None:
        if name in _DERIVED_LABELS:
            return _DERIVED_LABELS[name]
        spec = COLUMN_BY_NAME.get(name)
        return spec.aliases[0] if spec is not None and spec.aliases else None

    labels: dict[str, str] = {}
    for column in columns:
        label = base(column) or _PROBLEM_LABELS.get(column)
        if label is None:
            for part, part_label in _PART_LABELS.items():
                stem, sep, rest = column.partition(f"_{part}")
                if sep and base(stem) and (rest == "" or rest[1:].isdigit()):
                    level = f"{rest[1:]}%" if rest else ""
                    label = f"{base(stem)}({part_label}{level})"
                    break
        labels[column] = label or column
    return labels


#: decimals a written chance keeps: 0.175 (17.5%), not 0.17483754551228997 (analyst review N18)
CHANCE_DECIMALS = 3


def _estimate_digits(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its chances (``chance_*``) rounded to :data:`CHANCE_DECIMALS` decimals.

    A chance is an estimate from similar past cases: more digits claim a
    precision it does not have. Ratios of the clean table are left exact, so
    that a written table reads back to the same values.
    """
    chances = [c for c in table.columns if str(c).startswith("chance_")]
    if not chances:
        return table
    return table.assign(**{str(c): table[c].round(CHANCE_DECIMALS) for c in chances})


def _check_cell_lengths(table: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Refuse an .xlsx whose text would be cut at Excel's 32,767 characters (no silent loss)."""
    for name, column in table.items():
        if not (isinstance(column.dtype, pd.StringDtype) or column.dtype == object):
            continue
        lengths = column.astype("string").str.len()
        longest = lengths.max()
        if pd.notna(longest) and longest > EXCEL_MAX_CELL:
            row = int(lengths.to_numpy(dtype=float, na_value=0).argmax()) + 2
            raise OutcomesError(
                f"cannot write {path}: a text of {int(longest):,} characters in column {name} "
                f"(row {row} of the sheet) does not fit in an Excel cell ({EXCEL_MAX_CELL:,} at "
                "most); use .parquet or .csv"
            )


def write_table(
    table: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    sheet: str = "cases",
    labels: str = "en",
    names: Mapping[str, str] | None = None,
) -> None:
    """Write a table as .parquet, .csv (UTF-8 with a BOM and CRLF: Excel opens it intact) or .xlsx.

    The file is written atomically (:mod:`outcomes._write`): a failed write
    is one line naming the path and the reason, and leaves an old file as it
    was. Text cells are written as text, never as formulas: string cells in
    .xlsx, a leading ``'`` before ``=``, ``+``, ``-``, ``@``, tab or carriage
    return in the text columns of .csv (:func:`outcomes.read_cases` removes
    it again).

    An .xlsx file gets one sheet named ``sheet``, a frozen header row, column
    widths fitted to the content, and number formats: yen ``#,##0``, ratios
    and chances ``0.0%``, dates ``yyyy-mm-dd``. ``labels="ja"`` writes
    Japanese column labels (see :func:`column_labels`; ``names`` overrides
    them) and the codes' Japanese words (``40代``, ``自営業``, ``あり``) --
    for a file an analyst opens, not one the package reads back.
    """
    from outcomes._cli._presentation import column_widths, japanese_values, number_formats
    from outcomes._write import atomic_path, neutralise_columns
    from outcomes._xlsx import write_xlsx

    suffix = check_output(path)
    if suffix == ".xlsx" and len(table) > EXCEL_MAX_ROWS:
        raise OutcomesError(
            f"cannot write {path}: {len(table):,} rows do not fit in an Excel sheet "
            f"({EXCEL_MAX_ROWS:,} at most); use .parquet or .csv"
        )
    if suffix == ".xlsx":
        _check_cell_lengths(table, path)
    formats = number_formats(table)  # by the machine names
    table = _estimate_digits(table)
    if labels != "en":
        table = japanese_values(table)
        table = table.rename(columns={**column_labels(table.columns, labels), **(names or {})})
    if suffix == ".xlsx":
        widths = column_widths(table, formats)
        write_xlsx(table, path, sheet=sheet, number_formats=formats, widths=widths)
        return
    with atomic_path(path) as temp:
        if suffix == ".parquet":
            table.to_parquet(temp, index=False)
        else:
            # CRLF as Excel writes it: a cell holding a carriage return is then quoted
            neutralise_columns(table).to_csv(
                temp, index=False, encoding="utf-8-sig", lineterminator="\r\n"
            )
