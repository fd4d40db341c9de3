"""消滅時効 as issue 20's review found it: court settlements (L11), servicers (A2), payments
after completion (A5), and the reasons as codes (issue 24).

Rows of ``shared/reviews/ways-out-review.md``; each test cites its statute or case. Moved
from ``test_issue20_law.py`` (issue 24).
"""

from __future__ import annotations

from datetime import date

import pytest

from outcomes._errors import CaseError
from outcomes._law import (
    LIMITATION_REASONS,
    creditor_is_servicer,
    limitation_complete,
    limitation_date,
    originator_is_merchant,
    say_reason,
)
from outcomes._messages import Message, check_catalogue

# the review's L11 call: a guarantee company's claim, sued, settled in court on parts not yet due
SETTLED = {
    "contract_date": date(2008, 1, 1),
    "subrogated_on": date(2015, 3, 1),
    "creditor_is_merchant": True,
    "lawsuit_filed_on": date(2016, 1, 10),
    "judgment_on": date(2016, 4, 1),
    "not_due_at_judgment": True,
}


def test_a_court_settlement_restarts_the_clock_for_parts_not_yet_due():
    """L11: 民法 §147(2) (the limitation runs anew from the settlement), §169(2), §166(1).

    Parts not yet due at a court settlement run their own period from their own due
    dates, never from before the settlement: the pre-suit end (2020-03-01) cannot be
    the answer, and four years after the settlement nothing can be called complete.
    """
    r = limitation_date(**SETTLED)
    assert r.completes_on != date(2020, 3, 1)
    assert not limitation_complete(r, date(2024, 6, 1))
    assert r.completes_on is None  # the due date is not known
    assert r.not_before == date(2021, 4, 1)  # 5 years from the settlement at the earliest
    assert any("§169(2)" in line for line in r.basis)


def test_parts_fall_due_after_the_settlement_and_run_from_then():
    """L11: §169(2), §166(1): the benefit of time lost under the settlement on 2019-01-10 → 5 years."""
    r = limitation_date(**SETTLED, due_on=date(2019, 1, 10))
    assert r.completes_on == date(2024, 1, 10)
    assert r.period_years == 5
    assert limitation_complete(r, date(2024, 6, 1))
    # a payment after they fell due restarts their own period (§152), not 10 years
    paid = limitation_date(**SETTLED, due_on=date(2019, 1, 10), acknowledged_on=[date(2021, 5, 6)])
    assert paid.completes_on == date(2026, 5, 6)
    with pytest.raises(CaseError, match="not after judgment_on"):
        limitation_date(**SETTLED, due_on=date(2016, 4, 1))
    with pytest.raises(CaseError, match="due_on"):
        limitation_date(
            contract_date=date(2008, 1, 1), claimable_from=date(2015, 3, 1), due_on=date(2019, 1, 1)
        )


def test_unknown_merchant_status_gives_the_earliest_day_of_either_period():
    """L11 with the originator unknown: 5 or 10 years, both from the due dates (§169(2))."""
    kwargs = {**SETTLED, "creditor_is_merchant": None}
    r = limitation_date(**kwargs)
    assert r.completes_on is None and r.not_before == date(2021, 4, 1)
    assert not r.period_known
    dated = limitation_date(**kwargs, due_on=date(2019, 1, 10))
    assert (dated.earliest_completes_on, dated.completes_on) == (
        date(2024, 1, 10),
        date(2029, 1, 10),
    )


def test_a_servicer_is_not_the_originator():
    """A2: an assignment keeps the claim and its period (民法 §466; domain.md); the buyer's
    株式会社 says nothing about it, so a servicer creditor leaves the period unknown."""
    assert originator_is_merchant("other", "SMBC債権回収株式会社") is None
    assert originator_is_merchant("other", "住宅債権管理回収機構") is None  # in the registry
    assert originator_is_merchant("other", "株式会社アプラス") is True  # a lender
    assert creditor_is_servicer("ｱﾋﾞﾘｵ債権回収㈱") and not creditor_is_servicer("○○銀行")


def test_a_payment_after_completion_is_flagged_not_called_final():
    """A5: 最判昭和41年4月20日 is a rule of 信義則 with exceptions: 大阪高判平成27年3月6日 allowed
    援用 after a payment the collector induced; the result records the day for a 弁護士."""
    r = limitation_date(
        contract_date=date(2008, 1, 1),
        subrogated_on=date(2015, 3, 1),
        creditor_is_merchant=True,
        acknowledged_on=[date(2022, 1, 10)],
    )
    assert r.acknowledged_after_completion == date(2022, 1, 10)
    late = next(line for line in r.basis if "after the limitation completed" in line)
    assert "大阪高判平成27年3月6日" in late and "弁護士" in late
    assert "can no longer be invoked (最判" not in late  # no flat "the defence is gone"
    on_time = limitation_date(
        contract_date=date(2008, 1, 1),
        subrogated_on=date(2015, 3, 1),
        creditor_is_merchant=True,
        acknowledged_on=[date(2019, 1, 10)],
    )
    assert on_time.acknowledged_after_completion is None


def test_every_reason_is_a_code_with_both_languages():
    """Issue 24 (architecture review §5.2): the reasons of a limitation date are codes, their
    sentences one catalogue entry each in Japanese and English; ``basis`` stays the English."""
    r = limitation_date(**{**SETTLED, "creditor_is_merchant": None})
    assert all(isinstance(m, Message) and m.code in LIMITATION_REASONS for m in r.reasons)
    check_catalogue(LIMITATION_REASONS)
    assert r.basis == r.explain("en") == tuple(say_reason(m, "en") for m in r.reasons)
    ja = r.explain("ja")
    assert len(ja) == len(r.basis) and not any("merchant" in line for line in ja)
    assert "169条2項" in " ".join(ja)
    assert r.deciding is not None and "商人" in say_reason(r.deciding, "ja")
    assert "merchant" in r.deciding_fact


def test_the_debtors_merchant_status_decides_the_period_too():
    """N4 law: 商法3条1項 (commercial for either party), 最判昭和42年10月6日: a non-merchant
    originator and a debtor who may have borrowed for a business give both dates."""
    kwargs = {"contract_date": date(2010, 4, 1), "claimable_from": date(2016, 3, 1)}
    r = limitation_date(**kwargs, creditor_is_merchant=False, debtor_is_merchant=None)
    assert (r.earliest_completes_on, r.completes_on) == (date(2021, 3, 1), date(2026, 3, 1))
    assert "debtor borrowed as a merchant" in r.deciding_fact
    assert (
        limitation_date(**kwargs, creditor_is_merchant=False, debtor_is_merchant=True).period_years
        == 5
    )
    assert limitation_date(**kwargs, creditor_is_merchant=False).period_years == 10  # default: not
    both = limitation_date(**kwargs, creditor_is_merchant=None, debtor_is_merchant=None)
    assert "or the debtor" in both.deciding_fact


def test_the_new_claim_of_a_subrogation_ignores_the_earlier_sale():
    """N1 law: 最判昭和60年2月12日: 代位弁済 on 2019-06-01 after a sale on 2019-01-10: 5 years from
    the payment, whatever the sale acknowledged."""
    r = limitation_date(
        contract_date=date(2008, 4, 1),
        subrogated_on=date(2019, 6, 1),
        creditor_is_merchant=True,
        acknowledged_on=[date(2019, 1, 10)],
    )
    assert r.completes_on == date(2024, 6, 1)


def test_a_suit_that_ended_without_a_judgment_only_postpones_six_months():
    """N23 law: 民法147条1項: a suit or 支払督促 withdrawn, dismissed or deemed withdrawn
    (民事訴訟法388条3項) suspends completion only to 6 months after its end; it is not pending
    for ever."""
    kwargs = {
        "contract_date": date(2010, 1, 1),
        "claimable_from": date(2016, 1, 10),
        "creditor_is_merchant": True,
        "lawsuit_filed_on": date(2020, 12, 1),
    }
    assert limitation_date(**kwargs).completes_on is None  # pending: suspended
    ended = limitation_date(**kwargs, lawsuit_ended_on=date(2021, 2, 1))
    assert ended.completes_on == date(2021, 8, 1)
    assert any("147条1項" in line for line in ended.explain("ja"))
    with pytest.raises(CaseError, match="lawsuit_ended_on"):
        limitation_date(**{**kwargs, "lawsuit_filed_on": None}, lawsuit_ended_on=date(2021, 2, 1))


def test_only_the_debtors_own_payment_is_an_acknowledgement():
    """N15: a guarantor's or relative's payment does not renew the debtor's limitation (relative
    effect; 民法457条 works only the other way): the docs say whose payment counts."""
    doc = limitation_date.__doc__
    assert "**by the debtor**" in doc and "guarantor or" in doc
