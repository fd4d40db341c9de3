"""The internal report: k-safe tables, and the papermill template → one HTML file.

Two layers:

* small, k-safe table builders the report template and the notebooks call
  (:func:`select_cases`, :func:`k_safe_cases`, :func:`breakdown`,
  :func:`crosstab`, :func:`problem_summary`). A breakdown never shows a cell
  of fewer than ``k`` cases and never shows an individual value (no minimum,
  maximum or outlier: ranges are the 10th–90th percentiles);
* :func:`write_report`, which cleans the export here (so an unreadable file
  fails fast with :class:`~outcomes.ReadError`), runs the packaged template
  ``templates/report.ipynb`` with papermill and writes one self-contained
  HTML file without code (figures embedded as base64 PNG).

``notebooks/05-report.ipynb`` is a byte-for-byte copy of the packaged
template (``tests/test_notebooks.py`` checks that they do not drift): edit
the template, then copy it over the notebook.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from outcomes._contract import (
    AGE_BANDS,
    CASE_COLUMNS,
    COLUMN_BY_NAME,
    CREDITOR_TYPE_LABELS,
    CREDITOR_TYPES,
    DEFAULT_K,
    EMPLOYMENT_CODES,
    RESOLUTION_CODES,
    normalize_text,
)
from outcomes._errors import OutcomesError
from outcomes._privacy import MASK, k_anonymous_mask, personal_data_kind

__all__ = [
    "COVERAGES",
    "QUANTILES",
    "ModelCheck",
    "ReportError",
    "ReportCases",
    "ReportData",
    "accuracy_table",
    "breakdown",
    "check_models",
    "column_label",
    "crosstab",
    "k_safe_cases",
    "load_report_data",
    "months_to_agreement",
    "notebook_to_html",
    "parse_period",
    "predicted_ranges",
    "prepare_report",
    "problem_summary",
    "ranges_table",
    "run_report_cli",
    "safe_label",
    "select_cases",
    "source_name",
    "styled",
    "template_path",
    "value_formatter",
    "value_labels",
    "with_derived",
    "write_report",
]

#: quantiles a breakdown shows: the 10–90 range, the quartiles and the median
QUANTILES: tuple[float, ...] = (0.1, 0.25, 0.5, 0.75, 0.9)

# --------------------------------------------------------------------------
# Labels (display only: the data keep the contract's codes)
# --------------------------------------------------------------------------

_DERIVED_LABELS: dict[str, str] = {
    "agreement_year": "和解年",
    "sale_year": "売却年",
    "months_to_agreement": "売却から和解までの月数",
    "income_band": "月収(手取り)",
    "cases": "件数",
}


def column_label(column: str) -> str:
    """The Japanese label of a column: its first header alias in the contract.

    Examples
    --------
    >>> column_label("settlement_ratio"), column_label("agreement_year")
    ('和解率', '和解年')
    >>> column_label("not_a_column")
    'not_a_column'
    """
    if column in _DERIVED_LABELS:
        return _DERIVED_LABELS[column]
    spec = COLUMN_BY_NAME.get(column)
    if spec is not None and spec.aliases:
        return spec.aliases[0]
    return column


def value_labels(column: str) -> dict[str, str]:
    """Japanese labels of a coded column's values (empty for other columns).

    Examples
    --------
    >>> value_labels("employment")["employee"]
    '会社員'
    >>> value_labels("creditor_type")["jhf"]
    '住宅金融支援機構'
    >>> value_labels("age_band")["40s"]
    '40代'
    >>> value_labels("prefecture")
    {}
    """
    if column == "creditor_type":
        return dict(CREDITOR_TYPE_LABELS)
    if column == "age_band":
        return {band: band.removesuffix("s") + "代" for band in AGE_BANDS}
    codes = {"employment": EMPLOYMENT_CODES, "resolution": RESOLUTION_CODES}.get(column)
    if codes is None:
        return {}
    return {code: (words[0] if words else code) for code, words in codes.items()}


# --------------------------------------------------------------------------
# Selecting cases
# --------------------------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


def parse_period(period: str | None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """Read a period like ``"2023-01:2024-12"`` as (first day, last day).

    Either side may be a year (``2023``) or a month (``2023-01``), or be left
    empty for an open end (``"2023-01:"``); a single month or year means that
    month or year.

    Examples
    --------
    >>> parse_period("2023-01:2024-12")
    (Timestamp('2023-01-01 00:00:00'), Timestamp('2024-12-31 00:00:00'))
    >>> parse_period("2023")
    (Timestamp('2023-01-01 00:00:00'), Timestamp('2023-12-31 00:00:00'))
    >>> parse_period("2024-02:")
    (Timestamp('2024-02-01 00:00:00'), None)
    >>> parse_period(None)
    (None, None)
    """
    if period is None or str(period).strip() == "":
        return None, None
    text = normalize_text(str(period))
    parts = text.split(":") if ":" in text else [text, text]
    if len(parts) != 2 or not any(p.strip() for p in parts):
        raise OutcomesError(f"period {period!r}: write it as YYYY-MM:YYYY-MM, e.g. 2023-01:2024-12")
    bounds: list[pd.Timestamp | None] = []
    for i, part in enumerate(p.strip() for p in parts):
        if part == "":
            bounds.append(None)
            continue
        m = _MONTH.match(part)
        if m is None or not (1 <= int(m[2] or 1) <= 12):
            raise OutcomesError(f"period {period!r}: {part!r} is not a year or a YYYY-MM month")
        start = pd.Timestamp(int(m[1]), int(m[2] or 1), 1)
        if i == 0:
            bounds.append(start)
        else:
            months = 1 if m[2] else 12
            bounds.append(start + pd.DateOffset(months=months) - pd.Timedelta(days=1))
    first, last = bounds
    if first is not None and last is not None and first > last:
        raise OutcomesError(f"period {period!r}: the start is after the end")
    return first, last


def select_cases(
    cases: pd.DataFrame,
    *,
    period: str | None = None,
    servicer: str | None = None,
    creditor_type: str | None = None,
) -> pd.DataFrame:
    """The cases a report is about.

    Parameters
    ----------
    cases : DataFrame
        The clean table.
    period : str, optional
        Agreement period (see :func:`parse_period`). A case is in it when its
        agreement_date is; a pending case (no agreement yet) when its
        sale_date is.
    servicer : str, optional
        Only this servicer's cases; the name is matched like the cleaner
        matches it (suffixes, half-width kana and former names all match).
    creditor_type : str, optional
        Only this creditor type (a code such as ``bank``, or its Japanese label).

    Examples
    --------
    >>> cases = pd.DataFrame({
    ...     "agreement_date": pd.to_datetime(["2022-05-01", "2023-03-01", None]),
    ...     "sale_date": pd.to_datetime(["2021-01-01", "2022-01-01", "2023-06-01"]),
    ...     "creditor_type": pd.Categorical(["bank", "jhf", "bank"], categories=CREDITOR_TYPES),
    ...     "servicer": pd.array(["アビリオ債権回収", None, None], dtype="string"),
    ... })
    >>> len(select_cases(cases, period="2023-01:2023-12"))
    2
    >>> len(select_cases(cases, creditor_type="bank"))
    2
    >>> len(select_cases(cases, servicer="アビリオ債権回収株式会社"))
    1
    """
    keep = pd.Series(True, index=cases.index)
    first, last = parse_period(period)
    if first is not None or last is not None:
        when = cases["agreement_date"].fillna(cases["sale_date"])
        if first is not None:
            keep &= (when >= first).fillna(False)
        if last is not None:
            keep &= (when <= last).fillna(False)
    if servicer is not None and str(servicer).strip():
        from outcomes._registry import match_servicer

        name, found = match_servicer(servicer)
        wanted = name if found else normalize_text(str(servicer))
        keep &= (cases["servicer"] == wanted).fillna(False)
    if creditor_type is not None and str(creditor_type).strip():
        code = _creditor_type_code(creditor_type)
        keep &= (cases["creditor_type"].astype("string") == code).fillna(False)
    return cases[keep.to_numpy(dtype=bool)]


def _creditor_type_code(value: str) -> str:
    text = normalize_text(str(value))
    if text.casefold() in CREDITOR_TYPES:
        return text.casefold()
    by_label = {label: code for code, label in CREDITOR_TYPE_LABELS.items()}
    if text in by_label:
        return by_label[text]
    raise OutcomesError(f"creditor type {value!r}: use one of {', '.join(CREDITOR_TYPES)}")


def k_safe_cases(cases: pd.DataFrame, k: int = DEFAULT_K) -> pd.DataFrame:
    """The cases whose quasi-identifier group (age_band × prefecture × employment) holds ``k`` or more.

    Reports drop the other cases before any breakdown.

    Examples
    --------
    >>> df = pd.DataFrame({"age_band": ["40s"] * 5 + ["80s"], "prefecture": ["埼玉県"] * 6,
    ...                    "employment": ["employee"] * 6})
    >>> len(k_safe_cases(df, k=5))
    5
    """
    if k < 1:
        raise OutcomesError(f"k must be at least 1, got {k}")
    return cases[k_anonymous_mask(cases, k).to_numpy(dtype=bool)]


def months_to_agreement(cases: pd.DataFrame) -> pd.Series:
    """Months from the sale to the agreement (empty while pending).

    Examples
    --------
    >>> df = pd.DataFrame({"sale_date": pd.to_datetime(["2021-01-10", "2021-01-10"]),
    ...                    "agreement_date": pd.to_datetime(["2021-07-10", None])})
    >>> months_to_agreement(df).round(1).tolist()
    [5.9, nan]
    """
    days = (cases["agreement_date"] - cases["sale_date"]).dt.days
    return (days / 30.4375).astype("float64").rename("months_to_agreement")


def with_derived(cases: pd.DataFrame) -> pd.DataFrame:
    """The clean table plus columns reports break down by.

    ``agreement_year``, ``sale_year`` (nullable integers),
    ``months_to_agreement`` and ``income_band`` (take-home income in
    ¥50,000 bands, ``¥300,000+`` at the top).

    Examples
    --------
    >>> df = pd.DataFrame({"sale_date": pd.to_datetime(["2021-01-10"]),
    ...                    "agreement_date": pd.to_datetime(["2022-03-01"]),
    ...                    "monthly_income": pd.array([180_000], dtype="Int64")})
    >>> with_derived(df)[["agreement_year", "income_band"]]
       agreement_year         income_band
    0            2022  ¥150,000–¥199,999
    """
    out = cases.copy()
    out["agreement_year"] = out["agreement_date"].dt.year.astype("Int64")
    out["sale_year"] = out["sale_date"].dt.year.astype("Int64")
    out["months_to_agreement"] = months_to_agreement(out)
    if "monthly_income" in out:
        edges = [0, 100_000, 150_000, 200_000, 250_000, 300_000, np.inf]
        labels = [
            f"¥{lo:,.0f}+" if np.isinf(hi) else f"¥{lo:,.0f}–¥{hi - 1:,.0f}"
            for lo, hi in zip(edges[:-1], edges[1:], strict=True)
        ]
        income = out["monthly_income"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        out["income_band"] = pd.cut(income, edges, right=False, labels=labels)
    return out


# --------------------------------------------------------------------------
# k-safe aggregates
# --------------------------------------------------------------------------


def _as_list(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def breakdown(
    cases: pd.DataFrame,
    by: str | Sequence[str],
    value: str | None = None,
    *,
    k: int = DEFAULT_K,
    quantiles: Sequence[float] = QUANTILES,
) -> pd.DataFrame:
    """Cases (and the distribution of ``value``) per group; groups under ``k`` left out.

    Parameters
    ----------
    cases : DataFrame
        Cases, already k-anonymous on the quasi-identifiers (see :func:`k_safe_cases`).
    by : str or list of str
        Columns to group by; missing values form no group.
    value : str, optional
        Column whose quantiles to show. A group is then shown only if at
        least ``k`` of its cases have a value.
    k : int
        Smallest group shown.
    quantiles : sequence of float
        Quantiles of ``value`` to show, as columns ``p10``, ``p50`` …

    Returns
    -------
    DataFrame
        One row per group shown: the group columns, ``cases`` and, with a
        value, ``n`` (cases with a value), ``mean`` and the quantiles.

    Examples
    --------
    >>> df = pd.DataFrame({"servicer": ["A"] * 6 + ["B"] * 2,
    ...                    "settlement_ratio": [0.02, 0.05, 0.1, 0.04, None, 0.06, 0.1, 0.2]})
    >>> breakdown(df, "servicer")
      servicer  cases
    0        A      6
    >>> breakdown(df, "servicer", "settlement_ratio", quantiles=(0.5,))
      servicer  cases  n  mean   p50
    0        A      6  5 0.054  0.05
    """
    if k < 1:
        raise OutcomesError(f"k must be at least 1, got {k}")
    keys = _as_list(by)
    grouped = cases.groupby(keys, observed=True, dropna=True, sort=True)
    out = grouped.size().rename("cases").to_frame()
    if value is not None:
        values = cases[value].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        v = pd.Series(values, index=cases.index)
        g = v.groupby([cases[c] for c in keys], observed=True, dropna=True, sort=True)
        out["n"] = g.count()
        out["mean"] = g.mean()
        for q in quantiles:
            out[f"p{round(q * 100):d}"] = g.quantile(q)
        out = out[out["n"] >= k]
    out = out[out["cases"] >= k].reset_index()
    for key in keys:
        if isinstance(out[key].dtype, pd.CategoricalDtype):
            out[key] = out[key].cat.remove_unused_categories()
    return out


def crosstab(
    cases: pd.DataFrame,
    index: str,
    columns: str,
    *,
    k: int = DEFAULT_K,
    normalize: bool = False,
) -> pd.DataFrame:
    """Cases per (index, columns) cell; cells under ``k`` are empty (``NaN``).

    Rows and columns with no cell of ``k`` or more are dropped. With
    ``normalize``, each row shows shares of the cells shown (the hidden
    cells are not counted, so they cannot be recovered by subtraction).

    Examples
    --------
    >>> df = pd.DataFrame({"creditor_type": ["bank"] * 7 + ["jhf"] * 6,
    ...                    "resolution": ["lump_sum"] * 5 + ["installment"] * 2 + ["installment"] * 6})
    >>> crosstab(df, "creditor_type", "resolution")
    resolution     installment  lump_sum
    creditor_type
    bank                   NaN       5.0
    jhf                    6.0       NaN
    """
    if k < 1:
        raise OutcomesError(f"k must be at least 1, got {k}")
    table = cases.groupby([index, columns], observed=True, dropna=True).size().unstack(columns)
    table = table.astype("float64").where(table >= k)
    table = table.dropna(how="all").dropna(axis=1, how="all")
    if normalize:
        table = table.div(table.sum(axis=1), axis=0)
    if isinstance(table.index, pd.CategoricalIndex):
        table.index = table.index.remove_unused_categories()
    if isinstance(table.columns, pd.CategoricalIndex):
        table.columns = table.columns.remove_unused_categories()
    return table


#: Japanese names of the kinds of problem the cleaner reports (display only)
_KIND_LABELS: dict[str, str] = {
    "not in contract": "契約外の列(出力しない)",
    "duplicate column": "重複した列",
    "personal data": "個人情報(消去)",
    "unreadable": "読めない値(空欄化)",
    "noted": "注記(概数・日の補完など)",
    "unknown servicer": "登録にないサービサー名",
    "out of range": "範囲外の値(空欄化)",
    "inconsistent": "矛盾(年代と年齢)",
    "ratio mismatch": "和解率の不一致",
    "superseded": "同一案件の古い行(除外)",
}


def problem_summary(problems: pd.DataFrame, *, k: int = DEFAULT_K) -> pd.DataFrame:
    """Problems by kind and column, never showing a value.

    Columns outside the contract are shown only as a count (their headers
    are not printed: a header may itself be personal data); kinds or
    columns with fewer than ``k`` problems are grouped as under k.

    Returns
    -------
    DataFrame
        ``kind``, ``内容`` (Japanese name of the kind), ``column`` and
        ``problems``, most frequent first.

    Examples
    --------
    >>> p = pd.DataFrame({"row": [1, 2, 3, 4, 5, 6, 7],
    ...                   "column": ["氏名"] + ["age"] * 6,
    ...                   "problem": ["not in contract: left out"] + ["unreadable: x; emptied"] * 6})
    >>> problem_summary(p, k=5)
              kind             内容 column  problems
    0  unreadable  読めない値(空欄化)    age         6
    1       (k未満)           (k未満)     —          1
    """
    from outcomes._clean import problem_kind

    if len(problems) == 0:
        return pd.DataFrame({"kind": [], "内容": [], "column": [], "problems": []})
    kind = problems["problem"].astype("string").map(problem_kind)
    column = problems["column"].astype("string")
    outside = ~column.isin(CASE_COLUMNS)
    column = column.where(~outside, "(契約外の列)")
    table = (
        pd.DataFrame({"kind": kind, "column": column})
        .groupby(["kind", "column"], sort=False)
        .size()
        .rename("problems")
        .reset_index()
        .sort_values("problems", ascending=False, kind="stable")
    )
    small = table["problems"] < k
    shown = table[~small].copy()
    shown.insert(1, "内容", shown["kind"].map(_KIND_LABELS).fillna(shown["kind"]))
    hidden = int(table.loc[small, "problems"].sum())
    if hidden:
        shown = pd.concat(
            [
                shown,
                pd.DataFrame(
                    {
                        "kind": ["(k未満)"],
                        "内容": ["(k未満)"],
                        "column": ["—"],
                        "problems": [hidden],
                    }
                ),
            ],
            ignore_index=True,
        )
    return shown.reset_index(drop=True)


def safe_label(value: object) -> str:
    """A group label fit to print: masked when it looks like personal data.

    Examples
    --------
    >>> safe_label("アビリオ債権回収"), safe_label("090-0000-0000")
    ('アビリオ債権回収', '***')
    """
    text = "" if value is None or value is pd.NA else str(value)
    return MASK if personal_data_kind(text) is not None else text


_PERCENT_COLUMNS = ("settlement_ratio", "delinquency_rate")
_YEN_COLUMNS = ("residual_debt", "lump_sum", "monthly_amount", "monthly_income")
_STAT_LABELS: dict[str, str] = {
    "cases": "件数",
    "n": "値のある件数",
    "mean": "平均",
    "p10": "10%点",
    "p25": "25%点",
    "p50": "中央値",
    "p75": "75%点",
    "p90": "90%点",
    "problems": "件数",
    "kind": "種類",
    "column": "列",
}


def value_formatter(column: str) -> Callable[[float], str]:
    """How a column's values are written: ``1.7%`` for ratios, ``¥12,000`` for yen.

    Examples
    --------
    >>> value_formatter("settlement_ratio")(0.0172)
    '1.7%'
    >>> value_formatter("monthly_amount")(12000)
    '¥12,000'
    >>> value_formatter("months_to_agreement")(5.94)
    '5.9'
    """
    if column in _PERCENT_COLUMNS:
        return lambda v: "" if pd.isna(v) else f"{v:.1%}"
    if column in _YEN_COLUMNS:
        return lambda v: "" if pd.isna(v) else f"¥{v:,.0f}"
    return lambda v: "" if pd.isna(v) else f"{v:,.1f}"


def styled(table: pd.DataFrame, value: str | None = None, *, caption: str | None = None) -> Any:
    """A breakdown as a table to show: Japanese headers and labels, formatted numbers.

    Coded group columns show their Japanese labels, other text labels are
    masked if they look personal (:func:`safe_label`), the statistics of
    ``value`` are formatted as ratios or yen; the index is hidden.

    Examples
    --------
    >>> t = pd.DataFrame({"creditor_type": ["bank"], "cases": [12], "n": [10], "p50": [0.031]})
    >>> shown = styled(t, "settlement_ratio").to_html()
    >>> "銀行" in shown and "3.1%" in shown and "中央値" in shown
    True
    """
    shown = table.copy()
    counts = [c for c in ("cases", "n", "problems") if c in shown.columns]
    stats = [c for c in shown.columns if c in ("mean", *(f"p{round(q * 100)}" for q in QUANTILES))]
    for col in shown.columns:
        if col == "column":
            shown[col] = [safe_label(column_label(str(v))) for v in shown[col].astype(object)]
            continue
        if col in counts or col in stats:
            continue
        names = value_labels(col)
        if shown[col].dtype.kind in "iufc" or pd.api.types.is_bool_dtype(shown[col]):
            continue
        shown[col] = [safe_label(names.get(str(v), v)) for v in shown[col].astype(object)]
    fmt: dict[str, Any] = {c: value_formatter(value or "") for c in stats}
    for c in counts:
        fmt[c] = "{:,.0f}"
    labels = {c: _STAT_LABELS.get(c, column_label(c)) for c in shown.columns}
    text_columns = [c for c in shown.columns if c not in counts and c not in stats]
    style = shown.style.format(fmt, na_rep="", escape="html").hide(axis="index")
    style = style.set_properties(subset=text_columns, **{"text-align": "left"})
    style = style.relabel_index([labels[c] for c in shown.columns], axis="columns")
    if caption:
        style = style.set_caption(caption)
    return style


# --------------------------------------------------------------------------
# Reading the input
# --------------------------------------------------------------------------


class ReportData:
    """The clean cases and problems a report is built from.

    Attributes
    ----------
    cases, problems : DataFrame
        As :func:`~outcomes.clean_cases` returns them (problems empty for a
        table that was already clean).
    rows_read : int
        Records in the input.
    source_name : str
        The input's file name (no directory), or the kind of database.
    already_clean : bool
        Whether the input was an already-clean table.
    today : str
        The day of cleaning (ISO); models count months waited to it.
    """

    def __init__(
        self,
        cases: pd.DataFrame,
        problems: pd.DataFrame,
        rows_read: int,
        source_name: str,
        already_clean: bool,
        today: str,
    ) -> None:
        self.cases = cases
        self.problems = problems
        self.rows_read = rows_read
        self.source_name = source_name
        self.already_clean = already_clean
        self.today = today

    def save(self, directory: Path) -> None:
        """Write the tables to ``directory`` (parquet) for the report kernel."""
        self.cases.to_parquet(directory / "cases.parquet", index=False)
        self.problems.to_parquet(directory / "problems.parquet", index=False)
        meta = pd.DataFrame(
            {
                "rows_read": [self.rows_read],
                "source_name": [self.source_name],
                "already_clean": [self.already_clean],
                "today": [self.today],
            }
        )
        meta.to_parquet(directory / "meta.parquet", index=False)

    @classmethod
    def load(cls, directory: str | Path) -> ReportData:
        """Read what :meth:`save` wrote."""
        directory = Path(directory)
        meta = pd.read_parquet(directory / "meta.parquet").iloc[0]
        return cls(
            cases=pd.read_parquet(directory / "cases.parquet"),
            problems=pd.read_parquet(directory / "problems.parquet"),
            rows_read=int(meta["rows_read"]),
            source_name=str(meta["source_name"]),
            already_clean=bool(meta["already_clean"]),
            today=str(meta["today"]),
        )


def source_name(source: object) -> str:
    """What a report says about where its data came from: a file name only.

    Examples
    --------
    >>> source_name("/home/analyst/exports/cases 2024.csv")
    'cases 2024.csv'
    >>> source_name("postgresql://user:secret@db/cases")
    'postgresql database'
    """
    text = str(source)
    if "://" in text:
        return text.split("://", 1)[0].split("+", 1)[0] + " database"
    return Path(text).name


def load_report_data(
    source: str | Path | None = None, *, today: date | str | None = None
) -> ReportData:
    """Read an export (raw, or an already-clean parquet) and clean it if needed.

    A parquet file whose columns are exactly the clean table's is checked
    against the schema and used as it is; anything else goes through
    :func:`~outcomes.read_cases` and :func:`~outcomes.clean_cases`.
    ``None`` reads the shipped sample (cleaned as of its export day).

    Raises
    ------
    ReadError
        If the source cannot be read at all.

    Examples
    --------
    >>> data = load_report_data()
    >>> data.source_name, len(data.cases)
    ('cases.csv', 1500)
    """
    from outcomes._clean import PROBLEM_COLUMNS, clean_cases
    from outcomes._read import read_cases
    from outcomes._schema import case_schema

    if source is None:
        from outcomes.datasets import SAMPLE_TODAY, load_sample

        day = _as_date(today or SAMPLE_TODAY)
        raw = load_sample()
        result = clean_cases(raw, today=day)
        name = source_name(raw.attrs.get("source", "cases.csv"))
        return ReportData(
            result.cases, result.problems, result.rows_read, name, False, day.isoformat()
        )
    day = _as_date(today)
    path = Path(str(source))
    if path.suffix.lower() == ".parquet" and path.is_file():
        try:
            import pyarrow.parquet as pq

            names = pq.read_schema(path).names
        except Exception:
            names = None
        if names is not None and tuple(names) == CASE_COLUMNS:
            frame = _with_contract_dtypes(pd.read_parquet(path))
            case_schema().validate(frame)
            problems = pd.DataFrame({c: pd.Series(dtype="string") for c in PROBLEM_COLUMNS})
            return ReportData(
                frame, problems, len(frame), source_name(source), True, day.isoformat()
            )
    raw = read_cases(source)
    result = clean_cases(raw, today=day)
    return ReportData(
        result.cases, result.problems, result.rows_read, source_name(source), False, day.isoformat()
    )


class ReportCases:
    """What a report is computed from: the k-safe cases of the selection, and where they came from.

    Built by :func:`prepare_report`.

    Attributes
    ----------
    data : ReportData
        The cleaned input.
    selected : int
        Cases matching the period / servicer / creditor-type selection.
    cases : DataFrame
        The selected cases whose quasi-identifier group holds ``k`` or more,
        with the derived columns of :func:`with_derived`. Every table and
        figure of the report starts from this table.
    k : int
    period, servicer, creditor_type : str or None
        The selection.
    """

    def __init__(
        self,
        data: ReportData,
        selected: int,
        cases: pd.DataFrame,
        k: int,
        period: str | None = None,
        servicer: str | None = None,
        creditor_type: str | None = None,
    ) -> None:
        self.data = data
        self.selected = selected
        self.cases = cases
        self.k = k
        self.period = period
        self.servicer = servicer
        self.creditor_type = creditor_type

    @property
    def dropped(self) -> int:
        """Selected cases left out because their group holds fewer than k."""
        return self.selected - len(self.cases)

    def header_markdown(self, produced_at: str | None = None, version: str | None = None) -> str:
        """When, from which file, with which version and on which cases (Markdown)."""
        from outcomes import __version__

        produced_at = produced_at or datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        first, last = parse_period(self.period)
        if first is None and last is None:
            period = "全期間"
        else:
            period = ("" if first is None else f"{first:%Y-%m} ") + "〜"
            period += "" if last is None else f" {last:%Y-%m}"
        servicer = html.escape(safe_label(self.servicer)) if self.servicer else "全て"
        creditor_type = (
            CREDITOR_TYPE_LABELS[_creditor_type_code(self.creditor_type)]
            if self.creditor_type
            else "全て"
        )
        rows = [
            ("作成日時", produced_at),
            ("入力ファイル", html.escape(safe_label(self.data.source_name))),
            ("outcomes のバージョン", version or __version__),
            ("和解期間", period + "(和解日、交渉中の案件は売却日で判定)"),
            ("サービサー", servicer),
            ("債権者区分", creditor_type),
            (
                "k(最小の表示単位)",
                f"{self.k} — 年代×都道府県×職業の組が {self.k} 件未満の案件は集計前に除き、"
                f"{self.k} 件未満の集計セルは表示しません",
            ),
        ]
        lines = ["| 項目 | 内容 |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)]
        return "\n".join(lines)

    def quality_markdown(self) -> str:
        """Records read, cases kept, problems, and cases left out for k (Markdown)."""
        d = self.data
        lines = [
            f"- 読み込んだ行数: **{d.rows_read:,}**",
            f"- 案件数(同一案件の行をまとめた後): **{len(d.cases):,}**",
        ]
        if d.already_clean:
            lines.append("- 入力はクリーニング済みの表です(問題の一覧はありません)")
        else:
            lines.append(
                f"- クリーニングで報告された問題: **{len(d.problems):,}** 件(内訳は下の表)"
            )
        lines += [
            f"- 条件に合う案件: **{self.selected:,}**",
            f"- k 匿名性のため除いた案件: **{self.dropped:,}**"
            f"(年代×都道府県×職業の組が {self.k} 件未満)",
            f"- この報告で集計する案件: **{len(self.cases):,}**",
        ]
        return "\n".join(lines)


def prepare_report(
    input: str | Path | None = None,
    *,
    prepared: str | Path | None = None,
    period: str | None = None,
    servicer: str | None = None,
    creditor_type: str | None = None,
    k: int = DEFAULT_K,
    today: date | str | None = None,
) -> ReportCases:
    """Load, select and k-anonymise the cases of a report (the template's first step).

    Parameters
    ----------
    input : str or Path, optional
        The export (see :func:`load_report_data`); ``None``: the shipped sample.
    prepared : str or Path, optional
        A directory written by :meth:`ReportData.save` (``write_report``
        cleans before running the template); wins over ``input``.
    period, servicer, creditor_type : str, optional
        The selection (see :func:`select_cases`).
    k : int
        Smallest group shown.
    today : date or str, optional
        The day of cleaning.

    Examples
    --------
    >>> rc = prepare_report(k=5)
    >>> rc.selected, len(rc.cases) + rc.dropped
    (1500, 1500)
    >>> bool(k_anonymous_mask(rc.cases, 5).all())
    True
    """
    data = ReportData.load(prepared) if prepared else load_report_data(input, today=today)
    chosen = select_cases(data.cases, period=period, servicer=servicer, creditor_type=creditor_type)
    safe = with_derived(k_safe_cases(chosen, k)).reset_index(drop=True)
    return ReportCases(data, len(chosen), safe, k, period, servicer, creditor_type)


def _with_contract_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    out = {}
    for name in CASE_COLUMNS:
        dtype = COLUMN_BY_NAME[name].dtype
        out[name] = (
            frame[name]
            if str(frame[name].dtype) == str(pd.Series(dtype=dtype).dtype)
            else frame[name].astype(dtype)
        )
    return pd.DataFrame(out, index=frame.index)


# --------------------------------------------------------------------------
# The models: accuracy, calibration, predicted ranges
# --------------------------------------------------------------------------

#: central intervals whose coverage the calibration check compares with its nominal level
COVERAGES: tuple[float, ...] = (0.5, 0.8, 0.9)
#: the interval accuracy tables show (its coverage and width)
ACCURACY_COVERAGE = 0.9

_MODEL_NAMES: dict[str, str] = {
    "settlement_ratio": "和解率(一括和解)",
    "monthly_amount": "月額(分割弁済)",
}


class ModelCheck:
    """One model of the report, and how well it does on the report's cases.

    Attributes
    ----------
    target : str
        ``settlement_ratio`` or ``monthly_amount``.
    name : str
        What the report calls it.
    model : fitted model or None
        ``None`` when it could not be fitted or loaded (see ``message``).
    origin : str
        Where the model comes from (fitted here, or the file it was loaded from).
    accuracy : DataFrame
        One row per method (the model and simple baselines): ``MAE``,
        ``coverage`` and ``width`` of the 90% interval, ``n``.
    calibration : DataFrame
        ``stated`` and ``observed`` coverage of central intervals, their
        ``mean_width`` and ``n`` (see :func:`outcomes.models.calibration_table`).
    message : str or None
        Why there is no model or no check, in a sentence.
    """

    def __init__(
        self,
        target: str,
        model: Any = None,
        origin: str = "",
        accuracy: pd.DataFrame | None = None,
        calibration: pd.DataFrame | None = None,
        message: str | None = None,
    ) -> None:
        self.target = target
        self.name = _MODEL_NAMES.get(target, target)
        self.model = model
        self.origin = origin
        self.accuracy = accuracy if accuracy is not None else pd.DataFrame()
        self.calibration = calibration if calibration is not None else pd.DataFrame()
        self.message = message


def _interval_levels(coverage: float) -> tuple[float, float, float]:
    """Lower, median and upper quantile levels of a central interval."""
    return (round((1 - coverage) / 2, 6), 0.5, round(1 - (1 - coverage) / 2, 6))


def _baseline_quantiles(
    train: pd.DataFrame, y_train: np.ndarray, test: pd.DataFrame, levels: Sequence[float], k: int
) -> dict[str, np.ndarray]:
    """Quantiles of two plain baselines: the training distribution, overall and per creditor type."""
    overall = np.tile(np.quantile(y_train, levels), (len(test), 1))
    by_type = overall.copy()
    train_type = train["creditor_type"].astype("string").to_numpy(dtype=object, na_value=None)
    test_type = test["creditor_type"].astype("string").to_numpy(dtype=object, na_value=None)
    for code in pd.unique(test_type):
        mine = train_type == code
        if code is not None and mine.sum() >= max(k, 5):
            by_type[test_type == code] = np.quantile(y_train[mine], levels)
    return {"全体の中央値": overall, "債権者区分ごとの中央値": by_type}


def _check_one(
    model: Any, cases: pd.DataFrame, *, train: pd.DataFrame | None, k: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Accuracy (beside baselines learned from ``train``) and calibration on ``cases``."""
    from outcomes.models import calibration_table, interval_metrics

    rows = model.training_rows(cases)
    if int(rows.sum()) < k:
        return pd.DataFrame(), pd.DataFrame()
    y = model.observed(cases)
    test = cases[rows]
    levels = _interval_levels(ACCURACY_COVERAGE)
    methods = {"モデル": model.predict_quantiles(test, list(levels)).to_numpy(dtype="float64")}
    if train is not None:
        y_train = model.observed(train)
        methods.update(
            _baseline_quantiles(train[model.training_rows(train)], y_train, test, levels, k)
        )
    accuracy = pd.DataFrame(
        {name: interval_metrics(y, q, levels) for name, q in methods.items()}
    ).T[["MAE", "coverage", "width"]]
    accuracy["n"] = len(y)
    accuracy.index.name = "method"
    calibration = calibration_table(model, cases, levels=COVERAGES)
    return accuracy, calibration


def _load_models(model_dir: str | Path) -> dict[str, tuple[Any, Path]]:
    from outcomes.models import MonthlyAmountModel, SettlementRatioModel, load_model

    found: dict[str, tuple[Any, Path]] = {}
    for path in sorted(Path(model_dir).glob("*.skops")):
        model = load_model(path)
        if isinstance(model, SettlementRatioModel):
            found["settlement_ratio"] = (model, path)
        elif isinstance(model, MonthlyAmountModel):
            found["monthly_amount"] = (model, path)
    if not found:
        raise OutcomesError(f"model directory {model_dir} holds no model file (*.skops)")
    return found


def check_models(
    cases: pd.DataFrame,
    *,
    model_dir: str | Path | None = None,
    k: int = DEFAULT_K,
    as_of: date | str | None = None,
    test_size: float = 0.25,
    random_state: int = 0,
) -> list[ModelCheck]:
    """The report's two models and their accuracy and calibration on its cases.

    Without ``model_dir``, each model is fitted here on a random 75% of its
    cases (lump sums for the ratio, instalment plans for the monthly amount)
    and checked on the other 25%, side by side with two baselines (the
    training median overall and per creditor type). With ``model_dir``, the
    saved models are loaded (never re-fitted) and checked on all the
    report's cases -- which may include their training cases, so the figures
    can be optimistic.

    Returns
    -------
    list of ModelCheck
        Settlement ratio first, then monthly amount.
    """
    from outcomes.models import MonthlyAmountModel, SettlementRatioModel

    checks: list[ModelCheck] = []
    loaded = _load_models(model_dir) if model_dir is not None else {}
    rng = np.random.default_rng(random_state)
    for cls in (SettlementRatioModel, MonthlyAmountModel):
        target = cls.target
        if model_dir is not None:
            if target not in loaded:
                checks.append(
                    ModelCheck(target, message="モデルのディレクトリにこのモデルがありません。")
                )
                continue
            model, path = loaded[target]
            if not model.training_rows(cases).any():
                checks.append(
                    ModelCheck(
                        target,
                        model,
                        f"{path.name} を読み込み",
                        message="確認に使える案件がありません。",
                    )
                )
                continue
            accuracy, calibration = _check_one(model, cases, train=None, k=k)
            checks.append(
                ModelCheck(
                    target, model, f"{path.name} を読み込み(再学習なし)", accuracy, calibration
                )
            )
            continue
        template = cls(as_of=as_of)
        rows = np.flatnonzero(template.training_rows(cases))
        n_test = int(round(len(rows) * test_size))
        if len(rows) - n_test < 30 or n_test < k:
            checks.append(
                ModelCheck(
                    target,
                    message=f"対象の案件が {len(rows):,} 件と少なく、モデルを学習できません。",
                )
            )
            continue
        test_rows = np.sort(rng.choice(rows, size=n_test, replace=False))
        train = cases.drop(index=cases.index[test_rows])
        test = cases.iloc[test_rows]
        model = template.fit(train)
        accuracy, calibration = _check_one(model, test, train=train, k=k)
        origin = f"この報告の案件の75%({model.n_train_:,} 件)で学習し、残り25%({n_test:,} 件)で確認"
        checks.append(ModelCheck(target, model, origin, accuracy, calibration))
    return checks


def accuracy_table(check: ModelCheck) -> Any:
    """A model's accuracy beside the baselines, as a table to show."""
    fmt = value_formatter(check.target)
    table = check.accuracy.reset_index().rename(
        columns={
            "method": "方法",
            "MAE": "平均絶対誤差",
            "coverage": f"{ACCURACY_COVERAGE:.0%}区間の的中率",
            "width": f"{ACCURACY_COVERAGE:.0%}区間の平均幅",
            "n": "確認した件数",
        }
    )
    return (
        table.style.format(
            {
                "平均絶対誤差": fmt,
                f"{ACCURACY_COVERAGE:.0%}区間の平均幅": fmt,
                f"{ACCURACY_COVERAGE:.0%}区間の的中率": "{:.0%}",
                "確認した件数": "{:,.0f}",
            }
        )
        .hide(axis="index")
        .set_caption(html.escape(f"{check.name}: {check.origin}"))
    )


def predicted_ranges(
    check: ModelCheck,
    cases: pd.DataFrame,
    by: str,
    *,
    k: int = DEFAULT_K,
    coverage: float = 0.8,
) -> pd.DataFrame:
    """The model's predicted median and central interval, typical per group.

    For every case the model gives its median and its ``coverage``
    interval; the table shows, per group of ``k`` or more cases, the median
    of each (columns ``cases``, ``lower``, ``median``, ``upper``).
    """
    if check.model is None or len(cases) == 0:
        return pd.DataFrame(columns=[by, "cases", "lower", "median", "upper"])
    lo, hi = (1 - coverage) / 2, 1 - (1 - coverage) / 2
    q = check.model.predict_quantiles(cases, [lo, 0.5, hi]).to_numpy(dtype="float64")
    frame = pd.DataFrame({"lower": q[:, 0], "median": q[:, 1], "upper": q[:, 2]}, index=cases.index)
    frame.insert(0, by, cases[by])
    grouped = frame.groupby(by, observed=True, dropna=True, sort=True)
    table = grouped[["lower", "median", "upper"]].median()
    table.insert(0, "cases", grouped.size())
    table = table[table["cases"] >= k].reset_index()
    return table


def ranges_table(check: ModelCheck, table: pd.DataFrame, by: str, *, coverage: float = 0.8) -> Any:
    """:func:`predicted_ranges` as a table to show."""
    fmt = value_formatter(check.target)
    shown = table.copy()
    names = value_labels(by)
    shown[by] = [safe_label(names.get(str(v), v)) for v in shown[by].astype(object)]
    low, high = f"下限({(1 - coverage) / 2:.0%}点)", f"上限({1 - (1 - coverage) / 2:.0%}点)"
    shown = shown.rename(
        columns={
            by: column_label(by),
            "cases": "件数",
            "lower": low,
            "median": "予測の中央値",
            "upper": high,
        }
    )
    return (
        shown.style.format(
            {low: fmt, "予測の中央値": fmt, high: fmt, "件数": "{:,.0f}"}, escape="html"
        )
        .hide(axis="index")
        .set_caption(f"{check.name}の予測({column_label(by)}別、各案件の予測の中央値)")
    )


# --------------------------------------------------------------------------
# Running the template, writing HTML
# --------------------------------------------------------------------------


class ReportError(OutcomesError):
    """The report template failed while it ran."""


def _kernel_manager_class() -> type:
    """A kernel manager that always starts this interpreter's ipykernel.

    The kernelspec named ``python3`` may point anywhere on a given machine
    (a user-level spec shadows the environment's); the report and the
    notebook tests must run in the environment that runs them.
    """
    import zmq
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class ThisPythonKernelManager(AsyncKernelManager):
        @default("transport_encryption")
        def _encrypt_when_possible(self) -> str:
            # the kernel talks over local TCP; encrypt it (CurveZMQ) where pyzmq can
            return "auto" if zmq.has("curve") else "disabled"

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            # the kernel process's own stderr only carries start-up and shut-down chatter
            # (cells' output reaches the notebook through the kernel protocol)
            kw.setdefault("stderr", subprocess.DEVNULL)
            await super()._async_launch_kernel(kernel_cmd, **kw)

        @property
        def kernel_spec(self) -> KernelSpec:
            if self._kernel_spec is None:
                self._kernel_spec = KernelSpec(
                    argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                    display_name=f"Python ({sys.executable})",
                    language="python",
                    metadata={"supported_encryption": ["curve"]},
                )
            return self._kernel_spec

    return ThisPythonKernelManager


_HTML_TEMPLATE = """\
{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block data_png scoped -%}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}" alt="図">
</div>
{%- endblock data_png -%}
{%- block extra_css -%}
<style type="text/css">
body.jp-Notebook, .jp-RenderedHTMLCommon {
  font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo,
    "IPAexGothic", "IPAGothic", "Noto Sans CJK JP", sans-serif;
}
main { max-width: 1100px; margin: 0 auto; }
.jp-RenderedHTMLCommon table { font-size: 0.9em; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
</style>
{%- endblock extra_css -%}
"""


def notebook_to_html(nb: Any) -> str:
    """A run notebook as one self-contained HTML page without code.

    No input cells, no prompts, no external scripts; images are inline
    base64 PNG.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_loaders=[DictLoader({"outcomes_report.html.j2": _HTML_TEMPLATE})],
        template_file="outcomes_report.html.j2",
        exclude_input=True,
        exclude_output_prompt=True,
        exclude_input_prompt=True,
        embed_images=True,
        language_code="ja",
    )
    body, _ = exporter.from_notebook_node(nb)
    return body


def template_path() -> Any:
    """The packaged report template (a traversable resource)."""
    return files("outcomes") / "templates" / "report.ipynb"


def write_report(
    input: str | Path,
    output: str | Path,
    *,
    period: str | None = None,
    servicer: str | None = None,
    creditor_type: str | None = None,
    k: int = DEFAULT_K,
    model_dir: str | Path | None = None,
    today: date | str | None = None,
) -> Path:
    """Write the internal report on one export as a single HTML file.

    The export is read and cleaned here, then the packaged template runs
    with papermill and is converted to HTML without code. Every table and
    figure leaves out cases whose group on age_band × prefecture ×
    employment holds fewer than ``k`` cases, and any breakdown cell under
    ``k``; no raw cell or problem value is printed.

    Parameters
    ----------
    input : str or Path
        A raw export (CSV, .xlsx, parquet) or an already-clean parquet table.
    output : str or Path
        The HTML file to write (its directory must exist).
    period : str, optional
        Agreement period, e.g. ``"2023-01:2024-12"`` (see :func:`select_cases`).
    servicer, creditor_type : str, optional
        Only the cases of this servicer / creditor type.
    k : int
        Smallest group shown (k-anonymity); default 5.
    model_dir : str or Path, optional
        Models written by ``outcomes fit`` to report on; by default the
        models are fitted on the report's cases.
    today : date or str, optional
        The day of cleaning and of the report; default today.

    Returns
    -------
    Path
        The HTML file written.

    Raises
    ------
    ReadError
        If the input cannot be read.
    OutcomesError
        If an option is invalid or the report cannot be written.

    Examples
    --------
    ``write_report("export.csv", "report.html")`` writes the report (about
    15 seconds on the 1,500-case sample). An unreadable export fails before
    anything runs:

    >>> from outcomes import write_report
    >>> write_report("no-such-export.csv", "report.html")
    Traceback (most recent call last):
    ...
    outcomes._errors.ReadError: cannot read no-such-export.csv: file not found
    """
    from outcomes import __version__

    if k < 1:
        raise OutcomesError(f"k must be at least 1, got {k}")
    parse_period(period)
    if creditor_type is not None:
        _creditor_type_code(creditor_type)
    output = Path(output)
    if output.suffix.lower() not in (".html", ".htm"):
        raise OutcomesError(f"cannot write {output}: the report is an .html file")
    if not output.parent.is_dir():
        raise OutcomesError(f"cannot write {output}: directory {output.parent} does not exist")
    if model_dir is not None and not Path(model_dir).is_dir():
        raise OutcomesError(f"model directory {model_dir} does not exist")
    day = _as_date(today)
    data = load_report_data(input, today=day)

    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    with tempfile.TemporaryDirectory(prefix="outcomes-report-") as tmp:
        work = Path(tmp)
        data.save(work)
        parameters = {
            "input": None,
            "prepared": str(work),
            "period": period,
            "servicer": servicer,
            "creditor_type": creditor_type,
            "k": int(k),
            "model_dir": None if model_dir is None else str(Path(model_dir).resolve()),
            "today": day.isoformat(),
            "produced_at": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip(),
            "package_version": __version__,
        }
        with as_file(template_path()) as template:
            try:
                nb = papermill.execute_notebook(
                    str(template),
                    str(work / "report.ipynb"),
                    parameters=parameters,
                    kernel_name="python3",
                    kernel_manager_class=_kernel_manager_class(),
                    progress_bar=False,
                    log_output=False,
                    cwd=str(work),
                )
            except PapermillExecutionError as exc:
                raise ReportError(
                    f"the report failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
                ) from exc
        nb = nbformat.from_dict(nb)
        nb.metadata["title"] = f"残債和解レポート — {data.source_name}"
        page = notebook_to_html(nb)
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise OutcomesError(f"cannot write {output}: {exc.strerror or exc}") from exc
    return output


def _as_date(today: date | str | None) -> date:
    if today is None:
        return date.today()
    if isinstance(today, str):
        return date.fromisoformat(today)
    if isinstance(today, datetime):
        return today.date()
    return today


def run_report_cli(args: Any) -> int:
    """``outcomes report``: write the HTML report and say where it is."""
    path = write_report(
        args.input,
        args.output,
        period=args.period,
        servicer=args.servicer,
        creditor_type=args.creditor_type,
        k=args.k,
        model_dir=args.model,
    )
    print(f"report: {path}")
    return 0
