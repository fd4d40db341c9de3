"""The ways out of one residual debt, side by side: :func:`compare_paths`.

One :class:`WayOut` record per way out — its code, label, credit record,
usual extra costs and the function that builds its row — in :data:`WAYS_OUT`,
in the order shown: 一括和解, 分割弁済, 任意整理, 個人再生, 自己破産, 時効援用. A
new way out (say 特定調停) is one more record and one row builder.

The legal arithmetic (the 個人再生 minimum, the limitation, 遅延損害金) is in
:mod:`outcomes._statutes`; the labels in :mod:`outcomes._labels`; turning a
case into a clean row in :mod:`outcomes._single_case`. Everything is
deterministic: the only input that depends on the calendar is ``as_of``,
which defaults to today. Every figure is an internal estimate for the analyst,
never a promise to the debtor.

Figures marked (H) come from a statute or official text, (M) from one good
secondary source, (L) from marketing pages or anecdotes; see
``shared/spec/domain.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from outcomes._errors import CaseError, RehabilitationUnavailableError
from outcomes._labels import CREDIT_RECORD, PATH_LABELS, format_yen
from outcomes._single_case import (
    CaseLike,
    as_date,
    as_yen,
    case_from_mapping,
    first_value,
    renamed_keywords,
    with_as_of,
)

# the statute blocks are imported from here by older code; their home is _statutes
from outcomes._statutes import (
    DEFAULT_RATES,
    REHABILITATION_DEBT_LIMIT,
    LimitationResult,
    default_interest,
    limitation_complete,
    limitation_date,
    rehabilitation_minimum,
)

__all__ = [
    "CREDIT_RECORD",
    "DEFAULT_RATES",
    "PATH_COLUMNS",
    "REHABILITATION_DEBT_LIMIT",
    "WAYS_OUT",
    "WayOut",
    "compare_paths",
]

#: columns of the compare_paths table, in order
PATH_COLUMNS: tuple[str, ...] = (
    "path",
    "label_ja",
    "available",
    "total_to_pay",
    "monthly",
    "months",
    "extra_costs",
    "credit_record",
    "notes",
)

# Rules of thumb used when no model is given: (low, typical, high) settlement ratio of a
# lump sum. Servicers: low = the smallest accepted in the firm's worked examples
# (¥100,000 on ¥5.8M, 1.7%), typical = "a few percent" (¥300,000 on ¥5M, 6%), high = the
# top of the 1-10% purchase prices quoted for such claims (L-M). Before a claim is sold
# the figures are an assumption with no data behind them.
_LUMP_SUM_RULE_SERVICER = (0.017, 0.05, 0.10)
_LUMP_SUM_RULE_UNSOLD = (0.05, 0.10, 0.20)
# Instalments: the article's usual range is ¥5,000-¥20,000 a month, "around ¥10,000" for
# most of the firm's clients; from income: 5% of take-home pay, down to a ¥5,000 step.
_INSTALLMENT_RANGE = (5_000, 20_000)
_INSTALLMENT_DEFAULT = 10_000
_INSTALLMENT_INCOME_SHARE = 0.05
_SERVICER_TERM_MONTHS = 60
# Without a monthly budget, a plan above a fifth of take-home pay is taken as unaffordable
# (an assumption, not sourced).
_CAPACITY_INCOME_SHARE = 0.20

# Extra costs, estimates. Court fees for 個人再生: ¥10,000 stamp + ¥12,268 予納金
# (yamanaka-seiri.jp, M). Lawyers' fees: marketing pages (L): 任意整理 ¥20,000-¥50,000 a
# creditor; 個人再生 ¥400,000-¥1,000,000 in all; 破産 ¥200,000-¥400,000 (同時廃止) and
# ¥400,000-¥800,000 (管財); 時効援用 ¥20,000-¥100,000 through a professional, about
# ¥1,300-¥2,000 postage alone. 管財事件 予納金 ¥500,000 or more (the article).
_COST_VOLUNTARY = 50_000
_COST_REHABILITATION = 22_268 + 500_000
_COST_BANKRUPTCY_SUMMARY = 20_000 + 300_000  # 同時廃止: court ~¥10k-30k + lawyer
_COST_BANKRUPTCY_TRUSTEE = 500_000 + 400_000  # 管財事件: 予納金 + lawyer
_COST_LIMITATION = 30_000


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _yen_text(amount: float | int) -> str:
    return format_yen(amount, "en")


def _capacity(income: int | None, budget: int | None) -> tuple[int | None, str]:
    if budget is not None:
        return budget, f"the monthly budget of {_yen_text(budget)}"
    if income is not None:
        cap = int(income * _CAPACITY_INCOME_SHARE)
        return cap, f"a fifth of take-home pay ({_yen_text(cap)}; rule of thumb)"
    return None, ""


def _shortest_term(
    total: int, capacity: int | None, shortest: int, longest: int, unknown: int
) -> int:
    """Shortest term in [shortest, longest] months whose instalment fits the capacity."""
    if capacity is None:
        return unknown
    for months in range(shortest, longest + 1):
        if _ceil_div(total, months) <= capacity:
            return months
    return longest


def _quantiles(model: Any, frame: pd.DataFrame, qs: Sequence[float]) -> np.ndarray | None:
    method = getattr(model, "predict_quantiles", None)
    if method is None:
        return None
    values = np.asarray(method(frame, list(qs)), dtype=float).reshape(-1)
    return values if values.size == len(qs) else None


# ==========================================================================
# The case as the row builders see it, and one record per way out
# ==========================================================================


@dataclass(frozen=True)
class _Situation:
    """Everything the row builders read about one case and the household."""

    frame: pd.DataFrame  # the clean row
    query: pd.DataFrame  # the clean row with as_of as its empty agreement date (for the models)
    residual: int
    creditor_type: str | None
    servicer: str | None
    employment: str | None
    income: int | None
    cash: int | None
    budget: int | None
    capacity: int | None
    capacity_text: str
    interest_note: str
    today: date
    limitation: LimitationResult | None
    ratio_model: Any
    monthly_model: Any


#: what a row builder returns: available, total_to_pay, monthly, months, notes
#: (a list of str) and, when it differs from the record's, extra_costs
Row = dict[str, Any]


@dataclass(frozen=True)
class WayOut:
    """One way out of a residual debt, as :func:`compare_paths` shows it.

    Attributes
    ----------
    code : str
        The ``path`` code (also a ``resolution`` code of the clean table).
    label_ja : str
        Its Japanese name.
    credit_record : str
        What it leaves in the credit records.
    extra_costs : int or None
        Usual lawyers' and court costs in yen (estimates; the builder may
        give another figure for the case).
    build : callable
        ``build(situation) -> dict`` of ``available``, ``total_to_pay``,
        ``monthly``, ``months`` and ``notes``.
    """

    code: str
    label_ja: str
    credit_record: str
    extra_costs: int | None
    build: Callable[[_Situation], Row]

    def row(self, situation: _Situation) -> dict[str, Any]:
        """The row of this way out for one case, in :data:`PATH_COLUMNS`."""
        fields = {"extra_costs": self.extra_costs, **self.build(situation)}
        return {
            "path": self.code,
            "label_ja": self.label_ja,
            "available": fields["available"],
            "total_to_pay": fields["total_to_pay"],
            "monthly": fields["monthly"],
            "months": fields["months"],
            "extra_costs": fields["extra_costs"],
            "credit_record": self.credit_record,
            "notes": "; ".join(fields["notes"]),
        }


def _way(code: str, extra_costs: int | None, build: Callable[[_Situation], Row]) -> WayOut:
    return WayOut(code, PATH_LABELS[code][0], CREDIT_RECORD[code], extra_costs, build)


def _row(**fields: Any) -> Row:
    return fields


@renamed_keywords(monthly_budget="budget")
def compare_paths(
    case: CaseLike,
    *,
    ratio_model: Any = None,
    monthly_model: Any = None,
    cash_available: int | None = None,
    budget: int | None = None,
    as_of: date | str | None = None,
    limitation: LimitationResult | None = None,
) -> pd.DataFrame:
    """The ways out of one residual debt, side by side.

    One row per path:

    - ``lump_sum`` (一括和解): a one-off payment, the rest forgiven. With
      ``ratio_model``, its predicted settlement ratio (and 10%/90% quantiles
      in the notes); without, a rule of thumb — servicers about 5% (1.7%–10%),
      unsold claims about 10% (an assumption). With ``cash_available`` below
      the typical figure but above the low one, the best estimate is the cash.
      Not expected from JHF, which keeps its claims and rarely forgives.
    - ``installment`` (分割弁済): with ``monthly_model`` its prediction;
      without, ``budget``, else 5% of take-home pay in ¥5,000 steps
      within ¥5,000–¥20,000, else ¥10,000. A servicer settles over a fixed
      60 months (the rest forgiven, as in the article's ¥10,000 × 5 years);
      other creditors take open-ended payments (``months`` empty) and the whole
      residual stays owed.
    - ``voluntary_arrangement`` (任意整理): the principal over 36–60 months,
      future interest cut; the shortest term that fits the budget.
    - ``rehabilitation`` (個人再生): :func:`rehabilitation_minimum` of the
      residual over 36 months, up to 60; unavailable above ¥50M or without
      continuing income.
    - ``bankruptcy`` (自己破産): pays nothing of the residual; costs of 同時廃止,
      or of a 管財事件 (予納金 ¥500,000+) for the self-employed.
    - ``limitation`` (時効援用): available only when the limitation is complete
      on ``as_of``; otherwise the notes say when.

    Affordability uses ``budget``, else a fifth of ``monthly_income``
    (rule of thumb); unknown affordability is not held against a path.
    Lawyers' fees and court costs in ``extra_costs`` are estimates (sources in
    the notes); they are not included in ``total_to_pay``.

    Parameters
    ----------
    case : mapping, Series or one-row DataFrame
        One case in the clean table's columns (see :func:`case_from_mapping`);
        ``residual_debt`` is required, outcome columns may be absent.
    ratio_model, monthly_model : fitted model, optional
        Objects with ``predict(cases_df)`` (settlement ratio; monthly yen) and
        optionally ``predict_quantiles(cases_df, quantiles)``.
    cash_available : int, optional
        Cash the household could pay at once, in whole yen (a float is
        refused with a CaseError, as in :func:`~outcomes.opening_offer`).
    budget : int, optional
        What the household can pay each month (from its 収支表), in whole
        yen. Formerly ``monthly_budget=``, which works for one release with a
        FutureWarning.
    as_of : date, optional
        The day to judge the limitation and interest on; default today.
    limitation : LimitationResult, optional
        From :func:`limitation_date` with the case's real dates. Without it,
        a rough estimate: the clock restarted at the sale (the sale proceeds
        paid part of the debt) or at a later agreement, 5 years for banks and
        guarantee companies, 10 otherwise (the cautious choice).

    Returns
    -------
    DataFrame
        Columns ``path``, ``label_ja``, ``available`` (bool), ``total_to_pay``,
        ``monthly``, ``months``, ``extra_costs`` (Int64 yen), ``credit_record``,
        ``notes`` (str).

    Raises
    ------
    CaseError
        If the case has no residual_debt or cannot be read, or an argument
        (``cash_available``, ``budget``, ``as_of``) is not valid; a ``ValueError``.

    Examples
    --------
    >>> table = compare_paths(
    ...     {"residual_debt": 5_800_000, "creditor": "○○保証", "servicer": "SMBC債権回収",
    ...      "sale_date": "2023-06-30"},
    ...     cash_available=100_000,
    ...     as_of=date(2024, 6, 1),
    ... )
    >>> table[["path", "available", "total_to_pay", "months"]]
                        path  available  total_to_pay  months
    0               lump_sum       True        100000       0
    1            installment       True        600000      60
    2  voluntary_arrangement       True       5800000      60
    3         rehabilitation       True       1160000      36
    4             bankruptcy       True             0       0
    5             limitation      False             0    <NA>
    """
    frame = case_from_mapping(case)
    residual = first_value(frame, "residual_debt")
    if residual is None:
        raise CaseError("the case has no residual_debt; it is needed to compare paths")
    residual = int(residual)
    cash = None if cash_available is None else as_yen(cash_available, "cash_available")
    budget = None if budget is None else as_yen(budget, "budget")
    today = date.today() if as_of is None else as_date(as_of, "as_of")
    if today is None:
        raise CaseError("as_of must be a date (YYYY-MM-DD)")

    creditor_type = first_value(frame, "creditor_type")
    income = first_value(frame, "monthly_income")
    income = None if income is None else int(income)
    capacity, capacity_text = _capacity(income, budget)

    rate = first_value(frame, "delinquency_rate")
    if rate is None:
        rate = DEFAULT_RATES.get(creditor_type or "bank", DEFAULT_RATES["bank"])
        whose = f"usual for {creditor_type}" if creditor_type else "bank rate assumed"
    else:
        whose = "the contract's rate"
    yearly = default_interest(residual, today, today + timedelta(days=365), float(rate))
    situation = _Situation(
        frame=frame,
        # the models see an agreement made on the day of the comparison, as opening_offer does
        query=with_as_of(frame, today),
        residual=residual,
        creditor_type=creditor_type,
        servicer=first_value(frame, "servicer"),
        employment=first_value(frame, "employment"),
        income=income,
        cash=cash,
        budget=budget,
        capacity=capacity,
        capacity_text=capacity_text,
        interest_note=(
            f"遅延損害金 adds about {_yen_text(yearly)} a year ({float(rate) * 100:g}%, {whose})"
        ),
        today=today,
        limitation=limitation,
        ratio_model=ratio_model,
        monthly_model=monthly_model,
    )
    table = pd.DataFrame([way.row(situation) for way in WAYS_OUT], columns=list(PATH_COLUMNS))
    dtypes = {
        "path": "str",
        "label_ja": "str",
        "available": "bool",
        "credit_record": "str",
        "notes": "str",
    }
    dtypes.update(dict.fromkeys(("total_to_pay", "monthly", "months", "extra_costs"), "Int64"))
    return table.astype(dtypes)


# ==========================================================================
# Row builders, one per way out
# ==========================================================================


def _lump_sum_row(s: _Situation) -> Row:
    frame = s.query
    residual = s.residual
    creditor_type = s.creditor_type
    servicer = s.servicer
    cash = s.cash
    model = s.ratio_model
    interest_note = s.interest_note
    notes: list[str] = []
    if creditor_type == "jhf":
        notes.append(
            "JHF (住宅金融支援機構) keeps its claims and rarely forgives: no lump-sum settlement expected"
        )
        return _row(
            available=False,
            total_to_pay=pd.NA,
            monthly=0,
            months=0,
            notes=notes,
        )
    if model is not None:
        query = frame.assign(resolution=pd.Series(["lump_sum"], dtype=frame["resolution"].dtype))
        typical = float(np.clip(np.asarray(model.predict(query), dtype=float).reshape(-1)[0], 0, 1))
        qs = _quantiles(model, query, (0.1, 0.9))
        low, high = (
            (float(np.clip(qs[0], 0, 1)), float(np.clip(qs[1], 0, 1)))
            if qs is not None
            else (typical, typical)
        )
        notes.append(f"settlement ratio from the model: {typical:.1%}")
        if qs is not None:
            notes.append(f"80% interval {low:.1%}–{high:.1%}")
    else:
        low, typical, high = _LUMP_SUM_RULE_SERVICER if servicer else _LUMP_SUM_RULE_UNSOLD
        if servicer:
            notes.append(
                f"no model: rule of thumb for servicers, about {typical:.0%} of the residual "
                f"(accepted from {low:.1%}; purchase prices 1–10%)"
            )
        else:
            notes.append(
                f"no model: assumed {typical:.0%} ({low:.0%}–{high:.0%}); lump sums are usual once "
                f"the claim is sold to a servicer, before that creditors rarely forgive much"
            )
    estimate = int(round(typical * residual))
    floor_amount = int(round(low * residual))
    available = True
    total = estimate
    if cash is None:
        notes.append(
            f"needs about {_yen_text(estimate)} in cash (range {_yen_text(floor_amount)}–{_yen_text(high * residual)})"
        )
    elif cash >= estimate:
        notes.append(f"the cash of {_yen_text(cash)} covers the usual {_yen_text(estimate)}")
    elif cash >= floor_amount:
        total = cash
        notes.append(
            f"offer the {_yen_text(cash)} available ({cash / residual:.1%}): below the usual "
            f"{_yen_text(estimate)}, so acceptance is uncertain, but within the range accepted"
        )
    else:
        available = False
        notes.append(
            f"the cash of {_yen_text(cash)} is below the lowest settlement seen "
            f"({low:.1%} = {_yen_text(floor_amount)}); save towards it or pay in instalments"
        )
    notes.append(f"a settlement ends the debt; meanwhile {interest_note}")
    return _row(
        available=available,
        total_to_pay=total,
        monthly=0,
        months=0,
        notes=notes,
    )


def _installment_row(s: _Situation) -> Row:
    frame = s.query
    residual = s.residual
    creditor_type = s.creditor_type
    servicer = s.servicer
    income = s.income
    budget = s.budget
    capacity = s.capacity
    model = s.monthly_model
    notes: list[str] = []
    lo, hi = _INSTALLMENT_RANGE
    if model is not None:
        query = frame.assign(resolution=pd.Series(["installment"], dtype=frame["resolution"].dtype))
        monthly = max(
            int(round(float(np.asarray(model.predict(query), dtype=float).reshape(-1)[0]))), 0
        )
        notes.append(f"monthly amount from the model: {_yen_text(monthly)}")
        qs = _quantiles(model, query, (0.1, 0.9))
        if qs is not None:
            notes.append(f"80% interval {_yen_text(qs[0])}–{_yen_text(qs[1])}")
        if budget is not None and monthly > budget:
            notes.append(
                f"above the monthly budget of {_yen_text(budget)}: propose the budget with a 収支表"
            )
    elif budget is not None:
        monthly = budget // 1_000 * 1_000
        notes.append(f"no model: the monthly budget, rounded down to ¥1,000 ({_yen_text(monthly)})")
    elif income is not None:
        step = int(income * _INSTALLMENT_INCOME_SHARE) // 5_000 * 5_000
        monthly = min(max(step, lo), hi)
        notes.append(
            f"no model: rule of thumb, 5% of take-home pay in ¥5,000 steps within "
            f"{_yen_text(lo)}–{_yen_text(hi)} ({_yen_text(monthly)})"
        )
    else:
        monthly = _INSTALLMENT_DEFAULT
        notes.append(f"no model, no income: the usual {_yen_text(monthly)} a month (article)")
    if not lo <= monthly <= hi:
        notes.append(f"outside the usual {_yen_text(lo)}–{_yen_text(hi)} a month")
    if monthly == 0:
        notes.append("no monthly amount possible: instalments cannot be offered")
        return _row(
            available=False,
            total_to_pay=pd.NA,
            monthly=0,
            months=pd.NA,
            notes=notes,
        )
    notes.append("agreed on a 生活状況確認表 and 収支表; reviewed when life changes")
    if servicer:
        months = _SERVICER_TERM_MONTHS
        total = monthly * months
        if total >= residual:
            months = _ceil_div(residual, monthly)
            total = residual
            notes.append("pays the whole residual within the term")
        else:
            notes.append(
                f"servicer: fixed {months} months, the remaining {_yen_text(residual - total)} "
                f"forgiven at the end ({total / residual:.1%} paid)"
            )
    else:
        months = pd.NA
        total = residual
        notes.append("open-ended: the whole residual stays owed (best estimate = the residual)")
        if creditor_type != "jhf":
            notes.append("a lump sum may become possible if the claim is sold to a servicer")
        else:
            notes.append(
                "JHF keeps the claim (collection by 住宅債権管理回収機構 or similar), usually from "
                "about ¥10,000 a month, ¥5,000 accepted on a pension; reviewed every 1 or 5 years"
            )
    if capacity is not None and monthly > capacity:
        notes.append(f"more than the household can pay ({_yen_text(capacity)})")
    return _row(
        available=True,
        total_to_pay=total,
        monthly=monthly,
        months=months,
        notes=notes,
    )


def _voluntary_row(s: _Situation) -> Row:
    residual = s.residual
    capacity = s.capacity
    capacity_text = s.capacity_text
    months = _shortest_term(residual, capacity, 36, 60, unknown=60)
    monthly = _ceil_div(residual, months)
    notes = [
        f"the principal over {months} months (3–5 years), future interest cut; needs the creditor's "
        f"consent, through a lawyer or 司法書士",
    ]
    available = True
    if capacity is None:
        notes.append("affordability unknown: give budget or monthly_income")
    elif monthly > capacity:
        available = False
        notes.append(f"{_yen_text(monthly)} a month is more than {capacity_text}")
    notes.append(
        "extra costs: lawyer's fee estimate, ¥20,000–¥50,000 a creditor (marketing pages, L)"
    )
    return _row(
        available=available,
        total_to_pay=residual,
        monthly=monthly,
        months=months,
        notes=notes,
    )


def _rehabilitation_row(s: _Situation) -> Row:
    residual = s.residual
    employment = s.employment
    capacity = s.capacity
    capacity_text = s.capacity_text
    notes: list[str] = []
    try:
        minimum = rehabilitation_minimum(residual)
    except RehabilitationUnavailableError as exc:
        notes.append(str(exc))
        return _row(
            available=False, total_to_pay=pd.NA, monthly=pd.NA, months=pd.NA,
            extra_costs=pd.NA, notes=notes,
        )  # fmt: skip
    months = _shortest_term(minimum, capacity, 36, 60, unknown=36)
    monthly = _ceil_div(minimum, months)
    available = True
    notes.append(
        f"minimum repayment {_yen_text(minimum)} (民事再生法 §231) over {months} months "
        f"(3 years, up to 5); other unsecured debts raise it"
    )
    notes.append(
        "also at least the liquidation value (清算価値, usually small after the sale) and, for "
        "給与所得者等再生, two years of disposable income: not computed"
    )
    if employment == "unemployed":
        available = False
        notes.append(
            "needs continuing income (民事再生法 §221): not available without work or pension"
        )
    elif employment == "pensioner":
        notes.append("pension-only income makes it harder (article)")
    if capacity is None:
        notes.append("affordability unknown: give budget or monthly_income")
    elif monthly > capacity:
        available = False
        notes.append(f"{_yen_text(monthly)} a month is more than {capacity_text}")
    notes.append(
        "extra costs: court ¥22,268 (¥10,000 stamp + ¥12,268 予納金, M) + lawyer about ¥500,000 "
        "(¥400,000–¥1,000,000, marketing pages, L); a 個人再生委員 (Tokyo) adds more"
    )
    return _row(
        available=available,
        total_to_pay=minimum,
        monthly=monthly,
        months=months,
        notes=notes,
    )


def _bankruptcy_row(s: _Situation) -> Row:
    employment = s.employment
    cash = s.cash
    notes = ["discharges the residual; taxes and child support stay owed"]
    if employment == "self_employed":
        costs = _COST_BANKRUPTCY_TRUSTEE
        notes.append(
            "self-employed: usually a 管財事件, 予納金 ¥500,000 or more (article) + lawyer about "
            "¥400,000 (¥400,000–¥800,000, marketing pages, L)"
        )
        if cash is not None and cash < 500_000:
            notes.append(f"the cash of {_yen_text(cash)} does not cover the 予納金")
    else:
        costs = _COST_BANKRUPTCY_SUMMARY
        notes.append(
            "no assets left after the sale: usually 同時廃止, court fees about ¥10,000–¥30,000 + "
            "lawyer about ¥300,000 (¥200,000–¥400,000, marketing pages, L); a 管財事件 would "
            "need a 予納金 of ¥500,000 or more"
        )
    notes.append("some jobs are barred until discharge (警備員, 士業, 保険外交員)")
    return _row(
        available=True,
        total_to_pay=0,
        monthly=0,
        months=0,
        extra_costs=costs,
        notes=notes,
    )


def _limitation_row(s: _Situation) -> Row:
    frame = s.frame
    creditor_type = s.creditor_type
    today = s.today
    limitation = s.limitation
    interest_note = s.interest_note
    notes: list[str] = []
    result = limitation
    if result is None:
        sale = first_value(frame, "sale_date")
        agreed = first_value(frame, "agreement_date")
        if sale is None and agreed is None:
            notes.append(
                "no sale_date: cannot estimate the limitation; pass limitation=limitation_date(...)"
            )
            return _row(
                available=False,
                total_to_pay=0,
                monthly=0,
                months=pd.NA,
                notes=notes,
            )
        anchor = sale if sale is not None else agreed
        merchant = creditor_type in ("bank", "guarantor")
        acks = [agreed.date()] if agreed is not None and sale is not None else []
        paying = first_value(frame, "resolution") == "installment"
        if paying:
            acks.append(today)  # payments assumed to continue up to as_of
        result = limitation_date(
            contract_date=None,
            claimable_from=anchor.date(),
            creditor_is_merchant=merchant,
            acknowledged_on=acks,
        )
        notes.append(
            "estimated: clock restarted at the sale (the proceeds paid part of the debt)"
            + (" and at the agreement" if acks else "")
            + (
                "; 5 years (bank or guarantee company)"
                if merchant
                else "; 10 years assumed (not a bank or guarantee company, or unknown)"
            )
            + "; pass limitation=limitation_date(...) with the real dates"
        )
        if paying:
            notes.append("instalments assumed paid up to as_of: each payment restarts the clock")
    available = limitation_complete(result, today)
    if result.completes_on is None:
        notes.append("a lawsuit is pending: completion is suspended")
    elif available:
        notes.append(
            f"complete since {result.completes_on + timedelta(days=1)}: invoke it (援用) by 内容証明郵便 "
            f"with 配達証明; do not pay or ask for time first (that forfeits it)"
        )
    else:
        notes.append(
            f"not yet: completes at the end of {result.completes_on} if nothing restarts it "
            f"(any payment or request for time restarts it; a judgment gives 10 years)"
        )
        notes.append(f"meanwhile {interest_note}")
    notes.append(
        "extra costs: a professional's fee, ¥20,000–¥100,000 (marketing pages, L); "
        "about ¥1,300–¥2,000 postage if sent alone"
    )
    return _row(
        available=available,
        total_to_pay=0,
        monthly=0,
        months=pd.NA,
        notes=notes,
    )


#: the ways out, in the order compare_paths shows them; a new one is one more record
WAYS_OUT: tuple[WayOut, ...] = (
    _way("lump_sum", 0, _lump_sum_row),
    _way("installment", 0, _installment_row),
    _way("voluntary_arrangement", _COST_VOLUNTARY, _voluntary_row),
    _way("rehabilitation", _COST_REHABILITATION, _rehabilitation_row),
    _way("bankruptcy", _COST_BANKRUPTCY_SUMMARY, _bankruptcy_row),
    _way("limitation", _COST_LIMITATION, _limitation_row),
)
