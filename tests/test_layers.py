"""The layers of the package as a rule (issue 18, change 5): one table says which room may import which.

Every import between the package's own modules — at module level or inside a
function, but not the type-only ones under ``if TYPE_CHECKING:`` — is read with
``ast`` and checked:

1. a room imports only from the rooms below it (:data:`MAY_IMPORT`);
2. another room's sub-package is entered by its door, its ``__init__``
   (``from outcomes._cleaning import clean_cases``), never by a module behind it;
3. no name with a leading underscore crosses a module border;
4. no cycle, not even one hidden in a function-level import;
5. no module is longer than 800 lines, without exception (the value parsers are
   one module per kind of value since issue 24).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import outcomes

PACKAGE = Path(outcomes.__file__).parent

#: room -> the rooms it may import from (besides itself), lowest floors first in the docs
MAY_IMPORT: dict[str, set[str]] = {
    "face": {"base"},  # outcomes/__init__.py: the public names, imported lazily by name
    "base": set(),  # _errors _version _contract _format _arguments _privacy _parse _registry
    "cleaning": {"base"},
    "law": {"base"},
    # a single case given to a model as a mapping is cleaned as a file is: the door of
    # cleaning, imported inside models._features.check_case_table only (issue 21)
    "models": {"base", "cleaning"},
    "datasets": {"base", "cleaning", "law"},
    "io": {"base", "cleaning", "models"},
    "advice": {"base", "cleaning", "law", "models", "io"},
    "report": {"base", "cleaning", "models", "datasets", "io", "advice"},
    "cli": {"face", "base", "cleaning", "models", "datasets", "io", "advice", "report"},
}

#: rooms that are sub-packages: entered from outside by their door only
DOORS = {
    "cleaning": "outcomes._cleaning",
    "law": "outcomes._law",
    "models": "outcomes.models",
    "datasets": "outcomes.datasets",
    "advice": "outcomes._advice",
    "report": "outcomes.report",
}


def room(module: str) -> str:
    """The room of a module of the package.

    >>> room("outcomes._cleaning.derive"), room("outcomes._registry"), room("outcomes.cli")
    ('cleaning', 'base', 'cli')
    """
    parts = module.split(".")
    if module == "outcomes":
        return "face"
    top = parts[1]
    named = {
        "_cleaning": "cleaning",
        "_law": "law",
        "models": "models",
        "datasets": "datasets",
        "_advice": "advice",
        "report": "report",
        "_cli": "cli",
        "cli": "cli",
        "_io": "io",
    }
    return named.get(top, "base")


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _type_only(tree: ast.AST) -> set[int]:
    """Line numbers of imports under ``if TYPE_CHECKING:``."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for sub in ast.walk(node):
                if isinstance(sub, ast.Import | ast.ImportFrom):
                    lines.add(sub.lineno)
    return lines


def imports(module: str) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken, line) for each import of the package's own modules."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_only(tree)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target == "outcomes" or target.startswith("outcomes."):
                names = [a.name for a in node.names]
                # `from outcomes.report import checks` imports a module, not a name
                subs = [n for n in names if f"{target}.{n}" in MODULES]
                if subs:
                    out += [(f"{target}.{n}", [], node.lineno) for n in subs]
                    names = [n for n in names if n not in subs]
                if names or not subs:
                    out.append((target, names, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("outcomes"):
                    out.append((alias.name, [], node.lineno))
    return out


def test_every_module_has_a_room_and_every_room_a_rule():
    assert {room(m) for m in MODULES} == set(MAY_IMPORT)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_layers(module):
    mine = room(module)
    for target, _names, line in imports(module):
        theirs = room(target)
        where = f"{module}:{line} imports {target}"
        if theirs == mine:
            continue
        assert theirs in MAY_IMPORT[mine], f"{where}: room {mine} may not import room {theirs}"
        door = DOORS.get(theirs)
        if door is not None:
            assert target == door, f"{where}: enter room {theirs} by its door {door}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_crosses_a_module_border(module):
    for target, names, line in imports(module):
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        assert not private, f"{module}:{line} takes {private} from {target}"


def test_no_import_cycle():
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module in MODULES:
        for target, _, _ in imports(module):
            if target in MODULES and target != module:
                graph[module].add(target)
    # depth-first search for a back edge
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_over_800_lines(module):
    """No exception (issue 24: ``_parse`` split by kind of value, architecture review §4.6)."""
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= 800, f"{module} has {lines} lines"
