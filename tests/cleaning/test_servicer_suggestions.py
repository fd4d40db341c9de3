"""Issue 21 (review finding 2): a misspelled servicer gets 「もしかして」 in the cleaner's problem,
the firm confirms it in its own registry file, and ``outcomes clean`` speaks one language."""

from __future__ import annotations

import pandas as pd
import pytest

import outcomes._cleaning.clean as clean_module
from outcomes import clean_cases
from outcomes._registry import SERVICERS_ENV, suggest_servicers
from outcomes.cli import main

TODAY = "2026-06-30"
TYPO = "ＳＭＢＣ債券回収"  # 券 for 権: the review's export had it on 7 rows


def _raw(servicers: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "案件ID": [f"A{i}" for i in range(len(servicers))],
            "残債": ["580万円"] * len(servicers),
            "サービサー": servicers,
        }
    )


def _servicer_problems(problems: pd.DataFrame) -> pd.DataFrame:
    return problems[problems["column"] == "servicer"]


@pytest.mark.parametrize(
    ("language", "maybe"),
    [("ja", "(もしかして: SMBC債権回収)"), ("en", "(did you mean: SMBC債権回収?)")],
)
def test_a_near_miss_servicer_names_the_registry_name_and_the_way_to_confirm_it(language, maybe):
    cases, problems = clean_cases(
        _raw([TYPO, "SMBC債権回収株式会社", TYPO]), today=TODAY, language=language
    )
    # never substituted: the name stays as written (normalised), a suggestion only
    assert cases["servicer"].tolist() == ["SMBC債券回収", "SMBC債権回収", "SMBC債券回収"]
    mine = _servicer_problems(problems)
    assert mine["row"].tolist() == [2, 4]
    for sentence in mine["problem"]:
        assert maybe in sentence
        # how the firm confirms it: the spelling as an alias of that company, in its file
        assert "OUTCOMES_SERVICERS" in sentence and "--servicers" in sentence
        assert "SMBC債券回収" in sentence and ("aliases" in sentence)
    assert mine["value"].tolist() == [TYPO, TYPO]


def test_an_unknown_servicer_without_a_near_name_gets_no_suggestion():
    _, problems = clean_cases(_raw(["山田債権回収"]), today=TODAY, language="ja")
    sentence = _servicer_problems(problems)["problem"].iloc[0]
    assert sentence.startswith("登録にないサービサー:") and "もしかして" not in sentence
    # 債権回収 alone is not a reason to suggest 日本債権回収 (two companies would be merged)
    assert suggest_servicers("山田債権回収") == []
    assert suggest_servicers("新生債権回収") == ["新生債権回収&コンサルティング"]


def test_the_suggestion_is_computed_once_per_distinct_spelling(monkeypatch):
    calls: list[str] = []
    real = clean_module.suggest_servicers

    def counting(name, n=3, servicers=None):
        calls.append(name)
        return real(name, n, servicers)

    monkeypatch.setattr(clean_module, "suggest_servicers", counting)
    clean_cases(
        _raw([TYPO] * 500 + ["山田債権回収"] * 300 + ["アビリオ債権回収"] * 10), today=TODAY
    )
    assert sorted(calls) == ["SMBC債券回収", "山田債権回収"]


def _firm_file(tmp_path):
    path = tmp_path / "firm_servicers.csv"
    path.write_text(f"name,aliases\nSMBC債権回収,{TYPO}\n", encoding="utf-8")
    return path


def test_the_firm_confirms_the_spelling_in_its_registry_file(tmp_path, monkeypatch):
    monkeypatch.delenv(SERVICERS_ENV, raising=False)
    firm = _firm_file(tmp_path)
    cases, problems = clean_cases(_raw([TYPO, "SMBC債権回収"]), today=TODAY, servicers=firm)
    assert cases["servicer"].tolist() == ["SMBC債権回収", "SMBC債権回収"]
    assert _servicer_problems(problems).empty
    # the same through the environment variable the README names
    monkeypatch.setenv(SERVICERS_ENV, str(firm))
    cases, problems = clean_cases(_raw([TYPO]), today=TODAY)
    assert cases["servicer"].tolist() == ["SMBC債権回収"] and _servicer_problems(problems).empty


def test_cli_clean_takes_the_firms_registry_file(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(SERVICERS_ENV, raising=False)
    export = tmp_path / "export.csv"
    _raw([TYPO, "SMBC債権回収"]).to_csv(export, index=False)
    out = tmp_path / "cases.parquet"
    assert main(["clean", str(export), "-o", str(out), "--today", TODAY]) == 0
    assert "unknown servicer" in capsys.readouterr().out
    assert pd.read_parquet(out)["servicer"].tolist() == ["SMBC債券回収", "SMBC債権回収"]
    firm = _firm_file(tmp_path)
    assert (
        main(["clean", str(export), "-o", str(out), "--today", TODAY, "--servicers", str(firm)])
        == 0
    )
    assert "unknown servicer" not in capsys.readouterr().out
    assert pd.read_parquet(out)["servicer"].tolist() == ["SMBC債権回収", "SMBC債権回収"]
    # a missing firm file is one line
    assert main(["clean", str(export), "--servicers", str(tmp_path / "none.csv")]) == 2
    err = capsys.readouterr().err
    assert "file not found" in err and len(err.strip().splitlines()) == 1


def test_cli_clean_in_japanese_prints_no_english_line(tmp_path, capsys):
    """Review finding 14: ``clean --lang ja`` ended with ``clean table:`` / ``problems:``."""
    export = tmp_path / "export.csv"
    _raw([TYPO, "SMBC債権回収"]).to_csv(export, index=False)
    out, problems = tmp_path / "cases.parquet", tmp_path / "problems.csv"
    args = ["clean", str(export), "-o", str(out), "--problems", str(problems), "--today", TODAY]
    assert main([*args, "--lang", "ja"]) == 0
    printed = capsys.readouterr().out
    for line in printed.splitlines():
        words = line.replace(str(out), "").replace(str(problems), "").replace(str(export), "")
        assert not any(
            w in words for w in ("clean table", "problems", "source", "rows", "cases")
        ), line
    assert f"整えた表:  {out}" in printed and f"問題の一覧: {problems}" in printed
    # the same file again: already clean, said in Japanese
    assert main(["clean", str(out), "--lang", "ja"]) == 0
    assert "すでに整えた表です" in capsys.readouterr().out
    assert main([*args, "--lang", "en"]) == 0
    assert f"clean table: {out}" in capsys.readouterr().out
