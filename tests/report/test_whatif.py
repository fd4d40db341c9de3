"""Issue 21 (review findings 3 and 4): the what-if form reads what an analyst types.

``30万`` typed in 手元資金 became ¥30; the readouts had no separators; 「サービサーなし」
was a blank line; ``OfferWhatIf(ratio, {"residual_debt": "580万円", …})`` raised a raw
``ValueError`` and Japanese keys started the sliders at ¥3,000,000 with no servicer.
The widgets are driven here as the browser drives them: by setting their values.
"""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_limits

from outcomes._errors import CaseError
from outcomes.datasets import simulate_cases
from outcomes.models import SettlementRatioModel
from outcomes.report import OfferWhatIf

pytest.importorskip("ipywidgets")

TODAY = "2026-06-30"
SAITAMA = {"residual_debt": "580万円", "creditor": "〇〇保証株式会社",
           "servicer": "SMBC債権回収", "sale_date": "2025-09-30"}  # fmt: skip
SAITAMA_JA = {"残債": "580万円", "債権者": "〇〇保証株式会社", "サービサー": "ＳＭＢＣ債権回収",
              "売却日": "令和7年9月30日"}  # fmt: skip


@pytest.fixture(scope="module")
def past():
    return simulate_cases(1200, seed=4, messy=False, today=TODAY)


@pytest.fixture(scope="module")
def ratio(past):
    with threadpool_limits(1):
        return SettlementRatioModel(as_of=TODAY, max_iter=30).fit(past)


def _form(ratio, past, case, **kw):
    what_if = OfferWhatIf(ratio, case, past_cases=past, as_of=TODAY, show=False, **kw)
    return what_if, what_if.widget()


@pytest.mark.parametrize("case", [SAITAMA, SAITAMA_JA], ids=["text amounts", "japanese keys"])
def test_the_form_starts_from_the_clean_case(ratio, past, case):
    what_if, _ = _form(ratio, past, case)
    slider, box, _ = what_if.controls["residual_debt"]
    assert slider.value == 5_800_000 and box.value == "580万円"
    assert what_if.controls["servicer"].value == "SMBC債権回収"
    # the first draw is the case as given, not a ¥3,000,000 case without a servicer
    assert what_if.last.residual_debt == 5_800_000 and what_if.last.servicer == "SMBC債権回収"


@pytest.mark.parametrize(
    ("typed", "yen", "shown"),
    [
        ("30万", 300_000, "30万円"),
        ("300,000", 300_000, "30万円"),
        ("1.5万", 15_000, "1万5,000円"),
        ("３０万円", 300_000, "30万円"),
        ("400000", 400_000, "40万円"),
    ],  # fmt: skip
)
def test_an_amount_typed_in_the_cash_box_is_read_by_the_amount_parser(
    ratio, past, typed, yen, shown
):
    what_if, _ = _form(ratio, past, SAITAMA)
    slider, box, message = what_if.controls["cash"]
    box.value = typed  # what typing and pressing Enter does
    assert slider.value == yen and box.value == shown and message.value == ""
    assert what_if.last.cash_available == yen  # the offer was re-drawn with it
    # the reasons name the cash typed ("手元資金30万円は…" or "…手元資金の上限30万円")
    assert any(
        f"手元資金{shown}" in reason or f"手元資金の上限{shown}" in reason
        for reason in what_if.last.reasons
    )


def test_an_amount_beyond_the_slider_widens_it_and_bad_text_is_one_line(ratio, past):
    what_if, _ = _form(ratio, past, SAITAMA)
    slider, box, message = what_if.controls["cash"]
    box.value = "300万"
    assert slider.value == 3_000_000 and slider.max >= 3_000_000
    before = what_if.last
    box.value = "abc"
    assert slider.value == 3_000_000 and what_if.last is before  # nothing changed
    assert message.value.startswith("手元資金の「abc」は金額として読めません")
    box.value = "20万"
    assert message.value == "" and what_if.last.cash_available == 200_000


def test_moving_a_slider_shows_the_amount_with_separators(ratio, past):
    what_if, _ = _form(ratio, past, SAITAMA)
    for name in ("cash", "budget", "residual_debt"):
        slider, box, _ = what_if.controls[name]
        assert not slider.readout  # the box is the readout: 5800000 was unreadable
    slider, box, _ = what_if.controls["residual_debt"]
    slider.value = 11_600_000
    assert box.value == "1,160万円" and what_if.last.residual_debt == 11_600_000
    slider, box, _ = what_if.controls["budget"]
    slider.value = 15_000
    assert box.value == "1万5,000円"
    english, _ = _form(ratio, past, SAITAMA, language="en")
    english.controls["cash"][0].value = 300_000
    assert english.controls["cash"][1].value == "¥300,000"


def test_no_servicer_is_labelled(ratio, past):
    what_if, _ = _form(ratio, past, SAITAMA)
    menu = what_if.controls["servicer"]
    labels = dict(menu.options)
    assert labels["サービサーなし"] == ""
    assert "" not in {label for label, _ in menu.options}
    menu.value = ""
    assert what_if.last.servicer is None
    english, _ = _form(ratio, past, SAITAMA, language="en")
    assert dict(english.controls["servicer"].options)["no servicer"] == ""


def test_draw_takes_text_as_the_offer_does(ratio, past):
    what_if = OfferWhatIf(ratio, SAITAMA_JA, past_cases=past, as_of=TODAY, show=False)
    text = what_if.draw(
        cash="30万", budget="1.5万", servicer="SMBC債権回収", residual_debt="580万円"
    )
    ints = what_if.draw(
        cash=300_000, budget=15_000, servicer="SMBC債権回収", residual_debt=5_800_000
    )
    assert (text.opening, text.target, text.walk_away) == (
        ints.opening,
        ints.target,
        ints.walk_away,
    )
    assert text.cash_available == 300_000
    with pytest.raises(CaseError, match="cash 'abc' is not an amount of yen"):
        what_if.draw(cash="abc")


def test_a_bad_case_is_refused_in_one_line(ratio, past):
    with pytest.raises(CaseError, match="monthly_incom → monthly_income"):
        OfferWhatIf(ratio, {**SAITAMA, "monthly_incom": 250_000})
