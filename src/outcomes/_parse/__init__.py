"""Value parsers: one raw cell in, one typed value (and maybe notes) out; by kind of value.

Every scalar parser is a pure function of one raw cell. The cell may be text
(the usual case: CSV read with ``dtype=str``), a typed spreadsheet or database
value (``int``, ``float``, ``Decimal``, numpy scalars, ``datetime.date``,
``datetime.datetime``, ``pandas.Timestamp``) or missing (``None``, NaN,
``pd.NA``, ``pd.NaT``). Each returns a :class:`Parsed` or raises
:class:`~outcomes.ParseError` whose ``.message`` is a code and its fields
(``Message("amount.unreadable")``); ``str()`` of the error is the English
sentence. The words of every code are one catalogue, :data:`PARSE_WORDS`.

One module per kind of value, each kind's scalar parser and its vectorised
fast path side by side (in the manner of skrub's ``_to_float.py`` and
``_to_datetime.py``):

- :mod:`~outcomes._parse.amounts`: yen (``580万円``, ``1億2000万円``, kanji);
- :mod:`~outcomes._parse.dates`: Western, era and serial dates;
- :mod:`~outcomes._parse.numbers`: ages, bands, counts, terms, ratios;
- :mod:`~outcomes._parse.text`: codes, yes/no, prefectures, text;
- :mod:`~outcomes._parse.column`: :func:`parse_column`, each distinct value
  parsed once, the easy forms by the kind's fast path;
- :mod:`~outcomes._parse._common` (the shared cell rules and fast-path kit)
  and :mod:`~outcomes._parse.words` (the catalogue).

Speed
-----
:func:`parse_column` parses each distinct raw value once (``factorize``) and
broadcasts the results back; the dominant easy forms (ASCII digit strings,
ISO dates, typed numbers and dates) take vectorised fast paths that give the
same result as the scalar parser.
"""

from __future__ import annotations

from outcomes._contract import CODE_MAPS
from outcomes._errors import ParseError
from outcomes._parse._common import NFKC_STABLE_CHARS, Parsed
from outcomes._parse.amounts import parse_amount
from outcomes._parse.column import ParsedColumn, gather_text, parse_column
from outcomes._parse.dates import parse_date
from outcomes._parse.numbers import (
    PERCENT_NOTE,
    age_band_of,
    parse_age,
    parse_age_band,
    parse_count,
    parse_ratio,
    parse_term,
)
from outcomes._parse.text import (
    NOTE_GUARANTOR_NAME,
    parse_code,
    parse_guarantor,
    parse_prefecture,
    parse_text,
)
from outcomes._parse.words import PARSE_WORDS, render_notes

__all__ = [
    "CODE_MAPS",
    "NFKC_STABLE_CHARS",
    "NOTE_GUARANTOR_NAME",
    "PARSE_WORDS",
    "PERCENT_NOTE",
    "ParseError",
    "Parsed",
    "ParsedColumn",
    "age_band_of",
    "gather_text",
    "parse_age",
    "parse_age_band",
    "parse_amount",
    "parse_code",
    "parse_column",
    "parse_count",
    "parse_date",
    "parse_guarantor",
    "parse_prefecture",
    "parse_ratio",
    "parse_term",
    "parse_text",
    "render_notes",
]
