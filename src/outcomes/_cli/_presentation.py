"""How the tables the commands write look to a person: number formats, widths, Japanese values.

Used by :func:`outcomes._cli.write_table` for every table a command writes
(clean cases and problems, predictions, batch offers):

- :func:`number_formats`: yen as ``#,##0``, ratios and chances as ``0.0%``,
  dates as ``yyyy-mm-dd`` (Excel formats, by the column's machine name);
- :func:`column_widths`: fitted to the header and the values as shown
  (Japanese characters count double), capped;
- :func:`japanese_values`: with ``--labels ja``, the codes in Japanese
  (``40s`` -> ``40代``, ``self_employed`` -> ``自営業``, a guarantor
  ``True`` -> ``あり``, a problem's column ``servicer`` -> ``サービサー``),
  with the words the contract and the report already use
  (:func:`outcomes._format.value_labels`, :func:`outcomes._format.column_label`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from outcomes._advice import SERVICER_STATUS_JA
from outcomes._cleaning import PROBLEM_KINDS
from outcomes._contract import AMOUNT_COLUMNS, COLUMN_BY_NAME
from outcomes._format import column_label, text_width, value_labels

__all__ = [
    "DATE_FORMAT",
    "MAX_WIDTH",
    "PERCENT_FORMAT",
    "YEN_FORMAT",
    "column_widths",
    "japanese_values",
    "number_format",
    "number_formats",
]

YEN_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
DATE_FORMAT = "yyyy-mm-dd"
#: widest column, in characters (a long problem sentence wraps beyond it)
MAX_WIDTH = 60
#: narrowest column, in characters
MIN_WIDTH = 6
#: rows looked at when fitting a column's width
WIDTH_SAMPLE = 2_000

#: yen columns besides the contract's amounts: batch offers and the derived settlement amount
_YEN: frozenset[str] = frozenset(AMOUNT_COLUMNS) | {
    "settlement_amount",
    "opening",
    "target",
    "walk_away",
    "monthly",
    "monthly_low",
    "monthly_high",
    "expected_amount",
}
#: prefixes of yen columns (predictions: ``settlement_amount_median`` …)
_YEN_PREFIXES = ("settlement_amount_", "monthly_amount_")
#: ratio and chance columns, shown as percentages
_PERCENT: frozenset[str] = frozenset({"settlement_ratio", "delinquency_rate"})
_PERCENT_PREFIXES = ("settlement_ratio_", "chance_")
#: Japanese words of a boolean column other than the guarantor
_BOOLEAN_JA = {"True": "はい", "False": "いいえ"}
#: the columns of the problems table (outcomes.clean_cases)
_PROBLEM_COLUMNS = frozenset({"row", "case_id", "column", "value", "problem"})


def number_format(name: str, dtype: object) -> str | None:
    """The Excel number format of a column, by its machine name and dtype (None: General).

    Examples
    --------
    >>> number_format("residual_debt", "Int64"), number_format("chance_opening", "float64")
    ('#,##0', '0.0%')
    >>> number_format("settlement_ratio_lower_90", "Float64"), number_format("age", "Int64")
    ('0.0%', None)
    >>> number_format("sale_date", "datetime64[ns]"), number_format("servicer", "string")
    ('yyyy-mm-dd', None)
    """
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return DATE_FORMAT
    if pd.api.types.is_bool_dtype(dtype) or not pd.api.types.is_numeric_dtype(dtype):
        return None
    if name in _YEN or name.startswith(_YEN_PREFIXES):
        return YEN_FORMAT
    if name in _PERCENT or name.startswith(_PERCENT_PREFIXES):
        return PERCENT_FORMAT
    return None


def number_formats(table: pd.DataFrame) -> list[str | None]:
    """:func:`number_format` of each column of ``table`` (machine names), in order."""
    return [
        number_format(str(name), table.iloc[:, j].dtype) for j, name in enumerate(table.columns)
    ]


def _shown(value: object, fmt: str | None) -> str:
    """A value as Excel shows it with ``fmt`` (near enough to fit a width)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if fmt == YEN_FORMAT:
        return f"{float(value):,.0f}"  # type: ignore[arg-type]
    if fmt == PERCENT_FORMAT:
        return f"{float(value):.1%}"  # type: ignore[arg-type]
    if fmt == DATE_FORMAT:
        return "yyyy-mm-dd"
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def column_widths(
    table: pd.DataFrame, formats: Sequence[str | None], headers: Iterable[str] | None = None
) -> list[float]:
    """Column widths in characters fitted to the header and the first values as shown.

    Japanese (wide) characters count two; a width is at least
    :data:`MIN_WIDTH` and at most :data:`MAX_WIDTH`.

    Examples
    --------
    >>> table = pd.DataFrame({"問題": ["サービサー名が登録簿にありません"], "row": [2]})
    >>> column_widths(table, [None, None])
    [34.0, 6.0]
    """
    names = [str(h) for h in (headers if headers is not None else table.columns)]
    head = table.head(WIDTH_SAMPLE)
    widths = []
    for j, fmt in enumerate(formats):
        values = head.iloc[:, j].astype(object).tolist()
        if pd.api.types.is_datetime64_any_dtype(head.iloc[:, j].dtype):
            fmt = DATE_FORMAT
        longest = max((text_width(_shown(v, fmt)) for v in values), default=0)
        wide = max(longest, text_width(names[j])) + 2
        widths.append(float(min(max(wide, MIN_WIDTH), MAX_WIDTH)))
    return widths


def _mapped(column: pd.Series, words: dict[str, str]) -> pd.Series:
    """``column``'s values replaced by ``words`` (keyed by ``str(value)``), missing kept."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.rename_categories([words.get(str(c), c) for c in column.cat.categories])
    values = column.astype(object)
    present = values.notna().to_numpy()
    out = pd.Series(pd.NA, index=column.index, dtype="string", name=column.name)
    out[present] = [words.get(str(v), str(v)) for v in values[present]]
    return out


def japanese_values(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (machine names) with its codes in Japanese, for ``--labels ja``.

    The coded columns of the clean table (employment, resolution,
    creditor_type, age_band, servicer_role, judgment), the guarantor
    (``あり``/``なし``) and any other boolean (``はい``/``いいえ``), a batch
    offer's servicer status, and the problems table's column names (by the
    contract's Japanese header) and kinds.

    Examples
    --------
    >>> table = pd.DataFrame({"age_band": ["40s", None], "guarantor": pd.array([True, None]),
    ...                       "employment": pd.Categorical(["self_employed", "employee"])})
    >>> japanese_values(table).astype(object).to_dict("list")
    {'age_band': ['40代', None], 'guarantor': ['あり', None], 'employment': ['自営業', '会社員']}
    >>> problems = pd.DataFrame({"row": [2], "case_id": ["A1"], "column": ["servicer"],
    ...                          "value": ["x"], "kind": ["unknown servicer"], "problem": ["..."]})
    >>> japanese_values(problems)[["column", "kind"]].values.tolist()
    [['サービサー', '登録にないサービサー']]
    """
    out = table.copy()
    problems = _PROBLEM_COLUMNS <= set(table.columns)
    for j, name in enumerate(table.columns):
        column = table.iloc[:, j]
        words = value_labels(str(name))
        if name == "servicer_status":
            words = dict(SERVICER_STATUS_JA)
        elif problems and name == "kind":  # the kind of problem, a code (issue 24)
            words = {kind: pair[0] for kind, pair in PROBLEM_KINDS.items()}
        elif problems and name == "column":
            words = {
                str(v): column_label(str(v))
                for v in column.dropna().unique()
                if str(v) in COLUMN_BY_NAME
            }
        elif not words and pd.api.types.is_bool_dtype(column.dtype):
            words = _BOOLEAN_JA
        if words:
            out.isetitem(j, _mapped(column, words))
    return out
