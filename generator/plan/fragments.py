"""Spec fragments and what each output depends on: the explicit map behind incremental builds.

A fragment is one independently editable part of the document, named by its JSON pointer: each
component (`#/components/schemas/Person`, `#/components/parameters/Id`, ...), each path item
(`#/paths/~1api~1v1~1Person`: its operations and shared parameters) and the document-level
parts (`#/info`, `#/servers`, `#/security`, `#/components/securitySchemes`, ...). Its digest
covers its bytes, and `closure` follows its `$ref`s, so anything planned from a fragment also
depends on every definition that fragment references: renaming a type changes the `$ref` text of
every referrer, so every module that mentions it is invalidated, not only the definition's own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from generator.openapi.plain_bytes import digest_of, encoded
from generator.openapi.refs import escape_token, iter_local_refs

# Document-level parts that are one fragment each (besides paths and components).
_TOP_LEVEL_SPLIT = ("paths", "components")


class FragmentIndex:
    """Digests and references of every fragment of one document.

    `known_refs` maps a fragment's digest to the references found in it by an earlier build (a
    fragment's references are a function of its bytes); `refs_by_digest` is what this document used.
    `digests` lists the fragments in document order; `encoded` holds the bytes each digest is of
    (kept for the next build, which compares a changed fragment with what it was: plan/locality.py).
    """

    def __init__(self, spec: dict[str, Any], known_refs: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.digests: dict[str, str] = {}
        self.encoded: dict[str, bytes] = {}
        self._known_refs = known_refs or {}
        self.refs_by_digest: dict[str, tuple[str, ...]] = {}
        self._refs: dict[str, frozenset[str]] = {}
        self._closures: dict[str, frozenset[str]] = {}
        for key, value in spec.items():
            if key in _TOP_LEVEL_SPLIT and isinstance(value, dict):
                for name, item in value.items():
                    if key == "components" and isinstance(item, dict):
                        for child, part in item.items():
                            self._add(f"#/components/{escape_token(str(name))}/{escape_token(str(child))}", part)
                    else:
                        self._add(f"#/{key}/{escape_token(str(name))}", item)
            else:
                self._add(f"#/{escape_token(str(key))}", value)

    def _add(self, pointer: str, value: Any) -> None:
        data = self.encoded[pointer] = encoded(value)
        digest = self.digests[pointer] = digest_of(data)
        refs = self._known_refs.get(digest)
        if not isinstance(refs, tuple):
            refs = tuple(sorted({self.fragment_of(ref) for ref in iter_local_refs(value)}))
        self.refs_by_digest[digest] = refs
        self._refs[pointer] = frozenset(refs)

    def fragment_of(self, pointer: str) -> str:
        """The fragment holding `pointer` (`#/components/schemas/A/properties/b` -> its schema)."""
        parts = pointer.split("/")
        depth = 4 if len(parts) > 1 and parts[1] == "components" else 3 if parts[1:2] == ["paths"] else 2
        return "/".join(parts[:depth])

    def closure(self, pointers: Iterable[str]) -> frozenset[str]:
        """The fragments and everything they reference, transitively."""
        result: set[str] = set()
        for pointer in pointers:
            result |= self._closure_of(self.fragment_of(pointer))
        return frozenset(result)

    def _closure_of(self, start: str) -> frozenset[str]:
        known = self._closures.get(start)
        if known is not None:
            return known
        seen = {start}
        stack = [start]
        while stack:  # iterative: reference cycles and deep chains are common in real specs
            for ref in self._refs.get(stack.pop(), ()):
                if ref not in seen:
                    seen.add(ref)
                    stack.append(ref)
        closure = frozenset(seen)
        self._closures[start] = closure
        return closure

    def dependents(self, changed: Iterable[str]) -> set[str]:
        """Every fragment whose closure holds one of `changed` (the fragments themselves included)."""
        referrers: dict[str, list[str]] = {}
        for pointer, refs in self._refs.items():
            for ref in refs:
                referrers.setdefault(ref, []).append(pointer)
        found = set(changed)
        stack = list(found)
        while stack:
            for referrer in referrers.get(stack.pop(), ()):
                if referrer not in found:
                    found.add(referrer)
                    stack.append(referrer)
        return found

    def key(self, pointers: Iterable[str], *extra: str) -> str:
        """One digest of the closure of `pointers` (missing fragments count as absent) and `extra`."""
        h = hashlib.blake2b(digest_size=16)
        for pointer in sorted(self.closure(pointers)):
            h.update(f"{pointer}={self.digests.get(pointer, '-')}\n".encode())
        for part in extra:
            h.update(part.encode())
            h.update(b"\0")
        return h.hexdigest()


def path_pointer(path: str) -> str:
    return f"#/paths/{escape_token(path)}"
