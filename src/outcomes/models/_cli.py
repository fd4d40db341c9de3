"""``outcomes fit`` and ``outcomes predict``.

The model directory::

    MODEL_DIR/settlement_ratio.skops   SettlementRatioModel
    MODEL_DIR/monthly_amount.skops     MonthlyAmountModel
    MODEL_DIR/metadata.json            version, training rows and sha256, date, evaluation
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from outcomes._contract import CASE_COLUMNS, COLUMNS
from outcomes._errors import OutcomesError
from outcomes.models._evaluate import evaluate
from outcomes.models._monthly import MonthlyAmountModel
from outcomes.models._persist import (
    load_model,
    model_metadata,
    package_version,
    table_sha256,
)
from outcomes.models._settlement import SettlementRatioModel

__all__ = ["MODEL_FILES", "load_cases", "load_model_dir", "run_fit", "run_predict"]

#: file name of each model in a model directory
MODEL_FILES: dict[str, type] = {
    "settlement_ratio": SettlementRatioModel,
    "monthly_amount": MonthlyAmountModel,
}
METADATA_FILE = "metadata.json"
#: the quantiles ``predict`` writes: lower, median, upper
PREDICT_QUANTILES: tuple[float, float, float] = (0.05, 0.5, 0.95)
#: inputs with at least this many cases get a progress bar
PROGRESS_MIN_ROWS = 100_000


# --------------------------------------------------------------------------
# Reading cases: a clean table as it is, anything else through the cleaner
# --------------------------------------------------------------------------


def _typed(frame: pd.DataFrame) -> pd.DataFrame | None:
    """The frame in the contract's dtypes, or None if it is not a clean table."""
    if list(frame.columns) != list(CASE_COLUMNS) and set(frame.columns) != set(CASE_COLUMNS):
        return None
    frame = frame[list(CASE_COLUMNS)]
    try:
        out = pd.DataFrame(
            {spec.name: frame[spec.name].astype(spec.dtype) for spec in COLUMNS}, index=frame.index
        )
    except (TypeError, ValueError):
        return None
    from outcomes._schema import case_schema

    try:
        case_schema().validate(out)
    except Exception:
        return None
    return out


def load_cases(path: str) -> pd.DataFrame:
    """The clean case table from ``path``.

    A ``.parquet`` file holding exactly the contract's columns in valid
    dtypes (e.g. written by ``outcomes clean -o cases.parquet``) is used as
    it is; anything else is read with :func:`outcomes.read_cases` and
    cleaned with :func:`outcomes.clean_cases` (the number of problems is
    printed on stderr).
    """
    if str(path).lower().endswith(".parquet") and Path(path).is_file():
        try:
            frame = pd.read_parquet(path)
        except Exception:
            frame = None
        if frame is not None:
            typed = _typed(frame)
            if typed is not None:
                return typed.reset_index(drop=True)
    from outcomes._clean import clean_cases
    from outcomes._read import read_cases

    raw = read_cases(path)
    cases, problems = clean_cases(raw)
    print(
        f"cleaned {path}: {len(cases):,} cases, {len(problems):,} problem(s) "
        "(run `outcomes clean` for the report)",
        file=sys.stderr,
    )
    return cases


def _clean_chunks(path: str, chunk_size: int) -> tuple[int, Iterator[pd.DataFrame]] | None:
    """Stream a clean parquet table in chunks (bounded memory), or None if not clean."""
    if not str(path).lower().endswith(".parquet") or not Path(path).is_file():
        return None
    import pyarrow.parquet as pq

    try:
        file = pq.ParquetFile(path)
    except Exception:
        return None
    if set(file.schema_arrow.names) != set(CASE_COLUMNS):
        return None
    first = next(file.iter_batches(batch_size=min(chunk_size, 1000)), None)
    if first is None or _typed(first.to_pandas()) is None:
        return None

    def chunks() -> Iterator[pd.DataFrame]:
        for batch in file.iter_batches(batch_size=chunk_size):
            typed = _typed(batch.to_pandas())
            if typed is None:
                raise OutcomesError(f"{path}: a part of the table does not fit the contract")
            yield typed

    return file.metadata.num_rows, chunks()


# --------------------------------------------------------------------------
# fit
# --------------------------------------------------------------------------


def _format_evaluation(table: pd.DataFrame) -> str:
    shown = table.copy()
    if table.attrs.get("target") == "monthly_amount":
        for col in ("MAE", "RMSE", "width"):
            shown[col] = shown[col].map("{:,.0f}".format)
        shown["pinball"] = shown["pinball"].map("{:,.1f}".format)
    else:
        for col in ("MAE", "RMSE", "width"):
            shown[col] = shown[col].map("{:.4f}".format)
        shown["pinball"] = shown["pinball"].map("{:.5f}".format)
    shown["coverage"] = shown["coverage"].map("{:.1%}".format)
    return shown.to_string()


def run_fit(args: Any) -> int:
    """``outcomes fit CASES -o MODEL_DIR [--cv 5] [--as-of DATE]``."""
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise OutcomesError(f"{out} exists and is not a directory")
    cv = int(getattr(args, "cv", 5) or 5)
    as_of = getattr(args, "as_of", None)
    if as_of is not None:
        from outcomes.models._features import as_of_timestamp

        as_of_timestamp(as_of)  # refuse a bad date before any work
    cases = load_cases(args.cases)
    fitted: dict[str, tuple[Any, pd.DataFrame]] = {}
    for name, cls in MODEL_FILES.items():
        model = cls(as_of=as_of)
        evaluation = evaluate(model, cases, cv=cv)
        model.fit(cases)
        fitted[name] = (model, evaluation)
        print(
            f"{cls.__name__}: {model.n_train_:,} training cases "
            f"({cls.resolution} with a {cls.target}); {cv}-fold evaluation:"
        )
        print(_format_evaluation(evaluation))
        print()
    out.mkdir(parents=True, exist_ok=True)
    meta: dict[str, Any] = {
        "package": "outcomes",
        "package_version": package_version(),
        "created": _dt.datetime.now().isoformat(timespec="seconds"),
        "source": str(args.cases),
        "training_table_rows": len(cases),
        "training_table_sha256": table_sha256(cases),
        "as_of": as_of,
        "cv": cv,
        "models": {},
    }
    for name, (model, evaluation) in fitted.items():
        file = out / f"{name}.skops"
        model.save(file, evaluation=evaluation)
        entry = model_metadata(model, evaluation)
        entry["file"] = file.name
        meta["models"][name] = entry
    (out / METADATA_FILE).write_text(
        json.dumps(meta, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
    )
    print(
        f"models written to {out}/ ({', '.join(f'{n}.skops' for n in MODEL_FILES)}, {METADATA_FILE})"
    )
    return 0


# --------------------------------------------------------------------------
# predict
# --------------------------------------------------------------------------


def load_model_dir(directory: str | Path) -> dict[str, Any]:
    """The models of a directory written by ``outcomes fit``, by target."""
    directory = Path(directory)
    if not directory.is_dir():
        raise OutcomesError(f"model directory {directory} not found; run `outcomes fit` first")
    if not (directory / METADATA_FILE).is_file():
        raise OutcomesError(f"{directory} lacks {METADATA_FILE}; is it a model directory?")
    models = {}
    for name, cls in MODEL_FILES.items():
        file = directory / f"{name}.skops"
        if not file.is_file():
            raise OutcomesError(f"{directory} lacks {file.name}; run `outcomes fit` again")
        model = load_model(file)
        if not isinstance(model, cls):
            raise OutcomesError(f"{file} holds a {type(model).__name__}, not a {cls.__name__}")
        models[name] = model
    return models


def _predict_chunk(models: dict[str, Any], cases: pd.DataFrame) -> pd.DataFrame:
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


def run_predict(args: Any) -> int:
    """``outcomes predict MODEL_DIR CASES -o OUT [--chunk-size N] [--as-of DATE]``."""
    from tqdm import tqdm

    chunk_size = int(getattr(args, "chunk_size", 200_000) or 200_000)
    if chunk_size < 1:
        raise OutcomesError(f"--chunk-size must be positive, got {chunk_size}")
    models = load_model_dir(args.model)
    as_of = getattr(args, "as_of", None)
    if as_of is not None:
        from outcomes.models._features import as_of_timestamp

        as_of_timestamp(as_of)
        for model in models.values():
            model.set_params(as_of=as_of)
    writer = _Writer(args.output)  # check the output name before the work
    streamed = _clean_chunks(args.cases, chunk_size)
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
                writer.write(_predict_chunk(models, chunk))
                done += len(chunk)
                bar.update(len(chunk))
            if done == 0:
                writer.write(_predict_chunk(models, _empty_cases()))
        finally:
            writer.close()
    print(f"predictions for {done:,} cases written to {args.output}")
    return 0


def _empty_cases() -> pd.DataFrame:
    return pd.DataFrame({spec.name: pd.Series(dtype=spec.dtype) for spec in COLUMNS})
