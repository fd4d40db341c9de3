"""outcomes: residual-debt outcomes after a 任意売却.

Clean the firm's case exports into one trustworthy table, fit models of the
settlement ratio and the agreed monthly amount with calibrated intervals,
turn them into an opening offer, and write k-anonymous internal reports.

The public names are listed in ``__all__``; each lives in one private module
and is imported on first use, so that ``import outcomes`` stays fast.
"""

from __future__ import annotations

import importlib

# one source of the version, also when running from a source tree without an install
# (saved models record it and refuse another major.minor)
from outcomes._version import __version__

# public name -> module that defines it
_PUBLIC: dict[str, str] = {
    # errors
    "OutcomesError": "outcomes._errors",
    "ReadError": "outcomes._errors",
    "ParseError": "outcomes._errors",
    # a code and its fields: what errors, problems and legal reasons carry (issue 24)
    "Message": "outcomes._messages",
    # reading and cleaning
    "read_cases": "outcomes._cleaning",
    "clean_cases": "outcomes._cleaning",
    "CleanResult": "outcomes._cleaning",
    "case_schema": "outcomes._cleaning",
    # the negotiation log (交渉履歴, contract §9)
    "clean_negotiations": "outcomes._cleaning",
    "read_negotiations": "outcomes._cleaning",
    "NegotiationLog": "outcomes._cleaning",
    "match_servicer": "outcomes._registry",
    "load_servicer_registry": "outcomes._registry",
    "suppress_small_groups": "outcomes._privacy",
    # data
    "load_sample": "outcomes.datasets",
    "simulate_cases": "outcomes.datasets",
    "load_case_table": "outcomes._io",
    "read_model_dir": "outcomes._io",
    "write_model_dir": "outcomes._io",
    # models
    "RatioRegressor": "outcomes.models",
    "SettlementRatioModel": "outcomes.models",
    "MonthlyAmountModel": "outcomes.models",
    "evaluate": "outcomes.models",
    "load_model": "outcomes.models",
    # offers and paths
    "opening_offer": "outcomes._advice",
    "installment_proposal": "outcomes._advice",
    "opening_offers": "outcomes._advice",
    "Offer": "outcomes._advice",
    "InstallmentProposal": "outcomes._advice",
    # advice set up once, applied per case (the models, past cases, registry, language)
    "Advisor": "outcomes._advice",
    "LegalFacts": "outcomes._advice",
    "batch_offers": "outcomes._advice",
    "compare_paths": "outcomes._advice",
    "render_paths": "outcomes._advice",
    "ESTIMATE_NOTICE": "outcomes._advice",
    "rehabilitation_minimum": "outcomes._law",
    "limitation_date": "outcomes._law",
    "default_interest": "outcomes._law",
    "interest_cap": "outcomes._law",
    "limitation_complete": "outcomes._law",
    "LimitationResult": "outcomes._law",
    "case_from_mapping": "outcomes._cleaning",
    "DEFAULT_RATES": "outcomes._law",
    "CaseError": "outcomes._errors",
    "RehabilitationUnavailableError": "outcomes._errors",
    # reports
    "write_report": "outcomes.report",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> object:
    try:
        module = _PUBLIC[name]
    except KeyError:
        raise AttributeError(f"module 'outcomes' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
