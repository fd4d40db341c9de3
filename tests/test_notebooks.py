"""The notebooks: stored without outputs, thin, and they run on the sample.

Every notebook in ``notebooks/`` is executed with nbclient in a kernel of the
interpreter running the tests (never whatever ``python3`` kernelspec the
machine has), from the ``notebooks/`` directory, on the shipped sample.

``notebooks/05-report.ipynb`` is a byte-for-byte copy of the packaged report
template ``src/outcomes/templates/report.ipynb``; edit the template, then copy
it over the notebook.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from outcomes.report import kernel_manager_class, template_path

NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"
EXPECTED = (
    "01-cleaning.ipynb",
    "02-exploration.ipynb",
    "03-models.ipynb",
    "04-opening-offer.ipynb",
    "05-report.ipynb",
)
TIMEOUT = 300  # seconds per cell


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


def test_the_five_notebooks_are_there():
    found = sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb"))
    assert found == sorted(EXPECTED)


@pytest.mark.parametrize("name", EXPECTED)
def test_stored_without_outputs(name):
    for cell in read(name).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: clear the outputs before committing"
            assert cell.execution_count is None, name


@pytest.mark.parametrize("name", EXPECTED)
def test_thin_question_first_next_step_last(name):
    nb = read(name)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        defined = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda)
        ]
        assert not defined, f"{name}: helpers belong in the package, not in a notebook"
    first, last = nb.cells[0], nb.cells[-1]
    assert first.cell_type == "markdown" and last.cell_type == "markdown"
    assert "Question" in first.source or "問い" in first.source, name
    assert "next" in last.source.lower() or "次に" in last.source, name


def test_report_notebook_is_the_packaged_template():
    packaged = template_path().read_bytes()
    copy = (NOTEBOOKS_DIR / "05-report.ipynb").read_bytes()
    assert copy == packaged, (
        "notebooks/05-report.ipynb drifted from the template: "
        "cp src/outcomes/templates/report.ipynb notebooks/05-report.ipynb"
    )


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


@pytest.mark.slow
@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_runs_on_the_sample(name):
    nb = run(read(name))
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "Warning" not in stderr and "missing from font" not in stderr, stderr
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert figures, f"{name} drew no figure"
