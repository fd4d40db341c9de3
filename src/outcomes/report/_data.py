"""The cases a report is built from: reading and selecting.

* :func:`load_report_data` reads an export (raw, or an already-clean
  parquet) and cleans it if needed, into a :class:`ReportData`;
* :func:`select_cases` keeps the period / servicer / creditor type asked for
  (:func:`parse_period` reads the period);
* :func:`with_derived` adds the columns reports break down by (every
  matching case is kept: small cells are suppressed where they are
  published, never by dropping cases before counting);
* :func:`prepare_report` does all of it, as the template's first step, and
  returns a :class:`ReportCases` that can describe itself (header, quality).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from outcomes._arguments import as_day, check_arguments
from outcomes._calendar import DAYS_PER_MONTH
from outcomes._contract import (
    CREDITOR_TYPES,  # noqa: F401 - the examples build creditor-type columns with it
    DEFAULT_K,
    normalize_text,
)
from outcomes._errors import OutcomesError
from outcomes._privacy import safe_label
from outcomes.report._labels import (
    INCOME_BAND_EDGES,
    creditor_type_code,
    income_band_labels,
)
from outcomes.report._periods import parse_period, period_label, previous_period
from outcomes.report._selection import Selection
from outcomes.report._text import join, literal, text

__all__ = [
    "ReportCases",
    "ReportData",
    "check_selection",
    "load_report_data",
    "months_to_agreement",
    "now_jst",
    "parse_period",
    "period_label",
    "prepare_report",
    "previous_period",
    "Selection",
    "select_cases",
    "source_name",
    "with_derived",
]

# --------------------------------------------------------------------------
# Selecting cases
# --------------------------------------------------------------------------


def select_cases(cases: pd.DataFrame, selection: Selection | None = None) -> pd.DataFrame:
    """The cases a report is about.

    Parameters
    ----------
    cases : DataFrame
        The clean table.
    selection : Selection, optional
        Its period (see :func:`parse_period`: a case is in it when its
        agreement_date is; a pending case, no agreement yet, when its
        sale_date is), servicer (matched like the cleaner matches it:
        suffixes, half-width kana and former names all match; a servicer
        outside the registry matches its spellings in the data, corporate
        suffixes aside) and creditor type (a code such as ``bank``, its
        Japanese or English label, or a part of one: ``信金`` for
        ``信金・信組・JA``). ``None``: every case.

    Examples
    --------
    >>> cases = pd.DataFrame({
    ...     "agreement_date": pd.to_datetime(["2022-05-01", "2023-03-01", None]),
    ...     "sale_date": pd.to_datetime(["2021-01-01", "2022-01-01", "2023-06-01"]),
    ...     "creditor_type": pd.Categorical(["bank", "jhf", "bank"], categories=CREDITOR_TYPES),
    ...     "servicer": pd.array(["アビリオ債権回収", None, None], dtype="string"),
    ... })
    >>> len(select_cases(cases, Selection(period="2023-01:2023-12")))
    2
    >>> len(select_cases(cases, Selection(creditor_type="bank")))
    2
    >>> len(select_cases(cases, Selection(servicer="アビリオ債権回収株式会社")))
    1
    """
    selection = selection or Selection()
    period, servicer, creditor_type = (
        selection.period,
        selection.servicer,
        selection.creditor_type,
    )
    keep = pd.Series(True, index=cases.index)
    first, last = parse_period(period)
    if first is not None or last is not None:
        when = cases["agreement_date"].fillna(cases["sale_date"])
        if first is not None:
            keep &= (when >= first).fillna(False)
        if last is not None:
            keep &= (when <= last).fillna(False)
    if servicer is not None:
        from outcomes._registry import match_servicer, normalize_servicer

        name, found = match_servicer(servicer)
        if found:
            keep &= (cases["servicer"] == name).fillna(False)
        else:  # not in the registry: the data's spellings of the same name (suffixes aside)
            key = normalize_servicer(normalize_text(str(servicer)))
            present = cases["servicer"].dropna().unique()
            same = [n for n in present if normalize_servicer(str(n)) == key]
            keep &= cases["servicer"].isin(same).fillna(False).to_numpy(dtype=bool)
    if creditor_type is not None:
        code = creditor_type_code(creditor_type, "en")
        keep &= (cases["creditor_type"].astype("string") == code).fillna(False)
    mask = keep.to_numpy(dtype=bool)
    # every case kept: a shallow copy (copy-on-write), not a second million-row table
    return cases.copy(deep=False) if mask.all() else cases[mask]


def months_to_agreement(cases: pd.DataFrame) -> pd.Series:
    """Months from the sale to the agreement (empty while pending).

    Examples
    --------
    >>> df = pd.DataFrame({"sale_date": pd.to_datetime(["2021-01-10", "2021-01-10"]),
    ...                    "agreement_date": pd.to_datetime(["2021-07-10", None])})
    >>> months_to_agreement(df).round(1).tolist()
    [5.9, nan]
    """
    days = (cases["agreement_date"] - cases["sale_date"]).dt.days
    return (days / DAYS_PER_MONTH).astype("float64").rename("months_to_agreement")


def with_derived(cases: pd.DataFrame) -> pd.DataFrame:
    """The clean table plus columns reports break down by.

    ``agreement_year``, ``sale_year`` (nullable integers),
    ``months_to_agreement`` and ``income_band`` (take-home income in
    5万円 bands, ordered, labelled in Japanese: ``10万円未満`` …
    ``30万円以上``).

    Examples
    --------
    >>> df = pd.DataFrame({"sale_date": pd.to_datetime(["2021-01-10"]),
    ...                    "agreement_date": pd.to_datetime(["2022-03-01"]),
    ...                    "monthly_income": pd.array([180_000], dtype="Int64")})
    >>> with_derived(df)[["agreement_year", "income_band"]]
       agreement_year    income_band
    0            2022  15万〜20万円未満
    """
    out = cases.copy(deep=False)  # copy-on-write: the new columns never touch ``cases``
    out["agreement_year"] = out["agreement_date"].dt.year.astype("Int64")
    out["sale_year"] = out["sale_date"].dt.year.astype("Int64")
    out["months_to_agreement"] = months_to_agreement(out)
    if "monthly_income" in out:
        edges = list(INCOME_BAND_EDGES)
        labels = income_band_labels("ja")
        income = out["monthly_income"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        out["income_band"] = pd.cut(income, edges, right=False, labels=labels)
    return out


# --------------------------------------------------------------------------
# Reading the input
# --------------------------------------------------------------------------


class ReportData:
    """The clean cases and problems a report is built from.

    Attributes
    ----------
    cases, problems : DataFrame
        As :func:`~outcomes.clean_cases` returns them (problems empty for a
        table that was already clean).
    rows_read : int
        Records in the input.
    source_name : str
        The input's file name (no directory), or the kind of database.
    already_clean : bool
        Whether the input was an already-clean table.
    today : str
        The day of cleaning (ISO); models count months waited to it.
    """

    def __init__(
        self,
        cases: pd.DataFrame,
        problems: pd.DataFrame,
        rows_read: int,
        source_name: str,
        already_clean: bool,
        today: str,
    ) -> None:
        self.cases = cases
        self.problems = problems
        self.rows_read = rows_read
        self.source_name = source_name
        self.already_clean = already_clean
        self.today = today

    def save(self, directory: Path) -> None:
        """Write the tables to ``directory`` (parquet) for the report kernel."""
        self.cases.to_parquet(directory / "cases.parquet", index=False)
        self.problems.to_parquet(directory / "problems.parquet", index=False)
        meta = pd.DataFrame(
            {
                "rows_read": [self.rows_read],
                "source_name": [self.source_name],
                "already_clean": [self.already_clean],
                "today": [self.today],
            }
        )
        meta.to_parquet(directory / "meta.parquet", index=False)

    @classmethod
    def load(cls, directory: str | Path) -> ReportData:
        """Read what :meth:`save` wrote."""
        directory = Path(directory)
        meta = pd.read_parquet(directory / "meta.parquet").iloc[0]
        return cls(
            cases=pd.read_parquet(directory / "cases.parquet"),
            problems=pd.read_parquet(directory / "problems.parquet"),
            rows_read=int(meta["rows_read"]),
            source_name=str(meta["source_name"]),
            already_clean=bool(meta["already_clean"]),
            today=str(meta["today"]),
        )


def source_name(source: object) -> str:
    """What a report says about where its data came from: a file name only.

    Examples
    --------
    >>> source_name("/home/analyst/exports/cases 2024.csv")
    'cases 2024.csv'
    >>> source_name("postgresql://user:secret@db/cases")
    'postgresql database'
    """
    text = str(source)
    if "://" in text:
        return text.split("://", 1)[0].split("+", 1)[0] + " database"
    return Path(text).name


def load_report_data(
    source: str | Path | None = None,
    *,
    today: date | str | None = None,
    table: str | None = None,
    query: str | None = None,
    sheet: str | int | None = None,
) -> ReportData:
    """Read an export (raw, or an already-clean parquet) and clean it if needed.

    A parquet file whose columns are exactly the clean table's is checked
    against the schema and used as it is; anything else goes through
    :func:`~outcomes.read_cases` and :func:`~outcomes.clean_cases`.
    ``None`` reads the shipped sample (cleaned as of its export day). A
    SQLAlchemy URL is read with ``table`` or ``query``.

    Raises
    ------
    ReadError
        If the source cannot be read at all.

    Examples
    --------
    >>> data = load_report_data()
    >>> data.source_name, len(data.cases)
    ('cases.csv', 1500)
    """
    from outcomes._cleaning import PROBLEM_COLUMNS, clean_cases

    if source is None:
        from outcomes.datasets import SAMPLE_TODAY, load_sample

        day = as_day(today or SAMPLE_TODAY, "today")
        raw = load_sample()
        result = clean_cases(raw, today=day)
        name = source_name(raw.attrs.get("source", "cases.csv"))
        return ReportData(
            result.cases, result.problems, result.rows_read, name, False, day.isoformat()
        )
    from outcomes._io import load_case_table

    day = as_day(today, "today")
    loaded = load_case_table(source, today=day, table=table, query=query, sheet=sheet)
    return ReportData(
        loaded.cases,
        loaded.problems if len(loaded.problems) else _empty_problems(PROBLEM_COLUMNS),
        loaded.rows_read,
        source_name(source),
        loaded.already_clean,
        day.isoformat(),
    )


def _empty_problems(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="string") for c in columns})


#: the time zone a report states its times in
REPORT_TZ = "Asia/Tokyo"


def now_jst() -> str:
    """The current time in Japan, as a report states it (``2026-06-30 14:05 JST``)."""
    return pd.Timestamp.now(tz=REPORT_TZ).strftime("%Y-%m-%d %H:%M JST")


class ReportCases:
    """What a report is computed from: every case of the selection, and where they came from.

    Built by :func:`prepare_report`.

    Attributes
    ----------
    data : ReportData
        The cleaned input.
    selected : int
        Cases matching the period / servicer / creditor-type selection.
    cases : DataFrame
        All selected cases, with the derived columns of :func:`with_derived`.
        Every table and figure of the report starts from this table; cells of
        fewer than ``k`` cases are suppressed where they are published.
    selection : Selection
        What the report is about, its ``k`` and its language, as given.
    previous : DataFrame or None
        The cases of the period compared with (``compare``, or the preceding
        period of equal length), same servicer and creditor type; ``None``
        without a period.
    k : int
    period, servicer, creditor_type : str or None
        The selection, as given.
    compare : str or None
        The period compared with (:attr:`Selection.compared`).
    language : {"ja", "en"}
        The report's language.
    servicer_name : str or None
        The servicer as matched (the registry's name, or the data's spelling
        of a servicer outside the registry), or None.
    """

    def __init__(
        self,
        data: ReportData,
        selected: int,
        cases: pd.DataFrame,
        selection: Selection,
        previous: pd.DataFrame | None = None,
    ) -> None:
        self.data = data
        self.selected = selected
        self.cases = cases
        self.selection = selection
        self.previous = previous
        self.k = selection.k
        self.period = selection.period
        self.servicer = selection.servicer
        self.creditor_type = selection.creditor_type
        self.compare = selection.compared
        self.language = selection.language
        self.servicer_name = _matched_servicer(self.servicer)
        if self.servicer_name is not None and len(cases) and "servicer" in cases.columns:
            # what the data calls it (a servicer outside the registry: its spelling in the data)
            self.servicer_name = str(cases["servicer"].value_counts().index[0])

    def text(self, key: str, **fields: object) -> str:
        """One of the report's sentences in its language (``k`` filled in).

        Examples
        --------
        >>> rc = ReportCases(None, 0, pd.DataFrame(), Selection(k=10, language="en"))
        >>> rc.text("cannot_show", items="age band")
        'Not shown for this selection (every group has fewer than 10 cases): age band.'
        """
        return text(key, self.language, **{"k": self.k, **fields})

    def section(self) -> Any:
        """A new section of the report: what it shows, and one sentence for what it cannot."""
        from outcomes.report._section import ReportSection

        return ReportSection(self.k, self.language)

    @property
    def servicer_label(self) -> str | None:
        """The servicer the report is about, as its Markdown shows it (masked, literal), or None.

        Examples
        --------
        >>> rc = ReportCases(None, 0, pd.DataFrame(), Selection(servicer="[x](javascript:1)"))
        >>> rc.servicer_label
        '&#91;x&#93;&#40;javascript&#58;1&#41;'
        """
        if self.servicer_name is None:
            return None
        return literal(safe_label(self.servicer_name))

    def compare_label(self) -> str:
        """The period compared with, as the report writes it.

        Examples
        --------
        >>> rc = ReportCases(None, 0, pd.DataFrame(), Selection(period="2023", language="en"))
        >>> rc.compare_label()
        '2022-01 – 2022-12'
        """
        return period_label(self.compare, self.language)

    def suppressed_markdown(self) -> str:
        """One paragraph: how many cells of this report were suppressed under ``k``, and why."""
        from outcomes.report._tables import suppression_log

        return suppression_log.markdown(self.k, self.language)

    def header_markdown(self, produced_at: str | None = None, version: str | None = None) -> str:
        """When (JST), from which file, with which version and on which cases (Markdown)."""
        from outcomes._version import __version__
        from outcomes.report._labels import value_labels

        t = self.text
        produced_at = produced_at or now_jst()
        servicer = t("h_all")
        if self.servicer_name:
            name = literal(safe_label(self.servicer_name))
            given = normalize_text(str(self.servicer)).strip()
            servicer = (
                name
                if given == self.servicer_name
                else t("h_servicer_as_given", name=name, given=literal(safe_label(given)))
            )
        creditor_type = (
            value_labels("creditor_type", self.language)[creditor_type_code(self.creditor_type)]
            if self.creditor_type
            else t("h_all")
        )
        compare = period_label(self.compare, self.language) if self.compare else t("h_compare_none")
        below = t("h_k_below_default", default=DEFAULT_K)  # the firm's rule, loosened
        rows = [
            (t("h_produced"), produced_at),
            (t("h_source"), literal(safe_label(self.data.source_name))),
            (t("h_version"), version or __version__),
            (t("h_period"), period_label(self.period, self.language) + t("h_period_note")),
            (t("h_compare"), compare),
            (t("h_servicer"), servicer),
            (t("h_creditor_type"), creditor_type),
            (t("h_k"), t("h_k_value") + (below if self.k < DEFAULT_K else "")),
        ]
        lines = [
            f"| {t('h_item')} | {t('h_value')} |",
            "|---|---|",
            *(f"| {a} | {b} |" for a, b in rows),
        ]
        return "\n".join(lines)

    def quality_markdown(self) -> str:
        """Records read, cases kept, problems, and the cases of the report (Markdown)."""
        d = self.data
        t = self.text
        lines = [
            f"- {t('q_rows')}: **{d.rows_read:,}**",
            f"- {t('q_cases')}: **{len(d.cases):,}**",
        ]
        if d.already_clean:
            lines.append(f"- {t('q_clean_input')}")
        else:
            lines.append(f"- {t('q_problems', n=f'{len(d.problems):,}')}")
        lines.append(f"- {t('q_selected', n=f'{self.selected:,}')}")
        return "\n".join(lines)


def _matched_servicer(servicer: str | None) -> str | None:
    """The servicer a selection means: the registry's name, or the name as written."""
    if servicer is None or not str(servicer).strip():
        return None
    from outcomes._registry import match_servicer

    name, found = match_servicer(servicer)
    return name if found else normalize_text(str(servicer)).strip()


def _date_range(cases: pd.DataFrame) -> tuple[str, str] | None:
    """First and last month of the cases (agreement date, or sale date while pending)."""
    when = cases["agreement_date"].fillna(cases["sale_date"]).dropna()
    if when.empty:
        return None
    return f"{when.min():%Y-%m}", f"{when.max():%Y-%m}"


def _servicer_suggestions(given: str, cases: pd.DataFrame) -> list[str]:
    """Names near ``given`` (``suggest_servicers``): the data's servicers first, then the registry's."""
    from outcomes._registry import RegistryError, normalize_servicer, suggest_servicers

    present = cases["servicer"].dropna().astype("string").unique().tolist()
    # the data's names as a firm registry (one spelling per matching key), so that an
    # unregistered servicer of the data can be suggested too
    names = list({normalize_servicer(n): n for n in present if normalize_servicer(n)}.values())
    try:
        nearby = suggest_servicers(given, 6, pd.DataFrame({"name": names}) if names else None)
    except RegistryError:  # two spellings of the data naming one registered company
        nearby = suggest_servicers(given, 6)
    in_data = set(present)
    ranked = [n for n in nearby if n in in_data] + [n for n in nearby if n not in in_data]
    return ranked[:3]


def check_selection(cases: pd.DataFrame, selection: Selection) -> None:
    """Refuse, in one line, a selection that matches no case.

    A misspelled servicer gets the nearest names of the data and of the
    registry (「もしかして: …」); a creditor type or a period without cases
    says what the data holds; a ``k`` larger than all the data's cases (every
    figure would read k未満) is refused too. A selection that matches a few
    cases is fine: its small cells are suppressed where published.

    Raises
    ------
    OutcomesError
        If no case of ``cases`` matches.

    Examples
    --------
    >>> cases = pd.DataFrame({
    ...     "agreement_date": pd.to_datetime(["2022-05-01", "2023-03-01"]),
    ...     "sale_date": pd.to_datetime(["2021-01-01", "2022-01-01"]),
    ...     "creditor_type": pd.Categorical(["bank", "jhf"], categories=CREDITOR_TYPES),
    ...     "servicer": pd.array(["SMBC債権回収", None], dtype="string"),
    ... })
    >>> check_selection(cases, Selection(servicer="ＳＭＢＣ債権回収株式会社", k=1))  # matches: nothing said
    >>> from outcomes import OutcomesError
    >>> try:
    ...     check_selection(cases, Selection(servicer="ＳＭＢＣ債券回収", k=1))
    ... except OutcomesError as error:
    ...     print(error)
    サービサー「ＳＭＢＣ債券回収」の案件はありません(登録簿にもデータにもない名前です。もしかして: SMBC債権回収)
    >>> try:
    ...     check_selection(cases, Selection(period="2030-01:2030-12", k=1, language="en"))
    ... except OutcomesError as error:
    ...     print(error)
    no case in the period 2030-01 – 2030-12 (the data's cases run from 2022-05 to 2023-03)
    """
    from outcomes._registry import match_servicer
    from outcomes.report._labels import value_labels

    period, servicer, creditor_type = (
        selection.period,
        selection.servicer,
        selection.creditor_type,
    )
    language = selection.language

    def t(key: str, **fields: object) -> str:
        return text(key, language, **fields)

    if len(cases) == 0:
        raise OutcomesError(t("no_case_selection", what=t("h_all"), range=""))
    if len(cases) < selection.k:  # every figure would be suppressed (analyst review N9)
        raise OutcomesError(t("k_over_cases", k=f"{selection.k:,}", n=f"{len(cases):,}"))
    has_servicer = servicer is not None
    has_type = creditor_type is not None
    if has_servicer and len(select_cases(cases, Selection(servicer=servicer))) == 0:
        name, registered = match_servicer(servicer)
        why = t("why_servicer_not_in_data", name=name) if registered else t("why_unknown_servicer")
        nearby = _servicer_suggestions(str(servicer), cases)
        if nearby:
            maybe = t("maybe", names=join(nearby, language))
        else:
            top = cases["servicer"].value_counts().index[:3].tolist()
            maybe = t("data_servicers", names=join(top, language)) if top else ""
        raise OutcomesError(t("no_case_servicer", given=str(servicer), why=why, maybe=maybe))
    labels = value_labels("creditor_type", language)
    if has_type and len(select_cases(cases, Selection(creditor_type=creditor_type))) == 0:
        code = creditor_type_code(creditor_type, language)
        present = cases["creditor_type"].astype("string").value_counts().index.tolist()
        raise OutcomesError(
            t(
                "no_case_creditor_type",
                label=labels.get(code, code),
                present=join([labels.get(c, c) for c in present], language),
            )
        )
    first, last = parse_period(period)
    if (first is not None or last is not None) and len(
        select_cases(cases, Selection(period=period))
    ) == 0:
        span = _date_range(cases) or ("?", "?")
        raise OutcomesError(
            t("no_case_period", period=period_label(period, language), first=span[0], last=span[1])
        )
    chosen = select_cases(cases, selection)
    if len(chosen) == 0:
        what = []
        if first is not None or last is not None:
            what.append(t("sel_period", period=period_label(period, language)))
        if has_servicer:
            what.append(t("sel_servicer", name=_matched_servicer(servicer)))
        if has_type:
            code = creditor_type_code(creditor_type, language)
            what.append(t("sel_creditor_type", label=labels.get(code, code)))
        span = _date_range(select_cases(cases, selection.only(period=None)))
        where = t("selection_range", first=span[0], last=span[1]) if span else ""
        raise OutcomesError(t("no_case_selection", what=join(what, language), range=where))


@check_arguments
def prepare_report(
    input: str | Path | None = None,
    *,
    prepared: str | Path | None = None,
    period: str | None = None,
    servicer: str | None = None,
    creditor_type: str | None = None,
    k: int = DEFAULT_K,
    today: date | str | None = None,
    compare: str | None = None,
    language: str = "ja",
    selection: Selection | None = None,
) -> ReportCases:
    """Load and select the cases of a report (the template's first step).

    Every matching case is kept: nothing is removed before counting (that
    would bias every figure); small cells are suppressed where published. A
    selection that matches no case is refused in one line that says what the
    data holds.

    Parameters
    ----------
    input : str or Path, optional
        The export (see :func:`load_report_data`); ``None``: the shipped sample.
    prepared : str or Path, optional
        A directory written by :meth:`ReportData.save` (``write_report``
        cleans before running the template); wins over ``input``.
    period, servicer, creditor_type : str, optional
        The selection (see :class:`Selection`).
    k : int
        Smallest group shown.
    today : date or str, optional
        The day of cleaning.
    compare : str, optional
        The period to compare with; default the preceding period of equal length.
    language : {"ja", "en"}
        The report's language.
    selection : Selection, optional
        The whole selection as one record, instead of ``period`` …
        ``language``.

    Examples
    --------
    >>> rc = prepare_report(k=5)
    >>> rc.selected == len(rc.cases) == len(rc.data.cases) == 1500
    True
    >>> rc = prepare_report(period="2023", k=5)
    >>> rc.compare, len(rc.previous) > 0
    ('2022-01:2022-12', True)
    >>> prepare_report(selection=Selection(period="2023", k=5)).compare
    '2022-01:2022-12'
    """
    from outcomes.report._tables import suppression_log

    if selection is None:
        selection = Selection(period, servicer, creditor_type, compare, k, language)
    suppression_log.reset()  # one report, one count of suppressed cells
    data = ReportData.load(prepared) if prepared else load_report_data(input, today=today)
    check_selection(data.cases, selection)
    chosen = select_cases(data.cases, selection)
    cases = with_derived(chosen).reset_index(drop=True)
    previous = None
    if selection.compared:
        before = select_cases(data.cases, selection.only(period=selection.compared))
        previous = with_derived(before).reset_index(drop=True)
    return ReportCases(data, len(chosen), cases, selection, previous)
