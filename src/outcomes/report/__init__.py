"""The internal report: k-safe tables and figures, and the HTML written from the template.

What the report template and the notebooks import; each concern is one module:

* :mod:`outcomes.report.data` -- read an export (:func:`load_report_data`),
  select the cases (:func:`select_cases`, :func:`parse_period`), drop small
  quasi-identifier groups (:func:`k_safe_cases`), derive columns
  (:func:`with_derived`); :func:`prepare_report` does it all;
* :mod:`outcomes.report.tables` -- k-safe aggregates (:func:`breakdown`,
  :func:`crosstab`, :func:`problem_summary`) and :func:`styled`;
* :mod:`outcomes.report.checks` -- the models' accuracy beside
  ``evaluate``'s baselines, calibration, predicted ranges
  (:func:`check_models`);
* :mod:`outcomes.report.plots` -- k-safe figures with Japanese labels
  (:func:`set_theme`, :func:`count_bar`, :func:`box_by` …);
* :mod:`outcomes.report.render` -- :func:`write_report`: the packaged
  template run with papermill, one HTML file without code.

Every output about a way out or an offer is an internal estimate, never a
promise to the debtor.
"""

from __future__ import annotations

import importlib

from outcomes.report.checks import (
    ACCURACY_COVERAGE,
    COVERAGES,
    REPORT_BASELINES,
    ModelCheck,
    accuracy_table,
    check_models,
    predicted_ranges,
    ranges_table,
)
from outcomes.report.data import (
    ReportCases,
    ReportData,
    k_safe_cases,
    load_report_data,
    months_to_agreement,
    parse_period,
    prepare_report,
    select_cases,
    source_name,
    with_derived,
)
from outcomes.report.render import (
    ReportError,
    kernel_manager_class,
    notebook_to_html,
    template_path,
    write_report,
)
from outcomes.report.tables import (
    QUANTILES,
    breakdown,
    column_label,
    crosstab,
    problem_summary,
    safe_label,
    styled,
    value_formatter,
    value_labels,
)

# figures: imported on first use, so that the command line does not load matplotlib
_PLOTS = (
    "JAPANESE_FONT",
    "box_by",
    "calibration_plot",
    "count_bar",
    "heatmap",
    "set_theme",
    "share_bar",
)

__all__ = [
    "ACCURACY_COVERAGE",
    "COVERAGES",
    "JAPANESE_FONT",
    "QUANTILES",
    "REPORT_BASELINES",
    "ModelCheck",
    "ReportCases",
    "ReportData",
    "ReportError",
    "accuracy_table",
    "box_by",
    "breakdown",
    "calibration_plot",
    "check_models",
    "column_label",
    "count_bar",
    "crosstab",
    "heatmap",
    "k_safe_cases",
    "kernel_manager_class",
    "load_report_data",
    "months_to_agreement",
    "notebook_to_html",
    "parse_period",
    "predicted_ranges",
    "prepare_report",
    "problem_summary",
    "ranges_table",
    "safe_label",
    "select_cases",
    "set_theme",
    "share_bar",
    "source_name",
    "styled",
    "template_path",
    "value_formatter",
    "value_labels",
    "with_derived",
    "write_report",
]


def __getattr__(name: str) -> object:
    if name in _PLOTS:
        value = getattr(importlib.import_module("outcomes.report.plots"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'outcomes.report' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
