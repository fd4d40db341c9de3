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

from outcomes._errors import OutcomesError
from outcomes._installment import InstallmentProposal, installment_proposal
from outcomes._io import load_case_table, read_model_dir
from outcomes._labels import (
    ACCEPTANCE_LABELS,
    OFFER_LABELS,
    creditor_label,
    format_chance,
    format_pct,
    format_yen,
    pad,
    text_width,
)
from outcomes._offer import Offer, batch_offers, index_past_cases, opening_offer
from outcomes._parse import ParseError, parse_amount, parse_date
from outcomes._paths import compare_paths, render_paths
from outcomes._single_case import check_as_of, read_case_json

__all__ = ["TIME_MODEL_FILE", "render_offer", "run", "run_batch", "write_offers"]

#: the time-to-agreement model a model directory may hold (written by `outcomes fit`)
TIME_MODEL_FILE = "time_to_agreement.skops"


def _yen_option(name: str, value: object) -> int | None:
    """``--cash 30万`` / ``300,000`` / ``1.5万`` as whole yen, with the package's amount parser."""
    if value is None:
        return None
    try:
        parsed = parse_amount(str(value)).value
    except (ParseError, ValueError) as exc:
        raise OutcomesError(f"{name} {value!r}: not an amount of yen ({exc})") from None
    if parsed is None:
        raise OutcomesError(f"{name} {value!r}: not an amount of yen")
    if int(parsed) < 0:  # type: ignore[call-overload]
        raise OutcomesError(f"{name} must be 0 or more yen, got {value}")
    return int(parsed)  # type: ignore[call-overload]


def _date_option(name: str, value: object) -> date | None:
    """``--as-of 2026/06/30`` / ``2026-06-30`` / ``R8.6.30`` with the package's date parser."""
    if not value:
        return None
    try:
        parsed = parse_date(str(value)).value
    except (ParseError, ValueError) as exc:
        raise OutcomesError(f"{name} {value!r}: not a date ({exc})") from None
    if parsed is None:
        raise OutcomesError(f"{name} {value!r}: not a date")
    return parsed if isinstance(parsed, date) else pd.Timestamp(parsed).date()  # type: ignore[arg-type]


def _time_model(model_dir: Path) -> Any:
    """The directory's TimeToAgreementModel, or None when it has none."""
    file = Path(model_dir) / TIME_MODEL_FILE
    if not file.is_file():
        return None
    from outcomes.models import TimeToAgreementModel, load_model

    model = load_model(file)
    if not isinstance(model, TimeToAgreementModel):
        raise OutcomesError(f"{file} holds a {type(model).__name__}, not a TimeToAgreementModel")
    return model


def _drift_line(source: Any, cases: pd.DataFrame) -> str | None:
    """One line when ``cases`` lie outside the model's training data (from the kept profile).

    ``source`` is the model directory's training profile, or a time model
    keeping one (``profile_``), or None.
    """
    profile = getattr(source, "profile_", source)
    if profile is None or not len(cases):
        return None
    from outcomes.models import drift, drift_warning

    return drift_warning(drift(profile, cases))


def _table_text(table: pd.DataFrame) -> str:
    """A small table as text, aligned for Japanese characters (numbers to the right)."""
    cells = [[str(c) for c in table.columns]]
    cells += [["" if pd.isna(v) else str(v) for v in row] for row in table.itertuples(index=False)]
    widths = [max(text_width(r[j]) for r in cells) for j in range(len(table.columns))]
    numeric = [pd.api.types.is_numeric_dtype(table[c]) for c in table.columns]
    return "\n".join(
        "  ".join(pad(v, w, right=n) for v, w, n in zip(row, widths, numeric, strict=True))
        for row in cells
    )


def render_offer(
    offer: Offer,
    *,
    installment: InstallmentProposal | None = None,
    paths: pd.DataFrame | None = None,
    problems: pd.DataFrame | None = None,
    as_of: date | None = None,
) -> str:
    """The one-page summary ``outcomes offer`` prints (in the offer's language).

    ``installment`` is shown when the offer has no instalment alternative of
    its own (the cash reaches the opening), for comparison.
    """
    ja = offer.language == "ja"

    def y(a: float) -> str:
        return format_yen(a, offer.language)

    lines: list[str] = [*offer.warnings, ""] if offer.warnings else []
    head = (
        f"一括和解の提示案  残債 {y(offer.residual_debt)} / 債権者区分 "
        f"{creditor_label(offer.creditor_type, offer.language)} / サービサー "
        f"{offer.servicer or 'なし'}"
        if ja
        else f"Lump-sum offer  residual {y(offer.residual_debt)} / creditor type "
        f"{creditor_label(offer.creditor_type, offer.language)} / servicer "
        f"{offer.servicer or 'none'}"
    )
    if as_of is not None:
        head += f"  ({'基準日' if ja else 'as of'} {as_of.isoformat()})"
    lines += [head, "=" * 72]
    labels = OFFER_LABELS[offer.language]
    rows = list(zip(labels, (offer.opening, offer.target, offer.walk_away), strict=True))
    if offer.cash_available is not None:
        rows.append(("手元資金" if ja else "cash", offer.cash_available))
    for label, amount in rows:
        lines.append(
            f"  {pad(label, 12)} {pad(y(amount), 14, right=True)}  "
            f"({format_pct(offer.share(amount)):>6})  "
            + ("似た和解でこの額以下 " if ja else "past settlements at or below ")
            + format_chance(offer.acceptance(amount))
        )
    lines += ["", ACCEPTANCE_LABELS[offer.language] + ("(金額ごと)" if ja else ", by amount")]
    table = offer.acceptance_table()
    header = ("金額", "残債比", "割合", "備考") if ja else ("amount", "share", "at/below", "note")
    lines.append(
        f"  {pad(header[0], 14, right=True)}  {pad(header[1], 7, right=True)}  "
        f"{pad(header[2], 6, right=True)}  {header[3]}"
    )
    for amount, share, chance, note in table.itertuples(index=False):
        lines.append(
            f"  {pad(y(amount), 14, right=True)}  {format_pct(share):>7}  {format_chance(chance):>6}  {note}"
        )
    if offer.wait_table is not None:
        lines += ["", "待つか、今提示するか" if ja else "Wait or offer now"]
        shown = offer.wait_table.astype(object)
        shown.iloc[:, 2] = [y(v) for v in shown.iloc[:, 2]]
        for column in shown.columns[3:]:
            shown[column] = [format_chance(v) for v in shown[column]]
        lines += ["  " + row for row in _table_text(shown.astype(str)).splitlines()]
    lines += ["", "説明" if ja else "Reasons"]
    lines += [f"  - {r}" for r in offer.reasons if r not in offer.warnings]
    proposal = offer.alternative if isinstance(offer.alternative, InstallmentProposal) else None
    title = "分割弁済の案" if ja else "Instalment alternative"
    if proposal is None and installment is not None:
        proposal = installment
        title = "分割弁済の場合(参考)" if ja else "If paid in instalments instead (for comparison)"
    if proposal is not None:
        lines += ["", title, f"  {proposal}"]
        lines += [f"  - {r}" for r in proposal.reasons]
    if paths is not None:
        lines += ["", "他の方法との比較" if ja else "The ways out side by side"]
        shown = render_paths(paths, offer.language).splitlines()
        lines += ["  " + row for row in shown if row != offer.notice]  # the notice ends the page
    if problems is not None and len(problems):
        lines += ["", "入力の注意" if ja else "Notes on the input"]
        for _, row in problems.iterrows():
            lines.append(f"  - {row['column']}: {row['problem']}")
    lines += ["", offer.notice]
    return "\n".join(lines)


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
    ``R8.6.30``; an ``--as-of`` before the sale date is refused.

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
    case, problems = read_case_json(
        args.case, today=today, ignore_unknown_keys=ignore, language=language
    )
    bad = problems[problems["column"].astype(str) == "residual_debt"]
    if len(bad):
        first = bad.iloc[0]
        raise OutcomesError(
            f"残債 {first['value']}: {first['problem']}。提示額は出しません"
            if language == "ja"
            else f"residual_debt {first['value']}: {first['problem']}; no offer is made"
        )
    check_as_of(case, as_of)
    model_dir = read_model_dir(args.model)
    ratio_model, monthly_model = model_dir.ratio, model_dir.monthly
    time_model = _time_model(model_dir.path)
    past = getattr(args, "past_cases", None)
    # indexed once: the offer reads the basis from the index, not from the whole table
    past_cases = index_past_cases(load_case_table(past).cases) if past else None
    offer = opening_offer(
        ratio_model,
        case,
        cash_available=cash,
        as_of=as_of,
        past_cases=past_cases,
        monthly_model=monthly_model,
        budget=budget,
        language=language,
        servicers=servicers,
        time_model=time_model,
        explain=True,
        training_profile=model_dir.profile,
    )
    installment = None
    if monthly_model is not None and not isinstance(offer.alternative, InstallmentProposal):
        # the analyst weighs both sides even when the cash reaches the opening
        installment = installment_proposal(
            monthly_model, case, budget=budget, as_of=as_of, language=language
        )
    paths = compare_paths(
        case,
        ratio_model=ratio_model,
        monthly_model=monthly_model,
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
    from outcomes._labels import BATCH_OFFER_LABELS_JA

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
    (:func:`~outcomes._offer.batch_offers`: amounts, their chances, the
    monthly proposal, the servicer status and warnings) with a progress bar
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
    as_of = _date_option("--as-of", getattr(args, "as_of", None))
    model_dir = read_model_dir(args.model)
    cases = load_case_table(
        args.cases, table=getattr(args, "table", None), query=getattr(args, "query", None)
    ).cases
    language = getattr(args, "language", None) or "ja"
    table = batch_offers(
        model_dir.ratio,
        cases,
        monthly_model=model_dir.monthly,
        as_of=as_of,
        servicers=getattr(args, "servicers", None),
        language=language,
        progress=sys.stderr.isatty(),
        explain=bool(getattr(args, "explain", False)),
    )
    labels = getattr(args, "labels", None)
    if labels is None:  # a spreadsheet's headers speak the language of its warnings
        labels = language if Path(output).suffix.lower() == ".xlsx" else "en"
    write_offers(table, output, japanese_labels=labels == "ja")
    profile = model_dir.profile
    drifted = _drift_line(profile if profile is not None else _time_model(model_dir.path), cases)
    if drifted:
        print(f"outcomes offer: {drifted}", file=sys.stderr)
    n_warn = int((table["warnings"] != "").sum())
    n_offer = int(table["opening"].notna().sum())
    expected = format_yen(int(table["expected_amount"].sum()), "en")
    print(
        f"{n_offer} offers of {len(table)} cases written to {output}"
        f" ({n_warn} with a warning; expected lump sums in total {expected}, from the mean);"
        f" internal estimates, not promises to the debtor"
    )
    return 0
