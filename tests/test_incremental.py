"""Re-running `sdkgen build` when the docs change: caches, minimal rewrites, versioning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from generator.cache import PageCache
from generator.cli import main

PAGE = "agent/Chat_Agent/v1ChatAgent_GetChatSessionEntity.md"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "specs" / "docs", root / "docs")
    (root / "pyproject.toml").write_text(
        '[tool.sdkgen]\ndocs = "docs"\nspec = "openapi.yaml"\noutput = "out/chat_sdk"\npackage-name = "chat_sdk"\n'
    )
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    return root


def _build(root: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["build", "--root", str(root), *args])
    assert result.exit_code == 0, result.output
    return result.output


def _mtimes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in sorted((root / "out").rglob("*")) if p.is_file()}


def test_no_change_rebuild_does_nothing(project: Path) -> None:
    first = _build(project)
    assert "chat_sdk 0.1.0" in first and "0 pages from cache" in first
    before = _mtimes(project)
    second = _build(project)
    assert "nothing changed" in second
    assert _mtimes(project) == before


def test_touched_pages_are_hashed_again_and_an_edit_is_never_missed(project: Path) -> None:
    """The stamp trusts a page's stat signature, as the page cache does: a touch (new mtime,
    same bytes) re-reads the page and still finds nothing changed; an edit that keeps the size is
    seen."""
    import os

    _build(project)
    page = project / "docs" / PAGE
    text = page.read_text()
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert "nothing changed" in _build(project)
    page.write_text(text.replace("Chat", "Xhat", 1))
    assert "nothing changed" not in _build(project)


def test_no_change_rebuild_imports_no_stage(project: Path) -> None:
    """A build with nothing to do is mostly interpreter start-up: it must not import the parser,
    the planner, jinja2 or black (together seconds on a loaded machine) before finding that out."""
    import os
    import subprocess
    import sys

    _build(project)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "generator.cli", "build", "--root", str(project)],
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and "nothing changed" in done.stderr, done.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    heavy = {"black", "jinja2", "markdown_it", "yaml", "generator.plan", "generator.parse", "generator.spec"}
    assert imported and not imported & heavy, sorted(imported & heavy)


def test_one_page_change_reparses_one_page_and_rewrites_only_what_changed(project: Path) -> None:
    _build(project)
    before = _mtimes(project)
    page = project / "docs" / PAGE
    page.write_text(page.read_text() + "\n")  # new bytes, same page once parsed
    output = _build(project)
    pages = len([p for p in (project / "docs").rglob("*.md") if "samples" not in p.parts])
    assert f"{pages - 1} pages from cache" in output
    assert "spec stage replayed (1 changed page rebuilt)" in output  # the spec stage did not run again
    assert "0 written" in output
    assert _mtimes(project) == before  # same content: not one file touched


def test_added_property_bumps_minor_and_writes_a_changelog_entry(project: Path) -> None:
    _build(project)
    before = _mtimes(project)
    page = project / "docs" / "agent" / "Chat_Agent" / "v1ChatAgent_RejectChatSessionTransfer.md"
    text = page.read_text()
    assert "| Rating | int32 |" in text
    page.write_text(
        text.replace("| Rating | int32 |", "| Mood | string | How the customer felt. |\n| Rating | int32 |", 1)
    )
    output = _build(project)
    assert "chat_sdk 0.1.1 (minor bump)" in output  # 0.y.z: additions bump z
    changelog = (project / "out" / "chat_sdk" / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## 0.1.1") and "Mood" in changelog
    after = _mtimes(project)
    changed = {name for name in after if after[name] != before.get(name)}
    assert "out/chat_sdk/chat_sdk/models/chat_session_entity.py" in changed
    assert "out/chat_sdk/chat_sdk/_errors.py" not in changed  # untouched runtime keeps its mtime
    check = CliRunner().invoke(main, ["check", "--root", str(project)])
    assert check.exit_code == 0, check.output


def test_corrupt_cache_is_a_miss_not_a_failure(project: Path, tmp_path: Path) -> None:
    _build(project)
    for path in [*(tmp_path / "cache").rglob("*.pickle"), *(tmp_path / "cache").rglob("*.bin")]:
        path.write_bytes(b"not a pickle")
    output = _build(project)
    assert "0 pages from cache" in output
    assert CliRunner().invoke(main, ["check", "--root", str(project)]).exit_code == 0


def test_stale_output_is_named_by_check(project: Path) -> None:
    _build(project)
    target = project / "out" / "chat_sdk" / "chat_sdk" / "_client.py"
    target.write_text(target.read_text() + "# edited by hand\n")
    result = CliRunner().invoke(main, ["check", "--root", str(project)])
    assert result.exit_code == 1 and "out/chat_sdk/chat_sdk/_client.py" in result.output
    rebuilt = _build(project)  # the hand edit changed an output: the build is not skipped
    assert "nothing changed" not in rebuilt
    assert "# edited by hand" not in target.read_text()


def test_page_cache_keys_on_included_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "specs" / "docs", docs)
    from generator.corpus import parse_folder_cached

    cache = PageCache(docs, tmp_path / "cache")
    first = parse_folder_cached(docs, cache)
    included = [r for r in first if r.includes]
    assert included, "the default docs have include-format pages"
    target = docs / included[0].includes[0]
    target.write_text(target.read_text().replace("Accept: application/json", "Accept: application/json; charset=utf-8"))
    cache = PageCache(docs, tmp_path / "cache")
    parse_folder_cached(docs, cache)
    assert cache.hits == len(first) - 1


def test_yaml_spec_is_the_same_bytes_with_or_without_fragment_cache(tmp_path: Path) -> None:
    import yaml

    from generator.docs_to_openapi import docs_to_openapi
    from generator.openapi.dump import dump_spec

    document, _, _ = docs_to_openapi(REPO / "specs" / "docs")
    fragments: dict[str, str] = {}
    cold = dump_spec(document, "yaml", fragments)
    assert fragments  # the cache was filled
    warm = dump_spec(document, "yaml", fragments)
    assert cold == warm == dump_spec(document, "yaml")
    assert yaml.safe_load(cold) == document


def test_unchanged_files_are_not_read_again_and_a_same_size_rewrite_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files whose stat signature is as last hashed are not read; any stat change (here a
    same-size rewrite with the old mtime put back: its ctime still moves) re-hashes the file."""
    import os

    from generator import corpus

    docs = tmp_path / "docs"
    shutil.copytree(REPO / "specs" / "docs", docs)
    monkeypatch.setattr(corpus, "RACY_NS", 0)  # the copy is seconds old: trust its signatures now
    first = corpus.parse_folder_cached(docs, PageCache(docs, tmp_path / "cache"))
    reads: list[str] = []
    real_read = corpus.read_docs_file

    def counting_read(root: Path, relative: str, *args: object, **kwargs: object) -> bytes:
        reads.append(relative)
        return real_read(root, relative, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus, "read_docs_file", counting_read)
    cache = PageCache(docs, tmp_path / "cache")
    assert corpus.parse_folder_cached(docs, cache) == first
    assert reads == [] and cache.hits == len(first)

    page = docs / PAGE
    before = page.stat()
    text = page.read_text()
    edited = text.replace("GetChatSessionEntity", "GetChatSessionEntitX", 1)
    assert edited != text and len(edited) == len(text)
    page.write_text(edited)
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    cache = PageCache(docs, tmp_path / "cache")
    again = corpus.parse_folder_cached(docs, cache)
    assert PAGE in reads and cache.hits == len(first) - 1
    assert again == corpus.parse_folder(docs, workers=1)


@pytest.mark.parametrize("damage", ["truncated", "old format", "wrong types"])
def test_damaged_page_cache_file_is_a_miss(tmp_path: Path, damage: str) -> None:
    import pickle

    from generator.corpus import parse_folder_cached

    docs = tmp_path / "docs"
    shutil.copytree(REPO / "specs" / "docs", docs)
    first = parse_folder_cached(docs, PageCache(docs, tmp_path / "cache"))
    path = PageCache(docs, tmp_path / "cache").path
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "old format":  # format 1: the entries dict alone
        path.write_bytes(pickle.dumps(pickle.loads(data)["entries"]))
    else:
        path.write_bytes(pickle.dumps({"format": 2, "entries": [1, 2], "signatures": {PAGE: "x"}}))
    cache = PageCache(docs, tmp_path / "cache")
    assert parse_folder_cached(docs, cache) == first
    assert cache.hits == 0


def test_a_few_changed_pages_go_to_a_delta_file_that_a_damaged_copy_of_only_costs_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.corpus import parse_folder, parse_folder_cached

    docs = tmp_path / "docs"
    shutil.copytree(REPO / "specs" / "docs", docs)
    first = parse_folder_cached(docs, PageCache(docs, tmp_path / "cache"))
    main_file = PageCache(docs, tmp_path / "cache").path
    main_bytes = main_file.read_bytes()
    page = docs / PAGE
    page.write_text(page.read_text().replace("GetChatSessionEntity", "GetChatSessionThing"))
    (docs / "agent" / "Chat_Agent" / "v1ChatAgent_Copy.md").write_text(page.read_text())
    cold = parse_folder(docs, workers=1)
    cache = PageCache(docs, tmp_path / "cache")
    assert parse_folder_cached(docs, cache) == cold and cache.hits == len(first) - 1
    assert main_file.read_bytes() == main_bytes and cache.delta_path.is_file()

    cache = PageCache(docs, tmp_path / "cache")  # the main file and the delta together
    assert parse_folder_cached(docs, cache) == cold and cache.hits == len(cold)

    cache.delta_path.write_bytes(cache.delta_path.read_bytes()[:40])
    cache = PageCache(docs, tmp_path / "cache")
    assert parse_folder_cached(docs, cache) == cold and cache.hits == len(cold) - 2

    monkeypatch.setattr(PageCache, "DELTA_LIMIT", 0)  # folded into the main file
    (docs / "agent" / "Chat_Agent" / "v1ChatAgent_Copy.md").unlink()
    cache = PageCache(docs, tmp_path / "cache")
    assert parse_folder_cached(docs, cache) == parse_folder(docs, workers=1)
    assert not cache.delta_path.exists() and main_file.read_bytes() != main_bytes
    cache = PageCache(docs, tmp_path / "cache")
    assert parse_folder_cached(docs, cache) == parse_folder(docs, workers=1) and cache.hits == len(first)
