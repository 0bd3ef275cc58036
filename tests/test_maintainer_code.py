"""Maintainers' code survives regeneration: the package's lib/ folder is created once and never
written, removed or called stale again, and code there registers hooks that fire in order (sync
and async, on errors too) against a real loopback HTTP server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from generate_support import run_script

from generator.cli import main
from generator.files import MANIFEST_NAME

SPEC = REPO / "tests" / "golden" / "specs" / "bookstore.yaml"

LIB_INIT = '''"""The bookstore maintainers' own code."""

from .log_hooks import install


def setup_client(client):
    install(client)
'''

LIB_LOG_HOOKS = '''"""A logging hook and a helper of our own."""

import logging

EVENTS: list[str] = []
log = logging.getLogger("bookstore.maintainers")


def _before(request):
    EVENTS.append(f"lib before {request.method} {request.url.path}")
    log.info("sending %s", request.url)


def _after(response):
    EVENTS.append(f"lib after {response.status_code}")


def _error(error):
    EVENTS.append(f"lib on_error {type(error).__name__}")


def install(client):
    client.hooks.before_request(_before)
    client.hooks.after_response(_after)
    client.hooks.on_error(_error)


def book_titles(client, ids):
    return [client.books.get_book(book_id).title for book_id in ids]
'''


def _generate(out: Path, *extra: str) -> str:
    result = CliRunner().invoke(main, ["generate", str(SPEC), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def _add_maintainer_code(lib: Path) -> dict[str, bytes]:
    (lib / "__init__.py").write_text(LIB_INIT)
    (lib / "log_hooks.py").write_text(LIB_LOG_HOOKS)
    (lib / "data").mkdir()
    (lib / "data" / "notes.txt").write_bytes(b"kept\r\n")
    return _tree(lib)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_generate_creates_lib_once_and_never_touches_it_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _generate(out)
    lib = out / "bookstore" / "lib"
    assert "bookstore/lib/__init__.py created" in first
    assert "setup_client(client)" in (lib / "__init__.py").read_text()
    assert not any("lib/" in line for line in (out / MANIFEST_NAME).read_text().splitlines())

    mine = _add_maintainer_code(lib)
    # A new version rewrites files (pyproject, __init__); a generated file that went away is removed.
    (out / MANIFEST_NAME).write_text((out / MANIFEST_NAME).read_text() + "bookstore/lib/log_hooks.py\n")
    second = _generate(out, "--version", "0.2.0")
    assert "created" not in second
    assert 'version = "0.2.0"' in (out / "pyproject.toml").read_text()
    assert _tree(lib) == mine, "lib/ must be byte-identical after regeneration"

    result = run_script(out, "maintainer_hooks.py")
    assert result["sync"]["titles"] == ["Dune"]
    assert result["sync"]["caught"] == 404
    # lib's hooks come first (registered by setup_client in the constructor), then the client's.
    assert result["sync_events"] == [
        "lib before GET /v2/books/7",
        "client hook",
        "lib after 200",
        "lib before GET /v2/books/8",
        "client hook",
        "lib after 404",
        "client on_error",
        "lib on_error NotFoundError",
        # with_options: the copied hooks, setup_client not run again (no duplicates)
        "lib before GET /v2/books/7",
        "client hook",
        "lib after 200",
    ]
    assert result["sync"]["derived_hooks"] == "Hooks(before_request=2, after_response=1, on_error=2)"
    assert result["async"]["title"] == "Dune"
    assert result["async"]["async_events"] == [
        "async before /v2/books/7",
        "async before /v2/books/8",
        "async on_error NotFoundError",
    ]
    assert result["async_lib_events"] == [
        "lib before GET /v2/books/7",
        "lib after 200",
        "lib before GET /v2/books/8",
        "lib after 404",
        "lib on_error NotFoundError",
    ]


def test_generated_files_may_not_land_in_lib(tmp_path: Path) -> None:
    from generator.writer import GenerationError, write_files

    with pytest.raises(GenerationError, match="maintainers"):
        write_files(tmp_path, {"pkg/lib/x.py": ""}, kept=("pkg/lib/",))


def test_build_and_check_leave_lib_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "project"
    shutil.copytree(REPO / "specs" / "docs", root / "docs")
    (root / "pyproject.toml").write_text(
        '[tool.sdkgen]\ndocs = "docs"\nspec = "openapi.yaml"\noutput = "out/chat_sdk"\npackage-name = "chat_sdk"\n'
    )
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--root", str(root)])
    assert built.exit_code == 0, built.output
    lib = root / "out" / "chat_sdk" / "chat_sdk" / "lib"
    assert (lib / "__init__.py").is_file()
    (lib / "helpers.py").write_text("def shout(text: str) -> str:\n    return text.upper()\n")
    (lib / "__init__.py").write_text('"""Edited by us."""\n')
    mine = _tree(lib)
    checked = runner.invoke(main, ["check", "--root", str(root)])
    assert checked.exit_code == 0, checked.output  # lib/ is not stale

    page = next((root / "docs").rglob("*.md"))
    page.write_text(page.read_text() + "\nOne more sentence.\n")
    rebuilt = runner.invoke(main, ["build", "--root", str(root), "--no-cache"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert _tree(lib) == mine

    (lib / "__init__.py").unlink()
    stale = runner.invoke(main, ["check", "--root", str(root)])
    assert stale.exit_code == 1 and "lib/__init__.py (missing; build creates it)" in stale.output
    recreated = runner.invoke(main, ["build", "--root", str(root)])  # the caches say nothing changed
    assert "lib/__init__.py created" in recreated.output, recreated.output
    assert (lib / "__init__.py").is_file() and (lib / "helpers.py").read_text().startswith("def shout")
