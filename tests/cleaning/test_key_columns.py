"""A missing or misnamed key column is said, with what follows (analyst review N2, issue 28).

Without 残債 batch offers were blank, without 解決方法 every case became pending
(settled and bankrupt cases got offers), a header typo 残高 got no suggestion
(a JSON key typo does), without 案件番号 every case id was empty: all silent.
"""

from __future__ import annotations

import pandas as pd
import pytest

from outcomes import clean_cases

TODAY = "2026-06-30"
EXPORT = {
    "案件番号": ["A1", "A2", "A3"],
    "売却日": ["2024-01-31", "2024-02-29", "2024-03-31"],
    "残債": ["580万円", "300万円", "1,200万円"],
    "解決方法": ["自己破産", "一括和解", "交渉中"],
    "一括金額": ["", "30万円", ""],
}


def _without(header: str, renamed: str | None = None, language: str = "en") -> pd.DataFrame:
    raw = {(renamed if k == header else k): v for k, v in EXPORT.items() if renamed or k != header}
    _, problems = clean_cases(pd.DataFrame(raw), today=TODAY, language=language)
    return problems


def test_a_full_export_reports_no_missing_column():
    """N2: only a column that is missing is reported."""
    assert _without("備考").empty


@pytest.mark.parametrize(
    ("header", "column", "consequence"),
    [
        ("残債", "residual_debt", "no offer can be made"),
        ("解決方法", "resolution", "every case is read as pending"),
        ("案件番号", "case_id", "every case id is empty"),
        ("売却日", "sale_date", "months since the sale are unknown"),
    ],
)
def test_a_missing_key_column_is_one_problem_saying_what_follows(header, column, consequence):
    """N2: one row per missing key column, on the header row, saying what its absence does."""
    problems = _without(header)
    missing = problems[problems["kind"] == "missing column"]
    assert missing[["row", "column"]].values.tolist() == [[1, column]]
    assert consequence in missing["problem"].iloc[0]


def test_a_header_typo_is_suggested_in_both_rows_as_a_json_key_typo_is():
    """N2: 残高 for 残債 gets 「残高 → 残債?」, in English and in Japanese."""
    problems = _without("残債", renamed="残高")
    by_kind = dict(zip(problems["kind"], problems["problem"], strict=True))
    assert by_kind["not in contract"].endswith("(reported once, for the header; 残高 → 残債?)")
    assert by_kind["missing column"].endswith("(残高 → 残債?)")
    ja = _without("残債", renamed="残高", language="ja")
    by_kind = dict(zip(ja["kind"], ja["problem"], strict=True))
    assert "もしかして: 「残債」" in by_kind["not in contract"]
    assert by_kind["missing column"].startswith("欠けている列: 残債の列")
    assert by_kind["missing column"].endswith("(もしかして: 「残高」→「残債」)")


def test_an_unrelated_header_is_not_suggested_for_a_missing_column():
    """N2: a suggestion only for a near miss (電話番号 is not 案件番号's typo when 案件番号 is there)."""
    raw = {**EXPORT, "電話番号": ["x", "y", "z"]}
    _, problems = clean_cases(pd.DataFrame(raw), today=TODAY)
    assert "→" not in "".join(problems["problem"])


def test_a_snippet_of_a_few_columns_or_one_case_is_not_a_case_list():
    """N2's limit: a test table of three columns, or one case, does not miss key columns."""
    _, problems = clean_cases(pd.DataFrame({"案件番号": ["A1", "A2"], "年齢": ["45", "50"]}))
    assert problems.empty
    one = {k: v[:1] for k, v in EXPORT.items() if k != "解決方法"}
    _, problems = clean_cases(pd.DataFrame(one), today=TODAY)
    assert problems.empty
