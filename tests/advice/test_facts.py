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


# --------------------------------------------------------------------------
# Issue 25: who is who among co-borrowers (N15, N16, N17), the debtor as a merchant (N4)
# --------------------------------------------------------------------------


def test_a_pair_loan_spouse_is_documented_as_a_guarantor():
    """N16: a ペアローン is two loans, each spouse the 連帯保証人 of the other's (民法457条1項
    applies), not one joint loan (連帯債務, §441): the docs must not send it to co_debtor."""
    from outcomes._advice import guarantor_notes

    assert "連帯債務者, a ペアローン" not in (LegalFacts.__doc__ or "")
    assert "連帯債務者: a ペアローン" not in (guarantor_notes.__doc__ or "")
    assert "ペアローン spouse" in LegalFacts.__doc__ and "連帯保証人" in LegalFacts.__doc__


def test_an_old_joint_debt_says_a_suit_reached_both():
    """N17: 旧民法434条 (with 附則20条2項): for joint debts from before April 2020 a suit against
    one joint debtor interrupted the other's limitation too."""
    case = {"residual_debt": 4_000_000, "creditor": "○○銀行", "sale_date": "2015-03-01"}
    table = compare_paths(
        case, guarantor=True, guarantor_kind="co_debtor", judgment="judgment",
        judgment_date="2016-06-01", contract_date="2008-01-01", as_of=AS_OF,
    )  # fmt: skip
    row = _row(table, "limitation")
    assert "旧民法434条" in row["guarantor_ja"] and "old 民法 §434" in row["guarantor"]


def test_a_guarantors_payment_is_not_the_debtors_acknowledgement():
    """N15: relative effect (a guarantor's payment does not renew the main debt's limitation;
    民法457条1項 works only from the debtor to the guarantor)."""
    table = compare_paths(NAGOYA, guarantor=True, guarantor_kind="guarantor", as_of=AS_OF)
    row = _row(table, "limitation")
    assert "保証人や親族の支払いは債務者の承認ではなく" in row["guarantor_ja"]
    assert "is not the debtor's acknowledgement" in row["guarantor"]


def test_whether_the_debtor_borrowed_as_a_merchant_is_a_fact_of_the_case():
    """N4: 商法3条1項: the debtor's side counts; an optional fact (a key of the case, or of
    LegalFacts), read in the contract's words."""
    assert LegalFacts(debtor_is_merchant="あり").debtor_is_merchant is True
    facts = LegalFacts.of({"debtor_is_merchant": "なし"}, pd.DataFrame({"creditor": ["○○銀行"]}))
    assert facts.debtor_is_merchant is False
