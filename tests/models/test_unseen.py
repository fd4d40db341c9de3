"""Unseen categories are pooled, never taken for missing (issue 9)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from outcomes.datasets import simulate_cases
from outcomes.models import RatioRegressor, SettlementRatioModel, TableEncoder, case_features

TODAY = "2026-06-30"


@pytest.fixture(scope="module")
def cases() -> pd.DataFrame:
    return simulate_cases(2500, seed=11, messy=False, today=TODAY)


@pytest.fixture(scope="module")
def ratio_model(cases) -> SettlementRatioModel:
    return SettlementRatioModel(as_of=TODAY, max_iter=40, cv=3).fit(cases)


def _bought(cases: pd.DataFrame) -> pd.DataFrame:
    """Lump-sum cases whose claim a (non-JHF) servicer bought."""
    lump = cases[cases["resolution"] == "lump_sum"]
    jhf = lump["creditor_type"].astype("string") == "jhf"
    return lump[lump["servicer"].notna() & ~jhf.fillna(False).to_numpy()]


def test_unseen_servicer_gets_pooled_servicer_behaviour_not_no_servicer(ratio_model, cases):
    probe = _bought(cases).head(60)
    seen = ratio_model.predict(probe)
    unseen = ratio_model.predict(probe.assign(servicer=pd.array(["あおぞら債権回収"] * len(probe))))
    typo = ratio_model.predict(probe.assign(servicer=pd.array(["SMBC債権回集"] * len(probe))))
    none = ratio_model.predict(probe.assign(servicer=pd.array([None] * len(probe), dtype="string")))
    gap_unseen = np.median(np.abs(np.log(unseen / seen)))
    gap_none = np.median(np.abs(np.log(none / seen)))
    assert gap_none > 0.5  # no servicer: a clearly different (higher) ratio
    assert gap_unseen < 0.25 * gap_none
    np.testing.assert_allclose(typo, unseen)  # any unseen name is the same pooled level


def test_has_servicer_is_a_feature(cases):
    f = case_features(cases.head(50), as_of=TODAY)
    expected = cases.head(50)["servicer"].notna().to_numpy().astype(float)
    np.testing.assert_array_equal(f["has_servicer"].to_numpy(), expected)
    assert "servicer_role" not in f  # optional column absent: no feature


def test_servicer_role_used_where_present_and_tolerated_where_absent(cases):
    rng = np.random.default_rng(0)
    role = np.where(
        cases["servicer"].notna(), rng.choice(["bought", "consigned"], len(cases)), None
    )
    with_role = cases.assign(servicer_role=pd.Categorical(role, categories=["bought", "consigned"]))
    model = SettlementRatioModel(as_of=TODAY, learner="glm", cv=3).fit(with_role)
    assert "servicer_role" in model.feature_names_
    pred = model.predict(cases.head(20))  # the column absent at predict time: unknown role
    assert np.isfinite(pred).all()
    plain = SettlementRatioModel(as_of=TODAY, learner="glm", cv=3).fit(cases)
    assert "servicer_role" not in plain.feature_names_
    assert np.isfinite(plain.predict(with_role.head(20))).all()  # extra column ignored


@pytest.mark.parametrize("learner", ["glm", "hgb", "combined", "two_stage"])
def test_unseen_category_is_not_the_missing_level(learner):
    rng = np.random.default_rng(0)
    n = 900
    s = rng.choice(["A", "B", "C", "D", None], n)
    X = pd.DataFrame({"x": rng.normal(size=n), "s": pd.array(s, dtype="string")})
    z = -1 + 0.5 * X["x"] - 1.5 * X["s"].notna().to_numpy() + 0.3 * rng.normal(size=n)
    y = 1 / (1 + np.exp(-z.to_numpy()))
    if learner == "two_stage":
        y[:30] = 0.0
    model = RatioRegressor(learner, max_iter=30, cv=3).fit(X, y)
    new = pd.DataFrame({"x": [0.0] * 3, "s": pd.array(["A", "ZZZ", None], dtype="string")})
    known, unseen, missing = model.predict(new)
    assert abs(unseen - known) < 0.3 * abs(missing - known)


def test_linear_encoder_separates_other_and_missing():
    X = pd.DataFrame({"c": ["a"] * 6 + ["b"] * 4 + [None] * 2})
    enc = TableEncoder("linear", min_frequency=1).fit(X)
    assert list(enc.get_feature_names_out()) == ["c=b", "c=missing"]
    out = enc.transform(pd.DataFrame({"c": ["zzz", None]}))
    np.testing.assert_allclose(out, [[0.4, 0.0], [0.0, 1.0]])  # shares vs missing
    rare = TableEncoder("linear", min_frequency=2).fit(pd.DataFrame({"c": ["a"] * 3 + ["r", None]}))
    assert list(rare.get_feature_names_out()) == ["c=other", "c=missing"]
    np.testing.assert_array_equal(rare.transform(pd.DataFrame({"c": ["new"]})), [[1.0, 0.0]])


def test_min_category_count_is_a_deprecated_alias_of_min_frequency(cases):
    model = SettlementRatioModel(as_of=TODAY, learner="glm", cv=3, min_category_count=400)
    with pytest.warns(FutureWarning, match="min_frequency"):
        model.fit(cases)
    assert model.regressor_.min_frequency == 400
    new = SettlementRatioModel(as_of=TODAY, learner="glm", cv=3, min_frequency=400).fit(cases)
    np.testing.assert_allclose(new.predict(cases.head(20)), model.predict(cases.head(20)))


def test_import_of_models_is_lazy():
    import subprocess
    import sys

    code = (
        "import sys, outcomes.models as m; "
        "assert 'sklearn' not in sys.modules and 'scipy.stats' not in sys.modules; "
        "m.RatioRegressor; assert 'sklearn' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
