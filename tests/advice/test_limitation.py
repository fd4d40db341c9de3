"""The 時効援用 row of the ways out: the period follows the claim's originator, a court
settlement sends the clock back, and the period text agrees with the dates.

Review rows of ``shared/reviews/ways-out-review.md`` (A2, A3, A5, A6, A7, L11); each test cites
its statute or case. Moved from ``test_issue20.py`` (issue 24).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from outcomes._advice import (
    compare_paths,
)
from outcomes._law import limitation_date

AS_OF = date(2024, 6, 1)


def _row(table: pd.DataFrame, path: str) -> pd.Series:
    return table.set_index("path").loc[path]


EMPLOYEE = {
    "residual_debt": 5_800_000,
    "employment": "会社員",
    "monthly_income": 250_000,
    "creditor": "○○銀行",
    "servicer": "SMBC債権回収",
    "sale_date": date(2016, 3, 1),
}


# --------------------------------------------------------------------------
# 1. The limitation follows the originator (A2), not whoever holds the claim now
# --------------------------------------------------------------------------


def test_the_buyer_recorded_as_creditor_does_not_decide_the_period():
    """A2: assignment keeps the claim's period (民法 §466; domain.md): with a servicer recorded
    as the creditor the originator is unknown, so both dates, and never 援用 on the 5-year guess.

    The review's call: SMBC債権回収株式会社, contract 2005, sale 2018-03-01, as of 2024-06-01.
    """
    case = {
        "residual_debt": 5_800_000,
        "employment": "会社員",
        "monthly_income": 250_000,
        "sale_date": date(2018, 3, 1),
        "creditor": "SMBC債権回収株式会社",
    }
    kwargs = {"servicer_role": "bought", "contract_date": date(2005, 4, 1), "as_of": AS_OF}
    row = _row(compare_paths(case, **kwargs), "limitation")
    assert row["available"] is not True and pd.isna(row["available"])  # 不明, not 可
    assert "5 years (a merchant originator" not in row["notes"]
    assert "2023-03-01 with 5 years, 2028-03-01 with 10" in row["notes"]
    assert "is a servicer, not the lender" in row["notes"]
    assert "サービサー" in row["notes_ja"] and "元の貸主ではありません" in row["notes_ja"]
    # an analyst who knows the originator gets the firm answer
    shinkin = _row(compare_paths(case, originator="○○信用金庫", **kwargs), "limitation")
    assert shinkin["available"] is False or not shinkin["available"]  # 10 years: 2028
    assert "10 years (neither party a merchant" in shinkin["notes"]  # §4 of the 4th review
    bank = _row(compare_paths(case, originator="bank", **kwargs), "limitation")
    assert bool(bank["available"]) and "complete since 2023-03-02" in bank["notes"]


# --------------------------------------------------------------------------
# 2. A court settlement sends the clock back (L11, A7), and the period text (A3, A6)
# --------------------------------------------------------------------------


def test_a_court_settlement_is_not_shown_as_ten_years_from_it():
    """A7/L11: 民法 §147(2), §169(2): a court settlement's instalments run the claim's own
    period from their own due dates; a default_date after it is the day the benefit of time
    under it was lost."""
    kwargs = {"judgment": "court_settlement", "judgment_date": date(2017, 5, 1), "as_of": AS_OF}
    row = _row(compare_paths(EMPLOYEE, **kwargs), "limitation")
    assert "2027-05-01" not in row["notes"]  # not the 10-year date as the completion
    assert "§169(2)" in row["notes"] and "169条2項" in row["notes_ja"]
    assert pd.isna(row["available"])  # the due date decides: not known
    lost = _row(compare_paths(EMPLOYEE, default_date=date(2018, 6, 30), **kwargs), "limitation")
    assert "completes at the end of 2023-06-30" not in lost["notes"]  # 5 years from 2018-06-30
    assert "complete since 2023-07-01" in lost["notes"]
    assert bool(lost["available"])
    assert "10 years from it (to 2027-05-01)" in lost["notes"]  # a part due at it, if any


def test_the_period_text_agrees_with_the_judgment_date():
    """A6: 民法 §169(1): a judgment gives 10 years; the row must not say 5 (a merchant) beside it."""
    row = _row(
        compare_paths(EMPLOYEE, judgment="judgment", judgment_date=date(2017, 5, 1), as_of=AS_OF),
        "limitation",
    )
    assert "2027-05-01" in row["notes"]
    assert "5年(" not in row["notes_ja"] and "5 years (" not in row["notes"]
    assert "判決の確定から10年(民法169条1項)" in row["notes_ja"]


@pytest.mark.parametrize("title", ["judgment", "payment_order", "court_settlement"])
def test_a_title_without_its_date_is_never_called_complete(title):
    """A6/A7: 民法 §169: a title gives 10 years from it (a settlement's instalments their own
    period from their due dates); without its date the limitation cannot be called complete."""
    case = {**EMPLOYEE, "servicer": None}
    row = _row(compare_paths(case, judgment=title, as_of=AS_OF), "limitation")
    assert pd.isna(row["available"])
    assert "日付がありません" in row["notes_ja"]


def test_a_contract_under_the_new_civil_code_has_a_known_period():
    """A3: 民法 §166(1): contracts from 2020-04-01 run 5 years whatever the creditor."""
    case = {
        "residual_debt": 5_800_000,
        "creditor": "住宅金融支援機構",
        "sale_date": date(2023, 3, 1),
    }
    row = _row(
        compare_paths(case, contract_date=date(2020, 6, 1), as_of=date(2028, 6, 1)), "limitation"
    )
    assert "期間は不明" not in row["notes_ja"] and "period not known" not in row["notes"]
    assert "民法166条1項1号" in row["notes_ja"]
    assert bool(row["available"])


def test_a_payment_after_completion_sends_to_a_lawyer():
    """A5: 大阪高判平成27年3月6日 allowed 援用 after a payment the collector induced; the row
    says so instead of "can no longer be invoked"."""
    r = limitation_date(
        contract_date=date(2008, 1, 1),
        subrogated_on=date(2015, 3, 1),
        creditor_is_merchant=True,
        acknowledged_on=[date(2022, 1, 10)],
    )
    row = _row(compare_paths(EMPLOYEE, limitation=r, as_of=AS_OF), "limitation")
    assert "大阪高判平成27年3月6日" in row["notes_ja"] and "弁護士" in row["notes_ja"]
    assert "2022-01-10" in row["notes"]
    complete = _row(compare_paths(EMPLOYEE, as_of=AS_OF), "limitation")
    assert "認められた例があります" in complete["notes_ja"]  # the note before paying, too


# --------------------------------------------------------------------------
# 3. Issue 25: 代位弁済 after the sale (N1), the debtor's side of 商行為 (N4–N6), the
#    wording of the row (N9, N10, N23, §4)
# --------------------------------------------------------------------------


def _complete(row: pd.Series) -> bool:
    """Whether a row says 可 (True, not NA)."""
    return not pd.isna(row["available"]) and bool(row["available"])


# the review's N1 call: the bank sold on 2019-01-10, the guarantee company paid on 2019-06-01
SUBROGATED_AFTER_SALE = {
    "residual_debt": 4_000_000,
    "creditor": "○○保証株式会社",
    "employment": "会社員",
    "monthly_income": 250_000,
    "sale_date": "2019-01-10",
}


def test_a_subrogation_after_the_sale_starts_a_new_claims_clock():
    """N1: 最判昭和60年2月12日: the 求償権 is a new claim born of the 代位弁済, its limitation runs
    from then; the sale (which paid the bank's claim) did not acknowledge it. Complete at the
    end of 2024-06-01, not from 2024-01-11."""
    kwargs = {"default_date": "2019-06-01", "contract_date": "2008-04-01"}
    before = _row(
        compare_paths(SUBROGATED_AFTER_SALE, as_of=date(2024, 3, 1), **kwargs), "limitation"
    )
    assert before["available"] is False or not before["available"]
    assert "2024-06-01" in before["notes"] and "最判昭和60年2月12日" in before["notes_ja"]
    assert "最判昭和60年2月12日" in before["sources_ja"]
    after = _row(
        compare_paths(SUBROGATED_AFTER_SALE, as_of=date(2024, 6, 2), **kwargs), "limitation"
    )
    assert _complete(after)


def test_a_subrogation_after_the_sale_runs_ten_years_for_a_non_profit_guarantor():
    """N1b: the same with しんきん保証基金 (10 years, 旧民法167条1項): 2031-05-01, not 2031-03-01."""
    case = {**SUBROGATED_AFTER_SALE, "creditor": "しんきん保証基金", "sale_date": "2021-03-01"}
    kwargs = {"default_date": "2021-05-01", "contract_date": "2015-06-01"}
    row = _row(compare_paths(case, as_of=date(2031, 3, 15), **kwargs), "limitation")
    assert row["available"] is False or not row["available"]
    assert "2031-05-01" in row["notes"]


CREDIT_GUARANTEE = {  # the review's N4 call: a 信用保証協会's 求償権
    "residual_debt": 6_000_000,
    "creditor": "東京信用保証協会",
    "employment": "自営業",
    "monthly_income": 300_000,
    "sale_date": "2016-03-01",
}


def test_a_credit_guarantee_corporations_claim_is_not_a_settled_ten_years():
    """N4: 商法3条1項 (an act commercial for either party), 最判昭和42年10月6日: a 信用保証協会
    guarantees business loans, and its 求償権 against a merchant debtor runs 5 years. Told
    nothing, both dates (不明); told the debtor borrowed as a merchant, 5 years: complete."""
    unknown = _row(
        compare_paths(CREDIT_GUARANTEE, contract_date="2010-04-01", as_of=AS_OF), "limitation"
    )
    assert pd.isna(unknown["available"])
    assert "2021-03-01" in unknown["notes"] and "2026-03-01" in unknown["notes"]
    assert (
        "債務者が商人として" in unknown["notes_ja"] and "最判昭和42年10月6日" in unknown["notes_ja"]
    )
    told = {**CREDIT_GUARANTEE, "debtor_is_merchant": "あり"}
    merchant = _row(compare_paths(told, contract_date="2010-04-01", as_of=AS_OF), "limitation")
    assert _complete(merchant)


def test_a_salaried_debtor_today_does_not_settle_a_credit_guarantee_claim():
    """N5: the period turns on whether the borrower was in business when the 信用保証協会
    guaranteed the loan (最判昭和42年10月6日), not on today's job: both dates."""
    case = {**CREDIT_GUARANTEE, "employment": "会社員"}
    row = _row(compare_paths(case, contract_date="2010-04-01", as_of=AS_OF), "limitation")
    assert pd.isna(row["available"]) and "period not known" in row["notes"]


def test_a_self_employed_debtor_may_be_a_merchant():
    """N6: 商法503条2項 presumes a merchant's borrowing is for the business; a home loan's
    purpose may rebut it: a 信用金庫 loan to a 自営業 debtor gets both dates, not a silent 10."""
    case = {**CREDIT_GUARANTEE, "creditor": "○○信用金庫"}
    row = _row(compare_paths(case, contract_date="2010-04-01", as_of=AS_OF), "limitation")
    assert pd.isna(row["available"]) and "borrowed as a merchant" in row["notes"]
    told = _row(
        compare_paths(
            {**case, "debtor_is_merchant": False}, contract_date="2010-04-01", as_of=AS_OF
        ),
        "limitation",
    )
    assert told["available"] is False or not told["available"]
    assert "10年(債権者・債務者とも商人でない場合" in told["notes_ja"]  # §4 of the review


def test_the_complete_note_names_a_settlement_proposal_among_what_forfeits_it():
    """N9 (最判昭和41年4月20日): asking for a reduction or a settlement after completion forfeits
    the 援用 as a rule, as paying or asking for time does."""
    row = _row(compare_paths(EMPLOYEE, as_of=AS_OF), "limitation")
    assert _complete(row)
    assert "猶予・減額・和解を申し入れたりすると" in row["notes_ja"]
    assert "a reduction or a settlement" in row["notes"]


def test_a_payment_order_is_never_said_to_come_by_public_notice():
    """N10: 民事訴訟法382条ただし書: a 支払督促 cannot be served by 公示送達; a judgment can."""
    row = _row(compare_paths(EMPLOYEE, as_of=AS_OF), "limitation")
    assert "公示送達によることが多い" not in row["notes_ja"]
    assert "382条ただし書" in row["notes_ja"] and "often served by 公示送達" not in row["notes"]


def test_a_payment_order_without_its_date_is_not_ten_years_flat():
    """N23: 民事訴訟法388条2項・3項: an unserved 支払督促 has no effect, and one deemed withdrawn
    only postpones completion 6 months (民法147条1項); the row asks, it does not say 10 years."""
    row = _row(compare_paths(EMPLOYEE, judgment="payment_order", as_of=AS_OF), "limitation")
    assert pd.isna(row["available"])
    assert (
        "388条2項" in row["notes_ja"]
        and "その時から10年です。日付が必要です" not in row["notes_ja"]
    )


def test_an_originator_code_is_named_in_japanese():
    """§4 of the review: 「期間は元の債権者(bank)で判断しています」 leaks a code into the Japanese."""
    case = {**EMPLOYEE, "creditor": "アルファ債権回収株式会社", "servicer": None}
    row = _row(compare_paths(case, originator="bank", as_of=AS_OF), "limitation")
    assert "元の債権者(銀行)" in row["notes_ja"] and "(bank)" not in row["notes_ja"]


def test_an_agricultural_credit_fund_is_a_non_profit_guarantor():
    """N7: a 農業信用基金協会 (like the 保証基金 the code knew) is no merchant: against a salaried
    debtor its 求償権 runs 10 years (旧民法167条1項), not complete in 2024."""
    case = {**CREDIT_GUARANTEE, "creditor": "○○県農業信用基金協会", "employment": "会社員"}
    row = _row(compare_paths(case, contract_date="2010-04-01", as_of=AS_OF), "limitation")
    assert not pd.isna(row["available"]) and not row["available"]
    assert "2026-03-01" in row["notes"]


def test_the_running_note_says_a_settlement_proposal_restarts_the_clock():
    """N9, before completion (民法152条1項): a request for a reduction or a settlement is an
    acknowledgement and restarts the clock, as a payment does."""
    case = {**EMPLOYEE, "sale_date": date(2023, 3, 1)}
    row = _row(compare_paths(case, as_of=AS_OF), "limitation")
    assert (
        "猶予・減額・和解の申入れ" in row["notes_ja"]
        and "a reduction or a settlement" in row["notes"]
    )
