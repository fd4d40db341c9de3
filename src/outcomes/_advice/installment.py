"""The monthly instalment (分割弁済) to propose for one case.

:func:`installment_proposal` → :class:`InstallmentProposal`: the monthly
amount read from a fitted :class:`~outcomes.MonthlyAmountModel` (its median
on the grid of amounts agreements use, with the 10%–90% range), capped by the
household's monthly surplus (``budget``, from its 収支表). Every figure is an
internal estimate for the analyst, never a promise to the debtor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from outcomes._advice.case import CaseLike, case_to_settle, first_value
from outcomes._arguments import as_date, as_yen, renamed_keywords
from outcomes._errors import CaseError, OutcomesError
from outcomes._format import check_language, format_yen

__all__ = ["MIN_MONTHLY", "MONTHLY_RANGE_LEVELS", "InstallmentProposal", "installment_proposal"]

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
            return rest[0] if rest else "instalments not affordable"
        if self.language == "ja":
            return (
                f"月{format_yen(self.monthly)}の分割弁済"
                f"(似た事例の8割は月{format_yen(self.low)}〜{format_yen(self.high)})"
            )
        return (
            f"{format_yen(self.monthly, 'en')} a month in instalments "
            f"(80% of similar cases: {format_yen(self.low, 'en')}–{format_yen(self.high, 'en')})"
        )


def _round_down_monthly(budget: int, grid: np.ndarray | None) -> int:
    """The largest real-looking monthly amount within the budget (at least ¥1,000).

    Real-looking: an amount agreements use (the model's grid) when one fits
    the budget; otherwise the budget rounded down to ¥1,000.

    Examples
    --------
    >>> grid = np.array([3000.0, 5000, 8000, 10000, 15000])
    >>> [_round_down_monthly(b, grid) for b in (7_000, 12_000, 2_500, 40_000)]
    [5000, 10000, 2000, 15000]
    >>> _round_down_monthly(12_345, None)
    12000
    """
    fallback = budget // MIN_MONTHLY * MIN_MONTHLY
    if grid is not None and len(grid):
        fits = grid[grid <= budget]
        if len(fits):
            return max(int(fits.max()), MIN_MONTHLY)
    return fallback


def _model_grid(model: Any) -> np.ndarray | None:
    try:
        grid = model.grid_
    except (AttributeError, ValueError):  # not a grid model, or not fitted
        return None
    grid = np.asarray(grid, dtype="float64")
    return grid[np.isfinite(grid) & (grid > 0)] if grid.ndim == 1 else None


def _servicer_role(case: Any, frame: Any, given: str | None) -> str | None:
    """``bought``, ``consigned`` or None (unknown): the keyword, the clean row, or the case's key."""
    value: Any = given
    if value is None and "servicer_role" in frame.columns:
        value = first_value(frame, "servicer_role")
    if value is None and isinstance(case, dict) and "servicer_role" in case:
        value = case["servicer_role"]
    if value is None or (isinstance(value, float) and value != value):
        return None
    if value not in ("bought", "consigned"):
        raise CaseError(f"servicer_role must be 'bought', 'consigned' or empty, got {value!r}")
    return str(value)


@renamed_keywords(model="monthly_model")
def installment_proposal(
    monthly_model: Any,
    case: CaseLike,
    *,
    budget: int | None = None,
    as_of: date | str | None = None,
    language: str = "ja",
    servicer_role: str | None = None,
) -> InstallmentProposal:
    """The monthly instalment to propose for one case.

    The amount is the model's median for the case, on its grid of amounts
    agreements use; the range shown is the 10%–90% predictive interval.
    ``budget`` — the household's monthly surplus from its 収支表 (income minus
    living costs) — caps the amount: the largest amount agreements use that
    fits the budget (else the budget rounded down to ¥1,000), never below
    ¥1,000; a budget below ¥1,000 cannot support instalments (``monthly=0``,
    ``feasible=False``).

    Parameters
    ----------
    monthly_model : MonthlyAmountModel
        Fitted (the old keyword name ``model=`` works for one release, with a
        FutureWarning).
    case : mapping, Series or one-row DataFrame
        One case in the clean table's columns (see
        :func:`~outcomes.case_from_mapping`); outcome columns may be absent.
    budget : int, optional
        Monthly surplus in whole yen (a float is refused with a CaseError).
    as_of : date or str, optional
        The day of the proposal: an empty ``agreement_date`` is taken as this
        day. Default: the model's ``as_of`` (today).
    language : {"ja", "en"}, default "ja"
        Language of ``reasons``.
    servicer_role : {"bought", "consigned"}, optional
        Whether the servicer bought the claim or collects it on consignment
        (else read from the case; unknown is said as such). Forgiveness after
        a fixed term is mentioned only for a bought claim or an unknown role.

    Returns
    -------
    InstallmentProposal

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import MonthlyAmountModel
    >>> cases = simulate_cases(1500, seed=1, messy=False, today="2026-06-30")
    >>> model = MonthlyAmountModel(as_of="2026-06-30", max_iter=30).fit(cases)
    >>> nagoya = {"residual_debt": 3_200_000, "creditor": "公庫", "employment": "年金",
    ...           "monthly_income": 140_000, "household_size": 1, "age": 65}
    >>> proposal = installment_proposal(model, nagoya, budget=6_000)
    >>> proposal.monthly, proposal.capped
    (5000, True)
    >>> installment_proposal(model, nagoya, budget=800).feasible
    False
    """
    language = check_language(language)
    budget = None if budget is None else as_yen(budget, "budget")
    frame, _ = case_to_settle(case, as_date(as_of, "as_of"))
    levels = [MONTHLY_RANGE_LEVELS[0], 0.5, MONTHLY_RANGE_LEVELS[1]]
    method = getattr(monthly_model, "predict_quantiles", None)
    if method is None:
        raise OutcomesError(
            f"instalment proposals need a fitted MonthlyAmountModel, got {type(monthly_model).__name__}"
        )
    q = np.asarray(method(frame, levels), dtype="float64").reshape(-1)
    low, typical, high = (max(int(round(v)), 0) for v in np.maximum.accumulate(q))
    creditor_type = first_value(frame, "creditor_type")
    servicer = first_value(frame, "servicer")
    role = _servicer_role(case, frame, servicer_role)
    ja = language == "ja"

    def y(a: float) -> str:
        return format_yen(a, language)

    reasons: list[str] = []
    monthly, capped, feasible = typical, False, True
    if budget is not None and budget < MIN_MONTHLY:
        monthly, feasible = 0, False
        reasons.append(
            f"収支表の余力(月{y(budget)})では、分割弁済を続けることができません。"
            "自己破産などの債務整理も含めて検討します。"
            if ja
            else f"A monthly surplus of {y(budget)} cannot support instalments; "
            "consider debt relief such as bankruptcy (自己破産) as well."
        )
    elif budget is not None and budget < typical:
        monthly, capped = _round_down_monthly(budget, _model_grid(monthly_model)), True
        reasons.append(
            f"収支表の余力は月{y(budget)}なので、月{y(monthly)}を提案します"
            f"(似た事例の中央値は月{y(typical)})。"
            if ja
            else f"The household can spare {y(budget)} a month, so propose {y(monthly)} "
            f"(the median of similar cases is {y(typical)})."
        )
    else:
        reasons.append(
            f"毎月の提案額は月{y(monthly)}です(似た事例の中央値)。"
            if ja
            else f"Propose {y(monthly)} a month (the median of similar cases)."
        )
    reasons.append(
        f"似た事例では、8割が月{y(low)}〜{y(high)}の範囲で合意しています(モデルの見込み)。"
        if ja
        else f"In similar cases 80% agree between {y(low)} and {y(high)} a month (model estimate)."
    )
    if feasible:
        reasons.append(
            "生活状況確認表と収支表を出し、生活が変わったら早めに見直しを相談します。"
            if ja
            else "Hand in the living-situation statement (生活状況確認表) and the household "
            "budget (収支表); ask for a review early when life changes."
        )
        if creditor_type == "jhf":
            reasons.append(
                "住宅金融支援機構は債権を売却せず、期限を定めずに1年ごと(または5年ごと)に"
                "見直しながら支払う形が一般的です。"
                if ja
                else "JHF keeps its claims: payments are usually open-ended and reviewed "
                "every year (or every 5 years)."
            )
        elif servicer is not None and role != "consigned":
            if role is None:
                reasons.append(
                    "サービサーの役割(債権の買取りか回収の受託か)は記録がありません。"
                    if ja
                    else "The servicer's role (bought the claim, or only collects it) is not "
                    "recorded."
                )
            reasons.append(
                "債権を買い取ったサービサーとは、月々の分割を一定期間(例: 5年)続けた後に残りを"
                "免除する合意がありえます(合意書に書かれた場合に限ります)。"
                if ja
                else "A servicer that bought the claim may agree a fixed term of instalments "
                "(e.g. 5 years) followed by forgiveness of the rest, only if written into the "
                "agreement."
            )
    # an unseen or unmatched servicer: the warning goes first (wt-offer9)
    from outcomes._advice.wording import servicer_warning
    from outcomes._registry import servicer_status, servicers_seen

    st = servicer_status(servicer, servicers_seen(monthly_model))
    warning = servicer_warning(st.status, st.name, st.suggestions, language)
    warnings = () if warning is None else (warning,)
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
