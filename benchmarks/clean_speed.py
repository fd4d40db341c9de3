"""Read + clean speed and peak memory against a plain ``pandas.read_csv``.

Writes a messy CP932 export of N generated cases (default 1,000,000), then
measures, each in a fresh process so that peak memory is its own:

* baseline: ``pandas.read_csv(path, dtype=str, encoding="cp932")``;
* outcomes: ``read_cases(path)`` then ``clean_cases(raw)``.

Prints one table: seconds, peak resident memory, and the ratio to the
baseline. Targets (issue 2): read + clean within 5x the plain read, peak
memory under 4 GiB.

Usage::

    python benchmarks/clean_speed.py [--rows 1000000] [--keep FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_CHILD = r"""
import json, resource, sys, time
kind, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
if kind == "baseline":
    import pandas as pd
    df = pd.read_csv(path, dtype=str, encoding="cp932")
    n = len(df)
    parts = {}
else:
    from outcomes import clean_cases, read_cases
    raw = read_cases(path, progress=False)
    t1 = time.perf_counter()
    result = clean_cases(raw, today="2026-06-30", progress=False)
    n = len(result.cases)
    parts = {"read": t1 - t0, "clean": time.perf_counter() - t1, "problems": len(result.problems)}
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "peak": peak, "rows": n, **parts}))
"""


def _run(kind: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", help="write the generated export here and keep it")
    args = parser.parse_args()

    from outcomes.datasets import simulate_cases, write_export

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "cases.csv"
        t0 = time.perf_counter()
        write_export(simulate_cases(args.rows, seed=1, messy=True, today="2026-06-30"), path)
        made = time.perf_counter() - t0
        size = path.stat().st_size / 2**20
        print(f"generated {args.rows:,} rows, {size:,.0f} MiB CP932 CSV in {made:.1f} s\n")
        base = _run("baseline", path)
        ours = _run("outcomes", path)

    ratio = ours["seconds"] / base["seconds"]
    print(f"{'':<34}{'seconds':>9}{'peak MiB':>10}{'x plain read':>14}")
    print(
        f"{'pandas.read_csv(dtype=str)':<34}{base['seconds']:>9.1f}{base['peak'] / 2**20:>10,.0f}{1:>14.2f}"
    )
    print(
        f"{'outcomes read_cases + clean_cases':<34}{ours['seconds']:>9.1f}"
        f"{ours['peak'] / 2**20:>10,.0f}{ratio:>14.2f}"
    )
    print(f"{'  of which read_cases':<34}{ours['read']:>9.1f}")
    print(f"{'  of which clean_cases':<34}{ours['clean']:>9.1f}")
    print(f"\ncases out: {ours['rows']:,}; problems reported: {ours['problems']:,}")
    print(
        f"target: <= 5x plain read ({'met' if ratio <= 5 else 'NOT met'}); "
        f"peak < 4 GiB ({'met' if ours['peak'] < 4 * 2**30 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
