"""Every label and number format of offers and the ways out, in Japanese and English.

One yen formatter (:func:`format_yen`) serves offers, instalments and
:func:`~outcomes.compare_paths`; the other display helpers (shares, chances,
display width of Japanese text) sit beside it. Nothing here computes an
amount: every figure shown is an internal estimate, never a promise to the
debtor.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import numpy as np

from outcomes._contract import CREDITOR_TYPE_LABELS, CREDITOR_TYPE_LABELS_EN
from outcomes._errors import CaseError

__all__ = [
    "jhf_warning",
    "ACCEPTANCE_LABELS",
    "BATCH_OFFER_LABELS_JA",
    "CREDIT_RECORD",
    "DRIVER_LABELS",
    "ESTIMATE_NOTICE",
    "GUARANTOR_EFFECTS",
    "LANGUAGES",
    "OFFER_LABELS",
    "PATH_LABELS",
    "SERVICER_STATUS_JA",
    "WAIT_TABLE_LABELS",
    "WAIT_TABLE_ROWS",
    "agreement_chance_sentence",
    "check_language",
    "creditor_label",
    "driver_label",
    "driver_text",
    "drivers_sentence",
    "format_chance",
    "format_pct",
    "format_yen",
    "guarantor_effect",
    "offer_reasons",
    "pad",
    "servicer_warning",
    "text_width",
]

#: languages of reasons, notes and printed summaries
LANGUAGES: tuple[str, ...] = ("ja", "en")


def check_language(language: str) -> str:
    """``language`` when it is ``"ja"`` or ``"en"``; else a :class:`CaseError` (a ValueError).

    Examples
    --------
    >>> check_language("en")
    'en'
    """
    if language not in LANGUAGES:
        raise CaseError(f"language must be 'ja' or 'en', got {language!r}")
    return language


#: the notice every output about a way out or an offer carries (弁護士法 §72; domain.md
#: "Who may negotiate"): {language: text}
ESTIMATE_NOTICE: Mapping[str, str] = MappingProxyType(
    {
        "ja": "これは過去の事例にもとづく社内の見積りです。法的助言ではなく、債務者への約束でもありません。"
        "債権者との減額・免除の交渉は弁護士に依頼します(弁護士法72条)。",
        "en": "Internal estimates from past cases: not legal advice and not a promise to the "
        "debtor. Negotiating a reduction or forgiveness with the creditor is for a 弁護士 "
        "(弁護士法 §72).",
    }
)


# ==========================================================================
# Numbers
# ==========================================================================


def format_yen(amount: float, language: str = "ja") -> str:
    """Yen for display: ``30万円`` the Japanese way, ``¥300,000`` in English.

    Rounded to the yen. Japanese groups by 万 and 億: 5,000円, 30万円,
    1万5,000円, 1億2,000万円.

    Parameters
    ----------
    amount : float
        Yen.
    language : {"ja", "en"}, default "ja"

    Returns
    -------
    str

    Examples
    --------
    >>> [format_yen(x) for x in (5_000, 300_000, 15_000, 120_000_000, 0)]
    ['5,000円', '30万円', '1万5,000円', '1億2,000万円', '0円']
    >>> format_yen(1_160_000, "en")
    '¥1,160,000'
    """
    n = int(round(amount))
    if language != "ja":
        return f"¥{n:,}"
    if n < 10_000:
        return f"{n:,}円"
    oku, rest = divmod(n, 100_000_000)
    man, yen = divmod(rest, 10_000)
    parts = [f"{oku:,}億" if oku else "", f"{man:,}万" if man else "", f"{yen:,}" if yen else ""]
    return "".join(parts) + "円"


def format_pct(share: float) -> str:
    """A share as a percentage with one decimal (``0.017`` → ``1.7%``)."""
    return f"{share * 100:.1f}%"


def format_chance(p: float) -> str:
    """A chance as a whole percentage (``0.374`` → ``37%``)."""
    return f"{p * 100:.0f}%"


def text_width(text: str) -> int:
    """Display width: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad ``text`` to a display width (Japanese characters are two columns wide).

    Examples
    --------
    >>> pad("上限", 6) + "|", pad("9万円", 7, right=True) + "|"
    ('上限  |', '  9万円|')
    """
    fill = " " * max(width - text_width(text), 0)
    return fill + text if right else text + fill


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

#: names of the opening, target and walk-away amounts
OFFER_LABELS: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {"ja": ("最初の提示額", "想定着地", "上限"), "en": ("opening", "target", "walk-away")}
)


def creditor_label(creditor_type: str | None, language: str) -> str:
    """A creditor type code in words (``"guarantor"`` → ``保証会社``).

    Examples
    --------
    >>> creditor_label("guarantor", "ja"), creditor_label(None, "en")
    ('保証会社', 'unknown')
    """
    labels = CREDITOR_TYPE_LABELS if language == "ja" else CREDITOR_TYPE_LABELS_EN
    if creditor_type is None:
        return "不明" if language == "ja" else "unknown"
    return labels.get(creditor_type, creditor_type)


def offer_reasons(
    offer: dict[str, Any],
    chances: np.ndarray,
    basis: Any,
    n_train: int | None,
    language: str,
) -> list[str]:
    """The sentences that open an offer's reasons: the three amounts, their chances, the basis.

    ``offer`` holds ``residual_debt``, ``opening``, ``target`` and ``walk_away``;
    ``basis`` is an :class:`~outcomes._offer.Basis` or None.
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
            f"上限は{both(walk)}です。"
            if ja
            else f"Internal estimate: opening {both(opening)}, likely settlement around "
            f"{both(target)}, walk-away {both(walk)}."
        ),
        (
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
    if n_train:
        reasons.append(
            f"見込みは、過去の一括和解{n_train}件から学んだモデルによるものです。"
            if ja
            else f"The chances come from a model learned from {n_train} past lump-sum settlements."
        )
    reasons.append(
        f"{y(walk)}を超える額なら、一括和解より分割弁済や債務整理を比べて検討します。"
        "債権者との交渉は弁護士に依頼します(弁護士法72条)。"
        if ja
        else f"Above {y(walk)}, weigh instalments and debt relief before a lump sum. The "
        f"negotiation itself is for a 弁護士 (弁護士法 §72)."
    )
    return reasons


#: names of the model's features in an offer's drivers: {feature: (Japanese, English)}
DRIVER_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "log_residual_debt": ("残債", "residual debt"),
        "residual_debt": ("残債", "residual debt"),
        "monthly_income": ("月収(手取り)", "monthly income"),
        "household_size": ("世帯人数", "household size"),
        "age": ("年齢", "age"),
        "age_band": ("年代", "age band"),
        "employment": ("職業", "employment"),
        "creditor_type": ("債権者区分", "creditor type"),
        "has_servicer": ("サービサーの有無", "servicer on the case"),
        "servicer": ("サービサー", "servicer"),
        "servicer_role": ("サービサーの役割", "servicer's role"),
        "months_waited": ("売却からの月数", "months since the sale"),
        "sale_year": ("売却年", "year of the sale"),
        "prefecture": ("都道府県", "prefecture"),
        "guarantor": ("保証人", "guarantor"),
        "judgment": ("判決等", "judgment"),
        "delinquency_rate": ("遅延損害金の利率", "default interest rate"),
    }
)


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


# ==========================================================================
# Reports (labels of the internal report are appended below this line)
# ==========================================================================

# ---- report labels ----
# Labels the internal report (outcomes.report) shows. Display only: tables and
# figures keep the contract's codes and map them to these words when drawn.

#: Japanese labels of the columns a report derives (see outcomes.report.with_derived)
REPORT_DERIVED_LABELS: dict[str, str] = {
    "agreement_year": "和解年",
    "sale_year": "売却年",
    "months_to_agreement": "売却から和解までの月数",
    "income_band": "月収(手取り)",
    "cases": "件数",
    "quarter": "四半期",
    "expected": "モデルの予測(中央値)",
    "lump_sum_total": "一括和解の想定額の合計",
    "monthly_total": "分割弁済の想定月額の合計",
}

#: Japanese headers of a breakdown's statistics
REPORT_STAT_LABELS: dict[str, str] = {
    "cases": "件数",
    "n": "値のある件数",
    "mean": "平均",
    "p10": "10%点",
    "p25": "25%点",
    "p50": "中央値",
    "p75": "75%点",
    "p90": "90%点",
    "problems": "件数",
    "kind": "種類",
    "column": "列",
}

#: Japanese names of the kinds of problem the cleaner reports
PROBLEM_KIND_LABELS: dict[str, str] = {
    "not in contract": "契約外の列(出力しない)",
    "duplicate column": "重複した列",
    "personal data": "個人情報(消去)",
    "unreadable": "読めない値(空欄化)",
    "noted": "注記(概数・日の補完など)",
    "unknown servicer": "登録にないサービサー名",
    "out of range": "範囲外の値(空欄化)",
    "inconsistent": "矛盾(年代と年齢)",
    "ratio mismatch": "和解率の不一致",
    "superseded": "同一案件の古い行(除外)",
    "summary row": "集計行(案件ではない、除外)",
}

#: what a report calls each model, by its target
REPORT_MODEL_NAMES: dict[str, str] = {
    "settlement_ratio": "和解率(一括和解)",
    "monthly_amount": "月額(分割弁済)",
}

#: Japanese names of the methods of outcomes.models.evaluate's table (the model row is "モデル")
REPORT_METHOD_LABELS: dict[str, str] = {
    "overall median": "全体の中央値",
    "median by creditor type": "債権者区分ごとの中央値",
    "HistGradientBoostingRegressor": "勾配ブースティング(特徴量そのまま)",
    "fractional logit GLM": "一般化線形モデル(ロジット)",
    "log-linear GLM (Gamma, log link)": "一般化線形モデル(ガンマ、対数リンク)",
    "best possible (true conditional median)": "理論上の最良(真の条件付き中央値)",
}


def column_label(column: str) -> str:
    """The Japanese label of a column: its first header alias in the contract.

    Examples
    --------
    >>> column_label("settlement_ratio"), column_label("agreement_year")
    ('和解率', '和解年')
    >>> column_label("not_a_column")
    'not_a_column'
    """
    from outcomes._contract import COLUMN_BY_NAME

    if column in REPORT_DERIVED_LABELS:
        return REPORT_DERIVED_LABELS[column]
    spec = COLUMN_BY_NAME.get(column)
    if spec is not None and spec.aliases:
        return spec.aliases[0]
    return column


def value_labels(column: str) -> dict[str, str]:
    """Japanese labels of a coded column's values (empty for other columns).

    Examples
    --------
    >>> value_labels("employment")["employee"]
    '会社員'
    >>> value_labels("creditor_type")["jhf"]
    '住宅金融支援機構'
    >>> value_labels("age_band")["40s"]
    '40代'
    >>> value_labels("servicer_role"), value_labels("guarantor")
    ({'bought': '譲受', 'consigned': '受託'}, {'True': 'あり', 'False': 'なし'})
    >>> value_labels("judgment")["payment_order"]
    '支払督促'
    >>> value_labels("prefecture")
    {}
    """
    from outcomes._contract import (
        AGE_BANDS,
        CREDITOR_TYPE_LABELS,
        EMPLOYMENT_CODES,
        GUARANTOR_FALSE,
        GUARANTOR_TRUE,
        JUDGMENT_CODES,
        RESOLUTION_CODES,
        SERVICER_ROLE_CODES,
    )

    if column == "creditor_type":
        return dict(CREDITOR_TYPE_LABELS)
    if column == "age_band":
        return {band: band.removesuffix("s") + "代" for band in AGE_BANDS}
    if column == "guarantor":  # a boolean column: keyed by str(True) / str(False)
        return {"True": GUARANTOR_TRUE[0], "False": GUARANTOR_FALSE[0]}
    codes = {
        "employment": EMPLOYMENT_CODES,
        "resolution": RESOLUTION_CODES,
        "servicer_role": SERVICER_ROLE_CODES,
        "judgment": JUDGMENT_CODES,
    }.get(column)
    if codes is None:
        return {}
    return {code: (words[0] if words else code) for code, words in codes.items()}


def yen_tick(value: float, _position: object = None) -> str:
    """A short yen axis label: ``5,000円``, ``1万円``, ``1.5万円``, ``580万円``, ``1.2億円``.

    The one formatter of yen axes in report figures (a matplotlib
    ``FuncFormatter`` takes it as it is); tables use :func:`format_yen`.

    Examples
    --------
    >>> [yen_tick(v) for v in (0, 5_000, 7_500, 10_000, 15_000, 5_800_000, 120_000_000)]
    ['0円', '5,000円', '7,500円', '1万円', '1.5万円', '580万円', '1.2億円']
    """
    if value != value:  # NaN
        return ""
    if abs(value) >= 1e8:
        return f"{value / 1e8:.3g}億円"
    if abs(value) >= 1e4:
        return f"{value / 1e4:,.4g}万円"
    return f"{value:,.0f}円"


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
    return f"{head}{basis}"


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
        "case_id": "案件番号",
        "residual_debt": "残債",
        "opening": "最初の提示額",
        "target": "想定着地",
        "walk_away": "上限",
        "chance_opening": "最初の提示額以下の割合",
        "chance_target": "想定着地以下の割合",
        "chance_walk_away": "上限以下の割合",
        "monthly": "分割弁済の月額",
        "monthly_low": "分割弁済の月額(似た事例の下側1割)",
        "monthly_high": "分割弁済の月額(似た事例の上側1割)",
        "expected_amount": "一括和解の期待値(平均)",
        "drivers": "主な要因",
        "servicer_status": "サービサーの状態",
        "warnings": "注意",
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
