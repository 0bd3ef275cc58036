"""Pausing Python's cyclic garbage collector around the allocation-heavy stages.

Parsing and building create millions of small, acyclic objects (tokens, pages, JSON samples,
schema dicts). The cyclic collector keeps re-scanning them and finds nothing to free; pausing it
cuts parse and build time by about a third. Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
