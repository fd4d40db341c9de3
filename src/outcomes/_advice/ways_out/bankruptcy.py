"""自己破産 (bankruptcy): discharge is the court's decision (破産法 §252); costs by its case track.

The record (:data:`BANKRUPTCY`), its builder, its notes and its labels are here.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import pandas as pd

from outcomes._advice.notes import note_maker
from outcomes._advice.situation import Row, Situation
from outcomes._advice.ways_out.record import WayOut, row
from outcomes._format import Yen
from outcomes._messages import Catalogue

__all__ = ["BANKRUPTCY", "NOTES"]

# 破産 court costs (domain.md, M-H): 同時廃止 ¥10,000-¥30,000; 少額管財 (Tokyo and many other
# courts) 予納金 ¥200,000; 通常管財 ¥500,000 or more (article). Lawyers (marketing pages, L):
# ¥200,000-¥400,000 (同時廃止) and ¥400,000-¥800,000 (管財).
_COST_BANKRUPTCY_SUMMARY = 20_000 + 300_000  # 同時廃止: court ~¥10k-30k + lawyer
_SMALL_TRUSTEE_DEPOSIT = 200_000  # 少額管財 予納金
_COST_BANKRUPTCY_TRUSTEE = _SMALL_TRUSTEE_DEPOSIT + 400_000  # 少額管財: 予納金 + lawyer
# Tokyo District Court's rule for a trustee case (hashi-law.com/2020/10/13/jikohasan-
# furiwakekijun/, M; many courts follow it, rules differ by court): cash of ¥330,000 or more,
# or any one kind of asset (deposits included) worth ¥200,000 or more
_TRUSTEE_CASH = 330_000
_TRUSTEE_ASSET = 200_000

#: the notes of this way out, {key: (Japanese, English)}
NOTES: Catalogue = MappingProxyType(
    {
        "bk_main": (
            "免責許可決定が確定すれば、残債を払う義務はなくなります(破産法253条1項)。税金と養育費は"
            "残ります",
            "once a discharge is granted and final, the residual no longer has to be paid (破産法 "
            "§253(1)); taxes and child support stay owed",
        ),
        "bk_bars_ask": (
            "免責は裁判所が決めます: 免責不許可事由(浪費やギャンブル、特定の債権者や親族への先払い、"
            "財産隠しなど: 破産法252条1項)がないか確かめます。あっても裁量免責(同条2項)は多いものの"
            "確実ではなく、管財事件になりやすくなります",
            "the court decides the discharge: ask about grounds that may bar it (waste or "
            "gambling, paying some creditors or relatives first, hiding assets: 破産法 §252(1)); "
            "even then a discretionary discharge (§252(2)) is common but not certain, and the "
            "case tends to become a trustee case",
        ),
        "bk_bars_known": (
            "免責不許可事由があります(破産法252条1項): 裁量免責(同条2項)が認められることも多いものの"
            "確実ではなく、免責の調査のため管財事件になる見込みです",
            "a ground that may bar the discharge is known (破産法 §252(1)): a discretionary "
            "discharge (§252(2)) is often granted but not certain, and the case is likely to be "
            "a trustee case to look into it",
        ),
        "bk_bars_none": (
            "免責不許可事由なし(確認済み)",
            "no ground barring a discharge (checked)",
        ),
        "bk_cash_trustee": (
            "手元資金{cash}は33万円以上です: 東京地裁などの基準では管財事件(少額管財)になる見込みです"
            "(基準は裁判所ごとに異なります)",
            "the cash of {cash} is ¥330,000 or more: under the Tokyo District Court's rule (and "
            "many others') the case is likely to be a trustee case (少額管財); rules differ by "
            "court",
        ),
        "bk_cash_deposit": (
            "手元資金{cash}が預金なら、20万円以上の財産として管財事件になりえます(東京地裁などの基準)",
            "if the {cash} is held as a deposit, an asset of ¥200,000 or more can make it a "
            "trustee case (Tokyo District Court's rule and others')",
        ),
        "bk_self": (
            "自営業: 通常は管財事件です。少額管財(東京など多くの裁判所)の予納金は約{deposit}、"
            "通常の管財事件では50万円以上。加えて弁護士費用約40万円(40万〜80万円)",
            "self-employed: usually a trustee case; in the 少額管財 scheme (Tokyo and many other "
            "courts) the 予納金 is about {deposit}, in an ordinary 管財 ¥500,000 or more; + "
            "lawyer about ¥400,000 (¥400,000–¥800,000)",
        ),
        "bk_cash_short": (
            "手元資金{cash}では少額管財の予納金{deposit}に足りません",
            "the cash of {cash} does not cover a 少額管財 予納金 of {deposit}",
        ),
        "bk_summary": (
            "売却後に資産が残っていなければ同時廃止になりえます: 裁判所費用約1万〜3万円 + 弁護士費用約30万円"
            "(20万〜40万円)。現金33万円以上か、預金など20万円以上の財産があれば管財事件で、予納金が"
            "約20万円(少額管財)または50万円以上(通常の管財)必要です{unknown}",
            "with no assets left after the sale it can be 同時廃止: court costs about "
            "¥10,000–¥30,000 + lawyer about ¥300,000 (¥200,000–¥400,000); cash of ¥330,000 or "
            "more, or an asset such as a deposit of ¥200,000 or more, makes it a trustee case "
            "with a 予納金 of about ¥200,000 (少額管財) or ¥500,000 or more (ordinary 管財)"
            "{unknown}",
        ),
        "bk_cash_unknown": (
            "(手元資金が不明なため同時廃止と仮定)",
            " (cash unknown: 同時廃止 assumed)",
        ),
        "bk_trustee_costs": (
            "管財事件: 少額管財(東京など多くの裁判所)の予納金は約{deposit}、通常の管財事件では50万円以上。"
            "加えて弁護士費用約40万円(40万〜80万円)",
            "a trustee case: in the 少額管財 scheme (Tokyo and many other courts) the 予納金 is "
            "about {deposit}, in an ordinary 管財 ¥500,000 or more; + lawyer about ¥400,000 "
            "(¥400,000–¥800,000)",
        ),
        "bk_jobs": (
            "復権(通常は免責許可決定の確定)まで就けない職業があります(警備員、士業、保険外交員)",
            "some jobs are barred until rehabilitation of rights (usually the discharge becoming "
            "final: 警備員, 士業, 保険外交員)",
        ),
    }
)

_n = note_maker(NOTES)


def _bankruptcy_row(s: Situation) -> Row:
    """自己破産: discharge is the court's decision (破産法 §252); costs by the court's case track.

    同時廃止 only where nothing points to a trustee case: the self-employed, cash of ¥330,000
    or more, or a known ground barring discharge (§252(1)) make it a trustee case (the Tokyo
    District Court's rule; rules differ by court).
    """
    cash = s.cash
    notes = [_n("bk_main")]
    sources = [
        "bankruptcy_act",
        "bankruptcy_costs",
        "trustee_rule",
        "lawyer_fees",
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
    return row(
        available=available,
        total_to_pay=0,
        monthly=0,
        months=0,
        extra_costs=_COST_BANKRUPTCY_TRUSTEE if trustee else _COST_BANKRUPTCY_SUMMARY,
        notes=notes,
        sources=sources,
    )


BANKRUPTCY = WayOut(
    "bankruptcy",
    ("自己破産", "bankruptcy"),
    "CIC/JICC about 5 years; KSC keeps the 官報 gazette notice of 破産 7 years",
    _COST_BANKRUPTCY_SUMMARY,
    _bankruptcy_row,
    NOTES,
)
