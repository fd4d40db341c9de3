"""Statute arithmetic of amounts: pure functions of the law, no wording of the ways out.

- :func:`rehabilitation_minimum`, :func:`rehabilitation_claims` — 民事再生法 §§231,
  84(2): the minimum repayment of 個人再生 and its claims B;
- :func:`default_interest`, :func:`interest_cap`, :func:`default_rate`,
  :data:`DEFAULT_RATES` — 遅延損害金 under the 利息制限法 §§4, 7 caps.

The limitation (消滅時効) is :mod:`outcomes._law.limitation`. Arguments are
checked by :mod:`outcomes._arguments`: a bad value raises
:class:`~outcomes._errors.CaseError` (a ``ValueError``), or
:class:`~outcomes._errors.CaseTypeError` (also a ``TypeError``) for a wrong type,
naming the argument.

Figures marked (H) come from a statute or official text, (M) from one good
secondary source, (L) from marketing pages or anecdotes; see
``shared/spec/domain.md``.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from outcomes._arguments import as_date, as_yen
from outcomes._errors import CaseError, RehabilitationUnavailableError

__all__ = [
    "DEFAULT_RATES",
    "REHABILITATION_DEBT_LIMIT",
    "JFC_RATE_CHANGE",
    "default_interest",
    "default_rate",
    "interest_cap",
    "rehabilitation_claims",
    "rehabilitation_minimum",
]


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
    residual: int,
    *,
    rate: float,
    default_date: date | None,
    opening_on: date,
    sale_on: date | None = None,
) -> int:
    """B of 民事再生法 §231 for a residual debt: the residual plus 遅延損害金 to the opening order.

    Interest and 遅延損害金 accrued up to the court's opening order (開始決定)
    are claims of the rehabilitation; only later ones are excluded (§84(2),
    H). The damages accrue on the principal (taken as the residual) from
    ``default_date`` (期限の利益喪失) to ``opening_on``, under the 利息制限法
    caps (:func:`default_interest`).

    When the default came before the sale (``sale_on``), the damages are
    counted from the sale only: the sale proceeds were applied to costs,
    then interest and damages, then principal (民法 §489), so the residual
    owed right after the sale already holds whatever damages the proceeds
    did not pay. Counting them again from the default would count them
    twice. Without a ``default_date`` the residual is returned as it is.

    Examples
    --------
    The article's ¥5.8M with three years of 14%:

    >>> b = rehabilitation_claims(5_800_000, rate=0.14, default_date=date(2021, 6, 1),
    ...                           opening_on=date(2024, 5, 31))
    >>> b, rehabilitation_minimum(b)
    (8236000, 1647200)

    The same default, but the home sold on 2023-03-01: damages from the sale.

    >>> b = rehabilitation_claims(5_800_000, rate=0.14, default_date=date(2021, 6, 1),
    ...                           opening_on=date(2024, 10, 1), sale_on=date(2023, 3, 1))
    >>> b, rehabilitation_minimum(b)
    (7090301, 1418061)
    """
    amount = as_yen(residual, "residual")
    start = as_date(default_date, "default_date")
    sold = as_date(sale_on, "sale_on")
    end = as_date(opening_on, "opening_on")
    if start is None:
        return amount
    if sold is not None and sold > start:
        start = sold  # 民法 §489: damages before the sale are in the residual already
    if end is None or end <= start:
        return amount
    return amount + default_interest(amount, start, end, rate)


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
