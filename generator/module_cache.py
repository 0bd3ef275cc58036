"""The module cache: finished output modules, sample cases and plan memos of earlier builds,
and the delta path's state, as entries of one SQLite file (`$SDKGEN_CACHE_DIR/modules`).

A build reads and writes only the entries it uses or changes; any SQLite error or damaged entry
is a miss, so the cache can make a build faster, never wrong (see generator/cache.py for the
page cache and the build stamp).
"""

from __future__ import annotations

import marshal
import pickle
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from generator.cache import code_fingerprint, digest
from generator.files import cache_root


class DeltaStore:
    """Entries by (kind, key) in one SQLite file, so that a build reads and writes only the entries
    it uses or changes (generator/delta.py). Any SQLite error makes the store empty (reads miss,
    writes are dropped): an unreadable file is deleted and started afresh on the next open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: Any = None
        self._opened = False

    def _connect(self) -> Any:
        if self._opened:
            return self._db
        self._opened = True
        import sqlite3

        for attempt in range(2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
                # WAL: a commit is atomic without an fsync (a cache may lose its last build on a
                # power cut, never mix two), and readers never wait for a writer.
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS entry (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key))"
                )
                db.execute("BEGIN")
                self._db = db
                return db
            except (sqlite3.Error, OSError):
                if attempt == 0:  # not a database (or damaged): start again from nothing
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        return None

    def _run(self, sql: str, *args: Any) -> list[Any]:
        import sqlite3

        db = self._connect()
        if db is None:
            return []
        try:
            rows: list[Any] = db.execute(sql, args).fetchall()
            return rows
        except sqlite3.Error:
            self._db = None
            return []

    def get(self, kind: str, key: str) -> bytes | None:
        rows = self._run("SELECT value FROM entry WHERE kind = ? AND key = ?", kind, key)
        return bytes(rows[0][0]) if rows else None

    def get_all(self, kind: str) -> dict[str, bytes]:
        return {key: bytes(value) for key, value in self._run("SELECT key, value FROM entry WHERE kind = ?", kind)}

    def put(self, kind: str, key: str, value: bytes) -> None:
        self._run("INSERT OR REPLACE INTO entry (kind, key, value) VALUES (?, ?, ?)", kind, key, value)

    def delete_missing(self, kind: str, keep: Iterable[str]) -> None:
        """Remove the entries of `kind` whose key is not in `keep` (what the last build did not use)."""
        keep_set = set(keep)
        stale = [key for (key,) in self._run("SELECT key FROM entry WHERE kind = ?", kind) if key not in keep_set]
        for key in stale:
            self._run("DELETE FROM entry WHERE kind = ? AND key = ?", kind, key)

    def commit(self, *, checkpoint: bool = False) -> None:
        """Make the writes so far durable as one; `checkpoint` folds the log into the file (after
        a big write, so that the next build's small commits do not pay for it)."""
        import sqlite3

        if self._db is None:
            return
        try:
            self._db.execute("COMMIT")
            if checkpoint:  # the last connection's close folds the log in and removes it
                self._db.close()
                self._db, self._opened = None, False
            else:
                self._db.execute("BEGIN")
        except sqlite3.Error:
            self._db = None


class _Kind(Mapping[str, Any]):
    """The entries of one kind of a DeltaStore as a read-only mapping, read in one query on first
    use and decoded entry by entry when asked (a damaged entry is a miss)."""

    def __init__(self, store: DeltaStore, kind: str, decode: Callable[[bytes], Any]) -> None:
        self._store, self._kind, self._decode = store, kind, decode
        self._raw: dict[str, bytes] | None = None

    @property
    def raw(self) -> dict[str, bytes]:
        if self._raw is None:
            self._raw = self._store.get_all(self._kind)
        return self._raw

    def __getitem__(self, key: str) -> Any:
        try:
            return self._decode(self.raw[key])
        except KeyError:
            raise
        except Exception:  # a damaged entry is a miss
            raise KeyError(key) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def write(self, used: Mapping[str, Any], encode: Callable[[Any], bytes]) -> None:
        """Keep exactly `used`: insert what is new, delete what this build did not use."""
        stored = self.raw
        for key, value in used.items():
            if key not in stored:
                self._store.put(self._kind, key, value if isinstance(value, bytes) else encode(value))
        self._store.delete_missing(self._kind, used)


def _unpickle(data: bytes) -> Any:
    return pickle.loads(data)


def _pickle(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


class ModuleCache:
    """Finished (rendered and formatted) output modules and the plan's sample cases, by key.

    The store is keyed by sdkgen's code and the templates' fingerprint, so a template or code
    change starts afresh; within it, a module's key digests the plan object it was rendered
    from and a case's key the spec fragments it was checked against (see plan/fragments.py).
    Everything lives in one SQLite file (`delta`, a `DeltaStore`): the delta path's entries
    (generator/delta.py) and the memo's kinds, each read on first use and written entry by entry
    (only entries used by the last build are kept, so the file does not grow with edits). A build
    the delta path serves never reads the memo's kinds.
    """

    def __init__(self, project_root: Path, templates: str, directory: Path | None = None) -> None:
        key = digest(f"{project_root.resolve()}\n{code_fingerprint()}\n{templates}".encode())[:32]
        self.path = (directory or cache_root()) / "modules" / f"{key}.sqlite"
        self.bytecode_dir = (directory or cache_root()) / "jinja"  # compiled templates (render/__init__.py)
        self.delta = DeltaStore(self.path)
        self.modules = _Kind(self.delta, "memo-module", bytes.decode)
        self.cases = _Kind(self.delta, "memo-case", _unpickle)
        self.texts = _Kind(self.delta, "memo-text", bytes.decode)
        self.refs = _Kind(self.delta, "memo-ref", marshal.loads)  # fragment digest -> refs
        self.models = _Kind(self.delta, "memo-model", bytes)  # pickled model plans by memo key
        self.operations = _Kind(self.delta, "memo-operation", bytes)  # pickled method plans
        self.used_modules: dict[str, str] = {}
        self.hits = 0

    def get(self, key: str) -> str | None:
        text = self.modules.get(key)
        if text is not None:
            self.hits += 1
            self.used_modules[key] = text
        return text

    def put(self, key: str, text: str) -> None:
        self.used_modules[key] = text

    def save(
        self,
        cases: dict[str, Any],
        texts: dict[str, str],
        refs: dict[str, tuple[str, ...]] | None = None,
        models: dict[str, Any] | None = None,
        operations: dict[str, Any] | None = None,
    ) -> None:
        """Keep what this build used: new entries are written, unused ones deleted, the rest untouched."""
        self.modules.write(self.used_modules, str.encode)
        self.cases.write(cases, _pickle)
        self.texts.write(texts, str.encode)
        self.refs.write(refs or {}, lambda value: marshal.dumps(value, 2))
        self.models.write(models or {}, _pickle)
        self.operations.write(operations or {}, _pickle)
        self.delta.commit()
