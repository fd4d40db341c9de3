"""Time to agreement: TimeToAgreementModel beside lifelines and scikit-survival peers.

One run, the same train/test cases for every method:

* generated data whose true survival is known (``outcomes.datasets.simulate_time_to_agreement``:
  shifted gamma times depending on creditor type, servicer, employment and
  debt, non-proportional hazards, censored at the export day, ~25 % pending);
* the shipped sample (``load_sample()``, cleaned; its truth is unknown: a
  70/30 split, calibration against the Kaplan-Meier of the test part);
* speed: fit on 100,000 generated cases, predict 100,000.

Reported: Harrell's concordance (C), integrated Brier score (IBS, IPCW, months
1-36), MAE of the predicted P(resolved by 6/12/24 months) against the truth,
fit seconds, prediction cases/s. Targets: MAE within 0.02 on average,
C within 2 % of the truth's, at least as good as the best peer; fit on
100,000 < 30 s; prediction > 100,000 cases/s.

Peers: lifelines (Kaplan-Meier by creditor type × servicer, Cox PH,
Weibull AFT, log-normal AFT) and scikit-survival (gradient-boosted Cox,
``GradientBoostingSurvivalAnalysis``, trained on a subsample: it is slow).
lifelines 0.30 pins ``pandas<3``: it cannot be a dependency of this package.
It runs here (with pandas 3, installed apart from the project)::

    .venv/bin/pip install --no-deps --target /tmp/time-peers lifelines autograd autograd-gamma
    .venv/bin/pip install scikit-survival
    PYTHONPATH=src:/tmp/time-peers OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \\
        nice .venv/bin/python benchmarks/time_to_agreement.py

(one thread for every method: on shared cores more threads only slow down.)
"""

from __future__ import annotations

import argparse
import os
import time
import warnings

import numpy as np
import pandas as pd

from outcomes import clean_cases, load_sample
from outcomes.datasets import simulate_cases, simulate_time_to_agreement, true_survival
from outcomes.models import TIME_FEATURES, TableEncoder, TimeToAgreementModel, survival_data
from outcomes.models._features import case_features
from outcomes.models._time import concordance

AS_OF = "2019-01-31"
HORIZONS = (6, 12, 24)
IBS_GRID = np.arange(1.0, 36.5, 1.0)


def generated(n: int, seed: int) -> pd.DataFrame:
    cases = simulate_cases(n, seed=seed, messy=False, today=AS_OF)
    return simulate_time_to_agreement(cases, as_of=AS_OF, seed=seed)


# -- peers -------------------------------------------------------------------------
class Design:
    """Linear design matrix of the time features (one-hot, standardised)."""

    def __init__(self, as_of: str) -> None:
        self.as_of = as_of

    def fit(self, cases: pd.DataFrame) -> Design:
        self.enc = TableEncoder(kind="linear").fit(self._feats(cases))
        return self

    def _feats(self, cases: pd.DataFrame) -> pd.DataFrame:
        return case_features(cases, as_of=self.as_of)[list(TIME_FEATURES)]

    def frame(self, cases: pd.DataFrame) -> pd.DataFrame:
        X = self.enc.transform(self._feats(cases))
        return pd.DataFrame(X, columns=[f"x{i}" for i in range(X.shape[1])], index=cases.index)


class Truth:
    name = "truth (known law)"

    def fit(self, cases, data):
        return self

    def survival(self, cases, grid):
        return true_survival(cases, tuple(grid)).to_numpy()


class Ours:
    name = "TimeToAgreementModel"

    def __init__(self, as_of: str) -> None:
        self.model = TimeToAgreementModel(as_of=as_of)

    def fit(self, cases, data):
        self.model.fit(cases)
        return self

    def survival(self, cases, grid):
        return self.model.predict_survival(cases, tuple(grid)).to_numpy()


def _groups(cases: pd.DataFrame) -> pd.Series:
    serv = cases["servicer"].notna() & (cases["creditor_type"].astype("string") != "jhf")
    return cases["creditor_type"].astype("string").fillna("?") + np.where(serv, "+servicer", "")


class KMByGroup:
    name = "lifelines Kaplan-Meier by creditor type × servicer"

    def fit(self, cases, data):
        from lifelines import KaplanMeierFitter

        self.fitters = {}
        groups = _groups(cases)
        self.overall = KaplanMeierFitter().fit(data["months"], data["agreed"])
        for g, idx in groups.groupby(groups).groups.items():
            if len(idx) >= 30:
                self.fitters[g] = KaplanMeierFitter().fit(
                    data.loc[idx, "months"], data.loc[idx, "agreed"]
                )
        return self

    def survival(self, cases, grid):
        groups = _groups(cases).to_numpy()
        out = np.empty((len(cases), len(grid)))
        for g in np.unique(groups):
            kmf = self.fitters.get(g, self.overall)
            out[groups == g] = kmf.survival_function_at_times(list(grid)).to_numpy()
        return out


class Lifelines:
    def __init__(self, kind: str, as_of: str) -> None:
        self.kind = kind
        self.design = Design(as_of)
        self.name = {
            "cox": "lifelines Cox PH",
            "weibull": "lifelines Weibull AFT",
            "lognormal": "lifelines log-normal AFT",
        }[kind]

    def fit(self, cases, data):
        from lifelines import CoxPHFitter, LogNormalAFTFitter, WeibullAFTFitter

        cls = {"cox": CoxPHFitter, "weibull": WeibullAFTFitter, "lognormal": LogNormalAFTFitter}
        df = self.design.fit(cases).frame(cases)
        df["T"] = np.maximum(data["months"].to_numpy(), 1e-3)
        df["E"] = data["agreed"].to_numpy().astype(int)
        self.model = cls[self.kind](penalizer=1e-4).fit(df, "T", "E")
        return self

    def survival(self, cases, grid):
        df = self.design.frame(cases)
        return self.model.predict_survival_function(df, times=list(grid)).to_numpy().T


class SksurvGB:
    name = "scikit-survival gradient-boosted Cox"

    def __init__(self, as_of: str, max_train: int) -> None:
        self.design = Design(as_of)
        self.max_train = max_train

    def fit(self, cases, data):
        from sksurv.ensemble import GradientBoostingSurvivalAnalysis
        from sksurv.util import Surv

        if len(cases) > self.max_train:
            keep = np.random.default_rng(0).choice(len(cases), self.max_train, replace=False)
            cases, data = cases.iloc[keep], data.iloc[keep]
        X = self.design.fit(cases).frame(cases).to_numpy()
        y = Surv.from_arrays(data["agreed"].to_numpy(), data["months"].to_numpy())
        self.model = GradientBoostingSurvivalAnalysis(
            n_estimators=150, learning_rate=0.1, max_depth=3, subsample=0.8, random_state=0
        ).fit(X, y)
        return self

    def survival(self, cases, grid):
        X = self.design.frame(cases).to_numpy()
        arr = self.model.predict_survival_function(X, return_array=True)
        times = self.model.unique_times_
        idx = np.searchsorted(times, np.asarray(grid), side="right") - 1
        out = np.where(idx >= 0, arr[:, np.maximum(idx, 0)], 1.0)
        return out


# -- evaluation --------------------------------------------------------------------
def evaluate(method, train, test, as_of, truth: pd.DataFrame | None) -> dict:
    from sksurv.metrics import integrated_brier_score
    from sksurv.util import Surv

    d_train = survival_data(train, as_of)
    d_train = d_train[d_train["usable"]]
    train = train.loc[d_train.index]
    d_test = survival_data(test, as_of)
    d_test = d_test[d_test["usable"]]
    test = test.loc[d_test.index]

    start = time.perf_counter()
    method.fit(train, d_train)
    fit_s = time.perf_counter() - start
    start = time.perf_counter()
    s_h = method.survival(test, HORIZONS)
    pred_rate = len(test) / (time.perf_counter() - start)
    s_grid = method.survival(test, IBS_GRID)

    y_train = Surv.from_arrays(d_train["agreed"].to_numpy(), d_train["months"].to_numpy())
    y_test = Surv.from_arrays(d_test["agreed"].to_numpy(), d_test["months"].to_numpy())
    grid_ok = (IBS_GRID < min(d_test["months"].max(), d_train["months"].max())) & (
        IBS_GRID > d_test["months"].min()
    )
    ibs = integrated_brier_score(y_train, y_test, s_grid[:, grid_ok], IBS_GRID[grid_ok])
    c = concordance(d_test["months"].to_numpy(), d_test["agreed"].to_numpy(), -s_h[:, 1])
    row = {"method": method.name, "C": c, "IBS": ibs}
    if truth is not None:
        t = truth.loc[test.index].to_numpy()
        for j, h in enumerate(HORIZONS):
            row[f"MAE {h}m"] = float(np.mean(np.abs(s_h[:, j] - t[:, j])))
        row["MAE mean"] = float(np.mean([row[f"MAE {h}m"] for h in HORIZONS]))
    else:  # calibration in the large against the test part's Kaplan-Meier
        from sksurv.nonparametric import kaplan_meier_estimator

        times, surv = kaplan_meier_estimator(
            d_test["agreed"].to_numpy(), d_test["months"].to_numpy()
        )
        for j, h in enumerate(HORIZONS):
            km = surv[np.searchsorted(times, h, side="right") - 1]
            row[f"|mean-KM| {h}m"] = float(abs(s_h[:, j].mean() - km))
    row["fit s"] = fit_s
    row["predict cases/s"] = pred_rate
    return row


def methods(as_of: str, gb_max: int, with_truth: bool) -> list:
    out = [Truth()] if with_truth else []
    out.append(Ours(as_of))
    try:
        import lifelines  # noqa: F401

        out += [
            KMByGroup(),
            Lifelines("cox", as_of),
            Lifelines("weibull", as_of),
            Lifelines("lognormal", as_of),
        ]
    except ImportError:
        print("lifelines not importable: its peers are skipped (see the docstring)")
    try:
        import sksurv  # noqa: F401

        out.append(SksurvGB(as_of, gb_max))
    except ImportError:
        print("scikit-survival not importable: its peer is skipped")
    return out


def table(rows: list[dict]) -> str:
    df = pd.DataFrame(rows).set_index("method")
    fmt = {c: "{:.4f}" for c in df.columns if c not in ("fit s", "predict cases/s")}
    fmt["fit s"] = "{:.1f}"
    fmt["predict cases/s"] = "{:,.0f}"
    cells = df.apply(lambda col: col.map(fmt[col.name].format))
    lines = ["| method | " + " | ".join(cells.columns) + " |"]
    lines.append("|---|" + "---:|" * len(cells.columns))
    lines += [f"| {name} | " + " | ".join(row) + " |" for name, row in cells.iterrows()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train-n", type=int, default=20_000)
    parser.add_argument("--test-n", type=int, default=20_000)
    parser.add_argument("--speed-n", type=int, default=100_000)
    parser.add_argument("--gb-max", type=int, default=5_000, help="training cases of the GB peer")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    print(f"cores available: {len(os.sched_getaffinity(0))}\n")

    train, test = generated(args.train_n, 1), generated(args.test_n, 2)
    truth = true_survival(test, HORIZONS)
    pending = (train["resolution"] == "pending").mean()
    print(
        f"## Generated: {len(train):,} training / {len(test):,} test cases, as_of {AS_OF}, "
        f"{pending:.1%} pending (censored)\n"
    )
    rows = [evaluate(m, train, test, AS_OF, truth) for m in methods(AS_OF, args.gb_max, True)]
    print(table(rows), "\n")

    sample, _ = clean_cases(load_sample())
    as_of = "2026-06-30"
    cut = np.random.default_rng(0).random(len(sample)) < 0.7
    s_train, s_test = sample[cut], sample[~cut]
    print(
        f"## Sample: {len(s_train):,} training / {len(s_test):,} test cases, as_of {as_of}, "
        f"{(sample['resolution'] == 'pending').mean():.1%} pending\n"
    )
    rows = [evaluate(m, s_train, s_test, as_of, None) for m in methods(as_of, args.gb_max, False)]
    print(table(rows), "\n")

    big = generated(args.speed_n, 3)
    start = time.perf_counter()
    model = TimeToAgreementModel(as_of=AS_OF).fit(big)
    fit_s = time.perf_counter() - start
    other = generated(args.speed_n, 4)
    start = time.perf_counter()
    model.predict_survival(other, HORIZONS)
    pred_s = time.perf_counter() - start
    start = time.perf_counter()
    model.predict_survival(other, (6, 12), conditional_after=np.full(len(other), 12.0))
    cond_s = time.perf_counter() - start
    start = time.perf_counter()
    model.predict_median(other)
    med_s = time.perf_counter() - start
    print(f"## Speed ({args.speed_n:,} cases)\n")
    print(f"- fit: {fit_s:.1f} s ({model.hazard_.n_iter_} boosting iterations)")
    print(f"- predict_survival 6/12/24: {args.speed_n / pred_s:,.0f} cases/s")
    print(f"- predict_survival +6/+12 after 12 months waited: {args.speed_n / cond_s:,.0f} cases/s")
    print(f"- predict_median: {args.speed_n / med_s:,.0f} cases/s")


if __name__ == "__main__":
    main()
