"""The benchmark's own virtual environments under bench/.work/, kept out of the project's venv.

A venv is rebuilt only when its requirements file changed (its text is stamped inside the venv).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from procs import run_bounded

STAMP = ".bench-requirements"


def ensure_venv(venv: Path, requirements: Path, *, timeout: float) -> str | None:
    """Create/refresh `venv` from `requirements`; returns None on success, else the error line."""
    wanted = requirements.read_text(encoding="utf-8")
    stamp = venv / STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted and python_of(venv).exists():
        return None
    if venv.exists():
        shutil.rmtree(venv)
    created = run_bounded([sys.executable, "-m", "venv", str(venv)], timeout=120)
    if not created.ok:
        return f"venv: {created.first_error_line()}"
    installed = run_bounded(
        [
            str(python_of(venv)),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-r",
            str(requirements),
        ],
        timeout=timeout,
    )
    if not installed.ok:
        return f"pip install -r {requirements.name}: {installed.first_error_line()}"
    stamp.write_text(wanted, encoding="utf-8")
    return None


def python_of(venv: Path) -> Path:
    return venv / "bin" / "python"
