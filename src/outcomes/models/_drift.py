"""Does the past still describe today? Drift of the model features.

* :class:`TrainingProfile` -- a compact profile of the features of a
  training table (bin edges and shares, quantiles, range, category shares),
  kept inside a fitted model (``model.profile_``) or stored as JSON;
* :func:`drift` -- one row per feature comparing a current table with the
  reference (a table, a profile or a fitted model): population stability
  index (PSI), Wasserstein distance (numbers, in reference standard
  deviations) or total variation (categories), the share of current cases
  outside the reference range / in categories never seen, and a verdict;
* :func:`drift_message` -- that table as the one message the command line,
  the offers and the report render (:data:`DRIFT_WORDS`, in Japanese or
  English), or None when all is well.

A feature is ``shifted`` when its PSI is above ``psi_threshold`` (0.1 by
default: the usual "moderate shift") *and* too large to be sampling noise
(PSI × effective sample size above the 99.9 % point of the chi-square with
bins − 1 degrees of freedom, its law when nothing changed); otherwise
``stable``.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from outcomes._arguments import check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._errors import OutcomesError
from outcomes._format import FEATURE_LABELS
from outcomes._messages import Catalogue, Message, render
from outcomes.models._features import PROFILE_FEATURES, case_features

__all__ = [
    "DRIFT_FEATURES",
    "DRIFT_FEW_CASES",
    "DRIFT_WORDS",
    "TrainingProfile",
    "drift",
    "drift_message",
    "drift_warning",
    "render_drift",
]

#: the case features compared (the models' features without the time-bound ones)
DRIFT_FEATURES: tuple[str, ...] = PROFILE_FEATURES

_N_BINS = 10
_N_QUANTILES = 101
_MAX_CATEGORIES = 50
_MISSING = "(missing)"
OTHER_CODE = "(other)"
_NEW = "(new)"


def _features(cases: pd.DataFrame, features: Sequence[str]) -> pd.DataFrame:
    if not isinstance(cases, pd.DataFrame):
        raise OutcomesError(
            f"drift takes clean case tables (DataFrames), got {type(cases).__name__}"
        )
    unknown = sorted(set(features) - set(DRIFT_FEATURES))
    if unknown:
        raise OutcomesError(f"unknown drift feature(s): {', '.join(unknown)}")
    return case_features(cases, as_of="2000-01-01")[list(features)]


def _is_number(col: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(col.dtype) and not isinstance(
        col.dtype, pd.CategoricalDtype
    )


class TrainingProfile:
    """Compact profile of a table's model features (no case, only aggregates).

    Build it with :meth:`from_cases`; store it with :meth:`to_json` and read
    it back with :meth:`from_json`. ``features`` maps a feature name to a dict:
    numbers keep ``edges`` (inner decile edges), ``shares`` (of each bin, then
    missing), ``quantiles`` (101), ``min``, ``max``, ``sd``; categories keep
    ``shares`` by category (rare ones pooled as ``(other)``, missing as
    ``(missing)``).

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> cases = simulate_cases(300, seed=1, messy=False, today="2024-06-30")
    >>> p = TrainingProfile.from_cases(cases)
    >>> p.n, sorted(p.features)[:2]
    (300, ['age', 'creditor_type'])
    >>> TrainingProfile.from_json(p.to_json()).features == p.features
    True
    """

    def __init__(self, n: int = 0, features: dict | None = None) -> None:
        self.n = int(n)
        self.features = dict(features or {})

    @classmethod
    def from_cases(
        cls, cases: pd.DataFrame, features: Sequence[str] = DRIFT_FEATURES
    ) -> TrainingProfile:
        """The profile of a clean case table."""
        table = _features(cases, features)
        out: dict[str, dict] = {}
        for name in table.columns:
            col = table[name]
            if _is_number(col):
                x = col.to_numpy(dtype="float64", na_value=np.nan)
                ok = x[np.isfinite(x)]
                if len(ok) == 0:
                    out[name] = {"kind": "number", "edges": [], "shares": [0.0, 1.0]}
                    continue
                edges = np.unique(np.quantile(ok, np.linspace(0, 1, _N_BINS + 1)[1:-1]))
                counts = _bin_counts(x, edges)
                out[name] = {
                    "kind": "number",
                    "edges": [float(e) for e in edges],
                    "shares": [float(c) for c in counts / len(x)],
                    "quantiles": [
                        float(q) for q in np.quantile(ok, np.linspace(0, 1, _N_QUANTILES))
                    ],
                    "min": float(ok.min()),
                    "max": float(ok.max()),
                    "sd": float(ok.std()) if len(ok) > 1 else 0.0,
                }
            else:
                text = col.astype("string").fillna(_MISSING)
                counts = text.value_counts(sort=True)
                # only groups of at least k cases are kept by name (issue 26): rarer ones pooled
                counts = counts[(counts >= DEFAULT_K) | (counts.index == _MISSING)]
                kept = counts.iloc[:_MAX_CATEGORIES]
                shares = {str(k): float(v) / len(text) for k, v in kept.items()}
                rest = float(len(text) - kept.sum()) / len(text) if len(text) else 0.0
                if rest:
                    shares[OTHER_CODE] = rest
                out[name] = {"kind": "category", "shares": shares}
        return cls(len(cases), out)

    # -- storage ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready); ``k`` says that no category of fewer cases is named."""
        return {"n": self.n, "k": DEFAULT_K, "features": self.features}  # no group under k

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainingProfile:
        """Inverse of :meth:`to_dict`."""
        try:
            return cls(int(data["n"]), dict(data["features"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise OutcomesError(f"not a training profile ({exc})") from None

    def to_json(self, path: str | Path | None = None) -> str:
        """The profile as JSON text; also written to ``path`` when given."""
        text = json.dumps(self.to_dict(), ensure_ascii=False)
        if path is not None:
            from outcomes._write import write_text

            write_text(path, text)
        return text

    @classmethod
    def from_json(cls, text_or_path: str | Path) -> TrainingProfile:
        """Read a profile from JSON text or a ``.json`` file."""
        text = str(text_or_path)
        if not text.lstrip().startswith("{"):
            try:
                text = Path(text_or_path).read_text(encoding="utf-8")
            except OSError as exc:
                raise OutcomesError(f"cannot read training profile {text_or_path}: {exc}") from None
        try:
            return cls.from_dict(json.loads(text))
        except ValueError as exc:
            raise OutcomesError(f"training profile is not valid JSON ({exc})") from None

    def __repr__(self) -> str:
        return f"TrainingProfile(n={self.n}, features={list(self.features)})"


def _bin_counts(x: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Counts per bin (``len(edges) + 1`` bins) and, last, of missing values."""
    finite = np.isfinite(x)
    idx = np.searchsorted(np.asarray(edges, dtype="float64"), x[finite], side="right")
    counts = np.bincount(idx, minlength=len(edges) + 1).astype("float64")
    return np.append(counts, float((~finite).sum()))


def _psi(ref: np.ndarray, cur: np.ndarray, n_ref: int, n_cur: int) -> tuple[float, float]:
    """PSI of two share vectors (smoothed by half a case) and its 'nothing changed' p-value."""
    keep = (ref > 0) | (cur > 0)
    ref, cur = ref[keep], cur[keep]
    r = (ref * n_ref + 0.5) / (n_ref + 0.5 * len(ref))
    c = (cur * n_cur + 0.5) / (n_cur + 0.5 * len(cur))
    psi = float(np.sum((c - r) * np.log(c / r)))
    n_eff = 1.0 / (1.0 / max(n_ref, 1) + 1.0 / max(n_cur, 1))
    dof = max(len(r) - 1, 1)
    return psi, float(stats.chi2.sf(psi * n_eff, dof))


def _profile_of(reference: object, features: Sequence[str]) -> TrainingProfile:
    if isinstance(reference, TrainingProfile):
        return reference
    if isinstance(reference, pd.DataFrame):
        return TrainingProfile.from_cases(reference, features)
    profile = getattr(reference, "profile_", None)
    if isinstance(profile, TrainingProfile):
        return profile
    raise OutcomesError(
        "drift's reference must be a clean case table, a TrainingProfile or a fitted "
        f"model with a profile_, got {type(reference).__name__}"
    )


def drift(
    reference: object,
    current: pd.DataFrame,
    *,
    features: Sequence[str] | None = None,
    psi_threshold: float = 0.1,
    alpha: float = 0.001,
) -> pd.DataFrame:
    """Compare the model features of ``current`` with ``reference``.

    Parameters
    ----------
    reference : DataFrame, TrainingProfile or fitted model
        The training data (a clean table), its profile, or a model keeping one
        (``model.profile_``).
    current : DataFrame
        The clean table of this period (or of one case).
    features : sequence of str, optional
        Default: every feature of the reference profile.
    psi_threshold : float, default=0.1
        PSI above which a significant shift is called ``shifted``.
    alpha : float, default=0.001
        A shift must also be this unlikely under "nothing changed".

    Returns
    -------
    DataFrame
        One row per feature: ``feature``, ``kind`` (number / category),
        ``psi``, ``distance`` (Wasserstein in reference SDs for numbers, total
        variation for categories), ``share_outside`` (outside the reference
        min–max, or in categories never seen), ``new_categories`` (comma-
        separated), ``p_value``, ``verdict`` (stable / shifted), ``n_reference``,
        ``n_current``.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> ref = simulate_cases(2000, seed=1, messy=False, today="2024-06-30")
    >>> cur = simulate_cases(1000, seed=2, messy=False, today="2024-06-30")
    >>> (drift(ref, cur)["verdict"] == "stable").all()
    np.True_
    >>> cur["residual_debt"] = (cur["residual_debt"] * 1.5).round().astype("Int64")
    >>> drift(ref, cur).set_index("feature").loc["log_residual_debt", "verdict"]
    'shifted'
    """
    profile = _profile_of(reference, features or DRIFT_FEATURES)
    names = list(features) if features is not None else list(profile.features)
    missing = [f for f in names if f not in profile.features]
    if missing:
        raise OutcomesError(f"the reference profile has no feature(s) {', '.join(missing)}")
    table = _features(current, names)
    n_cur = len(table)
    rows = []
    for name in names:
        spec = profile.features[name]
        col = table[name]
        row: dict[str, Any] = {"feature": name, "kind": spec["kind"]}
        if spec["kind"] == "number":
            x = col.to_numpy(dtype="float64", na_value=np.nan)
            ref = np.asarray(spec["shares"], dtype="float64")
            cur = _bin_counts(x, np.asarray(spec["edges"])) / max(n_cur, 1)
            ok = x[np.isfinite(x)]
            if len(ok) and spec.get("quantiles"):
                sd = spec["sd"] or 1.0
                row["distance"] = float(stats.wasserstein_distance(spec["quantiles"], ok)) / sd
                row["share_outside"] = float(np.mean((ok < spec["min"]) | (ok > spec["max"])))
            else:
                row["distance"] = np.nan
                row["share_outside"] = 0.0
            row["new_categories"] = ""
        else:
            text = col.astype("string").fillna(_MISSING)
            ref_shares = dict(spec["shares"])
            counts = text.value_counts()
            seen = [c for c in counts.index if c in ref_shares]
            new = [str(c) for c in counts.index if c not in ref_shares]
            labels = list(ref_shares) + [_NEW]
            ref = np.array([ref_shares[k] for k in ref_shares] + [0.0])
            cur_counts = {k: float(counts[k]) for k in seen}
            new_count = float(counts[new].sum()) if new else 0.0
            if OTHER_CODE in ref_shares:  # pooled rare categories: unseen ones may be among them
                cur_counts[OTHER_CODE] = cur_counts.get(OTHER_CODE, 0.0) + new_count
                new_count = 0.0
            cur = np.array([cur_counts.get(k, 0.0) for k in labels[:-1]] + [new_count])
            cur = cur / max(n_cur, 1)
            row["distance"] = float(0.5 * np.abs(cur - ref).sum())
            row["share_outside"] = float(counts[new].sum() / max(n_cur, 1)) if new else 0.0
            row["new_categories"] = ", ".join(new if OTHER_CODE not in ref_shares else [])
        if n_cur:
            psi, p = _psi(ref, cur, profile.n, n_cur)
        else:
            psi, p = np.nan, 1.0
        row["psi"] = psi
        row["p_value"] = p
        row["verdict"] = "shifted" if (psi > psi_threshold and p < alpha) else "stable"
        row["n_reference"] = profile.n
        row["n_current"] = n_cur
        rows.append(row)
    cols = [
        "feature",
        "kind",
        "psi",
        "distance",
        "share_outside",
        "new_categories",
        "p_value",
        "verdict",
        "n_reference",
        "n_current",
    ]
    return pd.DataFrame(rows, columns=cols)


#: below this many cases, a table's drift is a note that says how few cases it rests on
DRIFT_FEW_CASES = 200

#: the words of drift, in one catalogue ``{code: (ja, en)}`` (see :func:`drift_message`)
DRIFT_WORDS: Catalogue = {
    # a table of cases (outcomes offer --cases, outcomes predict)
    "drift.table": (
        "{head}: 入力の案件{n}件は、モデルの学習データ({n_train}件)と違います"
        "({parts})。見積りは外挿になり、確かさが下がります。{tail}",
        "{head}: the {n} input cases differ from the model's training data ({n_train} "
        "cases): {parts}; the estimates are extrapolations, less certain.{tail}",
    ),
    "drift.head.warning": ("注意", "warning"),
    "drift.head.note": ("参考", "note"),
    "drift.shifted": ("{name}の分布が変化(PSI {psi})", "{name} shifted (PSI {psi})"),
    "drift.unseen": (
        "{name}: {share}が学習データにない値({values})",
        "{name}: {share} never seen in training ({values})",
    ),
    "drift.beyond": (
        "{name}: {share}が学習データの範囲外",
        "{name}: {share} beyond the training range",
    ),
    "drift.tail.none": ("", ""),
    "drift.tail.first_rows": (
        "(全{total}件のうち最初の{n}件で比較)",
        " (compared on the first {n} of {total} cases)",
    ),
    "drift.tail.few": ("{n}件だけにもとづく比較です。", " This rests on only {n} cases."),
    "drift.tail.first_rows_few": (
        "(全{total}件のうち最初の{n}件で比較){n}件だけにもとづく比較です。",
        " (compared on the first {n} of {total} cases) This rests on only {n} cases.",
    ),
    # one case (an offer)
    "drift.case": (
        "注意: この案件はモデルが学んだ範囲の外にあります({parts})。見積りは外挿で、確かさが下がります。",
        "Warning: this case lies outside what the model learned from ({parts}): the "
        "estimate is an extrapolation, less certain.",
    ),
    "drift.case.unseen": (
        "{name}「{value}」は学習データにありません",
        "{name} '{value}' never seen in training",
    ),
    "drift.case.beyond": ("{name}が学習データの範囲外です", "{name} beyond the training range"),
}


def _name(feature: str) -> tuple[str, str]:
    """A feature in words, (Japanese, English); an unknown name as it is."""
    return FEATURE_LABELS.get(feature, (feature, feature))


def drift_message(
    result: pd.DataFrame,
    *,
    one_case: bool = False,
    total: int | None = None,
    skip: Sequence[str] = (),
) -> Message | None:
    """How the cases of a :func:`drift` table differ from the training data, or None.

    The one message about drift: the command line (a table of cases), the
    offers (one case) and the report render it with :data:`DRIFT_WORDS` in
    their language (:func:`render_drift`). Features are named in words
    (``残債``, not ``log_residual_debt``).

    Parameters
    ----------
    result : DataFrame
        A :func:`drift` table.
    one_case : bool, default False
        One case (an offer): only its values outside what the model saw are
        named. Else a table: the shifted features too, and with fewer than
        :data:`DRIFT_FEW_CASES` cases the message is a note (``参考``) that
        says how few cases it rests on, not an alarm.
    total : int, optional
        The cases of the whole input when only its first rows were compared.
    skip : sequence of str
        Features not to name (an unseen servicer has its own warning in an offer).

    Returns
    -------
    Message or None

    Examples
    --------
    >>> result = pd.DataFrame({
    ...     "feature": ["log_residual_debt", "servicer"], "verdict": ["shifted", "stable"],
    ...     "psi": [1.35, 0.01], "share_outside": [0.0, 0.5],
    ...     "new_categories": ["", "新設債権回収"], "n_reference": [1494, 1494],
    ...     "n_current": [40, 40],
    ... })
    >>> message = drift_message(result)
    >>> message.code
    'drift.table'
    >>> print(render_drift(message, "ja"))
    参考: 入力の案件40件は、モデルの学習データ(1,494件)と違います(残債の分布が変化(PSI 1.35)、サービサー: 50%が学習データにない値(新設債権回収))。見積りは外挿になり、確かさが下がります。40件だけにもとづく比較です。
    >>> print(render_drift(drift_message(result.assign(n_current=4000)), "en"))
    warning: the 4,000 input cases differ from the model's training data (1,494 cases): residual debt shifted (PSI 1.35); servicer: 50% never seen in training (新設債権回収); the estimates are extrapolations, less certain.
    >>> print(render_drift(drift_message(result.head(1), one_case=True), "en"))
    None
    """
    parts: list[Message] = []
    for row in result.itertuples(index=False):
        feature = str(row.feature)
        if feature in skip:
            continue
        name = _name(feature)
        if one_case:
            if row.share_outside > 0:
                if row.new_categories:
                    parts.append(
                        Message("drift.case.unseen", {"name": name, "value": row.new_categories})
                    )
                else:
                    parts.append(Message("drift.case.beyond", {"name": name}))
            continue
        if row.verdict == "shifted":
            parts.append(Message("drift.shifted", {"name": name, "psi": f"{row.psi:.2f}"}))
        if row.share_outside > 0:
            share = f"{row.share_outside:.0%}"
            if row.new_categories:
                fields = {"name": name, "share": share, "values": str(row.new_categories)}
                parts.append(Message("drift.unseen", fields))
            else:
                parts.append(Message("drift.beyond", {"name": name, "share": share}))
    if not parts:
        return None
    if one_case:
        return Message("drift.case", {"parts": tuple(parts)})
    n = int(result["n_current"].iloc[0])
    n_train = int(result["n_reference"].iloc[0])
    few = n < DRIFT_FEW_CASES
    first = total is not None and total > n
    tail = (
        "first_rows_few" if first and few else "first_rows" if first else "few" if few else "none"
    )
    counts = {"n": f"{n:,}", "total": f"{total or n:,}"}
    return Message(
        "drift.table",
        {
            "head": Message("drift.head.note" if few else "drift.head.warning"),
            "n": f"{n:,}",
            "n_train": f"{n_train:,}",
            "parts": tuple(parts),
            "tail": Message(f"drift.tail.{tail}", counts if tail != "none" else {}),
        },
    )


@check_arguments
def render_drift(message: Message | None, language: str) -> str | None:
    """The sentence of a :func:`drift_message` in ``language`` (None stays None).

    Examples
    --------
    >>> print(render_drift(Message("drift.head.note"), "en"))
    note
    """
    return None if message is None else render(message, language, DRIFT_WORDS)


def drift_warning(result: pd.DataFrame) -> str | None:
    """Deprecated: ``render_drift(drift_message(result), "en")``.

    One line in English from a :func:`drift` table, or ``None`` when all is
    well; kept for one release with a FutureWarning.

    Examples
    --------
    >>> result = pd.DataFrame({
    ...     "feature": ["log_residual_debt"], "verdict": ["shifted"], "psi": [0.26],
    ...     "share_outside": [0.0], "new_categories": [""], "n_reference": [500],
    ...     "n_current": [300],
    ... })
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", FutureWarning)
    ...     print(drift_warning(result))
    warning: the 300 input cases differ from the model's training data (500 cases): residual debt shifted (PSI 0.26); the estimates are extrapolations, less certain.
    """
    warnings.warn(
        "drift_warning is deprecated: use render_drift(drift_message(result), language)",
        FutureWarning,
        stacklevel=2,
    )
    return render_drift(drift_message(result), "en")
