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

import html
import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from outcomes._arguments import as_day
from outcomes._contract import (
    CREDITOR_TYPE_LABELS,
    CREDITOR_TYPES,
    DEFAULT_K,
    normalize_text,
)
from outcomes._errors import OutcomesError
from outcomes._privacy import safe_label

__all__ = [
    "ReportCases",
    "ReportData",
    "load_report_data",
    "months_to_agreement",
    "now_jst",
    "parse_period",
    "period_label",
    "prepare_report",
    "previous_period",
    "select_cases",
    "source_name",
    "with_derived",
]

# --------------------------------------------------------------------------
# Selecting cases
# --------------------------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


def parse_period(period: str | None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """Read a period like ``"2023-01:2024-12"`` as (first day, last day).

    Either side may be a year (``2023``) or a month (``2023-01``), or be left
    empty for an open end (``"2023-01:"``); a single month or year means that
    month or year.

    Examples
    --------
    >>> parse_period("2023-01:2024-12")
    (Timestamp('2023-01-01 00:00:00'), Timestamp('2024-12-31 00:00:00'))
    >>> parse_period("2023")
    (Timestamp('2023-01-01 00:00:00'), Timestamp('2023-12-31 00:00:00'))
    >>> parse_period("2024-02:")
    (Timestamp('2024-02-01 00:00:00'), None)
    >>> parse_period(None)
    (None, None)
    """
    if period is None or str(period).strip() == "":
        return None, None
    text = normalize_text(str(period))
    parts = text.split(":") if ":" in text else [text, text]
    if len(parts) != 2 or not any(p.strip() for p in parts):
        raise OutcomesError(f"period {period!r}: write it as YYYY-MM:YYYY-MM, e.g. 2023-01:2024-12")
    bounds: list[pd.Timestamp | None] = []
    for i, part in enumerate(p.strip() for p in parts):
        if part == "":
            bounds.append(None)
            continue
        m = _MONTH.match(part)
        if m is None or not (1 <= int(m[2] or 1) <= 12):
            raise OutcomesError(f"period {period!r}: {part!r} is not a year or a YYYY-MM month")
        start = pd.Timestamp(int(m[1]), int(m[2] or 1), 1)
        if i == 0:
            bounds.append(start)
        else:
            months = 1 if m[2] else 12
            bounds.append(start + pd.DateOffset(months=months) - pd.Timedelta(days=1))
    first, last = bounds
    if first is not None and last is not None and first > last:
        raise OutcomesError(f"period {period!r}: the start is after the end")
    return first, last


def select_cases(
    cases: pd.DataFrame,
    *,
    period: str | None = None,
    servicer: str | None = None,
    creditor_type: str | None = None,
) -> pd.DataFrame:
    """The cases a report is about.

    Parameters
    ----------
    cases : DataFrame
        The clean table.
    period : str, optional
        Agreement period (see :func:`parse_period`). A case is in it when its
        agreement_date is; a pending case (no agreement yet) when its
        sale_date is.
    servicer : str, optional
        Only this servicer's cases; the name is matched like the cleaner
        matches it (suffixes, half-width kana and former names all match).
    creditor_type : str, optional
        Only this creditor type (a code such as ``bank``, or its Japanese label).

    Examples
    --------
    >>> cases = pd.DataFrame({
    ...     "agreement_date": pd.to_datetime(["2022-05-01", "2023-03-01", None]),
    ...     "sale_date": pd.to_datetime(["2021-01-01", "2022-01-01", "2023-06-01"]),
    ...     "creditor_type": pd.Categorical(["bank", "jhf", "bank"], categories=CREDITOR_TYPES),
    ...     "servicer": pd.array(["アビリオ債権回収", None, None], dtype="string"),
    ... })
    >>> len(select_cases(cases, period="2023-01:2023-12"))
    2
    >>> len(select_cases(cases, creditor_type="bank"))
    2
    >>> len(select_cases(cases, servicer="アビリオ債権回収株式会社"))
    1
    """
    keep = pd.Series(True, index=cases.index)
    first, last = parse_period(period)
    if first is not None or last is not None:
        when = cases["agreement_date"].fillna(cases["sale_date"])
        if first is not None:
            keep &= (when >= first).fillna(False)
        if last is not None:
            keep &= (when <= last).fillna(False)
    if servicer is not None and str(servicer).strip():
        from outcomes._registry import match_servicer

        name, found = match_servicer(servicer)
        wanted = name if found else normalize_text(str(servicer))
        keep &= (cases["servicer"] == wanted).fillna(False)
    if creditor_type is not None and str(creditor_type).strip():
        code = creditor_type_code(creditor_type)
        keep &= (cases["creditor_type"].astype("string") == code).fillna(False)
    mask = keep.to_numpy(dtype=bool)
    # every case kept: a shallow copy (copy-on-write), not a second million-row table
    return cases.copy(deep=False) if mask.all() else cases[mask]


def creditor_type_code(value: str) -> str:
    text = normalize_text(str(value))
    if text.casefold() in CREDITOR_TYPES:
        return text.casefold()
    by_label = {label: code for code, label in CREDITOR_TYPE_LABELS.items()}
    if text in by_label:
        return by_label[text]
    raise OutcomesError(f"creditor type {value!r}: use one of {', '.join(CREDITOR_TYPES)}")


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
    return (days / 30.4375).astype("float64").rename("months_to_agreement")


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
        edges = [0, 100_000, 150_000, 200_000, 250_000, 300_000, np.inf]
        labels = [
            f"{lo // 10_000:.0f}万円以上"
            if np.isinf(hi)
            else (
                f"{hi // 10_000:.0f}万円未満"
                if lo == 0
                else f"{lo // 10_000:.0f}万〜{hi // 10_000:.0f}万円未満"
            )
            for lo, hi in zip(edges[:-1], edges[1:], strict=True)
        ]
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
    loaded = load_case_table(source, today=day, table=table, query=query)
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
    previous : DataFrame or None
        The cases of the period compared with (``compare``, or the preceding
        period of equal length), same servicer and creditor type; ``None``
        without a period.
    k : int
    period, servicer, creditor_type, compare : str or None
        The selection.
    """

    def __init__(
        self,
        data: ReportData,
        selected: int,
        cases: pd.DataFrame,
        k: int,
        period: str | None = None,
        servicer: str | None = None,
        creditor_type: str | None = None,
        previous: pd.DataFrame | None = None,
        compare: str | None = None,
    ) -> None:
        self.data = data
        self.selected = selected
        self.cases = cases
        self.k = k
        self.period = period
        self.servicer = servicer
        self.creditor_type = creditor_type
        self.previous = previous
        self.compare = compare

    def header_markdown(self, produced_at: str | None = None, version: str | None = None) -> str:
        """When (JST), from which file, with which version and on which cases (Markdown)."""
        from outcomes._version import __version__

        produced_at = produced_at or now_jst()
        servicer = html.escape(safe_label(self.servicer)) if self.servicer else "全て"
        creditor_type = (
            CREDITOR_TYPE_LABELS[creditor_type_code(self.creditor_type)]
            if self.creditor_type
            else "全て"
        )
        rows = [
            ("作成日時", produced_at),
            ("入力ファイル", html.escape(safe_label(self.data.source_name))),
            ("outcomes のバージョン", version or __version__),
            ("和解期間", period_label(self.period) + "(和解日、交渉中の案件は売却日で判定)"),
            ("サービサー", servicer),
            ("債権者区分", creditor_type),
            (
                "k(最小の表示単位)",
                f"{self.k} — 条件に合う全案件で集計し、{self.k} 件未満の案件から成る"
                f"集計セルは「k未満」と表示します",
            ),
        ]
        lines = ["| 項目 | 内容 |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)]
        return "\n".join(lines)

    def quality_markdown(self) -> str:
        """Records read, cases kept, problems, and the cases of the report (Markdown)."""
        d = self.data
        lines = [
            f"- 読み込んだ行数: **{d.rows_read:,}**",
            f"- 案件数(同一案件の行をまとめた後): **{len(d.cases):,}**",
        ]
        if d.already_clean:
            lines.append("- 入力はクリーニング済みの表です(問題の一覧はありません)")
        else:
            lines.append(
                f"- クリーニングで報告された問題: **{len(d.problems):,}** 件(内訳は下の表)"
            )
        lines += [
            f"- 条件に合う案件: **{self.selected:,}**(すべてを集計します。除いた案件はありません)",
        ]
        return "\n".join(lines)


def period_label(period: str | None) -> str:
    """A period as the report writes it.

    Examples
    --------
    >>> period_label("2023-01:2024-12"), period_label(None)
    ('2023-01 〜 2024-12', '全期間')
    """
    first, last = parse_period(period)
    if first is None and last is None:
        return "全期間"
    text = ("" if first is None else f"{first:%Y-%m} ") + "〜"
    return text + ("" if last is None else f" {last:%Y-%m}")


def previous_period(period: str | None) -> str | None:
    """The period of equal length just before ``period`` (``None`` if open-ended).

    Examples
    --------
    >>> previous_period("2023"), previous_period("2023-04:2023-09"), previous_period("2023-01:")
    ('2022-01:2022-12', '2022-10:2023-03', None)
    """
    first, last = parse_period(period)
    if first is None or last is None:
        return None
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    start = first - pd.DateOffset(months=months)
    end = first - pd.DateOffset(months=1)
    return f"{start:%Y-%m}:{end:%Y-%m}"


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
) -> ReportCases:
    """Load and select the cases of a report (the template's first step).

    Every matching case is kept: nothing is removed before counting (that
    would bias every figure); small cells are suppressed where published.

    Parameters
    ----------
    input : str or Path, optional
        The export (see :func:`load_report_data`); ``None``: the shipped sample.
    prepared : str or Path, optional
        A directory written by :meth:`ReportData.save` (``write_report``
        cleans before running the template); wins over ``input``.
    period, servicer, creditor_type : str, optional
        The selection (see :func:`select_cases`).
    k : int
        Smallest group shown.
    today : date or str, optional
        The day of cleaning.
    compare : str, optional
        The period to compare with; default the preceding period of equal length.

    Examples
    --------
    >>> rc = prepare_report(k=5)
    >>> rc.selected == len(rc.cases) == len(rc.data.cases) == 1500
    True
    >>> rc = prepare_report(period="2023", k=5)
    >>> rc.compare, len(rc.previous) > 0
    ('2022-01:2022-12', True)
    """
    if k < 1:
        raise OutcomesError(f"k must be at least 1, got {k}")
    data = ReportData.load(prepared) if prepared else load_report_data(input, today=today)
    chosen = select_cases(data.cases, period=period, servicer=servicer, creditor_type=creditor_type)
    cases = with_derived(chosen).reset_index(drop=True)
    compare = compare or previous_period(period)
    previous = None
    if compare:
        before = select_cases(
            data.cases, period=compare, servicer=servicer, creditor_type=creditor_type
        )
        previous = with_derived(before).reset_index(drop=True)
    return ReportCases(
        data, len(chosen), cases, k, period, servicer, creditor_type, previous, compare
    )
