"""Reading and writing what the commands share: case tables and model directories.

One loader of cases for every command (:func:`load_case_table`): a parquet
file (or a DataFrame) that already is the contract's clean table -- its
columns, dtypes that convert, and the pandera schema passes -- is used as it
is; anything else is read with :func:`~outcomes.read_cases` and cleaned with
:func:`~outcomes.clean_cases`. :func:`iter_clean_parquet` streams a large
clean parquet table in chunks under the same rule.

One reader and one writer of a model directory, as ``outcomes fit`` writes it::

    MODEL_DIR/settlement_ratio.skops   SettlementRatioModel
    MODEL_DIR/monthly_amount.skops     MonthlyAmountModel
    MODEL_DIR/acceptance.skops         AcceptanceModel (optional: fitted with a negotiation log)
    MODEL_DIR/metadata.json            version, training rows and sha256, date, evaluation,
                                       and the sha256 of each file above (``files``)

A directory is written whole and swapped in (:func:`outcomes._write.atomic_dir`);
:func:`read_model_dir` refuses one whose files do not match their recorded hashes.

Every failure on the user's input is an :class:`~outcomes.OutcomesError`
with a one-line reason.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._cleaning import PROBLEM_COLUMNS, CleanResult, case_schema, clean_cases, read_cases
from outcomes._contract import CASE_COLUMNS, COLUMNS
from outcomes._errors import LimitError, OutcomesError
from outcomes._limits import loads_json
from outcomes._privacy import holds_personal_data

__all__ = [
    "ACCEPTANCE_MODEL_FILE",
    "METADATA_FILE",
    "MODEL_FILES",
    "PROFILE_FILE",
    "TIME_MODEL_FILE",
    "CaseTable",
    "ModelDir",
    "as_clean_table",
    "check_model_output",
    "empty_problems",
    "iter_clean_parquet",
    "load_case_table",
    "read_model_dir",
    "write_model_dir",
]

#: the files of a model directory: name -> the model class it holds (by class name)
MODEL_FILES: dict[str, str] = {
    "settlement_ratio": "SettlementRatioModel",
    "monthly_amount": "MonthlyAmountModel",
}
#: the directory's own metadata
METADATA_FILE = "metadata.json"
#: optional files of a model directory (older directories lack them)
TIME_MODEL_FILE = "time_to_agreement.skops"
ACCEPTANCE_MODEL_FILE = "acceptance.skops"
PROFILE_FILE = "training_profile.json"
#: the entry of metadata.json that records each file's sha256
FILES_KEY = "files"


# --------------------------------------------------------------------------
# Case tables
# --------------------------------------------------------------------------


@dataclass
class CaseTable(CleanResult):
    """What :func:`load_case_table` returns: a :class:`~outcomes.CleanResult`.

    Unpacks as ``cases, problems``. ``already_clean`` says whether the input
    was used as it is (then ``problems`` is empty) rather than cleaned.
    """

    already_clean: bool = field(default=False)


def empty_problems() -> pd.DataFrame:
    """An empty problems table (the columns :func:`~outcomes.clean_cases` writes).

    Examples
    --------
    >>> list(empty_problems().columns)
    ['row', 'case_id', 'column', 'value', 'kind', 'problem']
    """
    return pd.DataFrame({c: pd.Series(dtype="string") for c in PROBLEM_COLUMNS})


def as_clean_table(frame: pd.DataFrame) -> pd.DataFrame | None:
    """``frame`` in the contract's column order and dtypes if it is a clean table, else None.

    A clean table has exactly the contract's columns (in any order), values
    that convert to the contract's dtypes, passes :func:`~outcomes.case_schema`
    and holds no personal data in its text columns (one written by an older
    version, or by hand, is cleaned again: issue 26).

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> clean = simulate_cases(20, seed=1, messy=False, today="2026-06-30")
    >>> as_clean_table(clean[clean.columns[::-1]]).equals(clean)
    True
    >>> as_clean_table(clean.drop(columns="age")) is None
    True
    """
    if set(frame.columns) != set(CASE_COLUMNS) or len(frame.columns) != len(CASE_COLUMNS):
        return None
    try:
        out = pd.DataFrame(
            {spec.name: frame[spec.name].astype(spec.dtype) for spec in COLUMNS}, index=frame.index
        )
    except (TypeError, ValueError):
        return None
    try:
        case_schema().validate(out)
    except Exception:  # pandera's SchemaError(s): not a clean table, so it is cleaned
        return None
    if holds_personal_data(out):  # contract §7: a clean table holds none, so it is cleaned
        return None
    return out


def _is_parquet(source: object) -> bool:
    return (
        isinstance(source, str | os.PathLike)
        and str(source).lower().endswith(".parquet")
        and Path(source).is_file()
    )


def _read_clean_parquet(path: str | os.PathLike[str]) -> pd.DataFrame | None:
    import pyarrow.parquet as pq

    try:
        names = pq.read_schema(path).names
    except Exception:  # not a readable parquet file: read_cases says why
        return None
    if set(names) != set(CASE_COLUMNS):
        return None
    try:
        frame = pd.read_parquet(path)
    except Exception:
        return None
    return as_clean_table(frame)


@check_arguments
def load_case_table(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    table: str | None = None,
    query: str | None = None,
    sheet: str | int | None = None,
    today: date | str | None = None,
    language: str = "en",
    servicers: Any = None,
) -> CaseTable:
    """The clean case table of ``source``, and its problems.

    A ``.parquet`` file, a database table or query result, or a DataFrame
    that already is the contract's clean table -- e.g. written by ``outcomes
    clean -o cases.parquet`` or ``DataFrame.to_sql`` -- is checked against
    the schema and used as it is, with an empty problems table.
    Anything else (CSV, .xlsx, a raw parquet, a database URL, a raw
    DataFrame) is read with :func:`~outcomes.read_cases` and cleaned with
    :func:`~outcomes.clean_cases`.

    Parameters
    ----------
    source : str, path-like or DataFrame
        As :func:`~outcomes.read_cases` takes it.
    table, query, sheet
        Passed to :func:`~outcomes.read_cases`.
    today : date or str, optional
        The day of cleaning (see :func:`~outcomes.clean_cases`).
    language : {"en", "ja"}, default "en"
        The language of the problems' sentences (see :func:`~outcomes.clean_cases`).
    servicers : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s) the cleaner matches against
        (see :func:`~outcomes.clean_cases`).

    Returns
    -------
    CaseTable
        Unpacks as ``cases, problems``; ``already_clean`` tells which way it went.

    Raises
    ------
    ReadError
        If the source cannot be read at all.

    Examples
    --------
    >>> from outcomes.datasets import simulate_cases
    >>> clean = simulate_cases(30, seed=2, messy=False, today="2026-06-30")
    >>> loaded = load_case_table(clean)
    >>> loaded.already_clean, loaded.cases.equals(clean), len(loaded.problems)
    (True, True, 0)
    >>> raw = simulate_cases(30, seed=2, today="2026-06-30")
    >>> cases, problems = load_case_table(raw, today="2026-06-30")
    >>> len(cases)
    30
    """
    typed: pd.DataFrame | None = None
    if isinstance(source, pd.DataFrame):
        typed = as_clean_table(source)
        name = source.attrs.get("source")
    else:
        name = str(source)
        if _is_parquet(source):
            typed = _read_clean_parquet(source)
    if typed is not None:
        return CaseTable(
            typed.reset_index(drop=True),
            empty_problems(),
            len(typed),
            source=name,
            already_clean=True,
            language=language,
        )
    raw = read_cases(source, table=table, query=query, sheet=sheet)
    if raw.attrs.get("format") == "sql":
        # a clean table written into a database (e.g. by DataFrame.to_sql) and
        # read back: used as it is, like a clean parquet file
        typed = as_clean_table(raw)
        if typed is not None:
            return CaseTable(
                typed.reset_index(drop=True),
                empty_problems(),
                len(typed),
                source=raw.attrs.get("source"),
                already_clean=True,
                language=language,
            )
    result = clean_cases(raw, today=today, language=language, servicers=servicers)
    kept = {f.name: getattr(result, f.name) for f in fields(CleanResult)}
    return CaseTable(**kept, already_clean=False)


def iter_clean_parquet(
    path: str | os.PathLike[str], chunk_size: int
) -> tuple[int, Iterator[pd.DataFrame]] | None:
    """Stream a clean parquet table in chunks (bounded memory), or None if it is not one.

    Returns the number of rows and an iterator of clean chunks; the first
    rows are checked here, each later chunk as it is read (a chunk that does
    not fit the contract raises :class:`~outcomes.OutcomesError`).
    """
    if not _is_parquet(path):
        return None
    import pyarrow.parquet as pq

    try:
        file = pq.ParquetFile(path)
    except Exception:
        return None
    if set(file.schema_arrow.names) != set(CASE_COLUMNS):
        return None
    first = next(file.iter_batches(batch_size=min(chunk_size, 1000)), None)
    if first is None or as_clean_table(first.to_pandas()) is None:
        return None

    def chunks() -> Iterator[pd.DataFrame]:
        for batch in file.iter_batches(batch_size=chunk_size):
            typed = as_clean_table(batch.to_pandas())
            if typed is None:
                raise OutcomesError(f"{path}: a part of the table does not fit the contract")
            yield typed

    return file.metadata.num_rows, chunks()


# --------------------------------------------------------------------------
# Model directories
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelDir:
    """The models of a directory written by ``outcomes fit``.

    Attributes
    ----------
    path : Path
    ratio : SettlementRatioModel
    monthly : MonthlyAmountModel
    metadata : dict
        ``metadata.json``: version, training rows and sha256, date, evaluation.
    time : TimeToAgreementModel or None
        The time-to-agreement model, where the directory has one.
    acceptance : AcceptanceModel or None
        What creditors accept, learnt from a negotiation log, where the
        directory has one.
    profile : TrainingProfile or None
        The compact profile of the training cases' features (for drift
        warnings), where the directory has one.
    """

    path: Path
    ratio: Any
    monthly: Any
    metadata: dict[str, Any]
    time: Any = None
    profile: Any = None
    acceptance: Any = None

    @property
    def models(self) -> dict[str, Any]:
        """The models by file name (``settlement_ratio``, ``monthly_amount``)."""
        return {"settlement_ratio": self.ratio, "monthly_amount": self.monthly}


def _model_classes() -> dict[str, type]:
    from outcomes import models

    return {name: getattr(models, cls) for name, cls in MODEL_FILES.items()}


#: every file a model directory may hold besides metadata.json (hashed in metadata.json)
_DIR_FILES: tuple[str, ...] = (
    *(f"{name}.skops" for name in MODEL_FILES),
    TIME_MODEL_FILE,
    PROFILE_FILE,
    ACCEPTANCE_MODEL_FILE,
)


def _check_files(directory: Path, metadata: dict[str, Any]) -> None:
    """Refuse a directory whose files are not those its metadata.json records (sha256).

    A directory written before the hashes were recorded (no ``files`` entry)
    is read as before.
    """
    from outcomes._write import check_hashes

    hashes = metadata.get(FILES_KEY)
    if hashes is None:
        return
    if not isinstance(hashes, dict) or not all(isinstance(v, str) for v in hashes.values()):
        raise OutcomesError(f"{directory / METADATA_FILE} has no readable list of file hashes")
    extra = [n for n in _DIR_FILES if n not in hashes and (directory / n).exists()]
    if extra:
        raise OutcomesError(
            f"{directory / extra[0]} is not a file of this fit (metadata.json does not list it): "
            "the directory mixes files of different fits; run `outcomes fit` again"
        )
    check_hashes(directory, hashes)


def _whole(directory: Path) -> bool:
    """Whether a left-over directory holds a whole set of models (its hashes check)."""
    try:
        metadata = loads_json((directory / METADATA_FILE).read_text(encoding="utf-8"), directory)
        _check_files(directory, metadata)
    except (OSError, ValueError, AttributeError, OutcomesError):
        return False
    return all((directory / f"{name}.skops").is_file() for name in MODEL_FILES)


def read_model_dir(path: str | os.PathLike[str]) -> ModelDir:
    """Read a model directory written by ``outcomes fit`` (or :func:`write_model_dir`).

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    ModelDir

    Raises
    ------
    OutcomesError
        If ``path`` is not a model directory (missing, a file, or lacking
        ``metadata.json`` or a model file), its files are not the ones its
        ``metadata.json`` records (sha256; directories written before the
        hashes were recorded are read without this check), or a model file
        is refused by :func:`~outcomes.load_model` (other version,
        unexpected types) or holds the wrong model.
    """
    from outcomes._write import leftovers
    from outcomes.models import load_model

    directory = Path(path)
    if not directory.exists():
        left = leftovers(directory)
        if left:  # a write or a swap interrupted: name what is there and whether it is whole
            found = ", ".join(f"{p.name} ({'whole' if _whole(p) else 'incomplete'})" for p in left)
            raise OutcomesError(
                f"model directory {directory} not found, but an interrupted `outcomes fit` "
                f"left {found} beside it: rename a whole one to {directory.name}, "
                "or run `outcomes fit` again"
            )
        raise OutcomesError(f"model directory {directory} not found; write one with `outcomes fit`")
    expected = [METADATA_FILE, *(f"{name}.skops" for name in MODEL_FILES)]
    missing = [name for name in expected if not (directory / name).is_file()]
    if not directory.is_dir() or missing:
        lacking = "" if not directory.is_dir() else f" (no {', '.join(missing)})"
        raise OutcomesError(
            f"{directory} is not a model directory{lacking}; write one with `outcomes fit`"
        )
    try:
        metadata = loads_json(
            (directory / METADATA_FILE).read_text(encoding="utf-8"), directory / METADATA_FILE
        )
    except LimitError:
        raise
    except (OSError, ValueError) as exc:
        raise OutcomesError(f"{directory / METADATA_FILE} is not readable JSON ({exc})") from None
    if not isinstance(metadata, dict):
        raise OutcomesError(f"{directory / METADATA_FILE} is not a model directory's metadata")
    _check_files(directory, metadata)
    loaded = {}
    for name, cls in _model_classes().items():
        file = directory / f"{name}.skops"
        model = load_model(file)
        if not isinstance(model, cls):
            raise OutcomesError(f"{file} holds a {type(model).__name__}, not a {cls.__name__}")
        loaded[name] = model
    time_model = None
    if (directory / TIME_MODEL_FILE).is_file():
        from outcomes.models import TimeToAgreementModel

        time_model = load_model(directory / TIME_MODEL_FILE)
        if not isinstance(time_model, TimeToAgreementModel):
            raise OutcomesError(
                f"{directory / TIME_MODEL_FILE} holds a {type(time_model).__name__}, "
                "not a TimeToAgreementModel"
            )
    acceptance = None
    if (directory / ACCEPTANCE_MODEL_FILE).is_file():
        from outcomes.models import AcceptanceModel

        acceptance = load_model(directory / ACCEPTANCE_MODEL_FILE)
        if not isinstance(acceptance, AcceptanceModel):
            raise OutcomesError(
                f"{directory / ACCEPTANCE_MODEL_FILE} holds a {type(acceptance).__name__}, "
                "not an AcceptanceModel"
            )
    profile = None
    if (directory / PROFILE_FILE).is_file():
        from outcomes.models import TrainingProfile

        try:
            profile = TrainingProfile.from_json(directory / PROFILE_FILE)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise OutcomesError(
                f"{directory / PROFILE_FILE} is not a training profile ({exc})"
            ) from None
    return ModelDir(
        directory,
        loaded["settlement_ratio"],
        loaded["monthly_amount"],
        metadata,
        time=time_model,
        profile=profile,
        acceptance=acceptance,
    )


@check_arguments
def write_model_dir(
    path: str | os.PathLike[str],
    *,
    ratio: Any,
    monthly: Any,
    cases: pd.DataFrame,
    evaluations: Mapping[str, pd.DataFrame | None] | None = None,
    source: str | None = None,
    as_of: object = None,
    cv: int | None = None,
    time: Any = None,
    acceptance: Any = None,
) -> Path:
    """Write fitted models as a model directory :func:`read_model_dir` reads.

    Parameters
    ----------
    path : str or path-like
        The directory; created if needed. It is written whole beside the old
        one (``.NAME.tmp-XXXXXXXX``) and swapped in, so a reader sees the old
        models or the new ones, never a mix, and a failed write leaves the
        old directory as it was. An existing file there is refused, and so
        is a directory holding other things but no model files; an analyst's
        own files in an old model directory are kept.
    ratio, monthly : SettlementRatioModel, MonthlyAmountModel
        Fitted models.
    cases : DataFrame
        The clean table they were trained on (its rows and sha256 are recorded).
    evaluations : mapping, optional
        ``{"settlement_ratio": table, "monthly_amount": table}`` from
        :func:`~outcomes.evaluate`, kept in the metadata.
    source, as_of, cv
        Recorded in ``metadata.json``.
    time : TimeToAgreementModel, optional
        A fitted time-to-agreement model, written as ``time_to_agreement.skops``.
        The profile of the training cases' features (``training_profile.json``,
        aggregates only) is always written, for drift warnings.
    acceptance : AcceptanceModel, optional
        Fitted on a negotiation log, written as ``acceptance.skops``.

    Returns
    -------
    Path
        The directory. Its ``metadata.json`` records the sha256 of each
        file (``files``), which :func:`read_model_dir` checks.

    Raises
    ------
    OutcomesError
        One line naming the directory and the reason when it cannot be
        written (disk full, permission denied, file too large).
    """
    from outcomes._write import atomic_dir, file_sha256
    from outcomes.models import model_metadata, package_version, table_sha256

    out = check_model_output(path)
    fitted = {"settlement_ratio": ratio, "monthly_amount": monthly}
    for name, cls in _model_classes().items():
        if not isinstance(fitted[name], cls):
            raise TypeError(f"{name} must be a {cls.__name__}, got {type(fitted[name]).__name__}")
    if time is not None:
        from outcomes.models import TimeToAgreementModel

        if not isinstance(time, TimeToAgreementModel):
            raise TypeError(f"time must be a TimeToAgreementModel, got {type(time).__name__}")
    if acceptance is not None:
        from outcomes.models import AcceptanceModel

        if not isinstance(acceptance, AcceptanceModel):
            raise TypeError(
                f"acceptance must be an AcceptanceModel, got {type(acceptance).__name__}"
            )
    evaluations = dict(evaluations or {})
    meta: dict[str, Any] = {
        "package": "outcomes",
        "package_version": package_version(),
        "created": _dt.datetime.now().isoformat(timespec="seconds"),
        "source": None if source is None else str(source),
        "training_table_rows": len(cases),
        "training_table_sha256": table_sha256(cases),
        "as_of": as_of,
        "cv": cv,
        "models": {},
    }
    # the whole directory is written beside the old one and swapped in: a reader
    # sees the old set or the new set, never a mix
    with atomic_dir(out, own=(METADATA_FILE, *_DIR_FILES)) as new:
        for name, model in fitted.items():
            file = new / f"{name}.skops"
            evaluation = evaluations.get(name)
            model.save(file, evaluation=evaluation)
            entry = model_metadata(model, evaluation)
            entry["file"] = file.name
            meta["models"][name] = entry
        if time is not None:
            time.save(new / TIME_MODEL_FILE)
            meta["models"]["time_to_agreement"] = {
                "file": TIME_MODEL_FILE,
                "as_of": str(time.as_of_),
                "n_train": int(time.n_train_),
                "n_events": int(time.n_events_),
                "n_censored": int(time.n_censored_),
            }
        if acceptance is not None:
            acceptance.save(new / ACCEPTANCE_MODEL_FILE)
            meta["models"]["acceptance"] = {
                "file": ACCEPTANCE_MODEL_FILE,
                "n_cases": int(acceptance.n_cases_),
                "n_periods": int(acceptance.n_periods_),
                "n_bounds": int(acceptance.n_bounds_),
                "log_sha256": acceptance.training_sha256_,
            }
        from outcomes.models import TrainingProfile

        TrainingProfile.from_cases(cases).to_json(new / PROFILE_FILE)
        meta["profile"] = PROFILE_FILE
        meta[FILES_KEY] = {n: file_sha256(new / n) for n in _DIR_FILES if (new / n).is_file()}
        (new / METADATA_FILE).write_text(
            json.dumps(meta, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
        )
    return out


def check_model_output(path: str | os.PathLike[str]) -> Path:
    """Refuse a place :func:`write_model_dir` must not replace (before the work).

    A file, or a directory that holds other things but no model directory's
    files (``-o .`` or ``-o ~/Documents`` is not swapped for a model
    directory), is refused in one line; a new, an empty or a model
    directory is returned as a Path.
    """
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise OutcomesError(f"{out} exists and is not a directory")
    if out.is_dir():
        try:
            names = {p.name for p in out.iterdir()}
        except OSError:
            names = set()
        if names and not names & {METADATA_FILE, *_DIR_FILES}:
            raise OutcomesError(
                f"{out} is a directory that is not a model directory (no {METADATA_FILE}): "
                "choose a new or an empty directory for the models"
            )
    return out
