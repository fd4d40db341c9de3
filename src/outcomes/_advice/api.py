"""The public functions of the advice: each builds an :class:`~outcomes.Advisor` for one call.

:func:`opening_offer`, :func:`installment_proposal`, :func:`compare_paths` and
:func:`batch_offers` take the models and options as keywords, as they always
have; the work is done by the Advisor's methods. An analyst making many
offers with the same models builds one :class:`~outcomes.Advisor`
(or :meth:`Advisor.from_model_dir <outcomes.Advisor.from_model_dir>`)
and calls it per case. Every figure is an internal estimate for the analyst,
never a promise to the debtor (弁護士法 §72).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

from outcomes._advice.advisor import Advisor
from outcomes._advice.basis import PastLumpSums
from outcomes._advice.batch import BATCH_CHUNK
from outcomes._advice.curve import OFFER_LEVELS
from outcomes._advice.facts import LegalFacts
from outcomes._advice.installment import InstallmentProposal
from outcomes._advice.offer import Offer
from outcomes._arguments import renamed_keywords
from outcomes._cleaning import CaseLike
from outcomes._contract import DEFAULT_K
from outcomes._law import LimitationResult
from outcomes._registry import ServicersLike

__all__ = ["batch_offers", "compare_paths", "installment_proposal", "opening_offer"]


@renamed_keywords(model="ratio_model")
def opening_offer(
    ratio_model: Any,
    case: CaseLike,
    *,
    cash_available: int | str | None = None,
    as_of: date | str | None = None,
    past_cases: pd.DataFrame | PastLumpSums | None = None,
    monthly_model: Any = None,
    budget: int | str | None = None,
    language: str = "ja",
    levels: Sequence[float] = OFFER_LEVELS,
    k: int = DEFAULT_K,
    servicers: ServicersLike = None,
    time_model: Any = None,
    ignore_unknown_keys: bool = False,
    explain: bool = False,
    training_profile: Any = None,
    acceptance_model: Any = None,
    negotiations: Any = None,
) -> Offer:
    """The opening offer of a lump-sum settlement (一括和解) for one case.

    The settlement ratio model's calibrated quantiles on the grid 1%…99% give
    the predictive distribution of the agreed ratio. The opening, target and
    walk-away amounts are its 20%, 50% and 85% quantiles (``levels``) times
    the residual debt, in steps of ¥10,000 (opening rounded down, target to
    the nearest, walk-away up; each at least ¥10,000 and at most the residual
    debt). :meth:`Offer.acceptance` reads, from the same distribution, the
    share of similar past settlements at or below any amount — that share
    and nothing else: not the chance that this creditor accepts the amount.
    Every amount is an internal estimate for the analyst and a reference
    figure for the 弁護士 who negotiates (弁護士法 §72), never a script or a
    promise to the debtor; the walk-away is a quantile of past settlements,
    not a legal ceiling.

    One call of :meth:`Advisor.offer <outcomes.Advisor.offer>`;
    for many offers with the same models and options, build the
    :class:`~outcomes.Advisor` once.

    Parameters
    ----------
    ratio_model : SettlementRatioModel
        Fitted; the first argument, by position or as ``ratio_model=`` (the
        old keyword ``model=`` works for one release, with a FutureWarning).
    case : mapping, Series or one-row DataFrame
        One case in the clean table's columns (see
        :func:`~outcomes.case_from_mapping`; a servicer name is matched to the
        registry; a row of the clean table is used as it is, not cleaned
        again); ``residual_debt`` is required, outcome columns may be absent.
    cash_available : int or str, optional
        Cash the debtor can pay at once, in whole yen: an int, or text as the
        case sheets write it (``"30万"``, ``"300,000"``; a float is refused).
        Below the opening, the offer says so and gives the instalment
        alternative.
    as_of : date or str, optional
        The day of the offer: an empty ``agreement_date`` is taken as this
        day (months waited since the sale count). Default: the model's
        ``as_of`` (today).
    past_cases : DataFrame or PastLumpSums, optional
        The clean case table the model was fitted on (or any clean table of
        past cases), or its :func:`index_past_cases` to index it once for
        many offers. Only ``resolution``, ``settlement_ratio``,
        ``creditor_type`` and ``servicer`` are read, to describe the similar
        past lump sums (:class:`Basis`). The model does not keep its training
        cases, so without this table the offer has no basis beyond the
        model's training count.
    monthly_model : MonthlyAmountModel, optional
        Fitted; gives the instalment alternative (else a plain note).
    budget : int or str, optional
        Monthly surplus from the 収支表, for the instalment alternative
        (``15_000`` or ``"1.5万"``).
    language : {"ja", "en"}, default "ja"
        Language of the reasons and notes.
    levels : three floats, default (0.20, 0.50, 0.85)
        Quantile levels of the opening, target and walk-away.
    k : int, default 5
        A group of past cases is described only when it holds at least ``k``
        cases; smaller groups are widened (and the reasons say so).
    servicers : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s), besides
        ``OUTCOMES_SERVICERS`` (see :func:`~outcomes.load_servicer_registry`).
        A servicer not in the registry, or not among those the model learned,
        puts a warning first (:attr:`Offer.warnings`) with the nearest
        registry names; matching suggests, it never substitutes.
    time_model : TimeToAgreementModel, optional
        Fitted; the offer then states the chance of an agreement within 6
        and 12 months given the months already waited
        (:attr:`Offer.agreement_within`) and a now / +6 / +12 months table of
        the target amount and that chance (:attr:`Offer.wait_table`).
    ignore_unknown_keys : bool, default False
        Drop keys of ``case`` outside the contract instead of refusing it.
    explain : bool, default False
        Add the top 3 drivers of the predicted settlement ratio from
        ``ratio_model.explain`` (:attr:`Offer.drivers`) and a reason that
        states them in percentage points and yen against the model's
        reference case (about 0.3 s more per offer, hence off by default).
    training_profile : TrainingProfile, optional
        The model directory's training profile
        (:func:`outcomes.read_model_dir` ``(path).profile``; else the
        time model's ``profile_``): a case outside what the model saw (a debt
        beyond the training range, a servicer never seen) puts a one-line
        warning first, in ``language``.
    acceptance_model : AcceptanceModel, optional
        Fitted on the firm's negotiation log (``outcomes fit --negotiations``):
        the three amounts are then read, at the same levels, from the curve of
        the chance that this creditor accepts a lump sum proposed on
        ``as_of``; :meth:`Offer.acceptance` gives that chance and the reasons
        say which figure the offer shows (:attr:`Offer.figure`). A ``jhf`` or
        consigned claim, whose refusals the log cannot read, keeps the
        settlement figure and says why. An internal estimate, never a promise.
    negotiations : DataFrame or NegotiationLog, optional
        The firm's clean negotiation log (:func:`outcomes.clean_negotiations`):
        the reasons then say what it shows for this servicer (else the
        creditor, by type) -- its usual first demand against what it settled
        for, the proposals to agreement, whether waiting lowered it
        (:attr:`Offer.log_summary`) -- each figure from at least ``k``
        distinct cases, else only that the log holds too few. Read against
        ``past_cases`` when given as a table. An internal estimate from other
        debtors' cases: never what the creditor will accept, nor steps of a
        negotiation (弁護士法 §72).

    Returns
    -------
    Offer

    Raises
    ------
    CaseError
        If the case has no (or a zero) residual debt, or cannot be read, or
        an argument (``cash_available``, ``budget``, ``as_of``, ``k``,
        ``levels``, ``language``) is not valid; a ``ValueError``.

    Examples
    --------
    The article's first worked example: ¥5.8M owed to a guarantee company's
    servicer, ¥100,000 in hand.

    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import SettlementRatioModel
    >>> past = simulate_cases(1500, seed=1, messy=False, today="2026-06-30")
    >>> model = SettlementRatioModel(as_of="2026-06-30", max_iter=30).fit(past)
    >>> saitama = {"residual_debt": 5_800_000, "creditor": "〇〇保証株式会社",
    ...            "servicer": "SMBC債権回収株式会社", "employment": "会社員",
    ...            "monthly_income": 250_000, "sale_date": "2025-06-30"}
    >>> offer = opening_offer(model, saitama, cash_available=100_000, past_cases=past)
    >>> offer.opening <= offer.target <= offer.walk_away <= 5_800_000
    True
    >>> offer.opening % 10_000, offer.basis.n_cases >= 5
    (0, True)
    >>> 0 < offer.acceptance(100_000) < offer.acceptance(offer.walk_away) <= 1
    True
    """
    advisor = Advisor(
        ratio_model,
        monthly_model,
        time_model,
        training_profile,
        past_cases=past_cases,
        registry=servicers,
        k=k,
        language=language,
        levels=levels,
        explain=explain,
        acceptance_model=acceptance_model,
        negotiations=negotiations,
    )
    return advisor.offer(
        case,
        cash_available=cash_available,
        budget=budget,
        as_of=as_of,
        ignore_unknown_keys=ignore_unknown_keys,
    )


@renamed_keywords(model="monthly_model")
def installment_proposal(
    monthly_model: Any,
    case: CaseLike,
    *,
    budget: int | str | None = None,
    as_of: date | str | None = None,
    language: str = "ja",
    servicer_role: str | None = None,
) -> InstallmentProposal:
    """The monthly instalment to propose for one case.

    The amount is the model's median for the case, on its grid of amounts
    agreements use; the range shown is the 10%–90% predictive interval.
    ``budget`` — the household's monthly surplus from its 収支表 (income minus
    living costs) — caps the amount: the largest amount agreements use that
    fits the budget (else the budget rounded down to ¥1,000), never below
    ¥1,000; a budget below ¥1,000 cannot support instalments (``monthly=0``,
    ``feasible=False``).

    Parameters
    ----------
    monthly_model : MonthlyAmountModel
        Fitted (the old keyword name ``model=`` works for one release, with a
        FutureWarning).
    case : mapping, Series or one-row DataFrame
        One case in the clean table's columns (see
        :func:`~outcomes.case_from_mapping`); outcome columns may be absent.
    budget : int or str, optional
        Monthly surplus in whole yen, an int or text (``"1.5万"``; a float is
        refused with a CaseError).
    as_of : date or str, optional
        The day of the proposal: an empty ``agreement_date`` is taken as this
        day. Default: the model's ``as_of`` (today).
    language : {"ja", "en"}, default "ja"
        Language of ``reasons``.
    servicer_role : {"bought", "consigned"}, optional
        Whether the servicer bought the claim or collects it on consignment
        (else read from the case; unknown is said as such). Forgiveness after
        a fixed term is mentioned only for a bought claim or an unknown role.

    Returns
    -------
    InstallmentProposal

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import MonthlyAmountModel
    >>> cases = simulate_cases(1500, seed=1, messy=False, today="2026-06-30")
    >>> model = MonthlyAmountModel(as_of="2026-06-30", max_iter=30).fit(cases)
    >>> nagoya = {"residual_debt": 3_200_000, "creditor": "公庫", "employment": "年金",
    ...           "monthly_income": 140_000, "household_size": 1, "age": 65}
    >>> proposal = installment_proposal(model, nagoya, budget=6_000)
    >>> proposal.monthly, proposal.capped
    (5000, True)
    >>> installment_proposal(model, nagoya, budget=800).feasible
    False
    """
    advisor = Advisor(monthly_model=monthly_model, language=language)
    return advisor.installment(
        case, budget=budget, as_of=as_of, facts=LegalFacts(servicer_role=servicer_role)
    )


@renamed_keywords(monthly_budget="budget")
def compare_paths(
    case: CaseLike,
    *,
    ratio_model: Any = None,
    monthly_model: Any = None,
    cash_available: int | str | None = None,
    budget: int | str | None = None,
    as_of: date | str | None = None,
    limitation: LimitationResult | None = None,
    contract_date: date | str | None = None,
    default_date: date | str | None = None,
    servicer_role: str | None = None,
    guarantor: bool | None = None,
    judgment: str | None = None,
    judgment_date: date | str | None = None,
    unsecured_debt: int | None = None,
    originator: str | None = None,
    guarantor_kind: str | None = None,
    bars_to_discharge: bool | None = None,
) -> pd.DataFrame:
    """The ways out of one residual debt, side by side: internal estimates, not advice.

    Every figure is an internal estimate from past cases for the analyst,
    not legal advice and not a promise to the debtor; negotiating with the
    creditor is for a 弁護士 (弁護士法 §72). The table carries that notice in
    ``table.attrs["notice"]`` ({language: text}, :data:`ESTIMATE_NOTICE`) and
    :func:`render_paths` prints it.

    The law needs facts the case may not record: ``contract_date``,
    ``default_date`` (期限の利益喪失), ``servicer_role`` (``"bought"`` or
    ``"consigned"``), ``guarantor`` (a 連帯保証人 or 連帯債務者 exists) and
    ``guarantor_kind`` (which of the two), ``judgment`` (``"judgment"``,
    ``"payment_order"``, ``"court_settlement"`` or ``"none"``) and
    ``judgment_date``, the ``originator`` (who first lent) and
    ``bars_to_discharge``. Each is read from the keyword, else from the clean
    row's column, else from the case's key (the kind of guarantor also from a
    key ``連帯債務者`` or ``連帯保証人``); a missing one is *unknown*, and the
    rows say what depends on it.

    ``available`` is True (possible on what is known), False (not possible,
    or not to be counted on) or NA (不明: it turns on a fact the case does
    not record, which the notes name).

    One row per path:

    - ``lump_sum`` (一括和解): a one-off payment, the rest forgiven only if the
      settlement deed says so. With ``ratio_model``, its predicted settlement
      ratio (and 10%/90% quantiles in the notes); without, the rule of thumb
      of claims a servicer bought, about 5% (1.7%–10%). Where the servicer's
      role is not recorded the row is NA (the rule holds only if it bought
      the claim); a consigned collector (受託) follows the creditor's own
      rules and rarely forgives, and an unsold claim has no data: NA, with no
      figure (a model that never learned servicer roles does not change that
      for a consigned claim). With ``cash_available`` below the typical figure
      but above the low one, the best estimate is the cash. Not expected from
      JHF, which keeps its claims (its four collectors work on consignment)
      and rarely forgives.
    - ``installment`` (分割弁済): with ``monthly_model`` its prediction;
      without, ``budget``, else 5% of take-home pay in ¥5,000 steps
      within ¥5,000–¥20,000, else ¥10,000. Only a servicer that bought the
      claim may agree a fixed 60 months with the rest forgiven (the article's
      ¥10,000 × 5 years), and only if written into the agreement; otherwise
      (consigned, JHF, role unknown, no servicer) payments are open-ended
      (``months`` empty) and the whole residual stays owed.
    - ``voluntary_arrangement`` (任意整理): the principal over 36–60 months,
      future interest cut; the shortest term that fits the budget; through a
      弁護士 when a claim is over ¥1.4M.
    - ``rehabilitation`` (個人再生): :func:`rehabilitation_minimum` of B over
      36 months, up to 60, where B is ``unsecured_debt`` when given, else the
      residual plus 遅延損害金 from the sale (or from ``default_date`` when
      the sale is not recorded: damages before the sale are already in the
      residual, 民法 §489) to an estimated opening order (the notes show the
      minimum on the residual alone too); unavailable above ¥50M (NA when
      only the estimated B is over it) or without continuing income (a
      pension counts).
    - ``bankruptcy`` (自己破産): pays nothing of the residual once a discharge
      is granted; costs of 同時廃止, or of a 少額管財 (予納金 about ¥200,000)
      for the self-employed, with cash of ¥330,000 or more, or with a known
      ground barring discharge (then NA: the court decides).
    - ``limitation`` (時効援用): True only when the limitation is complete on
      ``as_of`` on every reading of the facts, NA when it is complete only
      if the 5 years apply (the originator unknown — a servicer recorded as
      the creditor is not the originator — both dates are in the notes);
      "complete" always carries the judgment / 支払督促 caveat unless
      ``judgment="none"`` was confirmed. A court settlement restarts the
      clock, and its instalments run from their own due dates (a
      ``default_date`` after the settlement is read as the day the benefit of
      time under it was lost).

    Affordability uses ``budget``, else a fifth of ``monthly_income``
    (rule of thumb); unknown affordability is not held against a path.
    Lawyers' fees and court costs in ``extra_costs`` are estimates (sources in
    the notes); they are not included in ``total_to_pay``.

    Parameters
    ----------
    case : mapping, Series or one-row DataFrame
        One case in the clean table's columns (see :func:`case_from_mapping`);
        ``residual_debt`` is required, outcome columns may be absent.
    ratio_model, monthly_model : fitted model, optional
        Objects with ``predict(cases_df)`` (settlement ratio; monthly yen) and
        optionally ``predict_quantiles(cases_df, quantiles)``.
    cash_available : int or str, optional
        Cash the household could pay at once, in whole yen, an int or text
        (``"30万"``; a float is refused with a CaseError, as in
        :func:`~outcomes.opening_offer`).
    budget : int or str, optional
        What the household can pay each month (from its 収支表), in whole
        yen (``15_000`` or ``"1.5万"``). Formerly ``monthly_budget=``, which works for one release with a
        FutureWarning.
    as_of : date, optional
        The day to judge the limitation and interest on; default today.
    limitation : LimitationResult, optional
        From :func:`limitation_date` with the case's real dates. Without it,
        a rough estimate: the clock restarted at the sale (the sale proceeds
        paid part of the debt) or at a later agreement, the period from the
        originator's merchant status (unknown → both dates), 10 years from a
        recorded judgment.
    contract_date, default_date, judgment_date : date, optional
        The legal facts above (also read from the case).
    servicer_role : {"bought", "consigned"}, optional
    guarantor : bool, optional
    judgment : {"judgment", "payment_order", "court_settlement", "none"}, optional
    unsecured_debt : int, optional
        B of 民事再生法 §231 when the analyst knows it (all unsecured claims
        with accrued interest and damages).
    originator : str, optional
        Who first lent: a creditor-type code (``"bank"``, ``"shinkin"``,
        ``"jhf"``, ``"guarantor"``, …) or a name (``"○○信用金庫"``). It decides
        the limitation period when the creditor recorded is a servicer.
    guarantor_kind : {"guarantor", "co_debtor"}, optional
        A 保証人/連帯保証人 or a 連帯債務者 (``"連帯債務者"`` is read too).
    bars_to_discharge : bool, optional
        Whether a ground that may bar a discharge is known (破産法 §252(1)).

    Returns
    -------
    DataFrame
        Columns ``path``, ``label_ja``, ``available`` (boolean, NA = not
        known), ``total_to_pay``, ``monthly``, ``months``, ``extra_costs``
        (Int64 yen), ``credit_record``, ``notes``, ``notes_ja``, ``guarantor``
        and ``guarantor_ja`` (what the path does to a guarantor or joint
        debtor) and ``sources`` and ``sources_ja`` (the citations, "; "-joined);
        ``attrs["notice"]`` holds the notice.

    Raises
    ------
    CaseError
        If the case has no residual_debt or cannot be read, or an argument
        (``cash_available``, ``budget``, ``as_of``) is not valid; a ``ValueError``.

    Examples
    --------
    >>> table = compare_paths(
    ...     {"residual_debt": 5_800_000, "creditor": "○○保証", "servicer": "SMBC債権回収",
    ...      "sale_date": "2023-06-30"},
    ...     cash_available=100_000,
    ...     servicer_role="bought",
    ...     as_of=date(2024, 6, 1),
    ... )
    >>> table[["path", "available", "total_to_pay", "months"]]
                        path  available  total_to_pay  months
    0               lump_sum       True        100000       0
    1            installment       True        600000      60
    2  voluntary_arrangement       True       5800000      60
    3         rehabilitation       True       1160000      36
    4             bankruptcy       True             0       0
    5             limitation      False             0    <NA>
    >>> "弁護士" in table.attrs["notice"]["en"]
    True
    """
    facts = LegalFacts(
        contract_date=contract_date,
        default_date=default_date,
        servicer_role=servicer_role,
        guarantor=guarantor,
        judgment=judgment,
        judgment_date=judgment_date,
        unsecured_debt=unsecured_debt,
        limitation=limitation,
        originator=originator,
        guarantor_kind=guarantor_kind,
        bars_to_discharge=bars_to_discharge,
    )
    advisor = Advisor(ratio_model, monthly_model)
    return advisor.paths(
        case, facts=facts, cash_available=cash_available, budget=budget, as_of=as_of
    )


def batch_offers(
    ratio_model: Any,
    cases: pd.DataFrame,
    *,
    monthly_model: Any = None,
    as_of: date | str | None = None,
    servicers: ServicersLike = None,
    language: str = "ja",
    levels: Sequence[float] = OFFER_LEVELS,
    chunk_size: int = BATCH_CHUNK,
    progress: bool = False,
    explain: bool = False,
    acceptance_model: Any = None,
) -> pd.DataFrame:
    """Offers for every case of a clean table: amounts, their chances, instalments and warnings.

    The vectorised batch path: :func:`opening_offers` (the same amounts and
    chances as :func:`opening_offer` case by case), the monthly instalment of
    similar cases from ``monthly_model`` (its median and 10–90% range), and
    each case's servicer status with the warning an offer would put first.
    Every figure is an internal estimate, never a promise to the debtor.

    Parameters
    ----------
    ratio_model : SettlementRatioModel
        Fitted.
    cases : DataFrame
        The clean table.
    monthly_model : MonthlyAmountModel, optional
        Fitted; adds ``monthly``, ``monthly_low`` and ``monthly_high``.
    as_of : date or str, optional
        Empty agreement dates are taken as this day.
    servicers : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s).
    language : {"ja", "en"}, default "ja"
        Language of the warnings.
    levels : three floats, default (0.20, 0.50, 0.85)
    chunk_size : int, default 20,000
        Rows scored at a time.
    progress : bool, default False
        Show a progress bar (tqdm) when there is more than one chunk.
    explain : bool, default False
        Add ``drivers``: the top 3 drivers of each case's predicted median
        ratio (``ratio_model.explain``) in ``language``, in percentage points
        and yen against the model's reference case (slower: about 10× the
        rest of the batch).
    acceptance_model : AcceptanceModel, optional
        Fitted on the negotiation log: as in :meth:`Advisor.offers
        <outcomes.Advisor.offers>`, a case's amounts and chances are read from
        the curve of the chance that its creditor accepts (``figure`` says
        which); a ``jhf`` or consigned claim keeps the settlement figure.

    Returns
    -------
    DataFrame
        Index of ``cases``: ``case_id``, the columns of :func:`opening_offers`,
        ``expected_amount`` (the model's calibrated mean ratio × the residual
        debt, Int64 yen: the column to sum for a portfolio total, where the
        ``target`` is a median), ``monthly``, ``monthly_low``, ``monthly_high``
        (Int64, with a monthly model), ``drivers`` (with ``explain``),
        ``servicer_status``, ``warnings`` (empty when none) and ``limitation``
        (the case's 消滅時効 on ``as_of``: ``run``, ``may_have_run``, ``not_run`` or
        ``unknown``; where it has run or may have, ``warnings`` starts by saying that
        any proposal or payment forfeits the 援用, 最判昭和41年4月20日, and the
        amounts are figures for after a 弁護士 has ruled it out). Cases
        whose residual debt is missing or under ¥10,000 have no amounts and
        say so in ``warnings``.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import SettlementRatioModel
    >>> past = simulate_cases(1500, seed=1, messy=False, today="2026-06-30")
    >>> model = SettlementRatioModel(as_of="2026-06-30", max_iter=30).fit(past)
    >>> table = batch_offers(model, past.head(20), language="en")
    >>> sorted(set(table["servicer_status"]) - {"none", "known", "unseen", "unmatched"})
    []
    >>> bool((table["opening"] <= table["walk_away"]).all())
    True
    """
    advisor = Advisor(
        ratio_model,
        monthly_model,
        registry=servicers,
        language=language,
        levels=levels,
        explain=explain,
        acceptance_model=acceptance_model,
    )
    return advisor.offers(cases, as_of=as_of, chunk_size=chunk_size, progress=progress)
