"""Time and peak memory of ``outcomes report`` with a saved model directory.

Usage (run with ``nice``; the 1,000,000-case run takes minutes)::

    nice .venv/bin/python benchmarks/report_speed.py 100000 [1000000]

For each size, a clean table of generated cases is written as parquet, the
models are fitted once on a 20,000-case subset and saved with their
cross-validated evaluation (``write_model_dir``), and the report is written
in a child process (``outcomes report``) whose wall time and peak resident
memory are printed: the peak of the summed RSS of the command and all its
descendants (the notebook kernel runs beside the command, so the largest
single process understates it), sampled every 0.1 s with psutil.
Target: 1M cases < 90 s, < 2 GiB.
"""

from __future__ import annotations

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
            command = [
                sys.executable,
                "-m",
                "outcomes.cli",
                "report",
                str(path),
                "-o",
                str(work / f"report-{n}.html"),
                "--model",
                str(work / "models"),
            ]
            seconds, peak = run_measured(command)
            print(f"{n:>9,} cases: {seconds:6.1f} s, peak RSS (command + kernel) {peak:.2f} GiB")


def run_measured(command: list[str]) -> tuple[float, float]:
    """Run ``command``; its wall time (s) and the peak summed RSS of its process tree (GiB)."""
    import psutil

    start = time.perf_counter()
    child = subprocess.Popen(command)
    root = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        total = 0
        try:
            processes = [root, *root.children(recursive=True)]
        except psutil.Error:
            processes = []
        for process in processes:
            try:
                total += process.memory_info().rss
            except psutil.Error:
                pass
        peak = max(peak, total)
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    return seconds, peak / 1024**3


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100_000])
