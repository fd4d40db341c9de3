"""One checker per kind of argument, the same error at every entry point (issue 18, change 3)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from outcomes import clean_cases, compare_paths, suppress_small_groups
from outcomes._arguments import as_date, as_day
from outcomes._errors import CaseError, CaseTypeError
from outcomes.datasets import simulate_cases
from outcomes.models import SettlementRatioModel, TimeToAgreementModel, case_features


@pytest.fixture(scope="module")
def cases() -> pd.DataFrame:
    return simulate_cases(300, seed=3, messy=False, today="2026-06-30")


def test_a_number_is_not_a_date():
    with pytest.raises(CaseTypeError, match="as_of must be a date"):
        as_date(20260630, "as_of")
    with pytest.raises(CaseTypeError, match="as_of must be a date"):
        as_day(20260630, "as_of")


def test_as_day_none_is_today_but_nan_is_refused():
    assert as_day(None, "today") == date.today()
    with pytest.raises(CaseTypeError):
        as_day(float("nan"), "today")


def test_case_features_refuse_a_number_as_of(cases):
    # before: pd.Timestamp(20260630) is 1970-01-01 00:00:00.020260630, and a pending
    # case got -649 months waited, silently
    with pytest.raises(CaseTypeError, match="as_of"):
        case_features(cases, as_of=20260630)
    waited = case_features(cases, as_of="2026-06-30")["months_waited"]
    assert (waited.dropna() >= 0).all()


@pytest.mark.parametrize("model", [SettlementRatioModel, TimeToAgreementModel])
def test_models_refuse_a_number_as_of(model, cases):
    with pytest.raises(CaseTypeError, match="as_of"):
        model(as_of=20260630).fit(cases)


def test_clean_cases_refuses_a_number_today():
    with pytest.raises(CaseTypeError, match="today"):
        clean_cases(pd.DataFrame({"残債": ["580万"]}), today=20260630)


def test_compare_paths_refuses_a_number_as_of():
    with pytest.raises(CaseTypeError, match="as_of"):
        compare_paths({"residual_debt": 5_800_000}, as_of=20260630)


def test_k_below_one_is_one_error_everywhere():
    table = pd.DataFrame({"servicer": ["A"], "cases": [12]})
    with pytest.raises(CaseError, match="k must be at least 1"):
        suppress_small_groups(table, k=0)
