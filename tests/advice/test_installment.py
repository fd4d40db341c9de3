"""Instalment proposals (分割弁済): the monthly amount, capped by the household's budget.

One monthly model is fitted once for the module on 3,000 generated cases.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import outcomes
from outcomes._advice import InstallmentProposal, installment_proposal
from outcomes._advice.installment import MIN_MONTHLY, round_down_monthly
from outcomes._errors import CaseError, CaseTypeError

TODAY = "2026-06-30"

SAKAI = {  # 50s self-employed, ¥7.8M, ¥10,000 a month for 5 years
    "residual_debt": 7_800_000,
    "creditor": "〇〇信用金庫",
    "servicer": "オリックス債権回収",
    "age": 55,
    "prefecture": "大阪府",
    "employment": "自営業",
    "monthly_income": 230_000,
    "household_size": 2,
    "sale_date": "2025-03-01",
}


def test_sakai_self_employed_instalment_around_10000(monthly_model):
    proposal = installment_proposal(monthly_model, SAKAI, as_of=TODAY)
    assert 5_000 <= proposal.monthly <= 20_000  # the article's usual range
    assert proposal.low <= 10_000 <= proposal.high
    assert proposal.feasible and not proposal.capped
    assert any("サービサー" in r for r in proposal.reasons)  # fixed term, rest forgiven


def test_budget_caps_the_monthly_amount(monthly_model):
    free = installment_proposal(monthly_model, SAKAI, as_of=TODAY)
    assert free.monthly == free.typical and free.budget is None
    rich = installment_proposal(monthly_model, SAKAI, budget=10 * free.typical)
    assert rich.monthly == free.typical and not rich.capped
    grid = set(monthly_model.grid_.tolist())
    for budget in (free.typical - 1, 7_400, 4_200, 2_500, 1_000):
        capped = installment_proposal(monthly_model, SAKAI, budget=budget)
        assert MIN_MONTHLY <= capped.monthly <= budget
        assert capped.monthly in grid or capped.monthly % 1_000 == 0
        assert capped.capped and capped.feasible
    broke = installment_proposal(monthly_model, SAKAI, budget=999)
    assert broke.monthly == 0 and not broke.feasible
    assert "分割弁済を続けることができません" in broke.reasons[0]


@settings(max_examples=200, deadline=None)
@given(
    budget=st.integers(min_value=MIN_MONTHLY, max_value=200_000),
    grid=st.lists(st.sampled_from([3_000, 5_000, 8_000, 10_000, 15_000, 20_000, 30_000])),
)
def test_round_down_monthly_stays_within_budget(budget, grid):
    values = np.array(sorted(set(grid)), dtype=float) if grid else None
    amount = round_down_monthly(budget, values)
    assert MIN_MONTHLY <= amount <= budget
    fits = [g for g in grid if g <= budget]
    assert amount == (max(fits) if fits else budget // 1_000 * 1_000)


def test_english_proposal_and_the_yen_format(monthly_model):
    proposal = installment_proposal(monthly_model, SAKAI, as_of=TODAY, language="en")
    assert isinstance(proposal, InstallmentProposal)
    assert str(proposal).startswith(f"¥{proposal.monthly:,} a month")
    assert "円" in str(installment_proposal(monthly_model, SAKAI, as_of=TODAY))


def test_bad_budget_and_old_keyword(monthly_model):
    with pytest.raises(CaseTypeError, match="budget must be whole yen"):
        installment_proposal(monthly_model, SAKAI, budget=6_000.5)
    with pytest.raises(CaseError, match="budget must be 0 or more"):
        installment_proposal(monthly_model, SAKAI, budget=-1)
    # contract §4: a residual debt under ¥10,000 is out of range (a missing 万円)
    with pytest.raises(CaseError, match="under ¥10,000"):
        installment_proposal(monthly_model, {"residual_debt": 0})
    base = installment_proposal(monthly_model, SAKAI, as_of=TODAY)
    with pytest.warns(FutureWarning, match="model= is now called monthly_model="):
        old = installment_proposal(model=monthly_model, case=SAKAI, as_of=TODAY)
    assert old == base


def test_public_names():
    assert outcomes.installment_proposal is installment_proposal
    assert outcomes.InstallmentProposal is InstallmentProposal
    assert np.isfinite(MIN_MONTHLY)
