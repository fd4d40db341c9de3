"""Shared figures: a theme with Japanese labels, and k-safe bar, box and heat maps.

Every figure here is drawn from a k-safe aggregate of
:mod:`outcomes.report.tables` (:func:`~outcomes.report.breakdown`,
:func:`~outcomes.report.crosstab`), never from individual cases: no group
of fewer than ``k`` cases is drawn, and no single case's value either
(box whiskers are the 10th and 90th percentiles, no outlier points).

Call :func:`set_theme` once before plotting: ``seaborn.set_theme`` resets the
font, so importing ``matplotlib_fontja`` alone is not enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import (
    FuncFormatter,
    LogLocator,
    MaxNLocator,
    NullFormatter,
    PercentFormatter,
)

from outcomes._contract import DEFAULT_K
from outcomes._format import yen_tick
from outcomes.report.tables import (
    PERCENT_COLUMNS,
    YEN_COLUMNS,
    breakdown,
    column_label,
    crosstab,
    published,
    safe_label,
    value_formatter,
    value_labels,
)

__all__ = [
    "JAPANESE_FONT",
    "box_by",
    "calibration_plot",
    "count_bar",
    "heatmap",
    "km_plot",
    "share_bar",
    "set_theme",
    "trend_plot",
]

#: the font every figure uses (shipped by matplotlib-fontja)
JAPANESE_FONT = "IPAexGothic"


def set_theme(style: str = "whitegrid", context: str = "notebook", **kwargs: Any) -> None:
    """Seaborn's theme with a Japanese font, so that 和文 labels render.

    Parameters
    ----------
    style, context : str
        Passed to :func:`seaborn.set_theme`.
    **kwargs
        Other arguments of :func:`seaborn.set_theme` (``rc`` is merged).

    Examples
    --------
    >>> set_theme()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["font.family"]
    ['IPAexGothic']
    """
    import matplotlib_fontja  # noqa: F401 - registers the IPAex fonts with matplotlib
    import seaborn as sns

    rc = {"axes.unicode_minus": False, "figure.dpi": 100, "savefig.bbox": "tight"}
    rc.update(kwargs.pop("rc", {}) or {})
    sns.set_theme(style=style, context=context, font=JAPANESE_FONT, rc=rc, **kwargs)


def _axis_formatter(column: str) -> Any:
    if column in PERCENT_COLUMNS:
        return PercentFormatter(1.0, decimals=0)
    if column in YEN_COLUMNS:
        return FuncFormatter(yen_tick)
    return None


#: yen columns drawn on a log scale (debts span 100万円 to 1億円)
LOG_COLUMNS: tuple[str, ...] = ("residual_debt",)


def _value_axis(axis: Any, column: str) -> None:
    """Format a value axis: percentages, yen ticks (log scale in 万円 for debts)."""
    if column in LOG_COLUMNS:
        axis.axes.set_xscale("log") if axis is axis.axes.xaxis else axis.axes.set_yscale("log")
        axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        axis.set_minor_formatter(NullFormatter())
    elif column in YEN_COLUMNS:
        axis.set_major_locator(MaxNLocator(nbins=6, min_n_ticks=3))
    fmt = _axis_formatter(column)
    if fmt is not None:
        axis.set_major_formatter(fmt)


def _labels(column: str, values: Sequence[object]) -> list[str]:
    names = value_labels(column)
    return [safe_label(names.get(str(v), v)) for v in values]


def _ax(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def _top(table: pd.DataFrame, top: int | None) -> pd.DataFrame:
    """The published rows (most cases first), at most ``top`` of them."""
    shown = published(table)
    return shown if top is None else shown.head(top)


def _nothing_to_show(ax: Axes, k: int) -> Axes:
    ax.text(
        0.5,
        0.5,
        f"表示できるグループがありません(どれも{k}件未満)",
        ha="center",
        va="center",
        transform=ax.transAxes,
        color="0.4",
    )
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _under_k(k: int) -> str:
    return f"({k}件未満のグループは「k未満」として非表示)"


def count_bar(
    cases: pd.DataFrame,
    by: str,
    *,
    k: int = DEFAULT_K,
    top: int | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Horizontal bars of cases per group (groups under ``k`` not drawn).

    Examples
    --------
    >>> df = pd.DataFrame({"creditor_type": ["bank"] * 6 + ["jhf"] * 2 + ["other"] * 2})
    >>> ax = count_bar(df, "creditor_type", k=5)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['銀行']
    >>> plt.close("all")
    """
    table = _top(breakdown(cases, by, k=k), top)
    ax = _ax(ax, (6, 0.4 * max(len(table), 2) + 1))
    if title:
        ax.set_title(title)
    if table.empty:
        return _nothing_to_show(ax, k)
    labels = _labels(by, table[by].tolist())
    ax.barh(labels, table["cases"].to_numpy(), color="#4c72b0")
    ax.invert_yaxis()
    for y, n in enumerate(table["cases"]):
        ax.annotate(
            f"{n:,}",
            (n, y),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
        )
    ax.set_xlabel(column_label("cases") + _under_k(k))
    ax.set_ylabel(column_label(by))
    return ax


def box_by(
    cases: pd.DataFrame,
    by: str,
    value: str,
    *,
    k: int = DEFAULT_K,
    top: int | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Box plot of ``value`` per group, drawn from k-safe quantiles.

    The box is the quartiles, the line the median, the whiskers the 10th
    and 90th percentiles; no individual case is drawn. Groups with fewer
    than ``k`` values are left out.

    Examples
    --------
    >>> df = pd.DataFrame({"creditor_type": ["bank"] * 6 + ["jhf"] * 2 + ["other"] * 2,
    ...                    "settlement_ratio": [0.02, 0.03, 0.05, 0.08, 0.1, 0.2, 0.5, 0.6] + [0.1] * 2})
    >>> ax = box_by(df, "creditor_type", "settlement_ratio", k=5)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['銀行']
    >>> plt.close("all")
    """
    table = _top(breakdown(cases, by, value, k=k), top)
    ax = _ax(ax, (7, 0.45 * max(len(table), 2) + 1))
    if title:
        ax.set_title(title)
    if table.empty:
        return _nothing_to_show(ax, k)
    stats = [
        {
            "label": label,
            "med": row.p50,
            "q1": row.p25,
            "q3": row.p75,
            "whislo": row.p10,
            "whishi": row.p90,
            "mean": row.mean,
        }
        for label, row in zip(_labels(by, table[by].tolist()), table.itertuples(), strict=True)
    ]
    ax.bxp(
        stats,
        orientation="horizontal",
        showfliers=False,
        showmeans=False,
        patch_artist=True,
        boxprops={"facecolor": "#a1c9f4", "edgecolor": "0.3"},
        medianprops={"color": "#c44e52", "linewidth": 2},
        whiskerprops={"color": "0.3"},
        capprops={"color": "0.3"},
    )
    ax.invert_yaxis()
    for y, n in enumerate(table["n"], start=1):
        ax.annotate(
            f"n={n:,}",
            (1.0, y),
            xycoords=("axes fraction", "data"),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize="x-small",
            color="0.3",
        )
    _value_axis(ax.xaxis, value)
    ax.set_xlabel(column_label(value) + "(箱: 四分位、ひげ: 10–90%点)\n" + _under_k(k))
    ax.set_ylabel(column_label(by))
    return ax


def share_bar(
    cases: pd.DataFrame,
    by: str,
    hue: str,
    *,
    k: int = DEFAULT_K,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Stacked shares of ``hue`` within each ``by`` group; cells under ``k`` left out.

    Shares are of the cells shown, so a hidden cell cannot be recovered.

    Examples
    --------
    >>> df = pd.DataFrame({"creditor_type": ["bank"] * 12,
    ...                    "resolution": ["lump_sum"] * 6 + ["installment"] * 6})
    >>> ax = share_bar(df, "creditor_type", "resolution", k=5)
    >>> sorted(t.get_text() for t in ax.get_legend().get_texts())
    ['一括和解', '分割弁済']
    >>> plt.close("all")
    """
    table = crosstab(cases, by, hue, k=k, normalize=True).fillna(0.0)
    ax = _ax(ax, (8, 0.45 * max(len(table), 2) + 1.2))
    if title:
        ax.set_title(title)
    if table.empty:
        return _nothing_to_show(ax, k)
    labels = _labels(by, table.index.tolist())
    left = np.zeros(len(table))
    colors = plt.get_cmap("tab10").colors
    for i, (col, hue_label) in enumerate(
        zip(table.columns, _labels(hue, table.columns.tolist()), strict=True)
    ):
        width = table[col].to_numpy()
        ax.barh(labels, width, left=left, label=hue_label, color=colors[i % len(colors)])
        left += width
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlim(0, 1)
    ax.set_xlabel("割合" + _under_k(k))
    ax.set_ylabel(column_label(by))
    ax.legend(title=column_label(hue), bbox_to_anchor=(1.01, 1), loc="upper left", fontsize="small")
    return ax


def heatmap(
    cases: pd.DataFrame,
    index: str,
    columns: str,
    value: str,
    *,
    k: int = DEFAULT_K,
    stat: str = "p50",
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """A heat map of a statistic of ``value`` (default the median) per cell; cells under ``k`` blank.

    Examples
    --------
    >>> df = pd.DataFrame({"household_size": [1] * 6 + [2] * 6,
    ...                    "income_band": ["low"] * 12,
    ...                    "monthly_amount": [5000, 8000, 10000, 10000, 12000, 20000] * 2})
    >>> ax = heatmap(df, "household_size", "income_band", "monthly_amount", k=5)
    >>> ax.get_ylabel()
    '世帯人数'
    >>> plt.close("all")
    """
    import seaborn as sns

    table = published(breakdown(cases, [index, columns], value, k=k))
    grid = table.pivot(index=index, columns=columns, values=stat)
    ax = _ax(ax, (1.1 * max(len(grid.columns), 3) + 2, 0.5 * max(len(grid), 2) + 1.5))
    if title:
        ax.set_title(title)
    if grid.empty:
        return _nothing_to_show(ax, k)
    fmt = value_formatter(value)
    annot = grid.map(lambda v: "" if pd.isna(v) else fmt(v))
    sns.heatmap(
        grid.astype("float64"),
        annot=annot.to_numpy(),
        fmt="",
        cmap="Blues",
        cbar=False,
        linewidths=0.5,
        linecolor="white",
        ax=ax,
    )
    ax.set_yticklabels(_labels(index, grid.index.tolist()), rotation=0)
    ax.set_xticklabels(_labels(columns, grid.columns.tolist()), rotation=30, ha="right")
    ax.set_ylabel(column_label(index))
    ax.set_xlabel(column_label(columns) + "\n" + _under_k(k))
    return ax


def calibration_plot(checks: Sequence[Any], *, ax: Axes | None = None) -> Axes:
    """Observed against nominal coverage of the models' central intervals.

    A calibrated model lies on the diagonal: its 80% intervals hold about
    80% of the cases. Each point is an aggregate over all checked cases.

    Parameters
    ----------
    checks : sequence of ModelCheck
        From :func:`~outcomes.report.check_models`.
    """
    ax = _ax(ax, (5, 4.5))
    ax.plot([0, 1], [0, 1], color="0.6", linestyle="--", linewidth=1, label="理想(対角線)")
    drawn = False
    for check, marker in zip(checks, ("o", "s", "^", "D"), strict=False):
        cal = check.calibration
        if cal is None or cal.empty:
            continue
        n = int(cal["n"].iloc[0])
        ax.plot(cal["stated"], cal["observed"], marker=marker, label=f"{check.name}(n={n:,})")
        drawn = True
    ax.set_xlim(0.4, 1.0)
    ax.set_ylim(0.0, 1.0)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("区間の名目の水準")
    ax.set_ylabel("実際に区間に入った割合")
    ax.set_title("予測区間の較正")
    if drawn:
        ax.legend(fontsize="small", loc="lower right")
    return ax


def km_plot(curves: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Kaplan–Meier curves of :func:`~outcomes.report.kaplan_meier` (steps, one per group).

    Each curve is drawn only where at least k cases were at risk (the table
    already stops there); the legend gives each group's label.
    """
    ax = _ax(ax, (7, 4.5))
    if title:
        ax.set_title(title)
    if curves.empty:
        return _nothing_to_show(ax, 0)
    for name, curve in curves.groupby("group", sort=False):
        x = np.concatenate([[0.0], curve["months"].to_numpy()])
        y = np.concatenate([[1.0], curve["not_agreed"].to_numpy()])
        label = safe_label(value_labels("creditor_type").get(str(name), name))
        ax.step(x, y, where="post", label=label)
    ax.set_ylim(0, 1.02)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("売却からの月数")
    ax.set_ylabel("まだ和解していない割合")
    ax.legend(fontsize="small", bbox_to_anchor=(1.01, 1), loc="upper left")
    return ax


def _quarter_axis(ax: Axes, x: np.ndarray, quarters: list[str]) -> None:
    """Quarters on the x axis: up to 8 quarters each labelled (``2023Q1``); more: one
    label per year (``2023``, at its first quarter shown), every quarter a small tick."""
    if len(quarters) <= 8:
        ax.set_xticks(x, quarters, rotation=0)
        return
    years = [q[:4] for q in quarters]
    first = [i for i, y in enumerate(years) if i == 0 or y != years[i - 1]]
    step = max(1, -(-len(first) // 8))  # at most about 8 year labels
    shown = first[::step]
    ax.set_xticks(x[shown], [years[i] for i in shown], rotation=0)
    ax.set_xticks(x, minor=True)
    ax.tick_params(axis="x", which="minor", length=2)
    ax.set_xlabel("和解日の四半期(目盛りは各年の最初の四半期)")


def trend_plot(
    table: pd.DataFrame,
    value: str,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    k: int = DEFAULT_K,
) -> Axes:
    """Quarterly medians with their 95% interval (:func:`~outcomes.report.quarterly_trend`).

    Suppressed quarters are gaps.
    """
    ax = _ax(ax, (7, 3.8))
    if title:
        yearly = table.attrs.get("period") == "year"
        ax.set_title(title.replace("四半期", "年別") if yearly else title)
    shown = table[~table["suppressed"].to_numpy(dtype=bool)]
    if shown.empty:
        return _nothing_to_show(ax, k)
    x = np.arange(len(table))
    med = table["median"].to_numpy(dtype="float64")
    ax.fill_between(
        x,
        table["lower"].to_numpy(dtype="float64"),
        table["upper"].to_numpy(dtype="float64"),
        alpha=0.25,
        color="#4c72b0",
        label="中央値の95%区間",
    )
    ax.plot(x, med, marker="o", markersize=3, color="#4c72b0", label="中央値")
    _quarter_axis(ax, x, table["quarter"].astype(str).tolist())
    _value_axis(ax.yaxis, value)
    ax.set_ylabel(column_label(value))
    ax.legend(fontsize="small")
    return ax
