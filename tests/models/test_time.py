"""TimeToAgreementModel: censoring, survival arithmetic, sklearn conventions, accuracy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from outcomes import OutcomesError
from outcomes.datasets import simulate_cases, simulate_time_to_agreement, true_survival
from outcomes.models import TimeToAgreementModel, load_model, survival_data
from outcomes.models._time import concordance

AS_OF = "2019-03-31"


def _table(n_agreed: int, n_pending: int, agreed_days: int = 183) -> pd.DataFrame:
    """Identical households: ``n_agreed`` agreed ``agreed_days`` after the sale, the rest pending."""
    n = n_agreed + n_pending
    sale = pd.Timestamp("2020-01-01")
    agree = [sale + pd.Timedelta(days=agreed_days)] * n_agreed + [None] * n_pending
    return pd.DataFrame(
        {
            "sale_date": pd.to_datetime([sale] * n),
            "agreement_date": pd.to_datetime(agree),
            "resolution": pd.Categorical(["lump_sum"] * n_agreed + ["pending"] * n_pending),
            "residual_debt": pd.array([5_000_000] * n, dtype="Int64"),
            "monthly_income": pd.array([200_000] * n, dtype="Int64"),
            "household_size": pd.array([2] * n, dtype="Int64"),
            "age": pd.array([50] * n, dtype="Int64"),
            "employment": pd.Categorical(["employee"] * n),
            "creditor_type": pd.Categorical(["bank"] * n),
            "servicer": pd.array([None] * n, dtype="string"),
        }
    )


@pytest.fixture(scope="module")
def generated() -> tuple[pd.DataFrame, pd.DataFrame]:
    train = simulate_time_to_agreement(
        simulate_cases(10000, seed=11, messy=False, today=AS_OF), as_of=AS_OF, seed=11
    )
    test = simulate_time_to_agreement(
        simulate_cases(3000, seed=12, messy=False, today=AS_OF), as_of=AS_OF, seed=12
    )
    return train, test


@pytest.fixture(scope="module")
def fitted(generated: tuple[pd.DataFrame, pd.DataFrame]) -> TimeToAgreementModel:
    return TimeToAgreementModel(as_of=AS_OF).fit(generated[0])


def test_survival_data_censors_pending_and_late_agreements() -> None:
    cases = pd.DataFrame(
        {
            "sale_date": pd.to_datetime(["2024-01-01"] * 4 + [None, "2025-03-01"]),
            "agreement_date": pd.to_datetime(["2024-04-01", None, "2024-12-31", None, None, None]),
            "resolution": ["lump_sum", "pending", "installment", "bankruptcy", "pending", None],
        }
    )
    d = survival_data(cases, as_of="2024-07-01")
    assert d["agreed"].tolist() == [True, False, False, False, False, False]
    # pending and an agreement after as_of are censored at as_of (182 days), not dropped
    assert d["usable"].tolist() == [True, True, True, False, False, False]
    assert d["months"].iloc[1] == pytest.approx(182 / (365.25 / 12))
    assert d["months"].iloc[2] == pytest.approx(182 / (365.25 / 12))
    assert d["months"].iloc[0] == pytest.approx(91 / (365.25 / 12))


def test_one_group_hazard_is_events_over_exposure() -> None:
    """With one group and one interval the estimate is d / E, pending exposure included."""
    cases = _table(n_agreed=30, n_pending=20)
    model = TimeToAgreementModel(as_of="2021-01-01", edges=(0, 200)).fit(cases)
    t_agree = 183 / (365.25 / 12)
    t_pending = 366 / (365.25 / 12)  # 2020-01-01 -> 2021-01-01
    rate = 30 / (30 * t_agree + 20 * t_pending)
    s = model.predict_survival(cases.head(1), months=(6, 12))
    assert s.iloc[0, 0] == pytest.approx(np.exp(-rate * 6), rel=1e-6)
    assert s.iloc[0, 1] == pytest.approx(np.exp(-rate * 12), rel=1e-6)
    # dropping the pending cases (the old bias) would give a far faster curve
    assert s.iloc[0, 1] > np.exp(-(30 / (30 * t_agree)) * 12) + 0.1
    assert model.n_events_ == 30 and model.n_censored_ == 20
    assert model.predict_median(cases.head(1))[0] == pytest.approx(np.log(2) / rate, rel=1e-6)


def test_as_of_defaults_to_latest_date_and_is_recorded() -> None:
    cases = _table(n_agreed=30, n_pending=20)
    model = TimeToAgreementModel(edges=(0, 200)).fit(cases)
    assert model.as_of_ == "2020-07-02"  # the latest agreement
    assert model.as_of is None


def test_conditional_survival_is_a_ratio(fitted: TimeToAgreementModel, generated) -> None:
    test = generated[1].head(40)
    waited = np.linspace(0, 30, len(test))
    cond = fitted.predict_survival(test, months=(6, 12), conditional_after=waited)
    plain = {
        m: np.array(
            [
                fitted.predict_survival(test.iloc[[i]], (w + m,)).iloc[0, 0]
                for i, w in enumerate(waited)
            ]
        )
        for m in (0, 6)
    }
    np.testing.assert_allclose(cond[6].to_numpy(), plain[6] / plain[0], rtol=1e-9)
    assert (cond[12] <= cond[6] + 1e-12).all()
    scalar = fitted.predict_survival(test, months=(6,), conditional_after=5.0)
    vector = fitted.predict_survival(test, months=(6,), conditional_after=np.full(len(test), 5.0))
    pd.testing.assert_frame_equal(scalar, vector)


def test_quantiles_invert_the_curve(fitted: TimeToAgreementModel, generated) -> None:
    test = generated[1].head(50)
    q = fitted.predict_time_quantiles(test, (0.25, 0.5, 0.75))
    assert (q[0.25] <= q[0.5]).all() and (q[0.5] <= q[0.75]).all()
    med = fitted.predict_median(test)
    at_median = np.array(
        [fitted.predict_survival(test.iloc[[i]], (m,)).iloc[0, 0] for i, m in enumerate(med)]
    )
    np.testing.assert_allclose(at_median, 0.5, atol=1e-9)


def test_close_to_the_truth(fitted: TimeToAgreementModel, generated) -> None:
    test = generated[1]
    truth = true_survival(test)
    pred = fitted.predict_survival(test)
    assert float((pred - truth).abs().to_numpy().mean()) < 0.03
    d = survival_data(test, AS_OF)
    c_true = concordance(d["months"], d["agreed"], -truth[12].to_numpy())
    assert fitted.score(test) > c_true - 0.02


def test_concordance_matches_brute_force() -> None:
    rng = np.random.default_rng(0)
    t = rng.integers(1, 20, 60).astype(float)
    e = rng.random(60) < 0.7
    r = rng.integers(0, 10, 60).astype(float)
    num = den = 0.0
    for i in range(60):
        for j in range(60):
            if e[i] and t[i] < t[j]:
                den += 1
                num += 1.0 if r[i] > r[j] else 0.5 if r[i] == r[j] else 0.0
    assert concordance(t, e, r) == pytest.approx(num / den)


def test_sklearn_conventions(fitted: TimeToAgreementModel) -> None:
    params = fitted.get_params()
    assert params["as_of"] == AS_OF and "max_iter" in params
    fresh = clone(fitted)
    assert not hasattr(fresh, "hazard_") and fresh.get_params() == params
    cases = _table(n_agreed=30, n_pending=20)
    model = TimeToAgreementModel(edges=(0, 200))
    assert model.fit(cases) is model


def test_save_load_round_trip(fitted: TimeToAgreementModel, generated, tmp_path) -> None:
    path = fitted.save(tmp_path / "time.skops")
    loaded = load_model(path)
    test = generated[1].head(100)
    pd.testing.assert_frame_equal(loaded.predict_survival(test), fitted.predict_survival(test))
    assert loaded.as_of_ == fitted.as_of_
    assert loaded.profile_.to_dict() == fitted.profile_.to_dict()


def test_errors_are_outcomes_errors(fitted: TimeToAgreementModel, generated) -> None:
    with pytest.raises(OutcomesError, match="DataFrame"):
        TimeToAgreementModel().fit([1, 2, 3])
    with pytest.raises(OutcomesError, match="needs at least"):
        TimeToAgreementModel().fit(_table(3, 2))
    with pytest.raises(OutcomesError, match="conditional_after"):
        fitted.predict_survival(generated[1].head(5), conditional_after=[1.0, 2.0])
    with pytest.raises(OutcomesError, match="months"):
        fitted.predict_survival(generated[1].head(5), months=(-1,))
    with pytest.raises(OutcomesError, match="edges"):
        TimeToAgreementModel(edges=(1, 2)).fit(_table(30, 20))


def test_interval_trees_give_the_hazards_of_the_stacked_rows(
    fitted: TimeToAgreementModel, generated
) -> None:
    from outcomes.models._time import _compiled_trees

    test = generated[1].copy()
    # missing values and an unseen servicer take the trees' missing branches
    test.loc[test.index[:50], "monthly_income"] = pd.NA
    test.loc[test.index[50:100], "servicer"] = "見知らぬサービサー"
    X = fitted.encoder_.transform(fitted.features(test))
    n_int = len(fitted.lower_)
    stacked = fitted.hazard_.predict(fitted._stack(X, n_int)).reshape(len(X), n_int)
    compiled = _compiled_trees(fitted.hazard_, fitted.lower_)
    assert compiled is not None
    np.testing.assert_allclose(compiled.hazards(X, n_int), stacked, rtol=1e-12)
    np.testing.assert_allclose(compiled.hazards(X, 3), stacked[:, :3], rtol=1e-12)
