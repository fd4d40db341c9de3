"""One case as a clean one-row frame: case_from_mapping, is_clean_row, read_case_json."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

import outcomes
from outcomes._cleaning.schema import case_schema
from outcomes._cleaning.single import case_from_mapping, is_clean_row, read_case_json
from outcomes._contract import CASE_COLUMNS, COLUMN_BY_NAME
from outcomes._errors import CaseError, CaseTypeError, ReadError
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
        },
        ignore_unknown_keys=True,
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
    from outcomes._cleaning.schema import case_schema

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
        },
        ignore_unknown_keys=True,
    )
    assert row.loc[0, "residual_debt"] == 5_800_000
    assert row.loc[0, "servicer"] == "SMBC債権回収"  # matched to the registry
    assert row.loc[0, "sale_date"] == pd.Timestamp("2023-04-01")


# --------------------------------------------------------------------------
# A row that is already clean is not cleaned again
# --------------------------------------------------------------------------


def _count_cleaner_calls(monkeypatch) -> list[int]:
    import outcomes._cleaning.single  # clean_cases is looked up where the case is cleaned

    calls: list[int] = []
    real = outcomes._cleaning.single.clean_cases

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(outcomes._cleaning.single, "clean_cases", counting)
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
    from outcomes._cleaning.clean import clean_cases

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


# --------------------------------------------------------------------------
# Keys outside the contract, the contract's forms, forgotten 万円, as_of
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "nearest"),
    [("employmnet", "employment"), ("income", "monthly_income"), ("resdual_debt", "residual_debt")],
)
def test_a_key_outside_the_contract_is_refused_with_the_nearest_name(key, nearest):
    case = {"residual_debt": 5_800_000, key: "x"}
    with pytest.raises(CaseError, match=f"{key} → {nearest}\\?") as info:
        case_from_mapping(case)
    assert "\n" not in str(info.value)
    # asked to ignore it, the case is read without it
    row = case_from_mapping(case, ignore_unknown_keys=True)
    assert row.loc[0, "residual_debt"] == 5_800_000


def test_a_personal_key_is_refused_too():
    with pytest.raises(CaseError, match="'氏名' is not a column"):
        case_from_mapping({"residual_debt": 5_800_000, "氏名": "x"})


def test_legal_facts_are_keys_of_a_case():
    row = case_from_mapping({"residual_debt": 5_800_000, "servicer_role": "bought", "guarantor": 1})
    assert row.loc[0, "residual_debt"] == 5_800_000


def test_json_key_outside_the_contract(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"residual_debt": "580万円", "employmnet": "会社員"}), "utf-8")
    with pytest.raises(CaseError, match="employmnet → employment"):
        read_case_json(path)
    cases, _ = read_case_json(path, ignore_unknown_keys=True)
    assert cases["residual_debt"].iloc[0] == 5_800_000 and cases["employment"].isna().all()


def test_amounts_and_dates_in_the_contract_forms():
    row = case_from_mapping(
        {"residual_debt": "580万円", "sale_date": "R3.3.15", "monthly_income": "25万"}
    )
    assert row.loc[0, "residual_debt"] == 5_800_000
    assert row.loc[0, "sale_date"] == pd.Timestamp("2021-03-15")
    assert row.loc[0, "monthly_income"] == 250_000
