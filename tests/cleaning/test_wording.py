"""The cleaner's and the parsers' words: catalogues of codes, no sentence read back (issue 24).

Architecture review §2.6 ("sentences used as data") and §5.2: the parsers'
reasons were translated by a 28-entry table of English sentences and five
regular expressions, and a problem's kind was the text before its colon.
Now codes cross the border and each catalogue has the one shape
``{code: (ja, en)}``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import outcomes
from outcomes._cleaning import PROBLEM_KINDS, clean_cases
from outcomes._cleaning.wording import PERSONAL_DATA_WORDS, check_problem_words
from outcomes._messages import check_catalogue
from outcomes._parse import PARSE_WORDS, ParseError, parse_amount, parse_date

PACKAGE = Path(outcomes.__file__).parent
#: the rooms of the parsers and the cleaner (issue 24's "your rooms")
ROOMS = [
    *sorted((PACKAGE / "_parse").glob("*.py")),
    *sorted((PACKAGE / "_cleaning").glob("*.py")),
    PACKAGE / "_contract.py",
    PACKAGE / "_registry.py",
]
#: a dictionary entry whose key is an English phrase and whose value a Japanese text
_ENGLISH_TO_JAPANESE = re.compile(
    r'"[A-Za-z][^"\n]*\s[^"\n]*":\s*"[^"\n]*[\u3040-\u30ff\u4e00-\u9fff]'
)


def test_every_catalogue_has_both_languages_with_the_same_fields():
    """Review §5.2: one catalogue shape, checked by ``check_catalogue``."""
    for catalogue in (PARSE_WORDS, PROBLEM_KINDS, PERSONAL_DATA_WORDS):
        check_catalogue(catalogue)
    check_problem_words()


def test_no_lookup_is_keyed_by_an_english_sentence_in_the_parsers_and_the_cleaner():
    """Review §2.6: no ``{English sentence: Japanese}`` table, no kind read before a colon."""
    gone = ("_PARSE_REASONS_JA", "_PARSE_PATTERNS_JA", "parse_reason_ja", "problem_kind(")
    for path in ROOMS:
        source = path.read_text(encoding="utf-8")
        assert not _ENGLISH_TO_JAPANESE.search(source), path.name
        assert 'split(":"' not in source, path.name
        assert not [name for name in gone if name in source], path.name


def test_a_parse_error_carries_its_code_and_fields_beside_the_same_sentence():
    """Issue 24: ``ParseError.message`` is a Message; ``str()`` stays the English sentence."""
    with pytest.raises(ParseError) as caught:
        parse_date("2019-02-29")
    assert str(caught.value) == "date does not exist (2019-02-29)"
    assert caught.value.message.code == "date.nonexistent"
    assert dict(caught.value.message.fields) == {"date": "2019-02-29"}
    with pytest.raises(ParseError) as caught:
        parse_amount("12万34")
    assert caught.value.message.code == "amount.ambiguous"
    assert str(caught.value) == "ambiguous amount (after 万, write 4 digits or add 円)"


def test_notes_are_codes_rendered_in_either_language():
    """Issue 24: a note is a code with fields; the cleaner words it in the run's language."""
    parsed = parse_date("平成31年6月")
    assert [m.code for m in parsed.notes] == ["date.day_missing", "date.after_era"]
    assert parsed.note == (
        "day missing; read as the 1st; after the end of 平成; read by its Western year (2019)"
    )
    raw = {"案件ID": ["A1"], "売却日": ["平成31年6月"]}
    _, problems = clean_cases(pd.DataFrame(raw), today="2026-01-01", language="ja")
    assert problems["kind"].tolist() == ["noted"]
    assert problems["problem"].tolist() == [
        "注記: 「売却日」の値は日がないため1日として読みました。"
        "平成の終わりより後の年です。西暦2019年として読みました"
    ]


def test_the_problems_table_has_a_kind_column_before_the_sentence():
    """Issue 24: row, case_id, column, value, kind (the code), problem (the sentence)."""

    raw = pd.DataFrame({"案件ID": ["A1"], "年齢": ["abc"]})
    for language in ("en", "ja"):
        _, problems = clean_cases(raw, today="2026-01-01", language=language)
        assert list(problems.columns) == ["row", "case_id", "column", "value", "kind", "problem"]
        assert problems["kind"].tolist() == ["unreadable"]
