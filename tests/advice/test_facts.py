"""Who else is on the debt: a joint debtor apart from a guarantor, and a guarantor after a discharge.

Review rows B2 and B3 of ``shared/reviews/ways-out-review.md``; each test cites its statute
or case. Moved from ``test_issue20.py`` (issue 24).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

import outcomes
from outcomes import clean_cases
from outcomes._advice import (
    Advisor,
    LegalFacts,
    compare_paths,
    noted_facts,
)

AS_OF = date(2024, 6, 1)


def _row(table: pd.DataFrame, path: str) -> pd.Series:
    return table.set_index("path").loc[path]


NAGOYA = {  # the article's Nagoya pensioner, a 公庫 loan
    "residual_debt": 3_200_000,
    "age": 65,
    "employment": "年金",
    "monthly_income": 140_000,
    "creditor": "公庫",
    "sale_date": date(2023, 9, 1),
}


# --------------------------------------------------------------------------
# 5. Joint debtors apart from guarantors (B2, B3)
# --------------------------------------------------------------------------


def test_a_joint_debtor_is_not_renewed_by_the_debtors_payments():
    """B3: 民法 §441 (old §440): an acknowledgement by the debtor has no effect on a 連帯債務者;
    §457(1) is for guarantors only. The header 連帯債務者 is noted and read back."""
    raw = pd.DataFrame(
        {"残債": ["580万"], "売却日": ["2023-03-01"], "連帯債務者": ["あり"], "債権者": ["○○銀行"]}
    )
    cases, problems = clean_cases(raw)
    assert list(cases.columns) == list(outcomes.clean_cases(raw)[0].columns)  # no new column
    noted = problems[problems["column"] == "guarantor"]
    assert len(noted) == 1 and noted["problem"].iloc[0].startswith("noted:")
    # the clean row alone does not tell the kind: both rules, each for its own kind
    unknown = _row(compare_paths(cases.iloc[[0]], as_of=AS_OF), "installment")
    assert (
        "a joint debtor: the debtor's payments (acknowledgements) do not renew"
        in (unknown["guarantor"])
    )
    assert "連帯債務者なら" in unknown["guarantor_ja"] and "保証人なら" in unknown["guarantor_ja"]
    # the cleaner's note, the case's own header, or the keyword: the joint debtor's rule only
    for table in (
        Advisor().paths(cases.iloc[[0]], facts=noted_facts(problems), as_of=AS_OF),
        compare_paths({"残債": "580万", "売却日": "2023-03-01", "連帯債務者": "あり"}, as_of=AS_OF),
        compare_paths(cases.iloc[[0]], guarantor_kind="連帯債務者", as_of=AS_OF),
    ):
        installment = _row(table, "installment")
        assert "457" not in installment["guarantor"] and "441" in installment["guarantor"]
        assert installment["guarantor_ja"].startswith("連帯債務者あり")
    assert LegalFacts(guarantor_kind="保証人").guarantor_kind == "guarantor"


def test_a_guarantor_loses_the_main_debts_limitation_after_the_discharge():
    """B2: 最判平成11年11月9日: once the debtor is discharged, the guarantor can no longer invoke
    the main debt's limitation."""
    row = _row(compare_paths(NAGOYA, guarantor=True, as_of=AS_OF), "bankruptcy")
    assert "最判平成11年11月9日" in row["guarantor_ja"]
    assert "no longer invoke the main debt's limitation" in row["guarantor"]
