"""Facts of the models with one home (architecture review §2.6, "the fewest cases to fit"; issue 24).

``MIN_CASES = 30`` was written in ``models/_case.py`` and ``models/_time.py``,
and the days of a month as ``365.25 / 12`` in ``_features.py`` and
``_DAYS_PER_MONTH`` in ``_time.py``: change one and the case models and the
time model disagree. The fewest cases is defined once, in
``models/_features.py`` (published as ``outcomes.models.MIN_CASES``); the days
of a month are the package's one ``outcomes._calendar.DAYS_PER_MONTH``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import outcomes.models

MODELS = Path(outcomes.models.__file__).parent


@pytest.mark.parametrize(
    ("fact", "definition", "home"),
    [
        ("MIN_CASES", re.compile(r"^\s*_?MIN_CASES\s*(?::[^=]+)?=", re.M), ["_features.py"]),
        ("DAYS_PER_MONTH", re.compile(r"365\.25\s*/\s*12|30\.4375"), []),
    ],
)
def test_a_models_fact_is_defined_once(fact, definition, home):
    homes = [
        path.name
        for path in sorted(MODELS.glob("*.py"))
        for _ in definition.finditer(path.read_text(encoding="utf-8"))
    ]
    assert homes == home, (fact, homes)


def test_the_case_models_and_the_time_model_share_the_fewest_cases():
    from outcomes.models import _case, _time

    assert _case.MIN_CASES is _time.MIN_CASES is outcomes.models.MIN_CASES == 30
    from outcomes._calendar import DAYS_PER_MONTH

    assert _time.DAYS_PER_MONTH is DAYS_PER_MONTH
