"""任意整理 (voluntary arrangement): the principal over 3–5 years, future interest cut.

Through a 弁護士, or a 認定司法書士 where the claim is ¥1,400,000 or less (司法書士法
§3-1-7, 最判平成28年6月27日). The record (:data:`VOLUNTARY`), its builder, its notes and its
labels are here.
"""

from __future__ import annotations

from types import MappingProxyType

from outcomes._advice.notes import note_maker
from outcomes._advice.situation import Row, Situation
from outcomes._advice.ways_out.record import WayOut, ceil_div, row, shortest_term
from outcomes._format import Yen
from outcomes._messages import Catalogue

__all__ = ["NOTES", "SHIHOSHOSHI_LIMIT", "VOLUNTARY"]

#: a 認定司法書士 may act only where each claim is this much or less (司法書士法 §3-1-7, H)
SHIHOSHOSHI_LIMIT = 1_400_000
# Lawyers' fees (marketing pages, L): ¥20,000-¥50,000 a creditor.
_COST_VOLUNTARY = 50_000

#: the notes of this way out, {key: (Japanese, English)}
NOTES: Catalogue = MappingProxyType(
    {
        "vol_main": (
            "元金を{months}か月(3〜5年)で返し、将来の利息を付けない形が一般的です。債権者の同意が必要です。"
            "{who}",
            "the principal over {months} months (3–5 years), usually without future interest; "
            "needs the creditor's consent; {who}",
        ),
        "vol_lawyer": (
            "弁護士に依頼します(認定司法書士は140万円以下の債権に限られます)",
            "through a 弁護士 (a 認定司法書士 may act only on claims of ¥1,400,000 or less)",
        ),
        "vol_either": (
            "弁護士または認定司法書士に依頼します(債権は140万円以下)",
            "through a 弁護士 or a 認定司法書士 (the claim is ¥1,400,000 or less)",
        ),
        "vol_costs": (
            "別途費用: 弁護士費用の目安は債権者1社あたり2万〜5万円。減った額に応じた減額報酬"
            "(減額分の10%以下: 日弁連の規程)が加わることがあります",
            "extra costs: lawyer's fee estimate, ¥20,000–¥50,000 a creditor, plus possibly a fee "
            "on the reduction (減額報酬, at most 10% of it under the bar association's rules)",
        ),
        "vol_post_sale": (
            "任意整理は元金を減らしません: 売却後の大きな残債では、3〜5年の返済額が収入に合わない"
            "ことが多い方法です",
            "a voluntary arrangement does not cut the principal: on a large post-sale residual the "
            "3–5 years' payments rarely fit the income",
        ),
    }
)

_n = note_maker(NOTES)


def _voluntary_row(s: Situation) -> Row:
    residual = s.residual
    capacity = s.capacity
    capacity_text = s.capacity_text
    months = shortest_term(residual, capacity, 36, 60, unknown=60)
    monthly = ceil_div(residual, months)
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
    return row(
        available=available,
        total_to_pay=residual,
        monthly=monthly,
        months=months,
        notes=notes,
        sources=[
            "shihoshoshi_limit",
            "lawyer_fees",
            "reduction_fee_rules",
        ],
    )


VOLUNTARY = WayOut(
    "voluntary_arrangement",
    ("任意整理", "voluntary arrangement"),
    "CIC/JICC about 5 years (任意整理)",
    _COST_VOLUNTARY,
    _voluntary_row,
    NOTES,
)
