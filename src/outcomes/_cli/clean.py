"""``outcomes clean INPUT [-o OUT] [--problems PROBLEMS] [--sheet|--table|--query] [--today] [--servicers FILE] [--labels ja] [--lang ja]``."""

from __future__ import annotations

import argparse

from outcomes._cli import check_output, load_source, source_options, write_table
from outcomes._cli._outputs import check_outputs, command_inputs, run_language
from outcomes._cli._wording import cli_line
from outcomes._write import together

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Read, clean, write the clean table and the problems, print the summary.

    Every line printed is in the language of ``--lang``. ``--servicers FILE``
    adds the firm's own registry file to ``OUTCOMES_SERVICERS``: a spelling
    the firm added as an alias of a company is then matched.
    """
    labels = getattr(args, "labels", None) or "en"
    # check the output names before the work
    for path in (args.output, args.problems):
        if path:
            check_output(path)
    language = getattr(args, "lang", None) or "en"
    # never over an input, nor one output over the other, nor through a link or a device
    check_outputs(
        [("-o", args.output), ("--problems", args.problems)],
        command_inputs(args.input, getattr(args, "servicers", None)),
        run_language(args),
    )
    result = load_source(
        args.input,
        **source_options(args),
        today=args.today,
        language=language,
        servicers=getattr(args, "servicers", None),
    )
    with together():  # both outputs or neither: a failed second one leaves the first as it was
        if args.output:
            write_table(result.cases, args.output, sheet="cases", labels=labels)
        if args.problems:
            write_table(result.problems, args.problems, sheet="problems", labels=labels)
    if result.already_clean:
        print(cli_line("already_clean", language, source=result.source or args.input))
    print(result.summary())
    if args.output:
        print(cli_line("clean_table", language, path=args.output))
    if args.problems:
        print(cli_line("clean_problems", language, path=args.problems))
    return 0
