"""What the negotiation log shows for a case's servicer, said in an offer (issue 27, part 3).

:func:`servicer_log` reads the firm's clean negotiation log (case-records §9)
through :func:`outcomes.models.servicer_answers` for the one counterparty of a
case (its servicer, else its creditor, shown by type): its usual first demand
against what it settled for, in how many proposals, and whether agreements
reached later after the sale were lower (the same trade-off of waiting that
the time model's table gives). Every figure stands on at least ``k`` distinct
cases; below that the offer says only that the log holds too few.

The record (:class:`ServicerLog`) keeps numbers and codes; its sentences are
made at the edge from :data:`LOG_WORDS` (``{code: (ja, en)}``). They are an
internal estimate from other debtors' cases: never shown to a debtor as what
the creditor will accept, nor as the steps of a negotiation (case-records §9;
弁護士法72条).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import pandas as pd

from outcomes._errors import OutcomesError
from outcomes._messages import Catalogue, Message, render

__all__ = ["LOG_WORDS", "ServicerLog", "negotiation_table", "servicer_log"]

#: the offer's words about the log, of the package's one shape {code: (ja, en)}
LOG_WORDS: Catalogue = {
    "offer_log.answers": (
        "交渉履歴({servicer}、{cases}件の案件)では、最初の請求(建前のことが多い)は残債の中央値{first}、"
        "合意は中央値{settled}、合意までの提示は双方あわせて中央値{rounds}回でした。",
        "In the negotiation log ({servicer}, {cases} cases), its first demand (often a "
        "formality, 建前) was a median {first} of the residual debt, the agreement a median {settled}, reached after a "
        "median {rounds} proposals from both sides.",
    ),
    "offer_log.waiting_lower": (
        "売却から時間がたってからの合意ほど低く(早い合意{early}→遅い合意{late})、待つほど"
        "合意額が下がる傾向がありました。ただし待てば合意までの時間も延びます(時間モデルが"
        "比べるのと同じ損得です)。",
        "Agreements reached later after the sale were lower ({early} earlier → {late} later): "
        "waiting went with lower agreements, though it takes time (the same trade-off the "
        "time model weighs).",
    ),
    "offer_log.waiting_no_sign": (
        "待つことで合意額が下がったという明確な傾向は、履歴には見られません。",
        "The log shows no clear sign that waiting lowered what it settled for.",
    ),
    "offer_log.waiting_unknown": (
        "待つことで合意額が下がったかは、{k}件以上の早い合意と遅い合意がないため示せません。",
        "Whether waiting lowered what it settled for cannot be said: the log lacks {k} "
        "earlier and {k} later agreements with sale dates.",
    ),
    "offer_log.too_few": (
        "交渉履歴には、この相手先({servicer})の案件が{k}件未満しかないため、その傾向は示しません。",
        "Too few cases in the log for this servicer ({servicer}: fewer than {k}): its "
        "answers are not shown.",
    ),
    "offer_log.estimate": (
        "これは他の債務者の案件から読んだ社内の推計です。債権者が応じる額としても、交渉の"
        "手順としても債務者に示すものではありません(弁護士法72条)。",
        "This is an internal estimate read from other debtors' cases: never to be shown to "
        "the debtor as what the creditor will accept, nor as steps of a negotiation "
        "(弁護士法 §72).",
    ),
    "offer_log.share": ("{value:.1%}", "{value:.1%}"),
    "offer_log.rounds": ("{value:g}", "{value:g}"),
    "offer_log.none": ("なし", "none"),
}


def _share(value: float | None, language: str) -> str:
    code = "offer_log.none" if value is None else "offer_log.share"
    return render(Message(code, {"value": value}), language, LOG_WORDS)


@dataclass(frozen=True)
class ServicerLog:
    """What the negotiation log shows for one counterparty, each figure from ≥ ``k`` cases.

    Attributes
    ----------
    servicer : str
        The counterparty as the log's table names it (a servicer by name, a
        creditor by its type).
    k : int
        Smallest number of distinct cases behind a figure.
    cases : int or None
        Distinct cases negotiated with it; None when under ``k`` (then
        :attr:`too_few` and every figure None).
    first_demand, settled : float or None
        Medians of its first demand and of the agreement, as shares of the
        residual debt (or of the claim it stated, without a case table).
    rounds : float or None
        Median proposals (both sides) up to the accepted one.
    settled_early, settled_late : float or None
        Median settled share of its earlier and later agreements after the sale.
    waiting : {"lower", "no_sign"} or None
        Whether later agreements were lower (None: too few to say).

    An internal estimate from other debtors' cases, never a promise, nor what
    the creditor will accept, nor steps of a negotiation.
    """

    servicer: str
    k: int
    cases: int | None = None
    first_demand: float | None = None
    settled: float | None = None
    rounds: float | None = None
    settled_early: float | None = None
    settled_late: float | None = None
    waiting: str | None = None

    @property
    def too_few(self) -> bool:
        """The log holds fewer than ``k`` cases of this counterparty: nothing is said of it."""
        return self.cases is None

    def messages(self) -> tuple[Message, ...]:
        """The codes and fields of what the offer says (sentences: :meth:`sentences`)."""
        if self.too_few:
            return (Message("offer_log.too_few", {"servicer": self.servicer, "k": self.k}),)
        shares = {
            "first": self.first_demand,
            "settled": self.settled,
            "early": self.settled_early,
            "late": self.settled_late,
        }
        out = [
            Message(
                "offer_log.answers",
                {"servicer": self.servicer, "cases": self.cases, "rounds": self.rounds, **shares},
            )
        ]
        if self.waiting == "lower":
            out.append(Message("offer_log.waiting_lower", shares))
        elif self.waiting == "no_sign":
            out.append(Message("offer_log.waiting_no_sign"))
        else:
            out.append(Message("offer_log.waiting_unknown", {"k": self.k}))
        out.append(Message("offer_log.estimate"))
        return tuple(out)

    def sentences(self, language: str) -> str:
        """What the offer says, in ``language``: one line for the offer's reasons.

        Examples
        --------
        >>> log = ServicerLog("S債権回収", 5, cases=12, first_demand=1.0, settled=0.05,
        ...                   rounds=3.0, waiting="no_sign")
        >>> print(log.sentences("en"))  # doctest: +NORMALIZE_WHITESPACE
        In the negotiation log (S債権回収, 12 cases), its first demand (often a formality, 建前)
        was a median 100.0% of the residual debt, the agreement a median 5.0%, reached after a median 3 proposals from both
        sides. The log shows no clear sign that waiting lowered what it settled for. This is an
        internal estimate read from other debtors' cases: never to be shown to the debtor as
        what the creditor will accept, nor as steps of a negotiation (弁護士法 §72).
        >>> ServicerLog("S債権回収", 5).sentences("ja")
        '交渉履歴には、この相手先(S債権回収)の案件が5件未満しかないため、その傾向は示しません。'
        """
        parts = []
        for message in self.messages():
            fields = dict(message.fields)
            for name in ("first", "settled", "early", "late"):
                if name in fields:
                    fields[name] = _share(fields[name], language)
            if "rounds" in fields:
                rounds = fields["rounds"]
                fields["rounds"] = (
                    render(Message("offer_log.none"), language, LOG_WORDS)
                    if rounds is None
                    else render(Message("offer_log.rounds", {"value": rounds}), language, LOG_WORDS)
                )
            parts.append(render(Message(message.code, fields), language, LOG_WORDS))
        return ("" if language == "ja" else " ").join(parts)


def negotiation_table(log: Any) -> pd.DataFrame | None:
    """The clean log an Advisor reads: a DataFrame, or the log of a :class:`~outcomes.NegotiationLog`.

    Refused in one line when it is neither, or lacks the columns of §9 (not cleaned).
    """
    if log is None:
        return None
    table = getattr(log, "log", log)
    if not isinstance(table, pd.DataFrame):
        raise OutcomesError(
            "negotiations must be the clean negotiation log (outcomes.clean_negotiations), "
            f"got {type(log).__name__}"
        )
    missing = [c for c in ("case_id", "offered_on", "party", "kind", "response") if c not in table]
    if missing:
        raise OutcomesError(
            "negotiations lacks column(s) "
            + ", ".join(missing)
            + ": clean the log with outcomes.clean_negotiations"
        )
    return table


def _value(row: pd.Series, name: str) -> Any:
    value = row[name]
    return None if pd.isna(value) else value


def servicer_log(
    log: pd.DataFrame,
    cases: pd.DataFrame | None,
    counterparty: str,
    k: int,
    language: str,
    *,
    servicer: bool = True,
) -> ServicerLog:
    """What ``log`` shows for ``counterparty`` (a servicer, or the creditor of a case without one).

    One row of :func:`outcomes.models.servicer_answers` (``servicer=``), not
    pooled: a counterparty of fewer than ``k`` distinct cases (or never in the
    log) gives a record that says only that. A servicer (``servicer=True``)
    is named as the case names it; a creditor only by its type (``債権者: 銀行``).

    Examples
    --------
    >>> ids = [f"C{i}" for i in range(6)]
    >>> log = pd.DataFrame({"case_id": [i for i in ids for _ in range(2)],
    ...     "offered_on": pd.to_datetime(["2023-03-01", "2023-05-01"] * 6),
    ...     "party": ["creditor", "debtor"] * 6, "kind": ["lump_sum"] * 12,
    ...     "amount": [5_000_000, 250_000] * 6, "claimed_amount": [5_000_000] * 12,
    ...     "counterparty": ["SMBC債権回収"] * 12, "response": ["countered", "accepted"] * 6})
    >>> record = servicer_log(log, None, "SMBC債権回収", 5, "en")
    >>> record.cases, record.first_demand, record.settled, record.rounds
    (6, 1.0, 0.05, 2.0)
    >>> servicer_log(log, None, "SMBC債権回収", 10, "en").too_few
    True

    A servicer the registry and the case list do not know is never given the
    figures of the creditors the table groups it with:

    >>> servicer_log(log.assign(counterparty="S債権回収"), None, "S債権回収", 5, "en").too_few
    True
    """
    from outcomes.models import servicer_answers

    table = servicer_answers(log, cases, k=k, language=language, servicer=counterparty)
    row = table.iloc[0]
    label = (
        unicodedata.normalize("NFKC", counterparty).strip() if servicer else str(row["servicer"])
    )
    # a servicer neither the registry nor the case list knows is read by the table as a
    # creditor of its type: those are other counterparties' figures, never this servicer's
    if bool(row["suppressed"]) or (servicer and str(row["servicer"]) != label):
        return ServicerLog(label, int(k))
    cases_n = _value(row, "cases")
    floats = {
        name: None if _value(row, name) is None else float(row[name])
        for name in ("first_demand", "settled", "rounds", "settled_early", "settled_late")
    }
    return ServicerLog(
        label,
        int(k),
        cases=None if cases_n is None else int(cases_n),
        waiting=_value(row, "waiting"),
        **floats,
    )
