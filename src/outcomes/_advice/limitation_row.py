"""The 時効援用 row of the ways out: when the limitation completes, and what the estimate rests on.

:func:`limitation_row` reads one :class:`~outcomes._advice.situation.Situation`
and returns the row of :mod:`~outcomes._advice.ways_out`'s 時効援用 record. The
dates come from :func:`outcomes._law.limitation_date` (the case's own
:class:`~outcomes._law.LimitationResult` when the analyst gives one, else an
estimate from the sale); the sentences from :mod:`~outcomes._advice.notes`.

What the row holds to (``shared/spec/domain.md``; the review of issue 20):

- the period belongs to the claim as it was born: a servicer recorded as the
  creditor is not its originator (an assignment keeps the period), so without
  the ``originator`` the period is unknown and both dates are given;
- ``available`` is True only when the limitation is complete on every reading
  of the facts, NA (不明) when it is complete on one (the 5 years) and not on
  the other, False when it is not complete on any; "complete" never advises
  援用 on a guess, and always carries the judgment / 支払督促 caveat unless no
  judgment was confirmed;
- a court settlement sends the clock back to the settlement (民法 §147(2)), and
  its instalments run the claim's own period from their own due dates (§169(2));
- a title (債務名義) lets the creditor seize wages (¼ of take-home pay) and
  deposits (民事執行法 §152), while a public pension itself cannot be seized
  (国民年金法 §24, 厚生年金保険法 §41(1)).

Every date is an internal estimate; whether a limitation holds is a legal
assessment for a 弁護士 (弁護士法 §72).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pandas as pd

from outcomes._advice.case import first_value
from outcomes._advice.notes import JUDGMENT_WORDS, LIMITATION_FACT_JA, path_note
from outcomes._advice.situation import Note, Row, Situation
from outcomes._errors import CaseError
from outcomes._law import (
    NEW_CIVIL_CODE,
    creditor_is_servicer,
    limitation_complete,
    limitation_date,
    originator_is_merchant,
    period_end,
)

__all__ = ["LIMITATION_COSTS", "limitation_row"]

#: a professional's fee for the 援用 letter, the usual extra cost (marketing pages, L)
LIMITATION_COSTS = 30_000

#: the titles (債務名義) a case may record, beside "none"
_TITLES = ("judgment", "payment_order", "court_settlement")

_STATUTES = "民法 §§145, 147, 150, 152, 166, 169 and old 商法 §522 (H)"
_LAWYER_FEES = "lawyers' fees: marketing pages (L)"
_ENFORCEMENT = "民事執行法 §§152, 153, 国民年金法 §24, 厚生年金保険法 §41 (H)"
_LATE_ACK = (
    "payment after completion: 最判昭和41年4月20日, 大阪高判平成27年3月6日 "
    "(nishikawa-law.com/?p=377) (M)"
)

_n = path_note


def limitation_row(s: Situation) -> Row:
    """The 時効援用 row of one case (see the module notes)."""
    notes: list[Note] = []
    sources = [_STATUTES]
    today = s.today
    judged_on = s.judgment_date if s.judgment in _TITLES else None
    settlement = s.judgment == "court_settlement" and judged_on is not None
    result = s.limitation
    if result is None:
        sale = first_value(s.frame, "sale_date")
        agreed = first_value(s.frame, "agreement_date")
        if sale is None and agreed is None:
            notes.append(_n("lim_no_sale"))
            return {
                "available": False, "total_to_pay": 0, "monthly": 0, "months": pd.NA,
                "notes": notes, "sources": sources,
            }  # fmt: skip
        anchor = (sale if sale is not None else agreed).date()
        if s.originator is not None:
            merchant = originator_is_merchant(s.originator_type, s.originator)
        else:
            merchant = originator_is_merchant(s.creditor_type, s.creditor)
        # after a court settlement, a default_date later than it is the day the benefit of
        # time under the settlement was lost: the instalments' clock starts there (§169(2))
        due_on = None
        default = s.default_date
        if settlement and default is not None and default > judged_on:
            due_on, default = default, None
        start = default if default is not None and default < anchor else None
        acks = [anchor] if start is not None else []
        if agreed is not None and sale is not None:
            acks.append(agreed.date())
        paying = first_value(s.frame, "resolution") == "installment"
        if paying:
            acks.append(today)  # payments assumed to continue up to as_of
        if start is None and judged_on is not None and judged_on < anchor:
            start, acks = judged_on, [*acks, anchor]  # the sale's proceeds acknowledge
        try:
            result = limitation_date(
                contract_date=s.contract_date,
                claimable_from=start or anchor,
                creditor_is_merchant=merchant,
                acknowledged_on=acks,
                lawsuit_filed_on=judged_on,
                judgment_on=judged_on,
                not_due_at_judgment=settlement,
                due_on=due_on,
            )
        except CaseError as exc:
            raise CaseError(f"judgment_date: {exc}") from None
        both = agreed is not None and sale is not None
        notes.append(
            _n(
                "lim_estimated",
                agreed=_n("lim_and_agreed") if both else ("", ""),
                period=_period_note(s, result.period_known, result.period_years, settlement),
            )
        )
        if s.originator is not None:
            notes.append(_n("lim_originator", originator=s.originator))
        elif creditor_is_servicer(s.creditor):
            notes.append(_n("lim_servicer_creditor", creditor=s.creditor))
        if paying:
            notes.append(_n("lim_paying"))

    available: Any
    complete = limitation_complete(result, today)
    early_done = (
        not result.period_known
        and result.earliest_completes_on is not None
        and today > result.earliest_completes_on
    )
    if result.completes_on is None and result.not_before is not None:
        # a court settlement's instalments whose due date is not known
        available = False if today <= result.not_before else pd.NA
        notes.append(_n("lim_settlement_due_unknown", not_before=result.not_before))
    elif result.completes_on is None:
        available = False
        notes.append(_n("lim_pending"))
    elif complete:
        available = True
        notes.append(_n("lim_complete", since=result.completes_on + timedelta(days=1)))
        sources.append(_LATE_ACK)
    else:
        available = pd.NA if early_done else False
        notes.append(_n("lim_not_yet", until=result.completes_on))
        notes.append(_n("meanwhile", interest=s.interest_note))
    if available is True and s.limitation is None and s.judgment in _TITLES and judged_on is None:
        available = pd.NA  # a title without its date: its 10 years may not have run (§169)
    if not result.period_known and result.earliest_completes_on is not None:
        notes.append(
            _n(
                "lim_unknown_period",
                early=result.earliest_completes_on,
                late=result.completes_on,
                fact=(LIMITATION_FACT_JA, result.deciding_fact),
                only=_n("lim_only_5") if early_done and not complete else ("", ""),
            )
        )
    if settlement and result.completes_on is not None:
        notes.append(_n("lim_settlement_due_part", ten=period_end(judged_on, years=10)))
    if result.acknowledged_after_completion is not None:
        notes.append(_n("lim_ack_after", day=result.acknowledged_after_completion))
        sources.append(_LATE_ACK)
    if s.judgment == "none":
        notes.append(_n("lim_no_judgment"))
    elif s.judgment is None:
        notes.append(_n("lim_judgment_unknown"))
    elif judged_on is None and s.judgment == "court_settlement":
        notes.append(_n("lim_settlement_no_date"))
    elif judged_on is None:
        notes.append(_n("lim_judgment_no_date", what=JUDGMENT_WORDS[s.judgment]))
    if s.judgment in _TITLES:
        notes.append(_n("lim_title", what=JUDGMENT_WORDS[s.judgment], target=_seizable(s)))
        sources.append(_ENFORCEMENT)
    if s.employment == "pensioner":
        notes.append(_n("lim_pension"))
        sources.append(_ENFORCEMENT)
    notes.append(_n("lim_costs"))
    sources.append(_LAWYER_FEES)
    return {
        "available": available,
        "total_to_pay": 0,
        "monthly": 0,
        "months": pd.NA,
        "notes": notes,
        "sources": sources,
    }


def _period_note(s: Situation, known: bool, years: int, settlement: bool) -> Note:
    """The period the estimate uses, in words: it never contradicts the dates shown beside it."""
    if settlement:
        return _n("lim_period_settlement")
    if s.judgment in _TITLES and s.judgment_date is not None:
        return _n("lim_period_judgment", what=JUDGMENT_WORDS[s.judgment])
    if s.contract_date is not None and s.contract_date >= NEW_CIVIL_CODE:
        return _n("lim_period_new")
    if not known:
        return _n("lim_period_unknown")
    return _n("lim_period_5" if years == 5 else "lim_period_10")


def _seizable(s: Situation) -> Note:
    """What a title lets the creditor seize from this household, in words."""
    if s.employment == "pensioner":
        return _n("seize_pension")
    if s.employment in ("self_employed", "unemployed"):
        return _n("seize_assets")
    return _n("seize_wages")
