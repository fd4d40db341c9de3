"""The vectorised reading of amount sections (kanji and digits) against the scalar reader."""

from __future__ import annotations

import pyarrow as pa

from outcomes._parse import _plain_sections, _section

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
    values, small, digits, done = _plain_sections(pa.array(texts))
    assert done.sum() > 13_000  # the usual forms are read here, not by the scalar reader
    for i, text in enumerate(texts):
        if not done[i]:
            continue
        if text == "":
            assert (values[i], small[i], digits[i]) == (0, False, 0)
            continue
        value, has_small, ndigits = _section(text, first=False)  # must not refuse
        assert (int(value), has_small, ndigits) == (
            int(values[i]),
            bool(small[i]),
            int(digits[i]),
        ), text


def test_unusual_sections_are_left_to_the_scalar_reader():
    texts = ["〇", "二〇二一", "壱", "一一", "千千", "十一十", "百千"]
    *_, done = _plain_sections(pa.array(texts))
    assert not done.any()
