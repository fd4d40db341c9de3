"""The cleaner's problems in Japanese: ``clean_cases(..., language="ja")``.

Each problem sentence starts with its kind and a colon in either language and
names the column by the header the analyst wrote. Kept beside
:mod:`outcomes._format` (the labels of offers, paths and reports), in its own
file so that each stays a readable size; it imports only the column labels.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from outcomes._format import column_label

__all__ = [
    "PERSONAL_DATA_JA",
    "PROBLEM_KINDS_JA",
    "REGISTRY_FILE_HINT",
    "parse_reason_ja",
    "source_header_ja",
    "unknown_servicer_problem",
]

#: each kind of problem the cleaner reports: {English kind: Japanese kind}. A
#: problem sentence starts with its kind and a colon in either language.
PROBLEM_KINDS_JA: Mapping[str, str] = MappingProxyType(
    {
        "not in contract": "契約外の列",
        "duplicate column": "重複した列",
        "summary row": "集計行",
        "personal data": "個人情報",
        "unreadable": "読めない値",
        "noted": "注記",
        "unknown servicer": "登録にないサービサー",
        "out of range": "範囲外",
        "inconsistent": "矛盾",
        "ratio mismatch": "和解率の不一致",
        "superseded": "古い行",
    }
)

#: what personal data a cell looked like, in Japanese
PERSONAL_DATA_JA: Mapping[str, str] = MappingProxyType(
    {
        "e-mail address": "メールアドレス",
        "phone number": "電話番号",
        "street address": "番地まである住所",
        "person's name": "人名",
    }
)

# the parsers' reasons (outcomes._parse), exactly as they write them, in Japanese;
# each reads after 「…の値は」
_PARSE_REASONS_JA: dict[str, str] = {
    "not an amount": "金額として読めません",
    "amount too large": "金額として大きすぎます",
    "not a date": "日付として読めません",
    "not a date (a number outside the Excel serial range 20000-80000)": (
        "日付として読めません(Excelの日付シリアル値20000〜80000の範囲外の数です)"
    ),
    "no age band below 10": "10代より下の年代はありません",
    "unknown age band": "年代として読めません",
    "not an age": "年齢として読めません",
    "not an age (not a whole number)": "年齢として読めません(整数ではありません)",
    "not an age band": "年代として読めません",
    "not an age band (not a whole number)": "年代として読めません(整数ではありません)",
    "not a count": "人数として読めません",
    "not a count (not a whole number)": "人数として読めません(整数ではありません)",
    "not a term": "支払期間として読めません",
    "not a term (not a whole number)": "支払期間として読めません(整数ではありません)",
    "not a term (not a whole number of months)": "支払期間として読めません(月数が整数になりません)",
    "not a ratio": "率として読めません",
    "not a yes/no value (あり/なし)": "あり/なしとして読めません",
    "unknown prefecture": "都道府県名として読めません",
    "unknown employment code": "職業の区分として読めません",
    "unknown resolution code": "解決方法の区分として読めません",
    "unknown creditor type code": "債権者区分として読めません",
    "unknown servicer role code": "サービサー区分(譲受・委託)として読めません",
    "unknown judgment code": "債務名義の種類として読めません",
    # notes: the value was read, with a caveat
    "approximate": "概数(約)として読みました",
    "rounded to the nearest yen": "1円未満を四捨五入して読みました",
    "scientific notation; digits may be missing": "指数表記です(桁が欠けているおそれがあります)",
    "day missing; read as the 1st": "日がないため1日として読みました",
    "bare number above 1 read as a percentage": "1を超える数なので百分率(%)として読みました",
}

_PARSE_PATTERNS_JA: tuple[tuple[str, str], ...] = (
    (r"date does not exist \((?P<d>[\d-]+)\)", "存在しない日付です({d})"),
    (r"not a date \((?P<e>\S+?)0年 does not exist\)", "日付として読めません({e}0年はありません)"),
    (
        r"after the end of (?P<e>\S+); read by its Western year \((?P<y>\d+)\)",
        "{e}の終わりより後の年です。西暦{y}年として読みました",
    ),
    (
        r"before the start of (?P<e>\S+); read by its Western year \((?P<y>\d+)\)",
        "{e}の始まりより前の年です。西暦{y}年として読みました",
    ),
    (
        r"ambiguous amount \(after (?P<u>\S+), write (?P<n>\d+) digits or add 円\)",
        "金額があいまいです({u}の後は{n}桁で書くか、円を付けてください)",
    ),
)


def parse_reason_ja(reason: str) -> str:
    """A parser's reason (an error or notes joined by ``"; "``) in Japanese.

    A reason this table does not know is kept in English, in brackets, so
    that nothing is lost.

    Examples
    --------
    >>> parse_reason_ja("date does not exist (2019-02-29)")
    '存在しない日付です(2019-02-29)'
    >>> parse_reason_ja("approximate; day missing; read as the 1st")
    '概数(約)として読みました。日がないため1日として読みました'
    >>> parse_reason_ja("something new")
    '読めません(something new)'
    """
    if reason in _PARSE_REASONS_JA:
        return _PARSE_REASONS_JA[reason]
    for pattern, template in _PARSE_PATTERNS_JA:
        m = re.fullmatch(pattern, reason)
        if m:
            return template.format(**m.groupdict())
    parts = _split_notes(reason)
    if len(parts) > 1:
        return "。".join(parse_reason_ja(p) for p in parts)
    return f"読めません({reason})"


def _split_notes(reason: str) -> list[str]:
    """Notes joined by ``"; "``, split again (a known reason holding ``"; "`` stays whole)."""
    parts: list[str] = []
    for piece in reason.split("; "):
        if parts and f"{parts[-1]}; {piece}" in _PARSE_REASONS_JA:
            parts[-1] = f"{parts[-1]}; {piece}"
        elif parts and re.fullmatch(_WESTERN_YEAR, f"{parts[-1]}; {piece}"):
            parts[-1] = f"{parts[-1]}; {piece}"
        else:
            parts.append(piece)
    return parts


_WESTERN_YEAR = r"(after the end|before the start) of \S+; read by its Western year \(\d+\)"


def source_header_ja(header: str, column: str) -> str:
    """How a Japanese problem sentence names a column: the header as the analyst wrote it.

    A header that is the contract's English name gets its Japanese label beside it.

    Examples
    --------
    >>> source_header_ja("売却日", "sale_date"), source_header_ja("sale_date", "sale_date")
    ('「売却日」', '「sale_date」(売却日)')
    """
    label = column_label(column)
    if header.strip() == column and label != column:
        return f"「{header}」({label})"
    return f"「{header}」"


# issue 21: a servicer the registry does not know, with the nearest registry names
#: how the firm confirms a spelling: {language: where its registry file is named}
REGISTRY_FILE_HINT: Mapping[str, str] = MappingProxyType(
    {
        "ja": "事務所の登録簿ファイル(環境変数 OUTCOMES_SERVICERS または --servicers)",
        "en": "the firm's registry file (OUTCOMES_SERVICERS or --servicers)",
    }
)


def unknown_servicer_problem(
    header_ja: str, name: str, suggestions: tuple[str, ...] | list[str], language: str
) -> str:
    """The problem of a servicer name not in the registry, with the nearest registry names.

    The names nearby are a suggestion, never substituted: the name is kept as
    written, and the sentence says how the firm confirms it (the spelling
    added as an alias of that company in its own registry file).

    Examples
    --------
    >>> print(unknown_servicer_problem("「サービサー」", "SMBC債券回収", ["SMBC債権回収"], "ja"))
    登録にないサービサー: 「サービサー」の名前は登録サービサーの一覧にありません(もしかして: SMBC債権回収)。書かれたまま残しました。同じ会社なら、事務所の登録簿ファイル(環境変数 OUTCOMES_SERVICERS または --servicers)でSMBC債権回収の別名(aliases)に「SMBC債券回収」を加えると、次から一致します
    >>> print(unknown_servicer_problem("", "SMBC債券回収", ["SMBC債権回収"], "en"))
    unknown servicer: not in the registry of licensed servicers (did you mean: SMBC債権回収?); kept as written. If it is that company, add 'SMBC債券回収' to its aliases in the firm's registry file (OUTCOMES_SERVICERS or --servicers) and it will match
    >>> print(unknown_servicer_problem("", "山田債権回収", [], "en"))
    unknown servicer: not in the registry of licensed servicers; kept as written
    """
    names = list(suggestions)
    if language == "ja":
        if not names:
            return (
                f"登録にないサービサー: {header_ja}の名前は登録サービサーの一覧にありません。"
                "書かれたまま残しました"
            )
        return (
            f"登録にないサービサー: {header_ja}の名前は登録サービサーの一覧にありません"
            f"(もしかして: {'、'.join(names)})。書かれたまま残しました。同じ会社なら、"
            f"{REGISTRY_FILE_HINT['ja']}で{names[0]}の別名(aliases)に「{name}」を加えると、"
            "次から一致します"
        )
    if not names:
        return "unknown servicer: not in the registry of licensed servicers; kept as written"
    return (
        "unknown servicer: not in the registry of licensed servicers "
        f"(did you mean: {', '.join(names)}?); kept as written. If it is that company, add "
        f"{name!r} to its aliases in {REGISTRY_FILE_HINT['en']} and it will match"
    )
