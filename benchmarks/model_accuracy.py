"""Accuracy of the models on generated cases with a known truth.

For each target (the lump-sum settlement ratio, the monthly instalment) this
prints, in one run and on the same cross-validation folds:

* every candidate learner of the model (the default is marked ``*``),
* the baselines of :func:`outcomes.models.evaluate`,
* the best possible predictor (the true conditional quantiles, from
  :func:`outcomes.datasets.true_quantile`),

with MAE, RMSE, pinball loss, coverage and width of the 90% interval, and
each MAE relative to the best possible (the first row's time includes the
baselines). The targets: MAE within 5% of the
best possible on the ratio and within 6% on the monthly amount; 90%
intervals covering 88-92%.

A last table compares :class:`RatioRegressor`'s learners on a generic
fraction with exact 0s and 1s (recovery-rate style), where the two-stage
learner is meant to help; the truth there is known in closed form.

Run::

    .venv/bin/python benchmarks/model_accuracy.py            # 40,000 cases, 5 folds
    .venv/bin/python benchmarks/model_accuracy.py --n 1500   # the sample's size
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
from scipy import special, stats

from outcomes.datasets import simulate_cases, true_quantile
from outcomes.models import MonthlyAmountModel, RatioRegressor, SettlementRatioModel, evaluate
from outcomes.models._evaluate import interval_metrics
from outcomes.models._learners import LEARNERS
from outcomes.models._ratio import DEFAULT_LEARNER

TODAY = "2026-06-30"
TARGETS = {"settlement_ratio": (0.05, (0.88, 0.92)), "monthly_amount": (0.06, (0.88, 0.92))}


def compare(model_cls: type, cases: pd.DataFrame, cv: int, learners: list[str]) -> pd.DataFrame:
    """One table: each learner, then the baselines and the best possible."""
    parts = []
    for i, learner in enumerate(learners):
        start = time.perf_counter()
        model = model_cls(as_of=TODAY, learner=learner)
        table = evaluate(model, cases, cv=cv, truth=true_quantile, baselines=(i == 0))
        seconds = time.perf_counter() - start
        mine = table.iloc[[0]].copy()
        mine["seconds"] = seconds
        label = f"learner {learner}"
        if learner == DEFAULT_LEARNER:
            fitted = model_cls(as_of=TODAY, learner=learner).fit(cases)
            label = f"* learner {learner} (= {fitted.regressor_.learner_name_})"
        mine.index = [label if learner == DEFAULT_LEARNER else f"  {label}"]
        if i == 0:
            rest = table.iloc[1:].copy()
            rest["seconds"] = float("nan")
            rest.index = [f"  {name}" for name in rest.index]
        parts.append(mine)
    out = pd.concat([*parts, rest])
    out.index.name = f"{model_cls.__name__} (n={table.attrs['n']:,}, {cv}-fold)"
    return out


def simulate_lgd(n: int, seed: int) -> tuple[pd.DataFrame, np.ndarray, object]:
    """A recovery-rate-like fraction with exact 0s and 1s, and its true quantiles.

    P(y = 0) and P(y = 1) depend on the features; the interior is
    logit-normal. Returns the features, y, and ``truth(X, q)``.
    """
    rng = np.random.default_rng(seed)
    x1 = rng.normal(size=n)
    kind = rng.choice(["a", "b", "c"], size=n, p=[0.5, 0.3, 0.2])
    x3 = rng.uniform(0, 10, size=n)
    X = pd.DataFrame({"x1": x1, "kind": pd.array(kind, dtype="string"), "x3": x3})
    X.loc[rng.random(n) < 0.1, "x3"] = np.nan

    def parts(X: pd.DataFrame) -> tuple[np.ndarray, ...]:
        c = (X["kind"] == "c").to_numpy(dtype=float)
        b = (X["kind"] == "b").to_numpy(dtype=float)
        x1 = X["x1"].to_numpy(dtype=float)
        x3 = np.nan_to_num(X["x3"].to_numpy(dtype=float), nan=5.0)
        p0 = special.expit(-1.6 + 0.9 * x1 + 0.6 * b)
        p1 = (1 - p0) * special.expit(-2.2 - 0.7 * x1 + 1.2 * c)
        mu = -0.5 + 0.4 * x1 - 0.1 * x3 + 0.5 * c
        sigma = 0.6 + 0.3 * b
        return p0, p1, mu, sigma

    def truth(X: pd.DataFrame, q: float) -> np.ndarray:
        p0, p1, mu, sigma = parts(X)
        pi = 1 - p0 - p1
        level = np.clip((q - p0) / pi, 1e-12, 1 - 1e-12)
        y = special.expit(mu + sigma * stats.norm.ppf(level))
        return np.where(q <= p0, 0.0, np.where(q > 1 - p1, 1.0, y))

    p0, p1, mu, sigma = parts(X)
    u = rng.random(n)
    y = special.expit(mu + sigma * rng.normal(size=n))
    y = np.where(u < p0, 0.0, np.where(u < p0 + p1, 1.0, y))
    return X, y, truth


def lgd_comparison(n: int, seed: int, learners: list[str]) -> pd.DataFrame:
    """RatioRegressor's learners on a fraction with exact 0s and 1s (train n, test n)."""
    X, y, truth = simulate_lgd(2 * n, seed)
    Xtr, ytr, Xte, yte = X.iloc[:n], y[:n], X.iloc[n:], y[n:]
    levels = (0.05, 0.5, 0.95)
    rows = {}
    for learner in learners:
        start = time.perf_counter()
        model = RatioRegressor(learner).fit(Xtr, ytr)
        seconds = time.perf_counter() - start
        label = f"learner {learner}"
        if learner == DEFAULT_LEARNER:
            label = f"* learner {learner} (= {model.learner_name_})"
        rows[label] = {
            **interval_metrics(yte, model.predict_quantiles(Xte, levels), levels),
            "fit seconds": seconds,
        }
    best = np.column_stack([truth(Xte, q) for q in levels])
    rows["best possible (true conditional quantiles)"] = interval_metrics(yte, best, levels)
    out = pd.DataFrame.from_dict(rows, orient="index")
    out["MAE_vs_best"] = out["MAE"] / out["MAE"].iloc[-1]
    out.index.name = f"RatioRegressor, fraction with 0s and 1s (train {n:,}, test {n:,})"
    zeros, ones = float(np.mean(y == 0)), float(np.mean(y == 1))
    out.attrs["note"] = f"share of exact 0s {zeros:.1%}, of exact 1s {ones:.1%}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=40_000, help="generated cases (all resolutions)")
    parser.add_argument("--cv", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--learners", default=",".join(LEARNERS))
    parser.add_argument("--lgd-n", type=int, default=10_000, help="rows of the 0s-and-1s check")
    args = parser.parse_args()
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)

    cases = simulate_cases(args.n, seed=args.seed, messy=False, today=TODAY)
    print(f"generated cases: {args.n:,} (seed {args.seed}), {args.cv}-fold cross-validation\n")
    summary = []
    for model_cls in (SettlementRatioModel, MonthlyAmountModel):
        target = model_cls.target
        learners = [x for x in args.learners.split(",") if x and x != DEFAULT_LEARNER]
        if model_cls is MonthlyAmountModel:
            learners = [x for x in learners if x != "two_stage"]  # fractions only
        learners = [DEFAULT_LEARNER, *learners]
        table = compare(model_cls, cases, args.cv, learners)
        fmt = {"MAE": "{:.4f}", "RMSE": "{:.4f}", "pinball": "{:.5f}", "width": "{:.4f}"}
        if target == "monthly_amount":
            fmt = {"MAE": "{:,.0f}", "RMSE": "{:,.0f}", "pinball": "{:,.1f}", "width": "{:,.0f}"}
        shown = table.copy()
        for col, f in fmt.items():
            shown[col] = shown[col].map(f.format)
        shown["coverage"] = shown["coverage"].map("{:.1%}".format)
        shown["MAE_vs_best"] = shown["MAE_vs_best"].map("{:.3f}".format)
        shown["seconds"] = shown["seconds"].map(lambda s: "" if pd.isna(s) else f"{s:.1f}")
        print(shown.to_string())
        print()
        default = table.iloc[0]
        tol, (lo, hi) = TARGETS[target]
        summary.append(
            {
                "target": target,
                "MAE / best": f"{default['MAE_vs_best']:.3f}",
                "MAE goal": f"<= {1 + tol:.2f}",
                "MAE ok": bool(default["MAE_vs_best"] <= 1 + tol),
                "coverage (90%)": f"{default['coverage']:.1%}",
                "coverage goal": f"{lo:.0%}-{hi:.0%}",
                "coverage ok": bool(lo <= default["coverage"] <= hi),
            }
        )
    print(f"default learner {DEFAULT_LEARNER!r} against the targets:")
    print(pd.DataFrame(summary).set_index("target").to_string())
    print()
    lgd = lgd_comparison(args.lgd_n, args.seed, [DEFAULT_LEARNER, *LEARNERS])
    print(lgd.round(4).to_string())
    print(lgd.attrs["note"])


if __name__ == "__main__":
    main()
