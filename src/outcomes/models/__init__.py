"""Models of the settlement ratio and the monthly instalment, with calibrated intervals.

* :class:`RatioRegressor` -- a scikit-learn regressor for any fraction in
  [0, 1] (settlement ratios, recovery rates, LGD) on any feature table,
  with split-conformal quantiles on the logit scale;
* :class:`SettlementRatioModel`, :class:`MonthlyAmountModel` -- fitted on
  the clean case table, predicting for every case;
* :func:`evaluate` -- cross-validated figures beside baselines
  (:func:`fit_and_evaluate`: then fit on all cases), :func:`calibration_table`,
  :func:`drivers_table`;
* ``model.save(path)`` / :func:`load_model` -- skops files with a reviewed
  list of trusted types;
* :func:`plot_calibration`, :func:`plot_residuals`, :func:`plot_drivers`.
"""

from outcomes.models._drift import DRIFT_FEATURES, TrainingProfile, drift, drift_warning
from outcomes.models._evaluate import (
    calibration_table,
    drivers_table,
    evaluate,
    fit_and_evaluate,
    interval_metrics,
)
from outcomes.models._features import CASE_FEATURES, TableEncoder, case_features
from outcomes.models._monthly import MonthlyAmountModel
from outcomes.models._persist import TRUSTED_TYPES, load_model, read_metadata
from outcomes.models._plots import plot_calibration, plot_drivers, plot_residuals
from outcomes.models._ratio import AmountRegressor, RatioRegressor
from outcomes.models._settlement import SettlementRatioModel
from outcomes.models._time import TIME_FEATURES, TimeToAgreementModel, survival_data

__all__ = [
    "CASE_FEATURES",
    "TRUSTED_TYPES",
    "AmountRegressor",
    "MonthlyAmountModel",
    "RatioRegressor",
    "SettlementRatioModel",
    "TableEncoder",
    "calibration_table",
    "case_features",
    "drivers_table",
    "evaluate",
    "fit_and_evaluate",
    "interval_metrics",
    "load_model",
    "plot_calibration",
    "plot_drivers",
    "plot_residuals",
    "read_metadata",
    "DRIFT_FEATURES",
    "TIME_FEATURES",
    "TimeToAgreementModel",
    "TrainingProfile",
    "drift",
    "drift_warning",
    "survival_data",
]
