"""The command line's refusals of an argument, in the run's language and never guessed (issue 28).

Analyst review, "what is left of #14": with ``--lang ja`` (or ``offer``'s
default ja) a refused ``--cash 'abc'`` was English. N8: ``--as-of 01-02-2026``
was read US-style (2026-01-02) by a pandas fallback that the cleaner does not
have; the one date reader now refuses a date written day and month before the
year, naming the year-first readings.
"""

from __future__ import annotations

import re

import pytest

from outcomes.cli import main

#: a Japanese line has kana or kanji; an English sentence has three Latin words in a row
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,}\b(?:[ ,;:]+\b[A-Za-z]{2,}\b){2,}")


def _refusal(capsys, argv: list[str]) -> str:
    assert main(argv) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("predict", ["model", "cases.csv", "-o", "p.csv"]),
        ("fit", ["cases.csv", "-o", "model"]),
    ],
)
def test_an_ambiguous_as_of_is_refused_with_its_year_first_readings(
    command, options, capsys, tmp_path, monkeypatch
):
    """N8: ``01-02-2026`` is not read as 2 January (US) nor 1 February: both are named."""
    monkeypatch.chdir(tmp_path)
    line = _refusal(capsys, [command, *options, "--as-of", "01-02-2026"])
    assert line.startswith(f"outcomes {command}: --as-of '01-02-2026' is ambiguous")
    assert "2026-02-01" in line and "2026-01-02" in line
    line = _refusal(capsys, [command, *options, "--as-of", "6/30/2026"])
    assert line.endswith("write it as 2026-06-30")


def test_a_refused_argument_is_in_the_runs_language(capsys, tmp_path, monkeypatch):
    """#14 (what is left): ``--as-of`` refused under ``--lang ja`` in Japanese only."""
    monkeypatch.chdir(tmp_path)
    argv = ["predict", "model", "cases.csv", "-o", "p.csv", "--as-of", "01-02-2026"]
    ja = _refusal(capsys, [*argv, "--lang", "ja"])
    assert ja.startswith("outcomes predict: --as-of の '01-02-2026' は日と月の順がわかりません")
    reason = ja.split(": ", 1)[1]
    assert JAPANESE.search(reason) and not ENGLISH_SENTENCE.search(reason), reason
    en = _refusal(capsys, [*argv, "--lang", "en"]).split(": ", 1)[1]
    assert ENGLISH_SENTENCE.search(en) and not JAPANESE.search(en), en
