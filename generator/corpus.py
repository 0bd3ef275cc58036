"""Reading a docs folder: find the pages, read them, parse them on every core.

This is an I/O edge: it reads files and hands their text to the pure page parser.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.cache import PageCache, digest
from generator.diagnostics import Diagnostic, Diagnostics
from generator.gcpause import paused_gc
from generator.parse import codec
from generator.parse.page import parse_page
from generator.parse.page_model import Page

# Folders that hold include targets or shared text, not endpoint pages.
NON_PAGE_FOLDERS = frozenset({"samples", "includes"})
NON_PAGE_FILES = frozenset({"readme.md"})  # index pages are parsed, found not to be endpoints, and counted as skipped


@dataclass(frozen=True)
class PageResult:
    """The outcome of parsing one file: a page, or None when it is not an endpoint."""

    file: str
    page: Page | None
    diagnostics: tuple[Diagnostic, ...]
    includes: tuple[str, ...] = ()  # include targets the page read (relative to the root)


def find_pages(root: Path) -> list[str]:
    """Relative paths (with '/') of candidate endpoint pages under `root`, sorted."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root)
        dirnames[:] = sorted(
            d for d in dirnames if not (rel_dir == Path(".") and d in NON_PAGE_FOLDERS) and not d.startswith(".")
        )
        for name in filenames:
            if name.endswith(".md") and name.lower() not in NON_PAGE_FILES:
                found.append((rel_dir / name).as_posix())
    return sorted(found)


class _FolderIncludes:
    """Reads include targets relative to the docs root, refusing paths that leave it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.read: list[str] = []  # what the current page included, for the page cache

    def __call__(self, relative: str) -> str | None:
        self.read.append(relative)
        target = (self.root / relative).resolve()
        if self.root not in target.parents or not target.is_file():
            return None
        return target.read_text(encoding="utf-8", errors="replace")


def parse_file(root: Path, relative: str, includes: _FolderIncludes | None = None) -> PageResult:
    diags = Diagnostics()
    try:
        raw = (root / relative).read_bytes()
    except OSError as error:
        diags.error(relative, 0, "read-error", f"cannot read page: {error}")
        return PageResult(relative, None, tuple(diags.items))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        diags.warn(relative, 0, "encoding", f"page is not valid UTF-8 ({error.reason}); undecodable bytes replaced")
        text = raw.decode("utf-8", errors="replace")
    reader = includes or _FolderIncludes(root)
    reader.read = []
    page = parse_page(text.replace("\r\n", "\n"), relative, diags, reader)
    return PageResult(relative, page, tuple(diags.items), tuple(sorted(set(reader.read))))


def _parse_chunk(args: tuple[str, Sequence[str]]) -> list[PageResult]:
    root, files = args
    base = Path(root)
    includes = _FolderIncludes(base)
    with paused_gc():
        return [parse_file(base, relative, includes) for relative in files]


def _parse_chunk_encoded(args: tuple[str, Sequence[str]]) -> bytes:
    """Worker side: parse a chunk and return it compactly encoded (see parse/codec.py)."""
    return codec.dumps(
        [
            (
                r.file,
                None if r.page is None else codec.encode_page(r.page),
                codec.encode_diagnostics(r.diagnostics),
                r.includes,
            )
            for r in _parse_chunk(args)
        ]
    )


def _decode_chunk(data: bytes) -> list[PageResult]:
    return [
        PageResult(
            file, None if page is None else codec.decode_page(page), codec.decode_diagnostics(diags), tuple(includes)
        )
        for file, page, diags, includes in codec.loads(data)
    ]


def _chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


# Told how many pages are done so far, and of how many (progress bars at the CLI edge).
Progress = Callable[[int, int], None]

# Pages per chunk: small enough that the parent and the workers finish together, large enough
# that a chunk's trip through the pool costs little next to parsing it (~30 ms of work).
CHUNK_PAGES = 48


def parse_folder(
    root: Path, files: Sequence[str] | None = None, workers: int | None = None, progress: Progress | None = None
) -> list[PageResult]:
    """Parse every page under `root` (or just `files`), in file order, on all cores.

    The parent process is one of the parsers: worker processes take chunks from the back of the
    list, the parent takes them from the front until it meets a chunk a worker has started. The
    parent's own pages need no encoding for the trip between processes, and no core sits idle.
    """
    files = find_pages(root) if files is None else list(files)
    workers = workers or os.cpu_count() or 1
    chunks = _chunks(files, CHUNK_PAGES)
    if workers == 1 or len(chunks) < 2:
        serial = _parse_chunk((str(root), files))
        if progress is not None:
            progress(len(files), len(files))
        return serial
    done: list[list[PageResult] | None] = [None] * len(chunks)

    def finish(index: int, results: list[PageResult]) -> None:
        done[index] = results
        if progress is not None:
            progress(sum(len(chunks[i]) for i, chunk in enumerate(done) if chunk is not None), len(files))

    with ProcessPoolExecutor(max_workers=workers - 1) as pool, paused_gc():
        futures = {
            index: pool.submit(_parse_chunk_encoded, (str(root), chunks[index]))
            for index in reversed(range(len(chunks)))
        }
        for index in range(len(chunks)):
            if not futures[index].cancel():
                break  # a worker has this chunk, and every chunk after it
            finish(index, _parse_chunk((str(root), chunks[index])))
        for index in reversed(range(len(chunks))):
            if done[index] is None:
                finish(index, _decode_chunk(futures[index].result()))
    return [result for chunk in done if chunk is not None for result in chunk]


def parse_folder_cached(
    root: Path, cache: PageCache, workers: int | None = None, progress: Progress | None = None
) -> list[PageResult]:
    """Like parse_folder, but pages whose bytes (and included files) are unchanged come from `cache`."""
    files = find_pages(root)
    hashes: dict[str, str] = {}

    def file_hash(relative: str) -> str:
        if relative not in hashes:
            try:
                hashes[relative] = digest((root / relative).read_bytes())
            except OSError:
                hashes[relative] = ""
        return hashes[relative]

    results: dict[str, PageResult] = {}
    todo: list[str] = []
    for relative in files:
        hit = cache.get(relative, file_hash(relative), file_hash)
        if isinstance(hit, PageResult):
            results[relative] = hit
        else:
            todo.append(relative)
    for result in parse_folder(root, todo, workers, progress):
        results[result.file] = result
        cache.put(result.file, file_hash(result.file), [(name, file_hash(name)) for name in result.includes], result)
    if todo:
        cache.save(files)
    return [results[relative] for relative in files]
