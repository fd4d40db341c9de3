"""Tests of read_cases: every source of case-records.md §1 into the raw table.

Every input file is written into tmp_path by the test itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sqlite3
import tempfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outcomes import ReadError, read_cases
from outcomes._cleaning.read_csv import _sniff_delimiter

# Characters CP932 holds but Shift_JIS does not: the reason CP932 is used.
NOT_SHIFT_JIS = "㈱髙①"
HEADERS = ["案件ID", "残債額(万円)", "債権者", "備考"]
RECORDS = [
    ["A-001", "580", "㈱髙橋ファイナンス", "①電話済"],
    ["A-002", "1,200", "○○信用金庫", ""],
    ["A-003", "NA", "-", "不明"],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def all_object(raw: pd.DataFrame) -> bool:
    return all(dtype == np.dtype(object) for dtype in raw.dtypes)


def all_text(raw: pd.DataFrame) -> bool:
    """CSV cells: object columns of str, or pandas ``str`` columns (the pyarrow reader)."""
    return all(
        dtype == np.dtype(object) or isinstance(dtype, pd.StringDtype) for dtype in raw.dtypes
    ) and all(isinstance(v, str) for v in raw.to_numpy().ravel())


def assert_read_error(path_or_source: object, reason: str, **kwargs: object) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_cases(path_or_source, **kwargs)
    message = str(info.value)
    assert message.startswith(f"cannot read {path_or_source}: "), message
    assert reason in message, message
    assert "\n" not in message
    return info.value


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------


def test_shift_jis_cannot_hold_the_test_characters():
    # guards the meaning of the CP932 tests below
    for char in NOT_SHIFT_JIS:
        with pytest.raises(UnicodeEncodeError):
            char.encode("shift_jis")
        char.encode("cp932")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_encodings_are_detected_and_values_kept_exactly(tmp_path, encoding):
    path = write_csv(tmp_path / "cases.csv", [HEADERS, *RECORDS], encoding)
    raw = read_cases(path)

    assert raw.attrs == {
        "source": str(path),
        "format": "csv",
        "encoding": encoding,
        "rows_read": 3,
    }
    assert list(raw.columns) == HEADERS  # no BOM glued to the first header
    assert raw.index.name == "row"
    assert raw.index.tolist() == [2, 3, 4]
    assert all_text(raw)
    assert raw.to_numpy().tolist() == RECORDS  # "NA", "-", "" untouched
    assert all(type(v) is str for v in raw.to_numpy().ravel())


def test_csv_cp932_with_only_a_shift_jis_incompatible_character(tmp_path, monkeypatch):
    # a single ① is the only non-ASCII character: strict CP932 reads it, no guessing
    import charset_normalizer

    def no_guessing(*args, **kwargs):
        raise AssertionError("CP932 must be found without charset_normalizer")

    monkeypatch.setattr(charset_normalizer, "from_bytes", no_guessing)
    path = tmp_path / "cases.csv"
    path.write_bytes("case_id,notes\r\nA-1,①\r\n".encode("cp932"))
    raw = read_cases(path)
    assert raw.attrs["encoding"] == "cp932"
    assert raw.loc[2, "notes"] == "①"


def test_csv_quoted_multiline_cell_does_not_shift_row_numbers(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(
        "案件ID,備考,残債\n"
        'A-1,"一行目\n二行目\n三行目",100\n'
        "A-2,,200\n"
        'A-3,"x\r\ny",300\n'
        "A-4,,400\n",
        encoding="utf-8",
        newline="",
    )
    raw = read_cases(path)
    assert raw.index.tolist() == [2, 3, 4, 5]
    assert raw["案件ID"].tolist() == ["A-1", "A-2", "A-3", "A-4"]
    assert raw.loc[2, "備考"] == "一行目\n二行目\n三行目"
    assert raw.loc[4, "備考"] == "x\r\ny"


def test_csv_empty_rows_are_skipped_keeping_numbers(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("案件ID,残債\nA-1,1\n,\n\nA-2, \n,,\n", encoding="utf-8")
    raw = read_cases(path)
    # row 3 is ",", row 4 a blank line, row 6 ",," (an extra empty cell)
    assert raw.index.tolist() == [2, 5]
    assert raw.loc[5].tolist() == ["A-2", " "]  # a space is a value, kept as written
    assert list(raw.columns) == ["案件ID", "残債"]
    assert raw.attrs["rows_read"] == 2


def test_csv_title_line_above_header_and_ragged_rows(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(
        "案件一覧（2024年3月）\n\n案件ID,年齢,氏名,\nA-1,45,山田様,\nA-2,52,,extra\n",
        encoding="utf-8",
    )
    raw = read_cases(path)
    assert raw.index.tolist() == [4, 5]  # header on row 3
    # headers exactly as written; the unnamed column stays because it holds a value
    assert list(raw.columns) == ["案件ID", "年齢", "氏名", ""]
    assert raw.loc[5].tolist() == ["A-2", "52", "", "extra"]


def test_csv_trailing_delimiters_make_no_column(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("case_id,age,,\nA-1,45,,\n", encoding="utf-8")
    raw = read_cases(path)
    assert list(raw.columns) == ["case_id", "age"]


def test_csv_headers_are_kept_exactly_even_when_repeated(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(" 案件ID ,残債額（万円）,残債額（万円）\nA-1,1,2\n", encoding="utf-8")
    raw = read_cases(path)
    assert list(raw.columns) == [" 案件ID ", "残債額（万円）", "残債額（万円）"]
    assert raw.iloc[0].tolist() == ["A-1", "1", "2"]


@pytest.mark.parametrize(
    ("name", "delimiter"),
    [("cases.tsv", "\t"), ("cases.txt", "\t"), ("cases.txt", ";"), ("cases.txt", ",")],
)
def test_delimiter_is_sniffed_for_tsv_and_txt(tmp_path, name, delimiter):
    rows = [HEADERS, ["A-1", "5,800,000", "X銀行", "a,b;c"], ["A-2", "1,000", "", ""]]
    path = write_csv(tmp_path / name, rows, "cp932", delimiter)
    raw = read_cases(path)
    assert list(raw.columns) == HEADERS
    assert raw.to_numpy().tolist() == rows[1:]


def test_sniffer_prefers_the_steady_delimiter():
    # commas in amounts outnumber tabs but vary from line to line
    head = "案件ID\t残債\n1\t1,234,567,890\n2\t5,800\n3\t1,000,000\n".encode()
    assert _sniff_delimiter(head, ",") == "\t"


def test_csv_utf16_text_export(tmp_path):
    # Excel's "Unicode text" export: UTF-16 with a BOM, tab-separated, .txt
    path = tmp_path / "cases.txt"
    path.write_bytes("案件ID\t債権者\r\nA-1\t㈱髙①\r\n".encode("utf-16"))
    raw = read_cases(path)
    assert raw.attrs["encoding"] == "utf-16"
    assert raw.loc[2].tolist() == ["A-1", "㈱髙①"]


def test_csv_other_encoding_found_by_charset_detection(tmp_path):
    # EUC-JP is neither UTF-8 nor CP932; the last resort still reads it
    text = "案件ID,債権者,備考\n" + "".join(
        f"A-{i},日本政策金融公庫,和解成立後に分割弁済の予定です。\n" for i in range(30)
    )
    path = tmp_path / "cases.csv"
    path.write_bytes(text.encode("euc_jp"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("cp932")
    raw = read_cases(path)
    assert raw.attrs["encoding"].lower().startswith("euc")  # euc_jp or its superset
    assert raw.loc[2].tolist() == ["A-0", "日本政策金融公庫", "和解成立後に分割弁済の予定です。"]


def test_csv_progress_bar_goes_to_stderr_and_changes_nothing(tmp_path, capsys):
    path = write_csv(tmp_path / "cases.csv", [HEADERS, *RECORDS], "cp932")
    quiet = read_cases(path, progress=False)
    assert capsys.readouterr().err == ""
    loud = read_cases(path, progress=True)
    captured = capsys.readouterr()
    assert "reading cases.csv" in captured.err
    assert captured.out == ""
    pd.testing.assert_frame_equal(quiet, loud)
    assert quiet.attrs == loud.attrs


_CELL = st.text(alphabet='aあア㈱髙①, "\n-0', max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(st.lists(_CELL, min_size=3, max_size=3), max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932"]),
)
def test_csv_round_trip_property(records, encoding):
    """Any cells written by the csv module come back exactly, on rows i + 2."""
    with tempfile.TemporaryDirectory() as tmp:
        path = write_csv(Path(tmp) / "cases.csv", [HEADERS[:3], *records], encoding)
        raw = read_cases(path)
    expected = {i + 2: r for i, r in enumerate(records) if any(r)}
    assert raw.index.tolist() == list(expected)
    assert raw.to_numpy().tolist() == list(expected.values())
    assert list(raw.columns) == HEADERS[:3]


# --------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------


def _workbook_with_cover(path: Path) -> Path:
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "表紙"
    cover["A1"] = "残債案件一覧"
    cover["A2"] = "作成日"
    cover["B2"] = dt.datetime(2024, 4, 1)
    cover["A4"] = "備考: 社外秘"
    cases = book.create_sheet("案件")
    cases.append(["案件ID", "売却日", "残債額(円)", "年齢", "氏名"])
    cases.append(["A-1", dt.datetime(2021, 3, 15), 5_800_000, 45, "山田様"])
    cases.append(["A-2", "令和3年3月15日", "580万円", "45歳", None])
    cases.append([None, None, None, None, None])  # an empty row
    cases.append(["A-3", 44270, 1234567.5, True, "-"])
    book.save(path)
    return path


def test_xlsx_picks_the_case_sheet_and_keeps_typed_cells(tmp_path):
    path = _workbook_with_cover(tmp_path / "cases.xlsx")
    raw = read_cases(path)

    assert raw.attrs == {"source": str(path), "format": "xlsx", "sheet": "案件", "rows_read": 3}
    assert list(raw.columns) == ["案件ID", "売却日", "残債額(円)", "年齢", "氏名"]
    assert raw.index.tolist() == [2, 3, 5]  # row 4 is empty
    assert all_object(raw)

    sale = raw["売却日"].tolist()
    assert type(sale[0]) is dt.datetime and sale[0] == dt.datetime(2021, 3, 15)
    assert sale[1:] == ["令和3年3月15日", 44270]
    debt = raw["残債額(円)"].tolist()
    assert [type(v) for v in debt] == [int, str, float]
    assert debt == [5_800_000, "580万円", 1234567.5]
    assert raw["年齢"].tolist() == [45, "45歳", True]
    assert raw["氏名"].tolist() == ["山田様", None, "-"]


def test_xlsx_title_rows_above_the_header_give_real_sheet_rows(tmp_path):
    path = tmp_path / "cases.xlsm"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "一覧"
    ws["A1"] = "案件一覧（2024年3月末）"
    ws["A3"], ws["B3"], ws["C3"] = "管理番号", "和解日", "月額"
    ws["A4"], ws["B4"], ws["C4"] = "B-1", dt.datetime(2022, 1, 5), 10000
    ws["A6"], ws["C6"] = "B-2", "1万5千円"
    ws["E9"] = None  # formatting-only cells past the data make no row or column
    book.save(path)

    raw = read_cases(path)
    assert raw.index.tolist() == [4, 6]
    assert list(raw.columns) == ["管理番号", "和解日", "月額"]
    assert raw.loc[6].tolist() == ["B-2", None, "1万5千円"]
    assert raw.attrs["sheet"] == "一覧"


def test_xlsx_explicit_sheet_by_name_and_index(tmp_path):
    path = _workbook_with_cover(tmp_path / "cases.xlsx")
    book = openpyxl.load_workbook(path)
    other = book.create_sheet("旧データ")
    other.append(["案件番号", "残債"])
    other.append(["Z-9", 1])
    book.save(path)

    assert read_cases(path).attrs["sheet"] == "案件"  # the best match wins
    by_name = read_cases(path, sheet="旧データ")
    by_index = read_cases(path, sheet=2)
    assert by_name.attrs["sheet"] == by_index.attrs["sheet"] == "旧データ"
    assert by_name.to_numpy().tolist() == [["Z-9", 1]]
    pd.testing.assert_frame_equal(by_name, by_index)
    assert read_cases(path, sheet=-2).attrs["sheet"] == "案件"

    assert_read_error(path, "no sheet named '不明' (sheets: 表紙, 案件, 旧データ)", sheet="不明")
    assert_read_error(path, "no sheet 5", sheet=5)
    assert_read_error(path, "no column of the contract found", sheet="表紙")


def test_xlsx_without_any_case_sheet(tmp_path):
    path = tmp_path / "cover.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["氏名", "電話番号"])
    book.save(path)
    assert_read_error(path, "no column of the contract found in any sheet (Sheet)")


# --------------------------------------------------------------------------
# Parquet, SQL, DataFrame
# --------------------------------------------------------------------------


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "case_id": ["P-1", "P-2", None],
            "residual_debt": pd.array([5_800_000, None, None], dtype="Int64"),
            "sale_date": pd.to_datetime(["2021-03-15", None, None]),
            "settlement_ratio": [0.12, np.nan, np.nan],
        }
    )


def test_parquet(tmp_path):
    path = tmp_path / "cases.parquet"
    _frame().to_parquet(path)
    raw = read_cases(path)
    assert raw.attrs == {"source": str(path), "format": "parquet", "rows_read": 2}
    assert raw.index.tolist() == [2, 3]  # the empty third row is skipped
    assert all_object(raw)
    first, second = raw.loc[2].tolist(), raw.loc[3].tolist()
    assert first[:2] == ["P-1", 5_800_000] and type(first[1]) is int
    assert first[2] == dt.datetime(2021, 3, 15) and first[3] == 0.12
    assert second == ["P-2", None, None, None]


@pytest.fixture
def sqlite_db(tmp_path) -> Path:
    path = tmp_path / "cases.db"
    with sqlite3.connect(path) as con:
        con.execute(
            'CREATE TABLE "案件" (case_id TEXT, "残債額(円)" INTEGER, ratio REAL, sale_date TEXT)'
        )
        con.executemany(
            'INSERT INTO "案件" VALUES (?, ?, ?, ?)',
            [
                ("S-1", 5800000, 0.2, "2021-03-15"),
                ("S-2", None, None, "令和3年3月15日"),
                (None, None, None, None),
                ("S-3", 120, 1.5, ""),
            ],
        )
    con.close()
    return path


def test_sqlite_table(sqlite_db):
    url = f"sqlite:///{sqlite_db}"
    raw = read_cases(url, table="案件")
    assert raw.attrs == {"source": url, "format": "sql", "rows_read": 3}
    assert list(raw.columns) == ["case_id", "残債額(円)", "ratio", "sale_date"]
    assert raw.index.tolist() == [2, 3, 5]  # rows as returned; the empty one skipped
    assert all_object(raw)
    assert raw.loc[2].tolist() == ["S-1", 5800000, 0.2, "2021-03-15"]
    assert type(raw.loc[2, "残債額(円)"]) is int
    assert raw.loc[3].tolist() == ["S-2", None, None, "令和3年3月15日"]


def test_sqlite_query(sqlite_db):
    url = f"sqlite:///{sqlite_db}"
    raw = read_cases(url, query='SELECT case_id, "残債額(円)" FROM "案件" WHERE ratio > 1')
    assert raw.index.tolist() == [2]
    assert raw.to_numpy().tolist() == [["S-3", 120]]


def test_sqlite_errors(sqlite_db, tmp_path):
    url = f"sqlite:///{sqlite_db}"
    assert_read_error(url, "no table named 'cases' in the database", table="cases")
    error = assert_read_error(
        url, "the query failed (no such table: cases)", query="SELECT * FROM cases"
    )
    assert error.__cause__ is not None
    assert_read_error(url, "no column of the contract found", query="SELECT 1 AS x")

    # a statement that changes data is refused before the database is opened (issue 26)
    assert_read_error(url, "must be a statement that reads", query='DELETE FROM "案件"')
    assert len(read_cases(url, table="案件")) == 3

    missing = tmp_path / "missing.db"
    assert_read_error(f"sqlite:///{missing}", "database file not found", table="案件")
    assert not missing.exists()  # SQLite must not have created it

    not_db = tmp_path / "not.db"
    not_db.write_text("案件ID,残債\nA,1\n" * 200, encoding="utf-8")
    assert_read_error(f"sqlite:///{not_db}", "file is not a database", table="案件")


def test_database_password_is_masked(monkeypatch):
    import sqlalchemy as sa

    def refuse(*args, **kwargs):
        raise sa.exc.OperationalError("connect", {}, Exception("connection refused"))

    monkeypatch.setattr(sa, "create_engine", refuse)
    url = "postgresql+psycopg://ana:s3cret@db.internal:5432/cases"
    with pytest.raises(ReadError) as info:
        read_cases(url, table="cases")
    message = str(info.value)
    assert "s3cret" not in message
    assert message.startswith("cannot read postgresql+psycopg://ana:***@db.internal:5432/cases: ")
    assert "connection refused" in message


def test_dataframe_passthrough():
    frame = _frame()
    raw = read_cases(frame)
    assert raw.attrs == {"source": "DataFrame", "format": "dataframe", "rows_read": 2}
    assert raw.index.name == "row" and raw.index.tolist() == [2, 3]
    assert raw.loc[3].tolist() == ["P-2", None, None, None]
    assert all_object(raw)
    pd.testing.assert_frame_equal(frame, _frame())  # the caller's frame is untouched

    # a raw table read again keeps its row numbers, values and source
    again = read_cases(raw)
    pd.testing.assert_frame_equal(raw, again)
    assert again.attrs["source"] == "DataFrame"


def test_dataframe_row_numbers_kept_and_named_index_kept_as_column(tmp_path):
    path = write_csv(tmp_path / "cases.csv", [HEADERS, *RECORDS], "utf-8")
    raw = read_cases(path)
    subset = raw.loc[[4]]
    again = read_cases(subset)
    assert again.index.tolist() == [4]
    assert again.attrs["source"] == str(path)

    indexed = pd.DataFrame({"残債": [1, 2]}, index=pd.Index(["A", "B"], name="案件ID"))
    raw = read_cases(indexed)
    assert list(raw.columns) == ["案件ID", "残債"]
    assert raw.loc[3].tolist() == ["B", 2]


# --------------------------------------------------------------------------
# Sources that cannot be read
# --------------------------------------------------------------------------


def test_missing_file_and_directory(tmp_path):
    assert_read_error(tmp_path / "nope.csv", "file not found")
    assert_read_error(tmp_path, "is a directory")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("cases.xls", "unsupported file type '.xls' (save it as .xlsx)"),
        ("cases.json", "unsupported file type '.json'"),
        ("cases", "unsupported file type 'cases'"),
    ],
)
def test_unknown_extension(tmp_path, name, reason):
    path = tmp_path / name
    path.write_text("case_id\nA\n", encoding="utf-8")
    assert_read_error(path, reason)


def test_binary_garbage(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_bytes(random.Random(0).randbytes(4096))
    error = assert_read_error(path, "binary data, not a text table")
    assert error.source == str(path)


def test_undecodable_text(tmp_path):
    # no NUL, but neither UTF-8 nor CP932 and nothing charset detection trusts
    path = tmp_path / "cases.csv"
    path.write_bytes(b"case_id\n" + bytes([0x81, 0x20, 0xFF, 0x7F, 0x85]) * 50)
    with pytest.raises(ReadError, match=rf"^cannot read {path}: "):
        read_cases(path)


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n", b",,,\n,,\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "cases.csv"
    path.write_bytes(content)
    assert_read_error(path, "empty file")


def test_header_only_file_is_an_empty_table(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("案件ID,残債\n", encoding="utf-8")
    raw = read_cases(path)
    assert raw.empty and list(raw.columns) == ["案件ID", "残債"]
    assert raw.attrs["rows_read"] == 0


def test_no_column_of_the_contract(tmp_path):
    path = write_csv(tmp_path / "people.csv", [["氏名", "電話"], ["山田", "03-0000-0000"]], "utf-8")
    error = assert_read_error(path, "no column of the contract found in the first 20 rows")
    assert "山田" not in str(error)  # the message never repeats the file's contents
    with pytest.raises(ReadError, match="^cannot read DataFrame: no column of the contract found$"):
        read_cases(pd.DataFrame({"氏名": ["山田"]}))


def test_unclosed_quote(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text('案件ID,備考\nA-1,x\nA-2,"never closed\nA-3,x\n', encoding="utf-8")
    assert_read_error(path, "malformed CSV: a quote opened on row 3 is never closed")


def test_corrupt_xlsx_and_parquet(tmp_path):
    xlsx = tmp_path / "cases.xlsx"
    xlsx.write_text("案件ID,残債\nA,1\n", encoding="utf-8")
    error = assert_read_error(xlsx, "not a readable Excel workbook")
    assert error.__cause__ is not None

    truncated = tmp_path / "truncated.xlsx"
    _workbook_with_cover(tmp_path / "good.xlsx")
    truncated.write_bytes((tmp_path / "good.xlsx").read_bytes()[:2000])
    assert_read_error(truncated, "not a readable Excel workbook")

    parquet = tmp_path / "cases.parquet"
    buffer = io.BytesIO()
    _frame().to_parquet(buffer)
    parquet.write_bytes(buffer.getvalue()[:-100])
    assert_read_error(parquet, "not a readable Parquet file")


def test_arguments_that_do_not_fit_the_source(tmp_path, sqlite_db):
    path = write_csv(tmp_path / "cases.csv", [HEADERS, *RECORDS], "utf-8")
    with pytest.raises(ValueError, match="table= does not apply to a file"):
        read_cases(path, table="x")
    with pytest.raises(ValueError, match="sheet= does not apply to a .csv file"):
        read_cases(path, sheet=0)
    with pytest.raises(ValueError, match="exactly one of table= or query="):
        read_cases(f"sqlite:///{sqlite_db}")
    with pytest.raises(ValueError, match="exactly one of table= or query="):
        read_cases(f"sqlite:///{sqlite_db}", table="案件", query="SELECT 1")
    with pytest.raises(TypeError, match="source must be"):
        read_cases(42)  # type: ignore[arg-type]


def test_pyarrow_and_pandas_readers_give_the_same_rows(tmp_path, monkeypatch):
    """Multi-line quoted cells, quoted blank lines and blank lines between records go
    through pyarrow and read as the pandas path reads them: same cells, same row numbers."""
    import outcomes._cleaning.read_csv as reader

    body = (
        '案件ID,備考,残債\r\nA-1,"line one\r\nline two",580万円\r\nA-2,x,"1,000"\r\n'
        '\r\nA-3,"a\r\n\r\nb",\r\nA-4,"c\n\nd",1\r\n\r\n'
    )
    path = tmp_path / "cases.csv"
    path.write_bytes(body.encode("cp932"))
    fast = read_cases(path)
    monkeypatch.setattr(reader, "_parse_csv_arrow", lambda *args, **kwargs: None)
    slow = read_cases(path)
    assert isinstance(fast.dtypes.iloc[0], pd.StringDtype)  # the pyarrow path
    assert slow.dtypes.iloc[0] == np.dtype(object)  # the pandas path
    assert fast.index.tolist() == slow.index.tolist() == [2, 3, 5, 6]  # a record is a row
    assert fast.to_numpy().tolist() == slow.to_numpy().tolist()
    assert fast.loc[2, "備考"] == "line one\r\nline two"
    assert fast.loc[5, "備考"] == "a\r\n\r\nb"
