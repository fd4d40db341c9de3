"""The case-records contract in one place.

Every header alias, code, unit, range and output dtype of
``shared/spec/case-records.md`` lives here and nowhere else. Other modules
import these names; none of them hard-codes a header or a code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import pandas as pd

__all__ = [
    "AMOUNT_COLUMNS",
    "CASE_COLUMNS",
    "COLUMNS",
    "CREDITOR_TYPES",
    "CREDITOR_TYPE_LABELS",
    "CREDITOR_TYPE_LABELS_EN",
    "CREDITOR_TYPE_WORDS",
    "DATE_COLUMNS",
    "GUARANTOR_FALSE",
    "GUARANTOR_KIND_HEADERS",
    "guarantor_header_kind",
    "GUARANTOR_TRUE",
    "JUDGMENT_CODES",
    "OPTIONAL_COLUMNS",
    "SERVICER_ROLE_CODES",
    "SUMMARY_WORDS",
    "EMPLOYMENT_CODES",
    "MISSING_MARKERS",
    "NO_SERVICER_MARKERS",
    "NOTES_ALIASES",
    "OPEN_ENDED_TERMS",
    "PREFECTURES",
    "RESOLUTION_CODES",
    "ColumnSpec",
    "creditor_type_of",
    "match_header",
    "normalize_header",
    "normalize_text",
]

# --------------------------------------------------------------------------
# Columns
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnSpec:
    """One canonical column of the clean table.

    Parameters
    ----------
    name : str
        Canonical (English) column name.
    kind : str
        How raw values are parsed: ``"text"``, ``"date"``, ``"int"``,
        ``"amount"``, ``"ratio"``, ``"age"``, ``"age_band"``, ``"count"``,
        ``"term"``, ``"code"``, ``"prefecture"``, ``"servicer"``, ``"guarantor"``.
    dtype : str or pandas dtype
        The clean table's dtype.
    aliases : tuple of str
        Accepted source headers besides the canonical name.
    minimum, maximum : float or None
        Inclusive valid range; outside it the cell is emptied and reported.
    """

    name: str
    kind: str
    dtype: object
    aliases: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


EMPLOYMENT_CODES: dict[str, tuple[str, ...]] = {
    "employee": ("会社員", "正社員", "契約社員", "派遣社員", "公務員"),
    "self_employed": ("自営業", "自営", "個人事業主"),
    "part_time": ("パート", "アルバイト", "パート・アルバイト"),
    "pensioner": ("年金", "年金生活", "年金受給者"),
    "unemployed": ("無職",),
    "other": ("その他",),
}

RESOLUTION_CODES: dict[str, tuple[str, ...]] = {
    "installment": ("分割弁済", "分割", "分割払い", "分割返済", "少額返済"),
    "lump_sum": ("一括和解", "一括", "一括返済", "一括払い"),
    "voluntary_arrangement": ("任意整理",),
    "rehabilitation": ("個人再生", "民事再生", "小規模個人再生", "給与所得者等再生"),
    "bankruptcy": ("自己破産", "破産"),
    "limitation": ("時効援用", "時効", "消滅時効"),
    "pending": ("交渉中", "協議中", "未定"),
}

SERVICER_ROLE_CODES: dict[str, tuple[str, ...]] = {
    "bought": ("譲受", "債権譲渡", "買取", "売却済"),
    "consigned": ("受託", "委託", "回収委託"),
}

#: ``none`` (なし) is a code here, not a missing marker
JUDGMENT_CODES: dict[str, tuple[str, ...]] = {
    "judgment": ("判決",),
    "payment_order": ("支払督促",),
    "court_settlement": ("裁判上の和解", "調停"),
    "none": ("なし", "無し", "無"),
}

#: the guarantor column: words meaning there is one, and words meaning there is none
GUARANTOR_TRUE: tuple[str, ...] = ("あり", "有り", "有", "○", "〇", "◯", "1", "yes", "true", "はい")
GUARANTOR_FALSE: tuple[str, ...] = ("なし", "無し", "無", "×", "✕", "0", "no", "false", "いいえ")
#: the guarantor column's headers that tell which kind of person stands beside the debtor:
#: a guarantor (保証人, 連帯保証人) or a joint debtor (連帯債務者). The column means either; the
#: kind matters to the law (民法 §457(1) for guarantors, §441 for joint debtors)
GUARANTOR_KIND_HEADERS: dict[str, str] = {
    "連帯保証人": "guarantor",
    "保証人": "guarantor",
    "連帯債務者": "co_debtor",
}

#: a first cell (or case id) that marks a summary row, not a case
SUMMARY_WORDS: frozenset[str] = frozenset({"合計", "小計", "総計", "計", "件数", "平均", "集計"})

CREDITOR_TYPES: tuple[str, ...] = ("jhf", "jfc", "shinkin", "guarantor", "bank", "other")
#: how reports and figures name each creditor type (display only; the codes above are the data)
CREDITOR_TYPE_LABELS: dict[str, str] = {
    "jhf": "住宅金融支援機構",
    "jfc": "日本政策金融公庫",
    "shinkin": "信金・信組・JA",
    "guarantor": "保証会社",
    "bank": "銀行",
    "other": "その他",
}
#: the same in English (display only)
CREDITOR_TYPE_LABELS_EN: dict[str, str] = {
    "jhf": "JHF (住宅金融支援機構)",
    "jfc": "Japan Finance Corporation",
    "shinkin": "shinkin bank, credit union or JA",
    "guarantor": "guarantee company",
    "bank": "bank",
    "other": "other creditor",
}

#: how a 債権者区分 cell may spell each creditor type besides its code (analyst review N3): the
#: labels the package writes (``--labels ja``, and the English ones), the parts of the
#: shinkin label and the contract's creditor-rule words (§2: 信用金庫 is shinkin)
CREDITOR_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    code: (CREDITOR_TYPE_LABELS[code], CREDITOR_TYPE_LABELS_EN[code], *words)
    for code, words in {
        "jhf": ("住宅金融公庫", "フラット35", "公庫", "JHF"),
        "jfc": ("国民生活金融公庫", "政策金融公庫"),
        "shinkin": ("信用金庫", "信金", "信用組合", "信組", "労働金庫", "ろうきん", "農協", "JA"),
        "guarantor": ("保証", "信用保証"),
        "bank": ("銀行",),
        "other": ("その他の債権者",),
    }.items()
}

#: ten-year bands, ``10s`` … ``100s``
AGE_BANDS: tuple[str, ...] = tuple(f"{d}s" for d in range(10, 101, 10))

EMPLOYMENT_DTYPE = pd.CategoricalDtype(list(EMPLOYMENT_CODES))
RESOLUTION_DTYPE = pd.CategoricalDtype(list(RESOLUTION_CODES))
CREDITOR_TYPE_DTYPE = pd.CategoricalDtype(list(CREDITOR_TYPES))
SERVICER_ROLE_DTYPE = pd.CategoricalDtype(list(SERVICER_ROLE_CODES))
JUDGMENT_DTYPE = pd.CategoricalDtype(list(JUDGMENT_CODES))
DATE_DTYPE = "datetime64[ns]"

#: residual_debt under this is out of range (after a home sale, almost always a missing 万円)
MIN_RESIDUAL_DEBT = 10_000
#: yen amounts above this (10 億円) are out of range for residual_debt and lump_sum
MAX_DEBT = 1_000_000_000
#: lump_sum above residual_debt times this is out of range
MAX_LUMP_SUM_FACTOR = 1.5
#: a given settlement_ratio differing from the derived one by more than this is reported
RATIO_TOLERANCE = 0.005
#: dates before this are out of range
MIN_DATE = date(1989, 1, 1)
#: default k of k-anonymity in reports, figures and aggregated exports
DEFAULT_K = 5
#: quasi-identifiers for k-anonymity
QUASI_IDENTIFIERS: tuple[str, ...] = ("age_band", "prefecture", "employment")

COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("case_id", "text", "string", ("案件ID", "案件番号", "ケースID", "管理番号")),
    ColumnSpec("sale_date", "date", DATE_DTYPE, ("売却日", "任意売却日", "決済日")),
    ColumnSpec("agreement_date", "date", DATE_DTYPE, ("和解日", "合意日", "和解成立日")),
    ColumnSpec("age", "age", "Int64", ("年齢",), 18, 110),
    ColumnSpec("age_band", "age_band", "string", ("年代",)),
    ColumnSpec(
        "prefecture", "prefecture", "string", ("都道府県", "所在地(都道府県)", "住所(都道府県)")
    ),
    ColumnSpec("employment", "code", EMPLOYMENT_DTYPE, ("職業", "就業形態", "収入形態")),
    ColumnSpec(
        "monthly_income",
        "amount",
        "Int64",
        ("月収", "手取り月収", "月収(手取り)", "手取り"),
        0,
        None,
    ),
    ColumnSpec("household_size", "count", "Int64", ("世帯人数", "家族人数"), 1, 20),
    ColumnSpec("creditor", "text", "string", ("債権者", "金融機関", "借入先")),
    ColumnSpec("creditor_type", "code", CREDITOR_TYPE_DTYPE, ("債権者区分",)),
    ColumnSpec("servicer", "servicer", "string", ("サービサー", "債権回収会社", "回収会社")),
    ColumnSpec(
        "residual_debt",
        "amount",
        "Int64",
        ("残債", "残債額", "残債務", "残債務額"),
        MIN_RESIDUAL_DEBT,
        MAX_DEBT,
    ),
    ColumnSpec("delinquency_rate", "ratio", "Float64", ("遅延損害金率", "損害金利率"), 0, 1),
    ColumnSpec("resolution", "code", RESOLUTION_DTYPE, ("解決方法", "解決", "結果", "対応")),
    ColumnSpec(
        "lump_sum", "amount", "Int64", ("一括金額", "一括払額", "和解金額", "一括"), 0, MAX_DEBT
    ),
    ColumnSpec(
        "monthly_amount",
        "amount",
        "Int64",
        ("月額", "月々の返済額", "分割月額", "返済月額"),
        0,
        None,
    ),
    ColumnSpec("term_months", "term", "Int64", ("支払期間", "返済期間", "回数"), 1, 600),
    ColumnSpec("settlement_ratio", "ratio", "Float64", ("和解率", "支払率"), 0, None),
    ColumnSpec(
        "contract_date",
        "date",
        DATE_DTYPE,
        ("契約日", "借入日", "融資実行日", "金銭消費貸借契約日"),
    ),
    ColumnSpec(
        "default_date", "date", DATE_DTYPE, ("期限の利益喪失日", "代位弁済日", "請求可能日")
    ),
    ColumnSpec(
        "servicer_role", "code", SERVICER_ROLE_DTYPE, ("サービサー区分", "債権の状態", "委託・譲受")
    ),
    ColumnSpec(
        "guarantor", "guarantor", "boolean", ("連帯保証人", "保証人", "連帯債務者", "保証人の有無")
    ),
    ColumnSpec("judgment", "code", JUDGMENT_DTYPE, ("債務名義", "判決", "判決等")),
    ColumnSpec("judgment_date", "date", DATE_DTYPE, ("判決日", "債務名義取得日", "確定日")),
)
#: optional columns (contract §2): empty in the clean table when the source has none
OPTIONAL_COLUMNS: tuple[str, ...] = (
    "contract_date",
    "default_date",
    "servicer_role",
    "guarantor",
    "judgment",
    "judgment_date",
)

COLUMN_BY_NAME: dict[str, ColumnSpec] = {c.name: c for c in COLUMNS}
#: canonical column names of the clean table, in order
CASE_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS)
AMOUNT_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "amount")
DATE_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "date")
#: free-text columns: read, never copied to the output
NOTES_ALIASES: tuple[str, ...] = ("備考", "メモ", "notes")
#: kept text columns that are screened for personal data
TEXT_COLUMNS: tuple[str, ...] = ("case_id", "prefecture", "creditor", "servicer")

# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------

#: read as empty without complaint (compared after NFKC, trimming and casefold)
MISSING_MARKERS: frozenset[str] = frozenset(
    {"", "-", "ー", "―", "‐", "−", "不明", "なし", "n/a", "na"}
)
#: term_months values meaning an open-ended plan: read as empty without complaint
#: (compared after NFKC, casefold and removing spaces)
OPEN_ENDED_TERMS: frozenset[str] = frozenset(
    {"無期限", "期限なし", "期限無し", "定めなし", "定め無し", "期限の定めなし", "期間の定めなし",
     "無期", "open-ended", "openended"}
)  # fmt: skip
#: mean "no servicer" in the servicer column
NO_SERVICER_MARKERS: frozenset[str] = MISSING_MARKERS | {"無", "無し", "該当なし"}

#: header units: multiplier for bare numbers in yen columns
YEN_UNITS: dict[str, int] = {"円": 1, "千円": 1_000, "万円": 10_000, "百万円": 1_000_000}

PREFECTURES: tuple[str, ...] = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
    "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
    "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
    "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
    "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
    "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
    "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)  # fmt: skip

#: a prefecture written with or without its suffix → the full name
PREFECTURE_NAMES: dict[str, str] = {
    **{p: p for p in PREFECTURES},
    **{p[:-1]: p for p in PREFECTURES if p != "北海道"},
}


# --------------------------------------------------------------------------
# Headers
# --------------------------------------------------------------------------


def normalize_text(value: str) -> str:
    """NFKC-normalise and trim a text value.

    Examples
    --------
    >>> normalize_text("　ＳＭＢＣ債権回収㈱ ")
    'SMBC債権回収(株)'
    """
    return unicodedata.normalize("NFKC", value).strip()


def normalize_header(header: object) -> str:
    """Normalise a source header for matching: NFKC, casefold, no spaces.

    Examples
    --------
    >>> normalize_header("残債額（万円）")
    '残債額(万円)'
    >>> normalize_header(" Case ID ")
    'caseid'
    """
    text = unicodedata.normalize("NFKC", str(header)).casefold()
    return re.sub(r"[\s_]+", "", text)


def _alias_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for spec in COLUMNS:
        for alias in (spec.name, *spec.aliases):
            out[normalize_header(alias)] = spec.name
    for alias in NOTES_ALIASES:
        out[normalize_header(alias)] = "notes"
    return out


HEADER_ALIASES: dict[str, str] = _alias_map()
_TRAILING_BRACKET = re.compile(r"^(?P<base>.+?)[(\[【](?P<unit>[^()\[\]【】]*)[)\]】]$")


def match_header(header: object) -> tuple[str | None, str | None]:
    """Match a source header to a canonical column.

    Returns ``(canonical_name, unit)``; ``canonical_name`` is ``"notes"`` for
    a free-text column and ``None`` for a column outside the contract;
    ``unit`` is the trailing bracketed unit (``"万円"``, ``"%"``, …) or ``None``.

    Examples
    --------
    >>> match_header("残債額（万円）")
    ('residual_debt', '万円')
    >>> match_header("月収(手取り)")
    ('monthly_income', None)
    >>> match_header("residual_debt")
    ('residual_debt', None)
    >>> match_header("氏名")
    (None, None)
    """
    key = normalize_header(header)
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key], None
    m = _TRAILING_BRACKET.match(key)
    if m and m["base"] in HEADER_ALIASES:
        return HEADER_ALIASES[m["base"]], (m["unit"] or None)
    return None, None


_KIND_HEADERS = {normalize_header(word): kind for word, kind in GUARANTOR_KIND_HEADERS.items()}


def guarantor_header_kind(header: object) -> str | None:
    """The kind of person a header of the guarantor column names, if it names one.

    ``連帯債務者`` → ``co_debtor``; ``連帯保証人`` and ``保証人`` → ``guarantor``; a
    header that names neither (``保証人の有無``, ``guarantor``) → None. A trailing
    bracket (``連帯債務者(有無)``) is ignored. The one reading of the header, for
    the cleaner's note and the advice's ways out (issue 24).

    Examples
    --------
    >>> guarantor_header_kind("連帯債務者"), guarantor_header_kind("連帯保証人（有無）")
    ('co_debtor', 'guarantor')
    >>> guarantor_header_kind("保証人の有無") is None
    True
    """
    key = normalize_header(header)
    m = _TRAILING_BRACKET.match(key)
    return _KIND_HEADERS.get(key) or (_KIND_HEADERS.get(m["base"]) if m else None)


# --------------------------------------------------------------------------
# Creditor type
# --------------------------------------------------------------------------

_CREDITOR_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("jhf", re.compile(r"住宅金融支援機構|住宅金融公庫|フラット35|^公庫(融資)?$")),
    ("jfc", re.compile(r"日本政策金融公庫|国民生活金融公庫")),
    (
        "shinkin",
        re.compile(
            r"信用金庫|信金|信用組合|信組|労働金庫|ろうきん|農協|JA(?![A-Za-z])", re.IGNORECASE
        ),
    ),
    ("guarantor", re.compile(r"保証")),
    ("bank", re.compile(r"銀行|bank", re.IGNORECASE)),
)


def creditor_type_of(creditor: str | None) -> str | None:
    """Classify a (normalised) creditor name by the contract's rules.

    The first rule that matches wins; a name matching none is ``"other"``;
    an empty name gives ``None``.

    Examples
    --------
    >>> creditor_type_of("住宅金融支援機構")
    'jhf'
    >>> creditor_type_of("公庫")
    'jhf'
    >>> creditor_type_of("日本政策金融公庫")
    'jfc'
    >>> creditor_type_of("JAバンク"), creditor_type_of("JAPAN信託")
    ('shinkin', 'other')
    >>> creditor_type_of("○○銀行保証"), creditor_type_of("Tokyo Bank")
    ('guarantor', 'bank')
    """
    if creditor is None or creditor == "":
        return None
    text = normalize_text(creditor)
    for code, pattern in _CREDITOR_RULES:
        if pattern.search(text):
            return code
    return "other"


# --------------------------------------------------------------------------
# Codes
# --------------------------------------------------------------------------


def _code_map(codes: dict[str, tuple[str, ...]]) -> dict[str, str]:
    out = {normalize_header(code): code for code in codes}
    for code, words in codes.items():
        for word in words:
            out[normalize_header(word)] = code
    return out


#: normalised spelling → code, for each coded column
CODE_MAPS: dict[str, dict[str, str]] = {
    "employment": _code_map(EMPLOYMENT_CODES),
    "resolution": _code_map(RESOLUTION_CODES),
    "creditor_type": _code_map(CREDITOR_TYPE_WORDS),
    "servicer_role": _code_map(SERVICER_ROLE_CODES),
    "judgment": _code_map(JUDGMENT_CODES),
}
