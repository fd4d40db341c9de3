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
    assert {"row", "case_id", "column", "value", "kind", "problem"} == set(table.columns)
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
    assert "use a .parquet, .csv or .xlsx file name" in capsys.readouterr().err


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


# --------------------------------------------------------------------------
# Every command reads every source; every failure of a source is one line
# --------------------------------------------------------------------------

SOURCE_COMMANDS = ("clean", "fit", "predict", "report")


@pytest.fixture(scope="module")
def small_model_dir(tmp_path_factory):
    """A model directory of quickly fitted models (``predict`` reads it before the cases)."""
    from outcomes._io import write_model_dir
    from outcomes.models import MonthlyAmountModel, SettlementRatioModel

    cases = simulate_cases(300, seed=5, messy=False, today="2026-06-30")
    ratio = SettlementRatioModel(as_of="2026-06-30", max_iter=10).fit(cases)
    monthly = MonthlyAmountModel(as_of="2026-06-30", max_iter=10).fit(cases)
    out = tmp_path_factory.mktemp("small") / "model"
    return write_model_dir(out, ratio=ratio, monthly=monthly, cases=cases)


def _argv(command: str, source: str, options: list[str], model: Path, out: Path) -> list[str]:
    if command == "clean":
        return ["clean", source, *options]
    if command == "fit":
        return ["fit", source, *options, "-o", str(out / "model")]
    if command == "predict":
        return ["predict", str(model), source, *options, "-o", str(out / "pred.csv")]
    return ["report", source, *options, "-o", str(out / "report.html")]


def _sqlite_without_cases(tmp_path: Path) -> str:
    import sqlalchemy as sa

    url = f"sqlite:///{tmp_path / 'other.db'}"
    engine = sa.create_engine(url)
    pd.DataFrame({"x": [1]}).to_sql("other", engine, index=False)
    engine.dispose()
    return url


# (how to make the source, the options, what the one line says)
SOURCE_FAILURES = {
    "bad URL": (lambda p: "postgresql://ana@db:notaport/cases", ["--table", "cases"], "valid"),
    "unknown database": (lambda p: "nosuchdb://x/cases", ["--table", "cases"], "nosuchdb"),
    "missing driver": (
        lambda p: "mysql+nosuchdriver://ana@localhost/cases",
        ["--table", "cases"],
        "cannot open the database",
    ),
    # analyst review N11: a wrong --table names the tables there are, as a wrong sheet does
    "missing table": (
        _sqlite_without_cases,
        ["--table", "cases"],
        "no table named 'cases' in the database; its tables: 'other'",
    ),
    "missing database file": (
        lambda p: f"sqlite:///{p / 'none.db'}",
        ["--table", "cases"],
        "database file not found",
    ),
    "no --table": (lambda p: f"sqlite:///{p / 'x.db'}", [], "--table"),
    "--table with a file": (lambda p: str(p / "x.csv"), ["--table", "cases"], "--table applies"),
    "unreadable file": (lambda p: str(p), [], "is a directory"),
    "missing file": (lambda p: str(p / "missing.csv"), [], "file not found"),
    "connection refused": (
        # a port on loopback where nothing listens: refused at once
        lambda p: "postgresql://ana:s3cret@127.0.0.1:1/cases",
        ["--table", "cases"],
        "refused",
    ),
}


@pytest.mark.parametrize("failure", list(SOURCE_FAILURES))
@pytest.mark.parametrize("command", SOURCE_COMMANDS)
def test_every_source_failure_is_one_line_for_every_command(
    command, failure, tmp_path: Path, small_model_dir, capsys, monkeypatch
):
    make, options, reason = SOURCE_FAILURES[failure]
    if failure == "connection refused":
        pytest.importorskip("psycopg", reason="the postgres extra (psycopg) is not installed")
    monkeypatch.delenv("OUTCOMES_TRACEBACK", raising=False)
    source = make(tmp_path)
    assert main(_argv(command, source, options, small_model_dir, tmp_path)) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"outcomes {command}: ")
    assert "Traceback" not in captured.err and "s3cret" not in captured.err
    assert reason in lines[0]
    assert "OUTCOMES_TRACEBACK" not in lines[0]  # an OutcomesError, not a stray ValueError
    assert not (tmp_path / "model").exists() and not (tmp_path / "pred.csv").exists()


def test_a_bare_postgresql_url_uses_the_installed_driver():
    from outcomes._cli import driver_url

    pytest.importorskip("psycopg")
    url = driver_url("postgresql://ana@db/cases")
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        assert url == "postgresql+psycopg://ana@db/cases"
    else:  # pragma: no cover - psycopg2 installed: SQLAlchemy's default works
        assert url == "postgresql://ana@db/cases"
    assert driver_url("postgresql+psycopg://ana@db/cases") == "postgresql+psycopg://ana@db/cases"


def test_clean_reads_a_sqlite_query_and_writes_xlsx_with_japanese_labels(
    export: Path, tmp_path: Path, capsys
):
    import sqlalchemy as sa

    url = f"sqlite:///{tmp_path / 'cases.db'}"
    engine = sa.create_engine(url)
    pd.read_csv(export, encoding="cp932", dtype=str).to_sql("export", engine, index=False)
    engine.dispose()
    out, problems = tmp_path / "clean.xlsx", tmp_path / "problems.xlsx"
    argv = ["clean", url, "--query", "SELECT * FROM export", "-o", str(out)]
    assert main([*argv, "--problems", str(problems), "--labels", "ja"]) == 0
    capsys.readouterr()
    cases = pd.read_excel(out, sheet_name=None)
    assert list(cases) == ["cases"]
    assert list(cases["cases"].columns[:3]) == ["案件ID", "売却日", "和解日"]
    assert cases["cases"]["残債"].tolist() == [5_800_000, 7_800_000]
    found = pd.read_excel(problems, sheet_name=None)
    assert list(found) == ["problems"]
    assert list(found["problems"].columns) == ["行", "案件ID", "列", "値", "種類", "問題"]
    assert len(found["problems"]) > 0
    assert main(["clean", str(export), "-o", str(tmp_path / "en.xlsx")]) == 0
    english = pd.read_excel(tmp_path / "en.xlsx")
    assert english["residual_debt"].tolist() == [5_800_000, 7_800_000]


def test_a_clean_table_read_back_from_a_database_reports_nothing_new(tmp_path: Path, capsys):
    """Re-cleaning is idempotent: a clean table written to SQLite and read back has no problems."""
    import sqlalchemy as sa

    raw = simulate_cases(300, seed=8, today="2026-06-30")
    raw_path = tmp_path / "raw.csv"
    raw.to_csv(raw_path, index=False)
    clean_path = tmp_path / "clean.parquet"
    assert main(["clean", str(raw_path), "-o", str(clean_path), "--today", "2026-06-30"]) == 0
    clean = pd.read_parquet(clean_path)
    url = f"sqlite:///{tmp_path / 'clean.db'}"
    engine = sa.create_engine(url)
    clean.to_sql("cases", engine, index=False)
    engine.dispose()
    problems = tmp_path / "again.csv"
    argv = ["clean", url, "--table", "cases", "--problems", str(problems), "-o"]
    assert main([*argv, str(tmp_path / "again.parquet"), "--today", "2026-06-30"]) == 0
    assert len(pd.read_csv(problems, encoding="utf-8-sig")) == 0
    assert pd.read_parquet(tmp_path / "again.parquet").equals(clean)


def test_recleaning_a_table_from_a_database_through_the_cleaner_reports_nothing(tmp_path: Path):
    """Idempotent cleaning (contract §6): a clean table with Japanese headers, from a database.

    Its headers are not the contract's names, so it is not used as it is but
    cleaned: the cleaner must find nothing to report in its own output.
    """
    import sqlalchemy as sa

    raw = simulate_cases(300, seed=8, today="2026-06-30")
    raw_path = tmp_path / "raw.csv"
    raw.to_csv(raw_path, index=False)
    clean_path = tmp_path / "clean.parquet"
    assert main(["clean", str(raw_path), "-o", str(clean_path), "--today", "2026-06-30"]) == 0
    clean = pd.read_parquet(clean_path)
    url = f"sqlite:///{tmp_path / 'clean.db'}"
    engine = sa.create_engine(url)
    labelled = clean.rename(columns={"residual_debt": "残債", "case_id": "案件ID"})
    labelled.to_sql("labelled", engine, index=False)
    engine.dispose()
    problems = tmp_path / "again.csv"
    argv = ["clean", url, "--table", "labelled", "--problems", str(problems)]
    assert main([*argv, "--today", "2026-06-30"]) == 0
    assert len(pd.read_csv(problems, encoding="utf-8-sig")) == 0


def test_a_missing_database_driver_is_named_by_its_code_not_its_words(
    tmp_path: Path, capsys, monkeypatch
):
    """Issue 24, architecture review §2.6 (sentences used as data): the CLI added its driver
    hint when a reason contained "No module named"; the reader now says so by a code
    (``ReadError.code == "read.driver_missing"``), whatever the driver's words."""
    import sqlalchemy as sa

    def no_driver(*args, **kwargs):
        raise ModuleNotFoundError("ドライバがありません", name="pymysql")

    monkeypatch.setattr(sa, "create_engine", no_driver)
    assert main(["clean", "mysql+pymysql://ana@localhost/cases", "--table", "cases"]) == 2
    line = capsys.readouterr().err.strip()
    assert line.startswith("outcomes clean: ") and "\n" not in line
    assert line.endswith("install the database's driver")


@pytest.mark.parametrize("command", [*SOURCE_COMMANDS, "offer"])
def test_every_reading_command_takes_sheet(command, tmp_path: Path, small_model_dir, capsys):
    """Issue 28, analyst review N11: ``--sheet`` existed only on ``clean``; ``fit``, ``predict``,
    ``offer --cases`` and ``report`` said "unrecognized arguments". Each now hands it to the
    reader (a sheet that is not there is named with the workbook's sheets)."""
    book = tmp_path / "export.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"表紙": ["案件一覧"]}).to_excel(writer, sheet_name="表紙", index=False)
        simulate_cases(5, seed=1, today="2026-06-30").to_excel(
            writer, sheet_name="案件", index=False
        )
    options = ["--sheet", "案件一覧"]
    if command == "offer":
        argv = ["offer", "--model", str(small_model_dir), "--cases", str(book), *options]
        argv += ["-o", str(tmp_path / "offers.csv")]
    else:
        argv = _argv(command, str(book), options, small_model_dir, tmp_path)
    assert main(argv) == 2
    line = capsys.readouterr().err.strip()
    assert "no sheet named '案件一覧' (sheets: 表紙, 案件)" in line, line
