"""Figures of a fitted case model: calibration, residuals, drivers.

The tables behind them (:func:`~outcomes.models.calibration_table`,
:func:`~outcomes.models.drivers_table`) live beside ``evaluate`` in
:mod:`outcomes.models._evaluate`; this module only draws.

Every figure is drawn from aggregates of at least ``k`` cases (binned
medians and bands, categories with ``k`` or more cases), never from a single
case, in line with the contract's k-anonymity rule for figures. Labels are
Japanese: each helper sets seaborn's theme with the IPAex Gothic font of
``matplotlib-fontja`` (``seaborn.set_theme`` resets fonts, so importing
``matplotlib_fontja`` alone is not enough).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._errors import OutcomesError
from outcomes.models._case import CaseModel
from outcomes.models._evaluate import calibration_table, check_fitted, drivers_table
from outcomes.models._features import CASE_FEATURES

if TYPE_CHECKING:  # matplotlib is imported when a figure is drawn
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "FEATURE_LABELS",
    "plot_calibration",
    "plot_drivers",
    "plot_residuals",
]

#: Japanese axis labels of the model features
FEATURE_LABELS: dict[str, str] = {
    "log_residual_debt": "残債額（対数）",
    "monthly_income": "月収（円）",
    "household_size": "世帯人数",
    "age": "年齢",
    "employment": "就業形態",
    "creditor_type": "債権者区分",
    "servicer": "サービサー",
    "months_waited": "売却から和解までの月数",
    "sale_year": "売却年",
}
_TARGET_LABELS = {"settlement_ratio": "和解率", "monthly_amount": "月額（円）"}
_FONT = "IPAexGothic"


def _theme() -> None:
    import matplotlib_fontja  # noqa: F401 - registers the IPAex fonts
    import seaborn as sns

    sns.set_theme(style="whitegrid", font=_FONT, rc={"axes.unicode_minus": False})


def _new_ax(ax: Axes | None, size: tuple[float, float] = (5.5, 4.5)) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size)
    return ax


# --------------------------------------------------------------------------
# Calibration
# --------------------------------------------------------------------------


def plot_calibration(
    model: CaseModel,
    cases: pd.DataFrame,
    levels: Sequence[float] = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95),
    *,
    cv: int | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Stated against observed coverage, with the sampling band of a calibrated model.

    See :func:`calibration_table` for the arguments. The grey band is
    ±2 binomial standard errors around the diagonal.

    Returns
    -------
    Axes
    """
    table = calibration_table(model, cases, levels, cv=cv)
    _theme()
    ax = _new_ax(ax)
    stated = table["stated"].to_numpy()
    n = int(table["n"].iloc[0])
    grid = np.linspace(min(stated.min(), 0.4), 1.0, 50)
    se = np.sqrt(grid * (1 - grid) / max(n, 1))
    ax.fill_between(grid, grid - 2 * se, grid + 2 * se, color="0.85", label="±2 標準誤差")
    ax.plot(grid, grid, color="0.4", lw=1, ls="--", label="理想（表示どおり）")
    ax.plot(stated, table["observed"], marker="o", label="観測")
    ax.set_xlabel("表示した区間の確率")
    ax.set_ylabel("区間に入った割合")
    target = _TARGET_LABELS.get(model.target, model.target)
    ax.set_title(f"{target}：予測区間の較正（n={n:,}）")
    ax.legend(loc="upper left")
    return ax


# --------------------------------------------------------------------------
# Residuals
# --------------------------------------------------------------------------


def _binned(
    x: pd.Series, r: np.ndarray, k: int, bins: int
) -> pd.DataFrame:  # one row per bin / category with k+ cases
    numeric = pd.api.types.is_numeric_dtype(x.dtype) and not isinstance(
        x.dtype, pd.CategoricalDtype
    )
    frame = pd.DataFrame({"x": x.to_numpy(), "r": r})
    if numeric:
        frame = frame[frame["x"].notna()]
        n_bins = max(1, min(bins, len(frame) // max(k, 1)))
        frame["bin"] = pd.qcut(frame["x"].astype("float64"), n_bins, duplicates="drop")
        grouped = frame.groupby("bin", observed=True)
        out = grouped.agg(
            x=("x", "median"),
            median=("r", "median"),
            low=("r", lambda s: s.quantile(0.1)),
            high=("r", lambda s: s.quantile(0.9)),
            n=("r", "size"),
        )
    else:
        frame["x"] = frame["x"].astype("string").fillna("（不明）")
        grouped = frame.groupby("x", observed=True)
        out = grouped.agg(
            median=("r", "median"),
            low=("r", lambda s: s.quantile(0.1)),
            high=("r", lambda s: s.quantile(0.9)),
            n=("r", "size"),
        ).reset_index()
    return out[out["n"] >= k].reset_index(drop=True)


@check_arguments
def plot_residuals(
    model: CaseModel,
    cases: pd.DataFrame,
    features: Sequence[str] = (
        "log_residual_debt",
        "monthly_income",
        "months_waited",
        "creditor_type",
    ),
    *,
    k: int = DEFAULT_K,
    bins: int = 10,
) -> Figure:
    """Residuals (observed minus predicted median) against the main features.

    Each panel shows, per bin of a numeric feature (quantile bins) or per
    category, the median residual and its 10-90% band; bins and categories
    with fewer than ``k`` cases are left out.

    Parameters
    ----------
    model : fitted SettlementRatioModel or MonthlyAmountModel
    cases : DataFrame
        The clean table (ideally cases the model has not seen).
    features : sequence of str
        Model features (see ``CASE_FEATURES``).
    k : int, default=5
        Smallest group drawn.
    bins : int, default=10

    Returns
    -------
    Figure
    """
    check_fitted(model)
    unknown = [f for f in features if f not in CASE_FEATURES]
    if unknown:
        raise OutcomesError(f"unknown feature(s) {unknown}; choose from {list(CASE_FEATURES)}")
    rows = model.training_rows(cases)
    sub = cases.loc[rows]
    X = model.features(sub)
    resid = model.observed(cases) - model.predict(sub)
    _theme()
    import matplotlib.pyplot as plt

    ncol = min(2, len(features))
    nrow = int(np.ceil(len(features) / ncol))
    fig, axes = plt.subplots(nrow, ncol, figsize=(5.5 * ncol, 4 * nrow), squeeze=False)
    for ax, feature in zip(axes.ravel(), features, strict=False):
        table = _binned(X[feature], resid, k, bins)
        if "x" in table and pd.api.types.is_numeric_dtype(table["x"].dtype):
            ax.fill_between(table["x"], table["low"], table["high"], alpha=0.3, label="10–90%")
            ax.plot(table["x"], table["median"], marker="o", label="中央値")
        else:
            pos = np.arange(len(table))
            ax.vlines(pos, table["low"], table["high"], lw=6, alpha=0.3, label="10–90%")
            ax.plot(pos, table["median"], "o", label="中央値")
            ax.set_xticks(pos, table["x"], rotation=45, ha="right")
        ax.axhline(0, color="0.4", lw=1, ls="--")
        ax.set_xlabel(FEATURE_LABELS.get(feature, feature))
        ax.set_ylabel("残差（実績 − 予測中央値）")
    for ax in axes.ravel()[len(features) :]:
        ax.set_visible(False)
    axes.ravel()[0].legend(loc="best")
    target = _TARGET_LABELS.get(model.target, model.target)
    fig.suptitle(f"{target}：特徴量別の残差（各点 {k} 件以上）")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------
# Drivers
# --------------------------------------------------------------------------


def _partial_dependence(
    model: CaseModel, X: pd.DataFrame, feature: str, k: int, points: int = 12
) -> pd.DataFrame:
    col = X[feature]
    numeric = pd.api.types.is_numeric_dtype(col.dtype)
    if numeric:
        finite = col.dropna().astype("float64")
        grid = np.unique(np.quantile(finite, np.linspace(0.05, 0.95, points)))
        labels = grid
    else:
        counts = col.astype("string").value_counts()
        grid = counts[counts >= max(k, getattr(model, "min_frequency", k))].index.tolist()
        labels = grid
    sample = X.sample(min(len(X), 2000), random_state=0) if len(X) > 2000 else X
    values = []
    for v in grid:
        probe = sample.copy()
        if numeric:
            probe[feature] = float(v)
        else:
            probe[feature] = pd.array([v] * len(probe), dtype="string")
        values.append(float(np.mean(model.regressor_.predict(probe))))
    return pd.DataFrame({"value": labels, "prediction": values})


@check_arguments
def plot_drivers(
    model: CaseModel,
    cases: pd.DataFrame,
    features: Sequence[str] = ("log_residual_debt", "servicer", "months_waited", "monthly_income"),
    *,
    k: int = DEFAULT_K,
    n_repeats: int = 5,
) -> Figure:
    """What drives the prediction: permutation importance and partial dependence.

    The first panel ranks all features by permutation importance (rise in
    MAE when the feature is shuffled); one panel per ``features`` entry then
    shows the average predicted median as that feature varies (categories
    with fewer than ``k`` training cases are left out).

    Returns
    -------
    Figure
    """
    check_fitted(model)
    unknown = [f for f in features if f not in CASE_FEATURES]
    if unknown:
        raise OutcomesError(f"unknown feature(s) {unknown}; choose from {list(CASE_FEATURES)}")
    importance = drivers_table(model, cases, n_repeats=n_repeats)
    rows = model.training_rows(cases)
    X = model.features(cases.loc[rows])
    _theme()
    import matplotlib.pyplot as plt

    panels = 1 + len(features)
    ncol = min(3, panels)
    nrow = int(np.ceil(panels / ncol))
    fig, axes = plt.subplots(nrow, ncol, figsize=(5.2 * ncol, 4 * nrow), squeeze=False)
    flat = axes.ravel()
    labels = [FEATURE_LABELS.get(f, f) for f in importance.index]
    flat[0].barh(labels[::-1], importance["importance"].to_numpy()[::-1],
                 xerr=importance["std"].to_numpy()[::-1])  # fmt: skip
    flat[0].set_xlabel("シャッフル時の MAE の増加")
    flat[0].set_title("特徴量の重要度（permutation）")
    target = _TARGET_LABELS.get(model.target, model.target)
    for ax, feature in zip(flat[1:], features, strict=False):
        pd_table = _partial_dependence(model, X, feature, k)
        if pd.api.types.is_numeric_dtype(X[feature].dtype):
            ax.plot(pd_table["value"], pd_table["prediction"], marker="o")
        else:
            pos = np.arange(len(pd_table))
            ax.bar(pos, pd_table["prediction"])
            ax.set_xticks(pos, pd_table["value"], rotation=45, ha="right")
        ax.set_xlabel(FEATURE_LABELS.get(feature, feature))
        ax.set_ylabel(f"予測{target}（平均）")
        ax.set_title("部分依存")
    for ax in flat[panels:]:
        ax.set_visible(False)
    fig.suptitle(f"{target}の決定要因")
    fig.tight_layout()
    return fig
