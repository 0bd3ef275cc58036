"""Helpers for the generator tests: generate a package into a directory, run code against it.

Generated packages are imported in a subprocess with OUT_DIR on sys.path (no pip install),
so every test sees a fresh interpreter: import-time side effects and import costs are real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.openapi_to_package import generate_package
from generator.writer import write_files

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
# Python run inside generated packages, as files that ruff and mypy check (see its README).
SDK_SCRIPTS = REPO / "tests" / "sdk_scripts"
# Content-addressed, so sharing it between runs only saves time.
BLACK_CACHE = Path(tempfile.gettempdir()) / "sdkgen-tests-black-cache"


def load_fixture(name: str) -> dict[str, Any]:
    with open(FIXTURES / name, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


def generate_into(out_dir: Path, spec: dict[str, Any], package_name: str, **options: Any) -> dict[str, str]:
    package = generate_package(spec, package_name=package_name, cache_dir=BLACK_CACHE, **options)
    write_files(out_dir, package.files, seeds=package.seeds, kept=package.kept)
    return package.files


def run_script(out_dir: Path, script: str, data: Any = None, *, cwd: Path | None = None, bytecode: bool = False) -> Any:
    """Run tests/sdk_scripts/`script` with OUT_DIR (and the scripts' helpers) importable.

    `data` reaches the script as JSON on its stdin (`mock_transport.script_input()`); the script
    prints one JSON document, which is returned. `bytecode=True` lets Python use (and write) the
    package's compiled bytecode, as an installed package has it, for timings.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(out_dir), str(SDK_SCRIPTS)])}
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    result = subprocess.run(
        [sys.executable, str(SDK_SCRIPTS / script)],
        input=json.dumps(data),
        cwd=str(cwd or out_dir),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"{script} failed:\n{result.stderr}"
    return json.loads(result.stdout.strip().splitlines()[-1])
