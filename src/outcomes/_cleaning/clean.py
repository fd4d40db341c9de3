"""clean_cases: a raw export → the contract's clean table and a problems table.

The steps, in order (each is one function below):

1. headers: match each source header to a canonical column (with its unit);
   columns outside the contract are left out and reported once;
2. summary rows (合計, 小計, …, or no case id and no contract value) are left
   out and reported once each;
3. personal data: kept text cells that look personal are emptied and reported
   (a name in the guarantor column means true and is never copied);
4. parse: every column's distinct raw values are parsed once, and numbers and
   dates are typed once from those distinct values;
5. ranges and cross-column rules (dates in order, lump sum vs debt);
6. derive: age_band, creditor_type, settlement_ratio;
7. several rows for one case: the latest agreement wins;
8. dtypes, and the contract checked on the way out (``_schema.check_cases``:
   the pandera schema's rules, vectorised, without pandera).

Cleaning is idempotent: a clean table read back (Parquet, a database, CSV)
cleans to itself and reports nothing new; its ratio columns, under their
canonical names, are fractions (a ratio of 100.6% stays 1.006).

Nothing is dropped without a row in the problems table.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from outcomes._arguments import as_day
from outcomes._cleaning.derive import (
    check_ranges,
    derive_age_band,
    derive_creditor_type,
    derive_settlement_ratio,
    move_age_bands,
    resolve_duplicates,
    to_numbers,
)
from outcomes._cleaning.memory import LARGE_TABLE
from outcomes._cleaning.memory import hand_back as _hand_back
from outcomes._cleaning.problems import PROBLEM_COLUMNS, Problems, TablePair
from outcomes._cleaning.schema import check_cases
from outcomes._cleaning.summary_rows import not_summary
from outcomes._cleaning.wording import (
    PROBLEM_KINDS,
    PROBLEM_WORDS,
    RESULT_LINES,
    problem_sentence,
    unknown_servicer_problem,
)
from outcomes._contract import (
    CASE_COLUMNS,
    COLUMN_BY_NAME,
    DATE_DTYPE,
    YEN_UNITS,
    guarantor_header_kind,
    match_header,
    normalize_header,
)
from outcomes._errors import OutcomesError
from outcomes._format import check_language, column_label, fill, pad
from outcomes._parse import (
    NOTE_GUARANTOR_NAME,
    PERCENT_NOTE,
    ParsedColumn,
    parse_age,
    parse_age_band,
    parse_amount,
    parse_code,
    parse_column,
    parse_count,
    parse_date,
    parse_guarantor,
    parse_prefecture,
    parse_ratio,
    parse_term,
    parse_text,
)
from outcomes._privacy import (
    MASK,
    MAX_CELL_CHARS,
    PERSONAL_DATA_KINDS,
    mask_problem_values,
    screen_cells,
)
from outcomes._registry import ServicersLike, match_servicers, suggest_servicers

__all__ = ["PROBLEM_COLUMNS", "CleanResult", "clean_cases"]

# the parser and its keyword arguments for each kind of column
_PARSERS: dict[str, Callable[..., Any]] = {
    "text": parse_text,
    "date": parse_date,
    "age": parse_age,
    "age_band": parse_age_band,
    "prefecture": parse_prefecture,
    "code": parse_code,
    "amount": parse_amount,
    "count": parse_count,
    "term": parse_term,
    "ratio": parse_ratio,
    "servicer": parse_text,
    "guarantor": parse_guarantor,
}


@dataclass
class CleanResult(TablePair):
    """What :func:`clean_cases` returns; unpacks as ``cases, problems``.

    Attributes
    ----------
    cases : DataFrame
        The clean table: one row per case, the contract's columns and dtypes.
    problems : DataFrame
        One row per problem: ``row``, ``case_id``, ``column``, ``value``, ``kind``
        (a code: ``unreadable``, ``out of range``, …) and ``problem`` (the
        sentence, in ``language``).
    rows_read : int
        Records in the input.
    source, encoding, sheet : str or None
        Where the records came from, as :func:`~outcomes.read_cases` recorded it.
    columns_used : dict
        Canonical column -> the source header it was read from.
    language : {"en", "ja"}
        The language of the problems' sentences and of :meth:`summary`.
    """

    table_field: ClassVar[str] = "cases"

    cases: pd.DataFrame
    problems: pd.DataFrame
    rows_read: int
    source: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    columns_used: dict[str, str] = field(default_factory=dict)
    language: str = "en"

    def problem_counts(self) -> pd.Series:
        """Number of problems of each kind (named in :attr:`language`), most frequent first."""
        names = {kind: fill(pair, self.language, {}) for kind, pair in PROBLEM_KINDS.items()}
        kinds = self.problems["kind"].astype(object).map(names)
        return kinds.value_counts().rename("problems").rename_axis("kind")

    def summary(self) -> str:
        """A few lines an analyst reads after cleaning, in :attr:`language`."""
        language = self.language

        def line(code: str, **fields: object) -> str:
            return fill(RESULT_LINES[code], language, fields)

        lines = []
        if self.source:
            where = self.source
            if self.sheet:
                where += line("sheet", sheet=self.sheet)
            if self.encoding:
                where += f" [{self.encoding}]"
            lines.append(line("source", where=where))
        lines.append(line("rows read", n=f"{self.rows_read:,}"))
        lines.append(line("cases", n=f"{len(self.cases):,}"))
        lines.append(line("problems", n=f"{len(self.problems):,}"))
        for kind, n in self.problem_counts().items():
            lines.append(f"  {pad(str(kind), 28)}{n:>8,}")
        return "\n".join(lines)


# --------------------------------------------------------------------------
# The problems table, collected column by column
# --------------------------------------------------------------------------


def _raw_text(values: pd.Series) -> pd.Series:
    """The raw cells as the text written in the file (each distinct value once)."""
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        return values  # a CSV column: the cells are the text
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    text = np.array([_cell_text(u) for u in uniques] + [None], dtype=object)
    return pd.Series(text[codes], index=values.index, dtype=object, copy=False)


def _cell_text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.isoformat(sep=" ").removesuffix(" 00:00:00")
    return str(value)


# --------------------------------------------------------------------------
# clean_cases
# --------------------------------------------------------------------------


def clean_cases(
    raw: pd.DataFrame,
    *,
    today: date | str | None = None,
    progress: bool | None = None,
    language: str = "en",
    servicers: ServicersLike = None,
) -> CleanResult:
    """Clean a raw case export into the contract's table.

    Parameters
    ----------
    raw : DataFrame
        As :func:`~outcomes.read_cases` returns it: source headers, raw cells,
        index ``row`` holding spreadsheet row numbers. A plain DataFrame is
        accepted too; its rows are then numbered 2, 3, … as in a spreadsheet.
    today : date or str, optional
        The day of cleaning; dates after it are out of range. Default: today.
    progress : bool, optional
        Show a progress bar on stderr; by default only for large inputs.
    language : {"en", "ja"}, default "en"
        The language of the problems' sentences. In Japanese each sentence
        starts with its kind (``読めない値:``, ``範囲外:``, …) and names the
        column by its source header as the analyst wrote it (``「売却日」``);
        the ``column`` of the problems table stays the canonical name.
    servicers : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s), besides
        ``OUTCOMES_SERVICERS`` (see :func:`~outcomes.load_servicer_registry`).
        A servicer name not in the registry is kept as written and reported
        with the nearest registry names (``もしかして: SMBC債権回収``); once
        the firm adds the spelling as an alias of that company in its file,
        it is matched.

    Returns
    -------
    CleanResult
        ``.cases`` (one row per case) and ``.problems``; unpacks as
        ``cases, problems = clean_cases(raw)``.

    Examples
    --------
    >>> raw = pd.DataFrame({
    ...     "案件ID": ["A1", "A2"],
    ...     "残債額(万円)": ["580", "七百八十万円"],
    ...     "一括金額": ["10万円", ""],
    ...     "年齢": ["45歳", "150"],
    ...     "氏名": ["テスト太郎", "テスト花子"],
    ... })
    >>> cases, problems = clean_cases(raw, today="2026-01-01")
    >>> cases[["case_id", "residual_debt", "lump_sum", "age", "age_band"]]
      case_id  residual_debt  lump_sum   age age_band
    0      A1        5800000    100000    45      40s
    1      A2        7800000      <NA>  <NA>     <NA>
    >>> print(round(float(cases.loc[0, "settlement_ratio"]), 4))
    0.0172
    >>> problems[["row", "column", "kind"]]
       row      column             kind
    0    1          氏名  not in contract
    1    1   sale_date   missing column
    2    1  resolution   missing column
    3    3         age     out of range
    >>> print(problems.loc[3, "problem"])
    out of range: 150 is above 110; emptied
    >>> _, problems = clean_cases(raw, today="2026-01-01", language="ja")
    >>> print(problems.loc[3, "problem"])
    範囲外: 「年齢」の「150」は110歳を超えています。空欄にしました
    >>> print(problems.loc[2, "problem"])
    欠けている列: 解決方法の列(解決方法・解決・結果)がありません。すべての案件を交渉中として読みました。解決済みの案件にも提示額が出てしまいます
    """
    language = check_language(language)
    today = as_day(today, "today")
    frame, rows = _with_rows(raw)
    n = len(frame)
    problems = Problems(language)
    if progress is None:
        progress = n >= 200_000

    columns, units = _match_columns(frame, problems)
    problems.headers = {name: str(frame.columns[pos]) for name, pos in columns.items()}
    keep = not_summary(frame, columns, rows, problems)
    _hand_back(n)
    if not keep.all():
        frame, rows = frame[keep].reset_index(drop=True), rows[keep]
    parsed: dict[str, pd.Series] = {}
    unreadable: dict[str, np.ndarray] = {}
    percent_read = np.zeros(len(frame), dtype=bool)  # bare ratios above 1 read as percentages
    raw_text: dict[str, pd.Series] = {}

    steps = list(columns.items())
    bar = _progress(len(steps), progress)
    for name, position in steps:
        values = frame.iloc[:, position]
        text = _raw_text(values)
        raw_text[name] = text
        values = _screen_personal(name, values, text, rows, problems)
        col = _parse(name, values, units.get(name), str(frame.columns[position]))
        if name == "settlement_ratio":  # the amounts may tell a fraction above 1 (N3)
            percent_read = col.note_mask_of(PERCENT_NOTE.code, alone=True)
        held = percent_read if name == "settlement_ratio" else None
        _report_parse(name, col, text, rows, problems, held=held)
        parsed[name] = _typed_once(name, col)
        unreadable[name] = col.error_mask()
        del col, values, text
        _hand_back(n)
        bar.update()
    bar.close()
    _hand_back(n)

    has_id = "case_id" in parsed
    out = _assemble(parsed, len(frame))  # empties parsed
    all_ids = _all_case_ids(out, rows) if has_id else pd.Series(dtype="string")
    _servicers(out, raw_text, rows, problems, servicers)
    _hand_back(n)
    move_age_bands(out)
    to_numbers(out)
    check_ranges(out, raw_text, rows, problems, unreadable, today)
    _hand_back(n)
    derive_creditor_type(out)
    derive_settlement_ratio(out, raw_text, rows, problems, unreadable, percent_read)
    derive_age_band(out, raw_text, rows, problems)
    _hand_back(n)
    out.index = pd.Index(rows, name="row")
    keep = resolve_duplicates(out, problems, typed=_typed)
    out = _typed(out, keep)  # superseded rows are left out as each column is typed
    _hand_back(n)
    if not len(all_ids):  # no case id column: the (empty) ids of the clean rows
        all_ids = pd.Series(out["case_id"].to_numpy(), index=out.index)
    problem_table = mask_problem_values(problems.frame(all_ids))  # §7: no value repeated
    out = out.reset_index(drop=True)
    check_cases(out, today)
    return CleanResult(
        cases=out,
        problems=problem_table,
        rows_read=n,
        source=raw.attrs.get("source"),
        encoding=raw.attrs.get("encoding"),
        sheet=raw.attrs.get("sheet"),
        columns_used={name: str(raw.columns[pos]) for name, pos in columns.items()},
        language=language,
    )


def _with_rows(raw: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The raw frame and its spreadsheet row numbers."""
    if not isinstance(raw, pd.DataFrame):
        raise OutcomesError(f"clean_cases takes a DataFrame, got {type(raw).__name__}")
    if raw.index.name == "row":
        rows = raw.index.to_numpy(dtype="int64")
    else:
        rows = np.arange(2, len(raw) + 2, dtype="int64")
    return raw.reset_index(drop=True), rows


class _NoBar:
    def update(self) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, show: bool) -> Any:
    if not show:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="cleaning columns", unit="col", file=sys.stderr)


def _match_columns(
    frame: pd.DataFrame, problems: Problems
) -> tuple[dict[str, int], dict[str, str | None]]:
    """Canonical name → position of its source column, and each header's unit.

    A header outside the contract is reported once. In a case list (at least
    :data:`CASE_LIST_COLUMNS` contract columns and more than one row), a key
    column no header names (:data:`KEY_COLUMNS`) is reported too, with what its
    absence does, and the header outside the contract nearest to it is
    suggested in both rows (``残高 → 残債?``, analyst review N2).
    """
    columns: dict[str, int] = {}
    units: dict[str, str | None] = {}
    outside: list[object] = []
    header_row = np.array([1])
    for position, source in enumerate(frame.columns):
        name, unit = match_header(source)
        if name == "notes":
            continue  # free text: read, never copied
        if name is None:
            outside.append(source)
            continue
        if name in columns:
            kind = "duplicate column"
            other = frame.columns[columns[name]]
            sentence = problem_sentence(
                kind, kind, problems.language, header=source, name=name, other=other
            )
            problems.add(header_row, str(source), [None], sentence, kind=kind)
            continue
        columns[name] = position
        units[name] = unit
        if name == "guarantor" and guarantor_header_kind(source) == "co_debtor":
            # the column means "a 連帯保証人 or 連帯債務者" (contract §2); which one matters to the
            # law (民法 §441), so the header is noted once, as written (advice reads it back)
            sentence = problem_sentence(
                "noted", "joint debtor header", problems.language, header=source
            )
            problems.add(header_row, "guarantor", [str(source)], sentence, kind="noted")
    if not columns:
        raise OutcomesError("no column of the case-records contract found")
    # a case list (not a snippet of a few columns, nor one case) misses a key column
    is_list = len(columns) >= CASE_LIST_COLUMNS and len(frame) > 1
    missing = [name for name in KEY_COLUMNS if name not in columns] if is_list else []
    near = {name: _nearest_header(name, outside) for name in missing}
    suggested = {str(header): name for name, header in near.items() if header is not None}
    for source in outside:
        kind, alias = "not in contract", suggested.get(str(source))
        if alias is None:
            sentence = problem_sentence(kind, kind, problems.language, header=source)
        else:
            sentence = problem_sentence(
                kind,
                "not in contract near",
                problems.language,
                header=source,
                alias=column_label(alias),
            )
        problems.add(header_row, str(source), [None], sentence, kind=kind)
    for name in missing:
        problems.add(
            header_row,
            name,
            [None],
            _missing_sentence(name, near[name], problems),
            kind="missing column",
        )
    return columns, units


#: the columns whose absence changes what follows (analyst review N2): reported when missing
KEY_COLUMNS: tuple[str, ...] = ("case_id", "sale_date", "residual_debt", "resolution")
#: a table naming at least this many contract columns (and more than one row) is a case list,
#: whose missing key columns are reported; a few columns (a test, one case) are not
CASE_LIST_COLUMNS = 4


def _nearest_header(name: str, headers: list[object]) -> object | None:
    """The header outside the contract nearest to one of ``name``'s accepted headers."""
    spec = COLUMN_BY_NAME[name]
    wanted = [normalize_header(a) for a in (name, *spec.aliases)]
    best, score = None, 0.0
    for header in headers:
        key = normalize_header(header)
        for alias in wanted:
            ratio = difflib.SequenceMatcher(None, key, alias).ratio()
            if ratio >= _NEAR and ratio > score and len(key) >= 2:
                best, score = header, ratio
    return best


#: how alike a header must be to a key column's to be suggested (残高 ~ 残債: 0.5)
_NEAR = 0.5


def _missing_sentence(name: str, near: object | None, problems: Problems) -> str:
    aliases = COLUMN_BY_NAME[name].aliases[:3]
    headers = ("・".join(aliases), ", ".join(aliases))
    hint = ("", "")
    if near is not None:
        fields = {"header": near, "alias": column_label(name)}
        hint = (
            fill(PROBLEM_WORDS["near header"], "ja", fields),
            fill(PROBLEM_WORDS["near header"], "en", fields),
        )
    return problem_sentence(
        "missing column", f"missing {name}", problems.language, headers=headers, near=hint
    )


def _screen_personal(
    name: str,
    values: pd.Series,
    text: pd.Series,
    rows: np.ndarray,
    problems: Problems,
) -> pd.Series:
    """Empty and report what no output may hold: cells too long, personal data (issue 26).

    Every column is screened, each distinct value once (``outcomes._privacy.screen_cells``
    says which cells and why, in codes); the sentences are made here.
    """
    long, found = screen_cells(name, text)
    header = problems.header(name)
    if long.any():
        kind, limit = "too long", f"{MAX_CELL_CHARS:,}"
        sizes = text[long].str.len().astype("int64")
        sentences = [
            problem_sentence(kind, kind, problems.language, header=header, n=f"{n:,}", limit=limit)
            for n in sizes
        ]
        shown = (text[long].str.slice(0, 80) + "…").to_numpy(dtype=object)
        problems.add(rows[long], name, shown, sentences, kind=kind)
    mask = found.notna().to_numpy()
    if mask.any():
        kind = "personal data"
        sentences = {
            code: problem_sentence(kind, kind, problems.language, header=header, what=words)
            for code, words in PERSONAL_DATA_KINDS.items()
        }
        problems.add(
            rows[mask], name, [MASK] * int(mask.sum()), found[mask].map(sentences), kind=kind
        )
    emptied = long | mask
    return values.mask(emptied, None) if emptied.any() else values


def _parse(name: str, values: pd.Series, unit: str | None, header: str) -> ParsedColumn:
    spec = COLUMN_BY_NAME[name]
    parser = _PARSERS[spec.kind]
    kwargs: dict[str, Any] = {}
    if spec.kind == "amount" and unit is not None and unit in YEN_UNITS:
        kwargs["unit"] = YEN_UNITS[unit]
    elif spec.kind == "ratio" and unit == "%":
        kwargs["percent"] = True
    elif spec.kind == "ratio" and header.strip() == name:
        # the clean table's own column (a re-read clean table): a fraction, never a percentage
        kwargs["fraction"] = True
    elif spec.kind == "code":
        kwargs["column"] = name
    return parse_column(values, parser, **kwargs)


def _typed_once(name: str, col: ParsedColumn) -> pd.Series:
    """A parsed column as the checks that follow want it, from its distinct values.

    Numbers as float64 and dates as datetime64 (what ``to_numbers`` would make
    of them, converted once per distinct value instead of once per row); ages
    likewise unless a band (``40代``) was written among them; the rest as parsed.
    """
    spec = COLUMN_BY_NAME[name]
    if spec.kind == "date":
        return col.typed(DATE_DTYPE)
    if spec.dtype in ("Int64", "Float64") and spec.kind != "age":
        return col.typed("float64")
    if spec.kind == "age" and not any(isinstance(v, str) for v in col.distinct):
        return col.typed("float64")  # numbers only: no band to move out of the column
    if isinstance(spec.dtype, pd.CategoricalDtype) and pd.api.types.infer_dtype(
        col.distinct, skipna=True
    ) in ("string", "empty"):
        # codes: the contract's categorical from the distinct values (what astype makes)
        lookup = spec.dtype.categories.get_indexer(pd.Index(col.distinct[:-1], dtype=object))
        codes = np.append(lookup, -1)[col.codes]
        return pd.Series(pd.Categorical.from_codes(codes, dtype=spec.dtype), index=col.index)
    if spec.dtype == "string" and (text := col.text()) is not None:
        return text
    return col.values


def _report_parse(
    name: str,
    col: ParsedColumn,
    text: pd.Series,
    rows: np.ndarray,
    problems: Problems,
    held: np.ndarray | None = None,
) -> None:
    """Report the cells a parser could not read (emptied) and the values it noted.

    The parser's reasons and notes are codes (:data:`outcomes._parse.PARSE_WORDS`),
    rendered once per distinct reason in the run's language. The notes of the
    rows ``held`` are left to a later step (a ratio's percentage reading, which
    the amounts may overrule).
    """
    language, header = problems.language, problems.header(name)

    def sentences(kind: str, reasons: pd.Series) -> pd.Series:
        words = {
            r: problem_sentence(kind, kind, language, header=header, reason=r)
            for r in reasons.unique()
        }
        return reasons.map(words)

    errors = col.error_mask()
    if errors.any():
        problems.add(
            rows[errors],
            name,
            # a guarantor cell may hold a person's name: never repeated
            [MASK] * int(errors.sum()) if name == "guarantor" else text[errors],
            sentences("unreadable", col.errors_at(errors, language)),
            kind="unreadable",
        )
    notes = col.note_mask()
    if held is not None:
        notes = notes & ~held
    if not notes.any():
        return
    if name == "guarantor":
        names = col.note_mask_of(NOTE_GUARANTOR_NAME.code)
        kind = "personal data"
        sentence = problem_sentence(kind, "guarantor name", language, header=header)
        problems.add(rows[names], name, [MASK] * int(names.sum()), sentence, kind=kind)
        notes = notes & ~names
    if notes.any():
        problems.add(
            rows[notes],
            name,
            text[notes],
            sentences("noted", col.notes_at(notes, language)),
            kind="noted",
        )


def _assemble(parsed: dict[str, pd.Series], n: int) -> pd.DataFrame:
    """All contract columns, empty where the source had none.

    Parsed columns come typed from :func:`_typed_once`; an absent column is
    made empty in the same working dtype (float64, datetime64, a categorical
    of the contract's codes, boolean, or object).
    Each parsed column is taken out of ``parsed`` as it goes in, its text
    inferred as ``str`` there and then (as the frame would), so that a text
    column and its object array never all stand side by side.
    """
    columns: dict[str, Any] = {}
    for name in CASE_COLUMNS:
        if name in parsed:
            values = parsed.pop(name)
            if isinstance(values.dtype, pd.StringDtype | pd.CategoricalDtype):  # typed already
                columns[name] = values.array
            else:
                columns[name] = pd.Series(values.to_numpy(), copy=False)
            continue
        spec = COLUMN_BY_NAME[name]
        if spec.kind == "date":
            columns[name] = np.full(n, np.datetime64("NaT"), dtype=DATE_DTYPE)
        elif spec.dtype in ("Int64", "Float64") and spec.kind != "age":
            columns[name] = np.full(n, np.nan)
        elif isinstance(spec.dtype, pd.CategoricalDtype):  # its final dtype, a byte a row
            columns[name] = pd.Categorical.from_codes(np.full(n, -1, np.int8), dtype=spec.dtype)
        elif spec.dtype == "boolean":
            columns[name] = pd.arrays.BooleanArray(np.zeros(n, bool), np.ones(n, bool))
        else:
            columns[name] = np.full(n, None, dtype=object)
    return pd.DataFrame(columns, copy=False)


def _servicers(
    out: pd.DataFrame,
    raw_text: dict[str, pd.Series],
    rows: np.ndarray,
    problems: Problems,
    servicers: ServicersLike = None,
) -> None:
    """Match servicers against the registry; report names not in it, with the nearest names.

    The nearest registry names are computed once per distinct unknown name
    (:func:`~outcomes._registry.suggest_servicers`, the offer's matcher): a
    suggestion in the problem, never a substitution.
    """
    if "servicer" not in raw_text:
        return
    names, found = match_servicers(out["servicer"], servicers)
    out["servicer"] = names.astype(pd.StringDtype("pyarrow", na_value=np.nan))
    unknown = (~found.astype(bool)).to_numpy() & names.notna().to_numpy()
    if not unknown.any():
        return
    written = names[unknown].astype(str)
    language = problems.language
    header = problems.header("servicer")
    sentences = {
        name: unknown_servicer_problem(
            header, name, suggest_servicers(name, 3, servicers), language
        )
        for name in written.unique()
    }
    problems.add(
        rows[unknown],
        "servicer",
        raw_text["servicer"][unknown],
        written.map(sentences).to_numpy(dtype=object),
        kind="unknown servicer",
    )


def _typed(out: pd.DataFrame, keep: np.ndarray | None = None) -> pd.DataFrame:
    """Give every column its contract dtype; only the rows of ``keep`` (default all).

    Each working column is taken out of ``out`` as it is converted, so that
    the two tables never stand side by side in memory (``out`` is left empty).
    """
    typed: dict[str, Any] = {}
    index = out.index if keep is None else out.index[keep]
    n = len(out)
    take = out.pop if n >= LARGE_TABLE else out.__getitem__  # popping costs on small tables
    for name in CASE_COLUMNS:
        _hand_back(n)  # the working column just converted
        spec = COLUMN_BY_NAME[name]
        s = take(name)
        if keep is not None:
            s = pd.Series(s.array[keep], index=index, copy=False)
        if spec.kind == "date":
            typed[name] = s if s.dtype == DATE_DTYPE else pd.to_datetime(s, errors="coerce")
        elif spec.dtype == "Int64":
            x = s.to_numpy(dtype="float64", na_value=np.nan)
            missing = np.isnan(x)
            rounded = np.rint(x)  # np.round's rounding (halves to even), one temporary
            rounded[missing] = 0
            typed[name] = pd.arrays.IntegerArray(rounded.astype("int64"), missing)
            del rounded
        elif spec.dtype == "Float64":
            x = s.to_numpy(dtype="float64", na_value=np.nan)
            typed[name] = pd.arrays.FloatingArray(x, np.isnan(x))
        elif spec.dtype == "string":
            typed[name] = s.astype("string")
        elif s.dtype == spec.dtype:  # codes, categorical since they were parsed
            typed[name] = s.array
        else:
            typed[name] = s.astype(spec.dtype)
    frame = pd.DataFrame(typed, index=index, copy=False)
    frame["resolution"] = frame["resolution"].fillna("pending")
    return frame


def _all_case_ids(out: pd.DataFrame, rows: np.ndarray) -> pd.Series:
    """Each row's case id, by row number (before duplicates are resolved)."""
    return pd.Series(out["case_id"].array, index=rows, copy=False)
