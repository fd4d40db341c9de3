"""Time and peak memory of ``outcomes report`` with a saved model directory.

Usage (run with ``nice``; the 1,000,000-case run takes minutes)::

    nice .venv/bin/python benchmarks/report_speed.py 100000 [1000000]

For each size, a clean table of generated cases is written as parquet, the
models are fitted once on a 20,000-case subset and saved with their
cross-validated evaluation (``write_model_dir``), and the report is written
in a child process (``outcomes report``) whose wall time and peak resident
memory (the kernel included) are printed. Target: 1M cases < 90 s, < 2 GiB.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = "2026-06-30"


def main(sizes: list[int]) -> None:
    from outcomes import simulate_cases
    from outcomes._io import write_model_dir
    from outcomes.models import MonthlyAmountModel, SettlementRatioModel, evaluate

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        train = simulate_cases(20_000, seed=1, messy=False, today=TODAY)
        fitted, evaluations = {}, {}
        for cls in (SettlementRatioModel, MonthlyAmountModel):
            model = cls(as_of=TODAY)
            evaluations[cls.target] = evaluate(model, train, cv=3)
            fitted[cls.target] = model.fit(train)
        write_model_dir(
            work / "models",
            ratio=fitted["settlement_ratio"],
            monthly=fitted["monthly_amount"],
            cases=train,
            evaluations=evaluations,
            cv=3,
        )
        for n in sizes:
            path = work / f"cases-{n}.parquet"
            simulate_cases(n, seed=2, messy=False, today=TODAY).to_parquet(path, index=False)
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "outcomes.cli",
                    "report",
                    str(path),
                    "-o",
                    str(work / f"report-{n}.html"),
                    "--model",
                    str(work / "models"),
                ],
                check=True,
            )
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2
            print(f"{n:>9,} cases: {seconds:6.1f} s, peak child RSS {peak:.2f} GiB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100_000])
