"""Batch offers: the vectorised path agrees with one offer at a time, with warnings; the CLI writes them."""

from __future__ import annotations

import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from outcomes._io import write_model_dir
from outcomes._offer import batch_offers, opening_offer
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
        assert row["warnings"] == (one.warnings[0] if one.warnings else "")
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
