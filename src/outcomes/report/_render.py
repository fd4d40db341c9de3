"""Running the packaged template with papermill, and writing one HTML file.

:func:`write_report` cleans the export here (so an unreadable file fails
fast with :class:`~outcomes.ReadError`), runs the packaged template
``templates/report.ipynb`` (:func:`template_path`) with papermill and writes
one self-contained HTML file without code (:func:`notebook_to_html`,
figures embedded as base64 PNG).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from outcomes._arguments import as_day, check_arguments
from outcomes._contract import DEFAULT_K
from outcomes._errors import OutcomesError, ReportError
from outcomes._format import check_language
from outcomes._write import atomic_path, work_prefix, write_error, write_text
from outcomes.report._data import check_selection, load_report_data, now_jst
from outcomes.report._selection import Selection
from outcomes.report._text import text

__all__ = [
    "ReportError",
    "kernel_manager_class",
    "notebook_to_html",
    "template_path",
    "write_pdf",
    "write_report",
]


def kernel_manager_class() -> type:
    """A kernel manager that always starts this interpreter's ipykernel.

    The kernelspec named ``python3`` may point anywhere on a given machine
    (a user-level spec shadows the environment's); the report and the
    notebook tests must run in the environment that runs them.
    """
    import zmq
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class ThisPythonKernelManager(AsyncKernelManager):
        @default("transport_encryption")
        def _encrypt_when_possible(self) -> str:
            # the kernel talks over local TCP; encrypt it (CurveZMQ) where pyzmq can
            return "auto" if zmq.has("curve") else "disabled"

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            # the kernel process's own stderr only carries start-up and shut-down chatter
            # (cells' output reaches the notebook through the kernel protocol)
            kw.setdefault("stderr", subprocess.DEVNULL)
            await super()._async_launch_kernel(kernel_cmd, **kw)

        @property
        def kernel_spec(self) -> KernelSpec:
            if self._kernel_spec is None:
                self._kernel_spec = KernelSpec(
                    argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                    display_name=f"Python ({sys.executable})",
                    language="python",
                    metadata={"supported_encryption": ["curve"]},
                )
            return self._kernel_spec

    return ThisPythonKernelManager


_HTML_TEMPLATE = """\
{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block data_png scoped -%}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}" alt="図">
</div>
{%- endblock data_png -%}
{%- block extra_css -%}
<style type="text/css">
body.jp-Notebook, .jp-RenderedHTMLCommon {
  font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo,
    "IPAexGothic", "IPAGothic", "Noto Sans CJK JP", sans-serif;
}
main { max-width: 1100px; margin: 0 auto; }
.jp-RenderedHTMLCommon table { font-size: 0.9em; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
.jp-RenderedHTMLCommon td.oc-count, .jp-RenderedHTMLCommon td.oc-stat { text-align: right; }
/* a number never breaks inside its cell ("1,067万 / 7,899円"), nor a label of its first column;
   a Japanese header never breaks inside a word (「債権者区 / 分」): headers are short, kept whole */
.jp-RenderedHTMLCommon td.oc-count, .jp-RenderedHTMLCommon td.oc-stat,
.jp-RenderedHTMLCommon td.oc-problems, .jp-RenderedHTMLCommon tbody td:first-child {
  white-space: nowrap;
}
html[lang="ja"] .jp-RenderedHTMLCommon th { white-space: nowrap; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { padding: 0.3em 0.7em; }
.jp-RenderedHTMLCommon caption { caption-side: top; text-align: left; font-weight: bold; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body.jp-Notebook { padding: 0; }
  main { max-width: none; }
  /* outputs flow from page to page: JupyterLab keeps each output whole (avoid-page) in a
     flex or table box, which left pages half empty and ran text past the right margin */
  .jp-Cell, .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child,
  .jp-OutputArea-output { display: block !important; }
  .jp-Cell, .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child {
    break-inside: auto !important; page-break-inside: auto !important; }
  .jp-OutputArea-child .jp-OutputArea-output, .jp-OutputArea-output {
    width: auto !important; margin-left: 0 !important; overflow: visible !important; }
  .jp-RenderedHTMLCommon { padding-right: 0; }
  .jp-OutputPrompt, .jp-InputPrompt, .jp-Collapser { display: none !important; }
  .jp-RenderedHTMLCommon table { font-size: 8pt; table-layout: auto;
    page-break-inside: auto; margin-left: 0; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { padding: 0.25em 0.8em; }
  .jp-RenderedHTMLCommon tr, .jp-RenderedImage, img { page-break-inside: avoid; break-inside: avoid; }
  .jp-RenderedHTMLCommon thead { display: table-header-group; }
  h1, h2, h3, caption { page-break-after: avoid; break-after: avoid; }
  /* figures at 150 dpi (a wide figure is capped at the page width): their sizes stay in proportion */
  .jp-RenderedImage img { image-resolution: 150dpi; max-height: 150mm; width: auto; max-width: 100%; }
}
</style>
{%- endblock extra_css -%}
"""


@check_arguments
def notebook_to_html(nb: Any, language: str = "ja") -> str:
    """A run notebook as one self-contained HTML page without code.

    No input cells, no prompts, no external scripts; images are inline
    base64 PNG; the page's ``lang`` is ``language``.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_loaders=[DictLoader({"outcomes_report.html.j2": _HTML_TEMPLATE})],
        template_file="outcomes_report.html.j2",
        exclude_input=True,
        exclude_output_prompt=True,
        exclude_input_prompt=True,
        embed_images=True,
        language_code=check_language(language),
    )
    body, _ = exporter.from_notebook_node(nb)
    return body


def _release_memory() -> None:
    """Give freed memory back to the system before the kernel starts.

    The tables read and cleaned here are freed, but the allocators keep
    their pages: returned, the command's peak memory is mostly the
    kernel's, not the sum of two copies of the cases.
    """
    import gc

    gc.collect()
    try:
        import pyarrow

        pyarrow.default_memory_pool().release_unused()
    except Exception:  # pragma: no cover - an allocator without it
        pass
    if sys.platform.startswith("linux"):
        import ctypes
        import ctypes.util

        try:
            ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc (musl): nothing to trim
            pass


def template_path() -> Any:
    """The packaged report template (a traversable resource)."""
    return files("outcomes") / "templates" / "report.ipynb"


@check_arguments
def write_report(
    input: str | Path | None,
    output: str | Path,
    *,
    period: str | None = None,
    servicer: str | None = None,
    creditor_type: str | None = None,
    k: int = DEFAULT_K,
    model_dir: str | Path | None = None,
    today: date | str | None = None,
    compare: str | None = None,
    table: str | None = None,
    query: str | None = None,
    language: str = "ja",
    sheet: str | int | None = None,
    negotiations: str | Path | None = None,
) -> Path:
    """Write the internal report on one export as a single HTML file.

    The export is read and cleaned here, then the packaged template runs
    with papermill and is converted to HTML without code. Every table and
    figure is computed on all cases matching the selection; a published
    cell of fewer than ``k`` cases shows ``k未満`` (with complementary
    suppression), and no raw cell or problem value is printed
    (:func:`~outcomes.report.check_html` checks the written file).

    A selection that matches no case (a misspelled servicer, a period
    without cases) is refused before anything runs, in one line that says
    what the data holds (「もしかして: …」 for a servicer); one that matches
    a few cases is reported, its small cells suppressed, and the report
    says what it cannot show.

    Parameters
    ----------
    input : str or Path or None
        A raw export (CSV, .xlsx, parquet) or an already-clean parquet table;
        ``None``: the shipped synthetic sample.
    output : str or Path
        The HTML file to write (its directory must exist).
    period : str, optional
        Agreement period, e.g. ``"2023-01:2024-12"`` (see :func:`~outcomes.report.select_cases`).
    servicer, creditor_type : str, optional
        Only the cases of this servicer (matched as the cleaner matches
        names) / creditor type (a code such as ``shinkin``, or its Japanese
        or English label: ``信金・信組・JA``, ``信金``).
    k : int
        Smallest group shown (k-anonymity); default 5.
    model_dir : str or Path, optional
        Models written by ``outcomes fit`` to report on (their saved
        cross-validated evaluation is shown); by default the models are
        cross-validated (:func:`outcomes.models.evaluate`) and fitted on all
        cases of the export.
    today : date or str, optional
        The day of cleaning and of the report; default today.
    compare : str, optional
        The period to compare ``period`` with; default the preceding period
        of equal length.
    table, query : str, optional
        With a SQLAlchemy URL as ``input``: the table, or the query, to read.
    language : {"ja", "en"}
        The language of the whole report (and of the refusals); default Japanese.
    sheet : str or int, optional
        With an .xlsx ``input``: the sheet to read (default: the one that
        looks like cases).
    negotiations : str or Path, optional
        The negotiation log (交渉履歴, case-records §9: CSV, xlsx, parquet),
        cleaned against the export's cases: the report then has the section
        "how each servicer answers" (交渉の傾向), every cell from at least
        ``k`` distinct cases. Without it the section is absent.

    Returns
    -------
    Path
        The HTML file written.

    Raises
    ------
    ReadError
        If the input cannot be read.
    OutcomesError
        If an option is invalid, the selection matches no case, or the
        report cannot be written.

    Examples
    --------
    ``write_report("export.csv", "report.html", model_dir="models/")`` writes
    the report with saved models (about 20 seconds on the 1,500-case
    sample); without ``model_dir`` both models are cross-validated first
    (about a minute). An unreadable export fails before anything runs:

    >>> from outcomes import OutcomesError, ReadError, write_report
    >>> try:
    ...     write_report("no-such-export.csv", "report.html")
    ... except ReadError as error:
    ...     print(error)
    cannot read no-such-export.csv: file not found

    A misspelled servicer is refused with the names nearby:

    >>> try:
    ...     write_report(None, "report.html", servicer="ＳＭＢＣ債券回収")
    ... except OutcomesError as error:
    ...     print(error)
    サービサー「ＳＭＢＣ債券回収」の案件はありません(登録簿にもデータにもない名前です。もしかして: SMBC債権回収)
    """
    from outcomes._version import __version__

    selection = Selection(period, servicer, creditor_type, compare, k, language)
    language = selection.language
    output = Path(output)
    if output.suffix.lower() not in (".html", ".htm"):
        raise OutcomesError(text("bad_output", language, path=output))
    if not output.parent.is_dir():
        raise OutcomesError(text("bad_dir", language, path=output, dir=output.parent))
    if model_dir is not None and not Path(model_dir).is_dir():
        raise OutcomesError(text("bad_model_dir", language, path=model_dir))
    day = as_day(today, "today")
    data = load_report_data(input, today=day, table=table, query=query, sheet=sheet)
    check_selection(data.cases, selection)
    log = None
    if negotiations is not None:
        from outcomes._cleaning import clean_negotiations

        log, log_problems = clean_negotiations(
            negotiations, cases=data.cases, today=day, language=language
        )

    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    # the working copy of the cases stays beside the report, hidden, never in the shared
    # $TMPDIR: removed at the end, on Ctrl-C or SIGTERM, and swept after a kill -9
    with tempfile.TemporaryDirectory(
        prefix=work_prefix(output), dir=output.resolve().parent
    ) as tmp:
        work = Path(tmp)
        try:
            data.save(work)
            if log is not None:
                log.to_parquet(work / "negotiations.parquet", index=False)
        except OSError as exc:  # the working tables of the kernel (a full temporary disk)
            raise write_error(work, exc) from None
        # the kernel reads the tables from parquet: this process lets go of its copy
        # (a million cases would otherwise be held twice while the template runs)
        title = text("page_title", language, source=data.source_name)
        del data
        _release_memory()
        parameters = {
            "input": None,
            "prepared": str(work),
            "period": selection.period,
            "compare": selection.compare,
            "servicer": selection.servicer,
            "creditor_type": selection.creditor_type,
            "k": selection.k,
            "model_dir": None if model_dir is None else str(Path(model_dir).resolve()),
            "today": day.isoformat(),
            "produced_at": now_jst(),
            "package_version": __version__,
            "language": language,
        }
        if log is not None:  # the section "how each servicer answers" (issue 27)
            parameters["negotiations"] = str(work / "negotiations.parquet")
            parameters["negotiation_problems"] = len(log_problems)
            del log
        with as_file(template_path()) as template, _temporaries_in(work):
            try:
                nb = papermill.execute_notebook(
                    str(template),
                    None,  # the executed notebook is returned, not written
                    parameters=parameters,
                    kernel_name="python3",
                    kernel_manager_class=kernel_manager_class(),
                    progress_bar=False,
                    log_output=False,
                    cwd=str(work),
                )
            except PapermillExecutionError as exc:
                raise ReportError(
                    text("cell_failed", language, error=f"{exc.ename}: {exc.evalue}")
                ) from exc
        nb = nbformat.from_dict(nb)
        nb.metadata["title"] = title
        page = notebook_to_html(nb, language)
    write_text(output, page)  # atomic: a failed write leaves an old report whole
    return output


@contextmanager
def _temporaries_in(work: Path) -> Iterator[None]:
    """This process's temporary files (the kernel's connection file, with its keys) in ``work``.

    ``work`` is the report's hidden working directory beside the output: removed at the
    end, swept after a kill, never left in the shared ``$TMPDIR`` (issue 26).
    """
    previous = tempfile.tempdir
    tempfile.tempdir = str(work)
    try:
        yield
    finally:
        tempfile.tempdir = previous


#: the CSS a PDF is printed with: the report's own print stylesheet plus the Japanese
#: font shipped by matplotlib-fontja (a fresh machine often has no 和文 font)
def _pdf_font() -> Path:
    import matplotlib_fontja

    return Path(matplotlib_fontja.__file__).parent / "fonts" / "ipaexg.ttf"


def _pdf_css() -> str:
    return (
        f'@font-face {{ font-family: "IPAexGothic"; src: url("{_pdf_font().as_uri()}"); }}\n'
        'body.jp-Notebook, .jp-RenderedHTMLCommon, pre, code { font-family: "IPAexGothic"; }\n'
    )


def _own_url_fetcher(allowed: set[str]) -> Any:
    """A WeasyPrint URL fetcher that fetches the report's own embedded data and nothing else.

    A report is self-contained: its figures are ``data:`` URLs. Anything else
    an HTML file could ask for while it is printed (a remote image, a
    ``file://`` path, a style sheet) is refused, so that printing a report
    never reaches the network or reads a local file (issue 26, reliability
    review finding 2); ``allowed`` holds the exact URLs of the report's own
    files (the HTML itself and the Japanese font).
    """
    from weasyprint import urls

    def check(url: str) -> None:
        if not (url.split(":", 1)[0].lower() == "data" or url in allowed):
            raise ValueError(f"not fetched while printing a report: {url[:80]}")

    if hasattr(urls, "URLFetcher"):  # WeasyPrint 66 and later

        class OwnDataOnly(urls.URLFetcher):
            def fetch(self, url: str, headers: Any = None) -> Any:
                check(url)
                return super().fetch(url, headers)

        return OwnDataOnly()

    def fetch(url: str, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover - WeasyPrint < 66
        check(url)
        return urls.default_url_fetcher(url, *args, **kwargs)

    return fetch


def write_pdf(
    html_path: str | Path, pdf_path: str | Path | None = None, *, language: str = "en"
) -> Path:
    """Print a written report to PDF (A4, its print stylesheet), with WeasyPrint.

    The same HTML file, printed as a browser prints it, with the IPAexGothic
    font of ``matplotlib-fontja`` so that Japanese renders on any machine.
    Needs ``weasyprint`` (``pip install 'outcomes[pdf]'``; on Windows it also
    needs the Pango library, see WeasyPrint's installation notes).

    Parameters
    ----------
    html_path : str or Path
        The report written by :func:`write_report`.
    pdf_path : str or Path, optional
        Default: ``html_path`` with the suffix ``.pdf``.
    language : {"ja", "en"}
        The language of a refusal.

    Returns
    -------
    Path
        The PDF file written.

    Raises
    ------
    ReportError
        If WeasyPrint (or its Pango library) is not installed, or the file
        cannot be written.
    """
    language = check_language(language)
    html_path = Path(html_path)
    out = Path(pdf_path) if pdf_path is not None else html_path.with_suffix(".pdf")
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: weasyprint without its Pango library
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ReportError(text("pdf_needs_weasyprint", language, reason=reason)) from None
    from weasyprint.text.fonts import FontConfiguration

    try:
        # a failed write leaves an old PDF whole; WeasyPrint's own scratch files (the
        # font it embeds) are written inside, so that their failure names the PDF too
        with atomic_path(out) as temp:
            fetcher = _own_url_fetcher({html_path.resolve().as_uri(), _pdf_font().as_uri()})
            fonts = FontConfiguration()
            css = weasyprint.CSS(string=_pdf_css(), font_config=fonts, url_fetcher=fetcher)
            weasyprint.HTML(
                filename=str(html_path), media_type="print", url_fetcher=fetcher
            ).write_pdf(temp, stylesheets=[css], font_config=fonts)
    except OutcomesError as exc:
        raise ReportError(str(exc)) from None
    return out
