"""Issue 21 (review finding 7): the models take one case as the advice takes it.

``ratio.explain(case)`` and ``time_model.predict_survival(case, …)`` with the
same mapping ``opening_offer`` accepts raised "takes the clean case table (a
DataFrame), got dict".
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from outcomes import case_from_mapping
from outcomes._errors import OutcomesError
from outcomes.datasets import simulate_cases
from outcomes.models import SettlementRatioModel, TimeToAgreementModel

TODAY = "2026-06-30"
CASE = {  # as an analyst types it: text amounts, a 令和 date, Japanese codes
    "residual_debt": "580万円",
    "creditor": "〇〇保証株式会社",
    "servicer": "SMBC債権回収株式会社",
    "employment": "会社員",
    "age": 45,
    "sale_date": "R6.1.31",
}
CASE_JA = {"残債": "580万円", "債権者": "〇〇保証株式会社", "サービサー": "ＳＭＢＣ債権回収",
           "職業": "会社員", "年齢": "45歳", "売却日": "令和6年1月31日"}  # fmt: skip


@pytest.fixture(scope="module")
def fitted():
    with threadpool_limits(1):
        past = simulate_cases(1200, seed=5, messy=False, today=TODAY)
        ratio = SettlementRatioModel(as_of=TODAY, max_iter=30).fit(past)
        time_model = TimeToAgreementModel().fit(past)
    return ratio, time_model


@pytest.mark.parametrize("case", [CASE, CASE_JA, pd.Series(CASE)], ids=["dict", "ja", "series"])
def test_a_model_takes_one_case_as_opening_offer_does(fitted, case):
    ratio, time_model = fitted
    row = case_from_mapping(CASE)
    expected = ratio.explain(row)
    pd.testing.assert_frame_equal(ratio.explain(case), expected)
    np.testing.assert_allclose(
        ratio.predict_quantiles(case, [0.5]), ratio.predict_quantiles(row, [0.5])
    )
    np.testing.assert_allclose(ratio.predict_mean(case), ratio.predict_mean(row))
    survival = time_model.predict_survival(case, months=(6, 12), conditional_after=14)
    pd.testing.assert_frame_equal(
        survival, time_model.predict_survival(row, months=(6, 12), conditional_after=14)
    )
    assert survival.shape == (1, 2) and ((survival > 0) & (survival <= 1)).all(axis=None)


def test_a_clean_row_of_the_table_is_taken_as_it_is(fitted):
    ratio, _ = fitted
    cases = simulate_cases(20, seed=9, messy=False, today=TODAY)
    one = ratio.explain(cases.iloc[3])  # a Series of the clean table
    pd.testing.assert_frame_equal(one, ratio.explain(cases.iloc[[3]]).reset_index(drop=True))


def test_a_case_with_a_bad_key_or_value_is_one_clear_line(fitted):
    ratio, _ = fitted
    with pytest.raises(OutcomesError, match="monthly_incom → monthly_income"):
        ratio.explain({**CASE, "monthly_incom": 250_000})
    with pytest.raises(OutcomesError, match="takes the clean case table .* or one case") as info:
        ratio.explain([CASE])
    assert "case_from_mapping" in str(info.value)


def test_importing_the_models_does_not_load_the_cleaner():
    code = (
        "import sys, outcomes.models\n"
        "from outcomes.models import SettlementRatioModel, TimeToAgreementModel, drift\n"
        "import outcomes.models._features\n"
        "assert not [m for m in sys.modules if m.startswith('outcomes._cleaning')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
