"""The problems table (contract §8): one row per problem, collected column by column.

Every step of the cleaner reports what it emptied, noted or left out here,
with the problem's kind as a code (the ``kind`` column: ``"unreadable"``,
``"out of range"``, ``"summary row"``, …; :data:`PROBLEM_KINDS`) beside its
sentence in the run's language (the ``problem`` column). Nothing reads the
kind back out of a sentence (issue 24).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import numpy as np
import pandas as pd

from outcomes._cleaning.wording import PROBLEM_KINDS, problem_sentence, source_header_ja
from outcomes._contract import (
    CASE_COLUMNS,
)

__all__ = ["PROBLEM_COLUMNS", "PROBLEM_KINDS", "Problems", "TablePair"]

#: columns of the problems table, in order: ``kind`` is the code, ``problem`` the sentence
PROBLEM_COLUMNS: tuple[str, ...] = ("row", "case_id", "column", "value", "kind", "problem")


class Problems:
    """Collects problem rows as arrays; one DataFrame at the end.

    ``ja`` tells the steps to write their sentences in Japanese, naming each
    column by its source header (:meth:`header`).
    """

    def __init__(self, language: str = "en") -> None:
        self._parts: list[dict[str, np.ndarray]] = []
        self.language = language
        self.ja = language == "ja"
        self.headers: dict[str, str] = {}

    def words(self, kind: str, code: str, **fields: object) -> np.ndarray | str:
        """The sentences of problems of ``kind`` (``code``'s words), each distinct one made once.

        A field is a value, a ``(ja, en)`` pair of values, a per-row array, or a
        ``(ja, en)`` pair of per-row arrays; with no per-row field, one sentence.
        """
        i = 0 if self.ja else 1
        rows: dict[str, np.ndarray] = {}
        fixed: dict[str, object] = {}
        for name, value in fields.items():
            if isinstance(value, tuple) and not isinstance(value[0], str | int | float):
                value = value[i]  # a pair of per-row arrays: this run's language
            if isinstance(value, pd.Series | np.ndarray | list):
                rows[name] = np.asarray(value, dtype=object)
            else:
                fixed[name] = value
        if not rows:
            return problem_sentence(kind, code, self.language, **fixed)
        names = list(rows)
        keys = list(zip(*(rows[n] for n in names), strict=True))
        codes, uniques = pd.factorize(pd.Series(keys, dtype=object))
        made = [
            problem_sentence(kind, code, self.language, **fixed, **dict(zip(names, u, strict=True)))
            for u in uniques
        ]
        return np.asarray(made, dtype=object)[codes]

    def header(self, column: str) -> str:
        """A column as a Japanese sentence names it: its source header, quoted."""
        return source_header_ja(self.headers.get(column, column), column)

    def add(
        self,
        rows: np.ndarray,
        column: str,
        values: pd.Series | np.ndarray | list,
        problems: pd.Series | np.ndarray | list | str,
        *,
        kind: str,
    ) -> None:
        """Rows of one kind of problem (``kind``, a key of :data:`PROBLEM_KINDS`)."""
        if kind not in PROBLEM_KINDS:
            raise ValueError(f"unknown kind of problem {kind!r}")  # a programming error
        n = len(rows)
        if n == 0:
            return
        if isinstance(problems, str):
            problems = [problems] * n
        # arrays now, one DataFrame in frame(): a part per column of a 16,384-column
        # export must cost microseconds, not a DataFrame each (reliability-review #5)
        self._parts.append(
            {
                "row": np.asarray(rows, dtype="int64"),
                "column": np.full(n, column, dtype=object),
                "value": np.asarray(values, dtype=object),
                "kind": np.full(n, kind, dtype=object),
                "problem": np.asarray(problems, dtype=object),
            }
        )

    def frame(self, case_ids: pd.Series) -> pd.DataFrame:
        """All problems, with the case id of each row, sorted by row."""
        if not self._parts:
            out = pd.DataFrame({c: pd.Series(dtype="string") for c in PROBLEM_COLUMNS})
            out["row"] = out["row"].astype("Int64")
            return out
        out = pd.DataFrame(
            {key: np.concatenate([part[key] for part in self._parts]) for key in self._parts[0]}
        )
        out.insert(1, "case_id", _case_ids_of(out["row"], case_ids))
        order = {c: i for i, c in enumerate(CASE_COLUMNS)}
        out["_order"] = out["column"].map(order).fillna(-1)
        out = out.sort_values(["row", "_order"], kind="stable").drop(columns="_order")
        out = out.reset_index(drop=True)
        out["row"] = out["row"].astype("Int64")
        for c in ("case_id", "column", "value", "kind", "problem"):
            out[c] = out[c].astype("string")
        return out[list(PROBLEM_COLUMNS)]


def _case_ids_of(rows: pd.Series, case_ids: pd.Series) -> pd.Series:
    """The case id of each problem's row (missing for the header row).

    Rows in increasing order (as read) are found by binary search, without a
    hash table over a million rows; any other index is mapped.
    """
    index = case_ids.index.to_numpy()
    if index.dtype.kind != "i" or len(index) == 0 or not (np.diff(index) > 0).all():
        return rows.map(case_ids)
    wanted = rows.to_numpy(dtype="int64")
    pos = np.minimum(np.searchsorted(index, wanted), len(index) - 1)
    found = index[pos] == wanted
    taken = case_ids.array.take(np.where(found, pos, -1), allow_fill=True)
    return pd.Series(taken, index=rows.index)


class TablePair:
    """A cleaner's result that unpacks as ``table, problems`` (the cases or the log, then the problems).

    A subclass names its table's attribute in ``table_field``.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Result(TablePair):
    ...     table_field = "rows"
    ...     rows: list
    ...     problems: list
    >>> rows, problems = Result([1], [])
    >>> rows, len(Result([1], []))
    ([1], 2)
    """

    table_field: ClassVar[str] = "cases"

    def __iter__(self) -> Iterator[pd.DataFrame]:
        yield getattr(self, self.table_field)
        yield self.problems  # type: ignore[attr-defined]

    def __getitem__(self, index: int) -> pd.DataFrame:
        return (getattr(self, self.table_field), self.problems)[index]  # type: ignore[attr-defined]

    def __len__(self) -> int:
        return 2
