"""servicer_answers: how each servicer answers in the negotiation log, every cell from ≥ k cases.

Issue 27 part 4 and the log summary of part 3; case-records §9 (counterparty
fallback, event rows) and §7 (k counts distinct cases, not log rows; a cell
under k is suppressed). A generated world (``simulate_negotiations``) with a
floor that falls with time, and small hand-made logs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from outcomes.datasets import simulate_cases, simulate_negotiations
from outcomes.models import servicer_answers
from outcomes.models._answers import ANSWER_COLUMNS, ANSWER_WORDS

AS_OF = "2026-06-30"


@pytest.fixture(scope="module")
def world():
    cases = simulate_cases(600, seed=5, messy=False, today=AS_OF)
    return simulate_negotiations(cases, as_of=AS_OF, seed=5)


def _cases(n: int, servicer: str | None = "S債権回収", **extra) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "case_id": [f"C{i:03d}" for i in range(n)],
            "residual_debt": [4_000_000] * n,
            "servicer": [servicer] * n,
            "creditor": ["B銀行"] * n,
            "creditor_type": ["bank"] * n,
            "sale_date": pd.to_datetime(["2022-01-01"] * n),
        }
    )
    return frame.assign(**extra)


def _log(ids, *, accepted=200_000, days=None, rows_per_case=3, counterparty=None):
    """Per case: the 建前 demand, refused proposals, then an accepted one."""
    rows = []
    for j, case_id in enumerate(ids):
        start = pd.Timestamp("2022-03-01") + pd.Timedelta(days=0 if days is None else days[j])
        amount = accepted if np.isscalar(accepted) else accepted[j]
        rows.append(("creditor", "lump_sum", 4_000_000, "countered", start))
        for r in range(rows_per_case - 2):
            rows.append(("debtor", "lump_sum", 50_000 * (r + 1), "rejected", start))
        rows.append(("debtor", "lump_sum", amount, "accepted", start))
        rows[-rows_per_case:] = [(case_id, *row) for row in rows[-rows_per_case:]]
    log = pd.DataFrame(rows, columns=["case_id", "party", "kind", "amount", "response", "day"])
    log["offered_on"] = log.pop("day") + pd.to_timedelta(log.groupby("case_id").cumcount(), "D")
    if counterparty is not None:
        log["counterparty"] = counterparty
    return log


def test_k_counts_distinct_cases_not_log_rows():
    """§9/§7: a servicer of 4 cases with 40 rows each is never published; one of 5 cases is."""
    few = _log([f"C{i:03d}" for i in range(4)], rows_per_case=40)
    many = _log([f"C{i:03d}" for i in range(4, 9)])
    cases = pd.concat(
        [_cases(4), _cases(9).iloc[4:].assign(servicer="T債権回収")], ignore_index=True
    )
    table = servicer_answers(pd.concat([few, many]), cases, k=5)
    shown = table[~table["suppressed"]]
    assert list(shown["servicer"]) == ["T債権回収"]
    assert shown["cases"].iloc[0] == 5
    pooled = table[table["pooled"]]
    assert len(pooled) == 1 and pooled["suppressed"].all()
    assert pooled[["cases", "first_demand", "settled", "rounds"]].isna().all(axis=None)


def test_every_published_cell_stands_on_at_least_k_cases(world):
    """§7 on a generated log: counts ≥ k; a row under k shows nothing; the rare are pooled."""
    for k in (5, 12):
        table = servicer_answers(world.log, world.cases, k=k)
        assert list(table.columns) == list(ANSWER_COLUMNS)
        for column in ("cases", "agreed"):
            assert (table[column].dropna() >= k).all()
        hidden = table["suppressed"].to_numpy(bool)
        assert table.loc[hidden, ["first_demand", "settled", "waiting"]].isna().all(axis=None)
        # figures of agreements only where the agreed count itself is shown
        no_agreed = table["agreed"].isna().to_numpy()
        assert table.loc[no_agreed, "settled"].isna().all()
        assert table["pooled"].sum() <= 1 and not table["pooled"].iloc[:-1].any()
    # top: the three with the most cases, the others pooled with the rare ones
    top = servicer_answers(world.log, world.cases, k=5, top=3)
    assert len(top) == 4 and top["pooled"].iloc[-1]
    assert list(top["servicer"].iloc[:3]) == list(table["servicer"].iloc[:3])
    assert top["cases"].iloc[-1] > table["cases"].iloc[3]
    # a pool of one counterparty of k cases or more is that counterparty, by name
    n = int((table["cases"] >= 5).sum())
    if not table["pooled"].any():
        one = servicer_answers(world.log, world.cases, k=5, top=n - 1)
        assert not one["pooled"].any() and len(one) == n


def test_first_demand_is_a_formality_far_above_what_servicers_settle_for(world):
    """The seed's 建前: a bought claim's servicer opens near the whole debt, settles for a few %."""
    table = servicer_answers(world.log, world.cases, k=5)
    servicers = table[table["servicer"].str.endswith("債権回収") & ~table["suppressed"]]
    servicers = servicers[servicers["servicer"] != "住宅債権管理回収機構"].dropna(
        subset=["settled"]
    )
    assert len(servicers) >= 3
    assert (servicers["first_demand"] > 0.3).all()
    assert (servicers["settled"] < 0.1).all()
    assert (servicers["rounds"] >= 2).all()


def test_mixed_first_demand_counts_as_its_total_and_open_ended_plans_have_none():
    """月2万円×60回+一括50万円 is ¥1.7M (0.425 of ¥4M); 月2万円〜 has no total (§9)."""
    ids = [f"C{i:03d}" for i in range(5)]
    log = _log(ids)
    first = log.groupby("case_id").head(1).index
    log["monthly_amount"] = pd.array([pd.NA] * len(log), dtype="Int64")
    log["term_months"] = pd.array([pd.NA] * len(log), dtype="Int64")
    log.loc[first, ["kind", "amount", "monthly_amount", "term_months"]] = [
        "mixed",
        500_000,
        20_000,
        60,
    ]
    assert servicer_answers(log, _cases(5), k=5)["first_demand"].iloc[0] == pytest.approx(0.425)
    log.loc[first, "term_months"] = pd.NA  # open-ended: no total, so no first demand to show
    # (and the creditor's later counter-proposal is not taken for its first demand)
    counter = log.loc[first].assign(
        kind="lump_sum",
        amount=900_000,
        offered_on=log.loc[first, "offered_on"] + pd.Timedelta("1D"),
    )
    log = pd.concat([log, counter], ignore_index=True)
    assert pd.isna(servicer_answers(log, _cases(5), k=5)["first_demand"].iloc[0])


def test_empty_counterparty_is_the_cases_servicer_else_its_creditor():
    """§9: empty counterparty = the case list's servicer, else its creditor; events are not proposals.

    A creditor is labelled by its type (the report prints no creditor's name).
    """
    ids = [f"C{i:03d}" for i in range(10)]
    cases = _cases(10)
    cases.loc[5:, "servicer"] = None
    log = _log(ids)
    event = pd.DataFrame(
        {
            "case_id": ids[:5],
            "party": "creditor",
            "kind": "event",
            "response": "pending",
            "offered_on": pd.Timestamp("2022-02-01"),
        }
    )
    table = servicer_answers(pd.concat([log, event]), cases, k=5)
    # the creditor is shown by its type, never by its name
    assert dict(zip(table["servicer"], table["cases"], strict=True)) == {
        "S債権回収": 5,
        "債権者: 銀行": 5,
    }
    assert (table["rounds"] == 3).all()  # the event row is not a round


def test_later_agreements_lower_is_said_only_when_the_ranks_say_so():
    """Waiting: settlements falling with months since the sale read "lower"; flat ones do not."""
    n = 16
    ids = [f"C{i:03d}" for i in range(n)]
    days = np.linspace(30, 1500, n).astype(int)
    falling = _log(ids, accepted=np.linspace(400_000, 100_000, n).round(-4), days=days)
    table = servicer_answers(falling, _cases(n), k=5)
    row = table.iloc[0]
    assert row["waiting"] == "lower"
    assert row["settled_late"] < row["settled_early"]
    # months from the sale (1 January) to the answer: 59 days to 1 March, + the two rows before it
    assert row["months"] == pytest.approx(np.median(days + 59 + 2) / (365.25 / 12), rel=1e-3)
    rng = np.random.default_rng(0)
    flat = _log(
        ids, accepted=rng.permutation(np.linspace(100_000, 400_000, n)).round(-4), days=days
    )
    # a permutation: most of them show no sign (the test is one-sided at 5%)
    assert servicer_answers(flat, _cases(n), k=5)["waiting"].iloc[0] == "no_sign"
    # one half under k: no verdict, no halves
    few = servicer_answers(falling.iloc[: 9 * 3], _cases(9), k=5).iloc[0]
    assert pd.isna(few["waiting"]) and pd.isna(few["settled_early"])


def test_one_servicer_for_an_offer_is_one_row_never_pooled():
    """What the offer calls (part 3): one servicer's row; a rare or unknown one is suppressed."""
    log = _log([f"C{i:03d}" for i in range(7)])
    one = servicer_answers(log, _cases(7), k=5, servicer="Ｓ債権回収 ")  # NFKC, stripped
    assert len(one) == 1 and one["servicer"].iloc[0] == "S債権回収"
    assert one["cases"].iloc[0] == 7 and not one["pooled"].iloc[0]
    rare = servicer_answers(log, _cases(7), k=8, servicer="S債権回収")
    assert rare["suppressed"].iloc[0] and pd.isna(rare["settled"].iloc[0])
    assert servicer_answers(log, _cases(7), servicer="U債権回収")["suppressed"].iloc[0]
    # a case held by its creditor: its name gives the row of its type
    held = _cases(7, servicer=None)
    bank = servicer_answers(log, held, k=5, servicer="B銀行", language="en")
    assert bank["servicer"].iloc[0] == "creditor: bank" and bank["cases"].iloc[0] == 7


def test_without_cases_the_basis_is_the_stated_claim_and_labels_follow_the_language():
    """No case list: shares of claimed_amount (attrs name the basis); the labels in the run's language."""
    ids = [f"C{i:03d}" for i in range(6)]
    log = _log(ids)
    log["claimed_amount"] = 5_000_000
    table = servicer_answers(log, k=5, language="en")
    assert table.attrs["basis"] == "claimed_amount"
    assert table["servicer"].iloc[0] == ANSWER_WORDS["answers.unknown"][1]
    assert table["settled"].iloc[0] == pytest.approx(0.04)
    assert pd.isna(table["months"].iloc[0])  # no sale dates, no months
    named = servicer_answers(log.assign(counterparty="S債権回収"), k=10, language="en")
    assert "other counterparties" in named["servicer"].iloc[0]
    assert "その他" in servicer_answers(log, k=10, language="ja")["servicer"].iloc[0]


def test_refuses_a_log_without_its_columns_and_a_bad_k():
    from outcomes import OutcomesError

    with pytest.raises(OutcomesError, match="lacks column"):
        servicer_answers(pd.DataFrame({"case_id": ["A"]}))
    with pytest.raises(OutcomesError, match="k must be"):
        servicer_answers(_log(["A"]), k=0, language="en")
    with pytest.raises(OutcomesError, match="k は 1 以上"):  # the one checker, in the language
        servicer_answers(_log(["A"]), k=0)
    with pytest.raises(ValueError, match="language"):
        servicer_answers(_log(["A"]), language="fr")
