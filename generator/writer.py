"""Formatting (black, parallel, cached) and deterministic writing of generated files.

`format_files` is pure apart from its cache: the same input always gives the same text.
`write_files` touches only files whose bytes change (unchanged files keep their mtime) and
removes files that an earlier run wrote but this one no longer produces (tracked in a
manifest inside the output directory); files it never wrote are left alone.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import re
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import black
from black.mode import TargetVersion

from generator.files import MANIFEST_NAME, atomic_write, cache_root
from generator.gcpause import paused_gc
from generator.linesplit import split_line

_BLACK_VERSION = importlib.metadata.version("black")
_MODE = black.Mode(target_versions={TargetVersion.PY310}, line_length=88)
# Below this many bytes to format, starting worker processes costs more than it saves; also
# the size of one batch sent to a worker (format_stream).
_PARALLEL_THRESHOLD = 200_000


class GenerationError(Exception):
    """A rendered file is not valid Python: a template bug, never the user's fault."""


def default_cache_dir() -> Path:
    return cache_root() / "black"


def _statement_mode(path: str, statement_paths: frozenset[str] = frozenset()) -> bool:
    return path in statement_paths or any(part in path for part in _STATEMENT_MODE_DIRS)


def _cache_key(path: str, text: str, statement_paths: frozenset[str] = frozenset()) -> str:
    digest = hashlib.sha256()
    statements = _statement_mode(path, statement_paths)
    digest.update(f"black={_BLACK_VERSION};mode={_MODE!r};statements={statements}\n".encode())
    digest.update(text.encode())
    return digest.hexdigest()


_LINE_LENGTH = 88
# Generated modules whose templates already emit black style: black only sees the
# statements that have an over-long line (see format_statements).
_STATEMENT_MODE_DIRS = ("/models/", "/resources/")
_COMPOUND = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef, ast.If)


@functools.cache
def _mode(line_length: int) -> black.Mode:
    return black.Mode(target_versions={TargetVersion.PY310}, line_length=line_length)


def _format_whole(text: str) -> str:
    # format_str skips black's AST-equivalence check (like --fast): the input was compiled
    # by check_compiles() and is machine-written, so the check would only cost time.
    return black.format_str(text, mode=_MODE)


_STRING = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
# One element of an exploded (trailing-comma) call or collection that is a lone string
# (`description="...",`, `"Key": "value",`): black cannot split it, so it may stay long.
_ATOMIC_LINE = re.compile(rf"^\s*(?:[A-Za-z_]\w*=)?{_STRING}(?:: (?:{_STRING}|[A-Za-z_][\w.]*))?,$")


def _too_long(lines: list[str], start: int, end: int) -> bool:
    return any(len(lines[i]) > _LINE_LENGTH and not _ATOMIC_LINE.match(lines[i]) for i in range(start, end))


def _format_segment(lines: list[str], indent: int) -> list[str]:
    """Black one statement as if at top level with `indent` fewer columns; re-indent it.

    Black measures lines including their indentation, so a statement at depth d formats
    like the dedented statement with a line length of 88 - 4d.
    """
    prefix = " " * indent
    dedented = "\n".join(line[indent:] if line.startswith(prefix) else line for line in lines) + "\n"
    out = black.format_str(dedented, mode=_mode(_LINE_LENGTH - indent)).rstrip("\n").split("\n")
    return [prefix + line if line else line for line in out]


def _format_header(lines: list[str], indent: int) -> list[str] | None:
    """Black's layout of a compound statement's over-long header (`class X(A, B, C):`, a `def`
    with an over-long parameter), formatted with a stand-in `pass` body; None if the header
    does not end right before its body.

    Black splits each logical line on its own, so the header's layout does not depend on the
    body: the body (already black style) is handled statement by statement as usual, instead
    of sending a whole class or method with its docstring through black.
    """
    if not lines[-1].endswith(":") or any(line.lstrip().startswith("#") for line in lines):
        return None
    stand_in = " " * (indent + 4) + "pass"
    out = _format_segment([*lines, stand_in], indent)
    if out[-1] != stand_in or not out[-2].endswith(":"):
        return None
    return out[:-1]


def _is_docstring(node: ast.stmt) -> bool:
    """Black never re-wraps string literals; our docstring filter already emits black's layout."""
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _wrap_import(line: str, indent: int) -> list[str]:
    """`from m import a, b` that is too long, the way black writes it (one name per line)."""
    head, _, names = line.partition(" import ")
    prefix = " " * indent
    return [f"{head} import ("] + [f"{prefix}    {name.strip()}," for name in names.split(",")] + [f"{prefix})"]


def _split_statement(lines: list[str], start: int, end: int) -> list[str] | None:
    """Black's layout of a statement from generator/linesplit.py, or None (then black runs).

    A one-line statement is split at its last bracket; in an exploded multi-line one (the
    `request(...)` call of a method), each over-long argument line is split on its own, as
    black does once the call's own brackets are exploded.
    """
    if end == start + 1:
        return split_line(lines[start], inside=False)
    if _too_long(lines, start, start + 1) or _too_long(lines, end - 1, end):
        return None
    out = [lines[start]]
    for line in lines[start + 1 : end - 1]:
        split = split_line(line, inside=True) if len(line) > _LINE_LENGTH else [line]
        if split is None:
            return None
        out += split
    out.append(lines[end - 1])
    return out


def format_statements(text: str) -> str:
    """Black output for template-made code, running black only where a line is too long.

    The package templates emit black style (quotes chosen like black, magic trailing commas,
    black's blank lines) with every expression on one line, so black would only change
    statements with an over-long line; those are split by generator/linesplit.py when they
    have its plain shapes, and by black one by one otherwise. tests/test_generate_formatting.py
    checks the result equals whole-file black on every generated test package.
    """
    lines = text.split("\n")
    if not _too_long(lines, 0, len(lines)):
        return text
    edits: list[tuple[int, int, list[str]]] = []
    work: list[ast.stmt] = list(ast.parse(text).body)
    while work:
        node = work.pop()
        decorators = getattr(node, "decorator_list", [])
        start = min([node.lineno] + [d.lineno for d in decorators]) - 1
        end = node.end_lineno or node.lineno
        if not _too_long(lines, start, end) or _is_docstring(node):
            continue
        if isinstance(node, ast.ImportFrom) and end == start + 1 and "(" not in lines[start]:
            edits.append((start, end, _wrap_import(lines[start], node.col_offset)))
            continue
        body = getattr(node, "body", None)
        if isinstance(node, _COMPOUND) and body and not getattr(node, "orelse", None):
            first = min([body[0].lineno] + [d.lineno for d in getattr(body[0], "decorator_list", [])]) - 1
            if not _too_long(lines, start, first):
                work.extend(body)
                continue
            header = _format_header(lines[start:first], node.col_offset)
            if header is not None:
                edits.append((start, first, header))
                work.extend(body)
                continue
        fast = _split_statement(lines, start, end)
        edits.append((start, end, fast if fast is not None else _format_segment(lines[start:end], node.col_offset)))
    for start, end, replacement in sorted(edits, reverse=True):
        lines[start:end] = replacement
    return "\n".join(lines)


def _format_one(path: str, text: str, statement_paths: frozenset[str] = frozenset()) -> str:
    if _statement_mode(path, statement_paths):
        return format_statements(text)
    return _format_whole(text)


def _compile_error(path: str, text: str) -> str | None:
    try:
        compile(text, path, "exec", dont_inherit=True)
    except SyntaxError as error:
        return f"{path}:{error.lineno}: {error.msg}"
    return None


def _check_and_format(
    items: list[tuple[str, str]], statement_paths: frozenset[str] = frozenset()
) -> list[tuple[str, bool]]:
    """Per file: (formatted text, True), or (the compile error, False) for a file that does not
    compile. Runs in the worker processes, so the compile check is split over them too.

    The cyclic collector is paused: black's and ast's trees are millions of short-lived
    objects, and re-scanning them cost about a third of the formatting time.
    """
    out: list[tuple[str, bool]] = []
    with paused_gc():
        for path, text in items:
            error = _compile_error(path, text)
            out.append((error, False) if error is not None else (_format_one(path, text, statement_paths), True))
    return out


def check_compiles(files: Mapping[str, str]) -> None:
    for path, text in files.items():
        if path.endswith(".py"):
            error = _compile_error(path, text)
            if error is not None:
                raise GenerationError(error)


def format_files(
    files: Mapping[str, str],
    *,
    cache_dir: Path | None = None,
    workers: int = 2,
    statement_paths: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Black-format every `.py` file (others pass through); raises GenerationError on bad code.

    Files found in the cache compiled when they were cached; only the others are compiled.
    """
    return format_stream(files.items(), cache_dir=cache_dir, workers=workers, statement_paths=statement_paths)


def format_stream(
    files: Iterable[tuple[str, str]],
    *,
    cache_dir: Path | None = None,
    workers: int = 2,
    statement_paths: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """`format_files` over (path, text) pairs that may still be being rendered (a generator).

    `statement_paths` are formatted like the models and resources (format_statements): the files
    rendered from static built-in templates (render.modules.static_paths), ~1.1 s less black on
    the corpus.

    Once the files to format reach _PARALLEL_THRESHOLD bytes, batches of that size go to
    `workers` processes as they come, so formatting overlaps the rendering that produces them
    (the main process renders while the workers format) and the batches balance themselves.
    """
    cache = cache_dir if cache_dir is not None else default_cache_dir()
    result: dict[str, str] = {}
    keys: dict[str, str] = {}
    missing: list[str] = []  # input order: the first that does not compile is the one reported
    batch: list[tuple[str, str]] = []
    batch_size = 0
    submitted: list[tuple[list[tuple[str, str]], Future[list[tuple[str, bool]]]]] = []
    pool: ProcessPoolExecutor | None = None
    try:
        for path, text in files:
            if not path.endswith(".py"):
                result[path] = text
                continue
            key = keys[path] = _cache_key(path, text, statement_paths)
            try:
                result[path] = (cache / key[:2] / key).read_text(encoding="utf-8")
                continue
            except OSError:
                pass
            missing.append(path)
            batch.append((path, text))
            batch_size += len(text)
            if workers > 1 and batch_size > _PARALLEL_THRESHOLD:
                if pool is None:
                    pool = ProcessPoolExecutor(max_workers=workers)
                submitted.append((batch, pool.submit(_check_and_format, batch, statement_paths)))
                batch, batch_size = [], 0
        done: dict[str, tuple[str, bool]] = {}
        if batch:
            if pool is not None:
                submitted.append((batch, pool.submit(_check_and_format, batch, statement_paths)))
            else:
                done.update(zip((p for p, _ in batch), _check_and_format(batch, statement_paths), strict=True))
        for items, future in submitted:
            done.update(zip((p for p, _ in items), future.result(), strict=True))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    for path in missing:
        text, ok = done[path]
        if not ok:
            raise GenerationError(text)
    for path in missing:
        result[path] = done[path][0]
        _store(cache, keys[path], result[path])
    return {path: result[path] for path in sorted(result)}


def _store(cache: Path, key: str, text: str) -> None:
    """Best effort: a read-only or full cache dir only costs speed."""
    try:
        atomic_write(cache / key[:2] / key, text.encode("utf-8"))
    except OSError:
        pass


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seeded: list[str] = field(default_factory=list)  # seed files created because they were missing


def _safe_target(out_dir: Path, relative: str) -> Path:
    path = Path(relative)
    if path.is_absolute() or ".." in path.parts:
        raise GenerationError(f"refusing to write outside the output directory: {relative!r}")
    return out_dir / path


def write_files(
    out_dir: Path,
    files: Mapping[str, str],
    *,
    seeds: Mapping[str, str] | None = None,
    kept: tuple[str, ...] = (),
) -> WriteReport:
    """Write `files` under `out_dir`; only changed bytes hit the disk; stale files are removed.

    `seeds` are written only when missing and never listed in the manifest; nothing under a
    `kept` folder (relative, ending in `/`: the maintainers' `lib/`) is overwritten or removed.
    """
    report = WriteReport()
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = out_dir / MANIFEST_NAME
    previous: list[str] = []
    if manifest.is_file():
        previous = [line for line in manifest.read_text(encoding="utf-8").splitlines() if line]
    clashing = sorted(p for p in files if is_kept(p, kept))
    if clashing:
        raise GenerationError(f"generated files inside a maintainers' folder ({', '.join(kept)}): {clashing}")
    for relative in sorted(files):
        target = _safe_target(out_dir, relative)
        data = files[relative].encode("utf-8")
        try:
            if target.read_bytes() == data:
                report.unchanged.append(relative)
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        report.written.append(relative)
    for relative in sorted(set(previous) - set(files)):
        if is_kept(relative, kept):
            continue  # an old manifest may list it; it is the maintainers' now
        target = _safe_target(out_dir, relative)
        if target.is_file():
            target.unlink()
            report.removed.append(relative)
            _remove_empty_parents(target.parent, out_dir)
    for relative, text in sorted((seeds or {}).items()):
        target = _safe_target(out_dir, relative)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, text.encode("utf-8"))
            report.seeded.append(relative)
    listing = "".join(f"{p}\n" for p in sorted(files)).encode("utf-8")
    if not manifest.is_file() or manifest.read_bytes() != listing:
        manifest.write_bytes(listing)
    return report


def is_kept(relative: str, kept: tuple[str, ...]) -> bool:
    """Whether the POSIX relative path lies in one of the `kept` folders."""
    return any(relative.startswith(folder) for folder in kept)


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
