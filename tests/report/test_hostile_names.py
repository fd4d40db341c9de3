"""A report shows hostile text as text, and prints without fetching anything.

Issue 26, reliability review finding 2: Markdown in a servicer or file name became a
live ``javascript:`` link or a remote / ``file://`` image, and WeasyPrint fetched a URL
and embedded a local file while printing the PDF. (Finding 6, the report's copy of
the cases in ``$TMPDIR``: tests/test_write_targets.py.)
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

from outcomes.report import Selection
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


def test_a_line_with_names_from_the_data_is_said_as_text(monkeypatch):
    """The drift line names new categories of the input: said as text (``ReportSection.say_text``)."""
    from outcomes.report._section import ReportSection

    said: list[str] = []
    monkeypatch.setattr(ReportSection, "say", lambda self, markdown: said.append(markdown))
    ReportSection(5, "en").say_text(f"new servicers: {HOSTILE}")
    html = _markdown_to_html(said[0])
    assert "<a " not in html and "<img" not in html and "javascript:alert(1)" in html
