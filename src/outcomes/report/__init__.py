"""The internal report: tables and figures on all cases, small cells suppressed, and its HTML.

The names the report template (``outcomes/templates/report.ipynb``) and the
notebooks use, and no more; the modules behind them are private. In the order
the template uses them:

* what the report is about -- :class:`Selection` (period, servicer, creditor
  type, the period compared with, ``k``, language), :func:`prepare_report`
  (read, clean and select every matching case; the template's first step) and
  :func:`with_derived` (the columns reports break down by);
* aggregates computed on all cases with their small cells suppressed --
  :func:`breakdown`, :func:`league_table`, :func:`quarterly_trend`,
  :func:`period_comparison` and :func:`comparison_styled`,
  :func:`problem_summary` (in full), :func:`styled`; :func:`kaplan_meier`
  (time from sale to agreement, pending cases censored);
* the models -- :func:`check_models` (accuracy beside ``evaluate``'s
  baselines, calibration), :func:`case_predictions`, :func:`accuracy_table`,
  :func:`predicted_ranges` / :func:`ranges_table`, :func:`expected_totals` /
  :func:`totals_table`, :func:`training_drift`;
* k-safe figures with Japanese labels -- :func:`set_theme`, :func:`panel`,
  :func:`count_bar`, :func:`box_by`, :func:`share_bar`, :func:`heatmap`,
  :func:`km_plot`;
* the negotiation log -- :func:`negotiation_section` (how each servicer
  answers, 交渉の傾向: only with a log, every cell from at least ``k`` cases);
* one case's offer re-drawn as cash, budget, servicer and debt change --
  :class:`OfferWhatIf` (sliders in a notebook);
* the file -- :func:`write_report` (the packaged template, :func:`template_path`,
  run with papermill: one HTML file without code, in Japanese or English),
  :func:`write_pdf`, and :func:`check_html`, which proves that a written
  report publishes no count under k.

Every output about a way out or an offer is an internal estimate, never a
promise to the debtor.

Examples
--------
>>> import outcomes.report
>>> len(outcomes.report.__all__) <= 35
True
"""

from __future__ import annotations

import importlib

from outcomes.report._checks import (
    accuracy_table,
    case_predictions,
    check_models,
    expected_totals,
    predicted_ranges,
    ranges_table,
    totals_table,
    training_drift,
)
from outcomes.report._data import prepare_report, with_derived
from outcomes.report._groups import (
    comparison_styled,
    league_table,
    period_comparison,
    quarterly_trend,
)
from outcomes.report._negotiations import negotiation_section
from outcomes.report._render import (
    ReportError,
    template_path,
    write_pdf,
    write_report,
)
from outcomes.report._selection import Selection
from outcomes.report._survival import kaplan_meier
from outcomes.report._tables import breakdown, problem_summary, styled
from outcomes.report._verify import PublishedCountError, check_html
from outcomes.report._whatif import OfferWhatIf

# figures: imported on first use, so that the command line does not load matplotlib
_PLOTS = ("box_by", "count_bar", "heatmap", "km_plot", "set_theme", "share_bar")
#: the figures that sit beside each other (panels), also imported on first use
_PANELS = ("panel",)

__all__ = [
    "OfferWhatIf",
    "PublishedCountError",
    "ReportError",
    "Selection",
    "accuracy_table",
    "box_by",
    "breakdown",
    "case_predictions",
    "check_html",
    "check_models",
    "comparison_styled",
    "count_bar",
    "expected_totals",
    "heatmap",
    "kaplan_meier",
    "km_plot",
    "league_table",
    "negotiation_section",
    "panel",
    "period_comparison",
    "predicted_ranges",
    "prepare_report",
    "problem_summary",
    "quarterly_trend",
    "ranges_table",
    "set_theme",
    "share_bar",
    "styled",
    "template_path",
    "totals_table",
    "training_drift",
    "with_derived",
    "write_pdf",
    "write_report",
]


def __getattr__(name: str) -> object:
    if name in _PLOTS or name in _PANELS:
        module = "outcomes.report._panels" if name in _PANELS else "outcomes.report._plots"
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'outcomes.report' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
