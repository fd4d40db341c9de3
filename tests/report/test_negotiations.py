"""The report's section "how each servicer answers" (交渉の傾向), issue 27 part 4.

Case-records §9 and §7: every published cell of the section stands for at
least k distinct cases (never log rows); the whole section in the run's
language; the table passes :func:`outcomes.report.check_html`.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from outcomes.datasets import simulate_cases, simulate_negotiations
from outcomes.report import check_html, negotiation_section
from outcomes.report._negotiations import NEGOTIATION_TEXT, answers_styled
from outcomes.report._tables import suppression_log

AS_OF = "2026-06-30"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@pytest.fixture(scope="module")
def world():
    cases = simulate_cases(400, seed=8, messy=False, today=AS_OF)
    return simulate_negotiations(cases, as_of=AS_OF, seed=8)


@pytest.fixture
def shown(monkeypatch):
    """What the section displays (Markdown text and HTML tables), in order."""
    import IPython.display

    out: list[str] = []

    def display(obj):
        out.append(obj.to_html() if hasattr(obj, "to_html") else obj.data)

    monkeypatch.setattr(IPython.display, "display", display)
    return out


@pytest.mark.parametrize("k", [5, 15])
def test_the_table_passes_check_html_and_counts_the_cells_it_hides(world, shown, tmp_path, k):
    suppression_log.reset()
    answers = negotiation_section(world.log, world.cases, k=k, language="ja")
    page = tmp_path / "section.html"
    page.write_text("\n".join(shown), encoding="utf-8")
    assert check_html(page, k=k) >= 2 * len(answers)
    table = next(s for s in shown if "<table" in s)
    assert suppression_log.cells == table.count(">k未満<") > 0
    assert len(answers) <= 16  # at most 15 counterparties and the pooled row


def test_a_suppressed_row_shows_no_figure_and_its_agreed_figures_need_their_own_k():
    answers = pd.DataFrame(
        {
            "servicer": ["S債権回収", "T債権回収", "その他"],
            "pooled": [False, False, True],
            "cases": pd.array([12, 9, None], dtype="Int64"),
            "first_demand": [1.0, 0.8, 0.5],
            "agreed": pd.array([9, None, None], dtype="Int64"),
            "settled": [0.031, 0.02, 0.01],
            "rounds": [3.0, 2.0, 1.0],
            "months": [8.0, 7.0, 6.0],
            "settled_early": [0.04, None, None],
            "settled_late": [0.02, None, None],
            "waiting": pd.array(["lower", None, None], dtype="string"),
            "suppressed": [False, False, True],
        }
    )
    page = answers_styled(answers, language="en").to_html()
    rows = page.split("<tr>")[2:]
    assert "4.0% → 2.0%" in rows[0] and ">lowered it<" in rows[0]
    assert "80.0%" in rows[1] and "2.0%" not in rows[1]  # agreed under k: no agreed figures
    assert "under k" in rows[2] and "50.0%" not in rows[2] and "1.0%" not in rows[2]


def test_the_section_is_in_one_language(world, shown):
    negotiation_section(world.log, world.cases, k=5, language="en", problems=3)
    names = {*world.log["counterparty"].dropna(), *world.cases["servicer"].dropna()}
    names |= {*world.cases["creditor"].dropna(), "弁護士法"}
    text = "\n".join(re.sub(r"<[^>]+>", " ", s) for s in shown)
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    assert "How each servicer answers" in text and "3 problems" in text
    assert not CJK.findall(text), sorted(set(CJK.findall(text)))
    shown.clear()
    negotiation_section(world.log, world.cases, k=5, language="ja")
    assert "交渉の傾向(相手先別)" in shown[0]
    assert "Counterparty" not in "\n".join(shown)


def test_no_creditor_name_is_printed_servicers_are(world, shown):
    """The report prints no creditor's name: a creditor counterparty reads as its type."""
    negotiation_section(world.log, world.cases, k=5, language="ja")
    page = "\n".join(shown)
    creditors = set(world.cases["creditor"].dropna()) - set(world.cases["servicer"].dropna())
    creditors -= {"住宅金融支援機構", "日本政策金融公庫"}  # also the names of their types
    assert not [c for c in creditors if f">{c}<" in page]
    assert "債権者: " in page and "債権回収<" in page


def test_every_counterparty_under_k_gives_a_sentence_not_a_table(world, shown):
    """A table of 「k未満」 only says nothing: one sentence instead (a filtered report)."""
    negotiation_section(world.log, world.cases.head(30), k=50, language="ja")
    assert shown[-1] == NEGOTIATION_TEXT["all_under_k"][0].format(k=50)
    assert not any("<table" in s for s in shown)


def test_cases_without_a_log_get_one_sentence(world, shown):
    other = world.cases.assign(case_id="X" + world.cases["case_id"])
    negotiation_section(world.log, other, k=5, language="en")
    assert shown[-1] == NEGOTIATION_TEXT["none"][1]


def test_cli_report_passes_the_log_to_write_report(monkeypatch, tmp_path):
    """``outcomes report … --negotiations LOG`` (issue 27): the log goes to write_report."""
    import outcomes._cli.report as cli_report
    from outcomes.cli import main
    from outcomes.datasets import sample_path

    given = {}

    def fake_write_report(source, output, **options):
        given.update(options)
        return output

    monkeypatch.setattr(cli_report, "write_report", fake_write_report)
    log = sample_path().with_name("negotiations.csv")
    out = tmp_path / "r.html"
    assert main(["report", str(sample_path()), "-o", str(out), "--negotiations", str(log)]) == 0
    assert given["negotiations"] == str(log)
    given.clear()
    assert main(["report", str(sample_path()), "-o", str(out)]) == 0
    assert given["negotiations"] is None


def test_cli_report_with_an_unreadable_log_exits_2_with_one_line(tmp_path, capsys):
    """A log that cannot be read fails before the report runs, in one line (its language)."""
    from outcomes.cli import main
    from outcomes.datasets import sample_path

    out = tmp_path / "r.html"
    missing = tmp_path / "no-log.csv"
    assert main(["report", str(sample_path()), "-o", str(out), "--negotiations", str(missing)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("outcomes report: ") and "no-log.csv" in err[0]
    assert not out.exists()
