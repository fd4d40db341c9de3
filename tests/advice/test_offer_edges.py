"""Offers at the edges: unseen and typo'd servicers, the firm's registry, time, CLI options.

One ratio model and one time model fitted once on generated cases (seed 1).
"""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from outcomes._advice import compare_paths, installment_proposal, opening_offer, render_paths
from outcomes._advice.case import with_as_of
from outcomes._advice.curve import acceptance, acceptance_rows, curve_levels
from outcomes._errors import CaseError
from outcomes._registry import servicers_seen
from outcomes.cli import main
from outcomes.datasets import simulate_cases
from outcomes.models import MonthlyAmountModel, SettlementRatioModel, TimeToAgreementModel

TODAY = "2026-06-30"
CASE = {
    "residual_debt": 5_800_000,
    "creditor": "〇〇保証株式会社",
    "servicer": "SMBC債権回収",
    "employment": "会社員",
    "monthly_income": 250_000,
    "sale_date": "2025-06-30",
}


@pytest.fixture(scope="module")
def fitted():
    with threadpool_limits(1):
        past = simulate_cases(3000, seed=1, messy=False, today=TODAY)
        ratio = SettlementRatioModel(as_of=TODAY, max_iter=60).fit(past)
        monthly = MonthlyAmountModel(as_of=TODAY).fit(past)
        time = TimeToAgreementModel().fit(past)
    return past, ratio, monthly, time


def test_the_model_saw_smbc_but_not_aozora(fitted):
    _, ratio, _, _ = fitted
    seen = servicers_seen(ratio)
    assert "SMBC債権回収" in seen and "あおぞら債権回収" not in seen


@pytest.mark.parametrize(
    ("servicer", "status", "words"),
    [
        ("SMBC債権回集", "unmatched", ["登録簿にありません", "もしかして: SMBC債権回収"]),
        ("あおぞら債権回収", "unseen", ["学習データにありません"]),
    ],
)
def test_an_unseen_or_typod_servicer_warns_first(fitted, servicer, status, words):
    _, ratio, monthly, _ = fitted
    offer = opening_offer(ratio, {**CASE, "servicer": servicer}, as_of=TODAY)
    assert offer.servicer_status == status
    assert offer.reasons[0] == offer.warnings[0]
    for word in words:
        assert word in offer.warnings[0]
    assert "まとめた傾向" in offer.warnings[0]  # what the estimate rests on instead
    assert offer.servicer == servicer  # suggested, never substituted
    en = opening_offer(ratio, {**CASE, "servicer": servicer}, as_of=TODAY, language="en")
    assert en.warnings[0].startswith("Warning: servicer")
    plan = installment_proposal(monthly, {**CASE, "servicer": servicer}, as_of=TODAY)
    assert plan.reasons[0] == offer.warnings[0]
    paths = compare_paths({**CASE, "servicer": servicer}, ratio_model=ratio, as_of=TODAY)
    assert render_paths(paths, "ja").splitlines()[0] == offer.warnings[0]
    assert render_paths(paths, "en").splitlines()[0] == en.warnings[0]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_jhf_case_with_its_collector_says_first_that_a_lump_sum_is_the_exception(
    fitted, language
):
    """domain.md: JHF keeps its claims and consigns collection to four servicers, so a JHF
    case with 住宅債権管理回収機構 recorded is not sold and rarely forgiven. The lump-sum
    amounts an offer shows are then the exception, and the offer says so first."""
    _, ratio, _, _ = fitted
    nagoya = {
        "residual_debt": 3_200_000,
        "creditor": "住宅金融公庫",
        "servicer": "住宅債権管理回収機構",
        "employment": "年金",
        "monthly_income": 140_000,
        "sale_date": "2023-09-01",
    }
    offer = opening_offer(ratio, nagoya, as_of=TODAY, language=language)
    assert offer.warnings, "a JHF lump sum must carry a warning"
    first = offer.warnings[0]
    assert ("住宅金融支援機構" in first and "分割弁済" in first) or ("JHF" in first)
    assert offer.reasons[0] == first


def test_no_warning_for_a_known_servicer_or_none(fitted):
    _, ratio, _, _ = fitted
    known = opening_offer(ratio, CASE, as_of=TODAY)
    none = opening_offer(ratio, {**CASE, "servicer": None}, as_of=TODAY)
    assert (known.servicer_status, known.warnings) == ("known", ())
    assert (none.servicer_status, none.warnings) == ("none", ())


@pytest.mark.parametrize(
    ("resolution", "language", "first"),
    [
        ("自己破産", "ja", "注意: この案件は解決済みです(解決方法: 自己破産)"),
        ("一括和解", "en", "Warning: this case is already resolved (lump sum)"),
    ],
)
def test_a_single_offer_on_a_resolved_case_says_so_first(fitted, resolution, language, first):
    """Issue 21 (finding 11) for one case: batch offers skip a resolved case; a single offer
    still computes (an analyst may ask on purpose) but says first that the case is resolved."""
    _, ratio, _, _ = fitted
    offer = opening_offer(ratio, {**CASE, "resolution": resolution}, as_of=TODAY, language=language)
    assert offer.warnings[0].startswith(first)
    assert offer.reasons[0] == offer.warnings[0]
    assert not opening_offer(ratio, CASE, as_of=TODAY).warnings  # pending: nothing said


def test_an_unseen_servicer_is_priced_as_a_servicer_not_as_none(fitted):
    _, ratio, _, _ = fitted
    known = opening_offer(ratio, CASE, as_of=TODAY)
    typo = opening_offer(ratio, {**CASE, "servicer": "SMBC債権回集"}, as_of=TODAY)
    none = opening_offer(ratio, {**CASE, "servicer": None}, as_of=TODAY)
    assert typo.target < 0.5 * none.target
    assert abs(typo.target - known.target) < abs(none.target - known.target)


def test_the_firms_registry_matches_an_alias(fitted, tmp_path, monkeypatch):
    _, ratio, _, _ = fitted
    monkeypatch.delenv("OUTCOMES_SERVICERS", raising=False)
    firm = tmp_path / "firm.csv"
    firm.write_text("name,aliases\nSMBC債権回収,エスエムビーシー回収\n", encoding="utf-8")
    case = {**CASE, "servicer": "エスエムビーシー回収"}
    assert opening_offer(ratio, case, as_of=TODAY).servicer_status == "unmatched"
    matched = opening_offer(ratio, case, as_of=TODAY, servicers=firm)
    assert matched.servicer_status == "known" and matched.warnings == ()
    assert matched.target == opening_offer(ratio, CASE, as_of=TODAY).target
    monkeypatch.setenv("OUTCOMES_SERVICERS", str(firm))
    assert opening_offer(ratio, case, as_of=TODAY).servicer_status == "known"


def test_keys_and_forgotten_man_yen_in_an_offer(fitted):
    _, ratio, _, _ = fitted
    with pytest.raises(CaseError, match="employmnet → employment"):
        opening_offer(ratio, {**CASE, "employmnet": "会社員"})
    with pytest.raises(CaseError, match="out of range"):
        opening_offer(ratio, {**CASE, "residual_debt": 58})
    text = opening_offer(ratio, {**CASE, "residual_debt": "580万円", "sale_date": "R7.6.30"})
    assert text.residual_debt == 5_800_000


def test_time_model_gives_chances_and_the_wait_table(fitted):
    past, ratio, _, time = fitted
    offer = opening_offer(ratio, CASE, as_of=TODAY, time_model=time)
    assert offer.months_waited == pytest.approx(12, abs=0.1)
    p6, p12 = offer.agreement_within
    assert 0 < p6 < p12 < 1
    frame = past.iloc[[0]].assign(sale_date=pd.Timestamp("2025-06-30"))
    truth = 1 - time.predict_survival(frame, (6, 12), conditional_after=offer.months_waited)
    assert truth.iloc[0].to_numpy() == pytest.approx([p6, p12], abs=0.5)  # same machinery
    table = offer.wait_table
    assert list(table.iloc[:, 0]) == ["今", "6か月後", "12か月後"]
    assert table.iloc[0, 2] == offer.target
    assert table.iloc[0, 3] == pytest.approx(p6)
    assert any("6か月以内" in r for r in offer.reasons)
    assert opening_offer(ratio, CASE, as_of=TODAY).wait_table is None


def test_vectorised_acceptance_equals_the_one_case_reading(fitted):
    past, ratio, _, _ = fitted
    grid = curve_levels((0.2, 0.5, 0.85))
    rows = past.head(200)
    Q = np.maximum.accumulate(
        np.clip(np.asarray(ratio.predict_quantiles(rows, list(grid)), float), 0, 1), axis=1
    )
    Q[0, 10:30] = Q[0, 10]  # ties are read at their highest level
    residual = rows["residual_debt"].to_numpy(dtype=float)
    amounts = np.column_stack([residual * 0.03, residual * 0.1, residual * 0.5, residual * 1.2])
    fast = acceptance_rows(grid, Q, residual, amounts)
    slow = np.array(
        [acceptance(grid, Q[i], int(residual[i]), amounts[i]) for i in range(len(rows))]
    )
    np.testing.assert_allclose(fast, slow, atol=1e-12)


# --------------------------------------------------------------------------
# outcomes offer: options in the contract's forms, warnings first
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model_dir(fitted, tmp_path_factory):
    from outcomes._io import write_model_dir

    past, ratio, monthly, time = fitted
    directory = tmp_path_factory.mktemp("model")
    # the time model is written with the others (a file added afterwards is refused:
    # metadata.json records the hash of every file of one fit)
    write_model_dir(directory, ratio=ratio, monthly=monthly, cases=past, time=time)
    return directory


def _case_file(tmp_path, **changes):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**CASE, **changes}, ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_typo_servicer_warning_is_the_first_line(model_dir, tmp_path, capsys):
    case = _case_file(tmp_path, servicer="SMBC債権回集")
    code = main(["offer", "--model", str(model_dir), "--case", str(case), "--as-of", "2026/06/30",
                 "--cash", "30万", "--budget", "1.5万"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0].startswith("注意: サービサー「SMBC債権回集」")
    assert "もしかして: SMBC債権回収" in out.splitlines()[0]
    assert "300,000" in out or "30万円" in out
    assert "今後6か月以内" in out and "12か月後" in out  # the time model of the directory


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2025/01/01"], "before the case's sale_date"),
        (["--cash", "abc"], "--cash 'abc'"),
        (["--as-of", "someday"], "--as-of 'someday'"),
    ],
)
def test_cli_refuses_in_one_line(model_dir, tmp_path, capsys, args, message):
    case = _case_file(tmp_path)
    code = main(["offer", "--model", str(model_dir), "--case", str(case), *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_cli_cash_forms_agree(model_dir, tmp_path, capsys):
    case = _case_file(tmp_path)
    outs = []
    for cash in ("30万", "300,000", "300000"):
        assert main(["offer", "--model", str(model_dir), "--case", str(case), "--cash", cash,
                     "--as-of", TODAY]) == 0  # fmt: skip
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1] == outs[2]


def test_cli_unknown_key_and_forgotten_man_yen(model_dir, tmp_path, capsys):
    case = tmp_path / "typo.json"
    case.write_text(json.dumps({**CASE, "employmnet": "会社員"}), encoding="utf-8")
    assert main(["offer", "--model", str(model_dir), "--case", str(case)]) == 2
    assert "employmnet → employment?" in capsys.readouterr().err
    small = _case_file(tmp_path, residual_debt=58)
    args = ["offer", "--model", str(model_dir), "--case", str(small), "--as-of", TODAY]
    assert main(args) == 2  # the offer's language (Japanese by default), in one line
    err = capsys.readouterr().err
    assert "範囲外" in err and "提示額は出しません" in err and len(err.strip().splitlines()) == 1
    assert main([*args, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "out of range" in err and "no offer is made" in err
    assert len(err.strip().splitlines()) == 1


def test_cli_input_notes_are_in_the_offers_language(model_dir, tmp_path, capsys):
    """A misspelled servicer's note at the end of the page is not English in a Japanese offer."""
    case = _case_file(tmp_path, servicer="SMBC債権回集")
    args = ["offer", "--model", str(model_dir), "--case", str(case), "--as-of", TODAY]
    assert main(args) == 0
    notes = capsys.readouterr().out.split("入力の注意", 1)[1]
    assert "登録にないサービサー" in notes and "unknown servicer" not in notes
    assert main([*args, "--lang", "en"]) == 0
    notes = capsys.readouterr().out.split("Notes on the input", 1)[1]
    assert "unknown servicer" in notes


def _fitted_for_drivers():
    past = simulate_cases(1500, seed=5, messy=False, today="2026-06-30")
    return past, SettlementRatioModel(as_of="2026-06-30", max_iter=30).fit(past)


def test_offer_states_its_top_drivers_in_its_language():
    """Issue 12: ``opening_offer(explain=True)`` gives the top 3 drivers against the reference."""
    past, model = _fitted_for_drivers()
    case = past[past["resolution"] == "pending"].head(1)
    ja = opening_offer(model, case, as_of="2026-06-30", explain=True)
    en = opening_offer(model, case, as_of="2026-06-30", explain=True, language="en")
    assert opening_offer(model, case, as_of="2026-06-30").drivers is None
    d = ja.drivers
    assert 1 <= len(d) <= 3 and list(d.columns) == ["feature", "label", "points", "yen"]
    full = model.explain(with_as_of(case, date(2026, 6, 30)))
    contrib = full.drop(columns=["prediction", "reference_prediction"]).iloc[0].abs()
    assert set(d["feature"]) == set(contrib.sort_values(ascending=False).index[: len(d)])
    residual = int(case["residual_debt"].iloc[0])
    assert (d["yen"] - (d["points"] / 100 * residual).round()).abs().max() <= 1
    assert d.attrs["prediction"] == pytest.approx(float(full["prediction"].iloc[0]))
    sentence = next(r for r in ja.reasons if "主な要因" in r)
    assert all(label in sentence for label in d["label"]) and "約束ではありません" in sentence
    en_sentence = next(r for r in en.reasons if r.startswith("Why "))
    assert all(label in en_sentence for label in en.drivers["label"])
    assert not any(label in en_sentence for label in d["label"] if not label.isascii())


def test_single_offer_warns_first_when_the_case_is_outside_the_training_range():
    """Issue 13: a debt beyond the training range is warned about first, in the language."""
    from outcomes.models import TrainingProfile

    past, model = _fitted_for_drivers()
    profile = TrainingProfile.from_cases(past)
    case = past[past["resolution"] == "pending"].head(1).copy()
    usual = opening_offer(model, case, as_of="2026-06-30", training_profile=profile)
    assert not any("範囲の外" in w for w in usual.warnings)
    case["residual_debt"] = pd.array([400_000_000], dtype=case["residual_debt"].dtype)
    ja = opening_offer(model, case, as_of="2026-06-30", training_profile=profile)
    en = opening_offer(model, case, as_of="2026-06-30", training_profile=profile, language="en")
    assert (
        ja.warnings[0].startswith("注意: この案件はモデルが学んだ範囲の外")
        and "残債" in ja.warnings[0]
    )
    assert en.warnings[0].startswith("Warning: this case lies outside what the model learned")
    assert ja.reasons[0] == ja.warnings[0]


# --------------------------------------------------------------------------
# Issue 21: the Python API as smooth as the command line
# --------------------------------------------------------------------------


def test_cash_and_budget_as_text_as_the_cli_takes_them(fitted):
    """Review finding 16: ``cash_available="30万"`` was refused in Python; the CLI took it."""
    _, ratio, monthly, _ = fitted
    ints = opening_offer(ratio, CASE, cash_available=300_000, budget=15_000, as_of=TODAY,
                         monthly_model=monthly)  # fmt: skip
    for cash, budget in (("30万", "1.5万"), ("300,000", "15,000円"), ("３０万円", "1万5千円")):
        text = opening_offer(ratio, CASE, cash_available=cash, budget=budget, as_of=TODAY,
                             monthly_model=monthly)  # fmt: skip
        assert text == ints
    proposal = installment_proposal(monthly, CASE, budget="1.5万")
    assert proposal == installment_proposal(monthly, CASE, budget=15_000)
    with pytest.raises(CaseError, match="cash_available 'abc' is not an amount of yen"):
        opening_offer(ratio, CASE, cash_available="abc", as_of=TODAY)


def test_print_offer_is_the_one_page_summary(fitted, capsys):
    """Review finding 16: ``print(offer)`` showed the raw dataclass repr."""
    from outcomes._advice import render_offer

    _, ratio, monthly, time = fitted
    offer = opening_offer(ratio, CASE, cash_available="30万", as_of=TODAY, monthly_model=monthly,
                          time_model=time)  # fmt: skip
    print(offer)
    printed = capsys.readouterr().out
    assert printed == render_offer(offer) + "\n"
    assert "Offer(" not in printed and "curve_levels" not in printed
    assert printed.startswith("一括和解の提示案  残債 580万円")
    assert "待つか、今提示するか" in printed and offer.notice in printed
    english = opening_offer(ratio, CASE, as_of=TODAY, language="en")
    assert str(english).startswith("Lump-sum offer  residual ¥5,800,000")
    assert repr(offer).startswith("Offer(")  # the repr stays the record, for debugging


def test_the_wait_table_has_a_display_with_yen_and_percentages(fitted):
    """Review finding 16: ``offer.wait_table`` showed ``0.339264`` and ``190000``."""
    _, ratio, _, time = fitted
    offer = opening_offer(ratio, CASE, as_of=TODAY, time_model=time)
    numbers, shown = offer.wait_table, offer.wait_table_display
    assert list(shown.columns) == list(numbers.columns) and shown.shape == numbers.shape
    assert shown.iloc[0, 2].endswith("円") and shown.iloc[0, 2] == f"{offer.target // 10_000}万円"
    for j in (3, 4):
        for value, text in zip(numbers.iloc[:, j], shown.iloc[:, j], strict=True):
            assert text == f"{value * 100:.0f}%"
    assert numbers.iloc[0, 2] == offer.target  # the numbers stay numbers
    english = opening_offer(ratio, CASE, as_of=TODAY, time_model=time, language="en")
    assert english.wait_table_display.iloc[0, 2] == f"¥{english.target:,}"
    assert opening_offer(ratio, CASE, as_of=TODAY).wait_table_display is None


def test_the_advisor_is_public():
    import outcomes
    from outcomes._advice import Advisor, batch_offers

    assert outcomes.Advisor is Advisor and outcomes.batch_offers is batch_offers
    assert {"Advisor", "batch_offers"} <= set(outcomes.__all__)
