"""消滅時効: when the limitation of a claim completes (民法 §§140, 143, 147, 150, 152, 166, 169;
old 商法 §522).

- :func:`limitation_date` → :class:`LimitationResult`: the last day of the period,
  across the 2020 change of the 民法, acknowledgements, demands, suits and judgments;
- :func:`limitation_complete`: whether it can be invoked on a day;
- :func:`originator_is_merchant`: the period's deciding fact, by creditor kind.

Pure functions of the law, no wording of the ways out (that is
:mod:`outcomes._advice.notes`).

Figures marked (H) come from a statute or official text, (M) from one good
secondary source, (L) from marketing pages or anecdotes; see
``shared/spec/domain.md``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from outcomes._arguments import as_date, check_arguments
from outcomes._errors import CaseError
from outcomes._law.wording import say_reason
from outcomes._messages import Message
from outcomes._registry import match_servicer, names_a_servicer

__all__ = [
    "NEW_CIVIL_CODE",
    "LimitationResult",
    "creditor_is_servicer",
    "limitation_complete",
    "limitation_date",
    "originator_is_merchant",
    "period_end",
]


#: contracts made on or after this day follow the 2020 民法 (5 years from knowledge, 10 at most)
NEW_CIVIL_CODE = date(2020, 4, 1)


def _period_end(start_event: date, *, years: int = 0, months: int = 0) -> date:
    """Last day of a period of years/months counted from the day after ``start_event``.

    民法 §140 (初日不算入): the day of the event is not counted; §143: the
    period ends on the day before the day of the last year/month that
    corresponds to the first day counted, or on that month's last day when
    there is no such day. In effect: the same calendar day ``years``/``months``
    later, or the month's last day (2020-08-30 + 6 months → 2021-02-28).
    """
    first = start_event + timedelta(days=1)
    index = first.year * 12 + (first.month - 1) + years * 12 + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    last = calendar.monthrange(year, month)[1]
    if first.day > last:
        return date(year, month, last)
    return date(year, month, first.day) - timedelta(days=1)


def period_end(event: date, *, years: int = 0, months: int = 0) -> date:
    """Last day of a period of ``years``/``months`` counted from the day after ``event``.

    民法 §§140, 143 (初日不算入; the day before the corresponding day, or the
    month's last day).

    Examples
    --------
    >>> period_end(date(2016, 4, 1), years=10), period_end(date(2020, 8, 30), months=6)
    (datetime.date(2026, 4, 1), datetime.date(2021, 2, 28))
    """
    day = as_date(event, "event")
    if day is None:
        raise CaseError("event is required")
    return _period_end(day, years=years, months=months)


@dataclass(frozen=True)
class LimitationResult:
    """When the 消滅時効 of a claim completes; see :func:`limitation_date`.

    Attributes
    ----------
    completes_on : date or None
        The last day of the limitation period. The limitation is complete at
        the end of that day and can be invoked (援用) from the next day.
        ``None`` while a lawsuit or 支払督促 is pending without a judgment
        (completion is suspended until it ends), and after a judgment or
        court settlement on parts not yet due when their due date is not
        known (see ``not_before``).
    period_years : int
        The length of the period now running (5 or 10).
    reasons : tuple of Message
        The reasons, in the order the events happened, as codes with their
        dates (such as ``"ack.restarts"`` with the day and the new end);
        rendered by :meth:`explain` in either language, and in English by
        :attr:`basis`.
    restarted_on : date or None
        The last day the clock restarted (acknowledgement or judgment);
        ``None`` if it never restarted.
    earliest_completes_on : date or None
        When the period is not known (the originator's merchant status is
        unknown): the day the limitation would complete with 5 years;
        ``completes_on`` is then the 10-year day. Equal to ``completes_on``
        when the period is known.
    deciding : Message or None
        None when the period is known; else the fact that decides between
        the two dates (:attr:`deciding_fact` in English words).
    not_before : date or None
        When ``completes_on`` is None because the due date of parts not yet
        due at a judgment or court settlement is not known: the earliest day
        their limitation could complete (their own period counted from the
        judgment); None otherwise.
    acknowledged_after_completion : date or None
        The first acknowledgement (a payment, a request for time) made after
        the limitation had completed, if any: as a rule the completed
        limitation can then no longer be invoked (最判昭和41年4月20日), but
        courts have allowed it where the collector induced the payment
        (大阪高判平成27年3月6日); a question for a 弁護士.
    """

    completes_on: date | None
    period_years: int
    reasons: tuple[Message, ...]
    restarted_on: date | None = None
    earliest_completes_on: date | None = None
    deciding: Message | None = None
    not_before: date | None = None
    acknowledged_after_completion: date | None = None

    @property
    def period_known(self) -> bool:
        """Whether the period (5 or 10 years) is known."""
        return self.deciding is None

    @check_arguments
    def explain(self, language: str = "en") -> tuple[str, ...]:
        """The reasons in plain words, in ``language`` (``"ja"`` or ``"en"``).

        Examples
        --------
        >>> r = limitation_date(contract_date=date(2010, 5, 1), claimable_from=date(2020, 4, 10),
        ...                     creditor_is_merchant=True)
        >>> r.explain("ja")[-1]
        '期間は2025-04-10に終わります'
        """
        return tuple(say_reason(m, language) for m in self.reasons)

    @property
    def basis(self) -> tuple[str, ...]:
        """The reasons in English words (:meth:`explain` for Japanese)."""
        return self.explain("en")

    @property
    def deciding_fact(self) -> str:
        """The fact that decides the period, in English words; empty when it is known."""
        return "" if self.deciding is None else say_reason(self.deciding, "en")


def limitation_date(
    *,
    contract_date: date | None,
    claimable_from: date | None = None,
    creditor_is_merchant: bool | None = None,
    debtor_is_merchant: bool | None = False,
    subrogated_on: date | None = None,
    known_on: date | None = None,
    acknowledged_on: Sequence[date] = (),
    demands_on: Sequence[date] = (),
    lawsuit_filed_on: date | None = None,
    judgment_on: date | None = None,
    not_due_at_judgment: bool = False,
    due_on: date | None = None,
    lawsuit_ended_on: date | None = None,
) -> LimitationResult:
    """When the 消滅時効 (statute of limitations) of a residual debt completes.

    Rules (``shared/spec/domain.md``):

    - **Period.** Contracts made on or after 2020-04-01 (民法 §166): 5 years
      from when the creditor knew it could claim (``known_on``, by default
      ``claimable_from``), 10 years at most from when it could; the earlier
      wins. Older contracts (most residual debts): 5 years when either party is
      a merchant (banks, guarantee companies; old 商法 §522), 10 years
      otherwise (a 信用金庫 or JHF lending to a non-business borrower).
    - **Counting.** The day of the event is not counted (民法 §140,
      初日不算入): a claim that became due on 2020-04-10 runs from 2020-04-11,
      and a 5-year period ends on 2025-04-10 (§143; the month's last day
      when the corresponding day does not exist). The limitation is complete
      at the end of ``completes_on``.
    - **Guarantee company.** Its claim (求償権) arises by 代位弁済: the clock
      runs from the day after ``subrogated_on``, which replaces
      ``claimable_from``.
    - **Acknowledgement** (承認: any partial payment, interest payment or request
      for time) restarts the full period from that day (§152). Made *after*
      completion it still starts a new period, and as a rule the debtor may no
      longer invoke the completed one (信義則, 最判昭和41年4月20日); courts have
      allowed it where the collector induced a small payment to block it
      (大阪高判平成27年3月6日), so the result records the day
      (``acknowledged_after_completion``) for a 弁護士 to weigh.
    - **Lawsuit or 支払督促** filed before completion suspends it while it runs
      (§147(1)); once the right is confirmed by a final judgment or an
      equivalent (a court settlement, 調停, a final 支払督促: ``judgment_on``),
      the limitation runs anew from that day (§147(2)) and its period is **10
      years** (§169(1)); later acknowledgements restart 10 years.
    - **Parts not yet due at the judgment or court settlement**
      (``not_due_at_judgment``: the instalments a court settlement sets, §169(2))
      do not get the 10 years: each runs the claim's own period from its own
      due date (§166(1)), or from the day the debtor lost the benefit of time
      under the settlement (``due_on``), never from before the settlement.
      Without ``due_on`` the day cannot be known: ``completes_on`` is None and
      ``not_before`` the earliest possible day.
    - **Demand** (催告, e.g. a letter): completion cannot happen until 6 months
      after it (§150). It counts only when made before completion and only
      once: a further demand within the six months of a demand that postponed
      completion has no effect (§150(2)). A demand whose six months end
      before completion changes nothing.
    - **A suit or 支払督促 that ended without confirming the right**
      (``lawsuit_ended_on``: withdrawn, dismissed, a 支払督促 deemed withdrawn)
      only postpones completion to 6 months after its end (§147(1)).
    - **Whose acknowledgement.** Only the debtor's own (or an agent's): a
      guarantor's or a relative's payment does not renew the debtor's
      limitation.

    Not modelled (other than said above): seizure and other procedures, 協議を行う旨の合意 (§151), the
    limitation of each instalment of an agreed plan, and the transitional
    rule for events before 2020-04-01 on old contracts (中断 then), which has
    the same effect for the events handled here.

    Parameters
    ----------
    contract_date : date or None
        Date of the loan (or guarantee) contract; decides old or new 民法.
        ``None`` = unknown, treated as before 2020-04-01 (the longer or equal
        period; said in ``basis``).
    claimable_from : date, optional
        The day the creditor could first claim the whole debt (期限の利益喪失).
        Required unless ``subrogated_on`` is given.
    creditor_is_merchant : bool or None, default None
        For old contracts: whether the originator of the claim (the lender,
        or the guarantee company for its 求償権) is a merchant. ``None`` =
        unknown: both days are given (see above).
    debtor_is_merchant : bool or None, default False
        For old contracts: whether the debtor borrowed as a merchant (for a
        business): the act is commercial when it is so for either party (商法
        §3(1)), so 5 years whoever lent (a 信用保証協会's 求償権 against a merchant
        debtor: 最判昭和42年10月6日). ``None`` = unknown (a self-employed
        debtor, a 信用保証協会 claim): both days are given unless the creditor
        is a merchant.
    subrogated_on : date, optional
        Day of the guarantee company's 代位弁済.
    known_on : date, optional
        New contracts only: the day the creditor knew it could claim
        (default: the start day).
    acknowledged_on : sequence of date
        Payments, interest payments, requests for time, signed agreements
        **by the debtor** (or the debtor's agent). A payment by a guarantor or
        a relative without the debtor's say is not the debtor's acknowledgement
        and does not renew the debtor's limitation (relative effect, 民法
        §153(3), §441): leave it out.
    demands_on : sequence of date
        Demands (催告).
    lawsuit_filed_on : date, optional
        Day a lawsuit or 支払督促 was filed.
    judgment_on : date, optional
        Day the judgment (or 支払督促 with 仮執行宣言, or court settlement)
        became final.
    not_due_at_judgment : bool, default False
        The claim was not yet due at the judgment or court settlement (民法
        §169(2)): typically the instalments a 裁判上の和解 sets. Its own period
        (not 10 years) runs from its due date, after the settlement.
    due_on : date, optional
        With ``not_due_at_judgment``: the day the parts fell due — the day the
        debtor lost the benefit of time under the settlement (期限の利益喪失),
        or the due date of the instalment in question. Must be after
        ``judgment_on``.
    lawsuit_ended_on : date, optional
        Day a lawsuit or 支払督促 ended without confirming the right: withdrawn,
        dismissed, or deemed withdrawn (a 支払督促 for which no 仮執行宣言 was
        asked within 30 days of its becoming enforceable, 民事訴訟法 §392; one
        never served has no effect, §388(2)). Completion is then only
        postponed to 6 months after that day (民法 §147(1)); without it a
        filed suit reads as pending.

    Returns
    -------
    LimitationResult

    Raises
    ------
    ValueError
        If neither ``claimable_from`` nor ``subrogated_on`` is given, if
        ``known_on`` is before the start, if ``judgment_on`` is before
        ``lawsuit_filed_on`` or before the claim existed (the start), or if
        ``due_on`` is given without a judgment on parts not yet due, or is
        not after the judgment.

    Examples
    --------
    A bank loan from 2010 that fell due on 2020-04-10, never paid since:

    >>> r = limitation_date(
    ...     contract_date=date(2010, 5, 1),
    ...     claimable_from=date(2020, 4, 10),
    ...     creditor_is_merchant=True,
    ... )
    >>> r.completes_on, r.period_years
    (datetime.date(2025, 4, 10), 5)

    A payment on 2022-01-15 restarts it:

    >>> limitation_date(
    ...     contract_date=date(2010, 5, 1),
    ...     claimable_from=date(2020, 4, 10),
    ...     creditor_is_merchant=True,
    ...     acknowledged_on=[date(2022, 1, 15)],
    ... ).completes_on
    datetime.date(2027, 1, 15)

    When nobody knows whether the lender was a merchant, both days:

    >>> r = limitation_date(contract_date=date(2010, 5, 1), claimable_from=date(2020, 4, 10))
    >>> r.earliest_completes_on, r.completes_on
    (datetime.date(2025, 4, 10), datetime.date(2030, 4, 10))

    A court settlement in 2016 set instalments; the debtor lost the benefit of
    time under it on 2019-01-10: five years from that day, not from before
    the settlement:

    >>> r = limitation_date(contract_date=date(2008, 1, 1), subrogated_on=date(2015, 3, 1),
    ...                     creditor_is_merchant=True, lawsuit_filed_on=date(2016, 1, 10),
    ...                     judgment_on=date(2016, 4, 1), not_due_at_judgment=True,
    ...                     due_on=date(2019, 1, 10))
    >>> r.completes_on
    datetime.date(2024, 1, 10)
    """
    kwargs = {
        "contract_date": contract_date,
        "claimable_from": claimable_from,
        "debtor_is_merchant": debtor_is_merchant,
        "subrogated_on": subrogated_on,
        "known_on": known_on,
        "acknowledged_on": acknowledged_on,
        "demands_on": demands_on,
        "lawsuit_filed_on": lawsuit_filed_on,
        "judgment_on": judgment_on,
        "not_due_at_judgment": not_due_at_judgment,
        "due_on": due_on,
        "lawsuit_ended_on": lawsuit_ended_on,
    }
    kwargs["debtor_is_merchant"] = bool(debtor_is_merchant)
    if (
        creditor_is_merchant
        or debtor_is_merchant
        or (creditor_is_merchant is False and debtor_is_merchant is False)
    ):
        return _limitation(creditor_is_merchant=bool(creditor_is_merchant), **kwargs)
    five = _limitation(creditor_is_merchant=True, **kwargs)
    ten = _limitation(creditor_is_merchant=False, **kwargs)
    if (five.completes_on, five.not_before) == (ten.completes_on, ten.not_before):
        return five  # new 民法, or a judgment: the same either way
    if creditor_is_merchant is None and debtor_is_merchant is None:
        fact = Message("deciding.either")
    elif creditor_is_merchant is None:
        fact = Message("deciding.merchant")
    else:
        fact = Message("deciding.debtor")
    if ten.completes_on is None:
        days = Message("merchant.days_not_before", {"five": five.not_before, "ten": ten.not_before})
    else:
        days = Message("merchant.days", {"five": five.completes_on, "ten": ten.completes_on})
    reasons = (*ten.reasons, Message("merchant.unknown", {"days": days, "fact": fact}))
    return LimitationResult(
        completes_on=ten.completes_on,
        period_years=ten.period_years,
        reasons=reasons,
        restarted_on=ten.restarted_on,
        earliest_completes_on=five.completes_on,
        deciding=fact,
        not_before=five.not_before,
        acknowledged_after_completion=ten.acknowledged_after_completion
        or five.acknowledged_after_completion,
    )


def _limitation(
    *,
    contract_date: date | None,
    claimable_from: date | None,
    creditor_is_merchant: bool,
    debtor_is_merchant: bool,
    subrogated_on: date | None,
    known_on: date | None,
    acknowledged_on: Sequence[date],
    demands_on: Sequence[date],
    lawsuit_filed_on: date | None,
    judgment_on: date | None,
    not_due_at_judgment: bool,
    due_on: date | None,
    lawsuit_ended_on: date | None,
) -> LimitationResult:
    contract = as_date(contract_date, "contract_date")
    claimable = as_date(claimable_from, "claimable_from")
    subrogated = as_date(subrogated_on, "subrogated_on")
    known = as_date(known_on, "known_on")
    filed = as_date(lawsuit_filed_on, "lawsuit_filed_on")
    judged = as_date(judgment_on, "judgment_on")
    due = as_date(due_on, "due_on")
    acks = sorted(d for d in (as_date(x, "acknowledged_on") for x in acknowledged_on) if d)
    demands = sorted(d for d in (as_date(x, "demands_on") for x in demands_on) if d)

    reasons: list[Message] = []
    reason = _Reasons(reasons)
    if subrogated is not None:
        start = subrogated
        reason("start.subrogated", day=subrogated)
    elif claimable is not None:
        start = claimable
        reason("start.claimable", day=claimable)
    else:
        raise CaseError("give claimable_from or subrogated_on")
    ended = as_date(lawsuit_ended_on, "lawsuit_ended_on")
    if ended is not None and (filed is None or judged is not None or ended < filed):
        raise CaseError(
            "lawsuit_ended_on is for a suit that ended without a judgment: give "
            "lawsuit_filed_on on or before it, and no judgment_on"
        )
    if filed is not None and judged is not None and judged < filed:
        raise CaseError(f"judgment_on {judged} is before lawsuit_filed_on {filed}")
    if judged is not None and judged < start:
        raise CaseError(
            f"judgment_on {judged} is before the claim existed (it could be made from {start})"
        )
    if due is not None and (not not_due_at_judgment or judged is None):
        raise CaseError(
            "due_on is for parts not yet due at a judgment: give judgment_on and "
            "not_due_at_judgment=True"
        )
    if due is not None and judged is not None and due <= judged:
        raise CaseError(
            f"due_on {due} is not after judgment_on {judged}: parts due by the judgment are "
            "not 'not yet due'"
        )

    new_law = contract is not None and contract >= NEW_CIVIL_CODE
    if contract is None:
        reason("contract.unknown")
    if new_law:
        knew = known if known is not None else start
        if knew < start:
            raise CaseError(f"known_on {knew} is before the claim could be made ({start})")
        subjective = _period_end(knew, years=5)
        objective = _period_end(start, years=10)
        completes: date | None = min(subjective, objective)
        period = 5 if subjective <= objective else 10
        restart_period = 5
        reason("period.new_law", contract=contract, knew=knew, start=start)
    else:
        merchant = creditor_is_merchant or debtor_is_merchant
        period = 5 if merchant else 10
        restart_period = period
        completes = _period_end(start, years=period)
        if known is not None:
            reason("known_on.ignored")
        when = (
            Message("when.contract", {"contract": contract})
            if contract is not None
            else Message("when.old")
        )
        reason(
            "period.old.merchant" if merchant else "period.old.non_merchant",
            when=when,
            years=period,
        )
    reason("period.ends", day=completes)

    # events in date order; same day: suit, judgment, acknowledgement, demand
    events: list[tuple[date, int, str]] = [(d, 2, "ack") for d in acks]
    events += [(d, 3, "demand") for d in demands]
    if filed is not None:
        events.append((filed, 0, "suit"))
    if ended is not None:
        events.append((ended, 1, "suit_end"))
    if judged is not None:
        events.append((judged, 1, "judgment"))
    events.sort()

    restarted: date | None = None
    pending_suit = False
    demand_window_end: date | None = None  # six months of the demand that postponed completion
    not_before: date | None = None  # parts not yet due at a judgment, their due date unknown
    settled_not_due = False
    late_ack: date | None = None
    for day, _, kind in events:
        if kind == "judgment" and not_due_at_judgment:
            # §147(2): the limitation runs anew from the settlement; §169(2): parts not yet due
            # keep the claim's own period, counted from their own due date (§166(1))
            pending_suit, demand_window_end, settled_not_due = False, None, True
            period = restart_period
            if due is None:
                completes, not_before = None, _period_end(day, years=restart_period)
                reason("settlement.due_unknown", day=day, years=period, not_before=not_before)
            else:
                completes, restarted = _period_end(due, years=restart_period), due
                reason("settlement.due_known", day=day, due=due, years=period, ends=completes)
        elif settled_not_due and kind == "ack" and (due is None or day <= due):
            if due is None:
                not_before = max(not_before or day, _period_end(day, years=restart_period))
                reason("settlement.ack", day=day, not_before=not_before)
            else:
                reason("settlement.ack_before_due", day=day, due=due)
        elif settled_not_due and kind == "demand" and completes is None:
            reason("settlement.demand", day=day)
        elif kind == "suit_end":
            if pending_suit:
                pending_suit = False
                six = _period_end(day, months=6)
                if completes is None or six > completes:
                    completes = six
                    reason("suit.ended", day=day, six=six)
                else:
                    reason("suit.ended_no_change", day=day, six=six)
        elif kind == "judgment":
            period = restart_period = 10
            completes = _period_end(day, years=10)
            restarted, pending_suit, demand_window_end = day, False, None
            reason("judgment.final", day=day, ends=completes)
        elif day < start:
            reason("event.before_start", day=day, event=Message(f"event.{kind}"))
        elif kind == "ack":
            if pending_suit:
                reason("ack.during_suit", day=day)
            elif completes is not None and day > completes:
                late_ack = late_ack or day
                reason("ack.after_completion", day=day, completed=completes)
            completes = _period_end(day, years=restart_period)
            period = restart_period
            restarted, demand_window_end = day, None
            reason("ack.restarts", day=day, ends=completes)
        elif kind == "suit":
            saved = any(
                d < NEW_CIVIL_CODE and d <= day <= _period_end(d, months=6)
                and (completes is None or d <= completes)
                for d in demands
            )  # fmt: skip
            if completes is not None and day > completes and not saved:
                reason("suit.after_completion", day=day, completed=completes)
            else:
                pending_suit = True
                reason("suit.filed", day=day)
        elif kind == "demand":
            if pending_suit:
                reason("demand.during_suit", day=day)
            elif completes is not None and day > completes:
                reason("demand.after_completion", day=day, completed=completes)
            elif day < NEW_CIVIL_CODE:
                six = _period_end(day, months=6)
                followed = filed is not None and day <= filed <= six
                if followed and completes is not None and filed is not None and filed > completes:
                    reason("demand.old_law_in_time", day=day, filed=filed)
                else:
                    reason(
                        "demand.old_law_followed" if followed else "demand.old_law_alone", day=day
                    )
            elif demand_window_end is not None and day <= demand_window_end:
                reason("demand.second", day=day)
            else:
                six = _period_end(day, months=6)
                if completes is not None and six > completes:
                    reason("demand.postpones", day=day, completes=completes, six=six)
                    completes, demand_window_end = six, six
                else:
                    reason("demand.too_early", day=day, six=six)
    if pending_suit:
        completes = None
        reason("suit.pending")
    return LimitationResult(
        completes_on=completes,
        period_years=period,
        reasons=tuple(reasons),
        restarted_on=restarted,
        not_before=None if completes is not None else not_before,
        acknowledged_after_completion=late_ack,
    )


class _Reasons:
    """Appends one reason (a code and its fields) to a list: ``reason("period.ends", day=d)``."""

    def __init__(self, reasons: list[Message]) -> None:
        self.reasons = reasons

    def __call__(self, code: str, **fields: object) -> None:
        self.reasons.append(Message(code, fields))


_NON_PROFIT_GUARANTOR = re.compile(r"信用保証協会|保証基金|保証協会|農業信用基金|基金協会")
_COMPANY = re.compile(r"株式会社|[(（]株[)）]|㈱|有限会社")


def creditor_is_servicer(creditor: str | None) -> bool:
    """Whether a creditor's name is that of a servicer (債権回収会社), not of a lender.

    A name containing 債権回収 (or another of the registry's ``SERVICER_WORDS``), or one the servicer
    registry knows (:func:`~outcomes._registry.match_servicer`). A servicer
    that bought a claim holds it as it was born: an assignment (債権譲渡)
    keeps the claim's identity and its limitation period, which the
    originator decides (民法 §466; domain.md), not the buyer's corporate
    form.

    Examples
    --------
    >>> creditor_is_servicer("SMBC債権回収株式会社"), creditor_is_servicer("住宅債権管理回収機構")
    (True, True)
    >>> creditor_is_servicer("○○銀行"), creditor_is_servicer(None)
    (False, False)
    """
    if not creditor:
        return False
    name = str(creditor)
    if names_a_servicer(name):  # the registry's one word list (issue 24)
        return True
    registered, known = match_servicer(name)
    return known and registered is not None


def originator_is_merchant(creditor_type: str | None, creditor: str | None = None) -> bool | None:
    """Whether the originator of a pre-2020 claim is a merchant (old 商法 §522), by its kind.

    ``shared/spec/domain.md``: banks and 株式会社 lenders are merchants (5
    years, H); guarantee *companies* too (H), but not 信用保証協会 and
    similar non-profit guarantee bodies (しんきん保証基金, M); 信用金庫 /
    信用組合 / JA lending to a non-business borrower are not (最判昭和63年10月18日,
    H); nor are JHF and 旧住宅金融公庫 direct loans (M–H); フラット35 (買取型)
    is lent by a private bank and assigned to JHF, keeping its 5 years (M,
    inference). ``None`` when the kind and name do not tell — a JHF claim
    that may be フラット35 or a direct loan, a guarantor whose name shows
    neither a company nor a non-profit body, 日本政策金融公庫, other lenders
    not named as companies, or no creditor at all — and always when the name
    is a servicer's (:func:`creditor_is_servicer`): a servicer that bought the
    claim is not its originator, and the assignment keeps the claim's period,
    so the buyer's 株式会社 says nothing about it.

    Parameters
    ----------
    creditor_type : str or None
        The clean table's ``creditor_type`` code.
    creditor : str, optional
        The creditor's name, which can settle the cases the kind cannot.

    Returns
    -------
    bool or None

    Examples
    --------
    >>> originator_is_merchant("bank"), originator_is_merchant("shinkin")
    (True, False)
    >>> originator_is_merchant("guarantor", "しんきん保証基金")
    False
    >>> originator_is_merchant("guarantor", "○○保証株式会社")
    True
    >>> originator_is_merchant("jhf", "公庫"), originator_is_merchant("jhf", "フラット35")
    (False, True)
    >>> print(originator_is_merchant("jhf", "住宅金融支援機構"))
    None
    >>> print(originator_is_merchant("other", "SMBC債権回収株式会社"))
    None
    >>> originator_is_merchant("other", "○○県農業信用基金協会")
    False
    """
    name = creditor or ""
    if creditor_is_servicer(name):
        return None  # the buyer or collector, not the originator: the period is not known
    if _NON_PROFIT_GUARANTOR.search(name):
        return False  # a 信用保証協会, 保証基金 or 農業信用基金協会, whatever kind it was filed as
    if creditor_type == "bank":
        return True
    if creditor_type == "shinkin":
        return False
    if creditor_type == "jhf":
        if "フラット" in name:
            return True
        if "公庫" in name:
            return False
        return None  # フラット35 (5 years) or a direct loan (10): the name does not say
    if creditor_type == "guarantor":
        if _NON_PROFIT_GUARANTOR.search(name):
            return False
        if _COMPANY.search(name):
            return True
        return None
    if creditor_type == "other" and _COMPANY.search(name):
        return True  # a 株式会社 lender (non-bank)
    return None


def limitation_complete(result: LimitationResult, as_of: date) -> bool:
    """Whether the limitation is complete on ``as_of`` (and so can be invoked).

    Complete means the period ended before ``as_of``: on ``completes_on``
    itself the period is still running. A pending lawsuit (``completes_on``
    None) is never complete. Completion does not end the debt by itself; the
    debtor must invoke it (援用), in practice by 内容証明郵便 with 配達証明.

    Parameters
    ----------
    result : LimitationResult
        From :func:`limitation_date`.
    as_of : date
        The day to judge.

    Returns
    -------
    bool

    Examples
    --------
    >>> r = limitation_date(contract_date=date(2010, 5, 1), claimable_from=date(2020, 4, 10),
    ...                     creditor_is_merchant=True)
    >>> limitation_complete(r, date(2025, 4, 10)), limitation_complete(r, date(2025, 4, 11))
    (False, True)
    """
    day = as_date(as_of, "as_of")
    if day is None:
        raise CaseError("as_of is required")
    return result.completes_on is not None and day > result.completes_on
