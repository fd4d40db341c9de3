"""Offer quality for servicers the model has not seen (issue 9).

On generated cases (:func:`outcomes.datasets.simulate_cases`), some
servicers are held out of training. For the test cases of those servicers
the median settlement ratio is predicted three ways, side by side:

* ``seen``: by a model trained with every servicer (the same training cases
  plus the held-out servicers' training cases);
* ``unseen``: by the model trained without them (the servicer is new to it);
* ``as no servicer``: the same cases with the servicer removed -- what the
  old encoding (unseen = missing) amounted to.

MAE against the true conditional median (:func:`outcomes.datasets.true_quantile`)
and against the recorded ratio; the target: ``unseen`` within 1.15x of ``seen``.

Run::

    nice .venv/bin/python benchmarks/unseen_servicers.py             # 6,000 cases, 5 seeds
    nice .venv/bin/python benchmarks/unseen_servicers.py --n 1500
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

from outcomes.datasets import simulate_cases, true_quantile
from outcomes.models import SettlementRatioModel

TODAY = "2026-06-30"
HELD_OUT = ("SMBC債権回収", "みずほ債権回収", "ニッテレ債権回収")


def run(n: int, seed: int) -> dict[str, float]:
    cases = simulate_cases(n, seed=seed, messy=False, today=TODAY)
    rng = np.random.default_rng(seed)
    test = rng.random(len(cases)) < 0.3
    serv = cases["servicer"].astype("string")
    held = serv.isin(HELD_OUT).fillna(False).to_numpy()
    lump = (cases["resolution"] == "lump_sum").to_numpy()
    probe = cases[test & held & lump]
    seen_model = SettlementRatioModel(as_of=TODAY).fit(cases[~test])
    unseen_model = SettlementRatioModel(as_of=TODAY).fit(cases[~test & ~held])
    truth = true_quantile(probe, "settlement_ratio", 0.5).to_numpy(dtype="float64")
    observed = probe["settlement_ratio"].to_numpy(dtype="float64")
    none = probe.assign(servicer=pd.array([None] * len(probe), dtype="string"))
    preds = {
        "seen": seen_model.predict(probe),
        "unseen": unseen_model.predict(probe),
        "as no servicer": unseen_model.predict(none),
    }
    out: dict[str, float] = {"n_test": float(len(probe))}
    for name, p in preds.items():
        out[f"{name} vs truth"] = float(np.mean(np.abs(p - truth)))
        out[f"{name} vs observed"] = float(np.mean(np.abs(p - observed)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=6000)
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    rows = [run(args.n, seed) for seed in range(args.seeds)]
    table = pd.DataFrame(rows)
    mean = table.mean()
    print(f"{args.n:,} cases, {args.seeds} seeds, held out: {', '.join(HELD_OUT)}")
    print(f"test cases of held-out servicers (lump sum), mean per seed: {mean['n_test']:.0f}")
    summary = pd.DataFrame(
        {
            "MAE vs true median": [
                mean[f"{k} vs truth"] for k in ("seen", "unseen", "as no servicer")
            ],
            "MAE vs recorded": [
                mean[f"{k} vs observed"] for k in ("seen", "unseen", "as no servicer")
            ],
        },
        index=["seen", "unseen", "as no servicer"],
    )
    summary["vs seen (truth)"] = (
        summary["MAE vs true median"] / summary.loc["seen", "MAE vs true median"]
    )
    print(summary.round(4).to_string())
    ratio = table["unseen vs truth"] / table["seen vs truth"]
    print(f"unseen / seen per seed: {', '.join(f'{r:.3f}' for r in ratio)} (target <= 1.15)")


if __name__ == "__main__":
    main()
