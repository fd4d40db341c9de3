"""Personal data: detect it in kept text cells, and keep small groups out of outputs.

Two rules of the contract (§7) live here:

* a kept text cell that looks like a person's name with 様/さん, a phone
  number, an e-mail address or a street address is emptied by the cleaner
  (:func:`personal_data_kind` says which, or ``None``);
* reports, figures and aggregated exports never show a group of fewer than
  ``k`` cases (:func:`suppress_small_groups`, :func:`k_anonymous_mask`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from outcomes._arguments import as_count
from outcomes._contract import DEFAULT_K, QUASI_IDENTIFIERS

__all__ = [
    "safe_label",
    "MASK",
    "k_anonymous_mask",
    "personal_data_kind",
    "personal_data_kinds",
    "suppress_small_groups",
]

#: what the problems table shows instead of a personal value
MASK = "***"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(
    r"(?:\+81[-\s]?\d{1,4}[-\s]?\d{1,4}[-\s]?\d{3,4})"  # +81 90-1234-5678
    r"|(?:(?<!\d)0\d{1,4}[-\s]\d{1,4}[-\s]\d{3,4}(?!\d))"  # 03-1234-5678, 090 1234 5678
    r"|(?:(?<!\d)\(0\d{1,4}\)\s?\d{1,4}-\d{3,4}(?!\d))"  # (03)1234-5678
    r"|(?:(?<!\d)0[5789]0\d{8}(?!\d))"  # 09012345678
    r"|(?:(?:TEL|Tel|tel|電話)[:\s]*\d)"
)
_HONORIFIC = re.compile(
    r"[一-龥々〆ヶぁ-んァ-ヴー]{1,12}\s?(?:様|さま|さん|殿)(?=$|[\s、。,.)\]」])"
)
_ADDRESS = re.compile(
    r"\d+\s?丁目|\d+\s?番地|\d+番\d*号?|\d+号室"
    r"|[市区町村郡][^\d]{0,20}\d+\s?[-−ー]\s?\d+"
)


def personal_data_kind(text: object) -> str | None:
    """Say what kind of personal data a text cell looks like, or ``None``.

    Parameters
    ----------
    text : object
        A raw cell; non-strings never look personal.

    Returns
    -------
    str or None
        ``"e-mail address"``, ``"phone number"``, ``"street address"``,
        ``"person's name"`` or ``None``.

    Examples
    --------
    >>> personal_data_kind("090-1234-5678")
    'phone number'
    >>> personal_data_kind("テスト太郎様")
    "person's name"
    >>> personal_data_kind("埼玉県さいたま市大宮区桜木町1-2-3")
    'street address'
    >>> personal_data_kind("someone@example.com")
    'e-mail address'
    >>> personal_data_kind("アビリオ債権回収株式会社") is None
    True
    """
    if not isinstance(text, str) or not text:
        return None
    value = unicodedata.normalize("NFKC", text)
    if _EMAIL.search(value):
        return "e-mail address"
    if _PHONE.search(value):
        return "phone number"
    if _ADDRESS.search(value):
        return "street address"
    if _HONORIFIC.search(value):
        return "person's name"
    return None


#: a cheap vectorised test: only values passing it can look personal
_CANDIDATE = re.compile(
    r"@|様|さま|さん|殿|丁目|番|号|[市区町村郡].*\d|\d.*\d.*\d.*\d.*\d.*\d.*\d.*\d.*\d|TEL|Tel|tel|電話"
)


#: columns this short are screened value by value, without the vectorised pre-test
_FEW = 16


def personal_data_kinds(values: pd.Series) -> pd.Series:
    """:func:`personal_data_kind` of each value, each distinct value tested once.

    A cheap vectorised pre-test skips values that cannot look personal (most
    case ids, creditor and servicer names), so that a column of a million
    distinct ids costs one pass of a simple pattern.

    Examples
    --------
    >>> personal_data_kinds(pd.Series(["C001", "090-1234-5678", None])).tolist()
    [None, 'phone number', None]
    """
    text = values if isinstance(values.dtype, pd.StringDtype) else values.astype("string")
    if len(text) <= _FEW:  # one case: plain Python is quicker than the vectorised test
        found = {
            u: k
            for u in text.dropna().unique()
            if _CANDIDATE.search(unicodedata.normalize("NFKC", u))
            and (k := personal_data_kind(u)) is not None
        }
    else:
        is_ascii = text.str.isascii().to_numpy(dtype=bool, na_value=False)
        if is_ascii.mean() >= 0.5:  # mostly ids: ASCII cells in Arrow, the others by value
            candidate = _ascii_candidates(text) & is_ascii
            rest = np.flatnonzero(~is_ascii & text.notna().to_numpy())
            others = text.iloc[rest]
            uniques = pd.Series(others.unique(), dtype="string")
            hit = uniques[_candidates(uniques)]
            candidate[rest] = others.isin(list(hit)).to_numpy(dtype=bool, na_value=False)
            uniques = text[candidate].unique()
        else:
            uniques = pd.Series(text.dropna().unique(), dtype="string")
            uniques = uniques[_candidates(uniques)]
        found = {u: k for u in uniques if (k := personal_data_kind(u)) is not None}
    kinds = np.full(len(values), None, dtype=object)
    if found:
        hit = text.isin(list(found)).to_numpy(dtype=bool, na_value=False)
        kinds[hit] = [found[u] for u in text[hit]]
    return pd.Series(kinds, index=values.index, dtype=object, copy=False)


def _ascii_candidates(text: pd.Series) -> np.ndarray:
    """The pre-test on ASCII text, in Arrow's RE2 (its ``\\d`` is Python's on ASCII)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found = pc.match_substring_regex(pa.array(text.array), _CANDIDATE.pattern)
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False)


def _candidates(uniques: pd.Series) -> np.ndarray:
    """Which distinct values pass the pre-test on their NFKC form (ASCII ones as they are)."""
    is_ascii = uniques.str.isascii().to_numpy(dtype=bool, na_value=True)
    candidate = np.zeros(len(uniques), dtype=bool)
    if is_ascii.any():
        candidate[is_ascii] = _ascii_candidates(uniques[is_ascii])
    rest = np.flatnonzero(~is_ascii)
    candidate[rest] = [
        _CANDIDATE.search(unicodedata.normalize("NFKC", u)) is not None for u in uniques.iloc[rest]
    ]
    return candidate


def k_anonymous_mask(
    cases: pd.DataFrame,
    k: int = DEFAULT_K,
    quasi_identifiers: Sequence[str] = QUASI_IDENTIFIERS,
) -> pd.Series:
    """Rows whose quasi-identifier group holds at least ``k`` cases.

    Missing values form a group of their own. Quasi-identifiers absent from
    the table are ignored.

    Examples
    --------
    >>> df = pd.DataFrame({"age_band": ["40s"] * 5 + ["80s"], "prefecture": ["埼玉県"] * 6})
    >>> k_anonymous_mask(df, k=5).tolist()
    [True, True, True, True, True, False]
    """
    cols = [c for c in quasi_identifiers if c in cases.columns]
    if not cols:
        return pd.Series(len(cases) >= k, index=cases.index)
    sizes = cases.groupby(cols, dropna=False, observed=True)[cols[0]].transform("size")
    return (sizes >= k).reindex(cases.index, fill_value=False)


def suppress_small_groups(
    table: pd.DataFrame, k: int = DEFAULT_K, *, count: str = "cases"
) -> pd.DataFrame:
    """Drop the rows of an aggregated table whose group holds fewer than ``k`` cases.

    Parameters
    ----------
    table : DataFrame
        One row per group, with a column of group sizes.
    k : int
        Smallest group that may be shown.
    count : str
        Name of the column holding the group sizes.

    Examples
    --------
    >>> t = pd.DataFrame({"servicer": ["A", "B"], "cases": [12, 3]})
    >>> suppress_small_groups(t, k=5)
      servicer  cases
    0        A     12
    """
    k = as_count(k, "k")
    return table[table[count] >= k]


def safe_label(value: object) -> str:
    """A group label fit to print: masked when it looks like personal data.

    Examples
    --------
    >>> safe_label("アビリオ債権回収"), safe_label("090-0000-0000")
    ('アビリオ債権回収', '***')
    """
    text = "" if value is None or value is pd.NA else str(value)
    return MASK if personal_data_kind(text) is not None else text
