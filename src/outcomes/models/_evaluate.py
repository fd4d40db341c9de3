"""evaluate: cross-validated accuracy and interval figures, with baselines.

Also the other tables that judge a fitted model: :func:`calibration_table`
(stated against observed coverage) and :func:`drivers_table` (permutation
importance); their figures are in :mod:`outcomes.models._plots`. Nothing here
knows where the cases come from: the truth of generated data, when wanted,
is passed in by the caller (``truth=``).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from scipy import special
from sklearn.base import clone
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import KFold

from outcomes._errors import OutcomesError
from outcomes.models._case import CaseModel
from outcomes.models._conformal import check_quantiles, threads_for
from outcomes.models._features import TableEncoder
from outcomes.models._learners import LinearGLM

__all__ = [
    "BASELINES",
    "METRICS",
    "calibration_table",
    "drivers_table",
    "evaluate",
    "fit_and_evaluate",
    "interval_metrics",
]

#: columns of the evaluation table
METRICS: tuple[str, ...] = ("MAE", "RMSE", "pinball", "coverage", "width")

BEST = "best possible (true conditional median)"
TruthFn = Callable[[pd.DataFrame, str, float], np.ndarray]


def _pinball(y: np.ndarray, pred: np.ndarray, q: float) -> float:
    diff = y - pred
    return float(np.mean(np.maximum(q * diff, (q - 1) * diff)))


def interval_metrics(
    y: np.ndarray, quantiles: pd.DataFrame | np.ndarray, levels: Sequence[float]
) -> dict[str, float]:
    """MAE, RMSE of the median; mean pinball loss; coverage and width of the outer interval.

    ``quantiles`` has one column per level (in the order of ``levels``); the
    median is the 0.5 column, or the middle column when 0.5 is not asked.
    An interval ``[a, b]`` covers ``y`` when ``a <= y <= b``.

    Examples
    --------
    >>> y = np.array([1.0, 2.0, 3.0, 4.0])
    >>> q = np.array([[0, 1, 2], [1, 2, 3], [2, 2, 2], [3, 4, 5]], dtype=float)
    >>> m = interval_metrics(y, q, (0.05, 0.5, 0.95))
    >>> m["MAE"], m["coverage"], m["width"]
    (0.25, 0.75, 1.5)
    """
    levels = list(levels)
    values = np.asarray(quantiles, dtype="float64")
    mid = levels.index(0.5) if 0.5 in levels else len(levels) // 2
    median = values[:, mid]
    lo, hi = int(np.argmin(levels)), int(np.argmax(levels))
    err = y - median
    return {
        "MAE": float(np.mean(np.abs(err))),
        "RMSE": float(np.sqrt(np.mean(err**2))),
        "pinball": float(np.mean([_pinball(y, values[:, i], q) for i, q in enumerate(levels)])),
        "coverage": float(np.mean((values[:, lo] <= y) & (y <= values[:, hi]))),
        "width": float(np.mean(values[:, hi] - values[:, lo])),
    }


# --------------------------------------------------------------------------
# Baselines: each takes train/test features and training y; returns the test
# point prediction and the test quantiles (one column per level).
# --------------------------------------------------------------------------


def _overall(
    Xtr: pd.DataFrame, ytr: np.ndarray, Xte: pd.DataFrame, levels: list[float], ctx: dict
) -> tuple[np.ndarray, np.ndarray]:
    q = np.quantile(ytr, levels)
    out = np.tile(q, (len(Xte), 1))
    return out[:, levels.index(0.5)] if 0.5 in levels else np.median(ytr), out


def _by_creditor(
    Xtr: pd.DataFrame, ytr: np.ndarray, Xte: pd.DataFrame, levels: list[float], ctx: dict
) -> tuple[np.ndarray, np.ndarray]:
    overall = np.quantile(ytr, levels)
    key_tr = Xtr["creditor_type"].astype("string").fillna("(missing)").to_numpy(dtype=object)
    key_te = Xte["creditor_type"].astype("string").fillna("(missing)").to_numpy(dtype=object)
    table = {}
    medians = {}
    for key in np.unique(key_tr):
        sel = ytr[key_tr == key]
        if len(sel) >= 5:
            table[key] = np.quantile(sel, levels)
            medians[key] = np.median(sel)
    out = np.array([table.get(k, overall) for k in key_te]).reshape(len(Xte), len(levels))
    point = np.array([medians.get(k, np.median(ytr)) for k in key_te], dtype="float64")
    return point, out


def _hgb(
    Xtr: pd.DataFrame, ytr: np.ndarray, Xte: pd.DataFrame, levels: list[float], ctx: dict
) -> tuple[np.ndarray, np.ndarray]:
    enc = TableEncoder("tree", ctx["min_frequency"]).fit(Xtr)
    A, B = enc.transform(Xtr), enc.transform(Xte)
    cat = enc.categorical_mask_ if enc.categorical_mask_.any() else None
    rs = ctx["random_state"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        point = (
            HistGradientBoostingRegressor(categorical_features=cat, random_state=rs)
            .fit(A, ytr)
            .predict(B)
        )
        cols = [
            HistGradientBoostingRegressor(
                loss="quantile", quantile=q, categorical_features=cat, random_state=rs
            )
            .fit(A, ytr)
            .predict(B)
            for q in levels
        ]
    return point, np.column_stack(cols)


def _glm(
    Xtr: pd.DataFrame, ytr: np.ndarray, Xte: pd.DataFrame, levels: list[float], ctx: dict
) -> tuple[np.ndarray, np.ndarray]:
    enc = TableEncoder("linear", ctx["min_frequency"]).fit(Xtr)
    A, B = enc.transform(Xtr), enc.transform(Xte)
    if ctx["kind"] == "ratio":
        glm = LinearGLM("binomial").fit(A, np.clip(ytr, 0, 1))
        eta_tr, eta_te = glm.predict_link(A), glm.predict_link(B)
        z = special.logit(np.clip(ytr, 1e-3, 1 - 1e-3))
        shifts = np.quantile(z - eta_tr, levels)
        cols = special.expit(eta_te[:, None] + shifts[None, :])
        return special.expit(eta_te), cols
    glm = LinearGLM("gamma").fit(A, ytr)
    eta_tr, eta_te = glm.predict_link(A), glm.predict_link(B)
    shifts = np.quantile(np.log(ytr) - eta_tr, levels)
    return np.exp(eta_te), np.exp(eta_te[:, None] + shifts[None, :])


#: the baselines :func:`evaluate` knows, by the name it shows them under
#: (``GLM`` stands for the fractional-logit GLM of a ratio or the Gamma GLM of an amount)
BASELINES: tuple[str, ...] = (
    "overall median",
    "median by creditor type",
    "HistGradientBoostingRegressor",
    "GLM",
)


def _baselines(kind: str, chosen: bool | Sequence[str]) -> dict[str, Callable]:
    glm_name = "fractional logit GLM" if kind == "ratio" else "log-linear GLM (Gamma, log link)"
    every = {
        "overall median": _overall,
        "median by creditor type": _by_creditor,
        "HistGradientBoostingRegressor": _hgb,
        "GLM": _glm,
    }
    if chosen is True:
        names: Sequence[str] = BASELINES
    elif chosen is False:
        names = ()
    else:
        names = [chosen] if isinstance(chosen, str) else list(chosen)
        unknown = [n for n in names if n not in every]
        if unknown:
            raise OutcomesError(
                f"unknown baseline(s) {unknown}; choose from {', '.join(BASELINES)}"
            )
    return {(glm_name if n == "GLM" else n): every[n] for n in names}


def _cross_validate(
    model: CaseModel,
    sub: pd.DataFrame,
    X: pd.DataFrame,
    y: np.ndarray,
    folds: KFold,
    baselines: dict[str, Callable],
    levels: list[float],
    ctx: dict,
    name: str,
    preds: dict[str, np.ndarray],
    points: dict[str, np.ndarray],
) -> None:
    """Fill ``preds`` (quantiles) and ``points`` (baseline point predictions) fold by fold."""
    order = np.argsort(np.argsort(levels))
    for train, test in folds.split(X):
        fitted = clone(model).fit(sub.iloc[train])
        preds[name][test] = fitted.predict_quantiles(sub.iloc[test], levels).to_numpy()
        for method, fn in baselines.items():
            point, q = fn(X.iloc[train], y[train], X.iloc[test], levels, ctx)
            points[method][test] = point
            preds[method][test] = np.sort(q, axis=1)[:, order]


def _floats(values: object) -> np.ndarray:
    if isinstance(values, pd.Series | pd.DataFrame):
        return values.to_numpy(dtype="float64", na_value=np.nan).reshape(-1)
    return np.asarray(values, dtype="float64").reshape(-1)


def _truth_of(truth: object) -> TruthFn | None:
    if truth is None or truth is False:
        return None
    if callable(truth):
        return truth  # type: ignore[return-value]
    raise OutcomesError(
        "truth must be a function truth(cases, target, q), "
        f"e.g. outcomes.datasets.true_quantile; got {truth!r}"
    )


def _endpoints(coverages: Sequence[float]) -> list[float]:
    """Quantile levels of the central intervals of the given coverages."""
    out = []
    for c in coverages:
        if not 0.0 < float(c) < 1.0:
            raise OutcomesError(f"coverages must lie strictly between 0 and 1, got {c!r}")
        out += [round((1 - float(c)) / 2, 10), round((1 + float(c)) / 2, 10)]
    return out


def _coverage_name(c: float) -> str:
    return f"coverage_{round(float(c) * 100):d}"


def evaluate(
    model: CaseModel,
    cases: pd.DataFrame,
    *,
    cv: int = 5,
    quantiles: Sequence[float] = (0.05, 0.5, 0.95),
    random_state: int | None = 0,
    truth: TruthFn | None = None,
    baselines: bool | Sequence[str] = True,
    coverages: Sequence[float] = (),
) -> pd.DataFrame:
    """Cross-validated accuracy of a case model, side by side with baselines.

    The model's rows of ``cases`` are split into ``cv`` folds; on each, the
    model (a clone) and the baselines are fitted on the other folds and
    predict the held-out one:

    * ``overall median`` -- the training median, quantiles of the training target;
    * ``median by creditor type`` -- the same per creditor type (5+ cases);
    * ``HistGradientBoostingRegressor`` -- plain boosting (squared error) on
      the same features; quantiles from quantile-loss boosting;
    * ``fractional logit GLM`` (statsmodels Binomial, logit link) for the
      ratio, ``log-linear GLM (Gamma, log link)`` for the monthly amount;
      intervals from the training residuals on the link scale;
    * on generated data with known truth, ``best possible (true conditional
      median)``: the true conditional quantiles themselves.

    Parameters
    ----------
    model : SettlementRatioModel or MonthlyAmountModel
        Fitted or not; clones are fitted.
    cases : DataFrame
        The clean case table.
    cv : int, default=5
        Number of folds.
    quantiles : sequence of float, default=(0.05, 0.5, 0.95)
        Levels for the pinball loss; the outermost two make the interval.
    random_state : int, optional
        Shuffles the folds.
    truth : callable, optional
        ``truth(cases, target, q)`` gives the true conditional ``q``-quantile,
        for generated data whose truth the caller knows (e.g.
        :func:`outcomes.datasets.true_quantile`); adds the ``best possible``
        row. ``None`` (default): no truth.
    baselines : bool or sequence of str, default=True
        Include the baselines: all of them (``True``), none (``False``: the
        model, and the truth if given), or those named (see ``BASELINES``;
        ``"GLM"`` is the GLM of the target's kind).
    coverages : sequence of float, optional
        Central intervals whose out-of-fold coverage and width to add for
        every method, as columns ``coverage_80``, ``width_80`` … (a
        calibration check that costs no extra fit).

    Returns
    -------
    DataFrame
        One row per method (index ``method``), columns ``MAE``, ``RMSE``,
        ``pinball`` (mean over the levels), ``coverage`` and ``width`` of the
        outer interval, ``coverage_<c>`` / ``width_<c>`` for each of
        ``coverages``, and ``MAE_vs_best`` (MAE over the best possible MAE)
        when the truth is known. ``attrs``: ``target``, ``n``, ``cv``,
        ``quantiles``, ``nominal_coverage``.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import SettlementRatioModel
    >>> cases = simulate_cases(500, seed=2, messy=False, today="2026-06-30")
    >>> model = SettlementRatioModel(as_of="2026-06-30", cv=3, max_iter=20)
    >>> table = evaluate(model, cases, cv=3)
    >>> list(table.columns)[:5]
    ['MAE', 'RMSE', 'pinball', 'coverage', 'width']
    >>> "median by creditor type" in table.index
    True
    """
    levels = check_quantiles(quantiles)
    truth_fn = _truth_of(truth)
    extra = [q for q in _endpoints(coverages) if q not in levels]
    every_level = sorted(set(levels) | set(extra))
    at = [every_level.index(q) for q in levels]
    if not isinstance(model, CaseModel):
        raise OutcomesError(
            f"evaluate takes a SettlementRatioModel or MonthlyAmountModel, got {type(model).__name__}"
        )
    if not isinstance(cv, int) or cv < 2:
        raise OutcomesError(f"cv must be an integer of at least 2, got {cv!r}")
    rows = np.flatnonzero(model.training_rows(cases))
    if len(rows) < cv * 10:
        raise OutcomesError(
            f"only {len(rows)} {model.resolution} case(s) with a {model.target}: "
            f"too few for {cv}-fold evaluation"
        )
    sub = cases.iloc[rows]
    y = model.observed(cases)
    X = model.features(sub)
    kind = "amount" if model.target == "monthly_amount" else "ratio"
    ctx = {
        "kind": kind,
        "min_frequency": getattr(model, "min_frequency", 5),
        "random_state": random_state,
    }
    name = f"{type(model).__name__} ({model.learner})"
    baselines = _baselines(kind, baselines)
    preds = {m: np.full((len(rows), len(every_level)), np.nan) for m in [name, *baselines]}
    points = {m: np.full(len(rows), np.nan) for m in baselines}

    folds = KFold(n_splits=cv, shuffle=True, random_state=random_state)
    with threads_for(len(rows)):
        _cross_validate(model, sub, X, y, folds, baselines, every_level, ctx, name, preds, points)
    if truth_fn is not None:
        true = np.column_stack([_floats(truth_fn(sub, model.target, q)) for q in every_level])
        if kind == "ratio":
            true = np.clip(true, 0.0, 1.0)
        preds[BEST] = true
    table = {}
    for method, q in preds.items():
        m = interval_metrics(y, q[:, at], levels)
        if method in points:
            err = y - points[method]
            m["MAE"] = float(np.mean(np.abs(err)))
            m["RMSE"] = float(np.sqrt(np.mean(err**2)))
        for c in coverages:
            lo = q[:, every_level.index(round((1 - float(c)) / 2, 10))]
            hi = q[:, every_level.index(round((1 + float(c)) / 2, 10))]
            m[_coverage_name(c)] = float(np.mean((lo <= y) & (y <= hi)))
            m["width" + _coverage_name(c).removeprefix("coverage")] = float(np.mean(hi - lo))
        table[method] = m
    extra_columns = [
        f"{stat}{_coverage_name(c).removeprefix('coverage')}"
        for c in coverages
        for stat in ("coverage", "width")
    ]
    out = pd.DataFrame.from_dict(table, orient="index")[[*METRICS, *extra_columns]]
    out.index.name = "method"
    if BEST in out.index:
        out["MAE_vs_best"] = out["MAE"] / out.loc[BEST, "MAE"]
    out.attrs.update(
        target=model.target,
        n=len(rows),
        cv=cv,
        quantiles=levels,
        nominal_coverage=float(max(levels) - min(levels)),
        coverages=[float(c) for c in coverages],
    )
    return out


def fit_and_evaluate(
    model: CaseModel, cases: pd.DataFrame, **options: object
) -> tuple[CaseModel, pd.DataFrame]:
    """Cross-validate ``model`` with :func:`evaluate`, then fit it on all its cases.

    What ``outcomes fit`` does, and what a report does when it is given no
    saved model: the figures are out-of-fold, the model returned has seen
    every case.

    Parameters
    ----------
    model : SettlementRatioModel or MonthlyAmountModel
        Fitted here (in place) after the evaluation.
    cases : DataFrame
        The clean case table.
    **options
        Passed to :func:`evaluate` (``cv``, ``quantiles``, ``baselines``,
        ``coverages`` …).

    Returns
    -------
    (model, DataFrame)
        The fitted model and :func:`evaluate`'s table.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import SettlementRatioModel
    >>> cases = simulate_cases(400, seed=2, messy=False, today="2026-06-30")
    >>> model, table = fit_and_evaluate(
    ...     SettlementRatioModel(as_of="2026-06-30", cv=3, max_iter=20), cases,
    ...     cv=3, baselines=["overall median"], coverages=(0.8,))
    >>> list(table.index)
    ['SettlementRatioModel (auto)', 'overall median']
    >>> model.n_train_ == table.attrs["n"]
    True
    """
    table = evaluate(model, cases, **options)  # type: ignore[arg-type]
    return model.fit(cases), table


# --------------------------------------------------------------------------
# Tables that judge a fitted model: calibration and drivers
# --------------------------------------------------------------------------


def check_fitted(model: CaseModel) -> None:
    if not isinstance(model, CaseModel):
        raise OutcomesError(
            f"expected a SettlementRatioModel or MonthlyAmountModel, got {type(model).__name__}"
        )
    if not hasattr(model, "regressor_"):
        raise OutcomesError(f"{type(model).__name__} is not fitted; call fit(cases) first")


def calibration_table(
    model: CaseModel,
    cases: pd.DataFrame,
    levels: Sequence[float] = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95),
    *,
    cv: int | None = None,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Stated against observed coverage of central intervals.

    Parameters
    ----------
    model : SettlementRatioModel or MonthlyAmountModel
        With ``cv=None``, a fitted model and ``cases`` it has not seen; with
        ``cv`` an int, clones are fitted fold by fold (out-of-fold coverage).
    cases : DataFrame
        The clean table; the model's rows are used.
    levels : sequence of float
        Stated coverages of the central intervals.
    cv : int, optional
    random_state : int, optional

    Returns
    -------
    DataFrame
        ``stated``, ``observed`` (share with ``lower <= y <= upper``),
        ``mean_width``, ``n``.
    """
    rows = model.training_rows(cases)
    sub = cases.loc[rows]
    y = model.observed(cases)
    levels = [float(v) for v in levels]
    qs = sorted({round(a, 10) for v in levels for a in ((1 - v) / 2, (1 + v) / 2)})
    if cv is None:
        check_fitted(model)
        pred = model.predict_quantiles(sub, qs).to_numpy()
    else:
        pred = np.full((len(sub), len(qs)), np.nan)
        for train, test in KFold(cv, shuffle=True, random_state=random_state).split(sub):
            fitted = clone(model).fit(sub.iloc[train])
            pred[test] = fitted.predict_quantiles(sub.iloc[test], qs).to_numpy()
    out = []
    for v in levels:
        lo = pred[:, qs.index(round((1 - v) / 2, 10))]
        hi = pred[:, qs.index(round((1 + v) / 2, 10))]
        out.append(
            {
                "stated": v,
                "observed": float(np.mean((lo <= y) & (y <= hi))),
                "mean_width": float(np.mean(hi - lo)),
                "n": int(len(y)),
            }
        )
    return pd.DataFrame(out)


def drivers_table(
    model: CaseModel,
    cases: pd.DataFrame,
    *,
    n_repeats: int = 5,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Permutation importance of each feature: the rise in MAE when it is shuffled.

    Returns
    -------
    DataFrame
        Index the features, columns ``importance`` (mean MAE increase) and
        ``std``, largest first.
    """
    from sklearn.inspection import permutation_importance

    check_fitted(model)
    rows = model.training_rows(cases)
    X = model.features(cases.loc[rows])
    result = permutation_importance(
        model.regressor_,
        X,
        model.observed(cases),
        scoring="neg_mean_absolute_error",
        n_repeats=n_repeats,
        random_state=random_state,
    )
    out = pd.DataFrame(
        {"importance": result.importances_mean, "std": result.importances_std}, index=X.columns
    )
    out.index.name = "feature"
    return out.sort_values("importance", ascending=False)
