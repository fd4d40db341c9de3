"""The ways out of a residual debt, side by side, and the statute blocks they rest on.

Public face:

- :func:`rehabilitation_minimum` — 民事再生法 §231 minimum repayment of 個人再生;
- :func:`limitation_date`, :class:`LimitationResult`, :func:`limitation_complete` —
  when the 消滅時効 of a claim completes;
- :func:`default_interest`, :func:`interest_cap`, :data:`DEFAULT_RATES` — 遅延損害金
  under the 利息制限法 caps;
- :func:`compare_paths` — one row per way out (一括和解, 分割弁済, 任意整理, 個人再生,
  自己破産, 時効援用) for one case;
- :func:`case_from_mapping` — one case as a one-row frame of the clean table.

Everything is deterministic: the only input that depends on the calendar is
``as_of`` of :func:`compare_paths`, which defaults to today.

Figures marked (H) come from a statute or official text, (M) from one good
secondary source, (L) from marketing pages or anecdotes; see
``shared/spec/domain.md``.
"""

from __future__ import annotations

import calendar
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from outcomes._contract import (
    match_header,
)
from outcomes._errors import OutcomesError

__all__ = [
    "CREDIT_RECORD",
    "DEFAULT_RATES",
    "PATH_COLUMNS",
    "CaseError",
    "LimitationResult",
    "RehabilitationUnavailableError",
    "case_from_mapping",
    "compare_paths",
    "default_interest",
    "interest_cap",
    "limitation_complete",
    "limitation_date",
    "rehabilitation_minimum",
]


class RehabilitationUnavailableError(OutcomesError):
    """個人再生 is not available: the unsecured debt is over ¥50,000,000.

    Examples
    --------
    >>> str(RehabilitationUnavailableError(60_000_000))
    '個人再生 is not available: unsecured debt ¥60,000,000 is over ¥50,000,000 (民事再生法 §231(2)(ii))'
    """

    def __init__(self, unsecured_debt: int) -> None:
        self.unsecured_debt = unsecured_debt
        super().__init__(
            f"個人再生 is not available: unsecured debt ¥{unsecured_debt:,} is over "
            f"¥{REHABILITATION_DEBT_LIMIT:,} (民事再生法 §231(2)(ii))"
        )


class CaseError(OutcomesError):
    """A case that cannot be turned into a row of the clean table."""


# ==========================================================================
# 個人再生: 民事再生法 §231
# ==========================================================================

#: above this unsecured debt 個人再生 is not available (民事再生法 §231(2)(ii), H)
REHABILITATION_DEBT_LIMIT = 50_000_000


def _yen(value: object, name: str) -> int:
    """An integer amount of yen, at least 0."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an integer amount of yen, got {value!r}")
    try:
        amount = operator.index(value)  # int and numpy integers; floats refused
    except TypeError:
        raise TypeError(f"{name} must be an integer amount of yen, got {value!r}") from None
    if amount < 0:
        raise ValueError(f"{name} must be 0 or more, got {amount:,}")
    return amount


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def rehabilitation_minimum(unsecured_debt: int) -> int:
    """Minimum total a 個人再生 plan must pay (民事再生法 §231(2)(iii)-(iv)).

    With B the unsecured claims (after a 任意売却 the whole residual debt
    counts, together with any card or other unsecured debt):

    ===========================  ==================
    B                            minimum total
    ===========================  ==================
    under ¥1,000,000             B
    ¥1,000,000 – ¥5,000,000      ¥1,000,000
    over ¥5,000,000 – ¥15M       B / 5
    over ¥15M – ¥30,000,000      ¥3,000,000
    over ¥30M – ¥50,000,000      B / 10
    over ¥50,000,000             not available
    ===========================  ==================

    The statute's wording: the plan is refused when it pays *less than*
    ("下回っているとき") the larger of B/5 and ¥1,000,000 — B itself when B is
    under ¥1,000,000 (百万円を下回っているとき), ¥3,000,000 when B/5 is over
    ¥3,000,000 (三百万円を超えるとき) — for B up to ¥30,000,000; B/10 when B is
    over ¥30,000,000 up to ¥50,000,000 (三千万円を超え五千万円以下); and 個人再生 is
    unavailable when B is over ¥50,000,000 (五千万円を超えているとき).

    Because a plan paying less than B/5 (or B/10) is refused, a fraction of a
    yen is rounded **up**: the result is the smallest whole-yen total the
    court can approve (B = ¥5,000,001 gives ¥1,000,001).

    The plan must also pay at least the liquidation value (清算価値) and, for
    給与所得者等再生, two years of disposable income; neither is computed here.

    Parameters
    ----------
    unsecured_debt : int
        B, the unsecured claims in yen.

    Returns
    -------
    int
        The minimum total repayment in yen.

    Raises
    ------
    ValueError
        If ``unsecured_debt`` is negative.
    TypeError
        If ``unsecured_debt`` is not an integer (a float is refused).
    RehabilitationUnavailableError
        If ``unsecured_debt`` is over ¥50,000,000.

    Examples
    --------
    >>> rehabilitation_minimum(5_800_000)
    1160000
    >>> rehabilitation_minimum(3_200_000)
    1000000
    >>> rehabilitation_minimum(800_000)
    800000
    >>> rehabilitation_minimum(20_000_000)
    3000000
    >>> rehabilitation_minimum(40_000_000)
    4000000
    """
    debt = _yen(unsecured_debt, "unsecured_debt")
    if debt > REHABILITATION_DEBT_LIMIT:
        raise RehabilitationUnavailableError(debt)
    if debt > 30_000_000:
        return _ceil_div(debt, 10)
    if debt < 1_000_000:
        return debt
    return min(max(_ceil_div(debt, 5), 1_000_000), 3_000_000)


# ==========================================================================
# 消滅時効
# ==========================================================================

#: contracts made on or after this day follow the 2020 民法 (5 years from knowledge, 10 at most)
NEW_CIVIL_CODE = date(2020, 4, 1)


def _to_date(value: object, name: str) -> date | None:
    """A date from a date, datetime, Timestamp, numpy datetime64 or ISO string; None for empty."""
    if value is None:
        return None
    if isinstance(value, datetime):  # includes pd.Timestamp
        if value is pd.NaT:
            return None
        return value.date()
    if isinstance(value, date):
        return value
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return None
    except (TypeError, ValueError):
        pass
    try:
        stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a date, got {value!r}") from None
    if stamp is pd.NaT:
        return None
    return stamp.date()


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
    """

    completes_on: date | None
    period_years: int
    basis: tuple[str, ...]
    restarted_on: date | None = None


def limitation_date(
    *,
    contract_date: date | None,
    claimable_from: date | None = None,
    creditor_is_merchant: bool = True,
    debtor_is_merchant: bool = False,
    subrogated_on: date | None = None,
    known_on: date | None = None,
    acknowledged_on: Sequence[date] = (),
    demands_on: Sequence[date] = (),
    lawsuit_filed_on: date | None = None,
    judgment_on: date | None = None,
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

    Not modelled: a lawsuit withdrawn or dismissed (6 months' suspension,
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
    creditor_is_merchant, debtor_is_merchant : bool
        For old contracts: 5 years if either is a merchant, else 10.
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
        Day the judgment (or 支払督促 with 仮執行宣言) became final.

    Returns
    -------
    LimitationResult

    Raises
    ------
    ValueError
        If neither ``claimable_from`` nor ``subrogated_on`` is given, if
        ``known_on`` is before the start, or if ``judgment_on`` is before
        ``lawsuit_filed_on``.

    Examples
    --------
    A bank loan from 2010 that fell due on 2020-04-10, never paid since:

    >>> r = limitation_date(contract_date=date(2010, 5, 1), claimable_from=date(2020, 4, 10))
    >>> r.completes_on, r.period_years
    (datetime.date(2025, 4, 10), 5)

    A payment on 2022-01-15 restarts it:

    >>> limitation_date(
    ...     contract_date=date(2010, 5, 1),
    ...     claimable_from=date(2020, 4, 10),
    ...     acknowledged_on=[date(2022, 1, 15)],
    ... ).completes_on
    datetime.date(2027, 1, 15)
    """
    contract = _to_date(contract_date, "contract_date")
    claimable = _to_date(claimable_from, "claimable_from")
    subrogated = _to_date(subrogated_on, "subrogated_on")
    known = _to_date(known_on, "known_on")
    filed = _to_date(lawsuit_filed_on, "lawsuit_filed_on")
    judged = _to_date(judgment_on, "judgment_on")
    acks = sorted(d for d in (_to_date(x, "acknowledged_on") for x in acknowledged_on) if d)
    demands = sorted(d for d in (_to_date(x, "demands_on") for x in demands_on) if d)

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
        raise ValueError("give claimable_from or subrogated_on")
    if filed is not None and judged is not None and judged < filed:
        raise ValueError(f"judgment_on {judged} is before lawsuit_filed_on {filed}")

    new_law = contract is not None and contract >= NEW_CIVIL_CODE
    if contract is None:
        basis.append("contract date unknown: treated as before 2020-04-01 (old 民法)")
    if new_law:
        knew = known if known is not None else start
        if knew < start:
            raise ValueError(f"known_on {knew} is before the claim could be made ({start})")
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
        if kind == "judgment":
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
            if completes is not None and day > completes:
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
            if completes is not None and day > completes:
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
    >>> r = limitation_date(contract_date=date(2010, 5, 1), claimable_from=date(2020, 4, 10))
    >>> limitation_complete(r, date(2025, 4, 10)), limitation_complete(r, date(2025, 4, 11))
    (False, True)
    """
    day = _to_date(as_of, "as_of")
    if day is None:
        raise ValueError("as_of is required")
    return result.completes_on is not None and day > result.completes_on


# ==========================================================================
# 遅延損害金
# ==========================================================================

#: usual 遅延損害金 rates (fraction per year) by creditor_type. ``bank``: private bank
#: mortgages 14% (H). ``jhf``: フラット35 / 住宅金融支援機構 14.5% (M). ``jfc``:
#: 日本政策金融公庫 14.5% on contracts to March 2016, later tied to the national-tax
#: late rate (M). ``guarantor`` and ``shinkin``: assumed to carry the private-mortgage
#: 14% (assumption, not sourced). Use the contract's own rate (``delinquency_rate``)
#: when known.
DEFAULT_RATES: Mapping[str, float] = MappingProxyType(
    {"bank": 0.14, "guarantor": 0.14, "shinkin": 0.14, "jhf": 0.145, "jfc": 0.145}
)


def interest_cap(principal: int, lender_is_business: bool = True) -> float:
    """Highest 遅延損害金 rate the 利息制限法 allows (fraction per year).

    §4: 1.46 times the §1 interest caps — 29.2% for a loan under ¥100,000,
    26.28% from ¥100,000 to under ¥1,000,000, 21.9% from ¥1,000,000. §7: when
    the lender lends as a business (営業的金銭消費貸借: banks, guarantee
    companies, servicers' bought claims), a flat 20%.

    Parameters
    ----------
    principal : int
        The loan's principal in yen (the original amount lent decides the
        bracket; see ``loan_principal`` in :func:`default_interest`).
    lender_is_business : bool, default True
        Whether the lender lends as a business.

    Returns
    -------
    float

    Examples
    --------
    >>> interest_cap(50_000, lender_is_business=False)
    0.292
    >>> interest_cap(500_000, lender_is_business=False)
    0.2628
    >>> interest_cap(30_000_000, lender_is_business=False)
    0.219
    >>> interest_cap(30_000_000)
    0.2
    """
    amount = _yen(principal, "principal")
    if lender_is_business:
        return 0.20
    if amount < 100_000:
        return 0.292
    if amount < 1_000_000:
        return 0.2628
    return 0.219


def default_interest(
    principal: int,
    start: date,
    end: date,
    rate: float,
    *,
    lender_is_business: bool = True,
    loan_principal: int | None = None,
    leap_year_366: bool = False,
) -> int:
    """遅延損害金 accrued from ``start`` to ``end`` on the whole remaining principal.

    After 期限の利益喪失 the damages run on the whole remaining principal (H).
    The rate applied is ``min(rate, interest_cap(...))``. Days are counted
    after ``start`` up to and including ``end`` — ``(end - start).days``, the
    片端 count of 民法 §140 — and divided by 365 even in leap years, as in the
    usual contract clause "年365日の日割計算" of bank loans; pass
    ``leap_year_366=True`` for the court practice without such a clause (days
    falling in a leap year divided by 366). The result is rounded down to the
    yen (1円未満切捨て).

    Parameters
    ----------
    principal : int
        Remaining principal in yen.
    start, end : date
        The damages accrue for the days after ``start`` through ``end``.
    rate : float
        Contract rate as a fraction per year (0.14 for 14%).
    lender_is_business : bool, default True
        Lender lends as a business (利息制限法 §7 flat 20% cap).
    loan_principal : int, optional
        The loan's original principal, which decides the §4 bracket;
        defaults to ``principal``.
    leap_year_366 : bool, default False
        Divide days in leap years by 366 instead of 365.

    Returns
    -------
    int
        Damages in yen.

    Raises
    ------
    ValueError
        If ``end`` is before ``start``, an amount is negative, or ``rate`` is
        negative or above 1 (a percentage given by mistake).

    Examples
    --------
    >>> default_interest(5_000_000, date(2023, 1, 1), date(2024, 1, 1), 0.14)
    700000
    >>> default_interest(50_000, date(2023, 1, 1), date(2024, 1, 1), 0.30, lender_is_business=False)
    14600
    >>> default_interest(50_000, date(2023, 1, 1), date(2024, 1, 1), 0.30)
    10000
    """
    amount = _yen(principal, "principal")
    bracket = amount if loan_principal is None else _yen(loan_principal, "loan_principal")
    first = _to_date(start, "start")
    last = _to_date(end, "end")
    if first is None or last is None:
        raise ValueError("start and end are required")
    if last < first:
        raise ValueError(f"end {last} is before start {first}")
    if not 0 <= rate <= 1:
        raise ValueError(f"rate is a fraction per year (0.14 for 14%), got {rate!r}")
    applied = min(
        Decimal(repr(float(rate))), Decimal(repr(interest_cap(bracket, lender_is_business)))
    )
    if leap_year_366:
        years = Decimal(0)
        for year in range(first.year, last.year + 1):
            lower = max(first, date(year - 1, 12, 31))
            upper = min(last, date(year, 12, 31))
            if upper > lower:
                length = 366 if calendar.isleap(year) else 365
                years += Decimal((upper - lower).days) / Decimal(length)
    else:
        years = Decimal((last - first).days) / Decimal(365)
    return int(Decimal(amount) * applied * years)  # int() truncates: floor for amounts >= 0


# ==========================================================================
# One case as a one-row clean frame
# ==========================================================================


#: latest date a single prepared case may carry (planned agreement dates are fine)
_HORIZON = date(2200, 1, 1)


def case_from_mapping(case: Mapping[str, Any] | pd.Series | pd.DataFrame) -> pd.DataFrame:
    """One case as a one-row frame with the clean table's columns and dtypes.

    Keys are the clean table's canonical column names; other keys are ignored.
    Missing columns are empty. Codes may be given as codes or as their
    Japanese spellings (``"会社員"`` → ``employee``). As in the clean table,
    ``creditor_type`` is derived from ``creditor`` and ``age_band`` from
    ``age`` when not given, and an empty ``resolution`` is ``pending``.

    Parameters
    ----------
    case : mapping, Series or one-row DataFrame

    Returns
    -------
    DataFrame
        One row, the columns of ``_contract.CASE_COLUMNS`` with their dtypes.

    Raises
    ------
    CaseError
        If a frame has not exactly one row, or a value cannot be read.

    Examples
    --------
    >>> row = case_from_mapping({"residual_debt": 3_200_000, "creditor": "公庫", "age": 63})
    >>> row[["residual_debt", "creditor_type", "age_band", "resolution"]]
       residual_debt creditor_type age_band resolution
    0        3200000           jhf      60s    pending
    >>> str(row["residual_debt"].dtype), str(row["sale_date"].dtype)
    ('Int64', 'datetime64[ns]')
    """
    if isinstance(case, pd.DataFrame):
        if len(case) != 1:
            raise CaseError(f"expected one case, got a frame of {len(case)} rows")
        record = {str(k): case[k].iloc[0] for k in case.columns}
    elif isinstance(case, pd.Series):
        record = {str(k): v for k, v in case.items()}
    elif isinstance(case, Mapping):
        record = {str(k): v for k, v in case.items()}
    else:
        raise TypeError(f"case must be a mapping, Series or one-row DataFrame, got {type(case)}")
    # one case is cleaned exactly as a file is: same parsers, registry, derivations
    from outcomes._clean import clean_cases

    known = {k: v for k, v in record.items() if match_header(k)[0] not in (None, "notes")}
    if not known:
        known = {"case_id": None}  # nothing of the contract: an empty case
    raw = pd.DataFrame({k: pd.Series([v], dtype=object) for k, v in known.items()})
    # a case being prepared may carry a planned date: only dates past any horizon are refused
    cases, problems = clean_cases(raw, today=_HORIZON)
    bad = problems[problems["problem"].str.startswith(("unreadable", "out of range"))]
    if len(bad):
        first = bad.iloc[0]
        raise CaseError(f"case column {first['column']}: {first['problem']}")
    return cases


# ==========================================================================
# compare_paths
# ==========================================================================

#: columns of the compare_paths table, in order
PATH_COLUMNS: tuple[str, ...] = (
    "path",
    "label_ja",
    "available",
    "total_to_pay",
    "monthly",
    "months",
    "extra_costs",
    "credit_record",
    "notes",
)

_LABELS = {
    "lump_sum": "一括和解",
    "installment": "分割弁済",
    "voluntary_arrangement": "任意整理",
    "rehabilitation": "個人再生",
    "bankruptcy": "自己破産",
    "limitation": "時効援用",
}

#: what each path leaves in the credit records (M; domain.md "Credit records")
CREDIT_RECORD: Mapping[str, str] = MappingProxyType(
    {
        "lump_sum": "CIC/JICC: the default (代位弁済) record stays about 5 years after settlement",
        "installment": "CIC/JICC: the default record stays while paying and about 5 years after the debt ends",
        "voluntary_arrangement": "CIC/JICC about 5 years (任意整理)",
        "rehabilitation": "CIC/JICC about 5 years; KSC keeps the 官報 gazette notice of 個人再生 7 years",
        "bankruptcy": "CIC/JICC about 5 years; KSC keeps the 官報 gazette notice of 破産 7 years",
        "limitation": "CIC/JICC: the default record stays up to about 5 years after the claim ends",
    }
)

# Rules of thumb used when no model is given: (low, typical, high) settlement ratio of a
# lump sum. Servicers: low = the smallest accepted in the firm's worked examples
# (¥100,000 on ¥5.8M, 1.7%), typical = "a few percent" (¥300,000 on ¥5M, 6%), high = the
# top of the 1-10% purchase prices quoted for such claims (L-M). Before a claim is sold
# the figures are an assumption with no data behind them.
_LUMP_SUM_RULE_SERVICER = (0.017, 0.05, 0.10)
_LUMP_SUM_RULE_UNSOLD = (0.05, 0.10, 0.20)
# Instalments: the article's usual range is ¥5,000-¥20,000 a month, "around ¥10,000" for
# most of the firm's clients; from income: 5% of take-home pay, down to a ¥5,000 step.
_INSTALLMENT_RANGE = (5_000, 20_000)
_INSTALLMENT_DEFAULT = 10_000
_INSTALLMENT_INCOME_SHARE = 0.05
_SERVICER_TERM_MONTHS = 60
# Without a monthly budget, a plan above a fifth of take-home pay is taken as unaffordable
# (an assumption, not sourced).
_CAPACITY_INCOME_SHARE = 0.20

# Extra costs, estimates. Court fees for 個人再生: ¥10,000 stamp + ¥12,268 予納金
# (yamanaka-seiri.jp, M). Lawyers' fees: marketing pages (L): 任意整理 ¥20,000-¥50,000 a
# creditor; 個人再生 ¥400,000-¥1,000,000 in all; 破産 ¥200,000-¥400,000 (同時廃止) and
# ¥400,000-¥800,000 (管財); 時効援用 ¥20,000-¥100,000 through a professional, about
# ¥1,300-¥2,000 postage alone. 管財事件 予納金 ¥500,000 or more (the article).
_COST_VOLUNTARY = 50_000
_COST_REHABILITATION = 22_268 + 500_000
_COST_BANKRUPTCY_SUMMARY = 20_000 + 300_000  # 同時廃止: court ~¥10k-30k + lawyer
_COST_BANKRUPTCY_TRUSTEE = 500_000 + 400_000  # 管財事件: 予納金 + lawyer
_COST_LIMITATION = 30_000


def _is_na(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _first(frame: pd.DataFrame, column: str) -> Any:
    value = frame[column].iloc[0]
    return None if _is_na(value) else value


def _yen_text(amount: float | int) -> str:
    return f"¥{int(round(amount)):,}"


def _capacity(income: int | None, monthly_budget: int | None) -> tuple[int | None, str]:
    if monthly_budget is not None:
        return monthly_budget, f"the monthly budget of {_yen_text(monthly_budget)}"
    if income is not None:
        cap = int(income * _CAPACITY_INCOME_SHARE)
        return cap, f"a fifth of take-home pay ({_yen_text(cap)}; rule of thumb)"
    return None, ""


def _shortest_term(
    total: int, capacity: int | None, shortest: int, longest: int, unknown: int
) -> int:
    """Shortest term in [shortest, longest] months whose instalment fits the capacity."""
    if capacity is None:
        return unknown
    for months in range(shortest, longest + 1):
        if _ceil_div(total, months) <= capacity:
            return months
    return longest


def with_as_of(frame: pd.DataFrame, as_of: date | None) -> pd.DataFrame:
    """Cases whose agreement date is empty get ``as_of``: an agreement made that day.

    Examples
    --------
    >>> frame = case_from_mapping({"residual_debt": 1_000_000})
    >>> with_as_of(frame, date(2026, 6, 30))["agreement_date"].iloc[0]
    Timestamp('2026-06-30 00:00:00')
    """
    if as_of is None or "agreement_date" not in frame.columns:
        return frame
    stamp = pd.Timestamp(as_of)
    dates = frame["agreement_date"]
    return frame.assign(agreement_date=dates.where(dates.notna(), stamp).astype(dates.dtype))


def _quantiles(model: Any, frame: pd.DataFrame, qs: Sequence[float]) -> np.ndarray | None:
    method = getattr(model, "predict_quantiles", None)
    if method is None:
        return None
    values = np.asarray(method(frame, list(qs)), dtype=float).reshape(-1)
    return values if values.size == len(qs) else None


def _row(path: str, **fields: Any) -> dict[str, Any]:
    row = {"path": path, "label_ja": _LABELS[path], "credit_record": CREDIT_RECORD[path]}
    row.update(fields)
    row["notes"] = "; ".join(fields.get("notes", ()))
    return row


def compare_paths(
    case: Mapping[str, Any] | pd.Series | pd.DataFrame,
    *,
    ratio_model: Any = None,
    monthly_model: Any = None,
    cash_available: int | None = None,
    monthly_budget: int | None = None,
    as_of: date | None = None,
    limitation: LimitationResult | None = None,
) -> pd.DataFrame:
    """The ways out of one residual debt, side by side.

    One row per path:

    - ``lump_sum`` (一括和解): a one-off payment, the rest forgiven. With
      ``ratio_model``, its predicted settlement ratio (and 10%/90% quantiles
      in the notes); without, a rule of thumb — servicers about 5% (1.7%–10%),
      unsold claims about 10% (an assumption). With ``cash_available`` below
      the typical figure but above the low one, the best estimate is the cash.
      Not expected from JHF, which keeps its claims and rarely forgives.
    - ``installment`` (分割弁済): with ``monthly_model`` its prediction;
      without, ``monthly_budget``, else 5% of take-home pay in ¥5,000 steps
      within ¥5,000–¥20,000, else ¥10,000. A servicer settles over a fixed
      60 months (the rest forgiven, as in the article's ¥10,000 × 5 years);
      other creditors take open-ended payments (``months`` empty) and the whole
      residual stays owed.
    - ``voluntary_arrangement`` (任意整理): the principal over 36–60 months,
      future interest cut; the shortest term that fits the budget.
    - ``rehabilitation`` (個人再生): :func:`rehabilitation_minimum` of the
      residual over 36 months, up to 60; unavailable above ¥50M or without
      continuing income.
    - ``bankruptcy`` (自己破産): pays nothing of the residual; costs of 同時廃止,
      or of a 管財事件 (予納金 ¥500,000+) for the self-employed.
    - ``limitation`` (時効援用): available only when the limitation is complete
      on ``as_of``; otherwise the notes say when.

    Affordability uses ``monthly_budget``, else a fifth of ``monthly_income``
    (rule of thumb); unknown affordability is not held against a path.
    Lawyers' fees and court costs in ``extra_costs`` are estimates (sources in
    the notes); they are not included in ``total_to_pay``.

    Parameters
    ----------
    case : mapping, Series or one-row DataFrame
        One case in the clean table's columns (see :func:`case_from_mapping`);
        ``residual_debt`` is required, outcome columns may be absent.
    ratio_model, monthly_model : fitted model, optional
        Objects with ``predict(cases_df)`` (settlement ratio; monthly yen) and
        optionally ``predict_quantiles(cases_df, quantiles)``.
    cash_available : int, optional
        Cash the household could pay at once.
    monthly_budget : int, optional
        What the household can pay each month (from its 収支表).
    as_of : date, optional
        The day to judge the limitation and interest on; default today.
    limitation : LimitationResult, optional
        From :func:`limitation_date` with the case's real dates. Without it,
        a rough estimate: the clock restarted at the sale (the sale proceeds
        paid part of the debt) or at a later agreement, 5 years for banks and
        guarantee companies, 10 otherwise (the cautious choice).

    Returns
    -------
    DataFrame
        Columns ``path``, ``label_ja``, ``available`` (bool), ``total_to_pay``,
        ``monthly``, ``months``, ``extra_costs`` (Int64 yen), ``credit_record``,
        ``notes`` (str).

    Raises
    ------
    CaseError
        If the case has no residual_debt or cannot be read.

    Examples
    --------
    >>> table = compare_paths(
    ...     {"residual_debt": 5_800_000, "creditor": "○○保証", "servicer": "SMBC債権回収",
    ...      "sale_date": "2023-06-30"},
    ...     cash_available=100_000,
    ...     as_of=date(2024, 6, 1),
    ... )
    >>> table[["path", "available", "total_to_pay", "months"]]
                        path  available  total_to_pay  months
    0               lump_sum       True        100000       0
    1            installment       True        600000      60
    2  voluntary_arrangement       True       5800000      60
    3         rehabilitation       True       1160000      36
    4             bankruptcy       True             0       0
    5             limitation      False             0    <NA>
    """
    frame = case_from_mapping(case)
    residual = _first(frame, "residual_debt")
    if residual is None:
        raise CaseError("the case has no residual_debt; it is needed to compare paths")
    residual = int(residual)
    cash = None if cash_available is None else _yen(cash_available, "cash_available")
    budget = None if monthly_budget is None else _yen(monthly_budget, "monthly_budget")
    today = date.today() if as_of is None else _to_date(as_of, "as_of")
    if today is None:
        raise ValueError("as_of must be a date")

    # the models see an agreement made on the day of the comparison, as opening_offer does
    query = with_as_of(frame, today)
    creditor_type = _first(frame, "creditor_type")
    servicer = _first(frame, "servicer")
    employment = _first(frame, "employment")
    income = _first(frame, "monthly_income")
    income = None if income is None else int(income)
    capacity, capacity_text = _capacity(income, budget)

    rate = _first(frame, "delinquency_rate")
    if rate is None:
        rate = DEFAULT_RATES.get(creditor_type or "bank", DEFAULT_RATES["bank"])
        whose = f"usual for {creditor_type}" if creditor_type else "bank rate assumed"
    else:
        whose = "the contract's rate"
    yearly = default_interest(residual, today, today + timedelta(days=365), float(rate))
    interest_note = (
        f"遅延損害金 adds about {_yen_text(yearly)} a year ({float(rate) * 100:g}%, {whose})"
    )

    rows = [
        _lump_sum_row(query, residual, creditor_type, servicer, cash, ratio_model, interest_note),
        _installment_row(
            query, residual, creditor_type, servicer, income, budget, capacity, monthly_model
        ),
        _voluntary_row(residual, capacity, capacity_text),
        _rehabilitation_row(residual, employment, capacity, capacity_text),
        _bankruptcy_row(employment, cash),
        _limitation_row(frame, creditor_type, servicer, today, limitation, interest_note),
    ]
    table = pd.DataFrame(rows, columns=list(PATH_COLUMNS))
    dtypes = {
        "path": "str",
        "label_ja": "str",
        "available": "bool",
        "credit_record": "str",
        "notes": "str",
    }
    dtypes.update(dict.fromkeys(("total_to_pay", "monthly", "months", "extra_costs"), "Int64"))
    return table.astype(dtypes)


def _lump_sum_row(
    frame: pd.DataFrame,
    residual: int,
    creditor_type: str | None,
    servicer: str | None,
    cash: int | None,
    model: Any,
    interest_note: str,
) -> dict[str, Any]:
    notes: list[str] = []
    if creditor_type == "jhf":
        notes.append(
            "JHF (住宅金融支援機構) keeps its claims and rarely forgives: no lump-sum settlement expected"
        )
        return _row(
            "lump_sum",
            available=False,
            total_to_pay=pd.NA,
            monthly=0,
            months=0,
            extra_costs=0,
            notes=notes,
        )
    if model is not None:
        query = frame.assign(resolution=pd.Series(["lump_sum"], dtype=frame["resolution"].dtype))
        typical = float(np.clip(np.asarray(model.predict(query), dtype=float).reshape(-1)[0], 0, 1))
        qs = _quantiles(model, query, (0.1, 0.9))
        low, high = (
            (float(np.clip(qs[0], 0, 1)), float(np.clip(qs[1], 0, 1)))
            if qs is not None
            else (typical, typical)
        )
        notes.append(f"settlement ratio from the model: {typical:.1%}")
        if qs is not None:
            notes.append(f"80% interval {low:.1%}–{high:.1%}")
    else:
        low, typical, high = _LUMP_SUM_RULE_SERVICER if servicer else _LUMP_SUM_RULE_UNSOLD
        if servicer:
            notes.append(
                f"no model: rule of thumb for servicers, about {typical:.0%} of the residual "
                f"(accepted from {low:.1%}; purchase prices 1–10%)"
            )
        else:
            notes.append(
                f"no model: assumed {typical:.0%} ({low:.0%}–{high:.0%}); lump sums are usual once "
                f"the claim is sold to a servicer, before that creditors rarely forgive much"
            )
    estimate = int(round(typical * residual))
    floor_amount = int(round(low * residual))
    available = True
    total = estimate
    if cash is None:
        notes.append(
            f"needs about {_yen_text(estimate)} in cash (range {_yen_text(floor_amount)}–{_yen_text(high * residual)})"
        )
    elif cash >= estimate:
        notes.append(f"the cash of {_yen_text(cash)} covers the usual {_yen_text(estimate)}")
    elif cash >= floor_amount:
        total = cash
        notes.append(
            f"offer the {_yen_text(cash)} available ({cash / residual:.1%}): below the usual "
            f"{_yen_text(estimate)}, so acceptance is uncertain, but within the range accepted"
        )
    else:
        available = False
        notes.append(
            f"the cash of {_yen_text(cash)} is below the lowest settlement seen "
            f"({low:.1%} = {_yen_text(floor_amount)}); save towards it or pay in instalments"
        )
    notes.append(f"a settlement ends the debt; meanwhile {interest_note}")
    return _row(
        "lump_sum",
        available=available,
        total_to_pay=total,
        monthly=0,
        months=0,
        extra_costs=0,
        notes=notes,
    )


def _installment_row(
    frame: pd.DataFrame,
    residual: int,
    creditor_type: str | None,
    servicer: str | None,
    income: int | None,
    budget: int | None,
    capacity: int | None,
    model: Any,
) -> dict[str, Any]:
    notes: list[str] = []
    lo, hi = _INSTALLMENT_RANGE
    if model is not None:
        query = frame.assign(resolution=pd.Series(["installment"], dtype=frame["resolution"].dtype))
        monthly = max(
            int(round(float(np.asarray(model.predict(query), dtype=float).reshape(-1)[0]))), 0
        )
        notes.append(f"monthly amount from the model: {_yen_text(monthly)}")
        qs = _quantiles(model, query, (0.1, 0.9))
        if qs is not None:
            notes.append(f"80% interval {_yen_text(qs[0])}–{_yen_text(qs[1])}")
        if budget is not None and monthly > budget:
            notes.append(
                f"above the monthly budget of {_yen_text(budget)}: propose the budget with a 収支表"
            )
    elif budget is not None:
        monthly = budget // 1_000 * 1_000
        notes.append(f"no model: the monthly budget, rounded down to ¥1,000 ({_yen_text(monthly)})")
    elif income is not None:
        step = int(income * _INSTALLMENT_INCOME_SHARE) // 5_000 * 5_000
        monthly = min(max(step, lo), hi)
        notes.append(
            f"no model: rule of thumb, 5% of take-home pay in ¥5,000 steps within "
            f"{_yen_text(lo)}–{_yen_text(hi)} ({_yen_text(monthly)})"
        )
    else:
        monthly = _INSTALLMENT_DEFAULT
        notes.append(f"no model, no income: the usual {_yen_text(monthly)} a month (article)")
    if not lo <= monthly <= hi:
        notes.append(f"outside the usual {_yen_text(lo)}–{_yen_text(hi)} a month")
    if monthly == 0:
        notes.append("no monthly amount possible: instalments cannot be offered")
        return _row(
            "installment",
            available=False,
            total_to_pay=pd.NA,
            monthly=0,
            months=pd.NA,
            extra_costs=0,
            notes=notes,
        )
    notes.append("agreed on a 生活状況確認表 and 収支表; reviewed when life changes")
    if servicer:
        months = _SERVICER_TERM_MONTHS
        total = monthly * months
        if total >= residual:
            months = _ceil_div(residual, monthly)
            total = residual
            notes.append("pays the whole residual within the term")
        else:
            notes.append(
                f"servicer: fixed {months} months, the remaining {_yen_text(residual - total)} "
                f"forgiven at the end ({total / residual:.1%} paid)"
            )
    else:
        months = pd.NA
        total = residual
        notes.append("open-ended: the whole residual stays owed (best estimate = the residual)")
        if creditor_type != "jhf":
            notes.append("a lump sum may become possible if the claim is sold to a servicer")
        else:
            notes.append(
                "JHF keeps the claim (collection by 住宅債権管理回収機構 or similar), usually from "
                "about ¥10,000 a month, ¥5,000 accepted on a pension; reviewed every 1 or 5 years"
            )
    if capacity is not None and monthly > capacity:
        notes.append(f"more than the household can pay ({_yen_text(capacity)})")
    return _row(
        "installment",
        available=True,
        total_to_pay=total,
        monthly=monthly,
        months=months,
        extra_costs=0,
        notes=notes,
    )


def _voluntary_row(residual: int, capacity: int | None, capacity_text: str) -> dict[str, Any]:
    months = _shortest_term(residual, capacity, 36, 60, unknown=60)
    monthly = _ceil_div(residual, months)
    notes = [
        f"the principal over {months} months (3–5 years), future interest cut; needs the creditor's "
        f"consent, through a lawyer or 司法書士",
    ]
    available = True
    if capacity is None:
        notes.append("affordability unknown: give monthly_budget or monthly_income")
    elif monthly > capacity:
        available = False
        notes.append(f"{_yen_text(monthly)} a month is more than {capacity_text}")
    notes.append(
        "extra costs: lawyer's fee estimate, ¥20,000–¥50,000 a creditor (marketing pages, L)"
    )
    return _row(
        "voluntary_arrangement",
        available=available,
        total_to_pay=residual,
        monthly=monthly,
        months=months,
        extra_costs=_COST_VOLUNTARY,
        notes=notes,
    )


def _rehabilitation_row(
    residual: int, employment: str | None, capacity: int | None, capacity_text: str
) -> dict[str, Any]:
    notes: list[str] = []
    try:
        minimum = rehabilitation_minimum(residual)
    except RehabilitationUnavailableError as exc:
        notes.append(str(exc))
        return _row(
            "rehabilitation", available=False, total_to_pay=pd.NA, monthly=pd.NA, months=pd.NA,
            extra_costs=pd.NA, notes=notes,
        )  # fmt: skip
    months = _shortest_term(minimum, capacity, 36, 60, unknown=36)
    monthly = _ceil_div(minimum, months)
    available = True
    notes.append(
        f"minimum repayment {_yen_text(minimum)} (民事再生法 §231) over {months} months "
        f"(3 years, up to 5); other unsecured debts raise it"
    )
    notes.append(
        "also at least the liquidation value (清算価値, usually small after the sale) and, for "
        "給与所得者等再生, two years of disposable income: not computed"
    )
    if employment == "unemployed":
        available = False
        notes.append(
            "needs continuing income (民事再生法 §221): not available without work or pension"
        )
    elif employment == "pensioner":
        notes.append("pension-only income makes it harder (article)")
    if capacity is None:
        notes.append("affordability unknown: give monthly_budget or monthly_income")
    elif monthly > capacity:
        available = False
        notes.append(f"{_yen_text(monthly)} a month is more than {capacity_text}")
    notes.append(
        "extra costs: court ¥22,268 (¥10,000 stamp + ¥12,268 予納金, M) + lawyer about ¥500,000 "
        "(¥400,000–¥1,000,000, marketing pages, L); a 個人再生委員 (Tokyo) adds more"
    )
    return _row(
        "rehabilitation",
        available=available,
        total_to_pay=minimum,
        monthly=monthly,
        months=months,
        extra_costs=_COST_REHABILITATION,
        notes=notes,
    )


def _bankruptcy_row(employment: str | None, cash: int | None) -> dict[str, Any]:
    notes = ["discharges the residual; taxes and child support stay owed"]
    if employment == "self_employed":
        costs = _COST_BANKRUPTCY_TRUSTEE
        notes.append(
            "self-employed: usually a 管財事件, 予納金 ¥500,000 or more (article) + lawyer about "
            "¥400,000 (¥400,000–¥800,000, marketing pages, L)"
        )
        if cash is not None and cash < 500_000:
            notes.append(f"the cash of {_yen_text(cash)} does not cover the 予納金")
    else:
        costs = _COST_BANKRUPTCY_SUMMARY
        notes.append(
            "no assets left after the sale: usually 同時廃止, court fees about ¥10,000–¥30,000 + "
            "lawyer about ¥300,000 (¥200,000–¥400,000, marketing pages, L); a 管財事件 would "
            "need a 予納金 of ¥500,000 or more"
        )
    notes.append("some jobs are barred until discharge (警備員, 士業, 保険外交員)")
    return _row(
        "bankruptcy",
        available=True,
        total_to_pay=0,
        monthly=0,
        months=0,
        extra_costs=costs,
        notes=notes,
    )


def _limitation_row(
    frame: pd.DataFrame,
    creditor_type: str | None,
    servicer: str | None,
    today: date,
    limitation: LimitationResult | None,
    interest_note: str,
) -> dict[str, Any]:
    notes: list[str] = []
    result = limitation
    if result is None:
        sale = _first(frame, "sale_date")
        agreed = _first(frame, "agreement_date")
        if sale is None and agreed is None:
            notes.append(
                "no sale_date: cannot estimate the limitation; pass limitation=limitation_date(...)"
            )
            return _row(
                "limitation",
                available=False,
                total_to_pay=0,
                monthly=0,
                months=pd.NA,
                extra_costs=_COST_LIMITATION,
                notes=notes,
            )
        anchor = sale if sale is not None else agreed
        merchant = creditor_type in ("bank", "guarantor")
        acks = [agreed.date()] if agreed is not None and sale is not None else []
        paying = _first(frame, "resolution") == "installment"
        if paying:
            acks.append(today)  # payments assumed to continue up to as_of
        result = limitation_date(
            contract_date=None,
            claimable_from=anchor.date(),
            creditor_is_merchant=merchant,
            acknowledged_on=acks,
        )
        notes.append(
            "estimated: clock restarted at the sale (the proceeds paid part of the debt)"
            + (" and at the agreement" if acks else "")
            + (
                "; 5 years (bank or guarantee company)"
                if merchant
                else "; 10 years assumed (not a bank or guarantee company, or unknown)"
            )
            + "; pass limitation=limitation_date(...) with the real dates"
        )
        if paying:
            notes.append("instalments assumed paid up to as_of: each payment restarts the clock")
    available = limitation_complete(result, today)
    if result.completes_on is None:
        notes.append("a lawsuit is pending: completion is suspended")
    elif available:
        notes.append(
            f"complete since {result.completes_on + timedelta(days=1)}: invoke it (援用) by 内容証明郵便 "
            f"with 配達証明; do not pay or ask for time first (that forfeits it)"
        )
    else:
        notes.append(
            f"not yet: completes at the end of {result.completes_on} if nothing restarts it "
            f"(any payment or request for time restarts it; a judgment gives 10 years)"
        )
        notes.append(f"meanwhile {interest_note}")
    notes.append(
        "extra costs: a professional's fee, ¥20,000–¥100,000 (marketing pages, L); "
        "about ¥1,300–¥2,000 postage if sent alone"
    )
    return _row(
        "limitation",
        available=available,
        total_to_pay=0,
        monthly=0,
        months=pd.NA,
        extra_costs=_COST_LIMITATION,
        notes=notes,
    )
