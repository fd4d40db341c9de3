"""Saving and loading models: round trip, metadata, refusal of tampered or foreign files."""

from __future__ import annotations

import functools
import json
import os
import zipfile
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio

from outcomes import OutcomesError, __version__
from outcomes.datasets import simulate_cases
from outcomes.models import (
    TRUSTED_TYPES,
    MonthlyAmountModel,
    RatioRegressor,
    SettlementRatioModel,
    load_model,
    read_metadata,
)
from outcomes.models._learners import LEARNERS
from outcomes.models._persist import METADATA_MEMBER, table_sha256

TODAY = "2026-06-30"


@pytest.fixture(scope="module")
def cases():
    return simulate_cases(1500, seed=31, messy=False, today=TODAY)


@pytest.fixture(scope="module")
def monthly(cases):
    return MonthlyAmountModel(as_of=TODAY, max_iter=20, cv=3).fit(cases)


def _rewrite_member(path: Path, member: str, text: str) -> None:
    """Replace one member of a zip archive (as a tamperer would)."""
    with zipfile.ZipFile(path) as zf:
        items = {name: zf.read(name) for name in zf.namelist()}
    items[member] = text.encode("utf-8")
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in items.items():
            zf.writestr(name, data)


def test_round_trip_gives_identical_predictions(tmp_path, cases, monthly):
    path = monthly.save(tmp_path / "monthly_amount.skops")
    loaded = load_model(path)
    assert type(loaded) is MonthlyAmountModel
    assert loaded.get_params() == monthly.get_params()
    a = monthly.predict_quantiles(cases, (0.05, 0.5, 0.95))
    b = loaded.predict_quantiles(cases, (0.05, 0.5, 0.95))
    np.testing.assert_array_equal(a.to_numpy(), b.to_numpy())
    np.testing.assert_array_equal(loaded.grid_, monthly.grid_)


def test_metadata_inside_the_file(tmp_path, cases, monthly):
    path = monthly.save(tmp_path / "m.skops", evaluation=None)
    meta = read_metadata(path)
    assert meta["package_version"] == __version__
    assert meta["model"] == "MonthlyAmountModel"
    assert meta["training_rows"] == monthly.n_train_
    assert meta["training_sha256"] == table_sha256(cases)
    assert meta["params"]["as_of"] == TODAY
    assert meta["saved_at"][:4].isdigit()


def test_table_sha256_tracks_values():
    a = simulate_cases(50, seed=1, messy=False, today=TODAY)
    b = a.copy()
    assert table_sha256(a) == table_sha256(b)
    b.loc[3, "residual_debt"] = b.loc[3, "residual_debt"] + 1
    assert table_sha256(a) != table_sha256(b)


@pytest.mark.parametrize("learner", LEARNERS)
def test_every_learner_saves_with_only_reviewed_types(tmp_path, learner):
    rng = np.random.default_rng(0)
    X = {"x": rng.normal(size=300), "kind": rng.choice(["a", "b", "c"], 300)}
    import pandas as pd

    X = pd.DataFrame(X)
    y = np.clip(0.3 + 0.1 * X["x"].to_numpy() + 0.05 * rng.normal(size=300), 0, 1)
    y[:15] = 0.0
    model = RatioRegressor(learner, max_iter=10, cv=3).fit(X, y)
    path = model.save(tmp_path / f"{learner}.skops")
    assert set(sio.get_untrusted_types(file=path)) <= set(TRUSTED_TYPES)
    np.testing.assert_array_equal(load_model(path).predict(X), model.predict(X))


def test_file_with_an_unexpected_type_is_refused(tmp_path, monthly):
    path = monthly.save(tmp_path / "ok.skops")
    tampered = load_model(path)
    tampered.note_ = Fraction(1, 3)  # a type nobody reviewed
    bad = tampered.save(tmp_path / "tampered.skops")
    with pytest.raises(OutcomesError, match=r"unexpected types \(fractions.Fraction\)"):
        load_model(bad)


def test_partial_wrapping_an_untrusted_function_is_refused(tmp_path, monthly):
    """functools.partial is trusted for HistGradientBoosting; what it wraps is still checked."""
    tampered = load_model(monthly.save(tmp_path / "ok.skops"))
    tampered.hook_ = functools.partial(os.system, "echo pwned")
    bad = tampered.save(tmp_path / "hook.skops")
    with pytest.raises(OutcomesError, match="unexpected types") as info:
        load_model(bad)
    assert "system" in str(info.value)


def test_incompatible_version_is_refused(tmp_path, monthly):
    path = monthly.save(tmp_path / "old.skops")
    meta = read_metadata(path)
    major, minor, *_ = __version__.split(".")
    meta["package_version"] = f"{major}.{int(minor) + 1}.0"
    _rewrite_member(path, METADATA_MEMBER, json.dumps(meta))
    with pytest.raises(OutcomesError, match="incompatible"):
        load_model(path)
    # a patch release is compatible
    meta["package_version"] = f"{major}.{minor}.99"
    _rewrite_member(path, METADATA_MEMBER, json.dumps(meta))
    assert isinstance(load_model(path), MonthlyAmountModel)


def test_model_directory_metadata_version_is_checked(tmp_path, monthly):
    path = monthly.save(tmp_path / "monthly_amount.skops")
    major, minor, *_ = __version__.split(".")
    other = f"{major}.{int(minor) + 1}.0"  # another major.minor, whatever the version is
    (tmp_path / "metadata.json").write_text(json.dumps({"package_version": other}))
    with pytest.raises(OutcomesError, match="metadata.json"):
        load_model(path)


def test_the_version_comes_from_the_source_not_from_an_install():
    """Saved models record the version; a source tree without an install must not say 0.0.0."""
    import tomllib

    from outcomes._version import __version__ as source_version

    assert __version__ == source_version != "0.0.0"
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    assert pyproject["project"]["dynamic"] == ["version"]
    attr = pyproject["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "outcomes._version.__version__"


# --------------------------------------------------------------------------
# models saved before the issue-8 rearrangement (tests/data/model-v0.1.0/README.md)
# --------------------------------------------------------------------------

V010 = Path(__file__).parents[1] / "data" / "model-v0.1.0"


def test_models_saved_before_the_move_still_load_and_predict_the_same(tmp_path, capsys):
    """A model directory written by ``outcomes fit`` of 0.1.0 before the move.

    Its class paths (``outcomes.models._settlement.SettlementRatioModel`` …) are
    written into the files; they load with today's code and predict what
    ``outcomes predict`` predicted then. (A new major.minor refuses them by
    design: regenerate the fixture then, as its README says.)
    """
    import pandas as pd

    from outcomes import read_model_dir
    from outcomes.cli import main

    saved = read_model_dir(V010 / "model")
    assert type(saved.ratio) is SettlementRatioModel
    assert type(saved.monthly) is MonthlyAmountModel
    assert saved.metadata["package_version"] == "0.1.0"
    assert saved.ratio.get_params()["cv"] is None and saved.ratio.max_iter == 10
    cases = pd.read_parquet(V010 / "cases.parquet")
    then = pd.read_csv(V010 / "predictions.csv", encoding="utf-8-sig")
    q = saved.ratio.set_params(as_of="2026-06-30").predict_quantiles(cases, (0.05, 0.5, 0.95))
    np.testing.assert_allclose(q[0.5], then["settlement_ratio_median"], rtol=1e-12)
    out = tmp_path / "now.csv"
    code = main(
        ["predict", str(V010 / "model"), str(V010 / "cases.parquet"), "-o", str(out)]
        + ["--as-of", "2026-06-30"]
    )
    assert code == 0, capsys.readouterr().err
    now = pd.read_csv(out, encoding="utf-8-sig")
    # 0.1.0 wrote *_lower/*_upper and unrounded ratios; now the level is in the
    # name (*_lower_90) and ratios are rounded to 4 decimals
    then = then.rename(columns=lambda c: f"{c}_90" if c.endswith(("_lower", "_upper")) else c)
    assert set(then.columns) <= set(now.columns) and len(now) == 60
    amounts = [c for c in then.columns if c.startswith("monthly_amount")]
    assert now[amounts].equals(then[amounts])
    ratios = [c for c in then.columns if c.startswith("settlement_ratio")]
    np.testing.assert_allclose(now[ratios].to_numpy(), then[ratios].to_numpy(), atol=5e-5)
    assert now["case_id"].tolist() == then["case_id"].tolist()


def test_not_a_model_file(tmp_path):
    junk = tmp_path / "junk.skops"
    junk.write_bytes(b"not a zip")
    with pytest.raises(OutcomesError, match="not a readable model file"):
        load_model(junk)
    with pytest.raises(OutcomesError, match="not found"):
        load_model(tmp_path / "missing.skops")
    plain = tmp_path / "plain.skops"
    sio.dump({"a": 1}, plain)  # a skops file, but not ours
    with pytest.raises(OutcomesError, match="no metadata"):
        load_model(plain)


def test_save_needs_a_fitted_model(tmp_path):
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        SettlementRatioModel().save(tmp_path / "x.skops")
