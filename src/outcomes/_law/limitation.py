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

from outcomes._arguments import as_date
from outcomes._errors import CaseError

__all__ = [
    "NEW_CIVIL_CODE",
    "LimitationResult",
    "limitation_complete",
    "limitation_date",
    "originator_is_merchant",
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


@dataclass(frozen=True)
class LimitationResult:
    """When the 消滅時効 of a claim completes; see :func:`limitation_date`.

    Attributes
    ----------
    completes_on : date or None
        The last day of the limitation period. The limitation is complete at
        the end of that day and can be invoked (援用) from the next day.
        ``None`` while a lawsuit or 支払督促 is pending without a judgment:
        completion is suspended until it ends.
    period_years : int
        The length of the period now running (5 or 10).
    basis : tuple of str
        Plain-language reasons, in the order the events happened.
    restarted_on : date or None
        The last day the clock restarted (acknowledgement or judgment);
        ``None`` if it never restarted.
    earliest_completes_on : date or None
        When the period is not known (the originator's merchant status is
        unknown): the day the limitation would complete with 5 years;
        ``completes_on`` is then the 10-year day. Equal to ``completes_on``
        when the period is known.
    deciding_fact : str
        Empty when the period is known; else the fact that decides between
        the two dates, in words.
    """

    completes_on: date | None
    period_years: int
    basis: tuple[str, ...]
    restarted_on: date | None = None
    earliest_completes_on: date | None = None
    deciding_fact: str = ""

    @property
    def period_known(self) -> bool:
        """Whether the period (5 or 10 years) is known."""
        return not self.deciding_fact


def limitation_date(
    *,
    contract_date: date | None,
    claimable_from: date | None = None,
    creditor_is_merchant: bool | None = None,
    debtor_is_merchant: bool = False,
    subrogated_on: date | None = None,
    known_on: date | None = None,
    acknowledged_on: Sequence[date] = (),
    demands_on: Sequence[date] = (),
    lawsuit_filed_on: date | None = None,
    judgment_on: date | None = None,
    not_due_at_judgment: bool = False,
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
      completion it still starts a new period, and the debtor may no longer
      invoke the completed one (最判昭和41年4月20日).
    - **Lawsuit or 支払督促** filed before completion suspends it while it runs
      (§147); once the right is confirmed by a final judgment (or equivalent,
      ``judgment_on``), a new **10-year** period runs from the judgment (§169),
      and later acknowledgements restart 10 years.
    - **Demand** (催告, e.g. a letter): completion cannot happen until 6 months
      after it (§150). It counts only when made before completion and only
      once: a further demand within the six months of a demand that postponed
      completion has no effect (§150(2)). A demand whose six months end
      before completion changes nothing.

    Not modelled (other than said above): a lawsuit withdrawn or dismissed (6 months' suspension,
    §147(1)), seizure and other procedures, 協議を行う旨の合意 (§151), the
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
    debtor_is_merchant : bool, default False
        For old contracts: 5 years if either party is a merchant, else 10.
    subrogated_on : date, optional
        Day of the guarantee company's 代位弁済.
    known_on : date, optional
        New contracts only: the day the creditor knew it could claim
        (default: the start day).
    acknowledged_on : sequence of date
        Payments, interest payments, requests for time, signed agreements.
    demands_on : sequence of date
        Demands (催告).
    lawsuit_filed_on : date, optional
        Day a lawsuit or 支払督促 was filed.
    judgment_on : date, optional
        Day the judgment (or 支払督促 with 仮執行宣言, or court settlement)
        became final.
    not_due_at_judgment : bool, default False
        The claim was not yet due at the judgment (民法 §169(2)): its own
        period keeps running after it.

    Returns
    -------
    LimitationResult

    Raises
    ------
    ValueError
        If neither ``claimable_from`` nor ``subrogated_on`` is given, if
        ``known_on`` is before the start, or if ``judgment_on`` is before
        ``lawsuit_filed_on`` or before the claim existed (the start).

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
    }
    if creditor_is_merchant is not None or debtor_is_merchant:
        return _limitation(creditor_is_merchant=bool(creditor_is_merchant), **kwargs)
    five = _limitation(creditor_is_merchant=True, **kwargs)
    ten = _limitation(creditor_is_merchant=False, **kwargs)
    if five.completes_on == ten.completes_on:  # new 民法, or a judgment: the same either way
        return five
    fact = (
        "whether the originator of the claim (the lender, or the guarantee company for its "
        "求償権) was a merchant: 5 years if so (old 商法 §522), 10 if not (民法 §167 old)"
    )
    basis = (
        *ten.basis,
        f"merchant status unknown: {five.completes_on} with 5 years, {ten.completes_on} with "
        f"10; it depends on {fact}",
    )
    return LimitationResult(
        completes_on=ten.completes_on,
        period_years=ten.period_years,
        basis=basis,
        restarted_on=ten.restarted_on,
        earliest_completes_on=five.completes_on,
        deciding_fact=fact,
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
) -> LimitationResult:
    contract = as_date(contract_date, "contract_date")
    claimable = as_date(claimable_from, "claimable_from")
    subrogated = as_date(subrogated_on, "subrogated_on")
    known = as_date(known_on, "known_on")
    filed = as_date(lawsuit_filed_on, "lawsuit_filed_on")
    judged = as_date(judgment_on, "judgment_on")
    acks = sorted(d for d in (as_date(x, "acknowledged_on") for x in acknowledged_on) if d)
    demands = sorted(d for d in (as_date(x, "demands_on") for x in demands_on) if d)

    basis: list[str] = []
    if subrogated is not None:
        start = subrogated
        basis.append(
            f"guarantee company's claim (求償権) from 代位弁済 on {subrogated}: "
            f"counted from the next day"
        )
    elif claimable is not None:
        start = claimable
        basis.append(f"claimable from {claimable}: counted from the next day (初日不算入)")
    else:
        raise CaseError("give claimable_from or subrogated_on")
    if filed is not None and judged is not None and judged < filed:
        raise CaseError(f"judgment_on {judged} is before lawsuit_filed_on {filed}")
    if judged is not None and judged < start:
        raise CaseError(
            f"judgment_on {judged} is before the claim existed (it could be made from {start})"
        )

    new_law = contract is not None and contract >= NEW_CIVIL_CODE
    if contract is None:
        basis.append("contract date unknown: treated as before 2020-04-01 (old 民法)")
    if new_law:
        knew = known if known is not None else start
        if knew < start:
            raise CaseError(f"known_on {knew} is before the claim could be made ({start})")
        subjective = _period_end(knew, years=5)
        objective = _period_end(start, years=10)
        completes: date | None = min(subjective, objective)
        period = 5 if subjective <= objective else 10
        restart_period = 5
        basis.append(
            f"contract of {contract} (on/after 2020-04-01): 5 years from knowledge "
            f"({knew}), 10 at most from {start} (民法 §166)"
        )
    else:
        merchant = creditor_is_merchant or debtor_is_merchant
        period = 5 if merchant else 10
        restart_period = period
        completes = _period_end(start, years=period)
        if known is not None:
            basis.append("known_on ignored: old contracts run from when the claim could be made")
        why = (
            "a party is a merchant (old 商法 §522)"
            if merchant
            else "no party is a merchant (民法 §167 old)"
        )
        when = f"contract of {contract}" if contract is not None else "old contract"
        basis.append(f"{when}: {period} years because {why}")
    basis.append(f"the period ends on {completes}")

    # events in date order; same day: suit, judgment, acknowledgement, demand
    events: list[tuple[date, int, str]] = [(d, 2, "ack") for d in acks]
    events += [(d, 3, "demand") for d in demands]
    if filed is not None:
        events.append((filed, 0, "suit"))
    if judged is not None:
        events.append((judged, 1, "judgment"))
    events.sort()

    restarted: date | None = None
    pending_suit = False
    demand_window_end: date | None = None  # six months of the demand that postponed completion
    for day, _, kind in events:
        if kind == "judgment" and not_due_at_judgment:
            pending_suit, demand_window_end = False, None
            basis.append(
                f"judgment or court settlement on {day} on parts not yet due: they keep their "
                f"own {period}-year period from their due dates (民法 §169(2)); ends on {completes}"
            )
        elif kind == "judgment":
            period = restart_period = 10
            completes = _period_end(day, years=10)
            restarted, pending_suit, demand_window_end = day, False, None
            basis.append(
                f"right confirmed by a final judgment on {day}: new 10-year period "
                f"(民法 §169) ending on {completes}"
            )
        elif day < start:
            basis.append(f"{_EVENT_NAMES[kind]} on {day} is before the clock started: ignored")
        elif kind == "ack":
            if pending_suit:
                basis.append(
                    f"acknowledged on {day} while the lawsuit runs (completion was suspended, "
                    f"the limitation had not completed)"
                )
            elif completes is not None and day > completes:
                basis.append(
                    f"acknowledged on {day}, after the limitation completed on {completes}: "
                    f"the completed limitation can no longer be invoked (最判昭和41年4月20日)"
                )
            completes = _period_end(day, years=restart_period)
            period = restart_period
            restarted, demand_window_end = day, None
            basis.append(
                f"acknowledged (payment, interest or request for time) on {day}: "
                f"the clock restarts (民法 §152); the period ends on {completes}"
            )
        elif kind == "suit":
            saved = any(
                d < NEW_CIVIL_CODE and d <= day <= _period_end(d, months=6)
                and (completes is None or d <= completes)
                for d in demands
            )  # fmt: skip
            if completes is not None and day > completes and not saved:
                basis.append(
                    f"lawsuit filed on {day}, after completion on {completes}: "
                    f"the debtor can invoke the limitation in the suit"
                )
            else:
                pending_suit = True
                basis.append(
                    f"lawsuit or 支払督促 filed on {day}: completion suspended while it runs"
                )
        elif kind == "demand":
            if pending_suit:
                basis.append(f"demand on {day} during the lawsuit: no further effect")
            elif completes is not None and day > completes:
                basis.append(f"demand on {day}, after completion on {completes}: no effect")
            elif day < NEW_CIVIL_CODE:
                six = _period_end(day, months=6)
                followed = filed is not None and day <= filed <= six
                if followed and completes is not None and filed is not None and filed > completes:
                    basis.append(
                        f"demand (催告) on {day}, before 2020-04-01 (old 民法 §153): the lawsuit "
                        f"of {filed} followed within six months, so it counts as made in time"
                    )
                else:
                    basis.append(
                        f"demand (催告) on {day}, before 2020-04-01 (old 民法 §153): "
                        + (
                            "the lawsuit followed within six months"
                            if followed
                            else "no effect without a lawsuit within six months"
                        )
                    )
            elif demand_window_end is not None and day <= demand_window_end:
                basis.append(
                    f"second demand on {day}, within the six months of an earlier demand: "
                    f"no effect (民法 §150(2))"
                )
            else:
                six = _period_end(day, months=6)
                if completes is not None and six > completes:
                    basis.append(
                        f"demand (催告) on {day}: completion postponed from {completes} "
                        f"to {six} (6 months, 民法 §150)"
                    )
                    completes, demand_window_end = six, six
                else:
                    basis.append(
                        f"demand on {day}: its six months end on {six}, before completion; no change"
                    )
    if pending_suit:
        completes = None
        basis.append("lawsuit pending without a judgment: completion suspended until it ends")
    return LimitationResult(
        completes_on=completes, period_years=period, basis=tuple(basis), restarted_on=restarted
    )


_EVENT_NAMES = {"ack": "acknowledgement", "demand": "demand", "suit": "lawsuit"}


_NON_PROFIT_GUARANTOR = re.compile(r"信用保証協会|保証基金|保証協会|農業信用基金|基金協会")
_COMPANY = re.compile(r"株式会社|[(（]株[)）]|㈱|有限会社")


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
    not named as companies, or no creditor at all.

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
    """
    name = creditor or ""
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
