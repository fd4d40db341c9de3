"""Saving and loading models: skops files with a reviewed list of trusted types.

A model file is a skops archive (no pickle) with one extra member,
``outcomes.json``: the metadata (package version, model class, training
rows, sha256 of the training table, date, evaluation figures). Loading

1. reads that metadata and refuses a file written by a different
   major.minor version of ``outcomes`` (and, in a model directory, the
   directory's ``metadata.json`` too);
2. lists the types the file would build and refuses any type outside
   :data:`TRUSTED_TYPES` -- the list below, reviewed by hand; nothing the
   file itself names is trusted blindly;
3. loads with exactly that list.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from outcomes._errors import OutcomesError
from outcomes._limits import check_archive, loads_json
from outcomes._write import atomic_path, write_error

__all__ = [
    "METADATA_MEMBER",
    "TRUSTED_TYPES",
    "SaveMixin",
    "load_model",
    "package_version",
    "read_metadata",
    "table_sha256",
]

#: name of the metadata member inside a model file
METADATA_MEMBER = "outcomes.json"

#: Types a model file may contain beyond what skops trusts by default.
#: Reviewed: our own estimators and plain-data helpers (numpy arrays, floats,
#: dicts inside) and the scikit-learn pieces they hold that skops does not
#: trust by default. Nothing that runs code on load. A test checks that a
#: saved model of every learner needs nothing else.
TRUSTED_TYPES: tuple[str, ...] = (
    # outcomes
    "outcomes.models._ratio.RatioRegressor",
    "outcomes.models._ratio.AmountRegressor",
    "outcomes.models._settlement.SettlementRatioModel",
    "outcomes.models._monthly.MonthlyAmountModel",
    "outcomes.models._features.TableEncoder",
    "outcomes.models._conformal.AmountGrid",
    "outcomes.models._learners.Link",
    "outcomes.models._learners.GLMLearner",
    "outcomes.models._learners.HGBLearner",
    "outcomes.models._learners.QuantileHGBLearner",
    "outcomes.models._learners.TwoStageLearner",
    "outcomes.models._learners.CombinedLearner",
    "outcomes.models._learners._Scale",
    "outcomes.models._learners.LinearGLM",
    "outcomes.models._learners._LinearGLM",  # its name in model files of 0.1
    "outcomes.models._time.TimeToAgreementModel",
    "outcomes.models._acceptance.AcceptanceModel",
    "outcomes.models._drift.TrainingProfile",
    "outcomes.models._auto.AutoLearner",
    "outcomes.models._auto.MedianLearner",
    "outcomes.models._auto.GroupMedianLearner",
    # scikit-learn: the fitted trees of HistGradientBoosting models
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    # HistGradientBoosting with categorical features keeps a FunctionTransformer
    # of ``partial(check_array, ...)``. A partial only calls the function it
    # wraps, and skops lists that function as a type of its own: a file whose
    # partial wraps anything but check_array is still refused.
    "functools.partial",
    "sklearn.utils.validation.check_array",
)


def package_version() -> str:
    """The installed ``outcomes`` version."""
    from outcomes._version import __version__

    return __version__


def _major_minor(version: str) -> tuple[str, ...]:
    return tuple(str(version).split(".")[:2])


def table_sha256(table: pd.DataFrame) -> str:
    """A sha256 of a table's columns and values (row order matters, index does not).

    Examples
    --------
    >>> a = pd.DataFrame({"x": [1, 2]})
    >>> table_sha256(a) == table_sha256(a.copy()), table_sha256(a) == table_sha256(a[::-1])
    (True, False)
    """
    h = hashlib.sha256()
    h.update("\x1f".join(map(str, table.columns)).encode())
    h.update("\x1f".join(str(t) for t in table.dtypes).encode())
    if len(table) and table.shape[1]:
        h.update(pd.util.hash_pandas_object(table, index=False).to_numpy().tobytes())
    return h.hexdigest()


def _jsonable(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        return json.loads(value.to_json(orient="index", force_ascii=False))
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def model_metadata(model: Any, evaluation: pd.DataFrame | None = None, **extra: Any) -> dict:
    """The metadata written next to a model."""
    meta = {
        "package": "outcomes",
        "package_version": package_version(),
        "model": type(model).__name__,
        "params": {k: _jsonable(v) for k, v in model.get_params(deep=False).items()},
        "training_rows": int(getattr(model, "n_train_", 0)),
        "training_sha256": getattr(model, "training_sha256_", None),
        "saved_at": _dt.datetime.now().isoformat(timespec="seconds"),
        "fitted_at": getattr(model, "fitted_at_", None),
    }
    if evaluation is not None:
        meta["evaluation"] = _jsonable(evaluation)
    meta.update(_jsonable(extra))
    return meta


class SaveMixin:
    """Adds :meth:`save` to a fitted model."""

    def save(self, path: str | Path, *, evaluation: pd.DataFrame | None = None) -> Path:
        """Write the fitted model to a skops file (metadata inside).

        Parameters
        ----------
        path : str or Path
            File to write, conventionally ``*.skops``.
        evaluation : DataFrame, optional
            Evaluation figures (e.g. from :func:`evaluate`) to keep in the metadata.

        Returns
        -------
        Path
            The file written (atomically: a failed write is one
            :class:`~outcomes.OutcomesError` line and leaves an old file whole).
        """
        import skops.io as sio
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self)
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(path, exc) from None
        meta = model_metadata(self, evaluation)
        # written beside the file and renamed over it: an old model file stays whole
        with atomic_path(path) as temp:
            sio.dump(self, temp)
            with zipfile.ZipFile(temp, "a") as zf:
                zf.writestr(METADATA_MEMBER, json.dumps(meta, ensure_ascii=False, indent=2))
        return path


def read_metadata(path: str | Path) -> dict:
    """The metadata stored in a model file."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            return loads_json(zf.read(METADATA_MEMBER), f"{path} ({METADATA_MEMBER})")
    except FileNotFoundError:
        raise OutcomesError(f"model file {path} not found") from None
    except KeyError:
        raise OutcomesError(f"{path} is not an outcomes model file (no metadata)") from None
    except (zipfile.BadZipFile, ValueError) as exc:
        raise OutcomesError(f"{path} is not a readable model file ({exc})") from None


def check_version(meta: dict, where: Path) -> None:
    """Refuse metadata written by another major.minor version of outcomes."""
    saved = str(meta.get("package_version", "unknown"))
    if _major_minor(saved) != _major_minor(package_version()):
        raise OutcomesError(
            f"{where} was saved by outcomes {saved}, incompatible with the installed "
            f"{package_version()} (major.minor differ); refit the model with this version"
        )


def load_model(path: str | Path) -> Any:
    """Load a model saved with ``model.save(path)``.

    The file is refused (:class:`~outcomes.OutcomesError`) if it was saved by
    an incompatible ``outcomes`` version (different major.minor) or holds any
    type outside the reviewed list :data:`TRUSTED_TYPES`.

    Parameters
    ----------
    path : str or Path
        A ``.skops`` file written by ``save``.

    Returns
    -------
    The model.

    Examples
    --------
    >>> import numpy as np, pandas as pd, tempfile, pathlib
    >>> from outcomes.models import RatioRegressor
    >>> X = pd.DataFrame({"x": np.arange(40.0)})
    >>> y = np.linspace(0.05, 0.6, 40)
    >>> model = RatioRegressor(max_iter=20).fit(X, y)
    >>> path = model.save(pathlib.Path(tempfile.mkdtemp()) / "ratio.skops")
    >>> np.allclose(load_model(path).predict(X), model.predict(X))
    True
    """
    import skops.io as sio

    path = Path(path)
    check_archive(path, str(path))  # a 1.5 MB file inflating to 1.5 GB: refused before skops
    meta = read_metadata(path)
    check_version(meta, path)
    sidecar = path.parent / "metadata.json"
    if sidecar.is_file():
        try:
            dir_meta = loads_json(sidecar.read_text(encoding="utf-8"), sidecar)
        except ValueError as exc:
            raise OutcomesError(f"{sidecar} is not valid JSON ({exc})") from None
        check_version(dir_meta, sidecar)
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:
        why = str(exc) or type(exc).__name__
        raise OutcomesError(f"{path} is not a readable model file ({why})") from None
    unexpected = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unexpected:
        raise OutcomesError(
            f"{path} contains unexpected types ({', '.join(unexpected)}); refusing to load it"
        )
    try:
        return sio.load(path, trusted=[t for t in untrusted if t in TRUSTED_TYPES])
    except Exception as exc:
        raise OutcomesError(f"{path} could not be loaded ({type(exc).__name__}: {exc})") from None
