"""SettlementRatioModel, MonthlyAmountModel, evaluate and the figures, on generated cases."""

from __future__ import annotations

import copy

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.model_selection import cross_val_score

from outcomes import OutcomesError
from outcomes.datasets import simulate_cases, true_quantile
from outcomes.models import (
    CASE_FEATURES,
    MonthlyAmountModel,
    SettlementRatioModel,
    calibration_table,
    case_features,
    evaluate,
    plot_calibration,
    plot_drivers,
    plot_residuals,
)

TODAY = "2026-06-30"


@pytest.fixture(scope="module")
def cases() -> pd.DataFrame:
    return simulate_cases(3000, seed=21, messy=False, today=TODAY)


@pytest.fixture(scope="module")
def new_cases() -> pd.DataFrame:
    return simulate_cases(8000, seed=22, messy=False, today=TODAY)


@pytest.fixture(scope="module")
def ratio_model(cases) -> SettlementRatioModel:
    return SettlementRatioModel(as_of=TODAY).fit(cases)


@pytest.fixture(scope="module")
def monthly_model(cases) -> MonthlyAmountModel:
    return MonthlyAmountModel(as_of=TODAY).fit(cases)


def test_features_from_the_contract_columns(cases):
    f = case_features(cases, as_of=TODAY)
    assert list(f.columns) == list(CASE_FEATURES)
    assert f.index.equals(cases.index)
    debt = cases["residual_debt"].to_numpy(dtype=float, na_value=np.nan)
    np.testing.assert_allclose(f["log_residual_debt"], np.log(debt), equal_nan=True)
    agreed = cases["agreement_date"].notna() & cases["sale_date"].notna()
    days = (cases["agreement_date"] - cases["sale_date"]).dt.days[agreed]
    np.testing.assert_allclose(f.loc[agreed, "months_waited"], days / (365.25 / 12))


def test_months_waited_of_pending_cases_counts_to_as_of(cases, ratio_model):
    pending = cases[cases["agreement_date"].isna() & cases["sale_date"].notna()].head(20)
    assert len(pending)
    early = case_features(pending, as_of="2026-07-01")["months_waited"]
    late = case_features(pending, as_of="2027-07-01")["months_waited"]
    np.testing.assert_allclose(late - early, 365 / (365.25 / 12))
    # the fitted model counts to its as_of at prediction time
    shifted = copy.deepcopy(ratio_model).set_params(as_of="2030-01-01")
    assert not np.allclose(shifted.predict(pending), ratio_model.predict(pending))
    agreed = cases[cases["resolution"] == "lump_sum"].head(20)  # dated: as_of plays no part
    np.testing.assert_array_equal(shifted.predict(agreed), ratio_model.predict(agreed))


def test_learns_only_from_its_resolution(cases, ratio_model, monthly_model):
    lump = (cases["resolution"] == "lump_sum") & cases["settlement_ratio"].notna()
    inst = (cases["resolution"] == "installment") & (cases["monthly_amount"] > 0)
    assert ratio_model.n_train_ == int(lump.sum())
    assert monthly_model.n_train_ == int(inst.fillna(False).sum())


def test_predicts_every_case_inside_bounds(cases, ratio_model):
    q = ratio_model.predict_quantiles(cases)
    assert len(q) == len(cases) and q.index.equals(cases.index)
    values = q.to_numpy()
    assert np.all((values >= 0) & (values <= 1))
    assert np.all(np.diff(values, axis=1) >= 0)


def test_monthly_predictions_and_bounds_on_the_amount_grid(cases, monthly_model):
    grid = monthly_model.grid_
    observed = cases.loc[cases["resolution"] == "installment", "monthly_amount"].dropna()
    common = observed.value_counts(normalize=True)
    assert set(common[common >= 0.02].index) <= set(grid)  # the common amounts are on it
    q = monthly_model.predict_quantiles(cases, (0.05, 0.25, 0.5, 0.75, 0.95))
    assert np.isin(q.to_numpy(), grid).all()
    assert np.all(np.diff(q.to_numpy(), axis=1) >= 0)
    assert np.all(q.to_numpy() % 1000 == 0)  # real-looking amounts


def test_monthly_grid_bounds_learnt_round_the_median_better(cases, monthly_model, new_cases):
    # the median of the rounded amount (bounds learnt on held-out medians) is nearer
    # the truth than the median rounded at geometric midpoints
    midpoint = MonthlyAmountModel(as_of=TODAY, grid_bounds="midpoint").fit(cases)
    rows = monthly_model.training_rows(new_cases)
    sub = new_cases[rows]
    y = sub["monthly_amount"].to_numpy(float)
    mae = np.mean(np.abs(monthly_model.predict(sub) - y))
    mae_mid = np.mean(np.abs(midpoint.predict(sub) - y))
    assert mae < mae_mid
    grid = monthly_model.regressor_.grid_
    assert np.all(np.diff(grid.bounds) >= 0)
    assert np.all((grid.values[:-1] <= grid.bounds) & (grid.bounds <= grid.values[1:]))
    assert not np.allclose(grid.bounds, midpoint.regressor_.grid_.bounds)
    with pytest.raises(ValueError, match="grid_bounds"):
        MonthlyAmountModel(as_of=TODAY, grid_bounds="nearest").fit(cases)


def test_coverage_on_new_generated_cases(ratio_model, monthly_model, new_cases):
    """90% intervals on ~2,000 and ~3,800 new cases: 90% within sampling error.

    With ~700 training cases the calibration itself moves coverage by about
    1.5 points (sd); the band is about 3 sd each side.
    """
    for model in (ratio_model, monthly_model):
        rows = model.training_rows(new_cases)
        y = model.observed(new_cases)
        band = model.predict_interval(new_cases.loc[rows], 0.9)
        covered = np.mean((band["lower"].to_numpy() <= y) & (y <= band["upper"].to_numpy()))
        assert 0.85 <= covered <= 0.95, (type(model).__name__, covered)


def test_beats_constant_and_is_near_the_truth(ratio_model, new_cases):
    rows = ratio_model.training_rows(new_cases)
    y = ratio_model.observed(new_cases)
    mae = np.mean(np.abs(y - ratio_model.predict(new_cases.loc[rows])))
    best = true_quantile(new_cases.loc[rows], "settlement_ratio", 0.5).to_numpy(dtype=float)
    best_mae = np.mean(np.abs(y - best))
    assert mae < np.mean(np.abs(y - np.median(y))) * 0.8
    assert mae < best_mae * 1.4  # small training set; the benchmark checks 5% at scale


def test_sklearn_conventions_of_the_case_models(cases):
    model = SettlementRatioModel(as_of=TODAY, max_iter=20, cv=3)
    assert clone(model).get_params() == model.get_params()
    scores = cross_val_score(model, cases, cv=3)
    assert scores.shape == (3,) and np.all(scores > 0)  # R² of the median on held-out cases


def test_too_few_cases_and_wrong_input(cases):
    few = cases[cases["resolution"] != "lump_sum"]
    with pytest.raises(OutcomesError, match="lump_sum"):
        SettlementRatioModel().fit(few)
    with pytest.raises(OutcomesError, match="lacks column"):
        SettlementRatioModel().fit(cases.drop(columns=["servicer"]))
    with pytest.raises(OutcomesError, match="DataFrame"):
        SettlementRatioModel().fit(cases.to_numpy())


def test_evaluate_table_with_baselines_and_truth(cases):
    table = evaluate(
        MonthlyAmountModel(as_of=TODAY, max_iter=20, cv=3),
        cases.head(1500),
        cv=2,
        truth=true_quantile,
    )
    assert list(table.columns) == ["MAE", "RMSE", "pinball", "coverage", "width", "MAE_vs_best"]
    expected = {
        "MonthlyAmountModel (auto)",
        "overall median",
        "median by creditor type",
        "HistGradientBoostingRegressor",
        "log-linear GLM (Gamma, log link)",
        "best possible (true conditional median)",
    }
    assert set(table.index) == expected
    assert table.loc["best possible (true conditional median)", "MAE_vs_best"] == 1.0
    assert table.loc["MonthlyAmountModel (auto)", "MAE"] < table.loc["overall median", "MAE"]
    assert table.attrs["nominal_coverage"] == pytest.approx(0.9)
    assert table["coverage"].between(0, 1).all()

    ratio = evaluate(SettlementRatioModel(as_of=TODAY, max_iter=20, cv=3), cases.head(1500), cv=2)
    assert "fractional logit GLM" in ratio.index
    assert "best possible (true conditional median)" not in ratio.index  # no truth given
    with pytest.raises(OutcomesError, match="cv"):
        evaluate(SettlementRatioModel(), cases, cv=1)


def test_calibration_table_and_plot(ratio_model, new_cases):
    table = calibration_table(ratio_model, new_cases, (0.5, 0.8, 0.9))
    assert list(table["stated"]) == [0.5, 0.8, 0.9]
    assert table["observed"].is_monotonic_increasing
    assert (table["observed"] - table["stated"]).abs().max() < 0.06
    ax = plot_calibration(ratio_model, new_cases)
    assert ax.get_xlabel() and len(ax.lines) >= 2
    assert matplotlib.rcParams["font.family"] == ["IPAexGothic"]
    plt.close("all")


def test_residual_and_driver_plots(monthly_model, cases):
    fig = plot_residuals(monthly_model, cases, k=5)
    assert len([a for a in fig.axes if a.get_visible()]) == 4
    fig = plot_drivers(monthly_model, cases, n_repeats=2)
    assert len([a for a in fig.axes if a.get_visible()]) == 5
    first = fig.axes[0]
    assert len(first.patches) == len(CASE_FEATURES)  # one importance bar per feature
    labels = [t.get_text() for t in fig.axes[2].get_xticklabels()]  # servicer panel
    counts = cases.loc[monthly_model.training_rows(cases), "servicer"].value_counts()
    assert all(counts.get(label, 0) >= 5 for label in labels if label)  # k-anonymous groups
    with pytest.raises(OutcomesError, match="unknown feature"):
        plot_residuals(monthly_model, cases, features=("name",))
    with pytest.raises(OutcomesError, match="not fitted"):
        plot_drivers(MonthlyAmountModel(), cases)
    plt.close("all")
