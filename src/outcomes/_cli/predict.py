"""``outcomes predict MODEL_DIR CASES -o OUT [--chunk-size N] [--as-of DATE]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from outcomes._cli import check_as_of, load_cases
from outcomes._contract import COLUMNS
from outcomes._errors import OutcomesError
from outcomes._io import iter_clean_parquet, read_model_dir

__all__ = ["PREDICT_QUANTILES", "PROGRESS_MIN_ROWS", "run"]

#: the quantiles ``predict`` writes: lower, median, upper
PREDICT_QUANTILES: tuple[float, float, float] = (0.05, 0.5, 0.95)
#: inputs with at least this many cases get a progress bar
PROGRESS_MIN_ROWS = 100_000


def predict_chunk(models: dict[str, Any], cases: pd.DataFrame) -> pd.DataFrame:
    """The prediction columns for one chunk of clean cases (yen as Int64)."""
    out = {"case_id": cases["case_id"].astype("string").to_numpy()}
    for name, model in models.items():
        if len(cases):
            q = model.predict_quantiles(cases, PREDICT_QUANTILES).to_numpy()
        else:
            q = np.zeros((0, len(PREDICT_QUANTILES)))
        cols = {"lower": q[:, 0], "median": q[:, 1], "upper": q[:, 2]}
        for part in ("median", "lower", "upper"):
            values = cols[part]
            if name == "monthly_amount":
                values = pd.array(np.round(values).astype("int64"), dtype="Int64")
            out[f"{name}_{part}"] = values
    frame = pd.DataFrame(out)
    frame["case_id"] = frame["case_id"].astype("string")
    return frame


class _Writer:
    """Writes prediction chunks to .csv or .parquet as they come."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        suffix = self.path.suffix.lower()
        if suffix not in (".csv", ".parquet"):
            raise OutcomesError(f"cannot write {path}: use a .csv or .parquet file name")
        self.kind = suffix[1:]
        self.first = True
        self.parquet: Any = None

    def write(self, frame: pd.DataFrame) -> None:
        try:
            if self.kind == "csv":
                frame.to_csv(
                    self.path,
                    mode="w" if self.first else "a",
                    header=self.first,
                    index=False,
                    encoding="utf-8-sig" if self.first else "utf-8",
                )
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                table = pa.Table.from_pandas(frame, preserve_index=False)
                if self.parquet is None:
                    self.parquet = pq.ParquetWriter(self.path, table.schema)
                self.parquet.write_table(table)
        except OSError as exc:
            raise OutcomesError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self.first = False

    def close(self) -> None:
        if self.parquet is not None:
            self.parquet.close()


def _empty_cases() -> pd.DataFrame:
    return pd.DataFrame({spec.name: pd.Series(dtype=spec.dtype) for spec in COLUMNS})


def run(args: argparse.Namespace) -> int:
    """Predict ratio and monthly amount with 90% intervals, chunk by chunk."""
    from tqdm import tqdm

    chunk_size = int(getattr(args, "chunk_size", 200_000) or 200_000)
    if chunk_size < 1:
        raise OutcomesError(f"--chunk-size must be positive, got {chunk_size}")
    models = read_model_dir(args.model).models
    as_of = check_as_of(getattr(args, "as_of", None))
    if as_of is not None:
        for model in models.values():
            model.set_params(as_of=as_of)
    writer = _Writer(args.output)  # check the output name before the work
    streamed = iter_clean_parquet(args.cases, chunk_size)
    if streamed is None:
        cases = load_cases(args.cases)
        total = len(cases)
        chunks: Iterator[pd.DataFrame] = (
            cases.iloc[i : i + chunk_size] for i in range(0, total, chunk_size)
        )
    else:
        total, chunks = streamed
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
                writer.write(predict_chunk(models, chunk))
                done += len(chunk)
                bar.update(len(chunk))
            if done == 0:
                writer.write(predict_chunk(models, _empty_cases()))
        finally:
            writer.close()
    print(f"predictions for {done:,} cases written to {args.output}")
    return 0
