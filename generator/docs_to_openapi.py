"""The parse + build pipeline over a docs folder, as one call for the CLI, tests and diff."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.corpus import MAX_PAGE_BYTES, PageResult, Progress, parse_folder, parse_folder_cached
from generator.diagnostics import Diagnostic, Diagnostics, Severity
from generator.gcpause import paused_gc
from generator.spec.document import BuildStats, SpecRecord, build_document

if TYPE_CHECKING:
    from generator.cache import PageCache, PageKey
    from generator.corpus import FolderHashes
    from generator.spec.replay import SpecState
    from generator.stage_cache import SpecStageCache, StageHeader, StoredPage

# More changed pages than this since the stored spec stage: build it in full (and store it anew).
REPLAY_LIMIT = 64
# A replay over this many changed pages stores its result, so the next one starts from it.
RESTORE_AT = 8


@dataclass(frozen=True)
class ParseSummary:
    files: int
    pages: int
    skipped: int  # files that are not endpoint pages (index pages included), or endpoint pages too broken to use
    stats: BuildStats
    warnings: int
    errors: int

    def line(self) -> str:
        s = self.stats
        return (
            f"{self.files} files, {self.pages} endpoint pages, {s.operations} operations"
            f" (+{s.variants} variants), {s.schemas} schemas ({s.fallback_schemas} named by fallback),"
            f" {s.properties} properties"
            f" ({s.untyped_properties} untyped), {self.warnings} warnings, {self.errors} errors,"
            f" {self.skipped} files skipped"
        )


def _summary(counts: tuple[int, int, int], stats: BuildStats, items: list[Diagnostic]) -> ParseSummary:
    files, pages, skipped = counts
    warnings = sum(1 for d in items if d.severity is Severity.WARNING)
    errors = sum(1 for d in items if d.severity is Severity.ERROR)
    return ParseSummary(files, pages, skipped, stats, warnings, errors)


def pages_to_openapi(
    results: list[PageResult], title: str = "SuperOffice WebAPI"
) -> tuple[dict[str, Any], list[Diagnostic], ParseSummary]:
    document, items, summary, _ = build_spec(results, title, record=False)
    return document, items, summary


def build_spec(
    results: list[PageResult], title: str, record: bool
) -> tuple[dict[str, Any], list[Diagnostic], ParseSummary, SpecState | None]:
    """The spec stage over parsed pages; with `record`, also its state for a later replay."""
    diags = Diagnostics()
    parse_ranges: dict[str, tuple[int, int]] = {}
    for result in results:
        start = len(diags.items)
        diags.extend(list(result.diagnostics))
        parse_ranges[result.file] = (start, len(diags.items))
    pages = [result.page for result in results if result.page is not None]
    spec_record = SpecRecord() if record else None
    with paused_gc():
        indexes = [result.index for result in results if result.index is not None]
        document, stats = build_document(pages, diags, title=title, index_pages=indexes, record=spec_record)
    items = diags.sorted()
    counts = (len(results), len(pages), len(results) - len(pages))
    state = None
    if spec_record is not None:
        from generator.spec.replay import record_state

        state = record_state(document, stats, diags.items, parse_ranges, spec_record, counts)
    return document, items, _summary(counts, stats, items), state


def docs_to_openapi(
    docs_dir: Path,
    title: str = "SuperOffice WebAPI",
    cache: PageCache | None = None,
    progress: Progress | None = None,
    max_page_bytes: int = MAX_PAGE_BYTES,
) -> tuple[dict[str, Any], list[Diagnostic], ParseSummary]:
    """Parse every page under `docs_dir` (unchanged pages from `cache`) and build the OpenAPI document.

    With a cache, the spec stage's last result is reused when every page that changed since kept
    its shared contribution (only its own operation's prose changed): those pages' operations are
    rebuilt alone (generator/stage_cache.py, spec/replay.py); the result is the same either way.
    Only regular files inside `docs_dir` of at most `max_page_bytes` are read (see corpus.read_docs_file).
    """
    if cache is None:
        results = parse_folder(docs_dir, progress=progress, max_page_bytes=max_page_bytes)
        return pages_to_openapi(results, title=title)
    from generator.corpus import FolderHashes
    from generator.stage_cache import SpecStageCache

    hashes = FolderHashes(docs_dir, cache, max_page_bytes)
    stage = SpecStageCache(docs_dir, cache.directory)
    header = stage.load_header()
    outcome = _replayed(stage, header, hashes, title, progress)
    if not isinstance(outcome, str):
        return outcome
    cache.spec_reuse = f"built in full: {outcome}"
    results = parse_folder_cached(docs_dir, cache, progress=progress, max_page_bytes=max_page_bytes, hashes=hashes)
    document, items, summary, state = build_spec(results, title, record=True)
    assert state is not None
    stage.save(_header(results, hashes, title), state)
    return document, items, summary


def _header(results: list[PageResult], hashes: FolderHashes, title: str) -> StageHeader:
    from generator.spec.contribution import contribution
    from generator.stage_cache import StageHeader, StoredPage

    pages = {}
    for result in results:
        shared = contribution(result.page, result.index)
        key = (hashes(result.file), tuple((name, hashes(name)) for name in result.includes))
        pages[result.file] = StoredPage(key, shared.digest, shared.lines)
    return StageHeader(title, hashes.limit, list(hashes.files), pages)


def _replayed(
    stage: SpecStageCache, header: StageHeader | None, hashes: FolderHashes, title: str, progress: Progress | None
) -> tuple[dict[str, Any], list[Diagnostic], ParseSummary] | str:
    """The spec stage from its stored state, or why it cannot be (then nothing was changed but the page cache)."""
    from generator.corpus import parse_pages_cached
    from generator.spec.contribution import contribution, line_map
    from generator.spec.replay import ChangedPage, NotReplayable, replay
    from generator.stage_cache import StoredPage

    if header is None:
        return "no stored spec stage"
    if header.title != title or header.max_page_bytes != hashes.limit:
        return "other settings"
    if header.files != hashes.files:
        return "pages added or removed"
    try:
        changed = [file for file in hashes.files if not _unchanged(header.key(file), file, hashes)]
    except (TypeError, ValueError, IndexError):  # a header of other code
        return "stored spec stage does not fit"
    if len(changed) > REPLAY_LIMIT:
        return f"{len(changed)} pages changed"
    results = parse_pages_cached(hashes, changed, progress=progress)
    pages: dict[str, StoredPage] = {}
    moved: dict[str, dict[int, int]] = {}
    for file in changed:
        result = results[file]
        try:
            stored = header.page(file)
        except (TypeError, ValueError):
            return "stored spec stage does not fit"
        shared = contribution(result.page, result.index)
        if not shared.digest or shared.digest != stored.digest:
            return f"{file} changed what it contributes beyond its own operation"
        mapping = line_map(stored.lines, shared.lines)
        if mapping is None or (result.includes and shared.lines != stored.lines):
            return f"{file}: its lines moved in a way the stored diagnostics cannot follow"
        if any(old != new for old, new in mapping.items()):
            moved[file] = mapping
        key = (hashes(file), tuple((name, hashes(name)) for name in result.includes))
        pages[file] = StoredPage(key, shared.digest, shared.lines)
    state = stage.load_state()
    if state is None:
        return "stored spec stage unreadable"
    try:
        with paused_gc():
            changes = {file: ChangedPage(results[file].page, results[file].diagnostics) for file in changed}
            state = replay(state, changes, moved)
            if len(changed) >= RESTORE_AT:
                stage.save(header.with_pages(pages), state)
            document, items, stats = state.outputs()
    except NotReplayable as reason:
        return str(reason)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):  # a state of other code
        return "stored spec stage does not fit"
    # Every unchanged page counts as taken from the cache: it was neither parsed nor loaded.
    hashes.cache.hits += len(hashes.files) - len(changed)
    hashes.cache.spec_reuse = f"replayed ({len(changed)} changed page{'s' if len(changed) != 1 else ''} rebuilt)"
    return document, items, _summary(state.counts, stats, items)


def _unchanged(key: PageKey, file: str, hashes: FolderHashes) -> bool:
    page_hash, includes = key
    return bool(page_hash) and hashes(file) == page_hash and all(hashes(name) == value for name, value in includes)
