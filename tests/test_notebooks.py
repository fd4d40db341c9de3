"""The notebooks: stored without outputs, thin, public names only, and they run on the sample.

Every notebook in ``notebooks/`` has a papermill ``parameters`` cell; it is
executed with papermill (small parameters: a few hundred records, few
boosting iterations) in a kernel of the interpreter running the tests (never
whatever ``python3`` kernelspec the machine has), from the ``notebooks/``
directory, on the shipped sample.

The report template ``src/outcomes/templates/report.ipynb`` is the one source
of the report; ``notebooks/05-report.ipynb`` calls the public report API and
does not copy it (the template itself runs once, in ``test_report.py``).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from outcomes.report import template_path
from outcomes.report._render import kernel_manager_class

NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"
TEMPLATE = Path(__file__).resolve().parents[1] / "src" / "outcomes" / "templates" / "report.ipynb"
EXPECTED = (
    "01-cleaning.ipynb",
    "02-exploration.ipynb",
    "03-models.ipynb",
    "04-opening-offer.ipynb",
    "05-report.ipynb",
    "06-time-to-agreement.ipynb",
    "07-negotiations.ipynb",
)
TIMEOUT = 300  # seconds per cell
#: what each notebook runs with in the suite: small, so that the suite stays fast
SMALL: dict[str, dict[str, object]] = {
    "01-cleaning.ipynb": {"n_cases": 400},
    "02-exploration.ipynb": {"n_cases": 600},
    "03-models.ipynb": {"n_cases": 400, "max_iter": 15, "cv": 2},
    "04-opening-offer.ipynb": {"n_cases": 600, "max_iter": 20},
    "05-report.ipynb": {"write_html": False},
    "06-time-to-agreement.ipynb": {"n_cases": 600, "max_iter": 30},
    "07-negotiations.ipynb": {"n_cases": 600, "cv": 3},
}
#: an import of a private module of outcomes
PRIVATE_IMPORT = re.compile(r"outcomes\._|from outcomes import _")


def read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS_DIR / name, as_version=4)


def run(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    client = NotebookClient(
        nb,
        timeout=TIMEOUT,
        kernel_name="python3",
        kernel_manager_class=kernel_manager_class(),
        resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
    )
    client.execute()
    return nb


def test_the_seven_notebooks_are_there():
    found = sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb"))
    assert found == sorted(EXPECTED)


@pytest.mark.parametrize("name", EXPECTED)
def test_stored_without_outputs(name):
    for cell in read(name).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: clear the outputs before committing"
            assert cell.execution_count is None, name


def _helpers(nb: nbformat.NotebookNode) -> list[ast.AST]:
    """Functions, classes and lambdas a notebook's code cells define."""
    return [
        node
        for cell in nb.cells
        if cell.cell_type == "code"
        for node in ast.walk(ast.parse(cell.source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda)
    ]


@pytest.mark.parametrize("name", EXPECTED)
def test_thin_question_first_next_step_last(name):
    nb = read(name)
    assert not _helpers(nb), f"{name}: helpers belong in the package, not in a notebook"
    first, last = nb.cells[0], nb.cells[-1]
    assert first.cell_type == "markdown" and last.cell_type == "markdown"
    assert "Question" in first.source or "問い" in first.source, name
    assert "next" in last.source.lower() or "次に" in last.source, name


def test_the_report_template_defines_no_helpers():
    """The packaged report template is thin too: its helpers live in outcomes.report."""
    nb = nbformat.read(TEMPLATE, as_version=4)
    assert not _helpers(nb), "report.ipynb: helpers belong in outcomes.report, not in the template"


#: Japanese (kana, kanji, full-width forms)
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize("name", EXPECTED)
def test_prose_is_in_japanese(name):
    """The outputs are Japanese: so is every paragraph around them (one language)."""
    for cell in read(name).cells:
        if cell.cell_type != "markdown":
            continue
        # code, commands and links are names, not prose
        prose = re.sub(r"```.*?```|`[^`]*`|\]\([^)]*\)", "", cell.source, flags=re.DOTALL)
        latin = len(re.findall(r"[A-Za-z]", prose))
        assert len(JAPANESE.findall(prose)) > 2 * latin, f"{name}: {cell.source[:60]!r}"


def test_report_notebook_does_not_copy_the_packaged_template():
    template = nbformat.reads(template_path().read_text(encoding="utf-8"), as_version=4)
    notebook = read("05-report.ipynb")
    assert (NOTEBOOKS_DIR / "05-report.ipynb").read_bytes() != template_path().read_bytes()
    template_code = {c.source.strip() for c in template.cells if c.cell_type == "code"}
    copied = [
        c.source
        for c in notebook.cells
        if c.cell_type == "code" and c.source.strip() in template_code
    ]
    assert not copied, "notebooks/05-report.ipynb repeats cells of the template: call the API"
    assert any("write_report(" in c.source for c in notebook.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", [*(NOTEBOOKS_DIR / n for n in EXPECTED), TEMPLATE], ids=str)
def test_only_public_names_are_imported(path):
    text = path.read_text(encoding="utf-8")
    assert not PRIVATE_IMPORT.search(text), f"{path.name} imports a private module of outcomes"


@pytest.mark.parametrize("name", EXPECTED)
def test_one_parameters_cell_sets_what_the_suite_passes(name):
    nb = read(name)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{name}: tag one cell 'parameters' (papermill)"
    names = set(re.findall(r"^(\w+) = ", tagged[0].source, flags=re.MULTILINE))
    assert set(SMALL[name]) <= names, name
    assert nb.cells.index(tagged[0]) == 1  # right after the question


def test_kernel_runs_this_interpreter():
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("import sys; print(sys.prefix)")]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    out = run(nb).cells[0].outputs[0]["text"].strip()
    assert Path(out).resolve() == Path(sys.prefix).resolve()


def run_small(name: str, tmp_path: Path) -> nbformat.NotebookNode:
    """The notebook run by papermill with the suite's small parameters."""
    import papermill

    out = papermill.execute_notebook(
        str(NOTEBOOKS_DIR / name),
        str(tmp_path / name),
        parameters=SMALL[name],
        kernel_name="python3",
        kernel_manager_class=kernel_manager_class(),
        progress_bar=False,
        log_output=False,
        cwd=str(NOTEBOOKS_DIR),
        execution_timeout=TIMEOUT,
    )
    return nbformat.from_dict(out)


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_runs_on_the_sample(name, tmp_path):
    nb = run_small(name, tmp_path)
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "Warning" not in stderr and "missing from font" not in stderr, stderr
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert figures, f"{name} drew no figure"
