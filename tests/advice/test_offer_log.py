"""An offer says what the firm's negotiation log shows for its servicer (issue 27, part 3).

"The offer also says what the log shows for this servicer: its usual first
demand against what it settled for, how many rounds it took, and whether
waiting has lowered its floor" -- from >= k distinct cases only, as an
internal estimate from other debtors' cases, never as what the creditor will
accept nor as steps of a negotiation (case-records §9 last paragraph;
弁護士法72条). One small generated world for the whole module (quick).
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from outcomes import Advisor, NegotiationLog, OutcomesError, batch_offers, opening_offer
from outcomes._advice.servicer_log import LOG_WORDS
from outcomes.cli import main
from outcomes.datasets import simulate_cases, simulate_negotiations
from outcomes.models import (
    AcceptanceModel,
    MonthlyAmountModel,
    SettlementRatioModel,
    servicer_answers,
)

TODAY = "2026-06-30"
SERVICER = "SMBC債権回収"
#: kana: a line of English with one of these is a line in the other language
KANA = re.compile(r"[\u3040-\u30ff]")


@pytest.fixture(scope="module")
def world():
    cases = simulate_cases(600, seed=1, messy=False, today=TODAY)
    return simulate_negotiations(cases, as_of=TODAY, seed=2)


@pytest.fixture(scope="module")
def ratio_model(world):
    return SettlementRatioModel(as_of=TODAY, max_iter=20).fit(world.cases)


def _case(world) -> dict[str, object]:
    row = world.cases[world.cases["servicer"] == SERVICER].iloc[0]
    return {
        "residual_debt": int(row["residual_debt"]),
        "creditor": str(row["creditor"]),
        "servicer": SERVICER,
        "sale_date": str(row["sale_date"].date()),
    }


def _log_line(offer) -> str:
    lines = [
        r for r in offer.reasons if r.startswith(("交渉履歴", "In the negotiation log", "Too"))
    ]
    assert len(lines) == 1, offer.reasons
    return lines[0]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_offer_states_the_servicers_first_demand_settlement_rounds_and_waiting(
    world, ratio_model, language
):
    """Issue 27 part 3: the log's figures for this servicer, from >= k cases, in the offer's language."""
    offer = opening_offer(
        ratio_model,
        _case(world),
        as_of=TODAY,
        past_cases=world.cases,
        negotiations=world.log,
        language=language,
    )
    row = servicer_answers(world.log, world.cases, k=5, servicer=SERVICER).iloc[0]
    record = offer.log_summary
    assert record is not None and not record.too_few
    assert record.cases == int(row["cases"]) >= 5
    assert record.first_demand == pytest.approx(float(row["first_demand"]))
    assert record.settled == pytest.approx(float(row["settled"]))
    assert record.rounds == pytest.approx(float(row["rounds"]))
    assert record.waiting == row["waiting"]
    line = _log_line(offer)
    assert f"{record.first_demand:.1%}" in line and f"{record.settled:.1%}" in line
    assert SERVICER in line and str(record.cases) in line
    # never what the creditor will accept, nor steps of a negotiation (§9; 弁護士法72条)
    estimate = LOG_WORDS["offer_log.estimate"][0 if language == "ja" else 1]
    assert line.endswith(estimate)
    waiting = {"lower": "offer_log.waiting_lower", "no_sign": "offer_log.waiting_no_sign"}
    head = LOG_WORDS[waiting.get(record.waiting, "offer_log.waiting_unknown")]
    assert head[0 if language == "ja" else 1][:12] in line
    # the page shows the line, and only in the offer's language
    page = offer.summary()
    assert line in page and page == str(offer)
    other = "en" if language == "ja" else "ja"
    assert record.sentences(other) not in page
    if language == "en":
        assert not KANA.search(line.replace(SERVICER, ""))
    else:
        assert "negotiation" not in line


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_servicer_under_k_cases_is_said_to_have_too_few(world, ratio_model, language):
    """Issue 27 / §7 k rules: under k distinct cases the offer gives no figure, only that there are too few."""
    offer = opening_offer(
        ratio_model,
        _case(world),
        as_of=TODAY,
        past_cases=world.cases,
        negotiations=world.log,
        language=language,
        k=10_000,
    )
    assert offer.log_summary.too_few and offer.log_summary.first_demand is None
    line = _log_line(offer)
    assert "%" not in line
    assert line.startswith("交渉履歴には" if language == "ja" else "Too few cases in the log")


def test_a_servicer_the_log_never_names_is_named_and_a_creditor_only_by_its_type(
    world, ratio_model
):
    """A servicer outside the log: too few, under its own name; a claim not sold: the creditor's
    type, never its name (the log's table names creditors by type)."""
    advisor = Advisor(ratio_model, language="en", negotiations=world.log, past_cases=world.cases)
    unseen = advisor.offer({**_case(world), "servicer": "みらい債権回収"}, as_of=TODAY)
    assert unseen.log_summary.too_few and unseen.log_summary.servicer == "みらい債権回収"
    assert "(みらい債権回収: fewer than 5)" in _log_line(unseen)
    row = world.cases[world.cases["servicer"].isna() & (world.cases["creditor_type"] == "bank")]
    case = {"residual_debt": 3_000_000, "creditor": str(row["creditor"].iloc[0])}
    offer = advisor.offer({**case, "sale_date": "2025-06-30"}, as_of=TODAY)
    line = _log_line(offer)
    assert "creditor: bank" in line and case["creditor"] not in line


def test_no_log_no_line_and_a_cleaning_result_is_taken_as_its_log(world, ratio_model):
    """Without ``negotiations`` the offer is as before; ``clean_negotiations``' result works as is."""
    case = _case(world)
    plain = opening_offer(ratio_model, case, as_of=TODAY, language="en")
    assert plain.log_summary is None
    assert not any(r.startswith("In the negotiation log") for r in plain.reasons)
    cleaned = NegotiationLog(world.log, pd.DataFrame(), len(world.log))
    advisor = Advisor(ratio_model, language="en", negotiations=cleaned)
    offer = advisor.offer(case, as_of=TODAY)
    assert offer.log_summary is not None and offer.log_summary.cases is not None
    # read once per servicer
    assert advisor.servicer_log(SERVICER) is advisor.servicer_log(SERVICER)


@pytest.mark.parametrize(
    ("given", "match"),
    [("log.csv", "clean negotiation log"), (pd.DataFrame({"case_id": ["A"]}), "lacks column")],
)
def test_a_log_not_cleaned_is_refused_in_one_line(ratio_model, given, match):
    with pytest.raises(OutcomesError, match=match):
        Advisor(ratio_model, negotiations=given)


def test_batch_offers_passes_the_acceptance_model_through(world, ratio_model):
    """Issue 27: ``batch_offers(acceptance_model=)`` gives what ``Advisor.offers`` gives."""
    acceptance = AcceptanceModel().fit(world.cases, world.log)
    cases = world.cases[world.cases["resolution"] == "pending"].head(20)  # resolved: not priced
    table = batch_offers(ratio_model, cases, as_of=TODAY, acceptance_model=acceptance)
    expected = Advisor(ratio_model, acceptance_model=acceptance).offers(cases, as_of=TODAY)
    assert "acceptance" in set(table["figure"])
    pd.testing.assert_frame_equal(table, expected)


@pytest.fixture(scope="module")
def model_dir(world, ratio_model, tmp_path_factory):
    from outcomes._io import write_model_dir

    monthly = MonthlyAmountModel(as_of=TODAY, max_iter=20).fit(world.cases)
    directory = tmp_path_factory.mktemp("model")
    return write_model_dir(directory, ratio=ratio_model, monthly=monthly, cases=world.cases)


@pytest.mark.parametrize(("language", "where"), [("ja", "--negotiations"), ("en", "model dir")])
def test_cli_offer_page_shows_the_log_line_in_its_language(
    world, model_dir, tmp_path, capsys, language, where
):
    """``outcomes offer --negotiations LOG``, or a model directory holding ``negotiations.parquet``:
    the page shows the log's line, once, in the run's language and no line of the other."""
    case = tmp_path / "case.json"
    case.write_text(json.dumps(_case(world), ensure_ascii=False), encoding="utf-8")
    args = ["offer", "--model", str(model_dir), "--case", str(case), "--as-of", TODAY]
    args += ["--lang", language]
    held = model_dir / "negotiations.parquet"
    if where == "--negotiations":
        log = tmp_path / "log.parquet"
        world.log.to_parquet(log)
        args += ["--negotiations", str(log)]
    else:
        world.log.to_parquet(held)
    try:
        code = main(args)
    finally:
        held.unlink(missing_ok=True)
    out = capsys.readouterr().out
    assert code == 0
    marker = "交渉履歴(" if language == "ja" else "In the negotiation log ("
    said = [x for x in out.splitlines() if marker in x]
    assert len(said) == 1 and SERVICER in said[0] and "%" in said[0]
    if language == "en":
        assert not KANA.search(said[0].replace(SERVICER, ""))
        assert "交渉履歴" not in out
    else:
        assert "In the negotiation log" not in out and "Too few cases" not in out
        assert "internal estimate" not in out
