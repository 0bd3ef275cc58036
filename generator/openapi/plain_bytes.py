"""Document values as bytes for digests and stored copies: one encoding for every stage.

marshal format 2 has no back-references (format 3+ shares repeated objects, which depends on how
the value was built), so the same value gives the same bytes in every process, and it tells
`1`, `1.0` and `True` apart, which `==` does not. It is about five times faster than JSON. A
string's interning can still change its bytes: a digest may differ for equal values (a cache
miss), never agree for different ones.
"""

from __future__ import annotations

import hashlib
import json
import marshal
from typing import Any


def encoded(value: Any) -> bytes:
    try:
        return b"m" + marshal.dumps(value, 2)
    except ValueError:  # not plain data (a document built by a caller may hold other objects)
        return b"j" + json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=repr).encode()


def decoded(data: bytes) -> Any:
    """The value `encoded` wrote (None when it was not plain data or is damaged)."""
    if not data.startswith(b"m"):
        return None
    try:
        return marshal.loads(data[1:])
    except (EOFError, ValueError, TypeError):
        return None


def digest_of(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
