"""Groups compared: medians by group with intervals, the league table of servicers, trends by quarter, two periods side by side.

Every published cell stands for at least ``k`` cases (contract §7); built on
:mod:`outcomes.report._tables`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._privacy import safe_label
from outcomes.report._labels import column_label, suppressed
from outcomes.report._periods import period_label
from outcomes.report._tables import (
    COUNT_CLASS,
    STAT_CLASS,
    complementary_mask,
    header_label,
    suppression_log,
    value_formatter,
)
from outcomes.report._text import text

__all__ = [
    "POOLED",
    "comparison_styled",
    "league_styled",
    "league_table",
    "median_table",
    "period_comparison",
    "quarterly_trend",
    "uniform_median",
]

# --------------------------------------------------------------------------
# League table, trends, period comparison
# --------------------------------------------------------------------------

#: the label of small groups pooled together in a league table
POOLED = "その他(小規模のサービサー)"


def _median_intervals(
    values: np.ndarray, codes: np.ndarray, n_groups: int, z: float = 1.96
) -> pd.DataFrame:
    """Median and a distribution-free 95% interval (order statistics) per group code.

    ``codes`` are 0..n_groups-1 (-1 = no group); NaN values are ignored.
    """
    ok = (codes >= 0) & ~np.isnan(values)
    v, c = values[ok], codes[ok]
    order = np.lexsort((v, c))
    v, c = v[order], c[order]
    n = np.bincount(c, minlength=n_groups)
    start = np.concatenate([[0], np.cumsum(n)[:-1]])
    out = np.full((n_groups, 3), np.nan)
    has = n > 0
    half = z * np.sqrt(n) / 2
    lo = np.clip(np.floor(n / 2 - half).astype(int), 0, np.maximum(n - 1, 0))
    hi = np.clip(np.ceil(n / 2 + half).astype(int) - 1, 0, np.maximum(n - 1, 0))
    mid_lo = np.maximum((n - 1) // 2, 0)
    mid_hi = np.maximum(n // 2, 0)
    idx = np.flatnonzero(has)
    out[idx, 0] = (v[start[idx] + mid_lo[idx]] + v[start[idx] + mid_hi[idx]]) / 2
    out[idx, 1] = v[start[idx] + lo[idx]]
    out[idx, 2] = v[start[idx] + hi[idx]]
    return pd.DataFrame({"n": n, "median": out[:, 0], "lower": out[:, 1], "upper": out[:, 2]})


@check_arguments
def median_table(
    cases: pd.DataFrame,
    by: str | pd.Series,
    value: str,
    *,
    k: int = DEFAULT_K,
    expected: pd.Series | None = None,
    pool: bool = False,
    where: str | None = None,
) -> pd.DataFrame:
    """Per group: cases with a value, their median with a 95% interval, and the model's median.

    Computed on every case given. With ``pool``, groups of fewer than ``k``
    values are counted together as one row (:data:`POOLED`); a row still
    under ``k`` is suppressed, and then the smallest other row with it
    (complementary suppression). Rows sort by the median, highest first.

    Parameters
    ----------
    cases : DataFrame
    by : str or Series
        The group column (or a Series aligned with ``cases``).
    value : str
        The column summarised.
    k : int
    expected : Series, optional
        The model's predicted median of each case (aligned with ``cases``):
        its median per group is shown beside the observed one.
    pool : bool
        Pool the small groups instead of suppressing each.
    where : str, optional
        Name of the table in :data:`suppression_log`.

    Returns
    -------
    DataFrame
        ``group``, ``n``, ``median``, ``lower``, ``upper`` (, ``expected``),
        ``suppressed``.

    Examples
    --------
    >>> df = pd.DataFrame({"servicer": ["A"] * 8 + ["B"] * 6 + ["C"] * 2 + ["D"] * 3,
    ...                    "monthly_amount": [10_000.0] * 8 + [20_000.0] * 6 + [5_000.0] * 5})
    >>> median_table(df, "servicer", "monthly_amount", pool=True)[["group", "n", "median"]]
                    group  n   median
    0                   B  6  20000.0
    1                   A  8  10000.0
    2  その他(小規模のサービサー)  5   5000.0
    """
    group = cases[by] if isinstance(by, str) else by
    values = cases[value].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    labels = group.astype("string").to_numpy(dtype=object, na_value=None)
    has_value = ~np.isnan(values)
    labels = np.where(pd.isna(labels), None, labels)
    if pool:
        sizes = pd.Series(labels[has_value & (labels != None)]).value_counts()  # noqa: E711
        small = set(sizes[sizes < k].index)
        if small:
            labels = np.where(pd.Series(labels).isin(small).to_numpy(), POOLED, labels)
    codes, names = pd.factorize(pd.Series(labels, dtype=object), use_na_sentinel=True)
    table = _median_intervals(values, codes, len(names))
    table.insert(0, "group", list(names))
    if expected is not None:
        e = np.asarray(expected, dtype="float64")
        table["expected"] = _median_intervals(np.where(has_value, e, np.nan), codes, len(names))[
            "median"
        ]
    table = table[table["n"] > 0].reset_index(drop=True)
    counts = table["n"].to_numpy()
    small_rows = counts < k
    hidden = complementary_mask(counts, small_rows)
    suppression_log.record(
        where or f"{value} by group", int(small_rows.sum()), int(hidden.sum() - small_rows.sum())
    )
    table["suppressed"] = hidden
    stats = [c for c in ("median", "lower", "upper", "expected") if c in table.columns]
    table.loc[hidden, stats] = np.nan
    table["n"] = table["n"].astype("Int64").mask(table["suppressed"])
    table["_pooled"] = table["group"] == POOLED
    table = table.sort_values(
        ["suppressed", "_pooled", "median"], ascending=[True, True, False], kind="stable"
    )
    return table.drop(columns="_pooled").reset_index(drop=True)


@check_arguments
def quarterly_trend(
    cases: pd.DataFrame, value: str, *, k: int = DEFAULT_K, date: str = "agreement_date"
) -> pd.DataFrame:
    """Quarterly median of ``value`` with a 95% interval; quarters under ``k`` suppressed.

    Examples
    --------
    >>> dates = ["2023-01-15"] * 6 + ["2023-05-01"] * 2 + ["2023-08-01"] * 9 + ["2023-11-01"] * 7
    >>> df = pd.DataFrame({"agreement_date": pd.to_datetime(dates),
    ...                    "settlement_ratio": [0.02, 0.03, 0.04, 0.05, 0.06, 0.07] * 4})
    >>> quarterly_trend(df, "settlement_ratio")[["quarter", "n", "median", "suppressed"]]
      quarter     n  median  suppressed
    0  2023Q1  <NA>     NaN        True
    1  2023Q2  <NA>     NaN        True
    2  2023Q3     9    0.05       False
    3  2023Q4     7    0.05       False

    2023Q2 holds 2 cases; 2023Q1, the smallest other quarter, is suppressed
    with it (complementary suppression). Where fewer than two quarters could
    be published, the medians are by year instead (``attrs["period"]``).
    """
    for freq, where in (("Q", "四半期"), ("Y", "年")):
        period = cases[date].dt.to_period(freq)
        table = median_table(cases, period.astype("string"), value, k=k, where=f"{value} {where}")
        table = table.rename(columns={"group": "quarter"}).sort_values("quarter", kind="stable")
        table = table.reset_index(drop=True)
        # a filtered report (one servicer, one creditor type) may have too few cases per
        # quarter to publish a trend: then the same medians by year, labelled so
        if (~table["suppressed"].to_numpy(dtype=bool)).sum() >= 2:
            break
    table.attrs["period"] = "quarter" if freq == "Q" else "year"
    return table


@check_arguments
def period_comparison(
    current: pd.DataFrame, previous: pd.DataFrame | None, *, k: int = DEFAULT_K
) -> pd.DataFrame:
    """This period against the previous one: cases and medians, each shown only from ``k`` cases.

    Returns
    -------
    DataFrame
        One row per measure (``measure``, ``value``: what it summarises),
        columns ``current`` / ``previous`` with their ``n``.

    Examples
    --------
    >>> now = pd.DataFrame({"resolution": ["lump_sum"] * 6, "settlement_ratio": [0.05] * 6,
    ...                     "monthly_amount": [None] * 6, "months_to_agreement": [4.0] * 6})
    >>> table = period_comparison(now, now.head(3))
    >>> float(table.loc[0, "current"]), table.loc[0, "n_previous"]
    (6.0, <NA>)
    """
    previous = previous if previous is not None else current.iloc[:0]

    def one(frame: pd.DataFrame) -> list[tuple[float, int]]:
        lump = frame[frame["resolution"] == "lump_sum"]["settlement_ratio"].dropna()
        inst = frame[frame["resolution"] == "installment"]["monthly_amount"].dropna()
        months = frame["months_to_agreement"].dropna()
        return [
            (float(len(frame)), len(frame)),
            (float(lump.median()) if len(lump) else np.nan, len(lump)),
            (float(inst.astype("float64").median()) if len(inst) else np.nan, len(inst)),
            (float(months.median()) if len(months) else np.nan, len(months)),
        ]

    measures = [
        ("件数", "cases"),
        ("和解率の中央値(一括和解)", "settlement_ratio"),
        ("月額の中央値(分割弁済)", "monthly_amount"),
        ("売却から和解までの月数の中央値", "months_to_agreement"),
    ]
    rows = []
    small = 0
    for (name, value), (cur, n_cur), (prev, n_prev) in zip(
        measures, one(current), one(previous), strict=True
    ):
        small += int(0 < n_cur < k) + int(0 < n_prev < k)
        rows.append(
            {
                "measure": name,
                "value": value,
                "current": cur if n_cur >= k else np.nan,
                "n_current": n_cur if n_cur >= k else pd.NA,
                "previous": prev if n_prev >= k else np.nan,
                "n_previous": n_prev if n_prev >= k else pd.NA,
            }
        )
    suppression_log.record("今期と前期", small)
    out = pd.DataFrame(rows)
    return out


@check_arguments
def league_table(
    cases: pd.DataFrame,
    value: str,
    *,
    k: int = DEFAULT_K,
    expected: pd.Series | np.ndarray | None = None,
    where: str | None = None,
) -> pd.DataFrame:
    """The servicers' league table of ``value``: :func:`median_table` by servicer, small ones pooled.

    The servicers are not ranked (analyst review N4, issue 28): a rank read
    from medians whose 95% intervals overlap (rank 1 at 4.0% [1.6–13.3%],
    rank 7 at 1.3% [0.8–10.6%]) says more than the cases do. Instead,
    ``against`` marks a servicer ``higher`` or ``lower`` only where its whole
    interval lies above or below the median of all the cases
    (``attrs["overall"]``), ``within`` where it does not; the pooled small
    servicers and suppressed rows are not marked.

    Returns
    -------
    DataFrame
        ``against`` (``higher`` / ``lower`` / ``within``, empty for the pooled
        and suppressed rows), ``servicer``, ``n``, ``p50``, ``p2.5``,
        ``p97.5`` (, ``expected``), ``suppressed``; highest median first, the
        pooled small servicers (:data:`POOLED`) last.

    Examples
    --------
    >>> df = pd.DataFrame({"servicer": ["A"] * 8 + ["B"] * 6 + ["C"] * 2 + ["D"] * 3,
    ...                    "monthly_amount": [10_000.0] * 8 + [20_000.0] * 6 + [5_000.0] * 5})
    >>> table = league_table(df, "monthly_amount")
    >>> table[["against", "servicer", "n", "p50"]]
      against          servicer  n      p50
    0  higher                 B  6  20000.0
    1  within                 A  8  10000.0
    2            その他(小規模のサービサー)  5   5000.0
    >>> table.attrs["overall"]
    10000.0
    """
    table = median_table(
        cases, "servicer", value, k=k, expected=expected, pool=True, where=where or value
    )
    values = cases[value].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    overall = float(np.nanmedian(values)) if (~np.isnan(values)).any() else np.nan
    marked = ~table["suppressed"].to_numpy(dtype=bool) & (table["group"] != POOLED).to_numpy()
    lower, upper = table["lower"].to_numpy(), table["upper"].to_numpy()
    against = np.where(lower > overall, "higher", np.where(upper < overall, "lower", "within"))
    table.insert(0, "against", np.where(marked, against, ""))
    table = table.rename(
        columns={"group": "servicer", "median": "p50", "lower": "p2.5", "upper": "p97.5"}
    )
    table.attrs["overall"] = overall
    return table


def uniform_median(table: pd.DataFrame) -> float | None:
    """The one median all published servicers of a league table share, if they share one.

    A league table whose servicers (two or more, the pooled small ones
    aside) all sit at the same median ranks nothing: monthly amounts cluster
    at 1万円. The report says so instead.

    Examples
    --------
    >>> t = pd.DataFrame({"servicer": ["A", "B", "C"], "p50": [10_000.0, 10_000.0, np.nan],
    ...                   "suppressed": [False, False, True]})
    >>> uniform_median(t)
    10000.0
    >>> uniform_median(t.assign(p50=[1.0, 2.0, np.nan])) is None
    True
    """
    rows = table[~table["suppressed"].to_numpy(dtype=bool)]
    if "servicer" in rows.columns:
        rows = rows[(rows["servicer"] != POOLED).to_numpy(dtype=bool)]
    medians = rows["p50"].dropna().unique()
    return float(medians[0]) if len(rows) >= 2 and len(medians) == 1 else None


@check_arguments
def league_styled(table: pd.DataFrame, value: str, caption: str, language: str = "ja") -> Any:
    """A :func:`league_table` as a table to show.

    Columns ``against`` (in words), ``servicer``, ``n``, ``p50``, ``p2.5``, ``p97.5`` and
    optionally ``expected``; suppressed rows show ``k未満`` (``under k``) and
    no figure.
    """

    def t(key: str, **fields: object) -> str:
        return text(key, language, **fields)

    fmt = value_formatter(value, language)
    pooled = t("pooled_servicers")
    marks = {"higher": t("league_higher"), "lower": t("league_lower"), "within": t("league_within")}
    overall = table.attrs.get("overall", np.nan)
    against = t("league_against", overall="" if pd.isna(overall) else fmt(overall))
    shown = pd.DataFrame({against: [marks.get(a, "") for a in table["against"]]})
    name = header_label(column_label("servicer", language), language)
    shown[name] = [
        pooled if v == POOLED else safe_label(v) for v in table["servicer"].astype(object)
    ]
    hidden = table["suppressed"].to_numpy(dtype=bool)
    shown[t("league_cases")] = [
        suppressed(language) if h else f"{int(n):,}"
        for n, h in zip(table["n"].astype(object), hidden, strict=True)
    ]
    shown[t("league_median")] = [
        "" if h else fmt(v) for v, h in zip(table["p50"], hidden, strict=True)
    ]
    shown[t("league_interval")] = [
        "" if h else t("range", low=fmt(lo), high=fmt(hi))
        for lo, hi, h in zip(table["p2.5"], table["p97.5"], hidden, strict=True)
    ]
    if "expected" in table.columns:
        shown[t("league_expected")] = [
            "" if h else fmt(v) for v, h in zip(table["expected"], hidden, strict=True)
        ]
    classes = pd.DataFrame("", index=shown.index, columns=shown.columns)
    classes[t("league_cases")] = COUNT_CLASS
    for c in shown.columns[3:]:
        classes[c] = STAT_CLASS
    return (
        shown.style.format(escape="html")
        .hide(axis="index")
        .set_td_classes(classes)
        .set_properties(subset=[against, name], **{"text-align": "left"})
        .set_caption(caption)
    )


#: the measures of :func:`period_comparison`, by what they summarise: their text keys
_MEASURES: dict[str, str] = {
    "cases": "m_cases",
    "settlement_ratio": "m_ratio",
    "monthly_amount": "m_monthly",
    "months_to_agreement": "m_months",
}


@check_arguments
def comparison_styled(
    table: pd.DataFrame,
    period: str | None,
    compare: str | None,
    *,
    k: int = DEFAULT_K,
    language: str = "ja",
) -> Any:
    """:func:`period_comparison` as a table to show (this period, the previous one)."""
    now = text("compare_now", language)
    before = text("compare_before", language)
    now_n = text("compare_now_cases", language)
    before_n = text("compare_before_cases", language)
    item = text("compare_item", language)
    rows = []
    for r in table.itertuples():
        fmt = (
            value_formatter(r.value, language) if r.value != "cases" else (lambda v: f"{int(v):,}")
        )

        def cell(v: float, n: object, fmt: Callable[[float], str] = fmt) -> tuple[str, str]:
            if pd.isna(n):
                return "", suppressed(language)
            return fmt(v), f"{int(n):,}"

        cur, n_cur = cell(r.current, r.n_current)
        prev, n_prev = cell(r.previous, r.n_previous)
        measure = text(_MEASURES[r.value], language) if r.value in _MEASURES else r.measure
        rows.append({item: measure, now: cur, now_n: n_cur, before: prev, before_n: n_prev})
    shown = pd.DataFrame(rows)
    # each period is its own group of cells: its statistic stands on its own count
    classes = pd.DataFrame("", index=shown.index, columns=shown.columns)
    classes[now_n] = f"{COUNT_CLASS} oc-g-now"
    classes[before_n] = f"{COUNT_CLASS} oc-g-before"
    classes[now] = f"{STAT_CLASS} oc-g-now"
    classes[before] = f"{STAT_CLASS} oc-g-before"
    return (
        shown.style.format(escape="html")
        .hide(axis="index")
        .set_td_classes(classes)
        .set_properties(subset=[item], **{"text-align": "left"})
        .set_caption(
            text(
                "compare_caption",
                language,
                k=k,
                now=period_label(period, language),
                before=period_label(compare, language),
            )
        )
    )
