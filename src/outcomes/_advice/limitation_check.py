"""The limitation inside every offer: never price a debt the debtor need not pay (issue 25).

An offer, single or batch, first estimates the case's 消滅時効 as the 時効援用 row
of the ways out does (:func:`~outcomes._advice.ways_out.limitation.estimate_limitation`).
Where it has run, or may have (不明), the offer says so on its first line:
proposing a settlement or a reduction, or paying anything, after completion as a
rule forfeits the 援用 (最判昭和41年4月20日), so its amounts are figures for after
a 弁護士 has ruled the limitation out. The status is a code:

- ``"run"`` — complete on every reading of the facts;
- ``"may_have_run"`` — complete on one reading (the 5 years of an unknown
  period, a title without its date, a settlement's unknown due dates);
- ``"not_run"`` — not complete on any reading;
- ``"unknown"`` — nothing dates the claim (no sale, no agreement).

The sentences are in :data:`~outcomes._advice.wording.PHRASES`. Whether a
limitation holds is a legal assessment for a 弁護士 (弁護士法 §72).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from outcomes._advice.facts import LegalFacts, originator_type
from outcomes._advice.ways_out.limitation import LimitationEstimate, estimate_limitation
from outcomes._advice.wording import say

__all__ = [
    "LIMITATION_STATUSES",
    "case_limitation",
    "limitation_status",
    "limitation_warning",
    "table_limitation",
]

#: the limitation status of an offer, worst first
LIMITATION_STATUSES: tuple[str, ...] = ("run", "may_have_run", "not_run", "unknown")

#: the columns of a clean table the estimate reads
_READ = (
    "sale_date",
    "agreement_date",
    "resolution",
    "creditor",
    "creditor_type",
    "employment",
    "contract_date",
    "default_date",
    "judgment",
    "judgment_date",
)


def case_limitation(frame: pd.DataFrame, facts: LegalFacts, today: date) -> LimitationEstimate:
    """The limitation of one clean case (as recorded) with its legal ``facts`` on ``today``."""
    row = {name: _value(frame[name].iloc[0]) for name in _READ if name in frame.columns}
    return _estimate(
        row,
        today,
        limitation=facts.limitation,
        originator=facts.originator,
        contract_date=facts.contract_date,
        default_date=facts.default_date,
        judgment=facts.judgment,
        judgment_date=facts.judgment_date,
        debtor_is_merchant=facts.debtor_is_merchant,
    )


def _value(value: Any) -> Any:
    """A clean cell as a plain value: None for a missing one, a date for a timestamp."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _estimate(row: dict[str, Any], today: date, **facts: Any) -> LimitationEstimate:
    originator = facts.pop("originator", None)
    return estimate_limitation(
        today=today,
        sale=row.get("sale_date"),
        agreed=row.get("agreement_date"),
        paying=row.get("resolution") == "installment",
        creditor=row.get("creditor"),
        creditor_type=row.get("creditor_type"),
        originator=originator,
        originator_type=originator_type(originator),
        employment=row.get("employment"),
        **facts,
    )


def limitation_status(estimate: LimitationEstimate) -> str:
    """The status code of an estimate (see the module notes).

    Examples
    --------
    >>> limitation_status(LimitationEstimate(pd.NA, None))
    'unknown'
    """
    if estimate.result is None:
        return "unknown"
    if estimate.available is pd.NA:
        return "may_have_run"
    return "run" if estimate.available else "not_run"


def limitation_warning(status: str, language: str) -> str | None:
    """The first line of an offer whose limitation has run or may have; None otherwise.

    Examples
    --------
    >>> limitation_warning("run", "en")[:47]
    'Warning: on this estimate the limitation has ru'
    >>> limitation_warning("not_run", "ja") is None
    True
    """
    if status == "run":
        return say("limitation_run", language)
    if status == "may_have_run":
        return say("limitation_may_have_run", language)
    return None


def table_limitation(cases: pd.DataFrame, today: date) -> np.ndarray:
    """The limitation status of every case of a clean table; each distinct case history once.

    The clean table's own columns (``contract_date``, ``default_date``, ``judgment``,
    ``judgment_date`` when present) are its legal facts.
    """
    present = [c for c in _READ if c in cases.columns]
    if not len(cases):
        return np.array([], dtype=object)
    frame = cases[present]
    # each distinct history once: groups numbered in order of first appearance, NA a value
    if present:
        codes = frame.groupby(present, dropna=False, sort=False).ngroup().to_numpy()
        distinct = frame.drop_duplicates()
    else:  # no fact recorded: one history shared by every case
        codes = np.zeros(len(cases), dtype=np.intp)
        distinct = frame.iloc[:1]
    statuses = []
    for values in distinct.astype(object).itertuples(index=False, name=None):
        row = {name: _value(v) for name, v in zip(present, values, strict=True)}
        estimate = _estimate(
            row,
            today,
            contract_date=row.get("contract_date"),
            default_date=row.get("default_date"),
            judgment=row.get("judgment"),
            judgment_date=row.get("judgment_date"),
        )
        statuses.append(limitation_status(estimate))
    return np.asarray(statuses, dtype=object)[codes]
