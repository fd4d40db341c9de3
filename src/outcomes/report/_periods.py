"""Periods of agreements: ``"2023-01:2024-12"`` read, written and stepped back.

:func:`parse_period` reads the ``--period`` / ``--compare`` text (a year, a
month, or a range with open ends), :func:`period_label` writes one as the
report shows it, :func:`previous_period` gives the period of equal length
before it.
"""

from __future__ import annotations

import re

import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._contract import normalize_text
from outcomes._errors import OutcomesError
from outcomes.report._text import text

__all__ = ["parse_period", "period_label", "previous_period"]

_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


def parse_period(
    period: str | None, language: str = "en"
) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """Read a period like ``"2023-01:2024-12"`` as (first day, last day).

    Either side may be a year (``2023``) or a month (``2023-01``), or be left
    empty for an open end (``"2023-01:"``); a single month or year means that
    month or year. A period that cannot be read is refused in one line, in
    ``language`` (``"en"`` or ``"ja"``).

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
    >>> from outcomes import OutcomesError
    >>> try:
    ...     parse_period("2023-13", "ja")
    ... except OutcomesError as error:
    ...     print(error)
    期間「2023-13」: 「2023-13」は年(YYYY)でも月(YYYY-MM)でもありません
    """
    if period is None or str(period).strip() == "":
        return None, None
    text_ = normalize_text(str(period))
    parts = text_.split(":") if ":" in text_ else [text_, text_]
    if len(parts) != 2 or not any(p.strip() for p in parts):
        raise OutcomesError(text("bad_period_form", language, given=period))
    bounds: list[pd.Timestamp | None] = []
    for i, part in enumerate(p.strip() for p in parts):
        if part == "":
            bounds.append(None)
            continue
        m = _MONTH.match(part)
        if m is None or not (1 <= int(m[2] or 1) <= 12):
            raise OutcomesError(text("bad_period_part", language, given=period, part=part))
        start = pd.Timestamp(int(m[1]), int(m[2] or 1), 1)
        if i == 0:
            bounds.append(start)
        else:
            months = 1 if m[2] else 12
            bounds.append(start + pd.DateOffset(months=months) - pd.Timedelta(days=1))
    first, last = bounds
    if first is not None and last is not None and first > last:
        raise OutcomesError(text("bad_period_order", language, given=period))
    return first, last


@check_arguments
def period_label(period: str | None, language: str = "ja") -> str:
    """A period as the report writes it.

    Examples
    --------
    >>> period_label("2023-01:2024-12"), period_label(None), period_label(None, "en")
    ('2023-01 〜 2024-12', '全期間', 'all periods')
    >>> period_label("2023-01:", "en")
    '2023-01 –'
    """
    first, last = parse_period(period)
    if first is None and last is None:
        return text("all_periods", language)
    first_, last_ = ("" if d is None else f"{d:%Y-%m}" for d in (first, last))
    return text("range", language, low=first_, high=last_).strip()


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
