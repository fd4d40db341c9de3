"""k-safe tables of the report: breakdowns, cross tables, the problems summary, styling.

A breakdown never shows a cell of fewer than ``k`` cases and never shows an
individual value (no minimum, maximum or outlier: ranges are the
10th–90th percentiles). :func:`styled` turns a table into what the report
prints: Japanese headers and labels (:mod:`outcomes._labels`), formatted
numbers, labels that look personal masked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from outcomes._contract import CASE_COLUMNS, DEFAULT_K
from outcomes._errors import OutcomesError
from outcomes._labels import (
    PROBLEM_KIND_LABELS,
    REPORT_STAT_LABELS,
    column_label,
    value_labels,
)
from outcomes._privacy import MASK, personal_data_kind

__all__ = [
    "PERCENT_COLUMNS",
    "QUANTILES",
    "YEN_COLUMNS",
    "breakdown",
    "column_label",
    "crosstab",
    "problem_summary",
    "safe_label",
    "styled",
    "value_formatter",
    "value_labels",
]

#: quantiles a breakdown shows: the 10–90 range, the quartiles and the median
QUANTILES: tuple[float, ...] = (0.1, 0.25, 0.5, 0.75, 0.9)

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
        Cases, already k-anonymous on the quasi-identifiers (see :func:`~outcomes.report.k_safe_cases`).
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
    shown.insert(1, "内容", shown["kind"].map(PROBLEM_KIND_LABELS).fillna(shown["kind"]))
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


#: columns written as percentages
PERCENT_COLUMNS: tuple[str, ...] = ("settlement_ratio", "delinquency_rate")
#: columns written as yen
YEN_COLUMNS: tuple[str, ...] = ("residual_debt", "lump_sum", "monthly_amount", "monthly_income")


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
    if column in PERCENT_COLUMNS:
        return lambda v: "" if pd.isna(v) else f"{v:.1%}"
    if column in YEN_COLUMNS:
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
    labels = {c: REPORT_STAT_LABELS.get(c, column_label(c)) for c in shown.columns}
    text_columns = [c for c in shown.columns if c not in counts and c not in stats]
    style = shown.style.format(fmt, na_rep="", escape="html").hide(axis="index")
    style = style.set_properties(subset=text_columns, **{"text-align": "left"})
    style = style.relabel_index([labels[c] for c in shown.columns], axis="columns")
    if caption:
        style = style.set_caption(caption)
    return style
