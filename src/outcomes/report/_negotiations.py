"""The report's section on the negotiation log: how each servicer answers (交渉の傾向).

Shown only when the report is given a log (``outcomes report --negotiations
LOG``). Its table is :func:`outcomes.models.servicer_answers` on the report's
cases: per counterparty, the distinct cases, the usual first demand against
what it settled for, the rounds to agreement, and whether waiting went with
lower settlements. Every published cell stands for at least ``k`` distinct
**cases**, never log rows (case-records §9 and §7); a row under ``k`` reads
``k未満``. Its words are the catalogue :data:`NEGOTIATION_TEXT`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._format import check_language
from outcomes._messages import Catalogue, Message, render
from outcomes._privacy import safe_label
from outcomes.report._labels import suppressed
from outcomes.report._tables import COUNT_CLASS, STAT_CLASS, suppression_log

__all__ = ["NEGOTIATION_TEXT", "answers_styled", "negotiation_section"]

#: the section's words, of the package's one shape {code: (Japanese, English)}
NEGOTIATION_TEXT: Catalogue = {
    "heading": (
        "### 交渉の傾向(相手先別)",
        "### How each servicer answers",
    ),
    "intro": (
        "交渉履歴を、相手先ごと(サービサーは社名、債権者は区分)にまとめました。"
        "最初の請求(建前のことが多い)の中央値と、合意した額の中央値を、いずれも残債に対する割合で"
        "示し、合意までの提示の回数(双方の提示を合わせた数)、売却から合意までの月数、売却から"
        "時間がたってからの合意ほど低かったか(その相手先の月数の中央値より前と後の合意の中央値)"
        "を並べます(割合・回数・月数はいずれも中央値)。集計は案件の数で数え(履歴の行数ではありません)、{k} 件未満の相手先と、"
        "案件の多い {top} 社より後の相手先は「その他」にまとめ、{k} 件未満の欄は伏せています。",
        "The negotiation log, summed up per counterparty (servicers by "
        "name, creditors by type): the median first demand (often a formality) and the median of what "
        "was agreed, both as shares of the residual debt; the proposals up to the agreement "
        "(both sides'), the months from the sale to the agreement, and whether agreements "
        "reached later after the sale were lower (the medians of the agreements before and "
        "after the counterparty's median month); shares, proposals and months are medians. "
        "Everything counts cases, never log rows; "
        "counterparties of fewer than {k} cases, and those beyond the {top} with the most, "
        "are pooled; cells under {k} are hidden.",
    ),
    "totals": (
        "この条件の案件の交渉履歴は {rows} 行、{cases} 件の案件です。",
        "The log holds {rows} rows on {cases} of the selected cases.",
    ),
    "problems": (
        "交渉履歴のクリーニングで {n} 件の問題が報告されました(値は載せません)。",
        "Cleaning the negotiation log reported {n} problems (the values are not printed).",
    ),
    "caption": ("相手先別の交渉の傾向", "How each servicer answers"),
    "all_under_k": (
        "この条件の交渉履歴は、どの相手先も {k} 件未満の案件しかないため示せません。",
        "Not shown for this selection: every counterparty in the log has fewer than {k} cases.",
    ),
    "none": (
        "この条件の案件には、交渉履歴がありません。",
        "The log holds no negotiation for the selected cases.",
    ),
    "note": (
        "> これらは他の債務者の案件から読んだ社内の推計です。債権者が受け入れる額として、また"
        "交渉の手順として債務者に示すものではありません(弁護士法72条)。",
        "> These are internal estimates read from other debtors' cases: never to be shown to a "
        "debtor as what a creditor will accept, nor as steps of a negotiation (弁護士法 §72).",
    ),
    # the table's headers
    "h_servicer": ("相手先", "Counterparty"),
    "h_cases": ("案件数", "Cases"),
    "h_first_demand": ("最初の請求", "First demand"),
    "h_agreed": ("合意件数", "Cases agreed"),
    "h_settled": ("合意額", "Agreed at"),
    "h_rounds": ("提示回数", "Proposals"),
    "h_months": ("合意まで(月)", "Months to agreement"),
    "h_halves": ("早い→遅い合意", "Earlier → later"),
    "h_waiting": ("待つと", "Waiting"),
    "halves": ("{early} → {late}", "{early} → {late}"),
    # the waiting codes of servicer_answers
    "waiting_lower": ("下がった", "lowered it"),
    "waiting_no_sign": ("不明確", "no clear sign"),
}

_HEADERS = {
    "servicer": "h_servicer",
    "cases": "h_cases",
    "first_demand": "h_first_demand",
    "agreed": "h_agreed",
    "settled": "h_settled",
    "rounds": "h_rounds",
    "months": "h_months",
    "halves": "h_halves",
    "waiting": "h_waiting",
}
#: the statistics of all of a row's cases, and those of its agreed cases (check_html groups)
_ALL = ("first_demand",)
_AGREED = ("settled", "rounds", "months", "halves", "waiting")
#: the counterparties the report lists at most (the others are pooled in one row)
TOP = 15


def _t(code: str, language: str, **fields: object) -> str:
    return render(Message(code, fields), language, NEGOTIATION_TEXT)


def _share(value: object) -> str:
    return "" if pd.isna(value) else f"{float(value):.1%}"


def _number(value: object) -> str:
    return "" if pd.isna(value) else f"{float(value):,.1f}"


def answers_styled(answers: pd.DataFrame, *, language: str = "ja") -> Any:
    """The table of :func:`~outcomes.models.servicer_answers` to show, in the report's language.

    Counts under ``k`` read ``k未満`` (``under k``); a suppressed row shows no
    statistic. The count cells carry the class :func:`~outcomes.report.check_html`
    checks, each statistic the group of the count it stands on (all the row's
    cases, or its agreed ones).

    Examples
    --------
    >>> answers = pd.DataFrame({"servicer": ["S債権回収", "その他"], "pooled": [False, True],
    ...     "cases": pd.array([12, None], dtype="Int64"), "first_demand": [1.0, None],
    ...     "agreed": pd.array([9, None], dtype="Int64"), "settled": [0.031, None],
    ...     "rounds": [3.0, None], "months": [8.0, None], "settled_early": [None, None],
    ...     "settled_late": [None, None], "waiting": pd.array([None, None], dtype="string"),
    ...     "suppressed": [False, True]})
    >>> page = answers_styled(answers, language="en").to_html()
    >>> "3.1%" in page and "under k" in page and "Counterparty" in page
    True
    """
    language = check_language(language)
    hidden = answers["suppressed"].to_numpy(dtype=bool)
    shown = pd.DataFrame(index=answers.index)
    shown["servicer"] = [safe_label(v) for v in answers["servicer"].astype(object)]
    for column in ("cases", "agreed"):
        shown[column] = [
            suppressed(language) if h or pd.isna(v) else f"{int(v):,}"
            for v, h in zip(answers[column].astype(object), hidden, strict=True)
        ]
    for column in ("first_demand", "settled"):
        shown[column] = [_share(v) for v in answers[column].astype(object)]
    shown["halves"] = [
        "" if pd.isna(e) or pd.isna(x) else _t("halves", language, early=_share(e), late=_share(x))
        for e, x in zip(
            answers["settled_early"].astype(object),
            answers["settled_late"].astype(object),
            strict=True,
        )
    ]
    for column in ("rounds", "months"):
        shown[column] = [_number(v) for v in answers[column].astype(object)]
    shown["waiting"] = [
        "" if pd.isna(v) else _t(f"waiting_{v}", language)
        for v in answers["waiting"].astype(object)
    ]
    shown = shown[list(_HEADERS)]
    classes = pd.DataFrame("", index=shown.index, columns=shown.columns)
    classes["cases"] = f"{COUNT_CLASS} oc-g-all"
    classes["agreed"] = f"{COUNT_CLASS} oc-g-agreed"
    for column in _ALL:
        classes[column] = f"{STAT_CLASS} oc-g-all"
    for column in _AGREED:
        classes[column] = f"{STAT_CLASS} oc-g-agreed"
    # a suppressed row: its agreed count is hidden with it (no statistic may stand on it)
    hidden_agreed = hidden | answers["agreed"].isna().to_numpy()
    for column in _AGREED:
        shown.loc[hidden_agreed, column] = ""
    shown.loc[hidden, list(_ALL)] = ""
    numbers = [c for c in shown.columns if c != "servicer"]
    style = shown.style.format(escape="html").hide(axis="index").set_td_classes(classes)
    style = style.set_properties(subset=["servicer"], **{"text-align": "left"})
    style = style.set_properties(subset=numbers, **{"text-align": "right"})
    style = style.relabel_index([_t(_HEADERS[c], language) for c in shown.columns], axis="columns")
    return style.set_caption(_t("caption", language))


def _read_log(log: str | Path | pd.DataFrame) -> pd.DataFrame:
    if isinstance(log, pd.DataFrame):
        return log
    return pd.read_parquet(log)


@check_arguments
def negotiation_section(
    log: str | Path | pd.DataFrame,
    cases: pd.DataFrame,
    *,
    k: int = DEFAULT_K,
    language: str = "ja",
    problems: int | None = None,
) -> pd.DataFrame:
    """Display the report's section "how each servicer answers" (交渉の傾向), in a notebook.

    Parameters
    ----------
    log : str, Path or DataFrame
        The clean log (a parquet file written by ``write_report``, or the frame).
    cases : DataFrame
        The report's selected cases; only the log rows of these cases are read.
    k : int
        Smallest number of distinct cases behind a published cell.
    language : {"ja", "en"}
    problems : int, optional
        How many problems cleaning the log reported (a count, shown in full).

    Returns
    -------
    DataFrame
        The table shown (:func:`outcomes.models.servicer_answers`, at most
        :data:`TOP` counterparties, the others pooled).
    """
    from IPython.display import Markdown, display

    from outcomes.models import servicer_answers

    language = check_language(language)
    frame = _read_log(log)
    answers = servicer_answers(frame, cases, k=k, language=language, top=TOP)
    ids = set(cases["case_id"].astype("string").dropna())
    mine = frame["case_id"].astype("string").isin(ids).to_numpy(dtype=bool)
    n_cases = int(frame.loc[mine, "case_id"].nunique())
    display(Markdown(_t("heading", language)))
    if not len(answers) or n_cases == 0:
        display(Markdown(_t("none", language)))
        return answers
    rows = int(mine.sum())
    # the log's totals are shown only when no count of the table is suppressed,
    # so that no suppressed count can be recovered by subtraction (§7)
    hidden = int(answers["suppressed"].sum())
    hidden_agreed = int((~answers["suppressed"] & answers["agreed"].isna()).sum())
    if answers["suppressed"].all():  # no table of 「k未満」 only
        display(Markdown(_t("all_under_k", language, k=k)))
        return answers
    display(Markdown(_t("intro", language, k=k, top=TOP)))
    if not hidden and n_cases >= k:
        display(Markdown(_t("totals", language, rows=f"{rows:,}", cases=f"{n_cases:,}")))
    if problems:
        display(Markdown(_t("problems", language, n=f"{problems:,}")))
    # the cells that read 「k未満」: both counts of a suppressed row, an agreed count under k
    suppression_log.record(_t("caption", "ja"), 2 * hidden + hidden_agreed)
    display(answers_styled(answers, language=language))
    display(Markdown(_t("note", language)))
    return answers
