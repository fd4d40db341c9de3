"""The legal facts of one case, in one record: :class:`LegalFacts`.

The law needs facts a case may not record: the contract's date, the day the
whole claim fell due (期限の利益喪失 or 代位弁済), whether a servicer bought the
claim or only collects it, a guarantor, a court's decision and its date, all
unsecured debt (B of 個人再生), and a limitation computed from the real dates.
A missing fact is *unknown*, never a default, and the ways out say what
depends on it.

:meth:`LegalFacts.of` reads each fact once, in one order: the value given by
the caller (a keyword of :func:`~outcomes.compare_paths` or a field of the
record passed to :class:`~outcomes._advice.advisor.Advisor`), else the clean
row's column, else the case's own key. Codes may be written as the cleaner
reads them (``受託`` → ``consigned``, ``あり`` → True, ``判決`` → ``judgment``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from outcomes._advice.case import first_value
from outcomes._arguments import as_date, as_yen
from outcomes._contract import (
    GUARANTOR_FALSE,
    GUARANTOR_TRUE,
    JUDGMENT_CODES,
    OPTIONAL_COLUMNS,
    SERVICER_ROLE_CODES,
)
from outcomes._errors import CaseError
from outcomes._law import LimitationResult

__all__ = ["LEGAL_FACTS", "LegalFacts"]

#: the optional facts of a case the law needs (columns of the clean table when present, or
#: keys of the case / fields of LegalFacts); a missing one is unknown, never a default
LEGAL_FACTS: tuple[str, ...] = OPTIONAL_COLUMNS
# the same words as the cleaner reads in these columns (contract §2), and the codes themselves
_JUDGMENTS = tuple(JUDGMENT_CODES)
_ROLE_WORDS = {
    **{code: code for code in SERVICER_ROLE_CODES},
    **{word: code for code, words in SERVICER_ROLE_CODES.items() for word in words},
}
_JUDGMENT_WORDS = {word: code for code, words in JUDGMENT_CODES.items() for word in words}
_TRUE_WORDS = {word.lower() for word in GUARANTOR_TRUE}
_FALSE_WORDS = {word.lower() for word in GUARANTOR_FALSE}


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _code(value: Any, name: str, words: dict[str, str], allowed: tuple[str, ...]) -> str | None:
    if _is_empty(value):
        return None
    text = str(value).strip()
    code = words.get(text, text)
    if code not in allowed:
        raise CaseError(f"{name} must be one of {', '.join(allowed)} (or empty), got {value!r}")
    return code


def _flag(value: Any, name: str) -> bool | None:
    if _is_empty(value):
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE_WORDS:
        return True
    if text in _FALSE_WORDS:
        return False
    raise CaseError(f"{name} must be true, false or empty, got {value!r}")


def _date(value: Any, name: str) -> date | None:
    return None if _is_empty(value) else as_date(value, name)


@dataclass(frozen=True)
class LegalFacts:
    """What the law needs to know about one case; every field may be unknown (None).

    Values are checked and read on construction: dates from anything
    :func:`~outcomes._arguments.as_date` reads, codes also as the contract's
    Japanese words.

    Attributes
    ----------
    contract_date : date or None
        The loan (or guarantee) contract's date: old or new 民法.
    default_date : date or None
        The day the whole claim became payable (期限の利益喪失, or 代位弁済).
    servicer_role : {"bought", "consigned"} or None
        Whether the servicer bought the claim (譲受) or collects it (受託).
    guarantor : bool or None
        Whether a 連帯保証人 or 連帯債務者 stands beside the debtor.
    judgment : {"judgment", "payment_order", "court_settlement", "none"} or None
        A title the creditor holds (判決, 支払督促, 裁判上の和解・調停), or none confirmed.
    judgment_date : date or None
        The day that title became final.
    unsecured_debt : int or None
        B of 民事再生法 §231 when the analyst knows it.
    limitation : LimitationResult or None
        From :func:`~outcomes.limitation_date` with the case's real dates.

    Examples
    --------
    >>> LegalFacts(servicer_role="受託", guarantor="あり").servicer_role
    'consigned'
    >>> LegalFacts(judgment="none", judgment_date="2020-01-01")
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseError: judgment is 'none' but judgment_date is 2020-01-01: give one or the other
    """

    contract_date: date | None = None
    default_date: date | None = None
    servicer_role: str | None = None
    guarantor: bool | None = None
    judgment: str | None = None
    judgment_date: date | None = None
    unsecured_debt: int | None = None
    limitation: LimitationResult | None = None

    def __post_init__(self) -> None:
        checked = {
            "contract_date": _date(self.contract_date, "contract_date"),
            "default_date": _date(self.default_date, "default_date"),
            "servicer_role": _code(
                self.servicer_role, "servicer_role", _ROLE_WORDS, ("bought", "consigned")
            ),
            "guarantor": _flag(self.guarantor, "guarantor"),
            "judgment": _code(self.judgment, "judgment", _JUDGMENT_WORDS, _JUDGMENTS),
            "judgment_date": _date(self.judgment_date, "judgment_date"),
            "unsecured_debt": None
            if self.unsecured_debt is None
            else as_yen(self.unsecured_debt, "unsecured_debt"),
        }
        for name, value in checked.items():
            object.__setattr__(self, name, value)
        if self.judgment == "none" and self.judgment_date is not None:
            raise CaseError(
                f"judgment is 'none' but judgment_date is {self.judgment_date}: "
                "give one or the other"
            )

    @classmethod
    def of(cls, case: Any, frame: pd.DataFrame, given: LegalFacts | None = None) -> LegalFacts:
        """The facts of ``case``: ``given``'s known fields, else the clean row's, else the case's keys.

        Parameters
        ----------
        case : mapping, Series or DataFrame
            The case as the caller gave it (its keys may hold facts the clean
            row has no column for).
        frame : DataFrame
            The case as a clean one-row frame.
        given : LegalFacts, optional
            Facts the caller gave; a field that is not None wins.
        """
        given = given or cls()
        raw: dict[str, Any] = {}
        for f in fields(cls):
            value = getattr(given, f.name)
            if value is None and f.name in LEGAL_FACTS:
                value = _raw_value(case, frame, f.name)
            if value is None and f.name == "unsecured_debt":
                value = _raw_value(case, frame, f.name)
            raw[f.name] = value
        return cls(**raw)

    def with_role(self, role: str | None) -> LegalFacts:
        """The same facts with another servicer role (a JHF claim's collectors are consigned)."""
        return replace(self, servicer_role=role)


def _raw_value(case: Any, frame: pd.DataFrame, name: str) -> Any:
    """A legal fact from the clean row when it has the column, else from the case as given."""
    if name in frame.columns:
        value = first_value(frame, name)
        return None if _is_empty(value) else value
    if isinstance(case, pd.DataFrame):
        value = case[name].iloc[0] if name in case.columns and len(case) == 1 else None
    elif isinstance(case, pd.Series | dict) or hasattr(case, "keys"):
        try:
            value = case[name] if name in case else None
        except (TypeError, KeyError):
            value = None
    else:
        value = None
    return None if _is_empty(value) else value
