"""A report shows hostile text as text, prints without fetching, and leaves no copy of the cases.

Issue 26, reliability review finding 2 (Markdown in a servicer or file name became a
live ``javascript:`` link or a remote / ``file://`` image; WeasyPrint fetched a URL
and embedded a local file while printing the PDF) and finding 6 (the report's copy
of every clean case, and the kernel's keys, stayed in ``$TMPDIR`` after a kill or
SIGTERM, which was not handled at all).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from outcomes import OutcomesError, simulate_cases
from outcomes.report import Selection, write_report
from outcomes.report._data import ReportCases, ReportData

HOSTILE = "[x](javascript:alert(1)) ![b](http://127.0.0.1:9/beacon.png) https://evil.invalid"
TODAY = "2026-06-30"


def _markdown_to_html(markdown: str) -> str:
    """What the written report makes of a Markdown output (nbconvert's own renderer)."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(markdown)


def test_a_servicer_or_file_name_in_markdown_is_shown_as_text_never_as_a_link():
    cases = pd.DataFrame({"servicer": pd.array([HOSTILE] * 3, dtype="string")})
    data = ReportData(cases, pd.DataFrame(), 3, "[x](javascript:alert(2)).csv", True, TODAY)
    rc = ReportCases(data, 3, cases, Selection(servicer=HOSTILE, language="en"))
    for markdown in (
        rc.header_markdown("2026-06-30 12:00 JST", "0"),
        rc.text("league_one_servicer", name=rc.servicer_label),
    ):
        html = _markdown_to_html(markdown)
        assert "<a " not in html and "<img" not in html, html
        assert "javascript:alert(" in html  # shown, as the characters it is made of
    header = _markdown_to_html(rc.header_markdown("2026-06-30 12:00 JST", "0"))
    assert "[x](javascript:alert(2)).csv" in header


class _Beacon(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_printing_a_report_fetches_nothing_but_its_own_embedded_data(tmp_path):
    pytest.importorskip("weasyprint")
    from outcomes.report import write_pdf

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Beacon)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    png = (  # a 1x1 PNG
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    from PIL import Image

    secret = tmp_path / "secret.png"
    Image.new("RGB", (37, 23), "red").save(secret)  # a local file of a size seen nowhere else
    page = tmp_path / "r.html"
    page.write_text(
        "<html><body><p>own figure</p>"
        f'<img src="data:image/png;base64,{png}">'
        f'<img src="http://127.0.0.1:{server.server_port}/beacon.png">'
        f'<img src="{secret.as_uri()}"><img src="secret.png">'
        f'<link rel="stylesheet" href="http://127.0.0.1:{server.server_port}/s.css">'
        "</body></html>",
        encoding="utf-8",
    )
    try:
        pdf = write_pdf(page).read_bytes()
    finally:
        server.shutdown()
    assert _Beacon.requests == []
    assert b"/Subtype /Image" in pdf  # the embedded figure is printed
    assert b"/Width 37" not in pdf  # the local file is not


def _scratch(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name != "export.csv")


def test_sigterm_during_a_report_leaves_no_copy_of_the_cases_anywhere(tmp_path, monkeypatch):
    """SIGTERM is handled like Ctrl-C: the scratch copy of the cases and the kernel's keys go.

    The signal comes once the kernel has started (its connection file exists),
    wherever the scratch is kept; ``$TMPDIR`` is a folder of this test's own.
    """
    import tempfile

    out, temp = tmp_path / "out", tmp_path / "tmp"
    out.mkdir()
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    export = out / "export.csv"
    simulate_cases(60, seed=3, messy=False, today=TODAY).to_csv(export, index=False)

    def terminate_once_the_kernel_runs() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if any(p.suffix == ".json" for d in (out, temp) for p in d.rglob("*")):
                os.kill(os.getpid(), signal.SIGTERM)
                return
            time.sleep(0.02)

    def unhandled(signum: int, frame: object) -> None:  # what a report that ignores it meets
        raise RuntimeError("SIGTERM reached the caller: the report did not handle it")

    previous = signal.signal(signal.SIGTERM, unhandled)
    watcher = threading.Thread(target=terminate_once_the_kernel_runs, daemon=True)
    watcher.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            write_report(export, out / "r.html", today=TODAY)
        assert signal.getsignal(signal.SIGTERM) is unhandled  # the report's handler is gone
    finally:
        signal.signal(signal.SIGTERM, previous)
    watcher.join(timeout=5)
    assert _scratch(out) == [] and list(temp.iterdir()) == []


def test_the_scratch_of_a_killed_report_is_swept_by_the_next_run(tmp_path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = tmp_path / f".r.html.report-{int(dead.stdout)}-abcd"
    stale.mkdir()
    (stale / "cases.parquet").write_bytes(b"every case")
    alive = tmp_path / f".r.html.report-{os.getppid()}-efgh"  # a run still going: left alone
    alive.mkdir()
    with pytest.raises(OutcomesError):
        write_report(None, tmp_path / "r.html", model_dir=tmp_path / "no-such-models")
    assert not stale.exists() and alive.exists()
