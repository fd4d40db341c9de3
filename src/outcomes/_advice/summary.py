"""The one-page summary of an offer: what ``outcomes offer --case`` prints.

:func:`render_offer` lays out an :class:`~outcomes._advice.offer.Offer` (the
three amounts, the acceptance grid, the wait-or-offer table, the reasons), the
instalment alternative, the ways out side by side, the input's notes and the
notice, in the offer's language. Every amount printed is an internal estimate
for the analyst, never a promise to the debtor.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from outcomes._advice.acceptance import figure_say
from outcomes._advice.installment import InstallmentProposal
from outcomes._advice.paths import render_paths
from outcomes._advice.wording import OFFER_LABELS, say
from outcomes._format import creditor_label, format_chance, format_pct, format_yen, pad, text_width

if TYPE_CHECKING:  # Offer.__str__ calls render_offer: the offer module imports this one
    from outcomes._advice.offer import Offer

__all__ = ["render_offer", "shown_wait_table"]


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


def shown_wait_table(offer: Offer) -> pd.DataFrame:
    """The offer's now / +6 / +12 months table as text: yen and chances formatted.

    The target in the offer's language (``19万円``, ``¥190,000``), the chances
    as whole percentages; the numbers stay in ``offer.wait_table``.
    """
    table = offer.wait_table
    if table is None:
        raise ValueError("the offer has no wait table (no time model)")
    shown = table.astype(object)
    shown.isetitem(2, [format_yen(v, offer.language) for v in table.iloc[:, 2]])
    for j in range(3, table.shape[1]):
        shown.isetitem(j, [format_chance(v) for v in table.iloc[:, j]])
    return shown.astype("str")


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
    if offer.limitation in ("run", "may_have_run"):
        # the amounts are figures for after a 弁護士 has ruled the limitation out (issue 25)
        head += "  " + say("limitation_amounts", offer.language)
    lines += [head, "=" * 72]
    labels = OFFER_LABELS[offer.language]
    rows = list(zip(labels, (offer.opening, offer.target, offer.walk_away), strict=True))
    if offer.cash_available is not None:
        rows.append(("手元資金" if ja else "cash", offer.cash_available))
    for label, amount in rows:
        lines.append(
            f"  {pad(label, 12)} {pad(y(amount), 14, right=True)}  "
            f"({format_pct(offer.share(amount)):>6})  "
            + figure_say(f"{offer.figure}_row", offer.language)
            + format_chance(offer.acceptance(amount))
        )
    lines += [
        "",
        figure_say(f"{offer.figure}_table", offer.language)
        + ("(金額ごと)" if ja else ", by amount"),
    ]
    table = offer.acceptance_table()
    header = ("金額", "残債比", "", "備考") if ja else ("amount", "share", "", "note")
    header = (*header[:2], figure_say(f"{offer.figure}_column", offer.language), header[3])
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
        lines += ["  " + row for row in _table_text(shown_wait_table(offer)).splitlines()]
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
