"""No planted personal string in any output or model file (issue 26; reliability review, finding 1).

The review's probe planted 21 forms of personal data in every column of a
400-case export and found them in 13 of 16 outputs, model files included.
Here the same forms go into every contract column of a generated export (one
cell each), with a group of 10 cases whose servicer is a person's name; the
export runs clean → fit → predict → offer → report by the command line, in
this process (the models fitted by the API with small learners and written by
the writer ``outcomes fit`` uses, for speed), and every file written is searched: as bytes (UTF-8, CP932,
UTF-16 and UTF-32, which numpy uses for text arrays), inside every zip member
(.xlsx, .skops) with JSON ``\\uXXXX`` escapes decoded, and through the parquet
readers.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from outcomes._contract import match_header
from outcomes.cli import main
from outcomes.datasets import simulate_cases
from tests.test_privacy import REVIEW_FORMS

TODAY = "2026-06-30"
#: the cores searched besides each whole form: the name, its readings, the digit runs
NAME_CORES = (
    "鰐淵",
    "ワニブチ",
    "ゴンベエ",
    "Wanibuchi",
    "wanibuchi",
    "Gonbei",
    "gonbei",
    "WANIBUCHI",
)
#: a servicer of three cases (a company, not personal): rows of the export it is written in
RARE_SERVICER, RARE_ROWS = "少数テスト債権回収", [340, 341, 342]
#: the columns the forms are planted in: every contract column of the export
PLANTED_COLUMNS = (
    "case_id",
    "sale_date",
    "agreement_date",
    "age",
    "prefecture",
    "employment",
    "monthly_income",
    "household_size",
    "creditor",
    "servicer",
    "residual_debt",
    "resolution",
    "lump_sum",
    "monthly_amount",
    "term_months",
)


def _needles() -> list[str]:
    out = set(NAME_CORES)
    for form in REVIEW_FORMS.values():
        nfkc = unicodedata.normalize("NFKC", form)
        out |= {form, nfkc}
        digits = re.sub(r"\D", "", nfkc)
        if len(digits) >= 7:
            out.add(digits)
        out |= {run for run in re.findall(r"\d{4,}", nfkc) if len(run) >= 7}
    out.add("四四二〇")  # the kanji-numeral address's number
    return sorted(out)


def _encodings(needle: str) -> list[bytes]:
    out = []
    for encoding in ("utf-8", "cp932", "utf-16-le", "utf-32-le"):
        with contextlib.suppress(UnicodeEncodeError):
            out.append(needle.encode(encoding))
    return out


_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _texts(path: Path) -> list[bytes]:
    """The bytes of a file and, for a zip (xlsx, skops), of each member, \\u-escapes decoded too."""
    data = path.read_bytes()
    blobs = [data]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                member = zf.read(name)
                blobs.append(member)
                text = member.decode("utf-8", errors="ignore")
                if "\\u" in text:
                    blobs.append(_ESCAPE.sub(lambda m: chr(int(m[1], 16)), text).encode("utf-8"))
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
        blobs.append(frame.astype("string").to_csv().encode("utf-8"))
    return blobs


def _found(path: Path, needles: list[str]) -> list[str]:
    blobs = _texts(path)
    return [n for n in needles if any(e in blob for e in _encodings(n) for blob in blobs)]


def _export(tmp: Path) -> Path:
    raw = simulate_cases(360, seed=26, today=TODAY)
    raw = raw.iloc[:360].reset_index(drop=True)
    header = {match_header(h)[0]: h for h in raw.columns}
    row = 0
    for column in PLANTED_COLUMNS:
        for form in REVIEW_FORMS.values():
            raw.loc[row, header[column]] = form
            row += 1
    # a group of ten cases whose servicer is a person's name (the review's label in the report)
    raw.loc[row : row + 9, header["servicer"]] = "鰐淵 権之助"
    # a company of three cases: in the clean table, in no model file (k = 5)
    raw.loc[RARE_ROWS, header["servicer"]] = RARE_SERVICER
    path = tmp / "export.csv"
    raw.to_csv(path, index=False, encoding="cp932", errors="replace")
    return path


def _run(*argv: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    assert code == 0, err.getvalue()
    for needle in _needles():
        assert needle not in out.getvalue() + err.getvalue(), needle


def _fit(clean: Path, directory: Path) -> None:
    """The models of ``outcomes fit``, written by the same writer, with small learners (speed)."""
    from outcomes import write_model_dir
    from outcomes.models import MonthlyAmountModel, SettlementRatioModel, TimeToAgreementModel

    cases = pd.read_parquet(clean)
    fitted = {cls.target: cls(as_of=TODAY, max_iter=20).fit(cases) for cls in
              (SettlementRatioModel, MonthlyAmountModel)}  # fmt: skip
    time = TimeToAgreementModel(as_of=TODAY, max_iter=20).fit(cases)
    write_model_dir(
        directory,
        ratio=fitted["settlement_ratio"],
        monthly=fitted["monthly_amount"],
        cases=cases,
        time=time,
    )


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("privacy")
    export = _export(tmp)
    clean, model = tmp / "c.parquet", tmp / "model"
    _run("clean", str(export), "-o", str(clean), "--problems", str(tmp / "p.csv"), "--today", TODAY)
    _run("clean", str(export), "-o", str(tmp / "c.xlsx"), "--problems", str(tmp / "p.xlsx"),
         "--today", TODAY)  # fmt: skip
    _fit(clean, model)
    _run("predict", str(model), str(export), "-o", str(tmp / "pred.csv"), "--as-of", TODAY)
    _run("offer", "--model", str(model), "--cases", str(export), "-o", str(tmp / "o.xlsx"),
         "--as-of", TODAY)  # fmt: skip
    _run("report", str(clean), "-o", str(tmp / "r.html"), "--model", str(model))
    return tmp


def test_the_export_holds_every_form_the_search_looks_for(outputs):
    """The search is not blind: it finds every needle's form in the export itself."""
    export = outputs / "export.csv"
    found = _found(export, _needles())
    for form in REVIEW_FORMS.values():
        if form.encode("cp932", errors="ignore").decode("cp932") == form:
            assert form in found, form


def test_no_planted_string_in_any_output_or_model_file(outputs):
    """Review finding 1: 13 of 16 outputs held planted personal data, model files included."""
    files = sorted(p for p in outputs.rglob("*") if p.is_file() and p.name != "export.csv")
    names = {p.name for p in files}
    assert {"c.parquet", "c.xlsx", "p.csv", "p.xlsx", "pred.csv", "o.xlsx", "r.html",
            "training_profile.json", "metadata.json", "time_to_agreement.skops"} <= names  # fmt: skip
    assert any(p.suffix == ".skops" for p in files)
    needles = _needles()
    leaks = {str(p.relative_to(outputs)): found for p in files if (found := _found(p, needles))}
    assert not leaks, leaks


def test_control_characters_in_a_servicer_never_reach_the_terminal(outputs, tmp_path):
    """Review lower finding (F-stdout): ``offer --case`` printed ESC]0;pwned BEL ESC[2J raw."""
    hostile = "SMBC債権回収\x1b]0;pwned\x07\x1b[2J"
    case = {"residual_debt": 5_800_000, "creditor": "○○銀行", "servicer": hostile,
            "employment": "会社員", "monthly_income": 250_000, "sale_date": "2025-06-30"}  # fmt: skip
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["offer", "--model", str(outputs / "model"), "--case", str(path),
                     "--as-of", TODAY])  # fmt: skip
    assert code == 0, err.getvalue()
    shown = out.getvalue() + err.getvalue()
    assert "SMBC債権回収" in shown and "pwned" in shown  # the name is shown, but not its controls
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", shown)


def test_model_files_name_no_group_of_fewer_than_k_cases(outputs):
    """Review finding 1: training_profile.json and time_to_agreement.skops held every servicer
    with its share, one-case groups included; the model still predicts for those cases."""
    clean = pd.read_parquet(outputs / "c.parquet")
    rare = clean.loc[clean["servicer"] == RARE_SERVICER, "case_id"]
    assert len(rare) == 3
    model_files = [p for p in (outputs / "model").iterdir() if p.is_file()]
    assert any(p.name == "time_to_agreement.skops" for p in model_files)
    assert not {p.name: f for p in model_files if (f := _found(p, [RARE_SERVICER]))}
    profile = json.loads((outputs / "model" / "training_profile.json").read_text("utf-8"))
    assert profile["k"] == 5
    shares = profile["features"]["servicer"]["shares"]
    assert "(other)" in shares
    assert all(
        k in ("(other)", "(missing)") or round(v * profile["n"]) >= 5 for k, v in shares.items()
    )
    predictions = pd.read_csv(outputs / "pred.csv", encoding="utf-8-sig")
    predicted = predictions[predictions["case_id"].isin(rare)]
    assert len(predicted) == 3 and predicted.filter(like="_median").notna().all().all()
