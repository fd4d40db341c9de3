"""drift() and TrainingProfile: false alarms, real shifts, new categories, storage."""

from __future__ import annotations

import pandas as pd
import pytest

from outcomes import OutcomesError
from outcomes._messages import check_catalogue
from outcomes.datasets import simulate_cases
from outcomes.models import (
    DRIFT_FEATURES,
    DRIFT_WORDS,
    TimeToAgreementModel,
    TrainingProfile,
    drift,
    drift_message,
    drift_warning,
    render_drift,
)

TODAY = "2024-06-30"


@pytest.fixture(scope="module")
def reference() -> pd.DataFrame:
    return simulate_cases(3000, seed=100, messy=False, today=TODAY)


@pytest.fixture(scope="module")
def profile(reference: pd.DataFrame) -> TrainingProfile:
    return TrainingProfile.from_cases(reference)


def test_same_distribution_is_rarely_flagged(profile: TrainingProfile) -> None:
    flagged = 0
    for seed in range(20):
        current = simulate_cases(800, seed=seed, messy=False, today=TODAY)
        result = drift(profile, current)
        assert list(result["feature"]) == list(DRIFT_FEATURES)
        flagged += bool((result["verdict"] == "shifted").any())
    assert flagged <= 1


def test_larger_debts_are_flagged(profile: TrainingProfile) -> None:
    current = simulate_cases(800, seed=7, messy=False, today=TODAY)
    current["residual_debt"] = (current["residual_debt"] * 1.5).round().astype("Int64")
    result = drift(profile, current).set_index("feature")
    assert result.loc["log_residual_debt", "verdict"] == "shifted"
    assert result.loc["creditor_type", "verdict"] == "stable"
    assert result.loc["log_residual_debt", "distance"] > 0.3


def test_changed_servicer_mix_is_flagged(profile: TrainingProfile) -> None:
    current = simulate_cases(800, seed=8, messy=False, today=TODAY)
    held = current["servicer"].notna()
    current.loc[held, "servicer"] = "アビリオ債権回収"
    result = drift(profile, current).set_index("feature")
    assert result.loc["servicer", "verdict"] == "shifted"
    assert result.loc["servicer", "distance"] > 0.2
    assert result.loc["age", "verdict"] == "stable"


def test_unseen_values_are_listed(reference: pd.DataFrame) -> None:
    current = simulate_cases(50, seed=9, messy=False, today=TODAY)
    current.loc[current.index[:5], "servicer"] = "新設テスト債権回収"
    current.loc[current.index[:10], "residual_debt"] = int(reference["residual_debt"].max()) * 2
    result = drift(reference, current).set_index("feature")
    assert result.loc["servicer", "new_categories"] == "新設テスト債権回収"
    assert result.loc["servicer", "share_outside"] == pytest.approx(5 / 50)
    assert result.loc["log_residual_debt", "share_outside"] == pytest.approx(10 / 50)


def test_profile_json_round_trip(profile: TrainingProfile, tmp_path) -> None:
    path = tmp_path / "profile.json"
    profile.to_json(path)
    again = TrainingProfile.from_json(path)
    assert again.to_dict() == profile.to_dict()
    current = simulate_cases(500, seed=3, messy=False, today=TODAY)
    pd.testing.assert_frame_equal(drift(again, current), drift(profile, current))
    text = path.read_text(encoding="utf-8")
    assert "C000001" not in text and "case_id" not in text  # aggregates only, no case rows
    assert len(text) < 20_000


def test_bad_inputs(profile: TrainingProfile) -> None:
    with pytest.raises(OutcomesError, match="reference"):
        drift(42, simulate_cases(10, seed=1, messy=False, today=TODAY))
    with pytest.raises(OutcomesError, match="DataFrame"):
        drift(profile, [1, 2])
    with pytest.raises(OutcomesError, match="not valid JSON"):
        TrainingProfile.from_json("{not json")


def test_a_single_case_outside_the_training_data_warns(reference: pd.DataFrame) -> None:
    model = TimeToAgreementModel(as_of=TODAY, max_iter=20).fit(reference)
    case = reference.head(1).copy()
    assert drift_message(drift(model, case), one_case=True) is None
    case["servicer"] = "新設テスト債権回収"
    case["residual_debt"] = pd.array([int(reference["residual_debt"].max()) * 3], dtype="Int64")
    message = drift_message(drift(model, case), one_case=True)
    assert message.code == "drift.case"
    assert [part.code for part in message.fields["parts"]] == [
        "drift.case.beyond",
        "drift.case.unseen",
    ]
    ja, en = render_drift(message, "ja"), render_drift(message, "en")
    assert "新設テスト債権回収" in ja and "残債が学習データの範囲外です" in ja
    assert "residual debt beyond the training range" in en and "log_residual_debt" not in en
    skipped = drift_message(drift(model, case), one_case=True, skip=("servicer",))
    assert "新設テスト債権回収" not in render_drift(skipped, "ja")


def test_drift_has_one_message_and_one_catalogue(profile: TrainingProfile) -> None:
    """Issue 24, architecture review §2.6 "the drift warning" (three messages, two named
    drift_warning): one drift_message, its words in DRIFT_WORDS, both languages alike."""
    check_catalogue(DRIFT_WORDS)
    current = simulate_cases(300, seed=3, messy=False, today=TODAY)
    current["residual_debt"] = current["residual_debt"] * 4
    table = drift(profile, current)
    message = drift_message(table, total=1000)
    assert message.code == "drift.table"
    assert message.fields["tail"].code == "drift.tail.first_rows"
    en = render_drift(message, "en")
    assert en.startswith("warning: the 300 input cases differ") and "residual debt shifted" in en
    assert en.endswith(" (compared on the first 300 of 1,000 cases)")
    assert render_drift(message, "ja").startswith("注意: 入力の案件300件は")
    with pytest.warns(FutureWarning, match="drift_message"):
        assert drift_warning(table) == en.removesuffix(
            " (compared on the first 300 of 1,000 cases)"
        )
