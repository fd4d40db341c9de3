"""The common frame of the case-table models (settlement ratio, monthly amount)."""

from __future__ import annotations

import datetime as _dt
import warnings
from typing import ClassVar

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.metrics import r2_score
from sklearn.utils import Tags
from sklearn.utils.validation import check_is_fitted

from outcomes._arguments import check_parameters
from outcomes._errors import OutcomesError
from outcomes.models._conformal import DEFAULT_QUANTILES, ConformalRegressor
from outcomes.models._features import (
    MIN_CASES,
    OPTIONAL_CASE_FEATURES,
    case_features,
    check_case_table,
)
from outcomes.models._persist import SaveMixin, table_sha256

__all__ = ["CaseModel"]


class CaseModel(SaveMixin, RegressorMixin, BaseEstimator):
    """Fit on the clean case table, predict for every case.

    Subclasses set :attr:`target`, :attr:`resolution` and build the
    underlying regressor in :meth:`_make_regressor`.
    """

    #: the clean-table column predicted
    target: ClassVar[str] = ""
    #: the resolution code of the training rows
    resolution: ClassVar[str] = ""
    #: what the target is called in messages
    what: ClassVar[str] = ""

    #: default of ``min_frequency`` for models saved before it was a parameter
    min_frequency: int = 10

    def _make_regressor(self) -> ConformalRegressor:  # pragma: no cover - abstract
        raise NotImplementedError

    def _min_frequency(self) -> int:
        """``min_frequency``, or the deprecated ``min_category_count`` when given."""
        old = getattr(self, "min_category_count", None)
        if old is None:
            return int(self.min_frequency)
        warnings.warn(
            f"{type(self).__name__}(min_category_count=) is deprecated; use min_frequency=",
            FutureWarning,
            stacklevel=4,
        )
        return int(old)

    # -- rows and target -------------------------------------------------------
    def _check_cases(self, cases: object) -> pd.DataFrame:
        return check_case_table(self, cases)

    def training_rows(self, cases: pd.DataFrame) -> np.ndarray:
        """Boolean mask of the rows the model learns from."""
        cases = self._check_cases(cases)
        for col in ("resolution", self.target):
            if col not in cases.columns:
                raise OutcomesError(f"the case table lacks column {col}; clean it with clean_cases")
        resolution = cases["resolution"].astype("string").to_numpy(dtype=object, na_value=None)
        y = cases[self.target].to_numpy(dtype="float64", na_value=np.nan)
        return (resolution == self.resolution) & self._valid_target(y)

    def _valid_target(self, y: np.ndarray) -> np.ndarray:
        return np.isfinite(y) & (y >= 0)

    def _transform_target(self, y: np.ndarray) -> np.ndarray:
        return y

    def observed(self, cases: pd.DataFrame) -> np.ndarray:
        """The target of the training rows, as the model learns it."""
        rows = self.training_rows(cases)
        y = cases[self.target].to_numpy(dtype="float64", na_value=np.nan)[rows]
        return self._transform_target(y)

    def features(self, cases: pd.DataFrame) -> pd.DataFrame:
        """The model's features of each case (see :func:`case_features`).

        A fitted model gets the features it was fitted on, in that order: an
        optional column it learned from (``servicer_role``) is missing where
        the table lacks it, and one it did not learn from is left out (so a
        model saved before a feature was added still predicts).
        """
        X = case_features(self._check_cases(cases), as_of=self.as_of)
        names = getattr(self, "feature_names_", None)
        if names is None or list(X.columns) == names:
            return X
        for name in names:
            if name not in X.columns:
                X[name] = pd.array([pd.NA] * len(X), dtype="string")
        return X[names]

    # -- fit / predict ---------------------------------------------------------
    def fit(self, cases: pd.DataFrame, y: None = None) -> CaseModel:
        """Fit on the clean case table.

        Parameters
        ----------
        cases : DataFrame
            The clean table (the contract's columns). Only rows of the
            model's resolution with a usable target are learned from.
        y : None
            Ignored; the target is a column of ``cases``.

        Returns
        -------
        self
        """
        check_parameters(self.get_params())
        cases = self._check_cases(cases)
        rows = self.training_rows(cases)
        n = int(rows.sum())
        if n < MIN_CASES:
            raise OutcomesError(
                f"only {n} {self.resolution} case(s) with a {self.target}; "
                f"{type(self).__name__} needs at least {MIN_CASES}"
            )
        self.__dict__.pop("feature_names_", None)  # a refit chooses its features anew
        X = case_features(cases.loc[rows], as_of=self.as_of)
        X = X.drop(columns=[c for c in OPTIONAL_CASE_FEATURES if c in X and X[c].isna().all()])
        target = self._transform_target(
            cases[self.target].to_numpy(dtype="float64", na_value=np.nan)[rows]
        )
        self.regressor_ = self._make_regressor().fit(X, target)
        self.n_train_ = n
        self.n_cases_ = len(cases)
        self.training_sha256_ = table_sha256(cases)
        self.fitted_at_ = _dt.datetime.now().isoformat(timespec="seconds")
        self.feature_names_ = list(X.columns)
        return self

    def predict(self, cases: pd.DataFrame) -> np.ndarray:
        """The calibrated median for every case (one value per row of ``cases``)."""
        check_is_fitted(self, "regressor_")
        return self.regressor_.predict(self.features(cases))

    def predict_mean(self, cases: pd.DataFrame) -> np.ndarray:
        """The calibrated conditional mean for every case: use it where values are
        summed (expected recoveries, portfolio totals); an internal estimate."""
        check_is_fitted(self, "regressor_")
        return self.regressor_.predict_mean(self.features(cases))

    def coefficients(self, level: float = 0.95) -> pd.DataFrame:
        """The GLM's coefficient table (``learner="glm"`` fits, or ``"auto"``
        having chosen the GLM): see :meth:`RatioRegressor.coefficients`."""
        check_is_fitted(self, "regressor_")
        return self.regressor_.coefficients(level)

    def explain(
        self, cases: pd.DataFrame, reference: pd.DataFrame | None = None, *, what: str = "median"
    ) -> pd.DataFrame:
        """Each feature's contribution to a case's predicted median (or mean).

        Against ``reference`` (a clean one-row case table; default the
        training median case), in the target's units; per row the feature
        columns sum to ``prediction - reference_prediction``. Exact for the
        GLM; baseline Shapley values of the calibrated median otherwise (see
        :mod:`outcomes.models._explain`). An internal estimate of what drives
        the model, not a statement to the debtor.
        """
        from outcomes.models._explain import explain

        check_is_fitted(self, "regressor_")
        ref = None if reference is None else self.features(reference).head(1)
        return explain(self.regressor_, self.features(cases), ref, what=what)

    def predict_quantiles(
        self, cases: pd.DataFrame, quantiles: object = DEFAULT_QUANTILES
    ) -> pd.DataFrame:
        """Calibrated quantiles for every case: one column per level, in the order asked.

        Parameters
        ----------
        cases : DataFrame
            The clean table; any resolution (pending cases included).
        quantiles : sequence of float, default=(0.05, 0.5, 0.95)

        Returns
        -------
        DataFrame
            Index of ``cases``; columns the levels; never crossing.
        """
        check_is_fitted(self, "regressor_")
        return self.regressor_.predict_quantiles(self.features(cases), quantiles)

    def predict_interval(self, cases: pd.DataFrame, coverage: float = 0.9) -> pd.DataFrame:
        """A central interval per case: columns ``lower`` and ``upper``."""
        check_is_fitted(self, "regressor_")
        return self.regressor_.predict_interval(self.features(cases), coverage)

    def score(self, cases: pd.DataFrame, y: None = None, sample_weight: None = None) -> float:
        """R² of the median on the model's rows of ``cases`` (higher is better)."""
        check_is_fitted(self, "regressor_")
        rows = self.training_rows(cases)
        if not rows.any():
            raise OutcomesError(f"no {self.resolution} case with a {self.target} to score")
        return float(r2_score(self.observed(cases), self.predict(cases.loc[rows])))

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.target_tags.required = False
        tags.input_tags.allow_nan = True
        tags.input_tags.categorical = True
        tags.input_tags.string = True
        return tags
