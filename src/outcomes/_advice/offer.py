"""The opening offer of a lump-sum settlement (一括和解) for one case: :class:`Offer`.

:func:`make_offer` turns a clean one-row case into an :class:`Offer` with the
configuration of an :class:`~outcomes._advice.advisor.Advisor` (models, past
cases, registry, ``k``, language, levels): three lump sums read from the ratio
model's predictive CDF (:mod:`~outcomes._advice.curve`), the similar past cases
behind them (:mod:`~outcomes._advice.basis`), the time view of a time model,
the top drivers, the instalment alternative, and reasons phrased for the
analyst (:mod:`~outcomes._advice.wording`). The public face is
:func:`outcomes.opening_offer` (:mod:`~outcomes._advice.api`), one call of
:meth:`Advisor.offer <outcomes._advice.advisor.Advisor.offer>`.

Every amount and share is an internal estimate for the analyst, never a
promise to the debtor; the negotiation itself is for a 弁護士 (弁護士法 §72,
:attr:`Offer.notice`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from outcomes._advice.acceptance import acceptance_ratios, figure_say
from outcomes._advice.basis import Basis, similar_basis
from outcomes._advice.case import first_value
from outcomes._advice.curve import (
    OFFER_UNIT,
    TOP_DRIVERS,
    acceptance,
    curve_levels,
    offer_amounts,
    ratio_quantiles,
)
from outcomes._advice.installment import InstallmentProposal
from outcomes._advice.limitation_check import limitation_warning
from outcomes._advice.servicer_log import ServicerLog
from outcomes._advice.ways_out import INSTALLMENT_RANGE
from outcomes._advice.wording import (
    CASH_LABELS,
    ESTIMATE_NOTICE,
    OFFER_LABELS,
    WAIT_TABLE_LABELS,
    WAIT_TABLE_ROWS,
    agreement_chance_sentence,
    driver_label,
    drivers_sentence,
    jhf_warning,
    offer_reasons,
    say,
)
from outcomes._arguments import as_date
from outcomes._calendar import months_between
from outcomes._errors import OutcomesError
from outcomes._format import Yen, format_chance, value_labels

if TYPE_CHECKING:
    from outcomes._advice.advisor import Advisor
    from outcomes._registry import ServicerStatus

__all__ = ["TOP_DRIVERS", "Offer", "case_drift_warning", "case_drivers", "make_offer", "time_view"]


@dataclass(frozen=True)
class Offer:
    """An opening offer for a lump-sum settlement (一括和解) of one case.

    Attributes
    ----------
    residual_debt : int
        The case's residual debt in yen.
    opening, target, walk_away : int
        最初の提示額, 想定着地 and 上限 in yen (see the module notes for how
        they are read); ``0 <= opening <= target <= walk_away <= residual_debt``.
    levels : tuple of float
        The quantile levels of the three amounts.
    curve_levels, curve_ratios : tuple of float
        The predictive quantiles of the settlement ratio the acceptance
        chance is read from.
    basis : Basis or None
        Similar past lump sums (with ``past_cases``), else None.
    n_train : int or None
        Lump-sum cases the model learned from.
    reasons : tuple of str
        Sentences for the analyst, in ``language``: internal estimates, not
        promises to the debtor.
    alternative : InstallmentProposal, str or None
        When the cash does not reach the opening (or the creditor is JHF):
        the instalment proposal (with ``monthly_model``) or a note.
    cash_available : int or None
    creditor_type, servicer : str or None
    language : str
    limitation : str
        The case's 消滅時効 on the offer's day: ``run``, ``may_have_run``,
        ``not_run`` or ``unknown``. Where it has run or may have, the first
        warning says that any proposal or payment forfeits the 援用
        (最判昭和41年4月20日), and the amounts are figures for after a 弁護士 has
        ruled the limitation out.
    log_summary : ServicerLog or None
        With a negotiation log (``negotiations=``): what it shows for the
        case's servicer (else its creditor, by type) -- usual first demand
        against what it settled for, proposals to agreement, whether waiting
        went with lower agreements -- each figure from at least ``k`` distinct
        cases (else only ``too_few``); its sentence is among the reasons. An
        internal estimate from other debtors' cases, never what the creditor
        will accept nor steps of a negotiation.
    """

    residual_debt: int
    opening: int
    target: int
    walk_away: int
    levels: tuple[float, float, float]
    curve_levels: tuple[float, ...] = field(repr=False)
    curve_ratios: tuple[float, ...] = field(repr=False)
    basis: Basis | None = None
    n_train: int | None = None
    reasons: tuple[str, ...] = ()
    alternative: InstallmentProposal | str | None = None
    cash_available: int | None = None
    creditor_type: str | None = None
    servicer: str | None = None
    language: str = "ja"
    #: warnings shown first (an unseen or unmatched servicer), in ``language``
    warnings: tuple[str, ...] = ()
    #: ``none`` / ``known`` / ``unseen`` / ``unmatched`` (see :func:`~outcomes._registry.servicer_status`)
    servicer_status: str = "none"
    #: the case's 消滅時効 on the offer's day: ``run``, ``may_have_run`` (the first warning then
    #: says that any proposal or payment forfeits the 援用, and the amounts are figures for after
    #: a 弁護士 has ruled the limitation out), ``not_run`` or ``unknown`` (nothing dates it)
    limitation: str = "unknown"
    #: with a time model: months since the sale, and the chance of an agreement within 6 / 12 more
    months_waited: float | None = None
    agreement_within: tuple[float, float] | None = None
    #: with a time model: now / +6 / +12 months — target amount and chance of agreement
    wait_table: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    #: with ``explain=True``: the top drivers of the predicted median ratio against the
    #: model's reference case — ``feature``, ``label`` (in ``language``), ``points``
    #: (percentage points of the ratio) and ``yen`` (× the residual debt); attrs hold
    #: ``prediction`` and ``reference`` (ratios). An internal breakdown, not a promise.
    drivers: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    #: which figure :meth:`acceptance` gives: ``"settlements"`` (the share of similar past
    #: settlements at or below an amount) or ``"acceptance"`` (the chance that this creditor
    #: accepts it, from the negotiation log's AcceptanceModel)
    figure: str = "settlements"
    #: with a negotiation log (``negotiations=``): what it shows for the case's servicer (its
    #: usual first demand against what it settled for, the proposals to agreement, whether
    #: waiting lowered it), each figure from >= k distinct cases, else only that there are too
    #: few; said in the reasons. An internal estimate from other debtors' cases, never what
    #: the creditor will accept nor steps of a negotiation (弁護士法72条).
    log_summary: ServicerLog | None = field(default=None, compare=False)

    @property
    def notice(self) -> str:
        """The notice every offer carries: internal estimates, not advice (弁護士法 §72)."""
        return ESTIMATE_NOTICE[self.language]

    def __str__(self) -> str:
        """The one-page summary (``print(offer)``), as ``outcomes offer --case`` prints it."""
        from outcomes._advice.summary import render_offer

        return render_offer(self)

    def summary(self) -> str:
        """The one-page summary, in the offer's language: the same as ``print(offer)``."""
        return str(self)

    @property
    def wait_table_display(self) -> pd.DataFrame | None:
        """:attr:`wait_table` for reading: yen as ``19万円`` (``¥190,000``), chances as ``34%``.

        The numbers stay in :attr:`wait_table`; None without a time model.
        """
        from outcomes._advice.summary import shown_wait_table

        return None if self.wait_table is None else shown_wait_table(self)

    def acceptance(self, amount: float | Sequence[float] | np.ndarray) -> Any:
        """The figure of :attr:`figure` at ``amount`` yen (an internal estimate).

        ``figure == "settlements"``: the model's predictive CDF of the
        settlement ratio at ``amount / residual_debt``: of past settlements
        like this case, the share that were at or below this amount -- not
        the chance that this creditor accepts it. ``figure == "acceptance"``
        (an offer made with an ``acceptance_model``): the chance that this
        creditor accepts a lump sum of this amount, learnt from the
        negotiation log -- never a promise. Non-decreasing; 0 for 0 yen, 1
        from the residual debt up.

        Parameters
        ----------
        amount : float or array-like
            Lump sum(s) in yen.

        Returns
        -------
        float, or ndarray for array input
        """
        values = np.asarray(amount, dtype="float64")
        out = acceptance(
            np.asarray(self.curve_levels), np.asarray(self.curve_ratios), self.residual_debt, values
        )
        return float(out) if out.ndim == 0 else out

    def share(self, amount: float) -> float:
        """``amount`` as a share of the residual debt."""
        return float(amount) / self.residual_debt

    def acceptance_table(self, amounts: Sequence[float] | None = None) -> pd.DataFrame:
        """The acceptance curve as a small table, for display.

        Parameters
        ----------
        amounts : sequence of int, optional
            Lump sums to show. Default: the three offers, the cash available
            and round amounts at the 5%, 10%, 35%, 65% and 95% quantiles.

        Returns
        -------
        DataFrame
            Columns ``amount`` (Int64 yen), ``share`` (of the residual debt),
            ``chance`` (Float64) and ``note`` (which offer the row is).
        """
        notes: dict[int, str] = {}
        if amounts is None:
            levels = np.asarray(self.curve_levels)
            ratios = np.asarray(self.curve_ratios)
            extra = np.interp([0.05, 0.10, 0.35, 0.65, 0.95], levels, ratios) * self.residual_debt
            picked = {int(round(a / OFFER_UNIT)) * OFFER_UNIT for a in extra}
            picked = {a for a in picked if 0 < a <= self.residual_debt}
            if self.cash_available is not None and self.cash_available > 0:
                picked.add(min(self.cash_available, self.residual_debt))
                notes[min(self.cash_available, self.residual_debt)] = CASH_LABELS[self.language]
            picked |= {self.opening, self.target, self.walk_away}
            values = sorted(picked)
        else:
            values = sorted({int(a) for a in amounts})
        labels = OFFER_LABELS[self.language]
        for amount, label in zip((self.opening, self.target, self.walk_away), labels, strict=True):
            notes[amount] = label if amount not in notes else f"{label}・{notes[amount]}"
        chance = np.atleast_1d(self.acceptance(np.asarray(values, dtype="float64")))
        return pd.DataFrame(
            {
                "amount": pd.array(values, dtype="Int64"),
                "share": pd.array([v / self.residual_debt for v in values], dtype="Float64"),
                "chance": pd.array(chance, dtype="Float64"),
                "note": pd.array([notes.get(v, "") for v in values], dtype="str"),
            }
        )


def make_offer(
    advisor: Advisor,
    frame: pd.DataFrame,
    residual: int,
    *,
    cash: int | None,
    budget: int | None,
    day: date | None,
    status: ServicerStatus,
    warnings: tuple[str, ...],
    role: str | None = None,
    role_warnings: tuple[str, ...] = (),
    limitation: str = "unknown",
) -> Offer:
    """The offer of one clean case (``frame``, its ``as_of`` already applied) under ``advisor``.

    ``status`` and ``warnings`` are the servicer's, from
    :meth:`~outcomes._advice.advisor.Advisor.servicer_notice` (already
    checked against the firm's registry; ``frame`` carries the registry's
    name when the firm's file names this spelling). ``role`` is the
    servicer's (``bought``, ``consigned`` or None) and ``role_warnings`` the
    warning a consigned claim puts first
    (:meth:`~outcomes._advice.advisor.Advisor.role_notice`). ``limitation`` is the
    case's limitation status (:mod:`~outcomes._advice.limitation_check`): where it has run
    or may have, its warning is the offer's first line.
    """
    language = advisor.language
    ratio_model = advisor.ratio_model
    grid = curve_levels(advisor.levels)
    ratios = ratio_quantiles(ratio_model, frame, grid)[0]
    # with a negotiation log: the curve of the chance that this creditor accepts (issue 27)
    figure, figure_notes = "settlements", []
    if advisor.acceptance_model is not None:
        accepted = acceptance_ratios(advisor.acceptance_model, frame, grid, day)
        if accepted is None:
            figure_notes.append(figure_say("acceptance_unreadable", language))
        else:
            ratios, figure = accepted, "acceptance"
    at = [int(np.flatnonzero(np.isclose(grid, v))[0]) for v in advisor.levels]
    opening, target, walk = (
        int(v[0]) for v in offer_amounts(*(ratios[[i]] for i in at), np.array([residual]))
    )
    chances = acceptance(grid, ratios, residual, np.array([opening, target, walk], float))
    creditor_type = first_value(frame, "creditor_type")
    servicer = first_value(frame, "servicer")
    n_train = getattr(ratio_model, "n_train_", None)
    past = advisor.past
    basis = (
        None
        if past is None
        else similar_basis(past, creditor_type, servicer, advisor.k, language, role=role)
    )

    amounts = {"residual_debt": residual, "opening": opening, "target": target, "walk_away": walk}
    figure_sentences: dict[str, str] = {}
    if figure == "acceptance":
        money = {"opening": Yen(opening), "target": Yen(target), "walk": Yen(walk)}
        shown = {f"c{i}": format_chance(c) for i, c in enumerate(chances)}
        figure_sentences = {
            "chances_sentence": figure_say("acceptance_chances", language, **money, **shown),
            "model_sentence": figure_say(
                "acceptance_figure",
                language,
                n=int(getattr(advisor.acceptance_model, "n_periods_", 0)),
                day=(day or date.today()).isoformat(),
            ),
        }
    reasons = [
        *figure_notes,
        *offer_reasons(amounts, chances, basis, n_train, language, **figure_sentences),
    ]
    profile = advisor.training_profile
    if profile is None:
        profile = getattr(advisor.time_model, "profile_", None)
    drift_note = case_drift_warning(profile, frame, language)
    if drift_note is not None:
        warnings = (drift_note, *warnings)
    drivers = None
    if advisor.explain:
        drivers = case_drivers(ratio_model, frame, residual, language)
        if drivers is not None:
            reasons.append(
                drivers_sentence(
                    list(zip(drivers["feature"], drivers["points"] / 100, strict=True)),
                    drivers.attrs["prediction"],
                    drivers.attrs["reference"],
                    residual,
                    language,
                )
            )
    waited, within, wait_table = None, None, None
    if advisor.time_model is not None:
        waited, within, wait_table = time_view(
            ratio_model, advisor.time_model, frame, day, language
        )
        reasons.append(agreement_chance_sentence(within[0], within[1], waited, language))
    # what the firm's negotiation log shows for this servicer (else the creditor), issue 27
    log_summary = advisor.servicer_log(servicer, first_value(frame, "creditor"))
    if log_summary is not None:
        reasons.append(log_summary.sentences(language))
    if past is not None and basis is None:
        reasons.append(say("basis_too_few", language, k=advisor.k))
    if creditor_type == "jhf":
        # first, before any amount: the lump-sum figures below are the exception for JHF
        warnings = (jhf_warning(language), *warnings)
    elif servicer is None:
        reasons.append(say("not_sold", language))
    elif role_warnings:
        # first, like JHF's: a consigned collector rarely forgives (domain.md)
        warnings = (*role_warnings, *warnings)
        if basis is not None and not past.knows_roles:
            reasons.append(say("basis_no_roles", language))
    elif role is None:
        reasons.append(say("role_unknown", language))

    resolution = first_value(frame, "resolution")
    if resolution is not None and resolution != "pending":
        # a case already resolved (自己破産, a lump sum agreed …): said before anything else,
        # as the batch path skips it (the amounts below are a calculation, not an offer)
        label = value_labels("resolution").get(resolution, resolution)
        warnings = (
            say(
                "resolved_warning",
                language,
                resolution=label if language == "ja" else resolution.replace("_", " "),
            ),
            *warnings,
        )
    first = limitation_warning(limitation, language)
    if first is not None:
        # before anything else: a proposal or payment after completion forfeits the 援用
        # (最判昭和41年4月20日), so no amount below is to be used before a 弁護士 rules it out
        warnings = (first, *warnings)
    want_alternative = creditor_type == "jhf" or bool(role_warnings)
    if cash is not None:
        chance_cash = format_chance(
            float(acceptance(grid, ratios, residual, np.array([float(cash)]))[0])
        )
        money = {"cash": Yen(cash), "opening": Yen(opening), "walk": Yen(walk)}
        speak = say if figure == "settlements" else _acceptance_say
        if cash < opening:
            want_alternative = True
            reasons.append(speak("cash_below_opening", language, chance=chance_cash, **money))
        elif cash < walk:
            reasons.append(speak("cash_within", language, chance=chance_cash, **money))
        else:
            reasons.append(
                speak("cash_covers", language, chance=format_chance(chances[2]), **money)
            )

    alternative: InstallmentProposal | str | None = None
    if want_alternative:
        if advisor.monthly_model is not None:
            alternative = advisor.installment(frame, budget=budget)
            reasons.append(say("alternative", language, alternative=str(alternative)))
        else:
            lo, hi = INSTALLMENT_RANGE
            alternative = say("alternative_plain", language, lo=Yen(lo), hi=Yen(hi))
            reasons.append(alternative)

    return Offer(
        residual_debt=residual,
        opening=opening,
        target=target,
        walk_away=walk,
        levels=advisor.levels,
        curve_levels=tuple(float(v) for v in grid),
        curve_ratios=tuple(float(v) for v in ratios),
        basis=basis,
        n_train=None if n_train is None else int(n_train),
        reasons=(*warnings, *reasons),
        alternative=alternative,
        cash_available=cash,
        creditor_type=creditor_type,
        servicer=servicer,
        language=language,
        warnings=warnings,
        servicer_status=status.status,
        limitation=limitation,
        months_waited=waited,
        agreement_within=within,
        wait_table=wait_table,
        drivers=drivers,
        figure=figure,
        log_summary=log_summary,
    )


def _acceptance_say(code: str, language: str, **fields: Any) -> str:
    """A cash sentence in the words of the acceptance figure."""
    return figure_say(f"acceptance_{code}", language, **fields)


def case_drivers(
    ratio_model: Any, frame: pd.DataFrame, residual: int, language: str
) -> pd.DataFrame | None:
    """The top drivers of one case's predicted median ratio (None without ``explain``)."""
    method = getattr(ratio_model, "explain", None)
    if method is None:
        return None
    table = method(frame)
    row = table.iloc[0]
    prediction = float(row["prediction"])
    reference = float(row["reference_prediction"])
    contributions = row.drop(["prediction", "reference_prediction"]).astype("float64")
    contributions = contributions[contributions.abs() > 0]
    top = contributions.reindex(contributions.abs().sort_values(ascending=False).index)
    top = top.head(TOP_DRIVERS)
    out = pd.DataFrame(
        {
            "feature": pd.array(list(top.index), dtype="str"),
            "label": pd.array([driver_label(f, language) for f in top.index], dtype="str"),
            "points": pd.array(top.to_numpy() * 100, dtype="Float64"),
            "yen": pd.array(np.round(top.to_numpy() * residual), dtype="Int64"),
        }
    )
    out.attrs = {"prediction": prediction, "reference": reference}
    return out


def case_drift_warning(profile: Any, frame: pd.DataFrame, language: str) -> str | None:
    """The drift message of one case, first in the offer, when it lies outside what the model saw.

    An unseen servicer has its own warning (``servicer_warning``): not said twice.
    """
    if profile is None:
        return None
    from outcomes.models import drift, drift_message, render_drift

    message = drift_message(drift(profile, frame), one_case=True, skip=("servicer",))
    return render_drift(message, language)


def time_view(
    ratio_model: Any, time_model: Any, frame: pd.DataFrame, day: date | None, language: str
) -> tuple[float, tuple[float, float], pd.DataFrame]:
    """Months waited, the chance of agreement within 6 / 12 months, and the now/+6/+12 table."""
    method = getattr(time_model, "predict_survival", None)
    if method is None:
        raise OutcomesError(
            f"time_model must be a fitted TimeToAgreementModel, got {type(time_model).__name__}"
        )
    base = day or getattr(ratio_model, "as_of", None) or date.today()
    now = pd.Timestamp(as_date(base, "as_of"))
    sale = first_value(frame, "sale_date")
    waited = 0.0 if sale is None else months_between(pd.Timestamp(sale), now)
    steps = (0, 6, 12)
    dates = [now + pd.DateOffset(months=m) for m in steps]
    rows = pd.concat([frame] * len(steps), ignore_index=True)
    rows["agreement_date"] = pd.array(dates, dtype=frame["agreement_date"].dtype)
    survival = method(rows, months=(6, 12), conditional_after=np.array([waited + m for m in steps]))
    chance = 1.0 - np.asarray(survival, dtype="float64")
    median = np.asarray(ratio_model.predict_quantiles(rows, [0.5]), dtype="float64")[:, 0]
    residual = float(first_value(frame, "residual_debt"))
    target = np.floor(np.clip(median, 0.0, 1.0) * residual / OFFER_UNIT + 0.5) * OFFER_UNIT
    labels = WAIT_TABLE_LABELS[language]
    table = pd.DataFrame(
        {
            labels[0]: list(WAIT_TABLE_ROWS[language]),
            labels[1]: [d.date().isoformat() for d in dates],
            labels[2]: pd.array(np.maximum(target, min(OFFER_UNIT, residual)), dtype="Int64"),
            labels[3]: pd.array(chance[:, 0], dtype="Float64"),
            labels[4]: pd.array(chance[:, 1], dtype="Float64"),
        }
    )
    return waited, (float(chance[0, 0]), float(chance[0, 1])), table
