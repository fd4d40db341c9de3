"""The sample's negotiation log (issue 27 part 4): generated, messy, UTF-8, the sample's case ids.

``data/sample/make_sample.py`` writes ``src/outcomes/data/sample/negotiations.csv``
from ``simulate_negotiations`` on the sample's cases and ``messy_negotiations``;
``--check`` compares it with the generator, as for ``cases.csv``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from outcomes import clean_negotiations
from outcomes.datasets import SAMPLE_TODAY, sample_path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "data" / "sample" / "make_sample.py"
LOG = sample_path().with_name("negotiations.csv")


@pytest.fixture(scope="module")
def make_sample():
    spec = importlib.util.spec_from_file_location("make_sample", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cases():
    return pd.read_parquet(ROOT / "data" / "sample" / "cases_clean.parquet")


def test_bundled_log_matches_the_generator(make_sample):
    """What ``make_sample.py --check`` compares for the log (cases.csv has its own test)."""
    assert LOG.is_file(), "run data/sample/make_sample.py"
    assert LOG.read_bytes() == make_sample.log_bytes()


def test_bundled_log_is_utf8_and_messy_in_japanese():
    data = LOG.read_bytes()
    text = data.decode("utf-8")  # UTF-8, not CP932
    header = text.splitlines()[0].split(",")
    assert header[:4] == ["案件ID", "提示日", "提示者", "提案内容"]
    assert "万" in text and "一括" in text and "×" in text  # 万円 and one-cell proposals
    assert "令和" in text or "平成" in text  # era dates
    # the notes hold only the sample's fake phone numbers (never read into the clean log)
    raw = pd.read_csv(LOG, dtype=str, keep_default_na=False)
    phones = raw["備考"].str.extract(r"(0[789]0-\d{4})-\d{4}")[0].dropna()
    assert len(phones) and (phones == "090-0000").all()


def test_bundled_log_cleans_with_every_row_kept_against_the_sample_cases(cases):
    """Its case ids are the sample's; every row is kept; the garbage cells are reported."""
    raw = pd.read_csv(LOG, dtype=str, keep_default_na=False)
    log, problems = clean_negotiations(LOG, cases=cases, today=SAMPLE_TODAY)
    assert len(log) == len(raw)
    assert set(log["case_id"]) <= set(cases["case_id"])
    assert not problems["kind"].eq("unknown case").any()
    assert 0 < len(problems) < 0.1 * len(raw)
    assert log["case_id"].nunique() >= 500
