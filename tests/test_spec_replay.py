"""The spec stage of an incremental build: a page edit that changes only its own operation's prose
is replayed (that operation rebuilt alone, generator/spec/replay.py), any other edit builds the
stage in full, and either way the document, diagnostics and summary are a cold run's.

Docs folders are a few reference pages copied from the shared corpus at test time: agents and
entities with variants (pages sharing a path template), common headers, samples, fallback names.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import require_shared

from generator import corpus
from generator.cache import PageCache
from generator.docs_to_openapi import docs_to_openapi

FOLDERS = ("rest/Batch", "rest/CRMScript", "agent/AI_Agent", "agent/ErpSync_Agent")
BATCH = "rest/Batch/v1Batch_GetBatchTaskInfo.md"  # the operation that GetBatchTaskInfosByState is a variant of
VARIANT = "rest/Batch/v1Batch_GetBatchTaskInfosByState.md"
CONNECTION = "agent/ErpSync_Agent/v1ErpSyncAgent_GetConnection.md"  # samples with undocumented properties
GET_ALL = "rest/Batch/v1Batch_GetAll.md"  # a schema named by fallback, reported at its table's line
PATCH = "rest/CRMScript/v1CRMScriptEntity_PatchCRMScriptEntity.md"  # a warning of its own operation


@pytest.fixture()
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus_root = require_shared("corpus", "superoffice-10.0.2", "restful")
    root = tmp_path / "docs"
    for folder in FOLDERS:
        shutil.copytree(corpus_root / folder, root / folder)
    # Files are seconds old here: trust their stat signatures at once, as a build minutes later does.
    monkeypatch.setattr(corpus, "RACY_NS", 0)
    return root


def _run(docs: Path, cache: PageCache | None) -> tuple[str, list[str], Any]:
    document, diagnostics, summary = docs_to_openapi(docs, cache=cache)
    return json.dumps(document), [f"{d.format()} ({d.severity.value})" for d in diagnostics], summary


def _rebuild(docs: Path, cache_dir: Path) -> str:
    """An incremental run, checked against a cold one; returns how the spec stage was made."""
    cache = PageCache(docs, cache_dir)
    incremental = _run(docs, cache)
    cold = _run(docs, None)
    assert incremental[0] == cold[0], "documents differ"
    assert incremental[1] == cold[1], "diagnostics differ"
    assert incremental[2] == cold[2], "summaries differ"
    return cache.spec_reuse


def _edit(docs: Path, page: str, change: Any) -> None:
    path = docs / page
    text = path.read_text(encoding="utf-8")
    edited = change(text)
    assert edited != text, f"the edit found nothing to change in {page}"
    path.write_text(edited, encoding="utf-8")


def _new_paragraph(text: str) -> str:
    """A sentence of its own above the first section: every later line moves down by two."""
    at = re.search(r"^## ", text, re.MULTILINE)
    assert at is not None
    return text[: at.start()] + "A maintainer's new sentence.\n\n" + text[at.start() :]


def _row_description(column: str) -> Any:
    def change(text: str) -> str:
        return re.sub(rf"^(\| *{re.escape(column)} *\|[^|\n]*\|)", r"\1 Edited:", text, count=1, flags=re.MULTILINE)

    return change


def _sub(pattern: str, replacement: str) -> Any:
    """The edit that replaces the first match of a line pattern."""
    return lambda text: re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)


def _status_row(text: str) -> str:
    return re.sub(r"^(\| *200 *\|[^\n]*\n)", r"\1| 418 | I'm a teapot. |\n", text, count=1, flags=re.MULTILINE)


PROSE_EDITS = {
    "operation description, lines moved": (BATCH, _new_paragraph),
    "variant's description": (VARIANT, _new_paragraph),
    "page with shared diagnostics": (GET_ALL, _new_paragraph),
    "page whose samples show more than its table": (CONNECTION, _new_paragraph),
    "page with its own warning": (PATCH, _new_paragraph),
    "query parameter description": ("rest/CRMScript/v1CRMScriptEntity_GetAll.md", _row_description("$select")),
    "path parameter description": (BATCH, _row_description("id")),
    "status description": (CONNECTION, _sub(r"^(\| *200 *\|)[^\n]*", r"\1 Fine. |")),
    "new status row": (CONNECTION, _status_row),
}


@pytest.mark.parametrize("edit", sorted(PROSE_EDITS))
def test_a_prose_edit_is_replayed_and_gives_the_cold_result(docs: Path, tmp_path: Path, edit: str) -> None:
    cache_dir = tmp_path / "cache"
    assert _rebuild(docs, cache_dir).startswith("built in full")
    page, change = PROSE_EDITS[edit]
    _edit(docs, page, change)
    assert _rebuild(docs, cache_dir) == "replayed (1 changed page rebuilt)"
    # The page models of unchanged pages were not needed at all.
    cache = PageCache(docs, cache_dir)
    _run(docs, cache)
    assert not cache.models_loaded and cache.hits == len(corpus.find_pages(docs))


def test_the_fixture_exercises_variants_and_shared_diagnostics(docs: Path, tmp_path: Path) -> None:
    """The cases above are only worth something if the folder has what replay must get right."""
    _, diagnostics, summary = _run(docs, None)
    assert summary.stats.variants >= 2

    def codes(page: str) -> set[str]:
        return {re.sub(r".*\[(.*)\] \(.*", r"\1", line) for line in diagnostics if line.startswith(page + ":")}

    assert "schema-unnamed" in codes(GET_ALL) and "media-types-empty" in codes(PATCH)
    assert "operation-variant" in codes(VARIANT)
    cache_dir = tmp_path / "cache"
    _rebuild(docs, cache_dir)
    _edit(docs, GET_ALL, _new_paragraph)
    assert _rebuild(docs, cache_dir).startswith("replayed")
    moved = [line for line in _run(docs, None)[1] if line.startswith(GET_ALL + ":") and "schema-unnamed" in line]
    assert moved and not set(moved) & {line for line in diagnostics if line.startswith(GET_ALL + ":")}


SHARED_EDITS = {
    "property type": (BATCH, _sub(r"^(\| *[A-Za-z]+ *\| *)int32( *\|)", r"\1string\2")),
    "property description": (CONNECTION, _sub(r"^(\| *[A-Z]\w* *\| *\w+ *\|)", r"\1 Edited:")),
    "added table row": (
        BATCH,
        lambda t: t.replace(
            "| Property Name | Type |  Description |\n|----------------|------|--------------|\n",
            "| Property Name | Type |  Description |\n|----------------|------|--------------|\n| Mood | string | How it felt. |\n",
            1,
        ),
    ),
}


@pytest.mark.parametrize("edit", ["property type", "property description", "added table row"])
def test_an_edit_to_shared_state_builds_in_full_and_replay_resumes(docs: Path, tmp_path: Path, edit: str) -> None:
    cache_dir = tmp_path / "cache"
    _rebuild(docs, cache_dir)
    page, change = SHARED_EDITS[edit]
    _edit(docs, page, change)
    assert _rebuild(docs, cache_dir) == f"built in full: {page} changed what it contributes beyond its own operation"
    _edit(docs, page, _new_paragraph)  # the full build stored its state: the next prose edit replays
    assert _rebuild(docs, cache_dir).startswith("replayed")


def test_added_and_removed_pages_build_in_full(docs: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    _rebuild(docs, cache_dir)
    copy = docs / "rest/Batch/v1Batch_GetAllAgain.md"
    copy.write_text((docs / "rest/Batch/v1Batch_GetAll.md").read_text().replace("GetAll", "GetAllAgain"))
    assert _rebuild(docs, cache_dir) == "built in full: pages added or removed"
    (docs / BATCH).unlink()
    assert _rebuild(docs, cache_dir) == "built in full: pages added or removed"
    assert _rebuild(docs, cache_dir) == "replayed (0 changed pages rebuilt)"


def test_moved_lines_follow_into_messages_that_name_them(docs: Path, tmp_path: Path) -> None:
    """A `schema-conflict` names where each type was seen (`file:line`): after a paragraph is
    added above that table, the replayed message names the new line, as a cold run does."""
    pages = sorted(p.relative_to(docs).as_posix() for p in (docs / "rest/CRMScript").glob("*.md"))
    holders = [p for p in pages if "| Description | string |" in (docs / p).read_text()]
    assert len(holders) >= 2
    _edit(docs, holders[-1], lambda t: t.replace("| Description | string |", "| Description | int32 |", 1))
    cache_dir = tmp_path / "cache"
    _rebuild(docs, cache_dir)
    before = [line for line in _run(docs, None)[1] if "[schema-conflict]" in line]
    assert before and any(f"{holders[-1]}:" in line for line in before)
    _edit(docs, holders[-1], _new_paragraph)
    assert _rebuild(docs, cache_dir) == "replayed (1 changed page rebuilt)"
    after = [line for line in _run(docs, None)[1] if "[schema-conflict]" in line]
    assert after != before and len(after) == len(before)


@pytest.mark.parametrize("damage", ["truncated", "a byte of the state", "a byte of the header", "not ours"])
def test_a_damaged_spec_stage_cache_is_a_miss(docs: Path, tmp_path: Path, damage: str) -> None:
    cache_dir = tmp_path / "cache"
    _rebuild(docs, cache_dir)
    [stored] = list((cache_dir / "spec-stage").iterdir())
    data = bytearray(stored.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "a byte of the state":
        data[-100] ^= 0x20
    elif damage == "a byte of the header":
        data[60] ^= 0x20
    else:
        data = bytearray(b"sdkgspc1" + bytes(40) + b"junk")
    stored.write_bytes(bytes(data))
    _edit(docs, BATCH, _new_paragraph)
    assert _rebuild(docs, cache_dir).startswith("built in full")
    assert _rebuild(docs, cache_dir) == "replayed (0 changed pages rebuilt)"  # and stored anew
