"""The ways out of one residual debt, side by side: the table and its rendering.

One :class:`~outcomes._advice.ways_out.WayOut` record per way out — its code, label,
credit record, usual extra costs and the function that builds its row — in
:data:`~outcomes._advice.ways_out.WAYS_OUT`, in the order shown: 一括和解, 分割弁済,
任意整理, 個人再生, 自己破産, 時効援用. :func:`make_paths` reads the case, its
legal facts (:class:`~outcomes._advice.facts.LegalFacts`) and the household
into one :class:`~outcomes._advice.ways_out.Situation` and builds the table;
:func:`render_paths` prints it per language. The public face is
:func:`outcomes.compare_paths` (:mod:`~outcomes._advice.api`), one call of
:meth:`Advisor.paths <outcomes._advice.advisor.Advisor.paths>`.

The legal arithmetic (the 個人再生 minimum, the limitation, 遅延損害金) is in
:mod:`outcomes._law`; each way out's notes and labels in its own file of
:mod:`~outcomes._advice.ways_out`, the shared ones and the citations in
:mod:`~outcomes._advice.notes`.
Everything is deterministic: the only input that depends on the calendar is
``as_of``, which defaults to today. Every figure is an internal estimate for
the analyst, never a promise to the debtor.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pandas as pd

from outcomes._advice.basis import model_knows_roles
from outcomes._advice.case import first_value, with_as_of
from outcomes._advice.facts import LegalFacts, originator_type
from outcomes._advice.notes import (
    RENDER_WORDS,
    guarantor_effect,
    interest_whose,
    is_public_guarantor,
    path_note,
)
from outcomes._advice.ways_out import PATH_LABELS, WAYS_OUT, Situation, capacity_of
from outcomes._advice.wording import ESTIMATE_NOTICE
from outcomes._errors import CaseError
from outcomes._format import Yen, check_language, creditor_label, format_yen, pad, text_width
from outcomes._law import creditor_is_servicer, default_interest, default_rate, interest_cap

if TYPE_CHECKING:
    from outcomes._advice.advisor import Advisor

__all__ = ["PATH_COLUMNS", "make_paths", "render_paths"]

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
    "guarantor_ja",
    "sources",
    "sources_ja",
)

_DTYPES = {
    **dict.fromkeys(
        (
            "path",
            "label_ja",
            "credit_record",
            "notes",
            "notes_ja",
            "guarantor",
            "guarantor_ja",
            "sources",
            "sources_ja",
        ),
        "str",
    ),
    "available": "boolean",  # NA = not known: it turns on a fact the case does not record
    **dict.fromkeys(("total_to_pay", "monthly", "months", "extra_costs"), "Int64"),
}


def make_paths(
    advisor: Advisor,
    frame: pd.DataFrame,
    facts: LegalFacts,
    *,
    cash: int | None,
    budget: int | None,
    today: date,
    warnings: dict[str, list[str]],
) -> pd.DataFrame:
    """The ways-out table of one clean case (``frame``) with its legal ``facts``, under ``advisor``.

    ``warnings`` ({language: sentences}) are rendered first by :func:`render_paths`.
    """
    residual = first_value(frame, "residual_debt")
    if residual is None:
        raise CaseError("the case has no residual_debt; it is needed to compare paths")
    residual = int(residual)
    creditor_type = first_value(frame, "creditor_type")
    servicer = first_value(frame, "servicer")
    creditor = first_value(frame, "creditor")
    if servicer is None and creditor_is_servicer(creditor):
        servicer = creditor  # the servicer is recorded as the creditor: it holds or collects it
    role = facts.servicer_role
    if creditor_type == "jhf":
        if role == "bought":
            raise CaseError(
                "servicer_role is 'bought' but the creditor is JHF, which keeps its claims and "
                "consigns their collection: check the creditor or the role"
            )
        role = "consigned" if servicer is not None else None
    income = first_value(frame, "monthly_income")
    income = None if income is None else int(income)
    capacity, capacity_text = capacity_of(income, budget)

    rate = first_value(frame, "delinquency_rate")
    if rate is None:
        rate, whose = default_rate(creditor_type, facts.contract_date)
        whose = re.sub(r" \((?:H|M|L|M–H|L–M)\)$", "", whose)  # no confidence tag in a note
        if creditor_type is not None:
            kind = creditor_label(creditor_type, "en")
            if creditor_type == "guarantor" and is_public_guarantor(creditor):
                kind = "guarantee body"  # a 信用保証協会 is not a company
            whose = whose.replace(f"usual for {creditor_type}", f"usual rate, {kind}")
        whose_ja = interest_whose(creditor_type, given=False, creditor=creditor)
    else:
        whose, whose_ja = "the contract's rate", interest_whose(creditor_type, given=True)
        cap = interest_cap(residual)  # 利息制限法 §7: lenders lending as a business
        if float(rate) > cap:  # the excess is void: the capped rate is the one applied and shown
            whose_ja, whose = path_note(
                "interest_capped", given=float(rate) * 100, cap=round(cap * 100, 2)
            )
            rate = cap
    yearly = default_interest(residual, today, today + timedelta(days=365), float(rate))
    situation = Situation(
        frame=frame,
        # the models see an agreement made on the day of the comparison, as an offer does
        query=with_as_of(frame, today),
        residual=residual,
        creditor=creditor,
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
        limitation=facts.limitation,
        ratio_model=advisor.ratio_model,
        monthly_model=advisor.monthly_model,
        contract_date=facts.contract_date,
        default_date=facts.default_date,
        guarantor=facts.guarantor,
        judgment=facts.judgment,
        judgment_date=facts.judgment_date,
        unsecured_debt=facts.unsecured_debt,
        originator=facts.originator,
        originator_type=originator_type(facts.originator),
        guarantor_kind=facts.guarantor_kind,
        bars_to_discharge=facts.bars_to_discharge,
        sale_date=_day(first_value(frame, "sale_date")),
        model_knows_roles=model_knows_roles(advisor.ratio_model),
        debtor_is_merchant=facts.debtor_is_merchant,
    )
    table = pd.DataFrame([way.row(situation) for way in WAYS_OUT], columns=list(PATH_COLUMNS))
    table = table.astype(_DTYPES)
    table.attrs["notice"] = dict(ESTIMATE_NOTICE)
    table.attrs["warnings"] = {lang: list(lines) for lang, lines in warnings.items() if lines}
    return table


def _day(value: Any) -> date | None:
    return None if value is None else pd.Timestamp(value).date()


# ==========================================================================
# One rendering per language
# ==========================================================================


def render_paths(table: pd.DataFrame, language: str = "ja") -> str:
    """The :func:`compare_paths` table as text for the analyst, in one language.

    Japanese: the Japanese names, yen as ``30万円``, 可/不可/不明 instead of
    True/False/NA, the Japanese notes (``notes_ja``) and sources; English: the
    English names, notes and ``¥300,000`` (no ``label_ja``). A one-off path
    (a lump sum, bankruptcy, the limitation) shows no monthly amount or term
    (—). Below the table: each path's notes and what it does to a guarantor
    or joint debtor, the sources as numbered footnotes, and the notice
    (:data:`ESTIMATE_NOTICE`).

    Examples
    --------
    >>> from outcomes import compare_paths
    >>> text = render_paths(compare_paths({"residual_debt": 3_200_000, "creditor": "公庫"},
    ...                                   as_of=date(2024, 6, 1)), "ja")
    >>> "100万円" in text, "True" in text, "弁護士法72条" in text, "the residual" in text
    (True, False, True, False)
    """
    language = check_language(language)
    ja = language == "ja"
    index = 0 if ja else 1
    words = RENDER_WORDS[language]

    def yen(v: Any) -> str:
        return "—" if pd.isna(v) else format_yen(int(v), language)

    def monthly(v: Any) -> str:
        return "—" if pd.isna(v) or int(v) == 0 else format_yen(int(v), language)

    def months(v: Any, each: Any) -> str:
        if pd.isna(v):  # open-ended only where something is paid each month
            return words["open_ended"] if not pd.isna(each) and int(each) > 0 else "—"
        return "—" if int(v) == 0 else words["months"].format(int(v))

    def possible(v: Any) -> str:
        return words["unknown"] if pd.isna(v) else words["yes"] if v else words["no"]

    rows = [list(words["headers"])]
    for r in table.itertuples(index=False):
        rows.append(
            [
                PATH_LABELS[r.path][index],
                possible(r.available),
                yen(r.total_to_pay),
                monthly(r.monthly),
                months(r.months, r.monthly),
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
        cited = getattr(r, "sources_ja", None) if ja else r.sources
        if not isinstance(cited, str):  # a table from before sources_ja: the English citations
            cited = str(getattr(r, "sources", "") or "")
        for src in (x for x in cited.split("; ") if x):
            refs.append(footnotes.setdefault(src, len(footnotes) + 1))
        mark = "".join(f"[{n}]" for n in refs)
        notes = getattr(r, "notes_ja", None) if ja else r.notes
        if ja and not isinstance(notes, str):  # a table from before notes_ja: no English here
            notes = ""
        lines.append(f"[{PATH_LABELS[r.path][index]}] {notes} {mark}".rstrip())
        effect = getattr(r, "guarantor_ja" if ja else "guarantor", None)
        if not isinstance(effect, str) or not effect:  # a table from before guarantor_ja
            effect = guarantor_effect(r.path, _guarantor_state(str(r.guarantor)), language)
        lines.append(f"    {words['guarantor']}: {effect}")
    if footnotes:
        lines.append(words["sources"])
        lines += [f"  [{n}] {src}" for src, n in footnotes.items()]
    lines.append(words["heirs"])
    lines.append(ESTIMATE_NOTICE[language])
    lines = [*table.attrs.get("warnings", {}).get(language, []), *lines]  # warnings first
    return "\n".join(lines)


def _guarantor_state(text: str) -> bool | None:
    """Whether the English guarantor text of a row says there is a guarantor (None = unknown)."""
    if text.startswith("no guarantor"):
        return False
    if text.startswith(("guarantor on the debt", "joint debtor on the debt")):
        return True
    return None
