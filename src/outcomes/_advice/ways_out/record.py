"""What every way out shares: the :class:`WayOut` record, and the helpers several builders use.

A way out's own file (``lump_sum.py``, ``installment.py`` …) holds its record,
its row builder, its notes and its labels; this module holds the record's
shape, the household's capacity, the servicer's role in words, the terms that
fit a capacity and the model quantiles. Every figure is an internal estimate
for the analyst, never a promise to the debtor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from outcomes._advice.notes import SOURCES, guarantor_effect, path_note
from outcomes._advice.situation import Note, Row, Situation
from outcomes._format import Yen
from outcomes._messages import Catalogue

__all__ = [
    "JHF_COLLECTORS",
    "SERVICER_TERM_MONTHS",
    "WayOut",
    "capacity_of",
    "ceil_div",
    "is_jhf_collector",
    "quantiles",
    "role_note",
    "row",
    "shortest_term",
    "to_thousand",
]

#: the four servicers JHF consigns its collection to (M): a JHF claim with one of them is
#: still a JHF claim, not sold
JHF_COLLECTORS: tuple[str, ...] = (
    "エム・ユー・フロンティア債権回収",
    "オリックス債権回収",
    "住宅債権管理回収機構",
    "三菱HCキャピタル債権回収",
)

#: a servicer that bought a claim may agree a fixed term of instalments and forgive the rest
SERVICER_TERM_MONTHS = 60

# Without a monthly budget, a plan above a fifth of take-home pay is taken as unaffordable
# (an assumption, not sourced).
_CAPACITY_INCOME_SHARE = 0.20


@dataclass(frozen=True)
class WayOut:
    """One way out of a residual debt, as :func:`compare_paths` shows it.

    Attributes
    ----------
    code : str
        The ``path`` code (also a ``resolution`` code of the clean table).
    labels : tuple of str
        Its name, ``(Japanese, English)``.
    credit_record : str
        What it leaves in the credit records.
    extra_costs : int or None
        Usual lawyers' and court costs in yen (estimates; the builder may
        give another figure for the case).
    build : callable
        ``build(situation) -> dict`` of ``available``, ``total_to_pay``,
        ``monthly``, ``months``, ``notes`` and ``sources`` (codes of
        :data:`~outcomes._advice.notes.SOURCES`).
    notes : mapping
        Its own notes, ``{key: (Japanese, English)}``.
    """

    code: str
    labels: tuple[str, str]
    credit_record: str
    extra_costs: int | None
    build: Callable[[Situation], Row]
    notes: Catalogue = field(default_factory=dict)

    @property
    def label_ja(self) -> str:
        """Its Japanese name."""
        return self.labels[0]

    def row(self, situation: Situation) -> dict[str, Any]:
        """The row of this way out for one case, in :data:`PATH_COLUMNS`.

        ``available`` is True (possible on what is known), False (not
        possible, or not to be counted on), or NA: not known, because it turns
        on a fact the case does not record (the notes say which). The sources
        are given by code and shown in both languages.
        """
        fields = {"extra_costs": self.extra_costs, "sources": [], **self.build(situation)}
        g, kind = situation.guarantor, situation.guarantor_kind
        codes = list(dict.fromkeys(fields["sources"]))
        return {
            "path": self.code,
            "label_ja": self.label_ja,
            "available": fields["available"],
            "total_to_pay": fields["total_to_pay"],
            "monthly": fields["monthly"],
            "months": fields["months"],
            "extra_costs": fields["extra_costs"],
            "credit_record": self.credit_record,
            "notes": "; ".join(n[1] for n in fields["notes"]),
            "notes_ja": "".join(f"{n[0]}。" for n in fields["notes"]),
            "guarantor": guarantor_effect(self.code, g, "en", kind),
            "guarantor_ja": guarantor_effect(self.code, g, "ja", kind),
            "sources": "; ".join(SOURCES[c][1] for c in codes),
            "sources_ja": "; ".join(SOURCES[c][0] for c in codes),
        }


def row(**fields: Any) -> Row:
    """A row builder's result: ``available``, ``total_to_pay``, ``monthly``, ``months``, …"""
    return fields


def to_thousand(amount: float) -> int:
    """Yen estimated from a ratio, to the nearest ¥1,000 (halves up).

    >>> to_thousand(188_098.4), to_thousand(98_500), to_thousand(400)
    (188000, 99000, 0)
    """
    return int(amount / 1_000 + 0.5) * 1_000


def ceil_div(a: int, b: int) -> int:
    """``a / b`` rounded up.

    >>> ceil_div(10, 3)
    4
    """
    return -(-a // b)


def capacity_of(income: int | None, budget: int | None) -> tuple[int | None, Note]:
    """What the household can pay a month, and the words for it: the budget, else a fifth of income."""
    if budget is not None:
        return budget, path_note("capacity_budget", budget=Yen(budget))
    if income is not None:
        cap = int(income * _CAPACITY_INCOME_SHARE)
        return cap, path_note("capacity_income", cap=Yen(cap))
    return None, ("", "")


def shortest_term(
    total: int, capacity: int | None, shortest: int, longest: int, unknown: int
) -> int:
    """Shortest term in [shortest, longest] months whose instalment fits the capacity.

    >>> shortest_term(1_000_000, 25_000, 36, 60, unknown=36), shortest_term(10, None, 36, 60, 60)
    (40, 60)
    """
    if capacity is None:
        return unknown
    for months in range(shortest, longest + 1):
        if ceil_div(total, months) <= capacity:
            return months
    return longest


def quantiles(model: Any, frame: pd.DataFrame, qs: Sequence[float]) -> np.ndarray | None:
    """The model's quantiles ``qs`` for the one-row ``frame``, or None if it has none."""
    method = getattr(model, "predict_quantiles", None)
    if method is None:
        return None
    values = np.asarray(method(frame, list(qs)), dtype=float).reshape(-1)
    return values if values.size == len(qs) else None


def is_jhf_collector(servicer: str | None) -> bool:
    """Whether ``servicer`` is one of the four collectors JHF consigns to.

    >>> is_jhf_collector("住宅債権管理回収機構"), is_jhf_collector("SMBC債権回収")
    (True, False)
    """
    return servicer is not None and any(name in servicer for name in JHF_COLLECTORS)


def role_note(s: Situation) -> Note | None:
    """The servicer's role in words, when a servicer is on the case."""
    if s.servicer is None:
        return None
    if s.creditor_type == "jhf":
        return path_note("role_jhf", servicer=s.servicer)
    if s.servicer_role == "bought":
        return path_note("role_bought", servicer=s.servicer)
    if s.servicer_role == "consigned":
        return path_note("role_consigned", servicer=s.servicer)
    extra = path_note("role_also_jhf") if is_jhf_collector(s.servicer) else ("", "")
    return path_note("role_unknown", servicer=s.servicer, extra=extra)
