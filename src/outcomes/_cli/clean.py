"""``outcomes clean INPUT [-o OUT] [--problems PROBLEMS] [--sheet|--table|--query] [--today] [--labels ja] [--lang ja]``."""

from __future__ import annotations

import argparse

from outcomes._cli import check_output, load_source, source_options, write_table

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Read, clean, write the clean table and the problems, print the summary."""
    labels = getattr(args, "labels", None) or "en"
    # check the output names before the work
    for path in (args.output, args.problems):
        if path:
            check_output(path)
    language = getattr(args, "lang", None) or "en"
    result = load_source(args.input, **source_options(args), today=args.today, language=language)
    if args.output:
        write_table(result.cases, args.output, sheet="cases", labels=labels)
    if args.problems:
        write_table(result.problems, args.problems, sheet="problems", labels=labels)
    if result.already_clean:
        print(
            f"{result.source or args.input} is already a clean table (it passes the contract's schema)"
        )
    print(result.summary())
    if args.output:
        print(f"clean table: {args.output}")
    if args.problems:
        print(f"problems:    {args.problems}")
    return 0
