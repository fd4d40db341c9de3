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

import difflib
import io
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from outcomes._contract import NO_SERVICER_MARKERS, normalize_text
from outcomes._errors import RegistryError
from outcomes._parse import gather_text

__all__ = [
    "REGISTRY_COLUMNS",
    "SERVICERS_ENV",
    "SERVICER_WORDS",
    "ServicerStatus",
    "load_servicer_registry",
    "match_servicer",
    "match_servicers",
    "names_a_servicer",
    "normalize_servicer",
    "servicer_status",
    "servicers_seen",
    "suggest_servicers",
]

#: environment variable naming the firm's own registry file(s) (CSV; several joined by os.pathsep)
SERVICERS_ENV = "OUTCOMES_SERVICERS"

#: what ``servicers=`` accepts: a CSV path, a frame, several of them, or None
ServicersLike = str | os.PathLike[str] | pd.DataFrame | Sequence[Any] | None

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


#: headers of a firm's file that mean the columns of the registry
_EXTRA_HEADERS = {
    "name": "name",
    "名称": "name",
    "サービサー": "name",
    "former_names": "former_names",
    "旧商号": "former_names",
    "aliases": "aliases",
    "別名": "aliases",
    "通称": "aliases",
    "legal_name": "legal_name",
    "商号": "legal_name",
}


def _registry_text(data: bytes, where: str) -> str:
    r"""The firm's file as text: UTF-8 (with or without BOM) or CP932, as Excel saves it.

    Analyst review N10: a registry saved by Excel on Windows (CP932) was
    refused with a Python codec message.

    Examples
    --------
    >>> _registry_text("name\n新設債権回収\n".encode("cp932"), "x.csv")
    'name\n新設債権回収\n'
    """
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RegistryError(
        f"servicer file {where}: neither UTF-8 nor CP932 (Shift_JIS); "
        "save it from Excel as CSV UTF-8 or CSV (comma delimited)"
    )


def _read_extra(source: Any) -> pd.DataFrame:
    """One firm file (CSV path) or frame as rows of the registry's columns."""
    if isinstance(source, pd.DataFrame):
        frame, where = source.astype(object).astype("string"), "servicers="
    else:
        path = Path(source)
        where = str(path)
        try:
            text = _registry_text(path.read_bytes(), where)
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
        except FileNotFoundError:
            raise RegistryError(f"servicer file {where}: file not found") from None
        except (OSError, pd.errors.ParserError) as exc:
            raise RegistryError(f"servicer file {where}: not a readable CSV ({exc})") from None
    frame = frame.rename(columns=lambda c: _EXTRA_HEADERS.get(str(c).strip(), str(c).strip()))
    if "name" not in frame.columns:
        raise RegistryError(
            f"servicer file {where}: needs a column name (and optionally former_names, aliases)"
        )
    out = pd.DataFrame(
        {c: pd.Series(pd.NA, index=frame.index, dtype="string") for c in REGISTRY_COLUMNS}
    )
    for column in ("name", "legal_name", "former_names", "aliases"):
        if column in frame.columns:
            out[column] = frame[column].astype("string").str.strip().replace("", pd.NA)
    out["license_number"] = pd.array([pd.NA] * len(out), dtype="Int64")
    out["status"] = "firm"
    out["source"] = where
    empty = out["name"].isna()
    if empty.any():
        row = int(np.flatnonzero(empty.to_numpy())[0]) + 2
        raise RegistryError(f"servicer file {where}: row {row} has no name")
    _refuse_personal(out, where)
    return out.reset_index(drop=True)


def _refuse_personal(rows: pd.DataFrame, where: str) -> None:
    """Refuse a firm file whose names look like personal data (a registry holds companies).

    Every spelling of every row is screened (bare names included), each
    distinct one once; the first hit is named by row and column, its value
    never repeated (issue 26, review: registry bypasses the screen).
    """
    from outcomes._messages import Message, render
    from outcomes._privacy import PERSONAL_DATA_KINDS, PRIVACY_MESSAGES, personal_data_kinds

    for column in ("name", "legal_name", "former_names", "aliases"):
        parts = rows[column].str.split("|").explode().str.strip()
        parts = parts[parts.notna() & (parts != "")]
        if parts.empty:
            continue
        kinds = personal_data_kinds(parts, names=True)
        hit = kinds.notna().to_numpy()
        if hit.any():
            first = int(np.flatnonzero(hit)[0])
            message = Message(
                "registry.personal",
                {
                    "source": where,
                    "row": int(parts.index[first]) + 2,
                    "column": column,
                    "kind": PERSONAL_DATA_KINDS[kinds.iloc[first]],
                },
            )
            error = RegistryError(render(message, "en", PRIVACY_MESSAGES))
            error.message = message  # the edge may say it in Japanese
            raise error


def _sources(servicers: ServicersLike) -> tuple[Any, ...]:
    """The firm's files: ``OUTCOMES_SERVICERS`` first, then the ``servicers=`` argument."""
    out: list[Any] = []
    env = os.environ.get(SERVICERS_ENV, "").strip()
    if env:
        out += [part for part in env.split(os.pathsep) if part.strip()]
    if servicers is None:
        pass
    elif isinstance(servicers, str | os.PathLike | pd.DataFrame):
        out.append(servicers)
    else:
        out += list(servicers)
    return tuple(out)


def _cache_key(sources: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A hashable key of the firm's files (path and modification time), None for frames."""
    key = []
    for source in sources:
        if isinstance(source, pd.DataFrame):
            return None
        path = Path(source)
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            stamp = -1
        key.append((str(path), stamp))
    return tuple(key)


def _combined(sources: tuple[Any, ...]) -> pd.DataFrame:
    """The bundled registry with the firm's rows added.

    A firm row whose name matches a registered company adds its former names
    and aliases to that company; other rows are new companies.
    """
    base = _registry()
    if not sources:
        return base
    extra = pd.concat([_read_extra(s) for s in sources], ignore_index=True)
    base = base.copy()
    keys = {normalize_servicer(n): i for i, n in enumerate(base["name"])}
    new_rows = []
    for row in extra.itertuples(index=False):
        i = keys.get(normalize_servicer(row.name))
        if i is None:
            new_rows.append(row._asdict())
            continue
        for column in ("former_names", "aliases"):
            added = _split(getattr(row, column))
            if added:
                parts = _split(base.at[i, column]) + added
                base.at[i, column] = "|".join(dict.fromkeys(parts))
    if new_rows:
        base = pd.concat(
            [base, pd.DataFrame(new_rows).astype(base.dtypes.to_dict())], ignore_index=True
        )
    return base


@lru_cache(maxsize=8)
def _combined_cached(key: tuple[Any, ...]) -> pd.DataFrame:
    return _combined(tuple(path for path, _ in key))


def _registry_for(servicers: ServicersLike) -> pd.DataFrame:
    sources = _sources(servicers)
    if not sources:
        return _registry()
    key = _cache_key(sources)
    return _combined(sources) if key is None else _combined_cached(key)


def load_servicer_registry(servicers: ServicersLike = None) -> pd.DataFrame:
    """Load the registry of licensed servicers, with the firm's own additions.

    One row per company, with the columns of :data:`REGISTRY_COLUMNS`:
    ``license_number`` (nullable Int64), ``name`` (without corporate suffix),
    ``legal_name``, ``former_names`` and ``aliases`` (``|``-separated),
    ``status``, ``source`` and ``as_of``. The bundled file is read once and
    cached; each call returns a fresh copy.

    The bundled list is not complete. A firm adds its own servicers, former
    names and aliases with a CSV file (columns ``name`` and optionally
    ``former_names``, ``aliases``, ``|``-separated), named by the
    ``OUTCOMES_SERVICERS`` environment variable (several files joined by
    ``os.pathsep``) or given as ``servicers=`` (a path, a DataFrame, or a
    list of them). A row whose name is a registered company adds its
    spellings to it; other rows are added with ``status`` ``firm``.

    Parameters
    ----------
    servicers : path, DataFrame or list of them, optional
        The firm's registry file(s), added after ``OUTCOMES_SERVICERS``.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    RegistryError
        If a firm file is missing, unreadable, has no ``name`` column or a
        row without a name, or a spelling names two companies.

    Examples
    --------
    >>> reg = load_servicer_registry()
    >>> list(reg.columns)[:3]
    ['license_number', 'name', 'legal_name']
    >>> reg.set_index("name").loc["アビリオ債権回収", "former_names"]
    'セディナ債権回収'
    >>> firm = pd.DataFrame({"name": ["湘南債権回収"], "aliases": ["湘南サービサー"]})
    >>> load_servicer_registry(firm)["name"].iloc[-1]
    '湘南債権回収'
    """
    return _registry_for(servicers).copy()


def _split(cell: object) -> list[str]:
    if cell is None or cell is pd.NA or (isinstance(cell, float) and np.isnan(cell)):
        return []
    return [part.strip() for part in str(cell).split("|") if part.strip()]


def _build_index(registry: pd.DataFrame) -> dict[str, str]:
    """Matching key → registry name; a key naming two companies is an error."""
    index: dict[str, str] = {}
    for row in registry.itertuples(index=False):
        spellings = [row.name, row.legal_name, *_split(row.former_names), *_split(row.aliases)]
        for spelling in spellings:
            if spelling is pd.NA or not spelling:
                continue
            key = normalize_servicer(spelling)
            if not key:
                raise RegistryError(f"servicers: {spelling!r} has an empty matching key")
            other = index.setdefault(key, row.name)
            if other != row.name:
                raise RegistryError(
                    f"servicers: {spelling!r} matches both {other!r} and {row.name!r}"
                )
    return index


@lru_cache(maxsize=1)
def _key_index() -> dict[str, str]:
    """Matching key → registry name of the bundled registry."""
    return _build_index(_registry())


@lru_cache(maxsize=8)
def _key_index_cached(key: tuple[Any, ...]) -> dict[str, str]:
    return _build_index(_combined_cached(key))


def _index_for(servicers: ServicersLike) -> dict[str, str]:
    sources = _sources(servicers)
    if not sources:
        return _key_index()
    key = _cache_key(sources)
    return _build_index(_combined(sources)) if key is None else _key_index_cached(key)


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float | np.floating) and bool(np.isnan(value))


def match_servicer(name: object, servicers: ServicersLike = None) -> tuple[str | None, bool]:
    """Match one servicer name against the registry.

    Parameters
    ----------
    name : object
        A servicer name as written (any object; it is read as text).
    servicers : path, DataFrame or list of them, optional
        The firm's own registry file(s), besides ``OUTCOMES_SERVICERS``
        (see :func:`load_servicer_registry`).

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
    registered = _index_for(servicers).get(normalize_servicer(text))
    if registered is not None:
        return registered, True
    return text, False


def match_servicers(
    values: pd.Series, servicers: ServicersLike = None
) -> tuple[pd.Series, pd.Series]:
    """Match a column of servicer names; each distinct value is matched once.

    Parameters
    ----------
    values : pandas.Series
        Servicer names as written (any dtype; missing values mean no servicer).
    servicers : path, DataFrame or list of them, optional
        The firm's own registry file(s) (see :func:`load_servicer_registry`).

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
    if isinstance(values.dtype, pd.StringDtype):  # text: factorised in Arrow
        codes, uniques = values.factorize(use_na_sentinel=True)
    else:
        codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    matched = [match_servicer(u, servicers) for u in uniques]
    # one extra slot at the end for code -1 (missing): no servicer
    names = pa.array([m[0] for m in matched] + [None], type=pa.large_string())
    found = np.array([m[1] for m in matched] + [True], dtype=bool)
    gathered = gather_text(names, codes, na_value=pd.NA)
    return (
        pd.Series(gathered, index=values.index, name=values.name, copy=False),
        pd.Series(found[codes], index=values.index, dtype=bool, name=values.name, copy=False),
    )


# --------------------------------------------------------------------------
# Suggestions and the status of a case's servicer
# --------------------------------------------------------------------------


#: the words that make a name a servicer's (債権回収会社), which most servicer names share:
#: the one list of them (issue 24), for the law's "is this creditor a servicer?" and for the
#: suggestions, which must agree on the rest of the name (債券回収 is the usual typo)
SERVICER_WORDS: tuple[str, ...] = ("債権管理回収", "債権回収", "債券回収", "回収機構", "サービサー")
_GENERIC_WORDS = re.compile("|".join(SERVICER_WORDS))


def names_a_servicer(name: str) -> bool:
    """Whether a name carries one of :data:`SERVICER_WORDS` (after NFKC).

    Examples
    --------
    >>> names_a_servicer("ＳＭＢＣ債権回収(株)"), names_a_servicer("整理回収機構")
    (True, True)
    >>> names_a_servicer("○○銀行")
    False
    """
    return bool(_GENERIC_WORDS.search(unicodedata.normalize("NFKC", name)))


#: how alike two names (and the distinctive parts of them) must be to be suggested
_SUGGEST_CUTOFF = 0.6


def _stem(key: str) -> str:
    """A matching key without the words every servicer's name has (債権回収, サービサー, …)."""
    return _GENERIC_WORDS.sub("", key)


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def suggest_servicers(name: object, n: int = 3, servicers: ServicersLike = None) -> list[str]:
    """Registry names nearest to ``name`` (for "did you mean"): a suggestion, never a match.

    Compares matching keys (:func:`normalize_servicer`) of every registered
    name, former name and alias with :mod:`difflib`. Since nearly every
    servicer is called ``…債権回収``, a name is suggested only when the
    distinctive part of it (the key without 債権回収, サービサー, …) is alike
    too, or one begins the other: ``山田債権回収`` gets no suggestion, where
    ``日本債権回収`` would differ only in the two characters that matter.
    Returns up to ``n`` distinct registry names, nearest first (empty when
    nothing is close).

    Examples
    --------
    >>> suggest_servicers("SMBC債権回集"), suggest_servicers("ＳＭＢＣ債券回収")
    (['SMBC債権回収'], ['SMBC債権回収'])
    >>> suggest_servicers("新生債権回収")
    ['新生債権回収&コンサルティング']
    >>> suggest_servicers("山田債権回収"), suggest_servicers("まったく別の会社")
    ([], [])
    >>> suggest_servicers("債権回収")
    []
    """
    if _is_missing(name):
        return []
    key = normalize_servicer(normalize_text(str(name)))
    if not key:
        return []
    stem = _stem(key)
    if not stem:  # nothing but the generic words (債権回収): nothing to go by
        return []
    index = _index_for(servicers)
    scored = []
    for other in index:
        whole = _alike(key, other)
        other_stem = _stem(other)
        part = _alike(stem, other_stem)
        begins = min(len(stem), len(other_stem)) >= 2 and (
            stem.startswith(other_stem) or other_stem.startswith(stem)
        )
        if (whole >= _SUGGEST_CUTOFF and part >= _SUGGEST_CUTOFF) or begins:
            scored.append((max(part, 0.99 if begins else 0.0), whole, other))
    scored.sort(key=lambda t: (-t[0], -t[1], t[2]))
    return list(dict.fromkeys(index[k] for _, _, k in scored))[:n]


#: the statuses of a case's servicer
SERVICER_STATUSES: tuple[str, ...] = ("none", "known", "unseen", "unmatched")


@dataclass(frozen=True)
class ServicerStatus:
    """How a case's servicer stands against the registry and the model's training data.

    Attributes
    ----------
    status : {"none", "known", "unseen", "unmatched"}
        ``none``: no servicer; ``known``: in the registry and seen in
        training (or no training list was given); ``unseen``: in the registry
        but not among the servicers the model learned; ``unmatched``: not in
        the registry.
    name : str or None
        The registry name, or the name as written when unmatched.
    suggestions : tuple of str
        Nearest registry names (only when unmatched).
    """

    status: str
    name: str | None
    suggestions: tuple[str, ...] = ()

    @property
    def warn(self) -> bool:
        """Whether an estimate for this case should carry the servicer warning."""
        return self.status in ("unseen", "unmatched")


def servicers_seen(model: Any) -> frozenset[str] | None:
    """The servicers a fitted case model learned as servicers of their own, or None.

    Read from the model's encoder (``regressor_.encoder_.categories_``):
    rare servicers pooled in training are not among them. None when the
    model does not expose it.

    Examples
    --------
    >>> servicers_seen(object()) is None
    True
    """
    encoder = getattr(getattr(model, "regressor_", None), "encoder_", None)
    categories = getattr(encoder, "categories_", None)
    if not isinstance(categories, dict) or "servicer" not in categories:
        return None
    return frozenset(str(c) for c in categories["servicer"])


def servicer_status(
    name: object,
    seen: frozenset[str] | set[str] | None = None,
    servicers: ServicersLike = None,
) -> ServicerStatus:
    """The status of one case's servicer: none / known / unseen / unmatched.

    Parameters
    ----------
    name : object
        The servicer as written, or as the cleaner left it.
    seen : set of str, optional
        The servicers the model learned (:func:`servicers_seen`); None: not
        checked (a registered servicer is then ``known``).
    servicers : path, DataFrame or list of them, optional
        The firm's own registry file(s).

    Examples
    --------
    >>> servicer_status("SMBC債権回集").status, servicer_status("SMBC債権回集").suggestions
    ('unmatched', ('SMBC債権回収',))
    >>> servicer_status("あおぞら債権回収", seen={"SMBC債権回収"}).status
    'unseen'
    >>> servicer_status("SMBC債権回収(株)", seen={"SMBC債権回収"})
    ServicerStatus(status='known', name='SMBC債権回収', suggestions=())
    >>> servicer_status(None).status
    'none'
    """
    registered, found = match_servicer(name, servicers)
    if registered is None:
        return ServicerStatus("none", None)
    if not found:
        return ServicerStatus(
            "unmatched", registered, tuple(suggest_servicers(registered, 3, servicers))
        )
    if seen is not None and registered not in seen:
        return ServicerStatus("unseen", registered)
    return ServicerStatus("known", registered)
