"""``outcomes offer``: the opening offer, the instalments and the ways out of one case, printed.

The argument parser stays in :mod:`outcomes.cli`; :func:`run` takes its
namespace and returns the exit code. Every amount printed is an internal
estimate for the analyst, never a promise to the debtor.
"""

from __future__ import annotations

import argparse
from datetime import date

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
from outcomes._offer import Offer, index_past_cases, opening_offer
from outcomes._paths import compare_paths, render_paths
from outcomes._single_case import read_case_json

__all__ = ["render_offer", "run"]


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

    lines: list[str] = []
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
    lines += ["", "説明" if ja else "Reasons"]
    lines += [f"  - {r}" for r in offer.reasons]
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
        lines += ["  " + row for row in render_paths(paths, offer.language).splitlines()]
    if problems is not None and len(problems):
        lines += ["", "入力の注意" if ja else "Notes on the input"]
        for _, row in problems.iterrows():
            lines.append(f"  - {row['column']}: {row['problem']}")
    lines += ["", offer.notice]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """``outcomes offer --model DIR --case CASE.json [--cash N] [--budget N] [--as-of DATE]``.

    Loads ``settlement_ratio.skops`` (and ``monthly_amount.skops`` when
    present) from the model directory, reads the case JSON through the
    cleaner, and prints a one-page summary: the three amounts, the acceptance
    curve, the instalment alternative and the ways out side by side
    (:func:`~outcomes.compare_paths`). With an ``args.past_cases`` path (a
    clean table), the basis of similar past cases is shown too.
    """
    as_of = None
    if getattr(args, "as_of", None):
        try:
            as_of = date.fromisoformat(str(args.as_of))
        except ValueError:
            raise OutcomesError(f"--as-of must be a date YYYY-MM-DD, got {args.as_of!r}") from None
    cash = getattr(args, "cash", None)
    budget = getattr(args, "budget", None)
    for name, value in (("--cash", cash), ("--budget", budget)):
        if value is not None and value < 0:
            raise OutcomesError(f"{name} must be 0 or more yen, got {value}")
    case, problems = read_case_json(args.case, today=as_of)
    model_dir = read_model_dir(args.model)
    ratio_model, monthly_model = model_dir.ratio, model_dir.monthly
    past = getattr(args, "past_cases", None)
    # indexed once: the offer reads the basis from the index, not from the whole table
    past_cases = index_past_cases(load_case_table(past).cases) if past else None
    language = getattr(args, "language", None) or "ja"
    offer = opening_offer(
        ratio_model,
        case,
        cash_available=cash,
        as_of=as_of,
        past_cases=past_cases,
        monthly_model=monthly_model,
        budget=budget,
        language=language,
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
    print(render_offer(offer, installment=installment, paths=paths, problems=problems, as_of=as_of))
    return 0
