"""分割弁済 (instalments): a small monthly amount agreed on the household's budget.

The article's usual range is ¥5,000–¥20,000 a month, "around ¥10,000" for most of the
firm's clients; from income: 5% of take-home pay, down to a ¥5,000 step. A servicer that
bought the claim may agree a fixed term and forgive the rest; JHF does not. The record
(:data:`INSTALLMENT`), its builder, its notes and its labels are here.
"""

from __future__ import annotations

from types import MappingProxyType

import numpy as np
import pandas as pd

from outcomes._advice.installment import model_grid, round_down_monthly
from outcomes._advice.notes import note_maker
from outcomes._advice.situation import Note, Row, Situation
from outcomes._advice.ways_out.record import SERVICER_TERM_MONTHS, WayOut, quantiles, role_note, row
from outcomes._format import Yen
from outcomes._messages import Catalogue

__all__ = ["INSTALLMENT", "INSTALLMENT_RANGE", "NOTES"]

#: the usual monthly instalment, low and high (the article, L)
INSTALLMENT_RANGE = (5_000, 20_000)
_INSTALLMENT_DEFAULT = 10_000
_INSTALLMENT_INCOME_SHARE = 0.05

#: the notes of this way out, {key: (Japanese, English)}
NOTES: Catalogue = MappingProxyType(
    {
        "inst_model": (
            "過去の事例のモデルによる月額: {monthly}",
            "monthly amount from the model of past cases: {monthly}",
        ),
        "inst_capped": (
            "モデルの月額{typical}は月々の予算{budget}を超えるため、予算内の月{monthly}を示します"
            "(債務者が収支表を添えて提案する目安)",
            "the model's {typical} a month is above the monthly budget of {budget}: {monthly} "
            "within the budget is shown (a guide for the debtor's proposal, with a 収支表)",
        ),
        "inst_budget": (
            "モデルなし: 月々の予算を1,000円単位に切り下げた額({monthly})",
            "no model: the monthly budget, rounded down to ¥1,000 ({monthly})",
        ),
        "inst_income": (
            "モデルなし: 目安として手取りの5%を5,000円単位で、{lo}〜{hi}の範囲で({monthly})",
            "no model: rule of thumb, 5% of take-home pay in ¥5,000 steps within {lo}–{hi} "
            "({monthly})",
        ),
        "inst_default": (
            "モデルも収入もないため、一般的な月{monthly}(記事)",
            "no model, no income: the usual {monthly} a month (article)",
        ),
        "inst_outside": ("一般的な月{lo}〜{hi}の範囲外です", "outside the usual {lo}–{hi} a month"),
        "inst_zero": (
            "月額を出せないため、分割弁済は提案できません",
            "no monthly amount possible: instalments cannot be offered",
        ),
        "inst_forms": (
            "生活状況確認表と収支表で合意し、生活が変われば見直します",
            "agreed on a 生活状況確認表 and 収支表; reviewed when life changes",
        ),
        "inst_fixed": (
            "債権を買い取ったサービサーとは、{months}か月の分割の後に残り{rest}を免除する合意が"
            "ありえます(残債の{paid:.1%}を支払い)。この総額は免除が合意書に書かれた場合に限ります。"
            "そうでなければ残債の全額が残ります",
            "a servicer that bought the claim may agree a fixed {months} months with the "
            "remaining {rest} forgiven at the end ({paid:.1%} paid): this total holds only if "
            "that forgiveness is written into the agreement; otherwise the whole residual stays "
            "owed",
        ),
        "inst_open": (
            "期間の定めなし: 残債の全額が残ります(見積りは残債の額)",
            "open-ended: the whole residual stays owed (best estimate = the residual)",
        ),
        "inst_jhf": (
            "住宅金融支援機構は債権を持ち続けます(回収は住宅債権管理回収機構など4社への委託)。"
            "月約5,000〜1万円からが多く、年金生活で月5,000円が認められた例があります(記事)。"
            "1年または5年ごとに見直し、一定期間後の免除はありません",
            "JHF keeps the claim (collected on consignment by 住宅債権管理回収機構 or one of its "
            "three other collectors); amounts often start around ¥5,000–¥10,000 a month, and "
            "¥5,000 was accepted from a pensioner in the article's example; reviewed every 1 or "
            "5 years; no forgiveness after a fixed term",
        ),
        "inst_if_bought": (
            "{servicer}が債権を買い取っていれば(役割は不明)、{months}か月の分割の後に残りを免除する"
            "合意もありえます({fixed}を支払い)。ここでは数えていません",
            "if {servicer} bought the claim (role unknown), a fixed {months} months with the "
            "rest forgiven might be agreed ({fixed} paid); not counted here",
        ),
        "inst_no_servicer": (
            "債権がサービサーに譲渡されれば、一括和解ができるようになるかもしれません",
            "a lump sum may become possible if the claim is sold to a servicer",
        ),
        "inst_too_much": (
            "世帯が払える額({capacity})を超えます",
            "more than the household can pay ({capacity})",
        ),
    }
)

_n = note_maker(NOTES)


def _installment_row(s: Situation) -> Row:
    frame = s.query
    residual = s.residual
    creditor_type = s.creditor_type
    income = s.income
    budget = s.budget
    capacity = s.capacity
    model = s.monthly_model
    notes: list[Note] = []
    sources: list[str] = ["article"]
    lo, hi = INSTALLMENT_RANGE
    if model is not None:
        query = frame.assign(resolution=pd.Series(["installment"], dtype=frame["resolution"].dtype))
        monthly = max(
            int(round(float(np.asarray(model.predict(query), dtype=float).reshape(-1)[0]))), 0
        )
        notes.append(_n("inst_model", monthly=Yen(monthly)))
        qs = quantiles(model, query, (0.1, 0.9))
        if qs is not None:
            notes.append(_n("interval_yen", low=Yen(round(qs[0])), high=Yen(round(qs[1]))))
        if budget is not None and monthly > budget:
            # the household's budget, as installment_proposal shows it: never a figure above
            # what the row's own note says the household can pay
            typical, monthly = monthly, round_down_monthly(budget, model_grid(model))
            notes.append(
                _n("inst_capped", typical=Yen(typical), budget=Yen(budget), monthly=Yen(monthly))
            )
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
        return row(
            available=False,
            total_to_pay=pd.NA,
            monthly=0,
            months=pd.NA,
            notes=notes,
            sources=sources,
        )
    notes.append(_n("inst_forms"))
    role = role_note(s)
    fixed = SERVICER_TERM_MONTHS * monthly
    if s.servicer is not None and s.servicer_role == "bought" and fixed < residual:
        months = SERVICER_TERM_MONTHS
        total = fixed
        notes.append(
            _n("inst_fixed", months=months, rest=Yen(residual - total), paid=total / residual)
        )
        notes.append(_n("forgiveness_tax"))
        sources.append("income_tax_44_2")
    else:
        months = pd.NA
        total = residual
        notes.append(_n("inst_open"))
        if creditor_type == "jhf":
            notes.append(_n("inst_jhf"))
            sources.append("jhf_practice")
        elif s.servicer is not None and s.servicer_role is None and fixed < residual:
            notes.append(
                _n(
                    "inst_if_bought",
                    servicer=s.servicer,
                    months=SERVICER_TERM_MONTHS,
                    fixed=Yen(fixed),
                )
            )
        elif s.servicer is None:
            notes.append(_n("inst_no_servicer"))
    if role and creditor_type != "jhf":
        notes.append(role)
        sources.append("moj_2017")
    if capacity is not None and monthly > capacity:
        notes.append(_n("inst_too_much", capacity=Yen(capacity)))
    return row(
        available=True,
        total_to_pay=total,
        monthly=monthly,
        months=months,
        notes=notes,
        sources=sources,
    )


INSTALLMENT = WayOut(
    "installment",
    ("分割弁済", "instalments"),
    "CIC/JICC: the default record stays while paying and about 5 years after the debt ends",
    0,
    _installment_row,
    NOTES,
)
