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

from outcomes._arguments import as_count, check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._errors import OutcomesError
from outcomes._format import check_language
from outcomes.report._labels import (
    column_label,
    method_label,
    model_name,
    suppressed,
    value_labels,
)
from outcomes.report._tables import header_label, safe_label, value_formatter
from outcomes.report._text import join, text

__all__ = [
    "ACCURACY_COVERAGE",
    "COVERAGES",
    "DRIFT_PSI",
    "POOLED_ROW",
    "REPORT_BASELINES",
    "TOTAL_ROW",
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


#: central intervals whose coverage the calibration check compares with its nominal level
COVERAGES: tuple[float, ...] = (0.5, 0.8, 0.9)
#: the interval accuracy tables show (its coverage and width)
ACCURACY_COVERAGE = 0.9
#: the baselines of :func:`outcomes.models.evaluate` shown beside each model
REPORT_BASELINES: tuple[str, ...] = ("overall median", "median by creditor type")
#: the fewest cases a model is fitted and cross-validated on here (also at least 10 per fold)
FEWEST_TO_CHECK = 40


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
    language : {"ja", "en"}
        The language of ``name``, ``origin`` and ``message``.
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
        language: str = "ja",
    ) -> None:
        self.target = target
        self.language = check_language(language)
        self.name = model_name(target, self.language)
        self.model = model
        self.origin = origin
        self.accuracy = accuracy if accuracy is not None else pd.DataFrame()
        self.calibration = calibration if calibration is not None else pd.DataFrame()
        self.message = message


def _interval_levels(coverage: float) -> tuple[float, float, float]:
    """Lower, median and upper quantile levels of a central interval."""
    return (round((1 - coverage) / 2, 6), 0.5, round(1 - (1 - coverage) / 2, 6))


def _accuracy(table: pd.DataFrame, n: int, language: str = "ja") -> pd.DataFrame:
    """``evaluate``'s table as the report shows it: method names, MAE, coverage, width, n."""
    names = [text("model_row", language), *(method_label(m, language) for m in table.index[1:])]
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
    meta: dict[str, Any], target: str, baselines: Sequence[str], language: str = "ja"
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
    accuracy = _accuracy(table, n, language)
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
    when = when[:10] if when else text("date_unknown", language)
    cv = meta.get("cv") or "k"
    origin = text("origin_saved", language, fitted=when, cv=cv, n=f"{n:,}")
    return accuracy, calibration, origin


@check_arguments
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
    language: str = "ja",
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
        Smallest number of cases a check is shown for: with fewer (to fit
        here, or in the saved evaluation), the check says so in a sentence
        and shows no accuracy or calibration.
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
    language : {"ja", "en"}
        The language of the checks' names and sentences.

    Returns
    -------
    list of ModelCheck
        Settlement ratio first, then monthly amount.
    """
    from outcomes._io import read_model_dir
    from outcomes.models import MonthlyAmountModel, SettlementRatioModel, fit_and_evaluate

    language = check_language(language)
    k = as_count(k, "k")
    checks: list[ModelCheck] = []
    saved = read_model_dir(model_dir) if model_dir is not None else None
    for cls in (SettlementRatioModel, MonthlyAmountModel):
        target = cls.target
        if saved is not None:
            model = saved.models[target]
            found = _saved_evaluation(saved.metadata, target, baselines, language)
            if found is None:
                checks.append(
                    ModelCheck(
                        target,
                        model,
                        message=text("no_saved_evaluation", language),
                        language=language,
                    )
                )
                continue
            accuracy, calibration, origin = found
            n = int(accuracy["n"].iloc[0]) if len(accuracy) else 0
            if n < k:
                message = text("too_few_for_k", language, n=f"{n:,}", k=k)
                checks.append(ModelCheck(target, model, message=message, language=language))
                continue
            checks.append(
                ModelCheck(target, model, origin, accuracy, calibration, language=language)
            )
            continue
        template = cls(as_of=as_of, **(model_params or {}))
        n = int(template.training_rows(cases).sum())
        if n < max(FEWEST_TO_CHECK, 10 * cv):
            message = text("too_few_to_fit", language, n=f"{n:,}")
            checks.append(ModelCheck(target, message=message, language=language))
            continue
        if n < k:
            message = text("too_few_for_k", language, n=f"{n:,}", k=k)
            checks.append(ModelCheck(target, message=message, language=language))
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
        day = str(as_of) if as_of else text("today", language)
        origin = text("origin_fitted", language, cv=cv, day=day, n=f"{n:,}")
        checks.append(
            ModelCheck(
                target,
                model,
                origin,
                _accuracy(table, n, language),
                _calibration(table, n),
                language=language,
            )
        )
    return checks


def accuracy_table(check: ModelCheck) -> Any:
    """A model's accuracy beside the baselines, as a table to show (in the check's language)."""
    language = check.language
    fmt = value_formatter(check.target, language)
    level = f"{ACCURACY_COVERAGE:.0%}"
    method = text("acc_method", language)
    mae = text("acc_mae", language)
    coverage = text("acc_coverage", language, level=level)
    width = text("acc_width", language, level=level)
    n = text("acc_n", language)
    table = check.accuracy.reset_index().rename(
        columns={"method": method, "MAE": mae, "coverage": coverage, "width": width, "n": n}
    )
    separator = ": "
    return (
        table.style.format({mae: fmt, width: fmt, coverage: "{:.0%}", n: "{:,.0f}"})
        .hide(axis="index")
        .set_properties(subset=[method], **{"text-align": "left"})
        .set_caption(html.escape(f"{check.name}{separator}{check.origin}"))
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


@check_arguments
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


@check_arguments
def ranges_table(
    check: ModelCheck,
    table: pd.DataFrame,
    by: str,
    *,
    coverage: float = 0.8,
    language: str | None = None,
) -> Any:
    """:func:`predicted_ranges` as a table to show (ordinal groups in their order)."""
    from outcomes.report._tables import natural_order

    language = check_language(language or check.language)
    fmt = value_formatter(check.target, language)
    shown = table.copy()
    order = natural_order(shown[by], by) if len(shown) else None
    if order is not None:  # bands and sizes keep their order; other groups: most cases first
        shown = shown.iloc[np.argsort(order, kind="stable")]
    else:
        shown = shown.sort_values("cases", ascending=False, kind="stable")
    names = value_labels(by, language)
    shown[by] = [safe_label(names.get(str(v), v)) for v in shown[by].astype(object)]
    low = text("ranges_low", language, level=f"{(1 - coverage) / 2:.0%}")
    high = text("ranges_high", language, level=f"{1 - (1 - coverage) / 2:.0%}")
    median = text("ranges_median", language)
    cases = column_label("cases", language)
    label = column_label(by, language)
    cases, label = header_label(cases, language), header_label(label, language)
    shown = shown.rename(
        columns={by: label, "cases": cases, "lower": low, "median": median, "upper": high}
    )
    return (
        shown.style.format({low: fmt, median: fmt, high: fmt, cases: "{:,.0f}"}, escape="html")
        .hide(axis="index")
        .set_properties(subset=[label], **{"text-align": "left"})
        .set_caption(
            text("ranges_caption", language, model=check.name, by=column_label(by, language))
        )
    )


#: the PSI above which ``drift`` calls a shift that chance hardly explains ``shifted``
DRIFT_PSI = 0.1


@check_arguments
def training_drift(
    model_dir: str | Path | None,
    cases: pd.DataFrame,
    *,
    k: int = DEFAULT_K,
    language: str = "ja",
) -> pd.DataFrame | None:
    """This period's cases against the model's training data, k-safe.

    Reads the training profile ``outcomes fit`` saved in ``model_dir``
    (aggregates only) and compares it with ``cases`` by
    :func:`outcomes.models.drift`. Published: per feature its PSI, distance,
    verdict and the share of cases outside the training range (suppressed as
    ``k未満`` where it stands for fewer than ``k`` cases); new categories are
    named only when at least ``k`` of the cases hold them (the column is left
    out when no feature has any). A PSI above :data:`DRIFT_PSI` that ``drift``
    still calls stable (too few cases to tell it from chance) reads
    「件数が少なく判定できません」, not 安定.

    Returns
    -------
    DataFrame or None
        ``attrs["same_as_training"]`` is true where every feature's PSI is
        0.000 and fewer than ``k`` values are outside the training range or
        categories (the report's cases are the model's own training data:
        nothing to compare). ``特徴量``, ``PSI``, ``分布の差(0=同じ)`` (``drift``'s distance: Wasserstein in training SDs for
        numbers, total variation for categories), ``範囲外・未知の割合``,
        ``新しい区分`` (when any), ``判定`` (in English: ``Feature``, ``PSI``,
        ``Distance (0 = same)``, ``Out of range / unseen``, ``New categories``,
        ``Verdict``); None without ``model_dir`` or where the directory has no
        profile (written before profiles existed). ``attrs["message"]`` is
        the one drift message (:func:`outcomes.models.drift_message`, None
        when all is well), k-safe as the table, for
        :func:`outcomes.models.render_drift`.

    Examples
    --------
    >>> training_drift(None, pd.DataFrame()) is None
    True
    """
    if model_dir is None:
        return None
    from outcomes._io import PROFILE_FILE
    from outcomes.models import TrainingProfile, drift, drift_message

    language = check_language(language)
    path = Path(model_dir) / PROFILE_FILE
    if not path.is_file() or len(cases) == 0:
        return None
    table = drift(TrainingProfile.from_json(path), cases, psi_threshold=DRIFT_PSI)
    n = table["n_current"].to_numpy(dtype="float64")
    outside = table["share_outside"].to_numpy(dtype="float64")
    count = outside * n
    shown_share = [
        suppressed(language) if 0 < c < k - 1e-9 else f"{s:.1%}"
        for s, c in zip(outside, count, strict=True)
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
        more = (
            [text("drift_more", language, n=small, suppressed=suppressed(language))]
            if small
            else []
        )
        new.append(join(big + more, language))
    verdicts = []
    for verdict, psi in zip(table["verdict"], table["psi"], strict=True):
        if verdict == "shifted":
            verdicts.append(text("drift_shifted", language))
        elif psi > DRIFT_PSI:  # above the threshold, but on too few cases to tell from chance
            verdicts.append(text("drift_too_few", language))
        else:
            verdicts.append(text("drift_stable", language))
    labels = [column_label(f, language) for f in table["feature"]]
    out = pd.DataFrame(
        {
            text("drift_feature", language): labels,
            "PSI": [f"{v:.3f}" for v in table["psi"]],
            text("drift_distance", language): [f"{v:.3f}" for v in table["distance"]],
            text("drift_outside", language): shown_share,
            text("drift_new", language): new,
            text("drift_verdict", language): verdicts,
        }
    )
    if not any(new):  # an empty column tells nothing
        out = out.drop(columns=text("drift_new", language))
    # the report's cases are the training data itself (a model fitted on this export, no
    # period chosen): every PSI 0.000 and every verdict 安定 would compare the data with itself
    # (nothing the table would show differs: every PSI reads 0.000, and the values outside
    # the training range or categories, if any, are fewer than k cases: k未満)
    same = (table["psi"].abs() < 0.0005).to_numpy() & (count < k - 1e-9)
    out.attrs["same_as_training"] = bool(len(table)) and bool(same.all())
    # the one drift message, k-safe as the table: a share under k cases is not named
    safe = table.assign(share_outside=np.where(count < k - 1e-9, 0.0, outside), new_categories=new)
    out.attrs["message"] = drift_message(safe)
    return out


#: the rows of :func:`expected_totals` that are not a group: the total, and the small groups
TOTAL_ROW = "合計"
POOLED_ROW = "件数の少ない区分の計"


@check_arguments
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
    pooled into one row (:data:`POOLED_ROW`, never confused with the creditor
    type その他), itself shown only with ``k`` or more. Internal estimates,
    never a promise.

    Returns
    -------
    DataFrame
        ``by`` (codes), ``cases``, ``lump_sum_total`` (Σ mean ratio × residual
        debt, yen) and ``monthly_total`` (Σ mean monthly amount, yen), plus a
        last row ``合計`` (:data:`TOTAL_ROW`) when two or more groups are shown.
    """
    pooled = POOLED_ROW
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
    table = table[table["cases"] >= k].assign(_pooled=lambda t: t[by] == pooled)
    # most cases first; the pooled small groups after every group, before the total (N19)
    table = table.sort_values(["_pooled", "cases"], ascending=[True, False], kind="stable")
    table = table.drop(columns="_pooled")
    if len(table) >= 2:
        total = pd.DataFrame([{by: TOTAL_ROW, **table[columns[1:]].sum().to_dict()}])
        table = pd.concat([table, total], ignore_index=True)
    table[["lump_sum_total", "monthly_total"]] = table[["lump_sum_total", "monthly_total"]].round(
        -3
    )
    return table.reset_index(drop=True)[columns]


@check_arguments
def totals_table(table: pd.DataFrame, by: str = "creditor_type", *, language: str = "ja") -> Any:
    """:func:`expected_totals` as a table to show (yen as ``84億3,857万円``: to the 万円 from 100万円).

    The total and the pooled small groups are named apart from every group
    (the creditor type その他 is one group; the pooled row is not).

    Examples
    --------
    >>> t = pd.DataFrame({"creditor_type": ["other", POOLED_ROW, TOTAL_ROW], "cases": [7, 6, 13],
    ...                   "lump_sum_total": [1.09e6, 3.94e6, 5.03e6],
    ...                   "monthly_total": [7e4, 6e4, 1.3e5]})
    >>> html = totals_table(t).to_html()
    >>> [label in html for label in ("その他", "件数の少ない区分の計", "合計")]
    [True, True, True]
    >>> "smaller groups combined" in totals_table(t, language="en").to_html()
    True
    """
    from outcomes.report._tables import styled

    shown = table.copy()
    fmt = value_formatter("lump_sum", language)
    for column in ("lump_sum_total", "monthly_total"):
        shown[column] = [fmt(float(v)) for v in shown[column]]
    names = {
        **value_labels(by, language),
        TOTAL_ROW: text("totals_total", language),
        POOLED_ROW: text("totals_pooled", language),
    }
    shown[by] = [names.get(str(v), v) for v in shown[by].astype(object)]
    return styled(
        shown,
        caption=text("totals_caption", language, by=column_label(by, language)),
        language=language,
        figures=("lump_sum_total", "monthly_total"),
    )
