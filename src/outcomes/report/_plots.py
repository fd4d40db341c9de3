"""Shared figures: a theme with Japanese labels, and k-safe bar, box and heat maps.

Every figure here is drawn from a k-safe aggregate of
:mod:`outcomes.report._tables` (:func:`~outcomes.report.breakdown`,
:func:`~outcomes.report.crosstab`), never from individual cases: no group
of fewer than ``k`` cases is drawn, and no single case's value either
(box whiskers are the 10th and 90th percentiles, no outlier points).
Labels are in the report's language (``language="ja"`` or ``"en"``).

:func:`draw_panels` draws several :func:`panel` s side by side, leaving out
those with nothing to show (every group under ``k``) and returning their
titles, so that a report says what it cannot show instead of drawing empty
frames.

Call :func:`set_theme` once before plotting: ``seaborn.set_theme`` resets the
font, so importing ``matplotlib_fontja`` alone is not enough.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import Formatter, LogLocator, MaxNLocator, NullFormatter

from outcomes._arguments import check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._format import check_language
from outcomes.report._labels import (
    column_label,
    percent_tick,
    value_labels,
    yen_ticks,
)
from outcomes.report._tables import (
    PERCENT_COLUMNS,
    YEN_COLUMNS,
    breakdown,
    crosstab,
    natural_order,
    published,
    safe_label,
    value_formatter,
)
from outcomes.report._text import text

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


def japanese_font(draw: Callable[..., Any]) -> Callable[..., Any]:
    """Draw with the Japanese font even where :func:`set_theme` was not called.

    A figure of 和文 labels drawn after a plain ``import matplotlib`` showed a
    box for every glyph (analyst review N13, issue 28). The font is put first
    for the figure's own text only (a ``rc_context``), so that a caller's
    theme and other figures are left as they are.
    """
    import functools

    @functools.wraps(draw)
    def drawn(*args: Any, **kwargs: Any) -> Any:
        import matplotlib as mpl

        family = list(mpl.rcParams["font.family"])
        if JAPANESE_FONT in family[:1]:
            return draw(*args, **kwargs)
        with plt.rc_context():
            # registers the IPAex fonts (its first import also sets them globally: undone here)
            import matplotlib_fontja  # noqa: F401

            mpl.rcParams.update(
                {"font.family": [JAPANESE_FONT, *family], "axes.unicode_minus": False}
            )
            return draw(*args, **kwargs)

    return drawn


# --------------------------------------------------------------------------
# Axes: one style of tick labels per axis
# --------------------------------------------------------------------------


class _TickFormatter(Formatter):
    """Tick labels written together (``format_ticks``), so that one axis has one style."""

    def __init__(self, labels: Callable[[Sequence[float]], list[str]]) -> None:
        self._labels = labels

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        self.set_locs(values)
        return self._labels(list(values))

    def __call__(self, x: float, pos: int | None = None) -> str:
        locs = list(self.locs) if len(self.locs) else [x]
        labels = self._labels([*locs, x])
        return labels[-1]


def percent_axis(axis: Any) -> None:
    """Shares as percentages on ``axis``: ticks at 1, 2 or 5 × 10ⁿ %, each label exact.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_ylim(0, 0.18)
    >>> percent_axis(ax.yaxis)
    >>> fig.canvas.draw()
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['0%', '2%', '4%', '6%', '8%', '10%', '12%', '14%', '16%', '18%']
    >>> plt.close("all")
    """
    axis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 5, 10]))
    axis.set_major_formatter(_TickFormatter(percent_tick))


def yen_axis(axis: Any, language: str = "ja", *, log: bool = False) -> None:
    """Yen on ``axis``: ticks on round amounts (steps of 1, 5 or 10 × 10ⁿ), one style of label.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_xlim(4_000, 21_000)
    >>> yen_axis(ax.xaxis)
    >>> fig.canvas.draw()
    >>> [t.get_text() for t in ax.get_xticklabels()][1:-1]  # (the first and last lie outside)
    ['5,000円', '10,000円', '15,000円', '20,000円']
    >>> plt.close("all")
    """
    if log:
        if axis is axis.axes.xaxis:
            axis.axes.set_xscale("log")
        else:
            axis.axes.set_yscale("log")
        axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        axis.set_minor_formatter(NullFormatter())
    else:
        axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 5, 10], min_n_ticks=3))
    axis.set_major_formatter(_TickFormatter(lambda values: yen_ticks(values, language)))


def months_axis(axis: Any) -> None:
    """Whole months on ``axis`` (steps of 1, 2, 3, 6 or 12 months …)."""
    axis.set_major_locator(MaxNLocator(nbins="auto", integer=True, steps=[1, 1.2, 2, 3, 6, 10]))
    axis.set_major_formatter(_TickFormatter(lambda values: [f"{v:.0f}" for v in values]))


#: yen columns drawn on a log scale (debts span 100万円 to 1億円)
LOG_COLUMNS: tuple[str, ...] = ("residual_debt",)


def _value_axis(axis: Any, column: str, language: str = "ja") -> None:
    """Format a value axis: percentages, yen (a log scale for debts), months."""
    if column in PERCENT_COLUMNS:
        percent_axis(axis)
    elif column in YEN_COLUMNS:
        yen_axis(axis, language, log=column in LOG_COLUMNS)
    elif column == "months_to_agreement":
        months_axis(axis)


def _labels(column: str, values: Sequence[object], language: str = "ja") -> list[str]:
    names = value_labels(column, language)
    return [safe_label(names.get(str(v), v)) for v in values]


def _ax(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def _ordered(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """An ordinal column's groups in their natural order (age bands, income bands, years)."""
    order = natural_order(table[by], by)
    if order is None or table.empty:
        return table
    return table.iloc[np.argsort(order, kind="stable")].reset_index(drop=True)


def _top(table: pd.DataFrame, top: int | None, by: str) -> pd.DataFrame:
    """The published rows (most cases first, or in their natural order), at most ``top``."""
    shown = published(table)
    if top is not None:
        shown = shown.sort_values("cases", ascending=False, kind="stable").head(top)
    return _ordered(shown, by)


def _nothing_to_show(ax: Axes, k: int, language: str = "ja") -> Axes:
    ax.text(
        0.5,
        0.5,
        text("nothing_to_show", language, k=k),
        ha="center",
        va="center",
        transform=ax.transAxes,
        color="0.4",
    )
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _under_k(k: int, language: str = "ja") -> str:
    return text("under_k_axis", language, k=k)


def _title(ax: Axes, title: str | None) -> None:
    if title:
        ax.set_title(title)


# --------------------------------------------------------------------------
# The figures: each a table (k-safe), then its drawing
# --------------------------------------------------------------------------


def count_table(cases: pd.DataFrame, by: str, *, k: int, top: int | None = None) -> pd.DataFrame:
    return _top(breakdown(cases, by, k=k), top, by)


def count_size(table: pd.DataFrame) -> tuple[float, float]:
    return 6.0, 0.4 * max(len(table), 2) + 1


def draw_count(ax: Axes, table: pd.DataFrame, by: str, *, k: int, language: str) -> None:
    labels = _labels(by, table[by].tolist(), language)
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
    ax.xaxis.set_major_locator(MaxNLocator(nbins="auto", integer=True, steps=[1, 2, 5, 10]))
    ax.set_xlabel(column_label("cases", language) + _under_k(k, language))
    ax.set_ylabel(column_label(by, language))


@check_arguments
@japanese_font
def count_bar(
    cases: pd.DataFrame,
    by: str,
    *,
    k: int = DEFAULT_K,
    top: int | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    language: str = "ja",
) -> Axes:
    """Horizontal bars of cases per group (groups under ``k`` not drawn).

    Groups sort by cases, most first; an ordinal column (age band, income
    band, year) keeps its natural order.

    Examples
    --------
    >>> df = pd.DataFrame({"creditor_type": ["bank"] * 6 + ["jhf"] * 2 + ["other"] * 2})
    >>> ax = count_bar(df, "creditor_type", k=5)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['銀行']
    >>> ages = pd.DataFrame({"age_band": ["50s"] * 9 + ["40s"] * 7 + ["60s"] * 5})
    >>> ax = count_bar(ages, "age_band", k=5, language="en")
    >>> [t.get_text() for t in ax.get_yticklabels()], ax.get_ylabel()
    (['40s', '50s', '60s'], 'age band')
    >>> plt.close("all")
    """
    check_language(language)
    table = count_table(cases, by, k=k, top=top)
    ax = _ax(ax, count_size(table))
    _title(ax, title)
    if table.empty:
        return _nothing_to_show(ax, k, language)
    draw_count(ax, table, by, k=k, language=language)
    return ax


def box_table(
    cases: pd.DataFrame, by: str, value: str, *, k: int, top: int | None = None
) -> pd.DataFrame:
    return _top(breakdown(cases, by, value, k=k), top, by)


def box_size(table: pd.DataFrame) -> tuple[float, float]:
    return 7.0, 0.45 * max(len(table), 2) + 1.3


def draw_box(ax: Axes, table: pd.DataFrame, by: str, value: str, *, k: int, language: str) -> None:
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
        for label, row in zip(
            _labels(by, table[by].tolist(), language), table.itertuples(), strict=True
        )
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
    _value_axis(ax.xaxis, value, language)
    ax.set_xlabel(
        column_label(value, language) + text("box_axis", language) + "\n" + _under_k(k, language)
    )
    ax.set_ylabel(column_label(by, language))


@check_arguments
@japanese_font
def box_by(
    cases: pd.DataFrame,
    by: str,
    value: str,
    *,
    k: int = DEFAULT_K,
    top: int | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    language: str = "ja",
) -> Axes:
    """Box plot of ``value`` per group, drawn from k-safe quantiles.

    The box is the quartiles, the line the median, the whiskers the 10th
    and 90th percentiles; no individual case is drawn. Groups with fewer
    than ``k`` values are left out; an ordinal column keeps its order.

    Examples
    --------
    >>> df = pd.DataFrame({"creditor_type": ["bank"] * 6 + ["jhf"] * 2 + ["other"] * 2,
    ...                    "settlement_ratio": [0.02, 0.03, 0.05, 0.08, 0.1, 0.2, 0.5, 0.6] + [0.1] * 2})
    >>> ax = box_by(df, "creditor_type", "settlement_ratio", k=5)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['銀行']
    >>> plt.close("all")
    """
    check_language(language)
    table = box_table(cases, by, value, k=k, top=top)
    ax = _ax(ax, box_size(table))
    _title(ax, title)
    if table.empty:
        return _nothing_to_show(ax, k, language)
    draw_box(ax, table, by, value, k=k, language=language)
    return ax


def share_table(cases: pd.DataFrame, by: str, hue: str, *, k: int) -> pd.DataFrame:
    return crosstab(cases, by, hue, k=k, normalize=True).fillna(0.0)


def share_size(table: pd.DataFrame) -> tuple[float, float]:
    return 8.0, 0.45 * max(len(table), 2) + 1.2


def draw_share(ax: Axes, table: pd.DataFrame, by: str, hue: str, *, k: int, language: str) -> None:
    labels = _labels(by, table.index.tolist(), language)
    left = np.zeros(len(table))
    colors = plt.get_cmap("tab10").colors
    for i, (col, hue_label) in enumerate(
        zip(table.columns, _labels(hue, table.columns.tolist(), language), strict=True)
    ):
        width = table[col].to_numpy()
        ax.barh(labels, width, left=left, label=hue_label, color=colors[i % len(colors)])
        left += width
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    percent_axis(ax.xaxis)
    ax.set_xlabel(text("share_axis", language) + _under_k(k, language))
    ax.set_ylabel(column_label(by, language))
    ax.legend(
        title=column_label(hue, language),
        bbox_to_anchor=(1.01, 1),
        loc="upper left",
        fontsize="small",
    )


@check_arguments
@japanese_font
def share_bar(
    cases: pd.DataFrame,
    by: str,
    hue: str,
    *,
    k: int = DEFAULT_K,
    ax: Axes | None = None,
    title: str | None = None,
    language: str = "ja",
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
    check_language(language)
    table = share_table(cases, by, hue, k=k)
    ax = _ax(ax, share_size(table))
    _title(ax, title)
    if table.empty:
        return _nothing_to_show(ax, k, language)
    draw_share(ax, table, by, hue, k=k, language=language)
    return ax


def heatmap_table(
    cases: pd.DataFrame, index: str, columns: str, value: str, *, k: int, stat: str = "p50"
) -> pd.DataFrame:
    table = published(breakdown(cases, [index, columns], value, k=k))
    return table.pivot(index=index, columns=columns, values=stat)


def heatmap_size(grid: pd.DataFrame) -> tuple[float, float]:
    return 1.1 * max(len(grid.columns), 3) + 2, 0.5 * max(len(grid), 2) + 1.5


def draw_heatmap(
    ax: Axes, grid: pd.DataFrame, index: str, columns: str, value: str, *, k: int, language: str
) -> None:
    import seaborn as sns

    fmt = value_formatter(value, language)
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
    ax.set_yticklabels(_labels(index, grid.index.tolist(), language), rotation=0)
    ax.set_xticklabels(_labels(columns, grid.columns.tolist(), language), rotation=30, ha="right")
    ax.set_ylabel(column_label(index, language))
    ax.set_xlabel(column_label(columns, language) + "\n" + _under_k(k, language))


@check_arguments
@japanese_font
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
    language: str = "ja",
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
    check_language(language)
    grid = heatmap_table(cases, index, columns, value, k=k, stat=stat)
    ax = _ax(ax, heatmap_size(grid))
    _title(ax, title)
    if grid.empty:
        return _nothing_to_show(ax, k, language)
    draw_heatmap(ax, grid, index, columns, value, k=k, language=language)
    return ax


def has_calibration(checks: Sequence[Any]) -> bool:
    return any(c.calibration is not None and not c.calibration.empty for c in checks)


def draw_calibration(ax: Axes, checks: Sequence[Any], *, language: str) -> None:
    ax.plot(
        [0, 1],
        [0, 1],
        color="0.6",
        linestyle="--",
        linewidth=1,
        label=text("cal_ideal", language),
    )
    drawn = [c for c in checks if c.calibration is not None and not c.calibration.empty]
    styles = (("o", "#4c72b0"), ("s", "#dd8452"), ("^", "#55a868"), ("D", "#c44e52"))
    # models side by side at each level, so that one marker never hides another
    offsets = np.linspace(-0.012, 0.012, len(drawn)) if len(drawn) > 1 else [0.0]
    for check, (marker, color), dx in zip(drawn, styles, offsets, strict=False):
        cal = check.calibration
        n = int(cal["n"].iloc[0])
        name = check.name
        ax.plot(
            cal["stated"].to_numpy(dtype="float64") + dx,
            cal["observed"].to_numpy(dtype="float64"),
            marker=marker,
            markersize=8,
            markerfacecolor="white",
            markeredgewidth=2,
            color=color,
            linewidth=1.2,
            label=text("named_n", language, name=name, n=f"{n:,}"),
        )
    ax.set_xlim(0.4, 1.0)
    ax.set_ylim(0.0, 1.0)
    percent_axis(ax.xaxis)
    percent_axis(ax.yaxis)
    ax.set_xlabel(text("cal_x", language))
    ax.set_ylabel(text("cal_y", language))
    ax.legend(fontsize="small", loc="lower right")


@check_arguments
@japanese_font
def calibration_plot(
    checks: Sequence[Any], *, ax: Axes | None = None, language: str = "ja"
) -> Axes:
    """Observed against nominal coverage of the models' central intervals.

    A calibrated model lies on the diagonal: its 80% intervals hold about
    80% of the cases. Each point is an aggregate over all checked cases; the
    models are drawn side by side (a small offset), hollow, so that one
    never hides another.

    Parameters
    ----------
    checks : sequence of ModelCheck
        From :func:`~outcomes.report.check_models`.
    """
    check_language(language)
    ax = _ax(ax, (5.5, 4.5))
    ax.set_title(text("cal_title", language))
    if not has_calibration(checks):
        return ax
    draw_calibration(ax, checks, language=language)
    return ax


def _km_label(name: object, language: str) -> str:
    names = {**value_labels("creditor_type", language), **value_labels("group", language)}
    return safe_label(names.get(str(name), name))


def draw_km(ax: Axes, curves: pd.DataFrame, *, language: str) -> None:
    for name, curve in curves.groupby("group", sort=False):
        x = np.concatenate([[0.0], curve["months"].to_numpy()])
        y = np.concatenate([[1.0], curve["not_agreed"].to_numpy()])
        ax.step(x, y, where="post", label=_km_label(name, language))
    ax.set_ylim(0, 1.02)
    ax.set_xlim(left=0)
    percent_axis(ax.yaxis)
    months_axis(ax.xaxis)
    ax.set_xlabel(text("km_x", language))
    ax.set_ylabel(text("km_y", language))
    ax.legend(fontsize="small", bbox_to_anchor=(1.01, 1), loc="upper left")


@check_arguments
@japanese_font
def km_plot(
    curves: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    k: int | None = None,
    language: str = "ja",
) -> Axes:
    """Kaplan–Meier curves of :func:`~outcomes.report.kaplan_meier` (steps, one per group).

    Each curve is drawn only where at least k cases were at risk (the table
    already stops there); the legend gives each group's label. With no
    curve, the axes say that every group had fewer than ``k`` cases (``k``
    defaults to the one the curves were computed with).

    Examples
    --------
    >>> ax = km_plot(pd.DataFrame(columns=["group", "months", "not_agreed", "at_risk"]), k=10)
    >>> ax.texts[0].get_text()
    '表示できるグループがありません(どれも10件未満)'
    >>> plt.close("all")
    """
    check_language(language)
    ax = _ax(ax, (7, 4.5))
    _title(ax, title)
    if curves.empty:
        return _nothing_to_show(ax, int(k or curves.attrs.get("k", DEFAULT_K)), language)
    draw_km(ax, curves, language=language)
    return ax


def _quarter_axis(ax: Axes, x: np.ndarray, quarters: list[str], language: str) -> None:
    """Quarters on the x axis: up to 8 quarters each labelled (``2023Q1``); more: one
    label per year (``2023``, at its first quarter shown), every quarter a small tick."""
    if len(quarters) <= 8:
        ax.set_xticks(x, quarters, rotation=0)
        if all(len(q) == 4 for q in quarters):
            ax.set_xlabel(text("trend_year_axis", language))
        return
    years = [q[:4] for q in quarters]
    first = [i for i, y in enumerate(years) if i == 0 or y != years[i - 1]]
    step = max(1, -(-len(first) // 8))  # at most about 8 year labels
    shown = first[::step]
    ax.set_xticks(x[shown], [years[i] for i in shown], rotation=0)
    ax.set_xticks(x, minor=True)
    ax.tick_params(axis="x", which="minor", length=2)
    ax.set_xlabel(text("trend_quarter_axis", language))


def has_trend(table: pd.DataFrame) -> bool:
    return bool((~table["suppressed"].to_numpy(dtype=bool)).any())


def trend_title(title: str | None, table: pd.DataFrame) -> str | None:
    if title and table.attrs.get("period") == "year":
        return title.replace("四半期", "年別").replace("by quarter", "by year")
    return title


def draw_trend(ax: Axes, table: pd.DataFrame, value: str, *, language: str) -> None:
    x = np.arange(len(table))
    med = table["median"].to_numpy(dtype="float64")
    ax.fill_between(
        x,
        table["lower"].to_numpy(dtype="float64"),
        table["upper"].to_numpy(dtype="float64"),
        alpha=0.25,
        color="#4c72b0",
        label=text("trend_interval", language),
    )
    ax.plot(x, med, marker="o", markersize=3, color="#4c72b0", label=text("trend_median", language))
    _quarter_axis(ax, x, table["quarter"].astype(str).tolist(), language)
    _value_axis(ax.yaxis, value, language)
    ax.set_ylabel(column_label(value, language))
    ax.legend(fontsize="small")


@check_arguments
@japanese_font
def trend_plot(
    table: pd.DataFrame,
    value: str,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    k: int = DEFAULT_K,
    language: str = "ja",
) -> Axes:
    """Quarterly medians with their 95% interval (:func:`~outcomes.report.quarterly_trend`).

    Suppressed quarters are gaps; a yearly table (too few cases per quarter)
    is titled by year.
    """
    check_language(language)
    ax = _ax(ax, (7, 3.8))
    _title(ax, trend_title(title, table))
    if not has_trend(table):
        return _nothing_to_show(ax, k, language)
    draw_trend(ax, table, value, language=language)
    return ax
