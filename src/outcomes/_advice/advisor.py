"""The :class:`Advisor`: the configuration of a day's advice, set up once, applied to each case.

An analyst's models, past cases, the firm's servicer registry, ``k``, the
language, the offer levels and whether to explain are the same for every case
of a day; the case, the household's cash and budget, the day and the case's
legal facts (:class:`~outcomes._advice.facts.LegalFacts`) change each time.
The Advisor holds the first and takes the second per call, in the manner of
skrub's ``Joiner`` behind ``fuzzy_join``:

- :meth:`Advisor.offer` → :class:`~outcomes._advice.offer.Offer` (a lump sum);
- :meth:`Advisor.installment` → :class:`~outcomes._advice.installment.InstallmentProposal`;
- :meth:`Advisor.paths` → the ways-out table (:func:`~outcomes._advice.paths.render_paths`);
- :meth:`Advisor.offers` → offers for a whole table (the batch path);
- :meth:`Advisor.servicer_notice` → the servicer's status and the warning every
  estimate puts first (one place for it).

:func:`outcomes.opening_offer`, :func:`~outcomes.installment_proposal`,
:func:`~outcomes.compare_paths` and :func:`~outcomes.batch_offers` stay as thin
functions that build an Advisor for one call (:mod:`~outcomes._advice.api`).
Every figure is an internal estimate, never a promise to the debtor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import pandas as pd

from outcomes._advice.basis import PastLumpSums, index_past_cases, model_knows_roles
from outcomes._advice.batch import BATCH_CHUNK, make_offers
from outcomes._advice.case import case_to_settle, first_value
from outcomes._advice.curve import OFFER_LEVELS, check_levels
from outcomes._advice.facts import LegalFacts
from outcomes._advice.installment import InstallmentProposal, make_installment
from outcomes._advice.limitation_check import case_limitation, limitation_status
from outcomes._advice.offer import Offer, make_offer
from outcomes._advice.paths import make_paths
from outcomes._advice.servicer_log import ServicerLog, negotiation_table, servicer_log
from outcomes._advice.wording import consigned_warning, servicer_warning
from outcomes._arguments import as_count, as_date, as_day, as_yen, check_arguments, check_language
from outcomes._cleaning import CaseLike, case_from_mapping
from outcomes._contract import DEFAULT_K
from outcomes._errors import OutcomesError
from outcomes._format import LANGUAGES
from outcomes._io import ModelDir, read_model_dir
from outcomes._registry import ServicersLike, ServicerStatus, servicer_status, servicers_seen

__all__ = ["Advisor"]


@dataclass(frozen=True, eq=False)
class Advisor:
    """Advice on residual debts with one set of models and options: offers, instalments, ways out.

    Parameters
    ----------
    ratio_model : SettlementRatioModel, optional
        Fitted; needed for offers (and used by the ways out when given).
    monthly_model : MonthlyAmountModel, optional
        Fitted; needed for instalment proposals, and gives an offer's
        instalment alternative.
    time_model : TimeToAgreementModel, optional
        Fitted; an offer then states the chance of an agreement within 6 and
        12 months and a now / +6 / +12 months table.
    training_profile : TrainingProfile, optional
        The model directory's profile of its training cases (default: the
        time model's ``profile_``): a case outside what the models saw gets a
        warning first.
    past_cases : DataFrame or PastLumpSums, optional
        The clean table of past cases (or its index, :attr:`Advisor.past`),
        for the similar past lump sums an offer rests on; indexed once, on
        first use.
    registry : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s), besides
        ``OUTCOMES_SERVICERS`` (:func:`~outcomes.load_servicer_registry`).
    k : int, default 5
        A group of past cases is described only with at least ``k`` cases.
    language : {"ja", "en"}, default "ja"
    levels : three floats, default (0.20, 0.50, 0.85)
        Quantile levels of an offer's opening, target and walk-away.
    explain : bool, default False
        Add the top drivers of the settlement ratio to offers (slower).
    acceptance_model : AcceptanceModel, optional
        Fitted on the firm's negotiation log: an offer's amounts are then
        placed on the curve of the chance that the creditor accepts (same
        levels), :meth:`Offer.acceptance` gives that chance, and the offer
        says so (:attr:`Offer.figure`); a ``jhf`` or consigned claim keeps the
        settlement figure, with a sentence why.
    negotiations : DataFrame or NegotiationLog, optional
        The firm's clean negotiation log (:func:`outcomes.clean_negotiations`,
        case-records §9): an offer then says what it shows for the case's
        servicer (else its creditor, by type) -- its usual first demand
        against what it settled for, in how many proposals, and whether
        waiting lowered it (:attr:`Offer.log_summary`) -- each figure from at
        least ``k`` distinct cases, else only that the log holds too few. Read
        against ``past_cases`` when that is a table (residual debts, sale
        dates), else against the claims the log states. An internal estimate
        from other debtors' cases: never what the creditor will accept, nor
        steps of a negotiation.

    Raises
    ------
    CaseError
        If ``k``, ``language`` or ``levels`` is not valid (a ``ValueError``).

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import MonthlyAmountModel, SettlementRatioModel
    >>> past = simulate_cases(1500, seed=1, messy=False, today="2026-06-30")
    >>> advisor = Advisor(
    ...     SettlementRatioModel(as_of="2026-06-30", max_iter=30).fit(past),
    ...     MonthlyAmountModel(as_of="2026-06-30", max_iter=30).fit(past),
    ...     past_cases=past,
    ...     language="en",
    ... )
    >>> saitama = {"residual_debt": 5_800_000, "creditor": "〇〇保証株式会社",
    ...            "servicer": "SMBC債権回収", "sale_date": "2025-06-30"}
    >>> offer = advisor.offer(saitama, cash_available=100_000, as_of="2026-06-30")
    >>> offer.opening <= offer.target <= offer.walk_away
    True
    >>> advisor.installment(saitama, budget=8_000).monthly <= 8_000
    True
    >>> list(advisor.paths(saitama, as_of="2026-06-30")["path"])[:2]
    ['lump_sum', 'installment']
    """

    ratio_model: Any = None
    monthly_model: Any = None
    time_model: Any = None
    training_profile: Any = None
    past_cases: pd.DataFrame | PastLumpSums | None = field(default=None, repr=False)
    registry: ServicersLike = None
    k: int = DEFAULT_K
    language: str = "ja"
    levels: Sequence[float] = OFFER_LEVELS
    explain: bool = False
    acceptance_model: Any = None
    negotiations: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "language", check_language(self.language))
        object.__setattr__(self, "negotiations", negotiation_table(self.negotiations))
        object.__setattr__(self, "k", as_count(self.k, "k"))
        object.__setattr__(self, "levels", check_levels(self.levels))

    @classmethod
    def from_model_dir(cls, models: str | Any, **options: Any) -> Advisor:
        """An Advisor with the models of a directory written by ``outcomes fit``.

        Parameters
        ----------
        models : path or ModelDir
            The directory (read with :func:`~outcomes.read_model_dir`), or
            what it returned.
        **options
            The other parameters (``past_cases``, ``registry``, ``k``,
            ``language``, ``levels``, ``explain``); ``acceptance_model``
            defaults to the directory's (``acceptance.skops``), where it has one.
        """
        directory = models if isinstance(models, ModelDir) else read_model_dir(models)
        options.setdefault("acceptance_model", getattr(directory, "acceptance", None))
        return cls(
            directory.ratio,
            directory.monthly,
            directory.time,
            directory.profile,
            **options,
        )

    @cached_property
    def past(self) -> PastLumpSums | None:
        """The past lump sums, indexed once (None without ``past_cases``)."""
        return None if self.past_cases is None else index_past_cases(self.past_cases)

    def servicer_log(self, servicer: str | None, creditor: str | None = None) -> ServicerLog | None:
        """What :attr:`negotiations` shows for a case's servicer, else its creditor (by type).

        None without a log or a name; read once per counterparty, from
        :func:`outcomes.models.servicer_answers` with at least ``k`` distinct cases.
        """
        counterparty = servicer if servicer is not None else creditor
        if self.negotiations is None or counterparty is None:
            return None
        key = (counterparty, servicer is not None)
        cache = self._servicer_logs
        if key not in cache:
            cases = self.past_cases if isinstance(self.past_cases, pd.DataFrame) else None
            cache[key] = servicer_log(
                self.negotiations,
                cases,
                counterparty,
                self.k,
                self.language,
                servicer=servicer is not None,
            )
        return cache[key]

    @cached_property
    def _servicer_logs(self) -> dict[tuple[str, bool], ServicerLog]:
        return {}

    # ------------------------------------------------------------------
    # The servicer, checked in one place
    # ------------------------------------------------------------------

    @check_arguments
    def servicer_notice(
        self, servicer: str | None, model: Any, language: str | None = None
    ) -> tuple[ServicerStatus, tuple[str, ...]]:
        """The servicer's status against the registry and ``model``'s training data, and its warning.

        A servicer not in the registry, or not among those ``model`` learned
        from, gets a warning that every estimate puts first, with the nearest
        registry names; matching suggests, it never substitutes.
        """
        status = servicer_status(servicer, servicers_seen(model), self.registry)
        warning = servicer_warning(
            status.status, status.name, status.suggestions, language or self.language
        )
        return status, (() if warning is None else (warning,))

    @check_arguments
    def role_notice(
        self,
        role: str | None,
        servicer: str | None,
        creditor_type: str | None,
        language: str | None = None,
    ) -> tuple[str, ...]:
        """The warning an offer puts first when its servicer only collects on consignment.

        A consigned collector (受託) follows the creditor's rules and rarely
        forgives (domain.md): the few percent of bought claims do not apply.
        None for JHF, whose own warning says it, and for other roles.
        """
        if role != "consigned" or servicer is None or creditor_type == "jhf":
            return ()
        knows = model_knows_roles(self.ratio_model)
        return (consigned_warning(servicer, knows, language or self.language),)

    # ------------------------------------------------------------------
    # One case
    # ------------------------------------------------------------------

    @check_arguments
    def offer(
        self,
        case: CaseLike,
        *,
        cash_available: int | str | None = None,
        budget: int | str | None = None,
        as_of: Any = None,
        ignore_unknown_keys: bool = False,
    ) -> Offer:
        """The opening offer of a lump sum for one case (see :func:`outcomes.opening_offer`)."""
        cash = None if cash_available is None else as_yen(cash_available, "cash_available")
        budget = None if budget is None else as_yen(budget, "budget")
        day = as_date(as_of, "as_of")
        # the firm's registry is applied by the cleaner, as for a table (issue 24)
        clean = case_from_mapping(
            case, ignore_unknown_keys=ignore_unknown_keys, servicers=self.registry
        )
        frame, residual = case_to_settle(clean, day, ignore_unknown_keys=None)
        written = first_value(frame, "servicer")
        status, warnings = self.servicer_notice(written, self.ratio_model)
        facts = LegalFacts.of(case, frame)
        role = facts.servicer_role if written is not None else None
        # the limitation first: an offer is never priced without saying that it may have run
        # (on the case as recorded: the offer's day is not an agreement that acknowledged it)
        limitation = limitation_status(case_limitation(clean, facts, day or date.today()))
        return make_offer(
            self,
            frame,
            residual,
            cash=cash,
            budget=budget,
            day=day,
            status=status,
            warnings=warnings,
            role=role,
            role_warnings=self.role_notice(role, written, first_value(frame, "creditor_type")),
            limitation=limitation,
        )

    @check_arguments
    def installment(
        self,
        case: CaseLike,
        *,
        budget: int | str | None = None,
        as_of: Any = None,
        facts: LegalFacts | None = None,
    ) -> InstallmentProposal:
        """The monthly instalment to propose for one case (see :func:`outcomes.installment_proposal`).

        ``facts.servicer_role`` (else the case's) decides whether forgiveness
        after a fixed term is mentioned.
        """
        budget = None if budget is None else as_yen(budget, "budget")
        frame, _ = case_to_settle(case, as_date(as_of, "as_of"), servicers=self.registry)
        role = LegalFacts.of(case, frame, facts).servicer_role
        _, warnings = self.servicer_notice(first_value(frame, "servicer"), self.monthly_model)
        return make_installment(self, frame, budget=budget, role=role, warnings=warnings)

    @check_arguments
    def paths(
        self,
        case: CaseLike,
        *,
        facts: LegalFacts | None = None,
        cash_available: int | str | None = None,
        budget: int | str | None = None,
        as_of: Any = None,
    ) -> pd.DataFrame:
        """The ways out of one case side by side (see :func:`outcomes.compare_paths`).

        ``facts`` are the case's legal facts; a field left None is read from
        the case (its column or key), else unknown.
        """
        frame = case_from_mapping(case, servicers=self.registry)
        cash = None if cash_available is None else as_yen(cash_available, "cash_available")
        budget = None if budget is None else as_yen(budget, "budget")
        today = as_day(as_of, "as_of")
        facts = LegalFacts.of(case, frame, facts)
        servicer = first_value(frame, "servicer")
        warnings = {
            language: list(self.servicer_notice(servicer, self.ratio_model, language)[1])
            for language in LANGUAGES
        }
        return make_paths(
            self, frame, facts, cash=cash, budget=budget, today=today, warnings=warnings
        )

    # ------------------------------------------------------------------
    # A table of cases
    # ------------------------------------------------------------------

    @check_arguments
    def offers(
        self,
        cases: pd.DataFrame,
        *,
        as_of: Any = None,
        chunk_size: int = BATCH_CHUNK,
        progress: bool = False,
    ) -> pd.DataFrame:
        """Offers for every case of a clean table (see :func:`outcomes.batch_offers`)."""
        if not isinstance(cases, pd.DataFrame):
            raise OutcomesError(
                f"batch_offers takes the clean case table, got {type(cases).__name__}"
            )
        return make_offers(
            self,
            cases,
            day=as_date(as_of, "as_of"),
            chunk_size=as_count(chunk_size, "chunk_size"),
            progress=progress,
        )
