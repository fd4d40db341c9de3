"""One section of the report: what it shows, and one sentence for what it cannot.

A report filtered to a servicer, a period or a creditor type may have too
few cases for some of its figures and tables (every group under ``k``).
Rather than an empty frame or a table of headers, a :class:`ReportSection`
leaves them out and says, in one sentence at the end of the section, what
could not be shown and why (``k``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._format import check_language
from outcomes.report._tables import shown
from outcomes.report._text import join, literal, text

__all__ = ["ReportSection"]


@check_arguments
class ReportSection:
    """What one section of a report shows, and what it cannot show (every group under ``k``).

    Made by :meth:`outcomes.report.ReportCases.section`. Its methods display
    in the running notebook (the report template).

    Parameters
    ----------
    k : int
    language : {"ja", "en"}

    Attributes
    ----------
    missing : list of str
        Titles and captions left out so far (every group under ``k``).

    Examples
    --------
    >>> section = ReportSection(10, "en")
    >>> section.missing += ["age band", "employment"]
    >>> section.sentence()
    'Not shown for this selection (every group has fewer than 10 cases): age band, employment.'
    """

    def __init__(self, k: int = DEFAULT_K, language: str = "ja") -> None:
        self.k = k
        self.language = check_language(language)
        self.missing: list[str] = []

    def say(self, markdown: str) -> None:
        """Display a paragraph (Markdown)."""
        from IPython.display import Markdown, display

        display(Markdown(markdown))

    def say_text(self, line: str) -> None:
        """Display a line that may hold names from the data, as text: no Markdown, no HTML.

        A servicer named ``[x](javascript:…)`` is shown as those characters,
        never as a link (issue 26, reliability review finding 2).
        """
        self.say(literal(line))

    def figure(self, panels: Sequence[Any], *, ncols: int = 2) -> None:
        """Draw the :func:`~outcomes.report.panel` s that have something to show, side by side."""
        import matplotlib.pyplot as plt

        from outcomes.report._panels import draw_panels

        self.missing += draw_panels(panels, k=self.k, language=self.language, ncols=ncols)
        plt.show()

    def table(self, table: pd.DataFrame, styler: Any) -> bool:
        """Display ``styler`` when ``table`` has a published row; else note its caption.

        ``table`` is what ``styler`` shows (a breakdown, a league table,
        predicted ranges …). Returns whether it was displayed.
        """
        if shown(table):
            from IPython.display import display

            display(styler)
            return True
        self.missing.append(str(getattr(styler, "caption", None) or ""))
        return False

    def league(self, table: pd.DataFrame, value: str, *, caption: str, what: str) -> None:
        """Display a :func:`~outcomes.report.league_table`, or say that it ranks nothing.

        When every servicer shown sits at the same median (monthly amounts
        cluster at 1万円), a table would rank ties: one sentence says so.
        ``what`` names the value in that sentence.
        """
        from outcomes.report._groups import POOLED, league_styled, uniform_median
        from outcomes.report._tables import value_formatter

        same = uniform_median(table)
        if same is None:
            self.table(table, league_styled(table, value, caption, self.language))
            return
        shown_rows = ~table["suppressed"].to_numpy(dtype=bool)
        servicers = int((shown_rows & (table["servicer"] != POOLED).to_numpy(dtype=bool)).sum())
        # (the pooled small servicers, if shown, are not counted among them)
        value_text = value_formatter(value, self.language)(same)
        self.say(
            text(
                "league_uniform",
                self.language,
                what=what,
                n=servicers,
                value=value_text,
            )
        )

    def sentence(self) -> str | None:
        """The sentence of what could not be shown, or None."""
        items = [m for m in dict.fromkeys(self.missing) if m]
        if not items:
            return None
        return text("cannot_show", self.language, k=self.k, items=join(items, self.language))

    def end(self) -> None:
        """Display the sentence of what could not be shown (if anything), and start over."""
        sentence = self.sentence()
        if sentence:
            self.say(sentence)
        self.missing = []
