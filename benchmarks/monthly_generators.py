"""The monthly instalment model on two generators, against the best possible (issue 12).

1. ``simulate_cases`` (the generator the package was tuned on); the best
   possible median is :func:`outcomes.datasets.true_quantile`.
2. A variant written here and not tuned on: the same cases' features, but
   the latent instalment has another functional form (a quadratic income
   effect, an employment x household interaction, an age effect and
   heteroskedastic noise) and is rounded to the nearest ¥1,000 below
   ¥20,000 and to the nearest ¥5,000 above. Rounding is monotone, so the
   best possible median is the rounded latent median.

Side by side on the same train/test split: the default model
(``learner="auto"``, grid bounds learnt: the median of the rounded amount),
the same with the geometric-midpoint bounds used before, the ``"combined"``
learner, the GLM learner (learnt and midpoint bounds), and a plain log-linear
least-squares fit whose median is read on the grid (nearest ¥1,000 /
¥5,000). MAE relative to the best possible (target <= 1.03 on both).

Run::

    nice .venv/bin/python benchmarks/monthly_generators.py            # 20,000 cases, 2 seeds
    nice .venv/bin/python benchmarks/monthly_generators.py --n 4000
"""

from __future__ import annotations

import argparse
import warnings

import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression

from outcomes.datasets import simulate_cases, true_quantile
from outcomes.models import MonthlyAmountModel

TODAY = "2026-06-30"


def _round_variant(v: np.ndarray) -> np.ndarray:
    small = np.maximum(np.round(v / 1000), 1) * 1000
    big = np.round(v / 5000) * 5000
    return np.where(v < 20_000, small, np.maximum(big, 20_000))


def variant(cases: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, np.ndarray]:
    """The cases with monthly amounts from the variant generator, and its true median."""
    rng = np.random.default_rng(seed + 99)
    inc = np.log(
        np.maximum(cases["monthly_income"].to_numpy(float, na_value=200_000), 50_000) / 2e5
    )
    hh = cases["household_size"].to_numpy(float, na_value=2.0)
    age = cases["age"].to_numpy(float, na_value=50.0)
    emp = cases["employment"].astype("string").fillna("unknown").to_numpy(dtype=object)
    pension = emp == "pensioner"
    mu = (
        np.log(11_000)
        + 0.9 * inc
        - 0.35 * inc**2
        - 0.12 * (hh - 1) * (emp == "employee")
        - 0.05 * (hh - 1)
        - 0.25 * pension
        - 0.006 * (age - 50)
    )
    sigma = np.where(pension, 0.25, 0.42)
    latent = np.exp(mu + sigma * rng.standard_normal(len(cases)))
    out = cases.copy()
    inst = (out["resolution"] == "installment").to_numpy()
    amount = out["monthly_amount"].astype("Float64")
    amount[inst] = _round_variant(latent[inst])
    out["monthly_amount"] = amount.round().astype("Int64")
    return out, _round_variant(np.exp(mu))


def _grid_round(v: np.ndarray) -> np.ndarray:
    return _round_variant(v)


chosen: dict[str, list[str]] = {"simulate_cases": [], "variant": []}
coverage: dict[str, list[float]] = {"simulate_cases": [], "variant": []}


def run(n: int, seed: int) -> list[dict]:
    cases = simulate_cases(n, seed=seed, messy=False, today=TODAY)
    rows = []
    for name in ("simulate_cases", "variant"):
        if name == "variant":
            data, best = variant(cases, seed)
        else:
            data = cases
            best = true_quantile(cases, "monthly_amount", 0.5, as_of=TODAY).to_numpy(float)
        rng = np.random.default_rng(seed)
        test = rng.random(len(data)) < 0.3
        model = MonthlyAmountModel(as_of=TODAY).fit(data[~test])
        rows_te = model.training_rows(data) & test
        sub = data[rows_te]
        y = sub["monthly_amount"].to_numpy(float)
        b = best[rows_te]
        chosen[name].append(model.regressor_.learner_name_)
        preds = {"default (auto, learnt grid bounds)": model.predict(sub)}
        before = MonthlyAmountModel(as_of=TODAY, grid_bounds="midpoint").fit(data[~test])
        preds["auto, midpoint grid bounds (before)"] = before.predict(sub)
        combined = MonthlyAmountModel(as_of=TODAY, learner="combined").fit(data[~test])
        preds["combined learner, learnt bounds"] = combined.predict(sub)
        glm = MonthlyAmountModel(as_of=TODAY, learner="glm").fit(data[~test])
        preds["GLM learner, learnt bounds"] = glm.predict(sub)
        glm0 = MonthlyAmountModel(as_of=TODAY, learner="glm", grid_bounds="midpoint")
        preds["GLM learner, midpoint bounds (before)"] = glm0.fit(data[~test]).predict(sub)
        # the interval's coverage on the rounded scale (target 90%)
        iv = model.predict_interval(sub, 0.9)
        coverage[name].append(float(np.mean((iv["lower"] <= y) & (y <= iv["upper"]))))
        tr = model.training_rows(data) & ~test
        Xtr = model.features(data[tr]).select_dtypes("number").fillna(0)
        ols = LinearRegression().fit(Xtr, np.log(data.loc[tr, "monthly_amount"].to_numpy(float)))
        Xte = model.features(sub)[Xtr.columns].fillna(0)
        resid = np.log(data.loc[tr, "monthly_amount"].to_numpy(float)) - ols.predict(Xtr)
        preds["log-linear OLS, grid median"] = _grid_round(
            np.exp(ols.predict(Xte) + np.median(resid))
        )
        preds["best possible"] = b
        best_mae = np.mean(np.abs(b - y))
        for label, p in preds.items():
            mae = float(np.mean(np.abs(p - y)))
            rows.append(
                {
                    "generator": name,
                    "seed": seed,
                    "model": label,
                    "MAE": mae,
                    "vs best": mae / best_mae,
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--seeds", type=int, default=2)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    rows = [r for seed in range(args.seeds) for r in run(args.n, seed)]
    table = (
        pd.DataFrame(rows).groupby(["generator", "model"], sort=False)[["MAE", "vs best"]].mean()
    )
    pd.set_option("display.width", 200)
    print(f"{args.n:,} cases, {args.seeds} seeds (test: 30% of the installment cases)")
    print(table.round(4).to_string())
    for name, names in chosen.items():
        print(
            f"{name}: auto chose {', '.join(names)}; 90% interval of the default covers "
            f"{np.mean(coverage[name]):.1%}"
        )


if __name__ == "__main__":
    main()
