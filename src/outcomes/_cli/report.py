"""``outcomes report INPUT -o REPORT.html``: the internal HTML report."""

from __future__ import annotations

import argparse
import sys

from outcomes._cli import check_source, driver_url, is_url
from outcomes._cli._wording import cli_line
from outcomes._contract import DEFAULT_K
from outcomes.report import write_pdf, write_report

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Write the HTML report and say where it is; return the exit code.

    ``args`` holds ``input``, ``output``, ``period``, ``servicer``,
    ``creditor_type``, ``k``, ``model``, ``negotiations``, ``pdf`` and ``language`` (see
    ``outcomes report --help``).
    """
    from pathlib import Path

    from outcomes._cli._outputs import check_outputs, command_inputs, run_language

    table, query = getattr(args, "table", None), getattr(args, "query", None)
    language = getattr(args, "language", "ja")
    sheet = getattr(args, "sheet", None)
    check_source(args.input, table=table, query=query, sheet=sheet)
    # before the notebook runs: never over an input, nor through a link or into a directory
    outputs = [("-o", args.output)]
    if getattr(args, "pdf", False):
        outputs.append(("--pdf", str(Path(args.output).with_suffix(".pdf"))))
    check_outputs(outputs, command_inputs(args.input), run_language(args))
    if isinstance(args.k, int) and 0 < args.k < DEFAULT_K:  # analyst review N9
        print(cli_line("k_below_default", language, k=args.k, default=DEFAULT_K), file=sys.stderr)
    source = driver_url(args.input) if is_url(args.input) else args.input
    path = write_report(
        source,
        args.output,
        period=args.period,
        servicer=args.servicer,
        creditor_type=args.creditor_type,
        k=args.k,
        model_dir=args.model,
        compare=getattr(args, "compare", None),
        table=table,
        query=query,
        language=language,
        sheet=sheet,
        negotiations=getattr(args, "negotiations", None),
    )
    print(cli_line("report_written", language, path=path))
    if getattr(args, "pdf", False):
        print(cli_line("pdf_written", language, path=write_pdf(path, language=language)))
    return 0
