"""Drift checks: false alarms on unchanged data, detection of real shifts.

A reference table (the training data, 20,000 generated cases) is profiled
once; then, for each of ``--reps`` repetitions, a current table of
``--current-n`` cases is drawn from

* the same distribution -> no feature should be flagged (target: no flag in
  at least 95 % of the repetitions);
* the same, with every residual debt × 1.5 -> ``log_residual_debt`` flagged;
* the same, with the servicer mix changed (a third of the claims held by a
  servicer moved to the largest one) -> ``servicer`` flagged.

Run::

    PYTHONPATH=src nice .venv/bin/python benchmarks/drift.py
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from outcomes.datasets import simulate_cases
from outcomes.models import TrainingProfile, drift

TODAY = "2026-06-30"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reference-n", type=int, default=20_000)
    parser.add_argument("--current-n", type=int, default=2_000)
    parser.add_argument("--reps", type=int, default=100)
    args = parser.parse_args()

    reference = simulate_cases(args.reference_n, seed=0, messy=False, today=TODAY)
    start = time.perf_counter()
    profile = TrainingProfile.from_cases(reference)
    print(
        f"profile of {args.reference_n:,} cases: {time.perf_counter() - start:.2f} s, "
        f"{len(profile.to_json()):,} bytes of JSON\n"
    )

    counts = {"same": 0, "debt x1.5": 0, "servicer mix": 0}
    detected = {"debt x1.5": 0, "servicer mix": 0}
    per_feature: dict[str, int] = {}
    psi = {"same": [], "debt x1.5": [], "servicer mix": []}
    seconds = []
    for rep in range(args.reps):
        current = simulate_cases(args.current_n, seed=1000 + rep, messy=False, today=TODAY)
        start = time.perf_counter()
        same = drift(profile, current)
        seconds.append(time.perf_counter() - start)
        flagged = same.loc[same["verdict"] == "shifted", "feature"].tolist()
        counts["same"] += bool(flagged)
        for f in flagged:
            per_feature[f] = per_feature.get(f, 0) + 1
        psi["same"].append(same["psi"].max())

        debt = current.copy()
        debt["residual_debt"] = (debt["residual_debt"] * 1.5).round().astype("Int64")
        res = drift(profile, debt).set_index("feature")
        detected["debt x1.5"] += res.loc["log_residual_debt", "verdict"] == "shifted"
        counts["debt x1.5"] += bool((res["verdict"] == "shifted").drop("log_residual_debt").any())
        psi["debt x1.5"].append(res.loc["log_residual_debt", "psi"])

        mix = current.copy()
        held = mix["servicer"].notna().to_numpy()
        top = reference["servicer"].value_counts().index[0]
        moved = held & (np.random.default_rng(rep).random(len(mix)) < 1 / 3)
        mix.loc[moved, "servicer"] = top
        res = drift(profile, mix).set_index("feature")
        detected["servicer mix"] += res.loc["servicer", "verdict"] == "shifted"
        counts["servicer mix"] += bool((res["verdict"] == "shifted").drop("servicer").any())
        psi["servicer mix"].append(res.loc["servicer", "psi"])

    rows = [
        {
            "current table": "same distribution",
            "target feature flagged": "-",
            "other features flagged (reps)": counts["same"],
            "no flag at all": f"{1 - counts['same'] / args.reps:.0%}",
            "PSI (median)": f"{np.median(psi['same']):.4f} (max over features)",
        },
        {
            "current table": "residual debt × 1.5",
            "target feature flagged": f"{detected['debt x1.5'] / args.reps:.0%}",
            "other features flagged (reps)": counts["debt x1.5"],
            "no flag at all": "-",
            "PSI (median)": f"{np.median(psi['debt x1.5']):.4f}",
        },
        {
            "current table": "servicer mix changed",
            "target feature flagged": f"{detected['servicer mix'] / args.reps:.0%}",
            "other features flagged (reps)": counts["servicer mix"],
            "no flag at all": "-",
            "PSI (median)": f"{np.median(psi['servicer mix']):.4f}",
        },
    ]
    df = pd.DataFrame(rows)
    print(
        f"{args.reps} repetitions, reference {args.reference_n:,} cases, "
        f"current {args.current_n:,} cases\n"
    )
    print("| " + " | ".join(df.columns) + " |")
    print("|" + "---|" * len(df.columns))
    for _, row in df.iterrows():
        print("| " + " | ".join(str(v) for v in row) + " |")
    print(f"\nfalse flags by feature (same distribution): {per_feature or 'none'}")
    print(f"drift() on {args.current_n:,} cases: {np.median(seconds) * 1000:.0f} ms (median)")


if __name__ == "__main__":
    main()
