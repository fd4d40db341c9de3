"""Time from the sale to the agreement: a small vectorised Kaplan–Meier estimate.

Pending cases are kept and right-censored at the export day (they have
not agreed *yet*); dropping them would make agreements look faster than
they are. A curve is published only while at least ``k`` cases are still
at risk, so that its last steps never stand for fewer than ``k`` cases, and
each drop of a published curve stands for at least ``k`` agreements: in a
small report a drop of one case (100% → 94% among 16 cases) is one case's
agreement month (analyst review N20, issue 28).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._errors import OutcomesError

__all__ = ["kaplan_meier", "survival_times"]


@check_arguments
def survival_times(cases: pd.DataFrame, as_of: object = None) -> pd.DataFrame:
    """Months from the sale to the agreement, or to ``as_of`` for a pending case.

    The package's one definition of months and censoring,
    :func:`outcomes.models.survival_data`, keeping its usable cases.

    Parameters
    ----------
    cases : DataFrame
        The clean table (``sale_date``, ``agreement_date``, ``resolution``).
    as_of : date or str, optional
        The export day; default the latest sale or agreement date.

    Returns
    -------
    DataFrame
        ``months`` and ``agreed`` (bool), index of ``cases``; cases without a
        usable sale date, or resolved without an agreement date, are left out.

    Examples
    --------
    >>> df = pd.DataFrame({"sale_date": pd.to_datetime(["2024-01-01", "2024-01-01"]),
    ...                    "agreement_date": pd.to_datetime(["2024-07-01", None]),
    ...                    "resolution": ["lump_sum", "pending"]})
    >>> survival_times(df, "2025-01-01").round(2)
       months  agreed
    0    5.98    True
    1   12.02   False
    """
    from outcomes.models import survival_data

    if as_of is None and cases[["sale_date", "agreement_date"]].isna().all(axis=None):
        raise OutcomesError("no sale or agreement date to count months to")
    frame = survival_data(cases, as_of=as_of)
    return frame.loc[frame["usable"].to_numpy(bool), ["months", "agreed"]]


@check_arguments
def kaplan_meier(
    cases: pd.DataFrame,
    by: str | None = None,
    *,
    as_of: object = None,
    k: int = DEFAULT_K,
) -> pd.DataFrame:
    """Share of cases not yet agreed, by months after the sale (Kaplan–Meier), per group.

    Computed on all cases given (pending ones censored at ``as_of``); each
    curve stops where fewer than ``k`` cases remain at risk, each of its
    drops stands for at least ``k`` agreements (drops of fewer are drawn
    together, at the month the ``k``-th agreement is reached, at the
    estimate's value there), and a group of fewer than ``k`` cases gets no
    curve.

    Returns
    -------
    DataFrame
        ``group`` (``"全体"`` without ``by``), ``months``, ``not_agreed``
        (survival), ``at_risk``; one row per month with an agreement;
        ``attrs["k"]`` is ``k``.

    Examples
    --------
    >>> df = pd.DataFrame({"sale_date": pd.to_datetime(["2024-01-01"] * 6),
    ...                    "agreement_date": pd.to_datetime(["2024-02-01", "2024-03-01",
    ...                                                      "2024-03-01", None, None, None]),
    ...                    "resolution": ["lump_sum"] * 3 + ["pending"] * 3})
    >>> kaplan_meier(df, as_of="2024-12-31", k=2).round(2)
      group  months  not_agreed  at_risk
    0    全体    1.97         0.5        5

    The one agreement at 1.02 months is not a drop of its own (k = 2): it is
    drawn with the two at 1.97.
    """
    times = survival_times(cases, as_of)
    group = (
        pd.Series("全体", index=times.index)
        if by is None
        else cases.loc[times.index, by].astype("string")
    )
    frames = []
    for name, idx in group.groupby(group, observed=True, dropna=True).groups.items():
        if len(idx) < k:
            continue
        t = times.loc[idx, "months"].to_numpy()
        e = times.loc[idx, "agreed"].to_numpy()
        order = np.argsort(t, kind="stable")
        t, e = t[order], e[order]
        uniq, first = np.unique(t, return_index=True)
        at_risk = len(t) - first
        events = np.add.reduceat(e.astype(int), first)
        keep = events > 0
        s = np.cumprod(1.0 - events[keep] / at_risk[keep])
        frame = pd.DataFrame(
            {"group": name, "months": uniq[keep], "not_agreed": s, "at_risk": at_risk[keep]}
        )
        frame = frame[_drops_of_k(events[keep], k) & (frame["at_risk"] >= k).to_numpy()]
        frames.append(frame)
    if not frames:
        curves = pd.DataFrame(
            {
                "group": pd.Series(dtype="string"),
                "months": pd.Series(dtype="float64"),
                "not_agreed": pd.Series(dtype="float64"),
                "at_risk": pd.Series(dtype="int64"),
            }
        )
    else:
        curves = pd.concat(frames, ignore_index=True)
    curves.attrs["k"] = k  # what a figure of no curve says: every group under k
    return curves


def _drops_of_k(events: np.ndarray, k: int) -> np.ndarray:
    """Which steps of a curve to publish so that each published drop holds ``k`` agreements or more.

    Examples
    --------
    >>> _drops_of_k(np.array([1, 1, 3, 1, 1, 1, 1]), 3).tolist()
    [False, False, True, False, False, True, False]
    """
    keep = np.zeros(len(events), dtype=bool)
    since = 0
    for i, n in enumerate(events.tolist()):
        since += n
        if since >= k:
            keep[i] = True
            since = 0
    return keep
