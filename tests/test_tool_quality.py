"""The tool's own code: strictly typed, as the style guide requires."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_generator_passes_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "generator"], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:]
