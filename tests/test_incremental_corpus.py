"""On the 10.0.2 corpus: an incremental build (module cache warm from the previous build) gives
the same bytes as a cold one, for the edits a docs maintainer makes: a changed property, an added
page, a removed page, a renamed type (whose referrers must all be rebuilt)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import require_shared

from generator.cache import PageCache
from generator.docs_to_openapi import docs_to_openapi
from generator.module_cache import ModuleCache
from generator.openapi_to_package import GeneratedPackage, IncrementalReport, generate_package
from generator.project import templates_fingerprint

pytestmark = pytest.mark.corpus
PACKAGE = "superoffice_webapi"
PROPERTY_TABLE = "| Property Name | Type |  Description |\n|----------------|------|--------------|\n"


@dataclass
class Loop:
    """A copy of the corpus, its caches, and the last build's files."""

    root: Path
    cache: Path
    files: dict[str, str] = field(default_factory=dict)
    document: dict[str, Any] = field(default_factory=dict)
    saved: dict[Path, str | None] = field(default_factory=dict)  # what the edits replaced
    report: IncrementalReport | None = None  # how the last check()'s build was made

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def write(self, path: Path, text: str | None) -> None:
        if path not in self.saved:
            self.saved[path] = path.read_text(encoding="utf-8") if path.is_file() else None
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")

    def restore(self) -> None:
        for path, text in self.saved.items():
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text, encoding="utf-8")
        self.saved.clear()

    def build(self) -> tuple[GeneratedPackage, int]:
        """(the package, modules reused): incremental, with the caches of the previous build."""
        document, _, _ = docs_to_openapi(self.docs, cache=PageCache(self.docs, self.cache))
        modules = ModuleCache(self.root, templates_fingerprint(None), self.cache)
        package = generate_package(document, package_name=PACKAGE, module_cache=modules, cache_dir=self.black)
        self.document = document
        return package, modules.hits

    def cold(self) -> GeneratedPackage:
        """Plan, render and format everything again (black's content cache is shared: same text in, same out)."""
        return generate_package(self.document, package_name=PACKAGE, cache_dir=self.black)

    @property
    def black(self) -> Path:
        return self.cache / "black"

    def check(self) -> set[str]:
        """Build incrementally, prove it equals the cold build; returns the files that changed."""
        before = self.files
        package, reused = self.build()
        cold = self.cold()
        assert list(package.files) == list(cold.files)
        differing = [path for path in cold.files if package.files[path] != cold.files[path]]
        assert not differing, f"incremental build differs from the cold one in {differing[:5]}"
        assert [d.format() for d in package.diagnostics] == [d.format() for d in cold.diagnostics]
        self.report = package.incremental
        if self.report is None or self.report.path != "delta":  # the delta path reuses texts, not modules
            assert reused > len(package.files) // 2, f"only {reused} of {len(package.files)} modules reused"
        self.files = dict(package.files)
        return {p for p in set(before) | set(self.files) if before.get(p) != self.files.get(p)}


@pytest.fixture(scope="module")
def loop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loop]:
    corpus = require_shared("corpus", "superoffice-10.0.2", "restful")
    root = tmp_path_factory.mktemp("incremental")
    shutil.copytree(corpus, root / "docs")
    state = Loop(root, root / "cache")
    document, _, _ = docs_to_openapi(state.docs, cache=PageCache(state.docs, state.cache))
    modules = ModuleCache(root, templates_fingerprint(None), state.cache)
    state.files = dict(generate_package(document, package_name=PACKAGE, module_cache=modules, cache_dir=state.black))
    state.document = document
    yield state


@pytest.fixture()
def edited(loop: Loop) -> Iterator[Loop]:
    try:
        yield loop
    finally:
        loop.restore()


def _pages(loop: Loop) -> list[Path]:
    return sorted(p for p in loop.docs.rglob("*.md") if p.name != "index.md")


def test_changed_property(edited: Loop) -> None:
    page = next(p for p in _pages(edited) if PROPERTY_TABLE in p.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    edited.write(page, text.replace(PROPERTY_TABLE, PROPERTY_TABLE + "| Mood | string | How it felt. |\n", 1))
    changed = edited.check()
    assert any("/models/" in path and "mood" in edited.files.get(path, "") for path in changed), changed


def test_added_page(edited: Loop) -> None:
    page = next(p for p in _pages(edited) if re.search(r"^POST /api/v1/Agents/", p.read_text(), re.MULTILINE))
    operation = page.stem.split("_", 1)[1]
    copy = page.with_name(page.stem + "Again.md")
    edited.write(copy, re.sub(rf"\b{operation}\b", operation + "Again", page.read_text(encoding="utf-8")))
    changed = edited.check()
    resources = [p for p in changed if "/resources/" in p]
    assert resources and any(operation + "Again" in edited.files[p] for p in resources), changed


def _operation_ids(document: dict[str, Any]) -> set[str]:
    return {
        str(op.get("operationId"))
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }


def test_removed_page(edited: Loop) -> None:
    page = next(p for p in _pages(edited) if p.stem in _operation_ids(edited.document))
    edited.write(page, None)
    changed = edited.check()
    assert page.stem not in _operation_ids(edited.document)
    assert any("/resources/" in p for p in changed), changed


def _referenced_type(loop: Loop) -> str:
    """A component schema that other schemas reference, named in the docs' carrier sentences."""
    schemas = loop.document["components"]["schemas"]
    text = "\n".join(p.read_text(encoding="utf-8") for p in _pages(loop)[:600])
    counts: dict[str, int] = {}
    for body in map(repr, schemas.values()):
        for name in re.findall(r"#/components/schemas/(\w+)'", body):
            counts[name] = counts.get(name, 0) + 1
    for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if f"Carrier object for {name}." in text:
            return name
    raise AssertionError("no referenced carrier type found")


def test_renamed_type(edited: Loop) -> None:
    name = _referenced_type(edited)
    for page in _pages(edited):
        text = page.read_text(encoding="utf-8")
        if re.search(rf"\b{name}\b", text):
            edited.write(page, re.sub(rf"\b{name}\b", name + "Record", text))
    referrers = [k for k, v in edited.document["components"]["schemas"].items() if f"/{name}'" in repr(v)]
    changed = edited.check()
    schemas = edited.document["components"]["schemas"]
    assert name not in schemas and name + "Record" in schemas
    # every model that referenced the type now names the new one: references were tracked
    stale = [path for path in edited.files if "/models/" in path and re.search(rf"\b{name}\b", edited.files[path])]
    assert not stale, stale[:5]
    assert len([p for p in changed if "/models/" in p]) > len(referrers) // 2


def test_changed_description_takes_the_delta_path(edited: Loop) -> None:
    """The bench's edit (a sentence added to one operation's description): one method planned
    again, its resource module and tests/openapi.json rendered again, the rest reused."""
    edited.check()  # the corpus as it is (earlier tests' edits undone: not a prose change)
    described = sorted(
        str(op["x-source"])
        for item in edited.document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and op.get("description") and "x-source" in op
    )
    page = edited.docs / described[0]
    text = page.read_text(encoding="utf-8")
    at = text.index("\n## ") + 1
    edited.write(page, text[:at] + "One more sentence, added by the test.\n\n" + text[at:])
    changed = edited.check()
    assert edited.report is not None and edited.report.path == "delta", edited.report
    assert 0 < edited.report.operations_planned <= 4
    assert "tests/openapi.json" in changed
    assert [p for p in changed if "/resources/" in p] and not [p for p in changed if "/models/" in p]
