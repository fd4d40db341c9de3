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
