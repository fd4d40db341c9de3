"""The words of the law: why a limitation completes when it does, as codes and their sentences.

:func:`~outcomes._law.limitation_date` returns its reasons as
:class:`~outcomes._messages.Message` codes (``"ack.restarts"`` with its dates),
never as sentences; :data:`LIMITATION_REASONS` holds each code's Japanese and
English, one catalogue of the shape ``{code: (ja, en)}``, and :func:`say_reason`
renders one (a field that is itself a :class:`~outcomes._messages.Message`,
such as the deciding fact inside the "merchant status unknown" reason, is
rendered first, in the same language). The English is what
``LimitationResult.basis`` has always said. Dates print as ``YYYY-MM-DD`` in
both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from outcomes._messages import Catalogue, Message, render

__all__ = ["LIMITATION_REASONS", "say_reason"]

_SUSPENDED_JA = "完成は訴訟の間猶予されます"

#: the reasons of a limitation date, {code: (Japanese, English)}
LIMITATION_REASONS: Catalogue = MappingProxyType(
    {
        # where the clock starts
        "start.subrogated": (
            "保証会社の求償権は{day}の代位弁済で生じます: 翌日から数えます",
            "guarantee company's claim (求償権) from 代位弁済 on {day}: counted from the next day",
        ),
        "start.claimable": (
            "{day}から請求できます: 翌日から数えます(初日不算入)",
            "claimable from {day}: counted from the next day (初日不算入)",
        ),
        "contract.unknown": (
            "契約日が不明: 2020年4月1日より前(旧民法)として扱います",
            "contract date unknown: treated as before 2020-04-01 (old 民法)",
        ),
        "known_on.ignored": (
            "known_onは使いません: 旧法の契約は権利を行使できる時から進みます",
            "known_on ignored: old contracts run from when the claim could be made",
        ),
        # the period
        "period.new_law": (
            "{contract}の契約(2020年4月1日以降): 知った時({knew})から5年、{start}から最長10年"
            "(民法166条)",
            "contract of {contract} (on/after 2020-04-01): 5 years from knowledge ({knew}), 10 at "
            "most from {start} (民法 §166)",
        ),
        "period.old.merchant": (
            "{when}: 当事者の一方が商人のため{years}年(旧商法522条)",
            "{when}: {years} years because a party is a merchant (old 商法 §522)",
        ),
        "period.old.non_merchant": (
            "{when}: どちらの当事者も商人でないため{years}年(旧民法167条)",
            "{when}: {years} years because no party is a merchant (民法 §167 old)",
        ),
        "when.contract": ("{contract}の契約", "contract of {contract}"),
        "when.old": ("旧法の契約", "old contract"),
        "period.ends": ("期間は{day}に終わります", "the period ends on {day}"),
        # judgments and court settlements
        "settlement.due_unknown": (
            "{day}の判決または裁判上の和解で、まだ弁済期になかった部分は、それぞれの支払期日から元の"
            "{years}年の期間です(民法147条2項・166条1項・169条2項)。和解より前からは数えません。"
            "その日付がないため、早くても{not_before}の後です",
            "judgment or court settlement on {day} on parts not yet due: each runs its own "
            "{years}-year period from its own due date (民法 §147(2), §166(1), §169(2)), never from "
            "before the settlement; without that date, not before {not_before}",
        ),
        "settlement.due_known": (
            "{day}の判決または裁判上の和解で、まだ弁済期になかった部分は{due}に弁済期となり、その時から"
            "元の{years}年の期間です(民法147条2項・166条1項・169条2項)。期間は{ends}に終わります",
            "judgment or court settlement on {day} on parts not yet due: they fell due on {due} "
            "and run their own {years}-year period from then (民法 §147(2), §166(1), §169(2)); the "
            "period ends on {ends}",
        ),
        "settlement.ack": (
            "{day}に承認(和解の後): 時効は更新されます(民法152条)。早くても{not_before}の後です",
            "acknowledged on {day}, after the settlement: the clock restarts (民法 §152); not "
            "before {not_before}",
        ),
        "settlement.ack_before_due": (
            "{day}に承認(弁済期{due}の前): その部分の時効は弁済期から進みます",
            "acknowledged on {day}, before the parts fell due on {due}: their clock starts on that "
            "day",
        ),
        "settlement.demand": (
            "{day}の催告: 効果は支払期日によりますが、その日付は不明です",
            "demand on {day}: its effect depends on the due dates, not known",
        ),
        "judgment.final": (
            "{day}の確定判決で権利が確定: 新たに10年(民法169条)、{ends}に終わります",
            "right confirmed by a final judgment on {day}: new 10-year period (民法 §169) ending "
            "on {ends}",
        ),
        # events before the clock started
        "event.before_start": (
            "{day}の{event}は時効の進行前です: 考慮しません",
            "{event} on {day} is before the clock started: ignored",
        ),
        "event.ack": ("承認", "acknowledgement"),
        "event.demand": ("催告", "demand"),
        "event.suit": ("訴訟", "lawsuit"),
        # acknowledgements
        "ack.during_suit": (
            "{day}に承認(訴訟の係属中。完成は猶予され、時効は完成していませんでした)",
            "acknowledged on {day} while the lawsuit runs (completion was suspended, the "
            "limitation had not completed)",
        ),
        "ack.after_completion": (
            "{day}の承認は{completed}の時効完成の後です: 原則として完成した時効はもう援用できません"
            "(信義則、最判昭和41年4月20日)。ただし回収側が支払いを求めた場合に援用が認められた例が"
            "あります(大阪高判平成27年3月6日): 弁護士に確認します",
            "acknowledged on {day}, after the limitation completed on {completed}: as a rule the "
            "completed limitation can no longer be invoked (信義則, 最判昭和41年4月20日), but "
            "courts have allowed it where the collector induced the payment (大阪高判平成27年3月6日): "
            "a question for a 弁護士",
        ),
        "ack.restarts": (
            "{day}に承認(支払い、利息の支払い、猶予の申し出): 時効は更新されます(民法152条)。"
            "期間は{ends}に終わります",
            "acknowledged (payment, interest or request for time) on {day}: the clock restarts "
            "(民法 §152); the period ends on {ends}",
        ),
        # suits
        "suit.after_completion": (
            "{day}の訴えの提起は{completed}の完成の後です: 債務者は訴訟で時効を援用できます",
            "lawsuit filed on {day}, after completion on {completed}: the debtor can invoke the "
            "limitation in the suit",
        ),
        "suit.filed": (
            f"{{day}}に訴えまたは支払督促: {_SUSPENDED_JA}",
            "lawsuit or 支払督促 filed on {day}: completion suspended while it runs",
        ),
        "suit.ended": (
            "{day}に訴訟・支払督促が権利の確定なく終了(取下げ、却下など): 完成はその6か月後の{six}"
            "まで猶予されるだけです(民法147条1項)",
            "lawsuit or 支払督促 ended on {day} without confirming the right (withdrawn, "
            "dismissed): completion is only postponed to {six}, 6 months on (民法 §147(1))",
        ),
        "suit.ended_no_change": (
            "{day}に訴訟・支払督促が権利の確定なく終了: 6か月({six}まで)は元の完成より前で、"
            "変わりません(民法147条1項)",
            "lawsuit or 支払督促 ended on {day} without confirming the right: its 6 months (to "
            "{six}) end before completion; no change (民法 §147(1))",
        ),
        "suit.pending": (
            "判決のない訴訟が係属中: 終わるまで完成は猶予されます",
            "lawsuit pending without a judgment: completion suspended until it ends",
        ),
        # demands
        "demand.during_suit": (
            "訴訟の間の{day}の催告: それ以上の効果はありません",
            "demand on {day} during the lawsuit: no further effect",
        ),
        "demand.after_completion": (
            "{completed}の完成の後の{day}の催告: 効果はありません",
            "demand on {day}, after completion on {completed}: no effect",
        ),
        "demand.old_law_in_time": (
            "{day}の催告(2020年4月1日より前、旧民法153条): 6か月以内に{filed}の訴えが続いたため、"
            "時効の完成前にされたものとして扱います",
            "demand (催告) on {day}, before 2020-04-01 (old 民法 §153): the lawsuit of {filed} "
            "followed within six months, so it counts as made in time",
        ),
        "demand.old_law_followed": (
            "{day}の催告(2020年4月1日より前、旧民法153条): 6か月以内に訴えが続きました",
            "demand (催告) on {day}, before 2020-04-01 (old 民法 §153): the lawsuit followed "
            "within six months",
        ),
        "demand.old_law_alone": (
            "{day}の催告(2020年4月1日より前、旧民法153条): 6か月以内に訴えがなければ効果はありません",
            "demand (催告) on {day}, before 2020-04-01 (old 民法 §153): no effect without a "
            "lawsuit within six months",
        ),
        "demand.second": (
            "{day}の再度の催告は、前の催告の6か月以内です: 効果はありません(民法150条2項)",
            "second demand on {day}, within the six months of an earlier demand: no effect "
            "(民法 §150(2))",
        ),
        "demand.postpones": (
            "{day}の催告(民法150条): 完成は{completes}から{six}まで6か月猶予されます",
            "demand (催告) on {day}: completion postponed from {completes} to {six} (6 months, "
            "民法 §150)",
        ),
        "demand.too_early": (
            "{day}の催告: 6か月は{six}に終わり、完成より前です。変わりません",
            "demand on {day}: its six months end on {six}, before completion; no change",
        ),
        # when the period turns on a fact nobody recorded
        "merchant.unknown": (
            "商人かどうかが不明: {days}。{fact}",
            "merchant status unknown: {days}; it depends on {fact}",
        ),
        "merchant.days": (
            "5年なら{five}、10年なら{ten}",
            "{five} with 5 years, {ten} with 10",
        ),
        "merchant.days_not_before": (
            "5年なら早くても{five}の後、10年なら{ten}の後",
            "not before {five} with 5 years, {ten} with 10",
        ),
        "deciding.merchant": (
            "債権の元の債権者(貸主、または求償権なら保証会社)が商人だったかで決まります: "
            "商人なら5年(旧商法522条)、そうでなければ10年(旧民法167条)",
            "whether the originator of the claim (the lender, or the guarantee company for its "
            "求償権) was a merchant: 5 years if so (old 商法 §522), 10 if not (民法 §167 old)",
        ),
        "deciding.debtor": (
            "債務者が商人として(事業のために)借りたかで決まります: そうなら5年(商法3条1項、旧商法522条、"
            "信用保証協会の求償権は最判昭和42年10月6日)、そうでなければ10年(旧民法167条)",
            "whether the debtor borrowed as a merchant (for a business): 5 years if so (商法 §3(1), "
            "old 商法 §522; a 信用保証協会's 求償権: 最判昭和42年10月6日), 10 if not (民法 §167 old)",
        ),
        "deciding.either": (
            "元の債権者(貸主、または求償権なら保証会社)か債務者のどちらかが商人だったか(債務者なら"
            "事業のための借入れか)で決まります: そうなら5年(商法3条1項、旧商法522条)、どちらも"
            "違えば10年(旧民法167条)",
            "whether the originator of the claim (the lender, or the guarantee company for its "
            "求償権) or the debtor (borrowing for a business) was a merchant: 5 years if either "
            "was (商法 §3(1), old 商法 §522), 10 if neither (民法 §167 old)",
        ),
    }
)


def say_reason(message: Message, language: str = "en", catalogue: Mapping | None = None) -> str:
    """One reason of a limitation date in ``language``; nested messages are rendered first.

    Examples
    --------
    >>> from datetime import date
    >>> say_reason(Message("period.ends", {"day": date(2025, 4, 10)}))
    'the period ends on 2025-04-10'
    >>> say_reason(Message("period.ends", {"day": date(2025, 4, 10)}), "ja")
    '期間は2025-04-10に終わります'
    """
    words = LIMITATION_REASONS if catalogue is None else catalogue
    fields = {
        name: say_reason(value, language, words) if isinstance(value, Message) else value
        for name, value in message.fields.items()
    }
    return render(Message(message.code, fields), language, words)
