"""The negotiation log's pieces: its problems collector and the parsers of its coded cells.

:class:`LogProblems` gathers problems as codes with their fields and renders
each distinct one once, in the run's language, from
:data:`~outcomes._cleaning.log_words.LOG_PROBLEMS`; its table has the case
cleaner's columns (``row``, ``case_id``, ``column``, ``value``, ``kind``,
``problem``), ``kind`` the case cleaner's kinds (``out of range``, …), and
beside it the code of each sentence (``log.amount_negative``). The parsers read a party
(:func:`parse_party`), an answer (:func:`parse_response`), a kind or a whole
proposal written in the kind column (:func:`parse_kind`) and a term that may
be open-ended (:func:`parse_log_term`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from outcomes._cleaning.log_contract import (
    FIRM_WORDS,
    KIND_CODES,
    NEGOTIATION_COLUMNS,
    PARTY_CODES,
    RAISE_WORDS,
    RESPONSE_CODES,
    log_code_map,
)
from outcomes._cleaning.log_words import LOG_KINDS, LOG_PROBLEMS
from outcomes._cleaning.proposals import parse_proposal
from outcomes._contract import DATE_DTYPE, MISSING_MARKERS, creditor_type_of, normalize_header
from outcomes._errors import ParseError
from outcomes._messages import Message, render
from outcomes._parse import Parsed, parse_term
from outcomes._registry import match_servicer

__all__ = [
    "LogState",
    "LOG_PROBLEM_COLUMNS",
    "LogProblems",
    "parse_kind",
    "parse_log_term",
    "parse_party",
    "parse_response",
]

#: the problems table's columns, as the case cleaner's (with the code in ``kind``)
LOG_PROBLEM_COLUMNS: tuple[str, ...] = ("row", "case_id", "column", "value", "kind", "problem")

_PARTIES = log_code_map(PARTY_CODES)
_FIRM = frozenset(normalize_header(w) for w in FIRM_WORDS)
_RESPONSES = log_code_map(RESPONSE_CODES)
_RAISES = tuple(normalize_header(w) for w in RAISE_WORDS)
_KINDS = log_code_map(KIND_CODES)
_ARROW = re.compile(r"→|⇒|->")
_BRACKETS = re.compile(r"\([^()]*\)$")
_OPEN_TERM = re.compile(r"~|〜|～|以上|当面|見直し|無期限")


def _missing(raw: object) -> bool:
    if raw is None or raw is pd.NA or raw is pd.NaT:
        return True
    if isinstance(raw, float) and np.isnan(raw):
        return True
    return isinstance(raw, str) and unicodedata.normalize("NFKC", raw).strip().casefold() in (
        MISSING_MARKERS
    )


def parse_party(raw: object, firm_names: tuple[str, ...] = ()) -> Parsed:
    """Who proposed (§9): value ``(code, company name or None, firm)``.

    ``code`` is ``debtor`` or ``creditor``; a company name the creditor rules
    or the servicer registry match is the creditor's side, and its name comes
    along (it fills an empty counterparty); ``firm`` is True where the firm
    itself (当社) was written, read as the debtor's side and reported.

    Examples
    --------
    >>> parse_party("当方").value, parse_party("サービサー").value
    (('debtor', None, False), ('creditor', None, False))
    >>> parse_party("当社").value
    ('debtor', None, True)
    >>> parse_party("ｱﾋﾞﾘｵ債権回収㈱").value
    ('creditor', 'アビリオ債権回収', False)
    """
    if _missing(raw):
        return Parsed(None)
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    key = normalize_header(text)
    if key in _FIRM or key in {normalize_header(f) for f in firm_names}:
        return Parsed(("debtor", None, True))
    if key in _PARTIES:
        return Parsed((_PARTIES[key], None, False))
    name, found = match_servicer(text)
    if name is not None and found:
        return Parsed(("creditor", name, False))
    if creditor_type_of(text) not in (None, "other"):
        return Parsed(("creditor", text, False))
    raise ParseError("not a party", Message("party.unreadable"))


def parse_response(raw: object) -> Parsed:
    """The final answer to a row (§9): value ``(code, more_without_figure)``.

    ``内諾→稟議否決`` reads its last answer; 増額要請 without a figure is
    rejected (and noted), with a figure it is a counter-proposal.

    Examples
    --------
    >>> parse_response("内諾").value, parse_response("OK").value
    (('pending', False), ('accepted', False))
    >>> parse_response("内諾→稟議否決").value, parse_response("増額要請").value
    (('rejected', False), ('rejected', True))
    >>> parse_response("増額要請(50万)").value
    ('countered', False)
    """
    if _missing(raw):
        return Parsed(None)
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    parts = [p for p in _ARROW.split(text) if p.strip()]
    text = parts[-1] if parts else text
    key = normalize_header(text)
    if key in _RESPONSES:
        return Parsed((_RESPONSES[key], False))
    bare = normalize_header(_BRACKETS.sub("", text))
    if bare in _RESPONSES:
        return Parsed((_RESPONSES[bare], False))
    if key.startswith(_RAISES):
        if re.search(r"[0-9〇一二三四五六七八九十]", key):
            return Parsed(("countered", False))  # a figure: the other side's terms
        return Parsed(("rejected", True))
    raise ParseError("not a response", Message("response.unreadable"))


def parse_kind(raw: object, unit: int = 1) -> Parsed:
    """The kind column: a kind word (value ``(code, None)``) or a whole proposal (``(kind, Proposal)``).

    Examples
    --------
    >>> parse_kind("分割").value
    ('installment', None)
    >>> parse_kind("受任通知").value
    ('event', None)
    >>> kind, proposal = parse_kind("一括30万円").value
    >>> kind, proposal.amount
    ('lump_sum', 300000)
    """
    if _missing(raw):
        return Parsed(None)
    key = normalize_header(unicodedata.normalize("NFKC", str(raw)))
    if key in _KINDS:
        return Parsed((_KINDS[key], None))
    try:
        parsed = parse_proposal(raw, unit)
    except ParseError as exc:
        if exc.message is not None and exc.message.code == "proposal.unreadable":
            raise ParseError("not a kind", Message("kind.unreadable")) from None
        raise
    if parsed.value is None:
        return Parsed(None)
    return Parsed((parsed.value.kind, parsed.value), parsed.notes)


def parse_log_term(raw: object) -> Parsed:
    """A term of the log: ``60回``, ``5年``; open-ended words (〜, 当面, 見直し) are empty.

    Examples
    --------
    >>> parse_log_term("5年").value, parse_log_term("当面").value, parse_log_term("1年毎見直し").value
    (60, None, None)
    """
    if isinstance(raw, str) and _OPEN_TERM.search(unicodedata.normalize("NFKC", raw)):
        return Parsed(None)
    return parse_term(raw)


class LogProblems:
    """Problems as codes and fields; each distinct sentence rendered once at the end.

    Examples
    --------
    >>> p = LogProblems("en")
    >>> p.add([3], "amount", ["-5万"], "log.amount_negative", header=("「金額」", "金額"))
    >>> table = p.frame(pd.Series(["A1"], index=[3]))
    >>> table.loc[0, "case_id"], table.loc[0, "kind"], table.loc[0, "code"]
    ('A1', 'out of range', 'log.amount_negative')
    >>> table.loc[0, "problem"]
    'out of range: 金額 is below ¥0; emptied'
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._rows: list[tuple[int, str, object, str, tuple[tuple[str, Any], ...]]] = []

    def add(
        self,
        rows: Any,
        column: str,
        values: Any,
        code: str,
        per_row: Mapping[str, Any] | None = None,
        **fields: Any,
    ) -> None:
        """One problem per row of ``rows``; ``per_row`` holds fields that differ by row."""
        rows = list(np.asarray(rows, dtype="int64"))
        values = list(values) if not isinstance(values, str) else [values] * len(rows)
        extra = {k: list(v) for k, v in (per_row or {}).items()}
        for i, row in enumerate(rows):
            f = dict(fields)
            for k, v in extra.items():
                f[k] = v[i]
            self._rows.append((int(row), column, values[i], code, tuple(sorted(f.items()))))

    def frame(self, case_ids: pd.Series) -> pd.DataFrame:
        """The problems table, sorted by row and the log's column order, and each row's ``code``."""
        order = {c: i for i, c in enumerate(NEGOTIATION_COLUMNS)}
        cache: dict[tuple[str, tuple[tuple[str, Any], ...]], str] = {}
        records = []
        for row, column, value, code, fields in self._rows:
            key = (code, fields)
            if key not in cache:
                cache[key] = render(Message(code, dict(fields)), self.language, LOG_PROBLEMS)
            text = (
                None if value is None or (isinstance(value, float) and np.isnan(value)) else value
            )
            records.append(
                (
                    row,
                    column,
                    None if text is None else str(text),
                    LOG_KINDS[code],
                    cache[key],
                    code,
                )
            )
        out = pd.DataFrame(records, columns=["row", "column", "value", "kind", "problem", "code"])
        ids = case_ids[~case_ids.index.duplicated()]
        out.insert(1, "case_id", out["row"].map(ids) if len(out) else pd.Series(dtype=object))
        out["_order"] = out["column"].map(order).fillna(-1)
        out = out.sort_values(["row", "_order"], kind="stable").drop(columns="_order")
        out = out.reset_index(drop=True)
        out["row"] = out["row"].astype("Int64")
        for c in (*LOG_PROBLEM_COLUMNS[1:], "code"):
            out[c] = out[c].astype("string")
        return out[[*LOG_PROBLEM_COLUMNS, "code"]]


class LogState:
    """The working columns, one numpy array each, and what reporting needs."""

    def __init__(self, n: int, rows: np.ndarray, text: dict, problems: LogProblems, header):
        self.n, self.rows, self.text, self.problems, self.header = n, rows, text, problems, header
        nan = np.full(n, np.nan)
        self.case_id = np.full(n, None, dtype=object)
        self.offered_on = np.full(n, np.datetime64("NaT"), dtype=DATE_DTYPE)
        self.responded_on = self.offered_on.copy()
        self.party = np.full(n, None, dtype=object)
        self.kind = np.full(n, None, dtype=object)
        self.response = np.full(n, None, dtype=object)
        self.amount, self.monthly, self.term, self.claimed = nan, nan.copy(), nan.copy(), nan.copy()
        self.full = np.zeros(n, dtype=bool)
        self.firm = np.zeros(n, dtype=bool)
        self.party_name = np.full(n, None, dtype=object)
        # where each amount came from (for the problems' column and value)
        self.amount_from = np.full(n, "amount", dtype=object)
        self.monthly_from = np.full(n, "monthly_amount", dtype=object)

    def report(self, mask: np.ndarray, column: str, code: str, source: str | None = None,
               per_row: dict | None = None, **fields: Any) -> None:  # fmt: skip
        if not mask.any():
            return
        source = source or column
        values = self.text.get(source, pd.Series([None] * self.n))[mask]
        fields.setdefault("header", self.header(source))
        self.problems.add(self.rows[mask], column, values.tolist(), code, per_row, **fields)

    def source_of(self, froms: np.ndarray, mask: np.ndarray) -> dict[str, np.ndarray]:
        """Rows of ``mask`` split by the source column their value came from."""
        return {c: mask & (froms == c) for c in np.unique(froms[mask])} if mask.any() else {}
