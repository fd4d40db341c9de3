"""The ways out of one residual debt: one :class:`WayOut` record and one row builder each.

:data:`WAYS_OUT` holds the records in the order :func:`~outcomes.compare_paths`
shows them: 一括和解, 分割弁済, 任意整理, 個人再生, 自己破産, 時効援用. A new way
out (say 特定調停) is one more record and one row builder here; nothing else
changes. A builder reads one :class:`_Situation` (the clean row and the
household, built by :mod:`outcomes._paths`) and returns the row's figures and
notes. The legal arithmetic is in :mod:`outcomes._statutes` and
:mod:`outcomes._limitation`, the labels in :mod:`outcomes._labels`. Every
figure is an internal estimate for the analyst, never a promise to the debtor.

Figures marked (H) come from a statute or official text, (M) from one good
secondary source, (L) from marketing pages or anecdotes; see
``shared/spec/domain.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from outcomes._errors import CaseError, RehabilitationUnavailableError
from outcomes._labels import CREDIT_RECORD, PATH_LABELS, format_yen, guarantor_effect
from outcomes._limitation import (
    LimitationResult,
    limitation_complete,
    limitation_date,
    originator_is_merchant,
)
from outcomes._single_case import first_value
from outcomes._statutes import rehabilitation_claims, rehabilitation_minimum

__all__ = ["JHF_COLLECTORS", "SHIHOSHOSHI_LIMIT", "WAYS_OUT", "Row", "WayOut"]

#: the four servicers JHF consigns its collection to (M): a JHF claim with one of them is
#: still a JHF claim, not sold
JHF_COLLECTORS: tuple[str, ...] = (
    "エム・ユー・フロンティア債権回収",
    "オリックス債権回収",
    "住宅債権管理回収機構",
    "三菱HCキャピタル債権回収",
)

#: months from the comparison to the opening order (開始決定) of a 個人再生: preparing the
#: filing and the court's order (an assumption, not sourced)
_OPENING_MONTHS = 4

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
# ¥1,300-¥2,000 postage alone. 破産 court costs (domain.md, M-H): 同時廃止 ¥10,000-¥30,000;
# 少額管財 (Tokyo and many other courts) 予納金 ¥200,000; 通常管財 ¥500,000 or more (article).
_COST_VOLUNTARY = 50_000
_COST_REHABILITATION = 22_268 + 500_000
_COST_BANKRUPTCY_SUMMARY = 20_000 + 300_000  # 同時廃止: court ~¥10k-30k + lawyer
_SMALL_TRUSTEE_DEPOSIT = 200_000  # 少額管財 予納金
_COST_BANKRUPTCY_TRUSTEE = _SMALL_TRUSTEE_DEPOSIT + 400_000  # 少額管財: 予納金 + lawyer
#: a 認定司法書士 may act only where each claim is this much or less (司法書士法 §3-1-7, H)
SHIHOSHOSHI_LIMIT = 1_400_000
_COST_LIMITATION = 30_000


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _yen_text(amount: float | int) -> str:
    return format_yen(amount, "en")


def _capacity(income: int | None, budget: int | None) -> tuple[int | None, str]:
    if budget is not None:
        return budget, f"the monthly budget of {_yen_text(budget)}"
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


def _quantiles(model: Any, frame: pd.DataFrame, qs: Sequence[float]) -> np.ndarray | None:
    method = getattr(model, "predict_quantiles", None)
    if method is None:
        return None
    values = np.asarray(method(frame, list(qs)), dtype=float).reshape(-1)
    return values if values.size == len(qs) else None


# ==========================================================================
# The case as the row builders see it, and one record per way out
# ==========================================================================


@dataclass(frozen=True)
class _Situation:
    """Everything the row builders read about one case and the household."""

    frame: pd.DataFrame  # the clean row
    query: pd.DataFrame  # the clean row with as_of as its empty agreement date (for the models)
    residual: int
    creditor: str | None
    creditor_type: str | None
    servicer: str | None
    servicer_role: str | None  # "bought", "consigned", or None = unknown (or no servicer)
    employment: str | None
    income: int | None
    cash: int | None
    budget: int | None
    capacity: int | None
    capacity_text: str
    interest_note: str
    rate: float
    rate_source: str
    today: date
    limitation: LimitationResult | None
    ratio_model: Any
    monthly_model: Any
    contract_date: date | None = None
    default_date: date | None = None
    guarantor: bool | None = None
    judgment: str | None = None
    judgment_date: date | None = None
    unsecured_debt: int | None = None


def _is_jhf_collector(servicer: str | None) -> bool:
    return servicer is not None and any(name in servicer for name in JHF_COLLECTORS)


#: what a row builder returns: available, total_to_pay, monthly, months, notes
#: (a list of str), sources (a list of str) and, when it differs from the record's,
#: extra_costs
Row = dict[str, Any]


@dataclass(frozen=True)
class WayOut:
    """One way out of a residual debt, as :func:`compare_paths` shows it.

    Attributes
    ----------
    code : str
        The ``path`` code (also a ``resolution`` code of the clean table).
    label_ja : str
        Its Japanese name.
    credit_record : str
        What it leaves in the credit records.
    extra_costs : int or None
        Usual lawyers' and court costs in yen (estimates; the builder may
        give another figure for the case).
    build : callable
        ``build(situation) -> dict`` of ``available``, ``total_to_pay``,
        ``monthly``, ``months`` and ``notes``.
    """

    code: str
    label_ja: str
    credit_record: str
    extra_costs: int | None
    build: Callable[[_Situation], Row]

    def row(self, situation: _Situation) -> dict[str, Any]:
        """The row of this way out for one case, in :data:`PATH_COLUMNS`."""
        fields = {"extra_costs": self.extra_costs, "sources": [], **self.build(situation)}
        return {
            "path": self.code,
            "label_ja": self.label_ja,
            "available": fields["available"],
            "total_to_pay": fields["total_to_pay"],
            "monthly": fields["monthly"],
            "months": fields["months"],
            "extra_costs": fields["extra_costs"],
            "credit_record": self.credit_record,
            "notes": "; ".join(fields["notes"]),
            "guarantor": guarantor_effect(self.code, situation.guarantor, "en"),
            "sources": "; ".join(dict.fromkeys(fields["sources"])),
        }


def _way(code: str, extra_costs: int | None, build: Callable[[_Situation], Row]) -> WayOut:
    return WayOut(code, PATH_LABELS[code][0], CREDIT_RECORD[code], extra_costs, build)


def _row(**fields: Any) -> Row:
    return fields


# ==========================================================================
# Row builders, one per way out
# ==========================================================================


_LAWYER_FEES = "lawyers' fees: marketing pages (L)"
_MOJ_2017 = "servicer roles: Ministry of Justice 2017 survey (H)"


def _role_note(s: _Situation) -> str | None:
    """The servicer's role in words, when a servicer is on the case."""
    if s.servicer is None:
        return None
    if s.creditor_type == "jhf":
        return f"{s.servicer} collects for JHF on consignment: the claim is still JHF's, not sold"
    if s.servicer_role == "bought":
        return f"{s.servicer} bought the claim (recorded)"
    if s.servicer_role == "consigned":
        return (
            f"{s.servicer} collects on consignment (recorded): it follows the creditor's rules "
            f"and rarely agrees to forgive"
        )
    extra = " (it also collects for JHF on consignment)" if _is_jhf_collector(s.servicer) else ""
    return (
        f"servicer role unknown: {s.servicer} may have bought the claim or only collect it on "
        f"consignment{extra}; most servicer-handled claims are consigned (0.65M bought vs "
        f"11.41M consigned in 2017) — check before counting on forgiveness"
    )


def _lump_sum_row(s: _Situation) -> Row:
    frame = s.query
    residual = s.residual
    creditor_type = s.creditor_type
    cash = s.cash
    model = s.ratio_model
    interest_note = s.interest_note
    notes: list[str] = []
    sources: list[str] = []
    role = _role_note(s)
    if creditor_type == "jhf":
        notes.append(
            "JHF (住宅金融支援機構) keeps its claims and rarely forgives: no lump-sum settlement expected"
        )
        if role:
            notes.append(role)
        return _row(
            available=False,
            total_to_pay=pd.NA,
            monthly=0,
            months=0,
            notes=notes,
            sources=["JHF practice: one good secondary source (M)"],
        )
    bought_rule = s.servicer is not None and s.servicer_role != "consigned"
    if model is not None:
        query = frame.assign(resolution=pd.Series(["lump_sum"], dtype=frame["resolution"].dtype))
        typical = float(np.clip(np.asarray(model.predict(query), dtype=float).reshape(-1)[0], 0, 1))
        qs = _quantiles(model, query, (0.1, 0.9))
        low, high = (
            (float(np.clip(qs[0], 0, 1)), float(np.clip(qs[1], 0, 1)))
            if qs is not None
            else (typical, typical)
        )
        notes.append(f"settlement ratio from the model of past cases: {typical:.1%}")
        if qs is not None:
            notes.append(f"80% interval {low:.1%}–{high:.1%}")
    else:
        low, typical, high = _LUMP_SUM_RULE_SERVICER if bought_rule else _LUMP_SUM_RULE_UNSOLD
        if bought_rule:
            notes.append(
                f"no model: rule of thumb for claims a servicer bought, about {typical:.0%} of the "
                f"residual (accepted from {low:.1%}; purchase prices 1–10%)"
                + ("" if s.servicer_role == "bought" else "; applies only if it bought the claim")
            )
            sources.append(
                "servicer settlements and purchase prices: the article and web pages (L–M)"
            )
        else:
            notes.append(
                f"no model: assumed {typical:.0%} ({low:.0%}–{high:.0%}); lump sums are usual once "
                f"a servicer has bought the claim, before that creditors rarely forgive much"
            )
            sources.append("unsold claims: an assumption, no data")
    if role:
        notes.append(role)
        sources.append(_MOJ_2017)
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
            f"the {_yen_text(cash)} available ({cash / residual:.1%}) is below the usual "
            f"{_yen_text(estimate)} but within the range of similar past settlements"
        )
    else:
        available = False
        notes.append(
            f"the cash of {_yen_text(cash)} is below the lowest settlement seen "
            f"({low:.1%} = {_yen_text(floor_amount)}); saving towards it or instalments instead"
        )
    notes.append(f"a settlement ends the debt; meanwhile {interest_note}")
    return _row(
        available=available,
        total_to_pay=total,
        monthly=0,
        months=0,
        notes=notes,
        sources=sources,
    )


def _installment_row(s: _Situation) -> Row:
    frame = s.query
    residual = s.residual
    creditor_type = s.creditor_type
    income = s.income
    budget = s.budget
    capacity = s.capacity
    model = s.monthly_model
    notes: list[str] = []
    sources: list[str] = ["usual amounts and terms: the article (L)"]
    lo, hi = _INSTALLMENT_RANGE
    if model is not None:
        query = frame.assign(resolution=pd.Series(["installment"], dtype=frame["resolution"].dtype))
        monthly = max(
            int(round(float(np.asarray(model.predict(query), dtype=float).reshape(-1)[0]))), 0
        )
        notes.append(f"monthly amount from the model of past cases: {_yen_text(monthly)}")
        qs = _quantiles(model, query, (0.1, 0.9))
        if qs is not None:
            notes.append(f"80% interval {_yen_text(qs[0])}–{_yen_text(qs[1])}")
        if budget is not None and monthly > budget:
            notes.append(
                f"above the monthly budget of {_yen_text(budget)}: the budget, with a 収支表, instead"
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
            available=False,
            total_to_pay=pd.NA,
            monthly=0,
            months=pd.NA,
            notes=notes,
            sources=sources,
        )
    notes.append("agreed on a 生活状況確認表 and 収支表; reviewed when life changes")
    role = _role_note(s)
    fixed = _SERVICER_TERM_MONTHS * monthly
    if s.servicer is not None and s.servicer_role == "bought" and fixed < residual:
        months = _SERVICER_TERM_MONTHS
        total = fixed
        notes.append(
            f"a servicer that bought the claim may agree a fixed {months} months with the "
            f"remaining {_yen_text(residual - total)} forgiven at the end ({total / residual:.1%} "
            f"paid): this total holds only if that forgiveness is written into the agreement; "
            f"otherwise the whole residual stays owed"
        )
    else:
        months = pd.NA
        total = residual
        notes.append("open-ended: the whole residual stays owed (best estimate = the residual)")
        if creditor_type == "jhf":
            notes.append(
                "JHF keeps the claim (collected on consignment by 住宅債権管理回収機構 or one of its "
                "three other collectors), usually from about ¥10,000 a month, ¥5,000 accepted on "
                "a pension; reviewed every 1 or 5 years; no forgiveness after a fixed term"
            )
            sources.append("JHF practice: one good secondary source (M)")
        elif s.servicer is not None and s.servicer_role is None and fixed < residual:
            notes.append(
                f"if {s.servicer} bought the claim (role unknown), a fixed {_SERVICER_TERM_MONTHS} "
                f"months with the rest forgiven might be agreed ({_yen_text(fixed)} paid); not "
                f"counted here"
            )
        elif s.servicer is None:
            notes.append("a lump sum may become possible if the claim is sold to a servicer")
    if role and creditor_type != "jhf":
        notes.append(role)
        sources.append(_MOJ_2017)
    if capacity is not None and monthly > capacity:
        notes.append(f"more than the household can pay ({_yen_text(capacity)})")
    return _row(
        available=True,
        total_to_pay=total,
        monthly=monthly,
        months=months,
        notes=notes,
        sources=sources,
    )


def _voluntary_row(s: _Situation) -> Row:
    residual = s.residual
    capacity = s.capacity
    capacity_text = s.capacity_text
    months = _shortest_term(residual, capacity, 36, 60, unknown=60)
    monthly = _ceil_div(residual, months)
    who = (
        "through a 弁護士 (a 認定司法書士 may act only on claims of ¥1,400,000 or less)"
        if residual > SHIHOSHOSHI_LIMIT
        else "through a 弁護士 or a 認定司法書士 (the claim is ¥1,400,000 or less)"
    )
    notes = [
        f"the principal over {months} months (3–5 years), future interest cut; needs the "
        f"creditor's consent; {who}",
    ]
    available = True
    if capacity is None:
        notes.append("affordability unknown: give budget or monthly_income")
    elif monthly > capacity:
        available = False
        notes.append(f"{_yen_text(monthly)} a month is more than {capacity_text}")
    notes.append("extra costs: lawyer's fee estimate, ¥20,000–¥50,000 a creditor")
    return _row(
        available=available,
        total_to_pay=residual,
        monthly=monthly,
        months=months,
        notes=notes,
        sources=["司法書士法 §3-1-7, 最判平成28年6月27日 (H)", _LAWYER_FEES],
    )


def _rehabilitation_row(s: _Situation) -> Row:
    residual = s.residual
    employment = s.employment
    capacity = s.capacity
    capacity_text = s.capacity_text
    notes: list[str] = []
    sources = ["民事再生法 §§84(2), 221, 231 (H)"]
    opening = _opening_estimate(s.today)
    if s.unsecured_debt is not None:
        claims = s.unsecured_debt
        how = "B given by the analyst"
    elif s.default_date is not None:
        claims = rehabilitation_claims(
            residual, rate=s.rate, default_date=s.default_date, opening_on=opening
        )
        how = (
            f"B = the residual + 遅延損害金 ({s.rate * 100:g}%) from {s.default_date} to an "
            f"estimated opening order on {opening} = {_yen_text(claims)} (§84(2))"
        )
    else:
        claims = residual
        how = (
            "B = the residual alone: 遅延損害金 accrued to the opening order count too (§84(2)) "
            "and raise the minimum; give default_date or unsecured_debt"
        )
    try:
        minimum = rehabilitation_minimum(claims)
    except RehabilitationUnavailableError as exc:
        notes.append(str(exc))
        notes.append(how)
        return _row(
            available=False, total_to_pay=pd.NA, monthly=pd.NA, months=pd.NA,
            extra_costs=pd.NA, notes=notes, sources=sources,
        )  # fmt: skip
    months = _shortest_term(minimum, capacity, 36, 60, unknown=36)
    monthly = _ceil_div(minimum, months)
    available = True
    notes.append(
        f"minimum repayment {_yen_text(minimum)} (民事再生法 §231) over {months} months "
        f"(3 years, up to 5); other unsecured debts raise it"
    )
    notes.append(how)
    if claims != residual:
        try:
            alone = rehabilitation_minimum(residual)
            notes.append(f"on the residual alone the minimum would be {_yen_text(alone)}")
        except RehabilitationUnavailableError:
            pass
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
        notes.append(
            "a pension is continuing income (民事再生法 §221(1)): 小規模個人再生 is open to pensioners"
        )
    if capacity is None:
        notes.append("affordability unknown: give budget or monthly_income")
    elif monthly > capacity:
        available = False
        notes.append(f"{_yen_text(monthly)} a month is more than {capacity_text}")
    notes.append(
        "extra costs: court ¥22,268 (¥10,000 stamp + ¥12,268 予納金) + lawyer about ¥500,000 "
        "(¥400,000–¥1,000,000); a 個人再生委員 (Tokyo) adds more"
    )
    sources += ["court fees: yamanaka-seiri.jp (M)", _LAWYER_FEES]
    return _row(
        available=available,
        total_to_pay=minimum,
        monthly=monthly,
        months=months,
        notes=notes,
        sources=sources,
    )


def _opening_estimate(today: date) -> date:
    """The day a 個人再生 opened now would get its opening order: about four months on."""
    month = today.month - 1 + _OPENING_MONTHS
    year, month = today.year + month // 12, month % 12 + 1
    return date(year, month, min(today.day, 28))


def _bankruptcy_row(s: _Situation) -> Row:
    employment = s.employment
    cash = s.cash
    notes = ["discharges the residual (破産法 §253(1)); taxes and child support stay owed"]
    sources = ["破産法 §253 (H)", "court costs: domain.md (M–H)", _LAWYER_FEES]
    if employment == "self_employed":
        costs = _COST_BANKRUPTCY_TRUSTEE
        notes.append(
            f"self-employed: usually a trustee case; in the 少額管財 scheme (Tokyo and many other "
            f"courts) the 予納金 is about {_yen_text(_SMALL_TRUSTEE_DEPOSIT)}, in an ordinary 管財 "
            f"¥500,000 or more; + lawyer about ¥400,000 (¥400,000–¥800,000)"
        )
        if cash is not None and cash < _SMALL_TRUSTEE_DEPOSIT:
            notes.append(
                f"the cash of {_yen_text(cash)} does not cover a 少額管財 予納金 of "
                f"{_yen_text(_SMALL_TRUSTEE_DEPOSIT)}"
            )
    else:
        costs = _COST_BANKRUPTCY_SUMMARY
        notes.append(
            "no assets left after the sale: usually 同時廃止, court costs about ¥10,000–¥30,000 + "
            "lawyer about ¥300,000 (¥200,000–¥400,000); a trustee case would need a 予納金 of "
            "about ¥200,000 (少額管財) or ¥500,000 or more (ordinary 管財)"
        )
    notes.append("some jobs are barred until discharge (警備員, 士業, 保険外交員)")
    return _row(
        available=True,
        total_to_pay=0,
        monthly=0,
        months=0,
        extra_costs=costs,
        notes=notes,
        sources=sources,
    )


def _limitation_row(s: _Situation) -> Row:
    frame = s.frame
    today = s.today
    interest_note = s.interest_note
    notes: list[str] = []
    sources = ["民法 §§145, 147, 150, 152, 166, 169; old 商法 §522 (H)"]
    result = s.limitation
    judged_on = (
        s.judgment_date if s.judgment in ("judgment", "payment_order", "court_settlement") else None
    )
    if result is None:
        sale = first_value(frame, "sale_date")
        agreed = first_value(frame, "agreement_date")
        if sale is None and agreed is None:
            notes.append(
                "no sale_date: cannot estimate the limitation; the real dates (contract, default, "
                "payments, any judgment) are needed"
            )
            return _row(
                available=False, total_to_pay=0, monthly=0, months=pd.NA, notes=notes,
                sources=sources,
            )  # fmt: skip
        anchor = (sale if sale is not None else agreed).date()
        merchant = originator_is_merchant(s.creditor_type, s.creditor)
        start = s.default_date if s.default_date is not None and s.default_date < anchor else None
        acks = [anchor] if start is not None else []
        if agreed is not None and sale is not None:
            acks.append(agreed.date())
        paying = first_value(frame, "resolution") == "installment"
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
            )
        except CaseError as exc:
            raise CaseError(f"judgment_date: {exc}") from None
        period = (
            "period not known (see below)"
            if merchant is None
            else ("5 years (a merchant originator)" if merchant else "10 years (not a merchant)")
        )
        notes.append(
            "estimated: clock restarted at the sale (the proceeds paid part of the debt)"
            + (" and at the agreement" if agreed is not None and sale is not None else "")
            + f"; {period}; the real dates give a firmer answer"
        )
        if paying:
            notes.append("instalments assumed paid up to as_of: each payment restarts the clock")
    available = limitation_complete(result, today)
    if result.completes_on is None:
        notes.append("a lawsuit is pending: completion is suspended")
    elif available:
        notes.append(
            f"complete since {result.completes_on + timedelta(days=1)} on this estimate: it is "
            f"invoked (援用) by 内容証明郵便 with 配達証明; paying or asking for time first forfeits it"
        )
    else:
        notes.append(
            f"not yet: completes at the end of {result.completes_on} if nothing restarts it "
            f"(any payment or request for time restarts it; a judgment gives 10 years)"
        )
        notes.append(f"meanwhile {interest_note}")
    if not result.period_known and result.earliest_completes_on is not None:
        early_done = today > result.earliest_completes_on
        notes.append(
            f"period not known: {result.earliest_completes_on} with 5 years, "
            f"{result.completes_on} with 10; it depends on {result.deciding_fact}"
            + ("; complete only if the 5 years apply" if early_done and not available else "")
        )
    if s.judgment == "none":
        notes.append("no judgment or 支払督促 (confirmed)")
    elif judged_on is None:
        notes.append(
            "a judgment or 支払督促 unknown to the debtor (often served by 公示送達) would make it "
            "10 years from then: check the court record before relying on it"
            if s.judgment is None
            else f"a {s.judgment.replace('_', ' ')} is recorded without its date: 10 years from "
            f"it; the date is needed"
        )
    if s.judgment == "court_settlement":
        notes.append(
            "parts not yet due at the court settlement keep their own period (民法 §169(2))"
        )
    notes.append(
        "extra costs: a professional's fee, ¥20,000–¥100,000; about ¥1,300–¥2,000 postage "
        "if sent alone"
    )
    sources.append(_LAWYER_FEES)
    return _row(
        available=available,
        total_to_pay=0,
        monthly=0,
        months=pd.NA,
        notes=notes,
        sources=sources,
    )


#: the ways out, in the order compare_paths shows them; a new one is one more record
WAYS_OUT: tuple[WayOut, ...] = (
    _way("lump_sum", 0, _lump_sum_row),
    _way("installment", 0, _installment_row),
    _way("voluntary_arrangement", _COST_VOLUNTARY, _voluntary_row),
    _way("rehabilitation", _COST_REHABILITATION, _rehabilitation_row),
    _way("bankruptcy", _COST_BANKRUPTCY_SUMMARY, _bankruptcy_row),
    _way("limitation", _COST_LIMITATION, _limitation_row),
)
