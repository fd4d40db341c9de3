"""Synthetic case records with a known truth.

Everything here is made up. :func:`simulate_cases` draws households, loans,
creditors, servicers and outcomes from the documented model in
:data:`TRUE_PARAMS` and returns them either as the clean table of the
contract (``messy=False``) or as the raw Japanese export an analyst would
hand over (``messy=True``): Japanese headers, amounts in ten spellings, era
dates, unreadable cells, duplicate rows, fake personal data in the wrong
column. Row ``i`` of both describes the same case, so a cleaner can be
tested against the truth, and :func:`true_quantile` gives the exact
conditional quantiles of the two modelled outcomes (the settlement ratio
and the monthly instalment), so a model's intervals can be checked too.

Where each kind lives (the private modules of this package):

- ``_truth.py`` — :data:`TRUE_PARAMS`, the documented parameters of the true model;
- ``_simulate.py`` — the true model: households, loans, outcomes, and
  :func:`true_quantile`;
- ``_messy.py`` — the renderer that writes the clean cases as a messy export;
- ``_messy_negotiations.py`` — :func:`messy_negotiations`: a clean negotiation
  log written the messy way (CP932-ready text, era dates, 万円, one-cell
  proposals, garbage cells), with the truth kept;
- ``_personal.py`` — :func:`personal_corpus`: personal strings in everyday forms and
  real company names, labelled, to measure the personal-data screen;
- ``_time.py`` — :func:`simulate_time_to_agreement`: times to agreement with a
  known survival law (:func:`true_survival`), for the time-to-agreement model;
- ``_negotiations.py`` — :func:`simulate_negotiations`: negotiation logs
  (case-records §9) against a known creditor floor (:func:`true_acceptance`,
  :func:`true_floor_quantile`), for the acceptance model.

This module is their public face, with the bundled sample export
(``outcomes/data/sample/cases.csv``, read with :mod:`importlib.resources`).

Examples
--------
>>> from outcomes.datasets import simulate_cases, true_quantile
>>> clean = simulate_cases(200, seed=1, messy=False, today="2026-06-30")
>>> clean.shape  # the contract's columns, the optional ones empty
(200, 25)
>>> raw = simulate_cases(200, seed=1, today="2026-06-30")
>>> len(raw) >= 200 and bool((raw.dtypes == "str").all())
True
"""

from __future__ import annotations

import atexit
import contextlib
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np
import pandas as pd

from outcomes._arguments import check_arguments
from outcomes._errors import OutcomesError
from outcomes.datasets._messy import render_messy
from outcomes.datasets._messy_negotiations import MessyLog, messy_negotiations
from outcomes.datasets._negotiations import (
    LOG_COLUMNS,
    NEGOTIATION_PARAMS,
    NEGOTIATION_VARIANT,
    NegotiationParams,
    Negotiations,
    simulate_negotiations,
    true_acceptance,
    true_floor_quantile,
)
from outcomes.datasets._personal import personal_corpus
from outcomes.datasets._simulate import as_today, clean_frame, simulate_truth, true_quantile
from outcomes.datasets._time import simulate_time_to_agreement, true_survival
from outcomes.datasets._truth import TRUE_PARAMS, TrueParams

__all__ = [
    "LOG_COLUMNS",
    "MessyLog",
    "NEGOTIATION_PARAMS",
    "NEGOTIATION_VARIANT",
    "NegotiationParams",
    "Negotiations",
    "SAMPLE_N",
    "SAMPLE_SEED",
    "SAMPLE_TODAY",
    "TRUE_PARAMS",
    "TrueParams",
    "load_sample",
    "messy_negotiations",
    "personal_corpus",
    "sample_path",
    "simulate_cases",
    "simulate_negotiations",
    "simulate_time_to_agreement",
    "true_acceptance",
    "true_floor_quantile",
    "true_quantile",
    "true_survival",
    "write_export",
]

#: rows, seed and export day of the bundled sample ``outcomes/data/sample/cases.csv``
SAMPLE_N = 1500
SAMPLE_SEED = 20260630
SAMPLE_TODAY = "2026-06-30"

#: where the bundled sample lives inside the package
SAMPLE_RESOURCE = ("data", "sample", "cases.csv")


@check_arguments
def simulate_cases(
    n: int = 1000,
    seed: int | None = 0,
    *,
    messy: bool = True,
    today: date | str | None = None,
    return_planted: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Simulate residual-debt cases with a known truth.

    Parameters
    ----------
    n : int, default 1000
        Number of cases.
    seed : int or None, default 0
        Seed of the random generator; the same ``(n, seed, today)`` always
        gives the same cases and, with ``messy=True``, the same export.
    messy : bool, default True
        ``False``: the clean table of the contract (columns
        ``_contract.CASE_COLUMNS``, their dtypes). ``True``: the same cases
        as a raw Japanese export, every cell a ``str`` as a CSV gives it,
        with the messy forms the contract accepts, a few bad cells, fake
        personal data, columns outside the contract, and a few duplicate
        rows appended after the ``n`` case rows.
    today : date or str, optional
        The day of the export: no sale or agreement after it, pending cases
        are those not agreed by then. Default: the current date (pass it to
        get reproducible output).
    return_planted : bool, default False
        With ``messy=True``, also return the table of planted cells:
        ``row`` (spreadsheet row, header = 1), ``case_id`` (clean),
        ``column`` (canonical name, or the header of a column outside the
        contract), ``header``, ``value`` (as written), ``kind``, ``lossy``
        (the cleaned cell cannot equal the truth) and ``reported`` (the
        contract wants a row in the problems table). Derived fields
        (``age_band``, ``creditor_type``, ``settlement_ratio``) follow their
        sources and are not listed.

    Returns
    -------
    DataFrame, or (DataFrame, DataFrame) with ``return_planted``
        Row ``i < n`` of the messy export is row ``i`` of the clean table.
        The clean table is the truth: the latent value of every cell, also
        where the export lost it.

    Examples
    --------
    >>> clean = simulate_cases(300, seed=3, messy=False, today="2026-06-30")
    >>> list(clean.columns[:4])
    ['case_id', 'sale_date', 'agreement_date', 'age']
    >>> clean["residual_debt"].dtype, clean["resolution"].dtype.name
    (Int64Dtype(), 'category')
    >>> lump = clean[clean["resolution"] == "lump_sum"]
    >>> bool(((lump["lump_sum"] / lump["residual_debt"]) == lump["settlement_ratio"]).all())
    True
    >>> raw, planted = simulate_cases(300, seed=3, today="2026-06-30", return_planted=True)
    >>> raw.iloc[:300, 0].str.strip().tolist() == clean["case_id"].tolist()
    True
    >>> sorted(set(planted["kind"]))[:3]
    ['approximate', ...]
    """
    n = int(n)
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    day = as_today(today)
    truth_seq, messy_seq = np.random.SeedSequence(seed).spawn(2)
    t = simulate_truth(n, np.random.default_rng(truth_seq), day)
    if not messy:
        if return_planted:
            raise ValueError("return_planted needs messy=True")
        return clean_frame(t, n)
    raw, planted = render_messy(t, n, np.random.default_rng(messy_seq), day)
    return (raw, planted) if return_planted else raw


# --------------------------------------------------------------------------
# The bundled sample
# --------------------------------------------------------------------------


def _sample_resource() -> Traversable:
    resource = resources.files("outcomes")
    for part in SAMPLE_RESOURCE:
        resource = resource / part
    if not resource.is_file():
        raise OutcomesError(
            "the bundled sample outcomes/data/sample/cases.csv is missing from this "
            "installation; reinstall outcomes"
        )
    return resource


_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def sample_path() -> Path:
    """The file of the bundled synthetic sample export (1,500 made-up cases, CP932).

    Inside an installed package it is the file itself; from a zipped
    installation it is a copy kept until the interpreter exits.

    Returns
    -------
    Path

    Examples
    --------
    >>> sample_path().name
    'cases.csv'
    """
    resource = _sample_resource()
    if isinstance(resource, Path):
        return resource
    return _extracted.enter_context(resources.as_file(resource))  # pragma: no cover - zipped


def _export_bytes(raw: pd.DataFrame) -> bytes:
    """The export as Excel on Windows saves a CSV: CP932, CRLF between records.

    The half-width yen sign has no CP932 code of its own, so it is written
    as the full-width ``￥`` (which the contract accepts too).
    """
    out = raw.copy()
    for header in out.columns:
        if out[header].str.contains("¥", regex=False).any():
            out[header] = out[header].str.replace("¥", "￥", regex=False)
    return out.to_csv(index=False, lineterminator="\r\n").encode("cp932")


def write_export(raw: pd.DataFrame, path: str | Path) -> Path:
    """Write a raw export as Excel on Windows saves a CSV (CP932, CRLF).

    Parameters
    ----------
    raw : DataFrame
        A messy export from :func:`simulate_cases`.
    path : str or Path
        Where to write; parent folders are created.

    Returns
    -------
    Path
        The file written.
    """
    from outcomes._write import write_bytes

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, _export_bytes(raw))
    return path


def load_sample() -> pd.DataFrame:
    """The bundled synthetic sample export, read by :func:`outcomes.read_cases`.

    ``outcomes/data/sample/cases.csv`` inside the package (1,500 synthetic
    cases, CP932, made by ``data/sample/make_sample.py`` from
    ``simulate_cases(SAMPLE_N, SAMPLE_SEED, today=SAMPLE_TODAY)``).

    Returns
    -------
    DataFrame
        The raw table as ``read_cases`` returns it, ready for ``clean_cases``.

    Examples
    --------
    >>> raw = load_sample()
    >>> len(raw) > SAMPLE_N, raw.attrs["source"].endswith("cases.csv")
    (True, True)
    """
    from outcomes._cleaning import read_cases

    with resources.as_file(_sample_resource()) as path:
        return read_cases(path)
