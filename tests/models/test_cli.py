"""``outcomes fit`` and ``outcomes predict`` end to end on a small generated export."""

from __future__ import annotations

import contextlib
import io
import json

import numpy as np
import pandas as pd
import pytest

from outcomes import __version__, clean_cases
from outcomes.cli import main
from outcomes.datasets import simulate_cases
from outcomes.models import MonthlyAmountModel, SettlementRatioModel, load_model

TODAY = "2026-06-30"
OUT_COLUMNS = [
    "case_id",
    "settlement_ratio_median",
    "settlement_ratio_lower_90",
    "settlement_ratio_upper_90",
    "settlement_amount_median",
    "settlement_amount_lower_90",
    "settlement_amount_upper_90",
    "monthly_amount_median",
    "monthly_amount_lower_90",
    "monthly_amount_upper_90",
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("cli")


@pytest.fixture(scope="module")
def export(workdir):
    """A raw Japanese export (messy cells, duplicates, extra columns) as CSV."""
    raw = simulate_cases(1000, seed=41, today=TODAY)
    path = workdir / "export.csv"
    raw.to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def fitted(workdir, export):
    """Run ``outcomes fit`` once; keep what it printed."""
    out = workdir / "model"
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["fit", str(export), "-o", str(out), "--cv", "2", "--as-of", TODAY])
    assert code == 0
    return out, stdout.getvalue(), stderr.getvalue()


@pytest.fixture(scope="module")
def model_dir(fitted):
    return fitted[0]


def test_fit_writes_the_model_directory(model_dir):
    assert sorted(p.name for p in model_dir.iterdir()) == [
        "metadata.json",
        "monthly_amount.skops",
        "settlement_ratio.skops",
        "time_to_agreement.skops",
        "training_profile.json",
    ]
    meta = json.loads((model_dir / "metadata.json").read_text(encoding="utf-8"))
    assert meta["package_version"] == __version__
    assert len(meta["training_table_sha256"]) == 64
    assert meta["as_of"] == TODAY
    for name, cls in (
        ("settlement_ratio", SettlementRatioModel),
        ("monthly_amount", MonthlyAmountModel),
    ):
        entry = meta["models"][name]
        assert entry["model"] == cls.__name__
        assert entry["training_rows"] > 30
        assert "overall median" in entry["evaluation"]
        assert set(entry["evaluation"]["overall median"]) >= {"MAE", "coverage", "width"}
        # three levels of the central interval: the report's calibration figure draws each
        model_row = next(iter(entry["evaluation"].values()))
        assert {"coverage_50", "coverage_80", "coverage_90"} <= set(model_row)
        assert isinstance(load_model(model_dir / f"{name}.skops"), cls)


def test_fit_writes_the_time_model_and_the_training_profile(model_dir):
    from outcomes._io import read_model_dir
    from outcomes.models import TimeToAgreementModel, TrainingProfile

    loaded = read_model_dir(model_dir)
    assert isinstance(loaded.time, TimeToAgreementModel)
    assert isinstance(loaded.profile, TrainingProfile)
    meta = json.loads((model_dir / "metadata.json").read_text(encoding="utf-8"))
    entry = meta["models"]["time_to_agreement"]
    assert entry["as_of"] == TODAY and entry["n_censored"] > 0  # pending cases kept, censored
    assert entry["n_events"] + entry["n_censored"] <= entry["n_train"]


def test_predict_warns_in_one_line_when_the_input_drifted(workdir, model_dir, capsys):
    # drawn and exported like the training export, then cleaned
    same = clean_cases(simulate_cases(800, seed=43, today=TODAY), today=TODAY).cases
    shifted = same.assign(residual_debt=(same["residual_debt"] * 3).astype("Int64"))
    for name, table in (("same", same), ("shifted", shifted)):
        path = workdir / f"{name}.parquet"
        table.to_parquet(path, index=False)
        code = main(["predict", str(model_dir), str(path), "-o", str(workdir / f"{name}.csv")])
        assert code == 0
        err = capsys.readouterr().err
        warnings = [line for line in err.splitlines() if line.startswith("warning:")]
        if name == "same":
            assert warnings == []
        else:
            # issue 21: the feature in words (not log_residual_debt)
            assert len(warnings) == 1 and "residual debt shifted" in warnings[0]


def test_predict_drift_on_a_small_file_is_a_note_in_words_and_in_the_language(
    workdir, model_dir, capsys
):
    """Issue 21 (review finding 14): ``log_residual_debt shifted (PSI 1.35)`` fired as an
    alarm on a 40-case file; now the features' words, in ``--lang``, saying how few cases."""
    small = clean_cases(simulate_cases(40, seed=44, today=TODAY), today=TODAY).cases
    small = small.assign(residual_debt=(small["residual_debt"] * 3).astype("Int64"))
    path = workdir / "small.parquet"
    small.to_parquet(path, index=False)
    out = workdir / "small.csv"
    assert main(["predict", str(model_dir), str(path), "-o", str(out), "--lang", "ja"]) == 0
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    line = lines[0]
    assert line.startswith("参考: 入力の案件40件は、モデルの学習データ(") and "残債" in line
    assert line.endswith("40件だけにもとづく比較です。")
    assert "log_residual_debt" not in line and "warning" not in line
    assert captured.out.strip() == f"40件の予測を{out}に書きました"
    assert main(["predict", str(model_dir), str(path), "-o", str(out)]) == 0  # en by default
    line = capsys.readouterr().err.strip()
    assert line.startswith("note: the 40 input cases differ") and "residual debt" in line
    assert line.endswith("This rests on only 40 cases.")


def test_predict_in_japanese_says_every_line_in_japanese(workdir, export, model_dir, capsys):
    """Issue 21 (review finding 14): one language per output, the note on cleaning too."""
    out = workdir / "ja.csv"
    assert main(["predict", str(model_dir), str(export), "-o", str(out), "--lang", "ja"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == f"1,000件の予測を{out}に書きました"
    assert f"{export}を整えました: 案件" in captured.err
    assert "cleaned" not in captured.err and "cases" not in captured.err


def test_fit_prints_the_evaluation_tables(fitted):
    _, out, err = fitted
    assert "SettlementRatioModel" in out and "MonthlyAmountModel" in out
    for row in ("overall median", "median by creditor type", "HistGradientBoostingRegressor"):
        assert out.count(row) == 2  # in both tables
    assert "coverage" in out and "pinball" in out
    assert "coverage_50" not in out  # the calibration levels are saved, not printed
    assert "TimeToAgreementModel" in out and "concordance" in out
    assert "cleaned" in err  # a raw export goes through the cleaner


def test_predict_from_the_raw_export(workdir, model_dir, export):
    out = workdir / "pred.csv"
    assert main(["predict", str(model_dir), str(export), "-o", str(out)]) == 0
    pred = pd.read_csv(out, encoding="utf-8-sig")
    assert list(pred.columns) == OUT_COLUMNS
    assert len(pred) == 1000  # one row per case (duplicate rows merged by the cleaner)
    assert pred["case_id"].is_unique
    for target in ("settlement_ratio", "settlement_amount", "monthly_amount"):
        part = pred[[f"{target}_{p}" for p in ("lower_90", "median", "upper_90")]]
        known = part.dropna()  # no amount where the residual debt is unknown
        assert len(known) > 900
        lo, mid, hi = (known.iloc[:, j] for j in range(3))
        assert (lo <= mid).all() and (mid <= hi).all()
    ratios = pred[["settlement_ratio_lower_90", "settlement_ratio_upper_90"]]
    assert ratios.stack().between(0, 1).all()
    # rounded to 4 decimals
    assert np.allclose(ratios.to_numpy() * 10_000, np.round(ratios.to_numpy() * 10_000))
    grid = load_model(model_dir / "monthly_amount.skops").grid_
    assert np.isin(pred["monthly_amount_median"], grid).all()


def test_predict_streams_a_clean_parquet_in_chunks(workdir, model_dir, capsys):
    clean = simulate_cases(700, seed=42, messy=False, today=TODAY)
    path = workdir / "clean.parquet"
    clean.to_parquet(path, index=False)
    out = workdir / "pred.parquet"
    code = main(
        [
            "predict",
            str(model_dir),
            str(path),
            "-o",
            str(out),
            "--chunk-size",
            "128",
            "--as-of",
            TODAY,
        ]
    )
    assert code == 0
    assert "cleaned" not in capsys.readouterr().err  # used as it is
    pred = pd.read_parquet(out)
    assert len(pred) == 700 and list(pred.columns) == OUT_COLUMNS
    for target in ("settlement_amount", "monthly_amount"):
        assert str(pred[f"{target}_median"].dtype) == "Int64"
    model = load_model(model_dir / "settlement_ratio.skops").set_params(as_of=TODAY)
    whole = model.predict_quantiles(clean, (0.05, 0.5, 0.95))
    np.testing.assert_allclose(pred["settlement_ratio_median"], whole[0.5], atol=5e-5)
    np.testing.assert_allclose(pred["settlement_ratio_upper_90"], whole[0.95], atol=5e-5)
    # yen beside the ratio: the written ratio times the residual debt, whole yen
    debt = clean["residual_debt"].astype("Float64")
    expected = (pred["settlement_ratio_median"] * debt).round().astype("Int64")
    assert pred["settlement_amount_median"].equals(expected.rename("settlement_amount_median"))


def test_user_errors_exit_2_with_one_line(workdir, model_dir, export, capsys):
    assert (
        main(["predict", str(workdir / "nowhere"), str(export), "-o", str(workdir / "p.csv")]) == 2
    )
    assert "model directory" in capsys.readouterr().err
    assert main(["predict", str(model_dir), str(export), "-o", str(workdir / "p.txt")]) == 2
    assert ".parquet, .csv or .xlsx" in capsys.readouterr().err
    assert main(["fit", str(export), "-o", str(workdir / "m3"), "--as-of", "someday"]) == 2
    assert "--as-of must be a date" in capsys.readouterr().err


def test_predict_refuses_a_model_directory_of_another_version(workdir, model_dir, export, capsys):
    foreign = workdir / "foreign"
    foreign.mkdir()
    for f in model_dir.iterdir():
        (foreign / f.name).write_bytes(f.read_bytes())
    meta = json.loads((foreign / "metadata.json").read_text(encoding="utf-8"))
    meta["package_version"] = "99.0.0"
    (foreign / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    assert main(["predict", str(foreign), str(export), "-o", str(workdir / "p.csv")]) == 2
    assert "incompatible" in capsys.readouterr().err


def test_predict_writes_xlsx_with_japanese_labels(workdir, model_dir, export):
    out = workdir / "pred.xlsx"
    args = ["predict", str(model_dir), str(export), "-o", str(out), "--labels", "ja"]
    assert main(args + ["--as-of", TODAY]) == 0
    sheets = pd.read_excel(out, sheet_name=None)
    assert list(sheets) == ["predictions"]
    pred = sheets["predictions"]
    assert len(pred) == 1000
    assert list(pred.columns[:4]) == [
        "案件ID",
        "和解率(中央値)",
        "和解率(下限90%)",
        "和解率(上限90%)",
    ]
    assert "和解額(中央値)" in pred.columns and "月額(上限90%)" in pred.columns
    csv = workdir / "pred-en.csv"
    assert main(["predict", str(model_dir), str(export), "-o", str(csv), "--as-of", TODAY]) == 0
    english = pd.read_csv(csv, encoding="utf-8-sig")
    assert pred["和解額(中央値)"].equals(
        english["settlement_amount_median"].rename("和解額(中央値)")
    )


def test_fit_and_predict_read_a_sqlite_table(workdir, model_dir, export, capsys):
    import sqlalchemy as sa

    url = f"sqlite:///{workdir / 'cases.db'}"
    engine = sa.create_engine(url)
    pd.read_csv(export, dtype=str, keep_default_na=False).to_sql("export", engine, index=False)
    engine.dispose()
    out = workdir / "pred-sql.csv"
    code = main(["predict", str(model_dir), url, "--table", "export", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    from_file = workdir / "pred-file.csv"
    assert main(["predict", str(model_dir), str(export), "-o", str(from_file)]) == 0
    assert pd.read_csv(out).equals(pd.read_csv(from_file))
    query = "SELECT * FROM export"
    model = workdir / "m-sql"
    assert main(["fit", url, "--query", query, "-o", str(model), "--cv", "2"]) == 0
    meta = json.loads((model / "metadata.json").read_text(encoding="utf-8"))
    assert meta["source"] == f"{url} (query {query})"
