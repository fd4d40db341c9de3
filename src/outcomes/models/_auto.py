"""``learner="auto"``: the learner chosen by honest internal validation.

The candidates, all fitted on the same cross-conformal folds:

* ``"median"`` -- the training median (on the link scale);
* ``"group_median"`` -- medians per level of the one categorical feature
  that explains most, shrunk towards the overall median for small groups;
* ``"glm"`` -- the fractional-logit (or Gamma) GLM;
* ``"log_linear"`` -- for amounts (the log link) only: ridge regression of
  the log amount on the features, the penalty chosen by generalised
  cross-validation (the log-linear model an analyst fits first; on small
  noisy amounts it can beat the Gamma GLM, which a few large amounts pull);
* the flexible learner -- for fractions with exact 0s or 1s (at least
  :data:`~._learners.ATOM_SHARE` of them) the two-stage learner; otherwise
  every blend ``w0 * median + w1 * linear + w2 * boosted`` on a grid of
  weights summing to 1 (a shrinkage of the flexible fit towards the simple
  ones: ``"hgb"``, ``"combined"`` and ``"blend"`` are such weights), the
  linear part being the GLM for fractions and the log-linear ridge for
  amounts (issue 28: on a few hundred noisy earnings the blends with it
  erred about 1-2% less than those with the Gamma GLM).

Each candidate's held-out median (its location plus the median held-out
score, as conformal calibration places it) is compared by mean absolute
error on the target's scale over the held-out rows. The rule: take the
candidate with the smallest error, unless it is not a simple one
(median, group medians, GLM, log-linear) and beats the best simple one by less than
one standard error of the paired difference -- then the best simple one
(the "one standard error" rule: on a few hundred noisy rows the simple
model is kept unless the data show the flexible one is better). The
choice and the figures behind it are kept as ``choice_`` and ``reason_``.
"""

from __future__ import annotations

import itertools

import numpy as np

from outcomes.models._learners import (
    ATOM_SHARE,
    LEARNERS,
    CombinedLearner,
    GLMLearner,
    HGBLearner,
    Learner,
    Link,
    QuantileHGBLearner,
    TwoStageLearner,
)

__all__ = [
    "AutoLearner",
    "GroupMedianLearner",
    "LogLinearLearner",
    "MedianLearner",
    "flexible_learner",
    "make_learner",
    "resolve_learner",
]

SIMPLE = ("median", "group_median", "glm", "log_linear")
#: candidates fitted as they are (the others are blends of median, GLM and boosting)
SINGLE = (*SIMPLE, "two_stage")
#: grid step of the blend weights
BLEND_STEP = 0.1
#: a group of fewer rows is shrunk towards the overall median with this weight
GROUP_SHRINK = 10.0
#: ridge penalties tried by the log-linear learner, relative to the largest
#: squared singular value of the centred design
RIDGE_ALPHAS = np.logspace(-6, 1, 29)


class MedianLearner(Learner):
    """The training median on the link scale; the conformal scores give the spread."""

    needs_tree = False

    def fit(
        self,
        Xt: np.ndarray,
        Xl: np.ndarray | None,
        mask: np.ndarray,
        y: np.ndarray,
        rng: np.random.Generator | None,
    ) -> Learner:
        self.median_ = float(np.median(self.link(y)))
        return self

    def prepare(self, Xt: np.ndarray, Xl: np.ndarray | None) -> tuple:
        m = np.full(len(Xt), self.median_)
        return m, np.ones_like(m)


class GroupMedianLearner(Learner):
    """Medians of the link-scale target per level of one categorical feature.

    The feature is the categorical column (tree codes) whose shrunk group
    medians fit the training rows best; a group's median is pulled towards
    the overall median as ``(n * m_g + k * m) / (n + k)`` with ``k`` =
    :data:`GROUP_SHRINK`. Unseen levels get the overall median.
    """

    def fit(
        self,
        Xt: np.ndarray,
        Xl: np.ndarray | None,
        mask: np.ndarray,
        y: np.ndarray,
        rng: np.random.Generator | None,
    ) -> Learner:
        z = self.link(y)
        self.median_ = float(np.median(z))
        self.column_ = -1
        self.levels_ = np.zeros(0)
        self.values_ = np.zeros(0)
        best = np.mean(np.abs(z - self.median_))
        for j in np.flatnonzero(mask):
            levels, values = self._groups(Xt[:, j], z)
            err = np.mean(np.abs(z - self._lookup(Xt[:, j], levels, values)))
            if err < best - 1e-12:
                best, self.column_, self.levels_, self.values_ = err, int(j), levels, values
        return self

    def _groups(self, codes: np.ndarray, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        key = np.where(np.isnan(codes), -1.0, codes)
        levels = np.unique(key)
        values = np.empty(len(levels))
        for i, level in enumerate(levels):
            group = z[key == level]
            n = len(group)
            values[i] = (n * np.median(group) + GROUP_SHRINK * self.median_) / (n + GROUP_SHRINK)
        return levels, values

    def _lookup(self, codes: np.ndarray, levels: np.ndarray, values: np.ndarray) -> np.ndarray:
        key = np.where(np.isnan(codes), -1.0, codes)
        if not len(levels):
            return np.full(len(key), self.median_)
        pos = np.clip(np.searchsorted(levels, key), 0, len(levels) - 1)
        return np.where(levels[pos] == key, values[pos], self.median_)

    def prepare(self, Xt: np.ndarray, Xl: np.ndarray | None) -> tuple:
        if self.column_ < 0:
            m = np.full(len(Xt), self.median_)
        else:
            m = self._lookup(Xt[:, self.column_], self.levels_, self.values_)
        return m, np.ones_like(m)


class LogLinearLearner(Learner):
    """Ridge regression of the link-scale target on the linear design.

    For amounts: least squares on the log amount (whose median is the
    amount's median under a log-normal spread; conformal calibration places
    the median in any case), shrunk by a ridge penalty chosen among
    :data:`RIDGE_ALPHAS` by generalised cross-validation, so a few hundred
    rows with many dummies do not over-fit.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> Xl = rng.normal(size=(200, 3))
    >>> y = np.exp(1.0 + Xl @ np.array([0.5, 0.0, -0.3]) + rng.normal(0, 0.1, 200))
    >>> fitted = LogLinearLearner(Link("log"), {}).fit(None, Xl, None, y, None)
    >>> np.round(fitted.coef_, 1).tolist()
    [0.5, 0.0, -0.3]
    """

    needs_linear = True
    needs_tree = False

    def fit(
        self,
        Xt: np.ndarray | None,
        Xl: np.ndarray | None,
        mask: np.ndarray | None,
        y: np.ndarray,
        rng: np.random.Generator | None,
    ) -> Learner:
        z = self.link(y)
        X = np.zeros((len(z), 0)) if Xl is None else np.asarray(Xl, dtype="float64")
        x_mean, z_mean = X.mean(axis=0), float(np.mean(z))
        u, s, vt = np.linalg.svd(X - x_mean, full_matrices=False)
        uz = u.T @ (z - z_mean)
        n = len(z)
        best, self.alpha_ = np.inf, 0.0
        top = float(s[0] ** 2) if len(s) else 1.0
        rss_out = float(np.sum((z - z_mean) ** 2) - np.sum(uz**2))  # outside the span
        for alpha in RIDGE_ALPHAS * top:
            shrink = s**2 / (s**2 + alpha)
            rss = rss_out + float(np.sum(((1 - shrink) * uz) ** 2))
            df = float(np.sum(shrink)) + 1.0
            gcv = n * rss / max(n - df, 1.0) ** 2
            if gcv < best:
                best, self.alpha_ = gcv, float(alpha)
        self.coef_ = vt.T @ (s / (s**2 + self.alpha_) * uz) if len(s) else np.zeros(X.shape[1])
        self.intercept_ = z_mean - float(x_mean @ self.coef_)
        return self

    def prepare(self, Xt: np.ndarray | None, Xl: np.ndarray | None) -> tuple:
        m = self.intercept_ + np.asarray(Xl, dtype="float64") @ self.coef_
        return m, np.ones_like(m)


def _blend_weights(step: float = BLEND_STEP) -> list[tuple[float, float, float]]:
    k = round(1 / step)
    return [
        (i / k, j / k, (k - i - j) / k)
        for i, j in itertools.product(range(k + 1), range(k + 1))
        if i + j <= k
    ]


def _blend_name(w: tuple[float, float, float]) -> str:
    w0, w1, w2 = w
    if w0 == 1.0:
        return "median"
    if w1 == 1.0:
        return "glm"
    if w2 == 1.0:
        return "hgb"
    if w0 == 0.0:
        return "combined"
    return "blend"


class AutoLearner(Learner):
    """Chooses among simple and flexible learners on held-out folds (see module doc)."""

    needs_linear = True
    #: the flexible learner: "combined" (blends) or "two_stage" (fractions with atoms)
    flex = "combined"
    #: the linear part of the blends
    linear = "glm"

    def _parts(self) -> list[str]:
        choice = getattr(self, "choice_", None)
        if choice is None:
            simple = ["median", "group_median", "glm"]
            if self.link.name == "log":
                simple.append("log_linear")
            return [*simple, self.flex]
        if choice in SINGLE:
            return [choice]
        return ["median", self.linear, "hgb"]  # a blend (hgb, combined, blend)

    def fit(
        self,
        Xt: np.ndarray,
        Xl: np.ndarray | None,
        mask: np.ndarray,
        y: np.ndarray,
        rng: np.random.Generator | None,
    ) -> Learner:
        classes = {
            "median": MedianLearner,
            "group_median": GroupMedianLearner,
            "glm": GLMLearner,
            "log_linear": LogLinearLearner,
            "hgb": HGBLearner,
            "two_stage": TwoStageLearner,
        }
        self.parts_ = {}
        for name in self._parts():
            if name == "combined":  # the blends need each location apart
                for sub in ("median", self.linear, "hgb"):
                    if sub not in self.parts_:
                        self.parts_[sub] = classes[sub](self.link, self.params).fit(
                            Xt, Xl, mask, y, rng
                        )
                continue
            if name not in self.parts_:
                self.parts_[name] = classes[name](self.link, self.params).fit(Xt, Xl, mask, y, rng)
        self.layout_ = []
        return self

    def prepare(self, Xt: np.ndarray, Xl: np.ndarray | None) -> tuple:
        out: list[np.ndarray] = []
        layout = []
        for name, part in self.parts_.items():
            state = part.prepare(Xt, Xl)
            layout.append((name, len(state)))
            out.extend(np.asarray(a, dtype="float64") for a in state)
        self.layout_ = layout
        return tuple(out)

    def _split(self, state: tuple) -> dict[str, tuple]:
        out, i = {}, 0
        for name, k in self.layout_:
            out[name] = tuple(state[i : i + k])
            i += k
        return out

    def _candidate(self, parts: dict[str, tuple], choice: str, weights: tuple) -> tuple:
        """(learner, state) of a candidate; a blend is a location-scale state."""
        if choice in SINGLE:
            return self.parts_[choice], parts[choice]
        m0, m1, (m2, s2) = parts["median"][0], parts[self.linear][0], parts["hgb"]
        w0, w1, w2 = weights
        loc = w0 * m0 + w1 * m1 + w2 * m2
        scale = s2 if w2 > 0 else np.ones_like(loc)
        return self.parts_["median"], (loc, scale)  # the plain location-scale maps

    def score(
        self, state: tuple, y: np.ndarray, rng: np.random.Generator | None = None
    ) -> np.ndarray:
        learner, st = self._candidate(self._split(state), self.choice_, self.weights_)
        return learner.score(st, y, rng)

    def invert(self, state: tuple, t: float) -> np.ndarray:
        learner, st = self._candidate(self._split(state), self.choice_, self.weights_)
        return learner.invert(st, t)

    def tune(self, states: list[tuple], y: np.ndarray) -> dict:
        """The choice, from every candidate's held-out median on the held-out rows."""
        split = [self._split(s) for s in states]
        joined = {
            name: tuple(np.concatenate([sp[name][i] for sp in split]) for i in range(k))
            for name, k in self.layout_
        }
        candidates: list[tuple[str, tuple]] = [("median", (1.0, 0.0, 0.0))]
        candidates += [("group_median", (0.0, 0.0, 0.0)), ("glm", (0.0, 1.0, 0.0))]
        if "log_linear" in self.parts_:
            candidates.append(("log_linear", (0.0, 0.0, 0.0)))
        if self.flex == "two_stage":
            candidates.append(("two_stage", (0.0, 0.0, 0.0)))
        else:
            candidates += [
                (_blend_name(w), w) for w in _blend_weights() if w not in ((1, 0, 0), (0, 1, 0))
            ]
        errors = {}
        for choice, w in candidates:
            learner, st = self._candidate(joined, choice, w)
            t = float(np.median(learner.score(st, y, None)))
            errors[(choice, w)] = np.abs(np.asarray(learner.invert(st, t)) - y)
        mae = {key: float(np.mean(e)) for key, e in errors.items()}
        best = min(mae, key=mae.get)
        best_simple = min((k for k in mae if k[0] in SIMPLE), key=mae.get)
        chosen, why = best, "smallest held-out MAE"
        if best[0] not in SIMPLE:
            d = errors[best_simple] - errors[best]
            se = float(np.std(d, ddof=1) / np.sqrt(len(d))) if len(d) > 1 else np.inf
            if float(np.mean(d)) < se:
                chosen = best_simple
                why = (
                    f"{_label(best, self.linear)} was better by {np.mean(d):.4g}, less than one standard "
                    f"error ({se:.4g}): the simpler model is kept"
                )
            else:
                why = f"smallest held-out MAE, better than {_label(best_simple, self.linear)} beyond noise"
        shown = [k for k in mae if k[0] in SIMPLE or k == best or k[0] == "two_stage"]
        figures = ", ".join(f"{_label(k, self.linear)} {mae[k]:.4g}" for k in shown)
        reason = f"chose {_label(chosen, self.linear)}: {why}. Held-out MAE over {len(y)} rows: {figures}."
        return {
            "choice_": chosen[0],
            "weights_": chosen[1],
            "reason_": reason,
            "validation_mae_": {_label(k, self.linear): mae[k] for k in shown},
        }


def _label(key: tuple[str, tuple], linear: str = "glm") -> str:
    name, w = key
    names = {
        "median": "training median",
        "group_median": "group medians",
        "glm": "GLM",
        "log_linear": "log-linear ridge",
    }
    if name in names:
        return names[name]
    if name in ("blend", "combined", "hgb"):
        part = "GLM" if linear == "glm" else "log-linear"
        return f"{name} (median {w[0]:.1f}, {part} {w[1]:.1f}, boosted {w[2]:.1f})"
    return name


def make_auto(link: Link, params: dict, flex: str) -> AutoLearner:
    learner = AutoLearner(link, params)
    learner.flex = flex
    if link.name == "log":  # amounts: the blends shrink towards the log-linear fit
        learner.linear = "log_linear"
    return learner


# --------------------------------------------------------------------------
# Learners by name
# --------------------------------------------------------------------------

_CLASSES = {
    "glm": GLMLearner,
    "hgb": HGBLearner,
    "quantile_hgb": QuantileHGBLearner,
    "two_stage": TwoStageLearner,
    "combined": CombinedLearner,
}


def resolve_learner(name: str, link: Link, y: np.ndarray) -> str:
    """Check a learner name (``"auto"`` stays ``"auto"``: see :class:`AutoLearner`).

    Examples
    --------
    >>> resolve_learner("auto", Link("logit"), np.array([0.1, 0.2, 0.3]))
    'auto'
    """
    if name != "auto" and name not in _CLASSES:
        raise ValueError(f"learner must be 'auto' or one of {LEARNERS}, got {name!r}")
    return name


def flexible_learner(link: Link, y: np.ndarray) -> str:
    """The flexible candidate of ``"auto"``: ``"two_stage"`` for fractions with
    at least :data:`ATOM_SHARE` exact 0s or 1s, else ``"combined"``.

    Examples
    --------
    >>> flexible_learner(Link("logit"), np.array([0.1, 0.2, 0.0, 0.3]))
    'two_stage'
    >>> flexible_learner(Link("logit"), np.array([0.1, 0.2, 0.3]))
    'combined'
    """
    if link.name == "logit" and np.mean((y <= 0.0) | (y >= 1.0)) >= ATOM_SHARE:
        return "two_stage"
    return "combined"


def make_learner(name: str, link: Link, params: dict, flex: str = "combined") -> Learner:
    """A fresh learner by name (``"auto"``: the chooser, with ``flex`` its flexible candidate)."""
    if name == "auto":
        return make_auto(link, params, flex)
    try:
        cls = _CLASSES[name]
    except KeyError:
        raise ValueError(f"learner must be one of {LEARNERS}, got {name!r}") from None
    return cls(link, params)
