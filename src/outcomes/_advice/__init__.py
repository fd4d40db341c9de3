"""Advice: one case (or a table of them) in, internal estimates of its ways out.

The rooms:

- :mod:`~outcomes._advice.advisor` — :class:`Advisor`: models, past cases, the
  servicer registry, ``k``, language and levels set up once; ``offer``,
  ``installment``, ``paths`` and ``offers`` per case. :mod:`~outcomes._advice.api`
  keeps the one-call functions (:func:`opening_offer`, :func:`installment_proposal`,
  :func:`compare_paths`, :func:`batch_offers`) as thin wrappers of it;
- :mod:`~outcomes._advice.case` — one case ready for a payment proposal (the
  clean row itself comes from :mod:`outcomes._cleaning`);
  :mod:`~outcomes._advice.facts` — its legal facts in one record (:class:`LegalFacts`);
- :mod:`~outcomes._advice.curve` — the predictive CDF of the settlement ratio and
  the three amounts; :mod:`~outcomes._advice.basis` — the similar past lump sums;
  :mod:`~outcomes._advice.offer` — :class:`Offer`; :mod:`~outcomes._advice.batch` —
  a table at once; :mod:`~outcomes._advice.installment` — :class:`InstallmentProposal`;
- :mod:`~outcomes._advice.ways_out` — one file per way out, each with its record,
  row builder, notes and labels (a new way out, say 特定調停, is one new file), and
  :mod:`~outcomes._advice.paths` — the table and its rendering;
- :mod:`~outcomes._advice.limitation_check` — the limitation inside every offer,
  single or batch: where it has run or may have, the offer says so first (issue 25);
- :mod:`~outcomes._advice.summary` — the one-page summary of an offer;
- :mod:`~outcomes._advice.wording` (offers, instalments, warnings) and
  :mod:`~outcomes._advice.notes` (the notes the ways out share, and their one
  citation table): every sentence, Japanese beside English; nothing is computed there.

The law's arithmetic is :mod:`outcomes._law`. Every figure here is an internal
estimate from past cases for the analyst, never legal advice and never a
promise to the debtor (弁護士法 §72).
"""

from outcomes._advice.advisor import Advisor
from outcomes._advice.api import batch_offers, compare_paths, installment_proposal, opening_offer
from outcomes._advice.basis import Basis, PastLumpSums, index_past_cases
from outcomes._advice.batch import (
    batch_summary,
    opening_offers,
    resolved_cases,
)
from outcomes._advice.case import check_as_of
from outcomes._advice.facts import LegalFacts, noted_facts
from outcomes._advice.installment import InstallmentProposal
from outcomes._advice.offer import Offer
from outcomes._advice.paths import render_paths
from outcomes._advice.summary import render_offer
from outcomes._advice.wording import (
    BATCH_OFFER_LABELS_JA,
    ESTIMATE_NOTICE,
    LIMITATION_STATUS_JA,
    SERVICER_STATUS_JA,
)
from outcomes._cleaning import case_from_mapping, read_case_json

__all__ = [
    "BATCH_OFFER_LABELS_JA",
    "ESTIMATE_NOTICE",
    "LIMITATION_STATUS_JA",
    "SERVICER_STATUS_JA",
    "Advisor",
    "Basis",
    "InstallmentProposal",
    "LegalFacts",
    "Offer",
    "PastLumpSums",
    "batch_offers",
    "batch_summary",
    "case_from_mapping",
    "check_as_of",
    "compare_paths",
    "index_past_cases",
    "installment_proposal",
    "noted_facts",
    "opening_offer",
    "opening_offers",
    "read_case_json",
    "render_offer",
    "render_paths",
    "resolved_cases",
]
