"""Options that every command takes alike (issue 28, analyst review N11)."""

from __future__ import annotations

import pytest

from outcomes import OutcomesError
from outcomes.report import Selection


@pytest.mark.parametrize("spelling", ["信用金庫", "信用組合", "労働金庫", "信金", "shinkin"])
def test_report_creditor_type_takes_the_contracts_spellings(spelling):
    """N11: ``--creditor-type 信用金庫`` was refused though the contract reads 信用金庫 as
    shinkin (and 信金 was accepted); the report's selection takes every such spelling."""
    from outcomes.report._labels import creditor_type_code

    assert creditor_type_code(spelling) == "shinkin"
    Selection(creditor_type=spelling)  # what `outcomes report --creditor-type` checks first


def test_report_creditor_type_still_refuses_what_is_no_type():
    with pytest.raises(OutcomesError, match="債権者区分「質屋」は使えません"):
        Selection(creditor_type="質屋")


def test_report_k_over_every_case_is_refused_and_k_under_the_rule_is_warned(
    tmp_path, capsys, monkeypatch
):
    """N9: ``--k 100000`` over 1,500 cases gave a report of 「示せません」 only, and ``--k 1``
    passed without a word about the firm's k = 5 rule. The first is refused before the
    kernel runs, in the run's language; the second is said on stderr (and the report runs)."""
    from outcomes import write_report
    from outcomes.cli import main

    argv = ["report", "-o", str(tmp_path / "r.html")]
    # the shipped sample (input None through the API): refused before any kernel
    with pytest.raises(OutcomesError, match=r"^k=100,000 is more than the 1,500 cases"):
        write_report(None, tmp_path / "r.html", k=100_000, language="en")
    sample = str(tmp_path / "sample.csv")
    from outcomes.datasets import load_sample

    load_sample().to_csv(sample, index=False)
    assert main(["report", sample, *argv[1:], "--k", "100000"]) == 2
    line = capsys.readouterr().err.strip()
    assert "k=100,000 は案件の数(1,500件)より大きく" in line and "\n" not in line

    calls = []
    monkeypatch.setattr("outcomes._cli.report.write_report", lambda *a, **k: calls.append(k))
    assert main(["report", sample, *argv[1:], "--k", "1", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "warning: k=1 is below the firm's rule of k=5" in err
    assert calls and calls[0]["k"] == 1  # the report is written as asked
