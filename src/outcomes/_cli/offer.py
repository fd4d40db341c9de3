"""``outcomes offer``: the opening offer, the instalments and the ways out of one case, printed.

The argument parser stays in :mod:`outcomes.cli`; :func:`run` takes its
namespace and returns the exit code. Every amount printed is an internal
estimate for the analyst, never a promise to the debtor.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from outcomes._advice import (
    BATCH_OFFER_LABELS_JA,
    Advisor,
    InstallmentProposal,
    batch_summary,
    check_as_of,
    noted_facts,
    read_case_json,
    render_offer,
    resolved_cases,
)
from outcomes._arguments import as_yen
from outcomes._errors import OutcomesError, ParseError
from outcomes._io import load_case_table, read_model_dir
from outcomes._parse import parse_date

__all__ = ["NEGOTIATIONS_FILE", "offer_log", "render_offer", "run", "run_batch", "write_offers"]

#: the clean negotiation log a model directory may hold, read by ``outcomes offer --case``
NEGOTIATIONS_FILE = "negotiations.parquet"


def _yen_option(name: str, value: object) -> int | None:
    """``--cash 30万`` / ``300,000`` / ``1.5万`` as whole yen: :func:`~outcomes._arguments.as_yen`."""
    return None if value is None else as_yen(str(value), name)


def _date_option(name: str, value: object) -> date | None:
    """``--as-of 2026/06/30`` / ``2026-06-30`` / ``R8.6.30`` with the package's date parser."""
    if not value:
        return None
    try:
        parsed = parse_date(str(value)).value
    except (ParseError, ValueError) as exc:
        plain = getattr(getattr(exc, "message", None), "code", None) == "date.unreadable"
        why = "" if plain else f" ({exc})"
        raise OutcomesError(
            f"{name} {value!r} is not a date{why}: write it as 2026-06-30, 2026/06/30 or R8.6.30"
        ) from None
    if parsed is None:
        raise OutcomesError(f"{name} {value!r} is not a date: write it as 2026-06-30")
    return parsed if isinstance(parsed, date) else pd.Timestamp(parsed).date()  # type: ignore[arg-type]


def _drift_line(source: Any, cases: pd.DataFrame, language: str = "en") -> str | None:
    """One line when ``cases`` lie outside the model's training data (from the kept profile).

    ``source`` is the model directory's training profile, or a time model
    keeping one (``profile_``), or None. The features are named in words, in
    ``language``; a small table says how few cases the comparison rests on
    (:func:`~outcomes.models.drift_message`).
    """
    profile = getattr(source, "profile_", source)
    if profile is None or not len(cases):
        return None
    from outcomes.models import drift, drift_message, render_drift

    return render_drift(drift_message(drift(profile, cases)), language)


def offer_log(
    source: str | None,
    model: str | Path,
    cases: pd.DataFrame | None,
    language: str,
    servicers: Any = None,
) -> pd.DataFrame | None:
    """The clean negotiation log an offer reads: ``--negotiations LOG``, else ``MODEL/negotiations.parquet``.

    Cleaned by :func:`outcomes.clean_negotiations` (against ``--past-cases``
    when given); its problems are counted in one line on stderr, in the run's
    language. None when neither is there.
    """
    path = Path(source) if source else Path(model) / NEGOTIATIONS_FILE
    if not source and not path.is_file():
        return None
    from outcomes import clean_negotiations

    log, problems = clean_negotiations(path, cases=cases, language=language, servicers=servicers)
    if len(problems):
        print(
            f"交渉履歴: 読み取りの問題 {len(problems):,} 件(`outcomes clean --negotiations` で書き出せます)"
            if language == "ja"
            else f"negotiation log: {len(problems):,} problem(s) found while cleaning it "
            "(`outcomes clean --negotiations` writes them)",
            file=sys.stderr,
        )
    return log


def run(args: argparse.Namespace) -> int:
    """``outcomes offer --model DIR (--case CASE.json | --cases FILE -o OUT) [options]``.

    One case: loads ``settlement_ratio.skops`` (and ``monthly_amount.skops``,
    and ``time_to_agreement.skops`` when present) from the model directory,
    reads the case JSON through the cleaner (a key outside the contract is
    refused unless ``--ignore-unknown-keys``), and prints a one-page summary:
    a servicer warning first when there is one, the three amounts, the
    acceptance curve, the chance of agreement within 6 / 12 months and the
    now / +6 / +12 months table (with a time model), the instalment
    alternative and the ways out side by side. ``--cash``/``--budget`` take
    ``30万``, ``300,000``, ``1.5万``; ``--as-of`` takes ``2026/06/30``,
    ``R8.6.30``; an ``--as-of`` before the sale date is refused. With a
    negotiation log (``--negotiations LOG``, else the model directory's
    ``negotiations.parquet``), the reasons say what it shows for the servicer
    (each figure from >= k cases; an internal estimate, never what the
    creditor will accept).

    Many cases (``--cases``): see :func:`run_batch`.
    """
    if getattr(args, "cases", None):
        return run_batch(args)
    if not getattr(args, "case", None):
        raise OutcomesError("give --case CASE.json (one case) or --cases FILE -o OUT (many)")
    as_of = _date_option("--as-of", getattr(args, "as_of", None))
    cash = _yen_option("--cash", getattr(args, "cash", None))
    budget = _yen_option("--budget", getattr(args, "budget", None))
    ignore = bool(getattr(args, "ignore_unknown_keys", False))
    servicers = getattr(args, "servicers", None)
    # dates are judged against the later of today and --as-of: a sale after --as-of is
    # then refused as such (check_as_of), not emptied as a date in the future
    today = None if as_of is None else max(as_of, date.today())
    language = getattr(args, "language", None) or "ja"
    # the input's problems are written in the offer's language, like the rest of the page
    read = read_case_json(args.case, today=today, ignore_unknown_keys=ignore, language=language)
    case, problems = read
    bad = problems[problems["column"].astype(str) == "residual_debt"]
    if len(bad):
        first = bad.iloc[0]
        raise OutcomesError(
            f"残債 {first['value']}: {first['problem']}。提示額は出しません"
            if language == "ja"
            else f"residual_debt {first['value']}: {first['problem']}; no offer is made"
        )
    check_as_of(case, as_of)
    past = getattr(args, "past_cases", None)
    past_cases = load_case_table(past).cases if past else None
    advisor = Advisor.from_model_dir(
        args.model,
        # indexed once: the offer reads the basis from the index, not from the whole table
        past_cases=past_cases,
        registry=servicers,
        language=language,
        explain=True,
        negotiations=offer_log(
            getattr(args, "negotiations", None), args.model, past_cases, language, servicers
        ),
    )
    offer = advisor.offer(case, cash_available=cash, budget=budget, as_of=as_of)
    installment = None
    if advisor.monthly_model is not None and not isinstance(offer.alternative, InstallmentProposal):
        # the analyst weighs both sides even when the cash reaches the opening
        installment = advisor.installment(case, budget=budget, as_of=as_of)
    # the facts the cleaner noted (a 連帯債務者 header) reach the ways out
    paths = advisor.paths(
        case,
        facts=noted_facts(problems, read.columns_used),
        cash_available=cash,
        budget=budget,
        as_of=as_of,
    )
    # a case outside what the model saw is warned about first, in the offer itself
    print(render_offer(offer, installment=installment, paths=paths, problems=problems, as_of=as_of))
    return 0


def write_offers(table: pd.DataFrame, path: str | Path, *, japanese_labels: bool = False) -> Path:
    """Write batch offers to ``.csv``, ``.parquet`` or ``.xlsx`` (one sheet), atomically.

    Through :func:`outcomes._cli.write_table`: text written as text (never
    a formula), and in .xlsx yen with separators, chances as percentages, a
    frozen header and fitted widths. ``japanese_labels`` writes the columns'
    Japanese names and the servicer states in Japanese.
    """
    from outcomes._cli import write_table

    path = Path(path)
    if path.suffix.lower() not in (".csv", ".parquet", ".xlsx"):
        raise OutcomesError(f"-o {path}: write offers to .csv, .parquet or .xlsx")
    write_table(
        table.reset_index(drop=True),
        path,
        sheet="offers",
        labels="ja" if japanese_labels else "en",
        names=dict(BATCH_OFFER_LABELS_JA),
    )
    return path


def run_batch(args: argparse.Namespace) -> int:
    """``outcomes offer --model DIR --cases FILE|URL [--table T|--query Q] -o OUT``.

    Reads the cases (CSV, .xlsx, .parquet or a SQLAlchemy URL; cleaned unless
    already clean), computes every offer by the vectorised batch path
    (:meth:`Advisor.offers <outcomes._advice.advisor.Advisor.offers>`: amounts, their chances, the
    monthly proposal, the servicer status and warnings, and the ``limitation`` column:
    where a case's limitation has run or may have, its warnings say so first) with a
    progress bar
    on large inputs, writes ``-o`` (.csv, .parquet or .xlsx, atomically; an
    .xlsx without ``--labels`` is labelled in the language of ``--lang``, a
    .csv or .parquet in the contract's names), and prints a one-line summary
    (and a one-line drift warning when the cases differ from the model's
    training data).
    """
    output = getattr(args, "output", None)
    if not output:
        raise OutcomesError("--cases needs -o OUT (.csv, .parquet or .xlsx) for the offers")
    if Path(output).suffix.lower() not in (".csv", ".parquet", ".xlsx"):
        raise OutcomesError(f"-o {output}: write offers to .csv, .parquet or .xlsx")
    from outcomes._cli._outputs import check_outputs, command_inputs, run_language

    # never over an input (the cases, the past cases, the registry), nor through a link
    inputs = command_inputs(
        args.cases, getattr(args, "past_cases", None), getattr(args, "servicers", None)
    )
    check_outputs([("-o", output)], inputs, run_language(args))
    as_of = _date_option("--as-of", getattr(args, "as_of", None))
    model_dir = read_model_dir(args.model)
    cases = load_case_table(
        args.cases,
        table=getattr(args, "table", None),
        query=getattr(args, "query", None),
        sheet=getattr(args, "sheet", None),
        servicers=getattr(args, "servicers", None),
    ).cases
    language = getattr(args, "language", None) or "ja"
    advisor = Advisor.from_model_dir(
        model_dir,
        registry=getattr(args, "servicers", None),
        language=language,
        explain=bool(getattr(args, "explain", False)),
    )
    table = advisor.offers(cases, as_of=as_of, progress=sys.stderr.isatty())
    labels = getattr(args, "labels", None)
    if labels is None:  # a spreadsheet's headers speak the language of its warnings
        labels = language if Path(output).suffix.lower() == ".xlsx" else "en"
    write_offers(table, output, japanese_labels=labels == "ja")
    profile = model_dir.profile
    resolved = resolved_cases(cases)
    # the drift of the cases offered: resolved ones are not priced
    drifted = _drift_line(
        profile if profile is not None else model_dir.time, cases[~resolved], language
    )
    if drifted:
        print(f"outcomes offer: {drifted}", file=sys.stderr)
    print(batch_summary(table, resolved, output, language))
    return 0
