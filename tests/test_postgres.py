"""Every command against a real PostgreSQL server, started by the suite itself.

The server is ``pgserver`` (a test dependency in the ``dev`` extra: a wheel
that ships PostgreSQL 16 and runs it on a Unix socket, as root too), or
else the system's ``initdb``/``pg_ctl`` when the tests do not run as root.
The tests skip, saying why, only where neither can start a server. The
driver is psycopg 3, the ``postgres`` extra.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from outcomes.cli import main
from outcomes.datasets import load_sample

pytestmark = pytest.mark.postgres

TODAY = "2026-06-30"


def _pgserver(root: Path) -> tuple[str, object] | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs: XDG_RUNTIME_DIR not set
        try:
            import pgserver
        except ImportError:
            return None
        server = pgserver.get_server(root / "pgdata", cleanup_mode="stop")
    return server.get_uri(), server.cleanup


def _system_postgres(root: Path) -> tuple[str, object] | None:
    """initdb + pg_ctl on a Unix socket in ``root`` (PostgreSQL refuses to run as root)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return None
    candidates = [shutil.which("pg_ctl"), *sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))]
    pg_ctl = next((Path(c) for c in candidates if c and Path(c).is_file()), None)
    if pg_ctl is None:
        return None
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    run = dict(check=True, capture_output=True, timeout=120)
    subprocess.run([pg_ctl.parent / "initdb", "-D", data, "-U", "postgres", "-A", "trust"], **run)
    options = f"-k {sock} -c listen_addresses=''"
    subprocess.run([pg_ctl, "-D", data, "-o", options, "-w", "start"], **run)

    def stop() -> None:
        subprocess.run([pg_ctl, "-D", data, "-m", "fast", "stop"], capture_output=True, timeout=60)

    return f"postgresql://postgres@/postgres?host={sock}", stop


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory) -> Iterator[str]:
    """A SQLAlchemy URL (psycopg 3) of a fresh PostgreSQL server, stopped after the session."""
    pytest.importorskip("psycopg", reason="the postgres extra (psycopg) is not installed")
    # pgserver runs the server as an unprivileged user when the tests run as root, and pytest's
    # own temporary directories are private to root: use a short, world-readable directory
    # (Unix socket paths are limited to about 100 characters, too).
    root = Path(tempfile.mkdtemp(prefix="outcomes-pg-"))
    root.chmod(0o755)
    reasons = []
    started = None
    for start in (_pgserver, _system_postgres):
        try:
            started = start(root)
        except Exception as exc:  # a server that does not start: try the next, say why
            reasons.append(f"{start.__name__}: {str(exc).splitlines()[0] if str(exc) else exc!r}")
            continue
        if started is not None:
            break
        reasons.append(f"{start.__name__}: not available")
    if started is None:
        pytest.skip("no PostgreSQL server could be started (" + "; ".join(reasons) + ")")
    uri, stop = started
    try:
        yield uri.replace("postgresql://", "postgresql+psycopg://", 1)
    finally:
        stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def loaded(postgres_url, tmp_path_factory) -> dict[str, object]:
    """The bundled sample export written into the server as text, as an export lands there."""
    import sqlalchemy as sa

    raw = load_sample().reset_index(drop=True)
    text = raw.map(lambda v: None if v is None or v == "" else str(v))
    engine = sa.create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE SCHEMA IF NOT EXISTS firm"))
        text.to_sql("export", engine, schema="firm", index=False, if_exists="replace")
    finally:
        engine.dispose()
    workdir = tmp_path_factory.mktemp("pgwork")
    csv = workdir / "export.csv"
    text.to_csv(csv, index=False)
    return {"url": postgres_url, "csv": csv, "workdir": workdir, "rows": len(raw)}


def _by_case(table: pd.DataFrame) -> pd.DataFrame:
    """A table in case order: a SQL table has no row order (rows come back as the server likes)."""
    keys = [c for c in ("case_id", "column", "problem", "value") if c in table.columns]
    return table.drop(columns=["row"], errors="ignore").sort_values(keys).reset_index(drop=True)


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_clean_reads_the_export_from_postgres_as_from_the_file(loaded):
    work: Path = loaded["workdir"]
    db_out, db_problems = work / "db.parquet", work / "db-problems.csv"
    argv = ["clean", loaded["url"], "--table", "firm.export", "-o", str(db_out)]
    code, out, err = _run([*argv, "--problems", str(db_problems), "--today", TODAY])
    assert code == 0, err
    assert f"rows read: {loaded['rows']:,}" in out
    file_out, file_problems = work / "file.parquet", work / "file-problems.csv"
    argv = ["clean", str(loaded["csv"]), "-o", str(file_out), "--problems", str(file_problems)]
    assert _run([*argv, "--today", TODAY])[0] == 0
    assert _by_case(pd.read_parquet(db_out)).equals(_by_case(pd.read_parquet(file_out)))
    db, file = (pd.read_csv(p, encoding="utf-8-sig") for p in (db_problems, file_problems))
    assert len(db) > 0 and _by_case(db).equals(_by_case(file))


def test_clean_runs_a_query_on_postgres(loaded):
    query = "SELECT * FROM firm.export WHERE 債権者区分 = 'guarantor' ORDER BY 案件番号"
    code, out, err = _run(["clean", loaded["url"], "--query", query, "--today", TODAY])
    assert code == 0, err
    n = int(out.split("rows read:")[1].split()[0].replace(",", ""))
    assert 0 < n < loaded["rows"]


@pytest.fixture(scope="module")
def fitted_on_postgres(loaded) -> tuple[Path, int, str, str, float]:
    """``outcomes fit`` on the export read from the server, once for the module."""
    model = loaded["workdir"] / "model"
    started = time.perf_counter()
    argv = ["fit", loaded["url"], "--table", "firm.export", "-o", str(model), "--cv", "2"]
    code, out, err = _run(argv)
    return model, code, out, err, time.perf_counter() - started


def test_fit_predict_on_postgres(loaded, fitted_on_postgres):
    work: Path = loaded["workdir"]
    model, code, out, err, seconds = fitted_on_postgres
    assert code == 0, err
    assert "cleaned" in err and "SettlementRatioModel" in out
    meta = json.loads((model / "metadata.json").read_text(encoding="utf-8"))
    assert meta["source"].endswith("(table firm.export)")
    assert meta["training_table_rows"] > 1000
    print(f"fit on {meta['training_table_rows']} cases from PostgreSQL: {seconds:.1f}s")
    pred = work / "pred.xlsx"
    argv = ["predict", str(model), loaded["url"], "--table", "firm.export", "-o", str(pred)]
    code, _, err = _run([*argv, "--as-of", TODAY])
    assert code == 0, err
    predictions = pd.read_excel(pred)
    cases = pd.read_parquet(work / "file.parquet") if (work / "file.parquet").exists() else None
    assert predictions["case_id"].is_unique and len(predictions) >= meta["training_table_rows"]
    if cases is not None:  # every case of the export, pending ones too
        assert set(predictions["case_id"]) == set(cases["case_id"])
    assert {"settlement_ratio_median", "settlement_amount_median"} <= set(predictions.columns)


def test_a_clean_table_in_postgres_is_used_as_it_is(loaded):
    """Written by DataFrame.to_sql and read back: the same table, no problems reported."""
    import sqlalchemy as sa

    work: Path = loaded["workdir"]
    source = work / "clean-source.parquet"
    assert _run(["clean", str(loaded["csv"]), "-o", str(source), "--today", TODAY])[0] == 0
    clean = pd.read_parquet(source)
    engine = sa.create_engine(loaded["url"])
    try:
        clean.to_sql("clean_cases", engine, index=False, if_exists="replace")
    finally:
        engine.dispose()
    again, problems = work / "again.parquet", work / "again-problems.csv"
    argv = ["clean", loaded["url"], "--table", "clean_cases", "-o", str(again)]
    code, out, err = _run([*argv, "--problems", str(problems), "--today", TODAY])
    assert code == 0, err
    assert "already a clean table" in out
    assert len(pd.read_csv(problems, encoding="utf-8-sig")) == 0
    assert _by_case(pd.read_parquet(again)).equals(_by_case(clean))


def test_report_on_postgres(loaded, fitted_on_postgres):
    from outcomes.report import check_html

    model = fitted_on_postgres[0]
    out = loaded["workdir"] / "report.html"
    argv = [
        "report",
        loaded["url"],
        "--table",
        "firm.export",
        "-o",
        str(out),
        "--model",
        str(model),
    ]
    code, _, err = _run(argv)
    assert code == 0, err
    assert check_html(out, 5) > 0  # every published count is k or more
    page = out.read_text(encoding="utf-8")
    assert "postgresql database" in page and "password" not in page


def test_a_missing_table_and_bad_sql_are_one_line(loaded):
    code, _, err = _run(["clean", loaded["url"], "--table", "firm.nothing"])
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "no table named 'firm.nothing'" in err
    code, _, err = _run(
        ["fit", loaded["url"], "--query", "SELECT nonsense FROM nowhere", "-o", "unused"]
    )
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "the query failed" in err and not Path("unused").exists()


def _keep_table(url: str) -> int:
    """A fresh table ``keep`` of one row; the number of its rows is what the probes look at."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS keep"))
            conn.execute(sa.text("CREATE TABLE keep (x integer)"))
            conn.execute(sa.text("INSERT INTO keep VALUES (1)"))
    finally:
        engine.dispose()
    return 1


def _keep_rows(url: str) -> int | None:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM keep")).scalar()
    except sa.exc.ProgrammingError:
        return None
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM firm.export; COMMIT; DROP TABLE keep; COMMIT",
        "WITH d AS (DELETE FROM keep RETURNING x) SELECT x AS case_id FROM d",
        "WITH d AS (DELETE FROM keep RETURNING x) SELECT x AS 案件番号 FROM d; COMMIT",
        "SELECT * FROM firm.export WHERE 1 = 1 /* ; */; DELETE FROM keep",
        "SELECT E'\\''; DELETE FROM keep; --'",
        "DROP TABLE keep",
        "SELECT * INTO stolen FROM firm.export",
    ],
)
def test_a_query_cannot_change_the_postgres_database(loaded, query, tmp_path):
    """reliability-review #3, G03/G08: ``--query`` with COMMIT; DROP or a deleting CTE changed
    the database and exited 0. Now: one statement that reads, in a read-only transaction
    (``default_transaction_read_only``), rolled back; a refusal is one line, exit 2."""
    url = loaded["url"]
    _keep_table(url)
    out = tmp_path / "pg.parquet"
    code, _, err = _run(["clean", url, "--query", query, "-o", str(out), "--today", TODAY])
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert _keep_rows(url) == 1  # the table is there, its row too
    assert not out.exists()


def test_a_never_ending_query_on_postgres_is_stopped(loaded, monkeypatch):
    """reliability-review #3 (S16, held unbounded): a statement timeout stops it, one line."""
    monkeypatch.setenv("OUTCOMES_SQL_TIMEOUT", "0.5")
    query = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS case_id FROM c"
    )
    started = time.perf_counter()
    code, _, err = _run(["clean", loaded["url"], "--query", query])
    assert code == 2 and "ran longer than" in err and len(err.strip().splitlines()) == 1, err
    assert time.perf_counter() - started < 30
