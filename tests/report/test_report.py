"""The internal report: k-safe tables, and the HTML written from the packaged template.

The template runs once in the whole suite: one report (the session-scoped
``report`` fixture) on a generated messy export with planted rare groups and
planted personal strings, through the ``outcomes report`` command in-process
with a model directory (models loaded, not re-fitted). Models fitted for a
report without a model directory are checked without a kernel
(:func:`outcomes.report.check_models`).
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import outcomes
from outcomes import OutcomesError, ReadError, clean_cases, simulate_cases, write_report
from outcomes._contract import CASE_COLUMNS, QUASI_IDENTIFIERS, match_header
from outcomes._privacy import k_anonymous_mask
from outcomes._registry import load_servicer_registry
from outcomes.datasets import SAMPLE_TODAY, sample_path
from outcomes.report import (
    Selection,
    breakdown,
    check_models,
    predicted_ranges,
    prepare_report,
    problem_summary,
    styled,
    template_path,
)
from outcomes.report._checks import COVERAGES, REPORT_BASELINES
from outcomes.report._data import load_report_data, select_cases
from outcomes.report._periods import parse_period
from outcomes.report._render import kernel_manager_class
from outcomes.report._tables import crosstab

SAMPLE = sample_path()  # the bundled export, inside the package
TODAY = SAMPLE_TODAY
K = 5

# obviously fake personal strings, planted in the generated export
FAKE_NAME = "試験太郎"
FAKE_PHONE = "090-0000-1234"
FAKE_EMAIL = "taro.shiken@example.invalid"
EXTRA_NAME = "試験花子"
EXTRA_PHONE = "03-0000-9876"
EXTRA_EMAIL = "hanako.shiken@example.invalid"
EXTRA_HEADERS = ("債務者氏名", "連絡先電話", "連絡先メール")


# --------------------------------------------------------------------------
# k-safe tables (no kernel)
# --------------------------------------------------------------------------


def test_parse_period_forms_and_errors():
    assert parse_period("2023-01:2024-12") == (
        pd.Timestamp("2023-01-01"),
        pd.Timestamp("2024-12-31"),
    )
    assert parse_period("2024-02") == (pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-29"))
    assert parse_period(":2020") == (None, pd.Timestamp("2020-12-31"))
    assert parse_period("２０２３－０１：２０２３－０３")[1] == pd.Timestamp("2023-03-31")
    for bad in ("2023-13:2024-01", "last year", "2024:2023", ":", "2023-01:2023-02:2023-03"):
        with pytest.raises(OutcomesError, match="period"):
            parse_period(bad)


def test_select_cases_by_period_servicer_and_creditor_type():
    cases = simulate_cases(300, seed=5, messy=False, today=TODAY)
    chosen = select_cases(cases, Selection(period="2022-01:2022-12"))
    when = chosen["agreement_date"].fillna(chosen["sale_date"])
    assert len(chosen) > 0 and (when.dt.year == 2022).all()
    name = cases["servicer"].dropna().iloc[0]
    by_servicer = select_cases(cases, Selection(servicer=name + "株式会社"))
    assert len(by_servicer) == int((cases["servicer"] == name).sum())
    assert (select_cases(cases, Selection(creditor_type="銀行"))["creditor_type"] == "bank").all()
    with pytest.raises(OutcomesError, match="creditor type"):
        select_cases(cases, Selection(creditor_type="pawnshop", language="en"))


@settings(max_examples=40, deadline=None)
@given(
    groups=st.lists(st.sampled_from("ABCDEFG"), min_size=0, max_size=60),
    k=st.integers(1, 8),
    seed=st.integers(0, 1000),
)
def test_breakdown_publishes_no_cell_under_k_and_none_recoverable(groups, k, seed):
    rng = np.random.default_rng(seed)
    values = rng.random(len(groups))
    values[rng.random(len(groups)) < 0.3] = np.nan
    df = pd.DataFrame({"servicer": pd.array(groups, dtype="string"), "settlement_ratio": values})
    sizes = df["servicer"].value_counts()
    for table in (
        breakdown(df, "servicer", k=k),
        breakdown(df, "servicer", "settlement_ratio", k=k),
    ):
        # every group is a row (computed on all cases); only the published ones show figures
        assert set(table["servicer"]) == set(sizes.index)
        shown = table[~table["suppressed"]]
        assert (shown["cases"] >= k).all()
        assert table.loc[table["suppressed"], "cases"].isna().all()
        if "n" in table:
            assert (shown["n"] >= k).all()
            assert table.loc[table["suppressed"], "p50"].isna().all()
        # a single suppressed cell would follow from the total: never exactly one
        assert table["suppressed"].sum() != 1 or len(table) == 1
        # the published counts are the true ones, most first
        assert (shown["cases"].to_numpy() == sizes.reindex(shown["servicer"]).to_numpy()).all()
        assert shown["cases"].is_monotonic_decreasing or "n" in table
    stats = breakdown(df, "servicer", "settlement_ratio", k=k)
    assert not {"min", "max"} & set(stats.columns)


def test_crosstab_hides_small_cells_with_a_complement_in_their_row():
    df = pd.DataFrame(
        {
            "creditor_type": ["bank"] * 18 + ["jhf"] * 7,
            "resolution": ["lump_sum"] * 6
            + ["limitation"] * 3
            + ["installment"] * 9
            + ["installment"] * 7,
        }
    )
    counts = crosstab(df, "creditor_type", "resolution", k=5)
    assert "limitation" not in counts.columns
    # the 3 limitation cases would be the bank total minus 15: lump_sum (6) is hidden too
    assert "lump_sum" not in counts.columns and counts.loc["bank", "installment"] == 9
    shares = crosstab(df, "creditor_type", "resolution", k=5, normalize=True)
    assert shares.loc["bank", "installment"] == 1.0  # the hidden cases cannot be read back


def test_problem_summary_shows_counts_in_full_and_no_value():
    problems = pd.DataFrame(
        {
            "row": [1] + list(range(2, 9)),
            "case_id": [None] + [f"C{i}" for i in range(7)],
            "column": ["090-0000-1111"] + ["servicer"] * 6 + ["age"],
            "value": [None] + ["***"] * 6 + ["百五十"],
            "kind": ["not in contract"] + ["personal data"] * 6 + ["unreadable"],
            "problem": ["not in contract: column left out of the output"]
            + ["personal data: looks like a phone number; emptied"] * 6
            + ["unreadable: not an age; emptied"],
        }
    )
    table = problem_summary(problems)
    text = table.to_string()
    assert "090-0000-1111" not in text and "百五十" not in text and "***" not in text
    assert table.loc[table["kind"] == "personal data", "problems"].tolist() == [6]
    # problem counts are not personal data: each kind shown, even a count of 1
    assert table.loc[table["kind"] == "unreadable", "problems"].tolist() == [1]
    assert table["problems"].is_monotonic_decreasing and table["problems"].sum() == len(problems)
    assert "読めない値(空欄化)" in set(table["内容"])


def test_styled_masks_labels_that_look_personal_and_escapes_html():
    table = pd.DataFrame(
        {"servicer": ["アビリオ債権回収", "090-0000-2222", "<b>x</b>"], "cases": [9, 7, 5]}
    )
    html = styled(table).to_html()
    assert "アビリオ債権回収" in html and "090-0000-2222" not in html and "***" in html
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_prepare_report_keeps_every_matching_case():
    rc = prepare_report(k=K)
    assert rc.selected == len(rc.data.cases) == len(rc.cases)
    # cases of small quasi-identifier groups are counted too (suppressed only where published)
    assert not k_anonymous_mask(rc.cases, K).all()
    assert set(QUASI_IDENTIFIERS) <= set(rc.cases.columns)


def test_check_html_refuses_a_count_under_k(tmp_path: Path):
    from outcomes.report import PublishedCountError, check_html

    good = '<table><tr><td class="oc-count">1,234</td><td class="oc-stat">3.1%</td></tr>'
    good += '<tr><td class="oc-count">k未満</td><td class="oc-stat"></td></tr></table>'
    (tmp_path / "good.html").write_text(good, encoding="utf-8")
    assert check_html(tmp_path / "good.html", k=5) == 2
    for bad in (
        '<table><tr><td class="oc-count">4</td></tr></table>',
        '<table><tr><td class="oc-count">k未満</td><td class="oc-stat">3.1%</td></tr></table>',
        "<p>n=3</p>",
    ):
        (tmp_path / "bad.html").write_text(bad, encoding="utf-8")
        with pytest.raises(PublishedCountError):
            check_html(tmp_path / "bad.html", k=5)


def test_clean_parquet_is_used_as_it_is_and_raw_parquet_is_cleaned(tmp_path: Path):
    clean = simulate_cases(120, seed=3, messy=False, today=TODAY)
    clean.to_parquet(tmp_path / "clean.parquet", index=False)
    data = load_report_data(tmp_path / "clean.parquet", today=TODAY)
    assert data.already_clean and len(data.problems) == 0
    pd.testing.assert_frame_equal(data.cases, clean)
    raw = simulate_cases(120, seed=3, today=TODAY)
    raw.to_parquet(tmp_path / "raw.parquet", index=False)
    data = load_report_data(tmp_path / "raw.parquet", today=TODAY)
    assert not data.already_clean and len(data.problems) > 0
    assert tuple(data.cases.columns) == CASE_COLUMNS


def test_check_models_says_why_when_there_are_too_few_cases():
    few = simulate_cases(40, seed=2, messy=False, today=TODAY)
    checks = check_models(few, k=K, as_of=TODAY)
    assert [c.target for c in checks] == ["settlement_ratio", "monthly_amount"]
    assert all(c.model is None and c.message for c in checks)
    assert predicted_ranges(checks[0], few, "creditor_type", k=K).empty


def test_check_models_shows_no_check_on_fewer_cases_than_k(monkeypatch):
    """``check_models(k=…)`` reads ``k``: no model is checked on fewer than k cases.

    Architecture review §4.5 (issue 24): ``k`` was documented, passed by the
    template, and never read.
    """
    import outcomes.models

    cases = simulate_cases(400, seed=4, messy=False, today=TODAY)
    monkeypatch.setattr(outcomes.models, "fit_and_evaluate", pytest.fail)
    checks = check_models(cases, k=10_000, as_of=TODAY, cv=2, language="en")
    assert all(c.model is None and c.accuracy.empty for c in checks)
    assert all("fewer than k = 10000" in c.message for c in checks)


def test_without_model_dir_models_are_cross_validated_by_evaluate(monkeypatch):
    import outcomes.models

    cases = simulate_cases(400, seed=4, messy=False, today=TODAY)
    calls = []
    real = outcomes.models.fit_and_evaluate

    def recording(model, data, **options):
        fitted, table = real(model, data, **options)
        calls.append((type(model).__name__, options, table))
        return fitted, table

    monkeypatch.setattr(outcomes.models, "fit_and_evaluate", recording)
    checks = check_models(cases, k=K, as_of=TODAY, cv=3, model_params={"max_iter": 30, "cv": 3})
    # every fit goes through evaluate: one call per model, nothing fitted besides
    assert [name for name, _, _ in calls] == ["SettlementRatioModel", "MonthlyAmountModel"]
    for check, (_, options, table) in zip(checks, calls, strict=True):
        assert check.model is not None and check.message is None
        assert "交差検証" in check.origin
        assert options["cv"] == 3 and list(options["baselines"]) == list(REPORT_BASELINES)
        assert list(check.accuracy.index) == ["モデル", "全体の中央値", "債権者区分ごとの中央値"]
        assert list(table.index[1:]) == list(REPORT_BASELINES)
        # the figures are evaluate's own, baselines included
        np.testing.assert_allclose(check.accuracy["MAE"], table["MAE"])
        np.testing.assert_allclose(check.accuracy["coverage"], table["coverage"])
        assert (check.accuracy["n"] == table.attrs["n"]).all()
        assert list(check.calibration["stated"]) == list(COVERAGES)
        at_90 = check.calibration.loc[check.calibration["stated"] == 0.9, "observed"].item()
        assert at_90 == pytest.approx(table["coverage"].iloc[0])
        # the model of the predicted ranges has seen every case
        assert check.model.n_train_ == table.attrs["n"]
    assert not predicted_ranges(checks[0], cases, "creditor_type", k=K).empty


def test_kernel_is_this_interpreter():
    km = kernel_manager_class()(kernel_name="python3")
    assert km.kernel_spec.argv[0] == sys.executable


def test_template_is_packaged_with_a_parameters_cell():
    import nbformat

    nb = nbformat.reads(template_path().read_text(encoding="utf-8"), as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    names = set(re.findall(r"^(\w+) = ", tagged[0].source, flags=re.MULTILINE))
    assert {"input", "period", "servicer", "creditor_type", "k", "model_dir"} <= names
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


# --------------------------------------------------------------------------
# Errors: before any kernel starts
# --------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "outcomes.cli", *args], capture_output=True, text=True, check=False
    )


def test_unreadable_input_raises_read_error(tmp_path: Path):
    with pytest.raises(ReadError, match="missing.csv"):
        write_report(tmp_path / "missing.csv", tmp_path / "r.html")
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    with pytest.raises(OutcomesError, match="garbage.csv"):
        write_report(garbage, tmp_path / "r.html")
    assert not (tmp_path / "r.html").exists()


def test_cli_unreadable_input_exits_2_with_one_line(tmp_path: Path):
    proc = run_cli("report", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "r.html"))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("outcomes report: cannot read") and "missing.csv" in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        (["--period", "2023-13"], "期間「2023-13」"),
        (["--creditor-type", "pawnshop"], "債権者区分「pawnshop」"),
        (["--k", "0"], "k は 1 以上"),
        (["--model", "no-such-dir"], "モデルのディレクトリ"),
        (["--lang", "en", "--period", "2023-13"], "period"),
        (["--lang", "en", "--creditor-type", "pawnshop"], "creditor type"),
        (["--lang", "en", "--k", "0"], "k must be"),
        (["--lang", "en", "--model", "no-such-dir"], "model directory"),
    ],
)
def test_cli_bad_options_exit_2_with_one_line(tmp_path: Path, capsys, options, reason):
    """The report's refusals are in its language (Japanese unless --lang en)."""
    from outcomes.cli import main

    assert main(["report", str(SAMPLE), "-o", str(tmp_path / "r.html"), *options]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("outcomes report: ") and reason in err[0]
    assert not (tmp_path / "r.html").exists()


def test_output_must_be_html(tmp_path: Path):
    with pytest.raises(OutcomesError, match=r"\.html"):
        write_report(SAMPLE, tmp_path / "r.pdf")


# --------------------------------------------------------------------------
# Two real reports
# --------------------------------------------------------------------------


def _raw_column(raw: pd.DataFrame, name: str) -> str:
    return next(c for c in raw.columns if match_header(c)[0] == name)


@pytest.fixture(scope="session")
def planted(tmp_path_factory) -> dict:
    """A generated messy export with rare groups and personal strings planted in it."""
    tmp = tmp_path_factory.mktemp("planted")
    raw = simulate_cases(1500, seed=11, today=TODAY)
    clean = clean_cases(raw, today=TODAY).cases
    col = {
        name: _raw_column(raw, name) for name in ("case_id", "prefecture", "servicer", "creditor")
    }

    # the largest quasi-identifier group: cases copied from it stay k-anonymous
    sizes = clean.groupby(list(QUASI_IDENTIFIERS), observed=True).size().sort_values()
    group = sizes.index[-1]
    members = clean.set_index(list(QUASI_IDENTIFIERS)).loc[group, "case_id"].tolist()
    ids = raw[col["case_id"]].str.strip()
    donors = raw[ids.isin(members[:4])].drop_duplicates(subset=[col["case_id"]]).head(4)
    assert len(donors) == 4

    used = set(clean["servicer"].dropna())
    rare_servicer = next(n for n in load_servicer_registry()["name"] if n not in used)
    # a prefecture of no case: the least common one, its few cases moved to the most common
    counts = clean["prefecture"].value_counts()
    rare_prefecture, common = counts.index[-1], counts.index[0]
    moved = ids.isin(clean.loc[clean["prefecture"] == rare_prefecture, "case_id"])
    raw.loc[moved, col["prefecture"]] = common
    planted_rows = donors.copy()
    planted_rows[col["case_id"]] = ["PLANT-S1", "PLANT-S2", "PLANT-P1", "PLANT-P2"]
    planted_rows.iloc[:2, raw.columns.get_loc(col["servicer"])] = rare_servicer
    planted_rows.iloc[2:, raw.columns.get_loc(col["prefecture"])] = rare_prefecture

    export = pd.concat([raw, planted_rows], ignore_index=True)
    # personal data in kept columns ...
    export.loc[3, col["servicer"]] = f"{FAKE_NAME}様"
    export.loc[4, col["creditor"]] = f"連絡先 {FAKE_PHONE}"
    export.loc[5, col["prefecture"]] = FAKE_EMAIL
    # ... and in columns outside the contract
    export[EXTRA_HEADERS[0]] = EXTRA_NAME
    export[EXTRA_HEADERS[1]] = EXTRA_PHONE
    export[EXTRA_HEADERS[2]] = EXTRA_EMAIL
    path = tmp / "generated export.csv"
    export.to_csv(path, index=False, encoding="utf-8-sig")
    return {
        "path": path,
        "rare_servicer": rare_servicer,
        "rare_prefecture": rare_prefecture,
    }


@pytest.fixture(scope="session")
def report(planted, tmp_path_factory) -> dict:
    """The one report of the suite: the generated export, by ``outcomes report --model`` in-process."""
    from outcomes._io import write_model_dir
    from outcomes.cli import main
    from outcomes.models import MonthlyAmountModel, SettlementRatioModel, evaluate

    tmp = tmp_path_factory.mktemp("report")
    models = tmp / "models"
    cases = clean_cases(outcomes.read_cases(planted["path"]), today=TODAY).cases
    fitted, evaluations = {}, {}
    for cls in (SettlementRatioModel, MonthlyAmountModel):
        model = cls(as_of=TODAY, max_iter=40)
        evaluations[cls.target] = evaluate(model, cases, cv=3)
        fitted[cls.target] = model.fit(cases)
    write_model_dir(
        models,
        ratio=fitted["settlement_ratio"],
        monthly=fitted["monthly_amount"],
        cases=cases,
        evaluations=evaluations,
        cv=3,
    )
    path = tmp / "generated.html"
    out, err = io.StringIO(), io.StringIO()
    # an output named relative to the working directory, as an analyst types it (the kernel
    # runs in the report's scratch directory and must still find its connection file)
    with contextlib.chdir(tmp), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["report", str(planted["path"]), "-o", path.name, "--model", str(models)])
    assert code == 0, err.getvalue()
    assert err.getvalue() == "", err.getvalue()
    assert path.name in out.getvalue()
    return {"html": path.read_text(encoding="utf-8"), "path": path, "models": models}


def test_without_a_log_the_report_has_no_negotiation_section(report):
    """Issue 27: the section "how each servicer answers" needs --negotiations."""
    assert "交渉の傾向" not in report["html"] and "How each servicer answers" not in report["html"]


def test_report_is_one_html_file_without_code(report):
    html = report["html"]
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "@media print" in html and "size: A4" in html
    assert html.count("data:image/png;base64,") >= 7  # every figure embedded
    assert "<pre" not in html  # no code cell, no printed text, no traceback
    assert "prepare_report(" not in html and "_plots." not in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?:", html)  # nothing fetched
    for section in (
        "データの品質",
        "案件の構成",
        "和解の結果",
        "モデルの精度と較正",
        "和解率と月額の目安",
    ):
        assert section in html
    assert 'data-mime-type="application/vnd.jupyter.stderr"' not in html
    assert "Traceback" not in html


def test_report_says_when_from_what_and_which_version(report, planted):
    html = report["html"]
    assert "作成日時" in html and outcomes.__version__ in html
    assert planted["path"].name in html
    assert str(planted["path"].parent) not in html  # the file name only


def test_report_compares_with_the_training_data_and_carries_the_notice(report):
    """With --model: the drift section (training profile); totals from the means; the notice.

    The models were fitted on this very export and no period is chosen: the drift section
    says there is nothing to compare instead of a table of PSI 0.000, 安定 in every row
    (analyst review N19, issue 28; the table itself: tests/report/test_sections.py).
    """
    html = report["html"]
    assert "この期間の案件とモデルの学習データの比較" in html
    assert "モデルの学習データとどの特徴量でも同じ分布です" in html
    assert "特徴量ごとの分布の変化" not in html
    assert "交渉中の案件の想定額の合計" in html and "各案件の予測の<strong>平均</strong>" in html
    assert outcomes.ESTIMATE_NOTICE["ja"] in html


def test_models_are_loaded_from_model_dir_not_refitted(report):
    # (fitted without a model directory: test_without_model_dir_models_are_cross_validated_by_evaluate)
    html = report["html"]
    assert html.count("保存済みのモデル(") == 2 and html.count("を読み込み(再学習なし)") == 2


def test_no_published_count_under_k(report, planted):
    from outcomes.report import check_html

    assert check_html(report["path"], k=K) > 20
    html = report["html"]
    # the planted cases are counted ...
    rc = prepare_report(planted["path"], k=K, today=TODAY)
    assert (rc.cases["servicer"] == planted["rare_servicer"]).sum() == 2
    assert (rc.cases["prefecture"] == planted["rare_prefecture"]).sum() == 2
    # ... but a group of 2 is never a published figure: the servicer is pooled,
    # the prefecture's row says k未満
    assert planted["rare_servicer"] not in html
    for m in re.finditer(re.escape(planted["rare_prefecture"]), html):
        row = html[m.start() : html.find("</tr>", m.start())]
        assert "k未満" in row and not re.search(r">\s*[1-4]\s*<", row)
    assert re.search(r"集計セル <strong>\d+</strong> 個を「k未満」", html)


def test_accuracy_is_cross_validated_with_date_and_cases(report):
    html = report["html"]
    assert "精度は3分割の交差検証" in html and "学習時に保存した結果" in html
    for baseline in ("全体の中央値", "債権者区分ごとの中央値"):
        assert baseline in html
    for section in ("サービサーの比較", "推移と前期との比較", "売却から和解までの期間"):
        assert section in html
    assert "JST" in html


@pytest.mark.parametrize(
    "options",
    [{"servicer": "most"}, {"period": "busiest"}, {"creditor_type": "bank"}],
    ids=["servicer", "period", "creditor_type"],
)
def test_filtered_report_keeps_its_content(report, tmp_path: Path, options):
    from outcomes.report import check_html

    cases = load_report_data(SAMPLE, today=TODAY).cases
    if options.get("servicer") == "most":
        name, n = (
            cases["servicer"].value_counts().index[0],
            cases["servicer"].value_counts().iloc[0],
        )
        assert n >= 50
        options = {"servicer": name}
    if options.get("period") == "busiest":
        years = cases["agreement_date"].fillna(cases["sale_date"]).dt.year.value_counts()
        assert years.iloc[0] >= 100
        options = {"period": str(years.index[0])}
    path = write_report(
        SAMPLE, tmp_path / "filtered.html", k=K, model_dir=report["models"], today=TODAY, **options
    )
    html = path.read_text(encoding="utf-8")
    assert check_html(path, k=K) > 10
    assert "表示できるグループがありません" not in html
    assert html.count("data:image/png;base64,") >= 7
    assert html.count("<table") >= 10


def test_no_personal_string_in_the_report(report):
    html = report["html"]
    for fake in (
        FAKE_NAME,
        FAKE_PHONE,
        FAKE_EMAIL,
        EXTRA_NAME,
        EXTRA_PHONE,
        EXTRA_EMAIL,
        *EXTRA_HEADERS,
    ):
        assert fake not in html, fake
    assert not re.search(r"0\d{1,4}-\d{1,4}-\d{4}", html)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", html)
