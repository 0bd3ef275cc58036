"""Golden records: `sdkgen generate` on a generic OpenAPI document, compared byte for byte.

tests/golden/specs/bookstore.yaml is written for the project (nested models, enums, oneOf with and
without a discriminator, allOf, additionalProperties, arrays, binary responses, three security
schemes, path-level parameters, query arrays, a 204). Its package is committed in
tests/golden/bookstore/; tests/golden/bookstore-readme-override/ holds only the files that differ
when tests/golden/overrides/readme/ is passed as `--templates`. A change to a template or to the
planner therefore shows up as a reviewable diff of those folders.

After a deliberate change, rewrite the records with `SDKGEN_UPDATE_GOLDEN=1` (tests/golden/README.md).
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from generate_support import mypy_strict_problems, pyright_strict_problems, readme_python, run_script

from generator.cli import main

GOLDEN = Path(__file__).resolve().parent / "golden"
SPEC = GOLDEN / "specs" / "bookstore.yaml"
BASE = GOLDEN / "bookstore"
OVERRIDE_TEMPLATES = GOLDEN / "overrides" / "readme"
OVERRIDE = GOLDEN / "bookstore-readme-override"
UPDATE = os.environ.get("SDKGEN_UPDATE_GOLDEN") == "1"
# How many differing files a failure prints in full, and how many diff lines per file.
_SHOWN_FILES, _SHOWN_LINES = 3, 120


def generate(out: Path, *extra: str) -> dict[str, bytes]:
    result = CliRunner().invoke(main, ["generate", str(SPEC), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return tree(out)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by POSIX relative path (bytecode caches left out)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def differences(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """'' when equal; else the missing and unexpected files and unified diffs of the first changed ones."""
    missing = sorted(expected.keys() - actual.keys())
    extra = sorted(actual.keys() - expected.keys())
    changed = sorted(name for name in expected.keys() & actual.keys() if expected[name] != actual[name])
    if not (missing or extra or changed):
        return ""
    lines = [f"missing: {missing}", f"unexpected: {extra}", f"changed: {changed}"]
    for name in changed[:_SHOWN_FILES]:
        diff = difflib.unified_diff(
            expected[name].decode("utf-8", "replace").splitlines(),
            actual[name].decode("utf-8", "replace").splitlines(),
            f"golden/{name}",
            f"generated/{name}",
            lineterm="",
        )
        lines += list(diff)[:_SHOWN_LINES]
    return "\n".join(lines)


def rewrite(folder: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return generate(tmp_path_factory.mktemp("golden") / "bookstore")


def test_generated_package_matches_the_golden_record(generated: dict[str, bytes]) -> None:
    if UPDATE:
        rewrite(BASE, generated)
    found = differences(tree(BASE), generated)
    assert not found, "the generated package differs from tests/golden/bookstore (see tests/golden/README.md)\n" + found


def test_template_override_changes_only_the_files_of_that_template(generated: dict[str, bytes], tmp_path: Path) -> None:
    overridden = generate(tmp_path / "bookstore", "--templates", str(OVERRIDE_TEMPLATES))
    changed = {name: content for name, content in overridden.items() if generated.get(name) != content}
    if UPDATE:
        rewrite(OVERRIDE, changed)
    assert overridden.keys() == generated.keys()
    assert sorted(changed) == ["README.md"], "the README override should change the README only"
    found = differences(tree(OVERRIDE), changed)
    assert not found, "the overridden files differ from tests/golden/bookstore-readme-override\n" + found


def test_golden_package_works_against_a_mock_server() -> None:
    """The committed record is a working package: imports, typed calls, every body kind."""
    result = run_script(BASE, "golden_bookstore.py")
    assert result["book"] == {"type": "Book", "title": "Dune", "genre": "fiction", "series": None, "price": "9.99"}
    assert result["list_url"] == "https://api.bookstore.test/v2/books?genre=poetry&tags=a&tags=b&ids=1,2"
    assert result["api_key"] == "k-1"
    assert result["editions"] == ["PrintedEdition", "DigitalEdition"]
    assert result["cover"] == {"accept": "image/png", "bytes": 4}
    assert result["deleted"] == ["DELETE", 204, ""]
    assert result["order_body"] == {"lines": [{"bookId": 7, "quantity": 1}], "payment": {"code": "SPRING"}}


def test_undiscriminated_union_result_is_the_member_that_fits() -> None:
    # The member whose fields the object matches best, counting fields whose wire name equals
    # the Python name too (_construct._wire_name).
    result = run_script(BASE, "golden_bookstore.py")
    assert result["order_payment"] == "VoucherPayment"


def test_generic_golden_package_carries_no_superoffice_parts() -> None:
    """A generic document gets only what it declares: no SuperOffice auth, error fields or names."""
    vendor = ("SoTicket", "SOTicket", "SuperOffice", "Cust", "SO-", "superoffice", "soticket", "so-apptoken")
    found = [
        f"{name}: {word}"
        for name, content in tree(BASE).items()
        for word in vendor
        if word in content.decode("utf-8", "replace")
    ]
    assert not found, found
    exports = (BASE / "bookstore" / "__init__.py").read_text()
    # apiKey + http bearer + oauth2 are declared: ApiKeyAuth and BearerAuth, no BasicAuth.
    assert '"ApiKeyAuth": "_auth"' in exports and '"BearerAuth": "_auth"' in exports
    assert "BasicAuth" not in exports
    readme = (BASE / "README.md").read_text()
    assert "BasicAuth" not in readme and "ApiKeyAuth(" in readme


def test_readme_auth_and_extending_examples_type_check_strict(tmp_path: Path) -> None:
    """The README's Authentication and Extending sections: their examples pass mypy --strict."""
    import re
    import subprocess
    import sys

    readme = (BASE / "README.md").read_text()
    sections = [readme[readme.index(h) :].split("\n## ", 2)[0] for h in ("## Authentication", "## Extending the SDK")]
    blocks = [b for s in sections for b in re.findall(r"```python\n(.*?)```", s, re.S) if "/lib/__init__.py" not in b]
    assert len(blocks) >= 2
    script = tmp_path / "readme_examples.py"
    script.write_text("\n".join(blocks), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        env={**os.environ, "MYPYPATH": str(BASE)},
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_golden_readme_examples_type_check_strict_and_run(tmp_path: Path) -> None:
    """The committed README's Python blocks pass mypy --strict and pyright strict, and run as written."""
    script = "readme_examples_checked.py"
    (tmp_path / script).write_text(readme_python((BASE / "README.md").read_text(encoding="utf-8")), encoding="utf-8")
    assert mypy_strict_problems(tmp_path, [script], BASE) == ""
    result = run_script(BASE, "readme_examples.py", {"readme": str(BASE / "README.md"), "start": "", "stop": ""})
    assert result["blocks"] == 8  # usage, auth, options, raw responses, errors, retries, async, hooks
    assert ["GET", "https://api.bookstore.test/v2/authors/1"] in result["requests"]
    problems = pyright_strict_problems(tmp_path, [script], BASE)
    if problems is None:
        pytest.skip("pyright is not installed: run `npm ci` in the checkout")
    assert not problems, "\n".join(problems)
