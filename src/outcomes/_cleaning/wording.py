"""The cleaner's words: catalogues ``{code: (ja, en)}`` of the problems' kinds and sentences.

Each problem sentence starts with its kind and a colon in the run's language;
in Japanese it names the column by the header the analyst wrote. The kind is
also the problems table's ``kind`` column, a code nothing reads back out of a
sentence. The parsers' reasons and notes have their own catalogue beside the
parsers (:data:`outcomes._parse.PARSE_WORDS`); the cleaner renders them into
the ``{reason}`` of these sentences (issue 24).
"""

from __future__ import annotations

import string
from types import MappingProxyType

from outcomes._format import column_label, fill
from outcomes._messages import Catalogue, check_catalogue
from outcomes._privacy import PERSONAL_DATA_KINDS

__all__ = [
    "PERSONAL_DATA_WORDS",
    "PROBLEM_KINDS",
    "PROBLEM_WORDS",
    "RANGE_WORDS",
    "RESULT_LINES",
    "REGISTRY_FILE_HINT",
    "check_problem_words",
    "problem_sentence",
    "source_header_ja",
    "unknown_servicer_problem",
]

#: each kind of problem the cleaner reports, the problems table's ``kind`` column (a code,
#: contract §6's ``summary row``): {kind: (Japanese kind, English kind)}. Every problem
#: sentence starts with its kind and a colon, in the run's language.
PROBLEM_KINDS: Catalogue = MappingProxyType(
    {
        "not in contract": ("契約外の列", "not in contract"),
        "duplicate column": ("重複した列", "duplicate column"),
        "summary row": ("集計行", "summary row"),
        "personal data": ("個人情報", "personal data"),
        "unreadable": ("読めない値", "unreadable"),
        "noted": ("注記", "noted"),
        "unknown servicer": ("登録にないサービサー", "unknown servicer"),
        "out of range": ("範囲外", "out of range"),
        "inconsistent": ("矛盾", "inconsistent"),
        "ratio mismatch": ("和解率の不一致", "ratio mismatch"),
        "superseded": ("古い行", "superseded"),
        "missing column": ("欠けている列", "missing column"),
        "too long": ("長すぎる値", "too long"),
    }
)

#: what personal data a cell looked like (the codes of outcomes._privacy.personal_data_kind)
PERSONAL_DATA_WORDS: Catalogue = MappingProxyType(PERSONAL_DATA_KINDS)

#: the problems' sentences after their kind: {code: (ja, en)}. A Japanese sentence names
#: the column by the header the analyst wrote (``{header}``); an English one leaves it to
#: the problems table's ``column`` (:func:`check_problem_words`).
PROBLEM_WORDS: Catalogue = MappingProxyType(
    {
        "not in contract": (
            "列「{header}」は契約にない列なので出力しません(見出し行で1回だけ報告)",
            "column left out of the output (reported once, for the header)",
        ),
        "not in contract near": (
            "列「{header}」は契約にない列なので出力しません(見出し行で1回だけ報告。"
            "もしかして: 「{alias}」)",
            "column left out of the output (reported once, for the header; {header} → {alias}?)",
        ),
        # a key column no header names (analyst review N2): what follows from its absence
        "missing case_id": (
            "案件IDの列({headers})がありません。案件IDはすべて空欄になり、"
            "同じ案件の行をまとめることもできません{near}",
            "no case_id column ({headers}): every case id is empty, and rows of one case "
            "cannot be joined{near}",
        ),
        "missing residual_debt": (
            "残債の列({headers})がありません。和解率を計算できず、提示額も出せません{near}",
            "no residual_debt column ({headers}): no settlement ratio is derived, and no offer "
            "can be made{near}",
        ),
        "missing resolution": (
            "解決方法の列({headers})がありません。すべての案件を交渉中として読みました。"
            "解決済みの案件にも提示額が出てしまいます{near}",
            "no resolution column ({headers}): every case is read as pending, so resolved "
            "cases would get offers too{near}",
        ),
        "missing sale_date": (
            "売却日の列({headers})がありません。売却からの月数がわからず、"
            "モデルはその手がかりなしに予測します{near}",
            "no sale_date column ({headers}): the months since the sale are unknown to the "
            "models{near}",
        ),
        "near header": ("(もしかして: 「{header}」→「{alias}」)", " ({header} → {alias}?)"),
        # ranges (contract §4): the value as written, then why it is out of range
        "out of range": ("{header}の「{value}」は{why}。空欄にしました", "{value} {why}; emptied"),
        "inconsistent": (
            "{header}の年代{band}は年齢{age}歳と合いません。年齢の年代を残しました",
            "band {band} does not match age {age}; the band of the age is kept",
        ),
        "ratio mismatch": (
            "{header}の{given}は金額から計算した{derived}と違います。計算した値を残しました",
            "given {given}, derived from the amounts {derived}; the derived value is kept",
        ),
        "superseded": (
            "同じ案件の{winner}行目の方が新しいのでそちらを残し、この行は除外しました",
            "row {winner} of the same case is newer and was kept; this row is left out",
        ),
        "summary row": (
            "「{value}」は案件ではない集計行なので除外しました",
            "{value} is not a case; left out",
        ),
        "empty row": (
            "案件IDも契約の列の値もない行なので除外しました",
            "no case id and no contract value; left out",
        ),
        "duplicate column": (
            "列「{header}」も{name}の列ですが、すでに列「{other}」から読んだので使いません",
            "also names {name}, already read from {other}; left out",
        ),
        "joint debtor header": (
            "列「{header}」は保証人ではなく連帯債務者の列です。債務者の承認が連帯債務者の"
            "時効を更新しないなど、扱いが保証人と異なります(民法441条)",
            "the header {header} names a joint debtor (連帯債務者), not a guarantor: the "
            "debtor's acknowledgement does not renew a joint debtor's limitation (民法 §441)",
        ),
        "personal data": (
            "{header}の値は{what}のようなので消去しました",
            "looks like {what}; emptied",
        ),
        "guarantor name": (
            "{header}の値は人名のようです。保証人ありとして読み、名前は写しません",
            "looks like a person's name; read as true (a guarantor), the name is not copied",
        ),
        "unreadable": ("{header}の値は{reason}。空欄にしました", "{reason}; emptied"),
        "too long": (
            "{header}の値は{n}文字あり、表計算ソフトのセルに入る{limit}文字を超えるので消去しました"
            "(先頭だけを示します)",
            "{n} characters, more than a spreadsheet cell holds ({limit}); emptied (its start shown)",
        ),
        "noted": ("{header}の値は{reason}", "{reason}"),
        "unknown servicer": (
            "{header}の名前は登録サービサーの一覧にありません。書かれたまま残しました",
            "not in the registry of licensed servicers; kept as written",
        ),
        "unknown servicer suggested": (
            "{header}の名前は登録サービサーの一覧にありません(もしかして: {names})。"
            "書かれたまま残しました。同じ会社なら、{hint}で{first}の別名(aliases)に"
            "「{name}」を加えると、次から一致します",
            "not in the registry of licensed servicers (did you mean: {names}?); kept as "
            "written. If it is that company, add {name!r} to its aliases in {hint} and it "
            "will match",
        ),
    }
)


def problem_sentence(kind: str, code: str, language: str, **fields: object) -> str:
    """A problem's sentence: its kind, a colon, and the words of ``code`` in ``language``.

    Examples
    --------
    >>> problem_sentence("unreadable", "unreadable", "en", header="「売却日」", reason="not a date")
    'unreadable: not a date; emptied'
    >>> problem_sentence("unreadable", "unreadable", "ja", header="「売却日」", reason="日付として読めません")
    '読めない値: 「売却日」の値は日付として読めません。空欄にしました'
    """
    head = fill(PROBLEM_KINDS[kind], language, {})
    return f"{head}: {fill(PROBLEM_WORDS[code], language, fields)}"


def check_problem_words() -> None:
    """Raise ``ValueError`` unless every problem sentence has both languages, saying the same.

    The kinds and the personal data are plain catalogues
    (:func:`~outcomes._messages.check_catalogue`). A problem sentence's English
    names every field its Japanese names, but the Japanese may name more: the
    column's header as the analyst wrote it (``{header}``) and the registry name
    to add an alias to (``{first}``); the English leaves the column to the
    problems table's ``column``.

    Examples
    --------
    >>> check_problem_words()
    """
    for catalogue in (PROBLEM_KINDS, PERSONAL_DATA_WORDS, RESULT_LINES):
        check_catalogue(catalogue)
    for code, (ja, en) in (*PROBLEM_WORDS.items(), *RANGE_WORDS.items()):
        ja_fields, en_fields = _fields(ja), _fields(en)
        if not en_fields <= ja_fields or ja_fields - en_fields - {"header", "first"}:
            raise ValueError(f"{code}: the Japanese and English sentences name different fields")


def _fields(template: str) -> set[str]:
    return {name.split("!")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


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
#: the lines of :meth:`CleanResult.summary <outcomes._cleaning.CleanResult.summary>`
RESULT_LINES: Catalogue = MappingProxyType(
    {
        "source": ("読込元:   {where}", "source:   {where}"),
        "sheet": (" (シート {sheet})", " (sheet {sheet})"),
        "rows read": ("読んだ行:  {n}", "rows read: {n}"),
        "cases": ("案件:      {n}", "cases:     {n}"),
        "problems": ("問題:      {n}", "problems:  {n}"),
    }
)

#: why a value is out of range (contract §4), the ``{why}`` of an out-of-range problem
RANGE_WORDS: Catalogue = MappingProxyType(
    {
        "below": ("{limit}未満です", "is below {limit}"),
        "above": ("{limit}を超えています", "is above {limit}"),
        "under residual minimum": (
            "{limit}未満です(単位の万円が抜けていませんか)",
            "is under {limit} (is the unit 万円 missing?)",
        ),
        "before first year": ("{year}年より前です", "is before {year}"),
        "after today": (
            "クリーニングの日({today})より後です",
            "is after the day of cleaning ({today})",
        ),
        # {header}: the other column, as the Japanese sentence names it
        "before sale": ("{header}の日付より前です", "is before the sale date"),
        "above lump factor": (
            "{header}の{factor}倍を超えています",
            "is above {factor} times the residual debt",
        ),
    }
)

#: how the firm confirms a spelling: where its registry file is named, (ja, en)
REGISTRY_FILE_HINT: tuple[str, str] = (
    "事務所の登録簿ファイル(環境変数 OUTCOMES_SERVICERS または --servicers)",
    "the firm's registry file (OUTCOMES_SERVICERS or --servicers)",
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
    if not names:
        return problem_sentence("unknown servicer", "unknown servicer", language, header=header_ja)
    return problem_sentence(
        "unknown servicer",
        "unknown servicer suggested",
        language,
        header=header_ja,
        names=("、".join(names), ", ".join(names)),
        first=names[0],
        name=name,
        hint=REGISTRY_FILE_HINT,
    )
