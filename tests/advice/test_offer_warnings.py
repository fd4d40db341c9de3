"""What an offer says first, and what it never says: consigned claims, the share of similar
settlements, no script and no promise.

Review rows C2, P10, P11, I1 and B3 (through ``outcomes offer``) of
``shared/reviews/ways-out-review.md``; each test cites its statute, case or source. The
small model of the review is fitted once here. Moved from ``test_issue20.py`` (issue 24).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pandas as pd
import pytest

import outcomes
from outcomes._advice import (
    ESTIMATE_NOTICE,
    batch_offers,
    opening_offer,
)
from outcomes._advice.basis import index_past_cases, similar_basis
from outcomes.datasets import simulate_cases
from outcomes.models import SettlementRatioModel

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-06-30"


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


def test_a_consigned_offer_is_warned_first(ratio_model, past):
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


def test_batch_offers_warn_a_consigned_claim_first(ratio_model, past):
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


def test_the_basis_keeps_to_the_same_role_when_past_cases_record_it(past):
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
# 6. The Japanese of the offer (P11, P10, I1) and the notice
# --------------------------------------------------------------------------


def test_the_offer_says_what_the_share_is_and_nothing_else(ratio_model, past):
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


def test_the_offer_scripts_no_negotiation_and_promises_nothing(ratio_model, past):
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
