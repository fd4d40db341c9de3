"""Models of the settlement ratio and the monthly instalment, with calibrated intervals.

* :class:`RatioRegressor` -- a scikit-learn regressor for any fraction in
  [0, 1] (settlement ratios, recovery rates, LGD) on any feature table,
  with split-conformal quantiles on the logit scale, a calibrated mean
  (``predict_mean``), a coefficient table for GLM fits (``coefficients``)
  and per-case explanations (``explain``);
* :class:`SettlementRatioModel`, :class:`MonthlyAmountModel` -- fitted on
  the clean case table, predicting for every case;
* :func:`evaluate` -- cross-validated figures beside baselines
  (:func:`fit_and_evaluate`: then fit on all cases), :func:`calibration_table`,
  :func:`drivers_table`;
* ``model.save(path)`` / :func:`load_model` -- skops files with a reviewed
  list of trusted types;
* :func:`plot_calibration`, :func:`plot_residuals`, :func:`plot_drivers`;
* :class:`AcceptanceModel` -- the chance that a creditor accepts a lump sum,
  from the negotiation log's bounds (:func:`log_bounds`), with
  :func:`evaluate_acceptance`; :func:`servicer_answers` -- how each servicer
  answers in the log (first demand, settlement, rounds, waiting), every
  figure from at least k cases.

Names are imported on first use (``import outcomes.models`` loads neither
scikit-learn nor scipy).
"""

from __future__ import annotations

import importlib

_PUBLIC: dict[str, str] = {
    "CASE_FEATURES": "outcomes.models._features",
    "MIN_CASES": "outcomes.models._features",
    "OPTIONAL_CASE_FEATURES": "outcomes.models._features",
    "TRUSTED_TYPES": "outcomes.models._persist",
    "AcceptanceModel": "outcomes.models._acceptance",
    "AmountRegressor": "outcomes.models._ratio",
    "MonthlyAmountModel": "outcomes.models._monthly",
    "RatioRegressor": "outcomes.models._ratio",
    "SettlementRatioModel": "outcomes.models._settlement",
    "TableEncoder": "outcomes.models._features",
    "calibration_table": "outcomes.models._evaluate",
    "case_features": "outcomes.models._features",
    "drivers_table": "outcomes.models._evaluate",
    "evaluate": "outcomes.models._evaluate",
    "METRICS": "outcomes.models._evaluate",
    "fit_and_evaluate": "outcomes.models._evaluate",
    "interval_metrics": "outcomes.models._evaluate",
    "load_model": "outcomes.models._persist",
    "plot_calibration": "outcomes.models._plots",
    "plot_drivers": "outcomes.models._plots",
    "plot_residuals": "outcomes.models._plots",
    "read_metadata": "outcomes.models._persist",
    # what the model directory (outcomes._io) records of each model
    "model_metadata": "outcomes.models._persist",
    "package_version": "outcomes.models._persist",
    "table_sha256": "outcomes.models._persist",
    # time to agreement and drift
    "TIME_FEATURES": "outcomes.models._time",
    "TimeToAgreementModel": "outcomes.models._time",
    "survival_data": "outcomes.models._time",
    "DRIFT_FEATURES": "outcomes.models._drift",
    "TrainingProfile": "outcomes.models._drift",
    "drift": "outcomes.models._drift",
    "DRIFT_FEW_CASES": "outcomes.models._drift",
    "DRIFT_WORDS": "outcomes.models._drift",
    "drift_message": "outcomes.models._drift",
    "drift_warning": "outcomes.models._drift",
    "render_drift": "outcomes.models._drift",
    # what a creditor accepts, from the negotiation log (issue 27)
    "evaluate_acceptance": "outcomes.models._acceptance_eval",
    "log_bounds": "outcomes.models._acceptance",
    "LOG_REQUIRED": "outcomes.models._acceptance",
    "servicer_answers": "outcomes.models._answers",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> object:
    try:
        module = _PUBLIC[name]
    except KeyError:
        raise AttributeError(f"module 'outcomes.models' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
