"""evaluate_acceptance: the calibration of AcceptanceModel on held-out cases' first proposals."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import clone

from outcomes.models._acceptance import AcceptanceModel, case_info, log_bounds, text_column

__all__ = ["evaluate_acceptance", "first_proposals"]


# --------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------


def first_proposals(cases: pd.DataFrame, log: pd.DataFrame) -> pd.DataFrame:
    """Each period's first debtor-side lump sum with a readable answer (``accepted`` 1 or 0)."""
    bounds = log_bounds(cases, log)
    bounds = bounds[(bounds["party"] == "debtor").fillna(False).to_numpy(bool)]
    bounds = bounds[~bounds["unread"].to_numpy(bool)]
    out = bounds.groupby("period", sort=False).head(1).reset_index(drop=True)
    out["accepted"] = (out["side"] == "upper").to_numpy(bool)
    return out


def evaluate_acceptance(
    model: AcceptanceModel,
    cases: pd.DataFrame,
    log: pd.DataFrame,
    *,
    cv: int = 5,
    bins: int = 10,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Cross-validated calibration of the chance of acceptance, on held-out cases' first proposals.

    The cases are split in ``cv`` folds; the model is fitted on the log of
    the others and judged on the *first* debtor-side lump sum of each
    held-out negotiation: its answer is one draw of "floor ≤ ratio" that no
    earlier answer selected (a later proposal is only made because the
    earlier ones were refused), so the chance predicted for it can be
    checked as it is. Beside it, the baseline that gives every proposal the
    training share of first proposals accepted.

    Parameters
    ----------
    model : AcceptanceModel
        Unfitted (cloned per fold).
    cases, log : DataFrame
        The clean cases and log.
    cv : int, default=5
    bins : int, default=10
        Bins of predicted chance in the calibration table.
    random_state : int or None, default=0

    Returns
    -------
    DataFrame
        Index ``AcceptanceModel`` and ``baseline: share accepted``; columns
        ``brier``, ``log_loss``, ``calibration_error`` (the mean gap between
        predicted and observed share over the bins, weighted by their
        proposals) and ``n``. ``attrs["calibration"]``: per bin the mean
        ``predicted`` chance, the ``observed`` share accepted and ``n``.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases, simulate_negotiations
    >>> cases = simulate_cases(800, seed=5, messy=False, today="2026-06-30")
    >>> world = simulate_negotiations(cases, as_of="2026-06-30", seed=5)
    >>> table = evaluate_acceptance(AcceptanceModel(), world.cases, world.log, cv=3)
    >>> list(table.columns)
    ['brier', 'log_loss', 'calibration_error', 'n']
    >>> bool(table.loc["AcceptanceModel", "brier"] < table.loc["baseline: share accepted", "brier"])
    True
    """
    from sklearn.model_selection import KFold

    if int(cv) < 2:
        raise ValueError(f"cv must be at least 2, got {cv!r}")
    info = case_info(cases)
    firsts = first_proposals(cases, log)
    ids = pd.unique(info["case_id"].dropna())
    log_ids = text_column(log, "case_id").to_numpy(dtype=object, na_value=None)
    chance = np.full(len(firsts), np.nan)
    base = np.full(len(firsts), np.nan)
    for _train, test in KFold(int(cv), shuffle=True, random_state=random_state).split(ids):
        held = set(ids[test])
        fold = clone(model).fit(cases, log[~pd.Series(log_ids).isin(held).to_numpy()])
        rows = firsts["case_id"].isin(held).to_numpy(bool)
        chance[rows] = fold.chance_of_bounds(firsts[rows].reset_index(drop=True), info)
        base[rows] = float(firsts.loc[~rows, "accepted"].mean())
    y = firsts["accepted"].to_numpy(dtype="float64")
    ok = np.isfinite(chance)
    edges = np.linspace(0.0, 1.0, int(bins) + 1)
    which = np.clip(np.digitize(chance[ok], edges) - 1, 0, int(bins) - 1)
    calibration = (
        pd.DataFrame({"bin": which, "predicted": chance[ok], "observed": y[ok]})
        .groupby("bin")
        .agg(predicted=("predicted", "mean"), observed=("observed", "mean"), n=("observed", "size"))
    )

    def metrics(p: np.ndarray) -> list[float]:
        p = np.clip(p[ok], 1e-6, 1 - 1e-6)
        t = y[ok]
        own = np.clip(np.digitize(p, edges) - 1, 0, int(bins) - 1)  # each by its own chances
        binned = pd.DataFrame({"b": own, "p": p, "y": t}).groupby("b").mean()
        counts = np.bincount(own, minlength=int(bins))[binned.index]
        gap = float(np.sum(np.abs(binned["p"] - binned["y"]) * counts) / max(ok.sum(), 1))
        loss = float(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))
        return [float(np.mean((p - t) ** 2)), loss, gap, int(ok.sum())]

    table = pd.DataFrame(
        [metrics(chance), metrics(base)],
        index=["AcceptanceModel", "baseline: share accepted"],
        columns=["brier", "log_loss", "calibration_error", "n"],
    )
    table["n"] = table["n"].astype("int64")
    table.attrs["calibration"] = calibration
    return table
