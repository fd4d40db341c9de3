"""The ways out of one residual debt: one :class:`WayOut` record and one row builder each.

:data:`WAYS_OUT` holds the records in the order :func:`~outcomes.compare_paths`
shows them: 一括和解, 分割弁済, 任意整理, 個人再生, 自己破産, 時効援用. A new way
out (say 特定調停) is one more record and one row builder here; nothing else
changes. A builder reads one :class:`Situation` (the clean row and the
household, built by :mod:`outcomes._advice.paths`) and returns the row's figures and
notes. The legal arithmetic is in :mod:`outcomes._law.statutes` and
:mod:`outcomes._law.limitation`, the labels in :mod:`outcomes._format`. Every
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

from outcomes._advice.case import first_value
from outcomes._advice.notes import (
    CREDIT_RECORD,
    LIMITATION_FACT_JA,
    PATH_LABELS,
    guarantor_effect,
    path_note,
)
from outcomes._advice.notes import JUDGMENT_WORDS as _JUDGMENT_NAMES
from outcomes._advice.wording import Yen
from outcomes._errors import CaseError, RehabilitationUnavailableError
from outcomes._format import format_yen
from outcomes._law import (
    REHABILITATION_DEBT_LIMIT,
    LimitationResult,
    limitation_complete,
    limitation_date,
    originator_is_merchant,
    rehabilitation_claims,
    rehabilitation_minimum,
)

__all__ = [
    "INSTALLMENT_RANGE",
    "JHF_COLLECTORS",
    "SHIHOSHOSHI_LIMIT",
    "WAYS_OUT",
    "Note",
    "Row",
    "WayOut",
]

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
#: the usual monthly instalment, low and high (the article, L)
INSTALLMENT_RANGE = (5_000, 20_000)
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


#: one note in both languages: (Japanese, English), from :func:`~outcomes._advice.notes.path_note`
Note = tuple[str, str]
_n = path_note


def capacity_of(income: int | None, budget: int | None) -> tuple[int | None, Note]:
    if budget is not None:
        return budget, _n("capacity_budget", budget=Yen(budget))
    if income is not None:
        cap = int(income * _CAPACITY_INCOME_SHARE)
        return cap, _n("capacity_income", cap=Yen(cap))
    return None, ("", "")


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
class Situation:
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
    capacity_text: Note
    interest_note: Note
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
#: (a list of (Japanese, English) notes), sources (a list of str) and, when it differs from the record's,
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
    build: Callable[[Situation], Row]

    def row(self, situation: Situation) -> dict[str, Any]:
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
            "notes": "; ".join(n[1] for n in fields["notes"]),
            "notes_ja": "".join(f"{n[0]}。" for n in fields["notes"]),
            "guarantor": guarantor_effect(self.code, situation.guarantor, "en"),
            "sources": "; ".join(dict.fromkeys(fields["sources"])),
        }


def _way(code: str, extra_costs: int | None, build: Callable[[Situation], Row]) -> WayOut:
    return WayOut(code, PATH_LABELS[code][0], CREDIT_RECORD[code], extra_costs, build)


def _row(**fields: Any) -> Row:
    return fields


# ==========================================================================
# Row builders, one per way out
# ==========================================================================


_LAWYER_FEES = "lawyers' fees: marketing pages (L)"
_MOJ_2017 = "servicer roles: Ministry of Justice 2017 survey (H)"


def _role_note(s: Situation) -> Note | None:
    """The servicer's role in words, when a servicer is on the case."""
    if s.servicer is None:
        return None
    if s.creditor_type == "jhf":
        return _n("role_jhf", servicer=s.servicer)
    if s.servicer_role == "bought":
        return _n("role_bought", servicer=s.servicer)
    if s.servicer_role == "consigned":
        return _n("role_consigned", servicer=s.servicer)
    extra = path_note("role_also_jhf") if _is_jhf_collector(s.servicer) else ("", "")
    return _n("role_unknown", servicer=s.servicer, extra=extra)


def _lump_sum_row(s: Situation) -> Row:
    frame = s.query
    residual = s.residual
    creditor_type = s.creditor_type
    cash = s.cash
    model = s.ratio_model
    interest_note = s.interest_note
    notes: list[Note] = []
    sources: list[str] = []
    role = _role_note(s)
    if creditor_type == "jhf":
        notes.append(_n("lump_jhf"))
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
        notes.append(_n("lump_model", typical=typical))
        if qs is not None:
            notes.append(_n("interval_ratio", low=low, high=high))
    else:
        low, typical, high = _LUMP_SUM_RULE_SERVICER if bought_rule else _LUMP_SUM_RULE_UNSOLD
        if bought_rule:
            only = ("", "") if s.servicer_role == "bought" else _n("lump_rule_only")
            notes.append(_n("lump_rule_bought", typical=typical, low=low, only=only))
            sources.append(
                "servicer settlements and purchase prices: the article and web pages (L–M)"
            )
        else:
            notes.append(_n("lump_rule_unsold", typical=typical, low=low, high=high))
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
            _n(
                "lump_needs",
                estimate=Yen(estimate),
                floor=Yen(floor_amount),
                high=Yen(round(high * residual)),
            )
        )
    elif cash >= estimate:
        notes.append(_n("lump_cash_covers", cash=Yen(cash), estimate=Yen(estimate)))
    elif cash >= floor_amount:
        total = cash
        notes.append(
            _n("lump_cash_within", cash=Yen(cash), share=cash / residual, estimate=Yen(estimate))
        )
    else:
        available = False
        notes.append(_n("lump_cash_below", cash=Yen(cash), low=low, floor=Yen(floor_amount)))
    notes.append(_n("lump_ends", interest=interest_note))
    return _row(
        available=available,
        total_to_pay=total,
        monthly=0,
        months=0,
        notes=notes,
        sources=sources,
    )


def _installment_row(s: Situation) -> Row:
    frame = s.query
    residual = s.residual
    creditor_type = s.creditor_type
    income = s.income
    budget = s.budget
    capacity = s.capacity
    model = s.monthly_model
    notes: list[Note] = []
    sources: list[str] = ["usual amounts and terms: the article (L)"]
    lo, hi = INSTALLMENT_RANGE
    if model is not None:
        query = frame.assign(resolution=pd.Series(["installment"], dtype=frame["resolution"].dtype))
        monthly = max(
            int(round(float(np.asarray(model.predict(query), dtype=float).reshape(-1)[0]))), 0
        )
        notes.append(_n("inst_model", monthly=Yen(monthly)))
        qs = _quantiles(model, query, (0.1, 0.9))
        if qs is not None:
            notes.append(_n("interval_yen", low=Yen(round(qs[0])), high=Yen(round(qs[1]))))
        if budget is not None and monthly > budget:
            notes.append(_n("inst_above_budget", budget=Yen(budget)))
    elif budget is not None:
        monthly = budget // 1_000 * 1_000
        notes.append(_n("inst_budget", monthly=Yen(monthly)))
    elif income is not None:
        step = int(income * _INSTALLMENT_INCOME_SHARE) // 5_000 * 5_000
        monthly = min(max(step, lo), hi)
        notes.append(_n("inst_income", lo=Yen(lo), hi=Yen(hi), monthly=Yen(monthly)))
    else:
        monthly = _INSTALLMENT_DEFAULT
        notes.append(_n("inst_default", monthly=Yen(monthly)))
    if not lo <= monthly <= hi:
        notes.append(_n("inst_outside", lo=Yen(lo), hi=Yen(hi)))
    if monthly == 0:
        notes.append(_n("inst_zero"))
        return _row(
            available=False,
            total_to_pay=pd.NA,
            monthly=0,
            months=pd.NA,
            notes=notes,
            sources=sources,
        )
    notes.append(_n("inst_forms"))
    role = _role_note(s)
    fixed = _SERVICER_TERM_MONTHS * monthly
    if s.servicer is not None and s.servicer_role == "bought" and fixed < residual:
        months = _SERVICER_TERM_MONTHS
        total = fixed
        notes.append(
            _n("inst_fixed", months=months, rest=Yen(residual - total), paid=total / residual)
        )
    else:
        months = pd.NA
        total = residual
        notes.append(_n("inst_open"))
        if creditor_type == "jhf":
            notes.append(_n("inst_jhf"))
            sources.append("JHF practice: one good secondary source (M)")
        elif s.servicer is not None and s.servicer_role is None and fixed < residual:
            notes.append(
                _n(
                    "inst_if_bought",
                    servicer=s.servicer,
                    months=_SERVICER_TERM_MONTHS,
                    fixed=Yen(fixed),
                )
            )
        elif s.servicer is None:
            notes.append(_n("inst_no_servicer"))
    if role and creditor_type != "jhf":
        notes.append(role)
        sources.append(_MOJ_2017)
    if capacity is not None and monthly > capacity:
        notes.append(_n("inst_too_much", capacity=Yen(capacity)))
    return _row(
        available=True,
        total_to_pay=total,
        monthly=monthly,
        months=months,
        notes=notes,
        sources=sources,
    )


def _voluntary_row(s: Situation) -> Row:
    residual = s.residual
    capacity = s.capacity
    capacity_text = s.capacity_text
    months = _shortest_term(residual, capacity, 36, 60, unknown=60)
    monthly = _ceil_div(residual, months)
    who = _n("vol_lawyer") if residual > SHIHOSHOSHI_LIMIT else _n("vol_either")
    notes = [_n("vol_main", months=months, who=who)]
    available = True
    if capacity is None:
        notes.append(_n("unknown_capacity"))
    elif monthly > capacity:
        available = False
        notes.append(_n("more_than", monthly=Yen(monthly), capacity=capacity_text))
    notes.append(_n("vol_costs"))
    return _row(
        available=available,
        total_to_pay=residual,
        monthly=monthly,
        months=months,
        notes=notes,
        sources=["司法書士法 §3-1-7, 最判平成28年6月27日 (H)", _LAWYER_FEES],
    )


def _rehabilitation_row(s: Situation) -> Row:
    residual = s.residual
    employment = s.employment
    capacity = s.capacity
    capacity_text = s.capacity_text
    notes: list[Note] = []
    sources = ["民事再生法 §§84(2), 221, 231 (H)"]
    opening = _opening_estimate(s.today)
    if s.unsecured_debt is not None:
        claims = s.unsecured_debt
        how = _n("rehab_b_given")
    elif s.default_date is not None:
        claims = rehabilitation_claims(
            residual, rate=s.rate, default_date=s.default_date, opening_on=opening
        )
        how = _n(
            "rehab_b_damages",
            rate=s.rate * 100,
            default_date=s.default_date,
            opening=opening,
            claims=Yen(claims),
        )
    else:
        claims = residual
        how = _n("rehab_b_residual")
    try:
        minimum = rehabilitation_minimum(claims)
    except RehabilitationUnavailableError as exc:
        notes.append(
            _n(
                "rehab_unavailable",
                debt=Yen(claims),
                limit=Yen(REHABILITATION_DEBT_LIMIT),
                message=str(exc),
            )
        )
        notes.append(how)
        return _row(
            available=False, total_to_pay=pd.NA, monthly=pd.NA, months=pd.NA,
            extra_costs=pd.NA, notes=notes, sources=sources,
        )  # fmt: skip
    months = _shortest_term(minimum, capacity, 36, 60, unknown=36)
    monthly = _ceil_div(minimum, months)
    available = True
    notes.append(_n("rehab_min", minimum=Yen(minimum), months=months))
    notes.append(how)
    if claims != residual:
        try:
            alone = rehabilitation_minimum(residual)
            notes.append(_n("rehab_alone", alone=Yen(alone)))
        except RehabilitationUnavailableError:
            pass
    notes.append(_n("rehab_also"))
    if employment == "unemployed":
        available = False
        notes.append(_n("rehab_unemployed"))
    elif employment == "pensioner":
        notes.append(_n("rehab_pension"))
    if capacity is None:
        notes.append(_n("unknown_capacity"))
    elif monthly > capacity:
        available = False
        notes.append(_n("more_than", monthly=Yen(monthly), capacity=capacity_text))
    notes.append(_n("rehab_costs"))
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


def _bankruptcy_row(s: Situation) -> Row:
    employment = s.employment
    cash = s.cash
    notes = [_n("bk_main")]
    sources = ["破産法 §253 (H)", "court costs: domain.md (M–H)", _LAWYER_FEES]
    if employment == "self_employed":
        costs = _COST_BANKRUPTCY_TRUSTEE
        notes.append(_n("bk_self", deposit=Yen(_SMALL_TRUSTEE_DEPOSIT)))
        if cash is not None and cash < _SMALL_TRUSTEE_DEPOSIT:
            notes.append(_n("bk_cash_short", cash=Yen(cash), deposit=Yen(_SMALL_TRUSTEE_DEPOSIT)))
    else:
        costs = _COST_BANKRUPTCY_SUMMARY
        notes.append(_n("bk_summary"))
    notes.append(_n("bk_jobs"))
    return _row(
        available=True,
        total_to_pay=0,
        monthly=0,
        months=0,
        extra_costs=costs,
        notes=notes,
        sources=sources,
    )


def _limitation_row(s: Situation) -> Row:
    frame = s.frame
    today = s.today
    interest_note = s.interest_note
    notes: list[Note] = []
    sources = ["民法 §§145, 147, 150, 152, 166, 169 and old 商法 §522 (H)"]
    result = s.limitation
    judged_on = (
        s.judgment_date if s.judgment in ("judgment", "payment_order", "court_settlement") else None
    )
    if result is None:
        sale = first_value(frame, "sale_date")
        agreed = first_value(frame, "agreement_date")
        if sale is None and agreed is None:
            notes.append(_n("lim_no_sale"))
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
        period = _n(
            "lim_period_unknown"
            if merchant is None
            else ("lim_period_5" if merchant else "lim_period_10")
        )
        both = agreed is not None and sale is not None
        notes.append(
            _n("lim_estimated", agreed=_n("lim_and_agreed") if both else ("", ""), period=period)
        )
        if paying:
            notes.append(_n("lim_paying"))
    available = limitation_complete(result, today)
    if result.completes_on is None:
        notes.append(_n("lim_pending"))
    elif available:
        notes.append(_n("lim_complete", since=result.completes_on + timedelta(days=1)))
    else:
        notes.append(_n("lim_not_yet", until=result.completes_on))
        notes.append(_n("meanwhile", interest=interest_note))
    if not result.period_known and result.earliest_completes_on is not None:
        early_done = today > result.earliest_completes_on
        notes.append(
            _n(
                "lim_unknown_period",
                early=result.earliest_completes_on,
                late=result.completes_on,
                fact=(LIMITATION_FACT_JA, result.deciding_fact),
                only=_n("lim_only_5") if early_done and not available else ("", ""),
            )
        )
    if s.judgment == "none":
        notes.append(_n("lim_no_judgment"))
    elif judged_on is None:
        notes.append(
            _n("lim_judgment_unknown")
            if s.judgment is None
            else _n("lim_judgment_no_date", what=_JUDGMENT_NAMES[s.judgment])
        )
    if s.judgment == "court_settlement":
        notes.append(_n("lim_169"))
    notes.append(_n("lim_costs"))
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
