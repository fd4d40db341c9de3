"""RatioRegressor: a fraction in [0, 1] with calibrated quantiles."""

from __future__ import annotations

import numpy as np

from outcomes.models._conformal import ConformalRegressor
from outcomes.models._persist import SaveMixin

__all__ = ["DEFAULT_LEARNER", "RatioRegressor"]

#: the learner chosen by measurement (benchmarks/model_accuracy.py)
DEFAULT_LEARNER = "auto"


class RatioRegressor(SaveMixin, ConformalRegressor):
    """Regressor for a fraction in [0, 1], with calibrated quantiles.

    For settlement ratios, recovery rates, loss given default: the target
    may hold exact 0s and 1s. The learner works on the logit scale (``y``
    clipped to ``[eps, 1 - eps]``); quantiles are calibrated by split
    conformal prediction on held-out rows and mapped back through the
    logistic function, so every prediction lies in [0, 1] and a 90%
    interval covers about 90% of new cases.

    Parameters
    ----------
    learner : {"auto", "hgb", "glm", "quantile_hgb", "two_stage", "combined"}, default="auto"
        The model of the logit-scale location (and scale):
        ``"hgb"`` boosted least squares on logit(y) with a boosted scale;
        ``"glm"`` the fractional logit GLM (Papke--Wooldridge);
        ``"quantile_hgb"`` boosted quantile regression (CQR);
        ``"two_stage"`` P(y=0), P(y=1) by a boosted classifier and a
        logit-normal interior (LGD style);
        ``"combined"`` a stack of the GLM and the boosted location, the
        weight tuned on the held-out folds.
        ``"auto"`` takes ``"two_stage"`` when 1% or more of the training
        targets are exact 0s or 1s, else ``"combined"``: the most accurate
        in those two settings in ``benchmarks/model_accuracy.py``.
    calibration_fraction : float, default=0.25
        Share of the rows held out to calibrate the quantiles when
        ``cv=None`` (split conformal).
    cv : int or None, default=10
        Cross-conformal calibration: the scores of each of ``cv`` folds come
        from a learner fitted on the other folds, so every row calibrates,
        and the learner is then refitted on all rows. ``None``: one split of
        ``calibration_fraction``. Measured on generated settlement ratios
        with about 360 training cases (8 samples): the coverage of a 90%
        interval on new cases averaged 90.2% (sd 1.0 point) with ``cv=10``,
        91.4% (sd 1.3) with ``cv=5`` and varied with sd 4 points under a 25%
        split.
    refit : bool, default=True
        With ``cv=None``: refit the learner on all rows after calibration.
    max_iter, learning_rate, max_leaf_nodes, min_samples_leaf, l2_regularization, early_stopping
        Passed to :class:`~sklearn.ensemble.HistGradientBoostingRegressor`.
    min_frequency : int, default=5
        Categories seen fewer times are pooled as "other"; unseen ones join
        that level (or, where training had no rare category, get the pooled
        behaviour of the known ones) -- never the column's missing level.
    max_categories : int, default=50
        A categorical column with more levels than this (after pooling) is
        target-encoded (scikit-learn's ``TargetEncoder`` on the link scale,
        cross-fitted in training) instead of one level per category.
    clip_target : bool or float, default=False
        Accept targets slightly outside [0, 1] (e.g. recoveries a little
        above exposure in LGD data) by clipping them: ``True`` clips any
        value, a float ``t`` those within ``[-t, 1 + t]`` (others are refused).
    eps : float, default=1e-3
        Clipping of y before the logit; predictions at the clipped ends are
        exact 0 or 1.
    random_state : int, default=0
        Seeds the calibration split and the learners.

    Notes
    -----
    Input handling: a feature column missing in every training row is left
    out with a warning; a text column whose cells are numbers (at least 90%
    of the filled ones, e.g. from a spreadsheet with a stray note) is read
    as numbers, the others treated as missing with a warning; a table at
    predict time with other columns than in fit is refused, naming them.

    Attributes
    ----------
    learner_ : object
        The fitted learner.
    learner_name_ : str
        The learner used (``"auto"`` resolved).
    encoder_ : TableEncoder
        Encodes the feature table for the trees.
    scores_lower_, scores_upper_ : ndarray
        Sorted calibration scores.
    n_calibration_, n_train_ : int
        Rows used for calibration, and in all.
    n_features_in_ : int
    feature_names_in_ : ndarray
        When fitted on a DataFrame.

    See Also
    --------
    SettlementRatioModel : the settlement ratio from the clean case table.

    Examples
    --------
    >>> import pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> X = pd.DataFrame({"debt": rng.uniform(1, 10, 400),
    ...                   "kind": rng.choice(["bank", "jhf", None], 400)})
    >>> y = 1 / (1 + np.exp(1 + 0.3 * X["debt"] + rng.normal(0, 0.5, 400)))
    >>> model = RatioRegressor(max_iter=50).fit(X, y)
    >>> q = model.predict_quantiles(X.head(3), quantiles=(0.05, 0.5, 0.95))
    >>> list(q.columns)
    [0.05, 0.5, 0.95]
    >>> bool(((q[0.05] <= q[0.5]) & (q[0.5] <= q[0.95])).all())
    True
    >>> bool(((0 <= q) & (q <= 1)).all().all())
    True
    """

    _link = "logit"
    _discrete = False
    grid_min_share = None
    # defaults of parameters added after models were first saved
    max_categories = 50
    clip_target: bool | float = False

    def __init__(
        self,
        learner: str = DEFAULT_LEARNER,
        *,
        calibration_fraction: float = 0.25,
        cv: int | None = 10,
        refit: bool = True,
        max_iter: int = 60,
        learning_rate: float = 0.1,
        max_leaf_nodes: int = 15,
        min_samples_leaf: int = 20,
        l2_regularization: float = 1.0,
        early_stopping: bool | str = "auto",
        min_frequency: int = 5,
        max_categories: int = 50,
        clip_target: bool | float = False,
        eps: float = 1e-3,
        random_state: int | None = 0,
    ) -> None:
        self.learner = learner
        self.calibration_fraction = calibration_fraction
        self.cv = cv
        self.refit = refit
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.max_leaf_nodes = max_leaf_nodes
        self.min_samples_leaf = min_samples_leaf
        self.l2_regularization = l2_regularization
        self.early_stopping = early_stopping
        self.min_frequency = min_frequency
        self.max_categories = max_categories
        self.clip_target = clip_target
        self.eps = eps
        self.random_state = random_state

    def _clip_y(self, y: np.ndarray) -> np.ndarray:
        clip = self.clip_target
        if clip is False or clip is None or (np.all(y >= 0.0) and np.all(y <= 1.0)):
            return y
        if clip is not True:
            tol = float(clip)
            if np.any(y < -tol) or np.any(y > 1.0 + tol):
                raise ValueError(
                    f"RatioRegressor(clip_target={clip!r}) clips targets within "
                    f"[{-tol:.4g}, {1 + tol:.4g}]; got values from {float(y.min()):.4g} "
                    f"to {float(y.max()):.4g}"
                )
        return np.clip(y, 0.0, 1.0)

    def _check_y(self, y: np.ndarray) -> None:
        if np.any(y < 0.0) or np.any(y > 1.0):
            raise ValueError(
                "RatioRegressor needs a target in [0, 1]; got values from "
                f"{float(y.min()):.4g} to {float(y.max()):.4g} "
                "(clip_target=True, or a tolerance such as 0.05, clips small excursions)"
            )
        if not 0.0 < self.eps < 0.5:
            raise ValueError(f"eps must be in (0, 0.5), got {self.eps!r}")


class AmountRegressor(SaveMixin, ConformalRegressor):
    """Regressor for a positive yen amount that falls on a grid of round values.

    The learner works on the log scale; predictions and interval bounds are
    snapped to the grid of common amounts learned from training, and the
    conformal scores are those of the snapped predictions, so coverage holds
    on the rounded scale. Parameters as :class:`RatioRegressor`, plus
    ``grid_min_share`` (an amount is on the grid when it makes up at least
    this share of the training amounts) and ``grid_bounds``: ``"learn"``
    (default) places each boundary between neighbouring grid amounts where
    the held-out medians round best (:meth:`AmountGrid.learn_bounds`), so
    the median is that of the rounded amount; ``"midpoint"`` rounds at the
    geometric midpoints (the rule before). The ``"two_stage"`` learner is
    not available.

    Examples
    --------
    >>> import pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> X = pd.DataFrame({"income": rng.uniform(10, 40, 500)})
    >>> latent = 400 * X["income"] * np.exp(rng.normal(0, 0.3, 500))
    >>> y = np.round(latent / 5000).clip(1) * 5000
    >>> model = AmountRegressor(max_iter=50).fit(X, y)
    >>> bool(np.isin(model.predict(X.head(20)), model.grid_.values).all())
    True
    """

    _link = "log"
    _discrete = True
    eps = 1e-3
    max_categories = 50
    #: models saved before the bounds were learnt rounded at geometric midpoints
    grid_bounds = "midpoint"

    def __init__(
        self,
        learner: str = DEFAULT_LEARNER,
        *,
        calibration_fraction: float = 0.25,
        cv: int | None = 10,
        refit: bool = True,
        max_iter: int = 60,
        learning_rate: float = 0.1,
        max_leaf_nodes: int = 15,
        min_samples_leaf: int = 20,
        l2_regularization: float = 1.0,
        early_stopping: bool | str = "auto",
        min_frequency: int = 5,
        max_categories: int = 50,
        grid_min_share: float = 0.01,
        grid_bounds: str = "learn",
        random_state: int | None = 0,
    ) -> None:
        self.learner = learner
        self.calibration_fraction = calibration_fraction
        self.cv = cv
        self.refit = refit
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.max_leaf_nodes = max_leaf_nodes
        self.min_samples_leaf = min_samples_leaf
        self.l2_regularization = l2_regularization
        self.early_stopping = early_stopping
        self.min_frequency = min_frequency
        self.max_categories = max_categories
        self.grid_min_share = grid_min_share
        self.grid_bounds = grid_bounds
        self.random_state = random_state

    def _check_y(self, y: np.ndarray) -> None:
        if np.any(y <= 0.0):
            raise ValueError("AmountRegressor needs positive amounts")
        if self.learner == "two_stage":
            raise ValueError("the two-stage learner is for fractions; use another learner")
        if self.grid_bounds not in ("learn", "midpoint"):
            raise ValueError(f"grid_bounds must be 'learn' or 'midpoint', got {self.grid_bounds!r}")
