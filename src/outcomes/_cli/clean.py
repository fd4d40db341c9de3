"""``outcomes clean INPUT [-o OUT] [--problems PROBLEMS] [--sheet|--table|--query] [--today] [--servicers FILE] [--negotiations LOG] [--labels ja] [--lang ja]``."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from outcomes._cli import check_output, load_source, source_options, write_table
from outcomes._cli._outputs import check_outputs, command_inputs, run_language
from outcomes._cli._wording import cli_line
from outcomes._write import together

__all__ = ["negotiations_path", "run"]


def negotiations_path(output: str) -> str:
    """Where ``--negotiations`` writes the clean log: beside the cases, ``<stem>_negotiations<ext>``.

    Examples
    --------
    >>> negotiations_path("out/cases.parquet")
    'out/cases_negotiations.parquet'
    """
    path = Path(output)
    return str(path.with_name(f"{path.stem}_negotiations{path.suffix}"))


def run(args: argparse.Namespace) -> int:
    """Read, clean, write the clean table and the problems, print the summary.

    Every line printed is in the language of ``--lang``. ``--servicers FILE``
    adds the firm's own registry file to ``OUTCOMES_SERVICERS``: a spelling
    the firm added as an alias of a company is then matched. ``--negotiations
    LOG`` cleans the negotiation log against the clean cases too (issue 27):
    the log beside the output, its problems in the same problems table, told
    apart by the column ``table`` (``cases`` or ``negotiations``).
    """
    labels = getattr(args, "labels", None) or "en"
    log_source = getattr(args, "negotiations", None)
    log_output = negotiations_path(args.output) if log_source and args.output else None
    # check the output names before the work
    for path in (args.output, args.problems, log_output):
        if path:
            check_output(path)
    language = getattr(args, "lang", None) or "en"
    # never over an input, nor one output over the other, nor through a link or a device
    check_outputs(
        [("-o", args.output), ("--problems", args.problems), ("--negotiations", log_output)],
        command_inputs(args.input, getattr(args, "servicers", None), log_source),
        run_language(args),
    )
    result = load_source(
        args.input,
        **source_options(args),
        today=args.today,
        language=language,
        servicers=getattr(args, "servicers", None),
    )
    problems = result.problems
    log = None
    if log_source:
        from outcomes import clean_negotiations

        log = clean_negotiations(
            log_source,
            result.cases,
            language=language,
            today=args.today,
            servicers=getattr(args, "servicers", None),
        )
        problems = pd.concat(
            [problems.assign(table="cases"), log.problems.assign(table="negotiations")],
            ignore_index=True,
        )
        problems = problems[["table", *(c for c in problems.columns if c != "table")]]
        problems["table"] = problems["table"].astype("string")
    with together():  # all outputs or none: a failed later one leaves the earlier as they were
        if args.output:
            write_table(result.cases, args.output, sheet="cases", labels=labels)
        if log_output:
            write_table(log.log, log_output, sheet="negotiations", labels=labels)
        if args.problems:
            write_table(problems, args.problems, sheet="problems", labels=labels)
    if result.already_clean:
        print(cli_line("already_clean", language, source=result.source or args.input))
    print(result.summary())
    if log is not None:
        print(log.summary())
    if args.output:
        print(cli_line("clean_table", language, path=args.output))
    if log_output:
        print(cli_line("clean_negotiations", language, path=log_output))
    if args.problems:
        print(cli_line("clean_problems", language, path=args.problems))
    return 0
