"""How each servicer answers: the negotiation log summed up per counterparty, every cell from ≥ k cases.

:func:`servicer_answers` reads the clean log (case-records §9) per
counterparty (empty = the case's servicer, else its creditor) and gives, for
each: how many distinct cases it negotiated, its usual (median) first demand
as a share of the residual debt (or of the claim it stated, without a case
table), what it settled for, in how many proposals, and whether waiting
(months from the sale to the agreement) went with lower settlements.

Published figures from the log follow §7 with ``k`` counting distinct
**cases**, never log rows: a counterparty seen in fewer than ``k`` cases is
pooled with the other rare ones into one row (itself suppressed when under
``k``), and every figure stands on at least ``k`` cases or is left empty.
Every figure is an internal estimate from other debtors' cases: never shown to
a debtor as what a creditor will accept, nor as steps of a negotiation
(弁護士法72条).
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._calendar import DAYS_PER_MONTH
from outcomes._contract import DEFAULT_K, creditor_type_of
from outcomes._errors import OutcomesError
from outcomes._format import check_language, creditor_label
from outcomes._messages import Catalogue, Message, render

__all__ = ["ANSWER_COLUMNS", "ANSWER_WORDS", "WAITING_CODES", "servicer_answers"]

#: the words of the table's labels, of the package's one shape {code: (ja, en)}
ANSWER_WORDS: Catalogue = {
    "answers.pooled": ("その他の相手先({n}社)", "other counterparties ({n})"),
    "answers.unknown": ("相手先不明", "counterparty unknown"),
    "answers.creditor": ("債権者: {type}", "creditor: {type}"),
}

#: what ``waiting`` holds: agreements reached later after the sale were lower, or no clear sign
WAITING_CODES: tuple[str, ...] = ("lower", "no_sign")

#: the columns of :func:`servicer_answers`, in order
ANSWER_COLUMNS: tuple[str, ...] = (
    "servicer",
    "pooled",
    "cases",
    "first_demand",
    "agreed",
    "settled",
    "rounds",
    "months",
    "settled_early",
    "settled_late",
    "waiting",
    "suppressed",
)

#: one-sided level of the rank correlation that says waiting went with lower settlements
_WAITING_LEVEL = 0.05


def _key(values: pd.Series) -> pd.Series:
    """Names compared as the cleaner writes them (NFKC, stripped); empty = missing."""
    out = values.astype("string").str.normalize("NFKC").str.strip()
    return out.mask(out == "")


def _numbers(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)


def _days(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(frame), np.datetime64("NaT"), dtype="datetime64[ns]")
    return pd.to_datetime(frame[name], errors="coerce").to_numpy(dtype="datetime64[ns]")


def _rows(log: pd.DataFrame, cases: pd.DataFrame | None) -> pd.DataFrame:
    """One row per proposal of the log, with its counterparty, case basis and sale day."""
    missing = [c for c in ("case_id", "offered_on", "party", "kind", "response") if c not in log]
    if missing:
        raise OutcomesError(
            "the negotiation log lacks column(s) "
            + ", ".join(missing)
            + "; clean it with clean_negotiations"
        )
    frame = pd.DataFrame(
        {
            "row": np.arange(len(log)),
            "case_id": _key(log["case_id"]).to_numpy(dtype=object, na_value=None),
            "offered": _days(log, "offered_on"),
            "answered": _days(log, "responded_on"),
            "party": log["party"].astype("string").to_numpy(dtype=object, na_value=None),
            "kind": log["kind"].astype("string").to_numpy(dtype=object, na_value=None),
            "response": log["response"].astype("string").fillna("pending").to_numpy(dtype=object),
            "amount": _numbers(log, "amount"),
            "monthly": _numbers(log, "monthly_amount"),
            "term": _numbers(log, "term_months"),
            "claimed": _numbers(log, "claimed_amount"),
            "counterparty": (
                _key(log["counterparty"]).to_numpy(dtype=object, na_value=None)
                if "counterparty" in log.columns
                else np.full(len(log), None, dtype=object)
            ),
        }
    )
    frame = frame[frame["case_id"].notna().to_numpy() & ~np.isnat(frame["offered"].to_numpy())]
    n = len(frame)
    servicer = creditor = np.full(n, None, dtype=object)
    basis = np.full(n, np.nan)
    sale = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    jhf = np.zeros(n, dtype=bool)
    if cases is not None:
        if "case_id" not in cases.columns:
            raise OutcomesError("the case table lacks column case_id; clean it with clean_cases")
        table = cases.assign(_id=_key(cases["case_id"])).drop_duplicates("_id").set_index("_id")
        ids = frame["case_id"].to_numpy(dtype=object)
        known = pd.Index(table.index).get_indexer(ids)
        frame = frame[known >= 0]  # only the log rows of the cases given (the report's selection)
        at = known[known >= 0]
        n = len(frame)

        def column(name: str) -> np.ndarray:
            if name not in table.columns:
                return np.full(n, None, dtype=object)
            return _key(table[name]).to_numpy(dtype=object, na_value=None)[at]

        servicer, creditor = column("servicer"), column("creditor")
        jhf = column("creditor_type") == "jhf"
        basis = _numbers(table, "residual_debt")[at]
        sale = _days(table, "sale_date")[at]
    holder = pd.Series(frame["counterparty"].to_numpy(dtype=object))
    if cases is None:
        # no case list: an empty counterparty is the one the case's other rows name, if one
        by_case = holder.groupby(frame["case_id"].to_numpy(dtype=object))
        named = by_case.transform("nunique").to_numpy() == 1
        servicer = np.where(named, by_case.transform("first").to_numpy(dtype=object), None)
    holder = holder.fillna(pd.Series(servicer, dtype=object)).fillna(
        pd.Series(creditor, dtype=object)
    )
    frame = frame.assign(holder=holder.to_numpy(dtype=object), basis=basis, sale=sale, jhf=jhf)
    return frame.sort_values(["case_id", "offered", "row"], kind="stable").reset_index(drop=True)


def _total(frame: pd.DataFrame) -> np.ndarray:
    """What a proposal comes to: the lump part plus a fixed monthly part (not for a jhf review)."""
    amount = frame["amount"].to_numpy()
    monthly = frame["monthly"].to_numpy()
    term = frame["term"].to_numpy()
    kind = frame["kind"].to_numpy(dtype=object)
    fixed = np.isfinite(monthly) & np.isfinite(term) & ~frame["jhf"].to_numpy(bool)
    lump_part = np.where(np.isfinite(amount), amount, 0.0)
    total = np.where(kind == "lump_sum", amount, np.nan)
    with_monthly = np.isin(kind, ["installment", "mixed"])
    total = np.where(with_monthly & fixed, lump_part + monthly * term, total)
    # an open-ended monthly part has no total; a mixed row without its lump part neither
    total = np.where((kind == "mixed") & ~np.isfinite(amount), np.nan, total)
    return total


def _per_case(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per case and counterparty: first demand, agreement, rounds and months."""
    proposal = (frame["kind"].to_numpy(dtype=object) != "event") & frame["kind"].notna().to_numpy()
    frame = frame[proposal & frame["holder"].notna().to_numpy()].copy()
    frame["total"] = _total(frame)
    # the basis: the residual debt of the case; without a case table, the claim it stated
    claimed = frame.groupby(["case_id", "holder"], sort=False)["claimed"].transform("first")
    basis = frame["basis"].to_numpy()
    use_claim = np.isnan(basis)
    frame["basis"] = np.where(use_claim, claimed.to_numpy(dtype="float64"), basis)
    keys = ["case_id", "holder"]
    groups = frame.groupby(keys, sort=False)
    frame["round"] = groups.cumcount() + 1
    with np.errstate(divide="ignore", invalid="ignore"):
        share = frame["total"].to_numpy() / frame["basis"].to_numpy()
    frame["share"] = np.where(frame["basis"].to_numpy() > 0, share, np.nan)
    creditor = frame["party"].to_numpy(dtype=object) == "creditor"
    # the first row itself (skipna=False: a first demand without a total is not the second one)
    first = frame[creditor].groupby(keys, sort=False)["share"].first(skipna=False)
    accepted = frame[frame["response"].to_numpy(dtype=object) == "accepted"]
    agreed = accepted.groupby(keys, sort=False).first(skipna=False)
    day = agreed["answered"].fillna(agreed["offered"])
    months = (day - agreed["sale"]).dt.days.to_numpy(dtype="float64", na_value=np.nan)
    out = groups.size().rename("rows").to_frame()
    out["first_demand"] = first
    out["settled"] = agreed["share"]
    out["agreed"] = out.index.isin(agreed.index)
    out["rounds"] = agreed["round"].astype("float64")
    out["months"] = pd.Series(months / DAYS_PER_MONTH, index=agreed.index)
    return out.reset_index()


def _summary(per_case: pd.DataFrame, by: pd.Series, k: int) -> pd.DataFrame:
    """The figures of each group of ``by`` (one label per row of ``per_case``), cells under k emptied."""
    data = per_case.assign(group=by.to_numpy(dtype=object))
    g = data.groupby("group", sort=False)
    out = pd.DataFrame({"cases": g["case_id"].nunique()})

    def median_of(column: str, mask: np.ndarray | None = None) -> tuple[pd.Series, pd.Series]:
        part = data if mask is None else data[mask]
        part = part[part[column].notna().to_numpy()]
        pg = part.groupby("group", sort=False)
        return pg[column].median(), pg["case_id"].nunique()

    first, n_first = median_of("first_demand")
    agreed_rows = data["agreed"].to_numpy(bool)
    settled, n_settled = median_of("settled", agreed_rows)
    rounds, n_rounds = median_of("rounds", agreed_rows)
    months, n_months = median_of("months", agreed_rows & data["settled"].notna().to_numpy())
    out["agreed"] = data[agreed_rows].groupby("group", sort=False)["case_id"].nunique()
    for name, value, n in (
        ("first_demand", first, n_first),
        ("settled", settled, n_settled),
        ("rounds", rounds, n_rounds),
        ("months", months, n_months),
    ):
        n = n.reindex(out.index).fillna(0)
        out[name] = value.reindex(out.index).where(n >= k)
    # waiting: agreements after the group's median month against those before it
    timed = data[agreed_rows & data["settled"].notna().to_numpy() & data["months"].notna()]
    split = timed.groupby("group", sort=False)["months"].transform("median")
    late = timed["months"].to_numpy() > split.to_numpy()
    tg = timed.assign(late=late).groupby(["group", "late"], sort=False)
    med = tg["settled"].median()
    cnt = tg["case_id"].nunique()

    def half(flag: bool) -> tuple[pd.Series, pd.Series]:
        m = med.xs(flag, level="late") if flag in med.index.get_level_values("late") else med[:0]
        c = cnt.xs(flag, level="late") if flag in cnt.index.get_level_values("late") else cnt[:0]
        return m.reindex(out.index), c.reindex(out.index).fillna(0)

    early, n_e = half(False)
    later, n_l = half(True)
    both = (n_e >= k) & (n_l >= k)
    out["settled_early"] = early.where(both)
    out["settled_late"] = later.where(both)
    # Spearman's rank correlation of months and settled share, per group (vectorised)
    rx = timed.groupby("group", sort=False)["months"].rank()
    ry = timed.groupby("group", sort=False)["settled"].rank()
    ranks = pd.DataFrame({"group": timed["group"], "x": rx, "y": ry})
    ranks["x"] -= ranks.groupby("group", sort=False)["x"].transform("mean")
    ranks["y"] -= ranks.groupby("group", sort=False)["y"].transform("mean")
    sums = (
        ranks.assign(xy=ranks["x"] * ranks["y"], xx=ranks["x"] ** 2, yy=ranks["y"] ** 2)
        .groupby("group", sort=False)[["xy", "xx", "yy"]]
        .sum()
        .reindex(out.index)
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = (sums["xy"] / np.sqrt(sums["xx"] * sums["yy"])).to_numpy(dtype="float64")
        m = (n_e + n_l).to_numpy(dtype="float64")
        t = rho * np.sqrt((m - 2) / np.clip(1 - rho**2, 1e-12, None))
    from scipy import stats

    p_lower = stats.t.cdf(t, np.clip(m - 2, 1, None))
    lower = (rho < 0) & (p_lower < _WAITING_LEVEL)
    waiting = pd.Series(np.where(lower, "lower", "no_sign"), index=out.index, dtype="string")
    out["waiting"] = waiting.where(both.to_numpy())
    return out


def _labels(holder: pd.Series, cases: pd.DataFrame | None, language: str) -> pd.Series:
    """Servicers by name; any other counterparty by its creditor type (no creditor's name).

    A servicer is a name of the registry or a servicer of the case list; a
    creditor (a bank, a guarantee company, …) is labelled by the type its
    name reads as (``_contract.creditor_type_of``), each distinct name read once.
    """
    from outcomes._registry import load_servicer_registry

    servicers = set(load_servicer_registry()["name"].astype(str))
    if cases is not None and "servicer" in cases.columns:
        servicers |= set(_key(cases["servicer"]).dropna())
    names = pd.Series(holder.dropna().unique(), dtype=object)
    label = {
        name: name
        if name in servicers
        else render(
            Message("answers.creditor", {"type": creditor_label(creditor_type_of(name), language)}),
            language,
            ANSWER_WORDS,
        )
        for name in names
    }
    unknown = render(Message("answers.unknown"), language, ANSWER_WORDS)
    mapped = holder.astype(object).map(label)
    return mapped.where(mapped.notna(), unknown).astype(object)


@check_arguments
def servicer_answers(
    log: pd.DataFrame,
    cases: pd.DataFrame | None = None,
    k: int = DEFAULT_K,
    language: str = "ja",
    *,
    servicer: str | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """How each servicer answers, from the negotiation log: every figure from ≥ ``k`` distinct cases.

    Rows are read per case and counterparty (empty counterparty = the case's
    servicer, else its creditor: case-records §9); event rows are not
    proposals and are left out. A servicer (a name of the registry or of the
    case list's servicers) is shown by name; any other counterparty by its
    creditor type (``債権者: 銀行``), never by a creditor's name. Per
    counterparty:

    - ``cases``: distinct cases it negotiated (``k`` counts cases, never log rows);
    - ``first_demand``: the median of its first demand in each case (its own
      first proposal, 建前 for a bought claim: 全額一括, or 月2万円×5年+一括50万円
      counted as its total) as a share of the basis;
    - ``agreed``, ``settled``: cases agreed (a proposal ``accepted``) and the
      median of what was agreed, as a share of the basis (a lump sum, or a
      fixed total; an open-ended or ``jhf`` monthly plan has no total);
    - ``rounds``: the median number of proposals, both sides, up to and
      including the accepted one;
    - ``months``: the median months from the sale to the agreement;
      ``settled_early`` / ``settled_late``: the median settled share of its
      agreements up to / after that month (each half from ≥ ``k`` cases);
      ``waiting``: ``"lower"`` where later agreements were lower (Spearman's
      rank correlation of months and share below 0, one-sided p < 0.05),
      else ``"no_sign"`` (shown only with the two halves).

    The basis is the case's residual debt (``cases`` given: only the log's
    rows of those cases are read), else the claim the counterparty stated
    (``claimed_amount``); ``attrs["basis"]`` names it. Without ``cases``, an
    empty counterparty is the one named on the case's other rows where they
    name one, else unknown. A counterparty of
    fewer than ``k`` cases is pooled with the other rare ones (and those
    beyond ``top``) into one row (``pooled``), suppressed when it too is under ``k``; a figure under ``k``
    cases is empty (NA). No total is given, so no suppressed count can be
    recovered by subtraction.

    Every figure is an internal estimate from other debtors' cases: never
    shown to a debtor as what a creditor will accept, nor as steps of a
    negotiation.

    Parameters
    ----------
    log : DataFrame
        The clean log (:func:`outcomes.clean_negotiations`).
    cases : DataFrame, optional
        The clean cases (case_id, residual_debt, servicer, creditor,
        creditor_type, sale_date). Without it there are no months and the
        basis is the stated claim.
    k : int
        Smallest number of distinct cases behind a published cell (default 5).
    language : {"ja", "en"}
        The language of the pooled row's and an unknown counterparty's label.
    servicer : str, optional
        Only this counterparty (as the cleaner writes it): one row, not
        pooled, suppressed when it has fewer than ``k`` cases (also when the
        log never names it). A creditor's name gives the row of its type
        (``債権者: 銀行``), as the table shows it.
    top : int, optional
        Keep at most this many counterparties (most cases first) and pool
        the others with the rare ones.

    Returns
    -------
    DataFrame
        :data:`ANSWER_COLUMNS`: ``servicer`` (string), ``pooled`` (bool),
        ``cases`` and ``agreed`` (Int64), the shares, ``rounds`` and ``months``
        (Float64), ``waiting`` (string code of :data:`WAITING_CODES`) and
        ``suppressed`` (bool: the row's cases are under ``k``, every cell
        empty). Most cases first, the pooled row last; ``attrs`` holds ``k``
        and ``basis``.

    Examples
    --------
    Six cases with one servicer: a 建前 demand of the whole debt, a refused
    proposal, then an accepted one.

    >>> ids = [f"C{i}" for i in range(6)]
    >>> cases = pd.DataFrame({"case_id": ids, "residual_debt": [5_000_000] * 6,
    ...     "servicer": ["S債権回収"] * 6, "creditor": ["B銀行"] * 6,
    ...     "sale_date": pd.to_datetime(["2023-01-01"] * 6)})
    >>> log = pd.DataFrame({"case_id": [i for i in ids for _ in range(3)],
    ...     "offered_on": pd.to_datetime(["2023-03-01", "2023-04-01", "2023-05-01"] * 6),
    ...     "party": ["creditor", "debtor", "debtor"] * 6,
    ...     "kind": ["lump_sum"] * 18,
    ...     "amount": [5_000_000, 100_000, 250_000] * 6,
    ...     "response": ["countered", "rejected", "accepted"] * 6})
    >>> table = servicer_answers(log, cases, k=5, language="en")
    >>> table[["servicer", "cases", "first_demand", "settled", "rounds"]]
        servicer  cases  first_demand  settled  rounds
    0  S債権回収      6           1.0     0.05     3.0
    >>> servicer_answers(log, cases, k=10)[["cases", "settled", "suppressed"]]
       cases  settled  suppressed
    0   <NA>     <NA>        True
    """
    language = check_language(language)
    if not isinstance(k, int | np.integer) or isinstance(k, bool) or k < 1:
        raise OutcomesError(f"k must be a whole number of at least 1, got {k!r}")
    rows = _rows(log, cases)
    rows["holder"] = _labels(rows["holder"], cases, language)
    per_case = _per_case(rows)
    if servicer is not None:
        name = unicodedata.normalize("NFKC", str(servicer)).strip()
        # a creditor's name (the holder of a case without a servicer) reads as its type's row
        name = _labels(pd.Series([name], dtype=object), cases, language).iloc[0]
        per_case = per_case[per_case["holder"].to_numpy(dtype=object) == name]
        table = _summary(per_case, per_case["holder"], k).reindex([name])
        table["pooled"] = False
    else:
        counts = per_case.groupby("holder", sort=False)["case_id"].nunique()
        rare = counts.index[counts < k]
        if top is not None:
            ranked = counts.sort_values(ascending=False, kind="stable")
            rare = rare.union(ranked.index[max(int(top), 0) :], sort=False)
            if len(rare) == 1 and counts[rare[0]] >= k:  # a pool of one is that counterparty
                rare = rare[:0]
        pooled_label = render(Message("answers.pooled", {"n": len(rare)}), language, ANSWER_WORDS)
        group = per_case["holder"].where(~per_case["holder"].isin(rare), pooled_label)
        table = _summary(per_case, group, k)
        table["pooled"] = table.index == pooled_label if len(rare) else False
        table = table.sort_values(["pooled", "cases"], ascending=[True, False], kind="stable")
    cases_n = table["cases"].astype("Float64")
    suppressed = ~(cases_n >= k).fillna(False).to_numpy(dtype=bool)
    out = pd.DataFrame(index=pd.RangeIndex(len(table)))
    out["servicer"] = pd.array(table.index.to_numpy(dtype=object), dtype="string")
    out["pooled"] = table["pooled"].to_numpy(dtype=bool)
    for column in ("cases", "agreed"):
        values = table[column].astype("Float64").to_numpy()
        values = pd.array(values, dtype="Float64")
        values[suppressed | ~(values >= k).fillna(False).to_numpy(bool)] = pd.NA
        out[column] = values.astype("Int64")
    for column in ("first_demand", "settled", "rounds", "months", "settled_early", "settled_late"):
        values = pd.array(table[column].astype("Float64").to_numpy(), dtype="Float64")
        values[suppressed] = pd.NA
        out[column] = values
    waiting = pd.array(table["waiting"].to_numpy(dtype=object), dtype="string")
    waiting[suppressed] = pd.NA
    out["waiting"] = waiting
    out["suppressed"] = suppressed
    out.attrs["k"] = int(k)
    out.attrs["basis"] = "residual_debt" if cases is not None else "claimed_amount"
    return out[list(ANSWER_COLUMNS)]
