"""The package's metadata: what installing it prints."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_license_is_an_spdx_expression_so_setuptools_does_not_warn():
    """A ``project.license`` table makes setuptools print two BuildBackendWarning banners
    on every install (``make demo``); an SPDX string needs setuptools 77 or later."""
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    license_ = data["project"]["license"]
    assert isinstance(license_, str) and re.fullmatch(r"LicenseRef-[\w.-]+|[\w.-]+", license_)
    (setuptools,) = [r for r in data["build-system"]["requires"] if r.startswith("setuptools")]
    assert tuple(int(n) for n in re.findall(r"\d+", setuptools)[:1]) >= (77,)
