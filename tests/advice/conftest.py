"""What the advice tests share: one thread for the boosted trees, the past cases, two fitted models."""

from __future__ import annotations

import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from outcomes.datasets import simulate_cases
from outcomes.models import MonthlyAmountModel, SettlementRatioModel

#: the day the past cases were exported and the offers are made on
TODAY = "2026-06-30"


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    # OpenMP threads of the boosted trees oversubscribe a busy 2-core machine
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def past() -> pd.DataFrame:
    return simulate_cases(3000, seed=1, messy=False, today=TODAY)


@pytest.fixture(scope="module")
def ratio_model(past) -> SettlementRatioModel:
    return SettlementRatioModel(as_of=TODAY, max_iter=100).fit(past)


@pytest.fixture(scope="module")
def monthly_model(past) -> MonthlyAmountModel:
    return MonthlyAmountModel(as_of=TODAY, max_iter=100).fit(past)
