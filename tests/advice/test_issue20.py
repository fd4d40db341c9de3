"""Issue 20: the law right for every creditor history, one test per review row.

The rows are those of ``shared/reviews/ways-out-review.md`` (A2–A7, B2, B3, C1–C3, D1–D4,
E1, E2, G1–G3, H2, I1–I3, I7, L11, P2, P4, P10, P11); each test cites its statute, case
or source and fails on the code as it was at the start of the branch (01c1bd9).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import outcomes
from outcomes import clean_cases
from outcomes._advice import (
    ESTIMATE_NOTICE,
    Advisor,
    LegalFacts,
    batch_offers,
    compare_paths,
    noted_facts,
    opening_offer,
    render_paths,
)
from outcomes._advice.basis import index_past_cases, similar_basis
from outcomes._law import limitation_date
from outcomes.datasets import simulate_cases
from outcomes.models import SettlementRatioModel

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2024, 6, 1)
TODAY = "2026-06-30"


def _row(table: pd.DataFrame, path: str) -> pd.Series:
    return table.set_index("path").loc[path]


@pytest.fixture(scope="module")
def past() -> pd.DataFrame:
    # smaller than the other advice tests' past cases (tests/advice/conftest.py): enough here
    return simulate_cases(1500, seed=1, messy=False, today=TODAY)


@pytest.fixture(scope="module")
def ratio_model(past) -> SettlementRatioModel:
    return SettlementRatioModel(as_of=TODAY, max_iter=30).fit(past)


CONSIGNED = {  # the review's C2 case: a bank's claim, collected by みずほ債権回収 on consignment
    "residual_debt": 5_800_000,
    "creditor": "○○銀行",
    "servicer": "みずほ債権回収",
    "servicer_role": "受託",
    "employment": "会社員",
    "monthly_income": 250_000,
    "sale_date": "2025-06-30",
}
SAITAMA = {  # the article's Saitama case, its servicer's role not recorded
    "residual_debt": 5_800_000,
    "creditor": "〇〇保証株式会社",
    "servicer": "SMBC債権回収",
    "employment": "会社員",
    "monthly_income": 250_000,
    "sale_date": "2025-06-30",
}
NAGOYA = {  # the article's Nagoya pensioner, a 公庫 loan
    "residual_debt": 3_200_000,
    "age": 65,
    "employment": "年金",
    "monthly_income": 140_000,
    "creditor": "公庫",
    "sale_date": date(2023, 9, 1),
}
EMPLOYEE = {
    "residual_debt": 5_800_000,
    "employment": "会社員",
    "monthly_income": 250_000,
    "creditor": "○○銀行",
    "servicer": "SMBC債権回収",
    "sale_date": date(2016, 3, 1),
}


# --------------------------------------------------------------------------
# 1. The limitation follows the originator (A2), not whoever holds the claim now
# --------------------------------------------------------------------------


def test_a2_the_buyer_recorded_as_creditor_does_not_decide_the_period():
    """A2: assignment keeps the claim's period (民法 §466; domain.md): with a servicer recorded
    as the creditor the originator is unknown, so both dates, and never 援用 on the 5-year guess.

    The review's call: SMBC債権回収株式会社, contract 2005, sale 2018-03-01, as of 2024-06-01.
    """
    case = {
        "residual_debt": 5_800_000,
        "employment": "会社員",
        "monthly_income": 250_000,
        "sale_date": date(2018, 3, 1),
        "creditor": "SMBC債権回収株式会社",
    }
    kwargs = {"servicer_role": "bought", "contract_date": date(2005, 4, 1), "as_of": AS_OF}
    row = _row(compare_paths(case, **kwargs), "limitation")
    assert row["available"] is not True and pd.isna(row["available"])  # 不明, not 可
    assert "5 years (a merchant originator" not in row["notes"]
    assert "2023-03-01 with 5 years, 2028-03-01 with 10" in row["notes"]
    assert "is a servicer, not the lender" in row["notes"]
    assert "サービサー" in row["notes_ja"] and "元の貸主ではありません" in row["notes_ja"]
    # an analyst who knows the originator gets the firm answer
    shinkin = _row(compare_paths(case, originator="○○信用金庫", **kwargs), "limitation")
    assert shinkin["available"] is False or not shinkin["available"]  # 10 years: 2028
    assert "10 years (the originator is not a merchant" in shinkin["notes"]
    bank = _row(compare_paths(case, originator="bank", **kwargs), "limitation")
    assert bool(bank["available"]) and "complete since 2023-03-02" in bank["notes"]


# --------------------------------------------------------------------------
# 2. A court settlement sends the clock back (L11, A7), and the period text (A3, A6)
# --------------------------------------------------------------------------


def test_a7_l11_a_court_settlement_is_not_shown_as_ten_years_from_it():
    """A7/L11: 民法 §147(2), §169(2): a court settlement's instalments run the claim's own
    period from their own due dates; a default_date after it is the day the benefit of time
    under it was lost."""
    kwargs = {"judgment": "court_settlement", "judgment_date": date(2017, 5, 1), "as_of": AS_OF}
    row = _row(compare_paths(EMPLOYEE, **kwargs), "limitation")
    assert "2027-05-01" not in row["notes"]  # not the 10-year date as the completion
    assert "§169(2)" in row["notes"] and "169条2項" in row["notes_ja"]
    assert pd.isna(row["available"])  # the due date decides: not known
    lost = _row(compare_paths(EMPLOYEE, default_date=date(2018, 6, 30), **kwargs), "limitation")
    assert "completes at the end of 2023-06-30" not in lost["notes"]  # 5 years from 2018-06-30
    assert "complete since 2023-07-01" in lost["notes"]
    assert bool(lost["available"])
    assert "10 years from it (to 2027-05-01)" in lost["notes"]  # a part due at it, if any


def test_a6_the_period_text_agrees_with_the_judgment_date():
    """A6: 民法 §169(1): a judgment gives 10 years; the row must not say 5 (a merchant) beside it."""
    row = _row(
        compare_paths(EMPLOYEE, judgment="judgment", judgment_date=date(2017, 5, 1), as_of=AS_OF),
        "limitation",
    )
    assert "2027-05-01" in row["notes"]
    assert "5年(" not in row["notes_ja"] and "5 years (" not in row["notes"]
    assert "判決の確定から10年(民法169条1項)" in row["notes_ja"]


@pytest.mark.parametrize("title", ["judgment", "payment_order", "court_settlement"])
def test_a6_a_title_without_its_date_is_never_called_complete(title):
    """A6/A7: 民法 §169: a title gives 10 years from it (a settlement's instalments their own
    period from their due dates); without its date the limitation cannot be called complete."""
    case = {**EMPLOYEE, "servicer": None}
    row = _row(compare_paths(case, judgment=title, as_of=AS_OF), "limitation")
    assert pd.isna(row["available"])
    assert "日付がありません" in row["notes_ja"]


def test_a3_a_contract_under_the_new_civil_code_has_a_known_period():
    """A3: 民法 §166(1): contracts from 2020-04-01 run 5 years whatever the creditor."""
    case = {
        "residual_debt": 5_800_000,
        "creditor": "住宅金融支援機構",
        "sale_date": date(2023, 3, 1),
    }
    row = _row(
        compare_paths(case, contract_date=date(2020, 6, 1), as_of=date(2028, 6, 1)), "limitation"
    )
    assert "期間は不明" not in row["notes_ja"] and "period not known" not in row["notes"]
    assert "民法166条1項1号" in row["notes_ja"]
    assert bool(row["available"])


def test_a5_a_payment_after_completion_sends_to_a_lawyer():
    """A5: 大阪高判平成27年3月6日 allowed 援用 after a payment the collector induced; the row
    says so instead of "can no longer be invoked"."""
    r = limitation_date(
        contract_date=date(2008, 1, 1),
        subrogated_on=date(2015, 3, 1),
        creditor_is_merchant=True,
        acknowledged_on=[date(2022, 1, 10)],
    )
    row = _row(compare_paths(EMPLOYEE, limitation=r, as_of=AS_OF), "limitation")
    assert "大阪高判平成27年3月6日" in row["notes_ja"] and "弁護士" in row["notes_ja"]
    assert "2022-01-10" in row["notes"]
    complete = _row(compare_paths(EMPLOYEE, as_of=AS_OF), "limitation")
    assert "認められた例があります" in complete["notes_ja"]  # the note before paying, too


# --------------------------------------------------------------------------
# 3. Lump sums for claims a servicer only collects (C1–C3, P2)
# --------------------------------------------------------------------------


def test_c1_a_consigned_claim_gets_no_bought_percentage_and_no_verdict():
    """C1: consigned collectors follow the creditor's rules and rarely forgive (domain.md; MoJ
    2017): not 可 on the bought-claim rule, and no assumption called 通常."""
    case = {"residual_debt": 5_800_000, "creditor": "○○銀行", "servicer": "みずほ債権回収"}
    row = _row(
        compare_paths(case, servicer_role="consigned", cash_available=600_000, as_of=AS_OF),
        "lump_sum",
    )
    assert pd.isna(row["available"]) and pd.isna(row["total_to_pay"])
    assert not re.search(r"通常の\d", row["notes_ja"]) and "usual ¥" not in row["notes"]
    assert "債権者自身の基準" in row["notes_ja"]


def test_c3_an_unsold_claim_has_no_data_behind_a_lump_sum():
    """C3: the rule's own source: 'unsold claims: an assumption, no data' — 不明, not 可."""
    case = {"residual_debt": 5_000_000, "creditor": "○○銀行"}
    row = _row(compare_paths(case, cash_available=500_000, as_of=AS_OF), "lump_sum")
    assert pd.isna(row["available"])
    assert not re.search(r"通常の\d", row["notes_ja"])
    assert "目安ではありません" in row["notes_ja"]
    assert "清算条項" in row["notes_ja"]  # the debt ends only if the deed says so


def test_p2_an_unknown_role_is_said_and_not_read_as_bought():
    """P2: the role unknown → 不明; the rule is the article's, not 'similar past settlements'."""
    case = {**SAITAMA, "sale_date": date(2023, 6, 30)}
    row = _row(compare_paths(case, cash_available=100_000, as_of=AS_OF), "lump_sum")
    assert pd.isna(row["available"])
    assert "similar past settlements" not in row["notes"]
    assert "only if the servicer bought" in row["notes"]
    bought = _row(
        compare_paths(case, servicer_role="bought", cash_available=100_000, as_of=AS_OF),
        "lump_sum",
    )
    assert bool(bought["available"]) and bought["total_to_pay"] == 100_000


def test_c2_a_consigned_offer_is_warned_first(ratio_model, past):
    """C2: a consigned collector rarely forgives (domain.md, M): the offer puts the warning
    first, as for JHF, and says the past cases cannot be narrowed to consigned claims (the
    synthetic data records no servicer_role)."""
    for language, word in (("ja", "委託"), ("en", "consignment")):
        offer = opening_offer(
            ratio_model,
            CONSIGNED,
            cash_available=300_000,
            past_cases=past,
            as_of=TODAY,
            language=language,
        )
        assert offer.warnings and word in offer.warnings[0]
        assert offer.reasons[0] == offer.warnings[0]
        assert offer.alternative is not None  # instalments, the realistic way
    assert any("委託回収の事例だけに絞れません" in r for r in opening_offer(
        ratio_model, CONSIGNED, cash_available=300_000, past_cases=past, as_of=TODAY
    ).reasons)  # fmt: skip
    bought = opening_offer(
        ratio_model, {**CONSIGNED, "servicer_role": "譲受"}, past_cases=past, as_of=TODAY
    )
    assert not any("委託" in w for w in bought.warnings)


def test_c2_batch_offers_warn_a_consigned_claim_first(ratio_model, past):
    """C2 in the batch path: the same warning an offer puts first (domain.md: consigned
    collectors rarely forgive), before the servicer's own."""
    cases = past.head(6).copy()
    cases["servicer"] = pd.array(["みずほ債権回収"] * 6, dtype=past["servicer"].dtype)
    cases["creditor_type"] = pd.array(["bank"] * 6, dtype=past["creditor_type"].dtype)
    roles = ["consigned", "bought", None, "consigned", None, None]
    cases["servicer_role"] = pd.array(roles, dtype=past["servicer_role"].dtype)
    # still open (a resolved case is skipped with its own reason, issue 21)
    cases["resolution"] = pd.array(["pending"] * 6, dtype=past["resolution"].dtype)
    table = batch_offers(ratio_model, cases, as_of=TODAY, language="ja")
    warned = table["warnings"].str.startswith("注意: みずほ債権回収は回収の委託").tolist()
    assert warned == [True, False, False, True, False, False]


def test_c2_the_basis_keeps_to_the_same_role_when_past_cases_record_it(past):
    """C2: past lump sums with servicer_role: a consigned claim's basis is consigned cases."""
    with_roles = past.copy()
    held = with_roles["servicer"].notna()
    roles = pd.Series([None] * len(past), dtype="object")
    roles[held.to_numpy()] = ["consigned" if i % 2 else "bought" for i in range(int(held.sum()))]
    with_roles["servicer_role"] = pd.array(roles, dtype=past["servicer_role"].dtype)
    history = index_past_cases(with_roles)
    assert history.knows_roles and not index_past_cases(past).knows_roles
    basis = similar_basis(history, "bank", "みずほ債権回収", 5, "ja", role="consigned")
    assert ("servicer_role", "consigned") in basis.filters
    assert "回収の委託" in basis.group


# --------------------------------------------------------------------------
# 4. 個人再生 (D1–D4)
# --------------------------------------------------------------------------


def test_d2_the_minimum_does_not_count_pre_sale_damages_twice():
    """D2: 民法 §489, 民事再生法 §84(2): B ≈ ¥7,090,301, minimum ¥1,418,061 (the review's call)."""
    case = {
        "residual_debt": 5_800_000,
        "creditor": "○○保証株式会社",
        "servicer": "SMBC債権回収",
        "sale_date": date(2023, 3, 1),
    }
    row = _row(compare_paths(case, default_date=date(2021, 6, 1), as_of=AS_OF), "rehabilitation")
    assert row["total_to_pay"] == 1_418_061
    assert "¥7,090,301" in row["notes"] and "民法489条" in row["notes_ja"]


def test_d3_an_estimated_b_over_fifty_million_is_a_likelihood_not_a_verdict():
    """D3: 民事再生法 §231(2)(ii): the residual alone is under ¥50M; the B over it is an estimate."""
    case = {
        "residual_debt": 45_000_000,
        "creditor": "○○保証株式会社",
        "sale_date": date(2023, 3, 1),
    }
    row = _row(compare_paths(case, default_date=date(2021, 1, 1), as_of=AS_OF), "rehabilitation")
    assert pd.isna(row["available"])
    assert "使えません" not in row["notes_ja"] and "見込み" in row["notes_ja"]
    given = _row(compare_paths(case, unsecured_debt=55_000_000, as_of=AS_OF), "rehabilitation")
    assert given["available"] is False or not given["available"]


def test_d1_the_housing_loan_clause_is_gone_after_the_sale():
    """D1: 民事再生法 §196 ff.: the 住宅資金特別条項 needs the debtor's own home."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "rehabilitation")
    assert "住宅資金特別条項" in row["notes_ja"] and "使えません" in row["notes_ja"]


def test_d4_one_table_does_not_pass_off_two_affordability_rules():
    """D4: 民事再生法 §174(2)(ii) (履行可能性): a fifth of income is a rule of thumb, and the
    instalment row's amount is a proposal, not the most the household can pay."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "rehabilitation")
    assert "174条2項2号" in row["notes_ja"] and "目安にすぎません" in row["notes_ja"]
    assert "not the most the household can pay" in row["notes"]


# --------------------------------------------------------------------------
# 5. Joint debtors apart from guarantors (B2, B3)
# --------------------------------------------------------------------------


def test_b3_a_joint_debtor_is_not_renewed_by_the_debtors_payments():
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


def test_b2_a_guarantor_loses_the_main_debts_limitation_after_the_discharge():
    """B2: 最判平成11年11月9日: once the debtor is discharged, the guarantor can no longer invoke
    the main debt's limitation."""
    row = _row(compare_paths(NAGOYA, guarantor=True, as_of=AS_OF), "bankruptcy")
    assert "最判平成11年11月9日" in row["guarantor_ja"]
    assert "no longer invoke the main debt's limitation" in row["guarantor"]


# --------------------------------------------------------------------------
# 6. The Japanese of the offer (P11, P10, I1) and the notice
# --------------------------------------------------------------------------


def test_p11_the_offer_says_what_the_share_is_and_nothing_else(ratio_model, past):
    """P11: the figure is the share of similar past settlements at or below the amount, not a
    chance that this creditor accepts (what Offer.acceptance computes)."""
    offer = opening_offer(
        ratio_model, SAITAMA, cash_available=100_000, past_cases=past, as_of=TODAY
    )
    text = "".join(offer.reasons)
    assert "応じてもらえる見込み" not in text
    assert "似た過去の和解でこの額以下だった割合は約" in text
    notebook = (ROOT / "notebooks" / "04-opening-offer.ipynb").read_text(encoding="utf-8")
    assert "受け入れられる見込み" not in notebook and "How likely" not in notebook
    doc = outcomes.opening_offer.__doc__
    assert "not the chance that this creditor accepts" in doc


def test_p10_i1_the_offer_scripts_no_negotiation_and_promises_nothing(ratio_model, past):
    """P10/I1: 弁護士法 §72: the firm is not a law office. No 「交渉できます」「上げられます」,
    no 「必要はなく」 (the walk-away is a quantile, not a legal ceiling)."""
    for cash in (300_000, 2_000_000):
        for language in ("ja", "en"):
            offer = opening_offer(
                ratio_model,
                SAITAMA,
                cash_available=cash,
                past_cases=past,
                as_of=TODAY,
                language=language,
            )
            text = " ".join(offer.reasons)
            for phrase in ("交渉できます", "上げられます", "必要はなく", "no need to pay"):
                assert phrase not in text, (cash, phrase)
    assert "鑑定" in ESTIMATE_NOTICE["ja"] and "時効" in ESTIMATE_NOTICE["ja"]
    assert "legal assessments" in ESTIMATE_NOTICE["en"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = readme.split("\n\n")[2]
    assert "negotiation" not in first.replace("negotiating with a creditor", "")


# --------------------------------------------------------------------------
# 7. Bankruptcy (E1, E2)
# --------------------------------------------------------------------------


def test_e1_recorded_cash_of_330000_or_more_makes_a_trustee_case():
    """E1: Tokyo District Court: cash of ¥330,000 or more → 管財 (hashi-law.com, M)."""
    case = {**EMPLOYEE, "servicer": None, "sale_date": date(2024, 3, 1)}
    row = _row(compare_paths(case, cash_available=400_000, as_of=AS_OF), "bankruptcy")
    assert row["extra_costs"] == 600_000
    assert "33万円以上" in row["notes_ja"] and "通常は同時廃止" not in row["notes_ja"]
    small = _row(compare_paths(case, cash_available=100_000, as_of=AS_OF), "bankruptcy")
    assert small["extra_costs"] == 320_000


def test_e2_discharge_is_the_courts_decision_and_its_bars_are_asked():
    """E2: 破産法 §252: discharge may be refused; 「免責許可決定が確定すれば」, never flat."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "bankruptcy")
    assert "残債は免責されます" not in row["notes_ja"]
    assert "免責許可決定が確定すれば" in row["notes_ja"] and "252条1項" in row["notes_ja"]
    barred = _row(compare_paths(NAGOYA, bars_to_discharge=True, as_of=AS_OF), "bankruptcy")
    assert pd.isna(barred["available"]) and barred["extra_costs"] == 600_000


# --------------------------------------------------------------------------
# 8. Enforcement, tax and the smaller text errors (G1–G3, H2, I2, I3, I7)
# --------------------------------------------------------------------------


def test_g1_a_title_lets_the_creditor_seize_a_quarter_of_wages():
    """G1: 民事執行法 §152: a quarter of take-home pay (more above ¥440,000) and deposits."""
    row = _row(
        compare_paths(EMPLOYEE, judgment="judgment", judgment_date=date(2017, 5, 1), as_of=AS_OF),
        "limitation",
    )
    assert "民事執行法152条" in row["notes_ja"] and "4分の1" in row["notes_ja"]


def test_g2_a_public_pension_itself_cannot_be_seized():
    """G2: 国民年金法 §24, 厚生年金保険法 §41(1); a deposit of it can (民事執行法 §153)."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "limitation")
    assert "国民年金法24条" in row["notes_ja"] and "民事執行法153条" in row["notes_ja"]


def test_g3_forgiveness_carries_the_tax_caveat():
    """G3: 所得税法 §44-2: forgiven debt is income unless the debtor had lost the means to pay."""
    case = {**SAITAMA, "sale_date": date(2023, 6, 30)}
    table = compare_paths(case, servicer_role="bought", cash_available=100_000, as_of=AS_OF)
    assert "所得税法44条の2" in _row(table, "lump_sum")["notes_ja"]
    assert "所得税法44条の2" in _row(table, "installment")["notes_ja"]  # 60 months, rest forgiven


def test_h2_a_rate_above_the_cap_is_shown_capped_and_the_excess_void():
    """H2: 利息制限法 §7: 20% for a lender lending as a business; the excess is void."""
    case = {"residual_debt": 5_000_000, "creditor": "○○銀行", "sale_date": date(2023, 1, 1)}
    row = _row(compare_paths({**case, "delinquency_rate": 0.25}, as_of=AS_OF), "limitation")
    assert "年20%" in row["notes_ja"] and "年25%" not in row["notes_ja"]
    assert "無効" in row["notes_ja"] and "void" in row["notes"]


def test_i7_damages_accrue_on_the_principal_only():
    """I7: 民法 §405 and §489: the yearly figure on the whole residual is an upper bound."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "limitation")
    assert "元金にだけ付く" in row["notes_ja"] and "principal only" in row["notes"]


def test_i2_i3_the_rendered_table_shows_no_false_terms_and_no_internal_file():
    """I2, I3: 「期限なし」 only for open-ended instalments; 「—」 for one-off or unavailable paths;
    sources named by their address, never an internal file."""
    table = compare_paths({**NAGOYA, "servicer": "住宅債権管理回収機構"}, as_of=AS_OF)
    text = render_paths(table, "ja")
    rows = {line.split()[0]: line for line in text.splitlines()[1:7]}
    assert "期限なし" not in rows["時効援用"] and "期限なし" in rows["分割弁済"]
    assert "0か月" not in rows["一括和解"] and "0か月" not in rows["自己破産"]
    assert "domain.md" not in text and "domain.md" not in render_paths(table, "en")
    assert "信頼できる二次資料" not in text
    assert re.search(r"住宅金融支援機構の運用: \S+\.\S+", text)


def test_p4_a_voluntary_arrangement_says_why_it_rarely_fits_and_what_it_costs():
    """P4: the principal is not cut; 減額報酬 (日弁連 債務整理事件処理の規律を定める規程)."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "voluntary_arrangement")
    assert "減額報酬" in row["notes_ja"]
    assert "元金を減らしません" in row["notes_ja"]


def _cli_offer(tmp_path, ratio_model, past, header: str) -> str:
    """What ``outcomes offer`` prints for the consigned case with ``header``: あり."""
    from outcomes._io import write_model_dir
    from outcomes.cli import main
    from outcomes.models import MonthlyAmountModel

    monthly = MonthlyAmountModel(as_of=TODAY, max_iter=10).fit(past)
    models = write_model_dir(tmp_path / "model", ratio=ratio_model, monthly=monthly, cases=past)
    case = tmp_path / "case.json"
    case.write_text(json.dumps({**CONSIGNED, header: "あり"}, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["offer", "--model", str(models), "--case", str(case), "--as-of", TODAY])
    assert code == 0
    return out.getvalue()


def test_the_cli_reads_the_joint_debtor_header_back(tmp_path, ratio_model, past):
    """B3 through ``outcomes offer``: the JSON header 連帯債務者 reaches the ways out (§441)."""
    text = _cli_offer(tmp_path, ratio_model, past, "連帯債務者")
    assert "連帯債務者あり" in text and "保証人なら" not in text
    assert text.index("注意: みずほ債権回収は回収の委託") < text.index("一括和解の提示案")


def test_the_cli_reads_the_guarantor_header_back(tmp_path, ratio_model, past):
    """B3 the other way: a JSON header 連帯保証人 is a guarantor (民法457条1項), not "either"."""
    text = _cli_offer(tmp_path, ratio_model, past, "連帯保証人")
    assert "保証人あり" in text and "民法457条1項" in text
    assert "どちらかは不明" not in text and "連帯債務者なら" not in text and "441条" not in text
