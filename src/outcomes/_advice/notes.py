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

from outcomes._advice.guarantor_notes import GUARANTOR_EFFECTS, GUARANTOR_STATES, guarantor_effect
from outcomes._format import LANGUAGES, creditor_label, fill

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
            "遅延損害金が年に約{yearly}まで増えます(年{rate:g}%、{whose}。損害金は元金にだけ付くため、"
            "残債に未払いの損害金が含まれていればこれより少なくなります)",
            "遅延損害金 adds up to about {yearly} a year ({rate:g}%, {whose}; it accrues on the "
            "principal only, so less if the residual includes unpaid damages)",
        ),
        "interest_capped": (
            "契約の利率{given:g}%のうち、利息制限法の上限{cap:g}%を超える部分は無効です(同法7条1項)",
            "the contract's {given:g}% is above the {cap:g}% cap of the 利息制限法 (§7(1)); the "
            "excess is void",
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
        "capacity_rule": (
            "手取りの5分の1は目安にすぎません: 収支表で確かめます{court}。分割弁済の行の月額は債権者に"
            "提案する額で、払える上限ではありません",
            "a fifth of take-home pay is only a rule of thumb: check it against the household "
            "budget (収支表){court}; the instalment row's amount is what is proposed to the "
            "creditor, not the most the household can pay",
        ),
        "capacity_court": (
            "(裁判所は計画を遂行できる見込みを審査します: 民事再生法174条2項2号)",
            " (the court checks that the plan can be carried out: 民事再生法 §174(2)(ii))",
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
            "債務者に届いた書面が債権譲渡通知か委託の通知かで確かめてから、免除を見込みます",
            "servicer role unknown: {servicer} may have bought the claim or only collect it on "
            "consignment{extra}; most servicer-handled claims are consigned (0.65M bought vs "
            "11.41M consigned in 2017) — check the letter the debtor received (a notice of "
            "assignment, 債権譲渡通知, or of consignment) before counting on forgiveness",
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
            "手元資金{cash}(残債の{share:.1%})は{what}{estimate}に届きませんが、{range}の範囲内です",
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
            "記事の和解例と買取価格(1.7%〜10%)",
            "the article's settlements and purchase prices (1.7%–10%)",
        ),
        "lump_ends": (
            "和解書に残りの免除と清算条項が書かれて初めて、債務は終わります。それまでの間、{interest}",
            "the debt ends only if the settlement deed states that the rest is forgiven (免除) "
            "with a 清算条項; meanwhile {interest}",
        ),
        "forgiveness_tax": (
            "免除された額は債務免除益として課税されることがあります。資力を喪失して弁済が著しく"
            "困難な場合は課税されません(所得税法44条の2): 税理士に確認します",
            "the amount forgiven can be taxed as income, unless the debtor had lost the means to "
            "pay (資力を喪失, 所得税法 §44-2): check with a tax accountant",
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
        # 任意整理
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
        # 個人再生
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
        # 自己破産
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
        # 時効援用
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
        "servicer roles: Ministry of Justice 2017 survey, moj.go.jp/content/001258685.pdf (H)": (
            "サービサーの役割: 法務省2017年の調査(moj.go.jp/content/001258685.pdf)"
        ),
        "usual amounts and terms: the article 任意売却後の残債はどうなる? (任意売却119番, L)": (
            "一般的な月額と期間: 任意売却119番の記事「任意売却後の残債はどうなる?」(参考程度)"
        ),
        "JHF practice: sbi-efinance.co.jp/contents/what_is_servicer (M)": (
            "住宅金融支援機構の運用: sbi-efinance.co.jp/contents/what_is_servicer"
        ),
        "servicer settlements and purchase prices: the article and web pages (L–M)": (
            "サービサーの和解額と買取価格: 記事とウェブページ(参考程度)"
        ),
        "unsold claims: an assumption, no data": "譲渡前の債権: 仮定(データなし)",
        "所得税法 §44-2 (H)": "所得税法44条の2",
        "司法書士法 §3-1-7, 最判平成28年6月27日 (H)": "司法書士法3条1項7号、最判平成28年6月27日",
        "減額報酬: 日弁連 債務整理事件処理の規律を定める規程 (H)": (
            "減額報酬: 日弁連「債務整理事件処理の規律を定める規程」"
        ),
        "民事再生法 §§84(2), 174, 196, 221, 231 (H)": (
            "民事再生法84条2項・174条・196条・221条・231条"
        ),
        "民法 §489 (H)": "民法489条",
        "court fees: yamanaka-seiri.jp (M)": "裁判所費用: yamanaka-seiri.jp",
        "破産法 §§252, 253 (H)": "破産法252条・253条",
        "破産 court costs: kuretakelaw.com/individual/707, saimu4.com/jikohasan/2056/ (M–H)": (
            "破産の裁判所費用: kuretakelaw.com/individual/707、saimu4.com/jikohasan/2056/"
        ),
        "同時廃止 or 管財: hashi-law.com/2020/10/13/jikohasan-furiwakekijun/ (Tokyo, M)": (
            "同時廃止か管財か: hashi-law.com/2020/10/13/jikohasan-furiwakekijun/(東京地裁の基準)"
        ),
        "民法 §§145, 147, 150, 152, 166, 169 and old 商法 §522 (H)": (
            "民法145条・147条・150条・152条・166条・169条、旧商法522条"
        ),
        "payment after completion: 最判昭和41年4月20日, 大阪高判平成27年3月6日 "
        "(nishikawa-law.com/?p=377) (M)": (
            "完成後の支払い: 最判昭和41年4月20日、大阪高判平成27年3月6日(nishikawa-law.com/?p=377)"
        ),
        "民事執行法 §§152, 153, 国民年金法 §24, 厚生年金保険法 §41 (H)": (
            "民事執行法152条・153条、国民年金法24条、厚生年金保険法41条"
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


#: the words of the rendered ways-out table, per language (:func:`~outcomes._advice.paths.render_paths`)
RENDER_WORDS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        "ja": {
            "headers": ("方法", "可否", "支払総額", "月額", "期間", "別途費用(目安)"),
            "yes": "可",
            "no": "不可",
            "unknown": "不明",
            "open_ended": "期限なし",
            "months": "{}か月",
            "guarantor": "保証人等",
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
            "unknown": "unknown",
            "open_ended": "open-ended",
            "months": "{}",
            "guarantor": "guarantor / joint debtor",
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
    >>> from outcomes._format import Yen
    >>> path_note("inst_too_much", capacity=Yen(50_000))
    ('世帯が払える額(5万円)を超えます', 'more than the household can pay (¥50,000)')
    """
    ja, en = (fill(PATH_NOTES[key], language, fields) for language in LANGUAGES)
    return ja, en
