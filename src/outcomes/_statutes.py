"""Statute arithmetic: pure functions of the law, no wording of the ways out.

- :func:`rehabilitation_minimum` — 民事再生法 §231: minimum repayment of 個人再生;
- :func:`limitation_date`, :class:`LimitationResult`, :func:`limitation_complete` —
  民法 §§140, 143, 147, 150, 152, 166, 169 and old 商法 §522: when the 消滅時効 of a
  claim completes;
- :func:`default_interest`, :func:`interest_cap`, :data:`DEFAULT_RATES` — 遅延損害金
  under the 利息制限法 §§4, 7 caps.

The module also holds the package's one converter of dates (:func:`as_date`) and
one checker of yen amounts (:func:`as_yen`) and counts (:func:`as_count`), because
the statutes are the lowest layer that needs them; the rest of the package uses
them through :mod:`outcomes._single_case`. A bad value raises
:class:`~outcomes._errors.CaseError` (a ``ValueError``), or
:class:`~outcomes._errors.CaseTypeError` (also a ``TypeError``) for a wrong type,
naming the argument.

Figures marked (H) come from a statute or official text, (M) from one good
secondary source, (L) from marketing pages or anecdotes; see
``shared/spec/domain.md``.
"""

from __future__ import annotations

import calendar
import numbers
import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from types import MappingProxyType

import pandas as pd

from outcomes._errors import CaseError, CaseTypeError, RehabilitationUnavailableError

__all__ = [
    "DEFAULT_RATES",
    "NEW_CIVIL_CODE",
    "REHABILITATION_DEBT_LIMIT",
    "JFC_RATE_CHANGE",
    "LimitationResult",
    "as_count",
    "as_date",
    "as_yen",
    "default_interest",
    "default_rate",
    "interest_cap",
    "limitation_complete",
    "limitation_date",
    "originator_is_merchant",
    "rehabilitation_claims",
    "rehabilitation_minimum",
]


# ==========================================================================
# Arguments: one date converter, one yen checker
# ==========================================================================


def as_yen(value: object, name: str) -> int:
    """A whole, non-negative amount of yen.

    ``int`` and numpy integers are accepted; a float (even ``100000.0``), a
    bool or a string is refused rather than truncated.

    Raises
    ------
    CaseTypeError
        If ``value`` is not an integer (also a ``TypeError`` and ``ValueError``).
    CaseError
        If ``value`` is negative.

    Examples
    --------
    >>> as_yen(100_000, "cash_available")
    100000
    >>> as_yen(100000.5, "cash_available")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseTypeError: cash_available must be whole yen (an int), got 100000.5
    """
    if isinstance(value, bool):
        raise CaseTypeError(f"{name} must be whole yen (an int), got {value!r}")
    try:
        amount = operator.index(value)  # type: ignore[arg-type]  # int and numpy integers
    except TypeError:
        raise CaseTypeError(f"{name} must be whole yen (an int), got {value!r}") from None
    if amount < 0:
        raise CaseError(f"{name} must be 0 or more yen, got {amount:,}")
    return amount


def as_count(value: object, name: str, minimum: int = 1) -> int:
    """A whole number of at least ``minimum`` (a ``k``, a number of months).

    Examples
    --------
    >>> as_count(5, "k")
    5
    >>> as_count(0, "k")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseError: k must be at least 1, got 0
    """
    if isinstance(value, bool):
        raise CaseTypeError(f"{name} must be a whole number, got {value!r}")
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise CaseTypeError(f"{name} must be a whole number, got {value!r}") from None
    if number < minimum:
        raise CaseError(f"{name} must be at least {minimum}, got {number}")
    return number


def as_date(value: object, name: str) -> date | None:
    """A date from a date, datetime, Timestamp, numpy datetime64 or ISO string; None for empty.

    Raises
    ------
    CaseTypeError
        If ``value`` cannot be read as a date (also a ``TypeError`` and ``ValueError``).

    Examples
    --------
    >>> as_date("2026-06-30", "as_of"), as_date(None, "as_of")
    (datetime.date(2026, 6, 30), None)
    >>> as_date("soon", "as_of")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseTypeError: as_of must be a date (YYYY-MM-DD), got 'soon'
    """
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
    if isinstance(value, numbers.Number):  # a number is not a date (pd.Timestamp would say 1970)
        raise CaseTypeError(f"{name} must be a date (YYYY-MM-DD), got {value!r}")
    try:
        stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise CaseTypeError(f"{name} must be a date (YYYY-MM-DD), got {value!r}") from None
    if stamp is pd.NaT:
        return None
    return stamp.date()


# ==========================================================================
# 個人再生: 民事再生法 §231
# ==========================================================================

#: above this unsecured debt 個人再生 is not available (民事再生法 §231(2)(ii), H)
REHABILITATION_DEBT_LIMIT = 50_000_000


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
    debt = as_yen(unsecured_debt, "unsecured_debt")
    if debt > REHABILITATION_DEBT_LIMIT:
        raise RehabilitationUnavailableError(debt, REHABILITATION_DEBT_LIMIT)
    if debt > 30_000_000:
        return _ceil_div(debt, 10)
    if debt < 1_000_000:
        return debt
    return min(max(_ceil_div(debt, 5), 1_000_000), 3_000_000)


def rehabilitation_claims(
    residual: int, *, rate: float, default_date: date | None, opening_on: date
) -> int:
    """B of 民事再生法 §231 for a residual debt: the residual plus 遅延損害金 to the opening order.

    Interest and 遅延損害金 accrued up to the court's opening order (開始決定)
    are claims of the rehabilitation; only later ones are excluded (§84(2),
    H). The damages accrue on the principal (taken as the residual) from
    ``default_date`` (期限の利益喪失) to ``opening_on``, under the 利息制限法
    caps (:func:`default_interest`). Without a ``default_date`` the residual
    is returned as it is.

    Examples
    --------
    The article's ¥5.8M with three years of 14%:

    >>> b = rehabilitation_claims(5_800_000, rate=0.14, default_date=date(2021, 6, 1),
    ...                           opening_on=date(2024, 5, 31))
    >>> b, rehabilitation_minimum(b)
    (8236000, 1647200)
    """
    amount = as_yen(residual, "residual")
    start = as_date(default_date, "default_date")
    end = as_date(opening_on, "opening_on")
    if start is None or end is None or end <= start:
        return amount
    return amount + default_interest(amount, start, end, rate)


# ==========================================================================
# 消滅時効: 民法 §§140, 143, 147, 150, 152, 166, 169; old 商法 §522
# ==========================================================================

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


#: 日本政策金融公庫 contracts from this day carry the national-tax late-payment rate fixed at
#: signing instead of 14.5% (M)
JFC_RATE_CHANGE = date(2016, 4, 1)
#: that rate in 2016 (9.1% in January 2016; "公的機関では年8%台" later, M); an upper estimate
_JFC_LATER_RATE = 0.091


def default_rate(creditor_type: str | None, contract_date: date | None = None) -> tuple[float, str]:
    """The usual 遅延損害金 rate of a creditor kind, and where it comes from.

    :data:`DEFAULT_RATES`, except 日本政策金融公庫: 14.5% on contracts to March
    2016, and on later ones the national-tax late-payment rate fixed at
    signing (9.1% in 2016, 8%台 since; M) — 9.1% is used as an upper
    estimate. An unknown creditor kind takes the bank rate. Use the
    contract's own rate whenever it is known.

    Returns
    -------
    (float, str)
        The rate as a fraction per year and a short source.

    Examples
    --------
    >>> default_rate("jfc", date(2015, 6, 1))
    (0.145, '日本政策金融公庫, contract to March 2016 (M)')
    >>> default_rate("jfc", date(2018, 6, 1))[0]
    0.091
    >>> default_rate(None)
    (0.14, 'bank rate assumed (H)')
    """
    contract = as_date(contract_date, "contract_date")
    if creditor_type == "jfc":
        if contract is None:
            return (
                0.145,
                "日本政策金融公庫, 14.5% assumed: contract date unknown (later contracts lower, M)",
            )
        if contract < JFC_RATE_CHANGE:
            return 0.145, "日本政策金融公庫, contract to March 2016 (M)"
        return _JFC_LATER_RATE, (
            "日本政策金融公庫, contract from April 2016: national-tax late rate at signing, "
            "9.1% or less (M)"
        )
    if creditor_type is None or creditor_type not in DEFAULT_RATES:
        return DEFAULT_RATES["bank"], "bank rate assumed (H)"
    source = {"bank": "H", "jhf": "M"}.get(creditor_type, "assumption")
    return DEFAULT_RATES[creditor_type], f"usual for {creditor_type} ({source})"


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
    amount = as_yen(principal, "principal")
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
    amount = as_yen(principal, "principal")
    bracket = amount if loan_principal is None else as_yen(loan_principal, "loan_principal")
    first = as_date(start, "start")
    last = as_date(end, "end")
    if first is None or last is None:
        raise CaseError("start and end are required")
    if last < first:
        raise CaseError(f"end {last} is before start {first}")
    if not 0 <= rate <= 1:
        raise CaseError(f"rate is a fraction per year (0.14 for 14%), got {rate!r}")
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
