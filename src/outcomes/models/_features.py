"""Feature tables → numeric matrices, and the case table → model features.

Two layers:

* :class:`TableEncoder` turns any pandas table (numeric, boolean, date,
  text and categorical columns, with missing values) into a float matrix,
  either for trees (a category is one integer code; missing stays NaN) or
  for linear models (one-hot, imputed, standardised). Rare categories are
  pooled as "other"; an unseen category at predict time joins that pooled
  level, and is never encoded as the column's missing level. Where training
  had no rare category (so no "other" level to learn from), an unseen one
  gets the pooled behaviour of the known levels: their training shares in
  the linear encoding, and the share-weighted average of the predictions
  over the known levels in the regressors (see ``ConformalRegressor``).
* :func:`case_features` builds the models' features from the clean case
  table's contract columns; it never re-cleans.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from outcomes._arguments import as_day, check_arguments
from outcomes._calendar import DAYS_PER_MONTH
from outcomes._errors import ColumnMismatchError, OutcomesError

__all__ = [
    "MIN_CASES",
    "CASE_FEATURES",
    "PROFILE_FEATURES",
    "OPTIONAL_CASE_FEATURES",
    "TableEncoder",
    "as_of_timestamp",
    "case_features",
    "check_case_table",
]

#: fewer training cases than this and a model is not fitted (the case models and the
#: time to agreement alike)
MIN_CASES = 30

#: the model features built from the clean table, in order
CASE_FEATURES: tuple[str, ...] = (
    "log_residual_debt",
    "monthly_income",
    "household_size",
    "age",
    "employment",
    "creditor_type",
    "has_servicer",
    "servicer",
    "months_waited",
    "sale_year",
)

#: optional clean-table columns used as features where the table has them
OPTIONAL_CASE_FEATURES: tuple[str, ...] = ("servicer_role",)

#: at most this many category codes a column for the boosted trees (255 bins)
MAX_TREE_CATEGORIES = 250

_MISSING = -2  # code of a missing category
OTHER_CODE = -1  # code of a rare or unseen category


def as_frame(X: object) -> pd.DataFrame:
    if isinstance(X, pd.DataFrame):
        return X
    if hasattr(X, "toarray") or type(X).__module__.startswith("scipy.sparse"):
        raise TypeError("sparse input is not supported; pass a dense array or a DataFrame")
    arr = np.asarray(X)
    if arr.dtype.kind == "c":
        raise ValueError("Complex data not supported")
    if arr.ndim != 2:
        raise ValueError(f"Expected a 2D table, got an array of shape {arr.shape}.")
    return pd.DataFrame(arr, columns=[f"x{i}" for i in range(arr.shape[1])])


def _kind(col: pd.Series) -> str:
    dtype = col.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "numeric"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    if isinstance(dtype, pd.CategoricalDtype):
        return "category"
    if pd.api.types.is_numeric_dtype(dtype):
        return "numeric"
    return "category"


def numeric_values(col: pd.Series, kind: str) -> np.ndarray:
    if kind == "date":
        values = col.to_numpy(dtype="datetime64[ns]")
        out = values.astype("int64").astype("float64") / (365.25 * 86400e9) + 1970.0
        out[np.isnat(values)] = np.nan
        return out
    if not (pd.api.types.is_numeric_dtype(col.dtype) or pd.api.types.is_bool_dtype(col.dtype)):
        return _parse_numbers(col)[0]
    return col.to_numpy(dtype="float64", na_value=np.nan)


def _parse_numbers(col: pd.Series) -> tuple[np.ndarray, int]:
    """Text cells as numbers (``"1,200"`` and blanks allowed), each distinct value
    parsed once; returns the values (NaN where not a number) and how many
    non-blank cells were not numbers."""
    text = col.astype("string")
    uniques = pd.unique(text.dropna())
    cleaned = pd.Series(uniques, dtype="string").str.replace(",", "", regex=False).str.strip()
    parsed = pd.to_numeric(cleaned.replace("", pd.NA), errors="coerce")
    lookup = pd.Index(uniques, dtype=object).get_indexer(text.to_numpy(dtype=object, na_value=None))
    table = np.append(parsed.to_numpy(dtype="float64", na_value=np.nan), np.nan)
    values = table[np.where(lookup < 0, len(table) - 1, lookup)]
    blank = np.append(cleaned.fillna("").eq("").to_numpy(), True)[
        np.where(lookup < 0, len(table) - 1, lookup)
    ]
    return values, int(np.sum(~blank & np.isnan(values)))


def _text_kind(name: str, col: pd.Series, share: float) -> str:
    """``"numeric"`` for a text column of numbers (e.g. from a spreadsheet with a
    stray note), ``"category"`` otherwise, with a warning where mixed."""
    values, bad = _parse_numbers(col)
    numbers = int(np.isfinite(values).sum())
    if numbers == 0:
        return "category"
    filled = numbers + bad
    if numbers >= share * filled:
        if bad:
            warnings.warn(
                f"column {name!r} holds numbers as text; {bad} of {filled} cells are not "
                "numbers and are treated as missing",
                UserWarning,
                stacklevel=5,
            )
        return "numeric"
    if numbers >= 0.5 * filled:
        warnings.warn(
            f"column {name!r} is mostly numbers stored as text ({numbers} of {filled}), but "
            f"fewer than {share:.0%}: it is treated as a category; convert it to numbers",
            UserWarning,
            stacklevel=5,
        )
    return "category"


def _text_values(col: pd.Series) -> pd.Series:
    """Category labels as strings (missing stays missing)."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.astype("string")
    if pd.api.types.is_string_dtype(col.dtype) and col.dtype != object:
        return col
    return col.astype("string")


def _codes(col: pd.Series, categories: list[str]) -> np.ndarray:
    """Index of each value in ``categories``; ``OTHER_CODE`` if unseen, ``_MISSING`` if missing."""
    kept = pd.Index(categories, dtype=object)
    if isinstance(col.dtype, pd.CategoricalDtype):
        cats = pd.Index(col.cat.categories.astype("string"))
        lookup = kept.get_indexer(cats)
        raw = col.cat.codes.to_numpy()
        out = np.where(raw >= 0, lookup[np.maximum(raw, 0)], _MISSING)
        return out.astype("int64")
    text = _text_values(col)
    out = kept.get_indexer(text.to_numpy(dtype=object, na_value=None)).astype("int64")
    out[text.isna().to_numpy()] = _MISSING
    return out


class TableEncoder(TransformerMixin, BaseEstimator):
    """Encode a mixed pandas table as a float matrix.

    Parameters
    ----------
    kind : {"tree", "linear"}, default="tree"
        ``"tree"``: numeric columns as they are (missing as NaN), each
        category as an integer code (pooled rare/unseen categories share one
        code, missing is NaN) -- see :attr:`categorical_mask_`.
        ``"linear"``: numeric columns imputed by the training median,
        standardised, with a missing-indicator column where training had
        missing values; categories one-hot against the most frequent one,
        with an ``=other`` column (rare categories, and unseen ones) and a
        ``=missing`` column where training had them. An unseen category
        where training had no rare one is coded by the training shares of
        the known categories (the pooled behaviour), never as missing.
    min_frequency : int, default=5
        Categories seen fewer times in training are pooled as "other". The
        same name is used across the API (the case models' former
        ``min_category_count``).
    max_categories : int, default=50
        A column with more categories than this (after pooling the rare
        ones; at most 250 for ``kind="tree"``) is target-encoded when ``fit``
        is given a target (one numeric column, cross-fitted by
        :meth:`fit_transform`), else cut to its most frequent categories
        with a warning.
    text_numeric_share : float, default=0.9
        A text column is read as numbers when at least this share of its
        filled cells are numbers (the rest become missing, with a warning);
        a column between half and this share is kept as a category, with a
        warning.

    Attributes
    ----------
    columns_ : list of str
        Input columns, in order.
    kinds_ : dict
        ``"numeric"``, ``"date"`` or ``"category"`` per column.
    categories_ : dict
        Kept categories (a list of str, most frequent first) per categorical column.
    shares_ : dict
        Training share of each kept category among the kept-category rows
        (the weights of the pooled behaviour of an unseen category).
    has_other_ : dict
        Per categorical column: whether training had rare categories (a
        learned "other" level).
    categorical_mask_ : ndarray of bool
        For ``kind="tree"``: which output columns are categorical codes.
    feature_names_out_ : list of str
        Names of the output columns.

    Examples
    --------
    >>> X = pd.DataFrame({"debt": [1.0, None, 3.0], "type": ["a", "b", None]})
    >>> enc = TableEncoder(min_frequency=1).fit(X)
    >>> enc.transform(pd.DataFrame({"debt": [2.0], "type": ["zzz"]}))
    array([[2., 2.]])
    """

    def __init__(
        self,
        kind: str = "tree",
        min_frequency: int = 5,
        max_categories: int = 50,
        *,
        text_numeric_share: float = 0.9,
    ) -> None:
        self.kind = kind
        self.min_frequency = min_frequency
        self.max_categories = max_categories
        self.text_numeric_share = text_numeric_share

    def fit(self, X: object, y: object = None) -> TableEncoder:
        """Learn the columns' kinds, categories, medians and target encodings.

        Parameters
        ----------
        X : DataFrame or array-like of shape (n_samples, n_features)
        y : array-like of shape (n_samples,), optional
            A numeric target: categorical columns with more than
            ``max_categories`` kept levels are then target-encoded
            (:class:`~sklearn.preprocessing.TargetEncoder`); without ``y``
            they keep their ``max_categories`` most frequent levels.
        """
        self._fit(X, y)
        self.__dict__.pop("_crossfit", None)
        return self

    def fit_transform(self, X: object, y: object = None, **fit_params: object) -> np.ndarray:
        """Fit, then transform ``X``; target-encoded columns come cross-fitted
        (each row encoded without its own target), as scikit-learn's
        :class:`~sklearn.preprocessing.TargetEncoder` does."""
        self._fit(X, y)
        crossfit = self.__dict__.pop("_crossfit", {})
        return self._transform(self._frame(X), None, crossfit)

    def _fit(self, X: object, y: object) -> None:
        if self.kind not in ("tree", "linear"):
            raise ValueError(f"kind must be 'tree' or 'linear', got {self.kind!r}")
        frame = as_frame(X)
        self.columns_ = [str(c) for c in frame.columns]
        self.n_features_in_ = len(self.columns_)
        if isinstance(X, pd.DataFrame):
            self.feature_names_in_ = np.asarray(self.columns_, dtype=object)
        target = None if y is None else np.asarray(y, dtype="float64").ravel()
        self.kinds_ = {}
        self.categories_ = {}
        self.medians_ = {}
        self.scales_ = {}
        self.has_missing_ = {}
        self.has_other_ = {}
        self.shares_ = {}
        self.target_encoders_ = {}
        self.dropped_ = []
        self.split_other_ = True  # "other" and "missing" are separate dummies
        self._crossfit = {}
        for name, col in zip(self.columns_, frame.columns, strict=True):
            series = frame[col]
            kind = _kind(series)
            if series.isna().all():
                kind = "empty"
                self.dropped_.append(name)
            elif kind == "category" and not isinstance(series.dtype, pd.CategoricalDtype):
                kind = _text_kind(name, series, self.text_numeric_share)
            self.kinds_[name] = kind
            if kind == "empty":
                self.has_missing_[name] = True
            elif kind == "category":
                text = _text_values(series)
                counts = text.value_counts(dropna=True)
                counts = counts[counts >= max(1, self.min_frequency)]
                counts = counts.sort_values(ascending=False, kind="stable")
                limit = self.max_categories
                if self.kind == "tree":  # boosted trees take at most 255 bins a feature
                    limit = min(limit, MAX_TREE_CATEGORIES)
                if len(counts) > limit and target is not None:
                    self._fit_target_encoder(name, text, target)
                    continue
                kept = [str(c) for c in counts.index[:limit]]
                if len(counts) > limit:
                    warnings.warn(
                        f"column {name!r} has {len(counts)} categories; without a target "
                        f"only the {limit} most frequent are kept",
                        UserWarning,
                        stacklevel=3,
                    )
                self.categories_[name] = kept
                total = float(counts.iloc[: len(kept)].sum())
                self.shares_[name] = (
                    (counts.iloc[: len(kept)].to_numpy(dtype="float64") / total).tolist()
                    if total > 0
                    else []
                )
                codes = _codes(series, kept)
                self.has_other_[name] = bool(np.any(codes == OTHER_CODE))
                self.has_missing_[name] = bool(np.any(codes == _MISSING))
            else:
                values = numeric_values(series, kind)
                finite = values[np.isfinite(values)]
                self.has_missing_[name] = bool(len(finite) < len(values))
                median = float(np.median(finite)) if len(finite) else 0.0
                scale = float(np.std(finite)) if len(finite) > 1 else 1.0
                self.medians_[name] = median
                self.scales_[name] = scale if scale > 0 else 1.0
        if self.dropped_:
            warnings.warn(
                "column(s) " + ", ".join(map(repr, self.dropped_)) + " are entirely missing "
                "in training and are left out of the model",
                UserWarning,
                stacklevel=3,
            )
        self.feature_names_out_ = self._names()
        self.categorical_mask_ = np.array(
            [self.kind == "tree" and self.kinds_[n] == "category" for n in self._sources()],
            dtype=bool,
        )

    def _fit_target_encoder(self, name: str, text: pd.Series, target: np.ndarray) -> None:
        from sklearn.model_selection import KFold
        from sklearn.preprocessing import TargetEncoder

        self.kinds_[name] = "target"
        values = text.to_numpy(dtype=object, na_value=np.nan)[:, None]
        encoder = TargetEncoder(target_type="continuous", cv=KFold(5, shuffle=True, random_state=0))
        self._crossfit[name] = encoder.fit_transform(values, target)[:, 0]
        encoder.cv = 5  # only fit uses it; a saved model then holds no splitter object
        self.target_encoders_[name] = encoder
        self.has_missing_[name] = False
        self.medians_[name] = float(np.median(self._crossfit[name]))
        scale = float(np.std(self._crossfit[name]))
        self.scales_[name] = scale if scale > 0 else 1.0

    def _sources(self) -> list[str]:
        """The input column behind each output column."""
        out = []
        for name in self.columns_:
            if self.kinds_[name] == "empty":
                continue
            if self.kind == "tree":
                out.append(name)
            elif self.kinds_[name] == "category":
                out.extend([name] * self._n_dummies(name))
            else:
                out.extend([name] * (1 + self.has_missing_[name]))
        return out

    def _n_dummies(self, name: str) -> int:
        if getattr(self, "split_other_", False):
            extra = int(self.has_other_[name]) + int(self.has_missing_[name])
        else:  # a model saved before unseen and missing were told apart
            extra = int(self.has_other_[name] or self.has_missing_[name])
        return max(len(self.categories_[name]) - 1, 0) + extra

    def _names(self) -> list[str]:
        out = []
        for name in self.columns_:
            if self.kinds_[name] == "empty":
                continue
            if self.kind == "tree":
                out.append(name)
            elif self.kinds_[name] == "category":
                kept = list(self.categories_[name])
                out.extend(f"{name}={c}" for c in kept[1:])
                if not getattr(self, "split_other_", False):
                    if self.has_other_[name] or self.has_missing_[name]:
                        out.append(f"{name}=other")
                    continue
                if self.has_other_[name]:
                    out.append(f"{name}=other")
                if self.has_missing_[name]:
                    out.append(f"{name}=missing")
            else:
                out.append(name)
                if self.has_missing_[name]:
                    out.append(f"{name}_missing")
        return out

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        check_is_fitted(self, "columns_")
        return np.asarray(self.feature_names_out_, dtype=object)

    def category_codes(self, X: object) -> dict[str, np.ndarray]:
        """Codes of each categorical column (for sharing between two encoders)."""
        check_is_fitted(self, "columns_")
        frame = self._frame(X)
        return {
            name: _codes(frame[col], self.categories_[name])
            for name, col in zip(self.columns_, frame.columns, strict=True)
            if self.kinds_[name] == "category"
        }

    def _frame(self, X: object) -> pd.DataFrame:
        frame = as_frame(X)
        named = isinstance(X, pd.DataFrame) and hasattr(self, "feature_names_in_")
        if named:
            have = [str(c) for c in frame.columns]
            missing = [c for c in self.columns_ if c not in have]
            extra = [c for c in have if c not in self.columns_]
            if missing or extra:
                what = []
                if missing:
                    what.append("lacks column(s) " + ", ".join(map(repr, missing)))
                if extra:
                    what.append("has column(s) not seen in fit " + ", ".join(map(repr, extra)))
                raise ColumnMismatchError(
                    f"X has {len(have)} features, {len(self.columns_)} expected: it "
                    + " and ".join(what)
                )
            if have != self.columns_:
                frame = frame.set_axis(have, axis=1)[self.columns_]
        elif frame.shape[1] != self.n_features_in_:
            raise ColumnMismatchError(
                f"X has {frame.shape[1]} features, but TableEncoder is expecting "
                f"{self.n_features_in_} features as input."
            )
        return frame

    def _one_hot(self, name: str, col_codes: np.ndarray) -> np.ndarray:
        n = len(col_codes)
        n_kept = len(self.categories_[name])
        block = np.zeros((n, self._n_dummies(name)))
        rows = np.flatnonzero(col_codes >= 1)
        block[rows, col_codes[rows] - 1] = 1.0
        if not getattr(self, "split_other_", False):  # layout of older models
            if self.has_other_[name] or self.has_missing_[name]:
                block[col_codes < 0, -1] = 1.0
            return block
        other = col_codes == OTHER_CODE
        if self.has_other_[name]:
            block[other, n_kept - 1 if n_kept else 0] = 1.0
        elif other.any() and n_kept > 1:
            # no "other" level in training: the pooled behaviour of the known levels
            block[np.ix_(np.flatnonzero(other), np.arange(n_kept - 1))] = self.shares_[name][1:]
        if self.has_missing_[name]:
            block[col_codes == _MISSING, -1] = 1.0
        # else: training had no missing value, so a missing one counts as the
        # baseline (most frequent) category
        return block

    def transform(self, X: object, codes: dict[str, np.ndarray] | None = None) -> np.ndarray:
        """The float matrix; ``codes`` from :meth:`category_codes` of an
        encoder with the same categories saves recomputing them."""
        check_is_fitted(self, "columns_")
        return self._transform(self._frame(X), codes, {})

    def _transform(
        self,
        frame: pd.DataFrame,
        codes: dict[str, np.ndarray] | None,
        crossfit: dict[str, np.ndarray],
    ) -> np.ndarray:
        n = len(frame)
        parts: list[np.ndarray] = []
        for name, col in zip(self.columns_, frame.columns, strict=True):
            series = frame[col]
            kind = self.kinds_[name]
            if kind == "empty":
                continue
            if kind == "target":
                if name in crossfit:
                    values = crossfit[name]
                else:
                    text = _text_values(series).to_numpy(dtype=object, na_value=np.nan)
                    values = self.target_encoders_[name].transform(text[:, None])[:, 0]
                if self.kind == "linear":
                    values = (values - self.medians_[name]) / self.scales_[name]
                parts.append(np.asarray(values, dtype="float64")[:, None])
            elif kind == "category":
                if codes is not None and name in codes:
                    col_codes = codes[name]
                else:
                    col_codes = _codes(series, self.categories_[name])
                if self.kind == "tree":
                    out = col_codes.astype("float64")
                    out[col_codes == OTHER_CODE] = len(self.categories_[name])
                    out[col_codes == _MISSING] = np.nan
                    parts.append(out[:, None])
                else:
                    parts.append(self._one_hot(name, col_codes))
            else:
                values = numeric_values(series, "date" if kind == "date" else "numeric")
                if self.kind == "tree":
                    parts.append(values[:, None])
                else:
                    missing = ~np.isfinite(values)
                    filled = np.where(missing, self.medians_[name], values)
                    filled = (filled - self.medians_[name]) / self.scales_[name]
                    parts.append(filled[:, None])
                    if self.has_missing_[name]:
                        parts.append(missing.astype("float64")[:, None])
        if not parts:
            return np.zeros((n, 0))
        return np.hstack(parts)


# --------------------------------------------------------------------------
# Case features from the clean table
# --------------------------------------------------------------------------

_REQUIRED: tuple[str, ...] = (
    "residual_debt",
    "monthly_income",
    "household_size",
    "age",
    "employment",
    "creditor_type",
    "servicer",
    "sale_date",
    "agreement_date",
)


def as_of_timestamp(as_of: object) -> pd.Timestamp:
    """The date months waited are counted to: ``as_of`` or today (:func:`~outcomes._arguments.as_day`).

    A number is refused rather than read as nanoseconds after 1970.

    Examples
    --------
    >>> as_of_timestamp("2024-03-31")
    Timestamp('2024-03-31 00:00:00')
    >>> as_of_timestamp(20240331)
    Traceback (most recent call last):
    ...
    outcomes._errors.CaseTypeError: as_of must be a date (YYYY-MM-DD), got 20240331
    """
    return pd.Timestamp(as_day(as_of, "as_of"))


def _months_between(start: pd.Series, end: np.ndarray) -> np.ndarray:
    s = start.to_numpy(dtype="datetime64[ns]")
    days = (end - s).astype("timedelta64[D]").astype("float64")
    days[np.isnat(s) | np.isnat(end)] = np.nan
    return days / DAYS_PER_MONTH


@check_arguments
def case_features(cases: pd.DataFrame, as_of: object = None) -> pd.DataFrame:
    """The models' features from the clean case table.

    ``log_residual_debt`` (natural log of yen), ``monthly_income`` (yen),
    ``household_size``, ``age``, ``employment``, ``creditor_type``,
    ``has_servicer`` (1 where a servicer holds or collects the claim, else 0:
    a feature of its own, so a servicer the model has not seen is still a
    servicer), ``servicer`` (as text; rare and unseen ones are pooled by the
    model's encoder, never taken for "no servicer"),
    ``months_waited`` (from ``sale_date`` to ``agreement_date``, or to
    ``as_of`` where the agreement is still empty) and ``sale_year``; then
    ``servicer_role`` (``bought`` / ``consigned`` / missing) where the table
    has that optional column filled for at least one case.

    Parameters
    ----------
    cases : DataFrame
        The clean table (the contract's columns); never re-cleaned.
    as_of : date or str, optional
        Where ``agreement_date`` is empty, months waited are counted to this
        day; default today.

    Returns
    -------
    DataFrame
        One row per case, columns :data:`CASE_FEATURES`, same index.

    Examples
    --------
    >>> cases = pd.DataFrame({
    ...     "residual_debt": pd.array([5_800_000, None], dtype="Int64"),
    ...     "monthly_income": pd.array([250_000, 140_000], dtype="Int64"),
    ...     "household_size": pd.array([3, 1], dtype="Int64"),
    ...     "age": pd.array([45, 63], dtype="Int64"),
    ...     "employment": pd.Categorical(["employee", "pensioner"]),
    ...     "creditor_type": pd.Categorical(["bank", "jhf"]),
    ...     "servicer": pd.array(["SMBC債権回収", None], dtype="string"),
    ...     "sale_date": pd.to_datetime(["2021-03-15", "2023-01-10"]),
    ...     "agreement_date": pd.to_datetime(["2021-09-15", None]),
    ... })
    >>> f = case_features(cases, as_of="2024-01-10")
    >>> f[["log_residual_debt", "has_servicer", "months_waited", "sale_year"]].round(2)
       log_residual_debt  has_servicer  months_waited  sale_year
    0              15.57           1.0           6.05     2021.0
    1                NaN           0.0          11.99     2023.0
    """
    missing = [c for c in _REQUIRED if c not in cases.columns]
    if missing:
        raise OutcomesError(
            "the case table lacks column(s) " + ", ".join(missing) + "; clean it with clean_cases"
        )
    debt = cases["residual_debt"].to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_debt = np.where(debt > 0, np.log(np.where(debt > 0, debt, 1.0)), np.nan)
    end = cases["agreement_date"].to_numpy(dtype="datetime64[ns]").copy()
    end[np.isnat(end)] = as_of_timestamp(as_of).to_datetime64()
    sale = cases["sale_date"].to_numpy(dtype="datetime64[ns]")
    year = sale.astype("datetime64[Y]").astype("int64").astype("float64") + 1970.0
    year[np.isnat(sale)] = np.nan

    def num(name: str) -> np.ndarray:
        return cases[name].to_numpy(dtype="float64", na_value=np.nan)

    def text(name: str) -> np.ndarray | pd.Series:
        col = cases[name]
        if isinstance(col.dtype, pd.CategoricalDtype):  # codes stay codes: fast
            return col.array
        return _text_values(col).reset_index(drop=True)

    out = pd.DataFrame(
        {
            "log_residual_debt": log_debt,
            "monthly_income": num("monthly_income"),
            "household_size": num("household_size"),
            "age": num("age"),
            "employment": text("employment"),
            "creditor_type": text("creditor_type"),
            "has_servicer": _has_text(cases["servicer"]),
            "servicer": text("servicer"),
            "months_waited": _months_between(cases["sale_date"], end),
            "sale_year": year,
        }
    )
    for name in OPTIONAL_CASE_FEATURES:
        if name in cases.columns and cases[name].notna().any():
            out[name] = text(name)
    out.index = cases.index
    return out


def _has_text(col: pd.Series) -> np.ndarray:
    """1.0 where a text/categorical cell holds a non-blank value, else 0.0."""
    text = _text_values(col)
    filled = text.notna().to_numpy() & (text.fillna("").str.strip() != "").to_numpy()
    return filled.astype("float64")


#: the features the time-to-agreement model learns from and the training profile watches
#: for drift (``TIME_FEATURES`` and ``DRIFT_FEATURES`` are this tuple)
PROFILE_FEATURES: tuple[str, ...] = (
    "log_residual_debt",
    "monthly_income",
    "household_size",
    "age",
    "employment",
    "creditor_type",
    "servicer",
)


def check_case_table(owner: object, cases: object) -> pd.DataFrame:
    """``cases`` as the clean case table; a single case given as a mapping or Series is cleaned.

    A DataFrame is taken as the clean table. One case given as the advice
    takes it -- a mapping (``{"residual_debt": "580万円", "サービサー": …}``)
    or a Series (``cases.iloc[i]``) -- is cleaned as a file is, by
    :func:`outcomes.case_from_mapping` (a row that already is clean is taken
    as it is), so that ``model.explain(case)`` and
    ``time_model.predict_survival(case)`` take the same ``case`` as
    :func:`outcomes.opening_offer`. Anything else is a one-line error naming
    ``owner``.
    """
    if isinstance(cases, pd.DataFrame):
        return cases
    if isinstance(cases, Mapping | pd.Series):
        # the door only, and only when a single case is given: importing the models
        # does not load the cleaner (one case is cleaned exactly as a file is)
        from outcomes._cleaning import case_from_mapping

        return case_from_mapping(cases)
    raise OutcomesError(
        f"{type(owner).__name__} takes the clean case table (a DataFrame) or one case "
        f"(a mapping or Series, as outcomes.case_from_mapping reads it), "
        f"got {type(cases).__name__}"
    )
