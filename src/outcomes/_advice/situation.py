"""What the row builders of the ways out read about one case: :class:`Situation`, and what they return.

Built once per case by :func:`~outcomes._advice.paths.make_paths` from the clean
row, its legal facts (:class:`~outcomes._advice.facts.LegalFacts`) and the
household; read by every row builder of
:mod:`~outcomes._advice.ways_out`. Nothing is computed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from outcomes._law import LimitationResult

__all__ = ["Note", "Row", "Situation"]

#: one note in both languages: (Japanese, English), from :func:`~outcomes._advice.notes.path_note`
Note = tuple[str, str]

#: what a row builder returns: available (True, False or NA = not known), total_to_pay,
#: monthly, months, notes (a list of (Japanese, English) notes), sources (a list of str) and,
#: when it differs from the record's, extra_costs
Row = dict[str, Any]


@dataclass(frozen=True)
class Situation:
    """Everything the row builders read about one case and the household."""

    frame: pd.DataFrame  # the clean row
    query: pd.DataFrame  # the clean row with as_of as its empty agreement date (for the models)
    residual: int
    creditor: str | None
    creditor_type: str | None
    servicer: str | None
    servicer_role: str | None  # "bought", "consigned", or None = unknown (or no servicer)
    employment: str | None
    income: int | None
    cash: int | None
    budget: int | None
    capacity: int | None
    capacity_text: Note
    interest_note: Note
    rate: float
    rate_source: str
    today: date
    limitation: LimitationResult | None
    ratio_model: Any
    monthly_model: Any
    contract_date: date | None = None
    default_date: date | None = None
    guarantor: bool | None = None
    judgment: str | None = None
    judgment_date: date | None = None
    unsecured_debt: int | None = None
    originator: str | None = None  # who first lent: a creditor-type code or a name
    originator_type: str | None = None  # its creditor type
    guarantor_kind: str | None = None  # "guarantor", "co_debtor", or None = not known
    bars_to_discharge: bool | None = None
    sale_date: date | None = None
    model_knows_roles: bool = False
    debtor_is_merchant: bool | None = (
        None  # borrowed as a merchant (for a business)  # the ratio model learned servicer_role from its training
    )
