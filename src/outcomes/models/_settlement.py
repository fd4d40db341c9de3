"""SettlementRatioModel: the lump-sum settlement ratio from the clean case table."""

from __future__ import annotations

import numpy as np

from outcomes.models._case import CaseModel
from outcomes.models._ratio import DEFAULT_LEARNER, RatioRegressor

__all__ = ["SettlementRatioModel"]


class SettlementRatioModel(CaseModel):
    """The settlement ratio of a lump-sum settlement (一括和解), with intervals.

    Learns from the rows with ``resolution == "lump_sum"`` and a
    ``settlement_ratio``; predicts for any case (a pending one included).
    Features are built from the contract's columns (see
    :func:`~outcomes.models.case_features`): log residual debt, monthly
    income, household size, age, employment, creditor type, servicer (rare
    ones pooled), months from sale to agreement -- counted to ``as_of`` where
    the agreement date is empty -- and the year of sale. The table is never
    re-cleaned. A ratio above 1 (paying more than the residual, e.g. with
    interest) is learned as 1.

    Parameters
    ----------
    as_of : date or str, optional
        Where ``agreement_date`` is empty, months waited are counted to this
        day. Default: today, at prediction time.
    learner : str, default="auto"
        See :class:`RatioRegressor`.
    calibration_fraction : float, default=0.25
        With ``cv=None``: share of the training cases held out to calibrate
        the intervals.
    cv : int or None, default=10
        Folds of cross-conformal calibration (see :class:`RatioRegressor`).
    min_frequency : int, default=10
        Servicers (and other categories) with fewer training cases are pooled
        (the name :class:`RatioRegressor` and :class:`TableEncoder` use too).
    min_category_count : int, optional
        Deprecated alias of ``min_frequency`` (a ``FutureWarning`` at fit).
    max_iter, learning_rate : int, float
        Boosting iterations and step.
    random_state : int, default=0

    Attributes
    ----------
    regressor_ : RatioRegressor
        Fitted on the features of the training rows.
    n_train_ : int
        Training cases.
    training_sha256_ : str
        sha256 of the table passed to ``fit``.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> cases = simulate_cases(600, seed=1, messy=False, today="2026-06-30")
    >>> model = SettlementRatioModel(as_of="2026-06-30", max_iter=30).fit(cases)
    >>> q = model.predict_quantiles(cases.head(3))
    >>> q.shape, bool(((0 <= q) & (q <= 1)).all().all())
    ((3, 3), True)
    """

    target = "settlement_ratio"
    resolution = "lump_sum"
    what = "settlement ratio"

    def __init__(
        self,
        as_of: object = None,
        *,
        learner: str = DEFAULT_LEARNER,
        calibration_fraction: float = 0.25,
        cv: int | None = 10,
        min_frequency: int = 10,
        min_category_count: int | None = None,
        max_iter: int = 60,
        learning_rate: float = 0.1,
        random_state: int | None = 0,
    ) -> None:
        self.as_of = as_of
        self.learner = learner
        self.calibration_fraction = calibration_fraction
        self.cv = cv
        self.min_frequency = min_frequency
        self.min_category_count = min_category_count
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.random_state = random_state

    def _make_regressor(self) -> RatioRegressor:
        return RatioRegressor(
            self.learner,
            calibration_fraction=self.calibration_fraction,
            cv=self.cv,
            min_frequency=self._min_frequency(),
            max_iter=self.max_iter,
            learning_rate=self.learning_rate,
            random_state=self.random_state,
        )

    def _transform_target(self, y: np.ndarray) -> np.ndarray:
        return np.clip(y, 0.0, 1.0)
