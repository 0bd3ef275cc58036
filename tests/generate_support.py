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
from collections.abc import Sequence
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


# -- README examples and strict type checkers ----------------------------------------------------


def readme_python(readme: str, start: str = "", stop: str = "") -> str:
    """The README's ```python blocks between `start` and `stop` (whole README by default), in order."""
    import re

    if start:
        readme = readme[readme.index(start) :]
    if stop:
        readme = readme[: readme.index(stop)]
    return "\n".join(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if not is_module_file(b))


def is_module_file(block: str) -> bool:
    """A README block that is a module of its own (first line `# pkg/lib/__init__.py`), not script code."""
    first = block.split("\n", 1)[0].strip()
    return first.startswith("# ") and first.endswith(".py") and " " not in first[2:]


def mypy_strict_problems(work: Path, scripts: Sequence[str], package_root: Path | None = None) -> str:
    """`mypy --strict` on `work/<scripts>` (the generated package importable from `package_root`); "" when clean."""
    env = {**os.environ, **({"MYPYPATH": str(package_root)} if package_root else {})}
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(work / ".mypy-cache"), *scripts],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return "" if result.returncode == 0 else result.stdout + result.stderr


def pyright_strict_problems(work: Path, scripts: Sequence[str], package_root: Path | None = None) -> list[str] | None:
    """pyright strict's errors and warnings on `work/<scripts>`; None when pyright is not installed."""
    pyright = REPO / "node_modules" / ".bin" / "pyright"
    if not pyright.exists():
        return None
    config: dict[str, Any] = {"include": list(scripts), "typeCheckingMode": "strict"}
    if package_root:
        config["extraPaths"] = [str(package_root)]
    (work / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(pyright), "--outputjson", "-p", str(work / "pyrightconfig.json"), "--pythonpath", sys.executable],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = json.loads(result.stdout)
    assert report["summary"]["filesAnalyzed"] >= 1
    return [
        f"{d['file']}:{d['range']['start']['line'] + 1}: {d['message']}"
        for d in report["generalDiagnostics"]
        if d["severity"] in ("error", "warning")
    ]
