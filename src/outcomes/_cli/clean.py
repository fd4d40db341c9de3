"""``outcomes clean INPUT [-o OUT] [--problems PROBLEMS] [--sheet|--table|--query] [--today]``."""

from __future__ import annotations

import argparse

from outcomes._cli import write_table
from outcomes._io import load_case_table

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Read, clean, write the clean table and the problems, print the summary."""
    result = load_case_table(
        args.input, table=args.table, query=args.query, sheet=args.sheet, today=args.today
    )
    if args.output:
        write_table(result.cases, args.output)
    if args.problems:
        write_table(result.problems, args.problems)
    if result.already_clean:
        print(f"{args.input} is already a clean table (it passes the contract's schema)")
    print(result.summary())
    if args.output:
        print(f"clean table: {args.output}")
    if args.problems:
        print(f"problems:    {args.problems}")
    return 0
