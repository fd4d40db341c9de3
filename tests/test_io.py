"""One case-table loader and one model-directory reader/writer (``outcomes._io``)."""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from outcomes import OutcomesError, load_case_table, read_model_dir, write_model_dir
from outcomes._io import iter_clean_parquet
from outcomes.datasets import simulate_cases

TODAY = "2026-06-30"
V010 = Path(__file__).parent / "data" / "model-v0.1.0" / "model"


@pytest.fixture(scope="module")
def clean():
    return simulate_cases(60, seed=7, messy=False, today=TODAY)


def test_a_clean_parquet_is_used_as_it_is(tmp_path, clean, monkeypatch):
    import outcomes._cleaning.clean

    path = tmp_path / "clean.parquet"
    clean[clean.columns[::-1]].to_parquet(path, index=False)  # column order does not matter

    def no_cleaning(*args, **kwargs):
        raise AssertionError("a clean table must not be cleaned again")

    monkeypatch.setattr(outcomes._cleaning.clean, "clean_cases", no_cleaning)
    loaded = load_case_table(path)
    assert loaded.already_clean and loaded.rows_read == 60 and loaded.source == str(path)
    pd.testing.assert_frame_equal(loaded.cases, clean)
    cases, problems = loaded
    assert len(problems) == 0 and list(problems.columns) == list(loaded.problems.columns)


def test_a_parquet_failing_the_schema_is_cleaned(tmp_path, clean):
    bad = clean.copy()
    bad.loc[0, "age"] = 150  # outside the contract's range: not a clean table
    path = tmp_path / "bad.parquet"
    bad.to_parquet(path, index=False)
    loaded = load_case_table(path, today=TODAY)
    assert not loaded.already_clean
    assert pd.isna(loaded.cases.loc[0, "age"])
    age = loaded.problems[loaded.problems["column"] == "age"]
    assert len(age) == 1 and "150 is above 110" in age["problem"].iloc[0]


def test_a_raw_export_is_read_and_cleaned(tmp_path):
    raw = simulate_cases(50, seed=8, today=TODAY)
    path = tmp_path / "export.csv"
    raw.to_csv(path, index=False)
    loaded = load_case_table(path, today=TODAY)
    assert not loaded.already_clean and len(loaded.cases) == 50
    assert loaded.rows_read == len(raw)


def test_a_clean_parquet_streams_in_chunks(tmp_path, clean):
    path = tmp_path / "clean.parquet"
    clean.to_parquet(path, index=False)
    rows, chunks = iter_clean_parquet(path, 25)
    parts = list(chunks)
    assert rows == 60 and [len(p) for p in parts] == [25, 25, 10]
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), clean)
    assert iter_clean_parquet(tmp_path / "none.parquet", 25) is None


def test_model_directory_round_trip(tmp_path):
    saved = read_model_dir(V010)
    out = write_model_dir(
        tmp_path / "m",
        ratio=saved.ratio,
        monthly=saved.monthly,
        cases=simulate_cases(30, seed=1, messy=False, today=TODAY),
        source="x.parquet",
        as_of=TODAY,
        cv=2,
    )
    again = read_model_dir(out)
    assert again.metadata["source"] == "x.parquet" and again.metadata["training_table_rows"] == 30
    assert set(again.metadata["models"]) == {"settlement_ratio", "monthly_amount"}
    assert again.ratio.get_params() == saved.ratio.get_params()
    with pytest.raises(OutcomesError, match="exists and is not a directory"):
        write_model_dir(
            out / "metadata.json", ratio=saved.ratio, monthly=saved.monthly, cases=pd.DataFrame()
        )


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(V010, target)
    return target


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d / "nowhere", r"model directory .*nowhere not found"),
        (lambda d: d / "metadata.json", r"is not a model directory"),
        (
            lambda d: (d / "metadata.json").unlink() or d,
            r"is not a model directory \(no metadata.json\)",
        ),
        (
            lambda d: (d / "monthly_amount.skops").unlink() or d,
            r"\(no monthly_amount.skops\)",
        ),
        (lambda d: (d / "metadata.json").write_text("{") and d, "not readable JSON"),
        (
            lambda d: shutil.copy(d / "monthly_amount.skops", d / "settlement_ratio.skops") and d,
            "holds a MonthlyAmountModel, not a SettlementRatioModel",
        ),
    ],
)
def test_not_a_model_directory_is_one_clear_error(tmp_path, spoil, message):
    with pytest.raises(OutcomesError, match=message):
        read_model_dir(spoil(_copy(tmp_path)))


def test_metadata_json_is_kept(tmp_path):
    meta = json.loads((V010 / "metadata.json").read_text(encoding="utf-8"))
    assert read_model_dir(V010).metadata == meta


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_a_clean_table_read_back_from_sqlite_is_used_as_it_is(tmp_path):
    import sqlalchemy as sa

    from outcomes._io import load_case_table
    from outcomes.datasets import simulate_cases

    clean = simulate_cases(80, seed=3, messy=False, today="2026-06-30")
    url = f"sqlite:///{tmp_path / 'cases.db'}"
    engine = sa.create_engine(url)
    clean.to_sql("cases", engine, index=False)
    clean.drop(columns="age").to_sql("partial", engine, index=False)
    engine.dispose()
    loaded = load_case_table(url, table="cases")
    assert loaded.already_clean and len(loaded.problems) == 0
    assert loaded.cases.equals(clean)
    partial = load_case_table(url, table="partial", today="2026-06-30")
    assert not partial.already_clean  # not the contract's columns: cleaned
    assert len(partial.cases) == 80


# --------------------------------------------------------------------------
# SQL sources are read only (issue 26; reliability-review #3)
# --------------------------------------------------------------------------


@pytest.fixture
def sqlite_db(tmp_path):
    """A SQLite file with the cases and a table ``keep`` of one row; its bytes, to compare."""
    import sqlalchemy as sa

    path = tmp_path / "a.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    simulate_cases(20, seed=3, messy=False, today=TODAY).to_sql("cases", engine, index=False)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE keep (x integer)"))
        conn.execute(sa.text("INSERT INTO keep VALUES (1)"))
    engine.dispose()
    return path


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("DROP TABLE keep", "not DROP"),  # S04: dropped, committed
        ("CREATE TABLE stolen AS SELECT * FROM cases", "not CREATE"),  # S10
        ("ATTACH DATABASE 'attached_new.db' AS x", "not ATTACH"),  # S07: a new file
        ("VACUUM INTO 'vacuum_copy.db'", "not VACUUM"),  # S08: a copy written
        ("PRAGMA journal_mode=WAL", "not PRAGMA"),  # S09: the file's header changed
        ("SELECT * FROM cases; DROP TABLE keep", "not several"),
        ("WITH d AS (SELECT 1) DELETE FROM keep", "not authorized"),
        ("SELECT 1 AS case_id /* ; */; DELETE FROM keep", "not several"),
    ],
)
def test_a_query_cannot_change_a_sqlite_database(sqlite_db, query, why, monkeypatch):
    """reliability-review #3 (S04, S07–S10): the query is one statement that reads, on a
    read-only connection (``mode=ro``, ``query_only``, an authorizer), rolled back."""
    monkeypatch.chdir(sqlite_db.parent)
    before = sqlite_db.read_bytes()
    with pytest.raises(OutcomesError, match=why):
        load_case_table(f"sqlite:///{sqlite_db}", query=query, today=TODAY)
    assert sqlite_db.read_bytes() == before
    assert sorted(p.name for p in sqlite_db.parent.iterdir()) == ["a.db"]


def test_a_file_uri_cannot_create_a_sqlite_database(tmp_path, sqlite_db, monkeypatch):
    """reliability-review #3 (S12): ``file:…?mode=rwc`` skipped the "missing file" guard and
    created an empty database; a ``file:`` URI is now opened read-only like any other."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutcomesError, match="database file not found"):
        load_case_table("sqlite:///file:should_not_exist.db?mode=rwc&uri=true", table="cases")
    assert not (tmp_path / "should_not_exist.db").exists()
    loaded = load_case_table("sqlite:///file:a.db?mode=rwc&uri=true", table="cases")
    assert loaded.already_clean and len(loaded.cases) == 20


def test_a_never_ending_sqlite_query_is_stopped(sqlite_db, monkeypatch):
    """reliability-review #3 (S16): a recursive CTE ran unbounded; now a timeout, one line."""
    monkeypatch.setenv("OUTCOMES_SQL_TIMEOUT", "0.3")
    query = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS case_id FROM c"
    )
    with pytest.raises(OutcomesError, match=r"ran longer than 0.3 s \(the limit"):
        load_case_table(f"sqlite:///{sqlite_db}", query=query)


# --------------------------------------------------------------------------
# Every input bounded before it is trusted (issue 26; reliability-review #5)
# --------------------------------------------------------------------------


def _cli(argv: list[str], capsys) -> str:
    """Run the CLI; assert exit 2, one line on stderr and no traceback; return the line."""
    from outcomes.cli import main

    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    return err.strip()


def test_an_xlsx_with_one_cell_at_xfd1048576_is_refused_naming_the_limit(tmp_path, capsys):
    """reliability-review X02: a 2 KB workbook with one cell at XFD1048576 asked numpy for
    128 GiB (a traceback). The grid is bounded as it streams."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["案件番号", "残債"])
    ws.append(["A-1", 1000])
    ws["XFD1048576"] = 1
    path = tmp_path / "corner.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    line = _cli(["clean", str(path), "--lang", "en"], capsys)
    assert "1,048,576 rows × 16,384 columns, more than 100,000,000 cells (the limit)" in line


def test_an_xlsx_compression_bomb_is_refused_before_it_inflates(tmp_path):
    """reliability-review X01: a few-MB workbook whose sheet XML inflates to 0.6 GB ran for
    minutes. Its declared sizes are checked first (here 78 MB from about 100 KB)."""
    import zipfile

    import outcomes._limits as limits

    row = b"<row><c t='inlineStr'><is><t>x</t></is></c></row>"
    sheet = b"<worksheet><sheetData>" + row * 1_500_000 + b"</sheetData></worksheet>"
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    assert len(sheet) > limits.MAX_XLSX_RATIO * path.stat().st_size
    with pytest.raises(
        OutcomesError, match=r"inflate .* times .* more than 100 times \(the limit\)"
    ):
        load_case_table(path)


def test_a_row_of_200000_cells_is_refused_at_once(tmp_path, capsys):
    """reliability-review H14: a 400 KB CSV with one row of 200,000 cells ran past 200 s.
    Refused while the file is scanned (linear), naming Excel's 16,384 columns."""
    import time

    path = tmp_path / "ragged.csv"
    path.write_text("案件番号,残債\nA-1,100\nA-2," + ",".join(["x"] * 200_000) + "\n")
    started = time.perf_counter()
    line = _cli(["clean", str(path), "--lang", "en"], capsys)
    assert "a line of 200,001 cells, more than 16,384 (the limit)" in line
    assert time.perf_counter() - started < 20


def test_a_million_blank_lines_are_refused_naming_the_limit(tmp_path, capsys):
    """reliability-review H12: 30 M blank lines (30 MB) grew to 2.9 GB and a MemoryError
    traceback. Blank lines are counted as the file is scanned, a block at a time."""
    path = tmp_path / "blank.csv"
    path.write_bytes(
        b"\xe6\xa1\x88\xe4\xbb\xb6\xe7\x95\xaa\xe5\x8f\xb7\nA-1\n" + b"\r\n" * 1_000_001
    )
    line = _cli(["clean", str(path), "--lang", "en"], capsys)
    assert "more than 1,000,000 blank lines (the limit)" in line


def test_the_cost_of_a_wide_row_does_not_grow_a_dataframe_per_column(tmp_path, monkeypatch):
    """reliability-review H14: ≈3.5 ms per column, a DataFrame per "not in contract" problem
    (``Problems.add``). Now the problems of any number of columns make one frame: the
    frames built while cleaning do not grow with the columns."""
    from outcomes import clean_cases, read_cases

    built = []
    original = pd.DataFrame.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    def frames(extra: int) -> int:
        path = tmp_path / f"wide{extra}.csv"
        cells = ",".join(f"x{i}" for i in range(extra))
        path.write_text(f"案件番号,残債,{cells}\nA-1,100,{cells}\nA-2,200,{cells}\n")
        raw = read_cases(path)
        built.clear()
        monkeypatch.setattr(pd.DataFrame, "__init__", counting)
        result = clean_cases(raw, today=TODAY)
        monkeypatch.setattr(pd.DataFrame, "__init__", original)
        assert (result.problems["problem"].str.startswith("not in contract")).sum() == extra
        return len(built)

    assert frames(1000) - frames(10) < 50


@pytest.mark.parametrize("where", ["top", "value"])
def test_a_deeply_nested_case_json_is_one_line(tmp_path, capsys, where):
    """reliability-review J12/J13: a case JSON nested 100,000 deep was a RecursionError
    traceback; now one line naming the limit (64 levels)."""
    deep = "[" * 100_000 + "]" * 100_000
    text = deep if where == "top" else '{"case_id": "A-1", "residual_debt": ' + deep + "}"
    case = tmp_path / "case.json"
    case.write_text(text)
    line = _cli(["offer", "--model", str(V010), "--case", str(case), "--lang", "en"], capsys)
    assert re.search(r"JSON nested 100,00[01] levels deep, more than 64 \(the limit\)", line)


def test_a_deeply_nested_metadata_json_is_refused_naming_the_file(tmp_path):
    """reliability-review M09: ``metadata.json`` nested 200,000 deep was a traceback."""
    model = _copy(tmp_path)
    (model / "metadata.json").write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(OutcomesError, match=r"metadata\.json: JSON nested 200,000 levels deep"):
        read_model_dir(model)


def test_a_deeply_nested_json_inside_a_model_file_is_refused(tmp_path):
    """reliability-review M10: ``outcomes.json`` inside a ``.skops`` nested deep (sha256
    updated) was a RecursionError traceback on predict and offer."""
    import zipfile

    from outcomes.models import load_model

    model = _copy(tmp_path)
    skops = model / "settlement_ratio.skops"
    members = {}
    with zipfile.ZipFile(skops) as archive:
        for name in archive.namelist():
            members[name] = archive.read(name)
    members["outcomes.json"] = b"[" * 200_000 + b"]" * 200_000
    with zipfile.ZipFile(skops, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(OutcomesError, match=r"outcomes\.json\): JSON nested 200,000 levels"):
        load_model(skops)


def test_a_hash_list_naming_a_file_outside_the_directory_is_refused(tmp_path, monkeypatch):
    """reliability-review 'hash list is path-relative': ``metadata.json`` listing
    ``../../../../etc/hostname`` made ``check_hashes`` open a file outside the directory (an
    existence oracle). Refused before anything outside is opened."""
    import outcomes._write

    model = _copy(tmp_path)
    meta = json.loads((model / "metadata.json").read_text(encoding="utf-8"))
    files = {p.name: outcomes._write.file_sha256(p) for p in model.glob("*.skops")}
    meta["files"] = {**files, "../../../../etc/hostname": "0" * 64}
    (model / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    opened = []
    monkeypatch.setattr(outcomes._write, "file_sha256", lambda p: opened.append(p) or "")
    with pytest.raises(
        OutcomesError, match=r"lists '\.\./\.\./\.\./\.\./etc/hostname', which is not"
    ):
        read_model_dir(model)
    assert opened == []


def test_a_model_file_that_inflates_a_thousandfold_is_refused_with_a_reason(tmp_path, monkeypatch):
    """reliability-review M-probe: a 1.5 MB ``.skops`` whose ``schema.json`` inflates to
    1.5 GB was refused only after a 2.3 GB peak, with an empty reason ``()``. The archive's
    declared sizes are checked first (here, to stay quick, the ratio is enforced from 2 MB
    instead of 64 MB: 11 MB from about 60 KB)."""
    import zipfile

    import outcomes._limits
    from outcomes.models import load_model

    monkeypatch.setattr(outcomes._limits, "_RATIO_FROM", 2_000_000)
    skops = _copy(tmp_path) / "settlement_ratio.skops"
    with zipfile.ZipFile(skops, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("padding.json", b" " * 10_000_000)
    with pytest.raises(OutcomesError, match=r"inflate .* times .*\(the limit\)"):
        load_model(skops)
