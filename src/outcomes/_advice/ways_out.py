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
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from outcomes._advice.limitation_row import LIMITATION_COSTS, limitation_row
from outcomes._advice.notes import (
    CREDIT_RECORD,
    PATH_LABELS,
    guarantor_effect,
    path_note,
)
from outcomes._advice.situation import Note, Row, Situation
from outcomes._errors import RehabilitationUnavailableError
from outcomes._format import Yen, format_yen
from outcomes._law import (
    REHABILITATION_DEBT_LIMIT,
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
    "Situation",
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
# Tokyo District Court's rule for a trustee case (hashi-law.com/2020/10/13/jikohasan-
# furiwakekijun/, M; many courts follow it, rules differ by court): cash of ¥330,000 or more,
# or any one kind of asset (deposits included) worth ¥200,000 or more
_TRUSTEE_CASH = 330_000
_TRUSTEE_ASSET = 200_000
#: a 認定司法書士 may act only where each claim is this much or less (司法書士法 §3-1-7, H)
SHIHOSHOSHI_LIMIT = 1_400_000
_COST_LIMITATION = 30_000


def _to_thousand(amount: float) -> int:
    """Yen estimated from a ratio, to the nearest ¥1,000 (halves up).

    >>> _to_thousand(188_098.4), _to_thousand(98_500), _to_thousand(400)
    (188000, 99000, 0)
    """
    return int(amount / 1_000 + 0.5) * 1_000


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _yen_text(amount: float | int) -> str:
    return format_yen(amount, "en")


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


def _is_jhf_collector(servicer: str | None) -> bool:
    return servicer is not None and any(name in servicer for name in JHF_COLLECTORS)


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
        """The row of this way out for one case, in :data:`PATH_COLUMNS`.

        ``available`` is True (possible on what is known), False (not
        possible, or not to be counted on), or NA: not known, because it turns
        on a fact the case does not record (the notes say which).
        """
        fields = {"extra_costs": self.extra_costs, "sources": [], **self.build(situation)}
        g, kind = situation.guarantor, situation.guarantor_kind
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
            "guarantor": guarantor_effect(self.code, g, "en", kind),
            "guarantor_ja": guarantor_effect(self.code, g, "ja", kind),
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
_MOJ_2017 = "servicer roles: Ministry of Justice 2017 survey, moj.go.jp/content/001258685.pdf (H)"
_JHF = "JHF practice: sbi-efinance.co.jp/contents/what_is_servicer (M)"
_ARTICLE = "usual amounts and terms: the article 任意売却後の残債はどうなる? (任意売却119番, L)"
_TAX = "所得税法 §44-2 (H)"


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
    """一括和解: a model's settlement ratio, or a rule of thumb only where a servicer bought the claim.

    The few percent servicers accept are those of claims they bought (domain.md; MoJ 2017:
    most servicer-handled claims are consigned). A consigned collector follows the creditor's
    own rules and rarely forgives, an unsold claim has no data, and a servicer whose role is
    not recorded may be either: there ``available`` is NA (不明), never inferred.
    """
    residual = s.residual
    cash = s.cash
    model = s.ratio_model
    notes: list[Note] = []
    sources: list[str] = []
    role = _role_note(s)
    if s.creditor_type == "jhf":
        notes.append(_n("lump_jhf"))
        if role:
            notes.append(role)
        return _row(
            available=False, total_to_pay=pd.NA, monthly=0, months=0, notes=notes, sources=[_JHF]
        )  # fmt: skip
    consigned = s.servicer is not None and s.servicer_role == "consigned"
    unknown_role = s.servicer is not None and s.servicer_role is None
    available: Any = True
    if model is not None:
        query = s.query.assign(
            resolution=pd.Series(["lump_sum"], dtype=s.query["resolution"].dtype)
        )
        typical = float(np.clip(np.asarray(model.predict(query), dtype=float).reshape(-1)[0], 0, 1))
        qs = _quantiles(model, query, (0.1, 0.9))
        low, high = (
            (float(np.clip(qs[0], 0, 1)), float(np.clip(qs[1], 0, 1)))
            if qs is not None
            else (typical, typical)
        )
        if consigned and not s.model_knows_roles:
            available = pd.NA
            notes.append(_n("lump_consigned_model"))
        notes.append(_n("lump_model", typical=typical))
        if qs is not None:
            notes.append(_n("interval_ratio", low=low, high=high))
        what, span = _n("lump_what_model"), _n("lump_range_model")
    elif consigned or s.servicer is None:
        # no data behind any figure: say so, and give none as a benchmark
        if consigned:
            notes.append(_n("lump_consigned"))
            sources.append(_MOJ_2017)
        else:
            typical = _LUMP_SUM_RULE_UNSOLD[1]
            notes.append(_n("lump_rule_unsold", typical=typical, estimate=Yen(typical * residual)))
            sources.append("unsold claims: an assumption, no data")
        if consigned and role:
            notes.append(role)
        notes.append(_n("lump_ends", interest=s.interest_note))
        return _row(
            available=pd.NA, total_to_pay=pd.NA, monthly=0, months=0, notes=notes, sources=sources
        )  # fmt: skip
    else:
        low, typical, high = _LUMP_SUM_RULE_SERVICER
        if unknown_role:
            available = pd.NA
            notes.append(_n("lump_role_unknown"))
        notes.append(_n("lump_rule_bought", typical=typical, low=low))
        sources.append("servicer settlements and purchase prices: the article and web pages (L–M)")
        what, span = _n("lump_what_rule"), _n("lump_range_rule")
    if role:
        notes.append(role)
        sources.append(_MOJ_2017)
    # estimates from a ratio, to the ¥1,000: a figure to the yen would claim a precision
    # no settlement ratio has
    estimate = _to_thousand(typical * residual)
    floor_amount = _to_thousand(low * residual)
    total = estimate
    if cash is None:
        notes.append(
            _n(
                "lump_needs",
                estimate=Yen(estimate),
                floor=Yen(floor_amount),
                high=Yen(_to_thousand(high * residual)),
            )
        )
    elif cash >= estimate:
        notes.append(_n("lump_cash_covers", cash=Yen(cash), estimate=Yen(estimate), what=what))
    elif cash >= floor_amount:
        total = cash
        notes.append(
            _n(
                "lump_cash_within",
                cash=Yen(cash),
                share=cash / residual,
                estimate=Yen(estimate),
                what=what,
                range=span,
            )
        )
    else:
        available = False
        notes.append(
            _n("lump_cash_below", cash=Yen(cash), low=low, floor=Yen(floor_amount), range=span)
        )
    notes.append(_n("lump_ends", interest=s.interest_note))
    if available is not False:
        notes.append(_n("forgiveness_tax"))
        sources.append(_TAX)
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
    sources: list[str] = [_ARTICLE]
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
        notes.append(_n("forgiveness_tax"))
        sources.append(_TAX)
    else:
        months = pd.NA
        total = residual
        notes.append(_n("inst_open"))
        if creditor_type == "jhf":
            notes.append(_n("inst_jhf"))
            sources.append(_JHF)
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
        notes.append(_n("vol_post_sale"))
    elif s.budget is None:
        notes.append(_n("capacity_rule", court=("", "")))
    notes.append(_n("vol_costs"))
    return _row(
        available=available,
        total_to_pay=residual,
        monthly=monthly,
        months=months,
        notes=notes,
        sources=[
            "司法書士法 §3-1-7, 最判平成28年6月27日 (H)",
            _LAWYER_FEES,
            "減額報酬: 日弁連 債務整理事件処理の規律を定める規程 (H)",
        ],
    )


def _rehabilitation_row(s: Situation) -> Row:
    """個人再生: the §231 minimum of B, B with 遅延損害金 to the opening order counted from the sale.

    民事再生法 §84(2): damages to the opening order are claims; 民法 §489: the sale proceeds
    paid costs, damages and principal in that order, so the residual after the sale already
    holds the damages before it (:func:`~outcomes._law.rehabilitation_claims`). An estimated
    B over ¥50M leaves 個人再生 unknown (NA), not refused: the estimate rests on guesses.
    """
    residual = s.residual
    employment = s.employment
    capacity = s.capacity
    capacity_text = s.capacity_text
    notes: list[Note] = []
    sources = ["民事再生法 §§84(2), 174, 196, 221, 231 (H)"]
    opening = _opening_estimate(s.today)
    estimated = False
    if s.unsecured_debt is not None:
        claims = s.unsecured_debt
        how = _n("rehab_b_given")
    elif s.default_date is not None:
        estimated = True
        claims = rehabilitation_claims(
            residual,
            rate=s.rate,
            default_date=s.default_date,
            opening_on=opening,
            sale_on=s.sale_date,
        )
        start = s.default_date
        why: Note = ("", "")
        if s.sale_date is None:
            why = _n("rehab_no_sale")
        elif s.sale_date > s.default_date:
            start, why = s.sale_date, _n("rehab_from_sale")
            sources.append("民法 §489 (H)")
        how = _n(
            "rehab_b_damages",
            rate=s.rate * 100,
            start=start,
            opening=opening,
            claims=Yen(claims),
            why=why,
        )
    else:
        claims = residual
        how = _n("rehab_b_residual")
    try:
        minimum = rehabilitation_minimum(claims)
    except RehabilitationUnavailableError as exc:
        unsure = estimated and residual <= REHABILITATION_DEBT_LIMIT
        key = "rehab_over_estimated" if unsure else "rehab_unavailable"
        limit = Yen(REHABILITATION_DEBT_LIMIT)
        notes.append(_n(key, debt=Yen(claims), limit=limit, message=str(exc)))
        notes.append(how)
        return _row(
            available=pd.NA if unsure else False, total_to_pay=pd.NA, monthly=pd.NA,
            months=pd.NA, extra_costs=pd.NA, notes=notes, sources=sources,
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
    elif s.budget is None:
        notes.append(_n("capacity_rule", court=_n("capacity_court")))
    notes.append(_n("rehab_no_home"))
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
    """自己破産: discharge is the court's decision (破産法 §252); costs by the court's case track.

    同時廃止 only where nothing points to a trustee case: the self-employed, cash of ¥330,000
    or more, or a known ground barring discharge (§252(1)) make it a trustee case (the Tokyo
    District Court's rule; rules differ by court).
    """
    cash = s.cash
    notes = [_n("bk_main")]
    sources = [
        "破産法 §§252, 253 (H)",
        "破産 court costs: kuretakelaw.com/individual/707, saimu4.com/jikohasan/2056/ (M–H)",
        "同時廃止 or 管財: hashi-law.com/2020/10/13/jikohasan-furiwakekijun/ (Tokyo, M)",
        _LAWYER_FEES,
    ]
    available: Any = True
    trustee = False
    if s.bars_to_discharge is None:
        notes.append(_n("bk_bars_ask"))
    elif s.bars_to_discharge:
        available, trustee = pd.NA, True
        notes.append(_n("bk_bars_known"))
    else:
        notes.append(_n("bk_bars_none"))
    if s.employment == "self_employed":
        trustee = True
        notes.append(_n("bk_self", deposit=Yen(_SMALL_TRUSTEE_DEPOSIT)))
        if cash is not None and cash < _SMALL_TRUSTEE_DEPOSIT:
            notes.append(_n("bk_cash_short", cash=Yen(cash), deposit=Yen(_SMALL_TRUSTEE_DEPOSIT)))
    elif cash is not None and cash >= _TRUSTEE_CASH:
        trustee = True
        notes.append(_n("bk_cash_trustee", cash=Yen(cash)))
        notes.append(_n("bk_trustee_costs", deposit=Yen(_SMALL_TRUSTEE_DEPOSIT)))
    elif trustee:
        notes.append(_n("bk_trustee_costs", deposit=Yen(_SMALL_TRUSTEE_DEPOSIT)))
    else:
        unknown = _n("bk_cash_unknown") if cash is None else ("", "")
        notes.append(_n("bk_summary", unknown=unknown))
        if cash is not None and cash >= _TRUSTEE_ASSET:
            notes.append(_n("bk_cash_deposit", cash=Yen(cash)))
    notes.append(_n("bk_jobs"))
    return _row(
        available=available,
        total_to_pay=0,
        monthly=0,
        months=0,
        extra_costs=_COST_BANKRUPTCY_TRUSTEE if trustee else _COST_BANKRUPTCY_SUMMARY,
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
    _way("limitation", LIMITATION_COSTS, limitation_row),
)
