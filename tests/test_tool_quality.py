"""The tool's own code: strictly typed and lint-clean, as the style guide requires."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=600)


def test_generator_passes_mypy_strict() -> None:
    result = _run("mypy", "--strict", "generator")
    assert result.returncode == 0, result.stdout[-3000:]


def test_tests_and_bench_pass_mypy_strict() -> None:
    result = _run("mypy", "--strict", "tests", "bench")
    assert result.returncode == 0, result.stdout[-3000:]


def test_ruff_finds_nothing() -> None:
    lint = _run("ruff", "check", "generator", "tests", "bench")
    assert lint.returncode == 0, lint.stdout[-3000:]
    formatted = _run("ruff", "format", "--check", "generator", "tests", "bench")
    assert formatted.returncode == 0, formatted.stdout[-3000:]
