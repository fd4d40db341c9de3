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
    assert "10 years (the originator is not a merchant" in shinkin["notes"]
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
