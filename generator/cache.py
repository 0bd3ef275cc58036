"""Content-hash caches that live outside the repository (`$SDKGEN_CACHE_DIR`, else ~/.cache/sdkgen).

- `PageCache`: parsed pages keyed by the bytes of the page and of every file it includes, so a
  re-run re-parses only the pages that changed.
- `BuildStamp`: a fingerprint of every input of `sdkgen build` (docs, templates, tool code and
  config) together with the hashes of the outputs it wrote; when neither side changed, the build
  has nothing to do.

Both are keyed by a fingerprint of sdkgen's own code, so a new version never reuses old entries, and
both treat any unreadable or corrupt file as a miss: a cache can make a run faster, never wrong.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import stat
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from generator import __version__
from generator.files import atomic_write, cache_root
from generator.gcpause import paused_gc

_PACKAGE = Path(__file__).resolve().parent
# PageCache file layout; any other value (or none: format 1) is a miss. Format 3: an index pickle
# (signatures, each page's hashes), then a pickle of the page models, read only when needed.
_PAGE_FORMAT = 3


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def code_fingerprint(*parts: str) -> str:
    """Hash of sdkgen's version and the source of the given subpackages and modules (`spec`,
    `corpus.py`; all of it by default)."""
    h = hashlib.sha256(__version__.encode())
    roots = [_PACKAGE / part for part in parts] if parts else [_PACKAGE]
    for root in roots:
        for path in [root] if root.suffix == ".py" else sorted(root.rglob("*.py")):
            h.update(path.relative_to(_PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _load(path: Path) -> Any:
    # Unpickling allocates ~10^5 acyclic objects; the cyclic collector would re-scan them for
    # nothing (half the load time of the page cache).
    try:
        with path.open("rb") as handle, paused_gc():
            return pickle.load(handle)
    except Exception:
        return None


def _store(path: Path, value: Any) -> None:
    atomic_write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


Signature = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns (see corpus.plain_file_signature)
PageKey = tuple[str, tuple[tuple[str, str], ...]]  # page hash, (include, hash)...
PageEntry = tuple[str, tuple[tuple[str, str], ...], Any]  # page hash, (include, hash)..., result


def _page_state(loaded: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(entries, signatures) of a page cache index or delta of this format, else None (a miss)."""
    if not isinstance(loaded, dict) or loaded.get("format") != _PAGE_FORMAT:
        return None
    entries, signatures = loaded.get("entries"), loaded.get("signatures")
    if not isinstance(entries, dict) or not isinstance(signatures, dict):
        return None
    return entries, signatures


def _load_index(path: Path) -> tuple[dict[str, Any], dict[str, Any], bytes, int] | None:
    """(page keys, signatures, token, offset of the page models) of a page cache file, else None."""
    try:
        with path.open("rb") as handle, paused_gc():
            index = pickle.load(handle)
            offset = handle.tell()
    except Exception:
        return None
    state = _page_state(index)
    token = index.get("token") if state else None
    return (state[0], state[1], token, offset) if state and isinstance(token, bytes) else None


class PageCache:
    """Parsed pages of one docs folder, keyed by content hash.

    The file holds every page; a build that re-parsed a few pages writes only those to a small
    delta file next to it instead of pickling all of them again, and the delta is folded into the
    main file once it holds DELTA_LIMIT pages. The main file starts with an index (each page's
    hashes, the files' stat signatures) and the page models follow: they are unpickled on the
    first `get` that needs one, so a build that takes no unchanged page from here (the spec
    stage replayed, generator/stage_cache.py) never loads them. Every entry is checked against
    the content hashes on use, so a delta that does not belong to its main file (a crash between
    the two writes) can cost misses, never a wrong page.
    """

    DELTA_LIMIT = 64

    def __init__(self, docs_root: Path, directory: Path | None = None) -> None:
        self.docs_root = docs_root
        self.directory = directory or cache_root()
        key = digest(f"{docs_root.resolve()}\n{code_fingerprint('parse')}".encode())[:32]
        self.path = self.directory / "pages" / f"{key}.pickle"
        self.delta_path = self.path.with_name(f"{key}.delta.pickle")
        base = _load_index(self.path)
        self._has_base = base is not None
        self._keys: dict[str, Any] = dict(base[0]) if base else {}
        # File -> (stat signature, content hash) as last hashed: the fast path of corpus.file_hash.
        self.signatures: dict[str, tuple[Signature, str]] = dict(base[1]) if base else {}
        self._token, self._offset = (base[2], base[3]) if base else (b"", 0)
        self._models: dict[str, Any] | None = None if base else {}  # the main file's results, once loaded
        delta = _page_state(_load(self.delta_path)) if base else None
        # Pages (None: removed) and signatures written since the main file, and still to be.
        self._delta: dict[str, PageEntry | None] = dict(delta[0]) if delta else {}
        self._delta_signatures: dict[str, tuple[Signature, str]] = dict(delta[1]) if delta else {}
        for name, entry in self._delta.items():
            if entry is None:
                self._keys.pop(name, None)
            elif isinstance(entry, tuple) and len(entry) == 3:
                self._keys[name] = entry[:2]
        self.signatures.update(self._delta_signatures)
        self.hashes_changed = False
        self.hits = 0
        self.spec_reuse = ""  # how the last docs_to_openapi over this cache built the spec (stage_cache.py)

    @property
    def models_loaded(self) -> bool:
        """True once the main file's page models were unpickled (a replayed spec stage needs none)."""
        return bool(self._models)

    def names(self) -> set[str]:
        """The pages this cache holds."""
        return set(self._keys)

    def known_hash(self, relative: str, signature: Signature | None) -> str | None:
        """The content hash recorded for `relative` when its stat signature is still the same."""
        if signature is None:
            return None
        known = self.signatures.get(relative)
        if not isinstance(known, tuple) or len(known) != 2 or known[0] != signature or not isinstance(known[1], str):
            return None
        return known[1]

    def record_hash(self, relative: str, signature: Signature, content_hash: str) -> None:
        self.signatures[relative] = self._delta_signatures[relative] = (signature, content_hash)
        self.hashes_changed = True

    def _model(self, relative: str) -> Any:
        entry = self._delta.get(relative)
        if entry is not None:
            return entry[2]
        if self._models is None:
            self._models = self._load_models()
        return self._models.get(relative)

    def _load_models(self) -> dict[str, Any]:
        try:
            with self.path.open("rb") as handle, paused_gc():
                handle.seek(self._offset)
                token, models = pickle.load(handle)
        except Exception:
            return {}
        # Another build may have replaced the file since its index was read: its models are not ours.
        return models if token == self._token and isinstance(models, dict) else {}

    def get(self, relative: str, page_hash: str, file_hash: Any) -> Any:
        """The cached result, if the page and every file it included are unchanged."""
        entry = self._keys.get(relative)
        try:
            if entry is None or entry[0] != page_hash:
                return None
            for include, include_hash in entry[1]:
                if file_hash(include) != include_hash:
                    return None
            result = self._model(relative)
        except (TypeError, ValueError, IndexError):  # a damaged entry is a miss
            return None
        if result is None:
            return None
        self.hits += 1
        return result

    def put(self, relative: str, page_hash: str, includes: Iterable[tuple[str, str]], result: Any) -> None:
        entry = (page_hash, tuple(includes), result)
        self._keys[relative] = entry[:2]
        self._delta[relative] = entry

    def save(self, keep: Iterable[str]) -> None:
        keep_set = set(keep)
        for name in [name for name in self._keys if name not in keep_set]:
            del self._keys[name]
            self._delta[name] = None
        small = len(self._delta) <= self.DELTA_LIMIT and len(self._delta_signatures) <= 4 * self.DELTA_LIMIT
        if self._has_base and small:
            state = {"format": _PAGE_FORMAT, "entries": self._delta, "signatures": self._delta_signatures}
            _store(self.delta_path, state)
        else:
            models = {name: self._model(name) for name in self._keys}
            keys = {name: key for name, key in self._keys.items() if models[name] is not None}
            models = {name: models[name] for name in keys}
            read = set(keys) | {include for _, includes in keys.values() for include, _ in includes}
            self.signatures = {name: known for name, known in self.signatures.items() if name in read}
            self._token = os.urandom(16)
            index = {"format": _PAGE_FORMAT, "token": self._token, "entries": keys, "signatures": self.signatures}
            first = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
            self._offset = len(first)
            atomic_write(self.path, first + pickle.dumps((self._token, models), protocol=pickle.HIGHEST_PROTOCOL))
            self.delta_path.unlink(missing_ok=True)
            self._keys, self._models = keys, models
            self._has_base, self._delta, self._delta_signatures = True, {}, {}
        self.hashes_changed = False


class BuildStamp:
    """What the last successful build read and wrote, to skip a build that would change nothing.

    It also keeps the content hash of every input file by stat signature, so that fingerprinting
    3,000 unchanged pages costs a stat each, not a read (the page cache's policy, see
    corpus.plain_file_signature)."""

    def __init__(self, project_root: Path, directory: Path | None = None) -> None:
        key = digest(str(project_root.resolve()).encode())[:32]
        self.path = (directory or cache_root()) / "builds" / f"{key}.pickle"
        loaded = _load(self.path)
        self._stamp: dict[str, Any] = loaded if isinstance(loaded, dict) else {}
        known = self._stamp.get("hashes") if self._stamp.get("code") == code_fingerprint() else None
        self.hashes = FileHashes(known if isinstance(known, dict) else {})

    def matches(self, inputs: str) -> bool:
        """True when the inputs are as last time and every output is still as that build left it."""
        stamp = self._stamp
        if stamp.get("inputs") != inputs or stamp.get("code") != code_fingerprint():
            return False
        recorded = stamp.get("outputs")
        if not isinstance(recorded, dict):
            return False
        for name, (size, mtime) in recorded.items():
            try:
                stat = Path(name).stat()
            except OSError:
                return False
            if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
                return False
        return bool(recorded)

    def record(self, inputs: str, outputs: Iterable[Path]) -> None:
        stats = {}
        for path in outputs:
            stat = path.stat()
            stats[str(path)] = (stat.st_size, stat.st_mtime_ns)
        state = {"inputs": inputs, "code": code_fingerprint(), "outputs": stats, "hashes": self.hashes.current}
        _store(self.path, state)


class FileHashes:
    """Content hashes of files by stat signature: those of the last run (`previous`) are trusted
    while the signature is unchanged; `current` holds exactly the files this run looked at."""

    def __init__(self, previous: dict[str, tuple[Signature, str]]) -> None:
        self.previous = previous
        self.current: dict[str, tuple[Signature, str]] = {}

    def digest(self, path: str, info: os.stat_result) -> str:
        signature = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
        entry = self.previous.get(path)
        value = entry[1] if isinstance(entry, tuple) and entry[0] == signature else _file_digest(path)
        self.current[path] = (signature, value)
        return value


def tree_fingerprint(*roots: Path, hashes: FileHashes | None = None) -> str:
    """Hash of every file's relative path and bytes under the given folders (or single files).

    Links are hashed by where they point, never followed, and only regular files are read (in
    chunks): the parser reads nothing else (links inside the folder are read as their targets,
    which are hashed in their own right), and a link to /dev/zero or a FIFO must not hang a build.
    With `hashes`, a file whose stat signature is as last time is not read again.
    """
    h = hashlib.sha256()
    for root in roots:
        if root.is_file():
            h.update(root.name.encode())
            h.update(_file_digest(root).encode())
            continue
        for parts, entry in sorted(_tree_entries(str(root), ())):
            h.update("/".join(parts).encode())
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISLNK(info.st_mode):
                h.update(b"link:" + os.fsencode(os.readlink(entry.path)))
            elif stat.S_ISREG(info.st_mode):
                h.update((hashes.digest(entry.path, info) if hashes is not None else _file_digest(entry.path)).encode())
    return h.hexdigest()


def _tree_entries(folder: str, parts: tuple[str, ...]) -> list[tuple[tuple[str, ...], os.DirEntry[str]]]:
    """Every entry under `folder` with its relative path as parts (the order Path sorting gives);
    links to folders are entries, never walked into. os.scandir: a tenth of Path.rglob's cost."""
    found: list[tuple[tuple[str, ...], os.DirEntry[str]]] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        relative = (*parts, entry.name)
        found.append((relative, entry))
        if entry.is_dir(follow_symlinks=False):
            found.extend(_tree_entries(entry.path, relative))
    return found


def _file_digest(path: Path | str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class SpecCache:
    """The last spec a build wrote (as a document, to diff against without re-reading 10 MB of
    YAML) and the YAML fragments it was made of (see openapi.dump.dump_spec)."""

    def __init__(self, project_root: Path, directory: Path | None = None) -> None:
        key = digest(f"{project_root.resolve()}\n{code_fingerprint()}".encode())[:32]
        self.path = (directory or cache_root()) / "specs" / f"{key}.pickle"
        loaded = _load(self.path)
        state = loaded if isinstance(loaded, dict) else {}
        self.fragments: dict[str, str] = state.get("fragments", {}) if isinstance(state.get("fragments"), dict) else {}
        self._spec_hash: str = state.get("spec_hash", "")
        self._document: bytes = state.get("document", b"")

    def document_for(self, spec_text: str) -> dict[str, Any] | None:
        """The document behind `spec_text`, if it is the one this cache recorded."""
        if not self._document or digest(spec_text.encode()) != self._spec_hash:
            return None
        try:
            with paused_gc():  # ~10^6 dicts and lists, none of them cyclic
                document = marshal.loads(self._document)
        except (EOFError, ValueError, TypeError):
            return None
        return document if isinstance(document, dict) else None

    def save(self, spec_text: str, document: dict[str, Any]) -> None:
        state = {
            "spec_hash": digest(spec_text.encode()),
            "document": marshal.dumps(document),
            "fragments": self.fragments,
        }
        _store(self.path, state)
