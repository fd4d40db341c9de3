"""Statute building blocks and the side-by-side comparison of the ways out."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import outcomes
from outcomes._contract import CASE_COLUMNS, COLUMN_BY_NAME
from outcomes._errors import OutcomesError
from outcomes._paths import (
    DEFAULT_RATES,
    PATH_COLUMNS,
    CaseError,
    LimitationResult,
    RehabilitationUnavailableError,
    _period_end,
    case_from_mapping,
    compare_paths,
    default_interest,
    interest_cap,
    limitation_complete,
    limitation_date,
    rehabilitation_minimum,
)

# --------------------------------------------------------------------------
# 個人再生 minimum (民事再生法 §231)
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("debt", "minimum"),
    [
        (0, 0),
        (999_999, 999_999),  # under ¥1M: B itself
        (1_000_000, 1_000_000),
        (3_200_000, 1_000_000),
        (5_000_000, 1_000_000),  # B/5 = ¥1M exactly
        (5_000_001, 1_000_001),  # B/5 = 1,000,000.2: a plan of ¥1,000,000 "下回る"
        (5_800_000, 1_160_000),  # Saitama
        (7_800_000, 1_560_000),  # Sakai
        (15_000_000, 3_000_000),
        (15_000_001, 3_000_000),  # B/5 over ¥3M: ¥3M
        (30_000_000, 3_000_000),
        (30_000_001, 3_000_001),  # over ¥30M: B/10 = 3,000,000.1, rounded up
        (40_000_000, 4_000_000),
        (50_000_000, 5_000_000),
    ],
)
def test_rehabilitation_minimum_breakpoints(debt, minimum):
    assert rehabilitation_minimum(debt) == minimum


def test_rehabilitation_minimum_over_50m_is_unavailable():
    with pytest.raises(RehabilitationUnavailableError, match="over ¥50,000,000") as info:
        rehabilitation_minimum(50_000_001)
    assert isinstance(info.value, OutcomesError)
    assert info.value.unsecured_debt == 50_000_001


def test_rehabilitation_minimum_rejects_bad_input():
    with pytest.raises(ValueError, match="0 or more"):
        rehabilitation_minimum(-1)
    with pytest.raises(TypeError):
        rehabilitation_minimum(5_800_000.0)
    with pytest.raises(TypeError):
        rehabilitation_minimum(True)
    assert rehabilitation_minimum(np.int64(5_800_000)) == 1_160_000


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=50_000_000 - 1))
def test_rehabilitation_minimum_is_monotone_and_never_above_the_debt(debt):
    low, high = rehabilitation_minimum(debt), rehabilitation_minimum(debt + 1)
    assert low <= high
    assert 0 <= low <= debt
    # the plan of the minimum is never refused for being below B/5, ¥1M or B/10
    if debt < 1_000_000:
        assert low == debt
    elif debt <= 30_000_000:
        assert low >= min(Fraction(debt, 5), 3_000_000) and low >= 1_000_000
        assert low <= max(Fraction(debt, 5) + 1, 1_000_000)
    else:
        assert Fraction(debt, 10) <= low < Fraction(debt, 10) + 1


# --------------------------------------------------------------------------
# 消滅時効
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "years", "months", "end"),
    [
        (date(2020, 4, 10), 5, 0, date(2025, 4, 10)),
        (date(2020, 2, 29), 5, 0, date(2025, 2, 28)),  # first day counted 2020-03-01
        (date(2024, 2, 28), 5, 0, date(2029, 2, 28)),  # first day 2024-02-29, none in 2029
        (date(2020, 8, 30), 0, 6, date(2021, 2, 28)),  # no 31 February: month's last day
        (date(2020, 8, 31), 0, 6, date(2021, 2, 28)),
        (date(2024, 5, 1), 0, 6, date(2024, 11, 1)),
        (date(2019, 12, 31), 10, 0, date(2029, 12, 31)),
    ],
)
def test_period_end_counts_from_the_next_day(event, years, months, end):
    assert _period_end(event, years=years, months=months) == end


def test_limitation_changes_on_2020_04_01_for_a_non_merchant():
    # a 信用金庫 lending to a non-business borrower: 10 years under the old 民法
    kwargs = {"claimable_from": date(2021, 6, 15), "creditor_is_merchant": False}
    old = limitation_date(contract_date=date(2020, 3, 31), **kwargs)
    new = limitation_date(contract_date=date(2020, 4, 1), **kwargs)
    assert (old.completes_on, old.period_years) == (date(2031, 6, 15), 10)
    assert (new.completes_on, new.period_years) == (date(2026, 6, 15), 5)


def test_limitation_new_law_takes_the_earlier_of_knowledge_and_ten_years():
    late_knowledge = limitation_date(
        contract_date=date(2021, 1, 1),
        claimable_from=date(2021, 1, 10),
        known_on=date(2027, 3, 1),
    )
    assert late_knowledge.completes_on == date(2031, 1, 10)
    assert late_knowledge.period_years == 10
    early = limitation_date(
        contract_date=date(2021, 1, 1), claimable_from=date(2021, 1, 10), known_on=date(2022, 3, 1)
    )
    assert early.completes_on == date(2027, 3, 1)
    with pytest.raises(ValueError, match="before the claim"):
        limitation_date(
            contract_date=date(2021, 1, 1),
            claimable_from=date(2021, 1, 10),
            known_on=date(2020, 1, 1),
        )


@pytest.mark.parametrize(
    ("creditor", "debtor", "years"), [(True, False, 5), (False, True, 5), (False, False, 10)]
)
def test_limitation_old_law_merchant_or_not(creditor, debtor, years):
    r = limitation_date(
        contract_date=date(2008, 9, 1),
        claimable_from=date(2019, 3, 20),
        creditor_is_merchant=creditor,
        debtor_is_merchant=debtor,
    )
    assert r.period_years == years
    assert r.completes_on == date(2019 + years, 3, 20)
    assert r.restarted_on is None


def test_limitation_unknown_contract_date_is_treated_as_old():
    r = limitation_date(
        contract_date=None, claimable_from=date(2022, 1, 5), creditor_is_merchant=False
    )
    assert r.completes_on == date(2032, 1, 5)
    assert any("unknown" in line for line in r.basis)


def test_limitation_guarantee_company_runs_from_the_day_after_subrogation():
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        claimable_from=date(2019, 5, 10),  # the bank's 期限の利益喪失: replaced by 代位弁済
        subrogated_on=date(2019, 7, 31),
    )
    assert r.completes_on == date(2024, 7, 31)
    assert not limitation_complete(r, date(2024, 7, 31))
    assert limitation_complete(r, date(2024, 8, 1))
    assert "代位弁済" in r.basis[0]


def test_limitation_payment_in_between_restarts_the_clock():
    kwargs = {"contract_date": date(2012, 4, 1), "subrogated_on": date(2019, 7, 31)}
    without = limitation_date(**kwargs)
    paid = limitation_date(**kwargs, acknowledged_on=[date(2021, 3, 5), date(2020, 1, 20)])
    assert without.completes_on == date(2024, 7, 31)
    assert paid.completes_on == date(2026, 3, 5)  # the last payment counts
    assert paid.restarted_on == date(2021, 3, 5)
    assert limitation_complete(without, date(2025, 1, 1))
    assert not limitation_complete(paid, date(2025, 1, 1))


def test_limitation_payment_before_the_start_is_ignored():
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        subrogated_on=date(2019, 7, 31),
        acknowledged_on=[date(2019, 6, 1)],
    )
    assert r.completes_on == date(2024, 7, 31)
    assert r.restarted_on is None


def test_limitation_payment_after_completion_starts_a_new_period():
    r = limitation_date(
        contract_date=date(2005, 4, 1),
        claimable_from=date(2010, 1, 15),
        acknowledged_on=[date(2016, 2, 1)],
    )
    assert r.completes_on == date(2021, 2, 1)
    assert any("最判昭和41年4月20日" in line for line in r.basis)


def test_limitation_judgment_gives_ten_years():
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        subrogated_on=date(2019, 7, 31),
        lawsuit_filed_on=date(2023, 5, 1),
        judgment_on=date(2023, 11, 20),
    )
    assert (r.completes_on, r.period_years, r.restarted_on) == (
        date(2033, 11, 20),
        10,
        date(2023, 11, 20),
    )
    after = limitation_date(
        contract_date=date(2012, 4, 1),
        subrogated_on=date(2019, 7, 31),
        lawsuit_filed_on=date(2023, 5, 1),
        judgment_on=date(2023, 11, 20),
        acknowledged_on=[date(2025, 1, 10)],
    )
    assert after.completes_on == date(2035, 1, 10)  # 10 years again after the judgment


def test_limitation_pending_lawsuit_suspends_completion():
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        subrogated_on=date(2019, 7, 31),
        lawsuit_filed_on=date(2024, 7, 1),
    )
    assert r.completes_on is None
    assert not limitation_complete(r, date(2040, 1, 1))


def test_limitation_lawsuit_after_completion_changes_nothing():
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        subrogated_on=date(2019, 7, 31),
        lawsuit_filed_on=date(2024, 9, 1),
    )
    assert r.completes_on == date(2024, 7, 31)
    with pytest.raises(ValueError, match="before lawsuit"):
        limitation_date(
            contract_date=date(2012, 4, 1),
            subrogated_on=date(2019, 7, 31),
            lawsuit_filed_on=date(2024, 7, 1),
            judgment_on=date(2024, 6, 1),
        )


def test_limitation_one_demand_adds_six_months_and_a_second_is_ignored():
    kwargs = {"contract_date": date(2012, 4, 1), "subrogated_on": date(2019, 7, 31)}
    one = limitation_date(**kwargs, demands_on=[date(2024, 5, 1)])
    assert one.completes_on == date(2024, 11, 1)
    two = limitation_date(**kwargs, demands_on=[date(2024, 5, 1), date(2024, 10, 1)])
    assert two.completes_on == date(2024, 11, 1)
    assert any("§150(2)" in line for line in two.basis)
    late = limitation_date(**kwargs, demands_on=[date(2024, 5, 1), date(2024, 11, 2)])
    assert late.completes_on == date(2024, 11, 1)  # made after completion


def test_limitation_early_demand_changes_nothing_and_does_not_block_a_later_one():
    kwargs = {"contract_date": date(2012, 4, 1), "subrogated_on": date(2019, 7, 31)}
    early = limitation_date(**kwargs, demands_on=[date(2022, 1, 1)])
    assert early.completes_on == date(2024, 7, 31)
    both = limitation_date(**kwargs, demands_on=[date(2022, 1, 1), date(2024, 6, 15)])
    assert both.completes_on == date(2024, 12, 15)


def test_limitation_payment_after_a_demand_restarts_and_clears_it():
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        subrogated_on=date(2019, 7, 31),
        demands_on=[date(2024, 5, 1)],
        acknowledged_on=[date(2024, 6, 1)],
    )
    assert r.completes_on == date(2029, 6, 1)


def test_limitation_accepts_timestamps_and_strings_and_needs_a_start():
    r = limitation_date(
        contract_date="2012-04-01",
        claimable_from=pd.Timestamp("2019-07-31"),
        acknowledged_on=[np.datetime64("2020-02-03")],
    )
    assert r.completes_on == date(2025, 2, 3)
    assert isinstance(r, LimitationResult)
    with pytest.raises(ValueError, match="claimable_from or subrogated_on"):
        limitation_date(contract_date=date(2012, 4, 1))


# --------------------------------------------------------------------------
# 遅延損害金
# --------------------------------------------------------------------------


def test_default_interest_14_percent_on_5m_over_a_year():
    assert default_interest(5_000_000, date(2023, 1, 1), date(2024, 1, 1), 0.14) == 700_000
    # 366 days in 2024 divided by 365 (the "年365日の日割計算" clause)
    assert default_interest(5_000_000, date(2024, 1, 1), date(2025, 1, 1), 0.14) == 701_917
    # with leap years divided by 366: the days after 2023-12-31 through 2024-12-31 are 2024
    assert (
        default_interest(
            5_000_000, date(2023, 12, 31), date(2024, 12, 31), 0.14, leap_year_366=True
        )
        == 700_000
    )


def test_default_interest_leap_year_split_across_years():
    got = default_interest(5_000_000, date(2023, 7, 1), date(2024, 7, 1), 0.14, leap_year_366=True)
    # days after 2023-07-01 in 2023: 183; in 2024 up to 07-01: 183
    expected = 5_000_000 * Fraction(14, 100) * (Fraction(183, 365) + Fraction(183, 366))
    assert got == int(expected)


def test_default_interest_rounds_down_and_counts_days_after_start():
    # 1,000,000 × 15% × 30 / 365 = 12,328.77
    assert default_interest(1_000_000, date(2023, 3, 1), date(2023, 3, 31), 0.15) == 12_328
    assert default_interest(1_000_000, date(2023, 3, 1), date(2023, 3, 1), 0.15) == 0


def test_default_interest_caps():
    start, end = date(2023, 1, 1), date(2024, 1, 1)
    assert default_interest(50_000, start, end, 0.30, lender_is_business=False) == 14_600
    assert default_interest(50_000, start, end, 0.30, lender_is_business=True) == 10_000
    # the loan's original principal decides the bracket: a ¥2M loan caps at 21.9%
    assert (
        default_interest(
            50_000, start, end, 0.30, lender_is_business=False, loan_principal=2_000_000
        )
        == 10_950
    )
    # under the cap the contract rate applies
    assert default_interest(1_000_000, start, end, DEFAULT_RATES["jhf"]) == 145_000


@pytest.mark.parametrize(
    ("principal", "cap"),
    [
        (99_999, 0.292),
        (100_000, 0.2628),
        (999_999, 0.2628),
        (1_000_000, 0.219),
        (30_000_000, 0.219),
    ],
)
def test_interest_cap_brackets(principal, cap):
    assert interest_cap(principal, lender_is_business=False) == pytest.approx(cap)
    assert interest_cap(principal, lender_is_business=True) == pytest.approx(0.20)


def test_default_interest_rejects_bad_input():
    start, end = date(2023, 1, 1), date(2024, 1, 1)
    with pytest.raises(ValueError, match="before start"):
        default_interest(1_000, end, start, 0.14)
    with pytest.raises(ValueError, match="fraction"):
        default_interest(1_000, start, end, 14)
    with pytest.raises(ValueError, match="0 or more"):
        default_interest(-1, start, end, 0.14)


def test_default_rates():
    assert DEFAULT_RATES["bank"] == 0.14
    assert DEFAULT_RATES["jhf"] == 0.145
    assert DEFAULT_RATES["jfc"] == 0.145
    with pytest.raises(TypeError):
        DEFAULT_RATES["bank"] = 0.2  # read-only


# --------------------------------------------------------------------------
# case_from_mapping
# --------------------------------------------------------------------------


def test_case_from_mapping_gives_the_clean_columns_and_dtypes():
    row = case_from_mapping(
        {
            "case_id": "C-001",
            "residual_debt": 5_800_000,
            "employment": "会社員",
            "creditor": "○○銀行",
            "servicer": "SMBC債権回収",
            "sale_date": date(2023, 6, 30),
            "age": 45,
            "not_a_column": "ignored",
        }
    )
    assert list(row.columns) == list(CASE_COLUMNS)
    assert len(row) == 1
    for name in CASE_COLUMNS:
        assert str(row[name].dtype) == str(pd.Series(dtype=COLUMN_BY_NAME[name].dtype).dtype), name
    first = row.iloc[0]
    assert first["employment"] == "employee"
    assert first["creditor_type"] == "bank"
    assert first["age_band"] == "40s"
    assert first["resolution"] == "pending"
    assert first["sale_date"] == pd.Timestamp("2023-06-30")
    assert pd.isna(first["monthly_income"])
    marked = case_from_mapping({"residual_debt": 100_000, "servicer": "なし", "employment": "-"})
    assert marked["servicer"].isna().all() and marked["employment"].isna().all()


def test_case_from_mapping_fits_the_clean_table_schema():
    from outcomes._schema import case_schema

    row = case_from_mapping(
        {"residual_debt": 3_200_000, "creditor": "公庫", "prefecture": "愛知県"}
    )
    case_schema().validate(row)


def test_case_from_mapping_series_and_frame_agree():
    record = {"residual_debt": 7_800_000, "employment": "self_employed", "monthly_income": 250_000}
    from_dict = case_from_mapping(record)
    pd.testing.assert_frame_equal(case_from_mapping(pd.Series(record)), from_dict)
    pd.testing.assert_frame_equal(case_from_mapping(from_dict), from_dict)


def test_case_from_mapping_errors():
    two = pd.DataFrame({"residual_debt": [1, 2]})
    with pytest.raises(CaseError, match="2 rows"):
        case_from_mapping(two)
    with pytest.raises(CaseError, match="employment"):
        case_from_mapping({"employment": "astronaut"})
    with pytest.raises(CaseError, match="residual_debt"):
        case_from_mapping({"residual_debt": -5})
    with pytest.raises(CaseError, match="sale_date"):
        case_from_mapping({"sale_date": "2019-02-29"})
    with pytest.raises(TypeError):
        case_from_mapping([("residual_debt", 1)])


def test_case_from_mapping_cleans_like_a_file():
    row = case_from_mapping(
        {
            "残債額(万円)": "580",
            "サービサー": "ＳＭＢＣ債権回収㈱",
            "売却日": "令和5年4月1日",
            "氏名": "x",
        }
    )
    assert row.loc[0, "residual_debt"] == 5_800_000
    assert row.loc[0, "servicer"] == "SMBC債権回収"  # matched to the registry
    assert row.loc[0, "sale_date"] == pd.Timestamp("2023-04-01")


# --------------------------------------------------------------------------
# compare_paths
# --------------------------------------------------------------------------

AS_OF = date(2024, 6, 1)

SAITAMA = {  # 40s employee, ¥5.8M, servicer, accepted ¥100,000
    "residual_debt": 5_800_000,
    "age": 45,
    "prefecture": "埼玉県",
    "employment": "employee",
    "creditor": "○○銀行",
    "servicer": "SMBC債権回収",
    "sale_date": date(2023, 4, 28),
}
SAKAI = {  # 50s self-employed, ¥7.8M, agreed ¥10,000 × 5 years
    "residual_debt": 7_800_000,
    "age": 55,
    "prefecture": "大阪府",
    "employment": "self_employed",
    "creditor": "○○信用保証",
    "sale_date": date(2023, 2, 10),
}
NAGOYA = {  # 60s pensioner ¥140,000/month, 公庫 ¥3.2M, ¥5,000 open-ended
    "residual_debt": 3_200_000,
    "age": 65,
    "prefecture": "愛知県",
    "employment": "年金",
    "monthly_income": 140_000,
    "creditor": "公庫",
    "sale_date": date(2023, 9, 1),
}


def _by_path(table: pd.DataFrame) -> pd.DataFrame:
    return table.set_index("path")


def test_compare_paths_shape_and_dtypes():
    table = compare_paths(SAITAMA, as_of=AS_OF)
    assert list(table.columns) == list(PATH_COLUMNS)
    assert table["path"].tolist() == [
        "lump_sum",
        "installment",
        "voluntary_arrangement",
        "rehabilitation",
        "bankruptcy",
        "limitation",
    ]
    assert table["label_ja"].tolist() == [
        "一括和解",
        "分割弁済",
        "任意整理",
        "個人再生",
        "自己破産",
        "時効援用",
    ]
    assert table["available"].dtype == bool
    for col in ("total_to_pay", "monthly", "months", "extra_costs"):
        assert str(table[col].dtype) == "Int64", col
    assert table["notes"].str.len().min() > 0
    assert table["credit_record"].str.contains("CIC/JICC").all()
    assert "KSC" in _by_path(table).loc["rehabilitation", "credit_record"]
    assert "KSC" in _by_path(table).loc["bankruptcy", "credit_record"]


def test_compare_paths_saitama():
    t = _by_path(compare_paths(SAITAMA, cash_available=100_000, as_of=AS_OF))
    # the servicer accepted ¥100,000 (1.7%): within the rule's range
    assert t.loc["lump_sum", "available"]
    assert t.loc["lump_sum", "total_to_pay"] == 100_000
    assert "no model" in t.loc["lump_sum", "notes"]
    assert t.loc["rehabilitation", "total_to_pay"] == 1_160_000
    assert t.loc["rehabilitation", "months"] == 36
    assert t.loc["rehabilitation", "monthly"] == 32_223  # ceil(1,160,000 / 36)
    assert t.loc["bankruptcy", "total_to_pay"] == 0
    assert t.loc["bankruptcy", "extra_costs"] < 500_000  # employee: 同時廃止
    assert not t.loc["limitation", "available"]  # sold a year ago
    assert "2028-04-28" in t.loc["limitation", "notes"]  # 5 years: bank
    # servicer instalments: fixed 60 months, the rest forgiven
    assert t.loc["installment", "months"] == 60
    assert t.loc["installment", "total_to_pay"] == t.loc["installment", "monthly"] * 60
    # every payable path pays less than the residual, the open path nothing
    assert (t["total_to_pay"].dropna() <= 5_800_000).all()


def test_compare_paths_saitama_cash_too_small_or_plenty():
    small = _by_path(compare_paths(SAITAMA, cash_available=50_000, as_of=AS_OF))
    assert not small.loc["lump_sum", "available"]
    plenty = _by_path(compare_paths(SAITAMA, cash_available=1_000_000, as_of=AS_OF))
    assert plenty.loc["lump_sum", "total_to_pay"] == 290_000  # the usual 5%, not all the cash
    unknown = _by_path(compare_paths(SAITAMA, as_of=AS_OF))
    assert unknown.loc["lump_sum", "available"]
    assert unknown.loc["lump_sum", "total_to_pay"] == 290_000


def test_compare_paths_sakai():
    t = _by_path(compare_paths(SAKAI, monthly_budget=10_000, as_of=AS_OF))
    assert t.loc["installment", "monthly"] == 10_000
    assert pd.isna(t.loc["installment", "months"])  # a guarantee company: open-ended
    assert t.loc["rehabilitation", "total_to_pay"] == 1_560_000
    # ¥1.56M needs ¥26,000 a month even over 5 years: above a ¥10,000 budget
    assert t.loc["rehabilitation", "months"] == 60
    assert not t.loc["rehabilitation", "available"]
    assert not t.loc["voluntary_arrangement", "available"]
    assert t.loc["bankruptcy", "extra_costs"] >= 500_000  # self-employed: 管財事件
    # once a servicer holds it: ¥10,000 × 60 = ¥600,000 (7.7%), as in the article
    sold = _by_path(
        compare_paths({**SAKAI, "servicer": "みずほ債権回収"}, monthly_budget=10_000, as_of=AS_OF)
    )
    assert sold.loc["installment", "total_to_pay"] == 600_000
    assert sold.loc["installment", "months"] == 60


def test_compare_paths_nagoya():
    t = _by_path(compare_paths(NAGOYA, as_of=AS_OF))
    assert not t.loc["lump_sum", "available"]  # JHF does not forgive
    assert "JHF" in t.loc["lump_sum", "notes"]
    assert t.loc["installment", "available"]
    assert t.loc["installment", "monthly"] == 5_000
    assert pd.isna(t.loc["installment", "months"])
    assert t.loc["installment", "total_to_pay"] == 3_200_000  # still owed in full
    assert t.loc["rehabilitation", "total_to_pay"] == 1_000_000
    assert "pension" in t.loc["rehabilitation", "notes"]
    # ¥53,334 a month is beyond a ¥140,000 pension
    assert not t.loc["voluntary_arrangement", "available"]
    assert "2033-09-01" in t.loc["limitation", "notes"]  # JHF: 10 years assumed


def test_compare_paths_limitation_available_when_old():
    old = {**SAITAMA, "sale_date": date(2016, 3, 1)}
    t = _by_path(compare_paths(old, as_of=AS_OF))
    assert t.loc["limitation", "available"]
    assert t.loc["limitation", "total_to_pay"] == 0
    assert "援用" in t.loc["limitation", "notes"]
    # a payment plan still running keeps restarting the clock
    paying = {**old, "resolution": "分割", "agreement_date": date(2016, 9, 1)}
    assert not _by_path(compare_paths(paying, as_of=AS_OF)).loc["limitation", "available"]


def test_compare_paths_uses_a_given_limitation():
    r = limitation_date(contract_date=date(2012, 4, 1), subrogated_on=date(2019, 7, 31))
    before = _by_path(compare_paths(SAITAMA, as_of=date(2024, 7, 31), limitation=r))
    after = _by_path(compare_paths(SAITAMA, as_of=date(2024, 8, 1), limitation=r))
    assert not before.loc["limitation", "available"]
    assert after.loc["limitation", "available"]


def test_compare_paths_over_50m_and_unemployed():
    big = _by_path(compare_paths({"residual_debt": 60_000_000}, as_of=AS_OF))
    assert not big.loc["rehabilitation", "available"]
    assert pd.isna(big.loc["rehabilitation", "total_to_pay"])
    assert "¥50,000,000" in big.loc["rehabilitation", "notes"]
    jobless = _by_path(compare_paths({**SAITAMA, "employment": "無職"}, as_of=AS_OF))
    assert not jobless.loc["rehabilitation", "available"]


def test_compare_paths_budget_sets_the_shortest_term():
    case = {"residual_debt": 1_800_000, "creditor": "○○銀行"}
    t36 = _by_path(compare_paths(case, monthly_budget=50_000, as_of=AS_OF))
    assert t36.loc["voluntary_arrangement", "months"] == 36
    assert t36.loc["voluntary_arrangement", "monthly"] == 50_000
    t45 = _by_path(compare_paths(case, monthly_budget=40_000, as_of=AS_OF))
    assert t45.loc["voluntary_arrangement", "months"] == 45
    assert t45.loc["voluntary_arrangement", "available"]


def test_compare_paths_needs_a_residual_and_is_deterministic():
    with pytest.raises(CaseError, match="residual_debt"):
        compare_paths({"creditor": "○○銀行"}, as_of=AS_OF)
    a = compare_paths(SAKAI, monthly_budget=10_000, as_of=AS_OF)
    b = compare_paths(pd.Series(SAKAI), monthly_budget=10_000, as_of=AS_OF)
    pd.testing.assert_frame_equal(a, b)


class _RecordingModel:
    """A fitted-model double: fixed predictions, records the frames it is given."""

    def __init__(self, value, quantiles):
        self.value, self.quantiles, self.seen = value, quantiles, []

    def predict(self, cases):
        self.seen.append(cases)
        return np.full(len(cases), self.value)

    def predict_quantiles(self, cases, quantiles):
        return np.array([[self.quantiles[q] for q in quantiles]] * len(cases))


def test_compare_paths_uses_the_models():
    ratio = _RecordingModel(0.03, {0.1: 0.01, 0.9: 0.08})
    monthly = _RecordingModel(12_345.4, {0.1: 8_000, 0.9: 20_000})
    t = _by_path(compare_paths(SAITAMA, ratio_model=ratio, monthly_model=monthly, as_of=AS_OF))
    assert t.loc["lump_sum", "total_to_pay"] == 174_000  # 3% of ¥5.8M
    assert "model" in t.loc["lump_sum", "notes"] and "1.0%–8.0%" in t.loc["lump_sum", "notes"]
    assert t.loc["installment", "monthly"] == 12_345
    assert "¥8,000–¥20,000" in t.loc["installment", "notes"]
    # the models were asked about this case, as a clean one-row frame, per path
    assert ratio.seen[0]["resolution"].tolist() == ["lump_sum"]
    assert monthly.seen[0]["resolution"].tolist() == ["installment"]
    assert list(ratio.seen[0].columns) == list(CASE_COLUMNS)
    assert ratio.seen[0]["residual_debt"].iloc[0] == 5_800_000


def test_public_names():
    assert outcomes.compare_paths is compare_paths
    assert outcomes.rehabilitation_minimum is rehabilitation_minimum
    assert outcomes.limitation_date is limitation_date
    assert outcomes.default_interest is default_interest
