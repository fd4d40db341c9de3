"""Coefficient tables and per-case explanations of the conformal regressors.

* :func:`coefficients` -- the GLM's estimates in the features' own units,
  with heteroskedasticity-robust (HC0 sandwich) standard errors, confidence
  intervals and average partial effects (delta-method standard errors).
* :func:`explain` -- each feature's contribution to the predicted median (or
  mean) of a case against a stated reference case, in the target's units,
  summing exactly to ``prediction - reference_prediction``:

  - for a GLM fit, exactly, by integrated gradients along the linear index
    (each feature's share of the change in the index, ``b_j (x_j - r_j)``,
    times the change in the prediction -- the path integral of the
    gradient is exactly that, since the index is linear);
  - for any other learner, baseline Shapley values of the model's own
    calibrated median: every coalition of features is evaluated (features
    outside it at the reference) for up to :data:`EXACT_MAX_FEATURES`
    features, random permutations beyond that. This explains what the
    model predicts (calibrated, blended, two-stage) rather than one
    boosted tree ensemble on the link scale, which is what TreeSHAP
    (the ``shap`` package) would explain, and it needs no extra dependency.

The default reference is the *training median case*: numeric and date
features at their training median, categories at their most frequent level.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
from scipy import stats

from outcomes._errors import OutcomesError
from outcomes.models._features import as_frame, numeric_values

__all__ = ["EXACT_MAX_FEATURES", "coefficients", "explain", "reference_case"]

#: up to this many features, Shapley values enumerate every coalition
EXACT_MAX_FEATURES = 10
#: permutations sampled beyond that (each one's contributions sum exactly)
PERMUTATIONS = 32


def _glm(model: object) -> object | None:
    """The fitted ``_LinearGLM`` behind a GLM fit, else None."""
    learner = model.learner_
    if getattr(learner, "glm_", None) is not None and type(learner).__name__ == "GLMLearner":
        return learner.glm_
    if getattr(learner, "choice_", None) == "glm":
        return learner.parts_["glm"].glm_
    return None


def _scaling(encoder: object) -> tuple[np.ndarray, np.ndarray]:
    """Centre and scale of each linear-encoder output column (0 and 1 where not standardised)."""
    centre, scale = [], []
    for name in encoder.columns_:
        kind = encoder.kinds_[name]
        if kind == "empty":
            continue
        if kind == "category":
            k = encoder._n_dummies(name)
            centre += [0.0] * k
            scale += [1.0] * k
            continue
        centre.append(encoder.medians_[name])
        scale.append(encoder.scales_[name])
        if kind != "target" and encoder.has_missing_[name]:
            centre.append(0.0)
            scale.append(1.0)
    return np.asarray(centre), np.asarray(scale)


def coefficients(model: object, level: float = 0.95) -> pd.DataFrame:
    """The coefficient table of a GLM fit (see ``ConformalRegressor.coefficients``)."""
    glm = _glm(model)
    if glm is None or getattr(glm, "cov_", None) is None:
        raise OutcomesError(
            f"coefficients() needs a GLM fit (learner='glm'); this model uses "
            f"{getattr(model, 'learner_name_', '?')!r}"
            + ("" if glm is None else " and was saved before robust SEs were kept; refit it")
        )
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must be in (0, 1), got {level!r}")
    enc = model.linear_encoder_
    centre, scale = _scaling(enc)
    p = len(centre)
    b, V = glm.coef_, glm.cov_
    # b_orig = A b: per-unit slopes, intercept at x = 0
    A = np.eye(p + 1)
    A[np.arange(1, p + 1), np.arange(1, p + 1)] = 1.0 / scale
    A[0, 1:] = -centre / scale
    est = A @ b
    cov = A @ V @ A.T
    se = np.sqrt(np.clip(np.diag(cov), 0, None))
    zcrit = float(stats.norm.ppf(0.5 + level / 2))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = est / se
    # average partial effects: APE_j = b_j * mean(dmu/deta); gradient by the delta method
    f, h = glm.ape_factor_, glm.ape_gradient_
    G = np.zeros((p, p + 1))
    G[np.arange(p), np.arange(1, p + 1)] = f
    G += np.outer(b[1:], h)
    D = np.diag(1.0 / scale)
    ape = D @ (b[1:] * f)
    ape_se = np.sqrt(np.clip(np.diag(D @ G @ V @ G.T @ D), 0, None))
    # an aliased (collinear) term has no estimate of its own: shown, with its SE undefined
    aliased = np.asarray(getattr(glm, "aliased_", np.zeros(p + 1, dtype=bool)), dtype=bool)
    se = np.where(aliased, np.nan, se)
    z = np.where(aliased, np.nan, z)
    ape_se = np.where(aliased[1:], np.nan, ape_se)
    names = ["(intercept)", *enc.get_feature_names_out()]
    lo, hi = f"ci_lower_{level:.0%}", f"ci_upper_{level:.0%}"
    out = pd.DataFrame(
        {
            "estimate": est,
            "std_error": se,
            "z": z,
            "p_value": 2 * stats.norm.sf(np.abs(z)),
            lo: est - zcrit * se,
            hi: est + zcrit * se,
            "ape": np.concatenate([[np.nan], ape]),
            "ape_std_error": np.concatenate([[np.nan], ape_se]),
            "aliased": aliased,
        },
        index=pd.Index(names, name="term"),
    )
    return out


def _plain(frame: pd.DataFrame, encoder: object) -> pd.DataFrame:
    """Columns in dtypes that take a mix of a row's and the reference's values."""
    out = {}
    for name, col in zip(encoder.columns_, frame.columns, strict=True):
        kind = encoder.kinds_[name]
        series = frame[col]
        if kind == "date":
            out[name] = pd.to_datetime(series)
        elif kind == "numeric":
            out[name] = pd.Series(numeric_values(series, "numeric"), index=frame.index)
        else:
            out[name] = series.astype("string")
    return pd.DataFrame(out, index=frame.index)


def reference_case(model: object) -> pd.DataFrame:
    """The training median case: numeric and date features at their training
    median, categories at their most frequent level (one row)."""
    enc = model.encoder_
    row: dict[str, object] = {}
    for name in enc.columns_:
        kind = enc.kinds_[name]
        if kind == "numeric":
            row[name] = pd.Series([enc.medians_[name]], dtype="float64")
        elif kind == "date":
            days = (enc.medians_[name] - 1970.0) * 365.25
            row[name] = pd.Series([pd.Timestamp("1970-01-01") + pd.to_timedelta(days, "D")])
        elif kind == "category" and enc.categories_[name]:
            row[name] = pd.Series([enc.categories_[name][0]], dtype="string")
        else:
            row[name] = pd.Series([pd.NA], dtype="string")
    return pd.DataFrame(row)


def _predict(model: object, frame: pd.DataFrame, what: str) -> np.ndarray:
    return model.predict_mean(frame) if what == "mean" else model.predict(frame)


def explain(
    model: object, X: object, reference: object = None, *, what: str = "median"
) -> pd.DataFrame:
    """Contributions of each feature to the prediction, against a reference case.

    Parameters
    ----------
    model : fitted RatioRegressor or AmountRegressor
    X : DataFrame
        The cases to explain (the model's feature columns).
    reference : DataFrame or mapping, optional
        One case to compare with; default :func:`reference_case` (the
        training median case).
    what : {"median", "mean"}
        The prediction explained.

    Returns
    -------
    DataFrame
        Index of ``X``; one column per feature (the contribution, in the
        target's units), then ``reference_prediction`` and ``prediction``.
        For every row the feature columns sum to
        ``prediction - reference_prediction``.
    """
    if what not in ("median", "mean"):
        raise ValueError(f"what must be 'median' or 'mean', got {what!r}")
    enc = model.encoder_
    frame = enc._frame(as_frame(X))
    if reference is None:
        ref = reference_case(model)
    else:
        ref = pd.DataFrame([reference]) if isinstance(reference, dict) else as_frame(reference)
        ref = enc._frame(ref).head(1)
    names = list(enc.columns_)
    x = _plain(frame, enc)
    r = _plain(ref, enc)
    r.columns = names
    x.columns = names
    pred = _predict(model, frame, what)
    ref_pred = float(_predict(model, ref, what)[0])
    glm = _glm(model) if what == "median" else None
    if glm is not None:
        lin = model.linear_encoder_
        xl = lin.transform(x)
        rl = lin.transform(r)
        c = glm.coef_[1:] * (xl - rl)  # change of the linear index, per model column
        sources = lin._sources()
        per = np.column_stack(
            [c[:, [k for k, s in enumerate(sources) if s == name]].sum(axis=1) for name in names]
        )
        total = per.sum(axis=1, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(np.abs(total) > 1e-12, per / total, 0.0)
        phi = share * (pred - ref_pred)[:, None]
    else:
        phi = _shapley(model, x, r, names, what)
    out = pd.DataFrame(phi, index=frame.index, columns=names)
    out["reference_prediction"] = ref_pred
    out["prediction"] = pred
    return out


def _hybrid(x: pd.DataFrame, r: pd.DataFrame, masks: np.ndarray) -> pd.DataFrame:
    """Rows ``i`` of ``x`` for each mask row (True: the row's value, False: the reference)."""
    n, k = len(x), len(masks)
    rows = np.repeat(np.arange(n), k)
    take = np.tile(masks, (n, 1))
    cols = {}
    for j, name in enumerate(x.columns):
        values = x[name].iloc[rows].reset_index(drop=True)
        cols[name] = values.where(take[:, j], r[name].iloc[0])
    return pd.DataFrame(cols)


def _shapley(
    model: object, x: pd.DataFrame, r: pd.DataFrame, names: list[str], what: str
) -> np.ndarray:
    n, p = len(x), len(names)
    if p <= EXACT_MAX_FEATURES:
        masks = np.array(list(itertools.product([False, True], repeat=p)), dtype=bool)
        values = _predict(model, _hybrid(x, r, masks), what).reshape(n, len(masks))
        index = {tuple(m): i for i, m in enumerate(masks)}
        phi = np.zeros((n, p))
        for i, m in enumerate(masks):
            size = int(m.sum())
            for j in np.flatnonzero(~m):
                with_j = m.copy()
                with_j[j] = True
                w = math.factorial(size) * math.factorial(p - size - 1) / math.factorial(p)
                phi[:, j] += w * (values[:, index[tuple(with_j)]] - values[:, i])
        return phi
    rng = np.random.default_rng(0)
    perms = [rng.permutation(p) for _ in range(PERMUTATIONS // 2)]
    perms += [perm[::-1] for perm in perms]  # antithetic
    masks = []
    for perm in perms:
        m = np.zeros(p, dtype=bool)
        masks.append(m.copy())
        for j in perm:
            m[j] = True
            masks.append(m.copy())
    masks_arr = np.array(masks)
    values = _predict(model, _hybrid(x, r, masks_arr), what).reshape(n, len(masks_arr))
    phi = np.zeros((n, p))
    step = p + 1
    for k, perm in enumerate(perms):
        base = k * step
        for pos, j in enumerate(perm):
            phi[:, j] += values[:, base + pos + 1] - values[:, base + pos]
    return phi / len(perms)
