"""一括和解 (lump-sum settlement): one payment, the rest forgiven, where a creditor agrees.

The few percent servicers accept are those of claims they bought (domain.md; the MoJ 2017
survey: most servicer-handled claims are consigned). A model's settlement ratio when one is
given; otherwise a rule of thumb only where a servicer bought the claim. The record
(:data:`LUMP_SUM`), its builder, its notes and its labels are here.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from outcomes._advice.notes import note_maker
from outcomes._advice.situation import Note, Row, Situation
from outcomes._advice.ways_out.record import WayOut, quantiles, role_note, row, to_thousand
from outcomes._format import Yen
from outcomes._messages import Catalogue

__all__ = ["LUMP_SUM", "NOTES"]

# Rules of thumb used when no model is given: (low, typical, high) settlement ratio of a
# lump sum. Servicers: low = the smallest accepted in the firm's worked examples
# (¥100,000 on ¥5.8M, 1.7%), typical = "a few percent" (¥300,000 on ¥5M, 6%), high = the
# top of the 1-10% purchase prices quoted for such claims (L-M). Before a claim is sold
# the figures are an assumption with no data behind them.
_LUMP_SUM_RULE_SERVICER = (0.017, 0.05, 0.10)
_LUMP_SUM_RULE_UNSOLD = (0.05, 0.10, 0.20)

#: the notes of this way out, {key: (Japanese, English)}
NOTES: Catalogue = MappingProxyType(
    {
        "lump_jhf": (
            "住宅金融支援機構は債権を持ち続け、免除にはほとんど応じません: 一括和解は見込めません",
            "JHF (住宅金融支援機構) keeps its claims and rarely forgives: no lump-sum settlement "
            "expected",
        ),
        "lump_model": (
            "過去の事例のモデルによる和解率: {typical:.1%}",
            "settlement ratio from the model of past cases: {typical:.1%}",
        ),
        "lump_rule_bought": (
            "モデルなし: サービサーが買い取った債権の目安は残債の約{typical:.0%}"
            "(和解例は{low:.1%}から。買取価格は1〜10%)",
            "no model: rule of thumb for claims a servicer bought, about {typical:.0%} of the "
            "residual (accepted from {low:.1%}; purchase prices 1–10%)",
        ),
        "lump_role_unknown": (
            "可否は不明です: 下の目安は、サービサーが債権を買い取った場合に限ります",
            "possible or not is unknown: the figures below hold only if the servicer bought the "
            "claim",
        ),
        "lump_consigned": (
            "可否は不明です: 回収の委託では、残りを免除するかは債権者自身の基準で決まり、ほとんど"
            "応じません。買い取られた債権の和解額(残債の数%)は当てはまらないため、目安の額は出しません",
            "possible or not is unknown: on consignment, forgiving the rest is the creditor's own "
            "decision and rarely granted; the few percent that bought claims settle for do not "
            "apply, so no figure is given",
        ),
        "lump_consigned_model": (
            "可否は不明です: 回収の委託では、残りを免除するかは債権者自身の基準で決まり、ほとんど"
            "応じません。モデルはサービサーの役割を学んでいないため、その額は買い取られた債権の"
            "和解を含む過去の事例によるものです",
            "possible or not is unknown: on consignment, forgiving the rest is the creditor's own "
            "decision and rarely granted; the model did not learn servicer roles, so its figure "
            "rests on past cases that include bought claims",
        ),
        "lump_rule_unsold": (
            "可否は不明です: 債権はまだサービサーに譲渡されておらず、一括和解はふつう譲渡の後です。"
            "債権者が残りの免除に応じるかのデータはありません(仮に{typical:.0%}なら{estimate}。"
            "目安ではありません)",
            "possible or not is unknown: the claim has not been sold to a servicer, and lump sums "
            "usually come after a sale; there is no data on whether the creditor forgives the "
            "rest (an assumed {typical:.0%} would be {estimate}: not a benchmark)",
        ),
        "lump_needs": (
            "現金で約{estimate}が必要です(範囲 {floor}〜{high})",
            "needs about {estimate} in cash (range {floor}–{high})",
        ),
        "lump_cash_covers": (
            "手元資金{cash}は{what}{estimate}に届きます",
            "the cash of {cash} reaches {what} of {estimate}",
        ),
        "lump_cash_within": (
            "手元資金{cash}(残債の{share:.1%})は{what}{estimate}に届きませんが、{range}内です",
            "the {cash} available ({share:.1%}) is below {what} of {estimate} but within {range}",
        ),
        "lump_cash_below": (
            "手元資金{cash}は{range}の下限({low:.1%} = {floor})を下回ります。資金を貯めるか、"
            "分割弁済を検討します",
            "the cash of {cash} is below the bottom of {range} ({low:.1%} = {floor}); saving "
            "towards it or instalments instead",
        ),
        "lump_what_model": ("モデルの見込み", "the model's estimate"),
        "lump_what_rule": ("経験則の目安", "the rule of thumb"),
        "lump_range_model": ("モデルの8割の範囲", "the model's 80% interval"),
        "lump_range_rule": (
            "記事の和解例と買取価格(1.7%〜10%)の範囲",
            "the article's settlements and purchase prices (1.7%–10%)",
        ),
        "lump_ends": (
            "和解書に残りの免除と清算条項が書かれて初めて、債務は終わります。それまでの間、{interest}",
            "the debt ends only if the settlement deed states that the rest is forgiven (免除) "
            "with a 清算条項; meanwhile {interest}",
        ),
    }
)

_n = note_maker(NOTES)


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
    role = role_note(s)
    if s.creditor_type == "jhf":
        notes.append(_n("lump_jhf"))
        if role:
            notes.append(role)
        return row(
            available=False, total_to_pay=pd.NA, monthly=0, months=0, notes=notes, sources=["jhf_practice"]
        )  # fmt: skip
    consigned = s.servicer is not None and s.servicer_role == "consigned"
    unknown_role = s.servicer is not None and s.servicer_role is None
    available: Any = True
    if model is not None:
        query = s.query.assign(
            resolution=pd.Series(["lump_sum"], dtype=s.query["resolution"].dtype)
        )
        typical = float(np.clip(np.asarray(model.predict(query), dtype=float).reshape(-1)[0], 0, 1))
        qs = quantiles(model, query, (0.1, 0.9))
        low, high = (
            (float(np.clip(qs[0], 0, 1)), float(np.clip(qs[1], 0, 1)))
            if qs is not None
            else (typical, typical)
        )
        if consigned and not s.model_knows_roles:
            available = pd.NA
            notes.append(_n("lump_consigned_model"))
        elif unknown_role:
            # a model's figure does not tell whether the servicer bought the claim: 不明, as
            # without a model (P2; domain.md, MoJ 2017: most servicer-handled claims consigned)
            available = pd.NA
            notes.append(_n("lump_role_unknown"))
        notes.append(_n("lump_model", typical=typical))
        if qs is not None:
            notes.append(_n("interval_ratio", low=low, high=high))
        what, span = _n("lump_what_model"), _n("lump_range_model")
    elif consigned or s.servicer is None:
        # no data behind any figure: say so, and give none as a benchmark
        if consigned:
            notes.append(_n("lump_consigned"))
            sources.append("moj_2017")
        else:
            typical = _LUMP_SUM_RULE_UNSOLD[1]
            notes.append(_n("lump_rule_unsold", typical=typical, estimate=Yen(typical * residual)))
            sources.append("unsold_assumption")
        if consigned and role:
            notes.append(role)
        notes.append(_n("lump_ends", interest=s.interest_note))
        return row(
            available=pd.NA, total_to_pay=pd.NA, monthly=0, months=0, notes=notes, sources=sources
        )  # fmt: skip
    else:
        low, typical, high = _LUMP_SUM_RULE_SERVICER
        if unknown_role:
            available = pd.NA
            notes.append(_n("lump_role_unknown"))
        notes.append(_n("lump_rule_bought", typical=typical, low=low))
        sources.append("servicer_settlements")
        what, span = _n("lump_what_rule"), _n("lump_range_rule")
    if role:
        notes.append(role)
        sources.append("moj_2017")
    # estimates from a ratio, to the ¥1,000: a figure to the yen would claim a precision
    # no settlement ratio has
    estimate = to_thousand(typical * residual)
    floor_amount = to_thousand(low * residual)
    total = estimate
    if cash is None:
        notes.append(
            _n(
                "lump_needs",
                estimate=Yen(estimate),
                floor=Yen(floor_amount),
                high=Yen(to_thousand(high * residual)),
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
        sources.append("income_tax_44_2")
    return row(
        available=available,
        total_to_pay=total,
        monthly=0,
        months=0,
        notes=notes,
        sources=sources,
    )


LUMP_SUM = WayOut(
    "lump_sum",
    ("一括和解", "lump-sum settlement"),
    "CIC/JICC: the default (代位弁済) record stays about 5 years after settlement",
    0,
    _lump_sum_row,
    NOTES,
)
