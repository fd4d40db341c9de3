"""The registry of Japan's licensed servicers (債権回収会社) and name matching.

The registry ships as ``outcomes/data/servicers.csv``; where each row comes from,
and what it lacks, is written in ``data/servicers_SOURCE.md`` beside it.

A servicer name from a case sheet is matched by an exact *matching key*
(:func:`normalize_servicer`): NFKC, casefold, no spaces or middle dots, and no
corporate suffix. The key must equal the key of a registry name, a former name
or an alias. There is no fuzzy or prefix matching: ``アビリオ`` alone, or
``SMBC`` alone, is *not* taken as a servicer, since in a case sheet it may just
as well name a creditor (a bank of the same group).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib.resources import files

import numpy as np
import pandas as pd

from outcomes._contract import NO_SERVICER_MARKERS, normalize_text

__all__ = [
    "REGISTRY_COLUMNS",
    "load_servicer_registry",
    "match_servicer",
    "match_servicers",
    "normalize_servicer",
]

#: columns of ``servicers.csv``, in order
REGISTRY_COLUMNS: tuple[str, ...] = (
    "license_number",
    "name",
    "legal_name",
    "former_names",
    "aliases",
    "status",
    "source",
    "as_of",
)

# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

# Corporate forms, written as they look after NFKC, casefold and space removal.
# Longest first, so that "(株式会社)" goes before "株式会社".
_CORPORATE_FORMS: tuple[str, ...] = tuple(
    sorted(
        {
            "株式会社",
            "(株式会社)",
            "(株)",
            "有限会社",
            "(有限会社)",
            "(有)",
            "k.k.",
            "k.k",
            "co.,ltd.",
            "co.,ltd",
            "co.ltd.",
            "co.ltd",
            "ltd.",
            "inc.",
        },
        key=len,
        reverse=True,
    )
)
# "サービサー" written after the name, bare or in brackets
_SERVICER_WORDS: tuple[str, ...] = ("(サービサー)", "サービサー")
_SPACES = re.compile(r"\s+")
# middle dots: katakana (・, and ･ once NFKC-ed), Latin middle dot, bullets
_DOTS = re.compile("[\u30fb\u00b7\u2022\u2027\u2219\u22c5]")
# a hyphen-like sign after katakana is a long-vowel mark (ジェ-シ- → ジェーシー)
_KANA_DASH = re.compile("(?<=[\u30a1-\u30fa\u30fc])[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_MAX_PASSES = 5
_EDGE_PUNCT = re.compile(r"^[,.、。]+|[,.、。]+$")


def _strip_forms(key: str) -> str:
    """Remove corporate forms at either end and a trailing サービサー / 会社."""
    while True:
        before = key
        key = _EDGE_PUNCT.sub("", key)
        for form in _CORPORATE_FORMS:
            if key.startswith(form):
                key = key[len(form) :]
            if key.endswith(form):
                key = key[: -len(form)]
        for word in _SERVICER_WORDS:
            if key.endswith(word) and len(key) > len(word):
                key = key[: -len(word)]
        # "…債権回収会社" / "…回収機構会社": the generic noun, not part of the name
        if key.endswith("会社") and key[:-2].endswith(("回収", "機構")):
            key = key[:-2]
        if key == before:
            return key


def normalize_servicer(name: str) -> str:
    """Return the matching key of a servicer name.

    NFKC (half-width kana become full-width, ``㈱`` becomes ``(株)``,
    full-width Latin becomes ASCII), casefold, no spaces or middle dots, a
    hyphen after katakana read as ``ー``, and the corporate form (株式会社,
    (株), ㈱, （株）, 有限会社, (有), K.K., Co., Ltd., …) removed at the start
    or the end. A trailing サービサー and the generic 会社 of 債権回収会社 are
    removed too. The key is for comparing names, not for showing them.

    Parameters
    ----------
    name : str
        A servicer name as written.

    Returns
    -------
    str
        The matching key (may be empty).

    Examples
    --------
    >>> normalize_servicer("株式会社 アビリオ債権回収")
    'アビリオ債権回収'
    >>> normalize_servicer("ｱﾋﾞﾘｵ債権回収㈱")
    'アビリオ債権回収'
    >>> normalize_servicer("ＳＭＢＣ債権回収（株）")
    'smbc債権回収'
    >>> normalize_servicer("エム・ユー・フロンティア債権回収会社")
    'エムユーフロンティア債権回収'
    >>> normalize_servicer("SMBC債権回収 Co., Ltd.")
    'smbc債権回収'
    """
    key = str(name)
    # repeat to a fixed point: removing a space or a dot can let NFKC compose
    # characters that were apart, and casefold can undo a composition
    for _ in range(_MAX_PASSES):
        before = key
        key = unicodedata.normalize("NFKC", key)
        key = unicodedata.normalize("NFKC", key.casefold())
        key = _SPACES.sub("", key)
        key = _DOTS.sub("", key)
        key = _KANA_DASH.sub("ー", key)
        key = _strip_forms(key)
        if key == before:
            break
    return key


# --------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _registry() -> pd.DataFrame:
    path = files("outcomes") / "data" / "servicers.csv"
    with path.open("r", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False, na_values=[""])
    missing = [c for c in REGISTRY_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"servicers.csv lacks columns {missing}")
    frame = frame.loc[:, list(REGISTRY_COLUMNS)]
    out = frame.astype("string")
    out["license_number"] = pd.to_numeric(frame["license_number"]).astype("Int64")
    return out


def load_servicer_registry() -> pd.DataFrame:
    """Load the registry of licensed servicers shipped with the package.

    One row per company, with the columns of :data:`REGISTRY_COLUMNS`:
    ``license_number`` (nullable Int64), ``name`` (without corporate suffix),
    ``legal_name``, ``former_names`` and ``aliases`` (``|``-separated),
    ``status``, ``source`` and ``as_of``. The file is read once and cached;
    each call returns a fresh copy.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> reg = load_servicer_registry()
    >>> list(reg.columns)[:3]
    ['license_number', 'name', 'legal_name']
    >>> reg.set_index("name").loc["アビリオ債権回収", "former_names"]
    'セディナ債権回収'
    """
    return _registry().copy()


def _split(cell: object) -> list[str]:
    if cell is None or cell is pd.NA or (isinstance(cell, float) and np.isnan(cell)):
        return []
    return [part.strip() for part in str(cell).split("|") if part.strip()]


@lru_cache(maxsize=1)
def _key_index() -> dict[str, str]:
    """Matching key → registry name; a key naming two companies is an error."""
    index: dict[str, str] = {}
    for row in _registry().itertuples(index=False):
        spellings = [row.name, row.legal_name, *_split(row.former_names), *_split(row.aliases)]
        for spelling in spellings:
            if spelling is pd.NA or not spelling:
                continue
            key = normalize_servicer(spelling)
            if not key:
                raise ValueError(f"servicers.csv: {spelling!r} has an empty matching key")
            other = index.setdefault(key, row.name)
            if other != row.name:
                raise ValueError(
                    f"servicers.csv: {spelling!r} matches both {other!r} and {row.name!r}"
                )
    return index


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float | np.floating) and bool(np.isnan(value))


def match_servicer(name: object) -> tuple[str | None, bool]:
    """Match one servicer name against the registry.

    Parameters
    ----------
    name : object
        A servicer name as written (any object; it is read as text).

    Returns
    -------
    (str or None, bool)
        ``(registry name, True)`` when the name, a former name or an alias of
        a registered servicer matches; ``(name as written, NFKC-normalised and
        trimmed, False)`` when it is not in the registry; ``(None, True)`` for
        "no servicer": empty, None/NaN and the markers of
        ``_contract.NO_SERVICER_MARKERS`` (なし, 無, -, ー, …).

    Examples
    --------
    >>> match_servicer("株式会社アビリオ債権回収")
    ('アビリオ債権回収', True)
    >>> match_servicer("ｾﾃﾞｨﾅ債権回収㈱")
    ('アビリオ債権回収', True)
    >>> match_servicer("日立キャピタル債権回収株式会社")
    ('三菱HCキャピタル債権回収', True)
    >>> match_servicer("smbc債権回収")
    ('SMBC債権回収', True)
    >>> match_servicer("　架空債権回収㈱ ")
    ('架空債権回収(株)', False)
    >>> match_servicer("なし"), match_servicer(None)
    ((None, True), (None, True))
    """
    if _is_missing(name):
        return None, True
    text = normalize_text(str(name))
    if text.casefold() in NO_SERVICER_MARKERS:
        return None, True
    registered = _key_index().get(normalize_servicer(text))
    if registered is not None:
        return registered, True
    return text, False


def match_servicers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Match a column of servicer names; each distinct value is matched once.

    Parameters
    ----------
    values : pandas.Series
        Servicer names as written (any dtype; missing values mean no servicer).

    Returns
    -------
    names : pandas.Series of dtype ``string``
        Registry name, or the name as written (normalised) when unknown, or
        ``<NA>`` for no servicer; same index as ``values``.
    found : pandas.Series of dtype ``bool``
        False exactly where a name is not in the registry.

    Examples
    --------
    >>> s = pd.Series(["アビリオ債権回収(株)", "なし", None, "架空債権回収"])
    >>> names, found = match_servicers(s)
    >>> names.tolist()
    ['アビリオ債権回収', <NA>, <NA>, '架空債権回収']
    >>> found.tolist()
    [True, True, True, False]
    """
    if not isinstance(values, pd.Series):
        values = pd.Series(values)
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    matched = [match_servicer(u) for u in uniques]
    # one extra slot at the end for code -1 (missing): no servicer
    names = np.array([m[0] for m in matched] + [None], dtype=object)
    found = np.array([m[1] for m in matched] + [True], dtype=bool)
    return (
        pd.Series(names[codes], index=values.index, dtype="string", name=values.name),
        pd.Series(found[codes], index=values.index, dtype=bool, name=values.name),
    )
