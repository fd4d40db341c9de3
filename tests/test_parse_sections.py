"""The vectorised reading of amount sections (kanji and digits) against the scalar reader."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from outcomes._parse.amounts import plain_sections, section

DIGITS = [""] + list("一二三四五六七八九")


def _usual_kanji_sections() -> list[str]:
    """Every section in the usual kanji form: [d]千 [d]百 [d]十 d, each part optional."""
    out = []
    for k in (None, *DIGITS):
        for h in (None, *DIGITS):
            for t in (None, *DIGITS):
                for o in DIGITS:
                    out.append(
                        ("" if k is None else k + "千")
                        + ("" if h is None else h + "百")
                        + ("" if t is None else t + "十")
                        + o
                    )
    return out


def test_every_usual_section_reads_as_the_scalar_reader_reads_it():
    texts = sorted(
        set(_usual_kanji_sections())
        | {str(i) for i in range(0, 10_000, 7)}
        | {f"{i}{u}" for i in range(1, 100) for u in "千百十拾"}
        | {"〇", "二〇二一", "壱", "拾", "一一", "千千", "十一十", "百千", "0123"}
    )
    values, small, digits, done = plain_sections(pa.array(texts))
    assert done.sum() > 13_000  # the usual forms are read here, not by the scalar reader
    for i, text in enumerate(texts):
        if not done[i]:
            continue
        if text == "":
            assert (values[i], small[i], digits[i]) == (0, False, 0)
            continue
        value, has_small, ndigits = section(text, first=False)  # must not refuse
        assert (int(value), has_small, ndigits) == (
            int(values[i]),
            bool(small[i]),
            int(digits[i]),
        ), text


def test_unusual_sections_are_left_to_the_scalar_reader():
    texts = ["〇", "二〇二一", "壱", "一一", "千千", "十一十", "百千"]
    *_, done = plain_sections(pa.array(texts))
    assert not done.any()


def test_the_nfkc_stable_characters_are_their_own_nfkc_form_alone_and_in_pairs():
    """_nfkc skips texts made only of these; no pair of them composes or changes."""
    import unicodedata

    from outcomes._parse import NFKC_STABLE_CHARS

    chars = sorted(set(NFKC_STABLE_CHARS) | {chr(c) for c in range(0x20, 0x7F)})
    for a in chars:
        for b in chars:
            assert unicodedata.normalize("NFKC", a + b) == a + b, (a, b)


@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Z"))))
def test_nfkc_of_a_column_is_python_nfkc_of_each_value(text):
    import unicodedata

    import pandas as pd

    from outcomes._parse._common import nfkc

    s = pd.Series([text, "五百万円", "２０２１年３月", "ｱﾋﾞﾘｵ"], dtype="str")
    assert nfkc(s).tolist() == [unicodedata.normalize("NFKC", v) for v in s]
