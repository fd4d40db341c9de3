"""The ``outcomes`` commands, one module per command.

Each module has ``run(args: argparse.Namespace) -> int``; :mod:`outcomes.cli`
parses the arguments, calls it, and turns an :class:`~outcomes.OutcomesError`
into a one-line reason. The helpers below are what the commands share.
"""

from __future__ import annotations

import sys

import pandas as pd

from outcomes._errors import OutcomesError
from outcomes._io import load_case_table

__all__ = ["check_as_of", "load_cases", "write_table"]


def load_cases(path: str, *, today: str | None = None) -> pd.DataFrame:
    """The clean case table of ``path`` (see :func:`outcomes._io.load_case_table`).

    When the input had to be cleaned, the number of problems is printed on
    stderr (``outcomes clean`` writes them).
    """
    loaded = load_case_table(path, today=today)
    if not loaded.already_clean:
        print(
            f"cleaned {path}: {len(loaded.cases):,} cases, {len(loaded.problems):,} problem(s) "
            "(run `outcomes clean` for the report)",
            file=sys.stderr,
        )
    return loaded.cases


def check_as_of(as_of: str | None) -> str | None:
    """Refuse a bad ``--as-of`` before any work (an OutcomesError naming it)."""
    if as_of is not None:
        from outcomes.models._features import as_of_timestamp

        as_of_timestamp(as_of)
    return as_of


def write_table(table: pd.DataFrame, path: str) -> None:
    """Write a table as .parquet, or as .csv in UTF-8 with a BOM (Excel opens it intact)."""
    try:
        if str(path).lower().endswith(".parquet"):
            table.to_parquet(path, index=False)
        elif str(path).lower().endswith(".csv"):
            table.to_csv(path, index=False, encoding="utf-8-sig")
        else:
            raise OutcomesError(f"cannot write {path}: use a .parquet or .csv file name")
    except OSError as exc:
        raise OutcomesError(f"cannot write {path}: {exc.strerror or exc}") from exc
