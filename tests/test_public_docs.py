"""Issue 21 (review finding 16): ``help()`` of a public name never points to a private module.

``help(opening_offer)`` sent analysts to ``outcomes._io.read_model_dir``. Every
public name of the package's four faces is walked -- its docstring and those of
its public methods and properties -- and a mention of ``outcomes._…`` fails:
the public path (``outcomes.read_model_dir``, ``outcomes.Advisor``) is the one
to write.
"""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

FACES = ("outcomes", "outcomes.models", "outcomes.report", "outcomes.datasets")
PRIVATE = re.compile(r"outcomes\._\w+(?:\.\w+)*")


def _documented(face: str) -> dict[str, str]:
    """``{dotted name: docstring}`` of a face's public names and their public members."""
    module = importlib.import_module(face)
    docs = {face: module.__doc__ or ""}
    for name in module.__all__:
        if name.startswith("__"):
            continue
        obj = getattr(module, name)
        if not (inspect.isclass(obj) or inspect.isroutine(obj) or inspect.ismodule(obj)):
            continue  # a constant: its docstring is that of its type
        docs[f"{face}.{name}"] = inspect.getdoc(obj) or ""
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_") and attr not in ("__init__", "__str__", "__call__"):
                    continue
                if isinstance(member, property):
                    member = member.fget
                member = getattr(member, "__func__", member)
                if inspect.isroutine(member):
                    docs[f"{face}.{name}.{attr}"] = inspect.getdoc(member) or ""
    return docs


@pytest.mark.parametrize("face", FACES)
def test_no_public_docstring_points_to_a_private_module(face):
    found = {
        where: sorted(set(PRIVATE.findall(doc)))
        for where, doc in _documented(face).items()
        if PRIVATE.search(doc)
    }
    assert not found, found


def test_the_walk_sees_the_names_the_review_read():
    docs = _documented("outcomes")
    assert "outcomes.opening_offer" in docs and "read_model_dir" in docs["outcomes.opening_offer"]
    assert "outcomes.Offer.acceptance" in docs and "outcomes.Advisor.offer" in docs
    assert "outcomes.Offer.wait_table_display" in docs
