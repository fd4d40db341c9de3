"""``outcomes report INPUT -o REPORT.html``: the internal HTML report."""

from __future__ import annotations

import argparse

from outcomes.report import write_report

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Write the HTML report and say where it is; return the exit code.

    ``args`` holds ``input``, ``output``, ``period``, ``servicer``,
    ``creditor_type``, ``k`` and ``model`` (see ``outcomes report --help``).
    """
    path = write_report(
        args.input,
        args.output,
        period=args.period,
        servicer=args.servicer,
        creditor_type=args.creditor_type,
        k=args.k,
        model_dir=args.model,
        compare=getattr(args, "compare", None),
    )
    print(f"report: {path}")
    return 0


#: the name ``outcomes.cli`` looked the handler up by before ``_cli/``
