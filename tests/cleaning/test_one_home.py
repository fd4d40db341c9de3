"""Facts with one home (issue 24; architecture review §2.6, "one concern, two places").

The smallest residual debt, the words that make a name a servicer's, the kind
of guarantor a header names, and the firm's registry applied to one case: each
is defined once, and the rooms that need it read it from there.
"""

from __future__ import annotations

import pandas as pd
import pytest

from outcomes import clean_cases
from outcomes._advice.case import MIN_RESIDUAL_DEBT as OFFER_MINIMUM
from outcomes._advice.case import case_to_settle
from outcomes._advice.facts import header_kind
from outcomes._cleaning import case_from_mapping
from outcomes._contract import MIN_RESIDUAL_DEBT, guarantor_header_kind
from outcomes._errors import CaseError
from outcomes._law import creditor_is_servicer
from outcomes._registry import SERVICER_WORDS, SERVICERS_ENV, suggest_servicers

TODAY = "2026-06-30"
TYPO = "SMBC債券回収"


def test_the_cleaner_and_the_offer_share_the_smallest_residual_debt():
    """Review §2.6 row 1: one ¥10,000, so the cleaner and the offer cannot disagree."""
    assert OFFER_MINIMUM is MIN_RESIDUAL_DEBT
    below, at = MIN_RESIDUAL_DEBT - 1, MIN_RESIDUAL_DEBT
    cases, problems = clean_cases(
        pd.DataFrame({"案件ID": ["A1", "A2"], "残債": [str(below), str(at)]}), today=TODAY
    )
    assert cases["residual_debt"].isna().tolist() == [True, False]
    assert problems["kind"].tolist() == ["out of range"]
    with pytest.raises(CaseError, match="out of range"):
        case_to_settle(pd.DataFrame({"residual_debt": [below]}), None, ignore_unknown_keys=None)
    _, residual = case_to_settle({"residual_debt": at}, None)
    assert residual == at


@pytest.mark.parametrize("word", SERVICER_WORDS)
def test_every_servicer_word_makes_a_creditor_a_servicer_and_is_left_out_of_suggestions(word):
    """Review §2.6: the law and the registry read one word list (整理回収機構, 債券回収 too)."""
    assert creditor_is_servicer(f"山田{word}株式会社")
    assert not creditor_is_servicer("山田商事株式会社")
    # the shared words alone do not make two names alike
    assert suggest_servicers(f"全然違う{word}") == []


@pytest.mark.parametrize(
    "header",
    [
        "連帯債務者",
        "連帯債務者(有無)",
        "連帯保証人",
        "連帯保証人（有無）",
        "保証人",
        "保証人の有無",
    ],
)
def test_the_cleaner_and_the_advice_read_a_guarantor_header_alike(header):
    """Review §2.3: the guarantor's kind from a header is read in one place."""
    assert header_kind(header) == guarantor_header_kind(header)
    _, problems = clean_cases(pd.DataFrame({"案件ID": ["A1"], header: ["あり"]}), today=TODAY)
    noted = problems[(problems["column"] == "guarantor") & (problems["kind"] == "noted")]
    assert len(noted) == (guarantor_header_kind(header) == "co_debtor")


def test_the_firms_registry_is_applied_to_one_case_as_to_a_table(tmp_path, monkeypatch):
    """Review §2.3: ``case_from_mapping(servicers=)`` is the table's rule, clean rows included."""
    monkeypatch.delenv(SERVICERS_ENV, raising=False)
    firm = tmp_path / "firm.csv"
    firm.write_text(f"name,aliases\nSMBC債権回収,{TYPO}\n", encoding="utf-8")
    raw = {"案件ID": "A1", "残債": "580万円", "サービサー": TYPO}
    table, _ = clean_cases(pd.DataFrame({k: [v] for k, v in raw.items()}), servicers=firm)
    one = case_from_mapping(raw, servicers=firm)
    assert one["servicer"].tolist() == table["servicer"].tolist() == ["SMBC債権回収"]
    assert case_from_mapping(raw)["servicer"].tolist() == [TYPO]  # not without the file
    clean_row = case_from_mapping(raw)  # a clean row, cleaned without the file
    assert case_from_mapping(clean_row, servicers=firm)["servicer"].tolist() == ["SMBC債権回収"]
