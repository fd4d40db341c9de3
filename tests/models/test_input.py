"""Robust input handling of TableEncoder and the regressors (issue 12 §5)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import special

from outcomes import OutcomesError
from outcomes.models import RatioRegressor, TableEncoder

SMALL = {"max_iter": 30, "cv": 3}


def _table(n: int = 600, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = pd.DataFrame({"x": rng.normal(size=n), "k": rng.choice(["a", "b", "c"], n)})
    y = special.expit(-1 + 0.8 * X["x"].to_numpy() + 0.3 * rng.normal(size=n))
    return X, y


@pytest.mark.parametrize("learner", ["hgb", "glm", "two_stage"])
def test_all_missing_column_is_dropped_with_a_warning(learner):
    X, y = _table()
    X["empty"] = np.nan
    X["empty_text"] = pd.array([None] * len(X), dtype="string")
    if learner == "two_stage":
        y = y.copy()
        y[:20] = 0.0
    with pytest.warns(UserWarning, match="'empty', 'empty_text' are entirely missing"):
        model = RatioRegressor(learner, **SMALL).fit(X, y)
    assert model.encoder_.dropped_ == ["empty", "empty_text"]
    assert "empty" not in model.encoder_.get_feature_names_out()
    assert np.isfinite(model.predict(X.head(5))).all()


def test_high_cardinality_category_is_target_encoded_not_capped():
    rng = np.random.default_rng(1)
    n, levels = 6000, 500
    effect = rng.normal(0, 1.0, levels)
    code = rng.integers(0, levels, n)
    X = pd.DataFrame({"branch": pd.array([f"b{c}" for c in code], dtype="string")})
    y = special.expit(-1 + effect[code] + 0.3 * rng.normal(size=n))
    train, test = slice(0, 4500), slice(4500, None)
    encoded = RatioRegressor("hgb", cv=3).fit(X[train], y[train])
    assert encoded.encoder_.kinds_["branch"] == "target"
    many = RatioRegressor("hgb", cv=3, max_categories=1000).fit(X[train], y[train])
    assert many.encoder_.kinds_["branch"] == "target"  # over the trees' 250 codes
    mae_te = np.mean(np.abs(encoded.predict(X[test]) - y[test]))
    mae_const = np.mean(np.abs(np.median(y[train]) - y[test]))
    assert mae_te < 0.6 * mae_const
    unseen = encoded.predict(pd.DataFrame({"branch": pd.array(["new", None], dtype="string")}))
    assert np.isfinite(unseen).all()


def test_encoder_without_target_caps_with_a_warning():
    X = pd.DataFrame({"c": [f"v{i % 60}" for i in range(600)]})
    with pytest.warns(UserWarning, match="60 categories"):
        enc = TableEncoder(min_frequency=1).fit(X)
    assert len(enc.categories_["c"]) == 50


def test_numbers_stored_as_text_are_parsed():
    X, y = _table()
    text = X.assign(x=X["x"].map(lambda v: f"{v:.6f}").astype(object))
    text.loc[3, "x"] = "確認中"  # a stray note from a spreadsheet
    with pytest.warns(UserWarning, match="1 of 600 cells are not numbers"):
        model = RatioRegressor("glm", **SMALL).fit(text, y)
    assert model.encoder_.kinds_["x"] == "numeric"
    reference = RatioRegressor("glm", **SMALL).fit(X.assign(x=X["x"].round(6)).iloc[:], y)
    probe = X.head(20).assign(x=X["x"].head(20).round(6))
    np.testing.assert_allclose(
        model.predict(probe.assign(x=probe["x"].astype(str))), reference.predict(probe), atol=0.01
    )


def test_mostly_text_column_is_a_category_with_a_warning():
    X, y = _table()
    mixed = X.assign(k=np.where(np.arange(len(X)) % 3 == 0, "n/a", "12").astype(object))
    with pytest.warns(UserWarning, match="mostly numbers stored as text"):
        model = RatioRegressor("glm", **SMALL).fit(mixed, y)
    assert model.encoder_.kinds_["k"] == "category"


def test_missing_and_extra_columns_are_named():
    X, y = _table()
    model = RatioRegressor("glm", **SMALL).fit(X, y)
    with pytest.raises(OutcomesError, match=r"lacks column\(s\) 'k'.*not seen in fit 'kind'"):
        model.predict(X.rename(columns={"k": "kind"}))
    with pytest.raises(ValueError, match="'extra'"):  # also a ValueError (scikit-learn style)
        model.predict(X.assign(extra=1.0))
    np.testing.assert_allclose(model.predict(X[["k", "x"]]), model.predict(X))  # order is free


def test_clip_target():
    X, y = _table()
    y = y.copy()
    y[:5] = 1.02
    with pytest.raises(ValueError, match="clip_target"):
        RatioRegressor("glm", **SMALL).fit(X, y)
    with pytest.raises(ValueError, match="clips targets within"):
        RatioRegressor("glm", clip_target=0.01, **SMALL).fit(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        clipped = RatioRegressor("glm", clip_target=0.05, **SMALL).fit(X, y)
        same = RatioRegressor("glm", **SMALL).fit(X, np.clip(y, 0, 1))
    np.testing.assert_allclose(clipped.predict(X.head()), same.predict(X.head()))


def test_target_encoded_model_saves_and_loads(tmp_path):
    from outcomes.models import load_model

    rng = np.random.default_rng(2)
    n = 800
    X = pd.DataFrame({"c": pd.array([f"v{i}" for i in rng.integers(0, 80, n)], dtype="string")})
    y = special.expit(rng.normal(size=n))
    model = RatioRegressor("combined", max_categories=20, **SMALL).fit(X, y)
    assert model.encoder_.kinds_["c"] == "target"
    loaded = load_model(model.save(tmp_path / "te.skops"))
    np.testing.assert_allclose(loaded.predict(X.head(10)), model.predict(X.head(10)))
