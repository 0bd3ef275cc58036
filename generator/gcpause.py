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
def paused_gc(*, freeze: bool = False) -> Iterator[None]:
    """With `freeze`, what was allocated meanwhile is moved out of the collector's sight before it
    is enabled again: the first collection after a long pause would otherwise scan every object
    the pause let pile up (about a second after a build)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if freeze:
                gc.freeze()
            gc.enable()
