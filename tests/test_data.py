"""The real directory as staff edit it: it passes `check` (everything the build would find),
run first in CI (`pytest -m data`). Its other data tests sit with the code they exercise and
are marked by the fixtures they use (tests/conftest.py)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.data


def test_the_real_directory_passes_check():
    result = subprocess.run([sys.executable, "build.py", "check"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No problems: ")
    # Each line site.yaml offers to call is a listing (else a warning, and pages offer none).
    assert "warning: site.yaml" not in result.stderr, result.stderr
