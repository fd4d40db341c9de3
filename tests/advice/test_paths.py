"""compare_paths: the ways out of one case side by side."""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd
import pytest

import outcomes
from outcomes._advice import compare_paths, render_paths
from outcomes._advice.paths import PATH_COLUMNS
from outcomes._advice.ways_out import WAYS_OUT
from outcomes._contract import CASE_COLUMNS
from outcomes._errors import CaseError, CaseTypeError
from outcomes._law import limitation_date

# --------------------------------------------------------------------------
# compare_paths
# --------------------------------------------------------------------------

AS_OF = date(2024, 6, 1)

SAITAMA = {  # 40s employee, ¥5.8M, servicer, accepted ¥100,000
    "residual_debt": 5_800_000,
    "age": 45,
    "prefecture": "埼玉県",
    "employment": "employee",
    "creditor": "○○銀行",
    "servicer": "SMBC債権回収",
    "sale_date": date(2023, 4, 28),
}
SAKAI = {  # 50s self-employed, ¥7.8M, agreed ¥10,000 × 5 years
    "residual_debt": 7_800_000,
    "age": 55,
    "prefecture": "大阪府",
    "employment": "self_employed",
    "creditor": "○○信用保証",
    "sale_date": date(2023, 2, 10),
}
NAGOYA = {  # 60s pensioner ¥140,000/month, 公庫 ¥3.2M, ¥5,000 open-ended
    "residual_debt": 3_200_000,
    "age": 65,
    "prefecture": "愛知県",
    "employment": "年金",
    "monthly_income": 140_000,
    "creditor": "公庫",
    "sale_date": date(2023, 9, 1),
}


def _by_path(table: pd.DataFrame) -> pd.DataFrame:
    return table.set_index("path")


def test_compare_paths_shape_and_dtypes():
    table = compare_paths(SAITAMA, as_of=AS_OF)
    assert list(table.columns) == list(PATH_COLUMNS)
    assert table["path"].tolist() == [
        "lump_sum",
        "installment",
        "voluntary_arrangement",
        "rehabilitation",
        "bankruptcy",
        "limitation",
    ]
    assert table["label_ja"].tolist() == [
        "一括和解",
        "分割弁済",
        "任意整理",
        "個人再生",
        "自己破産",
        "時効援用",
    ]
    assert str(table["available"].dtype) == "boolean"  # NA = not known (issue 20)
    for col in ("total_to_pay", "monthly", "months", "extra_costs"):
        assert str(table[col].dtype) == "Int64", col
    assert table["notes"].str.len().min() > 0
    assert table["credit_record"].str.contains("CIC/JICC").all()
    assert "KSC" in _by_path(table).loc["rehabilitation", "credit_record"]
    assert "KSC" in _by_path(table).loc["bankruptcy", "credit_record"]


def test_compare_paths_saitama():
    t = _by_path(compare_paths(SAITAMA, cash_available=100_000, as_of=AS_OF))
    # the servicer accepted ¥100,000 (1.7%): within the rule's range, which holds only if it
    # bought the claim; its role is not recorded, so whether it is possible is not known
    assert pd.isna(t.loc["lump_sum", "available"])
    assert t.loc["lump_sum", "total_to_pay"] == 100_000
    assert "no model" in t.loc["lump_sum", "notes"]
    assert t.loc["rehabilitation", "total_to_pay"] == 1_160_000
    assert t.loc["rehabilitation", "months"] == 36
    assert t.loc["rehabilitation", "monthly"] == 32_223  # ceil(1,160,000 / 36)
    assert t.loc["bankruptcy", "total_to_pay"] == 0
    assert t.loc["bankruptcy", "extra_costs"] < 500_000  # employee: 同時廃止
    assert not t.loc["limitation", "available"]  # sold a year ago
    assert "2028-04-28" in t.loc["limitation", "notes"]  # 5 years: bank
    # the servicer's role is not recorded: no forgiveness assumed
    assert pd.isna(t.loc["installment", "months"])
    assert t.loc["installment", "total_to_pay"] == 5_800_000
    # a servicer that bought the claim: fixed 60 months, the rest forgiven if agreed
    bought = _by_path(compare_paths({**SAITAMA, "servicer_role": "bought"}, as_of=AS_OF))
    assert bought.loc["lump_sum", "available"]
    assert bought.loc["installment", "months"] == 60
    assert bought.loc["installment", "total_to_pay"] == bought.loc["installment", "monthly"] * 60
    # every payable path pays less than the residual, the open path nothing
    assert (t["total_to_pay"].dropna() <= 5_800_000).all()


def test_compare_paths_saitama_cash_too_small_or_plenty():
    small = _by_path(compare_paths(SAITAMA, cash_available=50_000, as_of=AS_OF))
    assert not small.loc["lump_sum", "available"]
    plenty = _by_path(compare_paths(SAITAMA, cash_available=1_000_000, as_of=AS_OF))
    assert plenty.loc["lump_sum", "total_to_pay"] == 290_000  # the usual 5%, not all the cash
    unknown = _by_path(compare_paths(SAITAMA, as_of=AS_OF))
    assert pd.isna(unknown.loc["lump_sum", "available"])  # the servicer's role is not recorded
    assert unknown.loc["lump_sum", "total_to_pay"] == 290_000


def test_compare_paths_sakai():
    t = _by_path(compare_paths(SAKAI, budget=10_000, as_of=AS_OF))
    assert t.loc["installment", "monthly"] == 10_000
    assert pd.isna(t.loc["installment", "months"])  # a guarantee company: open-ended
    assert t.loc["rehabilitation", "total_to_pay"] == 1_560_000
    # ¥1.56M needs ¥26,000 a month even over 5 years: above a ¥10,000 budget
    assert t.loc["rehabilitation", "months"] == 60
    assert not t.loc["rehabilitation", "available"]
    assert not t.loc["voluntary_arrangement", "available"]
    assert t.loc["bankruptcy", "extra_costs"] >= 500_000  # self-employed: 管財事件
    # once a servicer holds it: ¥10,000 × 60 = ¥600,000 (7.7%), as in the article
    sold = _by_path(
        compare_paths(
            {**SAKAI, "servicer": "みずほ債権回収"},
            servicer_role="bought",
            budget=10_000,
            as_of=AS_OF,
        )
    )
    assert sold.loc["installment", "total_to_pay"] == 600_000
    assert sold.loc["installment", "months"] == 60


def test_compare_paths_nagoya():
    t = _by_path(compare_paths(NAGOYA, as_of=AS_OF))
    assert not t.loc["lump_sum", "available"]  # JHF does not forgive
    assert "JHF" in t.loc["lump_sum", "notes"]
    assert t.loc["installment", "available"]
    assert t.loc["installment", "monthly"] == 5_000
    assert pd.isna(t.loc["installment", "months"])
    assert t.loc["installment", "total_to_pay"] == 3_200_000  # still owed in full
    assert t.loc["rehabilitation", "total_to_pay"] == 1_000_000
    assert "pension" in t.loc["rehabilitation", "notes"]
    # ¥53,334 a month is beyond a ¥140,000 pension
    assert not t.loc["voluntary_arrangement", "available"]
    assert "2033-09-01" in t.loc["limitation", "notes"]  # JHF: 10 years assumed


def test_compare_paths_limitation_available_when_old():
    old = {**SAITAMA, "sale_date": date(2016, 3, 1)}
    t = _by_path(compare_paths(old, as_of=AS_OF))
    assert t.loc["limitation", "available"]
    assert t.loc["limitation", "total_to_pay"] == 0
    assert "援用" in t.loc["limitation", "notes"]
    # a payment plan still running keeps restarting the clock
    paying = {**old, "resolution": "分割", "agreement_date": date(2016, 9, 1)}
    assert not _by_path(compare_paths(paying, as_of=AS_OF)).loc["limitation", "available"]


def test_compare_paths_uses_a_given_limitation():
    r = limitation_date(
        contract_date=date(2012, 4, 1), subrogated_on=date(2019, 7, 31), creditor_is_merchant=True
    )
    before = _by_path(compare_paths(SAITAMA, as_of=date(2024, 7, 31), limitation=r))
    after = _by_path(compare_paths(SAITAMA, as_of=date(2024, 8, 1), limitation=r))
    assert not before.loc["limitation", "available"]
    assert after.loc["limitation", "available"]


def test_compare_paths_over_50m_and_unemployed():
    big = _by_path(compare_paths({"residual_debt": 60_000_000}, as_of=AS_OF))
    assert not big.loc["rehabilitation", "available"]
    assert pd.isna(big.loc["rehabilitation", "total_to_pay"])
    assert "¥50,000,000" in big.loc["rehabilitation", "notes"]
    jobless = _by_path(compare_paths({**SAITAMA, "employment": "無職"}, as_of=AS_OF))
    assert not jobless.loc["rehabilitation", "available"]


def test_compare_paths_budget_sets_the_shortest_term():
    case = {"residual_debt": 1_800_000, "creditor": "○○銀行"}
    t36 = _by_path(compare_paths(case, budget=50_000, as_of=AS_OF))
    assert t36.loc["voluntary_arrangement", "months"] == 36
    assert t36.loc["voluntary_arrangement", "monthly"] == 50_000
    t45 = _by_path(compare_paths(case, budget=40_000, as_of=AS_OF))
    assert t45.loc["voluntary_arrangement", "months"] == 45
    assert t45.loc["voluntary_arrangement", "available"]


def test_compare_paths_needs_a_residual_and_is_deterministic():
    with pytest.raises(CaseError, match="residual_debt"):
        compare_paths({"creditor": "○○銀行"}, as_of=AS_OF)
    a = compare_paths(SAKAI, budget=10_000, as_of=AS_OF)
    b = compare_paths(pd.Series(SAKAI), budget=10_000, as_of=AS_OF)
    pd.testing.assert_frame_equal(a, b)


class _RecordingModel:
    """A fitted-model double: fixed predictions, records the frames it is given."""

    def __init__(self, value, quantiles):
        self.value, self.quantiles, self.seen = value, quantiles, []

    def predict(self, cases):
        self.seen.append(cases)
        return np.full(len(cases), self.value)

    def predict_quantiles(self, cases, quantiles):
        return np.array([[self.quantiles[q] for q in quantiles]] * len(cases))


def test_compare_paths_uses_the_models():
    ratio = _RecordingModel(0.03, {0.1: 0.01, 0.9: 0.08})
    monthly = _RecordingModel(12_345.4, {0.1: 8_000, 0.9: 20_000})
    t = _by_path(compare_paths(SAITAMA, ratio_model=ratio, monthly_model=monthly, as_of=AS_OF))
    assert t.loc["lump_sum", "total_to_pay"] == 174_000  # 3% of ¥5.8M
    assert "model" in t.loc["lump_sum", "notes"] and "1.0%–8.0%" in t.loc["lump_sum", "notes"]
    assert t.loc["installment", "monthly"] == 12_345
    assert "¥8,000–¥20,000" in t.loc["installment", "notes"]
    # the models were asked about this case, as a clean one-row frame, per path
    assert ratio.seen[0]["resolution"].tolist() == ["lump_sum"]
    assert monthly.seen[0]["resolution"].tolist() == ["installment"]
    assert list(ratio.seen[0].columns) == list(CASE_COLUMNS)
    assert ratio.seen[0]["residual_debt"].iloc[0] == 5_800_000


def test_public_names():
    assert outcomes.compare_paths is compare_paths


def test_one_record_per_way_out():
    assert [w.code for w in WAYS_OUT] == compare_paths(SAITAMA, as_of=AS_OF)["path"].tolist()
    table = compare_paths(SAITAMA, as_of=AS_OF).set_index("path")
    for way in WAYS_OUT:
        assert table.loc[way.code, "label_ja"] == way.label_ja
        assert table.loc[way.code, "credit_record"] == way.credit_record
    # the usual costs are the record's, unless the case changes them
    assert table.loc["voluntary_arrangement", "extra_costs"] == WAYS_OUT[2].extra_costs


@pytest.mark.parametrize("cash", [100000.5, float("nan"), True])  # 100000.0: whole (N14)
def test_compare_paths_refuses_cash_that_is_not_whole_yen(cash):
    with pytest.raises(CaseTypeError, match="cash_available must be whole yen") as info:
        compare_paths(SAITAMA, cash_available=cash, as_of=AS_OF)
    assert isinstance(info.value, ValueError)


def test_compare_paths_bad_as_of_and_budget_are_case_errors():
    with pytest.raises(CaseError, match="as_of must be a date"):
        compare_paths(SAITAMA, as_of="someday")
    with pytest.raises(CaseError, match="budget must be 0 or more"):
        compare_paths(SAITAMA, budget=-1, as_of=AS_OF)


def test_compare_paths_old_budget_keyword_still_works_with_a_future_warning():
    new = compare_paths(SAKAI, budget=10_000, as_of=AS_OF)
    with pytest.warns(FutureWarning, match="monthly_budget= is now called budget="):
        old = compare_paths(SAKAI, monthly_budget=10_000, as_of=AS_OF)
    pd.testing.assert_frame_equal(old, new)
    with pytest.raises(CaseError, match="give budget= only"):
        compare_paths(SAKAI, budget=1, monthly_budget=1, as_of=AS_OF)


# --------------------------------------------------------------------------
# issue 11: one test per finding, each resting on a statute or source
# --------------------------------------------------------------------------

NAGOYA_JHF = {  # the article's Nagoya pensioner, with her JHF collector recorded
    "residual_debt": 3_200_000,
    "employment": "年金",
    "monthly_income": 140_000,
    "creditor": "公庫",
    "servicer": "住宅債権管理回収機構",
    "sale_date": date(2023, 9, 1),
}


def test_nagoya_pensioner_with_jhf_collector_gets_no_forgiveness():
    """JHF consigns collection to four servicers and does not sell (domain.md, M; MoJ 2017, H).

    The article's Nagoya case: ¥3.2M 公庫 loan, pension ¥140,000, ¥5,000 a month open-ended.
    """
    t = _by_path(compare_paths(NAGOYA_JHF, as_of=AS_OF))
    assert "forgiven at the end" not in t.loc["installment", "notes"]
    assert pd.isna(t.loc["installment", "months"])
    assert t.loc["installment", "total_to_pay"] == 3_200_000
    assert t.loc["installment", "monthly"] == 5_000
    assert not t.loc["lump_sum", "available"]
    assert "consignment" in t.loc["installment", "notes"]


def test_servicer_with_unknown_role_is_not_read_as_sold():
    """MoJ 2017 survey (H): 0.65M claims bought vs 11.41M consigned; the role belongs to the case."""
    case = {**SAKAI, "servicer": "みずほ債権回収"}
    t = _by_path(compare_paths(case, budget=10_000, as_of=AS_OF))
    assert pd.isna(t.loc["installment", "months"])
    assert t.loc["installment", "total_to_pay"] == 7_800_000
    assert "role unknown" in t.loc["lump_sum", "notes"]
    consigned = _by_path(compare_paths(case, servicer_role="consigned", budget=10_000, as_of=AS_OF))
    assert "consignment" in consigned.loc["lump_sum", "notes"]
    # issue 20: no bought-claim percentage for a consigned claim, and no verdict
    assert pd.isna(consigned.loc["lump_sum", "total_to_pay"])
    assert pd.isna(consigned.loc["lump_sum", "available"])
    with pytest.raises(CaseError, match="servicer_role"):
        compare_paths(case, servicer_role="sold?", as_of=AS_OF)


@pytest.mark.parametrize("guarantor", [True, None])
def test_every_path_says_what_it_does_to_a_guarantor(guarantor):
    """破産法 §253(2), 民事再生法 §177(2), 民法 §§145, 457(1): guarantors stay liable."""
    t = _by_path(compare_paths(SAITAMA, guarantor=guarantor, as_of=AS_OF))
    assert t["guarantor"].str.len().min() > 20
    assert "§253-2" in t.loc["bankruptcy", "guarantor"]
    assert "§177-2" in t.loc["rehabilitation", "guarantor"]
    assert "§457-1" in t.loc["installment", "guarantor"]
    if guarantor is None:
        assert t["guarantor"].str.startswith("guarantor or joint debtor unknown").all()
    none = _by_path(compare_paths({**SAITAMA, "guarantor": False}, as_of=AS_OF))
    assert none["guarantor"].eq("no guarantor or joint debtor recorded").all()


def test_limitation_period_follows_the_originator_and_complete_carries_the_caveat():
    """Old 商法 §522, 最判昭和63年10月18日; 民法 §169 (a judgment, maybe by 公示送達, gives 10 years)."""
    shinkin = {**SAITAMA, "creditor": "○○信用金庫", "sale_date": date(2016, 3, 1)}
    t = _by_path(compare_paths(shinkin, as_of=AS_OF))
    assert not t.loc["limitation", "available"]  # 10 years: not a merchant
    bank = _by_path(compare_paths({**shinkin, "creditor": "○○銀行"}, as_of=AS_OF))
    assert bank.loc["limitation", "available"]
    assert "公示送達" in bank.loc["limitation", "notes"]
    confirmed = _by_path(
        compare_paths({**shinkin, "creditor": "○○銀行"}, judgment="none", as_of=AS_OF)
    )
    assert "公示送達" not in confirmed.loc["limitation", "notes"]
    judged = _by_path(
        compare_paths(
            {**shinkin, "creditor": "○○銀行"},
            judgment="judgment",
            judgment_date=date(2017, 5, 1),
            as_of=AS_OF,
        )
    )
    assert not judged.loc["limitation", "available"]  # 10 years from the judgment
    unknown = _by_path(compare_paths({**shinkin, "creditor": "○○保証"}, as_of=AS_OF))
    assert "period not known" in unknown.loc["limitation", "notes"]
    # never "complete" on the 5-year guess: 不明 (NA) until the originator is known
    assert pd.isna(unknown.loc["limitation", "available"])
    fund = _by_path(compare_paths({**shinkin, "creditor": "しんきん保証基金"}, as_of=AS_OF))
    assert not fund.loc["limitation", "available"]  # a non-profit guarantee body: 10 years
    with pytest.raises(CaseError, match="before the claim existed"):
        compare_paths(
            {**shinkin, "creditor": "○○銀行"},
            default_date=date(2015, 1, 1),
            judgment="judgment",
            judgment_date=date(2014, 1, 1),
            as_of=AS_OF,
        )


def test_rehabilitation_minimum_counts_damages_to_the_opening_order():
    """民事再生法 §84(2), §231: ¥5.8M with three years of 14% → minimum about ¥1.65M, not ¥1.16M.

    Three years after the sale (damages before it are in the residual, 民法 §489: issue 20).
    """
    sold = {**SAITAMA, "sale_date": date(2021, 10, 1)}
    t = _by_path(compare_paths(sold, default_date=date(2021, 6, 1), as_of=AS_OF))
    # B = 5,800,000 + 5,800,000 × 14% × 1,096 / 365 (2021-10-01 to the opening order 2024-10-01)
    assert t.loc["rehabilitation", "total_to_pay"] == 1_647_645  # B / 5, rounded up
    assert "¥1,160,000" in t.loc["rehabilitation", "notes"]  # both shown
    given = _by_path(compare_paths(SAITAMA, unsecured_debt=6_000_000, as_of=AS_OF))
    assert given.loc["rehabilitation", "total_to_pay"] == 1_200_000


def test_bankruptcy_costs_use_the_small_trustee_scheme():
    """破産 costs (domain.md, M–H): 少額管財 予納金 ¥200,000; ¥500,000+ only for ordinary 管財."""
    t = _by_path(compare_paths(SAKAI, cash_available=250_000, as_of=AS_OF))
    assert "does not cover" not in t.loc["bankruptcy", "notes"]
    assert "少額管財" in t.loc["bankruptcy", "notes"]
    assert t.loc["bankruptcy", "extra_costs"] < 900_000


def test_voluntary_arrangement_over_1_4m_goes_through_a_lawyer():
    """司法書士法 §3-1-7, 最判平成28年6月27日: a 認定司法書士 only where a claim is ≤ ¥1.4M."""
    t = _by_path(compare_paths(SAITAMA, as_of=AS_OF))
    assert "a lawyer or 司法書士" not in t.loc["voluntary_arrangement", "notes"]
    assert "through a 弁護士 (" in t.loc["voluntary_arrangement", "notes"]


def test_the_table_carries_the_notice_and_no_source_tags_in_notes():
    """弁護士法 §72: figures are internal estimates; negotiation is for a 弁護士."""
    t = compare_paths(SAITAMA, as_of=AS_OF)
    assert "弁護士法" in t.attrs["notice"]["en"] and "弁護士法" in t.attrs["notice"]["ja"]
    assert not t["notes"].str.contains(r"marketing pages|, L\)|limitation_date\(").any()
    assert t["sources"].str.contains("marketing pages").any()


def test_pension_is_continuing_income_for_rehabilitation():
    """民事再生法 §221(1): a pension is continuing income; pensioners can use 小規模個人再生."""
    t = _by_path(compare_paths(NAGOYA_JHF, as_of=AS_OF))
    assert "harder" not in t.loc["rehabilitation", "notes"]
    assert "continuing income" in t.loc["rehabilitation", "notes"]


def test_jfc_damages_follow_the_contract_date():
    """日本政策金融公庫 damages: 14.5% to March 2016, the national-tax late rate after (M)."""
    case = {**SAITAMA, "creditor": "日本政策金融公庫", "servicer": None}
    old = _by_path(compare_paths(case, contract_date=date(2010, 1, 1), as_of=AS_OF))
    new = _by_path(compare_paths(case, contract_date=date(2018, 1, 1), as_of=AS_OF))
    assert "14.5%" in old.loc["lump_sum", "notes"]
    assert "14.5%" not in new.loc["lump_sum", "notes"]


def test_render_paths_japanese_and_english():
    """弁護士法 §72 notice on the rendering; yen formatted, no True/False, no label_ja in English."""
    t = compare_paths(NAGOYA_JHF, as_of=AS_OF)
    ja = render_paths(t, "ja")
    assert "320万円" in ja and "不可" in ja and "True" not in ja and "False" not in ja
    assert "弁護士法72条" in ja and "出典" in ja
    assert "limitation_date(" not in ja
    en = render_paths(t, "en")
    assert "label_ja" not in en and "一括和解" not in en and "¥3,200,000" in en


_JA_CASES = [
    # (case, keywords): together they reach every kind of note the builders write
    ({"residual_debt": 5_800_000, "creditor": "○○保証", "servicer": "SMBC債権回収",
      "sale_date": "2023-06-30", "monthly_income": 200_000}, {"cash_available": 100_000}),
    ({"residual_debt": 3_200_000, "employment": "年金", "monthly_income": 140_000,
      "creditor": "公庫", "servicer": "住宅債権管理回収機構", "sale_date": date(2023, 9, 1)}, {}),
    ({"residual_debt": 2_000_000, "creditor": "○○信金", "employment": "自営業",
      "sale_date": "2012-01-10"}, {"cash_available": 50_000, "judgment": "payment_order",
                                   "default_date": "2011-06-01"}),
    ({"residual_debt": 60_000_000, "creditor": "○○銀行", "servicer": "○○債権回収",
      "employment": "無職"}, {"servicer_role": "bought", "budget": 8_000}),
    ({"residual_debt": 1_200_000, "creditor": "○○保証", "servicer": "○○債権回収",
      "sale_date": "2024-01-10"}, {"servicer_role": "consigned", "guarantor": True,
                                   "judgment": "court_settlement"}),
]  # fmt: skip


@pytest.mark.parametrize(("case", "keywords"), _JA_CASES)
def test_japanese_rendering_has_no_english_note(case, keywords):
    """Issue 11: an analyst reading ``render_paths(table, "ja")`` reads Japanese only.

    Every note of every way out is written in both languages (``notes_ja``
    beside ``notes``), and the Japanese rendering prints no English word of
    the English notes or of the sources (only statute names and Japanese).
    """
    table = compare_paths(case, as_of=date(2024, 6, 1), **keywords)
    assert table["notes_ja"].str.len().gt(0).all()
    text = render_paths(table, "ja")
    notes, sources = text.split("出典:")
    english = re.findall(r"\b[a-z]{3,}\b", notes)  # web addresses may stay in the sources
    assert english == [], english
    assert "¥" not in text and "(L)" not in text and "(H)" not in text
    assert all(note in text for note in table["notes_ja"])
    assert all(note in render_paths(table, "en") for note in table["notes"])


def test_every_note_template_has_both_languages():
    """Issue 11: every note template has a Japanese and an English text with the same fields.

    Issue 24: the shared notes, each way out's own notes (one file each) and the one
    citation table of the sources."""
    import string

    from outcomes._advice.notes import PATH_NOTES, SOURCES

    catalogues = [PATH_NOTES, SOURCES, *(way.notes for way in WAYS_OUT)]
    assert all(way.notes for way in WAYS_OUT)
    for key, (ja, en) in ((k, v) for c in catalogues for k, v in c.items()):
        assert ja and en, key
        fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (ja, en)]
        assert fields[0] == fields[1] or key == "rehab_unavailable", key
