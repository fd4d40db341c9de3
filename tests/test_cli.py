"""The ``outcomes clean`` command, end to end in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from outcomes.cli import main

ROWS = [
    "案件ID,残債額(万円),一括金額,年齢,サービサー,氏名,電話番号",
    "A1,580,10万円,45歳,ｱﾋﾞﾘｵ債権回収㈱,テスト太郎,090-0000-0000",
    "A2,780,,二百,髙橋債権回収,テスト花子,090-0000-0001",
]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "cases.csv"
    path.write_bytes(("\r\n".join(ROWS) + "\r\n").encode("cp932"))
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "outcomes.cli", *args], capture_output=True, text=True, check=False
    )


def test_clean_writes_tables_and_prints_summary(export: Path, tmp_path: Path):
    out, problems = tmp_path / "clean.parquet", tmp_path / "problems.csv"
    proc = run(
        "clean", str(export), "-o", str(out), "--problems", str(problems), "--today", "2026-06-30"
    )
    assert proc.returncode == 0, proc.stderr
    assert "rows read: 2" in proc.stdout
    assert "cp932" in proc.stdout
    cases = pd.read_parquet(out)
    assert cases["residual_debt"].tolist() == [5_800_000, 7_800_000]
    assert cases["servicer"].iloc[0] == "アビリオ債権回収"
    table = pd.read_csv(problems, encoding="utf-8-sig")
    assert {"row", "case_id", "column", "value", "problem"} == set(table.columns)
    assert "テスト" not in out.read_bytes().decode("latin-1") + problems.read_text(
        encoding="utf-8-sig"
    )
    assert "090-0000" not in problems.read_text(encoding="utf-8-sig")


def test_clean_csv_output(export: Path, tmp_path: Path):
    out = tmp_path / "clean.csv"
    assert main(["clean", str(export), "-o", str(out), "--today", "2026-06-30"]) == 0
    assert pd.read_csv(out, encoding="utf-8-sig")["case_id"].tolist() == ["A1", "A2"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.csv", "not found"),
        (
            lambda p: (
                (p / "garbage.csv").write_bytes(b"\x00\x01\x02\xff\xfe" * 50) and p / "garbage.csv"
            ),
            "",
        ),
        (lambda p: (p / "other.csv").write_text("foo,bar\n1,2\n") and p / "other.csv", "contract"),
    ],
)
def test_unreadable_input_exits_non_zero_with_one_line(tmp_path: Path, make, reason):
    path = make(tmp_path)
    proc = run("clean", str(path))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert path.name in lines[0]
    assert reason in lines[0]
