"""``outcomes predict MODEL_DIR CASES|URL [--table T|--query Q] -o OUT [--chunk-size N] [--as-of DATE] [--labels ja] [--lang ja]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from outcomes._cli import (
    EXCEL_MAX_ROWS,
    check_as_of_option,
    check_output,
    column_labels,
    load_cases,
    source_options,
    write_table,
)
from outcomes._cli._outputs import check_outputs, command_inputs, run_language
from outcomes._cli._wording import cli_line
from outcomes._contract import COLUMNS
from outcomes._errors import OutcomesError
from outcomes._io import iter_clean_parquet, read_model_dir
from outcomes._write import AtomicFile, neutralise_columns, write_error

__all__ = ["PREDICT_QUANTILES", "PROGRESS_MIN_ROWS", "RATIO_DECIMALS", "prediction_columns", "run"]

#: the quantiles ``predict`` writes: lower, median, upper
PREDICT_QUANTILES: tuple[float, float, float] = (0.05, 0.5, 0.95)
#: inputs with at least this many cases get a progress bar
PROGRESS_MIN_ROWS = 100_000
#: ratios are written rounded to this many decimals (0.01%)
RATIO_DECIMALS = 4


def interval_level(quantiles: tuple[float, float, float] = PREDICT_QUANTILES) -> int:
    """The interval's level in percent, as the column names carry it.

    Examples
    --------
    >>> interval_level((0.05, 0.5, 0.95)), interval_level((0.1, 0.5, 0.9))
    (90, 80)
    """
    return round((quantiles[2] - quantiles[0]) * 100)


def prediction_columns(quantiles: tuple[float, float, float] = PREDICT_QUANTILES) -> list[str]:
    """The columns ``outcomes predict`` writes, in order.

    Each target has its median and the bounds of its interval, the level in
    the name; the settlement amount in yen (ratio x residual debt) stands
    beside the ratio.

    Examples
    --------
    >>> prediction_columns()[:4]
    ['case_id', 'settlement_ratio_median', 'settlement_ratio_lower_90', 'settlement_ratio_upper_90']
    """
    level = interval_level(quantiles)
    out = ["case_id"]
    for target in ("settlement_ratio", "settlement_amount", "monthly_amount"):
        out += [f"{target}_median", f"{target}_lower_{level}", f"{target}_upper_{level}"]
    return out


def _yen(values: np.ndarray) -> pd.arrays.IntegerArray:
    """Float yen (NaN for unknown) as whole yen, Int64."""
    mask = ~np.isfinite(values)
    whole = np.round(np.where(mask, 0.0, values)).astype("int64")
    return pd.arrays.IntegerArray(whole, mask)


def predict_chunk(models: dict[str, Any], cases: pd.DataFrame) -> pd.DataFrame:
    """The prediction columns for one chunk of clean cases.

    Ratios rounded to :data:`RATIO_DECIMALS`; yen (the settlement amount, the
    rounded ratio times ``residual_debt``, and the monthly amount) as Int64.
    """
    level = interval_level()
    parts = {"median": 1, f"lower_{level}": 0, f"upper_{level}": 2}
    out: dict[str, Any] = {"case_id": cases["case_id"].astype("string").to_numpy()}

    def quantiles(name: str) -> np.ndarray:
        if not len(cases):
            return np.zeros((0, len(PREDICT_QUANTILES)))
        return models[name].predict_quantiles(cases, PREDICT_QUANTILES).to_numpy(dtype=float)

    ratio = np.round(quantiles("settlement_ratio"), RATIO_DECIMALS)
    debt = cases["residual_debt"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    monthly = quantiles("monthly_amount")
    for part, j in parts.items():
        out[f"settlement_ratio_{part}"] = ratio[:, j]
    for part, j in parts.items():
        out[f"settlement_amount_{part}"] = _yen(ratio[:, j] * debt)
    for part, j in parts.items():
        out[f"monthly_amount_{part}"] = _yen(monthly[:, j])
    frame = pd.DataFrame(out)
    frame["case_id"] = frame["case_id"].astype("string")
    return frame


class _Writer:
    """Writes prediction chunks to .csv or .parquet as they come (.xlsx at the end).

    The chunks go to a temporary file beside the output, which replaces the
    output only at :meth:`close` (:class:`outcomes._write.AtomicFile`); on
    failure :meth:`abort` removes it and an old output is left as it was.
    """

    def __init__(self, path: str, *, labels: str = "en") -> None:
        self.path = Path(path)
        self.kind = check_output(path)[1:]
        self.labels = labels
        self.file: AtomicFile | None = None
        self.handle: Any = None
        self.parquet: Any = None
        self.sheet: list[pd.DataFrame] = []

    def write(self, frame: pd.DataFrame) -> None:
        if self.kind == "xlsx":
            self.sheet.append(frame)
            return
        if self.labels != "en":
            frame = frame.rename(columns=column_labels(frame.columns, self.labels))
        first = self.file is None
        if first:
            self.file = AtomicFile(self.path)
        assert self.file is not None
        try:
            if self.kind == "csv":
                if first:
                    self.handle = open(self.file.path, "w", encoding="utf-8-sig", newline="")
                neutralise_columns(frame).to_csv(
                    self.handle, header=first, index=False, lineterminator="\r\n"
                )
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                table = pa.Table.from_pandas(frame, preserve_index=False)
                if self.parquet is None:
                    self.parquet = pq.ParquetWriter(self.file.path, table.schema)
                self.parquet.write_table(table)
        except OSError as exc:
            self.abort()
            raise write_error(self.path, exc) from None

    def _close_handles(self) -> None:
        handle, parquet = self.handle, self.parquet
        self.handle = self.parquet = None
        try:
            if handle is not None:
                handle.close()
        finally:
            if parquet is not None:
                parquet.close()

    def close(self) -> None:
        """Finish the file and put it in place of the output."""
        if self.sheet:
            frame = pd.concat(self.sheet, ignore_index=True)
            self.sheet = []
            write_table(frame, self.path, sheet="predictions", labels=self.labels)
            return
        if self.file is None:
            return
        try:
            self._close_handles()
        except OSError as exc:
            self.abort()
            raise write_error(self.path, exc) from None
        self.file.commit()

    def abort(self) -> None:
        """Drop what was written; an old output is left as it was."""
        self.sheet = []
        with suppress(Exception):
            self._close_handles()
        if self.file is not None:
            self.file.abort()


def _empty_cases() -> pd.DataFrame:
    return pd.DataFrame({spec.name: pd.Series(dtype=spec.dtype) for spec in COLUMNS})


#: a feature with at least this share of cases outside the training data is named
DRIFT_SHARE = 0.01


def _warn_drift(profile: Any, cases: pd.DataFrame, total: int, language: str = "en") -> None:
    """Print one line on stderr when ``cases`` differ from the model's training data.

    The features in words and in ``language``; on a small file the line is a
    note that says how few cases it rests on
    (:func:`~outcomes.models.drift_message`).
    """
    if profile is None or cases.empty:
        return
    from outcomes.models import drift, drift_message, render_drift

    table = drift(profile, cases)
    few = table["share_outside"] < DRIFT_SHARE
    table = table.assign(
        share_outside=table["share_outside"].mask(few, 0.0),
        new_categories=table["new_categories"].mask(few, ""),
    )
    table = table[(table["verdict"] == "shifted") | ~few]
    line = render_drift(drift_message(table, total=total), language)
    if line:
        print(line, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Predict ratio, amount and monthly amount with 90% intervals, chunk by chunk."""
    from tqdm import tqdm

    chunk_size = int(getattr(args, "chunk_size", 200_000) or 200_000)
    if chunk_size < 1:
        raise OutcomesError(f"--chunk-size must be positive, got {chunk_size}")
    as_of = check_as_of_option(getattr(args, "as_of", None))  # the arguments before the work
    # never over an input (the cases, a file of the model directory), nor through a link
    check_outputs([("-o", args.output)], command_inputs(args.cases, args.model), run_language(args))
    model_dir = read_model_dir(args.model)
    models = model_dir.models
    if as_of is not None:
        for model in models.values():
            model.set_params(as_of=as_of)
    labels = getattr(args, "labels", None) or "en"
    language = getattr(args, "lang", None) or "en"
    writer = _Writer(args.output, labels=labels)  # check the output name before the work
    options = source_options(args)
    streamed = None if any(options.values()) else iter_clean_parquet(args.cases, chunk_size)
    if streamed is None:
        cases = load_cases(args.cases, **options, language=language)
        total = len(cases)
        chunks: Iterator[pd.DataFrame] = (
            cases.iloc[i : i + chunk_size] for i in range(0, total, chunk_size)
        )
    else:
        total, chunks = streamed
    if writer.kind == "xlsx" and total > EXCEL_MAX_ROWS:
        raise OutcomesError(
            f"cannot write {args.output}: {total:,} rows do not fit in an Excel sheet "
            f"({EXCEL_MAX_ROWS:,} at most); use .parquet or .csv"
        )
    done = 0
    with tqdm(
        total=total,
        unit="cases",
        file=sys.stderr,
        disable=total < PROGRESS_MIN_ROWS,
        desc="outcomes predict",
    ) as bar:
        try:
            for chunk in chunks:
                if done == 0:
                    _warn_drift(model_dir.profile, chunk, total, language)
                writer.write(predict_chunk(models, chunk))
                done += len(chunk)
                bar.update(len(chunk))
            if done == 0:
                writer.write(predict_chunk(models, _empty_cases()))
        except BaseException:
            writer.abort()  # an old output is left as it was
            raise
        writer.close()
    print(cli_line("predict_done", language, n=f"{done:,}", output=args.output))
    return 0
