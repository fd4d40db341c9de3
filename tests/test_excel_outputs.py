"""The .xlsx files the commands write are fit to hand on (issue 21, analyst review finding 6).

Number formats (yen ``#,##0``, ratios and chances ``0.0%``, dates
``yyyy-mm-dd``), widths fitted to the content, a frozen header, and with
``--labels ja`` Japanese headers and Japanese code values; the batch offers
file speaks the language of ``--lang`` when ``--labels`` is not given.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from outcomes._cli import write_table
from outcomes._cli._presentation import MAX_WIDTH
from outcomes._contract import EMPLOYMENT_CODES, RESOLUTION_CODES
from outcomes._io import write_model_dir
from outcomes.cli import main
from outcomes.datasets import simulate_cases
from outcomes.models import MonthlyAmountModel, SettlementRatioModel

TODAY = "2026-06-30"


def _sheet(path: Path) -> tuple[openpyxl.worksheet.worksheet.Worksheet, dict[str, int]]:
    ws = openpyxl.load_workbook(path).active
    header = {cell.value: cell.column for cell in ws[1]}
    return ws, header


def _column(ws, j: int) -> list:
    return [row[0] for row in ws.iter_rows(min_row=2, min_col=j, max_col=j)]


def _width(ws, j: int) -> float:
    return ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    raw = simulate_cases(200, seed=7, today=TODAY)
    path = tmp_path_factory.mktemp("xlsx") / "export.csv"
    raw.to_csv(path, index=False, encoding="utf-8-sig")
    return path


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    cases = simulate_cases(300, seed=5, messy=False, today=TODAY)
    ratio = SettlementRatioModel(as_of=TODAY, max_iter=10).fit(cases)
    monthly = MonthlyAmountModel(as_of=TODAY, max_iter=10).fit(cases)
    out = tmp_path_factory.mktemp("xlsx-model") / "model"
    return write_model_dir(out, ratio=ratio, monthly=monthly, cases=cases)


@pytest.fixture(scope="module")
def clean_ja(export, tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("clean-ja")
    cases, problems = tmp / "clean_ja.xlsx", tmp / "problems_ja.xlsx"
    argv = ["clean", str(export), "-o", str(cases), "--problems", str(problems)]
    assert main([*argv, "--labels", "ja", "--lang", "ja", "--today", TODAY]) == 0
    return cases, problems


def test_clean_cases_sheet_has_formats_widths_and_a_frozen_header(clean_ja):
    ws, header = _sheet(clean_ja[0])
    assert ws.freeze_panes == "A2"
    for label in ("残債", "月収", "一括金額", "月額"):
        numbers = [c for c in _column(ws, header[label]) if c.value is not None]
        assert numbers and {c.number_format for c in numbers} == {"#,##0"}, label
        assert all(isinstance(c.value, int) for c in numbers), label
    ratios = [c for c in _column(ws, header["和解率"]) if c.value is not None]
    assert ratios and {c.number_format for c in ratios} == {"0.0%"}
    dates = [c for c in _column(ws, header["売却日"]) if c.value is not None]
    assert dates and {c.number_format for c in dates} == {"yyyy-mm-dd"}
    assert all(isinstance(c.value, dt.datetime) for c in dates)
    for label, j in header.items():
        assert 6 <= _width(ws, j) <= MAX_WIDTH, label
    # Japanese headers count double: 都道府県 (8) + padding, wider than the default 8.43
    assert _width(ws, header["都道府県"]) >= 10


def test_clean_with_japanese_labels_writes_japanese_codes(clean_ja):
    ws, header = _sheet(clean_ja[0])

    def values(label: str) -> set:
        return {c.value for c in _column(ws, header[label]) if c.value is not None}

    assert values("職業") and values("職業") <= {w[0] for w in EMPLOYMENT_CODES.values()}
    assert values("解決方法") and values("解決方法") <= {w[0] for w in RESOLUTION_CODES.values()}
    assert "交渉中" in values("解決方法")
    assert values("年代") and all(v.endswith("代") for v in values("年代"))
    assert values("債権者区分") <= {
        "住宅金融支援機構",
        "日本政策金融公庫",
        "信金・信組・JA",
        "保証会社",
        "銀行",
        "その他",
    }
    assert not {
        v for label in ("職業", "解決方法", "年代", "債権者区分") for v in values(label)
    } & {
        "40s",
        "self_employed",
        "shinkin",
        "pending",
        "True",
    }


def test_japanese_values_of_the_optional_codes_and_booleans(tmp_path: Path):
    clean = simulate_cases(5, seed=1, messy=False, today=TODAY)
    clean["guarantor"] = pd.array([True, False, None, True, False], dtype="boolean")
    clean["servicer_role"] = pd.Categorical(
        ["bought", "consigned", None, "bought", None], categories=["bought", "consigned"]
    )
    clean["judgment"] = pd.Categorical(
        ["judgment", "payment_order", "court_settlement", "none", None],
        categories=["judgment", "payment_order", "court_settlement", "none"],
    )
    path = tmp_path / "ja.xlsx"
    write_table(clean, path, labels="ja")
    ws, header = _sheet(path)
    assert [c.value for c in _column(ws, header["連帯保証人"])] == [
        "あり",
        "なし",
        None,
        "あり",
        "なし",
    ]
    assert [c.value for c in _column(ws, header["サービサー区分"])] == [
        "譲受",
        "受託",
        None,
        "譲受",
        None,
    ]
    assert [c.value for c in _column(ws, header["債務名義"])] == [
        "判決",
        "支払督促",
        "裁判上の和解",
        "なし",
        None,
    ]
    english = tmp_path / "en.csv"
    write_table(clean, english)  # machine names and codes unless --labels ja
    back = pd.read_csv(english, encoding="utf-8-sig")
    assert back["guarantor"].tolist()[:2] == [True, False]
    assert back["servicer_role"].tolist()[:2] == ["bought", "consigned"]


def test_problems_sheet_names_columns_in_japanese_and_fits_the_sentence(clean_ja):
    ws, header = _sheet(clean_ja[1])
    assert list(header) == ["行", "案件ID", "列", "値", "種類", "問題"]
    assert ws.freeze_panes == "A2"
    columns = {c.value for c in _column(ws, header["列"])}
    assert "サービサー" in columns or "残債" in columns
    assert not columns & {"servicer", "residual_debt", "guarantor", "age", "sale_date"}
    assert _width(ws, header["問題"]) > 30  # was 10: the sentence is readable


def test_predict_sheet_shows_ratios_as_percentages(export, model_dir, tmp_path: Path):
    out = tmp_path / "pred.xlsx"
    argv = ["predict", str(model_dir), str(export), "-o", str(out), "--labels", "ja"]
    assert main([*argv, "--as-of", TODAY]) == 0
    ws, header = _sheet(out)
    assert ws.freeze_panes == "A2"
    ratio = [c for c in _column(ws, header["和解率(中央値)"]) if c.value is not None]
    assert ratio and {c.number_format for c in ratio} == {"0.0%"}
    assert all(0 <= c.value <= 1.5 for c in ratio)
    amount = [c for c in _column(ws, header["和解額(中央値)"]) if c.value is not None]
    assert amount and {c.number_format for c in amount} == {"#,##0"}
    monthly = [c for c in _column(ws, header["月額(上限90%)"]) if c.value is not None]
    assert monthly and {c.number_format for c in monthly} == {"#,##0"}


def test_offers_sheet_speaks_the_language_of_its_warnings(export, model_dir, tmp_path: Path):
    out = tmp_path / "offers.xlsx"
    assert main(["offer", "--model", str(model_dir), "--cases", str(export), "-o", str(out)]) == 0
    ws, header = _sheet(out)
    assert {"案件ID", "最初の提示額", "最初の提示額以下の割合", "注意"} <= set(header)
    assert ws.freeze_panes == "A2"
    chance = [c for c in _column(ws, header["最初の提示額以下の割合"]) if c.value is not None]
    assert chance and {c.number_format for c in chance} == {"0.0%"}
    opening = [c for c in _column(ws, header["最初の提示額"]) if c.value is not None]
    assert opening and {c.number_format for c in opening} == {"#,##0"}
    states = {c.value for c in _column(ws, header["サービサーの状態"])}
    assert states and not {s for s in states if s and s.isascii()}
    english = tmp_path / "offers-en.xlsx"
    argv = ["offer", "--model", str(model_dir), "--cases", str(export), "-o", str(english)]
    assert main([*argv, "--lang", "en"]) == 0
    ws, header = _sheet(english)
    assert {"case_id", "opening", "chance_opening", "warnings"} <= set(header)
    assert {c.number_format for c in _column(ws, header["chance_opening"]) if c.value} == {"0.0%"}
    # a CSV keeps the machine names unless --labels ja
    csv = tmp_path / "offers.csv"
    assert main(["offer", "--model", str(model_dir), "--cases", str(export), "-o", str(csv)]) == 0
    assert "opening" in pd.read_csv(csv, encoding="utf-8-sig").columns


def test_english_sheets_get_the_same_formats(export, tmp_path: Path):
    out = tmp_path / "clean.xlsx"
    assert main(["clean", str(export), "-o", str(out), "--today", TODAY]) == 0
    ws, header = _sheet(out)
    assert ws.freeze_panes == "A2"
    debts = [c for c in _column(ws, header["residual_debt"]) if c.value is not None]
    assert {c.number_format for c in debts} == {"#,##0"}
    assert {c.value for c in _column(ws, header["employment"])} - {None} <= set(EMPLOYMENT_CODES)
