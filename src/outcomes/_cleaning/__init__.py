"""Cleaning: a messy case export in, the contract's clean table and its problems out.

The rooms, in the order data flows through them:

- :mod:`~outcomes._cleaning.read` — :func:`read_cases`: CSV (encoding detected),
  .xlsx (the case sheet found), parquet and SQL, with spreadsheet row numbers
  (the CSV reader itself is :mod:`~outcomes._cleaning.read_csv`);
- :mod:`~outcomes._cleaning.clean` — :func:`clean_cases`: headers matched, each
  column's distinct values parsed once (the value parsers are
  :mod:`outcomes._parse`), personal data screened, the problems collected;
- :mod:`~outcomes._cleaning.derive` — the contract's rules on the parsed table:
  ranges (§4), derived fields (§5), duplicates (§6);
- :mod:`~outcomes._cleaning.problems` and :mod:`~outcomes._cleaning.wording` —
  the problems table (§8): a kind (a code) and a sentence in the run's language;
- :mod:`~outcomes._cleaning.schema` — the clean table's checks on the way out
  (vectorised, and the pandera :func:`case_schema`);
- :mod:`~outcomes._cleaning.memory` — freed memory handed back on large tables;
- :mod:`~outcomes._cleaning.negotiations` — :func:`clean_negotiations`: the
  negotiation log (§9), read by :mod:`~outcomes._cleaning.read_log`, its
  contract in :mod:`~outcomes._cleaning.log_contract`, one-cell proposals in
  :mod:`~outcomes._cleaning.proposals`, its problems' words in
  :mod:`~outcomes._cleaning.log_words`;
- :mod:`~outcomes._cleaning.single` — one case (a mapping, JSON file, Series or
  row) as a clean one-row frame, a clean row taken as it is.

Other concerns import from this package only (``from outcomes._cleaning import
clean_cases``), never from its modules.
"""

from outcomes._cleaning.clean import PROBLEM_COLUMNS, CleanResult, clean_cases
from outcomes._cleaning.log_checks import check_negotiations
from outcomes._cleaning.log_contract import LOG_DTYPES, NEGOTIATION_COLUMNS
from outcomes._cleaning.negotiations import NegotiationLog, clean_negotiations
from outcomes._cleaning.proposals import Proposal, parse_proposal
from outcomes._cleaning.read import mask_url, read_cases
from outcomes._cleaning.read_log import read_negotiations
from outcomes._cleaning.schema import case_schema, check_cases
from outcomes._cleaning.single import (
    CASE_EXTRA_KEYS,
    CaseLike,
    case_from_mapping,
    check_case_keys,
    is_clean_row,
    read_case_json,
)
from outcomes._cleaning.wording import PROBLEM_KINDS

__all__ = [
    "CASE_EXTRA_KEYS",
    "LOG_DTYPES",
    "NEGOTIATION_COLUMNS",
    "NegotiationLog",
    "Proposal",
    "check_negotiations",
    "clean_negotiations",
    "parse_proposal",
    "read_negotiations",
    "PROBLEM_COLUMNS",
    "PROBLEM_KINDS",
    "CaseLike",
    "CleanResult",
    "case_from_mapping",
    "case_schema",
    "check_case_keys",
    "check_cases",
    "clean_cases",
    "is_clean_row",
    "mask_url",
    "read_case_json",
    "read_cases",
]
