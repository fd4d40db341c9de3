"""MonthlyAmountModel: the agreed monthly instalment from the clean case table."""

from __future__ import annotations

import numpy as np

from outcomes.models._case import CaseModel
from outcomes.models._ratio import DEFAULT_LEARNER, AmountRegressor

__all__ = ["MonthlyAmountModel"]


class MonthlyAmountModel(CaseModel):
    """The agreed monthly instalment (分割弁済) in yen, with intervals.

    Learns from the rows with ``resolution == "installment"`` and a positive
    ``monthly_amount``; features as :class:`SettlementRatioModel`. Agreed
    amounts are round (¥5,000, ¥10,000, ...): the model predicts on the log
    scale, then maps the median and the interval bounds to the grid of
    amounts common in training, and calibrates the intervals on that rounded
    scale, so a 90% interval ``[a, b]`` holds ``a <= y <= b`` for about 90%
    of new cases.

    Parameters
    ----------
    as_of : date or str, optional
        Where ``agreement_date`` is empty, months waited are counted to this
        day. Default: today, at prediction time.
    learner : str, default="auto"
        See :class:`RatioRegressor` (``"two_stage"`` is not available). For
        amounts ``"auto"`` also tries ridge regression on the log amount and
        blends boosting with it rather than with the Gamma GLM (issue 28: on
        a few hundred noisy amounts it is then at least as good as the best
        simple peer; ``benchmarks/real_data.py``).
    calibration_fraction : float, default=0.25
        With ``cv=None``: share of the training cases held out to calibrate.
    cv : int or None, default=10
        Folds of cross-conformal calibration (see :class:`RatioRegressor`).
    min_frequency : int, default=10
        Categories with fewer training cases are pooled.
    min_category_count : int, optional
        Deprecated alias of ``min_frequency`` (a ``FutureWarning`` at fit).
    grid_min_share : float, default=0.01
        An amount is on the grid when it makes up at least this share of the
        training amounts.
    grid_bounds : {"learn", "midpoint"}, default="learn"
        ``"learn"``: the boundaries between grid amounts are placed where
        held-out medians round best, so the prediction is the median of the
        rounded amount (see :meth:`AmountGrid.learn_bounds`); ``"midpoint"``:
        the geometric midpoints (the rule before).
    max_iter, learning_rate : int, float
    random_state : int, default=0

    Attributes
    ----------
    regressor_ : AmountRegressor
    grid_ : ndarray
        The amounts predictions are mapped to.
    n_train_ : int
    training_sha256_ : str

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> cases = simulate_cases(600, seed=1, messy=False, today="2026-06-30")
    >>> model = MonthlyAmountModel(as_of="2026-06-30", max_iter=30).fit(cases)
    >>> median = model.predict(cases.head(5))
    >>> bool(np.isin(median, model.grid_).all())
    True
    """

    target = "monthly_amount"
    resolution = "installment"
    what = "monthly amount"
    #: models saved before the bounds were learnt rounded at geometric midpoints
    grid_bounds = "midpoint"

    def __init__(
        self,
        as_of: object = None,
        *,
        learner: str = DEFAULT_LEARNER,
        calibration_fraction: float = 0.25,
        cv: int | None = 10,
        min_frequency: int = 10,
        min_category_count: int | None = None,
        grid_min_share: float = 0.01,
        grid_bounds: str = "learn",
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
        self.grid_min_share = grid_min_share
        self.grid_bounds = grid_bounds
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.random_state = random_state

    def _make_regressor(self) -> AmountRegressor:
        return AmountRegressor(
            self.learner,
            calibration_fraction=self.calibration_fraction,
            cv=self.cv,
            min_frequency=self._min_frequency(),
            grid_min_share=self.grid_min_share,
            grid_bounds=self.grid_bounds,
            max_iter=self.max_iter,
            learning_rate=self.learning_rate,
            random_state=self.random_state,
        )

    def _valid_target(self, y: np.ndarray) -> np.ndarray:
        return np.isfinite(y) & (y > 0)

    @property
    def grid_(self) -> np.ndarray:
        """The grid of amounts learned in training."""
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "regressor_")
        return self.regressor_.grid_.values
