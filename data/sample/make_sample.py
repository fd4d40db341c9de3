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

The sample also has a negotiation log (交渉履歴, case-records §9),
``src/outcomes/data/sample/negotiations.csv``: the negotiations of the
sample's cases played by ``outcomes.datasets.simulate_negotiations`` against a
known creditor floor, written the messy way by
``outcomes.datasets.messy_negotiations`` (Japanese headers and values, era
dates, 万円, kanji numerals, one-cell proposals, a few garbage cells), as a
UTF-8 CSV. Its case ids are those of ``cases.csv``.

Usage::

    python data/sample/make_sample.py [--out PATH] [--check]

``--out`` defaults to the bundled file (the log is written beside it).

``--check`` writes nothing and exits with status 1 when a file on disk
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
    messy_negotiations,
    simulate_cases,
    simulate_negotiations,
)

HERE = Path(__file__).resolve().parent
#: the bundled export, inside the package
EXPORT = HERE.parents[1] / "src" / "outcomes" / "data" / "sample" / "cases.csv"
#: the bundled negotiation log's name, beside the export
LOG_NAME = "negotiations.csv"
#: the share of garbage cells (offered_on, party, response) and of one-cell proposals
LOG_GARBAGE = 0.01
LOG_ONE_CELL = 0.5


def log_bytes() -> bytes:
    """The sample's negotiation log as the generator writes it (UTF-8, LF).

    Its notes (備考, never read into the clean log) get the sample's fake
    phone numbers (090-0000-XXXX), as ``cases.csv`` has.
    """
    truth = simulate_cases(SAMPLE_N, SAMPLE_SEED, messy=False, today=SAMPLE_TODAY)
    world = simulate_negotiations(truth, as_of=SAMPLE_TODAY, seed=SAMPLE_SEED)
    raw = messy_negotiations(
        world.log, seed=SAMPLE_SEED, garbage=LOG_GARBAGE, one_cell=LOG_ONE_CELL
    ).raw
    if "備考" in raw.columns:
        raw["備考"] = raw["備考"].str.replace(r"0[789]0-\d{4}-(\d{4})", r"090-0000-\1", regex=True)
    return raw.to_csv(index=False, lineterminator="\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=EXPORT)
    parser.add_argument("--check", action="store_true", help="compare with the file, write nothing")
    args = parser.parse_args(argv)

    raw = simulate_cases(SAMPLE_N, SAMPLE_SEED, messy=True, today=SAMPLE_TODAY)
    data = _export_bytes(raw)
    log_path = args.out.parent / LOG_NAME
    log_data = log_bytes()
    if args.check:
        status = 0
        for path, expected in ((args.out, data), (log_path, log_data)):
            same = path.is_file() and path.read_bytes() == expected
            print(f"{path}: {'up to date' if same else 'DIFFERS from the generator'}")
            status |= 0 if same else 1
        return status
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(
        f"wrote {args.out} ({len(raw)} rows = {SAMPLE_N} cases + {len(raw) - SAMPLE_N} "
        f"duplicate rows, {len(data):,} bytes, CP932)"
    )
    log_path.write_bytes(log_data)
    print(f"wrote {log_path} ({len(log_data):,} bytes, UTF-8)")
    cases, problems = clean_cases(read_cases(args.out), today=SAMPLE_TODAY)
    beside = HERE if args.out == EXPORT else args.out.parent
    cases.to_parquet(beside / "cases_clean.parquet", index=False)
    problems.to_csv(beside / "problems.csv", index=False, encoding="utf-8")
    print(f"wrote cases_clean.parquet ({len(cases)} cases) and problems.csv ({len(problems)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
