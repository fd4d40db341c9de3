"""The synthetic data generator: the contract's shapes, the messy forms, and the truth."""

from __future__ import annotations

import unicodedata
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outcomes import OutcomesError, datasets
from outcomes._contract import (
    CASE_COLUMNS,
    CODE_MAPS,
    COLUMNS,
    CREDITOR_TYPES,
    EMPLOYMENT_CODES,
    MAX_DEBT,
    MISSING_MARKERS,
    NO_SERVICER_MARKERS,
    OPTIONAL_COLUMNS,
    PREFECTURE_NAMES,
    PREFECTURES,
    RESOLUTION_CODES,
    creditor_type_of,
    match_header,
    normalize_header,
    normalize_text,
)
from outcomes.datasets import TRUE_PARAMS, _messy, simulate_cases, true_quantile

TODAY = "2026-06-30"
N = 3000


@pytest.fixture(scope="module")
def clean():
    return simulate_cases(N, seed=11, messy=False, today=TODAY)


@pytest.fixture(scope="module")
def messy():
    return simulate_cases(N, seed=11, today=TODAY, return_planted=True)


@pytest.fixture(scope="module")
def big():
    return simulate_cases(20_000, seed=5, messy=False, today=TODAY)


@pytest.fixture(scope="module")
def big_messy():
    return simulate_cases(20_000, seed=8, today=TODAY)


def nfkc(values: pd.Series) -> pd.Series:
    return values.map(normalize_text)


# --------------------------------------------------------------------------
# determinism
# --------------------------------------------------------------------------


def test_same_seed_gives_the_same_cases_and_export():
    a = simulate_cases(400, seed=3, messy=False, today=TODAY)
    b = simulate_cases(400, seed=3, messy=False, today=TODAY)
    pd.testing.assert_frame_equal(a, b)
    raw_a, planted_a = simulate_cases(400, seed=3, today=TODAY, return_planted=True)
    raw_b, planted_b = simulate_cases(400, seed=3, today=TODAY, return_planted=True)
    pd.testing.assert_frame_equal(raw_a, raw_b)
    pd.testing.assert_frame_equal(planted_a, planted_b)


def test_other_seed_gives_other_cases():
    a = simulate_cases(400, seed=3, messy=False, today=TODAY)
    b = simulate_cases(400, seed=4, messy=False, today=TODAY)
    assert not a["residual_debt"].equals(b["residual_debt"])


def test_clean_cases_do_not_depend_on_the_messy_flag(clean, messy):
    raw, _ = messy
    ids = nfkc(raw.iloc[:N, 0])
    assert ids.tolist() == clean["case_id"].tolist()


def test_today_and_seed_none_are_accepted():
    cases = simulate_cases(50, seed=None, messy=False)
    assert len(cases) == 50
    assert (cases["agreement_date"].dropna() <= pd.Timestamp.today()).all()
    with pytest.raises(ValueError, match="n must be"):
        simulate_cases(0)
    with pytest.raises(ValueError, match="today"):
        simulate_cases(10, today="2014-01-01")
    with pytest.raises(ValueError, match="return_planted"):
        simulate_cases(10, messy=False, return_planted=True, today=TODAY)


# --------------------------------------------------------------------------
# the clean table
# --------------------------------------------------------------------------


def test_clean_table_has_the_contract_columns_and_dtypes(clean):
    assert tuple(clean.columns) == CASE_COLUMNS
    for spec in COLUMNS:
        expected = pd.Series([], dtype=spec.dtype).dtype
        assert clean[spec.name].dtype == expected, spec.name
    assert list(clean.index) == list(range(N))


def test_clean_values_are_in_the_contract(clean):
    assert clean["case_id"].is_unique
    assert clean["age"].between(*TRUE_PARAMS.age_range).all()
    assert (clean["age_band"] == (clean["age"] // 10 * 10).astype(str) + "s").all()
    assert clean["prefecture"].isin(PREFECTURES).all()
    assert clean["household_size"].between(1, 6).all()
    assert (clean["monthly_income"] >= 0).all()
    assert clean["residual_debt"].between(1, MAX_DEBT).all()
    types = clean["creditor"].map(creditor_type_of)
    assert (types == clean["creditor_type"].astype(str)).all()
    assert (clean["creditor"] == nfkc(clean["creditor"])).all()
    sale, agreed = clean["sale_date"], clean["agreement_date"]
    assert sale.between("2015-01-01", "2025-12-31").all()
    assert (agreed.dropna() >= sale[agreed.notna()]).all()
    assert (agreed.dropna() <= pd.Timestamp(TODAY)).all()
    assert ((clean["resolution"] == "pending") == agreed.isna()).all()
    for column in ("employment", "resolution", "creditor_type"):
        assert clean[column].notna().all()


def test_amounts_belong_to_their_resolution(clean):
    res = clean["resolution"].astype(str)
    has = clean[["lump_sum", "monthly_amount", "term_months"]].notna()
    assert (has["lump_sum"] == (res == "lump_sum")).all()
    plans = res.isin(["installment", "voluntary_arrangement", "rehabilitation"])
    assert (has["monthly_amount"] == plans).all()
    assert has.loc[res.isin(["voluntary_arrangement", "rehabilitation"]), "term_months"].all()
    assert not has.loc[~plans, "term_months"].any()
    assert (clean["lump_sum"].dropna() <= clean["residual_debt"][clean["lump_sum"].notna()]).all()


def test_settlement_ratio_is_derived_as_the_contract_says(clean):
    lump = clean["lump_sum"].astype(float)
    monthly = clean["monthly_amount"].astype(float)
    term = clean["term_months"].astype(float)
    fixed = lump.notna() | (monthly.notna() & term.notna())
    fixed &= ~(monthly.notna() & term.isna())  # open-ended: no ratio
    total = lump.fillna(0) + monthly.fillna(0) * term.fillna(0)
    expected = (total / clean["residual_debt"].astype(float)).where(fixed)
    got = clean["settlement_ratio"].astype(float)
    assert (got.isna() == expected.isna()).all()
    np.testing.assert_allclose(got.dropna(), expected.dropna(), rtol=1e-12)


def test_creditor_spellings_have_their_documented_type():
    for ct, spellings in TRUE_PARAMS.creditors.items():
        for name, _ in spellings:
            assert creditor_type_of(name) == ct, name
            assert normalize_text(name) == name


def test_servicers_are_registry_names(clean):
    names = clean["servicer"].dropna().unique()
    assert set(names) <= {name for name, _ in TRUE_PARAMS.servicers}
    jhf = clean["creditor_type"] == "jhf"
    assert set(clean.loc[jhf, "servicer"].dropna()) == {TRUE_PARAMS.jhf_servicer}
    from outcomes._registry import match_servicer

    for name, spellings in TRUE_PARAMS.servicer_spellings.items():
        assert match_servicer(name) == (name, True), name
        for spelling, _ in spellings:
            assert match_servicer(spelling) == (name, True), spelling


# --------------------------------------------------------------------------
# distributions
# --------------------------------------------------------------------------


def test_marginals_follow_the_documented_model(big):
    assert 50 <= big["age"].mean() <= 54
    shares = big["creditor_type"].value_counts(normalize=True)
    for ct in CREDITOR_TYPES:
        assert shares[ct] == pytest.approx(TRUE_PARAMS.creditor_type_mix[ct], abs=0.015), ct
    pension = big.loc[big["employment"] == "pensioner", "monthly_income"]
    assert pension.quantile(0.05) >= 90_000 and pension.quantile(0.95) <= 190_000
    mix = big["resolution"].value_counts(normalize=True)
    assert 0.42 <= mix["installment"] <= 0.52
    assert 0.20 <= mix["lump_sum"] <= 0.30
    assert 0.05 <= mix["pending"] <= 0.12
    for code in ("voluntary_arrangement", "rehabilitation", "bankruptcy", "limitation"):
        assert 0.01 <= mix[code] <= 0.12, code
    debt = big["residual_debt"]
    assert 3_000_000 <= debt.median() <= 12_000_000
    assert debt.max() <= TRUE_PARAMS.debt_range[1]


def test_jhf_keeps_its_claims_and_gets_instalments(big):
    jhf = big[big["creditor_type"] == "jhf"]
    mix = jhf["resolution"].value_counts(normalize=True)
    assert mix["installment"] > 0.75
    assert mix["lump_sum"] < 0.06
    inst = jhf[jhf["resolution"] == "installment"]
    assert inst["term_months"].isna().mean() > 0.8
    lump = big[big["resolution"] == "lump_sum"]
    assert (lump["servicer"].notna() & (lump["creditor_type"] != "jhf")).mean() > 0.7


def test_lump_sum_ratio_relation_and_effects(big):
    lump = big[big["resolution"] == "lump_sum"]
    amount = lump["lump_sum"].astype(float)
    debt = lump["residual_debt"].astype(float)
    ratio = lump["settlement_ratio"].astype(float)
    assert ((amount / debt) == ratio).all()
    assert ((amount % TRUE_PARAMS.lump_unit == 0) | (amount == debt)).all()
    sold = lump["servicer"].notna() & (lump["creditor_type"] != "jhf")
    assert ratio[sold].between(0.01, 0.10).mean() > 0.85
    assert ratio[~sold].median() > 3 * ratio[sold].median()

    # the model's coefficients are recovered by least squares on logit(ratio)
    years = (lump["agreement_date"] - lump["sale_date"]).dt.days / 365.25
    income = np.maximum(lump["monthly_income"].astype(float), TRUE_PARAMS.income_floor)
    X = np.column_stack(
        [
            np.ones(len(lump)),
            np.log(debt / TRUE_PARAMS.debt_ref),
            years,
            np.log(income / TRUE_PARAMS.income_ref),
            sold.astype(float),
            *[(lump["creditor_type"] == ct).astype(float) for ct in CREDITOR_TYPES[1:]],
        ]
    )
    y = np.log(ratio / (1 - ratio))
    beta = np.linalg.lstsq(X, y, rcond=None)[0]
    assert beta[1] == pytest.approx(TRUE_PARAMS.ratio_debt, abs=0.06)
    assert beta[2] == pytest.approx(TRUE_PARAMS.ratio_years, abs=0.05)
    assert beta[3] == pytest.approx(TRUE_PARAMS.ratio_income, abs=0.1)
    assert beta[4] == pytest.approx(TRUE_PARAMS.ratio_servicer, abs=0.15)
    assert np.std(y - X @ beta) == pytest.approx(TRUE_PARAMS.ratio_sigma, abs=0.05)


def test_monthly_amounts_are_rounded_like_agreements(big):
    inst = big.loc[big["resolution"] == "installment", "monthly_amount"]
    assert inst.isin(TRUE_PARAMS.monthly_values).all()
    assert (inst >= 3_000).all()
    assert inst.isin([5_000, 10_000, 15_000, 20_000]).mean() > 0.75
    assert (inst <= 50_000).mean() > 0.99
    for odd in (3_000, 8_000):
        assert 0 < (inst == odd).mean() < 0.06
    jhf = big.loc[
        (big["resolution"] == "installment") & (big["creditor_type"] == "jhf"), "monthly_amount"
    ]
    assert jhf.median() >= 10_000


def test_fixed_terms_do_not_overpay(big):
    inst = big[(big["resolution"] == "installment") & big["term_months"].notna()]
    assert inst["term_months"].isin([36, 60, 120]).all()
    assert (inst["term_months"] * TRUE_PARAMS.term_max_monthly <= inst["residual_debt"]).all()


# --------------------------------------------------------------------------
# the messy export
# --------------------------------------------------------------------------


def test_messy_is_all_strings_with_contract_headers(messy):
    raw, _ = messy
    assert len(raw) > N
    assert (raw.dtypes == "str").all()
    assert not raw.isna().any().any()
    matched = {h: match_header(h)[0] for h in raw.columns}
    outside = [h for h, name in matched.items() if name is None]
    assert set(outside) <= {"氏名", "電話番号", "担当者"} and "氏名" in outside
    found = set(matched.values()) - {None}
    required = (
        set(CASE_COLUMNS)
        - set(OPTIONAL_COLUMNS)
        - {
            "age_band",
            "creditor_type",
            "delinquency_rate",
            "settlement_ratio",
        }
    )
    assert required | {"notes"} <= found


def test_headers_vary_with_the_seed():
    headers = {tuple(simulate_cases(5, seed=s, today=TODAY).columns) for s in range(8)}
    assert len(headers) > 3


MESSY_FORMS = {
    "amount with commas": r"^\d{1,3}(?:,\d{3})+$",
    "amount with 円": r"^[\d,]+円$",
    "half-width yen": r"^¥[\d,]+$",
    "full-width yen": r"^￥[\d,]+$",
    "万円": r"^\d+(?:\.\d+)?万円$",
    "decimal 万": r"^\d+\.\d+万円?$",
    "万 and 千": r"^\d+万\d千円$",
    "億": r"^\d+億(?:\d+万)?円$",
    "full-width digits": r"[０-９]",
    "kanji numeral": r"^[一二三四五六七八九十百千万億]+円$",
    "approximate": r"^約",
    "ISO date": r"^20\d\d-\d\d-\d\d$",
    "slash date": r"^20\d\d/\d{1,2}/\d{1,2}$",
    "年月日": r"^20\d\d年\d{1,2}月\d{1,2}日$",
    "令和": r"^令和(?:元|\d+)年\d+月\d+日$",
    "R3.3.15": r"^R\d+\.\d+\.\d+$",
    "R03/03/15": r"^R\d\d/\d\d/\d\d$",
    "H30.5.1": r"^H\d+\.\d+\.\d+$",
    "平成31年 past the era": r"^平成31年(?:[5-9]|1[0-2])月",
    "Excel serial": r"^4[0-9]{4}$",
    "month without day": r"^20\d\d年\d{1,2}月$",
    "歳": r"^\d+歳$",
    "band only": r"^\d0代$",
    "人": r"^\d人$",
    "ヶ月": r"^\d+ヶ月$",
    "年 term": r"^\d+年$",
    "回": r"^\d+回$",
    "percent": r"^\d+\.\d+%$",
    "missing dash": r"^-$",
    "不明": r"^不明$",
    "unreadable": r"^abc$",
    "age 150": r"^150",
    "impossible date": r"-02-29$|/2/30$|/4/31$",
}


def test_messy_export_contains_the_contract_forms(big_messy):
    cells = pd.Series(big_messy.to_numpy().ravel()).drop_duplicates()
    missing = [
        name for name, rx in MESSY_FORMS.items() if not cells.str.contains(rx, regex=True).any()
    ]
    assert not missing


def test_messy_spellings_of_codes_prefectures_creditors_servicers(big_messy):
    headers = {match_header(h)[0]: h for h in big_messy.columns}
    prefs = big_messy[headers["prefecture"]]
    assert prefs.isin(PREFECTURES).mean() > 0.7
    assert prefs.isin([p[:-1] for p in PREFECTURES if p != "北海道"]).mean() > 0.1
    for column, codes in (("employment", EMPLOYMENT_CODES), ("resolution", RESOLUTION_CODES)):
        written = big_messy[headers[column]]
        assert not written.isin(list(codes)).any()  # written in Japanese ...
        keys = written.map(normalize_header)
        known = keys.isin(list(CODE_MAPS[column])) | (keys == "")
        assert known.mean() > 0.97  # ... in the contract's words
        assert written.nunique() > len(codes)  # ... and in several spellings
    servicers = set(big_messy[headers["servicer"]])
    for form in (
        "ｱﾋﾞﾘｵ債権回収㈱",
        "(株)アビリオ債権回収",
        "セディナ債権回収",
        "ＳＭＢＣ債権回収（株）",
        "日立キャピタル債権回収",
    ):
        assert form in servicers, form
    assert {"", "なし"} <= servicers
    none = {s for s in servicers if normalize_text(s).casefold() in NO_SERVICER_MARKERS}
    assert none <= {"", "なし", "-", "無"}
    creditors = nfkc(big_messy[headers["creditor"]])
    types = set(creditors.map(creditor_type_of).dropna())
    assert types == set(CREDITOR_TYPES)
    for marker in ("-", "不明", "N/A"):
        assert normalize_text(marker).casefold() in MISSING_MARKERS


def test_messy_rows_are_the_clean_rows(clean, messy):
    raw, planted = messy
    head = raw.iloc[:N]
    headers = {match_header(h)[0]: h for h in raw.columns}
    lost = planted[planted["lossy"] & (planted["row"] >= 2)]

    def kept(column):
        rows = set(lost.loc[lost["column"] == column, "row"] - 2)
        return np.array([i not in rows for i in range(N)])

    pref = nfkc(head[headers["prefecture"]]).map(PREFECTURE_NAMES)
    ok = kept("prefecture")
    assert (pref[ok].to_numpy() == clean["prefecture"][ok].to_numpy()).all()
    for column in ("employment", "resolution"):
        words = head[headers[column]].map(normalize_header).map(CODE_MAPS[column])
        if column == "resolution":
            words = words.fillna("pending")
        ok = kept(column)
        assert (words[ok].to_numpy() == clean[column].astype(str)[ok].to_numpy()).all(), column
    size = head[headers["household_size"]].map(normalize_text).str.rstrip("人名")
    ok = kept("household_size")
    assert (size[ok].astype(int).to_numpy() == clean["household_size"][ok].to_numpy()).all()
    creditor = nfkc(head[headers["creditor"]])
    assert (creditor.to_numpy() == clean["creditor"].to_numpy()).all()


def test_planted_cells_are_where_the_table_says(messy):
    raw, planted = messy
    assert list(planted.columns) == [
        "row",
        "case_id",
        "column",
        "header",
        "value",
        "kind",
        "lossy",
        "reported",
    ]
    cells = planted[planted["row"] >= 2]
    for row, header, value in zip(cells["row"], cells["header"], cells["value"], strict=True):
        assert raw.at[row - 2, header] == value
    kinds = set(planted["kind"])
    for kind in (
        "missing",
        "band_only",
        "approximate",
        "unreadable",
        "out_of_range",
        "extra_column",
    ):
        assert kind in kinds, kind
    assert not planted.duplicated(["row", "column"]).any()
    share_bad = planted["kind"].isin(["unreadable", "out_of_range"]).sum() / N
    assert 0.005 <= share_bad <= 0.03


def test_personal_data_is_planted_and_fake(big_messy):
    raw = big_messy
    headers = {match_header(h)[0]: h for h in raw.columns}
    kept_text = pd.concat([raw[headers["servicer"]], raw[headers["prefecture"]]])
    assert kept_text.str.contains(r"^0[789]0-0000-\d{4}$", regex=True).any()
    assert kept_text.str.contains("テスト市テスト町").any()
    # every phone number anywhere is of the fake 0X0-0000-XXXX form
    cells = pd.Series(raw.to_numpy().ravel()).drop_duplicates()
    phones = cells.str.extractall(r"(?<!\d)(0\d{1,4}-\d{1,4}-\d{3,4})(?!\d)")[0]
    assert len(phones) > 0 and phones.str.fullmatch(r"0[789]0-0000-\d{4}").all()
    emails = cells.str.extractall(r"([\w.+-]+@[\w.-]+)")[0]
    assert emails.str.endswith("@example.com").all()
    names = raw["氏名"]
    assert names.str.match(r"^(テスト|サンプル|架空|見本)").all()


def test_duplicate_rows_come_after_the_cases(messy, clean):
    raw, planted = messy
    dup = planted[planted["kind"].str.startswith("duplicate")]
    assert (dup["row"] >= N + 2).all() and len(dup) == len(raw) - N
    assert {"duplicate_older", "duplicate_exact"} <= set(dup["kind"])
    ids = nfkc(raw.iloc[N:, 0])
    assert ids.isin(set(clean["case_id"])).all()
    source = raw.iloc[:N].set_index(nfkc(raw.iloc[:N, 0]))
    for row in dup.loc[dup["kind"] == "duplicate_exact", "row"]:
        repeat = raw.iloc[row - 2]
        assert (repeat.to_numpy() == source.loc[repeat.iloc[0]].to_numpy()).all()
    # an older version is dated otherwise than the case (earlier, or not at all)
    header = next(h for h in raw.columns if match_header(h)[0] == "agreement_date")
    older = dup[dup["kind"] == "duplicate_older"]
    written = raw[header].iloc[older["row"] - 2]
    assert (written != source.loc[nfkc(raw.iloc[older["row"] - 2, 0]), header].to_numpy()).all()


# --------------------------------------------------------------------------
# true_quantile
# --------------------------------------------------------------------------


def test_true_quantile_shapes_and_types(clean):
    one = true_quantile(clean, "settlement_ratio", 0.5)
    assert isinstance(one, pd.Series) and one.name == "settlement_ratio"
    assert one.dtype == "Float64" and one.index.equals(clean.index)
    many = true_quantile(clean, "monthly_amount", [0.1, 0.9])
    assert list(many.columns) == [0.1, 0.9]
    assert (many.dtypes == "Int64").all()
    with pytest.raises(ValueError, match="target"):
        true_quantile(clean, "lump_sum", 0.5)
    for bad in (0, 1, 1.5, [0.5, -0.1]):
        with pytest.raises(ValueError, match="open interval"):
            true_quantile(clean, "settlement_ratio", bad)


def test_true_quantile_is_monotone_in_q(clean):
    levels = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]
    for target in ("settlement_ratio", "monthly_amount"):
        band = true_quantile(clean, target, levels).astype(float)
        diffs = band.diff(axis=1).iloc[:, 1:]
        assert (diffs.fillna(0) >= 0).all().all(), target
    lump = clean["resolution"] == "lump_sum"
    band = true_quantile(clean[lump], "settlement_ratio", [0.05, 0.95]).astype(float)
    assert (band[0.95] > band[0.05]).mean() > 0.95


_SMALL = simulate_cases(300, seed=2, messy=False, today=TODAY)


@settings(max_examples=25, deadline=None)
@given(st.floats(0.001, 0.998), st.floats(0.0005, 0.5))
def test_true_quantile_monotone_property(low, gap):
    cases = _SMALL
    high = min(low + gap, 0.999)
    a = true_quantile(cases, "settlement_ratio", low).astype(float)
    b = true_quantile(cases, "settlement_ratio", high).astype(float)
    assert ((b - a).dropna() >= 0).all()


def test_true_quantile_rows_without_a_model(clean):
    res = clean["resolution"].astype(str)
    ratio = true_quantile(clean, "settlement_ratio", 0.5)
    monthly = true_quantile(clean, "monthly_amount", 0.5)
    assert ratio[res.isin(["bankruptcy", "limitation", "pending"])].isna().all()
    open_ended = (res == "installment") & clean["term_months"].isna()
    assert ratio[open_ended].isna().all()
    assert monthly[res.isin(["bankruptcy", "limitation", "lump_sum"])].isna().all()
    assert ratio[res == "lump_sum"].notna().all()
    # 任意整理 and 個人再生 plans are deterministic: every quantile is the record
    plans = res.isin(["voluntary_arrangement", "rehabilitation"])
    assert plans.any()
    for q in (0.05, 0.95):
        assert (
            true_quantile(clean, "monthly_amount", q)[plans] == clean["monthly_amount"][plans]
        ).all()
        np.testing.assert_allclose(
            true_quantile(clean, "settlement_ratio", q)[plans].astype(float),
            clean["settlement_ratio"][plans].astype(float),
        )


def test_true_quantile_as_of_for_pending_cases(clean):
    pending = clean[clean["resolution"] == "pending"]
    assert true_quantile(pending, "settlement_ratio", 0.5).isna().all()
    soon = true_quantile(pending, "settlement_ratio", 0.5, as_of="2026-07-01").astype(float)
    late = true_quantile(pending, "settlement_ratio", 0.5, as_of="2030-07-01").astype(float)
    assert soon.notna().all()
    assert (late <= soon).all() and (late < soon).any()  # waiting lowers the ratio
    assert true_quantile(pending, "monthly_amount", 0.5).notna().all()


def _ratio_cdf(cases: pd.DataFrame, y: np.ndarray) -> np.ndarray:
    """P(recorded lump sum <= y) for each lump-sum row, from the model in closed form."""
    from outcomes.datasets._simulate import _floats, _ratio_mu

    debt = _floats(cases["residual_debt"])
    years = (cases["agreement_date"] - cases["sale_date"]).dt.days.to_numpy(float) / 365.25
    bought = (cases["servicer"].notna() & (cases["creditor_type"] != "jhf")).to_numpy(float)
    ct = np.array([CREDITOR_TYPES.index(c) for c in cases["creditor_type"].astype(str)])
    mu = _ratio_mu(debt, _floats(cases["monthly_income"]), ct, bought, years)
    unit = TRUE_PARAMS.lump_unit
    edge = (np.floor(y / unit) + 0.5) * unit  # recorded <= y  <=>  latent <= edge
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (np.log(edge / (debt - edge)) - mu) / TRUE_PARAMS.ratio_sigma
    p = np.array([NormalDist().cdf(v) if np.isfinite(v) else float(v > 0) for v in z])
    p = np.where(edge >= debt, 1.0, p)
    return np.where(y < TRUE_PARAMS.lump_min, 0.0, np.where(y >= debt, 1.0, p))


def _monthly_cdf(cases: pd.DataFrame, y: np.ndarray) -> np.ndarray:
    """P(recorded instalment <= y) for each instalment row, in closed form."""
    from outcomes.datasets._simulate import _codes, _floats, _monthly_mu

    mu = _monthly_mu(
        _floats(cases["monthly_income"]),
        _floats(cases["household_size"]),
        _codes(cases["employment"], tuple(EMPLOYMENT_CODES)),
        _codes(cases["creditor_type"], CREDITOR_TYPES),
    )
    values = np.asarray(TRUE_PARAMS.monthly_values)
    bounds = np.asarray([*TRUE_PARAMS.monthly_bounds, np.inf])
    k = np.searchsorted(values, y, side="right") - 1  # largest recorded value <= y
    edge = bounds[np.maximum(k, 0)]  # recorded <= y  <=>  latent <= edge
    z = (np.log(edge) - mu) / TRUE_PARAMS.monthly_sigma
    p = np.array([NormalDist().cdf(v) if np.isfinite(v) else float(v > 0) for v in z])
    return np.where(k < 0, 0.0, p)


@pytest.mark.parametrize("q", [0.1, 0.5, 0.9])
def test_true_quantile_is_the_exact_quantile(big, q):
    """P(Y < Q) <= q <= P(Y <= Q) row by row: Q is the q-quantile of the recorded amount."""
    lump = big[big["resolution"] == "lump_sum"].iloc[:1500]
    Q = (
        (true_quantile(lump, "settlement_ratio", q).astype(float) * lump["residual_debt"])
        .round()
        .to_numpy()
    )
    assert (_ratio_cdf(lump, Q - 1) <= q + 1e-9).all()
    assert (_ratio_cdf(lump, Q) >= q - 1e-9).all()
    inst = big[big["resolution"] == "installment"].iloc[:1500]
    Qm = true_quantile(inst, "monthly_amount", q).to_numpy(dtype=float)
    assert (_monthly_cdf(inst, Qm - 1) <= q + 1e-9).all()
    assert (_monthly_cdf(inst, Qm) >= q - 1e-9).all()


def test_true_quantile_covers_simulated_outcomes(big):
    lump = big[big["resolution"] == "lump_sum"]
    ratio = lump["settlement_ratio"].astype(float)
    upper = true_quantile(lump, "settlement_ratio", 0.9).astype(float)
    assert 0.88 <= (ratio <= upper).mean() <= 0.92
    inst = big[big["resolution"] == "installment"]
    for q in (0.1, 0.5, 0.9):
        Q = true_quantile(lump, "settlement_ratio", q).astype(float)
        assert (ratio < Q).mean() <= q + 0.02 and (ratio <= Q).mean() >= q - 0.02
        # the observed share below Q matches the model's probability within sampling error
        Qy = (Q * lump["residual_debt"]).round().to_numpy()
        expected = _ratio_cdf(lump, Qy).mean()
        se = np.sqrt(expected * (1 - expected) / len(lump))
        assert abs((ratio <= Q).mean() - expected) < 4 * se
        Qm = true_quantile(inst, "monthly_amount", q)
        amount = inst["monthly_amount"]
        assert (amount < Qm).mean() <= q + 0.02 and (amount <= Qm).mean() >= q - 0.02
        expected = _monthly_cdf(inst, Qm.to_numpy(dtype=float)).mean()
        se = np.sqrt(expected * (1 - expected) / len(inst))
        assert abs((amount <= Qm).mean() - expected) < 4 * se


# --------------------------------------------------------------------------
# number writing and the sample
# --------------------------------------------------------------------------


@given(st.integers(1, 10**12 - 1))
def test_kanji_numerals_read_back(n):
    from kanjize import kanji2number

    assert kanji2number(_messy._kanji(n)) == n


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=20))
def test_full_width_text_normalises_back(text):
    assert unicodedata.normalize("NFKC", _messy._fw(text)) == text


def _kanji_before_kanjize(n: int) -> str:
    """The kanji writer the generator had before it used kanjize (the reference)."""
    digits = "〇一二三四五六七八九"

    def four(n: int) -> str:
        out = ""
        for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
            d, n = divmod(n, value)
            if d:
                out += ("" if d == 1 else digits[d]) + unit
        return out + (digits[n] if n else "")

    if n == 0:
        return "〇"
    parts = []
    for value, unit in ((10**12, "兆"), (10**8, "億"), (10**4, "万")):
        d, n = divmod(n, value)
        if d:
            parts.append(("一" if d == 1 else four(d)) + unit)
    if n:
        parts.append(four(n))
    return "".join(parts)


@given(st.one_of(st.integers(0, 10**12 - 1), st.integers(0, 99_999).map(lambda k: k * 1000)))
def test_kanjize_spells_amounts_as_the_writer_it_replaced(n):
    assert _messy._kanji(n) == _kanji_before_kanjize(n)


def test_sample_file_matches_the_generator():
    path = datasets.sample_path()
    assert path.is_file(), "run data/sample/make_sample.py"
    assert path.parent.parent.parent.name == "outcomes"  # inside the package: outcomes/data/sample
    raw = simulate_cases(datasets.SAMPLE_N, datasets.SAMPLE_SEED, today=datasets.SAMPLE_TODAY)
    data = path.read_bytes()
    assert data == datasets._export_bytes(raw)
    back = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="cp932")
    assert back.shape == raw.shape and back.iloc[:, 0].iloc[0] == "C000001"
    assert b"\r\n" in data


def test_load_sample_reads_the_bundled_file(monkeypatch):
    from outcomes._cleaning.read import read_cases

    sample = datasets.load_sample()
    raw = simulate_cases(datasets.SAMPLE_N, datasets.SAMPLE_SEED, today=datasets.SAMPLE_TODAY)
    assert len(sample) == len(raw) > datasets.SAMPLE_N
    assert sample.equals(read_cases(datasets.sample_path()))
    assert sample.attrs["source"].endswith("cases.csv")
    # no regeneration behind the analyst's back: a missing file is a clear error
    monkeypatch.setattr(datasets, "SAMPLE_RESOURCE", ("data", "sample", "missing.csv"))
    with pytest.raises(OutcomesError, match="bundled sample .* missing"):
        datasets.load_sample()
    with pytest.raises(OutcomesError, match="reinstall"):
        datasets.sample_path()
