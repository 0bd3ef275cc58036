"""The spec stage's last result for one docs folder, so that an edit to pages' prose does not run
the spec stage again (see spec/contribution.py for what counts as prose, spec/replay.py for how
the stored result is brought up to date).

One file per docs folder under `$SDKGEN_CACHE_DIR/spec-stage/`, named by the folder and a
fingerprint of the code of the parse and spec stages. It holds a small header (per page: the
content hashes the page cache keys it by, the digest of its shared contribution, its shared
line numbers) and the state itself (document, diagnostics, stats, per-page operation contexts),
each marshalled and checked by a digest: a build reads the state only when the header shows that
every changed page kept its shared contribution. A file that is missing, truncated, damaged or
written by other code is a miss, and the spec stage runs in full.
"""

from __future__ import annotations

import hashlib
import marshal
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.cache import PageKey, code_fingerprint, digest
from generator.files import atomic_write
from generator.gcpause import paused_gc
from generator.spec.replay import SpecState

_MAGIC = b"sdkgspc1"
_PREFIX = struct.Struct("<QQ16s16s")  # header length, state length, their digests
_FORMAT = 1
# Everything that decides what the spec stage makes of a docs folder.
_STAGE_CODE = (
    "parse",
    "spec",
    "openapi",
    "corpus.py",
    "docs_to_openapi.py",
    "diagnostics.py",
    "media.py",
    "cache.py",
    "stage_cache.py",
)


@dataclass(frozen=True)
class StoredPage:
    key: PageKey  # page hash, (include, hash)...: as the page cache keys the page
    digest: bytes  # spec/contribution.py
    lines: tuple[int, ...]

    def plain(self) -> tuple[Any, ...]:
        return (self.key[0], self.key[1], self.digest, self.lines)

    @classmethod
    def from_plain(cls, plain: Any) -> StoredPage:
        page_hash, includes, page_digest, lines = plain
        if not isinstance(page_hash, str) or not isinstance(page_digest, bytes) or not isinstance(lines, tuple):
            raise ValueError("not a stored page")
        return cls((page_hash, tuple((str(name), str(value)) for name, value in includes)), page_digest, lines)


class StageHeader:
    """What the stored state was built from: settings, the pages, and per page a `StoredPage`
    (kept as read, and turned into one only when asked: most pages are only compared by key)."""

    def __init__(self, title: str, max_page_bytes: int, files: list[str], pages: dict[str, Any]) -> None:
        self.title = title
        self.max_page_bytes = max_page_bytes
        self.files = files
        self._pages = pages  # file -> StoredPage or its plain tuple

    def page(self, file: str) -> StoredPage:
        stored = self._pages[file]
        return stored if isinstance(stored, StoredPage) else StoredPage.from_plain(stored)

    def key(self, file: str) -> PageKey:
        stored = self._pages[file]
        return stored.key if isinstance(stored, StoredPage) else (stored[0], stored[1])

    def with_pages(self, pages: dict[str, StoredPage]) -> StageHeader:
        return StageHeader(self.title, self.max_page_bytes, self.files, {**self._pages, **pages})

    def plain(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "title": self.title,
            "max_page_bytes": self.max_page_bytes,
            "files": self.files,
            "pages": {
                file: page.plain() if isinstance(page, StoredPage) else page for file, page in self._pages.items()
            },
        }

    @classmethod
    def from_plain(cls, plain: Any) -> StageHeader:
        if not isinstance(plain, dict) or plain.get("format") != _FORMAT:
            raise ValueError("not a spec stage header")
        title, limit, files, pages = plain["title"], plain["max_page_bytes"], plain["files"], plain["pages"]
        if not isinstance(title, str) or not isinstance(limit, int) or not isinstance(files, list):
            raise ValueError("not a spec stage header")
        if not isinstance(pages, dict) or pages.keys() != set(files):
            raise ValueError("not a spec stage header")
        return cls(title, limit, files, pages)


class SpecStageCache:
    def __init__(self, docs_root: Path, directory: Path) -> None:
        key = digest(f"{docs_root.resolve()}\n{code_fingerprint(*_STAGE_CODE)}".encode())[:32]
        self.path = directory / "spec-stage" / f"{key}.bin"
        self._state_at: tuple[int, int, bytes] | None = None  # offset, length, digest of the state read

    def load_header(self) -> StageHeader | None:
        try:
            with self.path.open("rb") as handle:
                if handle.read(len(_MAGIC)) != _MAGIC:
                    return None
                header_length, state_length, header_digest, state_digest = _PREFIX.unpack(handle.read(_PREFIX.size))
                data = handle.read(header_length)
            if len(data) != header_length or _digest(data) != header_digest:
                return None
            header = StageHeader.from_plain(marshal.loads(data))
        except (OSError, EOFError, ValueError, TypeError, KeyError, struct.error):
            return None
        self._state_at = (len(_MAGIC) + _PREFIX.size + header_length, state_length, state_digest)
        return header

    def load_state(self) -> SpecState | None:
        """The state the header read by `load_header` belongs to (None if it cannot be read)."""
        if self._state_at is None:
            return None
        offset, length, state_digest = self._state_at
        try:
            with self.path.open("rb") as handle:
                handle.seek(offset)
                data = handle.read(length)
            if len(data) != length or _digest(data) != state_digest:
                return None  # damaged, or another build replaced the file meanwhile
            with paused_gc():  # ~10^6 dicts and lists, none of them cyclic
                return SpecState.from_plain(marshal.loads(data))
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            return None

    def save(self, header: StageHeader, state: SpecState) -> None:
        head = marshal.dumps(header.plain(), 4)
        body = marshal.dumps(state.to_plain(), 4)
        prefix = _MAGIC + _PREFIX.pack(len(head), len(body), _digest(head), _digest(body))
        atomic_write(self.path, prefix + head + body)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()
