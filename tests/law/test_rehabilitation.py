"""個人再生's claims B and its minimum on the review's figures (row D2).

Moved from ``test_issue20_law.py`` (issue 24).
"""

from __future__ import annotations

from datetime import date

from outcomes._law import default_interest, rehabilitation_claims, rehabilitation_minimum


def test_damages_before_the_sale_are_not_counted_twice():
    """D2: 民法 §489 (the proceeds pay costs, damages, then principal); 民事再生法 §84(2).

    The review's figures: ¥5.8M sold 2023-03-01, default 2021-06-01, opening order
    2024-10-01: damages from the sale ¥1,290,301, B ¥7,090,301, minimum ¥1,418,061.
    """
    assert default_interest(5_800_000, date(2023, 3, 1), date(2024, 10, 1), 0.14) == 1_290_301
    b = rehabilitation_claims(
        5_800_000,
        rate=0.14,
        default_date=date(2021, 6, 1),
        opening_on=date(2024, 10, 1),
        sale_on=date(2023, 3, 1),
    )
    assert b == 7_090_301
    assert rehabilitation_minimum(b) == 1_418_061
    # a sale before the default changes nothing: damages run from the default
    later = rehabilitation_claims(
        5_800_000,
        rate=0.14,
        default_date=date(2023, 6, 1),
        opening_on=date(2024, 10, 1),
        sale_on=date(2023, 3, 1),
    )
    assert later == 5_800_000 + default_interest(
        5_800_000, date(2023, 6, 1), date(2024, 10, 1), 0.14
    )
