"""The negotiation log, cleaned (issue 27 part 1; case-records §9; negotiation-practice review).

Small frames only: the whole file runs in a few seconds.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest

from outcomes import ReadError, clean_cases, clean_negotiations
from outcomes._cleaning import LOG_DTYPES, NEGOTIATION_COLUMNS
from outcomes.datasets import messy_negotiations

TODAY = "2026-01-01"
REQUIRED = list(NEGOTIATION_COLUMNS[:8])


@pytest.fixture(scope="module")
def cases():
    raw = pd.DataFrame(
        {
            "案件ID": ["A1", "A2", "A3"],
            "売却日": ["2021-03-01", "2021-06-01", "2020-01-15"],
            "残債額": ["780万円", "500万円", "300万円"],
        }
    )
    return clean_cases(raw, today=TODAY).cases


def clean(source, *args, **kwargs):
    """clean_negotiations, with each problem's code (``log.amount_negative``) as a column."""
    result = clean_negotiations(source, *args, **kwargs)
    return result.log, result.problems.assign(code=result.codes)


def _log(**columns):
    """A raw log of a few rows; each keyword is a header and its cells."""
    return pd.DataFrame(columns)


def clean_log_truth(n_cases: int = 40, seed: int = 7, optional: bool = False) -> pd.DataFrame:
    """A small clean canonical log (the generator of issue 27 writes bigger ones);
    ``optional`` adds responded_on, counterparty and claimed_amount."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_cases):
        day = pd.Timestamp("2019-06-01") + pd.Timedelta(days=int(rng.integers(0, 1500)))
        for r in range(int(rng.integers(2, 6))):
            party = "creditor" if r % 2 == 0 else "debtor"
            kind = rng.choice(["lump_sum", "installment", "mixed", "event"], p=[0.5, 0.2, 0.2, 0.1])
            amount = monthly = term = None
            if kind in ("lump_sum", "mixed"):
                amount = int(rng.integers(1, 200)) * 10_000 + int(rng.choice([0, 5000]))
            if kind in ("installment", "mixed"):
                monthly = int(rng.choice([5000, 10_000, 15_000, 20_000, 30_000]))
                term = None if rng.random() < 0.2 else int(rng.choice([12, 24, 36, 60]))
            response = rng.choice(["accepted", "rejected", "countered", "pending", "lapsed"])
            rows.append(
                {
                    "case_id": f"C{c:03d}",
                    "offered_on": day,
                    "party": party,
                    "kind": kind,
                    "amount": amount,
                    "monthly_amount": monthly,
                    "term_months": term,
                    "response": "pending" if kind == "event" else response,
                }
            )
            day += pd.Timedelta(days=int(rng.integers(5, 60)))
    log = pd.DataFrame(rows)
    for c in ("amount", "monthly_amount", "term_months"):
        log[c] = pd.array(log[c], dtype="Int64")
    if optional:
        log["responded_on"] = log["offered_on"] + pd.Timedelta(days=4)
        names = np.array(["アビリオ債権回収", "SMBC債権回収", "住宅金融支援機構", "東西銀行"])
        log["counterparty"] = pd.array(names[rng.integers(0, 4, len(log))], dtype="string")
        log["claimed_amount"] = pd.array(rng.integers(300, 900, len(log)) * 10_000, dtype="Int64")
    return log


def test_messy_cp932_log_keeps_every_row_and_reads_995_of_cells_right(tmp_path):
    """Issue 27 'done when': a messy log (CP932, era dates, 万円, kanji, 当方/サービサー,
    承諾/対案, one-cell proposals) cleans with every row kept, >= 0.995 of cells right,
    and each garbage cell gives exactly one problem row."""
    truth_log = clean_log_truth(optional=True)
    path = tmp_path / "log.csv"
    messy = messy_negotiations(truth_log, path, seed=11, garbage=0.02)
    assert len(messy.garbage) >= 3
    assert path.read_bytes().decode("cp932")  # written as Excel on Windows saves it
    log, problems = clean(path, today=TODAY)
    assert len(log) == len(truth_log)
    truth = messy.truth.copy()
    truth["_case"] = pd.factorize(truth["case_id"])[0]
    truth = truth.sort_values(["_case", "offered_on"], na_position="last", kind="stable")
    truth = truth.drop(columns="_case").reset_index(drop=True)
    right = total = 0
    assert list(log.columns) == list(NEGOTIATION_COLUMNS)
    for column in NEGOTIATION_COLUMNS:
        a = log[column].astype(object).where(log[column].notna(), None).tolist()
        b = truth[column].astype(object).where(truth[column].notna(), None).tolist()
        right += sum(x == y for x, y in zip(a, b, strict=True))
        total += len(a)
    assert right / total >= 0.995, right / total
    found = problems[problems["kind"] == "unreadable"]
    for row, column in messy.garbage.itertuples(index=False):
        hits = problems[(problems["row"] == row) & (problems["column"] == column)]
        assert len(hits) == 1, (row, column, hits)
    assert len(found) == len(messy.garbage)
    assert not problems["value"].fillna("").str.contains("090-").any()  # notes never copied


@pytest.mark.parametrize(
    ("cell", "kind", "amount", "monthly", "term"),
    [
        ("月2万円×60回+一括50万円", "mixed", 500_000, 20_000, 60),
        ("一括30万円", "lump_sum", 300_000, None, None),
        ("月1万円×5年", "installment", None, 10_000, 60),
        ("30万円(一括)", "lump_sum", 300_000, None, None),
        ("月1万円〜", "installment", None, 10_000, None),
        ("月5千円(1年毎見直し)", "installment", None, 5_000, None),
        ("月1万円以上", "installment", None, 10_000, None),
        ("当面月1万円×12回", "installment", None, 10_000, None),
        ("月２万円×６０回＋一括五十万円", "mixed", 500_000, 20_000, 60),
        ("頭金10万+月1万×24", "mixed", 100_000, 10_000, 24),
    ],
)
def test_one_cell_proposal_fills_kind_amount_monthly_and_term(cell, kind, amount, monthly, term):
    """§9: a whole proposal in one cell fills kind, amount, monthly_amount and term_months;
    〜/以上/当面/見直し make it open-ended (no term)."""
    log, problems = clean(
        _log(案件ID=["A1"], 提示日=["2021-05-01"], 提示者=["サービサー"], 金額=[cell]), today=TODAY
    )
    row = log.iloc[0]
    assert row["kind"] == kind
    assert (None if pd.isna(row["amount"]) else row["amount"]) == amount
    assert (None if pd.isna(row["monthly_amount"]) else row["monthly_amount"]) == monthly
    assert (None if pd.isna(row["term_months"]) else row["term_months"]) == term
    assert problems.empty


def test_columns_and_dtypes_are_the_contracts_optional_only_where_given():
    """§9: the canonical columns exactly as named; responded_on, counterparty and
    claimed_amount only where the sheet has them; Int64 yen, dates as the case table's."""
    log, _ = clean_negotiations(
        _log(案件ID=["A1"], 提示日=["R3.5.1"], 提示者=["当方"], 金額=["30万円"], 回答=["承諾"]),
        today=TODAY,
    )
    assert list(log.columns) == REQUIRED
    for column in REQUIRED:
        assert log[column].dtype == pd.api.types.pandas_dtype(LOG_DTYPES[column]), column
    assert log["kind"].iloc[0] == "lump_sum" and log["amount"].iloc[0] == 300_000
    log, _ = clean_negotiations(
        _log(案件ID=["A1"], 提示日=["R3.5.1"], 回答日=["R3.5.20"], 請求額=["650万円"],
             相手先=["ｱﾋﾞﾘｵ債権回収㈱"], 提示者=["サービサー"], 金額=["全額"]),
        today=TODAY,
    )  # fmt: skip
    assert list(log.columns) == list(NEGOTIATION_COLUMNS)
    assert log["counterparty"].iloc[0] == "アビリオ債権回収"
    assert log["amount"].iloc[0] == 6_500_000  # 全額 = claimed_amount
    assert log["responded_on"].dtype == "datetime64[ns]"


def test_full_claim_without_claimed_amount_is_empty_and_not_a_problem():
    """§9: 全額/全額一括 with no claimed amount: kind lump_sum, amount empty, no problem."""
    log, problems = clean(
        _log(案件ID=["A1"], 提示日=["2021-05-01"], 提示者=["債権者"], 提案内容=["全額一括"]),
        today=TODAY,
    )
    assert log["kind"].iloc[0] == "lump_sum" and pd.isna(log["amount"].iloc[0])
    assert problems.empty


def test_party_words_and_firm_reported_once_per_case():
    """§9 and review §5.1: 当社 is read as debtor and reported once per case (弁護士法72条);
    a servicer's name in 提示者 is the creditor's side; お客様 is a party word, not a name."""
    log, problems = clean(
        _log(
            案件ID=["A1", "A1", "A2", "A2"],
            提示日=["2021-05-01", "2021-06-01", "2021-05-01", "2021-06-01"],
            提示者=["当社", "当社", "ｾﾃﾞｨﾅ債権回収㈱", "お客様"],
            金額=["10万", "20万", "30万", "5万"],
        ),
        today=TODAY,
    )
    assert log["party"].tolist() == ["debtor", "debtor", "creditor", "debtor"]
    firm = problems[problems["code"] == "log.firm_as_party"]
    assert firm["row"].tolist() == [2]
    assert "弁護士法72条" in firm["problem"].iloc[0]


def test_answers_not_yet_approved_are_pending_and_more_without_figure_is_rejected():
    """§9 response: 内諾/仮合意/担当者了承 are pending, never accepted; 増額要請 without a
    figure is rejected and noted; 内諾→稟議否決 reads its final answer."""
    answers = ["内諾", "仮合意", "担当者了承", "増額要請", "内諾→稟議否決", "○", "一部承諾", "失効"]
    log, problems = clean(
        _log(
            案件ID=["A1"] * len(answers),
            提示日=[f"2021-05-{d:02d}" for d in range(1, len(answers) + 1)],
            提示者=["当方"] * len(answers),
            金額=["10万"] * len(answers),
            回答=answers,
        ),
        today=TODAY,
    )
    assert log["response"].tolist() == [
        "pending", "pending", "pending", "rejected", "rejected", "accepted", "countered", "lapsed",
    ]  # fmt: skip
    assert problems["code"].tolist() == ["log.raise_without_figure"]


def test_out_of_range_cells_are_emptied_each_with_one_problem(cases):
    """§9 ranges: below ¥0; above claimed_amount; above residual × 1.5 (debtor) or × 3
    (creditor); after today; more than a year before the sale (emptied); before the sale
    within the year (kept, noted). The rows are kept."""
    log, problems = clean(
        _log(
            案件ID=["A1", "A1", "A1", "A1", "A1", "A1", "A1"],
            提示日=["2021-04-01", "2021-04-02", "2021-04-03", "2021-04-04", "2030-01-01",
                    "2019-01-01", "2020-12-01"],
            提示者=["当方", "当方", "当方", "サービサー", "当方", "当方", "当方"],
            金額=["-5万", "900万", "1200万", "2000万", "10万", "10万", "10万"],
            請求額=["", "800万", "", "", "", "", ""],
        ),
        cases,
        today=TODAY,
    )  # fmt: skip
    assert len(log) == 7
    kinds = problems.set_index("row")["code"].to_dict()
    assert kinds == {
        2: "log.amount_negative",
        3: "log.amount_over_claim",
        4: "log.amount_over_debt",  # 12,000,000 > 7,800,000 × 1.5
        6: "log.date_future",
        7: "log.long_before_sale",
        8: "log.before_sale",
    }
    # the creditor's 20,000,000 is within 7,800,000 × 3
    assert log["amount"].dropna().tolist().count(20_000_000) == 1


def test_unknown_case_reported_once_per_case_id(cases):
    """§9: a case_id not in the case list is kept and reported once per case_id."""
    log, problems = clean(
        _log(案件ID=["Z9", "Z9", "A1"], 提示日=["2021-05-01", "2021-06-01", "2021-05-01"],
             提示者=["当方"] * 3, 金額=["10万"] * 3),
        cases,
        today=TODAY,
    )  # fmt: skip
    assert len(log) == 3
    assert problems[problems["code"] == "log.unknown_case"]["row"].tolist() == [2]


def test_same_proposal_twice_counts_once_and_the_second_is_reported():
    """§9 and review §6: same case, counterparty, day, party and terms count once; the
    same offer to two counterparties on one day is two proposals."""
    log, problems = clean(
        _log(
            案件ID=["A1"] * 4,
            提示日=["2021-05-01"] * 4,
            提示者=["当方"] * 4,
            相手先=["A保証", "A保証", "B銀行", "A保証"],
            金額=["20万", "200,000円", "20万", "30万"],
        ),
        today=TODAY,
    )
    assert len(log) == 3
    dup = problems[problems["code"] == "log.duplicate"]
    assert dup["row"].tolist() == [3] and "2" in dup["problem"].iloc[0]


def test_newest_first_log_is_read_in_date_order_and_noted():
    """§9: rows in date order within a case; a log written newest first is noted once."""
    log, problems = clean(
        _log(
            案件ID=["A1", "A1", "A2", "A2"],
            提示日=["2021-07-01", "2021-05-01", "2021-09-01", "2021-08-01"],
            提示者=["当方", "サービサー", "当方", "サービサー"],
            金額=["30万", "月2万円×60回", "20万", "全額"],
        ),
        today=TODAY,
    )
    assert log["offered_on"].dt.strftime("%m").tolist() == ["05", "07", "08", "09"]
    assert problems["code"].tolist() == ["log.newest_first"]


def test_two_proposals_in_a_cell_and_ranges_are_reported_not_split():
    """§9 and review §3b: 一括30万→拒否、50万なら可 is reported, not split; 20〜30万円 no end picked."""
    log, problems = clean(
        _log(案件ID=["A1", "A1"], 提示日=["2021-05-01", "2021-05-02"], 提示者=["当方"] * 2,
             金額=["一括30万→拒否、50万なら可", "20〜30万円"]),
        today=TODAY,
    )  # fmt: skip
    assert log["amount"].isna().all() and len(log) == 2
    assert problems["code"].tolist() == ["log.two_proposals", "log.amount_range"]


def test_instalment_row_single_amount_is_the_monthly_one_noted():
    """§9: on an instalment row a single amount is the monthly amount (noted)."""
    log, problems = clean(
        _log(案件ID=["A1"], 提示日=["2021-05-01"], 提示者=["当方"], 種類=["分割"], 金額=["10,000"]),
        today=TODAY,
    )
    assert log["monthly_amount"].iloc[0] == 10_000 and pd.isna(log["amount"].iloc[0])
    assert problems["code"].tolist() == ["log.single_amount_monthly"]


def test_no_personal_data_reaches_the_output():
    """§7/§9: notes are never copied; a phone or a name with 様 is emptied and masked."""
    log, problems = clean(
        _log(案件ID=["A1", "A1"], 提示日=["2021-05-01", "2021-05-02"],
             提示者=["山田様", "当方"], 金額=["10万", "03-1234-5678"], 備考=["田中 090-1111-2222", ""],
             担当者=["佐藤", "佐藤"]),
        today=TODAY,
    )  # fmt: skip
    text = log.astype(str).to_string() + problems.astype(str).to_string()
    for secret in ("山田", "1234-5678", "090", "田中", "佐藤"):
        assert secret not in text
    assert set(problems["kind"]) == {"personal data", "not in contract"}


def test_unreadable_cells_report_in_the_runs_language():
    """Issue 24: a problem is a code (kind) and a sentence in the run's language."""
    raw = _log(案件ID=["A1"], 提示日=["いつか"], 提示者=["誰か"], 金額=["多額"], 回答=["？"])
    _, en = clean(raw, today=TODAY)
    _, ja = clean(raw, today=TODAY, language="ja")
    assert en["code"].tolist() == ja["code"].tolist() == ["log.unreadable"] * 4
    assert en["problem"].str.startswith("unreadable:").all()
    assert ja["problem"].str.startswith("読めない値:").all()


def test_xlsx_log_sheet_is_found_beside_the_case_sheet(tmp_path):
    """§9/§1: the log is its own sheet of the workbook, found by its header row."""
    path = tmp_path / "book.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame(
            {
                "案件ID": ["A1"],
                "売却日": ["2021-03-01"],
                "残債額": ["780万"],
                "月額": [""],
                "結果": ["分割"],
            }
        ).to_excel(writer, sheet_name="案件", index=False)
        pd.DataFrame({"案件ID": ["A1"], "提示日": [pd.Timestamp("2021-05-01")],
                      "提示者": ["当方"], "金額(万円)": [30]}).to_excel(writer, sheet_name="交渉履歴",
                                                                     index=False)  # fmt: skip
    result = clean_negotiations(path, today=TODAY)
    assert result.sheet == "交渉履歴"
    assert result.log["amount"].tolist() == [300_000]
    assert clean_negotiations(path, sheet="交渉履歴", today=TODAY).log["amount"].tolist() == [
        300_000
    ]
    with pytest.raises(ReadError, match="no sheet named"):
        clean_negotiations(path, sheet="nope")


def test_sql_and_parquet_logs_read_as_files_are(tmp_path):
    """§1: a second database table (read only) or a Parquet file."""
    frame = pd.DataFrame({"case_id": ["A1"], "offered_on": ["2021-05-01"], "party": ["debtor"],
                          "kind": ["lump_sum"], "amount": [300_000], "response": ["accepted"]})  # fmt: skip
    db = tmp_path / "log.db"
    with sqlite3.connect(db) as conn:
        frame.to_sql("negotiations", conn, index=False)
    log, problems = clean(f"sqlite:///{db}", table="negotiations", today=TODAY)
    assert log["amount"].tolist() == [300_000] and problems.empty
    frame.to_parquet(tmp_path / "log.parquet")
    log, _ = clean_negotiations(tmp_path / "log.parquet", today=TODAY)
    assert log["response"].tolist() == ["accepted"]


def test_clean_log_cleans_to_itself():
    """A clean log read back cleans to itself and reports nothing."""
    truth = clean_log_truth(8)
    log, problems = clean(truth, today=TODAY)
    again, problems2 = clean_negotiations(log, today=TODAY)
    pd.testing.assert_frame_equal(log, again)
    assert problems2.empty


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"\x00\x01\x02binary", "binary"), (b"a,b\n1,2\n", "no column")],
)
def test_unreadable_source_is_a_one_line_read_error(tmp_path, content, reason):
    """Same guarantee as the case cleaner: an unreadable source is one line."""
    path = tmp_path / "log.csv"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason) as info:
        clean_negotiations(path)
    assert "\n" not in str(info.value)
    with pytest.raises(ReadError, match="not found"):
        clean_negotiations(tmp_path / "missing.csv")


def test_cli_clean_writes_the_log_beside_the_cases_and_its_problems_with_them(tmp_path, capsys):
    """Issue 27: `outcomes clean cases.csv -o out.parquet --negotiations log.csv` writes
    out_negotiations.parquet, and the log's problems into --problems with table=negotiations."""
    from outcomes.cli import main

    cases_csv = tmp_path / "cases.csv"
    cases_csv.write_text("案件ID,売却日,残債額\nA1,2021-03-01,780万円\n", encoding="cp932")
    log_csv = tmp_path / "log.csv"
    log_csv.write_text(
        "案件ID,提示日,提示者,金額\nA1,R3.5.1,当方,一括30万円\nZ9,R3.5.2,当方,？？\n",
        encoding="cp932",
    )
    out, problems_out = tmp_path / "out.parquet", tmp_path / "problems.csv"
    code = main(
        ["clean", str(cases_csv), "-o", str(out), "--problems", str(problems_out),
         "--negotiations", str(log_csv), "--today", TODAY]
    )  # fmt: skip
    assert code == 0
    log = pd.read_parquet(tmp_path / "out_negotiations.parquet")
    assert log["amount"].tolist()[0] == 300_000
    problems = pd.read_csv(problems_out, encoding="utf-8-sig")
    mine = problems[problems["table"] == "negotiations"]
    assert set(mine["kind"]) == {"unknown case", "unreadable"}
    assert "out_negotiations.parquet" in capsys.readouterr().out


def test_a_frame_without_a_case_id_column_is_a_read_error_naming_it():
    """A log row belongs to a case: without a case id column the log cannot be read."""
    with pytest.raises(ReadError, match="no case id column"):
        clean_negotiations(pd.DataFrame({"提示日": ["2021-05-01"], "金額": ["10万"]}))


def test_summary_rows_are_left_out_with_kind_summary_row():
    """§6 as the case list: a 合計 row is not a proposal; left out, reported with kind summary row."""
    log, problems = clean(
        _log(
            案件ID=["A1", "合計"],
            提示日=["2021-05-01", ""],
            提示者=["当方", ""],
            金額=["10万", "10万"],
        ),
        today=TODAY,
    )
    assert len(log) == 1
    assert problems[["row", "kind"]].values.tolist() == [[3, "summary row"]]
