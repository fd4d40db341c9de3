"""The face of ``outcomes.report``: the names the template and the notebooks use, and no more.

Issue 24, architecture review §2.4 and §5.3 (3): ``outcomes.report`` published
80 names from 13 public modules, 48 of them used nowhere outside ``src/`` and
``tests/``. Its modules are now private, and this file pins the face, in the
manner of MAPIE's ``tests/test_doc_api_reference.py``: a name added or removed
is a deliberate edit here.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import outcomes.report

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(outcomes.report.__file__).parent
TEMPLATE = PACKAGE.parent / "templates" / "report.ipynb"

#: the face, pinned
FACE = {
    # what the report is about
    "Selection",
    "prepare_report",
    "with_derived",
    # aggregates, small cells suppressed
    "breakdown",
    "comparison_styled",
    "kaplan_meier",
    "league_table",
    "period_comparison",
    "problem_summary",
    "quarterly_trend",
    "styled",
    # the models
    "accuracy_table",
    "case_predictions",
    "check_models",
    "expected_totals",
    "predicted_ranges",
    "ranges_table",
    "totals_table",
    "training_drift",
    # figures
    "box_by",
    "count_bar",
    "heatmap",
    "km_plot",
    "panel",
    "set_theme",
    "share_bar",
    # the negotiation log (issue 27): how each servicer answers
    "negotiation_section",
    # one case's offer, re-drawn
    "OfferWhatIf",
    # the file
    "PublishedCountError",
    "ReportError",
    "check_html",
    "template_path",
    "write_pdf",
    "write_report",
}


def _code_cells(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def _names_used(source: str) -> set[str]:
    """Names taken from ``outcomes.report`` by ``from … import`` or ``report.NAME``."""
    used = set(re.findall(r"\breport\.([A-Za-z_]\w*)", source))
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "outcomes.report":
            used |= {alias.name for alias in node.names}
    return used


def test_the_face_is_pinned_and_small():
    assert set(outcomes.report.__all__) == FACE
    assert len(outcomes.report.__all__) <= 35


def test_every_name_of_the_face_resolves():
    for name in outcomes.report.__all__:
        assert getattr(outcomes.report, name) is not None, name


def test_the_template_and_the_notebooks_use_only_the_face():
    sources = {TEMPLATE.name: "\n".join(_code_cells(TEMPLATE))}
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        sources[notebook.name] = "\n".join(_code_cells(notebook))
    used = set()
    for name, source in sources.items():
        found = _names_used(source) - {"ipynb", "html"}  # `report.ipynb`, `report.html` in text
        assert found <= FACE, f"{name} uses {sorted(found - FACE)}, not on the face"
        used |= found
    # and the face holds little that nobody uses: the CLI's two, the record, the errors, the
    # check, and the template's path (which notebook 05 names in its prose)
    assert FACE - used <= {
        "Selection",
        "template_path",
        "write_report",
        "write_pdf",
        "ReportError",
        "PublishedCountError",
        "check_html",
    }


def test_the_modules_behind_the_face_are_private():
    modules = [p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"]
    assert modules and all(m.startswith("_") for m in modules), modules
