"""What an offer says first, and what it never says: consigned claims, the share of similar
settlements, no script and no promise.

Review rows C2, P10, P11, I1 and B3 (through ``outcomes offer``) of
``shared/reviews/ways-out-review.md``; each test cites its statute, case or source. The
small model of the review is fitted once here. Moved from ``test_issue20.py`` (issue 24).

Issue 25: the limitation inside every offer (N8, N9; 最判昭和41年4月20日), single, batch and
on the CLI page, and the rows that need a model (P2, N20).
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
from outcomes.models import MonthlyAmountModel, SettlementRatioModel

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
    # still open (a resolved case is skipped with its own reason, issue 21), sold recently
    # (an old sale's limitation would be warned about first, issue 25)
    cases["resolution"] = pd.array(["pending"] * 6, dtype=past["resolution"].dtype)
    cases["agreement_date"] = pd.NaT
    cases["sale_date"] = pd.Timestamp("2025-06-30")
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


@pytest.fixture(scope="module")
def monthly_model(past) -> MonthlyAmountModel:
    return MonthlyAmountModel(as_of=TODAY, max_iter=10).fit(past)


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory, ratio_model, monthly_model, past) -> Path:
    from outcomes._io import write_model_dir

    path = tmp_path_factory.mktemp("models") / "model"
    return write_model_dir(path, ratio=ratio_model, monthly=monthly_model, cases=past)


def _cli(argv: list[str]) -> str:
    from outcomes.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    assert code == 0
    return out.getvalue()


def _cli_offer(tmp_path, model_dir, case: dict, as_of: str = TODAY) -> str:
    """What ``outcomes offer`` prints for ``case``."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return _cli(["offer", "--model", str(model_dir), "--case", str(path), "--as-of", as_of])


def test_the_cli_reads_the_joint_debtor_header_back(tmp_path, model_dir):
    """B3 through ``outcomes offer``: the JSON header 連帯債務者 reaches the ways out (§441)."""
    text = _cli_offer(tmp_path, model_dir, {**CONSIGNED, "連帯債務者": "あり"})
    assert "連帯債務者あり" in text and "保証人なら" not in text
    assert text.index("注意: みずほ債権回収は回収の委託") < text.index("一括和解の提示案")


def test_the_cli_reads_the_guarantor_header_back(tmp_path, model_dir):
    """B3 the other way: a JSON header 連帯保証人 is a guarantor (民法457条1項), not "either"."""
    text = _cli_offer(tmp_path, model_dir, {**CONSIGNED, "連帯保証人": "あり"})
    assert "保証人あり" in text and "民法457条1項" in text
    assert "どちらかは不明" not in text and "連帯債務者なら" not in text and "441条" not in text


# --------------------------------------------------------------------------
# Issue 25: the limitation inside every offer (N8, N9), and the rows that need a model
# --------------------------------------------------------------------------

TIME_BARRED = {  # the review's N8 call: a bank's claim bought by SMBC債権回収, sold in 2016
    "residual_debt": 5_800_000,
    "creditor": "○○銀行",
    "servicer": "SMBC債権回収",
    "servicer_role": "譲受",
    "employment": "会社員",
    "monthly_income": 250_000,
    "sale_date": "2016-03-01",
}
N8_AS_OF = "2024-06-01"


def test_an_offer_on_a_time_barred_claim_says_so_first(ratio_model, past):
    """N8: 最判昭和41年4月20日: a settlement proposal or a payment after completion forfeits the
    援用 as a rule, so an offer on a claim whose limitation has run says so on its first line,
    and its amounts are figures for after a 弁護士 has ruled the limitation out."""
    offer = opening_offer(
        ratio_model, TIME_BARRED, cash_available=300_000, past_cases=past, as_of=N8_AS_OF
    )
    assert offer.limitation == "run"
    first = str(offer).splitlines()[0]
    assert "時効が完成しています" in first and "最判昭和41年4月20日" in first
    assert "和解・減額の申入れや支払い" in first and "弁護士" in first
    assert offer.reasons[0] == offer.warnings[0] == first
    assert "弁護士が完成を否定した後の参考額" in str(offer)  # the amounts are marked
    english = opening_offer(
        ratio_model, TIME_BARRED, past_cases=past, as_of=N8_AS_OF, language="en"
    )
    assert english.warnings[0].startswith("Warning: on this estimate the limitation has run")
    assert "ruled the limitation out" in english.warnings[0]


def test_an_offer_whose_limitation_may_have_run_says_so_first(ratio_model):
    """N8 with 不明: a servicer recorded as the creditor leaves the period unknown (民法466条,
    domain.md); complete on the 5 years, so the offer warns first all the same."""
    case = {**TIME_BARRED, "creditor": "アルファ債権回収株式会社", "servicer": None}
    offer = opening_offer(ratio_model, case, as_of=N8_AS_OF)
    assert offer.limitation == "may_have_run"
    assert offer.warnings[0].startswith("注意: 時効が完成しているおそれがあります")


def test_an_offer_on_a_running_limitation_says_nothing_of_it(ratio_model):
    """N8, the other side: a sale of 2025 leaves the limitation running: no warning."""
    offer = opening_offer(ratio_model, SAITAMA, as_of=TODAY)
    assert offer.limitation == "not_run"
    assert not any("時効" in w for w in offer.warnings)


def _pending(past: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """``n`` clean past cases made pending, the first sold in 2016 (its limitation has run)."""
    table = past.head(n).copy()
    table["resolution"] = pd.Series(["pending"] * n, index=table.index).astype(
        table["resolution"].dtype
    )
    table["agreement_date"] = pd.NaT
    table["sale_date"] = pd.to_datetime(["2016-03-01", *["2025-06-30"] * (n - 1)])
    for name, value in (("creditor", "○○銀行"), ("creditor_type", "bank")):  # a merchant: 5 years
        table[name] = table[name].astype(object)
        table.loc[table.index[0], name] = value
        table[name] = table[name].astype(past[name].dtype)
    return table


def test_batch_offers_say_the_limitation_first_and_in_a_column(ratio_model, past):
    """N8 in batch (``Advisor.offers``): a ``limitation`` column, and the warning first in
    ``warnings`` where it has run (最判昭和41年4月20日)."""
    table = batch_offers(ratio_model, _pending(past), as_of=N8_AS_OF)
    assert table["limitation"].iloc[0] == "run"
    assert table["warnings"].iloc[0].startswith("注意: この見積りでは時効が完成しています")
    assert (table["limitation"].iloc[1:] == "not_run").all()
    assert not table["warnings"].iloc[1:].str.contains("時効").any()


def test_the_cli_offer_page_and_batch_say_the_limitation_first(tmp_path, model_dir, past):
    """N8 through ``outcomes offer``: the page's first line, and a column of ``--cases``."""
    text = _cli_offer(tmp_path, model_dir, TIME_BARRED, as_of=N8_AS_OF)
    assert text.splitlines()[0].startswith("注意: この見積りでは時効が完成しています")
    cases = tmp_path / "cases.parquet"
    _pending(past).to_parquet(cases)
    out = tmp_path / "offers.csv"
    _cli(["offer", "--model", str(model_dir), "--cases", str(cases), "-o", str(out),
          "--as-of", N8_AS_OF])  # fmt: skip
    written = pd.read_csv(out)
    assert written["limitation"].iloc[0] == "run"
    assert written["warnings"].iloc[0].startswith("注意: この見積りでは時効が完成しています")


def test_an_unknown_role_is_unknown_with_a_model_too(ratio_model):
    """P2: domain.md, MoJ 2017 (most servicer-handled claims are consigned): with the role not
    recorded, the lump sum is 不明 whatever produced its figure, model or rule of thumb."""
    case = {**SAITAMA, "sale_date": "2023-03-01"}
    kwargs = {"cash_available": 100_000, "as_of": "2024-06-01"}
    with_model = outcomes.compare_paths(case, ratio_model=ratio_model, **kwargs)
    row = with_model.set_index("path").loc["lump_sum"]
    assert pd.isna(row["available"])
    assert "サービサーが債権を買い取った場合に限ります" in row["notes_ja"]


def test_the_instalment_row_never_shows_more_than_the_budget(monthly_model):
    """N20 (the article: 「生活に無理のない範囲で…収支表」): with a budget below the model's
    amount, the row shows what installment_proposal shows, never the figure its own note
    says the household cannot pay."""
    case = {**SAITAMA, "household_size": 4, "sale_date": "2024-01-10"}
    table = outcomes.compare_paths(
        case, monthly_model=monthly_model, budget=7_000, as_of="2024-06-01"
    )
    row = table.set_index("path").loc["installment"]
    proposal = outcomes.installment_proposal(monthly_model, case, budget=7_000, as_of="2024-06-01")
    assert row["monthly"] == proposal.monthly <= 7_000
    assert "世帯が払える額" not in row["notes_ja"]
