"""What the package writes comes back (analyst review N3, issue 28): a property over generated tables.

A clean table written in every format the commands write (.csv, .xlsx,
.parquet) and in both label languages (machine names and codes, or
``--labels ja``: Japanese headers and words such as 保証会社, 40代, あり, a
ratio of 100.6% written as the fraction 1.006) is read back by
:func:`read_cases` and :func:`clean_cases` to the same values, with no
problem.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outcomes import clean_cases, read_cases
from outcomes._cli import write_table
from outcomes._contract import (
    CREDITOR_TYPES,
    EMPLOYMENT_CODES,
    JUDGMENT_CODES,
    PREFECTURES,
    RESOLUTION_CODES,
    SERVICER_ROLE_CODES,
)

TODAY = "2026-06-30"
FORMATS = (".csv", ".xlsx", ".parquet")
CREDITORS = (
    "住宅金融支援機構",
    "みずほ銀行",
    "城南信用金庫",
    "全国保証",
    "テスト・ファイナンス",
    None,
)
SERVICERS = ("SMBC債権回収", "アビリオ債権回収", "日本債権回収", None)
#: every property example writes six files: a few examples keep the suite quick
ROUND_TRIP = settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


def _day(low: dt.date, high: dt.date) -> st.SearchStrategy:
    return st.dates(min_value=low, max_value=high).map(dt.date.isoformat)


@st.composite
def case_rows(draw: st.DrawFn, i: int) -> dict[str, object]:
    debt = draw(st.integers(10_000, 50_000_000))
    sale = draw(st.dates(dt.date(2000, 1, 1), dt.date(2026, 1, 1)))
    agreed = draw(_maybe(st.dates(sale, dt.date(2026, 6, 30))))
    plan = draw(st.sampled_from(["lump", "fixed", "open", "both", "none"]))
    lump = draw(st.integers(0, debt * 3 // 2)) if plan in ("lump", "both") else None
    monthly = draw(st.integers(1_000, 100_000)) if plan in ("fixed", "open", "both") else None
    term = draw(st.integers(1, 120)) if plan in ("fixed", "both") else None
    return {
        "case_id": f"C{i:04d}",
        "sale_date": sale.isoformat(),
        "agreement_date": None if agreed is None else agreed.isoformat(),
        "age": draw(_maybe(st.integers(18, 110))),
        "prefecture": draw(_maybe(st.sampled_from(PREFECTURES))),
        "employment": draw(_maybe(st.sampled_from(list(EMPLOYMENT_CODES)))),
        "monthly_income": draw(_maybe(st.integers(0, 2_000_000))),
        "household_size": draw(_maybe(st.integers(1, 20))),
        "creditor": draw(st.sampled_from(CREDITORS)),
        "creditor_type": draw(_maybe(st.sampled_from(CREDITOR_TYPES))),
        "servicer": draw(st.sampled_from(SERVICERS)),
        "residual_debt": debt,
        "delinquency_rate": draw(_maybe(st.sampled_from([0.146, 0.14, 0.05]))),
        "resolution": draw(st.sampled_from(list(RESOLUTION_CODES))),
        "lump_sum": lump,
        "monthly_amount": monthly,
        "term_months": term,
        "contract_date": draw(_maybe(_day(dt.date(1990, 1, 1), sale))),
        "default_date": draw(_maybe(_day(dt.date(1990, 1, 1), sale))),
        "servicer_role": draw(_maybe(st.sampled_from(list(SERVICER_ROLE_CODES)))),
        "guarantor": draw(_maybe(st.booleans())),
        "judgment": draw(_maybe(st.sampled_from(list(JUDGMENT_CODES)))),
        "judgment_date": draw(_maybe(_day(dt.date(1990, 1, 1), dt.date(2026, 6, 30)))),
    }


@st.composite
def clean_tables(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(1, 5))
    raw = pd.DataFrame([draw(case_rows(i)) for i in range(n)], dtype=object)
    cases, problems = clean_cases(raw, today=TODAY)
    assert problems.empty, problems["problem"].tolist()  # a clean table to start from
    return cases


@ROUND_TRIP
@given(cases=clean_tables())
def test_a_clean_table_written_in_any_format_and_labels_reads_back_to_the_same_values(
    cases, tmp_path
):
    """Analyst review N3: ``--labels ja`` output and the machine-named one both come back."""
    for suffix in FORMATS:
        for labels in ("en", "ja"):
            path = tmp_path / f"cases_{labels}{suffix}"
            write_table(cases, path, labels=labels)
            back, problems = clean_cases(read_cases(path), today=TODAY)
            assert problems.empty, (suffix, labels, problems["problem"].tolist())
            pd.testing.assert_frame_equal(back, cases, obj=f"{labels}{suffix}")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("保証会社", "guarantor"),
        ("住宅金融支援機構", "jhf"),
        ("信金・信組・JA", "shinkin"),
        ("信用金庫", "shinkin"),
        ("銀行", "bank"),
        ("その他", "other"),
        ("guarantor", "guarantor"),
    ],
)
def test_an_analysts_creditor_type_in_japanese_is_kept(written, code):
    """Analyst review N3: 債権者区分 = 保証会社 beside 〇〇ファイナンス comes back as guarantor."""
    raw = pd.DataFrame({"案件ID": ["A1"], "債権者": ["〇〇ファイナンス"], "債権者区分": [written]})
    cases, problems = clean_cases(raw, today=TODAY)
    assert cases["creditor_type"].tolist() == [code]
    assert problems.empty


def test_a_bare_ratio_above_one_the_amounts_derive_is_a_fraction_and_one_they_do_not_a_percent():
    """Analyst review N3: 1.006 under 和解率 with amounts deriving 100.6% is not 1.006%."""
    raw = pd.DataFrame(
        {
            "案件ID": ["A1", "A2"],
            "残債": ["1,000,000", "1,000,000"],
            "一括金額": ["1,006,000", "77,000"],
            "和解率": ["1.006", "7.7"],
        }
    )
    cases, problems = clean_cases(raw, today=TODAY)
    assert cases["settlement_ratio"].round(4).tolist() == [1.006, 0.077]
    noted = problems[problems["kind"] == "noted"]
    assert noted["row"].tolist() == [3]  # 7.7 read as 7.7%, noted, as the contract says
    assert "ratio mismatch" not in set(problems["kind"])
