"""The monthly instalment (分割弁済) to propose for one case: :class:`InstallmentProposal`.

:func:`make_installment` reads the monthly amount from a fitted
:class:`~outcomes.MonthlyAmountModel` (its median on the grid of amounts
agreements use, with the 10%–90% range), capped by the household's monthly
surplus (``budget``, from its 収支表). The public face is
:func:`outcomes.installment_proposal` (:mod:`~outcomes._advice.api`), one call
of :meth:`Advisor.installment <outcomes._advice.advisor.Advisor.installment>`.
Every figure is an internal estimate for the analyst, never a promise to the
debtor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from outcomes._advice.case import first_value
from outcomes._advice.wording import say
from outcomes._errors import OutcomesError
from outcomes._format import Yen

if TYPE_CHECKING:
    from outcomes._advice.advisor import Advisor

__all__ = [
    "MIN_MONTHLY",
    "MONTHLY_RANGE_LEVELS",
    "InstallmentProposal",
    "make_installment",
    "model_grid",
    "round_down_monthly",
]

#: the smallest monthly instalment proposed; a budget below it cannot support instalments
MIN_MONTHLY = 1_000
#: levels of the range of monthly amounts shown (an 80% predictive interval)
MONTHLY_RANGE_LEVELS: tuple[float, float] = (0.10, 0.90)


@dataclass(frozen=True)
class InstallmentProposal:
    """The monthly instalment (分割弁済) to propose for one case.

    Attributes
    ----------
    monthly : int
        The monthly amount to propose in yen; 0 when the budget cannot
        support instalments.
    typical : int
        The model's median for similar cases, on its grid of agreed amounts.
    low, high : int
        The 10%–90% predictive range of the agreed monthly amount.
    budget : int or None
        The household's monthly surplus from its 収支表, when given.
    capped : bool
        True when the budget lowered the amount below ``typical``.
    feasible : bool
        False when the budget is below ¥1,000 a month.
    creditor_type, servicer : str or None
        Of the case.
    reasons : tuple of str
        Sentences for the analyst, in ``language`` (internal estimates, not
        promises to the debtor).
    language : str
        ``"ja"`` or ``"en"``.
    """

    monthly: int
    typical: int
    low: int
    high: int
    budget: int | None
    capped: bool
    feasible: bool
    creditor_type: str | None
    servicer: str | None
    reasons: tuple[str, ...]
    language: str = "ja"
    #: warnings put first in ``reasons`` (an unseen or unmatched servicer)
    warnings: tuple[str, ...] = ()

    def __str__(self) -> str:
        if not self.feasible:
            rest = self.reasons[len(self.warnings) :]
            return rest[0] if rest else say("inst_not_affordable", self.language)
        return say(
            "inst_str",
            self.language,
            monthly=Yen(self.monthly),
            low=Yen(self.low),
            high=Yen(self.high),
        )


def round_down_monthly(budget: int, grid: np.ndarray | None) -> int:
    """The largest real-looking monthly amount within the budget (at least ¥1,000).

    Real-looking: an amount agreements use (the model's grid) when one fits
    the budget; otherwise the budget rounded down to ¥1,000.

    Examples
    --------
    >>> grid = np.array([3000.0, 5000, 8000, 10000, 15000])
    >>> [round_down_monthly(b, grid) for b in (7_000, 12_000, 2_500, 40_000)]
    [5000, 10000, 2000, 15000]
    >>> round_down_monthly(12_345, None)
    12000
    """
    fallback = budget // MIN_MONTHLY * MIN_MONTHLY
    if grid is not None and len(grid):
        fits = grid[grid <= budget]
        if len(fits):
            return max(int(fits.max()), MIN_MONTHLY)
    return fallback


def model_grid(model: Any) -> np.ndarray | None:
    try:
        grid = model.grid_
    except (AttributeError, ValueError):  # not a grid model, or not fitted
        return None
    grid = np.asarray(grid, dtype="float64")
    return grid[np.isfinite(grid) & (grid > 0)] if grid.ndim == 1 else None


def make_installment(
    advisor: Advisor,
    frame: pd.DataFrame,
    *,
    budget: int | None,
    role: str | None,
    warnings: tuple[str, ...],
) -> InstallmentProposal:
    """The instalment proposal of one clean case (``frame``, its ``as_of`` applied) under ``advisor``.

    ``role`` is the servicer's role (``bought``, ``consigned`` or None for
    unknown); ``warnings`` are put first (the servicer's, from
    :meth:`~outcomes._advice.advisor.Advisor.servicer_notice`).
    """
    language = advisor.language
    monthly_model = advisor.monthly_model
    levels = [MONTHLY_RANGE_LEVELS[0], 0.5, MONTHLY_RANGE_LEVELS[1]]
    method = getattr(monthly_model, "predict_quantiles", None)
    if method is None:
        raise OutcomesError(
            "instalment proposals need a fitted MonthlyAmountModel, "
            f"got {type(monthly_model).__name__}"
        )
    q = np.asarray(method(frame, levels), dtype="float64").reshape(-1)
    low, typical, high = (max(int(round(v)), 0) for v in np.maximum.accumulate(q))
    creditor_type = first_value(frame, "creditor_type")
    servicer = first_value(frame, "servicer")

    reasons: list[str] = []
    monthly, capped, feasible = typical, False, True
    if budget is not None and budget < MIN_MONTHLY:
        monthly, feasible = 0, False
        reasons.append(say("inst_budget_too_small", language, budget=Yen(budget)))
    elif budget is not None and budget < typical:
        monthly, capped = round_down_monthly(budget, model_grid(monthly_model)), True
        reasons.append(
            say(
                "inst_capped",
                language,
                budget=Yen(budget),
                monthly=Yen(monthly),
                typical=Yen(typical),
            )
        )
    else:
        reasons.append(say("inst_typical", language, monthly=Yen(monthly)))
    reasons.append(say("inst_range", language, low=Yen(low), high=Yen(high)))
    if feasible:
        reasons.append(say("inst_forms", language))
        if creditor_type == "jhf":
            reasons.append(say("inst_jhf", language))
        elif servicer is not None and role != "consigned":
            if role is None:
                reasons.append(say("inst_role_unknown", language))
            reasons.append(say("inst_bought_forgiveness", language))
    return InstallmentProposal(
        monthly=int(monthly),
        typical=typical,
        low=low,
        high=high,
        budget=budget,
        capped=capped,
        feasible=feasible,
        creditor_type=creditor_type,
        servicer=servicer,
        reasons=(*warnings, *reasons),
        language=language,
        warnings=warnings,
    )
