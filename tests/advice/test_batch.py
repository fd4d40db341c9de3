"""Batch offers: the vectorised path agrees with one offer at a time, with warnings; the CLI writes them."""

from __future__ import annotations

import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from outcomes._advice import batch_offers, opening_offer
from outcomes._io import write_model_dir
from outcomes.cli import main
from outcomes.datasets import simulate_cases
from outcomes.models import MonthlyAmountModel, SettlementRatioModel

TODAY = "2026-06-30"


@pytest.fixture(scope="module")
def fitted():
    with threadpool_limits(1):
        past = simulate_cases(2000, seed=3, messy=False, today=TODAY)
        ratio = SettlementRatioModel(as_of=TODAY, max_iter=40).fit(past)
        monthly = MonthlyAmountModel(as_of=TODAY).fit(past)
    return past, ratio, monthly


@pytest.fixture(scope="module")
def cases(fitted):
    past = fitted[0]
    new = past[past["resolution"] == "pending"].head(30).copy()
    servicer = new["servicer"].astype("string").copy()
    servicer.iloc[0], servicer.iloc[1] = "SMBC債権回集", "あおぞら債権回収"
    new["servicer"] = servicer
    residual = new["residual_debt"].copy()
    residual.iloc[2] = 58
    new["residual_debt"] = residual
    return new


def test_batch_agrees_with_single_offers(fitted, cases):
    _, ratio, monthly = fitted
    table = batch_offers(ratio, cases, monthly_model=monthly, as_of=TODAY)
    for i in (0, 1, 3, 4, 10):
        one = opening_offer(ratio, cases.iloc[[i]], as_of=TODAY)
        row = table.iloc[i]
        assert (row["opening"], row["target"], row["walk_away"]) == (
            one.opening,
            one.target,
            one.walk_away,
        )
        assert row["chance_target"] == pytest.approx(one.acceptance(one.target), abs=1e-12)
        assert row["servicer_status"] == one.servicer_status
        assert row["warnings"] == " ".join(one.warnings)  # every warning, in the same order
    assert table["monthly"].iloc[3] > 0


def test_batch_warnings_and_forgotten_man_yen(fitted, cases):
    _, ratio, _ = fitted
    table = batch_offers(ratio, cases, as_of=TODAY, language="en")
    assert table["servicer_status"].iloc[0] == "unmatched"
    assert "did you mean: SMBC債権回収" in table["warnings"].iloc[0]
    assert table["servicer_status"].iloc[1] == "unseen"
    assert pd.isna(table["opening"].iloc[2]) and "out of range" in table["warnings"].iloc[2]
    assert table["case_id"].tolist() == cases["case_id"].astype(str).tolist()


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".xlsx"])
def test_cli_batch_writes_every_case(fitted, cases, tmp_path, capsys, suffix):
    past, ratio, monthly = fitted
    model_dir = write_model_dir(tmp_path / "m", ratio=ratio, monthly=monthly, cases=past)
    source = tmp_path / "cases.parquet"
    cases.to_parquet(source)
    out = tmp_path / f"offers{suffix}"
    code = main(["offer", "--model", str(model_dir), "--cases", str(source), "-o", str(out),
                 "--as-of", TODAY, "--lang", "en"])  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0 and f"of {len(cases)} cases" in printed
    written = {".csv": pd.read_csv, ".parquet": pd.read_parquet, ".xlsx": pd.read_excel}[suffix](
        out
    )
    assert len(written) == len(cases)
    assert {"opening", "chance_walk_away", "monthly", "warnings"} <= set(written.columns)


def test_cli_batch_needs_an_output(fitted, tmp_path, capsys):
    past, ratio, monthly = fitted
    model_dir = write_model_dir(tmp_path / "m", ratio=ratio, monthly=monthly, cases=past)
    assert main(["offer", "--model", str(model_dir), "--cases", "x.csv"]) == 2
    assert "-o OUT" in capsys.readouterr().err


def test_batch_expected_amount_is_the_mean_ratio_times_the_residual(fitted, cases):
    """Issue 12: a batch states the expected amount from ``predict_mean``, not the median."""
    from outcomes._advice.case import with_as_of

    _, ratio, _ = fitted
    table = batch_offers(ratio, cases, as_of=TODAY)
    has = table["opening"].notna().to_numpy()
    frame = with_as_of(cases, pd.Timestamp(TODAY).date())[has]
    mean = ratio.predict_mean(frame).clip(0, 1) * frame["residual_debt"].to_numpy(float)
    assert table["expected_amount"][has].astype(float).to_numpy() == pytest.approx(
        mean.round(), abs=0.5
    )
    assert table["expected_amount"][~has].isna().all()
    # the mean of a right-skewed ratio sits above its median in total
    assert table["expected_amount"].sum() != table["target"].sum()


def test_batch_drivers_column_in_the_output_language(fitted, cases):
    """Issue 12: ``explain=True`` adds the top 3 drivers of each ratio, in words and yen."""
    _, ratio, _ = fitted
    few = cases.head(6)
    ja = batch_offers(ratio, few, as_of=TODAY, explain=True)
    en = batch_offers(ratio, few, as_of=TODAY, explain=True, language="en")
    assert "drivers" not in batch_offers(ratio, few, as_of=TODAY).columns
    for text_ja, text_en, opening in zip(ja["drivers"], en["drivers"], ja["opening"], strict=True):
        if pd.isna(opening):
            assert text_ja == ""
            continue
        assert 1 <= len(text_ja.split("、")) <= 3 and "pt(約" in text_ja
        assert "log_residual_debt" not in text_ja and "servicer" not in text_ja
        assert 1 <= len(text_en.split("; ")) <= 3 and " pt (about " in text_en


def test_progress_bar_shows_on_a_large_batch(fitted, cases, capsys):
    """Issue 9: a batch of several chunks shows a tqdm progress bar when asked."""
    _, ratio, _ = fitted
    big = pd.concat([cases] * 4, ignore_index=True)
    table = batch_offers(ratio, big, as_of=TODAY, chunk_size=25, progress=True)
    err = capsys.readouterr().err
    assert len(table) == len(big)
    assert "offers" in err and "chunk" in err
    batch_offers(ratio, big, as_of=TODAY, chunk_size=25, progress=False)
    assert capsys.readouterr().err == ""


def test_cli_batch_drift_warning_is_one_line(fitted, cases, tmp_path, capsys):
    """Issue 13: cases unlike the training data give one line on stderr, and only then."""
    past, ratio, monthly = fitted
    model_dir = write_model_dir(tmp_path / "m", ratio=ratio, monthly=monthly, cases=past)
    usual, shifted = tmp_path / "usual.parquet", tmp_path / "shifted.parquet"
    past.head(400).to_parquet(usual)
    far = past.head(400).copy()
    far["residual_debt"] = (far["residual_debt"] * 40).astype(far["residual_debt"].dtype)
    far.to_parquet(shifted)
    for source, expected in ((usual, 0), (shifted, 1)):
        code = main(["offer", "--model", str(model_dir), "--cases", str(source),
                     "-o", str(tmp_path / "o.csv"), "--as-of", TODAY])  # fmt: skip
        err = capsys.readouterr().err.strip()
        assert code == 0
        lines = [line for line in err.splitlines() if "training data" in line]
        assert len(lines) == expected, err
        if expected:
            assert err.count("\n") == 0 and "residual_debt" in err


def test_cli_batch_japanese_labels(fitted, cases, tmp_path, capsys):
    """Issue 9: ``--labels ja`` writes Japanese column names and servicer states."""
    past, ratio, monthly = fitted
    model_dir = write_model_dir(tmp_path / "m", ratio=ratio, monthly=monthly, cases=past)
    source = tmp_path / "cases.parquet"
    cases.to_parquet(source)
    out = tmp_path / "offers.csv"
    code = main(["offer", "--model", str(model_dir), "--cases", str(source), "-o", str(out),
                 "--as-of", TODAY, "--labels", "ja", "--explain"])  # fmt: skip
    assert code == 0
    written = pd.read_csv(out, encoding="utf-8-sig")
    assert not [c for c in written.columns if c.isascii()], list(written.columns)
    assert {"案件番号", "最初の提示額", "一括和解の期待値(平均)", "主な要因"} <= set(
        written.columns
    )
    states = set(written["サービサーの状態"].dropna())
    assert states and not {s for s in states if s.isascii()}
    assert "expected lump sums in total" in capsys.readouterr().out
