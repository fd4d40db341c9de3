"""Personal data: detect it in every cell that can reach an output, and keep small groups out.

Two rules of the contract (§7) live here:

* a cell that looks like personal data is emptied by the cleaner and its
  value masked (``***``) wherever it would be repeated. The screen
  (:func:`personal_data_kind`, vectorised by :func:`personal_data_kinds`)
  reads each value in its NFKC form and, for digits, with kanji numerals as
  digits and every dash-like character as ``-``. It knows phones (mobile,
  landline, 0120; ``‐ − ー –``, dots, spaces, brackets, ``+81 (0)``, kanji
  numerals, ``TEL``), 〒 postal codes (and ``123-4567`` before a place),
  addresses down to 丁目/番地/番/号 (digits or kanji numerals, ``1-2-3``,
  ``桜木町4421``), names with an honorific (様, さん, 殿, 氏, 「…様から入金」),
  bare names in the columns of companies and ids (a name and nothing else,
  without an organisation's word: 銀行, 信用金庫, 債権回収, 株式会社 …),
  e-mail addresses (full-width, spelled ``at``/``dot``), My Number (4-4-4,
  or 12 digits outside an id column) and account or card numbers (7–8 digits
  beside 口座/普通/当座, 4×4 digits). ``benchmarks/privacy_screen.py``
  measures it on :func:`outcomes.datasets.personal_corpus`;
* reports, figures and aggregated exports never show a group of fewer than
  ``k`` cases (:func:`suppress_small_groups`, :func:`k_anonymous_mask`).

Its sentences are codes in one catalogue (:data:`PRIVACY_MESSAGES`,
:data:`PERSONAL_DATA_KINDS`), words made at the edges.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from outcomes._arguments import as_count
from outcomes._contract import (
    COLUMNS,
    DEFAULT_K,
    EMPLOYMENT_CODES,
    JUDGMENT_CODES,
    MISSING_MARKERS,
    PREFECTURE_NAMES,
    QUASI_IDENTIFIERS,
    RESOLUTION_CODES,
    SERVICER_ROLE_CODES,
)

__all__ = [
    "MASK",
    "MAX_CELL_CHARS",
    "PERSONAL_DATA_KINDS",
    "PRIVACY_MESSAGES",
    "mask_personal",
    "holds_personal_data",
    "mask_problem_values",
    "screen_cells",
    "safe_label",
    "k_anonymous_mask",
    "personal_data_kind",
    "personal_data_kinds",
    "suppress_small_groups",
]

#: what the problems table shows instead of a personal value
MASK = "***"
#: the most characters a spreadsheet cell holds (Excel's limit): a longer cell is no value
MAX_CELL_CHARS = 32_767

#: the kinds of personal data the screen tells apart, and how a sentence names each
PERSONAL_DATA_KINDS: dict[str, tuple[str, str]] = {
    "e-mail address": ("メールアドレス", "an e-mail address"),
    "phone number": ("電話番号", "a phone number"),
    "postal code": ("郵便番号", "a postal code"),
    "street address": ("番地まである住所", "a street address"),
    "person's name": ("人名", "a person's name"),
    "individual number": ("マイナンバー(個人番号)", "an individual number (My Number)"),
    "account number": ("口座・カードの番号", "a bank account or card number"),
}

#: this room's sentences, as codes (issue 24): {code: (ja, en)}
PRIVACY_MESSAGES: dict[str, tuple[str, str]] = {
    "registry.personal": (
        "サービサーのファイル{source}: {row}行目の{column}は{kind}のようです。"
        "個人情報は登録できません",
        "servicer file {source}: row {row}, {column} looks like {kind}; "
        "a registry holds company names only",
    ),
}

# --------------------------------------------------------------------------
# The detector: one value at a time, on its NFKC form
# --------------------------------------------------------------------------

_KANJI_DIGITS = str.maketrans("〇○◯零一二三四五六七八九", "0000123456789")
#: dash-like characters typed between digits (after NFKC: － is -, ｰ is ー)
_DASHES = re.compile("[\u2010-\u2015\u2212\u30fc\u2500\u2501~\u301c]")
_SEP = r"[ \t\-.・]"  # between the groups of a number, in the number view

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EMAIL_SPELLED = re.compile(
    r"[\w.+-]+\s*(?:\(at\)|\[at\]|<at>|\sat\s|アットマーク|アット)\s*[\w-]+"
    r"(?:\s*(?:\.|\(dot\)|\[dot\]|<dot>|\sdot\s|ドット)\s*[\w-]+)+",
    re.IGNORECASE,
)
#: a domestic number: area/prefix, exchange, line, with optional () and separators
_PHONE = re.compile(
    rf"(?<![0-9.])\(?0[0-9]{{1,4}}\)?{_SEP}*\(?(?P<exchange>[0-9]{{1,4}})\)?{_SEP}*[0-9]{{3,4}}(?![0-9])"
)
_PHONE_INTL = re.compile(
    rf"\+{_SEP}*81{_SEP}*(?:\(0\))?{_SEP}*\(?[0-9]{{1,4}}\)?{_SEP}*[0-9]{{1,4}}{_SEP}*"
    r"[0-9]{3,4}(?![0-9])"
)
_PHONE_WORD = re.compile(r"(?:TEL|FAX|電話|携帯|連絡先)\s*[:.]?\s*\(?[0-9]", re.IGNORECASE)
_MY_NUMBER = re.compile(rf"(?<![0-9])[0-9]{{4}}{_SEP}[0-9]{{4}}{_SEP}[0-9]{{4}}(?![0-9])")
_MY_NUMBER_WORD = re.compile(r"(?:マイナンバー|個人番号|my\s?number)\D{0,6}[0-9]", re.IGNORECASE)
_CARD = re.compile(rf"(?<![0-9])[0-9]{{4}}(?:{_SEP}[0-9]{{4}}){{3}}(?![0-9])")
_DIGIT_RUN = re.compile(r"(?<![0-9.])[0-9]{10,}(?![0-9])")
_ACCOUNT_WORD = re.compile(r"口座|普通|当座|預金|貯金|記号|店番|acct|account", re.IGNORECASE)
_ACCOUNT_DIGITS = re.compile(r"(?<![0-9.])[0-9]{7,8}(?![0-9])")
_POSTAL = re.compile(r"〒\s*[0-9]{3}\s*-?\s*[0-9]{4}|郵便番号\s*[:]?\s*[0-9]{3}-?[0-9]{4}")
_POSTAL_ALONE = re.compile(r"^[0-9]{3}-[0-9]{4}$")
_POSTAL_BEFORE_PLACE = re.compile(
    r"(?<![0-9])[0-9]{3}-[0-9]{4}(?![0-9])\s*(?:東京都|北海道|京都府|大阪府|\S{1,3}県|\S{1,8}?[市区町村郡])"
)
_NUM = r"[0-9十百千]+"
_ADDRESS = re.compile(
    rf"{_NUM}\s?丁目|{_NUM}\s?番地|{_NUM}\s?番\s?[0-9]+\s?号?|[0-9]+\s?号(?:室|棟)"
    r"|[都道府県市区町村郡].{0,14}?[0-9]{1,5}(?:\s?-\s?[0-9]{1,5}){1,3}(?![0-9])"
    r"|[^\W0-9_]{1,12}[町村丁]\s?[0-9]{1,5}(?=$|\s|-|番|号)"
)
#: a place and its number, nothing else (梅田876, 北七条西1862): an address outside an id column
_ADDRESS_COMPACT = re.compile(r"[一-龥々ヶ]{2,10}[0-9]{1,5}(?:-[0-9]{1,5}){0,3}")
#: a name with an honorific; not お客様, 皆様, 様式, 御殿場, 氏名, 君津 …
_HONORIFIC = re.compile(
    r"[一-龥々〆ヶ\u3400-\u4dbfぁ-んァ-ヴーA-Za-z](?<!お客)(?<!皆)(?<!同)(?<!模)(?<!仕)(?<!多)"
    r"(?<!各)\s?(?:様(?![式態相子])|さま|殿(?![一-龥])|氏(?![一-龥])|君(?![一-龥])|ちゃん"
    r"|(?<=[一-龥々ァ-ヴー])さん|(?<=[一-龥々ァ-ヴー])くん)"
    r"|[一-龥々]{1,4}[ぁ-ん]{2,4}(?:さん|くん)"
)


def _views(text: str) -> tuple[str, str]:
    """The NFKC text, and its number view (kanji digits as digits, dashes as ``-``)."""
    value = unicodedata.normalize("NFKC", text).strip()
    return value, _DASHES.sub("-", value.translate(_KANJI_DIGITS))


def _phone(number: str, ids: bool) -> bool:
    for m in _PHONE_INTL.finditer(number):
        digits = re.sub(r"[^0-9]", "", m.group())[2:]
        digits = digits[1:] if digits.startswith("0") else digits
        if 9 <= len(digits) <= 10:
            return True
    for m in _PHONE.finditer(number):
        span = m.group()
        digits = re.sub(r"[^0-9]", "", span)
        if digits.startswith("00") or len(digits) not in (10, 11):
            continue
        if len(digits) == 11 and digits[1] in "5789" and digits[2] == "0":
            return True  # a mobile (or 050) number, with or without separators
        if len(digits) == 10 and not ids:
            return True  # a landline or 0120
        if len(digits) == 10 and span != digits and not m["exchange"].startswith("0"):
            return True  # in an id column, separated, and its exchange a real one (not 0…)
        if span != digits and len(digits) == 11 and digits.startswith(("0120", "0800")):
            return True
    return bool(_PHONE_WORD.search(number))


def _digit_kind(number: str, ids: bool) -> str | None:
    """Phone, My Number, postal code or account number in the number view."""
    if _phone(number, ids):
        return "phone number"
    if _POSTAL.search(number) or _POSTAL_BEFORE_PLACE.search(number):
        return "postal code"
    if _MY_NUMBER.search(number) or _MY_NUMBER_WORD.search(number):
        return "individual number"
    if _CARD.search(number):
        return "account number"
    if _ACCOUNT_WORD.search(number) and _ACCOUNT_DIGITS.search(number):
        return "account number"
    if not ids:
        if _POSTAL_ALONE.match(number):
            return "postal code"
        run = _DIGIT_RUN.search(number)
        if run is not None and len(run.group()) in (12, 16):
            return "individual number" if len(run.group()) == 12 else "account number"
    return None


# -- names without an honorific (in the columns that hold companies and ids) --

#: words of organisations and of the contract's codes: a value holding one is not a name
_NOT_A_NAME = re.compile(
    "銀行|信金|信用|金庫|組合|信組|農協|漁協|協同|協会|債権|回収|機構|公庫|保証|株式|有限|合同"
    "|合資|合名|会社|商事|商会|物産|不動産|興業|産業|工業|建設|証券|證券|信託|生命|損保|保険|海上"
    "|火災|共済|金融|融資|財団|社団|法人|事務所|法律|支店|本店|営業|出張所|本部|政策|国民|国税"
    "|税務|役所|役場|年金|機関|公社|公団|事業|開発|総合|管理|投資|資産|住宅|日本|東京|大阪|第一"
    "|第二|第三|三井住友|三菱|住友|地所|ホーム|センター|しんきん|ぎんこう|ローン|リース|カード|ファイナンス"
    "|クレジット|キャピタル|サービサー|ホールディングス|グループ|ネット|バンク|ろうきん|フラット"
    "|モーゲージ|コーポレーション|サービス|パートナーズ|アセット|マネジメント|ジャパン"
    "|主婦|社員|自営|無職|弁済|和解|分割|一括|破産|再生|整理|援用|交渉|協議|未定|時効|判決|督促"
    "|調停|譲受|委託|受託|買取|売却|不明|該当|予定|継続|完了|終了|請求|合意|支払|返済|期間|期限"
    "|月額|金額|残債|遅延|損害|利率|学生|その他|生活|受給|事業主|公務員|個人|民事|小規模|給与"
    # the contract's and the negotiation log's own words for people's roles and answers (§2, §9)
    "|債務|連帯|相続|代理|弁護|司法|書士|本人|家族|依頼|相談|当方|先方|相手|稟議|通知|受任"
    "|確認|提出|状況|審査|決裁|上申|拒否|拒絶|否決|謝絶|承諾|受諾|了承|応諾|撤回|取下|失効|徒過"
    "|不履行|白紙|内諾|仮合意|逆提案|対案|条件|修正|提示|提案|回答|検討|保留|案件|番号"
    r"|[0-9]|[都道府県市区町村郡局署課部店社所庁省院館園校会団庫行組協業職員済中払]$"
    r"|[〇一二三四五六七八九十百千]+(?:歳|才|円|万|億|年|ヶ月|か月|回|人|件|名)"
)
_NOT_A_NAME_EN = re.compile(
    r"\b(?:bank|co|ltd|inc|corp|corporation|company|servicer|servicing|finance|financial"
    r"|capital|credit|card|holdings?|trust|group|partners|japan|ja|shinkin|kinko|loan|lease"
    r"|leasing|insurance|life|securities|fund|asset|assets|management|investment|agency"
    r"|union|association|cooperative|mortgage|housing|services?|collection|recovery|sample"
    r"|test|post|office|national|city|prefecture|government|tax|pension|llc|plc|gk|kk)\b",
    re.IGNORECASE,
)
_KANJI = "[一-龥々〆ヶ\u3400-\u4dbf\uf900-\ufaff]"
_NAME_KANJI = re.compile(rf"{_KANJI}{{3,7}}|{_KANJI}{{1,4}}\s{_KANJI}{{1,4}}")
_NAME_KANJI_KANA = re.compile(
    rf"{_KANJI}{{1,3}}\s?[ぁ-ん]{{2,4}}|{_KANJI}{{1,3}}\s[ァ-ヴー]{{2,5}}|[ァ-ヴー]{{2,6}}\s?{_KANJI}{{1,3}}"
)
_NAME_KATAKANA_SPACED = re.compile(r"[ァ-ヴー]{2,8}\s[ァ-ヴー]{2,8}")
_NAME_KATAKANA = re.compile(r"[ァ-ヴー]{5,12}")
_KANA_SURNAMES = (
    "ヤマダ|サトウ|スズキ|タカハシ|タナカ|ワタナベ|イトウ|ナカムラ|コバヤシ|ヤマモト|カトウ|ヨシダ"
    "|ヤマグチ|マツモト|イノウエ|キムラ|ハヤシ|シミズ|ヤマザキ|アベ|イケダ|ハシモト|ヤマシタ|イシカワ"
    "|ナカジマ|マエダ|フジタ|オガワ|ゴトウ|オカダ|ハセガワ|ムラカミ|コンドウ|イシイ|サイトウ|サカモト"
    "|エンドウ|アオキ|フジイ|ニシムラ|フクダ|オオタ|ミウラ|フジワラ|オカモト|マツダ|ナカガワ|ナカノ"
    "|ハラダ|オノ|タムラ|タケウチ|カネコ|ワダ|ナカヤマ|イシダ|ウエダ|モリタ|ハラ|シバタ|サカイ|クドウ"
)
_KANA_GIVEN_ENDINGS = (
    "ロウ|ロー|スケ|ベエ|ベイ|ヘイ|ゾウ|キチ|ヒコ|ハル|アキ|ユキ|ヒロ|カズ|タカ|ミツ|ナオ|マサ|ノリ"
    "|トシ|イチ|コ|ミ|エ|ヨ|ヤ|キ|ト|シ|オ|ジ"
)
_NAME_KATAKANA_PARTS = re.compile(
    rf"(?:{_KANA_SURNAMES})[ァ-ヴー]{{2,}}|[ァ-ヴー]{{3,}}(?:{_KANA_GIVEN_ENDINGS})"
)
_NAME_ROMAN = re.compile(
    r"[A-Z][a-z]+\.?\s+[A-Z][a-z]+|[A-Z]{2,}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+[A-Z]{2,}"
)


#: the contract's own words (鹿児島, アルバイト, 任意整理 …) and what sheets write for 'unknown'
_CONTRACT_WORDS = frozenset(
    [*PREFECTURE_NAMES, *MISSING_MARKERS, "要確認", "確認中", "未確認", "調査中", "未記入", "不詳"]
    + [w for codes in (EMPLOYMENT_CODES, RESOLUTION_CODES, SERVICER_ROLE_CODES, JUDGMENT_CODES)
       for words in codes.values() for w in words]
    # the contract's own headers (世帯人数, 家族人数, 都道府県 …): a column's label is no person
    + [h for column in COLUMNS for h in column.aliases]
)  # fmt: skip


def _bare_name(value: str) -> bool:
    """A person's name without an honorific: a value that is a name and nothing else."""
    if value in _CONTRACT_WORDS or _NOT_A_NAME.search(value):
        return False
    if value.isascii():
        return _NAME_ROMAN.fullmatch(value) is not None and not _NOT_A_NAME_EN.search(value)
    if (
        _NAME_KANJI.fullmatch(value)
        or _NAME_KANJI_KANA.fullmatch(value)
        or _NAME_KATAKANA_SPACED.fullmatch(value)
    ):
        return True
    if _NAME_KATAKANA.fullmatch(value):
        return _NAME_KATAKANA_PARTS.fullmatch(value) is not None
    # a name followed by a word of the case (「鰐淵権兵衛から入金」): the sentence's subject
    m = re.fullmatch(rf"({_KANJI}{{3,7}})(?:から|より)\S{{0,8}}", value)
    return m is not None and not _NOT_A_NAME.search(m.group(1))


def personal_data_kind(text: object, *, names: bool = False, ids: bool = False) -> str | None:
    """Say what kind of personal data a text cell looks like, or ``None``.

    The cell is read in its NFKC form (full-width letters, digits and
    symbols as ASCII), and its digits also with kanji numerals as digits and
    every dash-like character (‐ − ー – …) as ``-``.

    Parameters
    ----------
    text : object
        A raw cell; non-strings never look personal.
    names : bool, default False
        Also take a bare name (no honorific: ``鰐淵権兵衛``, ``鰐淵 権之助``,
        ``Gonbei Wanibuchi``) for a person's name. Meant for the columns that
        hold companies or ids, where a value without an organisation's word
        (銀行, 信用金庫, 債権回収, 株式会社 …) that reads as a person's name is
        one; a category column's words would not pass it.
    ids : bool, default False
        The value is an id: a bare run of digits (10 or 12 of them) is an id
        there, not a phone or an individual number (separated forms still are).

    Returns
    -------
    str or None
        A key of :data:`PERSONAL_DATA_KINDS` or ``None``.

    Examples
    --------
    >>> personal_data_kind("090-1234-5678")
    'phone number'
    >>> personal_data_kind("〇九〇・一二三四・五六七八"), personal_data_kind("+81 (0)90 1234 5678")
    ('phone number', 'phone number')
    >>> personal_data_kind("テスト太郎様から入金あり")
    "person's name"
    >>> personal_data_kind("埼玉県さいたま市大宮区桜木町1-2-3"), personal_data_kind("三丁目五番六号")
    ('street address', 'street address')
    >>> personal_data_kind("〒３３０－０８５４")
    'postal code'
    >>> personal_data_kind("someone＠example．com")
    'e-mail address'
    >>> personal_data_kind("1234 5678 9012"), personal_data_kind("普通 口座1234567")
    ('individual number', 'account number')
    >>> personal_data_kind("テスト太郎", names=True), personal_data_kind("テスト太郎")
    ("person's name", None)
    >>> personal_data_kind("アビリオ債権回収株式会社", names=True) is None
    True
    """
    if not isinstance(text, str) or not text:
        return None
    value, number = _views(text)
    if _EMAIL.search(value) or _EMAIL_SPELLED.search(value):
        return "e-mail address"
    kind = _digit_kind(number, ids)
    if kind is not None:
        return kind
    if _ADDRESS.search(number) or (not ids and _ADDRESS_COMPACT.fullmatch(value)):
        return "street address"
    if _HONORIFIC.search(value):
        return "person's name"
    if names and _bare_name(value):
        return "person's name"
    return None


# --------------------------------------------------------------------------
# The screen of a column: each distinct value once, a vectorised pre-test first
# --------------------------------------------------------------------------

_D = "[0-9〇○◯零一二三四五六七八九]"
_S = "[ \t\\-.・()\u2010-\u2015\u2212\u30fc~\u301c]"
#: a cheap test on the NFKC text: only values passing it can look personal (RE2 and re alike)
_CANDIDATE = re.compile(
    "@| at |\\(at\\)|\\[at\\]|<at>|アット|様|さま|さん|殿|氏|君|くん|ちゃん|丁目|番|号|〒"
    f"|TEL|Tel|tel|FAX|Fax|fax|電話|携帯|連絡先|マイナンバー|個人番号|口座|普通|当座|預金|貯金|記号"
    f"|[mM][yY] ?[nN]umber|[aA]cc(?:oun)?t|{_D}(?:{_S}*{_D}){{9,}}|[0-9]{{3}}-[0-9]{{4}}"
    f"|[都道府県市区町村郡][^0-9]{{0,12}}[0-9]|[町村丁]{_S}*[0-9]|^[一-龥々ヶ]{{2,10}}[0-9]"
)
#: a number as a program writes it (``0.016559014719411717``, ``1e+09``): never personal
_PLAIN_NUMBER = re.compile(r"^-?[0-9]*\.[0-9]+(?:[eE][-+]?[0-9]+)?$|^-?[0-9]+[eE][-+]?[0-9]+$")
#: values that might be a bare name: no digit, short
_NAME_CANDIDATE = re.compile("^[^0-9]{2,40}$")

#: columns with this few distinct values are screened value by value, without Arrow
_FEW = 16


def personal_data_kinds(values: pd.Series, *, names: bool = False, ids: bool = False) -> pd.Series:
    """:func:`personal_data_kind` of each value, each distinct value tested once.

    A cheap pattern first, in Arrow: over every cell of an ASCII column (ids,
    amounts, dates: no hash of a million distinct values), over the distinct
    NFKC forms otherwise; only the values passing it are looked at one by one.

    Examples
    --------
    >>> personal_data_kinds(pd.Series(["C001", "090-1234-5678", None])).tolist()
    [None, 'phone number', None]
    >>> personal_data_kinds(pd.Series(["みずほ銀行", "鰐淵 権之助"]), names=True).tolist()
    [None, "person's name"]
    """
    text = values if isinstance(values.dtype, pd.StringDtype) else values.astype("string")
    kinds = np.full(len(values), None, dtype=object)
    rows = np.arange(len(text))
    if len(text) > _FEW and _all_ascii(text):  # the pre-test on every cell, then the few hits
        rows = np.flatnonzero(_candidates(text, names))
        text = text.iloc[rows]
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    if len(uniques):
        distinct = pd.Series(np.asarray(uniques, dtype=object), dtype="string")
        found = np.full(len(distinct), None, dtype=object)
        for i in np.flatnonzero(_candidates(distinct, names)):
            found[i] = personal_data_kind(distinct.iat[i], names=names, ids=ids)
        hit = codes >= 0
        kinds[rows[hit]] = found[codes[hit]]
    return pd.Series(kinds, index=values.index, dtype=object, copy=False)


def _all_ascii(text: pd.Series) -> bool:
    import pyarrow as pa
    import pyarrow.compute as pc

    return bool(pc.all(pc.string_is_ascii(pa.array(text.array, type=pa.large_string()))).as_py())


def _ascii_candidates(text: pd.Series) -> np.ndarray:
    """The pre-test in Arrow's RE2 on text as it is (its ``\\d`` and ``.`` are Python's on ASCII)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found = pc.match_substring_regex(
        pa.array(text.array, type=pa.large_string()), _CANDIDATE.pattern
    )
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False)


def _candidates(text: pd.Series, names: bool) -> np.ndarray:
    """Which values pass the pre-test on their NFKC form (missing ones never do)."""
    if len(text) <= _FEW:
        normal = [None if pd.isna(u) else unicodedata.normalize("NFKC", u) for u in text]
        return np.array(
            [
                u is not None
                and _PLAIN_NUMBER.match(u) is None
                and (
                    _CANDIDATE.search(u) is not None
                    or (names and _NAME_CANDIDATE.match(u.strip()) is not None)
                )
                for u in normal
            ],
            dtype=bool,
        )
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.array(text.array, type=pa.large_string())
    if not pc.all(pc.string_is_ascii(array)).as_py():
        array = pc.utf8_normalize(array, "NFKC")
    found = pc.match_substring_regex(array, _CANDIDATE.pattern)
    if names:
        found = pc.or_(
            found, pc.match_substring_regex(pc.utf8_trim_whitespace(array), _NAME_CANDIDATE.pattern)
        )
    found = pc.and_not(found, pc.match_substring_regex(array, _PLAIN_NUMBER.pattern))
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False)


def mask_personal(values: pd.Series, *, names: bool = True, ids: bool = False) -> pd.Series:
    """``values`` with every personal one replaced by :data:`MASK` (each distinct value screened once).

    Examples
    --------
    >>> mask_personal(pd.Series(["A1", "鰐淵権兵衛様から入金", None])).tolist()
    ['A1', '***', nan]
    """
    found = personal_data_kinds(values, names=names, ids=ids).notna().to_numpy()
    if not found.any():
        return values
    out = values.astype(object).copy()
    out[found] = MASK
    return out.astype(values.dtype) if isinstance(values.dtype, pd.StringDtype) else out


#: columns whose values may be a bare name (companies, ids)
_NAME_COLUMNS = ("case_id", "creditor", "servicer")


def screen_cells(column: str, text: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Which cells of one column the cleaner empties, and why, as codes.

    A cell longer than a spreadsheet cell holds (:data:`MAX_CELL_CHARS`) is
    one no output can hold whole (an .xlsx cell cuts it); every other cell
    that looks like personal data gets its kind (a key of
    :data:`PERSONAL_DATA_KINDS`). Bare names count in the columns of
    companies and ids only; digit runs of ``case_id`` are ids. The guarantor
    column reads a name as 'there is one' and masks it itself.

    Returns
    -------
    too_long : ndarray of bool
    kinds : Series of str or None

    Examples
    --------
    >>> too_long, kinds = screen_cells("creditor", pd.Series(["みずほ銀行", "鰐淵 権之助"]))
    >>> too_long.tolist(), kinds.tolist()
    ([False, False], [None, "person's name"])
    """
    long = text.str.len().to_numpy(dtype="float64", na_value=0) > MAX_CELL_CHARS
    if long.any():
        text = text.mask(long)
    if column == "guarantor":
        return long, pd.Series(None, index=text.index, dtype=object)
    kinds = personal_data_kinds(text, names=column in _NAME_COLUMNS, ids=column == "case_id")
    return long, kinds


def holds_personal_data(cases: pd.DataFrame) -> bool:
    """Whether a clean table's text columns hold anything the cleaner would have emptied.

    Examples
    --------
    >>> holds_personal_data(pd.DataFrame({"case_id": ["A1"], "servicer": ["鰐淵 権之助"]}))
    True
    """
    for column in ("case_id", "prefecture", "creditor", "servicer"):
        if column in cases.columns:
            _, kinds = screen_cells(column, cases[column].astype("string"))
            if kinds.notna().any():
                return True
    return False


def mask_problem_values(problems: pd.DataFrame) -> pd.DataFrame:
    """A problems table whose ``value`` (and sentence) repeats nothing personal (contract §7, §8).

    Every value of every column is screened (bare names included, digit runs
    of a ``case_id`` row read as ids); a personal one becomes :data:`MASK`,
    in the ``value`` and wherever the sentence quoted it.

    Examples
    --------
    >>> t = pd.DataFrame({"row": [2, 3], "column": ["sale_date", "age"],
    ...                   "value": ["090ー1234ー5678", "150"],
    ...                   "problem": ["unreadable: not a date; emptied", "out of range: 150"]})
    >>> mask_problem_values(t)["value"].tolist()
    ['***', '150']
    """
    if not len(problems) or "value" not in problems.columns:
        return problems
    values = problems["value"].astype("string")
    is_id = (problems["column"] == "case_id").to_numpy() if "column" in problems else None
    found = personal_data_kinds(values, names=True).notna().to_numpy().copy()
    if is_id is not None and is_id.any():
        found[is_id] = personal_data_kinds(values[is_id], names=True, ids=True).notna().to_numpy()
    if not found.any():
        return problems
    out = problems.copy()
    raw = values[found]
    out.loc[found, "value"] = MASK
    if "problem" in out.columns:
        sentences = out.loc[found, "problem"].astype(str).tolist()
        for i, (said, value) in enumerate(zip(sentences, raw.tolist(), strict=True)):
            for form in {value, unicodedata.normalize("NFKC", value), value.strip()} - {""}:
                said = said.replace(form, MASK)
            sentences[i] = said
        out.loc[found, "problem"] = sentences
    return out


def k_anonymous_mask(
    cases: pd.DataFrame,
    k: int = DEFAULT_K,
    quasi_identifiers: Sequence[str] = QUASI_IDENTIFIERS,
) -> pd.Series:
    """Rows whose quasi-identifier group holds at least ``k`` cases.

    Missing values form a group of their own. Quasi-identifiers absent from
    the table are ignored.

    Examples
    --------
    >>> df = pd.DataFrame({"age_band": ["40s"] * 5 + ["80s"], "prefecture": ["埼玉県"] * 6})
    >>> k_anonymous_mask(df, k=5).tolist()
    [True, True, True, True, True, False]
    """
    cols = [c for c in quasi_identifiers if c in cases.columns]
    if not cols:
        return pd.Series(len(cases) >= k, index=cases.index)
    sizes = cases.groupby(cols, dropna=False, observed=True)[cols[0]].transform("size")
    return (sizes >= k).reindex(cases.index, fill_value=False)


def suppress_small_groups(
    table: pd.DataFrame, k: int = DEFAULT_K, *, count: str = "cases"
) -> pd.DataFrame:
    """Drop the rows of an aggregated table whose group holds fewer than ``k`` cases.

    Parameters
    ----------
    table : DataFrame
        One row per group, with a column of group sizes.
    k : int
        Smallest group that may be shown.
    count : str
        Name of the column holding the group sizes.

    Examples
    --------
    >>> t = pd.DataFrame({"servicer": ["A", "B"], "cases": [12, 3]})
    >>> suppress_small_groups(t, k=5)
      servicer  cases
    0        A     12
    """
    k = as_count(k, "k")
    return table[table[count] >= k]


def safe_label(value: object) -> str:
    """A group label fit to print: masked when it looks like personal data.

    Examples
    --------
    >>> safe_label("アビリオ債権回収"), safe_label("090-0000-0000")
    ('アビリオ債権回収', '***')
    """
    text = "" if value is None or value is pd.NA else str(value)
    return MASK if personal_data_kind(text, names=True) is not None else text
