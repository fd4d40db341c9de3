"""A corpus to measure the personal-data screen as a detector (issue 26).

Positives: made-up personal strings in the forms people type into case
sheets — phones with every dash, dots, spaces, kanji numerals, ``+81 (0)``
or brackets; 〒 postal codes; addresses down to 丁目/番地/号 (digits or kanji
numerals, ``1-2-3`` or compact); names with and without an honorific, in
kanji, kana and romaji, and inside a note (「…様から入金」); e-mail
addresses (full-width, spelled ``at``/``dot``); My Number and account
digits — each also in full-width characters where people write it so.

Negatives: real company names as they are written in the creditor and
servicer columns — the registry's names, legal names, former names and
aliases, Japan's banks, 信用金庫, 信用組合, 労働金庫 and JA — in the spellings
of a case sheet (株式会社 before or after, (株), a branch, full-width
letters). A second, harder set (card and consumer-finance companies, public
lenders, guarantors) is reported apart.

Everything is generated from a seed; no string is a real person's.
"""

from __future__ import annotations

import random
import unicodedata

import pandas as pd

__all__ = ["personal_corpus"]

_SURNAMES = (
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
    "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本",
    "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤",
    "鰐淵", "勅使河原", "五十嵐", "東海林", "小鳥遊", "御手洗", "四月一日", "百目鬼", "千葉", "宮崎",
)  # fmt: skip
_GIVEN = (
    "太郎", "花子", "一郎", "健太", "翔", "美咲", "陽菜", "大輔", "直樹", "由美", "恵子", "誠",
    "権兵衛", "権之助", "与三郎", "さくら", "ひなた", "まゆみ", "正", "和子", "浩二", "智子",
)  # fmt: skip
_KANA = (
    ("ヤマダ", "タロウ"), ("サトウ", "ハナコ"), ("ワニブチ", "ゴンベエ"), ("スズキ", "イチロウ"),
    ("タナカ", "ケンタ"), ("イトウ", "ミサキ"), ("ナカムラ", "ヨシコ"), ("コバヤシ", "ダイスケ"),
)  # fmt: skip
_ROMAN = (
    ("Taro", "Yamada"), ("Hanako", "Sato"), ("Gonbei", "Wanibuchi"), ("Ichiro", "Suzuki"),
    ("Kenta", "Tanaka"), ("Misaki", "Ito"), ("Yoshiko", "Nakamura"), ("Daisuke", "Kobayashi"),
)  # fmt: skip
_CITIES = (
    ("埼玉県", "さいたま市大宮区", "桜木町"), ("東京都", "世田谷区", "三軒茶屋"),
    ("神奈川県", "横浜市港北区", "日吉本町"), ("大阪府", "大阪市北区", "梅田"),
    ("千葉県", "船橋市", "本町"), ("福岡県", "福岡市中央区", "天神"), ("北海道", "札幌市北区", "北七条西"),
    ("愛知県", "名古屋市中村区", "名駅"), ("宮城県", "仙台市青葉区", "一番町"), ("長野県", "松本市", "中央"),
)  # fmt: skip
_KANJI_DIGITS = "〇一二三四五六七八九"
_DASHES = ("-", "‐", "−", "ー", "–", "―", "－", ".", " ", "・", "")


def _kanji(n: int | str) -> str:
    """Digits as kanji numerals, one by one (四四二〇), as numbers are written in addresses."""
    return "".join(_KANJI_DIGITS[int(d)] for d in str(n))


def _kanji_number(n: int) -> str:
    """A small number in kanji as a count is read (十三, 二十一)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _KANJI_DIGITS[tens] + "十")
    return head + ("" if ones == 0 else _KANJI_DIGITS[ones]) or "〇"


def _wide(text: str) -> str:
    """Full-width digits, letters and ASCII symbols (what NFKC undoes)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _phone_digits(r: random.Random) -> tuple[str, ...]:
    kind = r.random()
    if kind < 0.5:
        return (
            r.choice(("090", "080", "070")),
            f"{r.randrange(10000):04d}",
            f"{r.randrange(10000):04d}",
        )
    if kind < 0.7:
        return ("03", f"{r.randrange(1000, 10000)}", f"{r.randrange(10000):04d}")
    if kind < 0.85:
        return (
            f"0{r.randrange(11, 100)}",
            f"{r.randrange(100, 1000)}",
            f"{r.randrange(10000):04d}",
        )
    return (r.choice(("0120", "0800")), f"{r.randrange(100, 1000)}", f"{r.randrange(1000):03d}")


def _phones(r: random.Random) -> list[tuple[str, str]]:
    a, b, c = _phone_digits(r)
    sep = r.choice(_DASHES[:-1])
    out = [
        ("phone_" + {" ": "space", ".": "dots"}.get(sep, "dash"), f"{a}{sep}{b}{sep}{c}"),
        ("phone_fullwidth", _wide(f"{a}-{b}-{c}")),
        (
            "phone_kanji",
            "・".join(_kanji(x) for x in (a, b, c)),
        ),
        ("phone_paren", f"({a}){b}-{c}" if r.random() < 0.5 else f"{a}({b}){c}"),
        ("phone_intl", f"+81 (0){a[1:]} {b} {c}" if r.random() < 0.5 else f"+81-{a[1:]}-{b}-{c}"),
        ("phone_tel", f"TEL:{a}{b}{c}" if r.random() < 0.5 else f"電話 {a}-{b}-{c}"),
    ]
    if a.startswith("0") and a[1:3] in ("90", "80", "70"):
        out.append(("phone_plain", f"{a}{b}{c}"))
    return out


def _postal(r: random.Random) -> list[tuple[str, str]]:
    a, b = r.randrange(100, 1000), r.randrange(10000)
    pref, city, town = r.choice(_CITIES)
    return [
        ("postal", f"〒{a}-{b:04d}"),
        ("postal_fullwidth", _wide(f"〒{a}-{b:04d}")),
        ("postal_no_dash", f"〒{a}{b:04d}"),
        ("postal_with_address", f"{a}-{b:04d} {pref}{city}"),
    ]


def _addresses(r: random.Random) -> list[tuple[str, str]]:
    pref, city, town = r.choice(_CITIES)
    c, b, g = r.randrange(1, 10), r.randrange(1, 40), r.randrange(1, 30)
    return [
        ("address_digits", f"{pref}{city}{town}{c}-{b}-{g}"),
        ("address_chome", f"{city}{town}{c}丁目{b}番{g}号"),
        ("address_kanji", f"{city}{town}{_kanji_number(c)}丁目{_kanji(r.randrange(1, 5000))}番"),
        ("address_kanji_short", f"{_kanji_number(c)}丁目{_kanji_number(b)}番{_kanji_number(g)}号"),
        ("address_compact", f"{town}{r.randrange(100, 5000)}"),
        ("address_banchi", f"{city}{town}{r.randrange(1, 3000)}番地"),
        ("address_room", f"{town}{c}-{b}-{g} ハイツ{r.randrange(101, 910)}号室"),
        ("address_fullwidth", _wide(f"{c}-{b}-{g}").join((f"{pref}{city}{town}", ""))),
    ]


def _names(r: random.Random) -> list[tuple[str, str]]:
    s, g = r.choice(_SURNAMES), r.choice(_GIVEN)
    ks, kg = r.choice(_KANA)
    rg, rs = r.choice(_ROMAN)
    honorific = r.choice(("様", "さま", "さん", "殿", "氏", " 様", " 殿"))
    return [
        ("name_plain", f"{s}{g}"),
        ("name_space", f"{s} {g}" if r.random() < 0.5 else f"{s}\u3000{g}"),
        ("name_kana", f"{ks}{kg}"),
        ("name_kana_space", f"{ks} {kg}"),
        ("name_roman", f"{rg} {rs}" if r.random() < 0.5 else f"{rs.upper()} {rg}"),
        ("name_honorific", f"{s}{g}{honorific}"),
        ("name_surname_honorific", f"{s}{honorific}"),
        (
            "name_in_note",
            f"{s}{g}{r.choice(('様から入金', '様より振込', '様 入金済', 'さんから連絡'))}",
        ),
        ("name_kana_honorific", f"{ks}{kg}様"),
    ]


def _emails(r: random.Random) -> list[tuple[str, str]]:
    rg, rs = r.choice(_ROMAN)
    user, host = (
        f"{rg.lower()}.{rs.lower()[:4]}",
        r.choice(("example.jp", "example.com", "mail.example.ne.jp")),
    )
    spelled = host.replace(".", " dot ")
    return [
        ("email", f"{user}@{host}"),
        ("email_fullwidth", _wide(f"{user}@{host}")),
        ("email_fullwidth_at", f"{user}＠{host.replace('.', '．')}"),
        ("email_spelled", f"{user} at {spelled}" if r.random() < 0.5 else f"{user}(at){host}"),
    ]


def _numbers(r: random.Random) -> list[tuple[str, str]]:
    my = [f"{r.randrange(10000):04d}" for _ in range(3)]
    account = f"{r.randrange(10**6, 10**7):07d}"
    return [
        ("my_number_spaced", " ".join(my)),
        ("my_number_dashed", "-".join(my)),
        ("my_number_fullwidth", _wide(" ".join(my))),
        ("my_number_word", f"マイナンバー{''.join(my)}"),
        ("account", f"{r.choice(('普通', '当座', '普通預金'))} 口座{account}"),
        ("account_plain_word", f"{r.choice(('普通', '当座'))}{account}"),
        ("account_fullwidth", f"普通 {_wide(account)}"),
        ("card", " ".join(f"{r.randrange(10000):04d}" for _ in range(4))),
    ]


#: the hard negatives' source: lenders a case sheet names that are not banks, shinkin or JA
_OTHER_CREDITORS = (
    "住宅金融支援機構", "独立行政法人住宅金融支援機構", "日本政策金融公庫", "全国保証", "日本住宅ローン",
    "三菱UFJニコス", "三井住友カード", "楽天カード", "アコム", "プロミス", "アイフル", "オリコ",
    "ジャックス", "アプラス", "セディナ", "クレディセゾン", "ライフカード", "エポスカード",
    "イオンクレジットサービス", "SMBCコンシューマーファイナンス", "新生フィナンシャル", "オリックス銀行",
    "アルヒ", "SBIアルヒ", "フラット35", "住宅金融公庫", "日立キャピタル", "東京都", "さいたま市",
    "協同住宅ローン", "ちばぎん保証", "横浜信用保証", "りそな保証", "みずほ信用保証", "三菱UFJ住宅ローン保証",
)  # fmt: skip

_BANKS = (
    "みずほ", "三菱UFJ", "三井住友", "りそな", "埼玉りそな", "ゆうちょ", "SBI新生", "あおぞら", "PayPay",
    "楽天", "ソニー", "住信SBIネット", "auじぶん", "イオン", "セブン", "三井住友信託", "三菱UFJ信託",
    "北海道", "北洋", "青森みちのく", "岩手", "東北", "北日本", "七十七", "仙台", "秋田", "北都", "荘内",
    "山形", "きらやか", "東邦", "福島", "大東", "常陽", "筑波", "足利", "栃木", "群馬", "東和", "武蔵野",
    "千葉", "千葉興業", "京葉", "きらぼし", "東京スター", "横浜", "神奈川", "静岡", "スルガ", "清水",
    "静岡中央", "名古屋", "あいち", "大垣共立", "十六", "百五", "三十三", "滋賀", "京都", "池田泉州",
    "紀陽", "南都", "但馬", "みなと", "関西みらい", "山陰合同", "鳥取", "島根", "中国", "トマト", "広島",
    "もみじ", "山口", "西京", "阿波", "徳島大正", "百十四", "香川", "伊予", "愛媛", "四国", "高知",
    "福岡", "西日本シティ", "北九州", "筑邦", "福岡中央", "佐賀", "十八親和", "長崎", "肥後", "熊本",
    "大分", "豊和", "宮崎", "宮崎太陽", "鹿児島", "南日本", "琉球", "沖縄", "沖縄海邦", "北陸", "北國",
    "富山", "富山第一", "福井", "福邦", "第四北越", "大光", "八十二", "長野", "山梨中央",
)  # fmt: skip
_SHINKIN = (
    "城南", "多摩", "西武", "巣鴨", "朝日", "東京東", "城北", "さわやか", "芝", "目黒", "世田谷", "東京",
    "昭和", "湘南", "横浜", "かながわ", "川崎", "平塚", "さがみ", "中栄", "埼玉縣", "川口", "青木", "飯能",
    "千葉", "銚子", "東京ベイ", "館山", "佐原", "京都", "京都中央", "京都北都", "尼崎", "大阪", "大阪シティ",
    "大阪商工", "北おおさか", "枚方", "奈良", "岡崎", "碧海", "瀬戸", "豊田", "いちい", "蒲郡", "浜松いわた",
    "静岡", "しずおか焼津", "富士宮", "三島", "沼津", "長野", "松本", "諏訪", "上田", "アルプス中央",
    "北海道", "帯広", "旭川", "広島", "呉", "福岡ひびき", "大牟田柳川", "熊本", "鹿児島", "宮崎第一",
    "高知", "徳島", "愛媛", "玉島", "岡山", "津山", "米子", "島根中央", "福井", "金沢", "富山", "新潟",
    "三条", "長岡", "杜の都", "石巻", "気仙沼", "郡山", "白河", "水戸", "結城", "足利小山", "栃木",
    "鹿沼相互", "桐生", "高崎", "アイオー", "しののめ", "甲府", "山梨", "岐阜", "大垣西濃", "高山",
    "桑名三重", "北伊勢上野", "滋賀中央", "湖東", "長浜", "姫路", "播州", "但陽", "淡路", "日新",
    "但馬", "西兵庫", "中兵庫", "新宮", "きのくに",
)  # fmt: skip
_KUMIAI = (
    "第一勧業信用組合", "茨城県信用組合", "横浜幸銀信用組合", "全東栄信用組合", "君津信用組合",
    "中央労働金庫", "近畿労働金庫", "東海労働金庫", "九州労働金庫", "北海道労働金庫", "中央ろうきん",
)  # fmt: skip
_JA = (
    "東京中央", "東京みらい", "東京むさし", "東京スマイル", "あいち中央", "さがみ", "セレサ川崎", "横浜",
    "はだの", "いるま野", "さいたま", "ちば東葛", "なごや", "京都", "大阪市", "兵庫六甲", "福岡市",
    "熊本市", "おおいた", "鹿児島みらい", "東京", "松本ハイランド", "北つくば", "新潟みらい", "ぎふ",
)  # fmt: skip


def _spellings(r: random.Random, name: str) -> str:
    """A company name as a case sheet writes it: suffix forms, a branch, full width."""
    form = r.random()
    if form < 0.15:
        return f"株式会社{name}" if "金庫" not in name and "組合" not in name else name
    if form < 0.25:
        return f"{name}(株)" if "金庫" not in name and "組合" not in name else f"{name} 本店"
    if form < 0.4:
        return f"{name} {r.choice(('本店', '本店営業部', '新宿支店', '大宮支店', '駅前支店', '融資部'))}"
    if form < 0.5:
        return (
            _wide(name) if name.isascii() else "".join(_wide(c) if c.isascii() else c for c in name)
        )
    return name


def _companies(r: random.Random) -> list[tuple[str, str]]:
    from outcomes._registry import load_servicer_registry

    registry = load_servicer_registry()
    names: list[tuple[str, str]] = []
    for column in ("name", "legal_name", "former_names", "aliases"):
        for cell in registry[column].dropna():
            names += [("registry", part.strip()) for part in str(cell).split("|") if part.strip()]
    names += [("bank", _spellings(r, f"{b}銀行")) for b in _BANKS]
    names += [("shinkin", _spellings(r, f"{s}信用金庫")) for s in _SHINKIN]
    names += [("shinkin", f"{s}しんきん") for s in _SHINKIN[:20]] + [
        ("shinkin", f"{s}信金") for s in _SHINKIN[20:40]
    ]
    names += [("kumiai", _spellings(r, k)) for k in _KUMIAI]
    names += [("ja", f"JA{j}") for j in _JA] + [("ja", f"{j}農業協同組合") for j in _JA[:10]]
    names += [("ja", _wide("JA") + j) for j in _JA[10:]]
    return names


def personal_corpus(seed: int = 0, repeats: int = 20) -> pd.DataFrame:
    """Personal strings and real company names, labelled, to measure the screen.

    Parameters
    ----------
    seed : int
        Seed of the made-up values.
    repeats : int
        Draws of each personal form (each draw new digits and names).

    Returns
    -------
    DataFrame
        ``text``; ``personal`` (bool); ``form`` (``phone_dash``, ``name_plain``, …
        for personal strings; ``registry``, ``bank``, ``shinkin``, ``kumiai``,
        ``ja`` for the company names; ``other_creditor`` for the harder set).

    Examples
    --------
    >>> corpus = personal_corpus(seed=1, repeats=2)
    >>> bool(corpus["personal"].any()), bool((~corpus["personal"]).any())
    (True, True)
    >>> sorted(corpus.loc[~corpus["personal"], "form"].unique())
    ['bank', 'ja', 'kumiai', 'other_creditor', 'registry', 'shinkin']
    """
    r = random.Random(seed)
    rows: list[tuple[str, str, bool]] = []
    for _ in range(repeats):
        for make in (_phones, _postal, _addresses, _names, _emails, _numbers):
            rows += [(text, form, True) for form, text in make(r)]
    rows += [(text, form, False) for form, text in _companies(r)]
    rows += [(name, "other_creditor", False) for name in _OTHER_CREDITORS]
    frame = pd.DataFrame(rows, columns=["text", "form", "personal"])
    frame["text"] = frame["text"].map(lambda t: unicodedata.normalize("NFC", t))
    return frame.drop_duplicates("text", ignore_index=True)
