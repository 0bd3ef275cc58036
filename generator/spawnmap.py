"""Run a text-producing function over a list on two cores: half of it in a fresh helper process.

Writing the spec's YAML is seconds of single-core work on data the parent holds. A forked child
would see that data without a transfer, but every page of the document that either process
touches while both live is then copied (reference counts are writes): on the 10.0.2 spec that
cost more than the child saved. So the helper is a new interpreter that gets its share as
marshal data in a file (a few MB, written in milliseconds) and answers with marshal data on its
standard output; the parent computes the other share meanwhile. Whenever the helper fails (it
cannot start, crashes, answers badly) the parent computes its share too: the results are those
of the serial loop, and an item that fails makes the parent raise what the serial loop raises
for it (the first failing item of the parent's share, else of the helper's).
"""

from __future__ import annotations

import importlib
import marshal
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# The helper needs a few tenths of a second to start; below this many items it is not worth it.
MIN_ITEMS = 64
# A helper that has not answered by then is given up (its share is computed by the parent).
HELPER_TIMEOUT = 300.0


def spawn_map(func: Callable[[Any], str], items: Sequence[Any]) -> list[str]:
    """`[func(item) for item in items]`, every second item computed by a helper process.

    `func` must be a module-level function (the helper imports it by name) and the items
    marshal-able (JSON-like values). Neighbouring items tend to cost alike, so alternating
    shares the work evenly without knowing its cost.
    """
    if (os.cpu_count() or 1) < 2 or len(items) < MIN_ITEMS:
        return [func(item) for item in items]
    helper_share = items[1::2]
    try:
        payload = marshal.dumps(list(helper_share))
    except ValueError:  # not marshal-able: no helper
        return [func(item) for item in items]
    with tempfile.TemporaryDirectory(prefix="sdkgen-") as folder:
        job = Path(folder) / "job.marshal"
        job.write_bytes(payload)
        helper = _start(func, job)
        try:
            mine = [func(item) for item in items[0::2]]
        finally:
            answer = _answer(helper, len(helper_share))
    theirs = answer if answer is not None else [func(item) for item in helper_share]
    merged = [""] * len(items)
    merged[0::2] = mine
    merged[1::2] = theirs
    return merged


def _start(func: Callable[[Any], str], job: Path) -> subprocess.Popen[bytes] | None:
    root = str(Path(__file__).resolve().parent.parent)  # where `generator` is imported from
    code = f"import sys; sys.path.insert(0, {root!r}); from generator.spawnmap import main; main()"
    try:
        return subprocess.Popen(
            [sys.executable, "-c", code, f"{func.__module__}:{func.__qualname__}", str(job)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None


def _answer(helper: subprocess.Popen[bytes] | None, expected: int) -> list[str] | None:
    if helper is None:
        return None
    try:
        data, _ = helper.communicate(timeout=HELPER_TIMEOUT)
    except subprocess.TimeoutExpired:  # by then the parent has long finished its own share
        helper.kill()
        helper.communicate()
        return None
    if helper.returncode != 0:
        return None
    try:
        loaded = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(loaded, list) or len(loaded) != expected or not all(type(text) is str for text in loaded):
        return None
    return loaded


def main() -> None:
    """The helper: `MODULE:FUNCTION JOB_FILE` -> marshal'd results on standard output."""
    import gc

    gc.disable()  # short-lived, and its objects are acyclic
    target, job = sys.argv[1], sys.argv[2]
    module_name, _, name = target.partition(":")
    func = getattr(importlib.import_module(module_name), name)
    items = marshal.loads(Path(job).read_bytes())
    sys.stdout.buffer.write(marshal.dumps([func(item) for item in items]))
    sys.stdout.buffer.flush()
