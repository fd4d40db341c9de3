"""Speed of the models: fitting on 100,000 cases, predicting 1,000,000.

Targets (on 2 cores): each fit on 100,000 generated cases under a minute;
prediction (median and 90% interval, both models) faster than 100,000
cases a second.

Run::

    .venv/bin/python benchmarks/model_speed.py
    .venv/bin/python benchmarks/model_speed.py --fit-n 100000 --predict-n 1000000
"""

from __future__ import annotations

import argparse
import os
import time

import pandas as pd

from outcomes.datasets import simulate_cases
from outcomes.models import MonthlyAmountModel, SettlementRatioModel

TODAY = "2026-06-30"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fit-n", type=int, default=100_000)
    parser.add_argument("--predict-n", type=int, default=1_000_000)
    parser.add_argument("--chunk-size", type=int, default=200_000)
    args = parser.parse_args()

    print(f"cores available: {len(os.sched_getaffinity(0))}")
    start = time.perf_counter()
    cases = simulate_cases(args.fit_n, seed=11, messy=False, today=TODAY)
    print(f"generated {args.fit_n:,} cases in {time.perf_counter() - start:.1f} s\n")

    rows = []
    models = {}
    for cls in (SettlementRatioModel, MonthlyAmountModel):
        model = cls(as_of=TODAY)
        start = time.perf_counter()
        model.fit(cases)
        seconds = time.perf_counter() - start
        models[cls.__name__] = model
        rows.append(
            {
                "step": f"fit {cls.__name__}",
                "cases": args.fit_n,
                "training rows": model.n_train_,
                "seconds": seconds,
                "goal": "< 60 s",
                "ok": seconds < 60,
            }
        )
    total_fit = sum(r["seconds"] for r in rows)
    rows.append(
        {
            "step": "fit both",
            "cases": args.fit_n,
            "training rows": sum(m.n_train_ for m in models.values()),
            "seconds": total_fit,
            "goal": "< 60 s",
            "ok": total_fit < 60,
        }
    )

    big = simulate_cases(args.predict_n, seed=12, messy=False, today=TODAY)
    levels = (0.05, 0.5, 0.95)
    per_model = {}
    for name, model in models.items():
        start = time.perf_counter()
        for i in range(0, len(big), args.chunk_size):
            model.predict_quantiles(big.iloc[i : i + args.chunk_size], levels)
        per_model[name] = time.perf_counter() - start
        rate = args.predict_n / per_model[name]
        rows.append(
            {
                "step": f"predict {name} (5/50/95%)",
                "cases": args.predict_n,
                "training rows": float("nan"),
                "seconds": per_model[name],
                "cases/s": rate,
                "goal": "> 100,000/s",
                "ok": rate > 100_000,
            }
        )
    both = sum(per_model.values())
    rows.append(
        {
            "step": "predict both models",
            "cases": args.predict_n,
            "training rows": float("nan"),
            "seconds": both,
            "cases/s": args.predict_n / both,
            "goal": "> 100,000/s",
            "ok": args.predict_n / both > 100_000,
        }
    )
    table = pd.DataFrame(rows).set_index("step")
    table["seconds"] = table["seconds"].map("{:.1f}".format)
    table["cases/s"] = table["cases/s"].map(lambda v: "" if pd.isna(v) else f"{v:,.0f}")
    table["training rows"] = table["training rows"].map(lambda v: "" if pd.isna(v) else f"{v:,.0f}")
    pd.set_option("display.width", 200)
    print(table.to_string())


if __name__ == "__main__":
    main()
