"""The report's time, drift and totals sections: one definition of censoring, k-safe drift, means for sums."""

from __future__ import annotations

import re
import zlib

import numpy as np
import pandas as pd
import pytest

from outcomes import simulate_cases
from outcomes.models import (
    MonthlyAmountModel,
    SettlementRatioModel,
    TrainingProfile,
    survival_data,
)
from outcomes.report import expected_totals, kaplan_meier, training_drift
from outcomes.report._checks import ModelCheck
from outcomes.report._survival import survival_times
from outcomes.report._tables import SUPPRESSED

TODAY = "2024-06-30"
K = 5


@pytest.fixture(scope="module")
def cases() -> pd.DataFrame:
    return simulate_cases(1200, seed=3, messy=False, today=TODAY)


def test_km_uses_the_package_definition_of_months_and_censoring(cases):
    times = survival_times(cases, TODAY)
    data = survival_data(cases, as_of=TODAY)
    usable = data[data["usable"]]
    pd.testing.assert_frame_equal(times, usable[["months", "agreed"]])
    pending = cases["resolution"] == "pending"
    assert pending.sum() > 0 and pending[times.index].sum() == pending.sum()  # never dropped
    curve = kaplan_meier(cases, as_of=TODAY, k=K)
    assert curve["at_risk"].min() >= K


def test_drift_section_names_no_small_group_and_flags_a_shift(cases, tmp_path):
    model_dir = tmp_path / "models"
    model_dir.mkdir()
    TrainingProfile.from_cases(cases).to_json(model_dir / "training_profile.json")
    current = simulate_cases(400, seed=4, messy=False, today=TODAY)
    current["residual_debt"] = (current["residual_debt"] * 1.5).round().astype("Int64")
    current.loc[current.index[:2], "servicer"] = "架空サービサー二件"  # a new servicer of 2 cases
    current.loc[current.index[2:9], "servicer"] = "架空サービサー七件"  # and one of 7
    table = training_drift(model_dir, current, k=K)
    row = table.set_index("特徴量")
    assert row.loc["残債(対数)", "判定"] == "変化あり"
    servicer = row.loc["サービサー"]
    assert "架空サービサー七件" in servicer["新しい区分"]
    assert (
        "架空サービサー二件" not in servicer["新しい区分"] and SUPPRESSED in servicer["新しい区分"]
    )
    # one case above the training range: its share is a count under k, suppressed
    one = current.copy()
    one["residual_debt"] = cases["residual_debt"].iloc[: len(one)].to_numpy()
    one["servicer"] = cases["servicer"].iloc[: len(one)].to_numpy()
    one.loc[one.index[0], "residual_debt"] = int(cases["residual_debt"].max()) * 3
    shown = training_drift(model_dir, one, k=K).set_index("特徴量")
    assert shown.loc["残債(対数)", "範囲外・未知の割合"] == SUPPRESSED
    assert training_drift(None, current, k=K) is None
    assert training_drift(tmp_path, current, k=K) is None  # a directory without a profile


def test_totals_sum_the_models_means_not_their_medians(cases):
    ratio = SettlementRatioModel(as_of=TODAY, learner="glm").fit(cases)
    monthly = MonthlyAmountModel(as_of=TODAY, max_iter=20).fit(cases)
    checks = ModelCheck("settlement_ratio", ratio), ModelCheck("monthly_amount", monthly)
    table = expected_totals(*checks, cases, "creditor_type", k=K)
    pending = cases[cases["resolution"] == "pending"]
    total = table.set_index("creditor_type").loc["合計"]
    assert total["cases"] <= len(pending)
    shown = table[table["creditor_type"] != "合計"]
    assert (shown["cases"] >= K).all()
    assert total["cases"] == shown["cases"].sum()
    kept = pending[pending["creditor_type"].isin(shown["creditor_type"])]
    means = ratio.predict_mean(kept) * kept["residual_debt"].to_numpy(dtype="float64")
    medians = ratio.predict(kept) * kept["residual_debt"].to_numpy(dtype="float64")
    assert total["lump_sum_total"] == pytest.approx(means.sum(), abs=1_000 * len(shown))
    assert not np.isclose(means.sum(), medians.sum(), rtol=1e-3)
    assert total["monthly_total"] == pytest.approx(
        monthly.predict_mean(kept).sum(), abs=1_000 * len(shown)
    )


def test_pdf_is_printed_from_the_same_html_with_a_japanese_font(tmp_path):
    """--pdf: WeasyPrint (PyPI) prints the written HTML; 和文 in the font matplotlib-fontja ships."""
    pytest.importorskip("weasyprint")
    from outcomes.report import write_pdf

    html = tmp_path / "r.html"
    html.write_text(
        '<html><body class="jp-Notebook"><main><h1>残債和解レポート</h1>'
        "<table><tr><td>件数</td><td>12</td></tr></table></main></body></html>",
        encoding="utf-8",
    )
    pdf = write_pdf(html)
    data = pdf.read_bytes()
    assert pdf == tmp_path / "r.pdf" and data.startswith(b"%PDF")
    streams = [data]
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", data, flags=re.DOTALL):
        try:
            streams.append(zlib.decompress(raw))
        except zlib.error:
            continue
    # the Japanese font is embedded, not a fallback without 和文
    assert any(b"IPAexGothic" in s for s in streams)


def test_pdf_without_weasyprint_is_one_line_report_error(tmp_path, monkeypatch):
    import builtins

    from outcomes.report import ReportError, write_pdf

    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(ReportError, match="pip install 'outcomes\\[pdf\\]'") as info:
        write_pdf(tmp_path / "r.html")
    assert "\n" not in str(info.value)


def test_case_predictions_once_in_blocks_serve_every_ranges_table(cases, monkeypatch):
    """The report predicts each case once (in blocks); the tables read those predictions."""
    from outcomes._errors import OutcomesError
    from outcomes.report import _checks as checks_module
    from outcomes.report import case_predictions, predicted_ranges

    check = ModelCheck("monthly_amount", MonthlyAmountModel(as_of=TODAY, max_iter=20).fit(cases))
    whole = case_predictions(check, cases)
    monkeypatch.setattr(checks_module, "PREDICTION_BLOCK", 97)  # 1,200 cases in 13 blocks
    blocks = case_predictions(check, cases)
    pd.testing.assert_frame_equal(whole, blocks)
    direct = check.model.predict_quantiles(cases, [0.1, 0.5, 0.9]).to_numpy(dtype="float64")
    np.testing.assert_allclose(whole.to_numpy(), direct)
    for by in ("creditor_type", "household_size"):
        pd.testing.assert_frame_equal(
            predicted_ranges(check, cases, by, k=K, predictions=whole),
            predicted_ranges(check, cases, by, k=K),
        )
    with pytest.raises(OutcomesError, match="predictions"):
        predicted_ranges(check, cases, "creditor_type", k=K, predictions=whole.iloc[:10])
    empty = case_predictions(ModelCheck("monthly_amount"), cases.head(3))
    assert empty.shape == (3, 3) and empty.isna().all(axis=None)


def test_selected_cases_share_memory_and_never_change_the_input(cases):
    from outcomes.report import with_derived
    from outcomes.report._data import select_cases

    before = cases.copy()
    derived = with_derived(select_cases(cases))
    pd.testing.assert_frame_equal(cases, before)  # no derived column leaks into the input
    assert "income_band" not in cases.columns and "income_band" in derived.columns
    assert np.shares_memory(
        derived["residual_debt"].array._data, cases["residual_debt"].array._data
    )
    bands = derived["income_band"].cat.categories.tolist()
    assert bands[0] == "10万円未満" and bands[-1] == "30万円以上"
    assert derived["income_band"].cat.ordered


def test_trend_axis_labels_years_not_every_quarter(cases):
    import matplotlib.pyplot as plt

    from outcomes.report import quarterly_trend
    from outcomes.report._plots import trend_plot

    lump = cases[cases["resolution"] == "lump_sum"]
    table = quarterly_trend(lump, "settlement_ratio", k=K)
    assert len(table) > 8
    ax = trend_plot(table, "settlement_ratio")
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert 2 <= len(labels) <= 9 and all(re.fullmatch(r"\d{4}", t) for t in labels)
    ticks = set(ax.get_xticks(minor=True)) | set(ax.get_xticks())  # a tick on every quarter
    assert len(ticks) == len(table)
    short = trend_plot(table.tail(4).reset_index(drop=True), "settlement_ratio")
    assert [t.get_text() for t in short.get_xticklabels()] == table["quarter"].tail(4).tolist()
    plt.close("all")


def test_a_trend_too_thin_by_quarter_is_shown_by_year():
    """A report filtered to one servicer may have under k cases in every quarter (§7): the
    trend then falls back to yearly medians instead of an empty figure."""
    from outcomes.report import quarterly_trend

    rng = np.random.default_rng(3)
    days = pd.to_datetime("2022-01-01") + pd.to_timedelta(rng.integers(0, 730, 24), "D")
    cases = pd.DataFrame({"agreement_date": days, "settlement_ratio": rng.uniform(0.01, 0.1, 24)})
    table = quarterly_trend(cases, "settlement_ratio", k=5)
    assert table.attrs["period"] == "year"
    assert table["quarter"].tolist() == ["2022", "2023"]
    assert not table["suppressed"].any() and (table["n"] >= 5).all()
