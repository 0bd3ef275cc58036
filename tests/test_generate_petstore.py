"""Petstore (OpenAPI 3.0): generate, import, call through a mock transport, type-check, install."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from generate_support import SDK_SCRIPTS, generate_into, load_fixture, run_script


@pytest.fixture(scope="module")
def petstore(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("petstore")
    generate_into(out, load_fixture("petstore_3_0.yaml"), "petstore")
    return out


def test_layout_and_packaging_metadata(petstore: Path) -> None:
    pyproject = (petstore / "pyproject.toml").read_text()
    assert 'name = "petstore"' in pyproject
    assert 'version = "0.1.0"' in pyproject
    assert '"httpx>=0.27"' in pyproject and '"pydantic>=2"' in pyproject
    for path in (
        "petstore/py.typed",
        "petstore/_client.py",
        "petstore/models/pet.py",
        "petstore/resources/pet.py",
        "petstore/resources/store.py",
        "petstore/resources/user.py",
        "petstore/_base_client.py",
    ):
        assert (petstore / path).is_file(), path


def test_calls_send_the_documented_requests_and_return_typed_results(petstore: Path) -> None:
    result = run_script(petstore, "petstore_calls.py")
    assert result["pet"] == ["Pet", 10, "doggie", "Dogs", "good", "sold", {"legs": 4}]
    assert result["found"] == ["Pet", "Pet"]
    assert result["added"] == [11, 11]
    assert result["inventory"] == {"sold": 3, "available": 7}
    assert result["uploaded"] == ["ApiResponse", "stored"]
    assert result["token"] == "token-1"
    assert result["error"] == 404
    seen = result["seen"]
    assert seen[0]["url"] == "https://petstore3.swagger.io/api/v3/pet/10"
    assert seen[1]["url"] == "https://petstore3.swagger.io/api/v3/pet/findByStatus?status=sold"
    assert seen[2]["method"] == "POST" and seen[2]["body"] == '{"name":"rex","photoUrls":[]}'
    assert seen[3]["body"] == '{"name":"rex","photoUrls":[]}'
    assert seen[5]["url"].endswith("/pet/10/uploadImage?additionalMetadata=m")
    assert seen[5]["headers"]["content-type"] == "application/octet-stream"
    assert seen[5]["body"] == "\x89PNG"
    assert seen[6]["method"] == "DELETE" and seen[6]["headers"]["api_key"] == "secret"
    assert seen[7]["url"].endswith("/user/login?username=u&password=p")


def test_async_client_has_the_same_methods(petstore: Path) -> None:
    result = run_script(petstore, "petstore_async.py")
    assert result["pets"] == [["x"]]
    # `tags` has no style/explode: OpenAPI's default (form, explode) repeats the name
    assert result["url"] == "https://petstore3.swagger.io/api/v3/pet/findByTags?tags=a&tags=b"


def test_generated_package_passes_mypy_strict(petstore: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy"), "petstore"],
        cwd=petstore,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def httpx_location() -> str:
    import httpx

    return str(Path(httpx.__file__).parent)


@pytest.mark.pip_install
def test_pip_install_into_a_fresh_venv(petstore: Path, tmp_path: Path) -> None:
    """The real thing: `pip install OUT_DIR`, then import from site-packages (not from OUT_DIR)."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)  # the test interpreter's pip installs into it
    python = env_dir / "bin" / "python"
    # httpx and pydantic come from the test interpreter through a .pth file (no download);
    # the generated package itself is built (isolated, its declared build backend) and installed by pip.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    deps_dir = Path(httpx_location()).parent
    Path(site, "_test_deps.pth").write_text(f"{deps_dir}\n")
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
            str(petstore),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    check = subprocess.run(
        [str(python), str(SDK_SCRIPTS / "petstore_installed.py")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": ""},
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.split() == ["0.1.0", "True", "True", "Petstore"]
