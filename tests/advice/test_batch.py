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
                     "-o", str(tmp_path / "o.csv"), "--as-of", TODAY, "--lang", "en"])  # fmt: skip
        err = capsys.readouterr().err.strip()
        assert code == 0
        lines = [line for line in err.splitlines() if "training data" in line]
        assert len(lines) == expected, err
        if expected:
            # issue 21: the feature in words, not log_residual_debt
            assert err.count("\n") == 0 and "residual debt" in err and "_" not in err


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
    assert {"案件ID", "最初の提示額", "一括和解の期待値(平均)", "主な要因"} <= set(written.columns)
    states = set(written["サービサーの状態"].dropna())
    assert states and not {s for s in states if s.isascii()}
    assert "一括和解の期待値の合計" in capsys.readouterr().out  # the summary speaks --lang (ja)


# --------------------------------------------------------------------------
# Issue 21: resolved cases are skipped with a reason; the summary in --lang
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed(fitted):
    """Pending cases and cases already resolved (the review's A0002: 自己破産 with a date)."""
    past = fitted[0]
    pending = past[past["resolution"] == "pending"].head(6)
    resolved = pd.concat(
        [
            past[past["resolution"] == code].head(2)
            for code in ("bankruptcy", "lump_sum", "installment")
        ]
    )
    table = pd.concat([pending, resolved], ignore_index=True)
    assert set(table["resolution"].astype(str)) == {
        "pending",
        "bankruptcy",
        "lump_sum",
        "installment",
    }
    return table


@pytest.mark.parametrize(
    ("language", "reasons"),
    [
        ("ja", {"bankruptcy": "解決済みの案件です(解決方法: 自己破産)。提示額は出しません。",
                "lump_sum": "解決済みの案件です(解決方法: 一括和解)。提示額は出しません。",
                "installment": "解決済みの案件です(解決方法: 分割弁済)。提示額は出しません。"}),
        ("en", {"bankruptcy": "already resolved (bankruptcy): no offer",
                "lump_sum": "already resolved (lump sum): no offer",
                "installment": "already resolved (installment): no offer"}),
    ],
)  # fmt: skip
def test_resolved_cases_are_skipped_with_a_reason_and_no_amounts(fitted, mixed, language, reasons):
    _, ratio, monthly = fitted
    table = batch_offers(ratio, mixed, monthly_model=monthly, as_of=TODAY, language=language)
    resolution = mixed["resolution"].astype(str).to_numpy()
    done = resolution != "pending"
    amounts = ["opening", "target", "walk_away", "chance_opening", "chance_target",
               "chance_walk_away", "expected_amount", "monthly", "monthly_low", "monthly_high"]  # fmt: skip
    assert table.loc[done, amounts].isna().all(axis=None)
    assert table.loc[~done, ["opening", "target", "walk_away"]].notna().all(axis=None)
    for code, warning in zip(resolution[done], table["warnings"][done], strict=True):
        assert warning == reasons[code]  # the reason alone, in the output language
    assert table["case_id"].tolist() == mixed["case_id"].astype(str).tolist()  # none dropped


def test_resolved_cases_are_counted_in_the_summary_in_its_language(fitted, mixed, tmp_path, capsys):
    past, ratio, monthly = fitted
    model_dir = write_model_dir(tmp_path / "m", ratio=ratio, monthly=monthly, cases=past)
    source = tmp_path / "cases.parquet"
    mixed.to_parquet(source)
    out = tmp_path / "offers.xlsx"
    base = [
        "offer",
        "--model",
        str(model_dir),
        "--cases",
        str(source),
        "-o",
        str(out),
        "--as-of",
        TODAY,
    ]
    assert main(base) == 0  # --lang ja by default
    printed = capsys.readouterr().out.strip()
    assert printed.startswith(
        f"12件のうち6件の提示案を{out}に書きました(解決済みで提示しない案件6件、"
    )
    assert "一括和解の期待値の合計" in printed and "円" in printed and "¥" not in printed
    assert not [
        w for w in ("offers", "cases", "warning", "expected") if w in printed.replace(str(out), "")
    ]
    written = pd.read_excel(out)
    assert written["最初の提示額"].notna().sum() == 6
    assert main([*base, "--lang", "en"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith(
        f"6 offers of 12 cases written to {out} (6 already resolved, not offered;"
    )
    assert "¥" in printed
