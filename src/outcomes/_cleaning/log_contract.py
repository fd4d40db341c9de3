"""The negotiation log's contract (case-records §9): its columns, headers, words and dtypes.

The case table's contract stays in :mod:`outcomes._contract`; the log is a
table of its own, one row per proposal, and its contract lives here. Headers
are matched as the case table's are (§2: NFKC, case, spaces and a trailing
unit in brackets ignored), against this table's aliases.

Examples
--------
>>> match_log_header("提示額（万円）")
('amount', '万円')
>>> match_log_header("回答")
('response', None)
>>> match_log_header("氏名")
(None, None)
>>> NEGOTIATION_COLUMNS[:4]
('case_id', 'offered_on', 'party', 'kind')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import pandas as pd

from outcomes._contract import DATE_DTYPE, match_header, normalize_header

__all__ = [
    "EVENT_WORDS",
    "FIRM_WORDS",
    "FULL_CLAIM_WORDS",
    "KIND_CODES",
    "KIND_DTYPE",
    "LOG_ALIASES",
    "LOG_DTYPES",
    "NEGOTIATION_COLUMNS",
    "OPTIONAL_LOG_COLUMNS",
    "PARTY_CODES",
    "PARTY_DTYPE",
    "RAISE_WORDS",
    "REQUIRED_LOG_COLUMNS",
    "RESPONSE_CODES",
    "RESPONSE_DTYPE",
    "log_code_map",
    "log_header_score",
    "match_log_header",
]

#: the log's columns that every clean log has, in order
REQUIRED_LOG_COLUMNS: tuple[str, ...] = (
    "case_id",
    "offered_on",
    "party",
    "kind",
    "amount",
    "monthly_amount",
    "term_months",
    "response",
)
#: optional columns: in the clean log only where the source has them, in this order
OPTIONAL_LOG_COLUMNS: tuple[str, ...] = ("responded_on", "counterparty", "claimed_amount")
#: every canonical column of the log, in order
NEGOTIATION_COLUMNS: tuple[str, ...] = REQUIRED_LOG_COLUMNS + OPTIONAL_LOG_COLUMNS

#: accepted headers of each column, besides its canonical name
LOG_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "case_id": ("案件ID", "案件番号", "ケースID", "管理番号"),
        "offered_on": ("提示日", "提案日", "交渉日", "日付"),
        "party": ("提示者", "提案者", "提示元"),
        "kind": ("種類", "提案内容", "支払方法"),
        "amount": ("金額", "提示額", "一括金額"),
        "monthly_amount": ("月額", "分割月額"),
        "term_months": ("回数", "支払回数", "期間"),
        "response": ("回答", "結果", "先方回答", "応答"),
        "responded_on": ("回答日", "返答日", "回答受領日"),
        "counterparty": ("相手先", "交渉先", "相手方名", "請求元"),
        "claimed_amount": ("請求額", "請求金額", "請求残高", "債権額"),
        "notes": ("備考", "メモ", "notes"),
    }
)

PARTY_CODES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "debtor": (
            "本人", "債務者", "債務者側", "依頼者", "相談者", "当方", "家族", "連帯保証人",
            "保証人", "代理人", "代理人弁護士", "弁護士", "司法書士", "お客様", "顧客",
            "債務者本人", "ご本人", "法律事務所", "連帯債務者", "配偶者", "親族",
        ),
        "creditor": (
            "債権者", "サービサー", "債権回収会社", "先方", "相手方", "保証会社", "保証協会",
            "金融機関", "銀行", "信金", "機構", "支援機構", "公庫", "委託元", "債権者代理人",
            "先方弁護士", "回収会社",
        ),
    }
)  # fmt: skip
#: the firm itself written as the proposer: read as debtor and reported (弁護士法72条)
FIRM_WORDS: tuple[str, ...] = ("当社", "弊社", "自社")

KIND_CODES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "lump_sum": (
            "一括", "一括和解", "一括払い", "一括弁済", "一括返済", "一部弁済", "和解金", "一時金",
        ),
        "installment": (
            "分割", "分割弁済", "分割払い", "分割返済", "少額返済", "月払い", "毎月", "月々",
            "分納", "返済計画", "分割弁済申出",
        ),
        "mixed": (
            "分割+一括", "一括+分割", "頭金+分割", "一部一括+分割", "一括+月払い", "併用",
        ),
        "event": (
            "受任通知", "破産予定", "個人再生予定", "時効援用", "支払督促", "訴訟", "債権譲渡通知",
            "委託通知", "生活状況確認表提出",
        ),
    }
)  # fmt: skip
EVENT_WORDS: tuple[str, ...] = KIND_CODES["event"]
#: a demand for the whole claim: kind lump_sum, amount = claimed_amount where given
FULL_CLAIM_WORDS: tuple[str, ...] = ("全額", "全額一括", "一括全額", "残債全額", "請求額全額")

RESPONSE_CODES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "accepted": (
            "承諾", "受諾", "合意", "了承", "応諾", "可", "OK", "○", "〇", "◯", "和解成立",
            "成立", "和解書締結", "合意済",
        ),
        "rejected": (
            "拒否", "不可", "断り", "拒絶", "否決", "稟議否決", "謝絶", "不成立", "不調",
            "応じられない", "困難", "NG", "×", "✕", "✖",
        ),
        "countered": ("対案", "逆提案", "条件変更", "再提示", "修正案", "条件提示", "一部承諾"),
        "pending": (
            "回答待ち", "検討中", "稟議中", "決裁待ち", "審査中", "上申中", "委託元確認中",
            "保留", "協議中", "継続協議", "未回答", "内諾", "仮合意", "担当者了承",
            "社内検討中", "債権者確認中",
        ),
        "lapsed": ("失効", "期限切れ", "期限徒過", "不履行", "白紙"),
        "withdrawn": ("取下げ", "取り下げ", "取下", "撤回", "取消"),
    }
)  # fmt: skip
#: "wants more" without a figure: read as rejected, and noted
RAISE_WORDS: tuple[str, ...] = ("増額要請", "上乗せ要求", "増額要求", "上乗せ要請")

PARTY_DTYPE = pd.CategoricalDtype(list(PARTY_CODES))
KIND_DTYPE = pd.CategoricalDtype(list(KIND_CODES))
RESPONSE_DTYPE = pd.CategoricalDtype(list(RESPONSE_CODES))

#: the clean log's dtype of each column
LOG_DTYPES: Mapping[str, object] = MappingProxyType(
    {
        "case_id": "string",
        "offered_on": DATE_DTYPE,
        "party": PARTY_DTYPE,
        "kind": KIND_DTYPE,
        "amount": "Int64",
        "monthly_amount": "Int64",
        "term_months": "Int64",
        "response": RESPONSE_DTYPE,
        "responded_on": DATE_DTYPE,
        "counterparty": "string",
        "claimed_amount": "Int64",
    }
)


def log_code_map(codes: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Normalised spelling → code (each code's own name included).

    Examples
    --------
    >>> log_code_map(RESPONSE_CODES)["ok"], log_code_map(KIND_CODES)["一括+分割"]
    ('accepted', 'mixed')
    """
    out = {normalize_header(code): code for code in codes}
    for code, words in codes.items():
        for word in words:
            out[normalize_header(word)] = code
    return out


def _header_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, aliases in LOG_ALIASES.items():
        for alias in (name, *aliases):
            out[normalize_header(alias)] = name
    return out


_HEADERS = _header_map()
_TRAILING_BRACKET = re.compile(r"^(?P<base>.+?)[(\[【](?P<unit>[^()\[\]【】]*)[)\]】]$")


def match_log_header(header: object) -> tuple[str | None, str | None]:
    """Match a source header to a column of the log: ``(name, unit)``.

    ``name`` is ``"notes"`` for free text and None outside the contract;
    ``unit`` is the trailing bracketed unit (``"万円"``) or None.

    Examples
    --------
    >>> match_log_header("金額(万円)"), match_log_header(" 提示者 ")
    (('amount', '万円'), ('party', None))
    """
    key = normalize_header(header)
    if key in _HEADERS:
        return _HEADERS[key], None
    m = _TRAILING_BRACKET.match(key)
    if m and m["base"] in _HEADERS:
        return _HEADERS[m["base"]], (m["unit"] or None)
    return None, None


#: columns only the log has (a case sheet has none of them)
_LOG_ONLY = frozenset({"offered_on", "party", "kind", "response", "responded_on", "counterparty"})


def log_header_score(row: list[object] | tuple[object, ...]) -> int:
    """How well a row reads as the log's header: one per log column, minus case-only headers.

    A case sheet shares a few headers with the log (案件ID, 月額, 回数, 結果); its
    many case-only headers (売却日, 残債額, …) count against it, so that the
    log's own sheet wins. A row without a column only the log has scores 0.

    Examples
    --------
    >>> log_header_score(["案件ID", "提示日", "提示者", "金額", "回答"])
    5
    >>> log_header_score(["案件ID", "売却日", "残債額", "年齢", "月額", "結果"])
    0
    """
    names, case_only, log_only = set(), 0, False
    for value in row:
        if value is None or (isinstance(value, float) and value != value):
            continue
        text = str(value)
        if not text.strip():
            continue
        name, _ = match_log_header(text)
        if name is not None and name != "notes":
            names.add(name)
            log_only = log_only or name in _LOG_ONLY
        elif match_header(text)[0] is not None:
            case_only += 1
    return max(len(names) - case_only, 0) if log_only else 0
