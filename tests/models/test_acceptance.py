"""AcceptanceModel: what a creditor accepts, learnt from the negotiation log (issue 27, part 2).

Small generated worlds with a known floor (``simulate_negotiations``); one
fitted model shared by the tests of one module.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from scipy import special
from sklearn.base import clone
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from outcomes import OutcomesError
from outcomes.datasets import (
    LOG_COLUMNS,
    simulate_cases,
    simulate_negotiations,
    true_floor_quantile,
)
from outcomes.models import TRUSTED_TYPES, AcceptanceModel, load_model, log_bounds

AS_OF = "2026-06-30"


@pytest.fixture(scope="module")
def world():
    cases = simulate_cases(1500, seed=21, messy=False, today=AS_OF)
    return simulate_negotiations(cases, as_of=AS_OF, seed=21)


@pytest.fixture(scope="module")
def fitted(world):
    return AcceptanceModel().fit(world.cases, world.log)


def _readable(cases: pd.DataFrame) -> pd.DataFrame:
    return cases[(cases["creditor_type"] != "jhf").to_numpy(bool)]


def test_generated_log_has_exactly_the_canonical_columns(world):
    """§9's columns in order; Int64 yen, datetime64 dates, codes as strings (issue 27)."""
    log = world.log
    assert tuple(log.columns) == LOG_COLUMNS
    for col in ("amount", "monthly_amount", "term_months", "claimed_amount"):
        assert str(log[col].dtype) == "Int64"
    for col in ("offered_on", "responded_on"):
        assert str(log[col].dtype) == "datetime64[ns]"
    assert set(log["party"].dropna()) == {"debtor", "creditor"}
    assert set(log["response"].dropna()) <= {"accepted", "rejected", "countered", "lapsed"}
    # in date order within a case
    assert (log.groupby("case_id")["offered_on"].diff().dropna() >= pd.Timedelta(0)).all()


def test_settlements_lie_at_or_above_the_true_floor(world):
    """A settlement is where a negotiation ended: never below the holder's floor that day."""
    settled = world.cases[(world.cases["resolution"] == "lump_sum").to_numpy(bool)]
    floors = world.floors[world.floors["current"] & world.floors["settled"]]
    merged = settled.merge(floors[["case_id", "eps"]], on="case_id").head(300)
    assert len(merged) > 100
    # the realised floor is the quantile of level Φ(ε) on the day of the settlement
    levels = special.ndtr(merged["eps"].to_numpy())
    floor = np.diag(true_floor_quantile(merged, levels, as_of=merged["agreement_date"].to_numpy()))
    ratio = merged["settlement_ratio"].to_numpy(dtype="float64")
    assert np.all(ratio >= floor * 0.999)
    assert np.median(ratio / floor) > 1.05  # and mostly above it: what the settlement figure misses


def test_first_demand_and_whole_claim_demands_bound_nothing():
    """§9: the first demand, and a demand for the whole claim, are 建前 (no bound)."""
    cases = pd.DataFrame(
        {
            "case_id": ["A"],
            "residual_debt": [1_000_000],
            "creditor_type": ["bank"],
            "servicer": ["S債権回収"],
            "sale_date": pd.to_datetime(["2024-01-10"]),
        }
    )
    log = pd.DataFrame(
        {
            "case_id": ["A"] * 5,
            "offered_on": pd.to_datetime(
                ["2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01"]
            ),
            "party": ["creditor", "debtor", "creditor", "debtor", "debtor"],
            "kind": ["lump_sum"] * 5,
            "amount": [300_000, 50_000, 1_000_000, 60_000, 80_000],
            "response": ["countered", "countered", "countered", "withdrawn", None],
        }
    )
    bounds = log_bounds(cases, log)
    # the first demand (even below the claim) and the whole claim: nothing; withdrawn and
    # pending debtor rows: nothing; the countered 50,000 is a lower bound on the next row's day
    assert bounds[["row", "side"]].values.tolist() == [[1, "lower"]]
    assert bounds["day"].iloc[0] == pd.Timestamp("2024-04-01")


def test_bounds_of_two_counterparties_are_never_combined():
    """§9: a new counterparty (a sale of the claim) starts a new period; jhf refusals bound nothing."""
    cases = pd.DataFrame(
        {
            "case_id": ["A", "B"],
            "residual_debt": [1_000_000, 2_000_000],
            "creditor_type": ["bank", "jhf"],
            "creditor": ["〇〇銀行", "住宅金融支援機構"],
            "servicer": ["S債権回収", None],
            "sale_date": pd.to_datetime(["2024-01-10", "2024-01-10"]),
        }
    )
    log = pd.DataFrame(
        {
            "case_id": ["A", "A", "A", "B", "B"],
            "offered_on": pd.to_datetime(
                ["2024-02-01", "2024-03-01", "2024-05-01", "2024-02-01", "2024-03-01"]
            ),
            "party": ["debtor", "creditor", "debtor", "debtor", "debtor"],
            "kind": ["lump_sum"] * 5,
            "amount": [40_000, None, 60_000, 100_000, 300_000],
            "response": ["rejected", None, "accepted", "rejected", "accepted"],
            "counterparty": ["〇〇銀行", "S債権回収", None, None, None],
        }
    )
    bounds = log_bounds(cases, log)
    a = bounds[bounds["case_id"] == "A"]
    assert a["period"].nunique() == 2
    assert a["holder"].tolist() == ["〇〇銀行", "S債権回収"]
    assert a["bought"].tolist() == [False, True]
    b = bounds[bounds["case_id"] == "B"]
    assert b["side"].tolist() == ["upper"]  # the jhf refusal is not read


def test_recovers_the_known_floor(world, fitted):
    """Issue 27: the chance at each case's true 10–90% points is close to the truth (a year
    after the sale); the floor falls with time since the sale."""
    held = _readable(world.cases).head(300)
    day = (held["sale_date"] + pd.Timedelta(days=365)).to_numpy()  # within the log's span
    levels = np.array([0.1, 0.3, 0.5, 0.7, 0.9])
    q = true_floor_quantile(held, levels, as_of=day)
    grid = np.linspace(0.0005, 0.999, 2000)
    p = fitted.predict_acceptance(held, grid, as_of=day)
    got = np.column_stack(
        [[np.interp(q[i, j], grid, p[i]) for i in range(len(held))] for j in range(5)]
    )
    assert np.mean(np.abs(got - levels)) < 0.06
    # and the floor falls with time since the sale
    early = fitted.predict(held, as_of=held["sale_date"].to_numpy())
    late = fitted.predict(held, as_of=(held["sale_date"] + pd.Timedelta(days=730)).to_numpy())
    assert np.all(late < early)


def test_shapes_monotone_and_ends(fitted, world):
    """(n_cases, n_ratios), non-decreasing in the ratio, 0 at 0 and 1 at the whole debt."""
    cases = _readable(world.cases).head(7)
    p = fitted.predict_acceptance(cases, [0.0, 0.02, 0.1, 0.4, 1.0], as_of=AS_OF)
    assert p.shape == (7, 5)
    assert np.all(np.diff(p, axis=1) >= 0)
    assert np.all(p[:, 0] == 0) and np.all(p[:, -1] == 1)
    assert fitted.predict_acceptance(cases, 0.1, as_of=AS_OF).shape == (7, 1)
    assert fitted.predict_quantiles(cases, (0.2, 0.5), as_of=AS_OF).shape == (7, 2)


def test_jhf_claims_get_no_chance(fitted, world):
    """§9 does not read a jhf refusal of a lump sum: no floor can be learnt, the chance is NaN."""
    jhf = world.cases[(world.cases["creditor_type"] == "jhf").to_numpy(bool)].head(3)
    assert np.isnan(fitted.predict_acceptance(jhf, [0.1], as_of=AS_OF)).all()


def test_unseen_servicer_gets_the_servicers_mean(fitted, world):
    """A servicer never seen in the log is predicted as the servicers that bought claims on average."""
    case = _readable(world.cases)
    case = case[case["servicer"].notna().to_numpy(bool)].head(1).copy()
    known = fitted.predict_acceptance(case, [0.03], as_of=AS_OF)
    case["servicer"] = pd.array(["見たことのない債権回収"], dtype=case["servicer"].dtype)
    unseen = fitted.predict_acceptance(case, [0.03], as_of=AS_OF)
    assert np.isfinite(unseen).all()
    coef = fitted.coefficients()
    own = coef[f"servicer={world.cases.loc[case.index[0], 'servicer']}"]
    assert np.sign(unseen[0, 0] - known[0, 0]) == np.sign(own)


def test_case_without_a_log_is_predicted_from_its_features(world, fitted):
    """A case with no row in the log still gets a chance (from the cases like it)."""
    logged = set(world.log["case_id"])
    quiet = _readable(world.cases)
    quiet = quiet[~quiet["case_id"].isin(logged)].head(3)
    assert len(quiet) == 3
    p = fitted.predict_acceptance(quiet, [0.05, 0.5], as_of=AS_OF)
    assert np.isfinite(p).all() and (p[:, 0] < p[:, 1]).all()


def test_clone_params_and_pipeline(world):
    """sklearn conventions: parameters only in __init__, fit returns self, clone, Pipeline."""
    model = AcceptanceModel(servicer_sd=0.3)
    assert clone(model).get_params() == model.get_params()
    assert not [k for k in vars(model) if k.endswith("_")]
    pipe = Pipeline([("same", FunctionTransformer()), ("acc", clone(model))])
    pipe.fit(world.cases, world.log)
    assert pipe.predict(world.cases.head(5)).shape == (5,)
    assert pipe.named_steps["acc"].coef_.ndim == 1


def test_saves_and_loads_with_trusted_types_only(fitted, world, tmp_path):
    """skops file, every type in TRUSTED_TYPES, the same predictions after loading."""
    path = fitted.save(tmp_path / "acceptance.skops")
    assert set(sio.get_untrusted_types(file=path)) <= set(TRUSTED_TYPES)
    cases = world.cases.head(20)
    again = load_model(path).predict_acceptance(cases, [0.05, 0.2], as_of=AS_OF)
    assert np.allclose(
        again, fitted.predict_acceptance(cases, [0.05, 0.2], as_of=AS_OF), equal_nan=True
    )


def test_refuses_too_small_a_log_and_a_missing_one(world):
    """One clear line: too few negotiations, or no log at all."""
    few = world.log[world.log["case_id"].isin(world.log["case_id"].unique()[:3])]
    with pytest.raises(OutcomesError, match="too few"):
        AcceptanceModel().fit(world.cases, few)
    with pytest.raises(OutcomesError, match="needs the negotiation log"):
        AcceptanceModel().fit(world.cases)
    with pytest.raises(OutcomesError, match="lacks column"):
        AcceptanceModel().fit(world.cases, world.log.drop(columns=["response"]))


def test_fit_reads_a_clean_parquet_log_and_refuses_a_broken_one(world, tmp_path):
    """`outcomes fit --negotiations log.parquet`: the clean log is read; a log without
    §9's columns is one clear line."""
    from outcomes._cli.fit import load_negotiations

    path = tmp_path / "log.parquet"
    world.log.to_parquet(path)
    assert len(load_negotiations(str(path), world.cases)) == len(world.log)
    broken = tmp_path / "broken.parquet"
    world.log.drop(columns=["party"]).to_parquet(broken)
    with pytest.raises(OutcomesError, match="party"):
        load_negotiations(str(broken), world.cases)


# --------------------------------------------------------------------------
# Part 3: offers placed on the acceptance curve (issue 27)
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ratio_model(world):
    from outcomes.models import SettlementRatioModel

    return SettlementRatioModel(as_of=AS_OF, learner="glm", cv=None).fit(world.cases)


SAITAMA = {
    "residual_debt": 5_800_000,
    "creditor": "〇〇保証株式会社",
    "servicer": "SMBC債権回収株式会社",
    "monthly_income": 250_000,
    "sale_date": "2025-06-30",
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_offer_on_the_acceptance_curve_says_which_figure_it_shows(
    world, fitted, ratio_model, language
):
    """Issue 27 part 3: the amounts sit on the acceptance curve at the same levels,
    offer.acceptance is the chance the creditor accepts, and the words say so, in one language,
    as an internal estimate (弁護士法72条), never a promise."""
    from outcomes import opening_offer
    from outcomes._advice.acceptance import ACCEPTANCE_WORDS

    plain = opening_offer(ratio_model, SAITAMA, as_of=AS_OF, language=language)
    offer = opening_offer(
        ratio_model, SAITAMA, as_of=AS_OF, language=language, acceptance_model=fitted
    )
    assert (plain.figure, offer.figure) == ("settlements", "acceptance")
    from outcomes import case_from_mapping

    frame = case_from_mapping(SAITAMA)
    q = fitted.predict_quantiles(frame, (0.2, 0.5, 0.85), as_of=AS_OF).to_numpy()[0]
    assert offer.opening <= round(q[0] * 5_800_000) < offer.opening + 10_000
    assert offer.walk_away - 10_000 < round(q[2] * 5_800_000) <= offer.walk_away
    chance = fitted.predict_acceptance(frame, [offer.target / 5_800_000], as_of=AS_OF)[0, 0]
    assert offer.acceptance(offer.target) == pytest.approx(chance, abs=0.02)
    text = str(offer)
    row = ACCEPTANCE_WORDS["acceptance_row"][0 if language == "ja" else 1].strip()
    assert row in text
    assert "弁護士法" in " ".join(offer.reasons)
    assert ("past settlements at or below" in str(plain)) == (language == "en")


def test_offer_for_a_jhf_claim_keeps_the_settlement_figure_and_says_why(fitted, ratio_model):
    """§9 does not read a jhf refusal: the offer keeps today's figure, with one sentence why."""
    from outcomes import opening_offer
    from outcomes._advice.acceptance import ACCEPTANCE_WORDS

    jhf = {**SAITAMA, "creditor": "住宅金融支援機構", "servicer": None}
    offer = opening_offer(ratio_model, jhf, as_of=AS_OF, language="en", acceptance_model=fitted)
    assert offer.figure == "settlements"
    assert ACCEPTANCE_WORDS["acceptance_unreadable"][1] in offer.reasons


def test_every_acceptance_sentence_has_both_languages():
    """Issue 24's catalogue shape {code: (ja, en)}; the Japanese line is Japanese."""
    from outcomes._advice.acceptance import ACCEPTANCE_WORDS

    for code, (ja, en) in ACCEPTANCE_WORDS.items():
        assert ja.strip() and en.strip(), code
        assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in ja), code
        assert not any("\u3040" <= ch <= "\u30ff" for ch in en), code


def test_batch_offers_match_the_single_offer_and_name_their_figure(world, fitted, ratio_model):
    """`outcomes offer --cases` with a model directory that has a log: the same amounts as
    one offer, and a column saying which figure each row's chances are (issue 27)."""
    from outcomes import Advisor

    pending = world.cases[(world.cases["resolution"] == "pending").to_numpy(bool)].head(6)
    advisor = Advisor(ratio_model, language="en", acceptance_model=fitted)
    table = advisor.offers(pending, as_of=AS_OF)
    jhf = (pending["creditor_type"] == "jhf").to_numpy(bool)
    assert table["figure"].tolist() == ["settlements" if j else "acceptance" for j in jhf]
    one = advisor.offer(pending.iloc[[0]], as_of=AS_OF)
    row = table.iloc[0]
    assert (row["opening"], row["target"], row["walk_away"]) == (
        one.opening,
        one.target,
        one.walk_away,
    )
    assert "figure" not in Advisor(ratio_model, language="en").offers(pending, as_of=AS_OF)
