"""Test-suite settings shared by every test file."""

from __future__ import annotations

import os

from hypothesis import settings

# CI runs hypothesis derandomized so that a run is repeatable; set
# HYPOTHESIS_PROFILE=explore locally to search with fresh random examples.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
