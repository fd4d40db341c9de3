"""The candidate learners behind the conformal regressors.

Each learner works on a transformed target ``z = link(y)`` (logit for
fractions, log for yen amounts) and exposes two monotone maps used by
split-conformal calibration (:mod:`._conformal`):

* ``score(X, y)`` -- a conformity score, increasing in ``y``;
* ``invert(X, t)`` -- the ``y`` whose score is ``t`` (increasing in ``t``).

A calibrated ``q``-quantile is then ``invert(X, t_q)`` where ``t_q`` is the
conformal ``q``-quantile of the calibration scores, so quantiles at any set
of levels come out ordered and, through the link, inside the target's range.

Learners (compared in ``benchmarks/model_accuracy.py``; ``"auto"``, the
default, chooses among the training median, group medians, the GLM, blends
of them with the boosted location and the two-stage learner by held-out
error -- see :mod:`._auto`):

``"glm"``
    A GLM on the link scale: fractional logit (Papke & Wooldridge 1996,
    statsmodels ``GLM`` Binomial on fractional y) for fractions, a Gamma GLM
    with log link for amounts. Score: ``z - x'b``.
``"hgb"``
    Least-squares HistGradientBoosting on ``z``, with a second boosted model
    of the absolute residual as the local scale. Score: ``(z - m(x)) / s(x)``.
``"quantile_hgb"``
    Quantile HistGradientBoosting at the median and at two outer levels on
    ``z`` (CQR-style): location the median, scale the outer spread.
``"two_stage"``
    For fractions with exact 0s and 1s (LGD style): a boosted classifier of
    {0, interior, 1} and a boosted logit-normal model of the interior; the
    score is the (randomised) probability integral transform of the mixture.
``"combined"``
    A stack of the GLM and the boosted location, its weight tuned on the
    held-out folds, with the boosted scale. The GLM helps on a few hundred
    cases (MAE 6% lower than ``"hgb"`` at 360 settlements), the trees on
    tens of thousands (the weight then goes to the trees).
"""

from __future__ import annotations

import warnings

import numpy as np
from scipy import special, stats
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

__all__ = ["ATOM_SHARE", "LEARNERS", "Learner", "LinearGLM", "Link"]

LEARNERS: tuple[str, ...] = ("glm", "hgb", "quantile_hgb", "two_stage", "combined")
#: ``learner="auto"`` tries the two-stage learner when at least this share of
#: a fraction's training values are exact 0s or 1s, else blends of the GLM and
#: the boosted location
ATOM_SHARE = 0.01


# --------------------------------------------------------------------------
# Links
# --------------------------------------------------------------------------


class Link:
    """A monotone link: ``"logit"`` (fractions, clipped to ``[eps, 1-eps]``) or ``"log"``."""

    def __init__(self, name: str, eps: float = 1e-3) -> None:
        self.name = name
        self.eps = eps

    def __call__(self, y: np.ndarray) -> np.ndarray:
        y = np.asarray(y, dtype="float64")
        if self.name == "logit":
            return special.logit(np.clip(y, self.eps, 1 - self.eps))
        return np.log(np.maximum(y, 1.0))

    def inverse(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype="float64")
        if self.name == "logit":
            y = special.expit(z)
            # the clipped ends are the exact 0 and 1 the data can hold
            y = np.where(z <= special.logit(self.eps) + 1e-9, 0.0, y)
            return np.where(z >= special.logit(1 - self.eps) - 1e-9, 1.0, y)
        return np.exp(np.clip(z, -50, 50))


# --------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------


def _hgb(
    params: dict, loss: str = "squared_error", **extra: object
) -> HistGradientBoostingRegressor:
    kw = dict(params)
    kw.update(extra)
    return HistGradientBoostingRegressor(loss=loss, **kw)


def _fit_hgb(
    model: HistGradientBoostingRegressor, X: np.ndarray, z: np.ndarray, mask: np.ndarray
) -> HistGradientBoostingRegressor:
    model.set_params(categorical_features=mask if mask.any() else None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        model.fit(X, z)
    return model


#: the scale model is smaller than the location model: this share of its
#: iterations, at twice its learning rate (the scale matters less, and every
#: tree costs prediction time)
SCALE_ITER_SHARE = 0.25


class _Scale:
    """A boosted model of |residual| on the link scale, as a relative scale.

    Only the shape matters: the conformal scores set the level. The model
    is fitted to in-sample residuals, whose size depends on how much the
    location model fits the noise (more with fewer rows), so its
    predictions are divided by their mean over the training rows; the fold
    models of cross-conformal calibration and the final model then speak of
    the same scale. Floored at a quarter of the mean.
    """

    def __init__(self, params: dict) -> None:
        self.params = params

    def fit(self, X: np.ndarray, mask: np.ndarray, resid: np.ndarray) -> _Scale:
        a = np.abs(resid)
        params = dict(self.params)
        params["max_iter"] = max(int(params.get("max_iter", 100) * SCALE_ITER_SHARE), 10)
        params["learning_rate"] = min(2 * params.get("learning_rate", 0.1), 0.3)
        params["min_samples_leaf"] = max(params.get("min_samples_leaf", 20), 40)
        self.model_ = _fit_hgb(_hgb(params), X, a, mask)
        level = float(np.mean(np.maximum(self.model_.predict(X), 0.0)))
        self.level_ = level if level > 1e-9 else 1.0
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        return np.maximum(self.model_.predict(X) / self.level_, 0.25)


def independent_columns(design: np.ndarray, tol: float = 1e-8) -> np.ndarray:
    """Indices of the columns of ``design`` kept, in order, when each column that
    is (nearly) a linear combination of the earlier kept ones is left out.

    Examples
    --------
    >>> X = np.array([[1, 0, 1, 2.0], [1, 1, 0, 3.0], [1, 0, 1, 5.0], [1, 1, 0, 1.0]])
    >>> independent_columns(X).tolist()  # column 2 = column 0 - column 1
    [0, 1, 3]
    """
    kept: list[int] = []
    basis = np.zeros((design.shape[0], 0))
    for j in range(design.shape[1]):
        col = design[:, j].astype("float64")
        norm = float(np.linalg.norm(col))
        if norm == 0.0:
            continue
        resid = col - basis @ (basis.T @ col)
        rnorm = float(np.linalg.norm(resid))
        if rnorm > tol * norm:
            kept.append(j)
            basis = np.column_stack([basis, resid / rnorm])
    return np.asarray(kept, dtype=int)


class LinearGLM:
    """A GLM fitted with statsmodels; keeps only the coefficients."""

    def __init__(self, family: str) -> None:
        self.family = family

    def fit(self, X: np.ndarray, y: np.ndarray) -> LinearGLM:
        import statsmodels.api as sm

        design = np.column_stack([np.ones(len(X)), X])
        p = design.shape[1]
        # collinear columns (e.g. has_servicer beside a "servicer missing" dummy) are aliased:
        # fitted on the independent ones, their coefficient is 0 and their SE undefined
        keep = independent_columns(design)
        if self.family == "binomial":
            fam = sm.families.Binomial()
        else:
            fam = sm.families.Gamma(sm.families.links.Log())
        coef = np.full(p, np.nan)
        cov = np.zeros((p, p))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                res = sm.GLM(y, design[:, keep], family=fam).fit(maxiter=100, cov_type="HC0")
                coef = np.zeros(p)
                coef[keep] = np.asarray(res.params, dtype="float64")
                cov[np.ix_(keep, keep)] = np.asarray(res.cov_params(), dtype="float64")
            except (ValueError, np.linalg.LinAlgError):  # pragma: no cover - degenerate data
                pass
        self.aliased_ = ~np.isin(np.arange(p), keep)
        if not np.all(np.isfinite(coef)) or not np.all(np.isfinite(cov)):
            warnings.warn(
                "the GLM could not be fitted on these data (no finite estimates); it predicts "
                "the training mean (intercept only)",
                UserWarning,
                stacklevel=2,
            )
            mean = float(np.mean(y))
            coef = np.zeros(p)
            coef[0] = (
                special.logit(np.clip(mean, 1e-6, 1 - 1e-6))
                if self.family == "binomial"
                else np.log(mean)
            )
            cov = np.full((p, p), np.nan)
            self.aliased_ = np.ones(p, dtype=bool)
            self.aliased_[0] = False
        self.coef_ = coef
        # for coefficients(): heteroskedasticity-robust (HC0, sandwich) covariance,
        # and the training means behind average partial effects and their delta-method SEs
        self.cov_ = cov
        eta = design @ coef
        if self.family == "binomial":
            mu = special.expit(eta)
            d1 = mu * (1 - mu)  # d mu / d eta
            d2 = d1 * (1 - 2 * mu)
        else:
            d1 = d2 = np.exp(np.clip(eta, -50, 50))
        self.ape_factor_ = float(np.mean(d1))
        self.ape_gradient_ = np.mean(d2[:, None] * design, axis=0)
        self.n_obs_ = len(y)
        return self

    def predict_link(self, X: np.ndarray) -> np.ndarray:
        return self.coef_[0] + X @ self.coef_[1:]


# --------------------------------------------------------------------------
# Learners
# --------------------------------------------------------------------------


class Learner:
    """Common parts: the link, and what the learner needs of the encoders.

    ``prepare`` computes what predictions need once (e.g. location and
    scale); ``score`` and ``invert`` then work from that state.
    """

    needs_linear = False
    needs_tree = True

    def __init__(self, link: Link, params: dict) -> None:
        self.link = link
        self.params = params

    def fit(
        self,
        Xt: np.ndarray,
        Xl: np.ndarray | None,
        mask: np.ndarray,
        y: np.ndarray,
        rng: np.random.Generator | None,
    ) -> Learner:
        raise NotImplementedError

    def prepare(self, Xt: np.ndarray, Xl: np.ndarray | None) -> tuple:
        """Location and scale on the link scale."""
        raise NotImplementedError

    def score(
        self, state: tuple, y: np.ndarray, rng: np.random.Generator | None = None
    ) -> np.ndarray:
        m, s = state
        return (self.link(y) - m) / s

    def invert(self, state: tuple, t: float) -> np.ndarray:
        m, s = state
        return self.link.inverse(m + s * t)

    def tune(self, states: list[tuple], y: np.ndarray) -> dict:
        """Attributes to set from held-out states and targets (none by default)."""
        return {}


class GLMLearner(Learner):
    needs_linear = True
    needs_tree = False

    def fit(
        self,
        Xt: np.ndarray,
        Xl: np.ndarray | None,
        mask: np.ndarray,
        y: np.ndarray,
        rng: np.random.Generator | None,
    ) -> Learner:
        family = "binomial" if self.link.name == "logit" else "gamma"
        target = np.clip(y, 0.0, 1.0) if family == "binomial" else np.maximum(y, 1.0)
        self.glm_ = LinearGLM(family).fit(Xl, target)
        return self

    def prepare(self, Xt: np.ndarray, Xl: np.ndarray | None) -> tuple:
        m = self.glm_.predict_link(Xl)
        return m, np.ones_like(m)


class HGBLearner(Learner):
    def fit(
        self,
        Xt: np.ndarray,
        Xl: np.ndarray | None,
        mask: np.ndarray,
        y: np.ndarray,
        rng: np.random.Generator | None,
    ) -> Learner:
        z = self.link(y)
        self.location_ = _fit_hgb(_hgb(self.params), Xt, z, mask)
        self.scale_ = _Scale(self.params).fit(Xt, mask, z - self.location_.predict(Xt))
        return self

    def prepare(self, Xt: np.ndarray, Xl: np.ndarray | None) -> tuple:
        return self.location_.predict(Xt), self.scale_.predict(Xt)


class QuantileHGBLearner(Learner):
    outer = 0.1

    def fit(
        self,
        Xt: np.ndarray,
        Xl: np.ndarray | None,
        mask: np.ndarray,
        y: np.ndarray,
        rng: np.random.Generator | None,
    ) -> Learner:
        z = self.link(y)
        self.models_ = [
            _fit_hgb(_hgb(self.params, "quantile", quantile=q), Xt, z, mask)
            for q in (self.outer, 0.5, 1 - self.outer)
        ]
        spread = np.maximum(self.models_[2].predict(Xt) - self.models_[0].predict(Xt), 0.0)
        level = float(np.mean(spread))  # a relative scale, as in _Scale
        self.level_ = level if level > 1e-9 else 1.0
        return self

    def prepare(self, Xt: np.ndarray, Xl: np.ndarray | None) -> tuple:
        lo, mid, hi = (m.predict(Xt) for m in self.models_)
        return mid, np.maximum((hi - lo) / self.level_, 0.25)


class CombinedLearner(Learner):
    """A stack of the GLM and the boosted location: ``w * glm + (1 - w) * hgb``.

    The weight ``w`` is tuned on held-out predictions (the cross-conformal
    folds, see :meth:`tune`): the GLM's structure helps on a few hundred
    cases, the trees' flexibility on tens of thousands.
    """

    needs_linear = True
    #: weights tried by :meth:`tune`
    WEIGHTS = np.linspace(0.0, 1.0, 21)

    def fit(
        self,
        Xt: np.ndarray,
        Xl: np.ndarray | None,
        mask: np.ndarray,
        y: np.ndarray,
        rng: np.random.Generator | None,
    ) -> Learner:
        self.glm_ = GLMLearner(self.link, self.params).fit(Xt, Xl, mask, y, rng)
        self.hgb_ = HGBLearner(self.link, self.params).fit(Xt, Xl, mask, y, rng)
        self.weight_ = getattr(self, "weight_", 0.5)
        return self

    def prepare(self, Xt: np.ndarray, Xl: np.ndarray | None) -> tuple:
        m_glm, _ = self.glm_.prepare(Xt, Xl)
        m_hgb, s = self.hgb_.prepare(Xt, Xl)
        return m_glm, m_hgb, s

    def tune(self, states: list[tuple], y: np.ndarray) -> dict:
        """The weight with the smallest absolute error on held-out rows (link scale)."""
        m_glm = np.concatenate([st[0] for st in states])
        m_hgb = np.concatenate([st[1] for st in states])
        z = self.link(y)
        errors = [np.mean(np.abs(z - (w * m_glm + (1 - w) * m_hgb))) for w in self.WEIGHTS]
        return {"weight_": float(self.WEIGHTS[int(np.argmin(errors))])}

    def _loc(self, state: tuple) -> tuple[np.ndarray, np.ndarray]:
        m_glm, m_hgb, s = state
        return self.weight_ * m_glm + (1 - self.weight_) * m_hgb, s

    def score(
        self, state: tuple, y: np.ndarray, rng: np.random.Generator | None = None
    ) -> np.ndarray:
        return super().score(self._loc(state), y, rng)

    def invert(self, state: tuple, t: float) -> np.ndarray:
        return super().invert(self._loc(state), t)


class TwoStageLearner(Learner):
    """P(y = 0), P(y = 1) by a boosted classifier; the interior logit-normal."""

    def fit(
        self,
        Xt: np.ndarray,
        Xl: np.ndarray | None,
        mask: np.ndarray,
        y: np.ndarray,
        rng: np.random.Generator | None,
    ) -> Learner:
        if self.link.name != "logit":
            raise ValueError("the two-stage learner is for fractions (logit link)")
        cls = np.where(y <= 0.0, 0, np.where(y >= 1.0, 2, 1))
        self.classes_ = np.unique(cls)
        if len(self.classes_) > 1:
            kw = {k: v for k, v in self.params.items() if k != "loss"}
            clf = HistGradientBoostingClassifier(**kw)
            clf.set_params(categorical_features=mask if mask.any() else None)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)
                self.classifier_ = clf.fit(Xt, cls)
        else:
            self.classifier_ = None
        inner = cls == 1
        if inner.sum() < 10:  # (almost) only 0s and 1s: the interior from every row
            inner = np.ones(len(y), dtype=bool)
        self.interior_ = HGBLearner(self.link, self.params)
        self.interior_.fit(Xt[inner], None, mask, y[inner], rng)
        return self

    def prepare(self, Xt: np.ndarray, Xl: np.ndarray | None) -> tuple:
        n = len(Xt)
        probs = np.zeros((n, 3))
        if self.classifier_ is None:
            probs[:, self.classes_[0]] = 1.0
        else:
            probs[:, self.classes_] = self.classifier_.predict_proba(Xt)
        m, s = self.interior_.prepare(Xt, None)
        return probs[:, 0], probs[:, 1], probs[:, 2], m, s

    def score(
        self, state: tuple, y: np.ndarray, rng: np.random.Generator | None = None
    ) -> np.ndarray:
        p0, pi, p1, m, s = state
        y = np.asarray(y, dtype="float64")
        u = rng.uniform(size=len(y)) if rng is not None else np.full(len(y), 0.5)
        inner = p0 + pi * stats.norm.cdf((self.link(y) - m) / s)
        out = np.where(y <= 0.0, p0 * u, inner)
        return np.where(y >= 1.0, 1.0 - p1 * (1 - u), out)

    def invert(self, state: tuple, t: float) -> np.ndarray:
        p0, pi, p1, m, s = state
        t = np.broadcast_to(np.asarray(t, dtype="float64"), p0.shape)
        level = np.clip((t - p0) / np.maximum(pi, 1e-12), 1e-9, 1 - 1e-9)
        y = self.link.inverse(m + s * stats.norm.ppf(level))
        y = np.where(t <= p0, 0.0, y)
        return np.where(t >= 1.0 - p1, 1.0, y)


#: the name of LinearGLM in model files written before it was made public (0.1): skops
#: finds the class by the name recorded in the file
_LinearGLM = LinearGLM
