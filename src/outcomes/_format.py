"""Formats and labels every concern shares, in Japanese and English.

The one yen formatter (:func:`format_yen`) and its kin (shares, chances, the
display width of Japanese text, yen axis ticks), the language check
(:func:`check_language`), and the Japanese labels of the contract's columns and
codes (:func:`column_label`, :func:`value_labels`, :func:`creditor_label`). The
cleaner, the advice, the report and the commands use them; nothing here
computes an amount. Sentences live with their concern: offers and the ways out
in :mod:`outcomes._advice.wording` and :mod:`outcomes._advice.notes`, the
problems in :mod:`outcomes._cleaning.wording`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from outcomes._contract import (
    AGE_BANDS,
    COLUMN_BY_NAME,
    CREDITOR_TYPE_LABELS,
    CREDITOR_TYPE_LABELS_EN,
    EMPLOYMENT_CODES,
    GUARANTOR_FALSE,
    GUARANTOR_TRUE,
    JUDGMENT_CODES,
    RESOLUTION_CODES,
    SERVICER_ROLE_CODES,
)
from outcomes._errors import CaseError

__all__ = [
    "FEATURE_LABELS",
    "LANGUAGES",
    "Yen",
    "fill",
    "REPORT_DERIVED_LABELS",
    "check_language",
    "column_label",
    "creditor_label",
    "format_chance",
    "format_pct",
    "format_yen",
    "pad",
    "text_width",
    "value_labels",
    "yen_tick",
]

#: the model's features in words, for an offer's drivers and drift: {feature: (Japanese, English)}
FEATURE_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
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


# ==========================================================================
# Columns and codes
# ==========================================================================

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


def column_label(column: str) -> str:
    """The Japanese label of a column: its first header alias in the contract.

    Examples
    --------
    >>> column_label("settlement_ratio"), column_label("agreement_year")
    ('和解率', '和解年')
    >>> column_label("not_a_column")
    'not_a_column'
    """
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
# Sentences: one (Japanese, English) template, filled per language
# ==========================================================================


class Yen(int):
    """An amount of yen inside a sentence: ``30万円`` in Japanese, ``¥300,000`` in English."""

    __slots__ = ()


def fill(template: tuple[str, str], language: str, fields: Mapping[str, Any]) -> str:
    """One (Japanese, English) template filled in ``language``: every concern's sentences are such pairs.

    Fields that are :class:`Yen` are formatted per language; a field that is a
    (Japanese, English) pair is picked per language; the rest use the
    template's format spec.

    Examples
    --------
    >>> fill(("月{monthly}", "{monthly} a month"), "en", {"monthly": Yen(5_000)})
    '¥5,000 a month'
    """
    i = 0 if check_language(language) == "ja" else 1
    values = {
        name: (
            format_yen(v, language) if isinstance(v, Yen) else v[i] if isinstance(v, tuple) else v
        )
        for name, v in fields.items()
    }
    return template[i].format(**values)
