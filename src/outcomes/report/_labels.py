"""Every word of the internal report, in Japanese and in English.

The report is written in one language (``write_report(..., language="en")``,
``outcomes report --lang en``); tables and figures keep the contract's codes
and are labelled here when they are drawn. :func:`text` holds the report's
sentences and headings, :func:`column_label` and :func:`value_labels` the
names of columns and of coded values, :func:`format_statistic_yen` and
:func:`yen_tick` its yen. Proper nouns (companies, prefectures) stay as they
are in either language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

import numpy as np

from outcomes._arguments import check_arguments
from outcomes._contract import (
    AGE_BANDS,
    CREDITOR_TYPE_LABELS,
    CREDITOR_TYPE_LABELS_EN,
    CREDITOR_TYPES,
)
from outcomes._errors import OutcomesError
from outcomes._format import check_language, fill, format_yen
from outcomes._format import column_label as _column_label_ja
from outcomes._format import value_labels as _value_labels_ja

__all__ = [
    "SUPPRESSED_LABELS",
    "column_label",
    "creditor_type_code",
    "format_statistic_yen",
    "income_band_labels",
    "percent_tick",
    "suppressed",
    "value_labels",
    "yen_ticks",
]

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

#: the kinds of problem the cleaner reports, as the report names them: {kind: (ja, en)}
PROBLEM_KINDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "not in contract": ("契約外の列(出力しない)", "column outside the contract (not kept)"),
        "duplicate column": ("重複した列", "duplicate column"),
        "personal data": ("個人情報(消去)", "personal data (emptied)"),
        "unreadable": ("読めない値(空欄化)", "unreadable value (emptied)"),
        "noted": ("注記(概数・日の補完など)", "noted (approximate amount, day filled in, …)"),
        "unknown servicer": ("登録にないサービサー名", "servicer not in the registry"),
        "out of range": ("範囲外の値(空欄化)", "value out of range (emptied)"),
        "inconsistent": ("矛盾(年代と年齢)", "inconsistent (age band and age)"),
        "ratio mismatch": ("和解率の不一致", "settlement ratio does not match"),
        "superseded": ("同一案件の古い行(除外)", "older row of the same case (left out)"),
        "summary row": ("集計行(案件ではない、除外)", "summary row (not a case; left out)"),
        "missing column": ("欠けている重要な列", "missing key column"),
    }
)

#: the methods of ``outcomes.models.evaluate``'s table (its index), as the report names
#: them: {method: (ja, en)}; the model's own row is the catalogue entry ``model_row``
METHODS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "overall median": ("全体の中央値", "overall median"),
        "median by creditor type": ("債権者区分ごとの中央値", "median by creditor type"),
        "HistGradientBoostingRegressor": (
            "勾配ブースティング(特徴量そのまま)",
            "gradient boosting (features as they are)",
        ),
        "fractional logit GLM": ("一般化線形モデル(ロジット)", "GLM (logit)"),
        "log-linear GLM (Gamma, log link)": (
            "一般化線形モデル(ガンマ、対数リンク)",
            "GLM (Gamma, log link)",
        ),
        "best possible (true conditional median)": (
            "理論上の最良(真の条件付き中央値)",
            "best possible (true conditional median)",
        ),
    }
)

#: what the report calls each model, by its target: {target: (ja, en)}
MODEL_NAMES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "settlement_ratio": ("和解率(一括和解)", "Settlement ratio (lump sums)"),
        "monthly_amount": ("月額(分割弁済)", "Monthly amount (instalment plans)"),
    }
)

#: what a suppressed cell shows, (ja, en) (``check_html`` accepts both)
SUPPRESSED_LABELS: tuple[str, str] = ("k未満", "under k")


def suppressed(language: str = "ja") -> str:
    """What a suppressed cell shows: ``k未満`` or ``under k``.

    Examples
    --------
    >>> suppressed("ja"), suppressed("en")
    ('k未満', 'under k')
    """
    return fill(SUPPRESSED_LABELS, language, {})


# --------------------------------------------------------------------------
# Columns and coded values
# --------------------------------------------------------------------------

_COLUMN_LABELS_EN: dict[str, str] = {
    "case_id": "case ID",
    "sale_date": "sale date",
    "agreement_date": "agreement date",
    "age": "age",
    "age_band": "age band",
    "prefecture": "prefecture",
    "employment": "employment",
    "monthly_income": "monthly income (take-home)",
    "household_size": "household size",
    "creditor": "creditor",
    "creditor_type": "creditor type",
    "servicer": "servicer",
    "residual_debt": "residual debt",
    "delinquency_rate": "default interest rate",
    "resolution": "resolution",
    "lump_sum": "lump sum",
    "monthly_amount": "monthly amount",
    "term_months": "term (months)",
    "settlement_ratio": "settlement ratio",
    "contract_date": "contract date",
    "default_date": "default date",
    "servicer_role": "servicer's role",
    "guarantor": "guarantor",
    "judgment": "title of debt",
    "judgment_date": "date of the title",
    # columns a report derives
    "agreement_year": "agreement year",
    "sale_year": "sale year",
    "months_to_agreement": "months from sale to agreement",
    "income_band": "monthly income (take-home)",
    "cases": "cases",
    "quarter": "quarter",
    "expected": "model's prediction (median)",
    "lump_sum_total": "expected lump sums, total",
    "monthly_total": "expected monthly amounts, total",
    # a breakdown's statistics
    "n": "cases with a value",
    "mean": "mean",
    "p10": "10th pct.",
    "p25": "25th pct.",
    "p50": "median",
    "p75": "75th pct.",
    "p90": "90th pct.",
    "problems": "problems",
    "kind": "kind",
    "column": "column",
    "内容": "what it means",
}

#: the report's name of drift's derived feature
_DERIVED_FEATURES: dict[str, tuple[str, str]] = {
    "log_residual_debt": ("残債(対数)", "residual debt (log)"),
}


@check_arguments
def column_label(column: str, language: str = "ja") -> str:
    """The label of a column (or a breakdown's statistic) in the report's language.

    Examples
    --------
    >>> column_label("settlement_ratio"), column_label("settlement_ratio", "en")
    ('和解率', 'settlement ratio')
    >>> column_label("p50", "ja"), column_label("log_residual_debt", "en")
    ('中央値', 'residual debt (log)')
    >>> column_label("not_a_column", "en")
    'not_a_column'
    """
    if column in _DERIVED_FEATURES:
        return fill(_DERIVED_FEATURES[column], language, {})
    if check_language(language) == "en":
        return _COLUMN_LABELS_EN.get(column, column)
    if column in REPORT_STAT_LABELS and column not in ("cases",):
        return REPORT_STAT_LABELS[column]
    return _column_label_ja(column)


#: take-home income bands of :func:`~outcomes.report.with_derived` (yen, the last open)
INCOME_BAND_EDGES: tuple[float, ...] = (0, 100_000, 150_000, 200_000, 250_000, 300_000, np.inf)


def income_band_labels(language: str = "ja") -> list[str]:
    """The income bands' labels, lowest first.

    Examples
    --------
    >>> income_band_labels()[:2], income_band_labels()[-1]
    (['10万円未満', '10万〜15万円未満'], '30万円以上')
    >>> income_band_labels("en")[:2], income_band_labels("en")[-1]
    (['under ¥100k', '¥100k–150k'], '¥300k and over')
    """
    edges = INCOME_BAND_EDGES
    out = []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        if check_language(language) == "ja":
            if np.isinf(hi):
                out.append(f"{lo // 10_000:.0f}万円以上")
            elif lo == 0:
                out.append(f"{hi // 10_000:.0f}万円未満")
            else:
                out.append(f"{lo // 10_000:.0f}万〜{hi // 10_000:.0f}万円未満")
        elif np.isinf(hi):
            out.append(f"¥{lo // 1000:.0f}k and over")
        elif lo == 0:
            out.append(f"under ¥{hi // 1000:.0f}k")
        else:
            out.append(f"¥{lo // 1000:.0f}k–{hi // 1000:.0f}k")
    return out


_EMPLOYMENT_EN = {
    "employee": "employee",
    "self_employed": "self-employed",
    "part_time": "part-time",
    "pensioner": "pensioner",
    "unemployed": "not working",
    "other": "other",
}
_RESOLUTION_EN = {
    "installment": "instalments",
    "lump_sum": "lump-sum settlement",
    "voluntary_arrangement": "voluntary arrangement",
    "rehabilitation": "individual rehabilitation",
    "bankruptcy": "bankruptcy",
    "limitation": "limitation invoked",
    "pending": "in negotiation",
}
#: the label of a Kaplan–Meier curve of all cases (``kaplan_meier`` without ``by``)
_ALL = ("全体", "all cases")


@check_arguments
def value_labels(column: str, language: str = "ja") -> dict[str, str]:
    """Labels of a coded column's values in the report's language (empty for other columns).

    Examples
    --------
    >>> value_labels("creditor_type")["shinkin"], value_labels("creditor_type", "en")["bank"]
    ('信金・信組・JA', 'bank')
    >>> value_labels("age_band", "en")["40s"], value_labels("resolution", "en")["pending"]
    ('40s', 'in negotiation')
    >>> value_labels("income_band", "en")["30万円以上"]
    '¥300k and over'
    """
    ja = check_language(language) == "ja"
    if column == "income_band":
        return (
            {} if ja else dict(zip(income_band_labels("ja"), income_band_labels("en"), strict=True))
        )
    if column == "group":  # a Kaplan–Meier curve of all cases
        return {_ALL[0]: fill(_ALL, language, {})}
    if ja:
        return _value_labels_ja(column)
    if column == "creditor_type":
        return dict(CREDITOR_TYPE_LABELS_EN)
    if column == "age_band":
        return {band: band for band in AGE_BANDS}
    return {"employment": _EMPLOYMENT_EN, "resolution": _RESOLUTION_EN}.get(column, {}).copy()


def creditor_type_code(value: object, language: str = "ja") -> str:
    """A creditor type as typed (code, Japanese or English label, or a part of one) → its code.

    Raises a one-line :class:`OutcomesError` listing every accepted value.

    Examples
    --------
    >>> creditor_type_code("bank"), creditor_type_code("信金"), creditor_type_code("信金・信組・JA")
    ('bank', 'shinkin', 'shinkin')
    >>> creditor_type_code("信用金庫"), creditor_type_code("信用組合")
    ('shinkin', 'shinkin')
    >>> creditor_type_code("Guarantee company"), creditor_type_code("住宅金融支援機構")
    ('guarantor', 'jhf')
    >>> creditor_type_code("質屋")
    Traceback (most recent call last):
    ...
    outcomes._errors.OutcomesError: 債権者区分「質屋」は使えません。次のどれかを指定してください: jhf(住宅金融支援機構)、jfc(日本政策金融公庫)、shinkin(信金・信組・JA)、guarantor(保証会社)、bank(銀行)、other(その他)
    """
    from outcomes._contract import creditor_type_of, normalize_text

    text_ = normalize_text(str(value)).strip()
    key = text_.casefold()
    accepted: dict[str, str] = {}
    for code in CREDITOR_TYPES:
        accepted[code] = code
        for label in (CREDITOR_TYPE_LABELS[code], CREDITOR_TYPE_LABELS_EN[code]):
            accepted[normalize_text(label).casefold()] = code
            for part in normalize_text(label).replace("(", "・").replace(")", "").split("・"):
                if part.strip():
                    accepted.setdefault(part.strip().casefold(), code)
    if key in accepted:
        return accepted[key]
    # a spelling the contract reads in a creditor name (信用金庫, 信用組合, 労働金庫): N11
    by_name = creditor_type_of(text_)
    if by_name not in (None, "other"):
        return by_name
    if check_language(language) == "ja":
        listed = "、".join(f"{c}({CREDITOR_TYPE_LABELS[c]})" for c in CREDITOR_TYPES)
        raise OutcomesError(
            f"債権者区分「{value}」は使えません。次のどれかを指定してください: {listed}"
        )
    listed = ", ".join(f"{c} ({CREDITOR_TYPE_LABELS_EN[c]})" for c in CREDITOR_TYPES)
    raise OutcomesError(f"creditor type {value!r} is not one of: {listed}")


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def format_statistic_yen(value: float, language: str = "ja") -> str:
    """A yen statistic as a table shows it: to the 万円 from 100万円 up (no false precision).

    Examples
    --------
    >>> format_statistic_yen(10_787_968), format_statistic_yen(12_000)
    ('1,079万円', '1万2,000円')
    >>> format_statistic_yen(10_787_968, "en"), format_statistic_yen(12_000, "en")
    ('¥10.79M', '¥12,000')
    """
    if check_language(language) == "ja":
        return format_yen(round(value, -4) if abs(value) >= 1_000_000 else value)
    if abs(value) >= 1_000_000:
        return f"¥{value / 1_000_000:,.2f}M"
    return format_yen(value, "en")


def _decimals(values: Sequence[float], scale: float, most: int = 3) -> int:
    """The fewest decimals that write every value (times ``scale``) exactly."""
    for d in range(most + 1):
        if all(
            abs(round(v * scale, d) - v * scale) < 1e-9 * max(1.0, abs(v * scale)) for v in values
        ):
            return d
    return most


def percent_tick(values: Sequence[float]) -> list[str]:
    """Percent tick labels of shares, each exact and all with the same decimals.

    Examples
    --------
    >>> percent_tick([0, 0.025, 0.05, 0.075])
    ['0.0%', '2.5%', '5.0%', '7.5%']
    >>> percent_tick([0, 0.2, 0.4])
    ['0%', '20%', '40%']
    """
    d = _decimals(values, 100)
    return [f"{v * 100:.{d}f}%" for v in values]


def yen_ticks(values: Sequence[float], language: str = "ja") -> list[str]:
    """Yen tick labels of one axis, all in one style.

    Japanese: in 円 with commas while every tick is under 10万円 (``5,000円``,
    ``10,000円``), else in 万円 (``200万円``, ``1,000万円``); English: ``¥5,000``
    under ¥1M, else ``¥2M``.

    Examples
    --------
    >>> yen_ticks([0, 5_000, 10_000, 15_000])
    ['0円', '5,000円', '10,000円', '15,000円']
    >>> yen_ticks([2_000_000, 5_000_000, 10_000_000])
    ['200万円', '500万円', '1,000万円']
    >>> yen_ticks([0, 25_000, 50_000], "en"), yen_ticks([1_000_000, 2_500_000], "en")
    (['¥0', '¥25,000', '¥50,000'], ['¥1.0M', '¥2.5M'])
    """
    finite = [float(v) for v in values if np.isfinite(v)]
    top = max((abs(v) for v in finite), default=0.0)
    if check_language(language) == "ja":
        if top < 100_000:
            return [f"{v:,.0f}円" for v in values]
        d = _decimals(finite, 1e-4, 1)
        return [f"{v / 10_000:,.{d}f}万円" for v in values]
    if top < 1_000_000:
        return [f"¥{v:,.0f}" for v in values]
    d = _decimals(finite, 1e-6, 2)
    return [f"¥{v / 1_000_000:,.{d}f}M" for v in values]


def problem_kind_labels(language: str = "ja") -> dict[str, str]:
    """What each kind of problem means, in the report's language.

    Examples
    --------
    >>> problem_kind_labels("en")["unreadable"]
    'unreadable value (emptied)'
    """
    return {kind: fill(pair, language, {}) for kind, pair in PROBLEM_KINDS.items()}


def model_name(target: str, language: str = "ja") -> str:
    """What the report calls the model of ``target``.

    Examples
    --------
    >>> model_name("monthly_amount", "en")
    'Monthly amount (instalment plans)'
    """
    if target not in MODEL_NAMES:
        return target
    return fill(MODEL_NAMES[target], language, {})


def method_label(method: str, language: str = "ja") -> str:
    """The report's name of a method of ``evaluate``'s table.

    Examples
    --------
    >>> method_label("overall median"), method_label("overall median", "en")
    ('全体の中央値', 'overall median')
    """
    if method not in METHODS:
        return method
    return fill(METHODS[method], language, {})
