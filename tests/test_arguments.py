"""One checker per kind of argument, the same error at every entry point (issue 18, change 3)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

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


# --------------------------------------------------------------------------
# Issue 21: one parser of amounts (and of dates) for every entry point
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "yen"),
    [
        ("30万", 300_000),
        ("30万円", 300_000),
        ("３０万", 300_000),
        ("300,000", 300_000),
        ("300000", 300_000),
        ("1.5万", 15_000),
        ("30.5万", 305_000),
        ("580万円", 5_800_000),
        ("¥1,200", 1_200),
        ("約30万", 300_000),
        ("0", 0),
    ],
)
def test_as_yen_reads_text_as_the_case_sheets_write_it(text, yen):
    from outcomes._arguments import as_yen

    assert as_yen(text, "cash_available") == yen
    assert type(as_yen(text, "cash_available")) is int


@given(st.integers(min_value=0, max_value=10**11))
def test_as_yen_text_and_int_agree(n):
    from outcomes._arguments import as_yen

    assert as_yen(str(n), "x") == as_yen(f"{n:,}", "x") == as_yen(f"{n:,}円", "x") == n
    if n <= 10**8:
        assert as_yen(f"{n}万", "x") == n * 10_000


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (
            "abc",
            CaseError,
            "--cash 'abc' is not an amount of yen: write it as 300000, 300,000, 30万",
        ),
        ("-1", CaseError, "--cash must be 0 or more yen, got -1"),
        ("▲5,000", CaseError, "--cash must be 0 or more yen, got -5,000"),
        ("1.5", CaseError, "--cash '1.5' is not whole yen"),
        ("", CaseError, "--cash is empty"),
        ("30万〜40万", CaseError, "is not an amount of yen"),
        (1.5, CaseTypeError, "--cash must be whole yen"),
        (float("inf"), CaseTypeError, "--cash must be whole yen"),  # 300_000.0 is whole (N14)
        (True, CaseTypeError, "--cash must be whole yen"),
    ],
)
def test_as_yen_refuses_in_one_clear_sentence(value, error, message):
    from outcomes._arguments import as_yen

    with pytest.raises(error) as info:
        as_yen(value, "--cash")
    assert message in str(info.value)
    assert "(not an amount)" not in str(info.value)  # finding 15: not the parser's bare words
    assert len(str(info.value).splitlines()) == 1


def test_as_date_reads_the_contracts_date_texts_but_not_numbers():
    assert as_date("R1.4.30", "contract_date") == date(2019, 4, 30)
    assert as_date("令和3年3月15日", "contract_date") == date(2021, 3, 15)
    assert as_date("2026/06/30", "as_of") == date(2026, 6, 30)
    assert as_date("2026-06-30T09:30", "as_of") == date(2026, 6, 30)
    for number in (20260630, 44270, 3.5):
        with pytest.raises(CaseTypeError, match="must be a date"):
            as_date(number, "as_of")
    for text in ("44270", "2026-02-30", "R8.13.1", "soon"):
        with pytest.raises(CaseTypeError, match="must be a date"):
            as_date(text, "as_of")


def test_compare_paths_takes_a_contract_date_as_the_case_keys_do():
    # the ways-out review: compare_paths(contract_date="R1.4.30") was refused
    # although the case key contract_date accepts it
    case = {"residual_debt": 5_800_000, "creditor": "〇〇銀行", "default_date": "2019-06-30"}
    given = compare_paths(case, contract_date="R1.4.30", as_of="2026-06-30")
    keyed = compare_paths({**case, "contract_date": "R1.4.30"}, as_of="2026-06-30")
    iso = compare_paths(case, contract_date="2019-04-30", as_of="2026-06-30")
    pd.testing.assert_frame_equal(given, iso)
    pd.testing.assert_frame_equal(given, keyed)


def test_compare_paths_takes_cash_and_budget_as_text():
    case = {"residual_debt": 5_800_000, "creditor": "〇〇銀行"}
    text = compare_paths(case, cash_available="30万", budget="1.5万", as_of="2026-06-30")
    ints = compare_paths(case, cash_available=300_000, budget=15_000, as_of="2026-06-30")
    pd.testing.assert_frame_equal(text, ints)


def test_k_below_one_is_the_same_error_in_the_report():
    """One mistake, one error type (the review found ValueError, OutcomesError and CaseError)."""
    from outcomes import report
    from outcomes.report._tables import crosstab

    cases = simulate_cases(40, seed=1, messy=False, today="2026-06-30")
    with pytest.raises(CaseError, match="k must be at least 1"):
        report.breakdown(cases, "creditor_type", k=0)
    with pytest.raises(CaseError, match="k must be at least 1"):
        crosstab(cases, "creditor_type", "employment", k=0)
    with pytest.raises(CaseError):
        report.write_report(cases, "report.html", k=0)
    with pytest.raises(CaseError, match="k は 1 以上"):
        report.Selection(k=0)


def test_a_float_that_is_whole_yen_is_that_many_yen():
    """Analyst review N14: a pandas column with one blank cell is float64; its 300000.0 is ¥300,000."""
    import numpy as np

    from outcomes._arguments import as_yen

    column = pd.Series([300_000, None])  # float64
    assert as_yen(column.iloc[0], "cash_available") == 300_000
    assert as_yen(np.float32(5000.0), "budget") == 5000
    assert type(as_yen(300_000.0, "cash_available")) is int
