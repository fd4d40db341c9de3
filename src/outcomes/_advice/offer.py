"""The opening offer of a lump-sum settlement (一括和解) and its predictive CDF.

Public face:

- :func:`opening_offer` → :class:`Offer`: three lump sums (opening, target,
  walk-away) read from a fitted :class:`~outcomes.SettlementRatioModel`, the
  share of similar past settlements at or below any amount, the similar past
  cases behind it, and reasons phrased for the analyst (internal estimates,
  not promises to the debtor; the negotiation itself is for a 弁護士,
  弁護士法 §72 — :attr:`Offer.notice`);
- :func:`opening_offers`: the same three amounts and their chances for a
  whole table of cases at once (for reports and for checking calibration);
- :func:`index_past_cases` → :class:`PastLumpSums`: the past lump sums an
  offer's basis is read from, indexed once for many offers.

The instalment alternative comes from :mod:`outcomes._advice.installment`; the
``outcomes offer`` command lives in :mod:`outcomes._cli.offer`. Every amount
and chance is an internal estimate for the analyst, never a promise to the
debtor.

How the numbers are read
------------------------
The ratio model gives, for one case, calibrated quantiles of the agreed
settlement ratio ``r`` (lump sum ÷ residual debt). They are asked on the
grid 1%, 2%, …, 99% and joined by straight lines into the predictive CDF
``F`` (with ``F(0) = 0`` and ``F(1) = 1`` at the ends; tied quantiles count
at their highest level). The chance that the creditor accepts a lump sum
``a`` is read as the chance that the agreed amount of a similar case is at
most ``a``: ``F(a / residual_debt)``, 0 for ``a <= 0`` and 1 from the
residual debt up.

The three amounts are quantiles of ``r`` times the residual debt
(:data:`OFFER_LEVELS`):

- **opening** (最初の提示額) at the 20% quantile, rounded *down* to ¥10,000:
  low enough to leave room to negotiate, still a sum one similar case in five
  settled at or below;
- **target** (想定着地) at the median, rounded to the nearest ¥10,000;
- **walk-away** (上限) at the 85% quantile, rounded *up* to ¥10,000: above it
  a lump sum is rarely needed and the other ways out (分割弁済, 債務整理) should
  be weighed instead.

Each is at least ¥10,000 (the smallest lump sum offered) and at most the
residual debt, and ``opening <= target <= walk_away`` always holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from outcomes._advice.basis import (  # noqa: F401 (re-exported: their home is _offer_basis)
    BASIS_RANGE_LEVELS,
    CURVE_LEVELS,
    OFFER_LEVELS,
    OFFER_UNIT,
    Basis,
    PastLumpSums,
    _acceptance,
    _acceptance_rows,
    _basis,
    _check_levels,
    _curve_levels,
    _offer_amounts,
    _ratio_quantiles,
    index_past_cases,
)
from outcomes._advice.batch import BATCH_CHUNK, batch_offers, opening_offers  # noqa: F401
from outcomes._advice.case import CaseLike, case_to_settle, first_value
from outcomes._advice.installment import InstallmentProposal, installment_proposal
from outcomes._advice.wording import (
    ESTIMATE_NOTICE,
    OFFER_LABELS,
    WAIT_TABLE_LABELS,
    WAIT_TABLE_ROWS,
    agreement_chance_sentence,
    driver_label,
    drivers_sentence,
    jhf_warning,
    offer_reasons,
    servicer_warning,
)
from outcomes._arguments import as_count, as_date, as_yen, renamed_keywords
from outcomes._contract import DEFAULT_K
from outcomes._errors import OutcomesError
from outcomes._format import check_language, format_chance, format_yen
from outcomes._registry import ServicersLike, servicer_status, servicers_seen

__all__ = [
    "BASIS_RANGE_LEVELS",
    "CURVE_LEVELS",
    "OFFER_LEVELS",
    "OFFER_UNIT",
    "Basis",
    "Offer",
    "PastLumpSums",
    "batch_offers",
    "index_past_cases",
    "opening_offer",
    "opening_offers",
]


# ==========================================================================
# The offer
# ==========================================================================


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

    @property
    def notice(self) -> str:
        """The notice every offer carries: internal estimates, not advice (弁護士法 §72)."""
        return ESTIMATE_NOTICE[self.language]

    def acceptance(self, amount: float | Sequence[float] | np.ndarray) -> Any:
        """The share of similar past settlements at or below ``amount`` yen (an estimate).

        Not the chance that this creditor accepts: read from the model's
        predictive distribution as the chance that a similar case settles
        for at most this amount: the predictive CDF of
        the settlement ratio at ``amount / residual_debt``. Non-decreasing;
        0 for 0 yen, 1 from the residual debt up.

        Parameters
        ----------
        amount : float or array-like
            Lump sum(s) in yen.

        Returns
        -------
        float, or ndarray for array input
        """
        values = np.asarray(amount, dtype="float64")
        out = _acceptance(
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
        ja = self.language == "ja"
        if amounts is None:
            levels = np.asarray(self.curve_levels)
            ratios = np.asarray(self.curve_ratios)
            extra = np.interp([0.05, 0.10, 0.35, 0.65, 0.95], levels, ratios) * self.residual_debt
            picked = {int(round(a / OFFER_UNIT)) * OFFER_UNIT for a in extra}
            picked = {a for a in picked if 0 < a <= self.residual_debt}
            if self.cash_available is not None and self.cash_available > 0:
                picked.add(min(self.cash_available, self.residual_debt))
                notes[min(self.cash_available, self.residual_debt)] = (
                    "手元資金" if ja else "cash available"
                )
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


@renamed_keywords(model="ratio_model")
def opening_offer(
    ratio_model: Any,
    case: CaseLike,
    *,
    cash_available: int | None = None,
    as_of: date | str | None = None,
    past_cases: pd.DataFrame | PastLumpSums | None = None,
    monthly_model: Any = None,
    budget: int | None = None,
    language: str = "ja",
    levels: Sequence[float] = OFFER_LEVELS,
    k: int = DEFAULT_K,
    servicers: ServicersLike = None,
    time_model: Any = None,
    ignore_unknown_keys: bool = False,
    explain: bool = False,
    training_profile: Any = None,
) -> Offer:
    """The opening offer of a lump-sum settlement (一括和解) for one case.

    The settlement ratio model's calibrated quantiles on the grid 1%…99% give
    the predictive distribution of the agreed ratio. The opening, target and
    walk-away amounts are its 20%, 50% and 85% quantiles (``levels``) times
    the residual debt, in steps of ¥10,000 (opening rounded down, target to
    the nearest, walk-away up; each at least ¥10,000 and at most the residual
    debt). :meth:`Offer.acceptance` reads the chance that the creditor
    accepts any amount from the same distribution.

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
    cash_available : int, optional
        Cash the debtor can pay at once, in whole yen (a float is refused).
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
    budget : int, optional
        Monthly surplus from the 収支表, for the instalment alternative.
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
        (``outcomes._io.read_model_dir(path).profile``; else the time
        model's ``profile_``): a case outside what the model saw (a debt
        beyond the training range, a servicer never seen) puts a one-line
        warning first, in ``language``.

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
    language = check_language(language)
    lv = _check_levels(levels)
    k = as_count(k, "k")
    cash = None if cash_available is None else as_yen(cash_available, "cash_available")
    budget = None if budget is None else as_yen(budget, "budget")
    day = as_date(as_of, "as_of")
    frame, residual = case_to_settle(case, day, ignore_unknown_keys=ignore_unknown_keys)
    status = servicer_status(first_value(frame, "servicer"), servicers_seen(ratio_model), servicers)
    if status.name is not None and status.name != first_value(frame, "servicer"):
        # the firm's registry names this spelling: the model sees the registry name
        frame = frame.assign(servicer=pd.array([status.name], dtype=frame["servicer"].dtype))
    grid = _curve_levels(lv)
    ratios = _ratio_quantiles(ratio_model, frame, grid)[0]
    at = [int(np.flatnonzero(np.isclose(grid, v))[0]) for v in lv]
    opening, target, walk = (
        int(v[0]) for v in _offer_amounts(*(ratios[[i]] for i in at), np.array([residual]))
    )
    chances = _acceptance(grid, ratios, residual, np.array([opening, target, walk], float))
    creditor_type = first_value(frame, "creditor_type")
    servicer = first_value(frame, "servicer")
    n_train = getattr(ratio_model, "n_train_", None)
    basis = None
    if past_cases is not None:
        basis = _basis(index_past_cases(past_cases), creditor_type, servicer, k, language)
    ja = language == "ja"

    def y(a: float) -> str:
        return format_yen(a, language)

    amounts = {"residual_debt": residual, "opening": opening, "target": target, "walk_away": walk}
    reasons = offer_reasons(amounts, chances, basis, n_train, language)
    warning = servicer_warning(status.status, status.name, status.suggestions, language)
    warnings = () if warning is None else (warning,)
    drift_note = _case_drift_warning(
        training_profile if training_profile is not None else getattr(time_model, "profile_", None),
        frame,
        language,
    )
    if drift_note is not None:
        warnings = (drift_note, *warnings)
    drivers = None
    if explain:
        drivers = _drivers(ratio_model, frame, residual, language)
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
    if time_model is not None:
        waited, within, wait_table = _time_view(ratio_model, time_model, frame, day, language)
        reasons.append(agreement_chance_sentence(within[0], within[1], waited, language))
    if past_cases is not None and basis is None:
        reasons.append(
            f"似た過去の一括和解が{k}件未満のため、事例の範囲は示せません。"
            if ja
            else f"Fewer than {k} similar past lump sums: no range of past cases can be shown."
        )
    if creditor_type == "jhf":
        # first, before any amount: the lump-sum figures below are the exception for JHF
        warnings = (jhf_warning(language), *warnings)
    elif servicer is None:
        reasons.append(
            "債権はまだサービサーに譲渡されていません。譲渡された債権では、一括和解の額が"
            "もっと低い傾向があります。"
            if ja
            else "The claim has not been sold to a servicer; claims held by servicers tend to "
            "settle for much less."
        )

    want_alternative = creditor_type == "jhf"
    if cash is not None:
        chance_cash = float(_acceptance(grid, ratios, residual, np.array([float(cash)]))[0])
        if cash < opening:
            want_alternative = True
            reasons.append(
                f"手元資金{y(cash)}は最初の提示額{y(opening)}に届きません"
                f"(この額で応じてもらえる見込みは約{format_chance(chance_cash)})。"
                "一括ではなく分割弁済を検討します。"
                if ja
                else f"The cash of {y(cash)} is below the opening of {y(opening)} (similar past "
                f"settlements at or below it: about {format_chance(chance_cash)}): instalments "
                f"are the likelier way."
            )
        elif cash < walk:
            reasons.append(
                f"手元資金{y(cash)}の範囲で交渉できます。{y(opening)}から始め、"
                f"{y(cash)}までは上げられます(似た和解でこの額以下の割合は約{format_chance(chance_cash)})。"
                if ja
                else f"The cash of {y(cash)} is within the range: from {y(opening)} up to "
                f"{y(cash)} at most (similar past settlements at or below it: about "
                f"{format_chance(chance_cash)})."
            )
        else:
            reasons.append(
                f"手元資金{y(cash)}は上限{y(walk)}以上です。{y(walk)}を超えて払う必要はなく、"
                "残りは生活の立て直しに残します。"
                if ja
                else f"The cash of {y(cash)} covers the walk-away of {y(walk)}: there is no need "
                f"to pay more than {y(walk)}; keep the rest for a fresh start."
            )

    alternative: InstallmentProposal | str | None = None
    if want_alternative:
        if monthly_model is not None:
            alternative = installment_proposal(
                monthly_model, frame, budget=budget, language=language
            )
            reasons.append(
                f"分割弁済の案: {alternative}" if ja else f"Instalment alternative: {alternative}"
            )
        else:
            alternative = (
                "分割弁済(月5,000円〜2万円が一般的)を、生活状況確認表と収支表を添えて提案します。"
                if ja
                else "Propose instalments (usually ¥5,000–¥20,000 a month) with the "
                "living-situation statement and household budget."
            )
            reasons.append(alternative)

    return Offer(
        residual_debt=residual,
        opening=opening,
        target=target,
        walk_away=walk,
        levels=lv,
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
        months_waited=waited,
        agreement_within=within,
        wait_table=wait_table,
        drivers=drivers,
    )


#: how many drivers an offer states
TOP_DRIVERS = 3


def _drivers(
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


def _case_drift_warning(profile: Any, frame: pd.DataFrame, language: str) -> str | None:
    """One line, first in the offer, when the case lies outside what the model saw."""
    if profile is None:
        return None
    from outcomes.models import drift

    result = drift(profile, frame)
    # an unseen servicer has its own warning (servicer_warning): not said twice
    outside = result[(result["share_outside"] > 0) & (result["feature"] != "servicer")]
    if not len(outside):
        return None
    parts = []
    for row in outside.itertuples(index=False):
        name = driver_label(str(row.feature), language)
        if row.new_categories:
            parts.append(
                f"{name}「{row.new_categories}」は学習データにありません"
                if language == "ja"
                else f"{name} '{row.new_categories}' never seen in training"
            )
        else:
            parts.append(
                f"{name}が学習データの範囲外です"
                if language == "ja"
                else f"{name} beyond the training range"
            )
    return (
        "注意: この案件はモデルが学んだ範囲の外にあります("
        + "、".join(parts)
        + ")。見積りは外挿で、"
        "確かさが下がります。"
        if language == "ja"
        else "Warning: this case lies outside what the model learned from ("
        + "; ".join(parts)
        + "): the estimate is an extrapolation, less certain."
    )


def _months_between(start: pd.Timestamp, end: pd.Timestamp) -> float:
    return max((end - start).days / 30.4375, 0.0)


def _time_view(
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
    waited = 0.0 if sale is None else _months_between(pd.Timestamp(sale), now)
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
