"""The similar past lump sums an offer rests on: :func:`index_past_cases` → :class:`PastLumpSums`, :class:`Basis`.

The past lump-sum settlements of a clean table are indexed once (four
columns, and the servicer's role where the table records it; nothing
personal); :func:`similar_basis` finds the narrowest group like the case with
at least ``k`` cases and describes its settlement ratios (the sentences are in
:mod:`~outcomes._advice.wording`). A consigned claim (受託) is compared with
past consigned claims first: the few percent that bought claims settle for
do not apply to it (domain.md). Every figure is an
internal estimate for the analyst, never a promise to the debtor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from outcomes._advice.wording import basis_group, basis_role_group, basis_widened
from outcomes._errors import OutcomesError

__all__ = [
    "BASIS_RANGE_LEVELS",
    "Basis",
    "PastLumpSums",
    "index_past_cases",
    "model_knows_roles",
    "similar_basis",
]

#: levels of the range of past settlement ratios shown in the basis
BASIS_RANGE_LEVELS: tuple[float, float] = (0.10, 0.90)


@dataclass(frozen=True)
class Basis:
    """The similar past lump-sum settlements an offer rests on.

    Attributes
    ----------
    group : str
        The group in words (``"同じ債権者区分(保証会社)・同じサービサー(SMBC債権回収)"``).
    filters : tuple of (str, str)
        The group as column/value pairs; ``("servicer_held", "yes")`` means
        "a servicer holds the claim".
    n_cases : int
        Past lump-sum settlements in the group; never fewer than ``k``.
    ratio_low, ratio_median, ratio_high : float
        10%, 50% and 90% quantiles of their settlement ratios.
    broadened : bool
        True when a narrower group had fewer than ``k`` cases and was widened.
    note : str
        Why it was widened (empty otherwise).
    """

    group: str
    filters: tuple[tuple[str, str], ...]
    n_cases: int
    ratio_low: float
    ratio_median: float
    ratio_high: float
    broadened: bool = False
    note: str = ""


@dataclass(frozen=True)
class PastLumpSums:
    """Past lump-sum settlements indexed once, for the basis of many offers.

    Only the columns the basis needs are kept (nothing personal): numpy
    arrays of the creditor type, the servicer (None when none), whether a
    servicer holds the claim, the settlement ratio, and the servicer's role
    (``bought`` / ``consigned`` / None; None throughout when the table does not
    record it). Build it with :func:`index_past_cases`.
    """

    creditor_type: np.ndarray = field(repr=False)
    servicer: np.ndarray = field(repr=False)
    held: np.ndarray = field(repr=False)
    ratio: np.ndarray = field(repr=False)
    role: np.ndarray | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.ratio)

    @property
    def knows_roles(self) -> bool:
        """Whether any past lump sum records the servicer's role."""
        return self.role is not None and any(r is not None for r in self.role)


def index_past_cases(past_cases: pd.DataFrame | PastLumpSums) -> PastLumpSums:
    """The past lump-sum settlements of a clean table, indexed for :func:`opening_offer`.

    Parameters
    ----------
    past_cases : DataFrame
        The clean case table (``resolution``, ``settlement_ratio``,
        ``creditor_type`` and ``servicer`` are read). A :class:`PastLumpSums`
        is returned as it is.

    Returns
    -------
    PastLumpSums

    Raises
    ------
    OutcomesError
        If a needed column is missing.

    Examples
    --------
    >>> past = pd.DataFrame({"resolution": ["lump_sum", "installment"],
    ...                      "settlement_ratio": [0.05, None],
    ...                      "creditor_type": ["bank", "bank"], "servicer": ["X回収", None]})
    >>> len(index_past_cases(past))
    1
    """
    if isinstance(past_cases, PastLumpSums):
        return past_cases
    needed = ("resolution", "settlement_ratio", "creditor_type", "servicer")
    missing = [c for c in needed if c not in past_cases.columns]
    if missing:
        raise OutcomesError(
            f"past_cases lacks column(s) {', '.join(missing)}; pass the clean case table"
        )
    resolution = past_cases["resolution"].astype("string")
    ratio = pd.to_numeric(past_cases["settlement_ratio"], errors="coerce").astype("Float64")
    keep = ((resolution == "lump_sum").fillna(False) & ratio.notna()).to_numpy(dtype=bool)
    servicer = past_cases["servicer"].astype("string").str.strip()
    servicer = servicer.where(servicer != "")[keep]
    creditor_type = past_cases["creditor_type"].astype("string")[keep]
    role = None
    if "servicer_role" in past_cases.columns:
        roles = past_cases["servicer_role"].astype("string")[keep]
        role = roles.astype(object).where(roles.notna(), None).to_numpy()
    return PastLumpSums(
        creditor_type=creditor_type.astype(object).where(creditor_type.notna(), None).to_numpy(),
        servicer=servicer.astype(object).where(servicer.notna(), None).to_numpy(),
        held=servicer.notna().to_numpy(dtype=bool),
        ratio=ratio[keep].clip(0.0, None).to_numpy(dtype="float64"),
        role=role,
    )


def model_knows_roles(model: object) -> bool:
    """Whether a fitted ratio model learned ``servicer_role`` (its training table recorded it).

    Read from the model's encoder (``regressor_.encoder_.categories_``); False
    when the model does not expose it.

    Examples
    --------
    >>> model_knows_roles(object())
    False
    """
    encoder = getattr(getattr(model, "regressor_", None), "encoder_", None)
    categories = getattr(encoder, "categories_", None)
    return isinstance(categories, dict) and len(categories.get("servicer_role", ())) > 0


def similar_basis(
    history: PastLumpSums,
    creditor_type: str | None,
    servicer: str | None,
    k: int,
    language: str,
    role: str | None = None,
) -> Basis | None:
    """The narrowest group of past lump sums like this case with at least ``k`` cases.

    Groups, narrowest first: the same creditor type and servicer; the same
    creditor type and whether a servicer holds the claim; the same creditor
    type; whether a servicer holds the claim; everyone. With a servicer's
    ``role`` and past cases that record roles, each group is first taken with
    the same role only (``("servicer_role", role)`` in the filters), and only
    then without. None when even everyone is fewer than ``k``.
    """
    held = servicer is not None
    held_code = "yes" if held else "no"
    same_ct = history.creditor_type == creditor_type
    same_held = history.held == held
    # (kind of group, filters, rows)
    candidates: list[tuple[str, tuple[tuple[str, str], ...], np.ndarray]] = []
    if creditor_type is not None and held:
        candidates.append(
            (
                "creditor_servicer",
                (("creditor_type", creditor_type), ("servicer", servicer)),
                same_ct & (history.servicer == servicer),
            )
        )
    if creditor_type is not None:
        candidates.append(
            (
                "creditor_held",
                (("creditor_type", creditor_type), ("servicer_held", held_code)),
                same_ct & same_held,
            )
        )
        candidates.append(("creditor", (("creditor_type", creditor_type),), same_ct))
    candidates.append(("held", (("servicer_held", held_code),), same_held))
    candidates.append(("all", (), np.ones(len(history), dtype=bool)))
    by_role = role is not None and held and history.knows_roles
    if by_role:
        same_role = history.role == role
        candidates = [
            (kind, (*filters, ("servicer_role", role)), mask & same_role)
            for kind, filters, mask in candidates
            if kind != "all"
        ] + candidates

    def named(i: int) -> tuple[str, str]:
        kind, filters = candidates[i][0], candidates[i][1]
        group, short = basis_group(kind, creditor_type, servicer, language)
        if ("servicer_role", role) in filters:
            return basis_role_group(group, role, language), basis_role_group(short, role, language)
        return group, short

    for i, (_, filters, mask) in enumerate(candidates):
        ratios = history.ratio[mask]
        if len(ratios) < k:
            continue
        group, _ = named(i)
        note = ""
        if i > 0:
            _, narrow = named(0)
            note = basis_widened(narrow, group, k, language)
        lo, med, hi = np.quantile(ratios, [BASIS_RANGE_LEVELS[0], 0.5, BASIS_RANGE_LEVELS[1]])
        return Basis(
            group=group,
            filters=filters,
            n_cases=int(len(ratios)),
            ratio_low=float(lo),
            ratio_median=float(med),
            ratio_high=float(hi),
            broadened=i > 0,
            note=note,
        )
    return None
