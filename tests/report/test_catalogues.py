"""The report's words come from catalogues of the one shape ``{code: (ja, en)}`` (issue 24).

Architecture review §2.6 and §5.2: the report held inline ``… if ja else …``
pairs (the drift table's headers, the legend's ``(n=…)``, a period's dash), a
second ``check_language`` and ``LANGUAGES``, and catalogues of three shapes
(``{ja: en}``, ``{"ja": …, "en": …}``, pairs). Now every sentence and label the
report owns is one pair in a catalogue checked here, and a language is checked
by ``outcomes._format``'s one ``check_language``.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

import outcomes.report
from outcomes._errors import CaseError
from outcomes._messages import check_catalogue
from outcomes.report import Selection, template_path
from outcomes.report._labels import METHODS, MODEL_NAMES, PROBLEM_KINDS, SUPPRESSED_LABELS
from outcomes.report._negotiations import NEGOTIATION_TEXT
from outcomes.report._text import REPORT_TEXT
from outcomes.report._whatif import FORM_LABELS

CATALOGUES = {
    "REPORT_TEXT": REPORT_TEXT,
    "FORM_LABELS": FORM_LABELS,
    "PROBLEM_KINDS": PROBLEM_KINDS,
    "METHODS": METHODS,
    "MODEL_NAMES": MODEL_NAMES,
    "SUPPRESSED": {"suppressed": SUPPRESSED_LABELS},
    "NEGOTIATION_TEXT": NEGOTIATION_TEXT,
}


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_catalogue_pairs_japanese_and_english_with_the_same_fields(name):
    check_catalogue(CATALOGUES[name])


def test_every_sentence_the_template_asks_for_is_in_the_catalogue():
    notebook = json.loads(template_path().read_text(encoding="utf-8"))
    source = "\n".join("".join(c["source"]) for c in notebook["cells"])
    asked = set(re.findall(r"\bT\(\"(\w+)\"", source))
    assert asked, "the template's sentences are asked for as T(code)"
    assert asked <= set(REPORT_TEXT), sorted(asked - set(REPORT_TEXT))


def test_a_report_language_is_refused_as_the_rest_of_the_package_refuses_it():
    """One ``check_language``: a ValueError (``CaseError``), as ``Advisor(language="fr")`` gives."""
    with pytest.raises(CaseError, match="language must be 'ja' or 'en'"):
        Selection(language="fr")
    package = Path(outcomes.report.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        defined |= {
            t.id
            for n in ast.walk(tree)
            if isinstance(n, ast.Assign | ast.AnnAssign)
            for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
            if isinstance(t, ast.Name)
        }
        assert not {"check_language", "LANGUAGES"} & defined, path.name
