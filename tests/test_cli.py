"""The ``outcomes`` command line: ``outcomes clean`` end to end, and how errors reach the user.

Everything runs in-process (``outcomes.cli.main``) except one smoke test of
the installed entry point in a fresh process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from outcomes import OutcomesError, cli
from outcomes.cli import main
from outcomes.datasets import simulate_cases

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


def test_smoke_the_command_in_a_fresh_process(export: Path, tmp_path: Path):
    """The one subprocess test: ``python -m outcomes.cli`` runs and exits as documented."""
    out = tmp_path / "clean.parquet"
    proc = subprocess.run(
        [sys.executable, "-m", "outcomes.cli", "clean", str(export), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "rows read: 2" in proc.stdout
    assert len(pd.read_parquet(out)) == 2
    proc = subprocess.run(
        [sys.executable, "-m", "outcomes.cli", "clean", str(tmp_path / "missing.csv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]
    assert "Traceback" not in proc.stderr and "missing.csv" in proc.stderr


def test_clean_writes_tables_and_prints_summary(export: Path, tmp_path: Path, capsys):
    out, problems = tmp_path / "clean.parquet", tmp_path / "problems.csv"
    code = main(
        ["clean", str(export), "-o", str(out), "--problems", str(problems), "--today", "2026-06-30"]
    )
    stdout = capsys.readouterr().out
    assert code == 0
    assert "rows read: 2" in stdout
    assert "cp932" in stdout
    assert f"clean table: {out}" in stdout and f"problems:    {problems}" in stdout
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


def test_clean_of_a_clean_table_keeps_it_as_it_is(tmp_path: Path, capsys):
    clean = simulate_cases(40, seed=5, messy=False, today="2026-06-30")
    source, out = tmp_path / "in.parquet", tmp_path / "out.parquet"
    clean.to_parquet(source, index=False)
    assert main(["clean", str(source), "-o", str(out)]) == 0
    assert "already a clean table" in capsys.readouterr().out
    pd.testing.assert_frame_equal(pd.read_parquet(out), clean)


def _garbage(p: Path) -> Path:
    path = p / "garbage.csv"
    path.write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    return path


def _other(p: Path) -> Path:
    path = p / "other.csv"
    path.write_text("foo,bar\n1,2\n")
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.csv", "not found"),
        (_garbage, "binary data"),
        (_other, "contract"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(tmp_path: Path, capsys, make, reason):
    path = make(tmp_path)
    assert main(["clean", str(path)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("outcomes clean: ")
    assert path.name in lines[0]
    assert reason in lines[0]
    assert captured.out == ""


def test_unwritable_output_name_is_one_line(export: Path, tmp_path: Path, capsys):
    assert main(["clean", str(export), "-o", str(tmp_path / "clean.txt")]) == 2
    assert "use a .parquet or .csv file name" in capsys.readouterr().err


@pytest.mark.parametrize(
    "error", [ValueError("k must be a whole number, got 'x'"), TypeError("bad")]
)
def test_value_and_type_errors_never_print_a_traceback(monkeypatch, capsys, export, error):
    """A ValueError/TypeError a bad value raises deep in the library is one line and exit 2."""

    def boom(args):
        raise error

    import outcomes._cli.clean

    monkeypatch.setattr(outcomes._cli.clean, "run", boom)
    monkeypatch.delenv("OUTCOMES_TRACEBACK", raising=False)
    assert main(["clean", str(export)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"outcomes clean: {error}")
    assert "Traceback" not in err
    monkeypatch.setenv("OUTCOMES_TRACEBACK", "1")  # who debugs gets the traceback
    with pytest.raises(type(error)):
        main(["clean", str(export)])


def test_a_multi_line_error_message_is_printed_on_one_line(monkeypatch, capsys, export):
    def boom(args):
        raise OutcomesError("first line\n  second line")

    import outcomes._cli.clean

    monkeypatch.setattr(outcomes._cli.clean, "run", boom)
    assert main(["clean", str(export)]) == 2
    assert capsys.readouterr().err == "outcomes clean: first line / second line\n"


def test_every_command_has_a_handler_with_run():
    """clean, fit and predict live in outcomes._cli.<command>:run; the others where they were."""
    import importlib

    commands = set(cli.build_parser()._subparsers._group_actions[0].choices)
    assert commands == set(cli._HANDLERS) == {"clean", "fit", "predict", "offer", "report"}
    for command in ("clean", "fit", "predict"):
        assert cli._HANDLERS[command] == f"outcomes._cli.{command}:run"
    for command, target in cli._HANDLERS.items():
        module, name = target.split(":")
        assert callable(getattr(importlib.import_module(module), name)), command


def test_version(capsys):
    from outcomes import __version__

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"outcomes {__version__}"
