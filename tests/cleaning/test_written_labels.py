"""What the written tables say: one label per key, no spurious digits (analyst review N18, issue 28)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from outcomes._advice import BATCH_OFFER_LABELS_JA
from outcomes._advice.batch import batch_summary
from outcomes._cli import column_labels, write_table
from outcomes._contract import COLUMN_BY_NAME
from outcomes._format import column_label


def test_a_key_has_one_japanese_label_in_every_written_table():
    """N18: offers headed case_id 案件番号, the clean table and predictions 案件ID (a Power Query merge broke)."""
    for column, label in BATCH_OFFER_LABELS_JA.items():
        if column in COLUMN_BY_NAME:
            assert label == column_label(column), column
    assert column_labels(["case_id"], "ja") == {"case_id": column_label("case_id")}


def test_a_written_chance_keeps_three_decimals_and_a_ratio_all_of_its_own(tmp_path):
    """N18: ``chance_opening 0.17483754551228997`` in offers.csv; a clean ratio still reads back exact."""
    table = pd.DataFrame(
        {
            "case_id": ["A1"],
            "chance_opening": pd.array([0.17483754551228997], dtype="Float64"),
            "settlement_ratio": pd.array([0.0172413793103448], dtype="Float64"),
        }
    )
    path = tmp_path / "offers.csv"
    write_table(table, path)
    back = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    assert back["chance_opening"].tolist() == ["0.175"]
    assert float(back["settlement_ratio"].iloc[0]) == 0.0172413793103448


def test_the_total_of_expected_lump_sums_is_said_to_the_man_yen():
    """N18: 一括和解の期待値の合計2,250万5,449円 claimed a precision no estimate has."""
    table = pd.DataFrame(
        {
            "opening": pd.array([100_000, 200_000], dtype="Int64"),
            "expected_amount": pd.array([11_250_000, 11_255_449], dtype="Int64"),
            "warnings": ["", ""],
        }
    )
    text = batch_summary(table, np.array([False, False]), "offers.csv", "ja")
    assert "合計2,251万円" in text and "5,449円" not in text
