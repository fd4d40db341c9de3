"""Write the synthetic sample export bundled in the package, and its clean table.

The export is ``src/outcomes/data/sample/cases.csv`` (read by
``outcomes.load_sample`` with importlib.resources). Everything in it is made up
by ``outcomes.datasets.simulate_cases``; see README.md beside this script. The
file is written as Excel on Windows saves a CSV: CP932 (Shift_JIS), CRLF line
ends. The same command always writes the same bytes. The clean table
(``cases_clean.parquet``) and the problems table (``problems.csv``) beside this
script are what ``outcomes.clean_cases`` makes of the export, with the day of
cleaning fixed to ``SAMPLE_TODAY``; they are regression fixtures of the tests
and are not shipped.

Usage::

    python data/sample/make_sample.py [--out PATH] [--check]

``--out`` defaults to the bundled file.

``--check`` writes nothing and exits with status 1 when the file on disk
differs from what the generator makes now.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from outcomes import clean_cases, read_cases
from outcomes.datasets import (
    SAMPLE_N,
    SAMPLE_SEED,
    SAMPLE_TODAY,
    _export_bytes,
    simulate_cases,
)

HERE = Path(__file__).resolve().parent
#: the bundled export, inside the package
EXPORT = HERE.parents[1] / "src" / "outcomes" / "data" / "sample" / "cases.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=EXPORT)
    parser.add_argument("--check", action="store_true", help="compare with the file, write nothing")
    args = parser.parse_args(argv)

    raw = simulate_cases(SAMPLE_N, SAMPLE_SEED, messy=True, today=SAMPLE_TODAY)
    data = _export_bytes(raw)
    if args.check:
        same = args.out.is_file() and args.out.read_bytes() == data
        print(f"{args.out}: {'up to date' if same else 'DIFFERS from the generator'}")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(
        f"wrote {args.out} ({len(raw)} rows = {SAMPLE_N} cases + {len(raw) - SAMPLE_N} "
        f"duplicate rows, {len(data):,} bytes, CP932)"
    )
    cases, problems = clean_cases(read_cases(args.out), today=SAMPLE_TODAY)
    beside = HERE if args.out == EXPORT else args.out.parent
    cases.to_parquet(beside / "cases_clean.parquet", index=False)
    problems.to_csv(beside / "problems.csv", index=False, encoding="utf-8")
    print(f"wrote cases_clean.parquet ({len(cases)} cases) and problems.csv ({len(problems)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
