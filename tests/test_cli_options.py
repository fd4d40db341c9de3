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
