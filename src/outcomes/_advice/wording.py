"""The sentences of offers and instalments, and the warnings they put first, in Japanese and English.

Numbers are computed in :mod:`outcomes._advice.offer`, :mod:`~outcomes._advice.basis`,
:mod:`~outcomes._advice.installment` and :mod:`~outcomes._advice.batch`; they are
turned into words here (the notes of the ways-out table are in
:mod:`outcomes._advice.notes`). Every figure a sentence states is an internal
estimate, never a promise to the debtor.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import numpy as np

from outcomes._format import (
    FEATURE_LABELS,
    check_language,
    column_label,
    creditor_label,
    fill,
    format_chance,
    format_pct,
    format_yen,
)

__all__ = [
    "PHRASES",
    "say",
    "ACCEPTANCE_LABELS",
    "BATCH_OFFER_LABELS_JA",
    "CASH_LABELS",
    "LIMITATION_STATUS_JA",
    "DRIVER_LABELS",
    "ESTIMATE_NOTICE",
    "OFFER_LABELS",
    "SERVICER_STATUS_JA",
    "WAIT_TABLE_LABELS",
    "WAIT_TABLE_ROWS",
    "agreement_chance_sentence",
    "driver_label",
    "driver_text",
    "drivers_sentence",
    "consigned_warning",
    "jhf_warning",
    "offer_reasons",
    "servicer_warning",
    "basis_group",
    "basis_role_group",
    "basis_widened",
]


#: the sentences of offers and instalments that are one template each: {key: (Japanese, English)}
PHRASES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        # an offer
        "basis_too_few": (
            "似た過去の一括和解が{k}件未満のため、事例の範囲は示せません。",
            "Fewer than {k} similar past lump sums: no range of past cases can be shown.",
        ),
        "not_sold": (
            "債権はまだサービサーに譲渡されていません。譲渡された債権では、一括和解の額が"
            "もっと低い傾向があります。",
            "The claim has not been sold to a servicer; claims held by servicers tend to "
            "settle for much less.",
        ),
        "cash_below_opening": (
            "手元資金{cash}は最初の提示額{opening}に届きません"
            "(似た過去の和解でこの額以下だった割合は約{chance})。一括ではなく分割弁済を検討します。",
            "The cash of {cash} is below the opening of {opening} (similar past settlements "
            "at or below it: about {chance}): instalments are the likelier way.",
        ),
        "cash_within": (
            "弁護士に伝える参考額: 最初の提示額{opening}、手元資金の上限{cash}"
            "(似た過去の和解で手元資金の額以下だった割合は約{chance})。",
            "Reference figures for the 弁護士: the opening of {opening}, and the cash of {cash} "
            "as the most the household has (similar past settlements at or below it: about "
            "{chance}).",
        ),
        "cash_covers": (
            "手元資金{cash}は上限の目安{walk}以上です。似た過去の和解の約{chance}は{walk}以下で"
            "成立しています: それを超える額を払うかは慎重に検討します。",
            "The cash of {cash} reaches the walk-away of {walk}; about {chance} of similar past "
            "settlements were at or below {walk}: paying more than that deserves care.",
        ),
        # the limitation, first in an offer (issue 25; 最判昭和41年4月20日)
        "limitation_run": (
            "注意: この見積りでは時効が完成しています(時効援用の行)。和解・減額の申入れや支払いを"
            "すると、原則として時効を援用できなくなります(最判昭和41年4月20日)。下の額は、弁護士が"
            "時効の完成を否定した後に限って使う参考額です。",
            "Warning: on this estimate the limitation has run (see the 時効援用 row). Proposing a "
            "settlement or a reduction, or paying anything, as a rule forfeits invoking it "
            "(最判昭和41年4月20日). The amounts below are figures only for after a 弁護士 has ruled "
            "the limitation out.",
        ),
        "limitation_may_have_run": (
            "注意: 時効が完成しているおそれがあります(期間や裁判の記録が不明: 時効援用の行)。和解・"
            "減額の申入れや支払いをすると、完成していた時効を原則として援用できなくなります"
            "(最判昭和41年4月20日)。下の額は、弁護士が時効の完成を否定した後に限って使う参考額です。",
            "Warning: the limitation may have run (its period or the court record is not known: "
            "see the 時効援用 row). Proposing a settlement or a reduction, or paying anything, "
            "as a rule forfeits invoking a limitation that had run (最判昭和41年4月20日). The "
            "amounts below are figures only for after a 弁護士 has ruled the limitation out.",
        ),
        "limitation_amounts": (
            "(時効: 弁護士が完成を否定した後の参考額)",
            "(limitation: figures for after a 弁護士 has ruled it out)",
        ),
        # the servicer's role, in an offer
        "role_unknown": (
            "サービサーの役割(債権の買取りか回収の受託か)は記録がありません。残りが免除されるのは"
            "ふつうサービサーが債権を買い取った場合です: 債務者に届いた書面(債権譲渡通知か委託の"
            "通知か)で確かめます。",
            "The servicer's role (bought the claim, or only collects it) is not recorded. The "
            "rest is usually forgiven only where the servicer bought the claim: check the letter "
            "the debtor received (a notice of assignment, or of consignment).",
        ),
        "basis_no_roles": (
            "過去の事例にサービサーの役割の記録がないため、委託回収の事例だけに絞れません: "
            "上の事例には買い取られた債権の和解が含まれます。",
            "The past cases do not record the servicer's role, so they cannot be narrowed to "
            "consigned claims: the settlements above include claims a servicer bought.",
        ),
        "consigned_warning": (
            "注意: {servicer}は回収の委託を受けているだけで、債権は債権者が持ったままです(記録あり)。"
            "委託先は債権者の基準に従い、残りの免除にはほとんど応じません。{basis}"
            "分割弁済が現実的です。",
            "Warning: {servicer} only collects on consignment; the claim is still the "
            "creditor's (recorded). A consigned collector follows the creditor's rules and "
            "rarely forgives the rest. {basis}Instalments are the realistic way.",
        ),
        "consigned_basis_mixed": (
            "下の一括和解の額は、サービサーが買い取った債権を含む過去の和解にもとづく参考値で、"
            "この案件には当てはまらないおそれがあります。",
            "The lump sums below rest on past settlements that include claims a servicer "
            "bought, and may not apply to this case. ",
        ),
        "consigned_basis_roles": (
            "下の一括和解の額は、委託回収の事例も学んだモデルによる参考値です。",
            "The lump sums below come from a model that learned consigned cases too: reference "
            "figures only. ",
        ),
        "alternative": ("分割弁済の案: {alternative}", "Instalment alternative: {alternative}"),
        "alternative_plain": (
            "債務者(または依頼を受けた弁護士)が生活状況確認表と収支表を添えて提案する分割弁済の"
            "目安: 月{lo}〜{hi}(一般的な範囲)。",
            "Instalments the debtor (or a 弁護士 acting for them) may propose with the "
            "living-situation statement and household budget: usually {lo}–{hi} a month.",
        ),
        "batch_small_residual": (
            "残債が1万円未満で範囲外です(万円の付け忘れ?)。提示額は出しません。",
            "residual_debt under ¥10,000 is out of range (万円 forgotten?): no offer",
        ),
        # an instalment proposal
        "inst_str": (
            "月{monthly}の分割弁済(似た事例の8割は月{low}〜{high})",
            "{monthly} a month in instalments (80% of similar cases: {low}–{high})",
        ),
        "inst_not_affordable": ("分割弁済は続けられません", "instalments not affordable"),
        "inst_budget_too_small": (
            "収支表の余力(月{budget})では、分割弁済を続けることができません。"
            "自己破産などの債務整理も含めて検討します。",
            "A monthly surplus of {budget} cannot support instalments; consider debt relief "
            "such as bankruptcy (自己破産) as well.",
        ),
        "inst_capped": (
            "収支表の余力は月{budget}なので、債務者が提案する目安は月{monthly}です(似た事例の中央値は"
            "月{typical})。",
            "The household can spare {budget} a month, so a guide for the debtor's proposal is "
            "{monthly} (the median of similar cases is {typical}).",
        ),
        "inst_typical": (
            "債務者が収支表を添えて提案する目安: 月{monthly}(似た事例の中央値)。",
            "A guide for the debtor's proposal, with a household budget: {monthly} a month (the "
            "median of similar cases).",
        ),
        "inst_range": (
            "似た事例では、8割が月{low}〜{high}の範囲で合意しています(モデルの見込み)。",
            "In similar cases 80% agree between {low} and {high} a month (model estimate).",
        ),
        "inst_forms": (
            "生活状況確認表と収支表を出し、生活が変わったら早めに見直しを相談します。",
            "Hand in the living-situation statement (生活状況確認表) and the household budget "
            "(収支表); ask for a review early when life changes.",
        ),
        "inst_jhf": (
            "住宅金融支援機構は債権を売却せず、期限を定めずに1年ごと(または5年ごと)に"
            "見直しながら支払う形が一般的です。",
            "JHF keeps its claims: payments are usually open-ended and reviewed every year "
            "(or every 5 years).",
        ),
        "inst_role_unknown": (
            "サービサーの役割(債権の買取りか回収の受託か)は記録がありません。",
            "The servicer's role (bought the claim, or only collects it) is not recorded.",
        ),
        "inst_bought_forgiveness": (
            "債権を買い取ったサービサーとは、月々の分割を一定期間(例: 5年)続けた後に残りを"
            "免除する合意がありえます(合意書に書かれた場合に限ります)。",
            "A servicer that bought the claim may agree a fixed term of instalments (e.g. 5 "
            "years) followed by forgiveness of the rest, only if written into the agreement.",
        ),
        # issue 21: batch offers skip resolved cases; the batch summary line
        "batch_resolved": (
            "解決済みの案件です(解決方法: {resolution})。提示額は出しません。",
            "already resolved ({resolution}): no offer",
        ),
        "resolved_warning": (
            "注意: この案件は解決済みです(解決方法: {resolution})。下の額は参考の計算で、"
            "提示のためのものではありません。",
            "Warning: this case is already resolved ({resolution}): the amounts below are a "
            "calculation for reference, not an offer to make.",
        ),
        "batch_summary": (
            "{n_cases}件のうち{n_offer}件の提示案を{output}に書きました"
            "(解決済みで提示しない案件{n_resolved}件、注意つき{n_warn}件、"
            "一括和解の期待値の合計{expected}、平均から)。"
            "社内の見積りであり、債務者への約束ではありません。",
            "{n_offer} offers of {n_cases} cases written to {output} ({n_resolved} already "
            "resolved, not offered; {n_warn} with a warning; expected lump sums in total "
            "{expected}, from the mean); internal estimates, not promises to the debtor",
        ),
    }
)


def say(key: str, language: str, **fields: Any) -> str:
    """One sentence of :data:`PHRASES` in ``language``, its fields filled (see :func:`fill`).

    Examples
    --------
    >>> from outcomes._format import Yen
    >>> say("inst_typical", "ja", monthly=Yen(10_000))
    '債務者が収支表を添えて提案する目安: 月1万円(似た事例の中央値)。'
    """
    return fill(PHRASES[key], check_language(language), fields)


#: the notice every estimate about a way out or an offer carries (domain.md "Who may
#: negotiate"; 弁護士法 §72 covers 鑑定 as well as 代理 and 和解): {language: text}
ESTIMATE_NOTICE: Mapping[str, str] = MappingProxyType(
    {
        "ja": "これは過去の事例にもとづく社内の見積りです。法的助言ではなく、債務者への約束でもありません。"
        "債権者との減額・免除の交渉や、時効・免責などの法的判断(鑑定)は弁護士に依頼します"
        "(弁護士法72条)。",
        "en": "Internal estimates from past cases: not legal advice and not a promise to the "
        "debtor. Negotiating a reduction or forgiveness with the creditor, and legal "
        "assessments such as whether a limitation has run or a discharge will be granted "
        "(鑑定), are for a 弁護士 (弁護士法 §72).",
    }
)


# ==========================================================================
# Offers
# ==========================================================================

#: what the acceptance figure is: the share of similar past settlements at or below an amount
ACCEPTANCE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "ja": "似た過去の和解でこの額以下の割合",
        "en": "similar past settlements at or below this amount",
    }
)

#: how the cash available is named beside the three amounts
CASH_LABELS: Mapping[str, str] = MappingProxyType({"ja": "手元資金", "en": "cash available"})

#: names of the opening, target and walk-away amounts
OFFER_LABELS: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {"ja": ("最初の提示額", "想定着地", "上限の目安"), "en": ("opening", "target", "walk-away")}
)


def offer_reasons(
    offer: dict[str, Any],
    chances: np.ndarray,
    basis: Any,
    n_train: int | None,
    language: str,
    *,
    chances_sentence: str | None = None,
    model_sentence: str | None = None,
) -> list[str]:
    """The sentences that open an offer's reasons: the three amounts, their chances, the basis.

    ``offer`` holds ``residual_debt``, ``opening``, ``target`` and ``walk_away``;
    ``basis`` is an :class:`~outcomes._advice.offer.Basis` or None. An offer
    placed on a negotiation log's acceptance curve gives its own sentences
    for the chances and for the model (``chances_sentence``, ``model_sentence``).
    """
    ja = language == "ja"
    residual = offer["residual_debt"]

    def y(a: float) -> str:
        return format_yen(a, language)

    def both(a: int) -> str:
        return (
            f"{y(a)}(残債の{format_pct(a / residual)})"
            if ja
            else f"{y(a)} ({format_pct(a / residual)})"
        )

    opening, target, walk = offer["opening"], offer["target"], offer["walk_away"]
    reasons = [
        (
            f"社内の見積りでは、最初の提示額は{both(opening)}、想定着地は{both(target)}、"
            f"上限の目安(似た和解の分布の上側で、払うべき上限ではありません)は{both(walk)}です。"
            if ja
            else f"Internal estimate: opening {both(opening)}, likely settlement around "
            f"{both(target)}, walk-away {both(walk)}."
        ),
        chances_sentence
        or (
            f"似た過去の和解のうちこの額以下で成立した割合は、{y(opening)}で約{format_chance(chances[0])}、"
            f"{y(target)}で約{format_chance(chances[1])}、{y(walk)}で約{format_chance(chances[2])}です"
            "(この債権者が応じる確率ではありません)。"
            if ja
            else f"Similar past settlements at or below this amount: about "
            f"{format_chance(chances[0])} at {y(opening)}, {format_chance(chances[1])} at "
            f"{y(target)} and {format_chance(chances[2])} at {y(walk)} (not the chance that this "
            f"creditor accepts)."
        ),
    ]
    if basis is not None:
        reasons.append(
            f"{basis.group}の過去の一括和解{basis.n_cases}件では、残債の{format_pct(basis.ratio_low)}〜"
            f"{format_pct(basis.ratio_high)}で和解しています(中ほどの8割)。"
            if ja
            else f"Past lump-sum settlements with {basis.group}: {basis.n_cases} cases, settled at "
            f"{format_pct(basis.ratio_low)}–{format_pct(basis.ratio_high)} of the residual (the middle 80%)."
        )
        if basis.note:
            reasons.append(basis.note)
    if model_sentence:
        reasons.append(model_sentence)
    elif n_train:
        reasons.append(
            f"これらの金額と割合は、過去の一括和解{n_train}件から学んだモデルによるものです。"
            if ja
            else f"These amounts and shares come from a model learned from {n_train} past lump-sum "
            "settlements."
        )
    reasons.append(
        f"{y(walk)}を超える額なら、一括和解より分割弁済や債務整理を比べて検討します。"
        "債権者との交渉は弁護士に依頼します(弁護士法72条)。"
        if ja
        else f"Above {y(walk)}, weigh instalments and debt relief before a lump sum. The "
        f"negotiation itself is for a 弁護士 (弁護士法 §72)."
    )
    return reasons


#: names of the model's features in an offer's drivers (one home: ``_format``)
DRIVER_LABELS = FEATURE_LABELS


def driver_label(feature: str, language: str) -> str:
    """A model feature in words (``"servicer"`` → ``サービサー``); unknown names as they are.

    Examples
    --------
    >>> driver_label("months_waited", "ja"), driver_label("x_1", "en")
    ('売却からの月数', 'x_1')
    """
    pair = DRIVER_LABELS.get(feature)
    return feature if pair is None else pair[0 if language == "ja" else 1]


def driver_text(feature: str, share: float, residual: float | None, language: str) -> str:
    """One driver: its name, percentage points and, with the residual, yen.

    Examples
    --------
    >>> driver_text("servicer", -0.0063, 5_800_000, "ja")
    'サービサー −0.6pt(約−3万7,000円)'
    >>> driver_text("servicer", 0.004, None, "en")
    'servicer +0.4 pt'
    """
    sign = "+" if share >= 0 else "−"
    points = f"{sign}{abs(share) * 100:.1f}"
    name = driver_label(feature, language)
    if language == "ja":
        text = f"{name} {points}pt"
        if residual is not None:
            amount = int(round(abs(share) * residual, -3))
            text += f"(約{sign}{format_yen(amount, 'ja')})"
        return text
    text = f"{name} {points} pt"
    if residual is not None:
        amount = int(round(abs(share) * residual, -3))
        text += f" (about {sign}{format_yen(amount, 'en')})"
    return text


def drivers_sentence(
    drivers: list[tuple[str, float]],
    prediction: float,
    reference: float,
    residual: float,
    language: str,
) -> str:
    """The reason an offer gives for its settlement ratio: the top drivers against the reference.

    ``drivers`` are (feature, contribution to the predicted median ratio);
    ``reference`` is the model's prediction for its reference case (the
    training data's median case).

    Examples
    --------
    >>> drivers_sentence([("servicer", -0.0063), ("age", 0.0036)], 0.033, 0.029, 5_800_000, "en")[:60]
    'Why 3.3%: against the reference case (the training data’s me'
    """
    parts = [driver_text(f, c, residual, language) for f, c in drivers]
    if language == "ja":
        return (
            f"和解率の予測{prediction:.1%}の主な要因(学習データの中央的な事例の{reference:.1%}と比べて): "
            + "、".join(parts)
            + "。モデルの内訳であり、債務者への説明や約束ではありません。"
        )
    return (
        f"Why {prediction:.1%}: against the reference case (the training data’s median case, "
        f"{reference:.1%}), the largest contributions are "
        + ", ".join(parts)
        + ". An internal breakdown of the model, not a statement to the debtor."
    )


# ==========================================================================
# Servicer warnings, the time table and batch offers (wt-offer9)
# ==========================================================================


def jhf_warning(language: str) -> str:
    """The warning a JHF claim's lump-sum offer carries first (domain.md: JHF keeps its
    claims, consigns collection to its servicers and rarely forgives).

    Examples
    --------
    >>> jhf_warning("en").split(":")[0]
    'Warning'
    """
    if check_language(language) == "ja":
        return (
            "注意: 住宅金融支援機構の債権です。機構は債権を売却せず(回収は委託先のサービサー)、"
            "債権放棄にはほとんど応じません。下の一括和解の額は過去の例外的な和解にもとづく参考値で、"
            "分割弁済が現実的です。"
        )
    return (
        "Warning: a JHF claim. JHF keeps its claims (its servicers only collect) and rarely "
        "forgives: the lump-sum amounts below rest on exceptional past settlements; "
        "instalments are the realistic way."
    )


def consigned_warning(servicer: str | None, knows_roles: bool, language: str) -> str:
    """The warning an offer puts first when its servicer only collects on consignment (受託).

    Consigned collectors follow the creditor's rules and rarely forgive
    (domain.md; MoJ 2017): the few percent that bought claims settle for do
    not apply. ``knows_roles``: the ratio model learned servicer roles.

    Examples
    --------
    >>> consigned_warning("みずほ債権回収", False, "ja").split("。")[0]
    '注意: みずほ債権回収は回収の委託を受けているだけで、債権は債権者が持ったままです(記録あり)'
    """
    basis = PHRASES["consigned_basis_roles" if knows_roles else "consigned_basis_mixed"]
    return say("consigned_warning", language, servicer=servicer or "", basis=basis)


def servicer_warning(status: str, name: str | None, suggestions: Any, language: str) -> str | None:
    """The warning an estimate carries first when its servicer is unseen or unmatched.

    ``status`` is that of :class:`~outcomes._registry.ServicerStatus`
    (``none``/``known``/``unseen``/``unmatched``); ``None`` for the first two.
    Names nearby are suggestions, never substituted.

    Examples
    --------
    >>> servicer_warning("unmatched", "SMBC債権回集", ["SMBC債権回収"], "ja").split("。")[0]
    '注意: サービサー「SMBC債権回集」は登録簿にありません(もしかして: SMBC債権回収)'
    >>> servicer_warning("known", "SMBC債権回収", (), "en") is None
    True
    """
    language = check_language(language)
    ja = language == "ja"
    names = list(suggestions or ())
    if status == "unmatched":
        if ja:
            maybe = f"(もしかして: {'、'.join(names)})" if names else ""
            head = f"注意: サービサー「{name}」は登録簿にありません{maybe}。"
        else:
            maybe = f" (did you mean: {', '.join(names)}?)" if names else ""
            head = f"Warning: servicer '{name}' is not in the registry{maybe}."
    elif status == "unseen":
        head = (
            f"注意: サービサー「{name}」は登録簿にありますが、モデルの学習データにありません。"
            if ja
            else f"Warning: servicer '{name}' is in the registry but not in the model's "
            "training data."
        )
    else:
        return None
    basis = (
        "この見積もりは、このサービサー自身ではなく、学習データのサービサー全体をまとめた傾向"
        "(サービサーが保有する債権)に基づく内部見積もりです。名前を確かめてください。"
        if ja
        else "The estimate rests on the pooled behaviour of the servicers in the training data "
        "(claims held by a servicer), not on this servicer's own: an internal estimate. "
        "Check the name."
    )
    return f"{head}{basis}" if ja else f"{head} {basis}"


#: column labels of the now / +6 / +12 months table, by language
WAIT_TABLE_LABELS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "ja": ("時点", "基準日", "想定着地", "6か月以内の和解見込み", "12か月以内の和解見込み"),
        "en": ("when", "as of", "target", "agreement within 6 months", "within 12 months"),
    }
)

#: the rows of the now / +6 / +12 months table, by language
WAIT_TABLE_ROWS: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {"ja": ("今", "6か月後", "12か月後"), "en": ("now", "+6 months", "+12 months")}
)


def agreement_chance_sentence(
    within_6: float, within_12: float, waited: float, language: str
) -> str:
    """One sentence: the chance of an agreement within 6 and 12 months, given months waited.

    Examples
    --------
    >>> agreement_chance_sentence(0.38, 0.61, 14, "en")
    'Given 14 months since the sale without agreement, similar cases reached an agreement within the next 6 months in about 38% and within 12 months in about 61% (an estimate, not a promise).'
    """
    months = int(round(waited))
    if check_language(language) == "ja":
        return (
            f"売却から{months}か月未和解の似た事例では、今後6か月以内の和解が約{format_chance(within_6)}、"
            f"12か月以内が約{format_chance(within_12)}です(見込みであり約束ではありません)。"
        )
    return (
        f"Given {months} months since the sale without agreement, similar cases reached an "
        f"agreement within the next 6 months in about {format_chance(within_6)} and within 12 "
        f"months in about {format_chance(within_12)} (an estimate, not a promise)."
    )


#: column labels of a batch offers file in Japanese (``outcomes offer --cases … --labels ja``)
BATCH_OFFER_LABELS_JA: Mapping[str, str] = MappingProxyType(
    {
        # a contract column keeps the one label every written table gives it (N18)
        "case_id": column_label("case_id"),
        "residual_debt": column_label("residual_debt"),
        "opening": "最初の提示額",
        "target": "想定着地",
        "walk_away": "上限の目安",
        "limitation": "時効",
        "chance_opening": "最初の提示額以下の割合",
        "chance_target": "想定着地以下の割合",
        "chance_walk_away": "上限の目安以下の割合",
        "figure": "割合の種類(acceptance: 債権者が応じる見込み、settlements: 似た和解の割合)",
        "monthly": "分割弁済の月額",
        "monthly_low": "分割弁済の月額(似た事例の下側1割)",
        "monthly_high": "分割弁済の月額(似た事例の上側1割)",
        "expected_amount": "一括和解の期待値(平均)",
        "drivers": "主な要因",
        "servicer_status": "サービサーの状態",
        "warnings": "注意",
    }
)

#: the limitation status of a batch offer in Japanese (``--labels ja``)
LIMITATION_STATUS_JA: Mapping[str, str] = MappingProxyType(
    {
        "run": "完成の見込み(提示の前に弁護士へ)",
        "may_have_run": "完成のおそれ(提示の前に弁護士へ)",
        "not_run": "未完成の見込み",
        "unknown": "不明(日付なし)",
    }
)

#: the servicer status of a batch offer in Japanese (``--labels ja``)
SERVICER_STATUS_JA: Mapping[str, str] = MappingProxyType(
    {
        "none": "サービサーなし",
        "known": "登録簿・学習データにあり",
        "unseen": "学習データになし",
        "unmatched": "登録簿になし",
    }
)


# ==========================================================================
# The basis: similar past lump sums
# ==========================================================================


def basis_group(
    kind: str, creditor_type: str | None, servicer: str | None, language: str
) -> tuple[str, str]:
    """A group of past lump sums in words, and its short name (used when a group is widened).

    ``kind`` is ``creditor_servicer``, ``creditor_held``, ``creditor``, ``held``
    or ``all`` (see :func:`~outcomes._advice.basis.similar_basis`).

    Examples
    --------
    >>> basis_group("creditor_servicer", "guarantor", "SMBC債権回収", "ja")
    ('同じ債権者区分(保証会社)・同じサービサー(SMBC債権回収)', '同じサービサー')
    >>> basis_group("held", "bank", None, "en")
    ('claims not sold to a servicer', 'claims not sold to a servicer')
    """
    ja = check_language(language) == "ja"
    ct = creditor_label(creditor_type, language)
    held = servicer is not None
    if kind == "creditor_servicer":
        if ja:
            return f"同じ債権者区分({ct})・同じサービサー({servicer})", "同じサービサー"
        return f"the same creditor type ({ct}) and servicer ({servicer})", "the same servicer"
    if kind == "creditor_held":
        if ja:
            status = "サービサーが保有する" if held else "サービサーに譲渡されていない"
            return f"同じ債権者区分({ct})で{status}債権", f"{status}{ct}の債権"
        status = "held by a servicer" if held else "not sold to a servicer"
        return f"the same creditor type ({ct}), {status}", f"{ct} claims {status}"
    if kind == "creditor":
        if ja:
            return f"同じ債権者区分({ct})", f"債権者区分({ct})"
        return f"the same creditor type ({ct})", f"creditor type {ct}"
    if kind == "held":
        if ja:
            group = "サービサーが保有する債権" if held else "サービサーに譲渡されていない債権"
        else:
            group = "claims held by a servicer" if held else "claims not sold to a servicer"
        return group, group
    everyone = "すべての債権者" if ja else "all creditors"
    return everyone, everyone


#: the servicer's role as a basis group names it: {role: (Japanese, English)}
ROLE_WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"bought": ("債権の買取り", "claims bought"), "consigned": ("回収の委託", "consigned claims")}
)


def basis_role_group(group: str, role: str, language: str) -> str:
    """A basis group narrowed to one servicer role, in words.

    Examples
    --------
    >>> basis_role_group("同じサービサー", "consigned", "ja")
    '同じサービサー・回収の委託'
    """
    words = ROLE_WORDS[role][0 if language == "ja" else 1]
    return f"{group}・{words}" if language == "ja" else f"{group}, {words}"


def basis_widened(narrow: str, group: str, k: int, language: str) -> str:
    """Why the basis was widened from the narrowest group to ``group``."""
    if language == "ja":
        return f"{narrow}の事例が{k}件未満のため、{group}に広げています。"
    return f"Fewer than {k} past cases of {narrow}: widened to {group}."
