"""個人再生 (individual rehabilitation): the court plan's §231 minimum of the claims B.

B holds the 遅延損害金 to the opening order (民事再生法 §84(2)), counted from the sale (民法
§489). The record (:data:`REHABILITATION`), its builder, its notes and its labels are here.
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

import pandas as pd

from outcomes._advice.notes import note_maker
from outcomes._advice.situation import Note, Row, Situation
from outcomes._advice.ways_out.record import WayOut, ceil_div, row, shortest_term
from outcomes._errors import RehabilitationUnavailableError
from outcomes._format import Yen
from outcomes._law import REHABILITATION_DEBT_LIMIT, rehabilitation_claims, rehabilitation_minimum
from outcomes._messages import Catalogue

__all__ = ["NOTES", "REHABILITATION"]

#: months from the comparison to the opening order (開始決定) of a 個人再生: preparing the
#: filing and the court's order (an assumption, not sourced)
_OPENING_MONTHS = 4
# Court fees: ¥10,000 stamp + ¥12,268 予納金 (yamanaka-seiri.jp, M); lawyer ¥400,000-
# ¥1,000,000 in all (marketing pages, L).
_COST_REHABILITATION = 22_268 + 500_000

#: the notes of this way out, {key: (Japanese, English)}
NOTES: Catalogue = MappingProxyType(
    {
        "rehab_unavailable": (
            "基準債権{debt}が{limit}を超えるため、個人再生は使えません(民事再生法231条2項2号)",
            "{message}",
        ),
        "rehab_over_estimated": (
            "推定のB({debt})では{limit}を超える見込みです(民事再生法231条2項2号)。推定は開始決定の"
            "日と損害金の見込みによるため、正確なB(unsecured_debt)を確認します",
            "on the estimated B ({debt}) 個人再生 is likely over the {limit} limit (民事再生法 "
            "§231(2)(ii)); the estimate rests on a guessed opening date and damages, so check the "
            "real B (unsecured_debt)",
        ),
        "rehab_b_given": ("B(基準債権額)は担当者の入力", "B given by the analyst"),
        "rehab_b_damages": (
            "B = 残債 + 遅延損害金(年{rate:g}%、{start}から開始決定の見込み日{opening}まで)"
            " = {claims}(民事再生法84条2項){why}",
            "B = the residual + 遅延損害金 ({rate:g}%) from {start} to an estimated opening "
            "order on {opening} = {claims} (§84(2)){why}",
        ),
        "rehab_from_sale": (
            "。損害金は売却日から数えます: 売却代金は費用・損害金・元金の順に充てられ(民法489条)、"
            "売却前の損害金は払われたか残債に含まれているためです",
            "; damages counted from the sale: the proceeds paid costs, then damages, then "
            "principal (民法 §489), so earlier damages are paid or already in the residual",
        ),
        "rehab_no_sale": (
            "。売却日がないため期限の利益喪失日から数えます: 残債に売却前の損害金が含まれていれば"
            "二重に数えています",
            "; no sale_date, so counted from the default: if the residual already includes "
            "damages from before the sale they are counted twice",
        ),
        "rehab_b_residual": (
            "B = 残債のみ: 開始決定までの遅延損害金もBに入り(84条2項)、最低弁済額を上げます。"
            "期限の利益喪失日(default_date)かB(unsecured_debt)を入力してください",
            "B = the residual alone: 遅延損害金 accrued to the opening order count too (§84(2)) "
            "and raise the minimum; give default_date or unsecured_debt",
        ),
        "rehab_min": (
            "最低弁済額{minimum}(民事再生法231条)を{months}か月で(原則3年、最長5年)。"
            "他の無担保債務があれば上がります",
            "minimum repayment {minimum} (民事再生法 §231) over {months} months (3 years, up to "
            "5); other unsecured debts raise it",
        ),
        "rehab_alone": (
            "残債のみなら最低弁済額は{alone}",
            "on the residual alone the minimum would be {alone}",
        ),
        "rehab_also": (
            "清算価値(売却後は通常わずか)以上、給与所得者等再生では可処分所得の2年分以上も必要です"
            "(計算していません)",
            "also at least the liquidation value (清算価値, usually small after the sale) and, "
            "for 給与所得者等再生, two years of disposable income: not computed",
        ),
        "rehab_veto": (
            "小規模個人再生は、債権額の過半を持つ債権者が書面で反対すれば認可されません(民事再生法"
            "230条6項)。売却後の残債の債権者はふつう過半を持つため、この額はその債権者が反対しない"
            "ことが前提です。反対が見込まれるときは給与所得者等再生で、可処分所得の2年分以上"
            "(241条2項7号、計算していません)が必要になり、最低弁済額が大きく上がることがあります",
            "小規模個人再生 fails if creditors holding more than half of the claims object in "
            "writing (民事再生法 §230(6)); the holder of a post-sale residual usually holds more "
            "than half, so this figure assumes it does not object; where it would, "
            "給与所得者等再生 needs at least two years of disposable income (§241(2)(vii), not "
            "computed), which can raise the minimum a great deal",
        ),
        "rehab_no_cut": (
            "最低弁済額が残債を下回らず、個人再生では債務が減りません。費用(約{costs})を考えると、"
            "任意整理や分割弁済のほうが向いています",
            "the minimum is not below the residual: 個人再生 cuts nothing here, and with its costs "
            "(about {costs}) a voluntary arrangement or instalments fit better",
        ),
        "rehab_unemployed": (
            "継続的な収入が必要です(民事再生法221条): 仕事も年金もなければ使えません",
            "needs continuing income (民事再生法 §221): not available without work or pension",
        ),
        "rehab_pension": (
            "年金も継続的な収入です(民事再生法221条1項): 年金生活者も小規模個人再生を使えます",
            "a pension is continuing income (民事再生法 §221(1)): 小規模個人再生 is open to "
            "pensioners",
        ),
        "rehab_no_home": (
            "売却で自宅がないため、住宅資金特別条項(民事再生法196条以下)は使えません。破産と比べた"
            "利点は、資格制限がないことと、免責不許可事由(破産法252条)が問題にならないことです",
            "with the home sold, the housing-loan clause (住宅資金特別条項, 民事再生法 §196 ff.) "
            "no longer applies; what is left to prefer over bankruptcy is no bar on jobs and no "
            "grounds barring a discharge (破産法 §252) to answer",
        ),
        "rehab_costs": (
            "別途費用: 裁判所に22,268円(印紙1万円 + 予納金12,268円) + 弁護士費用約50万円"
            "(40万〜100万円)。東京では個人再生委員の費用が加わります",
            "extra costs: court ¥22,268 (¥10,000 stamp + ¥12,268 予納金) + lawyer about "
            "¥500,000 (¥400,000–¥1,000,000); a 個人再生委員 (Tokyo) adds more",
        ),
    }
)

_n = note_maker(NOTES)


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
    sources = ["rehabilitation_act"]
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
            sources.append("civil_489")
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
        return row(
            available=pd.NA if unsure else False, total_to_pay=pd.NA, monthly=pd.NA,
            months=pd.NA, extra_costs=pd.NA, notes=notes, sources=sources,
        )  # fmt: skip
    months = shortest_term(minimum, capacity, 36, 60, unknown=36)
    monthly = ceil_div(minimum, months)
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
    notes.append(_n("rehab_veto"))
    if minimum >= residual:
        notes.append(_n("rehab_no_cut", costs=Yen(_COST_REHABILITATION)))
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
    sources += ["court_fees", "lawyer_fees"]
    return row(
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


REHABILITATION = WayOut(
    "rehabilitation",
    ("個人再生", "individual rehabilitation"),
    "CIC/JICC about 5 years; KSC keeps the 官報 gazette notice of 個人再生 7 years",
    _COST_REHABILITATION,
    _rehabilitation_row,
    NOTES,
)
