"""The report's models: how well they do, and the ranges they predict.

:func:`check_models` never fits a model of its own: without a model
directory each model goes through :func:`outcomes.models.fit_and_evaluate`
(cross-validated on all the report's cases, beside ``evaluate``'s
baselines, then fitted on all of them); with one, the saved models are loaded
and never re-fitted.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from outcomes._contract import DEFAULT_K
from outcomes._errors import OutcomesError
from outcomes._format import column_label, value_labels
from outcomes.report.tables import SUPPRESSED, safe_label, styled, value_formatter

__all__ = [
    "ACCURACY_COVERAGE",
    "COVERAGES",
    "DRIFT_DISTANCE",
    "DRIFT_VERDICTS",
    "REPORT_BASELINES",
    "ModelCheck",
    "accuracy_table",
    "case_predictions",
    "check_models",
    "expected_totals",
    "predicted_ranges",
    "ranges_table",
    "totals_table",
    "training_drift",
]

#: what a report calls each model, by its target
REPORT_MODEL_NAMES: dict[str, str] = {
    "settlement_ratio": "和解率(一括和解)",
    "monthly_amount": "月額(分割弁済)",
}

#: Japanese names of the methods of outcomes.models.evaluate's table (the model row is "モデル")
REPORT_METHOD_LABELS: dict[str, str] = {
    "overall median": "全体の中央値",
    "median by creditor type": "債権者区分ごとの中央値",
    "HistGradientBoostingRegressor": "勾配ブースティング(特徴量そのまま)",
    "fractional logit GLM": "一般化線形モデル(ロジット)",
    "log-linear GLM (Gamma, log link)": "一般化線形モデル(ガンマ、対数リンク)",
    "best possible (true conditional median)": "理論上の最良(真の条件付き中央値)",
}

#: central intervals whose coverage the calibration check compares with its nominal level
COVERAGES: tuple[float, ...] = (0.5, 0.8, 0.9)
#: the interval accuracy tables show (its coverage and width)
ACCURACY_COVERAGE = 0.9
#: the baselines of :func:`outcomes.models.evaluate` shown beside each model
REPORT_BASELINES: tuple[str, ...] = ("overall median", "median by creditor type")
#: what the accuracy table calls the model itself
MODEL_ROW = "モデル"


class ModelCheck:
    """One model of the report, and how well it does on the report's cases.

    Attributes
    ----------
    target : str
        ``settlement_ratio`` or ``monthly_amount``.
    name : str
        What the report calls it.
    model : fitted model or None
        ``None`` when it could not be fitted or loaded (see ``message``).
    origin : str
        Where the model comes from (fitted on the report's cases, or the file
        it was loaded from) and how it was checked.
    accuracy : DataFrame
        One row per method (the model, then the baselines), index
        ``method`` in Japanese: ``MAE``, ``coverage`` and ``width`` of the
        90% interval, ``n``.
    calibration : DataFrame
        ``stated`` and ``observed`` coverage of central intervals, their
        ``mean_width`` and ``n`` (as :func:`outcomes.models.calibration_table`).
    message : str or None
        Why there is no model or no check, in a sentence.
    """

    def __init__(
        self,
        target: str,
        model: Any = None,
        origin: str = "",
        accuracy: pd.DataFrame | None = None,
        calibration: pd.DataFrame | None = None,
        message: str | None = None,
    ) -> None:
        self.target = target
        self.name = REPORT_MODEL_NAMES.get(target, target)
        self.model = model
        self.origin = origin
        self.accuracy = accuracy if accuracy is not None else pd.DataFrame()
        self.calibration = calibration if calibration is not None else pd.DataFrame()
        self.message = message


def _interval_levels(coverage: float) -> tuple[float, float, float]:
    """Lower, median and upper quantile levels of a central interval."""
    return (round((1 - coverage) / 2, 6), 0.5, round(1 - (1 - coverage) / 2, 6))


def _accuracy(table: pd.DataFrame, n: int) -> pd.DataFrame:
    """``evaluate``'s table as the report shows it: Japanese method names, MAE, coverage, width, n."""
    names = [MODEL_ROW, *(REPORT_METHOD_LABELS.get(m, m) for m in table.index[1:])]
    accuracy = table[["MAE", "coverage", "width"]].copy()
    accuracy.index = pd.Index(names, name="method")
    accuracy["n"] = n
    return accuracy


def _calibration(table: pd.DataFrame, n: int) -> pd.DataFrame:
    """The model row of ``evaluate``'s coverage columns, as a calibration table."""
    row = table.iloc[0]
    return pd.DataFrame(
        [
            {
                "stated": float(c),
                "observed": float(row[f"coverage_{round(c * 100):d}"]),
                "mean_width": float(row[f"width_{round(c * 100):d}"]),
                "n": int(n),
            }
            for c in COVERAGES
        ]
    )


def _saved_evaluation(
    meta: dict[str, Any], target: str, baselines: Sequence[str]
) -> tuple[pd.DataFrame, pd.DataFrame, str] | None:
    """The cross-validated evaluation ``outcomes fit`` saved for ``target``, as the report shows it."""
    entry = (meta.get("models") or {}).get(target) or {}
    evaluation = entry.get("evaluation")
    if not evaluation:
        return None
    table = pd.DataFrame.from_dict(evaluation, orient="index")
    rows = [table.index[0], *(b for b in baselines if b in table.index)]
    table = table.loc[rows]
    n = int(entry.get("training_rows") or 0)
    accuracy = _accuracy(table, n)
    if all(f"coverage_{round(c * 100):d}" in table.columns for c in COVERAGES):
        calibration = _calibration(table, n)
    else:
        row = table.iloc[0]
        calibration = pd.DataFrame(
            [
                {
                    "stated": ACCURACY_COVERAGE,
                    "observed": float(row["coverage"]),
                    "mean_width": float(row["width"]),
                    "n": n,
                }
            ]
        )
    when = str(entry.get("fitted_at") or entry.get("saved_at") or meta.get("created") or "")
    when = when[:10] if when else "日付不明"
    cv = meta.get("cv") or "k"
    label = f"{cv}分割の交差検証({when}、{n:,}件、`outcomes fit` が保存した結果)"
    return accuracy, calibration, label


def check_models(
    cases: pd.DataFrame,
    *,
    model_dir: str | Path | None = None,
    k: int = DEFAULT_K,
    as_of: date | str | None = None,
    cv: int = 5,
    random_state: int = 0,
    baselines: Sequence[str] = REPORT_BASELINES,
    model_params: dict[str, Any] | None = None,
) -> list[ModelCheck]:
    """The report's two models and their accuracy and calibration on its cases.

    Without ``model_dir``, each model is cross-validated on all its cases
    (lump sums for the ratio, instalment plans for the monthly amount) by
    :func:`outcomes.models.fit_and_evaluate`, side by side with
    ``evaluate``'s ``baselines`` (by default the training median overall and
    per creditor type), its intervals' out-of-fold coverage giving the
    calibration; the model then fitted on all the cases gives the predicted
    ranges. With ``model_dir`` (read by :func:`outcomes.read_model_dir`),
    the saved models are loaded (never re-fitted) and their accuracy is the
    cross-validated evaluation ``outcomes fit`` saved in ``metadata.json``
    (with its date and number of cases); a model is never checked on its
    own training cases.

    Parameters
    ----------
    cases : DataFrame
        The report's cases (the clean table's columns).
    model_dir : str or Path, optional
        A directory written by ``outcomes fit``.
    k : int
        Smallest number of cases a check is shown for.
    as_of : date or str, optional
        The day months waited are counted to (models fitted here).
    cv : int
        Folds of the cross-validation.
    random_state : int
        Shuffles the folds.
    baselines : sequence of str
        Baselines of :func:`outcomes.models.evaluate` to show.
    model_params : dict, optional
        Parameters of the models fitted here (e.g. ``{"max_iter": 50}``).

    Returns
    -------
    list of ModelCheck
        Settlement ratio first, then monthly amount.
    """
    from outcomes._io import read_model_dir
    from outcomes.models import MonthlyAmountModel, SettlementRatioModel, fit_and_evaluate

    checks: list[ModelCheck] = []
    saved = read_model_dir(model_dir) if model_dir is not None else None
    for cls in (SettlementRatioModel, MonthlyAmountModel):
        target = cls.target
        if saved is not None:
            model = saved.models[target]
            origin = f"{target}.skops を読み込み(再学習なし)"
            found = _saved_evaluation(saved.metadata, target, baselines)
            if found is None:
                checks.append(
                    ModelCheck(
                        target,
                        model,
                        origin,
                        message="モデルのディレクトリに交差検証の結果がありません"
                        "(学習に使った案件での的中率は楽観的なので示しません)。",
                    )
                )
                continue
            accuracy, calibration, label = found
            checks.append(
                ModelCheck(target, model, f"{origin}。精度は{label}", accuracy, calibration)
            )
            continue
        template = cls(as_of=as_of, **(model_params or {}))
        n = int(template.training_rows(cases).sum())
        if n < max(40, 10 * cv):
            checks.append(
                ModelCheck(
                    target,
                    message=f"対象の案件が {n:,} 件と少なく、モデルを学習できません。",
                )
            )
            continue
        model, table = fit_and_evaluate(
            template,
            cases,
            cv=cv,
            quantiles=_interval_levels(ACCURACY_COVERAGE),
            random_state=random_state,
            baselines=list(baselines),
            coverages=COVERAGES,
        )
        origin = (
            f"{cv}分割の交差検証({as_of or '本日'}、この報告の案件 {n:,} 件、"
            "学習に使っていない案件で確認)。予測の目安には全件で学習したモデルを使用"
        )
        checks.append(
            ModelCheck(target, model, origin, _accuracy(table, n), _calibration(table, n))
        )
    return checks


def accuracy_table(check: ModelCheck) -> Any:
    """A model's accuracy beside the baselines, as a table to show."""
    fmt = value_formatter(check.target)
    table = check.accuracy.reset_index().rename(
        columns={
            "method": "方法",
            "MAE": "平均絶対誤差",
            "coverage": f"{ACCURACY_COVERAGE:.0%}区間の的中率",
            "width": f"{ACCURACY_COVERAGE:.0%}区間の平均幅",
            "n": "確認した件数",
        }
    )
    return (
        table.style.format(
            {
                "平均絶対誤差": fmt,
                f"{ACCURACY_COVERAGE:.0%}区間の平均幅": fmt,
                f"{ACCURACY_COVERAGE:.0%}区間の的中率": "{:.0%}",
                "確認した件数": "{:,.0f}",
            }
        )
        .hide(axis="index")
        .set_caption(html.escape(f"{check.name}: {check.origin}"))
    )


#: cases predicted at a time by :func:`case_predictions` (bounds the memory of a large report;
#: large enough for the models' threads to pay)
PREDICTION_BLOCK = 200_000


def case_predictions(
    check: ModelCheck, cases: pd.DataFrame, *, coverage: float = 0.8
) -> pd.DataFrame:
    """Each case's predicted median and central interval: the model run once for the report.

    The report's tables all read these columns (predicted ranges per group,
    the league table's model-expected medians), so that each model predicts
    each case once, however many tables use it.

    Parameters
    ----------
    check : ModelCheck
        From :func:`check_models`.
    cases : DataFrame
        The report's cases (any resolution).
    coverage : float
        The central interval's stated coverage (default 80%: 10%点–90%点).

    Returns
    -------
    DataFrame
        ``lower``, ``median``, ``upper`` (float), index of ``cases``; empty
        values when ``check`` has no model.

    Examples
    --------
    >>> case_predictions(ModelCheck("settlement_ratio"), pd.DataFrame(index=[3, 4]))
       lower  median  upper
    3    NaN     NaN    NaN
    4    NaN     NaN    NaN
    """
    columns = ["lower", "median", "upper"]
    if check.model is None or len(cases) == 0:
        return pd.DataFrame(np.nan, index=cases.index, columns=columns)
    lo, hi = (1 - coverage) / 2, 1 - (1 - coverage) / 2
    q = np.empty((len(cases), 3), dtype="float64")
    # in blocks: the model's encoded features of a million cases need not exist at once
    for start in range(0, len(cases), PREDICTION_BLOCK):
        block = cases.iloc[start : start + PREDICTION_BLOCK]
        q[start : start + len(block)] = check.model.predict_quantiles(block, [lo, 0.5, hi])
    return pd.DataFrame(q, index=cases.index, columns=columns)


def predicted_ranges(
    check: ModelCheck,
    cases: pd.DataFrame,
    by: str,
    *,
    k: int = DEFAULT_K,
    coverage: float = 0.8,
    predictions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The model's predicted median and central interval, typical per group.

    For every case the model gives its median and its ``coverage``
    interval; the table shows, per group of ``k`` or more cases, the median
    of each (columns ``cases``, ``lower``, ``median``, ``upper``).
    ``predictions`` (from :func:`case_predictions` on the same ``cases``)
    saves predicting again.
    """
    if check.model is None or len(cases) == 0:
        return pd.DataFrame(columns=[by, "cases", "lower", "median", "upper"])
    if predictions is None:
        predictions = case_predictions(check, cases, coverage=coverage)
    elif len(predictions) != len(cases) or not predictions.index.equals(cases.index):
        raise OutcomesError("predictions: not computed on these cases (index differs)")
    frame = predictions[["lower", "median", "upper"]].copy()
    frame.insert(0, by, cases[by])
    grouped = frame.groupby(by, observed=True, dropna=True, sort=True)
    table = grouped[["lower", "median", "upper"]].median()
    table.insert(0, "cases", grouped.size())
    table = table[table["cases"] >= k].reset_index()
    return table


def ranges_table(check: ModelCheck, table: pd.DataFrame, by: str, *, coverage: float = 0.8) -> Any:
    """:func:`predicted_ranges` as a table to show."""
    fmt = value_formatter(check.target)
    shown = table.copy()
    ordinal = pd.api.types.is_numeric_dtype(shown[by]) or (
        isinstance(shown[by].dtype, pd.CategoricalDtype) and shown[by].cat.ordered
    )
    if not ordinal:  # bands and sizes keep their order; other groups: most cases first
        shown = shown.sort_values("cases", ascending=False, kind="stable")
    names = value_labels(by)
    shown[by] = [safe_label(names.get(str(v), v)) for v in shown[by].astype(object)]
    low, high = f"下限({(1 - coverage) / 2:.0%}点)", f"上限({1 - (1 - coverage) / 2:.0%}点)"
    shown = shown.rename(
        columns={
            by: column_label(by),
            "cases": "件数",
            "lower": low,
            "median": "予測の中央値",
            "upper": high,
        }
    )
    return (
        shown.style.format(
            {low: fmt, "予測の中央値": fmt, high: fmt, "件数": "{:,.0f}"}, escape="html"
        )
        .hide(axis="index")
        .set_properties(subset=[column_label(by)], **{"text-align": "left"})
        .set_caption(f"{check.name}の予測({column_label(by)}別、各案件の予測の中央値)")
    )


#: what the report calls drift's verdicts
DRIFT_VERDICTS: dict[str, str] = {"stable": "安定", "shifted": "変化あり"}
#: the drift table's header of ``drift``'s distance (Wasserstein in training SDs for numbers,
#: total variation for categories: 0 when the distributions are the same)
DRIFT_DISTANCE = "分布の差(0=同じ)"
#: the report's names of drift's derived features
_DRIFT_FEATURE_LABELS: dict[str, str] = {"log_residual_debt": "残債(対数)"}


def training_drift(
    model_dir: str | Path | None, cases: pd.DataFrame, *, k: int = DEFAULT_K
) -> pd.DataFrame | None:
    """This period's cases against the model's training data, k-safe.

    Reads the training profile ``outcomes fit`` saved in ``model_dir``
    (aggregates only) and compares it with ``cases`` by
    :func:`outcomes.models.drift`. Published: per feature its PSI, distance,
    verdict and the share of cases outside the training range (suppressed as
    ``k未満`` where it stands for fewer than ``k`` cases); new categories are
    named only when at least ``k`` of the cases hold them.

    Returns
    -------
    DataFrame or None
        ``特徴量``, ``PSI``, ``分布の差`` (:data:`DRIFT_DISTANCE`), ``範囲外・未知の割合``, ``新しい区分``,
        ``判定``; None without ``model_dir`` or where the directory has no
        profile (written before profiles existed).

    Examples
    --------
    >>> training_drift(None, pd.DataFrame()) is None
    True
    """
    if model_dir is None:
        return None
    from outcomes._io import PROFILE_FILE
    from outcomes.models import TrainingProfile, drift

    path = Path(model_dir) / PROFILE_FILE
    if not path.is_file() or len(cases) == 0:
        return None
    table = drift(TrainingProfile.from_json(path), cases)
    n = table["n_current"].to_numpy(dtype="float64")
    outside = table["share_outside"].to_numpy(dtype="float64")
    count = outside * n
    shown_share = [
        SUPPRESSED if 0 < c < k - 1e-9 else f"{s:.1%}" for s, c in zip(outside, count, strict=True)
    ]
    new: list[str] = []
    for feature, names in zip(table["feature"], table["new_categories"], strict=True):
        listed = [s for s in str(names or "").split(",") if s.strip()]
        if not listed:
            new.append("")
            continue
        counts = (
            cases[feature].astype("string").value_counts()
            if feature in cases.columns
            else pd.Series(dtype="int64")
        )
        big = [safe_label(s.strip()) for s in listed if counts.get(s.strip(), 0) >= k]
        small = len(listed) - len(big)
        new.append("、".join(big + ([f"ほか{small}区分({SUPPRESSED})"] if small else [])))
    labels = [_DRIFT_FEATURE_LABELS.get(f, column_label(f)) for f in table["feature"]]
    return pd.DataFrame(
        {
            "特徴量": labels,
            "PSI": [f"{v:.3f}" for v in table["psi"]],
            DRIFT_DISTANCE: [f"{v:.3f}" for v in table["distance"]],
            "範囲外・未知の割合": shown_share,
            "新しい区分": new,
            "判定": table["verdict"].map(DRIFT_VERDICTS).fillna(table["verdict"]).to_numpy(),
        }
    )


def expected_totals(
    ratio_check: ModelCheck,
    monthly_check: ModelCheck,
    cases: pd.DataFrame,
    by: str = "creditor_type",
    *,
    k: int = DEFAULT_K,
) -> pd.DataFrame:
    """Pending cases: expected lump sums and monthly amounts summed per group, from the means.

    A sum over cases needs each case's expected value, not its median (a sum
    of medians understates a skewed total): the models' calibrated
    ``predict_mean`` gives it. Groups of fewer than ``k`` pending cases are
    pooled into one row (``その他``), itself shown only with ``k`` or more.
    Internal estimates, never a promise.

    Returns
    -------
    DataFrame
        ``by`` (codes), ``cases``, ``lump_sum_total`` (Σ mean ratio × residual
        debt, yen) and ``monthly_total`` (Σ mean monthly amount, yen), plus a
        last row ``合計`` when two or more groups are shown.
    """
    pooled = "その他"
    columns = [by, "cases", "lump_sum_total", "monthly_total"]
    pending = cases[cases["resolution"].astype("string") == "pending"]
    if len(pending) < k or ratio_check.model is None or monthly_check.model is None:
        return pd.DataFrame(columns=columns)
    debt = pending["residual_debt"].astype("Float64").to_numpy(dtype="float64", na_value=0.0)
    frame = pd.DataFrame(
        {
            by: pending[by].astype("string").fillna(pooled),
            "cases": 1,
            "lump_sum_total": ratio_check.model.predict_mean(pending) * debt,
            "monthly_total": monthly_check.model.predict_mean(pending),
        },
        index=pending.index,
    )
    sizes = frame.groupby(by)["cases"].transform("size")
    frame.loc[sizes < k, by] = pooled
    table = frame.groupby(by, sort=False).sum().reset_index()
    table = table[table["cases"] >= k].sort_values("cases", ascending=False, kind="stable")
    if len(table) >= 2:
        total = pd.DataFrame([{by: "合計", **table[columns[1:]].sum().to_dict()}])
        table = pd.concat([table, total], ignore_index=True)
    table[["lump_sum_total", "monthly_total"]] = table[["lump_sum_total", "monthly_total"]].round(
        -3
    )
    return table.reset_index(drop=True)[columns]


def totals_table(table: pd.DataFrame, by: str = "creditor_type") -> Any:
    """:func:`expected_totals` as a table to show (yen as ``84億3,857万円``: to the 万円 from 100万円)."""
    shown = table.copy()
    fmt = value_formatter("lump_sum")
    for column in ("lump_sum_total", "monthly_total"):
        shown[column] = [fmt(float(v)) for v in shown[column]]
    return styled(
        shown,
        caption=f"交渉中の案件の想定額の合計({column_label(by)}別、各案件の予測の平均を合計)",
    )
