"""k-safe tables of the report: breakdowns, cross tables, the problems summary, styling.

A breakdown never shows a cell of fewer than ``k`` cases and never shows an
individual value (no minimum, maximum or outlier: ranges are the
10th–90th percentiles). :func:`styled` turns a table into what the report
prints: Japanese headers and labels (:mod:`outcomes._format`), formatted
numbers, labels that look personal masked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from outcomes._arguments import as_count, check_arguments
from outcomes._contract import AGE_BANDS, CASE_COLUMNS, DEFAULT_K
from outcomes._format import check_language
from outcomes._privacy import safe_label
from outcomes.report._labels import (
    column_label,
    format_statistic_yen,
    problem_kind_labels,
    suppressed,
    value_labels,
)
from outcomes.report._text import text

__all__ = [
    "COUNT_CLASS",
    "ORDINAL_COLUMNS",
    "PERCENT_COLUMNS",
    "STAT_CLASS",
    "SUPPRESSED",
    "SuppressionLog",
    "QUANTILES",
    "YEN_COLUMNS",
    "breakdown",
    "crosstab",
    "natural_order",
    "problem_summary",
    "published",
    "shown",
    "styled",
    "suppression_log",
    "value_formatter",
]


#: quantiles a breakdown shows: the 10–90 range, the quartiles and the median
QUANTILES: tuple[float, ...] = (0.1, 0.25, 0.5, 0.75, 0.9)

# --------------------------------------------------------------------------
# k-safe aggregates
# --------------------------------------------------------------------------


def _as_list(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


class SuppressionLog:
    """How many published cells were suppressed (``k未満``), and in which tables.

    Every k-safe aggregate of this module records its suppressed cells in
    the module's :data:`suppression_log`; a report resets it at its start
    and states the total at its end (:meth:`markdown`).

    Examples
    --------
    >>> log = SuppressionLog()
    >>> log.record("サービサー別", 2, complementary=1)
    >>> log.cells, log.complementary
    (3, 1)
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget every recorded cell."""
        self.cells = 0
        self.complementary = 0
        self.tables: dict[str, int] = {}

    def record(self, where: str, small: int, complementary: int = 0) -> None:
        """Record ``small`` cells under k and ``complementary`` cells hidden with them."""
        if small + complementary == 0:
            return
        self.cells += small + complementary
        self.complementary += complementary
        self.tables[where] = self.tables.get(where, 0) + small + complementary

    @check_arguments
    def markdown(self, k: int, language: str = "ja") -> str:
        """One paragraph: how many cells were suppressed, and why (in the report's language)."""
        if self.cells == 0:
            return text("suppressed_none", language, k=k)
        return text(
            "suppressed_some",
            language,
            k=k,
            cells=f"{self.cells:,}",
            complementary=f"{self.complementary:,}",
        )


#: the report-wide log of suppressed cells (see :class:`SuppressionLog`)
suppression_log = SuppressionLog()

#: what a suppressed cell shows
SUPPRESSED = "k未満"
#: the HTML class of every published count cell (what :func:`outcomes.report.check_html` checks)
COUNT_CLASS = "oc-count"
#: the HTML class of a statistic's cell (empty in a suppressed row)
STAT_CLASS = "oc-stat"


#: columns whose values have an order of their own: tables and figures keep it (not by count)
ORDINAL_COLUMNS: tuple[str, ...] = (
    "age_band",
    "income_band",
    "household_size",
    "agreement_year",
    "sale_year",
    "term_months",
    "quarter",
)


def _is_ordinal(values: pd.Series, column: str) -> bool:
    if column in ORDINAL_COLUMNS:
        return True
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return bool(dtype.ordered)
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def natural_order(values: pd.Series, column: str) -> np.ndarray | None:
    """Sort keys of an ordinal column's values (``None`` when the column has no order).

    Age bands from the youngest, income bands from the lowest (their
    categories' order), years and household sizes by number.

    Examples
    --------
    >>> natural_order(pd.Series(["50s", "40s", "60s"]), "age_band").tolist()
    [5, 4, 6]
    >>> natural_order(pd.Series(["A", "B"]), "servicer") is None
    True
    """
    if not _is_ordinal(values, column):
        return None
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy()
    if column == "age_band":
        rank = {band: i for i, band in enumerate(AGE_BANDS, start=1)}
        return np.array([rank.get(str(v), len(rank) + 1) for v in values])
    if pd.api.types.is_numeric_dtype(values.dtype):
        return values.astype("Float64").to_numpy(dtype="float64", na_value=np.inf)
    return values.astype("string").rank(method="dense").to_numpy(dtype="float64", na_value=np.inf)


def complementary_mask(counts: np.ndarray, hidden: np.ndarray) -> np.ndarray:
    """Also hide the smallest shown cell when exactly one cell of a margin is hidden.

    ``counts`` are the cells of one margin (a table whose total is shown);
    a single hidden cell could be recovered by subtraction.
    """
    hidden = hidden.copy()
    if hidden.sum() == 1 and (~hidden).sum() >= 1:
        shown = np.flatnonzero(~hidden)
        hidden[shown[np.argmin(counts[shown])]] = True
    return hidden


def breakdown(
    cases: pd.DataFrame,
    by: str | Sequence[str],
    value: str | None = None,
    *,
    k: int = DEFAULT_K,
    quantiles: Sequence[float] = QUANTILES,
    where: str | None = None,
) -> pd.DataFrame:
    """Cases (and the distribution of ``value``) per group; cells under ``k`` suppressed.

    Computed on every case given. A group of fewer than ``k`` cases (or,
    with a value, fewer than ``k`` values) is kept as a row with
    ``suppressed`` set and every count and statistic empty; when exactly
    one group is suppressed, the smallest other group is suppressed too, so
    that its count cannot be recovered from the total (complementary
    suppression). Rows sort by cases, most first, suppressed rows last;
    the groups of one ordinal column (age band, income band, year, household
    size: :data:`ORDINAL_COLUMNS`) keep their natural order instead.

    Parameters
    ----------
    cases : DataFrame
        All cases the table is about.
    by : str or list of str
        Columns to group by; missing values form no group.
    value : str, optional
        Column whose quantiles to show.
    k : int
        Smallest group shown.
    quantiles : sequence of float
        Quantiles of ``value`` to show, as columns ``p10``, ``p50`` …
    where : str, optional
        Name of the table in :data:`suppression_log` (default: the columns).

    Returns
    -------
    DataFrame
        One row per group: the group columns, ``cases`` (Int64, empty when
        suppressed), with a value ``n``, ``mean`` and the quantiles, and
        ``suppressed``.

    Examples
    --------
    >>> df = pd.DataFrame({"servicer": ["A"] * 6 + ["B"] * 2 + ["C"] * 5,
    ...                    "settlement_ratio": [0.02, 0.05, 0.1, 0.04, None, 0.06, 0.1, 0.2,
    ...                                         0.03, 0.03, 0.04, 0.05, 0.06]})
    >>> breakdown(df, "servicer")
      servicer  cases  suppressed
    0        A      6       False
    1        B   <NA>        True
    2        C   <NA>        True
    >>> breakdown(df, "servicer", "settlement_ratio", quantiles=(0.5,))[["servicer", "n", "p50"]]
      servicer     n   p50
    0        A     5  0.05
    1        B  <NA>   NaN
    2        C  <NA>   NaN

    B is under k, and C is suppressed with it: otherwise B's count would
    follow from the total.
    """
    k = as_count(k, "k")
    keys = _as_list(by)
    grouped = cases.groupby(keys, observed=True, dropna=True, sort=True)
    out = grouped.size().rename("cases").to_frame()
    small = out["cases"].to_numpy() < k
    if value is not None:
        values = cases[value].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        v = pd.Series(values, index=cases.index)
        g = v.groupby([cases[c] for c in keys], observed=True, dropna=True, sort=True)
        out["n"] = g.count().reindex(out.index, fill_value=0)
        out["mean"] = g.mean()
        for q in quantiles:
            out[f"p{round(q * 100):d}"] = g.quantile(q)
        small |= out["n"].to_numpy() < k
    counts = out["cases"].to_numpy()
    hidden = complementary_mask(counts, small)
    suppression_log.record(
        where or "×".join(keys), int(small.sum()), int(hidden.sum() - small.sum())
    )
    out["suppressed"] = hidden
    out = out.reset_index()
    order = natural_order(out[keys[0]], keys[0]) if len(keys) == 1 else None
    if order is not None:
        out["_order"] = order
        out = out.sort_values("_order", kind="stable").drop(columns="_order")
    else:
        out["_order"] = np.where(hidden, -1, counts)
        out = out.sort_values("_order", ascending=False, kind="stable").drop(columns="_order")
    out["cases"] = out["cases"].astype("Int64").mask(out["suppressed"])
    if value is not None:
        out["n"] = out["n"].astype("Int64").mask(out["suppressed"])
        stats = [c for c in out.columns if c == "mean" or re.fullmatch(r"p\d+", c)]
        out.loc[out["suppressed"].to_numpy(), stats] = np.nan
    for key in keys:
        if isinstance(out[key].dtype, pd.CategoricalDtype):
            out[key] = out[key].cat.remove_unused_categories()
    return out.reset_index(drop=True)


def published(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a :func:`breakdown` that are shown with their figures (not suppressed).

    Examples
    --------
    >>> df = pd.DataFrame({"creditor_type": ["bank"] * 6 + ["jhf"] * 2})
    >>> published(breakdown(df, "creditor_type"))["creditor_type"].tolist()
    []
    """
    return table[~table["suppressed"].to_numpy(dtype=bool)].reset_index(drop=True)


def shown(table: pd.DataFrame) -> bool:
    """Whether a table has anything to publish: a row that is not suppressed.

    Examples
    --------
    >>> df = pd.DataFrame({"creditor_type": ["bank"] * 6 + ["jhf"] * 2})
    >>> shown(breakdown(df, "creditor_type")), shown(breakdown(df, "creditor_type", k=2))
    (False, True)
    """
    if "suppressed" in table.columns:
        return bool((~table["suppressed"].to_numpy(dtype=bool)).any())
    return len(table) > 0


def crosstab(
    cases: pd.DataFrame,
    index: str,
    columns: str,
    *,
    k: int = DEFAULT_K,
    normalize: bool = False,
    where: str | None = None,
) -> pd.DataFrame:
    """Cases per (index, columns) cell; cells under ``k`` are empty (``NaN``).

    Where a row holds exactly one suppressed cell, its smallest shown cell
    is suppressed too (complementary suppression: a row's total is what a
    report publishes beside it). Rows with no
    cell shown are dropped; rows sort by their total, most first. With
    ``normalize``, each row shows shares of the cells shown (the hidden
    cells are not counted, so they cannot be recovered by subtraction).

    Examples
    --------
    >>> df = pd.DataFrame({"creditor_type": ["bank"] * 23 + ["jhf"] * 16,
    ...                    "resolution": ["lump_sum"] * 15 + ["limitation"] * 2
    ...                                  + ["installment"] * 6 + ["installment"] * 16})
    >>> crosstab(df, "creditor_type", "resolution")
    resolution     installment  lump_sum
    creditor_type
    jhf                   16.0       NaN
    bank                   NaN      15.0
    """
    k = as_count(k, "k")
    raw = cases.groupby([index, columns], observed=True, dropna=True).size().unstack(columns)
    counts = raw.fillna(0).to_numpy(dtype="float64")
    small = (counts > 0) & (counts < k)
    hidden = (
        np.vstack(
            [
                complementary_mask(np.where(row > 0, row, np.inf), h) & (row > 0)
                for row, h in zip(counts, small, strict=True)
            ]
        )
        if len(counts)
        else small
    )
    suppression_log.record(
        where or f"{index}×{columns}", int(small.sum()), int(hidden.sum() - small.sum())
    )
    table = raw.astype("float64").where(~hidden & (counts > 0))
    table = table.dropna(how="all").dropna(axis=1, how="all")
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    if normalize:
        table = table.div(table.sum(axis=1), axis=0)
    if isinstance(table.index, pd.CategoricalIndex):
        table.index = table.index.remove_unused_categories()
    if isinstance(table.columns, pd.CategoricalIndex):
        table.columns = table.columns.remove_unused_categories()
    return table


@check_arguments
def problem_summary(problems: pd.DataFrame, *, language: str = "ja") -> pd.DataFrame:
    """Problems by kind and column, in full, never showing a value.

    Counts of data problems are not personal data (contract §7): every kind
    and column is shown with its count, most frequent first; problems
    written in English or in Japanese are of the same kinds. Columns outside
    the contract are counted together (their headers are not printed: a
    header may itself be personal data).

    Returns
    -------
    DataFrame
        ``kind``, ``内容`` (what the kind means, in ``language``),
        ``column`` and ``problems``, most frequent first; the columns outside
        the contract are counted as ``(契約外の列)`` (in English
        ``(columns outside the contract)``).

    Examples
    --------
    >>> p = pd.DataFrame({"row": [1, 2, 3, 4, 5, 6, 7],
    ...                   "column": ["氏名"] + ["age"] * 6,
    ...                   "kind": ["not in contract"] + ["unreadable"] * 6,
    ...                   "problem": ["not in contract: left out"] + ["unreadable: x; emptied"] * 6})
    >>> problem_summary(p)
                  kind            内容      column  problems
    0       unreadable      読めない値(空欄化)         age         6
    1  not in contract  契約外の列(出力しない)  (契約外の列)         1
    """
    if len(problems) == 0:
        return pd.DataFrame({"kind": [], "内容": [], "column": [], "problems": []})

    # the cleaner's kind of each problem, a code in either language (issue 24)
    kind = problems["kind"].astype("string")
    column = problems["column"].astype("string")
    outside = ~column.isin(CASE_COLUMNS)
    column = column.where(~outside, text("outside_contract", language))
    table = (
        pd.DataFrame({"kind": kind, "column": column})
        .groupby(["kind", "column"], sort=False)
        .size()
        .rename("problems")
        .reset_index()
        .sort_values("problems", ascending=False, kind="stable")
    )
    names = problem_kind_labels(language)
    table.insert(1, "内容", table["kind"].map(names).fillna(table["kind"]))
    return table.reset_index(drop=True)


#: columns written as percentages
PERCENT_COLUMNS: tuple[str, ...] = ("settlement_ratio", "delinquency_rate")
#: columns written as yen
YEN_COLUMNS: tuple[str, ...] = ("residual_debt", "lump_sum", "monthly_amount", "monthly_income")


@check_arguments
def value_formatter(column: str, language: str = "ja") -> Callable[[float], str]:
    """How a column's values are written: ``1.7%`` for ratios, ``1万2,000円`` for yen.

    Yen statistics of 100万円 or more are rounded to the 万円 (a median debt
    of ``1,079万円``, not ``1,078万7,968円``), so that table cells stay short;
    in English ``¥12,000`` and ``¥10.79M``.

    Examples
    --------
    >>> value_formatter("settlement_ratio")(0.0172)
    '1.7%'
    >>> value_formatter("monthly_amount")(12000)
    '1万2,000円'
    >>> value_formatter("residual_debt")(10_787_968), value_formatter("residual_debt", "en")(10_787_968)
    ('1,079万円', '¥10.79M')
    >>> value_formatter("months_to_agreement")(5.94)
    '5.9'
    """
    check_language(language)
    if column in PERCENT_COLUMNS:
        return lambda v: "" if pd.isna(v) else f"{v:.1%}"
    if column in YEN_COLUMNS:
        return lambda v: "" if pd.isna(v) else format_statistic_yen(v, language)
    return lambda v: "" if pd.isna(v) else f"{v:,.1f}"


def header_label(label: str, language: str) -> str:
    """A column header: English headers start with a capital (``Creditor type``)."""
    return label[:1].upper() + label[1:] if language == "en" else label


@check_arguments
def styled(
    table: pd.DataFrame,
    value: str | None = None,
    *,
    caption: str | None = None,
    language: str = "ja",
    figures: Sequence[str] = (),
) -> Any:
    """A breakdown as a table to show: headers and labels in the report's language, numbers formatted.

    ``figures`` names columns already written as text that are numbers (sums
    of yen): they are aligned right as the other figures are.

    Coded group columns show their labels, other text labels are masked if
    they look personal (:func:`safe_label`), the statistics of ``value`` are
    formatted as ratios or yen, a suppressed row reads ``k未満`` (``under k``
    in English); the index is hidden.

    Examples
    --------
    >>> t = pd.DataFrame({"creditor_type": ["bank"], "cases": [12], "n": [10], "p50": [0.031]})
    >>> shown = styled(t, "settlement_ratio").to_html()
    >>> "銀行" in shown and "3.1%" in shown and "中央値" in shown
    True
    >>> "Median" in styled(t, "settlement_ratio", language="en").to_html()
    True
    """
    shown = table.copy()
    hidden = (
        shown.pop("suppressed").to_numpy(dtype=bool)
        if "suppressed" in shown.columns
        else np.zeros(len(shown), dtype=bool)
    )
    counts = [c for c in ("cases", "n", "problems") if c in shown.columns]
    stats = [c for c in shown.columns if c in ("mean", *(f"p{round(q * 100)}" for q in QUANTILES))]
    written = [c for c in shown.columns if c in figures]
    for col in shown.columns:
        if col == "column":
            shown[col] = [
                safe_label(column_label(str(v), language)) for v in shown[col].astype(object)
            ]
            continue
        if col in counts or col in stats or col in written:
            continue
        names = value_labels(col, language)
        if shown[col].dtype.kind in "iufc" or pd.api.types.is_bool_dtype(shown[col]):
            continue
        shown[col] = [safe_label(names.get(str(v), v)) for v in shown[col].astype(object)]
    fmt_value = value_formatter(value or "", language)
    for c in stats:
        shown[c] = ["" if h else fmt_value(v) for v, h in zip(shown[c], hidden, strict=True)]
    for c in counts:
        shown[c] = [
            suppressed(language) if h else ("" if pd.isna(v) else f"{int(v):,}")
            for v, h in zip(shown[c].astype(object), hidden, strict=True)
        ]
    labels = {c: header_label(column_label(c, language), language) for c in shown.columns}
    text_columns = [c for c in shown.columns if c not in (*counts, *stats, *written)]
    classes = pd.DataFrame("", index=shown.index, columns=shown.columns)
    for c in counts:
        classes[c] = "oc-problems" if c == "problems" else COUNT_CLASS
    for c in (*stats, *written):
        classes[c] = STAT_CLASS
    style = shown.style.format(escape="html").hide(axis="index")
    style = style.set_td_classes(classes)
    style = style.set_properties(subset=text_columns, **{"text-align": "left"})
    style = style.set_properties(subset=counts + stats + written, **{"text-align": "right"})
    style = style.relabel_index([labels[c] for c in shown.columns], axis="columns")
    if caption:
        style = style.set_caption(caption)
    return style
