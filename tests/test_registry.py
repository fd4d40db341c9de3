"""Tests of the servicer registry and of servicer-name matching."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from outcomes import _registry
from outcomes._contract import NO_SERVICER_MARKERS
from outcomes._errors import RegistryError
from outcomes._registry import (
    REGISTRY_COLUMNS,
    load_servicer_registry,
    match_servicer,
    match_servicers,
    normalize_servicer,
)

#: servicers that shared/spec/domain.md requires in the registry
DOMAIN_SERVICERS = (
    "エム・ユー・フロンティア債権回収",
    "SMBC債権回収",
    "みずほ債権回収",
    "住宅債権管理回収機構",
    "三菱HCキャピタル債権回収",
    "オリックス債権回収",
    "ニッテレ債権回収",
    "アルファ債権回収",
    "日本債権回収",
    "アビリオ債権回収",
)

SUFFIX_FORMS = (
    "{}",
    "株式会社{}",
    "{}株式会社",
    "株式会社 {}",
    "{} 株式会社",
    "(株){}",
    "{}(株)",
    "㈱{}",
    "{}㈱",
    "（株）{}",
    "{}（株）",
    "{}（株式会社）",
    "{} Co., Ltd.",
    "{}会社",
    "{}（サービサー）",
    "　{}　",
)

# full-width katakana -> half-width, for the letters the tests use
_HALF = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンー・ァィゥェォャュョッ",
        "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝｰ･ｧｨｩｪｫｬｭｮｯ",
        strict=True,
    )
)
_DAKUTEN = dict(
    zip(
        "ガギグゲゴザジズゼゾダヂヅデドバビブベボ",
        "カキクケコサシスセソタチツテトハヒフヘホ",
        strict=True,
    )
)
_HANDAKUTEN = dict(zip("パピプペポ", "ハヒフヘホ", strict=True))


def to_half_width(text: str) -> str:
    """Write katakana and Latin letters the way old systems export them."""
    out = []
    for ch in text:
        if ch in _DAKUTEN:
            out.append(_HALF[_DAKUTEN[ch]] + "ﾞ")
        elif ch in _HANDAKUTEN:
            out.append(_HALF[_HANDAKUTEN[ch]] + "ﾟ")
        else:
            out.append(_HALF.get(ch, ch))
    return "".join(out)


def to_full_width_latin(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@pytest.fixture(scope="module")
def registry() -> pd.DataFrame:
    return load_servicer_registry()


def spellings(row: pd.Series) -> list[str]:
    out = [row["name"], row["legal_name"]]
    for col in ("former_names", "aliases"):
        if pd.notna(row[col]):
            out += [p.strip() for p in str(row[col]).split("|") if p.strip()]
    return out


# --------------------------------------------------------------------------
# The registry file
# --------------------------------------------------------------------------


def test_registry_columns_and_dtypes(registry):
    assert tuple(registry.columns) == REGISTRY_COLUMNS
    assert registry["license_number"].dtype == "Int64"
    assert registry["name"].notna().all()
    assert registry["legal_name"].notna().all()
    assert registry["source"].notna().all()
    assert set(registry["status"]) <= {"active", "merged", "closed"}


def test_registry_names_unique_and_without_suffix(registry):
    assert registry["name"].is_unique
    for name, legal in zip(registry["name"], registry["legal_name"], strict=True):
        assert "株式会社" not in name and "(株)" not in name
        assert "株式会社" in legal
        # the legal name is the name plus the corporate form
        assert normalize_servicer(legal) == normalize_servicer(name)


def test_registry_license_numbers_unique(registry):
    numbers = registry["license_number"].dropna()
    assert numbers.is_unique
    assert (numbers > 0).all()


def test_registry_includes_domain_servicers(registry):
    missing = set(DOMAIN_SERVICERS) - set(registry["name"])
    assert not missing


def test_registry_has_no_key_shared_by_two_companies(registry):
    owner: dict[str, str] = {}
    for _, row in registry.iterrows():
        for spelling in spellings(row):
            key = normalize_servicer(spelling)
            assert key, spelling
            assert owner.setdefault(key, row["name"]) == row["name"], (spelling, key)


def test_every_spelling_in_registry_maps_to_its_company(registry):
    for _, row in registry.iterrows():
        for spelling in spellings(row):
            assert match_servicer(spelling) == (row["name"], True)


def test_load_returns_a_copy():
    first = load_servicer_registry()
    first.loc[:, "name"] = "changed"
    assert "changed" not in set(load_servicer_registry()["name"])


def test_duplicate_key_in_registry_is_an_error(monkeypatch):
    bad = load_servicer_registry()
    bad.loc[0, "aliases"] = bad.loc[1, "name"]
    monkeypatch.setattr(_registry, "_registry", lambda: bad)
    _registry._key_index.cache_clear()
    try:
        with pytest.raises(ValueError, match="matches both"):
            _registry._key_index()
    finally:
        monkeypatch.undo()
        _registry._key_index.cache_clear()
    assert match_servicer("アビリオ債権回収") == ("アビリオ債権回収", True)


# --------------------------------------------------------------------------
# Matching: the forms a name is written in
# --------------------------------------------------------------------------


@pytest.mark.parametrize("form", SUFFIX_FORMS)
@pytest.mark.parametrize(
    "name",
    [
        "アビリオ債権回収",
        "SMBC債権回収",
        "エム・ユー・フロンティア債権回収",
        "三菱HCキャピタル債権回収",
    ],
)
def test_suffix_forms(name, form):
    assert match_servicer(form.format(name)) == (name, True)


def test_prefix_form_of_jhf_servicer():
    # 住宅債権管理回収機構 registers as 株式会社住宅債権管理回収機構
    for text in (
        "株式会社住宅債権管理回収機構",
        "住宅債権管理回収機構",
        "(株)住宅債権管理回収機構",
    ):
        assert match_servicer(text) == ("住宅債権管理回収機構", True)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ｱﾋﾞﾘｵ債権回収", "アビリオ債権回収"),
        ("ｱﾋﾞﾘｵ債権回収㈱", "アビリオ債権回収"),
        ("ｴﾑ･ﾕｰ･ﾌﾛﾝﾃｨｱ債権回収", "エム・ユー・フロンティア債権回収"),
        ("ｵﾘｯｸｽ債権回収(株)", "オリックス債権回収"),
        ("ﾆｯﾃﾚ債権回収", "ニッテレ債権回収"),
    ],
)
def test_half_width_kana(text, expected):
    assert match_servicer(text) == (expected, True)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("アビリオ 債権回収", "アビリオ債権回収"),
        ("アビリオ　債権回収　株式会社", "アビリオ債権回収"),
        (" 日本 債権 回収 ", "日本債権回収"),
        ("エムユーフロンティア債権回収", "エム・ユー・フロンティア債権回収"),
        ("エム･ユー･フロンティア債権回収", "エム・ユー・フロンティア債権回収"),
        ("エム·ユー·フロンティア債権回収", "エム・ユー・フロンティア債権回収"),
        ("アイアール債権回収", "アイ・アール債権回収"),
        ("エ-・シ-・エス債権管理回収", "エー・シー・エス債権管理回収"),
    ],
)
def test_spaces_dots_and_dashes(text, expected):
    assert match_servicer(text) == (expected, True)


@pytest.mark.parametrize(
    "text",
    [
        "ＳＭＢＣ債権回収",
        "smbc債権回収",
        "Smbc債権回収",
        "ＳＭＢＣ債権回収㈱",
        "ｓｍｂｃ債権回収株式会社",
    ],
)
def test_latin_width_and_case(text):
    assert match_servicer(text) == ("SMBC債権回収", True)


def test_a_dozen_spellings_of_one_servicer():
    spellings_of_abilio = [
        "アビリオ債権回収",
        "アビリオ債権回収株式会社",
        "株式会社アビリオ債権回収",
        "アビリオ債権回収(株)",
        "アビリオ債権回収（株）",
        "㈱アビリオ債権回収",
        "（株）アビリオ債権回収",
        "ｱﾋﾞﾘｵ債権回収",
        "ｱﾋﾞﾘｵ債権回収 ㈱",
        "アビリオ 債権回収",
        "アビリオ債権回収会社",
        "アビリオ債権回収（サービサー）",
        "セディナ債権回収",
        "セディナ債権回収株式会社",
        "ｾﾃﾞｨﾅ債権回収㈱",
    ]
    names, found = match_servicers(pd.Series(spellings_of_abilio))
    assert set(names) == {"アビリオ債権回収"}
    assert found.all()


@pytest.mark.parametrize(
    "former, current",
    [
        ("日立キャピタル債権回収", "三菱HCキャピタル債権回収"),
        ("日立キャピタル債権回収株式会社", "三菱HCキャピタル債権回収"),
        ("日立ｷｬﾋﾟﾀﾙ 債権回収(株)", "三菱HCキャピタル債権回収"),
        ("セディナ債権回収", "アビリオ債権回収"),
        ("株式会社セディナ債権回収", "アビリオ債権回収"),
        ("エー・シー・エス債権回収", "エー・シー・エス債権管理回収"),
    ],
)
def test_former_names_and_aliases_map_to_current_company(former, current):
    assert match_servicer(former) == (current, True)


# --------------------------------------------------------------------------
# Matching: unknown names and no servicer
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kept",
    [
        ("架空債権回収株式会社", "架空債権回収株式会社"),
        ("　架空債権回収㈱ ", "架空債権回収(株)"),
        ("ｶｸｳ債権回収", "カクウ債権回収"),
        # near misses of registered names are not guessed
        ("アビリオ", "アビリオ"),
        ("SMBC", "SMBC"),
        ("ＳＭＢＣ債権回収サービス", "SMBC債権回収サービス"),
        ("アビリオ債権回収東京支店", "アビリオ債権回収東京支店"),
        ("新アビリオ債権回収", "新アビリオ債権回収"),
        ("アビリオ債券回収", "アビリオ債券回収"),
        ("みずほ銀行", "みずほ銀行"),
        ("オリックス", "オリックス"),
        ("債権回収会社", "債権回収会社"),
        ("株式会社", "株式会社"),
    ],
)
def test_unknown_names_kept_as_written(text, kept):
    assert match_servicer(text) == (kept, False)


@pytest.mark.parametrize(
    "value",
    [
        None,
        np.nan,
        pd.NA,
        float("nan"),
        "",
        "   ",
        "　",
        "なし",
        "無",
        "無し",
        "該当なし",
        "-",
        "ー",
        "―",
        "不明",
        "N/A",
        "na",
    ],
)
def test_no_servicer(value):
    assert match_servicer(value) == (None, True)


def test_every_contract_marker_means_no_servicer():
    for marker in NO_SERVICER_MARKERS:
        assert match_servicer(marker) == (None, True), marker
        assert match_servicer(f" {marker.upper()} ") == (None, True), marker


# --------------------------------------------------------------------------
# Vectorised matching
# --------------------------------------------------------------------------


def test_match_servicers_aligned_to_input_index():
    values = pd.Series(
        [
            "㈱アビリオ債権回収",
            None,
            "架空債権回収",
            "なし",
            "日立キャピタル債権回収",
            "㈱アビリオ債権回収",
        ],
        index=[10, 3, 7, 1, 99, 0],
        name="servicer",
    )
    names, found = match_servicers(values)
    assert names.index.equals(values.index) and found.index.equals(values.index)
    assert names.dtype == "string" and found.dtype == bool
    assert names.tolist() == [
        "アビリオ債権回収",
        pd.NA,
        "架空債権回収",
        pd.NA,
        "三菱HCキャピタル債権回収",
        "アビリオ債権回収",
    ]
    assert found.tolist() == [True, True, False, True, True, True]


def test_match_servicers_matches_each_distinct_value_once(monkeypatch):
    calls: Counter[object] = Counter()
    real = _registry.match_servicer

    def counting(value: object, servicers: object = None) -> tuple[str | None, bool]:
        calls[value] += 1
        return real(value, servicers)

    monkeypatch.setattr(_registry, "match_servicer", counting)
    values = pd.Series(["SMBC債権回収", "架空債権回収", None, np.nan] * 500, dtype=object)
    names, found = match_servicers(values)
    assert calls == Counter({"SMBC債権回収": 1, "架空債権回収": 1})
    assert names.isna().sum() == 1000
    assert (~found).sum() == 500


def test_match_servicers_on_string_dtype_and_empty():
    names, found = match_servicers(pd.Series(["みずほ債権回収", pd.NA], dtype="string"))
    assert names.tolist() == ["みずほ債権回収", pd.NA]
    assert found.tolist() == [True, True]
    names, found = match_servicers(pd.Series([], dtype=object))
    assert len(names) == 0 and len(found) == 0


def test_match_servicers_accepts_a_list():
    names, found = match_servicers(["ＳＭＢＣ債権回収", "x"])
    assert names.tolist() == ["SMBC債権回収", "x"]
    assert found.tolist() == [True, False]


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

_REGISTRY = load_servicer_registry()
_ALL_SPELLINGS = [(s, row["name"]) for _, row in _REGISTRY.iterrows() for s in spellings(row)]
_DECORATIONS = st.sampled_from(["", " ", "　", "株式会社", "(株)", "㈱", "（株）", "株式会社 "])
_TRAILERS = st.sampled_from(
    ["", " ", "　", "株式会社", "(株)", "㈱", "（株）", " 株式会社", "会社", "(サービサー)"]
)


@settings(max_examples=150, deadline=None)
@given(
    pair=st.sampled_from(_ALL_SPELLINGS),
    before=_DECORATIONS,
    after=_TRAILERS,
    half=st.booleans(),
    wide=st.booleans(),
)
def test_decorated_spellings_match_their_company(pair, before, after, half, wide):
    spelling, company = pair
    # "会社" and "(サービサー)" follow a bare name, not a legal name with 株式会社
    assume(not (after in ("会社", "(サービサー)") and "株式会社" in spelling))
    # a trailing 会社 is read only as the 会社 of 債権回収会社
    assume(not (after == "会社" and not spelling.endswith("債権回収")))
    text = spelling
    if half:
        text = to_half_width(text)
    if wide:
        text = to_full_width_latin(text)
    assert match_servicer(before + text + after) == (company, True)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_normalize_is_idempotent(text):
    key = normalize_servicer(text)
    assert normalize_servicer(key) == key
    assert not re.search(r"\s", key)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="回"), max_size=30))
def test_text_without_kaishu_never_matches(text):
    # every registered name contains 回収: nothing without it may be mapped to one
    name, found = match_servicer(text)
    assert not (found and name is not None)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=20))
def test_match_result_shape(text):
    name, found = match_servicer(text)
    if name is None:
        assert found
    elif found:
        assert name in set(_REGISTRY["name"])
    else:
        assert name == name.strip() and name != ""


# --------------------------------------------------------------------------
# The firm's own registry file, suggestions and the status of a servicer
# --------------------------------------------------------------------------


def _firm_file(tmp_path, text: str):
    path = tmp_path / "firm_servicers.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_firm_file_adds_a_servicer_by_argument_and_by_env(tmp_path, monkeypatch):
    from outcomes._registry import SERVICERS_ENV

    path = _firm_file(
        tmp_path, "name,former_names,aliases\n湘南債権回収,旧湘南回収,湘南サービサー\n"
    )
    monkeypatch.delenv(SERVICERS_ENV, raising=False)
    assert match_servicer("湘南サービサー株式会社") == ("湘南サービサー株式会社", False)
    assert match_servicer("湘南サービサー株式会社", servicers=path) == ("湘南債権回収", True)
    assert match_servicer("旧湘南回収(株)", servicers=str(path)) == ("湘南債権回収", True)
    monkeypatch.setenv(SERVICERS_ENV, str(path))
    assert match_servicer("湘南債権回収") == ("湘南債権回収", True)
    names, found = match_servicers(pd.Series(["湘南サービサー", "架空債権回収"]))
    assert names.tolist() == ["湘南債権回収", "架空債権回収"] and found.tolist() == [True, False]
    reg = load_servicer_registry()
    assert reg.set_index("name").loc["湘南債権回収", "status"] == "firm"


def test_firm_file_adds_an_alias_to_a_registered_company(tmp_path, monkeypatch):
    monkeypatch.delenv("OUTCOMES_SERVICERS", raising=False)
    path = _firm_file(tmp_path, "name,aliases\nSMBC債権回収,エスエムビーシー回収\n")
    assert match_servicer("エスエムビーシー回収", servicers=path) == ("SMBC債権回収", True)
    n_bundled = len(load_servicer_registry())
    assert len(load_servicer_registry(path)) == n_bundled
    # the bundled registry is untouched
    assert match_servicer("エスエムビーシー回収")[1] is False


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "file not found"),
        ("aliases\nfoo\n", "needs a column name"),
        ("name,aliases\n,foo\n", "row 2 has no name"),
        ("name,aliases\n新債権回収,SMBC債権回収\n", "matches both"),
    ],
)
def test_firm_file_errors_are_one_line(tmp_path, monkeypatch, text, message):
    from outcomes._errors import RegistryError

    monkeypatch.delenv("OUTCOMES_SERVICERS", raising=False)
    path = tmp_path / "missing.csv" if text is None else _firm_file(tmp_path, text)
    with pytest.raises(RegistryError, match=message) as info:
        match_servicer("x", servicers=path)
    assert "\n" not in str(info.value)


def test_suggestions_and_status():
    from outcomes._registry import servicer_status, suggest_servicers

    assert suggest_servicers("SMBC債権回集") == ["SMBC債権回収"]
    assert suggest_servicers("SMBC債権回集")[0] != "SMBC債権回集"
    typo = servicer_status("SMBC債権回集", seen={"SMBC債権回収"})
    assert (typo.status, typo.name, typo.suggestions, typo.warn) == (
        "unmatched",
        "SMBC債権回集",
        ("SMBC債権回収",),
        True,
    )
    assert servicer_status("あおぞら債権回収", seen={"SMBC債権回収"}).status == "unseen"
    assert servicer_status("あおぞら債権回収").status == "known"  # nothing to check against
    assert servicer_status("ｓｍｂｃ債権回収㈱", seen={"SMBC債権回収"}).status == "known"
    assert servicer_status("なし", seen=set()).status == "none"
    assert not servicer_status(None).warn


@pytest.mark.parametrize("encoding", ["cp932", "utf-8", "utf-8-sig"])
def test_a_firm_registry_saved_by_excel_in_cp932_is_read(tmp_path, encoding):
    """Issue 28, analyst review N10: a registry saved by Excel on Windows (CP932) was refused
    with a Python codec message; it reads as UTF-8 does, and a file in neither is one line."""
    path = tmp_path / "myreg.csv"
    path.write_bytes("name,aliases\n新設テスト債権回収,新設サービサー\n".encode(encoding))
    registry = load_servicer_registry(path)
    firm = registry[registry["status"] == "firm"]
    assert list(firm["name"]) == ["新設テスト債権回収"]
    assert list(firm["aliases"]) == ["新設サービサー"]


def test_a_registry_in_neither_utf8_nor_cp932_is_refused_in_one_line(tmp_path):
    """N10: the refusal says what to do, not a codec's message."""
    path = tmp_path / "myreg.csv"
    path.write_bytes(b"name\n\x82\xff\xfe\n")
    with pytest.raises(RegistryError, match=r"neither UTF-8 nor CP932.*CSV UTF-8") as caught:
        load_servicer_registry(path)
    assert "codec" not in str(caught.value)
