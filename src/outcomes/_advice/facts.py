"""The legal facts of one case, in one record: :class:`LegalFacts`.

The law needs facts a case may not record: the contract's date, the day the
whole claim fell due (期限の利益喪失 or 代位弁済), whether a servicer bought the
claim or only collects it, who first lent (the originator, whose kind decides
the limitation period when a servicer is recorded as the creditor), a
guarantor or joint debtor and which of the two, a court's decision and its
date, grounds that may bar a discharge, all unsecured debt (B of 個人再生),
and a limitation computed from the real dates.
A missing fact is *unknown*, never a default, and the ways out say what
depends on it.

:meth:`LegalFacts.of` reads each fact once, in one order: the value given by
the caller (a keyword of :func:`~outcomes.compare_paths` or a field of the
record passed to :class:`~outcomes._advice.advisor.Advisor`), else the clean
row's column, else the case's own key. Codes may be written as the cleaner
reads them (``受託`` → ``consigned``, ``あり`` → True, ``判決`` → ``judgment``,
``連帯債務者`` → ``co_debtor``). The kind of guarantor is also read from the
case's own header (a key ``連帯債務者`` or ``連帯保証人``), and from the
cleaner's ``noted`` problem for that header (:func:`noted_facts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from outcomes._advice.case import first_value
from outcomes._arguments import as_date, as_yen
from outcomes._contract import (
    CREDITOR_TYPES,
    GUARANTOR_FALSE,
    GUARANTOR_KIND_HEADERS,
    GUARANTOR_TRUE,
    JUDGMENT_CODES,
    OPTIONAL_COLUMNS,
    SERVICER_ROLE_CODES,
    creditor_type_of,
    guarantor_header_kind,
    match_header,
    normalize_text,
)
from outcomes._errors import CaseError
from outcomes._law import LimitationResult

__all__ = [
    "GUARANTOR_KINDS",
    "LEGAL_FACTS",
    "LegalFacts",
    "header_kind",
    "noted_facts",
    "originator_type",
]

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
#: the kinds of person beside the debtor: a guarantor (保証人, 連帯保証人) or a joint debtor
GUARANTOR_KINDS: tuple[str, ...] = ("guarantor", "co_debtor")
_KIND_WORDS = {**{code: code for code in GUARANTOR_KINDS}, **GUARANTOR_KIND_HEADERS}
#: facts that are not columns of the clean table but may be keys of a case
_CASE_KEY_FACTS = (
    "unsecured_debt",
    "originator",
    "guarantor_kind",
    "bars_to_discharge",
    "debtor_is_merchant",
)


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


def _originator(value: Any) -> str | None:
    """The originator as a creditor-type code (``bank``) or a name (``○○信用金庫``), normalised."""
    if _is_empty(value):
        return None
    text = normalize_text(str(value))
    if not text:
        return None
    return text


def originator_type(originator: str | None) -> str | None:
    """The creditor type of an originator given as a code or a name (None when unknown).

    Examples
    --------
    >>> originator_type("shinkin"), originator_type("○○信用金庫"), originator_type("JHF")
    ('shinkin', 'shinkin', 'jhf')
    """
    if originator is None:
        return None
    if originator.lower() in CREDITOR_TYPES:
        return originator.lower()
    return creditor_type_of(originator) or "other"


@dataclass(frozen=True)
class LegalFacts:
    """What the law needs to know about one case; every field may be unknown (None).

    Values are checked and read on construction: dates as dates, ISO text or
    the contract's date forms (``R1.4.30``), codes also as the contract's
    Japanese words (``受託``, ``あり``, ``判決``).

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
    guarantor_kind : {"guarantor", "co_debtor"} or None
        Which of the two: a guarantor (保証人, 連帯保証人; 民法 §457(1): the
        debtor's acknowledgement renews the limitation against them too) or a
        joint debtor (連帯債務者: one joint loan, such as フラット35 収入合算;
        §441: it does not). A ペアローン spouse borrowed a separate loan and is
        usually the **連帯保証人** of the debtor's: ``"guarantor"``, not
        ``"co_debtor"``. ``None`` = not known: the ways out give both rules.
    judgment : {"judgment", "payment_order", "court_settlement", "none"} or None
        A title the creditor holds (判決, 支払督促, 裁判上の和解・調停), or none confirmed.
    judgment_date : date or None
        The day that title became final.
    unsecured_debt : int or None
        B of 民事再生法 §231 when the analyst knows it.
    originator : str or None
        Who first lent (the claim's originator): a creditor-type code
        (``bank``, ``shinkin``, ``jhf``, ``guarantor``, …) or a name
        (``○○信用金庫``). Needed when the creditor recorded is a servicer that
        bought the claim: the assignment keeps the claim's limitation period,
        which the originator's merchant status decides.
    bars_to_discharge : bool or None
        Whether a ground that may bar a bankruptcy discharge is known
        (免責不許可事由, 破産法 §252(1): gambling or waste, paying some creditors
        or relatives first, hiding assets …); ``None`` = not asked yet.
    limitation : LimitationResult or None
        From :func:`~outcomes.limitation_date` with the case's real dates.
    debtor_is_merchant : bool or None
        Whether the debtor borrowed as a merchant (for a business) when the
        claim arose: then old 商法 §522's 5 years apply whoever lent (商法
        §3(1); a 信用保証協会's 求償権: 最判昭和42年10月6日). ``None`` = not
        known: a 信用保証協会 claim (it guarantees only business loans) or a
        self-employed debtor gets both dates; anyone else is taken as not a
        merchant. A key of the case (``debtor_is_merchant``), not a column of
        the contract.

    Examples
    --------
    >>> LegalFacts(servicer_role="受託", guarantor="あり").servicer_role
    'consigned'
    >>> from outcomes import CaseError
    >>> try:
    ...     LegalFacts(judgment="none", judgment_date="2020-01-01")
    ... except CaseError as error:
    ...     print(error)
    judgment is 'none' but judgment_date is 2020-01-01: give one or the other
    """

    contract_date: date | None = None
    default_date: date | None = None
    servicer_role: str | None = None
    guarantor: bool | None = None
    judgment: str | None = None
    judgment_date: date | None = None
    unsecured_debt: int | None = None
    limitation: LimitationResult | None = None
    originator: str | None = None
    guarantor_kind: str | None = None
    bars_to_discharge: bool | None = None
    debtor_is_merchant: bool | None = None

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
            "originator": _originator(self.originator),
            "guarantor_kind": _code(
                None
                if _is_empty(self.guarantor_kind)
                else normalize_text(str(self.guarantor_kind)),
                "guarantor_kind",
                _KIND_WORDS,
                GUARANTOR_KINDS,
            ),
            "bars_to_discharge": _flag(self.bars_to_discharge, "bars_to_discharge"),
            "debtor_is_merchant": _flag(self.debtor_is_merchant, "debtor_is_merchant"),
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
            if value is None and (f.name in LEGAL_FACTS or f.name in _CASE_KEY_FACTS):
                value = _raw_value(case, frame, f.name)
            raw[f.name] = value
        if raw["guarantor_kind"] is None:
            raw["guarantor_kind"] = _kind_from_headers(case)
        return cls(**raw)

    def with_role(self, role: str | None) -> LegalFacts:
        """The same facts with another servicer role (a JHF claim's collectors are consigned)."""
        return replace(self, servicer_role=role)


def _case_items(case: Any) -> list[tuple[str, Any]]:
    """The keys and values of a case as the caller gave it (a one-row frame: its first row)."""
    if isinstance(case, pd.DataFrame):
        return [] if len(case) != 1 else [(str(k), case[k].iloc[0]) for k in case.columns]
    if isinstance(case, pd.Series | dict) or hasattr(case, "items"):
        try:
            return [(str(k), v) for k, v in case.items()]
        except (TypeError, AttributeError):
            return []
    return []


def header_kind(header: object) -> str | None:
    """The kind of guarantor a header of the guarantor column names, if it names one.

    ``連帯債務者`` → ``co_debtor``; ``連帯保証人`` and ``保証人`` → ``guarantor``; a
    header that names neither (``保証人の有無``, ``guarantor``) → None. A
    trailing bracket (``連帯債務者(有無)``) is ignored.

    Examples
    --------
    >>> header_kind("連帯債務者"), header_kind("連帯保証人（有無）"), header_kind("保証人の有無")
    ('co_debtor', 'guarantor', None)
    """
    return guarantor_header_kind(header)  # the contract's one reading (issue 24)


def _kind_from_headers(case: Any) -> str | None:
    """The kind of guarantor the case's own header tells (``連帯債務者`` → ``co_debtor``).

    Only a header of the guarantor column that names one kind, with a value
    that is not "none", counts; two headers of different kinds tell nothing.
    """
    kinds = set()
    for key, value in _case_items(case):
        if match_header(key)[0] != "guarantor" or _is_empty(value):
            continue
        kind = header_kind(key)
        if kind is not None and str(value).strip().lower() not in _FALSE_WORDS:
            kinds.add(kind)
    return kinds.pop() if len(kinds) == 1 else None


def noted_facts(
    problems: pd.DataFrame | None, columns_used: Mapping[str, str] | None = None
) -> LegalFacts:
    """The legal facts the cleaner noted about a case's headers (the kind of guarantor).

    The cleaner keeps the contract's one ``guarantor`` column, and notes once
    when its header was ``連帯債務者`` (a joint debtor, not a guarantor): the
    problem's ``value`` is the header. ``columns_used`` (of a
    :class:`~outcomes._cleaning.CleanResult`: each column's source header) tells
    the kind of either header (``連帯保証人`` → ``guarantor`` too) and wins over
    the note. Pass the facts to
    :meth:`Advisor.paths <outcomes._advice.advisor.Advisor.paths>`.

    Examples
    --------
    >>> problems = pd.DataFrame({"row": [1], "column": ["guarantor"], "value": ["連帯債務者"],
    ...                          "problem": ["noted: …"]})
    >>> noted_facts(problems).guarantor_kind
    'co_debtor'
    >>> noted_facts(None).guarantor_kind is None
    True
    >>> noted_facts(None, {"guarantor": "連帯保証人"}).guarantor_kind
    'guarantor'
    """
    header = (columns_used or {}).get("guarantor")
    if header is not None and header_kind(header) is not None:
        return LegalFacts(guarantor_kind=header_kind(header))
    if problems is None or not len(problems) or "column" not in problems.columns:
        return LegalFacts()
    rows = problems[(problems["column"].astype(str) == "guarantor") & (problems["row"] == 1)]
    kinds = {header_kind(v) for v in rows["value"].dropna().astype(str)}
    kinds.discard(None)
    return LegalFacts(guarantor_kind=kinds.pop() if len(kinds) == 1 else None)


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
