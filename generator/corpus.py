"""Reading a docs folder: find the pages, read them, parse them on every core.

This is an I/O edge: it reads files and hands their text to the pure page parser.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic, Diagnostics, Severity
from generator.gcpause import paused_gc
from generator.parse import codec
from generator.parse.decode import decode_page
from generator.parse.index_page import index_from_blocks, is_index_file
from generator.parse.page import IncludeRefused, page_blocks, page_from_blocks
from generator.parse.page_model import IndexPage, Page

if TYPE_CHECKING:  # the page cache (and its hashing and pickling) is only loaded by cached builds
    from generator.cache import PageCache

# Folders that hold include targets or shared text, not endpoint pages.
NON_PAGE_FOLDERS = frozenset({"samples", "includes"})
NON_PAGE_FILES = frozenset({"readme.md"})  # index pages are parsed, found not to be endpoints, and counted as skipped
# Pages (and include targets) larger than this are refused: the largest reference page is ~0.3 MB.
MAX_PAGE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class PageResult:
    """The outcome of parsing one file: a page, or None when it is not an endpoint."""

    file: str
    page: Page | None
    diagnostics: tuple[Diagnostic, ...]
    includes: tuple[str, ...] = ()  # include targets the page read (relative to the root)
    index: IndexPage | None = None  # an agent's or entity's index page (parse/index_page.py)


def find_pages(root: Path) -> list[str]:
    """Relative paths (with '/') of candidate endpoint pages under `root`, sorted.

    Links to folders are not followed (a linked folder would list its pages twice, or pages from
    outside the docs); they are listed so that `parse_file` reports them instead of losing them.
    """
    return sorted(_walk_pages(str(root), "", {}))


def _walk_pages(folder: str, prefix: str, signatures: dict[str, FileSignature]) -> list[str]:
    """The pages under `folder` (as os.walk lists them, top-down, links to folders not entered),
    with the stat signature of each regular one in `signatures` (see plain_file_signature)."""
    found: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:  # an unreadable folder is skipped, as os.walk does
        return found
    folders: list[os.DirEntry[str]] = []
    for entry in entries:
        try:
            is_folder = entry.is_dir()  # follows links, as os.walk's split does
        except OSError:
            is_folder = False
        if is_folder:
            if not (not prefix and entry.name in NON_PAGE_FOLDERS) and not entry.name.startswith("."):
                folders.append(entry)
        elif entry.name.endswith(".md") and entry.name.lower() not in NON_PAGE_FILES:
            relative = prefix + entry.name
            found.append(relative)
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                signatures[relative] = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
    for entry in folders:
        if entry.is_symlink():
            found.append(prefix + entry.name)
        else:
            found += _walk_pages(entry.path, f"{prefix}{entry.name}/", signatures)
    return found


class Refused(Exception):
    """A docs file the parser will not read; `code` and the message become the diagnostic."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def read_docs_file(root: Path, relative: str, limit: int = MAX_PAGE_BYTES, *, root_resolved: bool = False) -> bytes:
    """The bytes of `relative`, if it is a regular file inside `root` of at most `limit` bytes.

    Links are resolved and must stay inside `root` (resolved). The file's type and size are checked
    before it is opened, and again on the open descriptor (the file may be swapped in between); it is
    opened non-blocking and never read past `limit` + 1 bytes, so a FIFO, a device or a huge file
    neither blocks the run nor fills the memory. Raises Refused, or OSError when it cannot be read.
    """
    base = root if root_resolved else root.resolve()
    target, info = _inside(base, relative)
    if not stat.S_ISREG(info.st_mode):
        raise Refused("page-not-regular", f"is {_kind(info.st_mode)}; only regular files are read")
    if info.st_size > limit:
        raise Refused("page-too-large", f"is {info.st_size} bytes, over the {limit}-byte page limit; not read")
    fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("page-not-regular", f"is {_kind(info.st_mode)}; only regular files are read")
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    if left <= 0:
        raise Refused("page-too-large", f"is over the {limit}-byte page limit (it grew while read); not read")
    return b"".join(chunks)


def _inside(base: Path, relative: str) -> tuple[str, os.stat_result]:
    """`relative` under the resolved `base`, with its links resolved, and its stat; Refused when it
    leads outside `base`. Plain relative paths without links (nearly every page) cost one lstat per
    folder level, not the full resolution of the whole path (Path.resolve lstats every component
    of the root again, for every page)."""
    parts = relative.split("/")
    if not any(part in ("", ".", "..") for part in parts):
        current = str(base)
        for part in parts:
            current = os.path.join(current, part)
            info = os.lstat(current)
            if stat.S_ISLNK(info.st_mode):
                break
        else:
            return current, info
    target = (base / relative).resolve(strict=True)
    if target != base and base not in target.parents:
        raise Refused("page-outside", f"links to {target}, outside the docs folder; not read")
    return str(target), os.stat(target)


class _FolderIncludes:
    """Reads include targets relative to the docs root, refusing what `read_docs_file` refuses."""

    def __init__(self, root: Path, limit: int = MAX_PAGE_BYTES) -> None:
        self.root = root.resolve()
        self.limit = limit
        self.read: list[str] = []  # what the current page included, for the page cache

    def __call__(self, relative: str) -> str | None:
        self.read.append(relative)
        try:
            raw = read_docs_file(self.root, relative, self.limit, root_resolved=True)
        except Refused as refused:
            raise IncludeRefused(str(refused)) from None
        except (OSError, RuntimeError):  # missing, or a link loop
            return None
        return decode_page(raw)[0]


def parse_file(
    root: Path, relative: str, includes: _FolderIncludes | None = None, limit: int = MAX_PAGE_BYTES
) -> PageResult:
    """Read and parse one page. Never raises: whatever goes wrong becomes a diagnostic naming the page."""
    diags = Diagnostics()
    reader = includes or _FolderIncludes(root, limit)
    try:
        raw = read_docs_file(reader.root, relative, limit, root_resolved=True)
    except Refused as refused:
        diags.warn(relative, 0, refused.code, f"{relative} {refused}")
        return PageResult(relative, None, tuple(diags.items))
    except (OSError, RuntimeError) as error:
        diags.error(relative, 0, "read-error", f"cannot read page: {error}")
        return PageResult(relative, None, tuple(diags.items))
    reader.read = []
    try:
        text, problem = decode_page(raw)
        if problem:
            diags.warn(relative, 0, "encoding", problem)
        front, blocks = page_blocks(text, relative, diags)
        page = page_from_blocks(front, blocks, relative, diags, reader)
        index = index_from_blocks(front, blocks, relative) if page is None and is_index_file(relative) else None
    except Exception as error:  # one page must never stop the run (RecursionError, ...)
        diags.error(relative, 0, "internal-error", f"page could not be parsed ({_describe(error)}); skipped")
        page = index = None
    return PageResult(relative, page, tuple(diags.items), tuple(sorted(set(reader.read))), index)


def _describe(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}"
    return text if len(text) <= 200 else text[:197] + "..."


ChunkArgs = tuple[str, Sequence[str], int]  # docs root, pages, page size limit


def _parse_chunk(args: ChunkArgs) -> list[PageResult]:
    root, files, limit = args
    base = Path(root)
    includes = _FolderIncludes(base, limit)
    with paused_gc():
        return [parse_file(base, relative, includes, limit) for relative in files]


def _parse_chunk_encoded(args: ChunkArgs) -> bytes:
    """Worker side: parse a chunk and return it compactly encoded (see parse/codec.py)."""
    return codec.dumps(
        [
            (
                r.file,
                None if r.page is None else codec.encode_page(r.page),
                codec.encode_diagnostics(r.diagnostics),
                r.includes,
                None if r.index is None else codec.encode_index(r.index),
            )
            for r in _parse_chunk(args)
        ]
    )


def _decode_chunk(data: bytes) -> list[PageResult]:
    return [
        PageResult(
            file,
            None if page is None else codec.decode_page(page),
            codec.decode_diagnostics(diags),
            tuple(includes),
            None if index is None else codec.decode_index(index),
        )
        for file, page, diags, includes, index in codec.loads(data)
    ]


def _worker_chunk(future: Future[bytes], args: ChunkArgs) -> list[PageResult]:
    """A worker's results; when the worker died or its results could not travel back, the chunk
    is parsed again here (every page is guarded by parse_file), and the failure is reported."""
    try:
        return _decode_chunk(future.result())
    except Exception as error:  # BrokenProcessPool, marshal limits, ...
        results = _parse_chunk(args)
        if results:
            first = results[0]
            note = Diagnostic(
                first.file,
                0,
                Severity.WARNING,
                "worker-failed",
                f"the worker process parsing {len(results)} pages from {first.file} on failed "
                f"({_describe(error)}); they were parsed again in the main process",
            )
            results[0] = PageResult(first.file, first.page, (*first.diagnostics, note), first.includes, first.index)
        return results


def _chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


# Told how many pages are done so far, and of how many (progress bars at the CLI edge).
Progress = Callable[[int, int], None]

# Pages per chunk: small enough that the parent and the workers finish together, large enough
# that a chunk's trip through the pool costs little next to parsing it (~30 ms of work).
CHUNK_PAGES = 48


def parse_folder(
    root: Path,
    files: Sequence[str] | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    max_page_bytes: int = MAX_PAGE_BYTES,
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
        serial = _parse_chunk((str(root), files, max_page_bytes))
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
            index: pool.submit(_parse_chunk_encoded, (str(root), chunks[index], max_page_bytes))
            for index in reversed(range(len(chunks)))
        }
        back = len(chunks) - 1  # the next worker chunk to take in, from the back
        for index in range(len(chunks)):
            if not futures[index].cancel():
                break  # a worker has this chunk, and every chunk after it
            finish(index, _parse_chunk((str(root), chunks[index], max_page_bytes)))
            # Take in what the workers have finished meanwhile, while they go on parsing: decoded
            # at the end, their chunks would keep the parent busy while the workers sit idle.
            while back > index and futures[back].done():
                if done[back] is None:
                    finish(back, _worker_chunk(futures[back], (str(root), chunks[back], max_page_bytes)))
                back -= 1
        for index in reversed(range(len(chunks))):
            if done[index] is None:
                finish(index, _worker_chunk(futures[index], (str(root), chunks[index], max_page_bytes)))
    return [result for chunk in done if chunk is not None for result in chunk]


class FolderHashes:
    """The pages of a docs folder and the content hash of any docs file, each hashed at most once;
    a file whose stat signature is as the page cache last saw it is not read (see `_racy`).

    Files that cannot or may not be read hash to "" and are never cached: they are parsed (refused) again.
    """

    def __init__(self, root: Path, cache: PageCache, max_page_bytes: int = MAX_PAGE_BYTES) -> None:
        self.root = root
        self.base = root.resolve()
        self.cache = cache
        self.limit = max_page_bytes
        # Stat signatures taken while listing the pages: the folders walked are no links, so
        # these are what plain_file_signature would find, without an lstat per folder level.
        self._signatures: dict[str, FileSignature] = {}
        self.files = sorted(_walk_pages(str(root), "", self._signatures))
        self._hashes: dict[str, str] = {}

    def __call__(self, relative: str) -> str:
        known = self._hashes.get(relative)
        if known is not None:
            return known
        from generator.cache import digest

        signature = self._signatures.get(relative) or plain_file_signature(self.base, relative)
        known = self.cache.known_hash(relative, signature)
        if known is None:
            try:
                known = digest(read_docs_file(self.base, relative, self.limit, root_resolved=True))
            except (Refused, OSError, RuntimeError):
                known = ""
            if known and signature is not None and not _racy(signature):
                self.cache.record_hash(relative, signature, known)
        self._hashes[relative] = known
        return known


def parse_folder_cached(
    root: Path,
    cache: PageCache,
    workers: int | None = None,
    progress: Progress | None = None,
    max_page_bytes: int = MAX_PAGE_BYTES,
    hashes: FolderHashes | None = None,
) -> list[PageResult]:
    """Like parse_folder, but pages whose bytes (and included files) are unchanged come from `cache`."""
    hashes = hashes or FolderHashes(root, cache, max_page_bytes)
    results = parse_pages_cached(hashes, hashes.files, workers, progress)
    return [results[relative] for relative in hashes.files]


def parse_pages_cached(
    hashes: FolderHashes, files: Sequence[str], workers: int | None = None, progress: Progress | None = None
) -> dict[str, PageResult]:
    """The results of `files` (some of `hashes.files`), from the page cache or parsed and added to it."""
    cache = hashes.cache
    results: dict[str, PageResult] = {}
    todo: list[str] = []
    for relative in files:
        hit = cache.get(relative, hashes(relative), hashes)
        if isinstance(hit, PageResult):
            results[relative] = hit
        else:
            todo.append(relative)
    for result in parse_folder(hashes.root, todo, workers, progress, hashes.limit):
        results[result.file] = result
        if hashes(result.file):
            cache.put(result.file, hashes(result.file), [(name, hashes(name)) for name in result.includes], result)
    pages = set(hashes.files)
    if todo or cache.hashes_changed or any(name not in pages for name in cache.names()):  # or removed pages
        cache.save(hashes.files)
    return results


FileSignature = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns

# A file changed this recently may change again within the same timestamp tick, keeping its
# signature (git's "racy clean" entries): it is hashed on every run until it is this old.
RACY_NS = 3_000_000_000


def _racy(signature: FileSignature) -> bool:
    return time.time_ns() - max(signature[1], signature[3]) < RACY_NS


def plain_file_signature(base: Path, relative: str) -> FileSignature | None:
    """(size, mtime_ns, inode, ctime_ns) of `relative` under the resolved `base`, when it is a regular
    file reached through no link (else None: links, `..` and the like are always read and hashed).

    The page cache trusts an unchanged signature to mean unchanged bytes, as make and git's index
    do: a rewrite that keeps size, mtime, inode and ctime alike goes unseen. ctime cannot be set
    from user space, so that takes a rewrite within the file system's timestamp granularity; any
    stat change re-hashes the file, and the content hash stays the cache key.
    """
    parts = relative.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    current = str(base)
    info: os.stat_result | None = None
    for part in parts:
        current = os.path.join(current, part)
        try:
            info = os.lstat(current)
        except OSError:
            return None
        if stat.S_ISLNK(info.st_mode):
            return None
    if info is None or not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
