"""The notes of the ways-out table, in Japanese and English, side by side.

Every note :mod:`outcomes._advice.ways_out` writes is a template here, the Japanese
beside the English (:data:`PATH_NOTES`), filled by :func:`path_note` with yen
formatted per language by :func:`~outcomes._format.format_yen`; the sources'
Japanese names are in :data:`SOURCE_LABELS_JA`. Split from
:mod:`outcomes._format` (same room: display only, nothing computed here).
Every figure a note states is an internal estimate, never a promise to the
debtor.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from outcomes._advice.wording import fill
from outcomes._format import LANGUAGES, creditor_label

__all__ = [
    "CREDIT_RECORD",
    "GUARANTOR_EFFECTS",
    "GUARANTOR_STATES",
    "PATH_LABELS",
    "RENDER_WORDS",
    "guarantor_effect",
    "interest_whose",
    "JUDGMENT_WORDS",
    "LIMITATION_FACT_JA",
    "PATH_NOTES",
    "SOURCE_LABELS_JA",
    "path_note",
]


#: the notes of the ways-out table, one template per language: {key: (Japanese, English)}.
#: Fields that are :class:`Yen` are formatted per language; a field that is a
#: (Japanese, English) pair is picked per language; the rest use the template's format spec.
PATH_NOTES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        # the household and the interest
        "capacity_budget": ("月々の予算{budget}", "the monthly budget of {budget}"),
        "capacity_income": (
            "手取りの5分の1({cap}、目安)",
            "a fifth of take-home pay ({cap}; rule of thumb)",
        ),
        "interest": (
            "遅延損害金が年に約{yearly}増えます(年{rate:g}%、{whose})",
            "遅延損害金 adds about {yearly} a year ({rate:g}%, {whose})",
        ),
        "meanwhile": ("それまでの間、{interest}", "meanwhile {interest}"),
        "unknown_capacity": (
            "返済できるかは不明です(予算か月収を入力してください)",
            "affordability unknown: give budget or monthly_income",
        ),
        "more_than": (
            "月{monthly}は{capacity}を超えます",
            "{monthly} a month is more than {capacity}",
        ),
        # the servicer's role
        "role_jhf": (
            "{servicer}は住宅金融支援機構の委託で回収しています。債権は機構のもので、売却されていません",
            "{servicer} collects for JHF on consignment: the claim is still JHF's, not sold",
        ),
        "role_bought": (
            "{servicer}が債権を買い取っています(記録あり)",
            "{servicer} bought the claim (recorded)",
        ),
        "role_consigned": (
            "{servicer}は回収の委託を受けています(記録あり)。債権者の基準に従い、免除にはほとんど応じません",
            "{servicer} collects on consignment (recorded): it follows the creditor's rules and "
            "rarely agrees to forgive",
        ),
        "role_unknown": (
            "サービサーの役割は不明です: {servicer}が債権を買い取ったのか、回収の委託を受けただけなのかは"
            "分かりません{extra}。サービサーが扱う債権の多くは委託です(2017年: 買取65万件、委託1,141万件)。"
            "免除を見込む前に確認します",
            "servicer role unknown: {servicer} may have bought the claim or only collect it on "
            "consignment{extra}; most servicer-handled claims are consigned (0.65M bought vs "
            "11.41M consigned in 2017) — check before counting on forgiveness",
        ),
        "role_also_jhf": (
            "(住宅金融支援機構の委託回収も行っています)",
            " (it also collects for JHF on consignment)",
        ),
        # 一括和解
        "lump_jhf": (
            "住宅金融支援機構は債権を持ち続け、免除にはほとんど応じません: 一括和解は見込めません",
            "JHF (住宅金融支援機構) keeps its claims and rarely forgives: no lump-sum settlement "
            "expected",
        ),
        "lump_model": (
            "過去の事例のモデルによる和解率: {typical:.1%}",
            "settlement ratio from the model of past cases: {typical:.1%}",
        ),
        "interval_ratio": ("8割の範囲 {low:.1%}〜{high:.1%}", "80% interval {low:.1%}–{high:.1%}"),
        "lump_rule_bought": (
            "モデルなし: サービサーが買い取った債権の目安は残債の約{typical:.0%}"
            "(和解例は{low:.1%}から。買取価格は1〜10%){only}",
            "no model: rule of thumb for claims a servicer bought, about {typical:.0%} of the "
            "residual (accepted from {low:.1%}; purchase prices 1–10%){only}",
        ),
        "lump_rule_only": (
            "。債権を買い取った場合に限ります",
            "; applies only if it bought the claim",
        ),
        "lump_rule_unsold": (
            "モデルなし: 仮に{typical:.0%}({low:.0%}〜{high:.0%})とします。一括和解はサービサーが"
            "債権を買い取った後によくあり、それまで債権者はあまり減額しません",
            "no model: assumed {typical:.0%} ({low:.0%}–{high:.0%}); lump sums are usual once a "
            "servicer has bought the claim, before that creditors rarely forgive much",
        ),
        "lump_needs": (
            "現金で約{estimate}が必要です(範囲 {floor}〜{high})",
            "needs about {estimate} in cash (range {floor}–{high})",
        ),
        "lump_cash_covers": (
            "手元資金{cash}で通常の{estimate}に届きます",
            "the cash of {cash} covers the usual {estimate}",
        ),
        "lump_cash_within": (
            "手元資金{cash}(残債の{share:.1%})は通常の{estimate}に届きませんが、似た過去の和解の範囲内です",
            "the {cash} available ({share:.1%}) is below the usual {estimate} but within the "
            "range of similar past settlements",
        ),
        "lump_cash_below": (
            "手元資金{cash}は過去の最低水準({low:.1%} = {floor})を下回ります。資金を貯めるか、"
            "分割弁済を検討します",
            "the cash of {cash} is below the lowest settlement seen ({low:.1%} = {floor}); "
            "saving towards it or instalments instead",
        ),
        "lump_ends": (
            "和解で債務は終わります。それまでの間、{interest}",
            "a settlement ends the debt; meanwhile {interest}",
        ),
        # 分割弁済
        "inst_model": (
            "過去の事例のモデルによる月額: {monthly}",
            "monthly amount from the model of past cases: {monthly}",
        ),
        "interval_yen": ("8割の範囲 {low}〜{high}", "80% interval {low}–{high}"),
        "inst_above_budget": (
            "月々の予算{budget}を超えます: 収支表を添えて予算の額を提案します",
            "above the monthly budget of {budget}: the budget, with a 収支表, instead",
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
            "通常は月約1万円から、年金なら5,000円も認められます。1年または5年ごとに見直し、"
            "一定期間後の免除はありません",
            "JHF keeps the claim (collected on consignment by 住宅債権管理回収機構 or one of its "
            "three other collectors), usually from about ¥10,000 a month, ¥5,000 accepted on a "
            "pension; reviewed every 1 or 5 years; no forgiveness after a fixed term",
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
        # 任意整理
        "vol_main": (
            "元金を{months}か月(3〜5年)で返し、将来の利息はカットします。債権者の同意が必要です。{who}",
            "the principal over {months} months (3–5 years), future interest cut; needs the "
            "creditor's consent; {who}",
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
            "別途費用: 弁護士費用の目安は債権者1社あたり2万〜5万円",
            "extra costs: lawyer's fee estimate, ¥20,000–¥50,000 a creditor",
        ),
        # 個人再生
        "rehab_unavailable": (
            "基準債権{debt}が{limit}を超えるため、個人再生は使えません(民事再生法231条2項2号)",
            "{message}",
        ),
        "rehab_b_given": ("B(基準債権額)は担当者の入力", "B given by the analyst"),
        "rehab_b_damages": (
            "B = 残債 + 遅延損害金(年{rate:g}%、{default_date}から開始決定の見込み日{opening}まで)"
            " = {claims}(84条2項)",
            "B = the residual + 遅延損害金 ({rate:g}%) from {default_date} to an estimated "
            "opening order on {opening} = {claims} (§84(2))",
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
        "rehab_unemployed": (
            "継続的な収入が必要です(民事再生法221条): 仕事も年金もなければ使えません",
            "needs continuing income (民事再生法 §221): not available without work or pension",
        ),
        "rehab_pension": (
            "年金も継続的な収入です(民事再生法221条1項): 年金生活者も小規模個人再生を使えます",
            "a pension is continuing income (民事再生法 §221(1)): 小規模個人再生 is open to "
            "pensioners",
        ),
        "rehab_costs": (
            "別途費用: 裁判所に22,268円(印紙1万円 + 予納金12,268円) + 弁護士費用約50万円"
            "(40万〜100万円)。東京では個人再生委員の費用が加わります",
            "extra costs: court ¥22,268 (¥10,000 stamp + ¥12,268 予納金) + lawyer about "
            "¥500,000 (¥400,000–¥1,000,000); a 個人再生委員 (Tokyo) adds more",
        ),
        # 自己破産
        "bk_main": (
            "残債は免責されます(破産法253条1項)。税金と養育費は残ります",
            "discharges the residual (破産法 §253(1)); taxes and child support stay owed",
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
            "売却後に資産が残っていなければ、通常は同時廃止: 裁判所費用約1万〜3万円 + 弁護士費用約30万円"
            "(20万〜40万円)。管財事件になれば予納金が約20万円(少額管財)または50万円以上(通常の管財)"
            "必要です",
            "no assets left after the sale: usually 同時廃止, court costs about ¥10,000–¥30,000 "
            "+ lawyer about ¥300,000 (¥200,000–¥400,000); a trustee case would need a 予納金 of "
            "about ¥200,000 (少額管財) or ¥500,000 or more (ordinary 管財)",
        ),
        "bk_jobs": (
            "免責まで就けない職業があります(警備員、士業、保険外交員)",
            "some jobs are barred until discharge (警備員, 士業, 保険外交員)",
        ),
        # 時効援用
        "lim_no_sale": (
            "売却日がないため時効を見積もれません: 実際の日付(契約、期限の利益喪失、支払い、判決の有無)"
            "が必要です",
            "no sale_date: cannot estimate the limitation; the real dates (contract, default, "
            "payments, any judgment) are needed",
        ),
        "lim_period_unknown": ("期間は不明(下記)", "period not known (see below)"),
        "lim_period_5": ("5年(商人の債権者)", "5 years (a merchant originator)"),
        "lim_period_10": ("10年(商人でない債権者)", "10 years (not a merchant)"),
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
            "この見積りでは{since}から完成しています: 配達証明付き内容証明郵便で援用します。"
            "先に支払ったり猶予を求めたりすると援用できなくなります",
            "complete since {since} on this estimate: it is invoked (援用) by 内容証明郵便 with "
            "配達証明; paying or asking for time first forfeits it",
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
        "lim_only_5": ("。5年の場合に限り完成しています", "; complete only if the 5 years apply"),
        "lim_no_judgment": (
            "判決・支払督促はなし(確認済み)",
            "no judgment or 支払督促 (confirmed)",
        ),
        "lim_judgment_unknown": (
            "債務者の知らない判決や支払督促(公示送達によることが多い)があれば、その時から10年に"
            "なります: 頼る前に裁判所の記録を確認します",
            "a judgment or 支払督促 unknown to the debtor (often served by 公示送達) would make "
            "it 10 years from then: check the court record before relying on it",
        ),
        "lim_judgment_no_date": (
            "{what}の記録はありますが日付がありません: その時から10年です。日付が必要です",
            "a {what} is recorded without its date: 10 years from it; the date is needed",
        ),
        "lim_169": (
            "裁判上の和解の時点で弁済期が来ていない部分は、それぞれの時効期間に従います(民法169条2項)",
            "parts not yet due at the court settlement keep their own period (民法 §169(2))",
        ),
        "lim_costs": (
            "別途費用: 専門家の費用2万〜10万円。自分で送るなら郵送料約1,300〜2,000円",
            "extra costs: a professional's fee, ¥20,000–¥100,000; about ¥1,300–¥2,000 postage "
            "if sent alone",
        ),
    }
)

#: the recorded court decisions in words: {code: (Japanese, English)}
JUDGMENT_WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "judgment": ("判決", "judgment"),
        "payment_order": ("支払督促", "payment order"),
        "court_settlement": ("裁判上の和解", "court settlement"),
    }
)

#: the Japanese of the fact that decides a limitation period (outcomes._law.limitation)
LIMITATION_FACT_JA = (
    "債権の元の債権者(貸主、または求償権なら保証会社)が商人だったかで決まります: "
    "商人なら5年(旧商法522条)、そうでなければ10年(旧民法167条)"
)

#: the sources of the ways-out table in Japanese (footnotes of render_paths); the confidence
#: tags (H)/(M)/(L) become words
SOURCE_LABELS_JA: Mapping[str, str] = MappingProxyType(
    {
        "lawyers' fees: marketing pages (L)": "弁護士費用: 事務所の広告ページ(参考程度)",
        "servicer roles: Ministry of Justice 2017 survey (H)": "サービサーの役割: 法務省2017年の調査",
        "usual amounts and terms: the article (L)": "一般的な月額と期間: 記事(参考程度)",
        "JHF practice: one good secondary source (M)": "住宅金融支援機構の運用: 信頼できる二次資料",
        "servicer settlements and purchase prices: the article and web pages (L–M)": (
            "サービサーの和解額と買取価格: 記事とウェブページ(参考程度)"
        ),
        "unsold claims: an assumption, no data": "譲渡前の債権: 仮定(データなし)",
        "司法書士法 §3-1-7, 最判平成28年6月27日 (H)": "司法書士法3条1項7号、最判平成28年6月27日",
        "民事再生法 §§84(2), 221, 231 (H)": "民事再生法84条2項・221条・231条",
        "court fees: yamanaka-seiri.jp (M)": "裁判所費用: yamanaka-seiri.jp",
        "破産法 §253 (H)": "破産法253条",
        "court costs: domain.md (M–H)": "裁判所費用: 社内資料 domain.md",
        "民法 §§145, 147, 150, 152, 166, 169 and old 商法 §522 (H)": (
            "民法145条・147条・150条・152条・166条・169条、旧商法522条"
        ),
    }
)


# ==========================================================================
# The ways out
# ==========================================================================

#: name of each way out: {code: (Japanese, English)}
PATH_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "lump_sum": ("一括和解", "lump-sum settlement"),
        "installment": ("分割弁済", "instalments"),
        "voluntary_arrangement": ("任意整理", "voluntary arrangement"),
        "rehabilitation": ("個人再生", "individual rehabilitation"),
        "bankruptcy": ("自己破産", "bankruptcy"),
        "limitation": ("時効援用", "invoking the limitation"),
    }
)

#: what each way out leaves in the credit records (M; domain.md "Credit records")
CREDIT_RECORD: Mapping[str, str] = MappingProxyType(
    {
        "lump_sum": "CIC/JICC: the default (代位弁済) record stays about 5 years after settlement",
        "installment": "CIC/JICC: the default record stays while paying and about 5 years after the debt ends",
        "voluntary_arrangement": "CIC/JICC about 5 years (任意整理)",
        "rehabilitation": "CIC/JICC about 5 years; KSC keeps the 官報 gazette notice of 個人再生 7 years",
        "bankruptcy": "CIC/JICC about 5 years; KSC keeps the 官報 gazette notice of 破産 7 years",
        "limitation": "CIC/JICC: the default record stays up to about 5 years after the claim ends",
    }
)


#: what each way out does to a 連帯保証人 or 連帯債務者: {code: (Japanese, English)}
GUARANTOR_EFFECTS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "lump_sum": (
            "和解書で保証人(連帯債務者)も免除すると名前を挙げて明記しないと、保証人への請求が残りえます",
            "the settlement deed should expressly release the guarantor (免除, naming them); "
            "otherwise the creditor may still claim from them",
        ),
        "installment": (
            "債務者の支払いは保証人に対する時効も更新します(民法457条1項)。残りは保証人も負います",
            "the debtor's payments renew the limitation against the guarantor too (民法 §457-1); "
            "the guarantor stays liable for what is unpaid",
        ),
        "voluntary_arrangement": (
            "任意整理の合意は、明記しない限り保証人を免除しません。債権者は保証人に請求できます",
            "the arrangement does not release the guarantor unless it says so; the creditor may "
            "claim from them",
        ),
        "rehabilitation": (
            "再生計画は保証人の債務を減らしません(民事再生法177条2項)。債権者は残りを保証人に請求します",
            "the plan does not reduce what the guarantor owes (民事再生法 §177-2): the creditor "
            "claims the rest from them",
        ),
        "bankruptcy": (
            "免責は保証人の債務を減らしません(破産法253条2項)。債権者は全額を保証人に請求します",
            "discharge does not reduce what the guarantor owes (破産法 §253-2): the creditor "
            "claims the whole from them",
        ),
        "limitation": (
            "保証人も自分で時効を援用できます(民法145条)。債務者の承認は保証人に対する時効も更新します"
            "(民法457条1項)",
            "the guarantor may invoke the limitation himself (民法 §145); the debtor's "
            "acknowledgement renews it against the guarantor too (§457-1)",
        ),
    }
)

#: how the guarantor's state opens the guarantor column: {state: (Japanese, English)}
GUARANTOR_STATES: Mapping[bool | None, tuple[str, str]] = MappingProxyType(
    {
        True: ("保証人あり: ", "guarantor on the debt: "),
        None: (
            "保証人の有無は不明(確認が必要)。いる場合: ",
            "guarantor unknown (check) — if there is one: ",
        ),
        False: ("保証人なし(記録上)", "no guarantor recorded"),
    }
)


def guarantor_effect(path: str, guarantor: bool | None, language: str) -> str:
    """What a way out does to a guarantor, in words, given whether there is one.

    Examples
    --------
    >>> guarantor_effect("bankruptcy", None, "en")[:44]
    'guarantor unknown (check) — if there is one:'
    >>> guarantor_effect("bankruptcy", False, "ja")
    '保証人なし(記録上)'
    """
    i = 0 if language == "ja" else 1
    state = GUARANTOR_STATES[guarantor][i]
    return state if guarantor is False else state + GUARANTOR_EFFECTS[path][i]


#: the words of the rendered ways-out table, per language (:func:`~outcomes._advice.paths.render_paths`)
RENDER_WORDS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        "ja": {
            "headers": ("方法", "可否", "支払総額", "月額", "期間", "別途費用(目安)"),
            "yes": "可",
            "no": "不可",
            "open_ended": "期限なし",
            "months": "{}か月",
            "guarantor": "保証人",
            "sources": "出典:",
        },
        "en": {
            "headers": (
                "way out",
                "possible",
                "total to pay",
                "monthly",
                "months",
                "extra costs (est.)",
            ),
            "yes": "yes",
            "no": "no",
            "open_ended": "open-ended",
            "months": "{}",
            "guarantor": "guarantor",
            "sources": "Sources:",
        },
    }
)


def interest_whose(creditor_type: str | None, *, given: bool) -> str:
    """Whose 遅延損害金 rate a note states, in Japanese (the English comes with the rate).

    Examples
    --------
    >>> interest_whose("bank", given=False), interest_whose("jfc", given=False)
    ('銀行の通常の利率(推定)', '日本政策金融公庫の利率(契約日で異なる、推定)')
    """
    if given:
        return "契約の利率"
    if creditor_type == "jfc":
        return "日本政策金融公庫の利率(契約日で異なる、推定)"
    return f"{creditor_label(creditor_type, 'ja')}の通常の利率(推定)"


def path_note(key: str, **fields: Any) -> tuple[str, str]:
    """One note of the ways-out table in both languages: ``(Japanese, English)``.

    Examples
    --------
    >>> from outcomes._advice.wording import Yen
    >>> path_note("inst_too_much", capacity=Yen(50_000))
    ('世帯が払える額(5万円)を超えます', 'more than the household can pay (¥50,000)')
    """
    ja, en = (fill(PATH_NOTES[key], language, fields) for language in LANGUAGES)
    return ja, en
