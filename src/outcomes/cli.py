"""Command line: ``outcomes clean | fit | predict | offer | report``.

Each subcommand is a thin call of the library, in its own module of
``outcomes._cli`` (``run(args) -> int``). This module only parses arguments
and turns an error on the user's input -- an :class:`~outcomes.OutcomesError`,
or a ``ValueError``/``TypeError`` that a bad value raised -- into a one-line
reason and exit status 2, never a traceback; so is an :class:`OSError` (a disk
that is full, a file that cannot be written), a :class:`MemoryError` (an input
too large for the machine) and a :class:`RecursionError` (an input nested too
deeply), whatever the input. Set ``OUTCOMES_TRACEBACK=1`` in the environment
to see the traceback of a ``ValueError``/``TypeError``.

SIGTERM (what ``timeout``, systemd and CI send) is handled like Ctrl-C: the
command stops, its temporary files are removed, earlier outputs stay as they
were, and it says so in one line (exit status 143; 130 for Ctrl-C).
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from outcomes import __version__
from outcomes._cli._terminal import plain_terminal
from outcomes._errors import CaseError, OutcomesError

# subcommand -> "module:function"; the function takes the parsed namespace and returns an exit code
_HANDLERS: dict[str, str] = {
    "clean": "outcomes._cli.clean:run",
    "fit": "outcomes._cli.fit:run",
    "predict": "outcomes._cli.predict:run",
    "offer": "outcomes._cli.offer:run",
    "report": "outcomes._cli.report:run",
}


def _source_options(p: argparse.ArgumentParser) -> None:
    """``--table`` / ``--query``: what to read when the input is a SQLAlchemy URL."""
    p.add_argument("--table", help="database table to read (with a SQLAlchemy URL input)")
    p.add_argument("--query", help="SQL query to run (with a SQLAlchemy URL input)")


def _sheet_option(p: argparse.ArgumentParser) -> None:
    """``--sheet``: the sheet of an .xlsx input, on every command that reads one (N11)."""
    p.add_argument("--sheet", help="xlsx sheet name (default: the one that looks like cases)")


def _labels_option(p: argparse.ArgumentParser) -> None:
    """``--labels ja``: Japanese column labels in the files written (for analysts)."""
    p.add_argument(
        "--labels",
        choices=("en", "ja"),
        default="en",
        help="labels of the files written: en (the contract's names and codes, default) or ja "
        "(Japanese column names and codes)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``outcomes`` command."""
    parser = argparse.ArgumentParser(
        prog="outcomes",
        description="Residual-debt outcomes after 任意売却: clean, fit, predict, offer, report.",
    )
    parser.add_argument("--version", action="version", version=f"outcomes {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("clean", help="clean a case export into the contract's table")
    p.add_argument("input", help="CSV, .xlsx, .parquet file, or a SQLAlchemy URL")
    p.add_argument("-o", "--output", help="write the clean table (.parquet, .csv or .xlsx)")
    p.add_argument("--problems", help="write the problems table (.csv, .xlsx or .parquet)")
    _sheet_option(p)
    _source_options(p)
    p.add_argument("--today", help="the day of cleaning, YYYY-MM-DD (default: today)")
    p.add_argument(
        "--servicers",
        help="the firm's own servicer registry (CSV: name, former_names, aliases), "
        "besides OUTCOMES_SERVICERS",
    )
    p.add_argument(
        "--negotiations",
        metavar="LOG",
        help="also clean the negotiation log (交渉履歴, contract §9: CSV, .xlsx, .parquet; an "
        ".xlsx's log sheet is found by its headers): written beside -o as "
        "<stem>_negotiations<ext>, its problems into --problems with table=negotiations",
    )
    _labels_option(p)
    p.add_argument(
        "--lang",
        choices=("en", "ja"),
        default="en",
        help="language of the problems' sentences and every line printed: en (default) or ja",
    )

    p = sub.add_parser("fit", help="fit the settlement-ratio and monthly-amount models")
    p.add_argument(
        "cases", help="clean table (.parquet), a raw export (cleaned first), or a SQLAlchemy URL"
    )
    _sheet_option(p)
    _source_options(p)
    p.add_argument("-o", "--output", required=True, help="model directory to write")
    p.add_argument("--cv", type=int, default=5, help="cross-validation folds for evaluation")
    p.add_argument("--as-of", help="date that months waited are counted to (YYYY-MM-DD)")
    p.add_argument(
        "--negotiations",
        help="negotiation log (交渉履歴, case-records §9): also fit what creditors accept",
    )

    p = sub.add_parser("predict", help="predict ratio and monthly amount with intervals")
    p.add_argument("model", help="model directory written by `outcomes fit`")
    p.add_argument("cases", help="clean table, raw export, or a SQLAlchemy URL")
    _sheet_option(p)
    _source_options(p)
    p.add_argument("-o", "--output", required=True, help="predictions (.csv, .parquet or .xlsx)")
    p.add_argument("--chunk-size", type=int, default=200_000, help="rows scored at a time")
    p.add_argument("--as-of", help="date that months waited are counted to (YYYY-MM-DD)")
    _labels_option(p)
    p.add_argument(
        "--lang",
        choices=("en", "ja"),
        default="en",
        help="language of the lines printed (the drift note): en (default) or ja",
    )

    p = sub.add_parser("offer", help="opening offer and the ways out for one case, or many")
    p.add_argument("--model", required=True, help="model directory written by `outcomes fit`")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", help="one case as a JSON file")
    which.add_argument("--cases", help="many cases: CSV, .xlsx, .parquet or a SQLAlchemy URL")
    p.add_argument("-o", "--output", help="with --cases: offers file (.csv, .parquet or .xlsx)")
    _sheet_option(p)
    p.add_argument("--table", help="database table name (with a URL in --cases)")
    p.add_argument("--query", help="SQL query (with a URL in --cases)")
    p.add_argument(
        "--labels",
        choices=("en", "ja"),
        default=None,
        help="column labels of -o (default: an .xlsx file in the language of --lang, "
        "a .csv or .parquet file in the contract's names)",
    )
    p.add_argument("--cash", help="cash the debtor can pay at once (30万, 300,000 yen)")
    p.add_argument("--budget", help="monthly surplus from the 収支表 (1.5万, 15,000 yen)")
    p.add_argument("--as-of", help="date of the offer (2026-06-30, 2026/06/30, R8.6.30)")
    p.add_argument("--past-cases", help="clean table or raw export of past cases, for the basis")
    p.add_argument(
        "--negotiations",
        metavar="LOG",
        help="negotiation log (交渉履歴, case-records §9; default: the model directory's "
        "negotiations.parquet when it has one): the offer says what it shows for the servicer",
    )
    p.add_argument(
        "--servicers", help="the firm's own servicer registry (CSV: name, former_names, aliases)"
    )
    p.add_argument(
        "--ignore-unknown-keys",
        action="store_true",
        help="ignore keys of the case JSON outside the contract (default: refuse them)",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="with --cases: a drivers column, the top 3 reasons of each settlement ratio (slower)",
    )
    p.add_argument(
        "--lang",
        dest="language",
        choices=("ja", "en"),
        default="ja",
        help="language of the reasons, warnings and every line printed (default ja)",
    )

    p = sub.add_parser("report", help="write the internal HTML report")
    p.add_argument("input", help="raw export, clean table, or a SQLAlchemy URL")
    _sheet_option(p)
    _source_options(p)
    p.add_argument("-o", "--output", required=True, help="report file (.html)")
    p.add_argument("--period", help="agreement period, e.g. 2023-01:2024-12")
    p.add_argument("--compare", help="period to compare with (default: the one before --period)")
    p.add_argument("--servicer", help="only cases of this servicer")
    p.add_argument(
        "--creditor-type",
        help="only cases of this creditor type (bank, shinkin, … or 銀行, 信金・信組・JA, 信金 …)",
    )
    p.add_argument("--k", type=int, default=5, help="smallest group shown (k-anonymity)")
    p.add_argument("--model", help="model directory to report on (default: fit on the input)")
    p.add_argument(
        "--negotiations",
        metavar="LOG",
        help="negotiation log (交渉履歴: CSV, xlsx, parquet): adds the section 'how each "
        "servicer answers' (every cell from >= k cases)",
    )
    p.add_argument(
        "--pdf", action="store_true", help="also print it to PDF beside the HTML (needs weasyprint)"
    )
    p.add_argument(
        "--lang",
        dest="language",
        choices=("ja", "en"),
        default="ja",
        help="language of the whole report (default ja)",
    )
    return parser


#: {code: (Japanese, English)}: a run that stopped for a reason outside its input's values
STOP_LINES: dict[str, tuple[str, str]] = {
    "stop.memory": (
        "メモリが足りず、処理を続けられませんでした(入力がこの計算機には大きすぎます)",
        "out of memory: the input is too large for this machine",
    ),
    "stop.recursion": (
        "入力の入れ子が深すぎて読めません(Pythonの再帰の上限を超えました)",
        "the input is nested too deeply to read (beyond Python's recursion limit)",
    ),
    "stop.interrupted": ("中断しました", "interrupted"),
    "stop.terminated": ("終了の合図(SIGTERM)を受けて中断しました", "terminated (SIGTERM)"),
}


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, like Ctrl-C: clean-up handlers run."""


@contextmanager
def _signals_as_interrupts() -> Iterator[list[str]]:
    """SIGTERM raises :class:`Terminated` for the run, and each stop is noted.

    Yields the list of stops (``"stop.interrupted"``, ``"stop.terminated"``): a
    Ctrl-C that a library turned into another error (a ValueError out of
    compiled code) is still reported as an interruption. Only in the main
    thread, and only where the handlers are Python's defaults (an embedding
    program's own handlers stay).
    """
    import threading

    stopped: list[str] = []
    if threading.current_thread() is not threading.main_thread():
        yield stopped
        return

    def interrupt(signum: int, frame: object) -> None:
        stopped.append("stop.interrupted")
        raise KeyboardInterrupt

    def terminate(signum: int, frame: object) -> None:
        stopped.append("stop.terminated")
        raise Terminated

    replaced = []
    for number, handler, default in (
        (signal.SIGINT, interrupt, signal.default_int_handler),
        (getattr(signal, "SIGTERM", None), terminate, signal.SIG_DFL),
    ):
        if number is None:  # pragma: no cover - no SIGTERM here
            continue
        try:
            previous = signal.getsignal(number)
            if previous is default:
                signal.signal(number, handler)
                replaced.append((number, previous))
        except (ValueError, OSError):  # pragma: no cover
            continue
    try:
        yield stopped
    finally:
        for number, previous in replaced:
            signal.signal(number, previous)


def _stop_line(code: str, args: argparse.Namespace) -> str:
    from outcomes._messages import Message, render

    language = getattr(args, "lang", None) or getattr(args, "language", None) or "ja"
    return render(Message(code), language if language in ("ja", "en") else "ja", STOP_LINES)


def _one_line(exc: BaseException) -> str:
    """The error's message on one line (its type when it has none).

    >>> _one_line(ValueError("bad date\\n  in row 3"))
    'bad date / in row 3'
    """
    text = " / ".join(part.strip() for part in str(exc).splitlines() if part.strip())
    return text or type(exc).__name__


@plain_terminal  # no control sequence reaches the screen (issue 26)
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    with _signals_as_interrupts() as stopped:
        return _run(args, stopped)


def _run(args: argparse.Namespace, stopped: list[str]) -> int:
    """Call the command's handler; every failure becomes one line and an exit code."""
    module_name, func_name = _HANDLERS[args.command].split(":")

    def say(line: str) -> None:
        print(f"outcomes {args.command}: {line}", file=sys.stderr)

    def stop() -> int:
        code = stopped[0]
        say(_stop_line(code, args))
        return 143 if code == "stop.terminated" else 130

    try:
        handler = getattr(importlib.import_module(module_name), func_name)
        return int(handler(args) or 0)
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (Terminated)
        if not stopped:
            stopped.append("stop.interrupted")
        return stop()
    except BaseException as exc:
        if stopped:  # a Ctrl-C that compiled code turned into another error
            return stop()
        if isinstance(exc, OutcomesError):
            from outcomes._arguments import in_language  # a refused argument, in the run's language

            language = getattr(args, "language", None) or getattr(args, "lang", None) or "en"
            say(_one_line(in_language(exc, language) if isinstance(exc, CaseError) else exc))
        elif isinstance(exc, OSError):
            # a failure of the disk or the system that no writer translated: still one line
            from outcomes._write import os_error_reason

            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            say(f"{where}{os_error_reason(exc)}")
        elif isinstance(exc, RecursionError):
            say(_stop_line("stop.recursion", args))
        elif isinstance(exc, MemoryError):
            say(_stop_line("stop.memory", args))
        elif isinstance(exc, ValueError | TypeError):
            # a bad value of the user's that a library function refused without an OutcomesError
            if os.environ.get("OUTCOMES_TRACEBACK"):
                raise
            say(f"{_one_line(exc)} (OUTCOMES_TRACEBACK=1 shows where)")
        else:
            raise
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
