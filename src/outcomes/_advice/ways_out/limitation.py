"""時効援用 (invoking the limitation): when the limitation completes, and what the estimate rests on.

:func:`limitation_row` reads one :class:`~outcomes._advice.situation.Situation`
and returns the row of the 時効援用 record (:data:`LIMITATION`). The dates come
from :func:`outcomes._law.limitation_date` (the case's own
:class:`~outcomes._law.LimitationResult` when the analyst gives one, else an
estimate from the sale); the sentences from :data:`NOTES` here, beside the
record and its builder.

What the row holds to (``shared/spec/domain.md``; the review of issue 20):

- the period belongs to the claim as it was born: a servicer recorded as the
  creditor is not its originator (an assignment keeps the period), so without
  the ``originator`` the period is unknown and both dates are given;
- ``available`` is True only when the limitation is complete on every reading
  of the facts, NA (不明) when it is complete on one (the 5 years) and not on
  the other, False when it is not complete on any; "complete" never advises
  援用 on a guess, and always carries the judgment / 支払督促 caveat unless no
  judgment was confirmed;
- a court settlement sends the clock back to the settlement (民法 §147(2)), and
  its instalments run the claim's own period from their own due dates (§169(2));
- a title (債務名義) lets the creditor seize wages (¼ of take-home pay) and
  deposits (民事執行法 §152), while a public pension itself cannot be seized
  (国民年金法 §24, 厚生年金保険法 §41(1)).

Every date is an internal estimate; whether a limitation holds is a legal
assessment for a 弁護士 (弁護士法 §72).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

import pandas as pd

from outcomes._advice.case import first_value
from outcomes._advice.notes import JUDGMENT_WORDS, note_maker
from outcomes._advice.situation import Note, Row, Situation
from outcomes._advice.ways_out.record import WayOut
from outcomes._contract import CREDITOR_TYPES
from outcomes._errors import CaseError
from outcomes._format import creditor_label
from outcomes._law import (
    NEW_CIVIL_CODE,
    LimitationResult,
    creditor_is_servicer,
    limitation_complete,
    limitation_date,
    originator_is_merchant,
    period_end,
    say_reason,
)
from outcomes._messages import Catalogue

__all__ = [
    "LIMITATION",
    "LIMITATION_COSTS",
    "NOTES",
    "LimitationEstimate",
    "debtor_merchant",
    "estimate_limitation",
    "limitation_row",
]

#: a professional's fee for the 援用 letter, the usual extra cost (marketing pages, L)
LIMITATION_COSTS = 30_000

#: the titles (債務名義) a case may record, beside "none"
_TITLES = ("judgment", "payment_order", "court_settlement")

_STATUTES = "limitation_statutes"
_LAWYER_FEES = "lawyer_fees"
_ENFORCEMENT = "enforcement"
_LATE_ACK = "late_acknowledgement"

#: the notes of this way out, {key: (Japanese, English)}
NOTES: Catalogue = MappingProxyType(
    {
        "lim_no_sale": (
            "売却日がないため時効を見積もれません: 実際の日付(契約、期限の利益喪失、支払い、判決の有無)"
            "が必要です",
            "no sale_date: cannot estimate the limitation; the real dates (contract, default, "
            "payments, any judgment) are needed",
        ),
        "lim_period_unknown": (
            "期間は5年か10年かが不明(下記)",
            "period not known, 5 or 10 years (see below)",
        ),
        "lim_period_5": (
            "5年(元の債権者が商人: 旧商法522条)",
            "5 years (a merchant originator: old 商法 §522)",
        ),
        "lim_period_10": (
            "10年(債権者・債務者とも商人でない場合: 旧民法167条1項。債務者が事業のために借りていれば"
            "5年: 商法3条1項)",
            "10 years (neither party a merchant: old 民法 §167(1); 5 if the debtor borrowed for a "
            "business: 商法 §3(1))",
        ),
        "lim_period_new": (
            "2020年4月以降の契約: 権利を行使できると知った時から5年(民法166条1項1号)",
            "a contract from April 2020: 5 years from when the creditor knew it could claim "
            "(民法 §166(1)(i))",
        ),
        "lim_period_judgment": (
            "{what}の確定から10年(民法169条1項)",
            "10 years from the {what} becoming final (民法 §169(1))",
        ),
        "lim_period_settlement": (
            "裁判上の和解で分割になった部分は、和解から10年ではなく、各支払期日(和解の期限の利益を"
            "失った場合はその日)から元の期間です(民法147条2項・169条2項)",
            "parts the court settlement turned into instalments do not get 10 years from it: "
            "each runs the claim's own period from its due date, or from the day the benefit of "
            "time under the settlement was lost (民法 §147(2), §169(2))",
        ),
        "lim_estimated": (
            "推定: 売却で時効が更新されたとします(売却代金で債務の一部を払ったため){agreed}。{period}。"
            "実際の日付があれば、より確かになります",
            "estimated: clock restarted at the sale (the proceeds paid part of the debt)"
            "{agreed}; {period}; the real dates give a firmer answer",
        ),
        "lim_and_agreed": ("、和解の時にも", " and at the agreement"),
        "lim_subrogated": (
            "推定: {day}の代位弁済(売却の後)で保証会社の求償権が新たに生じ、その翌日から時効が"
            "進むとします(最判昭和60年2月12日)。売却代金は銀行の債権に充てられたもので、まだなかった"
            "求償権の承認ではありません。{period}。実際の日付があれば、より確かになります",
            "estimated: the guarantee company's claim (求償権) is a new claim born of the 代位弁済 "
            "on {day}, after the sale, and runs from the next day (最判昭和60年2月12日); the sale "
            "paid the bank's claim and acknowledged no 求償権, which did not exist yet; {period}; "
            "the real dates give a firmer answer",
        ),
        "lim_paying": (
            "基準日まで分割の支払いが続いたとします: 支払いのたびに時効は更新されます",
            "instalments assumed paid up to as_of: each payment restarts the clock",
        ),
        "lim_pending": (
            "訴訟が係属中: 時効の完成は猶予されています",
            "a lawsuit is pending: completion is suspended",
        ),
        "lim_complete": (
            "この見積りでは{since}から完成しています。援用は配達証明付き内容証明郵便で行い、成否の"
            "判断は弁護士に依頼します。援用の前に支払ったり、猶予・減額・和解を申し入れたりすると、"
            "原則として援用できなくなります(最判昭和41年4月20日。既に払った場合も、回収側に求められた"
            "少額の支払いなど事情により援用が認められた例があります)",
            "complete since {since} on this estimate; it is invoked (援用) by 内容証明郵便 with "
            "配達証明, and whether it holds is for a 弁護士 to judge; paying, or asking for time, "
            "a reduction or a settlement, before invoking it as a rule forfeits it (最判昭和41年4月20日; "
            "courts have still allowed it after a small payment the collector asked for)",
        ),
        "lim_ack_after": (
            "{day}の支払いなど(承認)は時効の完成後です: 原則として援用できなくなりますが"
            "(最判昭和41年4月20日)、回収側に求められた少額の支払いなど事情により援用が認められた例が"
            "あります(大阪高判平成27年3月6日): 弁護士に確認します",
            "the acknowledgement on {day} came after the limitation had completed: as a rule it "
            "can no longer be invoked (最判昭和41年4月20日), but courts have allowed it where the "
            "collector induced a small payment (大阪高判平成27年3月6日): ask a 弁護士",
        ),
        "lim_not_yet": (
            "未完成: 更新されなければ{until}の終了で完成します(支払いや、猶予・減額・和解の申入れ"
            "(承認)で更新され、判決があれば10年)",
            "not yet: completes at the end of {until} if nothing restarts it (any payment, or "
            "request for time, a reduction or a settlement, restarts it as an acknowledgement; a "
            "judgment gives 10 years)",
        ),
        "lim_unknown_period": (
            "期間は不明: 5年なら{early}、10年なら{late}。{fact}{only}",
            "period not known: {early} with 5 years, {late} with 10; it depends on {fact}{only}",
        ),
        "lim_only_5": (
            "。5年の場合に限り完成しています: 期間を決める事実が分かるまで援用は勧められません",
            "; complete only if the 5 years apply: not to be invoked until the fact that decides "
            "the period is known",
        ),
        "lim_servicer_creditor": (
            "債権者の{creditor}はサービサー(債権回収会社)で、元の貸主ではありません。債権譲渡で時効"
            "期間は変わらず、元の債権者で決まります(信用金庫・JA・住宅金融支援機構の直接融資なら10年)。"
            "元の債権者が分かれば期間が決まります",
            "the creditor {creditor} is a servicer, not the lender: an assignment keeps the "
            "claim's period, which the originator decides (10 years for a 信用金庫, JA or a JHF "
            "direct loan); give the originator",
        ),
        "lim_originator": (
            "期間は元の債権者({originator})で判断しています",
            "period judged by the originator ({originator})",
        ),
        "lim_settlement_due_unknown": (
            "裁判上の和解の後の完成時期は、分割の支払期日か、和解の期限の利益を失った日で決まります。"
            "その日付がないため分かりません(早くても{not_before}の終了後)。期限の利益を失った日を"
            "default_dateに入力してください",
            "after the court settlement, completion depends on the instalments' due dates or the "
            "day the benefit of time under it was lost; without that date it is not known (at the "
            "earliest after {not_before}); give that day as default_date",
        ),
        "lim_settlement_due_part": (
            "和解の時点で既に弁済期にあった部分が残っていれば、その部分は和解から10年です"
            "({ten}まで): 和解調書で確認します",
            "any part already due at the settlement and left unpaid runs 10 years from it (to "
            "{ten}): check the settlement record (和解調書)",
        ),
        "lim_title": (
            "債権者は債務名義({what})で強制執行できます: {target}。時効を待つ間も差押えのおそれがあります",
            "the creditor can enforce its title ({what}): {target}; waiting for the limitation "
            "does not stop a seizure",
        ),
        "seize_wages": (
            "給与は手取りの4分の1(手取りが月44万円を超えれば33万円を超える部分)まで、預金も差し押さえ"
            "られます(民事執行法152条)",
            "wages up to a quarter of take-home pay (above ¥330,000 where take-home pay is over "
            "¥440,000 a month) and bank deposits can be seized (民事執行法 §152)",
        ),
        "seize_assets": (
            "預金や売掛金などが差し押さえられます",
            "bank deposits, receivables and other assets can be seized",
        ),
        "seize_pension": (
            "年金そのものは差し押さえられませんが、口座に入った後の預金は差し押さえられることがあります",
            "the pension itself cannot be seized, but once paid into an account the deposit can be",
        ),
        "lim_pension": (
            "公的年金を受ける権利は差し押さえられません(国民年金法24条、厚生年金保険法41条1項)。ただし"
            "口座に振り込まれた後は預金として差し押さえられることがあり、その場合は差押禁止の範囲の"
            "変更の申立て(民事執行法153条)という手段があります",
            "a public pension cannot be seized (国民年金法 §24, 厚生年金保険法 §41(1)); once paid "
            "into an account it can be seized as a deposit, against which a change of the exempt "
            "range can be asked of the court (民事執行法 §153)",
        ),
        "lim_no_judgment": (
            "判決・支払督促はなし(確認済み)",
            "no judgment or 支払督促 (confirmed)",
        ),
        "lim_judgment_unknown": (
            "債務者の知らない判決(公示送達によることがあります)や支払督促(家族の受領などで気づかない"
            "ことがあります。公示送達はできません: 民事訴訟法382条ただし書)があれば、その時から10年に"
            "なり、給与や預金の差押えもありえます: 頼る前に裁判所の記録を確認します",
            "a judgment unknown to the debtor (it can be served by 公示送達) or a 支払督促 (never "
            "served by 公示送達, 民事訴訟法 §382 proviso, but it may have been received by a family "
            "member) would make it 10 years from then and allow wages and deposits to be seized: "
            "check the court record before relying on it",
        ),
        "lim_settlement_no_date": (
            "裁判上の和解の記録はありますが日付がありません: 既に弁済期にあった部分は和解から10年、"
            "和解で分割になった部分は各支払期日から元の期間です(民法169条)。日付が必要です",
            "a court settlement is recorded without its date: any part already due then runs 10 "
            "years from it, the instalments it set their own period from their due dates (民法 "
            "§169); the date is needed",
        ),
        "lim_judgment_no_date": (
            "{what}の記録はありますが日付がありません: その時から10年です。日付が必要です",
            "a {what} is recorded without its date: 10 years from it; the date is needed",
        ),
        "lim_payment_order_no_date": (
            "支払督促の記録はありますが日付がありません: 仮執行宣言を付して確定していれば、その時から"
            "10年です(民法169条1項)。送達されていなければ効力がなく(民事訴訟法388条2項)、取り下げた"
            "ものとみなされれば時効の完成が6か月猶予されるだけです(民法147条1項): 送達・確定の有無と"
            "日付を確認します",
            "a 支払督促 is recorded without its date: if it became final with a 仮執行宣言, 10 "
            "years from then (民法 §169(1)); if it was never served it has no effect (民事訴訟法 "
            "§388(2)), and if deemed withdrawn it only postponed completion by 6 months (民法 "
            "§147(1)): check whether it was served and became final, and when",
        ),
        "lim_costs": (
            "別途費用: 専門家の費用2万〜10万円。自分で送るなら郵送料約1,300〜2,000円",
            "extra costs: a professional's fee, ¥20,000–¥100,000; about ¥1,300–¥2,000 postage "
            "if sent alone",
        ),
    }
)

_n = note_maker(NOTES)


@dataclass(frozen=True)
class LimitationEstimate:
    """Whether a case's limitation has run on a day, and what the estimate rests on.

    ``available`` is True (complete on every reading of the facts), NA (it
    may be: complete on one reading, or a title without its date), or False;
    ``result`` is None only when nothing dates the claim (no sale, no
    agreement, no limitation given). ``subrogated`` is the day of a 代位弁済
    after the sale that starts the clock (最判昭和60年2月12日).
    """

    available: Any
    result: LimitationResult | None
    estimated: bool = False
    paying: bool = False
    both_dates: bool = False
    settlement: bool = False
    subrogated: date | None = None

    @property
    def may_have_run(self) -> bool:
        """Whether the limitation has run, or may have (不明): an offer must say so first."""
        return self.available is True or self.available is pd.NA


def estimate_limitation(
    *,
    today: date,
    sale: date | None = None,
    agreed: date | None = None,
    paying: bool = False,
    limitation: LimitationResult | None = None,
    creditor: str | None = None,
    creditor_type: str | None = None,
    originator: str | None = None,
    originator_type: str | None = None,
    contract_date: date | None = None,
    default_date: date | None = None,
    judgment: str | None = None,
    judgment_date: date | None = None,
    debtor_is_merchant: bool | None = None,
    employment: str | None = None,
) -> LimitationEstimate:
    """The limitation of one case on ``today``: the 時効援用 row's dates.

    ``sale`` and ``agreed`` are the case's sale and agreement dates, ``paying``
    whether it is being paid in instalments (each payment acknowledges it).

    Without the case's own ``limitation``, the clock is estimated from the
    sale (its proceeds acknowledged the debt), from a 代位弁済 after the sale
    (``default_date`` later than the sale: the guarantee company's 求償権 is a
    new claim, born then, which the sale cannot have acknowledged; 最判昭和60年2月12日),
    or from a title. The period follows the originator and the debtor
    (:func:`debtor_merchant`).
    """
    judged_on = judgment_date if judgment in _TITLES else None
    settlement = judgment == "court_settlement" and judged_on is not None
    result = limitation
    estimated = both = False
    subrogated = None
    if result is None:
        if sale is None and agreed is None:
            return LimitationEstimate(False, None)
        estimated = True
        anchor = sale if sale is not None else agreed
        if originator is not None:
            merchant = originator_is_merchant(originator_type, originator)
        else:
            merchant = originator_is_merchant(creditor_type, creditor)
        debtor = debtor_merchant(debtor_is_merchant, originator or creditor, employment)
        # after a court settlement, a default_date later than it is the day the benefit of
        # time under the settlement was lost: the instalments' clock starts there (§169(2))
        due_on = None
        default = default_date
        if settlement and default is not None and default > judged_on:
            due_on, default = default, None
        start = default if default is not None and default < anchor else None
        acks = [anchor] if start is not None else []
        if sale is not None and default is not None and default > anchor and judged_on is None:
            # 代位弁済 after the sale: a new claim (求償権) from the day after it; the sale paid
            # the bank's claim and acknowledged nothing of it (最判昭和60年2月12日)
            subrogated = default
        if agreed is not None and sale is not None:
            acks.append(agreed)
            both = True
        if paying:
            acks.append(today)  # payments assumed to continue up to as_of
        if start is None and judged_on is not None and judged_on < anchor:
            start, acks = judged_on, [*acks, anchor]  # the sale's proceeds acknowledge
        try:
            result = limitation_date(
                contract_date=contract_date,
                claimable_from=None if subrogated else start or anchor,
                subrogated_on=subrogated,
                creditor_is_merchant=merchant,
                debtor_is_merchant=debtor,
                acknowledged_on=acks,
                lawsuit_filed_on=judged_on,
                judgment_on=judged_on,
                not_due_at_judgment=settlement,
                due_on=due_on,
            )
        except CaseError as exc:
            raise CaseError(f"judgment_date: {exc}") from None
    available: Any
    early_done = (
        not result.period_known
        and result.earliest_completes_on is not None
        and today > result.earliest_completes_on
    )
    if result.completes_on is None and result.not_before is not None:
        # a court settlement's instalments whose due date is not known
        available = False if today <= result.not_before else pd.NA
    elif result.completes_on is None:
        available = False
    elif limitation_complete(result, today):
        available = True
    else:
        available = pd.NA if early_done else False
    if available is True and limitation is None and judgment in _TITLES and judged_on is None:
        available = pd.NA  # a title without its date: its 10 years may not have run (§169)
    return LimitationEstimate(available, result, estimated, paying, both, settlement, subrogated)


def debtor_merchant(
    given: bool | None, creditor: str | None, employment: str | None
) -> bool | None:
    """Whether the debtor borrowed as a merchant, as far as the case tells (None = may have).

    Told (``given``) wins. Else a 信用保証協会 (or a similar public guarantee
    body: 農業信用基金協会, しんきん保証基金 are not) guarantees only business
    loans of 中小企業者, so its borrower was likely in business: unknown, both
    dates (5 years if so, 最判昭和42年10月6日). A self-employed debtor may be a
    merchant (商法 §4, §503(2) presumes a merchant's borrowing is for the
    business; a home loan's purpose can rebut it): unknown too. Anyone else:
    not a merchant.

    Examples
    --------
    >>> debtor_merchant(None, "東京信用保証協会", "employee"), debtor_merchant(None, "○○銀行", "self_employed")
    (None, None)
    >>> debtor_merchant(None, "○○信用金庫", "employee"), debtor_merchant(True, "○○信用金庫", None)
    (False, True)
    """
    if given is not None:
        return given
    if creditor is not None and "信用保証協会" in str(creditor):
        return None
    if employment == "self_employed":
        return None
    return False


def limitation_row(s: Situation) -> Row:
    """The 時効援用 row of one case (see the module notes)."""
    notes: list[Note] = []
    sources = [_STATUTES]
    today = s.today
    judged_on = s.judgment_date if s.judgment in _TITLES else None
    estimate = estimate_limitation(
        today=today,
        sale=_day(first_value(s.frame, "sale_date")),
        agreed=_day(first_value(s.frame, "agreement_date")),
        paying=first_value(s.frame, "resolution") == "installment",
        limitation=s.limitation,
        creditor=s.creditor,
        creditor_type=s.creditor_type,
        originator=s.originator,
        originator_type=s.originator_type,
        contract_date=s.contract_date,
        default_date=s.default_date,
        judgment=s.judgment,
        judgment_date=s.judgment_date,
        debtor_is_merchant=s.debtor_is_merchant,
        employment=s.employment,
    )
    result, settlement = estimate.result, estimate.settlement
    if result is None:
        notes.append(_n("lim_no_sale"))
        return {
            "available": False, "total_to_pay": 0, "monthly": 0, "months": pd.NA,
            "notes": notes, "sources": sources,
        }  # fmt: skip
    if estimate.estimated:
        period = _period_note(s, result.period_known, result.period_years, settlement)
        if estimate.subrogated is not None:
            notes.append(_n("lim_subrogated", day=estimate.subrogated, period=period))
            sources.append("subrogation_1985")
        else:
            agreed = _n("lim_and_agreed") if estimate.both_dates else ("", "")
            notes.append(_n("lim_estimated", agreed=agreed, period=period))
        if s.originator is not None:
            notes.append(_n("lim_originator", originator=_originator_words(s.originator)))
        elif creditor_is_servicer(s.creditor):
            notes.append(_n("lim_servicer_creditor", creditor=s.creditor))
        if estimate.paying:
            notes.append(_n("lim_paying"))

    available = estimate.available
    if result.completes_on is None and result.not_before is not None:
        notes.append(_n("lim_settlement_due_unknown", not_before=result.not_before))
    elif result.completes_on is None:
        notes.append(_n("lim_pending"))
    elif limitation_complete(result, today):
        notes.append(_n("lim_complete", since=result.completes_on + timedelta(days=1)))
        sources.append(_LATE_ACK)
    else:
        notes.append(_n("lim_not_yet", until=result.completes_on))
        notes.append(_n("meanwhile", interest=s.interest_note))
    complete = limitation_complete(result, today)
    early_done = (
        not result.period_known
        and result.earliest_completes_on is not None
        and today > result.earliest_completes_on
    )
    if not result.period_known and result.earliest_completes_on is not None:
        notes.append(
            _n(
                "lim_unknown_period",
                early=result.earliest_completes_on,
                late=result.completes_on,
                fact=(say_reason(result.deciding, "ja"), say_reason(result.deciding, "en")),
                only=_n("lim_only_5") if early_done and not complete else ("", ""),
            )
        )
    if settlement and result.completes_on is not None:
        notes.append(_n("lim_settlement_due_part", ten=period_end(judged_on, years=10)))
    if result.acknowledged_after_completion is not None:
        notes.append(_n("lim_ack_after", day=result.acknowledged_after_completion))
        sources.append(_LATE_ACK)
    if s.judgment == "none":
        notes.append(_n("lim_no_judgment"))
    elif s.judgment is None:
        notes.append(_n("lim_judgment_unknown"))
    elif judged_on is None and s.judgment == "court_settlement":
        notes.append(_n("lim_settlement_no_date"))
    elif judged_on is None and s.judgment == "payment_order":
        notes.append(_n("lim_payment_order_no_date"))
    elif judged_on is None:
        notes.append(_n("lim_judgment_no_date", what=JUDGMENT_WORDS[s.judgment]))
    if s.judgment in _TITLES:
        notes.append(_n("lim_title", what=JUDGMENT_WORDS[s.judgment], target=_seizable(s)))
        sources.append(_ENFORCEMENT)
    if s.employment == "pensioner":
        notes.append(_n("lim_pension"))
        sources.append(_ENFORCEMENT)
    notes.append(_n("lim_costs"))
    sources.append(_LAWYER_FEES)
    return {
        "available": available,
        "total_to_pay": 0,
        "monthly": 0,
        "months": pd.NA,
        "notes": notes,
        "sources": sources,
    }


def _period_note(s: Situation, known: bool, years: int, settlement: bool) -> Note:
    """The period the estimate uses, in words: it never contradicts the dates shown beside it."""
    if settlement:
        return _n("lim_period_settlement")
    if s.judgment in _TITLES and s.judgment_date is not None:
        return _n("lim_period_judgment", what=JUDGMENT_WORDS[s.judgment])
    if s.contract_date is not None and s.contract_date >= NEW_CIVIL_CODE:
        return _n("lim_period_new")
    if not known:
        return _n("lim_period_unknown")
    return _n("lim_period_5" if years == 5 else "lim_period_10")


def _day(value: Any) -> date | None:
    return None if value is None else pd.Timestamp(value).date()


def _originator_words(originator: str) -> Note:
    """The originator in words: a creditor-type code becomes its label in each language."""
    if originator.lower() in CREDITOR_TYPES:
        code = originator.lower()
        return creditor_label(code, "ja"), creditor_label(code, "en")
    return originator, originator


def _seizable(s: Situation) -> Note:
    """What a title lets the creditor seize from this household, in words."""
    if s.employment == "pensioner":
        return _n("seize_pension")
    if s.employment in ("self_employed", "unemployed"):
        return _n("seize_assets")
    return _n("seize_wages")


LIMITATION = WayOut(
    "limitation",
    ("時効援用", "invoking the limitation"),
    "CIC/JICC: the default record stays up to about 5 years after the claim ends",
    LIMITATION_COSTS,
    limitation_row,
    NOTES,
)
