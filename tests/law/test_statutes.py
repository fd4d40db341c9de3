"""Statute building blocks: 個人再生 minimum, 消滅時効, 遅延損害金 and its caps."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outcomes._arguments import as_count, as_date, as_yen
from outcomes._errors import CaseError, CaseTypeError, OutcomesError, RehabilitationUnavailableError
from outcomes._law import (
    DEFAULT_RATES,
    LimitationResult,
    default_interest,
    default_rate,
    interest_cap,
    limitation_complete,
    limitation_date,
    originator_is_merchant,
    rehabilitation_claims,
    rehabilitation_minimum,
)
from outcomes._law.limitation import _period_end

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
        rehabilitation_minimum(5_800_000.5)  # 5_800_000.0 is whole yen (analyst review N14)
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
        creditor_is_merchant=True,
        claimable_from=date(2019, 5, 10),  # the bank's 期限の利益喪失: replaced by 代位弁済
        subrogated_on=date(2019, 7, 31),
    )
    assert r.completes_on == date(2024, 7, 31)
    assert not limitation_complete(r, date(2024, 7, 31))
    assert limitation_complete(r, date(2024, 8, 1))
    assert "代位弁済" in r.basis[0]


def test_limitation_payment_in_between_restarts_the_clock():
    kwargs = {
        "contract_date": date(2012, 4, 1),
        "creditor_is_merchant": True,
        "subrogated_on": date(2019, 7, 31),
    }
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
        creditor_is_merchant=True,
        subrogated_on=date(2019, 7, 31),
        acknowledged_on=[date(2019, 6, 1)],
    )
    assert r.completes_on == date(2024, 7, 31)
    assert r.restarted_on is None


def test_limitation_payment_after_completion_starts_a_new_period():
    r = limitation_date(
        contract_date=date(2005, 4, 1),
        creditor_is_merchant=True,
        claimable_from=date(2010, 1, 15),
        acknowledged_on=[date(2016, 2, 1)],
    )
    assert r.completes_on == date(2021, 2, 1)
    assert any("最判昭和41年4月20日" in line for line in r.basis)


def test_limitation_judgment_gives_ten_years():
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        creditor_is_merchant=True,
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
        creditor_is_merchant=True,
        subrogated_on=date(2019, 7, 31),
        lawsuit_filed_on=date(2023, 5, 1),
        judgment_on=date(2023, 11, 20),
        acknowledged_on=[date(2025, 1, 10)],
    )
    assert after.completes_on == date(2035, 1, 10)  # 10 years again after the judgment


def test_limitation_pending_lawsuit_suspends_completion():
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        creditor_is_merchant=True,
        subrogated_on=date(2019, 7, 31),
        lawsuit_filed_on=date(2024, 7, 1),
    )
    assert r.completes_on is None
    assert not limitation_complete(r, date(2040, 1, 1))


def test_limitation_lawsuit_after_completion_changes_nothing():
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        creditor_is_merchant=True,
        subrogated_on=date(2019, 7, 31),
        lawsuit_filed_on=date(2024, 9, 1),
    )
    assert r.completes_on == date(2024, 7, 31)
    with pytest.raises(ValueError, match="before lawsuit"):
        limitation_date(
            contract_date=date(2012, 4, 1),
            creditor_is_merchant=True,
            subrogated_on=date(2019, 7, 31),
            lawsuit_filed_on=date(2024, 7, 1),
            judgment_on=date(2024, 6, 1),
        )


def test_limitation_one_demand_adds_six_months_and_a_second_is_ignored():
    kwargs = {
        "contract_date": date(2012, 4, 1),
        "creditor_is_merchant": True,
        "subrogated_on": date(2019, 7, 31),
    }
    one = limitation_date(**kwargs, demands_on=[date(2024, 5, 1)])
    assert one.completes_on == date(2024, 11, 1)
    two = limitation_date(**kwargs, demands_on=[date(2024, 5, 1), date(2024, 10, 1)])
    assert two.completes_on == date(2024, 11, 1)
    assert any("§150(2)" in line for line in two.basis)
    late = limitation_date(**kwargs, demands_on=[date(2024, 5, 1), date(2024, 11, 2)])
    assert late.completes_on == date(2024, 11, 1)  # made after completion


def test_limitation_early_demand_changes_nothing_and_does_not_block_a_later_one():
    kwargs = {
        "contract_date": date(2012, 4, 1),
        "creditor_is_merchant": True,
        "subrogated_on": date(2019, 7, 31),
    }
    early = limitation_date(**kwargs, demands_on=[date(2022, 1, 1)])
    assert early.completes_on == date(2024, 7, 31)
    both = limitation_date(**kwargs, demands_on=[date(2022, 1, 1), date(2024, 6, 15)])
    assert both.completes_on == date(2024, 12, 15)


def test_limitation_payment_after_a_demand_restarts_and_clears_it():
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        creditor_is_merchant=True,
        subrogated_on=date(2019, 7, 31),
        demands_on=[date(2024, 5, 1)],
        acknowledged_on=[date(2024, 6, 1)],
    )
    assert r.completes_on == date(2029, 6, 1)


def test_limitation_accepts_timestamps_and_strings_and_needs_a_start():
    r = limitation_date(
        contract_date="2012-04-01",
        creditor_is_merchant=True,
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
# The argument checkers every one-case function shares
# --------------------------------------------------------------------------


@pytest.mark.parametrize("value", [100000.5, float("inf"), True, None, [1]])  # N14: 1e5 is whole
def test_as_yen_refuses_what_is_not_whole_yen(value):
    with pytest.raises(CaseTypeError, match="cash_available must be whole yen") as info:
        as_yen(value, "cash_available")
    assert isinstance(info.value, OutcomesError) and isinstance(info.value, ValueError)


def test_as_yen_refuses_negative_and_keeps_numpy_integers():
    with pytest.raises(CaseError, match="budget must be 0 or more"):
        as_yen(-1, "budget")
    assert as_yen(np.int64(7), "budget") == 7 and type(as_yen(np.int64(7), "budget")) is int


@pytest.mark.parametrize("value", ["soon", 20260630, 3.5, "2026-02-30"])
def test_as_date_refuses_what_is_not_a_date(value):
    with pytest.raises(CaseTypeError, match="as_of must be a date"):
        as_date(value, "as_of")


def test_as_date_reads_dates_and_empties():
    assert as_date(pd.Timestamp("2026-06-30 15:00"), "x") == date(2026, 6, 30)
    assert as_date(np.datetime64("2026-06-30"), "x") == date(2026, 6, 30)
    assert as_date(pd.NaT, "x") is None and as_date(None, "x") is None


@pytest.mark.parametrize(
    ("value", "error"), [(0, CaseError), (2.5, CaseTypeError), ("5", CaseTypeError)]
)
def test_as_count(value, error):
    with pytest.raises(error, match="k must be"):
        as_count(value, "k")


def test_public_names():
    import outcomes

    assert outcomes.rehabilitation_minimum is rehabilitation_minimum
    assert outcomes.limitation_date is limitation_date
    assert outcomes.default_interest is default_interest
    assert outcomes.LimitationResult is LimitationResult
    assert outcomes.RehabilitationUnavailableError is RehabilitationUnavailableError


# --------------------------------------------------------------------------
# issue 11: the limitation's period, its events, the 個人再生 B, JFC damages
# --------------------------------------------------------------------------


def test_limitation_unknown_merchant_status_gives_both_dates():
    """Old 商法 §522 (5 years between merchants) vs 民法 §167 old (10 years).

    When the originator's merchant status is unknown the period is unknown:
    both days are given and the deciding fact is named (domain.md).
    """
    r = limitation_date(contract_date=date(2008, 9, 1), claimable_from=date(2019, 3, 20))
    assert r.earliest_completes_on == date(2024, 3, 20)
    assert r.completes_on == date(2029, 3, 20)
    assert not r.period_known
    assert "merchant" in r.deciding_fact
    assert not limitation_complete(r, date(2025, 1, 1))  # never "complete" on the 5-year guess


@pytest.mark.parametrize(
    ("creditor_type", "creditor", "merchant"),
    [
        ("shinkin", "○○信用金庫", False),  # 最判昭和63年10月18日
        ("jhf", "公庫", False),  # JHF / 旧公庫 direct loan: not a merchant
        ("jhf", "フラット35", True),  # assigned bank loan keeps 5 years
        ("guarantor", "しんきん保証基金", False),  # non-profit guarantee body
        ("guarantor", "○○保証株式会社", True),  # a guarantee company
        ("other", "○○ファイナンス株式会社", True),  # 株式会社 non-bank lender
        ("bank", "○○銀行", True),
        ("jhf", "住宅金融支援機構", None),
        (None, None, None),
    ],
)
def test_originator_is_merchant_by_creditor_kind(creditor_type, creditor, merchant):
    """Old 商法 §522 and 最判昭和63年10月18日: the period follows the originator's status."""
    assert originator_is_merchant(creditor_type, creditor) is merchant


def test_limitation_pre_2020_demand_follows_old_article_153():
    """Old 民法 §153: a 催告 before 2020-04-01 has no effect unless a suit follows in 6 months."""
    r = limitation_date(
        contract_date=date(2005, 4, 1),
        claimable_from=date(2015, 1, 10),
        creditor_is_merchant=True,
        demands_on=[date(2019, 12, 1)],
    )
    assert r.completes_on == date(2020, 1, 10)
    assert any("§153" in line for line in r.basis)
    followed = limitation_date(
        contract_date=date(2005, 4, 1),
        claimable_from=date(2015, 1, 10),
        creditor_is_merchant=True,
        demands_on=[date(2019, 12, 1)],
        lawsuit_filed_on=date(2020, 3, 1),
    )
    assert followed.completes_on is None  # the suit counts as made in time: pending


def test_limitation_ack_during_a_suit_does_not_say_completed():
    """民法 §147: a suit suspends completion, so nothing had completed when the debtor paid."""
    r = limitation_date(
        contract_date=date(2012, 4, 1),
        creditor_is_merchant=True,
        subrogated_on=date(2019, 7, 31),
        lawsuit_filed_on=date(2024, 7, 1),
        acknowledged_on=[date(2024, 9, 1)],
    )
    assert not any("can no longer be invoked" in line for line in r.basis)
    assert r.completes_on is None


def test_limitation_parts_not_due_at_the_judgment_keep_their_period():
    """民法 §169(2): the 10 years of a judgment do not apply to parts not yet due."""
    kwargs = {
        "contract_date": date(2012, 4, 1),
        "creditor_is_merchant": True,
        "subrogated_on": date(2019, 7, 31),
        "lawsuit_filed_on": date(2023, 5, 1),
        "judgment_on": date(2023, 11, 20),
    }
    assert limitation_date(**kwargs).period_years == 10
    r = limitation_date(**kwargs, not_due_at_judgment=True)
    assert r.period_years == 5
    assert any("§169(2)" in line for line in r.basis)


def test_limitation_refuses_a_judgment_before_the_claim_existed():
    """民法 §169: a judgment confirms an existing claim; one dated before it cannot be."""
    with pytest.raises(CaseError, match="before the claim existed"):
        limitation_date(
            contract_date=date(2012, 4, 1),
            creditor_is_merchant=True,
            subrogated_on=date(2019, 7, 31),
            judgment_on=date(2018, 1, 1),
        )


def test_rehabilitation_claims_include_damages_to_the_opening_order():
    """民事再生法 §84(2), §231: B includes 遅延損害金 up to the opening order.

    ¥5.8M with three years of 14% → about ¥8.24M, minimum about ¥1.65M (domain.md).
    """
    b = rehabilitation_claims(
        5_800_000, rate=0.14, default_date=date(2021, 6, 1), opening_on=date(2024, 5, 31)
    )
    assert 8_230_000 <= b <= 8_240_000
    assert 1_640_000 <= rehabilitation_minimum(b) <= 1_650_000
    no_default = rehabilitation_claims(
        5_800_000, rate=0.14, default_date=None, opening_on=date(2024, 5, 31)
    )
    assert no_default == 5_800_000


def test_jfc_damages_depend_on_the_contract_date():
    """日本政策金融公庫: 14.5% to March 2016, then the national-tax late rate (domain.md, M)."""
    assert default_rate("jfc", date(2016, 3, 31))[0] == 0.145
    assert default_rate("jfc", date(2016, 4, 1))[0] < 0.10
    assert default_rate("bank", date(2018, 1, 1))[0] == 0.14
