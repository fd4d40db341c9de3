"""Opening offers, acceptance chances, the basis of past cases and ``outcomes offer``.

One ratio model and one monthly model are fitted once for the module on
3,000 generated cases; held-out generated cases check that the stated
chances of acceptance are calibrated.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from outcomes._advice import (
    Basis,
    InstallmentProposal,
    Offer,
    index_past_cases,
    installment_proposal,
    opening_offer,
    opening_offers,
)
from outcomes._advice.case import with_as_of
from outcomes._advice.curve import (
    OFFER_LEVELS,
    OFFER_UNIT,
    acceptance,
    curve_levels,
    ratio_quantiles,
)
from outcomes._cleaning import case_from_mapping, read_case_json
from outcomes._errors import CaseError, CaseTypeError, OutcomesError
from outcomes.cli import main
from outcomes.datasets import simulate_cases

TODAY = "2026-06-30"

# The article's worked examples (shared/spec/domain.md), as cases. The article
# does not give every feature: the sale dates, incomes and household sizes
# below are plausible fill-ins, and the creditors are fictional.
SAITAMA = {  # 40s employee, ¥5.8M, the claim sold to a servicer; accepted ¥100,000
    "residual_debt": 5_800_000,
    "creditor": "〇〇保証株式会社",
    "servicer": "SMBC債権回収株式会社",
    "age": 45,
    "prefecture": "埼玉県",
    "employment": "会社員",
    "monthly_income": 250_000,
    "household_size": 3,
    "sale_date": "2025-01-15",
}
NEGOTIATION = {  # ¥5M with a servicer, ¥300,000 of savings offered (6%)
    "residual_debt": 5_000_000,
    "creditor": "〇〇銀行",
    "servicer": "アビリオ債権回収",
    "employment": "会社員",
    "monthly_income": 220_000,
    "household_size": 2,
    "sale_date": "2024-10-01",
}
SAKAI = {  # 50s self-employed, ¥7.8M, ¥10,000 a month for 5 years
    "residual_debt": 7_800_000,
    "creditor": "〇〇信用金庫",
    "servicer": "オリックス債権回収",
    "age": 55,
    "prefecture": "大阪府",
    "employment": "自営業",
    "monthly_income": 230_000,
    "household_size": 2,
    "sale_date": "2025-03-01",
}
NAGOYA = {  # 60s pensioner, ¥140,000 a month, 公庫 loan ¥3.2M; ¥5,000 a month, open-ended
    "residual_debt": 3_200_000,
    "creditor": "公庫",
    "age": 65,
    "prefecture": "愛知県",
    "employment": "年金",
    "monthly_income": 140_000,
    "household_size": 1,
    "sale_date": "2025-03-01",
}


@pytest.fixture(scope="module")
def held_out() -> pd.DataFrame:
    """2,000 lump-sum cases the models never saw."""
    cases = simulate_cases(9000, seed=2, messy=False, today=TODAY)
    lump = cases[cases["resolution"] == "lump_sum"]
    assert len(lump) >= 2000
    return lump.head(2000)


# --------------------------------------------------------------------------
# The article's worked examples
# --------------------------------------------------------------------------


def test_saitama_100k_lump_sum_is_within_the_offer_range(ratio_model, past, monthly_model):
    offer = opening_offer(
        ratio_model,
        SAITAMA,
        cash_available=100_000,
        past_cases=past,
        monthly_model=monthly_model,
        as_of=TODAY,
    )
    assert isinstance(offer, Offer)
    # servicers settle for a few percent (purchase prices 1-10%): ¥58,000-¥580,000
    assert 0.01 <= offer.target / 5_800_000 <= 0.10
    assert offer.opening <= 150_000 and offer.walk_away >= 100_000
    chance = offer.acceptance(100_000)
    assert 0.05 <= chance <= 0.6  # a real chance, not a sure thing
    assert chance < offer.acceptance(offer.target) < offer.acceptance(offer.walk_away)
    # the servicer written with its suffix is matched to the registry
    assert offer.servicer == "SMBC債権回収" and offer.creditor_type == "guarantor"
    assert offer.basis is not None and offer.basis.n_cases >= 5
    text = " ".join(offer.reasons)
    assert "10万円" in text and "最初の提示額" in text and "過去の一括和解" in text
    if offer.opening > 100_000:  # the model may open above the cash: then instalments
        assert isinstance(offer.alternative, InstallmentProposal)
    else:
        assert offer.alternative is None


def test_negotiation_example_300k_from_savings_is_likely_accepted(ratio_model):
    offer = opening_offer(ratio_model, NEGOTIATION, cash_available=300_000, as_of=TODAY)
    assert offer.acceptance(300_000) >= 0.7  # the article's servicer took 6%
    assert offer.target < 300_000
    if offer.walk_away <= 300_000:
        # the walk-away is a quantile of past settlements, not a limit (弁護士法 §72, issue 20)
        assert any("上限" in r and "慎重に検討" in r for r in offer.reasons)
    assert offer.alternative is None


def test_nagoya_pensioner_jhf_gets_5000_a_month_within_budget(monthly_model, ratio_model, past):
    proposal = installment_proposal(monthly_model, NAGOYA, budget=6_000, as_of=TODAY)
    assert proposal.monthly == 5_000
    assert proposal.capped and proposal.typical > 5_000
    assert proposal.creditor_type == "jhf"
    assert any("住宅金融支援機構" in r and "見直し" in r for r in proposal.reasons)
    # JHF rarely forgives: the offer says so and gives the instalments anyway
    offer = opening_offer(
        ratio_model, NAGOYA, past_cases=past, monthly_model=monthly_model, budget=6_000
    )
    assert isinstance(offer.alternative, InstallmentProposal)
    assert offer.alternative.monthly == 5_000
    assert any("債権放棄にはほとんど応じません" in r for r in offer.reasons)


# --------------------------------------------------------------------------
# Properties of offers over many cases
# --------------------------------------------------------------------------


def test_offers_are_ordered_rounded_and_within_the_debt(ratio_model):
    cases = simulate_cases(400, seed=3, messy=False, today=TODAY)
    table = opening_offers(ratio_model, cases)
    debt = table["residual_debt"].astype("int64")
    opening, target, walk = (table[c].astype("int64") for c in ("opening", "target", "walk_away"))
    assert ((0 <= opening) & (opening <= target) & (target <= walk) & (walk <= debt)).all()
    for amount in (opening, target, walk):
        on_unit = amount % OFFER_UNIT == 0
        assert (on_unit | (amount == debt)).all()  # only the debt itself may be unround
    assert (opening >= np.minimum(OFFER_UNIT, debt)).all()
    chances = table[["chance_opening", "chance_target", "chance_walk_away"]].to_numpy(float)
    assert (np.diff(chances, axis=1) >= 0).all()
    # the opening is a low quantile rounded down, the walk-away a high one rounded up
    assert (chances[:, 0] <= 0.20 + 1e-9).all()
    assert (chances[:, 2] >= 0.85 - 1e-9).all()


def test_opening_offer_agrees_with_the_batch_and_acceptance_is_monotone(ratio_model):
    cases = simulate_cases(300, seed=4, messy=False, today=TODAY).head(25)
    table = opening_offers(ratio_model, cases)
    for i, (_, row) in enumerate(cases.iterrows()):
        offer = opening_offer(ratio_model, row)
        expect = table.iloc[i]
        assert (offer.opening, offer.target, offer.walk_away) == (
            expect["opening"],
            expect["target"],
            expect["walk_away"],
        )
        assert offer.acceptance(offer.opening) == pytest.approx(expect["chance_opening"])
        debt = offer.residual_debt
        amounts = np.linspace(0, 1.2 * debt, 301)
        curve = offer.acceptance(amounts)
        assert (np.diff(curve) >= -1e-12).all()
        assert curve[0] == 0.0 and offer.acceptance(debt) == 1.0 and curve[-1] == 1.0
        assert ((0 <= curve) & (curve <= 1)).all()


def test_acceptance_table_is_small_and_labels_the_offers(ratio_model):
    offer = opening_offer(ratio_model, SAITAMA, cash_available=120_000, as_of=TODAY)
    table = offer.acceptance_table()
    assert list(table.columns) == ["amount", "share", "chance", "note"]
    assert str(table["amount"].dtype) == "Int64" and str(table["chance"].dtype) == "Float64"
    assert 4 <= len(table) <= 12
    assert table["amount"].is_monotonic_increasing
    assert table["chance"].is_monotonic_increasing
    notes = dict(zip(table["amount"], table["note"], strict=True))
    assert "最初の提示額" in notes[offer.opening] and "上限" in notes[offer.walk_away]
    assert "手元資金" in notes[120_000]
    chosen = offer.acceptance_table([50_000, 0, 200_000])
    assert chosen["amount"].tolist() == [0, 50_000, 200_000]
    assert chosen["chance"].iloc[0] == 0


# --------------------------------------------------------------------------
# Calibration of the stated chance on held-out cases
# --------------------------------------------------------------------------


def test_acceptance_at_the_opening_is_calibrated(ratio_model, held_out):
    table = opening_offers(ratio_model, held_out)
    actual = held_out["lump_sum"].to_numpy(dtype="float64")
    for column, tolerance in (("opening", 0.05), ("target", 0.08), ("walk_away", 0.08)):
        stated = float(table[f"chance_{column}"].mean())
        observed = float((actual <= table[column].to_numpy(dtype="float64")).mean())
        assert abs(stated - observed) <= tolerance, (column, stated, observed)


def test_acceptance_is_reliable_across_bins(ratio_model, held_out):
    # chances at amounts spread over the whole curve (1%-50% of the debt), read
    # with the same functions Offer.acceptance uses
    cases = held_out.head(600)
    debt = cases["residual_debt"].to_numpy(dtype="float64")
    actual = cases["lump_sum"].to_numpy(dtype="float64")
    grid = curve_levels(OFFER_LEVELS)
    Q = ratio_quantiles(ratio_model, cases, grid)
    stated, observed = [], []
    for share in (0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 0.3, 0.5):
        amounts = np.maximum(np.round(share * debt / OFFER_UNIT) * OFFER_UNIT, OFFER_UNIT)
        for j in range(len(debt)):
            stated.append(float(acceptance(grid, Q[j], int(debt[j]), amounts[j : j + 1])[0]))
            observed.append(actual[j] <= amounts[j])
    stated_a, observed_a = np.array(stated), np.array(observed, dtype=float)
    edges = [0.1, 0.3, 0.5, 0.7, 0.9]
    bins = np.digitize(stated_a, edges)
    means = []
    for b in range(len(edges) + 1):
        members = bins == b
        assert members.sum() >= 100, f"bin {b} too small"
        gap = stated_a[members].mean() - observed_a[members].mean()
        assert abs(gap) <= 0.10, (b, stated_a[members].mean(), observed_a[members].mean())
        means.append(observed_a[members].mean())
    assert np.all(np.diff(means) > 0)  # higher stated chances are accepted more often
    assert means[-1] - means[0] >= 0.8


# --------------------------------------------------------------------------
# The basis: similar past cases, never fewer than five
# --------------------------------------------------------------------------


def _group_count(past: pd.DataFrame, basis: Basis) -> int:
    rows = (past["resolution"] == "lump_sum") & past["settlement_ratio"].notna()
    for column, value in basis.filters:
        if column == "servicer_held":
            rows &= past["servicer"].notna() == (value == "yes")
        else:
            rows &= past[column].astype("string") == value
    return int(rows.sum())


def test_basis_counts_the_group_it_names(ratio_model, past):
    cases = simulate_cases(200, seed=5, messy=False, today=TODAY).head(30)
    for _, case in cases.iterrows():
        offer = opening_offer(ratio_model, case, past_cases=past)
        basis = offer.basis
        assert basis is not None and basis.n_cases >= 5
        assert basis.n_cases == _group_count(past, basis)
        assert 0 <= basis.ratio_low <= basis.ratio_median <= basis.ratio_high <= 1
        assert any(f"{basis.n_cases}件" in r for r in offer.reasons)


def test_basis_widens_a_group_of_fewer_than_five(ratio_model, past):
    lump = (past["resolution"] == "lump_sum") & (past["creditor_type"] == "guarantor")
    smbc = (lump & (past["servicer"] == "SMBC債権回収")).to_numpy(dtype=bool, na_value=False)
    assert smbc.sum() >= 5
    keep = ~smbc | (np.cumsum(smbc) <= 3)  # only 3 such settlements left
    thin = past[keep]
    offer = opening_offer(ratio_model, SAITAMA, past_cases=thin, as_of=TODAY)
    assert offer.basis is not None and offer.basis.broadened
    assert ("servicer", "SMBC債権回収") not in offer.basis.filters
    assert offer.basis.n_cases >= 5
    assert "5件未満" in offer.basis.note and offer.basis.note in offer.reasons
    assert not any("3件" in r for r in offer.reasons)


def test_no_basis_from_fewer_than_five_past_lump_sums(ratio_model, past):
    few = past[past["resolution"] == "lump_sum"].head(4)
    offer = opening_offer(ratio_model, SAITAMA, past_cases=few, language="en")
    assert offer.basis is None
    assert any("Fewer than 5" in r for r in offer.reasons)
    assert not any("4 cases" in r for r in offer.reasons)


# --------------------------------------------------------------------------
# Cash, budget, language, errors
# --------------------------------------------------------------------------


def test_cash_below_the_opening_gives_the_instalment_alternative(ratio_model, monthly_model):
    base = opening_offer(ratio_model, SAITAMA, as_of=TODAY)
    short = base.opening - OFFER_UNIT
    offer = opening_offer(
        ratio_model, SAITAMA, cash_available=short, monthly_model=monthly_model, as_of=TODAY
    )
    assert (offer.opening, offer.target, offer.walk_away) == (
        base.opening,
        base.target,
        base.walk_away,
    )
    assert isinstance(offer.alternative, InstallmentProposal) and offer.alternative.monthly > 0
    assert any("届きません" in r for r in offer.reasons)
    plain = opening_offer(ratio_model, SAITAMA, cash_available=short, as_of=TODAY)
    assert isinstance(plain.alternative, str) and "分割弁済" in plain.alternative
    enough = opening_offer(
        ratio_model, SAITAMA, cash_available=base.opening, monthly_model=monthly_model
    )
    assert enough.alternative is None


def test_english_reasons_and_language_check(ratio_model, monthly_model):
    offer = opening_offer(
        ratio_model, SAITAMA, cash_available=10_000, monthly_model=monthly_model, language="en"
    )
    assert offer.reasons[0].startswith("Internal estimate: opening ¥")
    # issue 11: acceptance is the share of similar past settlements, not a creditor's chance;
    # the negotiation is for a 弁護士 (弁護士法 §72)
    assert "at or below" in offer.reasons[1]
    assert not any("the creditor would accept" in r for r in offer.reasons)
    assert "弁護士法 §72" in offer.notice
    assert any("below the opening" in r for r in offer.reasons)
    assert offer.alternative.language == "en" and "a month" in str(offer.alternative)
    with pytest.raises(ValueError, match="language"):
        opening_offer(ratio_model, SAITAMA, language="fr")


def test_as_of_is_the_day_of_agreement(ratio_model):
    on_day = opening_offer(ratio_model, SAITAMA, as_of="2027-06-30")
    dated = opening_offer(ratio_model, {**SAITAMA, "agreement_date": "2027-06-30"})
    assert on_day.curve_ratios == dated.curve_ratios


def test_bad_cases_and_arguments(ratio_model):
    with pytest.raises(CaseError, match="residual_debt"):
        opening_offer(ratio_model, {"creditor": "〇〇銀行"})
    # contract §4: a residual debt under ¥10,000 is out of range (a missing 万円)
    with pytest.raises(CaseError, match="nothing to settle|under ¥10,000"):
        opening_offer(ratio_model, {"residual_debt": 0})
    with pytest.raises(ValueError, match="levels"):
        opening_offer(ratio_model, SAITAMA, levels=(0.5, 0.2, 0.9))
    with pytest.raises(ValueError, match="cash_available"):
        opening_offer(ratio_model, SAITAMA, cash_available=-1)


# --------------------------------------------------------------------------
# outcomes offer, end to end
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model_dir(ratio_model, monthly_model, past, tmp_path_factory) -> Path:
    from outcomes._io import write_model_dir

    directory = tmp_path_factory.mktemp("model")
    return write_model_dir(directory, ratio=ratio_model, monthly=monthly_model, cases=past)


def test_cli_offer_with_japanese_headers(model_dir, tmp_path, capsys):
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(
            {
                "残債額(万円)": "580",
                "債権者": "〇〇保証株式会社",
                "サービサー": "ＳＭＢＣ債権回収（株）",
                "年齢": "45歳",
                "職業": "会社員",
                "月収": "25万円",
                "売却日": "令和7年1月15日",
                "氏名": "テスト太郎",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    code = main(
        [
            "offer", "--model", str(model_dir), "--case", str(case), "--cash", "100000",
            "--budget", "20000", "--as-of", TODAY, "--ignore-unknown-keys",
        ]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    for text in ("残債 580万円", "SMBC債権回収", "最初の提示額", "想定着地", "上限"):
        assert text in out
    for path in ("一括和解", "分割弁済", "任意整理", "個人再生", "自己破産", "時効援用"):
        assert path in out
    assert "分割弁済の" in out  # the instalment side is shown
    # issue 11 (弁護士法 §72; acceptance = similar past settlements at or below the amount):
    # the notice, the wording, and the paths as a Japanese table, not a DataFrame dump
    assert "弁護士法72条" in out
    assert "似た過去の和解でこの額以下の割合" in out and "応諾見込み" not in out
    assert "True" not in out and "False" not in out
    assert "marketing pages" not in out.split("出典:")[0]
    assert "limitation_date(" not in out
    assert "テスト太郎" not in out  # a column outside the contract is left out


def test_cli_offer_with_english_keys_and_cash_short(model_dir, tmp_path, capsys):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({**NAGOYA}, ensure_ascii=False), encoding="utf-8")
    cases, problems = read_case_json(case)
    assert cases["creditor_type"].iloc[0] == "jhf" and len(problems) == 0
    code = main(["offer", "--model", str(model_dir), "--case", str(case), "--budget", "6000"])
    out = capsys.readouterr().out
    assert code == 0
    assert "月5,000円の分割弁済" in out and "住宅金融支援機構" in out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "file not found"),
        ("{not json", "not valid JSON"),
        ("[1, 2]", "one case"),
        ('{"residual_debt": {"a": 1}}', "not a single value"),
    ],
)
def test_cli_offer_unreadable_case_is_one_line(model_dir, tmp_path, capsys, content, reason):
    case = tmp_path / "case.json"
    if content is not None:
        case.write_text(content, encoding="utf-8")
    code = main(["offer", "--model", str(model_dir), "--case", str(case)])
    err = capsys.readouterr().err
    assert code == 2
    assert reason in err and len(err.strip().splitlines()) == 1


def test_cli_offer_missing_model_dir(tmp_path, capsys):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"residual_debt": 5_000_000}), encoding="utf-8")
    code = main(["offer", "--model", str(tmp_path / "nowhere"), "--case", str(case)])
    assert code == 2
    assert "not found" in capsys.readouterr().err


def test_offer_and_paths_agree_on_the_lump_sum(ratio_model):
    from outcomes import compare_paths

    as_of = date(2029, 6, 30)  # not the model's own as_of: the date must be passed through
    offer = opening_offer(ratio_model, SAITAMA, as_of=as_of)
    paths = compare_paths(SAITAMA, ratio_model=ratio_model, as_of=as_of).set_index("path")
    median = (
        offer.residual_debt * ratio_model.predict(with_as_of(case_from_mapping(SAITAMA), as_of))[0]
    )
    # the ways out state the model's median to the ¥1,000 (no false precision), exactly
    assert paths.loc["lump_sum", "total_to_pay"] == int(median / 1_000 + 0.5) * 1_000
    assert abs(offer.target - median) <= OFFER_UNIT


# --------------------------------------------------------------------------
# One case, one cleaning; one error class for bad arguments; old keyword names
# --------------------------------------------------------------------------


def test_opening_offer_on_a_clean_row_does_not_clean_it_again(ratio_model, past, monkeypatch):
    import outcomes._cleaning.single  # clean_cases is looked up where the case is cleaned

    calls: list[int] = []
    real = outcomes._cleaning.single.clean_cases

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(outcomes._cleaning.single, "clean_cases", counting)
    row = past[past["residual_debt"] > 0].iloc[[3]]
    offer = opening_offer(ratio_model, row, as_of=TODAY, past_cases=past)
    assert calls == []
    assert offer.residual_debt == int(row["residual_debt"].iloc[0])
    opening_offer(ratio_model, row.iloc[0], as_of=TODAY)  # the same row as a Series
    assert calls == []
    opening_offer(ratio_model, SAITAMA, as_of=TODAY)  # a mapping is cleaned, once
    assert calls == [1]


@pytest.mark.parametrize("cash", [100000.5, float("nan")])  # 100000.0 is whole yen (N14)
def test_cash_that_is_not_whole_yen_is_refused_as_by_compare_paths(ratio_model, cash):
    from outcomes import compare_paths

    with pytest.raises(CaseTypeError, match="cash_available must be whole yen") as offer_error:
        opening_offer(ratio_model, SAITAMA, cash_available=cash, as_of=TODAY)
    with pytest.raises(CaseTypeError) as paths_error:
        compare_paths(SAITAMA, cash_available=cash, as_of=TODAY)
    assert str(offer_error.value) == str(paths_error.value)
    assert isinstance(offer_error.value, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"as_of": "next month"}, "as_of must be a date"),
        ({"as_of": 20260630}, "as_of must be a date"),
        ({"k": 0}, "k must be at least 1"),
        ({"k": 2.5}, "k must be a whole number"),
        ({"budget": 1000.5}, "budget must be whole yen"),
        ({"language": "fr"}, "language"),
        ({"levels": (0.5, 0.2, 0.9)}, "levels"),
    ],
)
def test_bad_arguments_are_case_errors(ratio_model, kwargs, message):
    with pytest.raises(CaseError, match=message):
        opening_offer(ratio_model, SAITAMA, **kwargs)


def test_a_bad_as_of_is_the_same_error_everywhere(ratio_model, monthly_model):
    from outcomes import compare_paths

    errors = []
    for call in (
        lambda: opening_offer(ratio_model, SAITAMA, as_of="soon"),
        lambda: opening_offers(ratio_model, simulate_cases(5, seed=1, messy=False), as_of="soon"),
        lambda: installment_proposal(monthly_model, SAITAMA, as_of="soon"),
        lambda: compare_paths(SAITAMA, as_of="soon"),
    ):
        with pytest.raises(CaseError) as info:
            call()
        errors.append((type(info.value), str(info.value)))
    assert len(set(errors)) == 1


def test_ratio_model_keyword_and_the_old_name(ratio_model):
    base = opening_offer(ratio_model, SAITAMA, as_of=TODAY)
    named = opening_offer(ratio_model=ratio_model, case=SAITAMA, as_of=TODAY)
    assert named.curve_ratios == base.curve_ratios
    with pytest.warns(FutureWarning, match="model= is now called ratio_model="):
        old = opening_offer(model=ratio_model, case=SAITAMA, as_of=TODAY)
    assert old.curve_ratios == base.curve_ratios


def test_past_cases_indexed_once_give_the_same_basis(ratio_model, past):
    index = index_past_cases(past)
    assert index_past_cases(index) is index
    assert len(index) == int(
        ((past["resolution"] == "lump_sum") & past["settlement_ratio"].notna()).sum()
    )
    for case in (SAITAMA, NEGOTIATION, NAGOYA):
        from_table = opening_offer(ratio_model, case, past_cases=past, as_of=TODAY)
        from_index = opening_offer(ratio_model, case, past_cases=index, as_of=TODAY)
        assert from_table.basis == from_index.basis and from_table.basis is not None
    with pytest.raises(OutcomesError, match="lacks column"):
        index_past_cases(past.drop(columns="servicer"))
