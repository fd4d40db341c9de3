"""The ways-out rows read as a practitioner would: lump sums, 個人再生, 自己破産, enforcement, tax.

Review rows of ``shared/reviews/ways-out-review.md`` (C1, C3, P2, D1–D4, E1, E2, G1–G3, H2,
I2, I3, I7, P4); each test cites its statute, case or source. Moved from
``test_issue20.py`` (issue 24).
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from outcomes._advice import (
    compare_paths,
    render_paths,
)

AS_OF = date(2024, 6, 1)


def _row(table: pd.DataFrame, path: str) -> pd.Series:
    return table.set_index("path").loc[path]


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
# 3. Lump sums for claims a servicer only collects (C1–C3, P2)
# --------------------------------------------------------------------------


def test_a_consigned_claim_gets_no_bought_percentage_and_no_verdict():
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


def test_an_unsold_claim_has_no_data_behind_a_lump_sum():
    """C3: the rule's own source: 'unsold claims: an assumption, no data' — 不明, not 可."""
    case = {"residual_debt": 5_000_000, "creditor": "○○銀行"}
    row = _row(compare_paths(case, cash_available=500_000, as_of=AS_OF), "lump_sum")
    assert pd.isna(row["available"])
    assert not re.search(r"通常の\d", row["notes_ja"])
    assert "目安ではありません" in row["notes_ja"]
    assert "清算条項" in row["notes_ja"]  # the debt ends only if the deed says so


def test_an_unknown_role_is_said_and_not_read_as_bought():
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


# --------------------------------------------------------------------------
# 4. 個人再生 (D1–D4)
# --------------------------------------------------------------------------


def test_the_minimum_does_not_count_pre_sale_damages_twice():
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


def test_an_estimated_b_over_fifty_million_is_a_likelihood_not_a_verdict():
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


def test_the_housing_loan_clause_is_gone_after_the_sale():
    """D1: 民事再生法 §196 ff.: the 住宅資金特別条項 needs the debtor's own home."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "rehabilitation")
    assert "住宅資金特別条項" in row["notes_ja"] and "使えません" in row["notes_ja"]


def test_one_table_does_not_pass_off_two_affordability_rules():
    """D4: 民事再生法 §174(2)(ii) (履行可能性): a fifth of income is a rule of thumb, and the
    instalment row's amount is a proposal, not the most the household can pay."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "rehabilitation")
    assert "174条2項2号" in row["notes_ja"] and "目安にすぎません" in row["notes_ja"]
    assert "not the most the household can pay" in row["notes"]


# --------------------------------------------------------------------------
# 7. Bankruptcy (E1, E2)
# --------------------------------------------------------------------------


def test_recorded_cash_of_330000_or_more_makes_a_trustee_case():
    """E1: Tokyo District Court: cash of ¥330,000 or more → 管財 (hashi-law.com, M)."""
    case = {**EMPLOYEE, "servicer": None, "sale_date": date(2024, 3, 1)}
    row = _row(compare_paths(case, cash_available=400_000, as_of=AS_OF), "bankruptcy")
    assert row["extra_costs"] == 600_000
    assert "33万円以上" in row["notes_ja"] and "通常は同時廃止" not in row["notes_ja"]
    small = _row(compare_paths(case, cash_available=100_000, as_of=AS_OF), "bankruptcy")
    assert small["extra_costs"] == 320_000


def test_discharge_is_the_courts_decision_and_its_bars_are_asked():
    """E2: 破産法 §252: discharge may be refused; 「免責許可決定が確定すれば」, never flat."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "bankruptcy")
    assert "残債は免責されます" not in row["notes_ja"]
    assert "免責許可決定が確定すれば" in row["notes_ja"] and "252条1項" in row["notes_ja"]
    barred = _row(compare_paths(NAGOYA, bars_to_discharge=True, as_of=AS_OF), "bankruptcy")
    assert pd.isna(barred["available"]) and barred["extra_costs"] == 600_000


# --------------------------------------------------------------------------
# 8. Enforcement, tax and the smaller text errors (G1–G3, H2, I2, I3, I7)
# --------------------------------------------------------------------------


def test_a_title_lets_the_creditor_seize_a_quarter_of_wages():
    """G1: 民事執行法 §152: a quarter of take-home pay (more above ¥440,000) and deposits."""
    row = _row(
        compare_paths(EMPLOYEE, judgment="judgment", judgment_date=date(2017, 5, 1), as_of=AS_OF),
        "limitation",
    )
    assert "民事執行法152条" in row["notes_ja"] and "4分の1" in row["notes_ja"]


def test_a_public_pension_itself_cannot_be_seized():
    """G2: 国民年金法 §24, 厚生年金保険法 §41(1); a deposit of it can (民事執行法 §153)."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "limitation")
    assert "国民年金法24条" in row["notes_ja"] and "民事執行法153条" in row["notes_ja"]


def test_forgiveness_carries_the_tax_caveat():
    """G3: 所得税法 §44-2: forgiven debt is income unless the debtor had lost the means to pay."""
    case = {**SAITAMA, "sale_date": date(2023, 6, 30)}
    table = compare_paths(case, servicer_role="bought", cash_available=100_000, as_of=AS_OF)
    assert "所得税法44条の2" in _row(table, "lump_sum")["notes_ja"]
    assert "所得税法44条の2" in _row(table, "installment")["notes_ja"]  # 60 months, rest forgiven


def test_a_rate_above_the_cap_is_shown_capped_and_the_excess_void():
    """H2: 利息制限法 §7: 20% for a lender lending as a business; the excess is void."""
    case = {"residual_debt": 5_000_000, "creditor": "○○銀行", "sale_date": date(2023, 1, 1)}
    row = _row(compare_paths({**case, "delinquency_rate": 0.25}, as_of=AS_OF), "limitation")
    assert "年20%" in row["notes_ja"] and "年25%" not in row["notes_ja"]
    assert "無効" in row["notes_ja"] and "void" in row["notes"]


def test_damages_accrue_on_the_principal_only():
    """I7: 民法 §405 and §489: the yearly figure on the whole residual is an upper bound."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "limitation")
    assert "元金にだけ付く" in row["notes_ja"] and "principal only" in row["notes"]


def test_the_rendered_table_shows_no_false_terms_and_no_internal_file():
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


def test_a_voluntary_arrangement_says_why_it_rarely_fits_and_what_it_costs():
    """P4: the principal is not cut; 減額報酬 (日弁連 債務整理事件処理の規律を定める規程)."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "voluntary_arrangement")
    assert "減額報酬" in row["notes_ja"]
    assert "元金を減らしません" in row["notes_ja"]


# --------------------------------------------------------------------------
# Issue 25: the rest of the review's list (N14, N18, N21, I1) and its §4 wording table
# --------------------------------------------------------------------------

EMPLOYEE_RECENT = {**EMPLOYEE, "sale_date": date(2024, 1, 10), "monthly_income": 450_000}


def test_the_rehabilitation_row_says_a_dominant_creditor_can_veto_it():
    """N18: 民事再生法230条6項 (a written objection by more than half of the claims defeats a
    小規模個人再生), 241条2項7号 (給与所得者等再生: two years' disposable income)."""
    row = _row(
        compare_paths(EMPLOYEE_RECENT, servicer_role="bought", as_of=AS_OF), "rehabilitation"
    )
    assert "230条6項" in row["notes_ja"] and "§230(6)" in row["notes"]
    assert "241条2項7号" in row["notes_ja"]


def test_a_rehabilitation_that_cuts_nothing_says_so():
    """N21: 民事再生法231条2項4号: with B under ¥1M the minimum is B: nothing is cut, and the
    costs are over half the debt."""
    case = {**EMPLOYEE_RECENT, "residual_debt": 900_000, "monthly_income": 200_000}
    row = _row(compare_paths(case, as_of=AS_OF), "rehabilitation")
    assert "債務が減りません" in row["notes_ja"] and "cuts nothing" in row["notes"]


def test_the_table_says_what_a_death_leaves_to_the_heirs():
    """N14: 民法915条1項 (three months to renounce), 最判昭和59年4月27日 (from when the debt became
    known), 民法921条 (paying from the estate can be acceptance)."""
    table = compare_paths(EMPLOYEE_RECENT, as_of=AS_OF)
    ja, en = render_paths(table, "ja"), render_paths(table, "en")
    assert "相続放棄" in ja and "915条1項" in ja and "最判昭和59年4月27日" in ja
    assert "renounce" in en and "§915(1)" in en


def test_the_interest_note_says_the_same_in_both_languages():
    """§4 of the review: 「その他の通常の利率(推定)」 meant nothing and disagreed with the English
    ("bank rate assumed"); a 信用保証協会 is a 保証機関, not a 保証会社."""
    other = _row(compare_paths({**EMPLOYEE_RECENT, "creditor": "○○商事"}, as_of=AS_OF), "lump_sum")
    assert "銀行の利率を仮定" in other["notes_ja"] and "bank rate assumed" in other["notes"]
    public = {**EMPLOYEE_RECENT, "creditor": "東京信用保証協会", "servicer": None}
    row = _row(compare_paths(public, as_of=AS_OF), "lump_sum")
    assert (
        "保証機関の通常の利率" in row["notes_ja"] and "保証会社の通常の利率" not in row["notes_ja"]
    )
    assert "guarantee body" in row["notes"]


def test_the_lump_sum_range_is_not_said_twice():
    """§4 of the review: 「モデルの8割の範囲の範囲内です」."""
    from outcomes._advice.notes import note_maker
    from outcomes._advice.ways_out.lump_sum import NOTES
    from outcomes._format import Yen

    note = note_maker(NOTES)
    for span in ("lump_range_model", "lump_range_rule"):
        ja, _ = note(
            "lump_cash_within",
            cash=Yen(100_000),
            share=0.02,
            estimate=Yen(200_000),
            what=note("lump_what_model"),
            range=note(span),
        )
        assert "範囲の範囲" not in ja and ja.endswith("範囲内です")


def test_the_walk_away_is_not_labelled_a_ceiling():
    """I1: the walk-away is the 85% quantile of similar settlements, not a limit the debtor need
    not exceed: 「上限」 alone reads as one."""
    from outcomes._advice import BATCH_OFFER_LABELS_JA
    from outcomes._advice.wording import OFFER_LABELS

    assert OFFER_LABELS["ja"][2] != "上限" and "目安" in OFFER_LABELS["ja"][2]
    assert "目安" in BATCH_OFFER_LABELS_JA["walk_away"]
    assert "目安" in BATCH_OFFER_LABELS_JA["chance_walk_away"]


def test_the_instalment_proposal_is_the_debtors():
    """§4 of the review (弁護士法72条): 「分割弁済…を提案します」 had no subject and read as the firm
    proposing to the creditor; it is the debtor (or a 弁護士) who proposes."""
    from outcomes._advice.wording import say
    from outcomes._format import Yen

    plain = say("alternative_plain", "ja", lo=Yen(5_000), hi=Yen(20_000))
    assert plain.startswith("債務者(または依頼を受けた弁護士)が")
    assert say("inst_typical", "ja", monthly=Yen(10_000)).startswith("債務者が")


def test_the_rehabilitation_row_says_how_the_court_checks_the_plan():
    """D4 (still ⚠️ in the fourth review): 民事再生法174条2項2号: the court checks 履行可能性,
    usually by months of trial payments (積立); a fifth of a pensioner's income is not it."""
    row = _row(compare_paths(NAGOYA, as_of=AS_OF), "rehabilitation")
    assert "積立" in row["notes_ja"] and "trial payments" in row["notes"]
