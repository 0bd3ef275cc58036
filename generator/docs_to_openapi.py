"""The parse + build pipeline over a docs folder, as one call for the CLI, tests and diff."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.corpus import MAX_PAGE_BYTES, PageResult, Progress, parse_folder, parse_folder_cached
from generator.diagnostics import Diagnostic, Diagnostics, Severity
from generator.gcpause import paused_gc
from generator.spec.document import BuildStats, build_document

if TYPE_CHECKING:
    from generator.cache import PageCache


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


def pages_to_openapi(
    results: list[PageResult], title: str = "SuperOffice WebAPI"
) -> tuple[dict[str, Any], list[Diagnostic], ParseSummary]:
    diags = Diagnostics()
    for result in results:
        diags.extend(list(result.diagnostics))
    pages = [result.page for result in results if result.page is not None]
    with paused_gc():
        indexes = [result.index for result in results if result.index is not None]
        document, stats = build_document(pages, diags, title=title, index_pages=indexes)
    items = diags.sorted()
    summary = ParseSummary(
        files=len(results),
        pages=len(pages),
        skipped=len(results) - len(pages),
        stats=stats,
        warnings=sum(1 for d in items if d.severity is Severity.WARNING),
        errors=sum(1 for d in items if d.severity is Severity.ERROR),
    )
    return document, items, summary


def docs_to_openapi(
    docs_dir: Path,
    title: str = "SuperOffice WebAPI",
    cache: PageCache | None = None,
    progress: Progress | None = None,
    max_page_bytes: int = MAX_PAGE_BYTES,
) -> tuple[dict[str, Any], list[Diagnostic], ParseSummary]:
    """Parse every page under `docs_dir` (unchanged pages from `cache`) and build the OpenAPI document.

    Only regular files inside `docs_dir` of at most `max_page_bytes` are read (see corpus.read_docs_file).
    """
    if cache is None:
        results = parse_folder(docs_dir, progress=progress, max_page_bytes=max_page_bytes)
    else:
        results = parse_folder_cached(docs_dir, cache, progress=progress, max_page_bytes=max_page_bytes)
    return pages_to_openapi(results, title=title)
