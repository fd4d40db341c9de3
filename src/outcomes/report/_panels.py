"""Several figures side by side, only those with something to show: :class:`Panel`, :func:`panel`, :func:`draw_panels`.

A section of the report draws its figures through :func:`draw_panels`: a
figure every group of which is under ``k`` is left out, and the section says
so in one sentence (:class:`~outcomes.report._section.ReportSection`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from outcomes._arguments import check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._format import check_language
from outcomes.report._plots import (
    box_size,
    box_table,
    count_size,
    count_table,
    draw_box,
    draw_calibration,
    draw_count,
    draw_heatmap,
    draw_km,
    draw_share,
    draw_trend,
    has_calibration,
    has_trend,
    heatmap_size,
    heatmap_table,
    japanese_font,
    share_size,
    share_table,
    trend_title,
)
from outcomes.report._text import text

__all__ = [
    "Panel",
    "draw_panels",
    "panel",
]

# --------------------------------------------------------------------------
# Several figures side by side: only those with something to show
# --------------------------------------------------------------------------


@dataclass
class Panel:
    """One figure of :func:`draw_panels`: a kind of figure, its arguments, its title.

    Build it with :func:`panel`. ``rows`` is set when it is drawn: the
    groups (bars, boxes, curves …) it shows.
    """

    kind: str
    args: tuple[Any, ...]
    title: str
    options: dict[str, Any] = field(default_factory=dict)
    rows: int | None = None


#: the kinds of :func:`panel`: (what to draw, computed k-safe; whether there is anything)
_KINDS: dict[str, tuple[Callable[..., Any], Callable[[Any], bool]]] = {
    "count": (
        lambda cases, by, *, k, top=None: count_table(cases, by, k=k, top=top),
        lambda t: not t.empty,
    ),
    "box": (
        lambda cases, by, value, *, k, top=None: box_table(cases, by, value, k=k, top=top),
        lambda t: not t.empty,
    ),
    "share": (
        lambda cases, by, hue, *, k: share_table(cases, by, hue, k=k),
        lambda t: not t.empty,
    ),
    "heatmap": (
        lambda cases, index, columns, value, *, k, stat="p50": heatmap_table(
            cases, index, columns, value, k=k, stat=stat
        ),
        lambda t: not t.empty,
    ),
    "km": (lambda curves, *, k: curves, lambda t: not t.empty),
    "trend": (lambda table, value, *, k: table, has_trend),
    "calibration": (lambda checks, *, k: list(checks), has_calibration),
}


def panel(kind: str, *args: Any, title: str, **options: Any) -> Panel:
    """One figure for :func:`draw_panels`.

    ``kind`` and its arguments:

    * ``"count"``: ``cases, by`` (option ``top``) — as :func:`count_bar`;
    * ``"box"``: ``cases, by, value`` (option ``top``) — as :func:`box_by`;
    * ``"share"``: ``cases, by, hue`` — as :func:`share_bar`;
    * ``"heatmap"``: ``cases, index, columns, value`` — as :func:`heatmap`;
    * ``"km"``: ``curves`` of :func:`~outcomes.report.kaplan_meier` — as :func:`km_plot`;
    * ``"trend"``: ``table, value`` of :func:`~outcomes.report.quarterly_trend`;
    * ``"calibration"``: ``checks`` of :func:`~outcomes.report.check_models`.

    Examples
    --------
    >>> import pandas as pd
    >>> panel("count", pd.DataFrame({"age_band": []}), "age_band", title="年代").kind
    'count'
    """
    if kind not in _KINDS:
        raise ValueError(f"panel kind {kind!r}: use one of {', '.join(_KINDS)}")
    return Panel(kind, args, title, options)


def _size(p: Panel, data: Any) -> tuple[float, float]:
    if p.kind == "count":
        return count_size(data)
    if p.kind == "box":
        return box_size(data)
    if p.kind == "share":
        return share_size(data)
    if p.kind == "heatmap":
        return heatmap_size(data)
    if p.kind == "calibration":
        return 5.5, 4.5
    if p.kind == "trend":
        return 6.5, 3.8
    return 6.5, 4.5


def _draw(ax: Axes, p: Panel, data: Any, *, k: int, language: str) -> None:
    ax.set_title(trend_title(p.title, data) if p.kind == "trend" else p.title)
    if p.kind == "count":
        draw_count(ax, data, p.args[1], k=k, language=language)
        p.rows = len(data)
    elif p.kind == "box":
        draw_box(ax, data, p.args[1], p.args[2], k=k, language=language)
        p.rows = len(data)
    elif p.kind == "share":
        draw_share(ax, data, p.args[1], p.args[2], k=k, language=language)
        p.rows = len(data)
    elif p.kind == "heatmap":
        draw_heatmap(ax, data, *p.args[1:4], k=k, language=language)
        p.rows = len(data)
    elif p.kind == "km":
        draw_km(ax, data, language=language)
        p.rows = int(data["group"].nunique())
    elif p.kind == "trend":
        draw_trend(ax, data, p.args[1], language=language)
        p.rows = int((~data["suppressed"].to_numpy(dtype=bool)).sum())
    else:
        ax.set_title(p.title or text("cal_title", language))
        draw_calibration(ax, data, language=language)
        p.rows = len([c for c in data if c.calibration is not None and not c.calibration.empty])


@check_arguments
@japanese_font
def draw_panels(
    panels: Sequence[Panel], *, k: int = DEFAULT_K, language: str = "ja", ncols: int = 2
) -> list[str]:
    """Draw the panels that have something to show, side by side, in one figure.

    Each panel's k-safe table is computed once; a panel whose every group is
    under ``k`` is not drawn (no empty frame) and its title is returned, so
    that the report can say in one sentence what it cannot show. Nothing is
    drawn when no panel has anything to show.

    Returns
    -------
    list of str
        The titles of the panels left out.

    Examples
    --------
    >>> from outcomes.report._plots import set_theme
    >>> set_theme()
    >>> import pandas as pd
    >>> df = pd.DataFrame({"creditor_type": ["bank"] * 6, "employment": ["employee"] * 3 + [None] * 3})
    >>> draw_panels([panel("count", df, "creditor_type", title="債権者区分"),
    ...              panel("count", df, "employment", title="職業")], k=5)
    ['職業']
    >>> len(plt.gcf().axes)
    1
    >>> plt.close("all")
    """
    check_language(language)
    ready: list[tuple[Panel, Any]] = []
    missing: list[str] = []
    for p in panels:
        prepare, has = _KINDS[p.kind]
        data = prepare(*p.args, k=k, **p.options)
        if has(data):
            ready.append((p, data))
        else:
            missing.append(p.title)
    if not ready:
        return missing
    ncols = max(1, min(ncols, len(ready)))
    rows = [ready[i : i + ncols] for i in range(0, len(ready), ncols)]
    sizes = [[_size(p, data) for p, data in row] for row in rows]
    width = max(sum(w for w, _ in row) for row in sizes)
    heights = [max(h for _, h in row) for row in sizes]
    fig = plt.figure(figsize=(width, sum(heights)))
    grid = fig.add_gridspec(len(rows), ncols, height_ratios=heights)
    for r, row in enumerate(rows):
        for c, (p, data) in enumerate(row):
            _draw(fig.add_subplot(grid[r, c]), p, data, k=k, language=language)
    fig.tight_layout()
    return missing
