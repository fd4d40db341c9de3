"""Advice: one case (or a table of them) in, internal estimates of its ways out.

Every figure here is an internal estimate from past cases for the analyst,
never legal advice and never a promise to the debtor (弁護士法 §72).
"""

from outcomes._advice.basis import Basis, PastLumpSums, index_past_cases
from outcomes._advice.batch import batch_offers, opening_offers
from outcomes._advice.case import case_from_mapping, read_case_json
from outcomes._advice.installment import InstallmentProposal, installment_proposal
from outcomes._advice.offer import Offer, opening_offer
from outcomes._advice.paths import compare_paths, render_paths
from outcomes._advice.wording import ESTIMATE_NOTICE

__all__ = [
    "ESTIMATE_NOTICE",
    "Basis",
    "InstallmentProposal",
    "Offer",
    "PastLumpSums",
    "batch_offers",
    "case_from_mapping",
    "compare_paths",
    "index_past_cases",
    "installment_proposal",
    "opening_offer",
    "opening_offers",
    "read_case_json",
    "render_paths",
]
