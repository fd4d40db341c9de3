"""What a report is about: the selection as one frozen record.

The period, the servicer, the creditor type, the period compared with, the
smallest group shown (``k``) and the language used to travel loose through five
signatures (``write_report``, ``prepare_report``, ``ReportCases``,
``check_selection``, ``select_cases``); now they travel as one
:class:`Selection`, checked once when it is made, as :class:`outcomes.LegalFacts`
does for the advice (issue 24; architecture review §4.2).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from outcomes._arguments import as_count, in_language
from outcomes._contract import DEFAULT_K
from outcomes._errors import CaseError
from outcomes._format import check_language
from outcomes.report._labels import creditor_type_code
from outcomes.report._periods import parse_period, previous_period

__all__ = ["Selection"]


def _given(value: object) -> str | None:
    """``value`` as text, or ``None`` when nothing was asked for (``None``, blank)."""
    if value is None or str(value).strip() == "":
        return None
    return str(value)


@dataclass(frozen=True)
class Selection:
    """The cases a report is about, the smallest group it shows, and its language.

    Made once from the options of ``outcomes report`` (or the keywords of
    :func:`write_report` and :func:`prepare_report`), and checked when it is
    made: a bad ``k``, language, period or creditor type is refused in one
    line, in ``language``, before anything is read.

    Parameters
    ----------
    period : str, optional
        Agreement period, e.g. ``"2023-01:2024-12"``, ``"2023"`` or ``"2023-04:"``.
        A case is in it when its agreement date is; a pending case when its
        sale date is.
    servicer : str, optional
        Only this servicer's cases, matched as the cleaner matches names.
    creditor_type : str, optional
        Only this creditor type: a code such as ``bank``, its Japanese or
        English label, or a part of one (``信金``).
    compare : str, optional
        The period to compare with; default (:attr:`compared`) the period of
        equal length before ``period``.
    k : int
        Smallest group shown (k-anonymity); default 5.
    language : {"ja", "en"}
        The language of the whole report, and of its refusals.

    Examples
    --------
    >>> selection = Selection(period="2023", k=10)
    >>> selection.compared, selection.k, selection.language
    ('2022-01:2022-12', 10, 'ja')
    >>> Selection(servicer="  ").servicer is None
    True
    >>> try:
    ...     Selection(k=0, language="en")
    ... except ValueError as error:
    ...     print(error)
    k must be at least 1, got 0
    """

    period: str | None = None
    servicer: str | None = None
    creditor_type: str | None = None
    compare: str | None = None
    k: int = DEFAULT_K
    language: str = "ja"

    def __post_init__(self) -> None:
        language = check_language(self.language)
        try:
            k = as_count(self.k, "k")
        except CaseError as error:  # the one k check, its sentence in the report's language
            raise in_language(error, language) from None
        period, compare = _given(self.period), _given(self.compare)
        parse_period(period, language)
        parse_period(compare, language)
        creditor_type = _given(self.creditor_type)
        if creditor_type is not None:
            creditor_type_code(creditor_type, language)
        for name, value in (
            ("period", period),
            ("servicer", _given(self.servicer)),
            ("creditor_type", creditor_type),
            ("compare", compare),
            ("k", int(k)),
            ("language", language),
        ):
            object.__setattr__(self, name, value)

    @property
    def compared(self) -> str | None:
        """The period compared with: ``compare``, or the one of equal length before ``period``."""
        return self.compare or previous_period(self.period)

    def only(self, **changes: object) -> Selection:
        """The same selection with some fields changed (``only(period=None)``).

        Examples
        --------
        >>> Selection(period="2023", servicer="SMBC債権回収").only(period="2022").period
        '2022'
        """
        return replace(self, **changes)
