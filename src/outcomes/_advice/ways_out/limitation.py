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

from datetime import timedelta
from types import MappingProxyType
from typing import Any

import pandas as pd

from outcomes._advice.case import first_value
from outcomes._advice.notes import JUDGMENT_WORDS, note_maker
from outcomes._advice.situation import Note, Row, Situation
from outcomes._advice.ways_out.record import WayOut
from outcomes._errors import CaseError
from outcomes._law import (
    NEW_CIVIL_CODE,
    creditor_is_servicer,
    limitation_complete,
    limitation_date,
    originator_is_merchant,
    period_end,
    say_reason,
)
from outcomes._messages import Catalogue

__all__ = ["LIMITATION", "LIMITATION_COSTS", "NOTES", "limitation_row"]

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
            "10年(元の債権者が商人でない: 旧民法167条1項)",
            "10 years (the originator is not a merchant: old 民法 §167(1))",
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
            "判断は弁護士に依頼します。援用の前に支払ったり猶予を求めたりすると、原則として援用"
            "できなくなります(既に払った場合も、回収側に求められた少額の支払いなど事情により援用が"
            "認められた例があります)",
            "complete since {since} on this estimate; it is invoked (援用) by 内容証明郵便 with "
            "配達証明, and whether it holds is for a 弁護士 to judge; paying or asking for time "
            "before invoking it as a rule forfeits it (courts have still allowed it after a small "
            "payment the collector asked for)",
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
            "未完成: 更新されなければ{until}の終了で完成します(支払いや猶予の申し出で更新され、"
            "判決があれば10年)",
            "not yet: completes at the end of {until} if nothing restarts it (any payment or "
            "request for time restarts it; a judgment gives 10 years)",
        ),
        "lim_unknown_period": (
            "期間は不明: 5年なら{early}、10年なら{late}。{fact}{only}",
            "period not known: {early} with 5 years, {late} with 10; it depends on {fact}{only}",
        ),
        "lim_only_5": (
            "。5年の場合に限り完成しています: 元の債権者が分かるまで援用は勧められません",
            "; complete only if the 5 years apply: not to be invoked until the originator is known",
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
            "債務者の知らない判決や支払督促(公示送達によることが多い)があれば、その時から10年に"
            "なり、給与や預金の差押えもありえます: 頼る前に裁判所の記録を確認します",
            "a judgment or 支払督促 unknown to the debtor (often served by 公示送達) would make "
            "it 10 years from then and allow wages and deposits to be seized: check the court "
            "record before relying on it",
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
        "lim_costs": (
            "別途費用: 専門家の費用2万〜10万円。自分で送るなら郵送料約1,300〜2,000円",
            "extra costs: a professional's fee, ¥20,000–¥100,000; about ¥1,300–¥2,000 postage "
            "if sent alone",
        ),
    }
)

_n = note_maker(NOTES)


def limitation_row(s: Situation) -> Row:
    """The 時効援用 row of one case (see the module notes)."""
    notes: list[Note] = []
    sources = [_STATUTES]
    today = s.today
    judged_on = s.judgment_date if s.judgment in _TITLES else None
    settlement = s.judgment == "court_settlement" and judged_on is not None
    result = s.limitation
    if result is None:
        sale = first_value(s.frame, "sale_date")
        agreed = first_value(s.frame, "agreement_date")
        if sale is None and agreed is None:
            notes.append(_n("lim_no_sale"))
            return {
                "available": False, "total_to_pay": 0, "monthly": 0, "months": pd.NA,
                "notes": notes, "sources": sources,
            }  # fmt: skip
        anchor = (sale if sale is not None else agreed).date()
        if s.originator is not None:
            merchant = originator_is_merchant(s.originator_type, s.originator)
        else:
            merchant = originator_is_merchant(s.creditor_type, s.creditor)
        # after a court settlement, a default_date later than it is the day the benefit of
        # time under the settlement was lost: the instalments' clock starts there (§169(2))
        due_on = None
        default = s.default_date
        if settlement and default is not None and default > judged_on:
            due_on, default = default, None
        start = default if default is not None and default < anchor else None
        acks = [anchor] if start is not None else []
        if agreed is not None and sale is not None:
            acks.append(agreed.date())
        paying = first_value(s.frame, "resolution") == "installment"
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
                not_due_at_judgment=settlement,
                due_on=due_on,
            )
        except CaseError as exc:
            raise CaseError(f"judgment_date: {exc}") from None
        both = agreed is not None and sale is not None
        notes.append(
            _n(
                "lim_estimated",
                agreed=_n("lim_and_agreed") if both else ("", ""),
                period=_period_note(s, result.period_known, result.period_years, settlement),
            )
        )
        if s.originator is not None:
            notes.append(_n("lim_originator", originator=s.originator))
        elif creditor_is_servicer(s.creditor):
            notes.append(_n("lim_servicer_creditor", creditor=s.creditor))
        if paying:
            notes.append(_n("lim_paying"))

    available: Any
    complete = limitation_complete(result, today)
    early_done = (
        not result.period_known
        and result.earliest_completes_on is not None
        and today > result.earliest_completes_on
    )
    if result.completes_on is None and result.not_before is not None:
        # a court settlement's instalments whose due date is not known
        available = False if today <= result.not_before else pd.NA
        notes.append(_n("lim_settlement_due_unknown", not_before=result.not_before))
    elif result.completes_on is None:
        available = False
        notes.append(_n("lim_pending"))
    elif complete:
        available = True
        notes.append(_n("lim_complete", since=result.completes_on + timedelta(days=1)))
        sources.append(_LATE_ACK)
    else:
        available = pd.NA if early_done else False
        notes.append(_n("lim_not_yet", until=result.completes_on))
        notes.append(_n("meanwhile", interest=s.interest_note))
    if available is True and s.limitation is None and s.judgment in _TITLES and judged_on is None:
        available = pd.NA  # a title without its date: its 10 years may not have run (§169)
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
