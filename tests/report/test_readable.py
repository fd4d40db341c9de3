"""What a person reads in the report: refusals, words, order, ticks, layout, one language.

The analyst review (issue 21): a misspelled ``--servicer`` gave an empty report
with exit 0; a report filtered to a few cases was mostly empty frames; two rows
of one table read 「その他」; ordinal axes were sorted by count; percent ticks were
rounded wrong; internal names and backticks reached a manager's page; the PDF
ran a label into 「k未満」 and broke headers mid-word; and there was no English
report. Two reports are written here through the packaged template (one in
English, one filtered to one servicer at k=10); everything else is checked
without a kernel.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from outcomes import OutcomesError, simulate_cases, write_report
from outcomes.datasets import SAMPLE_TODAY, sample_path
from outcomes.models import MonthlyAmountModel, SettlementRatioModel, TrainingProfile
from outcomes.report import (
    Selection,
    box_by,
    breakdown,
    check_html,
    count_bar,
    expected_totals,
    kaplan_meier,
    km_plot,
    league_table,
    panel,
    predicted_ranges,
    prepare_report,
    quarterly_trend,
    ranges_table,
    set_theme,
    totals_table,
    training_drift,
    with_derived,
)
from outcomes.report._checks import POOLED_ROW, TOTAL_ROW, ModelCheck
from outcomes.report._data import check_selection, load_report_data, select_cases
from outcomes.report._groups import POOLED
from outcomes.report._panels import draw_panels
from outcomes.report._plots import calibration_plot, trend_plot
from outcomes.report._section import ReportSection

SAMPLE = sample_path()
#: the sample's generated negotiation log (issue 27): the section "how each servicer answers"
SAMPLE_LOG = SAMPLE.with_name("negotiations.csv")
TODAY = SAMPLE_TODAY
#: a model directory written by `outcomes fit` (small, committed): reports here load it
MODELS = Path(__file__).resolve().parents[1] / "data" / "model-v0.1.0" / "model"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture(autouse=True)
def _theme():
    set_theme()
    yield
    plt.close("all")


class _Text(HTMLParser):
    """The text a reader sees: no style, no script, no head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def tables(html: str) -> list[str]:
    return re.findall(r"<table.*?</table>", html, flags=re.DOTALL)


# --------------------------------------------------------------------------
# 1. A selection that matches no case is refused in one line (never an empty report)
# --------------------------------------------------------------------------


def _cli(tmp_path: Path, capsys, *options: str) -> tuple[int, list[str]]:
    from outcomes.cli import main

    code = main(
        ["report", str(SAMPLE), "-o", str(tmp_path / "r.html"), "--model", str(MODELS), *options]
    )
    return code, capsys.readouterr().err.strip().splitlines()


def test_a_misspelled_servicer_is_refused_with_did_you_mean(tmp_path, capsys):
    code, err = _cli(tmp_path, capsys, "--servicer", "ＳＭＢＣ債券回収")
    assert code == 2 and len(err) == 1, err
    assert err[0] == (
        "outcomes report: サービサー「ＳＭＢＣ債券回収」の案件はありません"
        "(登録簿にもデータにもない名前です。もしかして: SMBC債権回収)"
    )
    assert not (tmp_path / "r.html").exists()
    code, err = _cli(tmp_path, capsys, "--servicer", "ＳＭＢＣ債券回収", "--lang", "en")
    assert code == 2 and len(err) == 1
    assert "did you mean: SMBC債権回収?" in err[0] and not (tmp_path / "r.html").exists()


def test_a_period_without_cases_is_refused_with_the_data_range(tmp_path, capsys):
    cases = load_report_data(SAMPLE, today=TODAY).cases
    when = cases["agreement_date"].fillna(cases["sale_date"])
    code, err = _cli(tmp_path, capsys, "--period", "2030-01:2030-12")
    assert code == 2 and len(err) == 1
    assert err[0] == (
        "outcomes report: 期間 2030-01 〜 2030-12 に案件はありません"
        f"(このデータの案件は {when.min():%Y-%m} 〜 {when.max():%Y-%m})"
    )
    assert not (tmp_path / "r.html").exists()


def test_the_python_api_refuses_the_same_way(tmp_path):
    with pytest.raises(OutcomesError, match="もしかして: SMBC債権回収"):
        write_report(SAMPLE, tmp_path / "r.html", servicer="SMBC債券回収", model_dir=MODELS)
    with pytest.raises(OutcomesError, match="no case in the period 2030-01 – 2030-12"):
        write_report(SAMPLE, tmp_path / "r.html", period="2030", language="en")
    assert not (tmp_path / "r.html").exists()


@pytest.fixture(scope="module")
def few() -> pd.DataFrame:
    cases = simulate_cases(200, seed=8, messy=False, today=TODAY)
    cases["servicer"] = cases["servicer"].astype("string")
    cases.loc[cases.index[:6], "servicer"] = "山田債権回収"  # an unregistered servicer of the data
    cases["creditor_type"] = cases["creditor_type"].where(cases["creditor_type"] != "jfc", "bank")
    return cases


def test_suggestions_come_from_the_data_and_the_registry(few):
    # a typo of a servicer that is only in the past data
    with pytest.raises(OutcomesError, match=r"もしかして: 山田債権回収"):
        check_selection(few, Selection(servicer="山田債券回収"))
    # a registered servicer with no case here: said so, with the data's servicers
    absent = next(n for n in ("あおぞら債権回収", "新生債権回収") if (few["servicer"] != n).all())
    with pytest.raises(
        OutcomesError, match=f"登録簿の「{absent}」ですが、このデータには案件がありません"
    ):
        check_selection(few, Selection(servicer=absent))
    # a creditor type of no case, and a combination of no case
    with pytest.raises(
        OutcomesError, match=r"債権者区分「日本政策金融公庫」の案件はこのデータにありません"
    ):
        check_selection(few, Selection(creditor_type="jfc"))
    with pytest.raises(
        OutcomesError, match=r"条件\(期間 2001-01 〜 2001-12、サービサー 山田債権回収\)"
    ):
        check_selection(
            few.assign(sale_date=pd.Timestamp("2001-06-01"))
            .iloc[6:]
            .pipe(lambda d: pd.concat([d, few.iloc[:6]])),
            Selection(period="2001", servicer="山田債権回収"),
        )
    # a selection of a few cases is fine: reported, its small cells suppressed
    check_selection(few, Selection(servicer="山田債権回収(株)"))


def test_creditor_types_are_accepted_and_listed_in_japanese(tmp_path):
    cases = simulate_cases(300, seed=5, messy=False, today=TODAY)
    shinkin = select_cases(cases, Selection(creditor_type="信金"))
    assert len(shinkin) and (shinkin["creditor_type"] == "shinkin").all()
    assert len(select_cases(cases, Selection(creditor_type="信金・信組・JA"))) == len(shinkin)
    with pytest.raises(OutcomesError) as info:
        write_report(SAMPLE, tmp_path / "r.html", creditor_type="質屋")
    for label in ("信金・信組・JA", "住宅金融支援機構", "保証会社", "shinkin"):
        assert label in str(info.value)


def test_a_pdf_output_name_points_to_the_pdf_option(tmp_path):
    with pytest.raises(OutcomesError, match="--pdf"):
        write_report(SAMPLE, tmp_path / "r.pdf")
    with pytest.raises(OutcomesError, match="add --pdf"):
        write_report(SAMPLE, tmp_path / "r.pdf", language="en")


# --------------------------------------------------------------------------
# 5. The pending totals: the creditor type その他 and the pooled small groups apart
# --------------------------------------------------------------------------


def test_pending_totals_never_label_two_rows_alike():
    cases = simulate_cases(1200, seed=3, messy=False, today="2024-06-30")
    ratio = SettlementRatioModel(as_of="2024-06-30", learner="glm").fit(cases)
    monthly = MonthlyAmountModel(as_of="2024-06-30", max_iter=20).fit(cases)
    checks = ModelCheck("settlement_ratio", ratio), ModelCheck("monthly_amount", monthly)
    pending = cases.index[cases["resolution"] == "pending"]
    # the creditor type その他 (30 pending cases) is shown; jhf (12) and jfc (8) are pooled
    types = ["other"] * 30 + ["jhf"] * 12 + ["jfc"] * 8
    types += ["bank"] * (len(pending) - len(types))
    cases.loc[pending, "creditor_type"] = types
    table = expected_totals(*checks, cases, "creditor_type", k=20)
    assert table["creditor_type"].tolist() == ["bank", "other", POOLED_ROW, TOTAL_ROW]
    for language in ("ja", "en"):
        html = totals_table(table, language=language).to_html()
        labels = re.findall(r'<td id="T_\w+_row\d+_col0"[^>]*>([^<]*)</td>', html)
        assert len(labels) == len(table) and len(set(labels)) == len(labels), labels
    assert {"その他", "件数の少ない区分の計", "合計"} <= set(
        re.findall(r'_col0"[^>]*>([^<]*)<', totals_table(table).to_html())
    )


# --------------------------------------------------------------------------
# 9. A report on few cases says what it cannot show (no empty frame, no 「0件未満」)
# --------------------------------------------------------------------------


def test_an_empty_kaplan_meier_panel_names_the_report_k():
    cases = simulate_cases(60, seed=2, messy=False, today=TODAY)
    curves = kaplan_meier(cases, "creditor_type", as_of=TODAY, k=40)
    assert curves.empty
    ax = km_plot(curves)
    assert ax.texts[0].get_text() == "表示できるグループがありません(どれも40件未満)"


def test_panels_with_nothing_to_show_are_left_out_and_named():
    cases = with_derived(simulate_cases(40, seed=2, messy=False, today=TODAY))
    panels = [
        panel("count", cases, "resolution", title="解決方法"),
        panel("count", cases, "prefecture", title="都道府県"),
        panel("km", kaplan_meier(cases, "creditor_type", as_of=TODAY, k=30), title="債権者区分別"),
    ]
    missing = draw_panels(panels, k=10)
    assert missing == ["都道府県", "債権者区分別"]
    fig = plt.gcf()
    assert len(fig.axes) == 1 and fig.axes[0].get_title() == "解決方法"
    assert not [t for ax in fig.axes for t in ax.texts if "表示できる" in t.get_text()]
    assert panels[0].rows and panels[1].rows is None
    plt.close("all")
    assert draw_panels(panels[1:], k=10) == ["都道府県", "債権者区分別"]
    assert not plt.get_fignums()  # nothing drawn at all: no empty frame


def test_a_section_says_in_one_sentence_what_it_cannot_show(monkeypatch):
    cases = simulate_cases(40, seed=2, messy=False, today=TODAY)
    said: list[str] = []
    monkeypatch.setattr(ReportSection, "say", lambda self, markdown: said.append(markdown))
    section = ReportSection(15, "ja")
    debt = breakdown(cases, "creditor_type", "residual_debt", k=15)
    from outcomes.report import styled

    assert not section.table(debt, styled(debt, "residual_debt", caption="債権者区分別の残債"))
    section.missing.append("職業")
    section.end()
    assert said == [
        "この条件では、次は示せません(どのグループも 15 件未満のため): 債権者区分別の残債、職業。"
    ]
    section.end()
    assert len(said) == 1  # nothing more to say


# --------------------------------------------------------------------------
# 10. The filtered report's header, league table and drift verdicts read right
# --------------------------------------------------------------------------


def test_the_header_names_the_matched_servicer_and_the_compared_period():
    rc = prepare_report(
        SAMPLE, servicer="ＳＭＢＣ債権回収株式会社", period="2023-01:2024-12", k=5, today=TODAY
    )
    header = rc.header_markdown("2026-06-30 12:00 JST", "0")
    assert "| サービサー | SMBC債権回収(指定: SMBC債権回収株式会社) |" in header
    assert "| 比較する期間 | 2021-01 〜 2022-12 |" in header
    english = prepare_report(SAMPLE, servicer="smbc債権回収", k=5, today=TODAY, language="en")
    header = english.header_markdown("2026-06-30 12:00 JST", "0")
    assert "| Servicer | SMBC債権回収 (as given: smbc債権回収) |" in header
    assert "| Compared with | none (no period chosen) |" in header


def test_a_drift_above_the_threshold_on_few_cases_is_not_called_stable(tmp_path):
    reference = simulate_cases(1500, seed=3, messy=False, today=TODAY)
    TrainingProfile.from_cases(reference).to_json(tmp_path / "training_profile.json")
    # 16 cases drawn like the training cases: PSIs above 0.1 by chance alone
    few_cases = simulate_cases(400, seed=4, messy=False, today=TODAY).head(16)
    table = training_drift(tmp_path, few_cases, k=10).set_index("特徴量")
    psi = table["PSI"].astype(float)
    assert (psi > 0.1).sum() >= 3
    assert set(table.loc[psi > 0.1, "判定"]) == {"件数が少なく判定できません"}
    assert set(table.loc[psi <= 0.1, "判定"]) == {"安定"}
    assert "新しい区分" not in table.columns  # no feature has one: no empty column
    english = training_drift(tmp_path, few_cases, k=10, language="en").set_index("Feature")
    assert english.loc["creditor type", "Verdict"] == "too few cases to tell"
    # a shift that chance does not explain is still called one
    shifted = simulate_cases(400, seed=4, messy=False, today=TODAY)
    shifted = shifted[shifted["creditor_type"] == "jhf"]
    table = training_drift(tmp_path, shifted, k=10).set_index("特徴量")
    assert table.loc["債権者区分", "判定"] == "変化あり"


def test_the_league_table_of_one_servicer_is_not_called_other():
    cases = simulate_cases(300, seed=5, messy=False, today=TODAY)
    lump = cases[cases["resolution"] == "lump_sum"]
    name = lump["servicer"].value_counts().index[0]
    table = league_table(lump[lump["servicer"] == name], "settlement_ratio", k=5)
    assert table["servicer"].tolist() == [name]  # its own name, never POOLED
    assert POOLED not in table["servicer"].tolist()


def test_a_league_of_ties_is_said_in_a_sentence(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(ReportSection, "say", lambda self, markdown: said.append(markdown))
    shown: list[object] = []
    monkeypatch.setattr(ReportSection, "table", lambda self, t, s: shown.append(s) or True)
    frame = pd.DataFrame(
        {
            "servicer": ["A"] * 8 + ["B"] * 9 + ["C"] * 2 + ["D"] * 3,
            "monthly_amount": [10_000.0] * 22,
        }
    )
    table = league_table(frame, "monthly_amount", k=5)
    ReportSection(5, "ja").league(table, "monthly_amount", caption="表", what="月額(分割弁済)")
    assert said == [
        "月額(分割弁済)の中央値は、比較できる 2 社すべてで1万円です(金額が1万円に集中しているため、"
        "中央値ではサービサーの差が見えません)。表は省きます。"
    ]
    assert not shown


# --------------------------------------------------------------------------
# 12. Order, ticks and calibration markers
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def derived() -> pd.DataFrame:
    return with_derived(simulate_cases(1500, seed=6, messy=False, today=TODAY))


def _ticks(labels) -> list[str]:
    return [t.get_text() for t in labels if t.get_text()]


def test_ordinal_axes_keep_their_natural_order(derived):
    ax = count_bar(derived, "age_band", k=5)
    ages = _ticks(ax.get_yticklabels())
    assert ages == sorted(ages, key=lambda a: int(a.removesuffix("代"))) and len(ages) >= 4
    installment = derived[derived["resolution"] == "installment"]
    ax = box_by(installment, "income_band", "monthly_amount", k=5)
    bands = derived["income_band"].cat.categories.tolist()
    shown = _ticks(ax.get_yticklabels())
    assert shown == [b for b in bands if b in shown] and len(shown) >= 4
    lump = derived[derived["resolution"] == "lump_sum"]
    ax = box_by(lump, "agreement_year", "settlement_ratio", k=5)
    years = _ticks(ax.get_yticklabels())
    assert years == sorted(years) and len(years) >= 4
    table = breakdown(derived, "age_band", k=5)
    assert table["age_band"].tolist() == sorted(table["age_band"], key=lambda a: int(a[:-1]))


def test_percent_ticks_are_exact_and_yen_ticks_one_style(derived):
    lump = derived[derived["resolution"] == "lump_sum"]
    ax = box_by(lump, "agreement_year", "settlement_ratio", k=5)
    plt.gcf().canvas.draw()
    for tick, label in zip(ax.get_xticks(), ax.get_xticklabels(), strict=True):
        if label.get_text():
            assert float(label.get_text().rstrip("%")) == pytest.approx(tick * 100)
    installment = derived[derived["resolution"] == "installment"]
    for language, pattern in (("ja", r"\d{1,3}(,\d{3})*円"), ("en", r"¥\d{1,3}(,\d{3})*")):
        ax = box_by(installment, "creditor_type", "monthly_amount", k=5, language=language)
        plt.gcf().canvas.draw()
        labels = _ticks(ax.get_xticklabels())
        assert labels and all(re.fullmatch(pattern, t) for t in labels), labels
        assert all(v % 5_000 == 0 for v in ax.get_xticks()), ax.get_xticks()
    table = quarterly_trend(installment, "monthly_amount", k=5)
    ax = trend_plot(table, "monthly_amount")
    plt.gcf().canvas.draw()
    labels = _ticks(ax.get_yticklabels())
    assert all(re.fullmatch(r"\d{1,3}(,\d{3})*円", t) for t in labels), labels


def test_kaplan_meier_months_are_whole(derived):
    ax = km_plot(kaplan_meier(derived.head(80), "creditor_type", as_of=TODAY, k=10))
    plt.gcf().canvas.draw()
    labels = _ticks(ax.get_xticklabels())
    assert labels and all(re.fullmatch(r"\d+", t) for t in labels), labels


def test_calibration_markers_of_two_models_never_hide_each_other():
    calibration = pd.DataFrame(
        {"stated": [0.9], "observed": [0.9], "mean_width": [0.1], "n": [300]}
    )
    checks = [
        ModelCheck("settlement_ratio", calibration=calibration),
        ModelCheck("monthly_amount", calibration=calibration),
    ]
    ax = calibration_plot(checks)
    lines = [line for line in ax.get_lines() if line.get_marker() not in (None, "None", "")]
    assert len(lines) == 2
    x = [float(line.get_xdata()[0]) for line in lines]
    assert abs(x[0] - x[1]) > 0.01 and all(abs(v - 0.9) < 0.02 for v in x)
    assert all(line.get_markerfacecolor() == "white" for line in lines)  # hollow


def test_ranges_tables_keep_bands_in_order(derived):
    model = MonthlyAmountModel(as_of=TODAY, max_iter=10).fit(derived)
    check = ModelCheck("monthly_amount", model)
    table = predicted_ranges(check, derived, "income_band", k=5).sample(frac=1.0, random_state=1)
    html = ranges_table(check, table, "income_band").to_html()
    found = [b for b in derived["income_band"].cat.categories if b in html]
    assert sorted(found, key=html.index) == found


# --------------------------------------------------------------------------
# 13. The PDF: labels apart from 「k未満」, headers whole
# --------------------------------------------------------------------------


def _boxes(box):
    yield box
    for child in getattr(box, "children", []) or []:
        yield from _boxes(child)


def test_pdf_keeps_labels_apart_and_headers_whole(tmp_path):
    pytest.importorskip("weasyprint")
    import nbformat
    import weasyprint

    from outcomes.report import styled
    from outcomes.report._render import notebook_to_html

    # the report's widest kind of table: a breakdown with its statistics, ten columns
    types = ["jhf"] * 3 + ["guarantor"] * 30 + ["bank"] * 40 + ["shinkin"] * 4
    debts = np.linspace(1_234_567, 98_765_432, len(types)).round()
    frame = pd.DataFrame({"creditor_type": types, "residual_debt": debts})
    table = breakdown(frame, "creditor_type", "residual_debt", k=5)
    output = nbformat.v4.new_output(
        "display_data",
        data={"text/html": styled(table, "residual_debt", caption="債権者区分別の残債").to_html()},
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("", outputs=[output])])
    page = tmp_path / "r.html"
    page.write_text(notebook_to_html(nb), encoding="utf-8")
    document = weasyprint.HTML(filename=str(page), media_type="print").render()
    texts = [
        b for p in document.pages for b in _boxes(p._page_box) if type(b).__name__ == "TextBox"
    ]
    label = next(b for b in texts if b.text == "住宅金融支援機構")
    count = next(b for b in texts if b.text == "k未満" and abs(b.position_y - label.position_y) < 2)
    assert count.position_x - (label.position_x + label.width) > 5  # apart, not 「機構k未満」
    words = [b.text for b in texts]
    assert "債権者区分" in words and "債権者区" not in words  # never 「債権者区 / 分」
    assert "値のある件数" in words  # the widest header, whole too


def test_print_stylesheet_lets_outputs_flow_between_pages():
    import nbformat

    from outcomes.report._render import notebook_to_html

    html = notebook_to_html(nbformat.v4.new_notebook())
    assert ".jp-OutputArea-child {\n    break-inside: auto !important;" in html
    assert 'html[lang="ja"] .jp-RenderedHTMLCommon th { white-space: nowrap; }' in html


# --------------------------------------------------------------------------
# 7. One language per report: English figures, then two whole reports
# --------------------------------------------------------------------------


def test_english_figures_have_no_japanese_words(derived):
    lump = derived[derived["resolution"] == "lump_sum"]
    draw_panels(
        [
            panel("count", derived, "employment", title="Employment"),
            panel("box", lump, "creditor_type", "settlement_ratio", title="Ratio"),
            panel("share", derived, "creditor_type", "resolution", title="Resolution"),
            panel("km", kaplan_meier(derived, "creditor_type", as_of=TODAY, k=5), title="KM"),
        ],
        k=5,
        language="en",
    )
    fig = plt.gcf()
    fig.canvas.draw()
    words = []
    for ax in fig.axes:
        words += [ax.get_xlabel(), ax.get_ylabel(), ax.get_title()]
        words += [t.get_text() for t in (*ax.get_xticklabels(), *ax.get_yticklabels())]
        legend = ax.get_legend()
        if legend is not None:
            words += [t.get_text() for t in legend.get_texts()] + [legend.get_title().get_text()]
    leaked = [w for w in words if CJK.search(w.replace("住宅金融支援機構", ""))]
    assert not leaked, leaked


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("english") / "report.html"
    write_report(
        SAMPLE,
        path,
        period="2023-01:2024-12",
        model_dir=MODELS,
        today=TODAY,
        language="en",
        negotiations=SAMPLE_LOG,
    )
    return {"path": path, "html": path.read_text(encoding="utf-8")}


def test_the_english_report_is_english_throughout(english):
    html = english["html"]
    assert '<html lang="en">' in html
    assert check_html(english["path"], k=5) > 20  # its suppressed cells read "under k"
    assert "under k" in html and "k未満" not in visible_text(html)
    for heading in (
        "1. Data quality",
        "2. Case mix",
        "3. Settlements",
        "4. How good the models are",
        "5. Guidance on ratios and monthly amounts",
        "About this report",
        "Next steps",
        "How each servicer answers",
    ):
        assert heading in html, heading
    text = visible_text(html)
    # proper nouns (companies, prefectures) and the glossed legal terms may stay Japanese
    cases = load_report_data(SAMPLE, today=TODAY).cases
    nouns = {*cases["servicer"].dropna(), *cases["prefecture"].dropna()}
    nouns |= {*cases["creditor"].dropna()}  # the log's counterparties (issue 27)
    nouns |= {"住宅金融支援機構", "任意売却", "弁護士法", "弁護士", "鑑定"}
    for noun in sorted(nouns, key=len, reverse=True):
        text = text.replace(noun, "")
    assert not CJK.findall(text), sorted(set(CJK.findall(text)))[:20]


# --------------------------------------------------------------------------
# 9-10. A report filtered to one servicer and a few cases, as a manager reads it
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def filtered(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("filtered") / "report.html"
    write_report(
        SAMPLE,
        path,
        servicer="ＳＭＢＣ債権回収株式会社",
        k=10,
        period="2023-01:2024-12",
        compare="2021-01:2022-12",
        model_dir=MODELS,
        today=TODAY,
        negotiations=SAMPLE_LOG,
    )
    return {"path": path, "html": path.read_text(encoding="utf-8")}


def test_a_filtered_report_says_what_it_cannot_show(filtered):
    html = filtered["html"]
    assert check_html(filtered["path"], k=10) > 0
    assert "表示できるグループがありません" not in html and not re.search(r"(?<!\d)0件未満", html)
    assert "この条件では、次は示せません(どのグループも 10 件未満のため)" in html
    for table in tables(html):  # no table of headers only, nor of 「k未満」 only
        counts = re.findall(r'class="[^"]*oc-count[^"]*"[^>]*>([^<]*)<', table)
        assert not counts or any(c.strip() != "k未満" for c in counts), table[:300]
        assert "<td" in table
    assert "サービサーを SMBC債権回収 に絞っているため" in html
    assert "その他(小規模のサービサー)" not in visible_text(html)
    assert "<td>SMBC債権回収(指定: SMBC債権回収株式会社)</td>" in html
    assert "<td>比較する期間</td>" in html and "<td>2021-01 〜 2022-12</td>" in html


def test_the_log_section_of_one_servicer_publishes_only_cells_of_k_cases(filtered):
    """Issue 27 / §9: the section is there with --negotiations; k=10 counts cases, not rows."""
    html = filtered["html"]
    assert "交渉の傾向(相手先別)" in html
    if "相手先別の交渉の傾向" not in html:  # every counterparty under k: one sentence, no table
        assert "どの相手先も 10 件未満の案件しかないため示せません" in html
        return
    section = html[html.index("相手先別の交渉の傾向") :]
    section = section[: section.index("</table>")]
    counts = re.findall(r'class="[^"]*oc-count[^"]*"[^>]*>([^<]*)<', section)
    assert counts and all(c == "k未満" or int(c.replace(",", "")) >= 10 for c in counts)


@pytest.mark.parametrize("fixture", ["filtered", "english"])
def test_no_backtick_or_internal_name_reaches_the_page(fixture, request):
    text = visible_text(request.getfixturevalue(fixture)["html"])
    for internal in (
        "`",
        "predict_mean",
        "survival_data",
        ".skops",
        "--period",
        "--compare",
        "--model",
        "outcomes.models",
        "notebooks/",
    ):
        assert internal not in text, internal


def test_the_japanese_report_has_no_english_sentence(filtered):
    text = visible_text(filtered["html"])
    words = set(re.findall(r"[A-Za-z][A-Za-z.\-]{2,}", text))
    # names (the package, its commands, a servicer, the input file) and two abbreviations
    allowed = {"outcomes", "offer", "fit", "JST", "PSI", "SMBC", "cases.parquet", "cases.csv"}
    assert words <= allowed, sorted(words - allowed)
