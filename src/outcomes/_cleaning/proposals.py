"""A whole proposal in one cell (case-records §9): ``月2万円×60回+一括50万円`` → its parts.

A servicer's letter, and the analyst who copies it, write a proposal in one
cell: a monthly part (``月2万円×60回``, ``1万円/月``, ``¥10,000×60``), a lump
part (``一括50万円``, ``30万円(一括)``, ``頭金10万``), or both joined by ``+``.
Amounts follow §3 (万円, kanji numerals, full-width digits, a header's unit for
bare numbers) and terms too (``60回``, ``5年``). A monthly part with no term,
or written with 〜, 以上, 当面 or 見直し, is open-ended: it has no total.
``全額``/``全額一括`` is a demand for the whole claim (no figure here). What is
not one proposal is refused with a reason: two proposals in one cell
(``一括30万→拒否、50万なら可``), a range (``20〜30万円``), or text that is not
a proposal. The caller reports it; nothing is split or guessed.

:func:`parse_proposal` reads one cell; :func:`parse_proposals` a column, each
distinct raw value once.

Examples
--------
>>> parse_proposal("月2万円×60回+一括50万円").value
Proposal(kind='mixed', amount=500000, monthly=20000, term=60, open_ended=False, full_claim=False)
>>> parse_proposal("月1万円〜").value
Proposal(kind='installment', amount=None, monthly=10000, term=None, open_ended=True, full_claim=False)
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

import numpy as np
import pandas as pd

from outcomes._cleaning.log_contract import FULL_CLAIM_WORDS
from outcomes._cleaning.log_words import LOG_PARSE_WORDS, PROPOSAL_REASONS
from outcomes._contract import MISSING_MARKERS, normalize_header
from outcomes._errors import ParseError
from outcomes._messages import Message
from outcomes._parse import Parsed, parse_amount, parse_column, parse_term

__all__ = [
    "NOT_A_PROPOSAL",
    "RANGE",
    "TWO_PROPOSALS",
    "Proposal",
    "parse_proposal",
    "parse_proposals",
]

#: the reasons :func:`parse_proposal` refuses a cell with (the cleaner maps them to codes)
#: the codes of the proposal parser's refusals (their words: ``log_words.PROPOSAL_REASONS``)
TWO_PROPOSALS = "proposal.two"
RANGE = "proposal.range"
NOT_A_PROPOSAL = "proposal.unreadable"


def _refused(code: str) -> ParseError:
    """The parser's refusal: its code, and its English sentence as ``str()``."""
    return ParseError(PROPOSAL_REASONS[code][1], Message(code))


class Proposal(NamedTuple):
    """What one cell proposes.

    ``kind`` is ``"lump_sum"``, ``"installment"``, ``"mixed"`` or None (a bare
    amount whose kind the row's other cells tell); ``amount`` the lump part,
    ``monthly`` the monthly part and ``term`` its number of payments (None:
    open-ended or not given); ``full_claim`` a demand for the whole claim.
    """

    kind: str | None
    amount: int | None = None
    monthly: int | None = None
    term: int | None = None
    open_ended: bool = False
    full_claim: bool = False


_EMPTY = Parsed(None)
_TIMES = re.compile(
    r"(?<=[0-9万千百十円〇一二三四五六七八九])[xX*✕](?=[0-9〇一二三四五六七八九十])"
)
_SEPARATORS = re.compile(r"→|⇒|->|なら|または|又は|もしくは|、|;|。|,(?![0-9]{3})")
_NUMBER = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[〇一二三四五六七八九十百千]+")
_RANGE = re.compile(r"[0-9〇一二三四五六七八九十百千][万千円]?~[0-9〇一二三四五六七八九十]")
_ANNOTATION = re.compile(r"\(([^()]*)\)")
_FORGIVEN = re.compile(r"(?:残額免除|残債免除|残りは?免除|残額は?免除|完済扱い)$")
_OPEN_WORDS = re.compile(r"当面|見直し")
_FORGIVENESS_ONLY = frozenset({"免除のみ", "免除申請", "支払不能", "全額免除"})
_FULL = frozenset(normalize_header(w) for w in FULL_CLAIM_WORDS)
_LUMP_WORDS = "一括払い|一括弁済|一括返済|一括和解|一括|頭金|一時金|和解金|一部弁済"
_MONTHLY_PREFIX = r"(?:分割で?|分割払いで?)?(?:月々|毎月|月額|月払い|月)"
_MONTHLY = (
    re.compile(rf"^{_MONTHLY_PREFIX}に?(?P<a>[^×~]+?)(?P<o>~|以上|から)?(?:×(?P<t>[^×~]+?))?$"),
    re.compile(r"^(?:分割で?)?(?P<a>[^×~/]+?)(?:/月|/毎月|毎月)(?P<o>~|以上)?(?:×(?P<t>.+))?$"),
    re.compile(r"^(?:分割で?)?(?P<a>[^×~]+?)×(?P<t>[^×~]+)$"),
    re.compile(r"^分割(?:払い)?で?(?P<a>[^×~]+?)(?P<o>~|以上)?$"),
)
_LUMP = (
    re.compile(rf"^(?:{_LUMP_WORDS})(?:で|に|払い)?(?P<a>.+)$"),
    re.compile(rf"^(?P<a>.+?)(?:を|で)?(?:{_LUMP_WORDS})(?:で|払い)?$"),
)


def _normal(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"\s+", "", t).replace("〜", "~").replace("～", "~").replace("＋", "+")
    return _TIMES.sub("×", t)


def _amount(text: str, unit: int, notes: list[Message]) -> int:
    parsed = parse_amount(text, unit)
    if parsed.value is None:
        raise _refused(NOT_A_PROPOSAL)
    notes.extend(parsed.notes)
    return int(parsed.value)


def _term(text: str) -> int:
    value = parse_term(text).value
    if value is None:
        raise _refused(NOT_A_PROPOSAL)
    return int(value)


def _annotations(t: str) -> tuple[str, set[str], int | None]:
    """The cell without its bracketed notes, what they said, and a term they gave."""
    flags: set[str] = set()
    term = None
    for inner in _ANNOTATION.findall(t):
        if inner in ("一括", "一括払い", "一括で", "一括弁済"):
            flags.add("lump")
        elif inner in ("分割", "分割払い", "月払い", "毎月"):
            flags.add("monthly")
        elif _OPEN_WORDS.search(inner):
            flags.add("open")
        elif re.search("まで|迄|期限|免除|完済", inner):
            pass  # a deadline or the rest forgiven: not a term of the amount
        elif re.search("[0-9〇一二三四五六七八九十]", inner):
            try:
                term = _term(inner)
            except ParseError:
                raise _refused(NOT_A_PROPOSAL) from None
    return _ANNOTATION.sub("", t), flags, term


def parse_proposal(raw: object, unit: int = 1) -> Parsed:
    """Read one cell holding a proposal.

    Parameters
    ----------
    raw : object
        The cell (text, or a typed number: a bare amount).
    unit : int, default 1
        The header's unit for bare numbers (``10_000`` for 万円); a unit written
        in the value wins (§2).

    Returns
    -------
    Parsed
        ``value`` a :class:`Proposal` (None for an empty cell); ``note`` the
        amounts' notes (``approximate``).

    Raises
    ------
    ParseError
        :data:`TWO_PROPOSALS`, :data:`RANGE` or :data:`NOT_A_PROPOSAL`.

    Examples
    --------
    >>> parse_proposal("一括30万円").value.amount, parse_proposal("30万円(一括)").value.kind
    (300000, 'lump_sum')
    >>> p = parse_proposal("月1万円×5年").value
    >>> p.kind, p.monthly, p.term
    ('installment', 10000, 60)
    >>> parse_proposal("月5千円(1年毎見直し)").value.open_ended
    True
    >>> parse_proposal("全額一括").value
    Proposal(kind='lump_sum', amount=None, monthly=None, term=None, open_ended=False, full_claim=True)
    >>> parse_proposal("30", unit=10_000).value
    Proposal(kind=None, amount=300000, monthly=None, term=None, open_ended=False, full_claim=False)
    >>> parse_proposal("一括30万→拒否、50万なら可")
    Traceback (most recent call last):
    ...
    outcomes._errors.ParseError: two proposals in one cell
    >>> parse_proposal("20〜30万円")
    Traceback (most recent call last):
    ...
    outcomes._errors.ParseError: a range of amounts, not one
    """
    if not isinstance(raw, str):
        parsed = parse_amount(raw, unit)
        if parsed.value is None:
            return _EMPTY
        return Parsed(Proposal(None, int(parsed.value)), parsed.notes)
    if _blank(raw):
        return _EMPTY
    t = _normal(raw)
    if _SEPARATORS.search(t):
        raise _refused(TWO_PROPOSALS if len(_NUMBER.findall(t)) >= 2 else NOT_A_PROPOSAL)
    if _RANGE.search(t):
        raise _refused(RANGE)
    t, flags, annotated_term = _annotations(t)
    t = _FORGIVEN.sub("", t)
    if _OPEN_WORDS.search(t):
        flags.add("open")
        t = _OPEN_WORDS.sub("", t)
    if normalize_header(t) in _FULL:
        return Parsed(Proposal("lump_sum", full_claim=True))
    if t in _FORGIVENESS_ONLY:
        return Parsed(Proposal("lump_sum", 0))
    notes: list[Message] = []
    monthly: tuple[int, int | None, bool] | None = None
    lump: int | None = None
    bare: int | None = None
    full = False
    parts = [p for p in t.split("+") if p]
    if not parts:
        raise _refused(NOT_A_PROPOSAL)
    for part in parts:
        kind, value = _part(part, unit, notes)
        if kind == "monthly":
            if monthly is not None:
                raise _refused(NOT_A_PROPOSAL)
            monthly = value
        elif kind == "full":
            full = True
        elif (lump if kind == "lump" else bare) is not None:
            raise _refused(NOT_A_PROPOSAL)
        elif kind == "lump":
            lump = value
        else:
            bare = value
    if bare is not None and (lump is not None or full):
        raise _refused(NOT_A_PROPOSAL)
    if bare is not None and monthly is None and not {"lump", "monthly"} & flags:
        return Parsed(Proposal(None, bare), _notes(notes))
    if bare is not None:
        if "monthly" in flags and monthly is None:
            monthly = (bare, annotated_term, False)
        else:
            lump = bare
    if monthly is None and annotated_term is not None:
        raise _refused(NOT_A_PROPOSAL)
    if monthly is None:
        return Parsed(Proposal("lump_sum", lump, full_claim=full), _notes(notes))
    amount, term, open_ended = monthly
    if term is None:
        term = annotated_term
    open_ended = open_ended or "open" in flags or term is None
    kind = "installment" if lump is None and not full else "mixed"
    return Parsed(
        Proposal(kind, lump, amount, None if open_ended else term, open_ended, full),
        _notes(notes),
    )


def _blank(raw: str) -> bool:
    return unicodedata.normalize("NFKC", raw).strip().casefold() in MISSING_MARKERS


def _notes(notes: list[Message]) -> tuple[Message, ...]:
    return tuple(dict.fromkeys(notes))


def _part(part: str, unit: int, notes: list[Message]) -> tuple[str, object]:
    """One ``+``-separated part: ("monthly", (amount, term, open)), ("lump", amount), ("full", None) or ("bare", amount)."""
    if normalize_header(part) in _FULL:
        return "full", None
    for pattern in _MONTHLY:
        m = pattern.fullmatch(part)
        if m is None:
            continue
        try:
            amount = _amount(m["a"], unit, notes)
        except ParseError:
            continue
        groups = m.groupdict()
        term = _term(groups["t"]) if groups.get("t") else None
        return "monthly", (amount, term, bool(groups.get("o")))
    for pattern in _LUMP:
        m = pattern.fullmatch(part)
        if m is None:
            continue
        if normalize_header(m["a"]) in _FULL:
            return "full", None
        try:
            return "lump", _amount(m["a"], unit, notes)
        except ParseError:
            continue
    try:
        return "bare", _amount(part, unit, notes)
    except ParseError:
        raise _refused(NOT_A_PROPOSAL) from None


_FIELDS = ("kind", "amount", "monthly", "term", "open_ended", "full_claim")


def parse_proposals(values: pd.Series, unit: int = 1) -> pd.DataFrame:
    """:func:`parse_proposal` of a column, each distinct raw value read once.

    Returns
    -------
    DataFrame
        Same index as ``values``: ``kind`` (object), ``amount``, ``monthly``,
        ``term`` (float64, NaN when absent), ``open_ended``, ``full_claim``
        (bool), and the notes and errors in English (``note``, ``error``) and
        Japanese (``note_ja``, ``error_ja``), None where there is none.

    Examples
    --------
    >>> out = parse_proposals(pd.Series(["一括30万円", None, "一括30万円", "x"]))
    >>> out["amount"].tolist(), out["error"].iloc[-1]
    ([300000.0, nan, 300000.0, nan], 'not a proposal')
    """
    col = parse_column(values, parse_proposal, unit=unit)
    distinct = col.distinct
    table = {f: np.empty(len(distinct), dtype=object) for f in _FIELDS}
    for i, p in enumerate(distinct):
        for f in _FIELDS:
            table[f][i] = getattr(p, f) if p is not None else None
    codes = col.codes
    out = {}
    for f in _FIELDS:
        taken = table[f][codes]  # code -1 takes the last slot (empty)
        if f in ("amount", "monthly", "term"):
            out[f] = pd.to_numeric(pd.Series(taken, dtype=object), errors="coerce").to_numpy(
                dtype="float64"
            )
        elif f in ("open_ended", "full_claim"):
            out[f] = taken == True  # noqa: E712  (None is False)
        else:
            out[f] = taken
    everywhere = np.ones(len(codes), dtype=bool)
    for language, suffix in (("en", ""), ("ja", "_ja")):
        out["note" + suffix] = col.notes_at(everywhere, language).to_numpy(dtype=object)
        out["error" + suffix] = col.errors_at(everywhere, language, LOG_PARSE_WORDS).to_numpy(
            dtype=object
        )
    out["error_code"] = col.error_codes_at(everywhere).to_numpy(dtype=object)
    return pd.DataFrame(out, index=values.index)
