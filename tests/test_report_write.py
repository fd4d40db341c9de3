"""The report is safe to open and safe to rewrite (issue 19).

- A servicer named ``<script>…`` in the input of ``outcomes report`` is shown
  as text: the HTML escapes markup; an input file named like a Markdown link
  (``[x](javascript:alert(1)).csv``) is shown as text too, never as a live link
  (issue 26, reliability review finding 2).
- A report write killed by a file-size limit leaves the previous report
  byte-identical, and the error is one line.

One real render of the template (~30 s); kept apart from test_write.py so
that the suite's two workers share the time. The killed rewrite runs the
whole command again in a limited process, with the template's execution
stood in for by the notebook the real render executed (the write, not the
kernel, is under test; as the PDF test in test_write.py stands in for the
report).
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from outcomes._contract import match_header
from outcomes._io import write_model_dir
from outcomes.cli import main
from outcomes.datasets import simulate_cases
from outcomes.models import MonthlyAmountModel, SettlementRatioModel

TODAY = "2026-06-30"
SCRIPT = '<script>alert("x")</script>債権回収'
EXPORT = "[x](javascript:alert(1)).csv"
LIMITED = """
import json, resource, signal, sys
import papermill
limit = int(sys.argv[1])
executed = json.loads(open(sys.argv[2], encoding="utf-8").read())
papermill.execute_notebook = lambda *args, **kwargs: executed
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from outcomes.cli import main
sys.exit(main(sys.argv[3:]))
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict:
    """``outcomes report`` of an export with a servicer named like a script (12 cases)."""
    tmp = tmp_path_factory.mktemp("safe-report")
    raw = simulate_cases(400, seed=31, today=TODAY)
    servicer = next(c for c in raw.columns if match_header(c)[0] == "servicer")
    raw.loc[raw.index[:12], servicer] = SCRIPT
    export = tmp / EXPORT
    raw.to_csv(export, index=False, encoding="utf-8-sig")
    cases = simulate_cases(300, seed=5, messy=False, today=TODAY)
    models = write_model_dir(
        tmp / "model",
        ratio=SettlementRatioModel(as_of=TODAY, max_iter=10).fit(cases),
        monthly=MonthlyAmountModel(as_of=TODAY, max_iter=10).fit(cases),
        cases=cases,
    )
    html = tmp / "report.html"
    argv = ["report", str(export), "-o", str(html), "--model", str(models)]
    out, err = io.StringIO(), io.StringIO()
    executed = tmp_path_factory.mktemp("executed") / "report.ipynb"
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        _keeping_the_executed_notebook(executed),
    ):
        assert main(argv) == 0, err.getvalue()
    return {"export": export, "models": models, "html": html, "argv": argv, "executed": executed}


@contextlib.contextmanager
def _keeping_the_executed_notebook(path: Path):
    """papermill as it is, the notebook it returns also written to ``path``."""
    import papermill

    execute = papermill.execute_notebook

    def keep(*args, **kwargs):
        nb = execute(*args, **kwargs)
        path.write_text(json.dumps(nb), encoding="utf-8")
        return nb

    papermill.execute_notebook = keep
    try:
        yield
    finally:
        papermill.execute_notebook = execute


def test_a_servicer_named_like_a_script_is_shown_as_text(rendered):
    html = rendered["html"].read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    # shown (the servicer has enough cases to be published), as text
    assert '&lt;script&gt;alert("x")&lt;/script&gt;債権回収' in html


def test_an_input_file_named_like_a_markdown_link_is_shown_as_text(rendered):
    html = rendered["html"].read_text(encoding="utf-8")
    assert 'href="javascript:' not in html and "<a href" not in html
    assert EXPORT in html


def test_a_report_write_killed_by_a_file_size_limit_leaves_the_previous_report(rendered):
    pytest.importorskip("resource")
    html: Path = rendered["html"]
    before = html.read_bytes()
    assert len(before) > 200_000  # the limit below cuts the new report short
    proc = subprocess.run(
        [sys.executable, "-c", LIMITED, "200000", str(rendered["executed"]), *rendered["argv"]],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines and f"cannot write {html}: file too large" in lines[-1], proc.stderr
    assert html.read_bytes() == before
    assert sorted(p.name for p in html.parent.iterdir()) == sorted([EXPORT, "model", "report.html"])
