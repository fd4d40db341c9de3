"""One case ready for a payment proposal: case_to_settle, with_as_of."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from outcomes._advice.case import case_to_settle, with_as_of
from outcomes._cleaning import case_from_mapping
from outcomes._errors import CaseError
from outcomes.datasets import simulate_cases


@pytest.fixture(scope="module")
def clean() -> pd.DataFrame:
    return simulate_cases(40, seed=5, messy=False, today="2026-06-30")


def test_case_to_settle(clean):
    frame, residual = case_to_settle({"residual_debt": 2_000_000}, date(2026, 6, 30))
    assert residual == 2_000_000
    assert frame["agreement_date"].iloc[0] == pd.Timestamp("2026-06-30")
    # contract §4: a residual debt under ¥10,000 is out of range (a missing 万円)
    with pytest.raises(CaseError, match="under ¥10,000"):
        case_to_settle({"residual_debt": 58}, None)


def test_with_as_of_keeps_a_given_agreement_date():
    frame = case_from_mapping({"residual_debt": 100_000, "agreement_date": "2025-01-01"})
    assert with_as_of(frame, date(2026, 6, 30))["agreement_date"].iloc[0] == pd.Timestamp(
        "2025-01-01"
    )


@pytest.mark.parametrize("residual", [58, "58", 9_999])
def test_a_forgotten_man_yen_gives_one_line_not_an_offer(residual):
    with pytest.raises(CaseError, match="out of range") as info:
        case_to_settle({"residual_debt": residual}, None)
    assert "\n" not in str(info.value)
    frame, amount = case_to_settle({"residual_debt": 10_000}, None)
    assert amount == 10_000


def test_as_of_before_the_sale_is_refused():
    case = {"residual_debt": 5_800_000, "sale_date": "2025-06-30"}
    with pytest.raises(CaseError, match="before the case's sale_date 2025-06-30"):
        case_to_settle(case, date(2025, 6, 29))
    frame, _ = case_to_settle(case, date(2025, 6, 30))
    assert frame.loc[0, "agreement_date"] == pd.Timestamp("2025-06-30")
