"""Conformal calibration shared by the regressors.

By default (``cv=10``, cross-conformal) the rows are split into folds; a
learner (see :mod:`._learners`) fitted on the other folds gives the
conformity scores of each fold, so every row calibrates, and the learner is
then refitted on all rows. With ``cv=None`` (split conformal) one
calibration part of ``calibration_fraction`` of the rows is held out, and
the learner is refitted on all rows if ``refit=True``. Settings a learner
tunes on held-out predictions (the stacking weight of ``"combined"``) are
tuned on the same held-out rows.

A ``q``-quantile prediction is the learner's inverse at the conformal
``q``-quantile of the calibration scores:

* for ``q >= 0.5`` the ``ceil((n + 1) q)``-th smallest score,
* for ``q < 0.5`` the ``floor((n + 1) q)``-th smallest score,

so that an interval ``[q_lo, q_hi]`` covers a new case with probability at
least ``q_hi - q_lo`` for the held-out learner (Vovk et al. 2005; Romano et
al. 2019 for the quantile-regression scale). The refitted learner is a little
better than the held-out ones, which makes the intervals slightly
conservative; ``benchmarks/model_accuracy.py`` measures the coverage.

With a grid of round amounts (the monthly model), predictions are snapped to
the grid, and the scores are those of the *snapped* prediction: the upper
score of a case is the smallest ``t`` whose snapped inverse reaches ``y``,
the lower score the largest ``t`` whose snapped inverse stays at or below
``y``. The interval ``[a, b]`` (``a <= y <= b``) therefore keeps its
coverage on the rounded scale.
"""

from __future__ import annotations

import datetime as _dt
import math
import warnings
from contextlib import AbstractContextManager, nullcontext
from numbers import Integral, Real

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.utils import Tags
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import ThreadpoolController, threadpool_limits

from outcomes.models._auto import flexible_learner, make_learner, resolve_learner
from outcomes.models._features import OTHER_CODE, TableEncoder, as_frame
from outcomes.models._learners import Link
from outcomes.models._persist import table_sha256

__all__ = ["AmountGrid", "ConformalRegressor", "check_quantiles", "conformal_quantile"]

DEFAULT_QUANTILES: tuple[float, ...] = (0.05, 0.5, 0.95)


#: OpenMP (the boosted trees) and BLAS (the GLMs) run on one thread for fits on fewer rows than
#: this and for predictions on fewer than PREDICT_PARALLEL_MIN_ROWS. Measured
#: on 2 shared cores (benchmarks/model_speed.py): a threaded fit spends its time
#: in threads waiting for each other -- 42 s instead of 2.6 s for 23,000 rows
#: when the machine is busy -- while threaded prediction of large chunks is
#: about twice as fast.
FIT_PARALLEL_MIN_ROWS = 1_000_000
PREDICT_PARALLEL_MIN_ROWS = 20_000
#: an unseen category (where training had no rare one) is predicted as the
#: share-weighted average over at most this many known categories
POOL_MAX_LEVELS = 30
#: levels at which the quantile function is averaged for the mean
MEAN_LEVELS = (np.arange(40) + 0.5) / 40
#: a grid boundary is learnt from at least this many held-out predictions near it
BOUND_MIN_ROWS = 30
#: the common amounts are a grid only when they make up at least this share of
#: the training amounts; otherwise the amounts are not rounded to a grid (e.g.
#: annual earnings with a few round figures) and every amount seen is kept
GRID_MIN_COVER = 0.5


_CONTROLLER: list[ThreadpoolController] = []


def predict_threads(limits: int | None) -> AbstractContextManager:
    """``threadpool_limits(limits)`` for predictions, without scanning the loaded
    libraries on every call (the scan took a third of a one-case prediction):
    the thread pools are found once, when the first prediction is made."""
    if limits is None:
        return nullcontext()
    if not _CONTROLLER:
        _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0].limit(limits=limits)


def threads_for(n_rows: int, *, predict: bool = False) -> AbstractContextManager:
    """One thread (OpenMP and BLAS) unless the data is large enough for threads to pay."""
    limit = PREDICT_PARALLEL_MIN_ROWS if predict else FIT_PARALLEL_MIN_ROWS
    if n_rows >= limit:
        return nullcontext()
    if predict:
        return predict_threads(1)
    return threadpool_limits(limits=1)  # OpenMP and BLAS (statsmodels GLMs)


def conformal_quantile(sorted_scores: np.ndarray, q: float) -> float:
    """The conformal ``q``-quantile of sorted calibration scores.

    Examples
    --------
    >>> s = np.arange(1.0, 20.0)  # 19 scores
    >>> conformal_quantile(s, 0.9), conformal_quantile(s, 0.05), conformal_quantile(s, 0.5)
    (18.0, 1.0, 10.0)
    """
    n = len(sorted_scores)
    k = math.ceil((n + 1) * q - 1e-9) if q >= 0.5 else math.floor((n + 1) * q + 1e-9)
    k = min(max(k, 1), n)
    return float(sorted_scores[k - 1])


def check_quantiles(quantiles: object) -> list[float]:
    """Validate quantile levels: a non-empty sequence of floats in (0, 1)."""
    if isinstance(quantiles, Real):
        quantiles = [quantiles]
    out = [float(q) for q in quantiles]  # type: ignore[union-attr]
    if not out or any(not 0.0 < q < 1.0 for q in out):
        raise ValueError(f"quantiles must be levels strictly between 0 and 1, got {quantiles!r}")
    return out


class AmountGrid:
    """The grid of round amounts seen in training, and snapping to it.

    Amounts making up at least ``min_share`` of the training amounts (and
    seen at least twice) are the grid, extended above the largest of them by
    the step of the upper half (their greatest common divisor) as far as the
    largest amount seen; a prediction is snapped to the nearest grid amount
    on the log scale. When the common amounts make up less than
    :data:`GRID_MIN_COVER` of the training amounts, the amounts are not on a
    grid, and every amount seen is kept (issue 28: with a few round figures
    among 616 annual earnings, every prediction below the smallest of them
    was raised to it).

    Examples
    --------
    >>> y = np.array([5000] * 30 + [10000] * 50 + [20000] * 20 + [12345])
    >>> grid = AmountGrid.learn(y, min_share=0.05)
    >>> grid.values.tolist()
    [5000.0, 10000.0, 20000.0]
    >>> grid.snap(np.array([6000.0, 7500.0, 16000.0, 90000.0])).tolist()
    [5000.0, 10000.0, 20000.0, 20000.0]
    >>> y = np.array([5000] * 30 + [10000] * 50 + [15000] * 20 + [20000] * 10 + [40000])
    >>> AmountGrid.learn(y, min_share=0.05).values.tolist()
    [5000.0, 10000.0, 15000.0, 20000.0, 25000.0, 30000.0, 35000.0, 40000.0]

    Amounts of which the common ones are a small share are not a grid:

    >>> y = np.array([15000] * 5 + [20000] * 5 + list(range(3000, 12000, 100)))
    >>> len(AmountGrid.learn(y, min_share=0.01).values) == len(np.unique(y))
    True
    """

    def __init__(self, values: np.ndarray, bounds: np.ndarray | None = None) -> None:
        self.values = np.asarray(values, dtype="float64")
        # boundaries between neighbours: geometric midpoints unless learnt
        if bounds is None:
            bounds = np.sqrt(self.values[:-1] * self.values[1:])
        self.bounds = np.asarray(bounds, dtype="float64")

    @classmethod
    def learn(cls, y: np.ndarray, min_share: float = 0.01) -> AmountGrid:
        y = np.asarray(y, dtype="float64")
        values, counts = np.unique(y[y > 0], return_counts=True)
        keep = (counts >= max(2, math.ceil(min_share * len(y)))) if len(y) else counts > 0
        if keep.sum() < 2 or counts[keep].sum() < GRID_MIN_COVER * len(y):
            return cls(values)  # too little data for a grid, or not a grid: every amount seen
        common = values[keep]
        # above the largest common amount, rarer amounts keep the step of the
        # upper half of the common ones (e.g. 35,000 and 40,000 after 30,000)
        upper = common[common >= np.median(common)].astype("int64")
        step = int(np.gcd.reduce(upper)) if len(upper) >= 2 else 0
        if step > 0 and len(values) and values.max() > common.max():
            top = math.ceil(values.max() / step) * step
            extra = np.arange(common.max() + step, top + step, step)[:200]
            common = np.concatenate([common, extra])
        return cls(common)

    def learn_bounds(
        self, v: np.ndarray, y: np.ndarray, min_rows: int = BOUND_MIN_ROWS
    ) -> AmountGrid:
        """The grid with each boundary placed where it rounds held-out predictions best.

        ``v`` are continuous held-out predictions of the median, ``y`` the
        observed (rounded) amounts. The boundary between neighbours ``g_k``
        and ``g_{k+1}`` is moved within ``[g_k, g_{k+1}]`` to the cut of the
        predictions falling there that minimises the absolute error of the
        rounded prediction; with fewer than ``min_rows`` such predictions
        the geometric midpoint is kept. The rounding is thus part of the
        model: its median is the median of the rounded amount (amounts are
        rounded at bounds the data show, e.g. half-way in yen, or narrow bins
        around rarely agreed amounts), not a rounded median.

        Examples
        --------
        >>> grid = AmountGrid(np.array([10_000.0, 20_000.0]))
        >>> v = np.linspace(10_000, 20_000, 101)
        >>> y = np.where(v < 17_000, 10_000.0, 20_000.0)  # the data round up late
        >>> grid.snap(np.array([15_000.0])).tolist()
        [20000.0]
        >>> grid.learn_bounds(v, y, min_rows=10).snap(np.array([15_000.0])).tolist()
        [10000.0]
        """
        v = np.asarray(v, dtype="float64")
        y = np.asarray(y, dtype="float64")
        bounds = self.bounds.copy()
        for k in range(len(bounds)):
            lo, hi = self.values[k], self.values[k + 1]
            inside = (v >= lo) & (v < hi)
            if inside.sum() < min_rows:
                continue
            order = np.argsort(v[inside], kind="stable")
            vk, yk = v[inside][order], y[inside][order]
            # loss of a cut before row j: rows < j get lo, the others hi
            gain = np.abs(lo - yk) - np.abs(hi - yk)
            loss = np.concatenate([[0.0], np.cumsum(gain)])
            cuts = np.concatenate([[lo], (vk[:-1] + vk[1:]) / 2, [hi]])
            best = np.flatnonzero(loss <= loss.min() + 1e-9)
            # among equal cuts, the one nearest the old boundary
            j = best[np.argmin(np.abs(np.log(cuts[best]) - np.log(bounds[k])))]
            bounds[k] = cuts[j]
        return AmountGrid(self.values, np.maximum.accumulate(bounds))

    def snap(self, v: np.ndarray) -> np.ndarray:
        v = np.asarray(v, dtype="float64")
        return self.values[np.searchsorted(self.bounds, v, side="right")]

    def upper_threshold(self, y: np.ndarray) -> np.ndarray:
        """Smallest continuous value whose snapped value is >= y (-inf/inf at the ends)."""
        j = np.searchsorted(self.values, y, side="left")
        out = np.full(len(y), np.inf)
        out[j == 0] = -np.inf
        inner = (j > 0) & (j < len(self.values))
        out[inner] = self.bounds[j[inner] - 1]
        return out

    def lower_threshold(self, y: np.ndarray) -> np.ndarray:
        """Smallest continuous value whose snapped value is > y (the lower score's bound)."""
        j = np.searchsorted(self.values, y, side="right") - 1
        out = np.full(len(y), -np.inf)
        out[j >= len(self.values) - 1] = np.inf
        inner = (j >= 0) & (j < len(self.values) - 1)
        out[inner] = self.bounds[j[inner]]
        return out


def _as_target(y: object) -> np.ndarray:
    if isinstance(y, pd.Series | pd.DataFrame):
        arr = np.asarray(y.to_numpy(dtype="float64", na_value=np.nan))
    else:
        arr = np.asarray(y)
        if arr.dtype.kind == "c":
            raise ValueError("Complex data not supported")
        arr = arr.astype("float64")
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(f"y must be one-dimensional, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("y contains missing or infinite values")
    return arr


def _threshold_scores(learner: object, state: tuple, thresholds: np.ndarray) -> np.ndarray:
    """Scores of threshold values; an infinite threshold has an infinite score."""
    finite = np.isfinite(thresholds)
    out = np.asarray(
        learner.score(state, np.where(finite, thresholds, 1.0)), dtype="float64"
    ).copy()
    out[~finite] = thresholds[~finite]
    return out


class ConformalRegressor(RegressorMixin, BaseEstimator):
    """Base of the conformal regressors; subclasses fix the link and grid.

    Subclasses define ``__init__`` with their parameters (scikit-learn
    style) and the class attributes ``_link`` and ``_discrete``.
    """

    _link = "logit"
    _discrete = False

    # -- parameters shared by subclasses -----------------------------------
    def _hgb_params(self) -> dict:
        return {
            "max_iter": self.max_iter,
            "learning_rate": self.learning_rate,
            "max_leaf_nodes": self.max_leaf_nodes,
            "min_samples_leaf": self.min_samples_leaf,
            "l2_regularization": self.l2_regularization,
            "early_stopping": self.early_stopping,
            "random_state": self.random_state,
        }

    def _check_y(self, y: np.ndarray) -> None:  # pragma: no cover - overridden
        pass

    def _clip_y(self, y: np.ndarray) -> np.ndarray:
        return y

    def _validate_params_(self) -> None:
        if not isinstance(self.calibration_fraction, Real) or not (
            0.0 < self.calibration_fraction < 1.0
        ):
            raise ValueError(
                f"calibration_fraction must be in (0, 1), got {self.calibration_fraction!r}"
            )
        if self.cv is not None and (not isinstance(self.cv, Integral) or self.cv < 2):
            raise ValueError(f"cv must be None or an integer of at least 2, got {self.cv!r}")
        if not isinstance(self.max_iter, Integral) or self.max_iter < 1:
            raise ValueError(f"max_iter must be a positive integer, got {self.max_iter!r}")

    # -- fit -----------------------------------------------------------------
    def fit(self, X: object, y: object) -> ConformalRegressor:
        """Fit the learner and calibrate its quantiles on held-out rows.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
            Features; numeric, date, text or categorical columns, missing
            values allowed.
        y : array-like of shape (n_samples,)
            Target.

        Returns
        -------
        self
        """
        with threads_for(len(y) if hasattr(y, "__len__") else 0):  # type: ignore[arg-type]
            return self._fit(X, y)

    def _fit(self, X: object, y: object) -> ConformalRegressor:
        self._validate_params_()
        if y is None:
            raise ValueError(
                f"{type(self).__name__} requires y to be passed, but the target y is None"
            )
        frame = as_frame(X)
        target = _as_target(y)
        if len(frame) != len(target):
            raise ValueError(
                f"X and y have different numbers of rows: {len(frame)} and {len(target)}"
            )
        if len(target) < 10:
            raise ValueError(
                f"{type(self).__name__} needs at least 10 samples to fit; got n_samples = {len(target)}"
            )
        target = self._clip_y(target)
        self._check_y(target)
        rng = np.random.default_rng(self.random_state)
        link = Link(self._link, getattr(self, "eps", 1e-3))
        self.learner_name_ = resolve_learner(self.learner, link, target)
        flex = flexible_learner(link, target)

        def new_learner() -> object:
            return make_learner(self.learner_name_, link, self._hgb_params(), flex)

        proto = new_learner()

        z = link(target)  # high-cardinality categories are target-encoded on the link scale
        max_categories = getattr(self, "max_categories", 50)
        with warnings.catch_warnings():
            self.encoder_ = TableEncoder("tree", self.min_frequency, max_categories)
            Xt = self.encoder_.fit_transform(frame, z)
            warnings.simplefilter("ignore", UserWarning)  # said once, by the tree encoder
            linear = TableEncoder("linear", self.min_frequency, max_categories)
            Xl = linear.fit_transform(frame, z) if proto.needs_linear else None
        mask = self.encoder_.categorical_mask_
        if proto.needs_linear:
            self.linear_encoder_ = linear
        else:
            self.linear_encoder_ = None
            Xl = None
        self.n_features_in_ = self.encoder_.n_features_in_
        if isinstance(X, pd.DataFrame):
            self.feature_names_in_ = self.encoder_.feature_names_in_
        self.grid_ = AmountGrid.learn(target, self.grid_min_share) if self._discrete else None

        n = len(target)

        def rows(M: np.ndarray | None, idx: np.ndarray) -> np.ndarray | None:
            return None if M is None else M[idx]

        def held_out(train: np.ndarray, cal: np.ndarray) -> tuple[object, tuple]:
            learner = new_learner()
            learner.fit(Xt[train], rows(Xl, train), mask, target[train], rng)
            return learner, learner.prepare(Xt[cal], rows(Xl, cal))

        order = rng.permutation(n)
        if self.cv is None:
            n_cal = min(max(int(round(self.calibration_fraction * n)), 5), n - 5)
            folds = [order[:n_cal]]
            parts = [held_out(order[n_cal:], folds[0])]
            refit = self.refit
        else:
            folds = np.array_split(order, min(self.cv, n // 2))
            parts = [held_out(np.setdiff1d(order, fold), fold) for fold in folds]
            n_cal, refit = n, True
        cal = np.concatenate(folds)
        # learner settings tuned on held-out rows (the stacking weight of "combined")
        tuned = parts[0][0].tune([state for _, state in parts], target[cal])
        for learner, _ in parts:
            for name, value in tuned.items():
                setattr(learner, name, value)
        self.median_score_ = None
        self._calibrate(parts, folds, target, rng)
        if self.grid_ is not None and getattr(self, "grid_bounds", "midpoint") == "learn":
            # the rounding is part of the model: boundaries where held-out medians round best,
            # then the scores again (the intervals' coverage on the rounded scale)
            t = self._levels(0.5)
            v = np.concatenate(
                [np.asarray(lrn.invert(state, t), dtype="float64") for lrn, state in parts]
            )
            self.grid_ = self.grid_.learn_bounds(v, target[cal])
            self._calibrate(parts, folds, target, rng)
            self.median_score_ = t
        self.n_calibration_ = int(n_cal)
        # the mean: the average of the calibrated quantile function, scaled so that
        # its held-out total equals the held-out total of the target
        raw = np.concatenate([self._raw_mean(lrn, state) for lrn, state in parts])
        total = float(np.sum(raw))
        self.mean_scale_ = float(np.sum(target[cal]) / total) if total > 0 else 1.0
        learner = parts[0][0]
        if refit:
            learner = new_learner()
            for name, value in tuned.items():  # e.g. "auto" fits only its choice
                setattr(learner, name, value)
            learner.fit(Xt, Xl, mask, target, rng)
        for name, value in tuned.items():
            setattr(learner, name, value)
        self.learner_ = learner
        # "auto": the learner chosen, and why (held-out errors of every candidate)
        self.learner_name_ = tuned.get("choice_", self.learner_name_)
        self.learner_reason_ = tuned.get(
            "reason_", f"learner={self.learner!r} was asked for; no choice was made"
        )
        self.n_train_ = int(n)
        self.training_sha256_ = table_sha256(frame.assign(__target__=target))
        self.fitted_at_ = _dt.datetime.now().isoformat(timespec="seconds")
        return self

    def _calibrate(
        self, parts: list, folds: list, target: np.ndarray, rng: np.random.Generator
    ) -> None:
        """The sorted held-out conformity scores (``scores_lower_``, ``scores_upper_``)."""
        lower_parts, upper_parts = [], []
        for (learner, state), fold in zip(parts, folds, strict=True):
            y_cal = target[fold]
            if self.grid_ is None:
                low = up = learner.score(state, y_cal, rng)
            else:
                up = _threshold_scores(learner, state, self.grid_.upper_threshold(y_cal))
                low = _threshold_scores(learner, state, self.grid_.lower_threshold(y_cal))
            lower_parts.append(np.asarray(low, dtype="float64"))
            upper_parts.append(np.asarray(up, dtype="float64"))
        self.scores_lower_ = np.sort(np.concatenate(lower_parts))
        self.scores_upper_ = np.sort(np.concatenate(upper_parts))

    # -- predict ---------------------------------------------------------------
    def _state(self, X: object) -> tuple:
        check_is_fitted(self, "learner_")
        frame = self.encoder_._frame(as_frame(X))
        codes = self.encoder_.category_codes(frame)
        return self._pooled_state(frame, codes)

    def _plain_state(self, frame: pd.DataFrame, codes: dict[str, np.ndarray]) -> tuple:
        Xt = self.encoder_.transform(frame, codes=codes)
        Xl = None
        if self.linear_encoder_ is not None:
            same = self.linear_encoder_.categories_ == self.encoder_.categories_
            Xl = self.linear_encoder_.transform(frame, codes=codes if same else None)
        return self.learner_.prepare(Xt, Xl)

    def _pooled_state(self, frame: pd.DataFrame, codes: dict[str, np.ndarray]) -> tuple:
        """The learner's state, an unseen category taking the pooled behaviour.

        A category not seen in training goes to the column's pooled "other"
        level where training had rare categories. Where it had none, the
        state of such a row is the average of its states with the column set
        to each known category, weighted by their training shares (the
        categories covering 99% of the rows, at most :data:`POOL_MAX_LEVELS`)
        -- never the missing level. Models saved before this rule keep theirs.
        """
        enc = self.encoder_
        shares = getattr(enc, "shares_", None)
        name = None
        if shares:
            name = next(
                (
                    n
                    for n, c in codes.items()
                    if not enc.has_other_[n] and shares.get(n) and bool(np.any(c == OTHER_CODE))
                ),
                None,
            )
        if name is None:
            return self._plain_state(frame, codes)
        unseen = codes[name] == OTHER_CODE
        weights = np.asarray(shares[name], dtype="float64")
        order = np.argsort(-weights, kind="stable")
        keep = order[: max(1, int(np.searchsorted(np.cumsum(weights[order]), 0.99) + 1))]
        keep = keep[:POOL_MAX_LEVELS]
        w = weights[keep] / weights[keep].sum()
        sub = frame.iloc[np.flatnonzero(unseen)]
        sub_codes = {k: v[unseen] for k, v in codes.items()}
        pooled: list[np.ndarray] | None = None
        for level, weight in zip(keep, w, strict=True):
            probe = dict(sub_codes)
            probe[name] = np.full(len(sub), int(level), dtype="int64")
            state = self._pooled_state(sub, probe)
            parts = [weight * np.asarray(a, dtype="float64") for a in state]
            pooled = (
                parts if pooled is None else [p + q for p, q in zip(pooled, parts, strict=True)]
            )
        assert pooled is not None
        if unseen.all():
            return tuple(pooled)
        seen_state = self._pooled_state(
            frame.iloc[np.flatnonzero(~unseen)], {k: v[~unseen] for k, v in codes.items()}
        )
        out = []
        for a, b in zip(seen_state, pooled, strict=True):
            full = np.empty(len(frame), dtype="float64")
            full[~unseen] = a
            full[unseen] = b
            out.append(full)
        return tuple(out)

    def _levels(self, q: float) -> float:
        if q == 0.5 and getattr(self, "median_score_", None) is not None:
            return float(self.median_score_)  # the score the grid's bounds were learnt at
        if q == 0.5:
            return 0.5 * (
                conformal_quantile(self.scores_lower_, q)
                + conformal_quantile(self.scores_upper_, q)
            )
        scores = self.scores_upper_ if q > 0.5 else self.scores_lower_
        return conformal_quantile(scores, q)

    def _quantile_array(self, X: object, quantiles: list[float]) -> np.ndarray:
        with threads_for(len(X) if hasattr(X, "__len__") else 0, predict=True):  # type: ignore[arg-type]
            state = self._state(X)
        cols = []
        for q in quantiles:
            value = self.learner_.invert(state, self._levels(q))
            if self.grid_ is not None:
                value = self.grid_.snap(value)
            cols.append(np.asarray(value, dtype="float64"))
        out = np.column_stack(cols) if cols else np.zeros((0, 0))
        # monotone rearrangement: columns ordered as their levels
        order = np.argsort(quantiles, kind="stable")
        out[:, order] = np.sort(out[:, order], axis=1)
        return out

    def predict(self, X: object) -> np.ndarray:
        """The calibrated conditional median.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples,)
        """
        return self._quantile_array(X, [0.5])[:, 0]

    def _raw_mean(self, learner: object, state: tuple) -> np.ndarray:
        """The average of the calibrated quantiles at :data:`MEAN_LEVELS` levels."""
        total = np.zeros(len(state[0]))
        for q in MEAN_LEVELS:
            value = np.asarray(learner.invert(state, self._levels(float(q))), dtype="float64")
            total += self.grid_.snap(value) if self.grid_ is not None else value
        return total / len(MEAN_LEVELS)

    def predict_mean(self, X: object) -> np.ndarray:
        """The calibrated conditional mean (for expected values and totals).

        The mean of the calibrated predictive distribution (its quantile
        function averaged over 40 levels), times a factor set in ``fit`` so
        that on the held-out rows the predicted total equals the observed
        total (``mean_scale_``). Fractions stay in [0, 1].

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples,)
        """
        with threads_for(len(X) if hasattr(X, "__len__") else 0, predict=True):  # type: ignore[arg-type]
            state = self._state(X)
        out = self._raw_mean(self.learner_, state) * getattr(self, "mean_scale_", 1.0)
        return np.clip(out, 0.0, 1.0) if self._link == "logit" else out

    def coefficients(self, level: float = 0.95) -> pd.DataFrame:
        """The GLM's coefficients in the features' own units, with robust SEs.

        Only for a GLM fit (``learner="glm"``, or ``"auto"`` having chosen
        it). Columns: ``estimate`` (link scale: log-odds for fractions, log
        for amounts), ``std_error`` (heteroskedasticity-robust, HC0
        sandwich), ``z``, ``p_value``, ``ci_lower``/``ci_upper`` (at
        ``level``), ``ape`` (average partial effect on the fraction or
        amount: the mean over training rows of d E[y|x] / dx) and
        ``ape_std_error`` (delta method). One row per model column:
        numeric features per unit, ``name=level`` against the most frequent
        level, ``name_missing`` indicators.
        """
        from outcomes.models._explain import coefficients

        return coefficients(self, level)

    def explain(self, X: object, reference: object = None, *, what: str = "median") -> pd.DataFrame:
        """Each feature's contribution to the predicted median against a reference case.

        See :func:`outcomes.models._explain.explain`: exact for the GLM
        (integrated gradients along the linear index), baseline Shapley
        values of the calibrated median otherwise; contributions sum to
        ``prediction - reference_prediction`` for every row.
        """
        from outcomes.models._explain import explain

        return explain(self, X, reference, what=what)

    def predict_quantiles(self, X: object, quantiles: object = DEFAULT_QUANTILES) -> pd.DataFrame:
        """Calibrated conditional quantiles, one column per level.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
        quantiles : sequence of float, default=(0.05, 0.5, 0.95)
            Levels in (0, 1); the columns come in this order and never cross.

        Returns
        -------
        DataFrame
            Index of ``X`` (when a DataFrame), columns the levels (floats).
        """
        levels = check_quantiles(quantiles)
        values = self._quantile_array(X, levels)
        index = X.index if isinstance(X, pd.DataFrame) else None
        return pd.DataFrame(values, index=index, columns=pd.Index(levels))

    def predict_interval(self, X: object, coverage: float = 0.9) -> pd.DataFrame:
        """A central interval: columns ``lower`` and ``upper``.

        Parameters
        ----------
        X : DataFrame or array-like
        coverage : float, default=0.9
            Stated probability that the interval holds the outcome.
        """
        if not 0.0 < coverage < 1.0:
            raise ValueError(f"coverage must be in (0, 1), got {coverage!r}")
        a = (1.0 - coverage) / 2.0
        out = self.predict_quantiles(X, (a, 1.0 - a))
        out.columns = pd.Index(["lower", "upper"])
        return out

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        tags.input_tags.categorical = True
        tags.input_tags.string = True
        return tags
