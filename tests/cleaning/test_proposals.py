"""Property tests of the one-cell proposal parser (case-records §9; issue 27 part 1).

Whatever spelling §3 allows for the amounts and the term, a proposal written in
one cell reads back its parts; no text makes the parser fail other than with a
ParseError (reported by the cleaner as one problem row).
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from kanjize import number2kanji

from outcomes._cleaning import parse_proposal
from outcomes._cleaning.proposals import parse_proposals
from outcomes._errors import ParseError

_FW = {c: chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def spell(n: int, style: int) -> str:
    """A yen amount in one of §3's spellings."""
    if style == 0:
        return f"{n:,}円"
    if style == 1:
        return f"￥{n:,}"
    if style == 2:
        return number2kanji(n) + "円"
    if style == 3:
        return f"{n:,}円".translate(_FW)
    if n % 10_000 == 0:
        return f"{n // 10_000}万円"
    return f"{n}円"


amounts = st.integers(1, 500).map(lambda k: k * 1000)
lumps = st.integers(1, 300).map(lambda k: k * 10_000)
terms = st.integers(1, 600)
styles = st.integers(0, 4)


@settings(max_examples=30)
@given(monthly=amounts, term=terms, lump=lumps, s1=styles, s2=styles, lump_first=st.booleans())
def test_a_mixed_proposal_reads_back_its_parts(monthly, term, lump, s1, s2, lump_first):
    """月X×T回+一括Y in any order and spelling reads back X, T and Y (§9 one-cell proposals)."""
    parts = [f"月{spell(monthly, s1)}×{term}回", f"一括{spell(lump, s2)}"]
    cell = "+".join(parts[::-1] if lump_first else parts)
    p = parse_proposal(cell).value
    assert (p.kind, p.amount, p.monthly, p.term, p.open_ended) == (
        "mixed", lump, monthly, term, False
    )  # fmt: skip


@settings(max_examples=40)
@given(monthly=amounts, s=styles, marker=st.sampled_from(["〜", "～", "以上", "(1年毎見直し)"]))
def test_an_open_ended_monthly_part_has_no_term(monthly, s, marker):
    """〜, 以上 and 見直し make a monthly part open-ended: no total, no term (§9)."""
    p = parse_proposal(f"月{spell(monthly, s)}{marker}").value
    assert (p.kind, p.monthly, p.term, p.open_ended) == ("installment", monthly, None, True)


@settings(max_examples=40)
@given(lump=lumps, s=styles, form=st.integers(0, 3))
def test_a_lump_sum_reads_back_in_every_form(lump, s, form):
    """一括Y, Y(一括), Yで一括, 一括でY all read as a lump sum of Y."""
    a = spell(lump, s)
    cell = (f"一括{a}", f"{a}(一括)", f"{a}で一括", f"一括で{a}")[form]
    p = parse_proposal(cell).value
    assert (p.kind, p.amount, p.monthly) == ("lump_sum", lump, None)


@settings(max_examples=80)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("月一括万円千+×~〜以上()0123456789,.→、全額分割回年見直し当面 ")
        ),
        max_size=20,
    )
)
def test_any_text_is_a_proposal_or_a_parse_error(text):
    """No cell makes the parser fail otherwise: the cleaner turns a ParseError into one problem."""
    try:
        parsed = parse_proposal(text)
    except ParseError:
        return
    p = parsed.value
    if p is not None:
        assert p.kind in (None, "lump_sum", "installment", "mixed")
        assert p.term is None or p.term >= 0
        assert not (p.open_ended and p.term is not None)


@settings(max_examples=20)
@given(
    st.lists(st.sampled_from(["一括30万円", "月1万円×60回", "x", None, "月2万円〜"]), max_size=30)
)
def test_the_column_parser_gives_each_row_its_cells_proposal(cells):
    """parse_proposals reads each distinct value once and gives every row its own result."""
    out = parse_proposals(pd.Series(cells, dtype=object))
    for i, cell in enumerate(cells):
        if cell is None:
            assert pd.isna(out["amount"].iloc[i]) and pd.isna(out["monthly"].iloc[i])
            continue
        try:
            p = parse_proposal(cell).value
        except ParseError as exc:
            assert out["error"].iloc[i] == str(exc)
            continue
        assert out["kind"].iloc[i] == p.kind
        assert (p.monthly or float("nan")) == out["monthly"].iloc[i] or p.monthly is None


@settings(max_examples=12)
@given(
    header=st.sampled_from(["提示日", "提示者", "金額", "回答", "月額", "回数", "提案内容"]),
    text=st.text(
        alphabet=st.sampled_from(list("月一括万円+×~〜()0123456789、→様全額分割回年?#")),
        min_size=1,
        max_size=12,
    ),
)
def test_any_cell_keeps_its_row_and_gives_at_most_one_problem(header, text):
    """§9 guarantees: whatever a cell holds, the row is kept and the cell gives at most one
    problem row (an unreadable cell is emptied and reported once)."""
    from outcomes import clean_negotiations

    cells = {"案件ID": ["A1"], "提示日": ["2021-05-01"], "提示者": ["当方"], "金額": ["10万"]}
    cells[header] = [text]
    result = clean_negotiations(pd.DataFrame(cells), today="2026-01-01")
    assert len(result.log) == 1
    column = {"提示日": "offered_on", "提示者": "party", "金額": "amount", "回答": "response",
              "月額": "monthly_amount", "回数": "term_months", "提案内容": "kind"}[header]  # fmt: skip
    mine = result.problems[result.problems["column"] == column]
    assert len(mine) <= 1, mine
