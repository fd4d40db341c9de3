"""An offer placed on the acceptance curve of a negotiation log (issue 27, part 3).

With an :class:`~outcomes.models.AcceptanceModel` (fitted on the firm's
negotiation log, case-records §9), an offer's opening, target and walk-away
are read from the curve of the chance that the case's holder accepts a lump
sum, at the same levels as from the settlement curve: the 20% point of that
curve is the amount this creditor accepts with chance about 20%. The words
say which of the two figures an offer shows. Where the log cannot tell (a
``jhf`` claim, or one a servicer only collects: §9 does not read their
refusal of a lump sum as about the amount), the offer keeps the settlement
figure and says why.

Every figure is an internal estimate from other debtors' cases: never a
promise, never shown to a debtor as what a creditor will accept, and the
negotiation itself is for the debtor or a 弁護士 (弁護士法72条).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from outcomes._arguments import check_language
from outcomes._format import fill

__all__ = ["ACCEPTANCE_WORDS", "FIGURES", "acceptance_ratios", "figure_say"]

#: the two figures an offer can show
FIGURES: tuple[str, str] = ("settlements", "acceptance")

#: the words of an offer about its figure: {code: (Japanese, English)}; a code that starts
#: with ``acceptance_`` is said with the acceptance figure, ``settlements_`` with the other
ACCEPTANCE_WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "settlements_row": ("似た和解でこの額以下 ", "past settlements at or below "),
        "acceptance_row": ("債権者が応じる見込み ", "chance the creditor accepts "),
        "settlements_table": (
            "似た過去の和解でこの額以下の割合",
            "similar past settlements at or below this amount",
        ),
        "acceptance_table": (
            "この債権者がこの額に応じる見込み(交渉履歴から)",
            "chance this creditor accepts the amount (from the negotiation log)",
        ),
        "settlements_column": ("割合", "at/below"),
        "acceptance_column": ("見込み", "chance"),
        "acceptance_chances": (
            "交渉履歴から見た、この債権者が一括でこの額に応じる見込みは、{opening}で約{c0}、"
            "{target}で約{c1}、{walk}で約{c2}です(似た過去の和解の割合ではありません)。",
            "The chance that this creditor accepts a lump sum of this amount, from the negotiation "
            "log: about {c0} at {opening}, {c1} at {target} and {c2} at {walk} (not the share "
            "of past settlements).",
        ),
        "acceptance_figure": (
            "この見込みは、事務所の交渉履歴{n}件の回答(断られた額・応じた額・債権者自身の提示額)"
            "から学んだ社内の見積りで、{day}に提示した場合のものです。他の債務者の事例からの推計で、"
            "約束ではありません。債務者に「債権者が応じる額」として示すものでもありません。"
            "交渉は本人または弁護士が行います(弁護士法72条)。",
            "This chance is an internal estimate learnt from the answers in {n} negotiations of the "
            "firm's log (amounts refused, amounts accepted, the creditors' own figures), for a "
            "proposal made on {day}. It comes from other debtors' cases and is not a promise, nor "
            "a figure to show the debtor as what the creditor will accept; the negotiation is for "
            "the debtor or a 弁護士 (弁護士法 §72).",
        ),
        "acceptance_unreadable": (
            "この債権者(住宅金融支援機構、または回収の受託)については、交渉履歴から応じる額を"
            "推計できません(一括の拒否が金額によるものとは限らないため)。以下の割合は似た過去の"
            "和解のものです。",
            "The negotiation log cannot tell what this creditor accepts (a JHF claim, or one a "
            "servicer only collects: its refusal of a lump sum need not be about the amount); the "
            "shares below are those of similar past settlements.",
        ),
        "acceptance_cash_below_opening": (
            "手元資金{cash}は最初の提示額{opening}に届きません(この額に債権者が応じる見込みは"
            "約{chance})。一括ではなく分割弁済を検討します。",
            "The cash of {cash} is below the opening of {opening} (chance the creditor accepts "
            "it: about {chance}): instalments are the likelier way.",
        ),
        "acceptance_cash_within": (
            "弁護士に伝える参考額: 最初の提示額{opening}、手元資金の上限{cash}"
            "(手元資金の額に債権者が応じる見込みは約{chance})。",
            "Reference figures for the 弁護士: the opening of {opening}, and the cash of {cash} "
            "as the most the household has (chance the creditor accepts it: about {chance}).",
        ),
        "acceptance_cash_covers": (
            "手元資金{cash}は上限{walk}以上です。上限{walk}に債権者が応じる見込みは約{chance}"
            "です: それを超える額を払うかは慎重に検討します。",
            "The cash of {cash} reaches the walk-away of {walk}; the chance the creditor accepts "
            "{walk} is about {chance}: paying more than that deserves care.",
        ),
    }
)


def figure_say(code: str, language: str, **fields: Any) -> str:
    """One sentence of :data:`ACCEPTANCE_WORDS` in ``language``, its fields filled.

    Examples
    --------
    >>> figure_say("acceptance_row", "en")
    'chance the creditor accepts '
    """
    return fill(ACCEPTANCE_WORDS[code], check_language(language), fields)


def acceptance_ratios(
    model: Any, frame: pd.DataFrame, grid: np.ndarray, day: date | None
) -> np.ndarray | None:
    """The ratios the case's holder accepts with chance ``grid`` on ``day`` (None where
    the log cannot tell: a ``jhf`` or consigned claim)."""
    method = getattr(model, "predict_quantiles", None)
    if method is None or not hasattr(model, "predict_acceptance"):
        from outcomes._errors import OutcomesError

        raise OutcomesError(
            f"acceptance_model must be a fitted AcceptanceModel, got {type(model).__name__}"
        )
    ratios = np.asarray(method(frame, [float(v) for v in grid], as_of=day), dtype="float64")[0]
    if not np.all(np.isfinite(ratios)):
        return None
    return np.maximum.accumulate(np.clip(ratios, 0.0, 1.0))
