"""The shared notes and citations of the ways-out table, in Japanese and English, side by side.

Each way out keeps its own notes and labels in its own file of
:mod:`outcomes._advice.ways_out`; what several of them say — the household's
capacity, the interest that runs meanwhile, the servicer's role, the tax on a
forgiven amount — is here (:data:`PATH_NOTES`), with the one citation table of
the ways out (:data:`SOURCES`: a code, its Japanese and its English) and the
words of the rendered table. :func:`note_maker` gives a way out its note
function over its own catalogue and these shared notes; each note is filled in
both languages by :func:`~outcomes._format.fill` (yen per language). Display
only, nothing computed here. Every figure a note states is an internal
estimate, never a promise to the debtor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from outcomes._advice.guarantor_notes import GUARANTOR_EFFECTS, GUARANTOR_STATES, guarantor_effect
from outcomes._format import LANGUAGES, creditor_label, fill
from outcomes._messages import Catalogue

__all__ = [
    "GUARANTOR_EFFECTS",
    "GUARANTOR_STATES",
    "JUDGMENT_WORDS",
    "PATH_NOTES",
    "RENDER_WORDS",
    "SOURCES",
    "guarantor_effect",
    "interest_whose",
    "is_public_guarantor",
    "note_maker",
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
            "(裁判所は計画を遂行できる見込みを審査し、多くは申立ての後、数か月の積立(履行テスト)で"
            "払えることを確かめます: 民事再生法174条2項2号)",
            " (the court checks that the plan can be carried out, usually by months of trial "
            "payments into an account (積立) after the filing: 民事再生法 §174(2)(ii))",
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
        # several ways out
        "interval_ratio": ("8割の範囲 {low:.1%}〜{high:.1%}", "80% interval {low:.1%}–{high:.1%}"),
        "forgiveness_tax": (
            "免除された額は債務免除益として課税されることがあります。資力を喪失して弁済が著しく"
            "困難な場合は課税されません(所得税法44条の2): 税理士に確認します",
            "the amount forgiven can be taxed as income, unless the debtor had lost the means to "
            "pay (資力を喪失, 所得税法 §44-2): check with a tax accountant",
        ),
        "interval_yen": ("8割の範囲 {low}〜{high}", "80% interval {low}–{high}"),
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


#: the one citation table of the ways out, {code: (Japanese, English)}: a row builder names
#: its sources by code; the table shows both languages and render_paths numbers them as
#: footnotes. The confidence tags (H)/(M)/(L) are words in Japanese.
SOURCES: Catalogue = MappingProxyType(
    {
        "lawyer_fees": (
            "弁護士費用: 事務所の広告ページ(参考程度)",
            "lawyers' fees: marketing pages (L)",
        ),
        "moj_2017": (
            "サービサーの役割: 法務省2017年の調査(moj.go.jp/content/001258685.pdf)",
            "servicer roles: Ministry of Justice 2017 survey, moj.go.jp/content/001258685.pdf (H)",
        ),
        "article": (
            "一般的な月額と期間: 任意売却119番の記事「任意売却後の残債はどうなる?」(参考程度)",
            "usual amounts and terms: the article 任意売却後の残債はどうなる? (任意売却119番, L)",
        ),
        "jhf_practice": (
            "住宅金融支援機構の運用: sbi-efinance.co.jp/contents/what_is_servicer",
            "JHF practice: sbi-efinance.co.jp/contents/what_is_servicer (M)",
        ),
        "servicer_settlements": (
            "サービサーの和解額と買取価格: 記事とウェブページ(参考程度)",
            "servicer settlements and purchase prices: the article and web pages (L–M)",
        ),
        "unsold_assumption": (
            "譲渡前の債権: 仮定(データなし)",
            "unsold claims: an assumption, no data",
        ),
        "income_tax_44_2": ("所得税法44条の2", "所得税法 §44-2 (H)"),
        "shihoshoshi_limit": (
            "司法書士法3条1項7号、最判平成28年6月27日",
            "司法書士法 §3-1-7, 最判平成28年6月27日 (H)",
        ),
        "reduction_fee_rules": (
            "減額報酬: 日弁連「債務整理事件処理の規律を定める規程」",
            "減額報酬: 日弁連 債務整理事件処理の規律を定める規程 (H)",
        ),
        "rehabilitation_act": (
            "民事再生法84条2項・174条・196条・221条・231条",
            "民事再生法 §§84(2), 174, 196, 221, 231 (H)",
        ),
        "civil_489": ("民法489条", "民法 §489 (H)"),
        "court_fees": ("裁判所費用: yamanaka-seiri.jp", "court fees: yamanaka-seiri.jp (M)"),
        "bankruptcy_act": ("破産法252条・253条", "破産法 §§252, 253 (H)"),
        "bankruptcy_costs": (
            "破産の裁判所費用: kuretakelaw.com/individual/707、saimu4.com/jikohasan/2056/",
            "破産 court costs: kuretakelaw.com/individual/707, saimu4.com/jikohasan/2056/ (M–H)",
        ),
        "trustee_rule": (
            "同時廃止か管財か: hashi-law.com/2020/10/13/jikohasan-furiwakekijun/(東京地裁の基準)",
            "同時廃止 or 管財: hashi-law.com/2020/10/13/jikohasan-furiwakekijun/ (Tokyo, M)",
        ),
        "limitation_statutes": (
            "民法145条・147条・150条・152条・166条・169条、旧商法522条",
            "民法 §§145, 147, 150, 152, 166, 169 and old 商法 §522 (H)",
        ),
        "late_acknowledgement": (
            "完成後の支払い: 最判昭和41年4月20日、大阪高判平成27年3月6日(nishikawa-law.com/?p=377)",
            "payment after completion: 最判昭和41年4月20日, 大阪高判平成27年3月6日 "
            "(nishikawa-law.com/?p=377) (M)",
        ),
        "subrogation_1985": (
            "代位弁済による求償権の時効の起算点: 最判昭和60年2月12日",
            "求償権 from 代位弁済, its own limitation: 最判昭和60年2月12日 (H)",
        ),
        "enforcement": (
            "民事執行法152条・153条、国民年金法24条、厚生年金保険法41条",
            "民事執行法 §§152, 153, 国民年金法 §24, 厚生年金保険法 §41 (H)",
        ),
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
            "heirs": (
                "債務者が亡くなった場合: 代位弁済の後は団体信用生命保険が失効していることが多く、"
                "残債は相続人が引き継ぎます。相続人は自分のために相続があったことを知った時から"
                "3か月以内なら相続放棄ができ(民法915条1項。債務を知らなかったときはその時から: "
                "最判昭和59年4月27日)、遺産から支払うと単純承認とみなされることがあります"
                "(民法921条)。相続は計算していません"
            ),
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
            "heirs": (
                "If the debtor has died: after 代位弁済 the group credit life insurance (団信) has "
                "usually lapsed and the residual passes to the heirs; an heir may renounce the "
                "inheritance (相続放棄) within three months of learning of it (民法 §915(1); from "
                "when the debt became known, 最判昭和59年4月27日), and paying from the estate can "
                "count as accepting it (民法 §921); heirs are not modelled"
            ),
        },
    }
)


def interest_whose(creditor_type: str | None, *, given: bool, creditor: str | None = None) -> str:
    """Whose 遅延損害金 rate a note states, in Japanese (the English comes with the rate).

    A creditor of no known kind gets the bank rate, said as an assumption (as
    the English says); a 信用保証協会 or a similar public body is a 保証機関,
    not a 保証会社 (company).

    Examples
    --------
    >>> interest_whose("bank", given=False), interest_whose("jfc", given=False)
    ('銀行の通常の利率(推定)', '日本政策金融公庫の利率(契約日で異なる、推定)')
    >>> interest_whose("other", given=False), interest_whose("guarantor", given=False, creditor="東京信用保証協会")
    ('銀行の利率を仮定', '保証機関の通常の利率(推定)')
    """
    if given:
        return "契約の利率"
    if creditor_type == "jfc":
        return "日本政策金融公庫の利率(契約日で異なる、推定)"
    if creditor_type in (None, "other"):
        return "銀行の利率を仮定"
    if creditor_type == "guarantor" and is_public_guarantor(creditor):
        return "保証機関の通常の利率(推定)"
    return f"{creditor_label(creditor_type, 'ja')}の通常の利率(推定)"


def is_public_guarantor(creditor: str | None) -> bool:
    """Whether a guarantor's name is a public or non-profit guarantee body, not a company.

    >>> is_public_guarantor("東京信用保証協会"), is_public_guarantor("○○保証株式会社")
    (True, False)
    """
    return creditor is not None and any(
        word in str(creditor) for word in ("信用保証協会", "保証基金", "基金協会")
    )


def path_note(key: str, **fields: Any) -> tuple[str, str]:
    """One shared note of the ways-out table in both languages: ``(Japanese, English)``.

    Examples
    --------
    >>> from outcomes._format import Yen
    >>> path_note("capacity_budget", budget=Yen(50_000))
    ('月々の予算5万円', 'the monthly budget of ¥50,000')
    """
    ja, en = (fill(PATH_NOTES[key], language, fields) for language in LANGUAGES)
    return ja, en


def note_maker(own: Catalogue) -> Callable[..., tuple[str, str]]:
    """The note function of one way out: its own catalogue ``own``, then the shared notes.

    Examples
    --------
    >>> note = note_maker({"x_hello": ("こんにちは{n}", "hello {n}")})
    >>> note("x_hello", n=1), note("meanwhile", interest=("増えます", "it grows"))
    (('こんにちは1', 'hello 1'), ('それまでの間、増えます', 'meanwhile it grows'))
    """
    words = {**PATH_NOTES, **own}

    def note(key: str, **fields: Any) -> tuple[str, str]:
        ja, en = (fill(words[key], language, fields) for language in LANGUAGES)
        return ja, en

    return note
