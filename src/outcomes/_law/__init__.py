"""The law: pure arithmetic of the statutes, dates and yen in, dates and yen out.

- :mod:`~outcomes._law.statutes` — 個人再生's minimum repayment (民事再生法 §231)
  and its claims B (§84(2)), 遅延損害金 under the 利息制限法 caps, usual rates;
- :mod:`~outcomes._law.limitation` — 消滅時効: when a claim's limitation
  completes, across the 2020 民法, acknowledgements, demands, suits and
  judgments, and the originator's merchant status that decides the period;
- :mod:`~outcomes._law.wording` — why: each reason of a limitation date is a
  code (:class:`~outcomes._messages.Message`) whose Japanese and English are in
  :data:`LIMITATION_REASONS`, rendered by :func:`say_reason`.

No wording of the ways out lives here (that is :mod:`outcomes._advice`): a
new rule of law is a function here with its statute in the docstring, its
reasons as codes in :mod:`~outcomes._law.wording`, and the ways-out notes in
:mod:`outcomes._advice`. Used by the advice and by the
synthetic data (:mod:`outcomes.datasets`); imports only the base modules.
"""

from outcomes._law.limitation import (
    NEW_CIVIL_CODE,
    LimitationResult,
    creditor_is_servicer,
    limitation_complete,
    limitation_date,
    originator_is_merchant,
    period_end,
)
from outcomes._law.statutes import (
    DEFAULT_RATES,
    JFC_RATE_CHANGE,
    REHABILITATION_DEBT_LIMIT,
    default_interest,
    default_rate,
    interest_cap,
    rehabilitation_claims,
    rehabilitation_minimum,
)
from outcomes._law.wording import LIMITATION_REASONS, say_reason

__all__ = [
    "DEFAULT_RATES",
    "JFC_RATE_CHANGE",
    "LIMITATION_REASONS",
    "NEW_CIVIL_CODE",
    "REHABILITATION_DEBT_LIMIT",
    "LimitationResult",
    "creditor_is_servicer",
    "default_interest",
    "default_rate",
    "interest_cap",
    "limitation_complete",
    "limitation_date",
    "originator_is_merchant",
    "period_end",
    "rehabilitation_claims",
    "rehabilitation_minimum",
    "say_reason",
]
