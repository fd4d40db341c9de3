"""Columns: each scalar parser applied once per distinct raw value, with its kind's fast path.

:func:`parse_column` factorises a column, lets the parser's registered fast
path (:data:`outcomes._parse._common.FAST_PATHS`, filled by each kind's module)
read the dominant easy forms of the distinct values, parses the rest with the
scalar parser, and broadcasts the results back as a :class:`ParsedColumn`.
The reasons and notes stay codes (:class:`~outcomes._messages.Message`) until
someone asks for their words in a language.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from outcomes._errors import ParseError
from outcomes._messages import Catalogue, Message, render
from outcomes._parse._common import FAST_PATHS, Fast, Parsed
from outcomes._parse.text import own_text, parse_text
from outcomes._parse.words import PARSE_WORDS, render_notes

__all__ = ["ParsedColumn", "gather_text", "parse_column", "parse_each"]


class ParsedColumn:
    """A parsed column: each row's distinct raw value, and what each distinct value parsed to.

    Rows are expanded only when asked for (:attr:`values`, :attr:`notes`,
    :attr:`errors`); the cleaner mostly works on the distinct values
    (:meth:`typed`, :meth:`text`, :meth:`error_mask`).

    Attributes
    ----------
    values : pandas.Series
        Parsed values, same index as the input, object dtype; ``None`` where
        the cell was empty or could not be read.
    notes : pandas.Series
        The notes per row in English (str) or ``None``.
    errors : pandas.Series
        The ParseError sentence per row in English (str) or ``None``; the
        codes are in :meth:`reasons_at`'s source, rendered in either language.
    codes : numpy.ndarray
        The code of each row's distinct raw value (-1: missing).
    distinct : numpy.ndarray
        The parsed distinct values, one more slot (None) for code -1.
    index : pandas.Index
        The input's index; ``name`` its name.
    """

    def __init__(
        self,
        codes: np.ndarray,
        distinct: np.ndarray | None,
        notes: np.ndarray,
        errors: np.ndarray,
        index: pd.Index,
        name: object = None,
        *,
        arrow_distinct: pa.Array | None = None,
    ) -> None:
        self.codes = codes
        self._distinct = distinct
        # text parsed in Arrow: the distinct values there, no Python object per value
        self._arrow_distinct = arrow_distinct
        self._distinct_notes = notes
        self._distinct_errors = errors
        self.index = index
        self.name = name
        self._rows: dict[str, pd.Series] = {}
        self._rendered: dict[tuple[str, str], np.ndarray] = {}

    def _expand(self, what: str, distinct: np.ndarray, texts: bool = True) -> pd.Series:
        if what not in self._rows:
            if texts and not pd.notna(distinct).any():  # notes and errors: messages or None
                taken = np.empty(len(self.codes), dtype=object)  # all None, no gather
            else:
                taken = distinct[self.codes]  # -1 takes the last slot, left empty
            self._rows[what] = pd.Series(
                taken, index=self.index, dtype=object, name=self.name, copy=False
            )
        return self._rows[what]

    @property
    def values(self) -> pd.Series:
        return self._expand("values", self.distinct, texts=False)

    @property
    def notes(self) -> pd.Series:
        return self._expand("notes", self._words("notes", "en"))

    @property
    def errors(self) -> pd.Series:
        return self._expand("errors", self._words("errors", "en"))

    def _words(self, which: str, language: str, catalogue: Catalogue | None = None) -> np.ndarray:
        """The distinct errors or notes rendered in ``language``, each distinct one once.

        ``catalogue`` adds a caller's own codes (a parser of its own raising them) to
        :data:`PARSE_WORDS`.
        """
        words_of = PARSE_WORDS if catalogue is None else catalogue
        key = (which, language, id(catalogue))
        if key not in self._rendered:
            distinct = self._distinct_errors if which == "errors" else self._distinct_notes
            words = np.empty(len(distinct), dtype=object)
            for i in np.flatnonzero(pd.notna(distinct)).tolist():
                item = distinct[i]
                words[i] = (
                    render(item, language, words_of)
                    if isinstance(item, Message)
                    else render_notes(item, language)
                )
            self._rendered[key] = words
        return self._rendered[key]

    @property
    def distinct(self) -> np.ndarray:
        if self._distinct is None and self._arrow_distinct is not None:
            self._distinct = self._arrow_distinct.to_numpy(zero_copy_only=False)
        return self._distinct

    def _mask(self, distinct: np.ndarray) -> np.ndarray:
        has = ~pd.isna(distinct)
        if not has.any():
            return np.zeros(len(self.codes), dtype=bool)
        return has[self.codes]

    def error_mask(self) -> np.ndarray:
        """Rows that could not be read (``errors.notna()``, from the distinct values)."""
        return self._mask(self._distinct_errors)

    def note_mask(self) -> np.ndarray:
        """Rows with a note (``notes.notna()``, from the distinct values)."""
        return self._mask(self._distinct_notes)

    def note_mask_of(self, code: str, *, alone: bool = False) -> np.ndarray:
        """Rows with a note of ``code`` (``"guarantor.name"``; ``alone``: and no other note)."""
        has = np.array(
            [
                isinstance(n, tuple)
                and any(m.code == code for m in n)
                and (not alone or len(n) == 1)
                for n in self._distinct_notes
            ],
            dtype=bool,
        )
        return has[self.codes] if has.any() else np.zeros(len(self.codes), dtype=bool)

    def errors_at(
        self, mask: np.ndarray, language: str = "en", catalogue: Catalogue | None = None
    ) -> pd.Series:
        """The errors of the rows at ``mask`` in ``language`` (``errors[mask]`` in English)."""
        return self._at(self._words("errors", language, catalogue), mask)

    def notes_at(self, mask: np.ndarray, language: str = "en") -> pd.Series:
        """The notes of the rows at ``mask`` in ``language`` (joined by 「。」 in Japanese)."""
        return self._at(self._words("notes", language), mask)

    def error_codes_at(self, mask: np.ndarray) -> pd.Series:
        """The code of each error at ``mask`` (``"amount.unreadable"``)."""
        codes = np.array([getattr(e, "code", None) for e in self._distinct_errors], dtype=object)
        return self._at(codes, mask)

    def _at(self, distinct: np.ndarray, mask: np.ndarray) -> pd.Series:
        return pd.Series(
            distinct[self.codes[mask]], index=self.index[mask], dtype=object, name=self.name
        )

    def typed(self, dtype: str) -> pd.Series:
        """The values as ``"float64"`` or ``"datetime64[ns]"``, converted once per distinct value.

        Examples
        --------
        >>> from outcomes._parse import parse_amount
        >>> col = parse_column(pd.Series(["580万円", None, "580万円"]), parse_amount)
        >>> col.typed("float64").tolist()
        [5800000.0, nan, 5800000.0]
        """
        values = pd.Series(self.distinct, dtype=object, copy=False)
        if dtype == "float64":
            converted = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64")
        else:
            converted = pd.to_datetime(values, errors="coerce").to_numpy(dtype=dtype)
        converted = converted[self.codes]  # -1 takes the last slot, left empty
        return pd.Series(converted, index=self.index, name=self.name, copy=False)

    def text(self) -> pd.Series | None:
        """The values as a ``str`` Series, gathered in Arrow from the distinct values.

        What ``pd.Series`` infers from :attr:`values` when every value is text
        (the same dtype and values), without a Python object per row; None
        when some value is not text, or none is.

        Examples
        --------
        >>> col = parse_column(pd.Series(["ｱﾋﾞﾘｵ", None] * 8 + ["x"]), parse_text)
        >>> col.text().equals(pd.Series(col.values.to_numpy()))
        True
        """
        if self._arrow_distinct is not None:
            distinct = self._arrow_distinct
            if distinct.null_count == len(distinct):
                return None
        else:
            if self._distinct is None:
                return None
            if pd.api.types.infer_dtype(self._distinct, skipna=True) != "string":
                return None
            distinct = pa.array(self._distinct, type=pa.large_string(), from_pandas=True)
        values = gather_text(distinct, self.codes)
        return pd.Series(values, index=self.index, name=self.name, copy=False)


def gather_text(
    distinct: pa.Array, codes: np.ndarray, *, na_value: object = np.nan
) -> pd.arrays.ArrowStringArray:
    """Each row's text from its code into ``distinct``, gathered in Arrow.

    ``distinct`` ends with an empty (null) slot, which code -1 takes. The
    result is ``str`` (missing as NaN), or ``string`` with ``na_value=pd.NA``.

    Examples
    --------
    >>> gather_text(pa.array(["a", "b", None]), np.array([1, -1, 0])).tolist()
    ['b', nan, 'a']
    """
    where = np.where(codes < 0, len(distinct) - 1, codes)
    taken = pa.chunked_array([distinct.take(pa.array(where))])
    if not pa.types.is_large_string(taken.type):
        taken = taken.cast(pa.large_string())
    return pd.arrays.ArrowStringArray(taken, dtype=pd.StringDtype("pyarrow", na_value=na_value))


def _is_arrow_text(dtype: object) -> bool:
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"


def _parse_text_arrow(raw: pd.Series, codes: np.ndarray, uniques: pd.Index) -> ParsedColumn:
    """:func:`parse_text` of a text column whose distinct values stay in Arrow.

    The values :func:`own_text` passes are their own parse; only the others
    (non-ASCII, edge spaces, missing markers) are parsed in Python, and the
    parsed distinct values are one Arrow array (a million distinct case ids
    never become Python strings).
    """
    done = own_text(pd.Series(uniques.array, dtype="str"))
    arrow = pa.array(uniques.array, type=pa.large_string())
    todo = np.flatnonzero(~done)
    n = len(uniques)
    values, notes, errors = (np.empty(n + 1, dtype=object) for _ in range(3))
    if len(todo):
        parse_each(uniques, todo, parse_text, {}, values, notes, errors)
        replacement = pa.array(values[todo], type=pa.large_string())
        arrow = pc.replace_with_mask(arrow, pa.array(~done), replacement)
    distinct = pa.concat_arrays([arrow, pa.nulls(1, pa.large_string())])

    return ParsedColumn(codes, None, notes, errors, raw.index, raw.name, arrow_distinct=distinct)


#: fewer distinct values than this are parsed by the scalar parser alone
_FAST_MIN_VALUES = 16


def parse_column(raw: pd.Series, parser: Callable[..., Parsed], **kwargs: object) -> ParsedColumn:
    """Apply a scalar parser to a column, once per distinct raw value.

    The column is factorised; each distinct value is parsed once (the
    dominant easy forms of the package's parsers by vectorised fast paths
    giving the same result) and the results are broadcast back.

    Parameters
    ----------
    raw : pandas.Series
        The raw column (text, typed values or a mix).
    parser : callable
        A scalar parser such as :func:`parse_amount`; it must return a
        :class:`Parsed` and raise :class:`ParseError` for unreadable values
        (other exceptions propagate).
    **kwargs
        Passed to the parser (``unit=10_000``, ``percent=True``,
        ``column="employment"``).

    Returns
    -------
    ParsedColumn

    Notes
    -----
    Distinct values are found by ``factorize``, which treats values that
    compare equal as one (a typed ``1001`` and ``1001.0``); they parse alike.

    Examples
    --------
    >>> from outcomes._parse import parse_amount
    >>> col = pd.Series(["580万円", "5,800,000", "abc", None, "580万円"])
    >>> out = parse_column(col, parse_amount)
    >>> out.values.tolist()
    [5800000, 5800000, None, None, 5800000]
    >>> out.errors.tolist()
    [None, None, 'not an amount', None, None]
    """
    if not isinstance(raw, pd.Series):
        raw = pd.Series(raw)
    codes, uniques = raw.factorize(use_na_sentinel=True)
    if isinstance(uniques.dtype, pd.CategoricalDtype):
        uniques = pd.Index(np.asarray(uniques, dtype=object), dtype=object)
    n = len(uniques)
    if parser is parse_text and n >= _FAST_MIN_VALUES and _is_arrow_text(uniques.dtype):
        return _parse_text_arrow(raw, codes, uniques)
    fast_path = FAST_PATHS.get(parser)
    # the fast paths give the scalar parser's results; on a few values (one case
    # being offered) the scalar parser is the quicker of the two
    use_fast = fast_path is not None and n >= _FAST_MIN_VALUES
    fast = fast_path(uniques, **kwargs) if use_fast else Fast(n)
    # one extra slot, left None, serves the code -1 of missing cells
    values = np.append(fast.values, None)
    notes = np.append(fast.notes, None)
    errors = np.empty(n + 1, dtype=object)
    parse_each(uniques, np.flatnonzero(~fast.done), parser, kwargs, values, notes, errors)
    return ParsedColumn(codes, values, notes, errors, raw.index, raw.name)


def parse_each(
    uniques: pd.Index,
    todo: np.ndarray,
    parser: Callable[..., Parsed],
    kwargs: dict[str, object],
    values: np.ndarray,
    notes: np.ndarray,
    errors: np.ndarray,
) -> None:
    """The scalar parser on the distinct values at ``todo``, into the three arrays."""
    for i, item in zip(todo.tolist(), uniques.take(todo).tolist(), strict=True):
        try:
            parsed = parser(item, **kwargs)
        except ParseError as exc:
            message = exc.message
            errors[i] = (
                message if message is not None else Message("parse.other", {"reason": str(exc)})
            )
        else:
            values[i] = parsed.value
            notes[i] = parsed.notes or None
