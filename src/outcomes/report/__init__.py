"""The internal report: tables and figures on all cases, small cells suppressed, and its HTML.

What the report template and the notebooks import; each concern is one module:

* :mod:`outcomes.report.data` -- read an export (:func:`load_report_data`),
  select the cases (:func:`select_cases`, :func:`parse_period`), derive
  columns (:func:`with_derived`); :func:`prepare_report` does it all and
  keeps every matching case;
* :mod:`outcomes.report.tables` -- aggregates computed on all cases with
  their small cells suppressed (:func:`breakdown`, :func:`crosstab`,
  :func:`league_table`, :func:`quarterly_trend`), :func:`problem_summary`
  (in full) and :func:`styled`;
* :mod:`outcomes.report.survival` -- time from sale to agreement
  (:func:`kaplan_meier`, pending cases censored);
* :mod:`outcomes.report.verify` -- :func:`check_html` proves that a written
  report publishes no count under k;
* :mod:`outcomes.report.checks` -- the models' accuracy beside
  ``evaluate``'s baselines, calibration, predicted ranges
  (:func:`check_models`);
* :mod:`outcomes.report.plots` -- k-safe figures with Japanese labels
  (:func:`set_theme`, :func:`count_bar`, :func:`box_by` …);
* :mod:`outcomes.report.section` -- :class:`ReportSection`: what one
  section shows, and one sentence for what it cannot (every group under k);
* :mod:`outcomes.report.whatif` -- :class:`OfferWhatIf`: one case's offer
  re-drawn as cash, budget, servicer and debt change (sliders in a notebook);
* :mod:`outcomes.report.render` -- :func:`write_report`: the packaged
  template run with papermill, one HTML file without code, in Japanese or
  English (``language``).

Every output about a way out or an offer is an internal estimate, never a
promise to the debtor.
"""

from __future__ import annotations

import importlib

from outcomes.report.checks import (
    ACCURACY_COVERAGE,
    COVERAGES,
    DRIFT_DISTANCE,
    DRIFT_PSI,
    DRIFT_VERDICTS,
    POOLED_ROW,
    REPORT_BASELINES,
    TOTAL_ROW,
    ModelCheck,
    accuracy_table,
    case_predictions,
    check_models,
    expected_totals,
    predicted_ranges,
    ranges_table,
    totals_table,
    training_drift,
)
from outcomes.report.data import (
    ReportCases,
    ReportData,
    check_selection,
    load_report_data,
    months_to_agreement,
    now_jst,
    parse_period,
    period_label,
    prepare_report,
    previous_period,
    select_cases,
    source_name,
    with_derived,
)
from outcomes.report.groups import (
    POOLED,
    comparison_styled,
    league_styled,
    league_table,
    median_table,
    period_comparison,
    quarterly_trend,
    uniform_median,
)
from outcomes.report.render import (
    ReportError,
    kernel_manager_class,
    notebook_to_html,
    template_path,
    write_pdf,
    write_report,
)
from outcomes.report.section import ReportSection
from outcomes.report.survival import kaplan_meier, survival_times
from outcomes.report.tables import (
    COUNT_CLASS,
    ORDINAL_COLUMNS,
    QUANTILES,
    STAT_CLASS,
    SUPPRESSED,
    SuppressionLog,
    breakdown,
    column_label,
    crosstab,
    natural_order,
    problem_summary,
    published,
    safe_label,
    shown,
    styled,
    suppression_log,
    value_formatter,
    value_labels,
)
from outcomes.report.verify import PublishedCountError, check_html
from outcomes.report.whatif import OfferWhatIf

# figures: imported on first use, so that the command line does not load matplotlib
_PLOTS = (
    "JAPANESE_FONT",
    "Panel",
    "box_by",
    "calibration_plot",
    "count_bar",
    "draw_panels",
    "heatmap",
    "km_plot",
    "panel",
    "set_theme",
    "share_bar",
    "trend_plot",
)

__all__ = [
    "ACCURACY_COVERAGE",
    "COUNT_CLASS",
    "COVERAGES",
    "DRIFT_DISTANCE",
    "DRIFT_PSI",
    "DRIFT_VERDICTS",
    "JAPANESE_FONT",
    "ModelCheck",
    "ORDINAL_COLUMNS",
    "OfferWhatIf",
    "POOLED",
    "POOLED_ROW",
    "Panel",
    "PublishedCountError",
    "QUANTILES",
    "REPORT_BASELINES",
    "ReportCases",
    "ReportData",
    "ReportError",
    "ReportSection",
    "STAT_CLASS",
    "SUPPRESSED",
    "SuppressionLog",
    "TOTAL_ROW",
    "accuracy_table",
    "box_by",
    "breakdown",
    "calibration_plot",
    "case_predictions",
    "check_html",
    "check_models",
    "check_selection",
    "column_label",
    "comparison_styled",
    "count_bar",
    "crosstab",
    "draw_panels",
    "expected_totals",
    "heatmap",
    "kaplan_meier",
    "kernel_manager_class",
    "league_styled",
    "league_table",
    "km_plot",
    "load_report_data",
    "median_table",
    "months_to_agreement",
    "natural_order",
    "notebook_to_html",
    "now_jst",
    "panel",
    "parse_period",
    "period_comparison",
    "period_label",
    "predicted_ranges",
    "prepare_report",
    "previous_period",
    "problem_summary",
    "published",
    "quarterly_trend",
    "ranges_table",
    "safe_label",
    "select_cases",
    "set_theme",
    "share_bar",
    "shown",
    "source_name",
    "styled",
    "suppression_log",
    "survival_times",
    "template_path",
    "totals_table",
    "training_drift",
    "trend_plot",
    "uniform_median",
    "value_formatter",
    "value_labels",
    "with_derived",
    "write_pdf",
    "write_report",
]


#: the figures that sit beside each other (panels), also imported on first use
_PANELS = ("Panel", "draw_panels", "panel")


def __getattr__(name: str) -> object:
    if name in _PLOTS:
        module = "outcomes.report.panels" if name in _PANELS else "outcomes.report.plots"
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'outcomes.report' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
