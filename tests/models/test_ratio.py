"""RatioRegressor, AmountRegressor and their parts, on small synthetic tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.utils.estimator_checks import check_estimator

from outcomes.models import AmountRegressor, RatioRegressor, TableEncoder
from outcomes.models._conformal import AmountGrid, conformal_quantile
from outcomes.models._learners import LEARNERS

SMALL = {"max_iter": 20, "cv": 3}


def make_table(n: int, seed: int, *, atoms: bool = False) -> tuple[pd.DataFrame, np.ndarray]:
    """Mixed features with missing values; y a fraction (with 0s and 1s when asked)."""
    rng = np.random.default_rng(seed)
    debt = rng.lognormal(15, 0.6, n)
    kind = rng.choice(["bank", "jhf", "shinkin", "other"], size=n, p=[0.4, 0.3, 0.2, 0.1])
    income = rng.normal(250_000, 60_000, n)
    X = pd.DataFrame(
        {
            "debt": pd.array(np.round(debt), dtype="Int64"),
            "kind": pd.Categorical(kind),
            "servicer": pd.array(
                rng.choice(["A債権回収", "B債権回収", None], size=n), dtype="string"
            ),
            "income": income,
            "sold": pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 1500, n), "D"),
        }
    )
    X.loc[rng.random(n) < 0.1, "income"] = np.nan
    X.loc[rng.random(n) < 0.05, "debt"] = pd.NA
    X.loc[rng.random(n) < 0.05, "kind"] = np.nan
    z = -3 + 0.5 * (kind == "jhf") - 0.4 * (np.log(debt) - 15) + 0.3 * rng.normal(size=n)
    y = special.expit(z + 0.4 * rng.normal(size=n))
    if atoms:
        u = rng.random(n)
        y = np.where(u < 0.15, 0.0, np.where(u > 0.92, 1.0, y))
    return X, y


@pytest.fixture(scope="module")
def table() -> tuple[pd.DataFrame, np.ndarray]:
    return make_table(600, 0)


@pytest.fixture(scope="module")
def fitted(table) -> RatioRegressor:
    X, y = table
    return RatioRegressor(**SMALL).fit(X, y)


# --------------------------------------------------------------------------
# scikit-learn conventions
# --------------------------------------------------------------------------


def test_clone_and_params_round_trip():
    model = RatioRegressor("glm", calibration_fraction=0.3, cv=None, max_iter=33)
    params = model.get_params()
    twin = clone(model)
    assert twin.get_params() == params
    assert RatioRegressor().set_params(**params).get_params() == params
    assert not any(k.endswith("_") for k in vars(model))  # nothing fitted in __init__


def test_fit_returns_self_and_sets_fitted_attributes(table):
    X, y = table
    model = RatioRegressor(**SMALL)
    assert model.fit(X, y) is model
    assert model.n_features_in_ == X.shape[1]
    assert list(model.feature_names_in_) == list(X.columns)
    # auto: chosen on the held-out folds among simple and flexible candidates
    assert model.learner_name_ in ("median", "group_median", "glm", "hgb", "combined", "blend")
    assert model.learner_reason_.startswith("chose ")
    assert {"training median", "GLM"} <= set(model.learner_.validation_mae_)
    assert model.n_calibration_ == len(y)  # cross-conformal: every row calibrates


def test_cross_val_score_and_pipeline(table):
    X, y = table
    scores = cross_val_score(RatioRegressor(**SMALL), X, y, cv=3, scoring="neg_mean_absolute_error")
    assert scores.shape == (3,) and np.all(np.isfinite(scores))
    baseline = np.mean(np.abs(y - np.median(y)))
    assert -scores.mean() < baseline  # better than a constant median

    keep = ColumnTransformer(
        [("keep", "passthrough", ["debt", "kind", "servicer"])], verbose_feature_names_out=False
    ).set_output(transform="pandas")
    pipe = Pipeline([("columns", keep), ("ratio", RatioRegressor(**SMALL))])
    scores = cross_val_score(pipe, X, y, cv=3, scoring="neg_mean_absolute_error")
    assert np.all(np.isfinite(scores))
    fitted_pipe = clone(pipe).fit(X, y)
    assert fitted_pipe.predict(X.head(4)).shape == (4,)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.SkipTestWarning")
def test_check_estimator_fails_only_on_targets_outside_unit_interval():
    """sklearn's checks pass except those that feed targets outside [0, 1]."""
    results = check_estimator(RatioRegressor(max_iter=5, cv=2), on_fail=None)
    passed = [r for r in results if r["status"] == "passed"]
    assert len(passed) >= 20
    for r in results:
        if r["status"] != "failed":
            continue
        exc = r["exception"]
        text = f"{exc} {exc.__cause__ or exc.__context__}"
        assert "needs a target in [0, 1]" in text, (r["check_name"], text)


# --------------------------------------------------------------------------
# Predictions
# --------------------------------------------------------------------------


def test_quantiles_in_asked_order_never_crossing_inside_unit_interval(fitted, table):
    X, _ = table
    q = fitted.predict_quantiles(X, quantiles=(0.9, 0.1, 0.5, 0.05, 0.95))
    assert list(q.columns) == [0.9, 0.1, 0.5, 0.05, 0.95]
    ordered = q[[0.05, 0.1, 0.5, 0.9, 0.95]].to_numpy()
    assert np.all(np.diff(ordered, axis=1) >= 0)
    assert np.all((ordered >= 0) & (ordered <= 1))
    assert q.index.equals(X.index)
    np.testing.assert_array_equal(fitted.predict(X), q[0.5].to_numpy())


def test_missing_values_and_unseen_categories_at_predict(fitted, table):
    X, _ = table
    new = X.head(5).copy()
    new["kind"] = pd.Categorical(["never_seen", None, "bank", "zzz", None])
    new["servicer"] = pd.array(["新しい債権回収", None, None, "A債権回収", ""], dtype="string")
    new["income"] = np.nan
    new.loc[new.index[0], "debt"] = pd.NA
    new.loc[new.index[1], "sold"] = pd.NaT
    q = fitted.predict_quantiles(new)
    assert q.notna().all().all()
    assert np.all((q.to_numpy() >= 0) & (q.to_numpy() <= 1))


def test_numpy_input_and_wrong_width(table):
    X, y = table
    arr = X[["income"]].fillna(0).to_numpy()
    model = RatioRegressor(**SMALL).fit(arr, y)
    assert not hasattr(model, "feature_names_in_")
    assert model.predict(arr[:3]).shape == (3,)
    with pytest.raises(ValueError, match="features"):
        model.predict(np.zeros((2, 3)))


def test_rejects_targets_outside_unit_interval(table):
    X, y = table
    with pytest.raises(ValueError, match=r"target in \[0, 1\]"):
        RatioRegressor(**SMALL).fit(X, y + 1.0)
    with pytest.raises(ValueError, match="missing"):
        RatioRegressor(**SMALL).fit(X, np.where(np.arange(len(y)) == 0, np.nan, y))
    with pytest.raises(ValueError, match="learner"):
        RatioRegressor("forest").fit(X, y)


@pytest.mark.parametrize("learner", LEARNERS)
def test_every_learner_with_exact_zeros_and_ones(learner):
    X, y = make_table(400, 3, atoms=True)
    model = RatioRegressor(learner, **SMALL).fit(X, y)
    q = model.predict_quantiles(X.head(50), (0.05, 0.5, 0.95)).to_numpy()
    assert np.all((q >= 0) & (q <= 1))
    assert np.all(np.diff(q, axis=1) >= 0)


def test_auto_tries_two_stage_with_atoms_and_two_stage_predicts_exact_zero():
    X, y = make_table(600, 4, atoms=True)
    auto = RatioRegressor(**SMALL).fit(X, y)
    assert "two_stage" in auto.learner_.validation_mae_  # a candidate with 0s and 1s
    model = RatioRegressor("two_stage", **SMALL).fit(X, y)
    lower = model.predict_quantiles(X, (0.05,))[0.05]
    assert (lower == 0.0).mean() > 0.5  # 15% zeros: the 5% quantile is an exact 0


def test_coverage_of_90_percent_interval_on_new_data():
    """2,000 rows to fit, 4,000 new rows: the 90% interval covers 90% +- sampling error.

    Sampling sd of the coverage: about 0.5 points from the 4,000 test rows and
    about 0.8 from the calibration; the band is roughly 4 sd wide each side.
    """
    X, y = make_table(6000, 5)
    model = RatioRegressor(max_iter=40).fit(X.iloc[:2000], y[:2000])
    band = model.predict_interval(X.iloc[2000:], coverage=0.9)
    inside = (band["lower"] <= y[2000:]) & (y[2000:] <= band["upper"])
    assert 0.86 <= inside.mean() <= 0.94
    narrower = model.predict_interval(X.iloc[2000:], coverage=0.5)
    inside50 = (narrower["lower"] <= y[2000:]) & (y[2000:] <= narrower["upper"])
    assert 0.44 <= inside50.mean() <= 0.56


def test_split_calibration_uses_the_calibration_fraction(table):
    X, y = table
    model = RatioRegressor(cv=None, calibration_fraction=0.3, max_iter=20).fit(X, y)
    assert model.n_calibration_ == round(0.3 * len(y))
    with pytest.raises(ValueError, match="calibration_fraction"):
        RatioRegressor(cv=None, calibration_fraction=1.5).fit(X, y)


# --------------------------------------------------------------------------
# The pieces
# --------------------------------------------------------------------------


def test_table_encoder_pools_rare_and_unseen_categories():
    X = pd.DataFrame(
        {"c": ["a"] * 6 + ["b"] * 6 + ["rare"], "x": [1.0] * 12 + [np.nan]},
    )
    enc = TableEncoder(min_frequency=5).fit(X)
    assert enc.categories_["c"] == ["a", "b"]
    out = enc.transform(pd.DataFrame({"c": ["a", "b", "rare", "unseen", None], "x": [1.0] * 5}))
    np.testing.assert_array_equal(out[:4, 0], [0, 1, 2, 2])  # rare and unseen share code 2
    assert np.isnan(out[4, 0])
    lin = TableEncoder("linear", min_frequency=5).fit(X)
    assert lin.transform(X).shape[1] == len(lin.get_feature_names_out())
    assert "x_missing" in lin.get_feature_names_out()


def test_conformal_quantile_ranks():
    scores = np.arange(1.0, 100.0)  # n = 99
    assert conformal_quantile(scores, 0.95) == 95.0  # ceil(100 * 0.95)
    assert conformal_quantile(scores, 0.05) == 5.0  # floor(100 * 0.05)
    assert conformal_quantile(scores[:5], 0.99) == 5.0  # clipped to the largest


@settings(max_examples=200, deadline=None)
@given(
    grid=st.lists(st.integers(1, 200), min_size=2, max_size=12, unique=True),
    y=st.integers(1, 220),
)
def test_amount_grid_thresholds_match_snapping(grid, y):
    """The upper threshold is where the snapped value first reaches y; the lower where it passes y."""
    g = AmountGrid(np.sort(np.asarray(grid, dtype=float) * 1000))
    y = float(y * 1000)
    up = g.upper_threshold(np.array([y]))[0]
    low = g.lower_threshold(np.array([y]))[0]
    if np.isfinite(up):
        assert g.snap(np.array([up]))[0] >= y
        assert g.snap(np.array([np.nextafter(up, -np.inf)]))[0] < y
    elif up == np.inf:
        assert y > g.values.max()
    else:
        assert y <= g.values.min()
    if np.isfinite(low):
        assert g.snap(np.array([np.nextafter(low, -np.inf)]))[0] <= y
        assert g.snap(np.array([low]))[0] > y
    elif low == -np.inf:
        assert y < g.values.min()
    else:
        assert y >= g.values.max()


def test_amount_regressor_predicts_on_the_grid_with_rounded_coverage():
    rng = np.random.default_rng(1)
    n = 5000
    X = pd.DataFrame({"income": rng.uniform(80_000, 400_000, n), "kind": rng.choice(["a", "b"], n)})
    latent = 0.05 * X["income"].to_numpy() * np.exp(0.35 * rng.normal(size=n))
    y = np.maximum(np.round(latent / 5000), 1) * 5000
    model = AmountRegressor(max_iter=40).fit(X.iloc[:2000], y[:2000])
    q = model.predict_quantiles(X.iloc[2000:])
    assert np.isin(q.to_numpy(), model.grid_.values).all()
    inside = (q[0.05] <= y[2000:]) & (y[2000:] <= q[0.95])
    assert 0.86 <= inside.mean() <= 0.95
    with pytest.raises(ValueError, match="positive"):
        AmountRegressor(max_iter=5).fit(X.iloc[:50], np.zeros(50))
