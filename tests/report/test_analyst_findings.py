"""The analyst's report findings (issue 28, analyst review N4, N13, N19, N20).

- N4 (misleading): the league table ranked servicers by raw medians whose 95%
  intervals overlap; now nothing is ranked, and a servicer is marked higher or
  lower only where its whole interval lies off the median of all the cases.
- N13: figures showed a box for every 和文 glyph unless ``set_theme()`` had been
  called.
- N19: the expected totals' money columns were left-aligned beside right-aligned
  counts; a report of the model's own training data compared the data with itself
  (every PSI 0.000, every verdict 安定).
- N20: in a small report a Kaplan–Meier drop of 1/16 was one case's agreement month.
"""

from __future__ import annotations

import io
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from outcomes import simulate_cases
from outcomes.models import TrainingProfile
from outcomes.report import (
    count_bar,
    expected_totals,
    kaplan_meier,
    league_table,
    training_drift,
)
from outcomes.report._checks import POOLED_ROW, TOTAL_ROW, ModelCheck, totals_table
from outcomes.report._groups import POOLED, league_styled

TODAY = "2026-06-30"


def _league_frame() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "servicer": ["A"] * 40 + ["B"] * 40 + ["C"] * 40 + ["D"] * 2 + ["E"] * 3,
            "settlement_ratio": np.concatenate(
                [
                    rng.uniform(0.10, 0.12, 40),  # A: well above everyone
                    rng.uniform(0.02, 0.06, 40),  # B and C: overlapping, around the middle
                    rng.uniform(0.03, 0.07, 40),
                    rng.uniform(0.00, 0.01, 5),  # D, E: pooled
                ]
            ),
        }
    )


def test_the_league_table_ranks_no_servicer_and_marks_only_separated_intervals():
    table = league_table(_league_frame(), "settlement_ratio", k=5).set_index("servicer")
    assert "順位" not in table.columns
    assert table.loc["A", "against"] == "higher"
    # B's and C's medians differ, but their intervals hold the overall median: no verdict
    assert table.loc["B", "p50"] != table.loc["C", "p50"]
    assert {table.loc["B", "against"], table.loc["C", "against"]} <= {"within", "lower"}
    assert table.loc[POOLED, "against"] == ""  # the pooled small servicers: never marked
    assert table.index[-1] == POOLED


def test_the_shown_league_table_has_no_rank_column():
    table = league_table(_league_frame(), "settlement_ratio", k=5)
    html = league_styled(table, "settlement_ratio", "表", "ja").to_html()
    assert "順位" not in html and "全体の中央値(" in html and "高い" in html
    english = league_styled(table, "settlement_ratio", "t", "en").to_html()
    assert "Rank" not in english and "higher" in english


def test_figures_show_japanese_without_set_theme():
    cases = pd.DataFrame({"creditor_type": ["bank"] * 6 + ["shinkin"] * 7})
    with mpl.rc_context():
        mpl.rcdefaults()  # a plain script: no set_theme()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ax = count_bar(cases, "creditor_type", k=5, title="債権者区分")
            ax.figure.savefig(io.BytesIO(), format="png")
        plt.close("all")
        assert mpl.rcParams["font.family"] == ["sans-serif"]  # the caller's theme left alone
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing, missing[:3]


def test_expected_totals_align_their_money_right():
    t = pd.DataFrame(
        {
            "creditor_type": ["bank", POOLED_ROW, TOTAL_ROW],
            "cases": [7, 6, 13],
            "lump_sum_total": [1.09e6, 3.94e6, 5.03e6],
            "monthly_total": [7e4, 6e4, 1.3e5],
        }
    )
    html = totals_table(t).to_html()
    # the six money cells carry the class the report's stylesheet aligns right (td.oc-stat)
    assert html.count("oc-stat") == 6


def test_a_report_on_the_models_own_training_data_does_not_compare_it_with_itself(tmp_path):
    cases = simulate_cases(300, seed=3, messy=False, today=TODAY)
    TrainingProfile.from_cases(cases).to_json(tmp_path / "training_profile.json")
    assert training_drift(tmp_path, cases, k=5).attrs["same_as_training"]
    other = simulate_cases(300, seed=4, messy=False, today=TODAY)
    assert not training_drift(tmp_path, other, k=5).attrs["same_as_training"]


@pytest.mark.parametrize("k", [3, 5])
def test_each_drop_of_a_survival_curve_stands_for_k_agreements(k):
    sale = pd.Timestamp("2024-01-01")
    cases = pd.DataFrame(
        {
            "sale_date": [sale] * 16,
            "agreement_date": [sale + pd.DateOffset(months=m) for m in range(1, 17)],
            "resolution": ["lump_sum"] * 16,
        }
    )
    curve = kaplan_meier(cases, as_of="2026-01-01", k=k)
    survival = np.concatenate([[1.0], curve["not_agreed"].to_numpy()])
    agreed = -np.diff(survival) * 16  # cases that agreed in each drop (nothing censored)
    assert len(curve) and (np.round(agreed) >= k).all(), curve


class _Mean:
    """A model that predicts one mean for every case (enough to sum expected totals)."""

    def predict_mean(self, cases: pd.DataFrame) -> np.ndarray:
        return np.full(len(cases), 0.1)


def test_expected_totals_list_the_pooled_small_groups_after_every_group():
    cases = pd.DataFrame(
        {
            "resolution": ["pending"] * 23,
            "creditor_type": ["bank"] * 9 + ["jfc"] * 4 + ["jhf"] * 6 + ["other"] * 4,
            "residual_debt": pd.array([1_000_000] * 23, dtype="Int64"),
        }
    )
    checks = ModelCheck("settlement_ratio", _Mean()), ModelCheck("monthly_amount", _Mean())
    table = expected_totals(*checks, cases, "creditor_type", k=5)
    assert table["creditor_type"].tolist() == ["bank", "jhf", POOLED_ROW, TOTAL_ROW]


def test_a_k_above_the_selected_cases_is_refused_and_one_below_the_default_is_said(
    monkeypatch, capsys
):
    """Analyst review N9: ``--k 100000`` gave a report of 「示せません」 only; ``--k 1`` passed silently."""
    import argparse

    from outcomes import OutcomesError
    from outcomes._cli import report as command
    from outcomes.report import Selection
    from outcomes.report._data import ReportCases, ReportData, check_selection

    cases = simulate_cases(40, seed=1, messy=False, today=TODAY)
    with pytest.raises(OutcomesError, match="k = 100,000 is more than the data's 40 cases"):
        check_selection(cases, Selection(k=100_000, language="en"))
    check_selection(cases, Selection(k=40))  # as many as there are: fine
    data = ReportData(cases, pd.DataFrame(), 40, "cases.csv", True, TODAY)
    header = ReportCases(data, 40, cases, Selection(k=1)).header_markdown("now", "0")
    assert "社の既定 5 より小さい値です" in header
    assert "既定" not in ReportCases(data, 40, cases, Selection(k=5)).header_markdown("now", "0")
    # the command says so on stderr, in the run's language
    monkeypatch.setattr(command, "write_report", lambda *a, **kw: "r.html")
    options = dict(input="x.csv", output="r.html", period=None, servicer=None, creditor_type=None)
    args = argparse.Namespace(**options, k=1, model=None, pdf=False, language="ja")
    monkeypatch.setattr(command, "check_source", lambda *a, **kw: None)
    monkeypatch.setattr("outcomes._cli._outputs.check_outputs", lambda *a, **kw: None)
    assert command.run(args) == 0
    assert "k = 1 は社の既定 5 より小さい値です" in capsys.readouterr().err
