"""One case as a clean one-row frame: case_from_mapping, is_clean_row, read_case_json."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

import outcomes
from outcomes._contract import CASE_COLUMNS, COLUMN_BY_NAME
from outcomes._errors import CaseError, CaseTypeError, ReadError
from outcomes._schema import case_schema
from outcomes._single_case import (
    case_from_mapping,
    case_to_settle,
    is_clean_row,
    read_case_json,
    with_as_of,
)
from outcomes.datasets import simulate_cases


@pytest.fixture(scope="module")
def clean() -> pd.DataFrame:
    return simulate_cases(300, seed=7, messy=False, today="2026-06-30")


# --------------------------------------------------------------------------
# case_from_mapping
# --------------------------------------------------------------------------


def test_case_from_mapping_gives_the_clean_columns_and_dtypes():
    row = case_from_mapping(
        {
            "case_id": "C-001",
            "residual_debt": 5_800_000,
            "employment": "会社員",
            "creditor": "○○銀行",
            "servicer": "SMBC債権回収",
            "sale_date": date(2023, 6, 30),
            "age": 45,
            "not_a_column": "ignored",
        }
    )
    assert list(row.columns) == list(CASE_COLUMNS)
    assert len(row) == 1
    for name in CASE_COLUMNS:
        assert str(row[name].dtype) == str(pd.Series(dtype=COLUMN_BY_NAME[name].dtype).dtype), name
    first = row.iloc[0]
    assert first["employment"] == "employee"
    assert first["creditor_type"] == "bank"
    assert first["age_band"] == "40s"
    assert first["resolution"] == "pending"
    assert first["sale_date"] == pd.Timestamp("2023-06-30")
    assert pd.isna(first["monthly_income"])
    marked = case_from_mapping({"residual_debt": 100_000, "servicer": "なし", "employment": "-"})
    assert marked["servicer"].isna().all() and marked["employment"].isna().all()


def test_case_from_mapping_fits_the_clean_table_schema():
    from outcomes._schema import case_schema

    row = case_from_mapping(
        {"residual_debt": 3_200_000, "creditor": "公庫", "prefecture": "愛知県"}
    )
    case_schema().validate(row)


def test_case_from_mapping_series_and_frame_agree():
    record = {"residual_debt": 7_800_000, "employment": "self_employed", "monthly_income": 250_000}
    from_dict = case_from_mapping(record)
    pd.testing.assert_frame_equal(case_from_mapping(pd.Series(record)), from_dict)
    pd.testing.assert_frame_equal(case_from_mapping(from_dict), from_dict)


def test_case_from_mapping_errors():
    two = pd.DataFrame({"residual_debt": [1, 2]})
    with pytest.raises(CaseError, match="2 rows"):
        case_from_mapping(two)
    with pytest.raises(CaseError, match="employment"):
        case_from_mapping({"employment": "astronaut"})
    with pytest.raises(CaseError, match="residual_debt"):
        case_from_mapping({"residual_debt": -5})
    with pytest.raises(CaseError, match="sale_date"):
        case_from_mapping({"sale_date": "2019-02-29"})
    with pytest.raises(TypeError):
        case_from_mapping([("residual_debt", 1)])
    with pytest.raises(CaseTypeError, match="mapping, Series or one-row DataFrame"):
        case_from_mapping("residual_debt=1")


def test_case_from_mapping_cleans_like_a_file():
    row = case_from_mapping(
        {
            "残債額(万円)": "580",
            "サービサー": "ＳＭＢＣ債権回収㈱",
            "売却日": "令和5年4月1日",
            "氏名": "x",
        }
    )
    assert row.loc[0, "residual_debt"] == 5_800_000
    assert row.loc[0, "servicer"] == "SMBC債権回収"  # matched to the registry
    assert row.loc[0, "sale_date"] == pd.Timestamp("2023-04-01")


# --------------------------------------------------------------------------
# A row that is already clean is not cleaned again
# --------------------------------------------------------------------------


def _count_cleaner_calls(monkeypatch) -> list[int]:
    import outcomes._clean

    calls: list[int] = []
    real = outcomes._clean.clean_cases

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(outcomes._clean, "clean_cases", counting)
    return calls


def test_clean_rows_are_taken_as_they_are(clean, monkeypatch):
    calls = _count_cleaner_calls(monkeypatch)
    for i in range(0, 300, 7):
        as_frame = case_from_mapping(clean.iloc[[i]])
        as_series = case_from_mapping(clean.iloc[i])
        expected = clean.iloc[[i]].reset_index(drop=True)
        pd.testing.assert_frame_equal(as_frame, expected)
        pd.testing.assert_frame_equal(as_series, expected)
    assert calls == []
    # a mapping is always cleaned
    case_from_mapping({"residual_debt": 1_000_000})
    assert calls == [1]


def test_the_fast_path_agrees_with_the_cleaner_and_the_schema(clean):
    from outcomes._clean import clean_cases

    rows = clean.head(60)
    raw = rows.astype(object).where(rows.notna(), None)
    again = clean_cases(raw, today=date(2200, 1, 1)).cases
    for i in range(len(rows)):
        row = rows.iloc[[i]].reset_index(drop=True)
        assert is_clean_row(row)
        case_schema().validate(row)
        pd.testing.assert_frame_equal(row, again.iloc[[i]].reset_index(drop=True))


@pytest.mark.parametrize(
    "change",
    [
        {"resolution": None},  # the cleaner sets pending
        {"age_band": "20s"},  # disagrees with age
        {"residual_debt": -1},  # out of range
        {"prefecture": "Atlantis"},
        {"sale_date": pd.Timestamp("1980-01-01")},
        {"creditor_type": None, "creditor": "○○銀行"},  # derivable
    ],
)
def test_rows_that_are_not_clean_are_cleaned(clean, change):
    row = clean.iloc[[0]].reset_index(drop=True)
    for column, value in change.items():
        row[column] = pd.array([value], dtype=row[column].dtype)
    assert not is_clean_row(row)


def test_a_series_with_a_value_its_dtype_cannot_hold_is_cleaned(clean, monkeypatch):
    series = clean.iloc[0].copy()
    series["employment"] = "会社員"  # a Japanese spelling: the category dtype would drop it
    calls = _count_cleaner_calls(monkeypatch)
    row = case_from_mapping(series)
    assert calls == [1] and row["employment"].iloc[0] == "employee"


def test_case_to_settle(clean):
    frame, residual = case_to_settle({"residual_debt": 2_000_000}, date(2026, 6, 30))
    assert residual == 2_000_000
    assert frame["agreement_date"].iloc[0] == pd.Timestamp("2026-06-30")
    # contract §4: a residual debt under ¥10,000 is out of range (a missing 万円)
    with pytest.raises(CaseError, match="under ¥10,000"):
        case_to_settle({"residual_debt": 58}, None)


def test_with_as_of_keeps_a_given_agreement_date():
    frame = case_from_mapping({"residual_debt": 100_000, "agreement_date": "2025-01-01"})
    assert with_as_of(frame, date(2026, 6, 30))["agreement_date"].iloc[0] == pd.Timestamp(
        "2025-01-01"
    )


def test_read_case_json(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps([{"残債額(万円)": 580, "サービサー": "なし"}]), encoding="utf-8")
    cases, problems = read_case_json(path)
    assert cases["residual_debt"].iloc[0] == 5_800_000 and len(problems) == 0
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ReadError, match="one case"):
        read_case_json(path)


def test_public_name():
    assert outcomes.case_from_mapping is case_from_mapping
    assert outcomes.CaseError is CaseError
