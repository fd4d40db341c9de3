"""evaluate: the truth comes from the caller, chosen baselines, coverage at several levels."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from outcomes import OutcomesError
from outcomes.datasets import simulate_cases, true_quantile
from outcomes.models import (
    SettlementRatioModel,
    calibration_table,
    evaluate,
    fit_and_evaluate,
)

TODAY = "2026-06-30"
MODELS_DIR = Path(__file__).resolve().parents[2] / "src" / "outcomes" / "models"
BEST = "best possible (true conditional median)"


@pytest.fixture(scope="module")
def cases() -> pd.DataFrame:
    return simulate_cases(500, seed=8, messy=False, today=TODAY)


def small() -> SettlementRatioModel:
    return SettlementRatioModel(as_of=TODAY, max_iter=20, cv=3)


def test_truth_only_from_the_caller(cases):
    plain = evaluate(small(), cases, cv=3, baselines=False)
    assert list(plain.index) == ["SettlementRatioModel (auto)"]
    known = evaluate(small(), cases, cv=3, baselines=False, truth=true_quantile)
    assert list(known.index) == ["SettlementRatioModel (auto)", BEST]
    assert known.loc[BEST, "MAE_vs_best"] == 1.0
    # the model's own figures do not depend on whether the truth is known
    pd.testing.assert_series_equal(plain.iloc[0], known.iloc[0].drop("MAE_vs_best"))
    for bad in (True, "true_quantile"):
        with pytest.raises(OutcomesError, match="truth must be a function"):
            evaluate(small(), cases, cv=3, truth=bad)


def test_evaluate_never_imports_the_generator():
    for name in ("_evaluate.py", "_plots.py"):
        tree = ast.parse((MODELS_DIR / name).read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
            a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names
        }
        upward = {
            m for m in imported if m and m.startswith(("outcomes.datasets", "outcomes.report"))
        }
        assert not upward, f"models/{name} imports {upward}"


def test_chosen_baselines_only(cases):
    table = evaluate(small(), cases, cv=3, baselines=["median by creditor type", "GLM"])
    assert list(table.index) == [
        "SettlementRatioModel (auto)",
        "median by creditor type",
        "fractional logit GLM",
    ]
    with pytest.raises(OutcomesError, match="unknown baseline"):
        evaluate(small(), cases, cv=3, baselines=["coin flip"])


def test_coverages_are_the_out_of_fold_calibration(cases):
    plain = evaluate(small(), cases, cv=3, baselines=["overall median"])
    table = evaluate(small(), cases, cv=3, baselines=["overall median"], coverages=(0.5, 0.8))
    assert list(table.columns[-4:]) == ["coverage_50", "width_50", "coverage_80", "width_80"]
    # asking for more intervals does not change the figures of the outer one
    pd.testing.assert_frame_equal(table[plain.columns], plain)
    assert table.attrs["coverages"] == [0.5, 0.8]
    row = table.iloc[0]
    assert row["coverage_50"] < row["coverage_80"] < row["coverage"]
    assert row["width_50"] < row["width_80"] < row["width"]
    # the model row is calibration_table's out-of-fold coverage (same folds)
    cal = calibration_table(small(), cases, (0.5, 0.8), cv=3)
    np.testing.assert_allclose(cal["observed"], [row["coverage_50"], row["coverage_80"]])
    np.testing.assert_allclose(cal["mean_width"], [row["width_50"], row["width_80"]])
    with pytest.raises(OutcomesError, match="coverages"):
        evaluate(small(), cases, cv=3, coverages=(1.2,))


def test_fit_and_evaluate_fits_on_every_case(cases):
    model, table = fit_and_evaluate(small(), cases, cv=3, baselines=False)
    assert model.n_train_ == table.attrs["n"] == int(model.training_rows(cases).sum())
    assert np.isfinite(model.predict(cases.head(3))).all()
