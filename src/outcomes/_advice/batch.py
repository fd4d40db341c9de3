"""Offers for a whole table of cases at once: :func:`opening_offers` and :func:`make_offers`.

The vectorised path of ``outcomes offer --cases`` (:func:`outcomes.batch_offers`,
one call of :meth:`Advisor.offers <outcomes._advice.advisor.Advisor.offers>`):
the same three amounts and chances as :func:`outcomes.opening_offer` case by
case, computed from
one call of the ratio model per chunk, with the monthly instalment of similar
cases, each distinct servicer looked at once, and the table's drift against
the model's training data. Every figure is an internal estimate, never a
promise to the debtor.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from outcomes._advice.basis import model_knows_roles
from outcomes._advice.case import MIN_RESIDUAL_DEBT, with_as_of
from outcomes._advice.curve import (
    OFFER_LEVELS,
    TOP_DRIVERS,
    acceptance_rows,
    check_levels,
    curve_levels,
    offer_amounts,
    ratio_quantiles,
)
from outcomes._advice.limitation_check import limitation_warning, table_limitation
from outcomes._advice.wording import (
    consigned_warning,
    driver_text,
    jhf_warning,
    say,
)
from outcomes._arguments import as_date, renamed_keywords
from outcomes._errors import OutcomesError
from outcomes._format import format_yen, value_labels

if TYPE_CHECKING:
    from outcomes._advice.advisor import Advisor

__all__ = [
    "BATCH_CHUNK",
    "batch_summary",
    "TOP_DRIVERS",
    "make_offers",
    "opening_offers",
    "resolved_cases",
    "resolved_reasons",
]


@renamed_keywords(model="ratio_model")
def opening_offers(
    ratio_model: Any,
    cases: pd.DataFrame,
    *,
    as_of: date | str | None = None,
    levels: Sequence[float] = OFFER_LEVELS,
    acceptance_model: Any = None,
) -> pd.DataFrame:
    """Opening, target and walk-away for every case of a clean table, with their chances.

    The same numbers as :func:`opening_offer` case by case, computed in one
    pass (for reports, and to check that the chances are calibrated).

    Parameters
    ----------
    ratio_model : SettlementRatioModel
        Fitted (the old keyword ``model=`` works for one release, with a
        FutureWarning).
    cases : DataFrame
        The clean table.
    as_of : date or str, optional
        Empty agreement dates are taken as this day.
    levels : three floats, default (0.20, 0.50, 0.85)
    acceptance_model : AcceptanceModel, optional
        Fitted on the negotiation log: the amounts and chances of a case whose
        holder the log can read are placed on the curve of the chance that
        the creditor accepts (as :func:`opening_offer` does), and a column
        ``figure`` says which figure each row shows (``acceptance`` or
        ``settlements``).

    Returns
    -------
    DataFrame
        Index of ``cases``; ``residual_debt``, ``opening``, ``target``,
        ``walk_away`` (Int64 yen) and ``chance_opening``, ``chance_target``,
        ``chance_walk_away`` (Float64); empty where the residual debt is
        missing or 0.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> from outcomes.models import SettlementRatioModel
    >>> past = simulate_cases(1500, seed=1, messy=False, today="2026-06-30")
    >>> model = SettlementRatioModel(as_of="2026-06-30", max_iter=30).fit(past)
    >>> table = opening_offers(model, past.head(50))
    >>> bool((table["opening"] <= table["walk_away"]).all())
    True
    """
    lv = check_levels(levels)
    if not isinstance(cases, pd.DataFrame):
        raise OutcomesError(
            f"opening_offers takes the clean case table, got {type(cases).__name__}"
        )
    frame = with_as_of(cases, as_date(as_of, "as_of"))
    residual = frame["residual_debt"].to_numpy(dtype="float64", na_value=np.nan)
    ok = np.isfinite(residual) & (residual > 0)
    grid = curve_levels(lv)
    columns = ("opening", "target", "walk_away")
    out: dict[str, np.ndarray] = {c: np.full(len(frame), np.nan) for c in columns}
    chance = {c: np.full(len(frame), np.nan) for c in columns}
    figure = np.full(len(frame), "settlements", dtype=object)
    if ok.any():
        Q = ratio_quantiles(ratio_model, frame[ok], grid)
        if acceptance_model is not None:  # issue 27: the chance that the creditor accepts
            Qa = np.asarray(
                acceptance_model.predict_quantiles(frame[ok], [float(v) for v in grid], as_of),
                dtype="float64",
            )
            read = np.isfinite(Qa).all(axis=1)
            Q = Q.copy()
            Q[read] = np.maximum.accumulate(np.clip(Qa[read], 0.0, 1.0), axis=1)
            figure[np.flatnonzero(ok)[read]] = "acceptance"
        at = [int(np.flatnonzero(np.isclose(grid, v))[0]) for v in lv]
        amounts = offer_amounts(Q[:, at[0]], Q[:, at[1]], Q[:, at[2]], residual[ok])
        rows = np.flatnonzero(ok)
        for name, values in zip(columns, amounts, strict=True):
            out[name][rows] = values
        A = np.column_stack(amounts)
        C = acceptance_rows(grid, Q, residual[ok], A)
        for j, name in enumerate(columns):
            chance[name][rows] = C[:, j]

    def ints(a: np.ndarray) -> pd.arrays.IntegerArray:
        return pd.array(np.where(np.isnan(a), None, a), dtype="Int64")  # type: ignore[return-value]

    table = pd.DataFrame(
        {
            "residual_debt": ints(np.where(ok, residual, np.nan)),
            **{name: ints(out[name]) for name in columns},
            **{
                f"chance_{name}": pd.array(
                    np.where(np.isnan(chance[name]), None, chance[name]), dtype="Float64"
                )
                for name in columns
            },
        },
        index=cases.index,
    )
    if acceptance_model is not None:
        table["figure"] = pd.array(figure, dtype="string")
    return table


#: rows scored at a time by :func:`batch_offers` (a progress bar shows from two chunks up)
BATCH_CHUNK = 20_000


def _status_columns(advisor: Advisor, servicer: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Servicer status and warning per case; each distinct servicer is looked at once."""
    codes, uniques = pd.factorize(servicer.astype(object), use_na_sentinel=True)
    notices = [advisor.servicer_notice(u, advisor.ratio_model) for u in uniques]
    status = np.array([st.status for st, _ in notices] + ["none"], dtype=object)
    warning = np.array([" ".join(w) for _, w in notices] + [""], dtype=object)
    return status[codes], warning[codes]


def make_offers(
    advisor: Advisor,
    cases: pd.DataFrame,
    *,
    day: date | None,
    chunk_size: int,
    progress: bool,
) -> pd.DataFrame:
    """Offers for every case of a clean table under ``advisor`` (see :func:`outcomes.batch_offers`)."""
    language = advisor.language
    ratio_model, monthly_model = advisor.ratio_model, advisor.monthly_model
    levels, explain = advisor.levels, advisor.explain
    residual = cases["residual_debt"].to_numpy(dtype="float64", na_value=np.nan)
    resolved = resolved_cases(cases)
    small = np.isfinite(residual) & (residual < MIN_RESIDUAL_DEBT) & ~resolved
    # a resolved case (自己破産, a lump sum or instalments agreed, …) and a residual under
    # ¥10,000 (万円 forgotten) get no amounts, only their reason
    scored = cases.assign(
        residual_debt=cases["residual_debt"]
        .where(~(small | resolved))
        .astype(cases["residual_debt"].dtype)
    )
    starts = range(0, len(cases), chunk_size)
    if progress and len(starts) > 1:
        from tqdm.auto import tqdm

        starts = tqdm(starts, desc="offers", unit="chunk", leave=False)  # type: ignore[assignment]
    parts = []
    for start in starts:
        chunk = scored.iloc[start : start + chunk_size]
        part = opening_offers(
            ratio_model,
            chunk,
            as_of=day,
            levels=levels,
            acceptance_model=advisor.acceptance_model,
        )
        frame = with_as_of(chunk, day)
        has = part["residual_debt"].notna().to_numpy()
        owed = chunk["residual_debt"].to_numpy(dtype="float64", na_value=np.nan)
        part["expected_amount"] = _expected_amounts(ratio_model, frame, has, owed)
        if explain:
            part["drivers"] = _driver_texts(ratio_model, frame, has, owed, language)
        if monthly_model is not None:
            q = np.full((len(chunk), 3), np.nan)
            if has.any():
                q[has] = np.maximum.accumulate(
                    np.asarray(
                        monthly_model.predict_quantiles(frame[has], [0.1, 0.5, 0.9]), "float64"
                    ),
                    axis=1,
                )
            q = np.where(np.isnan(q), np.nan, np.maximum(np.round(q), 0))
            for j, name in enumerate(("monthly_low", "monthly", "monthly_high")):
                part[name] = pd.array(np.where(np.isnan(q[:, j]), None, q[:, j]), dtype="Int64")
        parts.append(part)
    table = pd.concat(parts) if parts else opening_offers(ratio_model, cases, levels=levels)
    if "expected_amount" not in table.columns:  # no rows at all
        table["expected_amount"] = pd.array([], dtype="Int64")
    columns = [*table.columns[:7], "expected_amount"]
    if "figure" in table.columns:  # issue 27: which figure the chances are
        columns.append("figure")
    if monthly_model is not None:
        columns += ["monthly", "monthly_low", "monthly_high"]
    if explain:
        if "drivers" not in table.columns:
            table["drivers"] = pd.array([], dtype="string")
        columns.append("drivers")
    table = table[columns]
    status, warning = _status_columns(advisor, cases["servicer"])
    # a JHF claim: the same warning an offer puts first, before the servicer's
    jhf = (cases["creditor_type"].astype("string") == "jhf").fillna(False).to_numpy(dtype=bool)
    if jhf.any():
        first = jhf_warning(language)
        warning = np.where(
            jhf, np.where(warning == "", first, first + " " + warning), warning
        ).astype(object)
    # a consigned collector (受託): the warning an offer puts first (Advisor.role_notice)
    consigned = np.zeros(len(cases), dtype=bool)
    if "servicer_role" in cases.columns:
        role = cases["servicer_role"].astype("string") == "consigned"
        consigned = role.fillna(False).to_numpy(dtype=bool) & cases["servicer"].notna().to_numpy()
        consigned &= ~jhf
    if consigned.any():
        knows = model_knows_roles(ratio_model)
        names = cases["servicer"].astype(object).to_numpy()
        texts = {name: consigned_warning(name, knows, language) for name in set(names[consigned])}
        first = np.array([texts[n] if c else "" for n, c in zip(names, consigned, strict=True)])
        warning = np.where(
            consigned, np.where(warning == "", first, first + " " + warning), warning
        ).astype(object)
    if small.any():
        note = say("batch_small_residual", language)
        warning = np.where(small, np.where(warning == "", note, note + " " + warning), warning)
    # the limitation first of all: where it has run or may have, any proposal or payment
    # forfeits the 援用 (最判昭和41年4月20日) and the amounts are for after a 弁護士 rules it out
    limitation = table_limitation(cases, day or date.today())
    for code in ("may_have_run", "run"):
        hit = limitation == code
        if hit.any():
            note = limitation_warning(code, language)
            warning = np.where(hit, np.where(warning == "", note, note + " " + warning), warning)
    if resolved.any():
        # the reason alone: the warnings of an offer do not apply to a case not offered
        warning = warning.copy()
        warning[resolved] = resolved_reasons(cases["resolution"][resolved], language)
    table.insert(0, "case_id", cases["case_id"].astype("string").to_numpy())
    table["servicer_status"] = pd.array(status, dtype="string")
    table["warnings"] = pd.array(warning, dtype="string")
    table["limitation"] = pd.array(limitation, dtype="string")
    return table


def resolved_cases(cases: pd.DataFrame) -> np.ndarray:
    """Cases already resolved (any ``resolution`` but ``pending``): no offer is made for them.

    Examples
    --------
    >>> table = pd.DataFrame({"resolution": ["pending", "bankruptcy", None, "lump_sum"]})
    >>> resolved_cases(table).tolist()
    [False, True, False, True]
    """
    if "resolution" not in cases.columns:
        return np.zeros(len(cases), dtype=bool)
    resolution = cases["resolution"].astype("string")
    return (resolution.notna() & (resolution != "pending")).to_numpy(dtype=bool)


def resolved_reasons(resolution: pd.Series, language: str) -> np.ndarray:
    """Why a resolved case gets no offer, one sentence per case (each resolution worded once).

    Examples
    --------
    >>> resolved_reasons(pd.Series(["bankruptcy"]), "ja")[0]
    '解決済みの案件です(解決方法: 自己破産)。提示額は出しません。'
    >>> resolved_reasons(pd.Series(["lump_sum"]), "en")[0]
    'already resolved (lump sum): no offer'
    """
    words = value_labels("resolution")
    codes = resolution.astype("string").to_numpy(dtype=object)
    sentences = {
        code: say(
            "batch_resolved",
            language,
            resolution=words.get(code, code) if language == "ja" else code.replace("_", " "),
        )
        for code in set(codes)
    }
    return np.array([sentences[c] for c in codes], dtype=object)


def batch_summary(table: pd.DataFrame, resolved: np.ndarray, output: object, language: str) -> str:
    """The one line ``outcomes offer --cases`` prints, in ``language``.

    Counts the offers, the cases skipped as already resolved, those with a
    warning, and the expected lump sums in total; internal estimates.

    Examples
    --------
    >>> table = pd.DataFrame({"opening": pd.array([100_000, None], dtype="Int64"),
    ...                       "expected_amount": pd.array([150_000, None], dtype="Int64"),
    ...                       "warnings": ["", "already resolved (bankruptcy): no offer"]})
    >>> print(batch_summary(table, np.array([False, True]), "offers.xlsx", "ja"))
    2件のうち1件の提示案をoffers.xlsxに書きました(解決済みで提示しない案件1件、注意つき0件、一括和解の期待値の合計15万円、平均から)。社内の見積りであり、債務者への約束ではありません。
    """
    resolved = np.asarray(resolved, dtype=bool)
    warned = (table["warnings"].astype("string").fillna("") != "").to_numpy(dtype=bool)
    expected = table["expected_amount"].sum()
    return say(
        "batch_summary",
        language,
        n_offer=f"{int(table['opening'].notna().sum()):,}",
        n_cases=f"{len(table):,}",
        output=str(output),
        n_resolved=f"{int(resolved.sum()):,}",
        n_warn=f"{int((warned & ~resolved).sum()):,}",
        # the total of estimates to the 万円: more digits claim a precision it has not (N18)
        expected=format_yen(round(int(expected), -4) if pd.notna(expected) else 0, language),
    )


def _expected_amounts(
    ratio_model: Any, frame: pd.DataFrame, has: np.ndarray, owed: np.ndarray
) -> pd.arrays.IntegerArray:
    """The calibrated mean settlement ratio × the residual debt, in yen (empty without one)."""
    out = np.full(len(frame), np.nan)
    method = getattr(ratio_model, "predict_mean", None)
    if method is not None and has.any():
        mean = np.clip(np.asarray(method(frame[has]), dtype="float64").reshape(-1), 0.0, 1.0)
        out[has] = np.round(mean * owed[has])
    return pd.array(np.where(np.isnan(out), None, out), dtype="Int64")  # type: ignore[return-value]


def _driver_texts(
    ratio_model: Any, frame: pd.DataFrame, has: np.ndarray, owed: np.ndarray, language: str
) -> pd.arrays.StringArray:
    """The top drivers of each case's predicted median ratio, as one text per case."""
    out = np.full(len(frame), "", dtype=object)
    method = getattr(ratio_model, "explain", None)
    if method is not None and has.any():
        table = method(frame[has])
        contributions = table.drop(columns=["prediction", "reference_prediction"])
        names = list(contributions.columns)
        values = contributions.to_numpy(dtype="float64")
        order = np.argsort(-np.abs(values), axis=1, kind="stable")[:, :TOP_DRIVERS]
        sep = "、" if language == "ja" else "; "
        texts = []
        for i, (row, debt) in enumerate(zip(order, owed[has], strict=True)):
            parts = [
                driver_text(names[j], values[i, j], debt, language)
                for j in row
                if values[i, j] != 0
            ]
            texts.append(sep.join(parts))
        out[has] = texts
    return pd.array(out, dtype="string")  # type: ignore[return-value]
