"""Prove, from the written HTML, that a report publishes no count under k.

:func:`check_html` reads a report as a reader gets it (the HTML file, not
the code that wrote it) and checks every published count cell (HTML class
:data:`~outcomes.report.COUNT_CLASS`): each shows ``k未満`` (``under k`` in an
English report) or a whole number of at least ``k``, and a row whose count
is suppressed shows no statistic. It also checks the ``n=…`` counts written
in the text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from outcomes._arguments import check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._errors import PublishedCountError
from outcomes.report._labels import SUPPRESSED_LABELS
from outcomes.report._tables import COUNT_CLASS, STAT_CLASS

__all__ = ["PublishedCountError", "check_html"]


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, str]]] = []  # per <tr>: (class, text) of its <td>s
        self.captions: list[str] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self._class = ""
        self._caption: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
            self._class = dict(attrs).get("class") or ""
        elif tag == "caption":
            self._caption = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            if tag == "td" and self.rows:
                self.rows[-1].append((self._class, "".join(self._cell).strip()))
            self._cell = None
        elif tag == "caption" and self._caption is not None:
            self.captions.append("".join(self._caption).strip())
            self._caption = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._caption is not None:
            self._caption.append(data)
        self.text.append(data)


def _group(tokens: list[str]) -> str:
    """The group of cells a count or statistic belongs to in its row (``oc-g-…``, or the row)."""
    return next((t for t in tokens if t.startswith("oc-g-")), "")


_N_IN_TEXT = re.compile(r"\bn\s*=\s*([\d,]+)")


@check_arguments
def check_html(path: str | Path, k: int = DEFAULT_K) -> int:
    """Check a written report: no published count under ``k``.

    Parameters
    ----------
    path : str or Path
        The HTML file written by :func:`~outcomes.write_report`.
    k : int
        The report's k.

    Returns
    -------
    int
        How many count cells were checked (suppressed ones included).

    Raises
    ------
    PublishedCountError
        Naming the first offending cell: a count under ``k``, a count that
        is not a number, or a statistic shown in a suppressed row.

    Examples
    --------
    >>> import tempfile, os
    >>> page = '<table><tr><td class="oc-count">12</td><td class="oc-stat">3%</td></tr>'
    >>> page += '<tr><td class="oc-count">k未満</td><td class="oc-stat"></td></tr></table>'
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "r.html")
    ...     _ = open(p, "w", encoding="utf-8").write(page)
    ...     check_html(p, k=5)
    2

    A row of two groups (this period and the previous one, classes
    ``oc-g-…``): each group's statistic stands on its own count.

    >>> page = ('<table><tr><td class="oc-stat oc-g-now"></td>'
    ...         '<td class="oc-count oc-g-now">k未満</td><td class="oc-stat oc-g-before">1万円</td>'
    ...         '<td class="oc-count oc-g-before">11</td></tr></table>')
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "r.html")
    ...     _ = open(p, "w", encoding="utf-8").write(page)
    ...     check_html(p, k=10)
    2
    """
    text = Path(path).read_text(encoding="utf-8")
    parser = _Cells()
    parser.feed(text)
    checked = 0
    for i, row in enumerate(parser.rows):
        # a row may hold several groups of cells (this period, the previous one: class
        # ``oc-g-…``), each with its own count; a row without them is one group
        suppressed: set[str] = set()
        for classes, value in row:
            tokens = classes.split()
            if COUNT_CLASS not in tokens:
                continue
            checked += 1
            if value in SUPPRESSED_LABELS:
                suppressed.add(_group(tokens))
                continue
            digits = value.replace(",", "")
            if not digits.isdigit():
                raise PublishedCountError(f"table row {i}: count cell {value!r} is not a number")
            if int(digits) < k:
                raise PublishedCountError(f"table row {i}: count {value} is under k={k}")
        shown = [
            t for c, t in row if STAT_CLASS in c.split() and t and _group(c.split()) in suppressed
        ]
        if shown:
            raise PublishedCountError(
                f"table row {i}: suppressed row shows a statistic ({shown[0]!r})"
            )
    for m in _N_IN_TEXT.finditer(" ".join(parser.text)):
        if int(m[1].replace(",", "")) < k:
            raise PublishedCountError(f"text 'n={m[1]}' is a count under k={k}")
    return checked
