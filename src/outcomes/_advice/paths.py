"""The ways out of one residual debt, side by side: :func:`compare_paths`.

One :class:`~outcomes._advice.ways_out.WayOut` record per way out — its code, label,
credit record, usual extra costs and the function that builds its row — in
:data:`~outcomes._advice.ways_out.WAYS_OUT` (:mod:`outcomes._advice.ways_out`), in the order
shown: 一括和解, 分割弁済, 任意整理, 個人再生, 自己破産, 時効援用. A new way out
(say 特定調停) is one more record and one row builder there. This module reads
the case and its legal facts into one situation, builds the table, and renders
it per language (:func:`render_paths`).

The legal arithmetic (the 個人再生 minimum, the limitation, 遅延損害金) is in
:mod:`outcomes._law.statutes`; the labels in :mod:`outcomes._format`; turning a
case into a clean row in :mod:`outcomes._advice.case`. Everything is
deterministic: the only input that depends on the calendar is ``as_of``,
which defaults to today. Every figure is an internal estimate for the analyst,
never a promise to the debtor.

Figures marked (H) come from a statute or official text, (M) from one good
secondary source, (L) from marketing pages or anecdotes; see
``shared/spec/domain.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from outcomes._advice.case import CaseLike, case_from_mapping, first_value, with_as_of
from outcomes._advice.notes import (
    CREDIT_RECORD,
    PATH_LABELS,
    SOURCE_LABELS_JA,
    Yen,
    guarantor_effect,
    path_note,
)
from outcomes._advice.ways_out import (
    JHF_COLLECTORS,
    WAYS_OUT,
    WayOut,
    _capacity,
    _Situation,
)
from outcomes._advice.wording import ESTIMATE_NOTICE
from outcomes._arguments import as_date, as_day, as_yen, renamed_keywords
from outcomes._contract import (
    GUARANTOR_FALSE,
    GUARANTOR_TRUE,
    JUDGMENT_CODES,
    OPTIONAL_COLUMNS,
    SERVICER_ROLE_CODES,
)
from outcomes._errors import CaseError
from outcomes._format import check_language, creditor_label, format_yen, pad, text_width

# the statute blocks are imported from here by older code; their home is _statutes
from outcomes._law.statutes import (  # noqa: F401
    DEFAULT_RATES,
    REHABILITATION_DEBT_LIMIT,
    LimitationResult,
    default_interest,
    default_rate,
    limitation_complete,
    limitation_date,
    originator_is_merchant,
    rehabilitation_claims,
    rehabilitation_minimum,
)

__all__ = [
    "CREDIT_RECORD",
    "DEFAULT_RATES",
    "ESTIMATE_NOTICE",
    "JHF_COLLECTORS",
    "LEGAL_FACTS",
    "PATH_COLUMNS",
    "REHABILITATION_DEBT_LIMIT",
    "WAYS_OUT",
    "WayOut",
    "compare_paths",
    "render_paths",
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
    "notes_ja",
    "guarantor",
    "sources",
)

#: the optional facts of a case the law needs (columns of the clean table when present, or
#: keys of the case / keywords of compare_paths); a missing one is unknown, never a default
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


def _raw_value(case: Any, frame: pd.DataFrame, name: str) -> Any:
    """A legal fact from the clean row when it has the column, else from the case as given."""
    if name in frame.columns:
        return first_value(frame, name)
    if isinstance(case, pd.DataFrame):
        return case[name].iloc[0] if name in case.columns and len(case) == 1 else None
    if isinstance(case, pd.Series | dict) or hasattr(case, "keys"):
        try:
            return case[name] if name in case else None
        except (TypeError, KeyError):
            return None
    return None


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _code(value: Any, name: str, words: dict[str, str], allowed: Sequence[str]) -> str | None:
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


def _legal_facts(case: Any, frame: pd.DataFrame, given: dict[str, Any]) -> dict[str, Any]:
    """The optional legal facts: a keyword wins, then the clean row's column, then the case's key."""
    raw = {
        name: given[name] if given.get(name) is not None else _raw_value(case, frame, name)
        for name in LEGAL_FACTS
    }
    facts = {
        "contract_date": as_date(None if _is_empty(raw["contract_date"]) else raw["contract_date"],
                                 "contract_date"),
        "default_date": as_date(None if _is_empty(raw["default_date"]) else raw["default_date"],
                                "default_date"),
        "servicer_role": _code(raw["servicer_role"], "servicer_role", _ROLE_WORDS,
                               ("bought", "consigned")),
        "guarantor": _flag(raw["guarantor"], "guarantor"),
        "judgment": _code(raw["judgment"], "judgment", _JUDGMENT_WORDS, _JUDGMENTS),
        "judgment_date": as_date(None if _is_empty(raw["judgment_date"]) else raw["judgment_date"],
                                 "judgment_date"),
    }  # fmt: skip
    if facts["judgment"] == "none" and facts["judgment_date"] is not None:
        raise CaseError(
            f"judgment is 'none' but judgment_date is {facts['judgment_date']}: give one or the other"
        )
    return facts


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
    contract_date: date | str | None = None,
    default_date: date | str | None = None,
    servicer_role: str | None = None,
    guarantor: bool | None = None,
    judgment: str | None = None,
    judgment_date: date | str | None = None,
    unsecured_debt: int | None = None,
) -> pd.DataFrame:
    """The ways out of one residual debt, side by side: internal estimates, not advice.

    Every figure is an internal estimate from past cases for the analyst,
    not legal advice and not a promise to the debtor; negotiating with the
    creditor is for a 弁護士 (弁護士法 §72). The table carries that notice in
    ``table.attrs["notice"]`` ({language: text}, :data:`ESTIMATE_NOTICE`) and
    :func:`render_paths` prints it.

    The law needs facts the case may not record: ``contract_date``,
    ``default_date`` (期限の利益喪失), ``servicer_role`` (``"bought"`` or
    ``"consigned"``), ``guarantor`` (a 連帯保証人 or 連帯債務者 exists),
    ``judgment`` (``"judgment"``, ``"payment_order"``, ``"court_settlement"``
    or ``"none"``) and ``judgment_date``. Each is read from the keyword, else
    from the clean row's column, else from the case's key; a missing one is
    *unknown*, and the rows say what depends on it.

    One row per path:

    - ``lump_sum`` (一括和解): a one-off payment, the rest forgiven. With
      ``ratio_model``, its predicted settlement ratio (and 10%/90% quantiles
      in the notes); without, a rule of thumb — a servicer that bought the
      claim about 5% (1.7%–10%; applied with a warning when the servicer's
      role is unknown), other claims about 10% (an assumption). With
      ``cash_available`` below the typical figure but above the low one, the
      best estimate is the cash. Not expected from JHF, which keeps its claims
      (its four collectors work on consignment) and rarely forgives.
    - ``installment`` (分割弁済): with ``monthly_model`` its prediction;
      without, ``budget``, else 5% of take-home pay in ¥5,000 steps
      within ¥5,000–¥20,000, else ¥10,000. Only a servicer that bought the
      claim may agree a fixed 60 months with the rest forgiven (the article's
      ¥10,000 × 5 years), and only if written into the agreement; otherwise
      (consigned, JHF, role unknown, no servicer) payments are open-ended
      (``months`` empty) and the whole residual stays owed.
    - ``voluntary_arrangement`` (任意整理): the principal over 36–60 months,
      future interest cut; the shortest term that fits the budget; through a
      弁護士 when a claim is over ¥1.4M.
    - ``rehabilitation`` (個人再生): :func:`rehabilitation_minimum` of B over
      36 months, up to 60, where B is ``unsecured_debt`` when given, else the
      residual plus 遅延損害金 from ``default_date`` to an estimated opening
      order (the notes show the minimum on the residual alone too);
      unavailable above ¥50M or without continuing income (a pension counts).
    - ``bankruptcy`` (自己破産): pays nothing of the residual; costs of 同時廃止,
      or of a 少額管財 (予納金 about ¥200,000) for the self-employed.
    - ``limitation`` (時効援用): available only when the limitation is complete
      on ``as_of`` (with 10 years when the period is not known; both dates
      are in the notes); "complete" always carries the judgment / 支払督促
      caveat unless ``judgment="none"`` was confirmed.

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
        paid part of the debt) or at a later agreement, the period from the
        originator's merchant status (unknown → both dates), 10 years from a
        recorded judgment.
    contract_date, default_date, judgment_date : date, optional
        The legal facts above (also read from the case).
    servicer_role : {"bought", "consigned"}, optional
    guarantor : bool, optional
    judgment : {"judgment", "payment_order", "court_settlement", "none"}, optional
    unsecured_debt : int, optional
        B of 民事再生法 §231 when the analyst knows it (all unsecured claims
        with accrued interest and damages).

    Returns
    -------
    DataFrame
        Columns ``path``, ``label_ja``, ``available`` (bool), ``total_to_pay``,
        ``monthly``, ``months``, ``extra_costs`` (Int64 yen), ``credit_record``,
        ``notes``, ``guarantor`` (what the path does to a guarantor) and
        ``sources`` (str); ``attrs["notice"]`` holds the notice.

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
    ...     servicer_role="bought",
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
    >>> "弁護士" in table.attrs["notice"]["en"]
    True
    """
    frame = case_from_mapping(case)
    residual = first_value(frame, "residual_debt")
    if residual is None:
        raise CaseError("the case has no residual_debt; it is needed to compare paths")
    residual = int(residual)
    cash = None if cash_available is None else as_yen(cash_available, "cash_available")
    budget = None if budget is None else as_yen(budget, "budget")
    today = as_day(as_of, "as_of")

    facts = _legal_facts(
        case,
        frame,
        {
            "contract_date": contract_date,
            "default_date": default_date,
            "servicer_role": servicer_role,
            "guarantor": guarantor,
            "judgment": judgment,
            "judgment_date": judgment_date,
        },
    )
    unsecured = None if unsecured_debt is None else as_yen(unsecured_debt, "unsecured_debt")
    creditor_type = first_value(frame, "creditor_type")
    servicer = first_value(frame, "servicer")
    role = facts["servicer_role"]
    if creditor_type == "jhf":
        if role == "bought":
            raise CaseError(
                "servicer_role is 'bought' but the creditor is JHF, which keeps its claims and "
                "consigns their collection: check the creditor or the role"
            )
        role = "consigned" if servicer is not None else None
    income = first_value(frame, "monthly_income")
    income = None if income is None else int(income)
    capacity, capacity_text = _capacity(income, budget)

    rate = first_value(frame, "delinquency_rate")
    if rate is None:
        rate, whose = default_rate(creditor_type, facts["contract_date"])
        whose_ja = (
            f"{creditor_label(creditor_type, 'ja')}の通常の利率(推定)"
            if creditor_type != "jfc"
            else "日本政策金融公庫の利率(契約日で異なる、推定)"
        )
    else:
        whose, whose_ja = "the contract's rate", "契約の利率"
    yearly = default_interest(residual, today, today + timedelta(days=365), float(rate))
    situation = _Situation(
        frame=frame,
        # the models see an agreement made on the day of the comparison, as opening_offer does
        query=with_as_of(frame, today),
        residual=residual,
        creditor=first_value(frame, "creditor"),
        creditor_type=creditor_type,
        servicer=servicer,
        servicer_role=role,
        employment=first_value(frame, "employment"),
        income=income,
        cash=cash,
        budget=budget,
        capacity=capacity,
        capacity_text=capacity_text,
        interest_note=path_note(
            "interest", yearly=Yen(yearly), rate=float(rate) * 100, whose=(whose_ja, whose)
        ),
        rate=float(rate),
        rate_source=whose,
        today=today,
        limitation=limitation,
        ratio_model=ratio_model,
        monthly_model=monthly_model,
        contract_date=facts["contract_date"],
        default_date=facts["default_date"],
        guarantor=facts["guarantor"],
        judgment=facts["judgment"],
        judgment_date=facts["judgment_date"],
        unsecured_debt=unsecured,
    )
    table = pd.DataFrame([way.row(situation) for way in WAYS_OUT], columns=list(PATH_COLUMNS))
    dtypes = {
        "path": "str",
        "label_ja": "str",
        "available": "bool",
        "credit_record": "str",
        "notes": "str",
        "notes_ja": "str",
        "guarantor": "str",
        "sources": "str",
    }
    dtypes.update(dict.fromkeys(("total_to_pay", "monthly", "months", "extra_costs"), "Int64"))
    table = table.astype(dtypes)
    table.attrs["notice"] = dict(ESTIMATE_NOTICE)
    # an unseen or unmatched servicer: a warning per language, rendered first (wt-offer9)
    from outcomes._advice.wording import servicer_warning
    from outcomes._registry import servicer_status, servicers_seen

    st = servicer_status(first_value(frame, "servicer"), servicers_seen(ratio_model))
    table.attrs["warnings"] = {
        lang: [w]
        for lang in ("ja", "en")
        if (w := servicer_warning(st.status, st.name, st.suggestions, lang))
    }
    return table


# ==========================================================================
# One rendering per language
# ==========================================================================

_HEADERS = {
    "ja": ("方法", "可否", "支払総額", "月額", "期間", "別途費用(目安)"),
    "en": ("way out", "possible", "total to pay", "monthly", "months", "extra costs (est.)"),
}


def render_paths(table: pd.DataFrame, language: str = "ja") -> str:
    """The :func:`compare_paths` table as text for the analyst, in one language.

    Japanese: the Japanese names, yen as ``30万円``, 可/不可 instead of
    True/False, the Japanese notes (``notes_ja``) and sources; English: the
    English names, notes and ``¥300,000`` (no ``label_ja``). Below the table:
    each path's notes and what it does to a guarantor, the sources as
    numbered footnotes, and the notice (:data:`ESTIMATE_NOTICE`).

    Examples
    --------
    >>> text = render_paths(compare_paths({"residual_debt": 3_200_000, "creditor": "公庫"},
    ...                                   as_of=date(2024, 6, 1)), "ja")
    >>> "100万円" in text, "True" in text, "弁護士法72条" in text, "the residual" in text
    (True, False, True, False)
    """
    language = check_language(language)
    ja = language == "ja"
    index = 0 if ja else 1

    def yen(v: Any) -> str:
        return "—" if pd.isna(v) else format_yen(int(v), language)

    def months(v: Any, total: Any) -> str:
        if pd.isna(v):
            return "—" if pd.isna(total) else ("期限なし" if ja else "open-ended")
        return f"{int(v)}か月" if ja else str(int(v))

    rows = [list(_HEADERS[language])]
    for r in table.itertuples(index=False):
        rows.append(
            [
                PATH_LABELS[r.path][index],
                ("可" if r.available else "不可") if ja else ("yes" if r.available else "no"),
                yen(r.total_to_pay),
                yen(r.monthly),
                months(r.months, r.total_to_pay),
                yen(r.extra_costs),
            ]
        )
    widths = [max(text_width(row[j]) for row in rows) for j in range(len(rows[0]))]
    lines = [
        "  ".join(pad(v, w, right=j >= 2) for j, (v, w) in enumerate(zip(row, widths, strict=True)))
        for row in rows
    ]
    footnotes: dict[str, int] = {}
    for r in table.itertuples(index=False):
        refs = []
        for src in (x for x in str(getattr(r, "sources", "") or "").split("; ") if x):
            shown = SOURCE_LABELS_JA.get(src, src) if ja else src
            refs.append(footnotes.setdefault(shown, len(footnotes) + 1))
        mark = "".join(f"[{n}]" for n in refs)
        notes = getattr(r, "notes_ja", None) if ja else r.notes
        if ja and not isinstance(notes, str):  # a table from before notes_ja: no English here
            notes = ""
        lines.append(f"[{PATH_LABELS[r.path][index]}] {notes} {mark}".rstrip())
        guarantor_state = _guarantor_state(str(getattr(r, "guarantor", "")))
        label = "保証人" if ja else "guarantor"
        lines.append(f"    {label}: {guarantor_effect(r.path, guarantor_state, language)}")
    if footnotes:
        lines.append("出典:" if ja else "Sources:")
        lines += [f"  [{n}] {src}" for src, n in footnotes.items()]
    lines.append(ESTIMATE_NOTICE[language])
    lines = [*table.attrs.get("warnings", {}).get(language, []), *lines]  # warnings first
    return "\n".join(lines)


def _guarantor_state(text: str) -> bool | None:
    """Whether the English guarantor text of a row says there is a guarantor (None = unknown)."""
    if text.startswith("no guarantor"):
        return False
    if text.startswith("guarantor on the debt"):
        return True
    return None
