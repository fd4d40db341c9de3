"""clean_negotiations: a messy negotiation log (交渉履歴) → the clean log and its problems (§9).

One row per proposal, read from the same sources as the cases, with the same
header matching and values, and the same guarantees: every record is kept (a
bad cell is emptied and reported once; only a summary row, or the second copy
of the same proposal, is left out, and reported), no free text or personal
data reaches the output, an unreadable source is a one-line ``ReadError``.

The steps:

1. headers matched to the log's columns (their unit kept); others reported once;
2. summary rows left out; personal data emptied and masked;
3. each column's distinct raw values parsed once: dates (eras, Excel serials),
   amounts (万円, kanji, full width), parties, answers, kinds, and whole
   proposals in one cell (:mod:`~outcomes._cleaning.proposals`);
4. the parts put together: kind, lump part, monthly part, term; a full-claim
   demand takes the row's claimed amount; an instalment row's single amount is
   the monthly one (noted);
5. ranges and the case list: amounts, terms, dates, the sale date, unknown cases;
6. the counterparty matched as servicers are; the same proposal twice counted once;
7. rows put in date order within each case (a newest-first log noted).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from outcomes._arguments import as_day
from outcomes._cleaning.log_checks import case_table, check_log, check_negotiations
from outcomes._cleaning.log_contract import (
    KIND_CODES,
    LOG_DTYPES,
    OPTIONAL_LOG_COLUMNS,
    PARTY_CODES,
    REQUIRED_LOG_COLUMNS,
    RESPONSE_CODES,
    log_code_map,
    match_log_header,
)
from outcomes._cleaning.log_parts import (
    LogProblems,
    LogState,
    parse_kind,
    parse_log_term,
    parse_party,
    parse_response,
)
from outcomes._cleaning.log_words import LOG_KIND_WORDS, LOG_PARSE_WORDS
from outcomes._cleaning.problems import TablePair
from outcomes._cleaning.proposals import RANGE, TWO_PROPOSALS, parse_proposals
from outcomes._cleaning.read_log import read_negotiations
from outcomes._cleaning.wording import PERSONAL_DATA_WORDS, PROBLEM_KINDS, source_header_ja
from outcomes._contract import (
    DATE_DTYPE,
    SUMMARY_WORDS,
    YEN_UNITS,
    normalize_header,
    normalize_text,
)
from outcomes._format import check_language, fill
from outcomes._parse import parse_amount, parse_column, parse_date, parse_text
from outcomes._privacy import MASK, personal_data_kinds
from outcomes._registry import ServicersLike, match_servicers, suggest_servicers

__all__ = ["NegotiationLog", "clean_negotiations"]


@dataclass
class NegotiationLog(TablePair):
    """What :func:`clean_negotiations` returns; unpacks as ``log, problems``.

    Attributes
    ----------
    log : DataFrame
        The clean log (§9): one row per proposal, in date order within a case.
    problems : DataFrame
        ``row``, ``case_id``, ``column``, ``value``, ``kind`` (the case
        cleaner's kinds: ``out of range``, ``unreadable``, ``noted``,
        ``summary row``, …, and the log's ``unknown case`` and ``duplicate
        proposal``) and ``problem`` (a sentence in the run's language).
    rows_read : int
        Records in the input.
    codes : Series
        The code of each problem's sentence (``log.amount_negative``), same
        index as ``problems``: the keys of the catalogue ``LOG_PROBLEMS``.
    source, encoding, sheet : str or None
        Where the log came from.
    columns_used : dict
        Canonical column → the source header it was read from.
    language : {"en", "ja"}
    """

    table_field: ClassVar[str] = "log"

    log: pd.DataFrame
    problems: pd.DataFrame
    rows_read: int
    codes: pd.Series = field(default_factory=lambda: pd.Series(dtype="string"))
    source: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    columns_used: dict[str, str] = field(default_factory=dict)
    language: str = "en"

    def summary(self) -> str:
        """A few lines an analyst reads after cleaning the log."""
        ja = self.language == "ja"
        counts = self.problems["kind"].value_counts()
        lines = [
            f"{'交渉履歴' if ja else 'negotiation log'}: {self.source or ''}",
            f"{'読んだ行' if ja else 'rows read'}: {self.rows_read:,}",
            f"{'提案' if ja else 'proposals'}: {len(self.log):,}",
            f"{'問題' if ja else 'problems'}: {len(self.problems):,}",
        ]
        words = {**PROBLEM_KINDS, **LOG_KIND_WORDS}
        lines += [
            f"  {fill(words[kind], self.language, {}) if kind in words else kind}: {n:,}"
            for kind, n in counts.items()
        ]
        return "\n".join(lines)


def clean_negotiations(
    source: str | os.PathLike[str] | pd.DataFrame,
    cases: Any = None,
    *,
    sheet: str | int | None = None,
    table: str | None = None,
    query: str | None = None,
    language: str = "en",
    today: date | str | None = None,
    servicers: ServicersLike = None,
    firm_names: tuple[str, ...] = (),
) -> NegotiationLog:
    """Clean a negotiation log (交渉履歴) into the contract's log (case-records §9).

    Parameters
    ----------
    source : str, path-like or DataFrame
        A CSV (UTF-8, BOM or CP932), an ``.xlsx`` (the log's sheet is found by
        its headers), Parquet, a SQLAlchemy URL with `table` or `query`, or a
        DataFrame.
    cases : DataFrame or CleanResult, optional
        The clean case table. With it, amounts are checked against each case's
        residual debt, dates against its sale date, and a case id not in it is
        reported once.
    sheet, table, query
        As for :func:`~outcomes.read_cases`.
    language : {"en", "ja"}, default "en"
        The language of the problems' sentences.
    today : date or str, optional
        The day of cleaning: later dates are out of range. Default: today.
    servicers : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s), as for cleaning cases.
    firm_names : tuple of str, optional
        The firm's own names: written as the proposer, they are read as the
        debtor's side and reported, as ``当社`` is.

    Returns
    -------
    NegotiationLog
        Unpacks as ``log, problems``. The log's columns, exactly: ``case_id``
        (string), ``offered_on`` (datetime64[ns]), ``party`` (category:
        debtor, creditor), ``kind`` (category: lump_sum, installment, mixed,
        event), ``amount``, ``monthly_amount``, ``term_months`` (Int64; yen,
        and payments), ``response`` (category: accepted, rejected, countered,
        pending, lapsed, withdrawn; empty reads pending), then, only where the
        source has them, ``responded_on`` (datetime64[ns]), ``counterparty``
        (string) and ``claimed_amount`` (Int64).

    Raises
    ------
    ReadError
        The source cannot be read (one line).

    Examples
    --------
    >>> raw = pd.DataFrame({
    ...     "案件ID": ["A1", "A1", "A1"],
    ...     "提示日": ["R3.5.10", "令和3年4月1日", "2021/6/1"],
    ...     "提示者": ["当方", "サービサー", "当方"],
    ...     "提案内容": ["一括30万円", "月2万円×60回+一括50万円", "一括"],
    ...     "回答": ["対案", "拒否", "承諾"],
    ...     "金額(万円)": ["", "", "四十"],
    ... })
    >>> log, problems = clean_negotiations(raw, today="2026-01-01")
    >>> log[["offered_on", "party", "kind", "amount", "response"]]
      offered_on     party      kind  amount   response
    0 2021-04-01  creditor     mixed  500000   rejected
    1 2021-05-10    debtor  lump_sum  300000  countered
    2 2021-06-01    debtor  lump_sum  400000   accepted
    >>> log["monthly_amount"].tolist(), log["term_months"].tolist()
    ([20000, <NA>, <NA>], [60, <NA>, <NA>])
    >>> problems[["row", "kind"]].values.tolist()
    [[2, 'noted']]
    """
    language = check_language(language)
    today = as_day(today, "today")
    raw = read_negotiations(source, sheet=sheet, table=table, query=query)
    rows_read = len(raw)
    rows = (
        raw.index.to_numpy(dtype="int64")
        if raw.index.name == "row"
        else np.arange(2, len(raw) + 2, dtype="int64")
    )
    frame = raw.reset_index(drop=True)
    problems = LogProblems(language)
    columns, units = _match_columns(frame, problems)
    headers = {name: str(frame.columns[pos]) for name, pos in columns.items()}

    def header(name: str) -> tuple[str, str]:
        written = headers.get(name, name)
        return (source_header_ja(written, name), written)

    keep = _not_summary(frame, columns, rows, problems)
    frame, rows = frame[keep].reset_index(drop=True), rows[keep]
    text = {name: _raw_text(frame.iloc[:, pos]) for name, pos in columns.items()}
    cells = {name: _screen(name, frame.iloc[:, pos], text[name], rows, problems, header)
             for name, pos in columns.items()}  # fmt: skip
    state = LogState(len(frame), rows, text, problems, header)
    _parse_all(state, cells, units, firm_names)
    cases_table = case_table(cases)
    check_log(state, cases_table, today)
    counterparty = _counterparties(state, cells, servicers, "counterparty" in columns)
    case_ids = pd.Series(state.case_id, index=rows)
    keep = _duplicates(state, counterparty)
    order = _date_order(state, keep)
    log = _typed(state, counterparty, columns, order)
    check_negotiations(log, today)
    table = problems.frame(case_ids)
    codes = table.pop("code")
    return NegotiationLog(
        log=log,
        problems=table,
        codes=codes,
        rows_read=rows_read,
        source=raw.attrs.get("source"),
        encoding=raw.attrs.get("encoding"),
        sheet=raw.attrs.get("sheet"),
        columns_used=headers,
        language=language,
    )


# --------------------------------------------------------------------------
# Headers, summary rows, personal data
# --------------------------------------------------------------------------


def _match_columns(
    frame: pd.DataFrame, problems: LogProblems
) -> tuple[dict[str, int], dict[str, int]]:
    columns: dict[str, int] = {}
    units: dict[str, int] = {}
    for position, source in enumerate(frame.columns):
        name, unit = match_log_header(source)
        if name == "notes":
            continue  # free text: read, never copied
        if name is None:
            if str(source).strip():
                problems.add([1], str(source), [None], "log.not_in_contract", source=str(source))
            continue
        if name in columns:
            first = str(frame.columns[columns[name]])
            problems.add(
                [1], str(source), [None], "log.duplicate_column",
                source=str(source), name=name, first=first,
            )  # fmt: skip
            continue
        columns[name] = position
        if unit in YEN_UNITS:
            units[name] = YEN_UNITS[unit]
    return columns, units


def _not_summary(
    frame: pd.DataFrame, columns: dict[str, int], rows: np.ndarray, problems: LogProblems
) -> np.ndarray:
    """Rows that are not 合計/小計/… (by case id, or by the first non-empty cell)."""
    n = len(frame)
    first = np.full(n, "", dtype=object)
    texts = []
    for j in range(frame.shape[1]):
        codes, uniques = pd.factorize(frame.iloc[:, j].to_numpy(dtype=object))
        text = np.array([_cell(u) for u in uniques] + [""], dtype=object)[codes]
        texts.append(text)
        empty = first == ""
        first[empty] = text[empty]
    case = texts[columns["case_id"]] if "case_id" in columns else np.full(n, "", dtype=object)
    words = list(SUMMARY_WORDS)
    summary = np.isin(case, words) | ((case == "") & np.isin(first, words))
    if summary.any():
        problems.add(rows[summary], "case_id", [None] * int(summary.sum()), "log.summary_row")
    return ~summary


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return normalize_text(str(value))


def _raw_text(values: pd.Series) -> pd.Series:
    """The cells as the text written in the file (None where empty)."""
    out = []
    for v in values.tolist():
        if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) or v == "":
            out.append(None)
        elif isinstance(v, float) and v.is_integer():
            out.append(str(int(v)))
        elif isinstance(v, pd.Timestamp):
            out.append(v.isoformat(sep=" ").removesuffix(" 00:00:00"))
        else:
            out.append(str(v))
    return pd.Series(out, index=values.index, dtype=object)


#: the coded columns' own words, never taken for personal data
_WORDS = {
    "party": frozenset(log_code_map(PARTY_CODES)),
    "response": frozenset(log_code_map(RESPONSE_CODES)),
    "kind": frozenset(log_code_map(KIND_CODES)),
}


def _screen(
    name: str, values: pd.Series, text: pd.Series, rows: np.ndarray, problems: LogProblems, header
) -> pd.Series:
    """Empty and report (masked) the cells that look like personal data."""
    found = personal_data_kinds(text)
    mask = found.notna().to_numpy(copy=True)
    if name in _WORDS and mask.any():  # the column's own words (お客様) are not a person
        known = text[mask].map(lambda t: normalize_header(str(t)) in _WORDS[name])
        mask[np.flatnonzero(mask)[known.to_numpy(dtype=bool)]] = False
    if not mask.any():
        return values
    what = [PERSONAL_DATA_WORDS[k] for k in found[mask]]
    problems.add(
        rows[mask], name, [MASK] * int(mask.sum()), "log.personal_data",
        per_row={"what": what}, header=header(name),
    )  # fmt: skip
    text[mask] = MASK  # never repeated in a later problem
    return values.mask(mask, None)


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


def _reason_pairs(en: np.ndarray, ja: np.ndarray) -> list[tuple[str, str]]:
    """Each reason, already worded in both languages, as a (Japanese, English) pair."""
    return list(zip(ja.tolist(), en.tolist(), strict=True))


def _report_reasons(state: LogState, name: str, mask: np.ndarray, codes: np.ndarray,
                    en: np.ndarray, ja: np.ndarray) -> None:  # fmt: skip
    """Report the unreadable cells at ``mask``: two proposals and ranges by their own codes."""
    for problem, code in (("log.two_proposals", TWO_PROPOSALS), ("log.amount_range", RANGE)):
        hit = mask.copy()
        hit[mask] = codes == code
        state.report(hit, name, problem)
    keep = (codes != TWO_PROPOSALS) & (codes != RANGE)
    rest = mask.copy()
    rest[mask] = keep
    state.report(rest, name, "log.unreadable",
                 per_row={"reason": _reason_pairs(en[keep], ja[keep])})  # fmt: skip


def _parse_reported(state: LogState, name: str, values: pd.Series, parser, **kwargs: Any):
    """``parse_column`` of one column, its errors emptied and reported, its notes noted."""
    col = parse_column(values, parser, **kwargs)
    errors = col.error_mask()
    if errors.any():
        codes = col.error_codes_at(errors).to_numpy(dtype=object)
        en = col.errors_at(errors, "en", LOG_PARSE_WORDS).astype(str).to_numpy()
        ja = col.errors_at(errors, "ja", LOG_PARSE_WORDS).astype(str).to_numpy()
        _report_reasons(state, name, errors, codes, en, ja)
    return col


def _note_parse(state: LogState, name: str, col) -> None:
    notes = col.note_mask()
    if notes.any():
        en = col.notes_at(notes, "en").astype(str).to_numpy()
        ja = col.notes_at(notes, "ja").astype(str).to_numpy()
        state.report(notes, name, "log.noted", per_row={"reason": _reason_pairs(en, ja)})


def _proposal_frame(state: LogState, name: str, values: pd.Series, unit: int) -> pd.DataFrame:
    out = parse_proposals(values, unit)
    errors = out["error"].notna().to_numpy()
    if errors.any():
        codes = out["error_code"].to_numpy(dtype=object)[errors]
        en = out["error"].to_numpy(dtype=object)[errors].astype(str)
        ja = out["error_ja"].to_numpy(dtype=object)[errors].astype(str)
        _report_reasons(state, name, errors, codes, en, ja)
    notes = out["note"].notna().to_numpy()
    if notes.any():
        en = out["note"].to_numpy(dtype=object)[notes].astype(str)
        ja = out["note_ja"].to_numpy(dtype=object)[notes].astype(str)
        state.report(notes, name, "log.noted", per_row={"reason": _reason_pairs(en, ja)})
    return out


def _fill(target: np.ndarray, values: np.ndarray, froms: np.ndarray | None = None,
          source: str | None = None) -> None:  # fmt: skip
    """Fill the empty slots of ``target`` from ``values`` (and record where from)."""
    empty = np.isnan(target) & ~np.isnan(values)
    target[empty] = values[empty]
    if froms is not None:
        froms[empty] = source


def _parse_all(state: LogState, cells: dict[str, pd.Series], units: dict[str, int],
               firm_names: tuple[str, ...]) -> None:  # fmt: skip
    if "case_id" in cells:
        state.case_id = parse_column(cells["case_id"], parse_text).values.to_numpy(
            dtype=object, copy=True
        )
    for name in ("offered_on", "responded_on"):
        if name in cells:
            col = _parse_reported(state, name, cells[name], parse_date)
            _note_parse(state, name, col)
            setattr(state, name, col.typed(DATE_DTYPE).to_numpy(dtype=DATE_DTYPE, copy=True))
    if "party" in cells:
        col = _parse_reported(state, "party", cells["party"], parse_party, firm_names=firm_names)
        for i, value in enumerate(col.values.tolist()):
            if value is not None:
                state.party[i], state.party_name[i], state.firm[i] = value
    if "response" in cells:
        col = _parse_reported(state, "response", cells["response"], parse_response)
        raised = np.zeros(state.n, dtype=bool)
        for i, value in enumerate(col.values.tolist()):
            if value is not None:
                state.response[i], raised[i] = value
        state.report(raised, "response", "log.raise_without_figure")
    if "claimed_amount" in cells:
        unit = units.get("claimed_amount", 1)
        col = _parse_reported(state, "claimed_amount", cells["claimed_amount"], parse_amount,
                              unit=unit)  # fmt: skip
        _note_parse(state, "claimed_amount", col)
        state.claimed = col.typed("float64").to_numpy(dtype="float64", copy=True)
    if "term_months" in cells:
        col = _parse_reported(state, "term_months", cells["term_months"], parse_log_term)
        state.term = col.typed("float64").to_numpy(dtype="float64", copy=True)
    kind_code = np.full(state.n, None, dtype=object)
    open_ended = np.zeros(state.n, dtype=bool)
    bare_amount = np.zeros(state.n, dtype=bool)
    if "amount" in cells:
        p = _proposal_frame(state, "amount", cells["amount"], units.get("amount", 1))
        bare_amount = p["kind"].isna().to_numpy() & p["amount"].notna().to_numpy()
        _fill(state.amount, p["amount"].to_numpy(), state.amount_from, "amount")
        _fill(state.monthly, p["monthly"].to_numpy(), state.monthly_from, "amount")
        _fill(state.term, p["term"].to_numpy())
        kind_code = np.where(pd.isna(kind_code), p["kind"].to_numpy(dtype=object), kind_code)
        open_ended |= p["open_ended"].to_numpy()
        state.full |= p["full_claim"].to_numpy()
    if "monthly_amount" in cells:
        p = _proposal_frame(state, "monthly_amount", cells["monthly_amount"],
                            units.get("monthly_amount", 1))  # fmt: skip
        lump_only = (p["kind"] == "lump_sum").to_numpy()
        state.report(lump_only, "monthly_amount", "log.unreadable",
                     reason=("月額として読めません", "not a monthly amount"))  # fmt: skip
        monthly = np.where(p["kind"].isna(), p["amount"], p["monthly"])
        monthly[lump_only] = np.nan
        empty_before = np.isnan(state.monthly)
        state.monthly[~np.isnan(monthly)] = monthly[~np.isnan(monthly)]  # its own column wins
        state.monthly_from[~np.isnan(monthly)] = "monthly_amount"
        del empty_before
        _fill(state.amount, np.where(lump_only, np.nan, p["amount"].where(p["kind"].notna())))
        _fill(state.term, p["term"].to_numpy())
        open_ended |= p["open_ended"].to_numpy()
    if "kind" in cells:
        col = _parse_reported(state, "kind", cells["kind"], parse_kind,
                              unit=units.get("kind", 1))  # fmt: skip
        _note_parse(state, "kind", col)
        for i, value in enumerate(col.values.tolist()):
            if value is None:
                continue
            code, proposal = value
            if proposal is None:
                state.kind[i] = code
                continue
            state.kind[i] = code
            for target, part, froms in ((state.amount, proposal.amount, state.amount_from),
                                        (state.monthly, proposal.monthly, state.monthly_from),
                                        (state.term, proposal.term, None)):  # fmt: skip
                if part is not None and np.isnan(target[i]):
                    target[i] = part
                    if froms is not None:
                        froms[i] = "kind"
            open_ended[i] |= proposal.open_ended
            state.full[i] |= proposal.full_claim
            if code is None and proposal.amount is not None:
                bare_amount[i] = True
    _kinds(state, kind_code, bare_amount)
    state.term[open_ended & (state.monthly == state.monthly)] = np.nan  # open-ended: no total


def _kinds(state: LogState, from_cells: np.ndarray, bare: np.ndarray) -> None:
    """The kind of each row from its kind cell, else from the parts it has."""
    kind = state.kind
    none = pd.isna(kind)
    kind[none] = from_cells[none]
    has_amount = ~np.isnan(state.amount) | state.full
    has_monthly = ~np.isnan(state.monthly)
    single = (kind == "installment") & bare & ~has_monthly & (state.amount_from == "amount")
    if single.any():  # an instalment row's single amount is the monthly one (noted)
        state.report(single, "amount", "log.single_amount_monthly")
        state.monthly[single], state.amount[single] = state.amount[single], np.nan
        state.monthly_from[single] = "amount"
        has_amount, has_monthly = has_amount & ~single, has_monthly | single
    none = pd.isna(kind)
    kind[none & has_amount & has_monthly] = "mixed"
    kind[none & has_amount & ~has_monthly] = "lump_sum"
    kind[none & ~has_amount & has_monthly] = "installment"
    both = np.isin(kind.astype(str), ["lump_sum", "installment"]) & has_amount & has_monthly
    kind[both] = "mixed"


# --------------------------------------------------------------------------
# Counterparty, duplicates, order, dtypes
# --------------------------------------------------------------------------


def _counterparties(
    state: LogState, cells: dict[str, pd.Series], servicers: ServicersLike, present: bool
) -> np.ndarray | None:
    """The counterparty matched as servicers are; a party's company name fills an empty one."""
    if not present:
        return None
    values = parse_column(cells["counterparty"], parse_text).values
    names, found = match_servicers(values, servicers)
    out = names.to_numpy(dtype=object, na_value=None)
    unknown = ~found.to_numpy(dtype=bool) & pd.notna(out)
    looks = np.array([isinstance(x, str) and ("債権回収" in x or "サービサー" in x) for x in out])
    mask = unknown & looks
    if mask.any():
        suggest = {}
        for name in set(out[mask]):
            near = suggest_servicers(name, 3, servicers)
            suggest[name] = (
                f"(もしかして: {'、'.join(near)})" if near else "",
                f" (did you mean: {', '.join(near)}?)" if near else "",
            )
        state.report(mask, "counterparty", "log.unknown_counterparty",
                     per_row={"suggest": [suggest[x] for x in out[mask]]})  # fmt: skip
    empty = pd.isna(out) & pd.notna(state.party_name)
    out[empty] = state.party_name[empty]
    return out


def _duplicates(state: LogState, counterparty: np.ndarray | None) -> np.ndarray:
    """Rows to keep: the same proposal written twice counts once (the second reported)."""
    key = pd.DataFrame({
        "case_id": state.case_id, "counterparty": counterparty, "offered_on": state.offered_on,
        "party": state.party, "kind": state.kind, "amount": state.amount,
        "monthly": state.monthly, "term": state.term,
    })  # fmt: skip
    # a row whose day is unknown is never "the same day" as another
    has_id = key["case_id"].notna().to_numpy() & key["offered_on"].notna().to_numpy()
    dup = key.duplicated(keep="first").to_numpy() & has_id
    if dup.any():
        first_row = key.groupby(list(key.columns), dropna=False, sort=False).ngroup()
        firsts = pd.Series(state.rows).groupby(first_row.to_numpy()).transform("first")
        state.report(dup, "case_id", "log.duplicate", source="case_id",
                     per_row={"first": [str(v) for v in firsts.to_numpy()[dup]]})  # fmt: skip
    return ~dup


def _date_order(state: LogState, keep: np.ndarray) -> np.ndarray:
    """The kept rows' positions in date order within each case (cases in order of appearance)."""
    positions = np.flatnonzero(keep)
    ids = pd.Series(state.case_id[positions], dtype=object)
    dates = state.offered_on[positions]
    frame = pd.DataFrame({"case": pd.factorize(ids, use_na_sentinel=False)[0], "date": dates,
                          "pos": positions})  # fmt: skip
    dated = frame.dropna(subset=["date"])
    same = dated["case"].to_numpy()[1:] == dated["case"].to_numpy()[:-1]
    step = np.diff(dated["date"].to_numpy().astype("int64"))
    down, up = int((same & (step < 0)).sum()), int((same & (step > 0)).sum())
    newest_first = down > 0 and down > up
    if newest_first:
        state.problems.add([1], "offered_on", [None], "log.newest_first")
    elif down:
        bad_cases = set(dated["case"].to_numpy()[1:][same & (step < 0)])
        first = frame.drop_duplicates("case")
        first = first[first["case"].isin(bad_cases)]["pos"].to_numpy()
        mask = np.zeros(state.n, dtype=bool)
        mask[first] = True
        state.problems.add(state.rows[mask], "offered_on", [None] * int(mask.sum()),
                           "log.out_of_order")  # fmt: skip
    frame["within"] = -frame["pos"] if newest_first else frame["pos"]
    frame = frame.sort_values(["case", "date", "within"], na_position="last", kind="stable")
    return frame["pos"].to_numpy()


def _typed(state: LogState, counterparty: np.ndarray | None, columns: dict[str, int],
           order: np.ndarray) -> pd.DataFrame:  # fmt: skip
    """The clean log: the contract's columns (optional ones where the source has them), typed."""

    def ints(values: np.ndarray) -> pd.arrays.IntegerArray:
        x = values[order]
        missing = np.isnan(x)
        return pd.arrays.IntegerArray(np.where(missing, 0, np.rint(x)).astype("int64"), missing)

    data: dict[str, Any] = {
        "case_id": pd.array(state.case_id[order], dtype="string"),
        "offered_on": state.offered_on[order],
        "party": pd.Categorical(state.party[order], dtype=LOG_DTYPES["party"]),
        "kind": pd.Categorical(state.kind[order], dtype=LOG_DTYPES["kind"]),
        "amount": ints(state.amount),
        "monthly_amount": ints(state.monthly),
        "term_months": ints(state.term),
        "response": pd.Categorical(
            np.where(pd.isna(state.response), "pending", state.response)[order],
            dtype=LOG_DTYPES["response"],
        ),
        "responded_on": state.responded_on[order],
        "counterparty": pd.array(
            counterparty[order] if counterparty is not None else [None] * len(order),
            dtype="string",
        ),
        "claimed_amount": ints(state.claimed),
    }
    names = [*REQUIRED_LOG_COLUMNS, *(c for c in OPTIONAL_LOG_COLUMNS if c in columns)]
    out = pd.DataFrame({c: data[c] for c in names})
    return out
