"""Generated packages are publishable: `python -m build` makes an sdist and a wheel that
`twine check --strict` accepts, with the README as long description, a licence, classifiers,
project URLs from the document, `py.typed` and every module in the wheel.

Packages are copied to a temporary folder first (a build writes `build/` and `*.egg-info` beside
the sources); generated/ is never written. The build runs in build's isolated environment, so it
needs the package index (setuptools>=77 for licence expressions).
"""

from __future__ import annotations

import email
import email.message
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.package_name import default_package_name
from generator.project import ProjectConfig

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "bookstore"
GENERATED = REPO / "generated" / "superoffice_webapi"


def build_and_check(source: Path, tmp_path: Path) -> tuple[Path, email.message.Message, set[str]]:
    """Copy `source`, build it, run twine check --strict; (wheel, its METADATA, its file names)."""
    work = tmp_path / source.name
    shutil.copytree(source, work, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info", "dist"))
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(work)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if built.returncode != 0 and "Could not find a version that satisfies" in built.stdout + built.stderr:
        pytest.skip("the package index is unreachable: build cannot install setuptools")
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    artefacts = sorted(dist.iterdir(), key=lambda p: p.suffix)
    assert [p.suffix for p in artefacts] == [".gz", ".whl"], artefacts
    checked = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, artefacts)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    wheel = artefacts[1]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = email.message_from_bytes(archive.read(metadata_name))
    return wheel, metadata, names


def test_golden_package_builds_and_passes_twine_check(tmp_path: Path) -> None:
    _, metadata, names = build_and_check(GOLDEN, tmp_path)
    assert "bookstore/py.typed" in names
    assert {"bookstore/__init__.py", "bookstore/_client.py", "bookstore/models/book.py"} <= names
    assert "bookstore/resources/books.py" in names
    assert not any(n.startswith("tests/") for n in names), "the generated test suite is not part of the wheel"
    assert metadata["Name"] == "bookstore"
    assert metadata["Version"] == "0.1.0"
    # info.license.name "Apache 2.0" -> the SPDX expression; contact and externalDocs -> URLs.
    assert metadata["License-Expression"] == "Apache-2.0"
    assert metadata["Description-Content-Type"] == "text/markdown"
    # The README is the long description (after its do-not-edit comment, which Markdown hides).
    assert str(metadata.get_payload()).strip() == (GOLDEN / "README.md").read_text(encoding="utf-8").strip()
    assert "Typing :: Typed" in metadata.get_all("Classifier", [])
    assert "Programming Language :: Python :: 3.12" in metadata.get_all("Classifier", [])
    urls = metadata.get_all("Project-URL", [])
    assert "Homepage, https://bookstore.test/developers" in urls
    assert "Documentation, https://docs.bookstore.test/api" in urls
    assert metadata["Author-email"] == "Bookstore API team <api@bookstore.test>"


def test_superoffice_package_builds_and_passes_twine_check(tmp_path: Path) -> None:
    _, metadata, names = build_and_check(GENERATED, tmp_path)
    assert "superoffice_webapi/py.typed" in names
    assert {"superoffice_webapi/_client.py", "superoffice_webapi/_pages.py", "superoffice_webapi/lib/__init__.py"} <= {
        n for n in names if n.startswith("superoffice_webapi/")
    }
    assert any(n.startswith("superoffice_webapi/resources/") for n in names)
    assert metadata["Name"] == "superoffice-webapi"
    assert metadata["License-Expression"] == "MIT"  # [tool.sdkgen] license
    assert "Typing :: Typed" in metadata.get_all("Classifier", [])
    readme = (GENERATED / "README.md").read_text(encoding="utf-8")
    assert "\n# superoffice-webapi\n" in readme
    assert str(metadata.get_payload()).strip() == readme.strip()


def test_license_option_wins_and_must_be_spdx(tmp_path: Path) -> None:
    spec = REPO / "tests" / "golden" / "specs" / "bookstore.yaml"
    out = tmp_path / "out"
    ok = CliRunner().invoke(main, ["generate", str(spec), "-o", str(out), "--license", "mit OR Apache-2.0"])
    assert ok.exit_code == 0, ok.output
    assert 'license = "MIT OR Apache-2.0"' in (out / "pyproject.toml").read_text()
    bad = CliRunner().invoke(main, ["generate", str(spec), "-o", str(tmp_path / "bad"), "--license", "my own"])
    assert bad.exit_code != 0 and "SPDX" in bad.output


def test_generate_and_build_name_the_package_by_the_same_rule(tmp_path: Path) -> None:
    """`sdkgen generate` without --package-name and `sdkgen build` without package-name agree."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Acme Billing Web API v2, version: '1'}\n"
        "paths:\n  /ping:\n    get:\n      operationId: ping\n      responses: {'204': {description: ok}}\n"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.output
    generated_name = next(p.name for p in out.iterdir() if (p / "_client.py").is_file())
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text('[tool.sdkgen]\ntitle = "Acme Billing Web API v2"\n')
    assert ProjectConfig.load(root).package_name == generated_name == default_package_name("Acme Billing Web API v2")
    assert generated_name == "acme_billing_web_api"
    # The project's own docs: the title `SuperOffice WebAPI` names the package `superoffice_webapi`.
    assert default_package_name("SuperOffice WebAPI") == "superoffice_webapi"
