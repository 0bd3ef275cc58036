"""Component schemas renamed between two documents.

A schema that disappears under one name and appears under another is one change for SDK users
(the model class is renamed), not a removal plus an addition. The rule, applied to the schemas
present only in the old document and those present only in the new one:

- both have a *member set*: property names for objects (with `allOf` merged), enum values for
  enums; other schemas (aliases, arrays, bare scalars) carry too little evidence and are not matched;
- the two are of the same kind (object, or enum of the same JSON type);
- the Jaccard similarity of the member sets is at least `MIN_SIMILARITY` (0.8: a schema of five
  or more members may gain or lose one);
- at least one operation uses the old schema in the old document and the new schema in the new one
  (operations named as in the new document), directly or through other schemas;
- each is the other's single best candidate, by (similarity, number of shared operations); a tie
  at the top is ambiguous and leaves both as a removal and an addition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.diff.documents import Document

MIN_SIMILARITY = 0.8

Signature = tuple[str, frozenset[str]]


@dataclass(frozen=True)
class Rename:
    """`old` (only in the old document) is `new` (only in the new one)."""

    old: str
    new: str
    similarity: float
    shared_users: tuple[str, ...]


def signature(document: Document, name: str) -> Signature | None:
    """(kind, members) of a component schema, or None when it has no member set to compare."""
    shape = document.resolve_named(name)
    if shape.ref is not None:
        return None
    if shape.properties:
        return ("object", frozenset(shape.properties))
    if shape.enum:
        return ("enum:" + "|".join(shape.types), frozenset(repr(v) for v in shape.enum))
    return None


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def find_renames(old: Document, new: Document, users: Callable[[str], Iterable[str]]) -> list[Rename]:
    """Renames under the rule above, sorted by old name. `users(name)` gives the operations
    using a schema name in either document (names are unique to one side here)."""
    removed = sorted(old.schemas.keys() - new.schemas.keys())
    added = sorted(new.schemas.keys() - old.schemas.keys())
    if not removed or not added:
        return []
    added_sigs = {name: sig for name in added if (sig := signature(new, name)) is not None}
    # Candidates share at least one member: an index keeps this linear in practice.
    index: dict[tuple[str, str], set[str]] = {}
    for name, (kind, members) in added_sigs.items():
        for member in members:
            index.setdefault((kind, member), set()).add(name)
    scored: dict[tuple[str, str], tuple[float, int, tuple[str, ...]]] = {}
    for name in removed:
        sig = signature(old, name)
        if sig is None:
            continue
        kind, members = sig
        candidates = set().union(*(index.get((kind, m), set()) for m in members))
        for candidate in sorted(candidates):
            score = similarity(members, added_sigs[candidate][1])
            if score < MIN_SIMILARITY:
                continue
            shared = tuple(sorted(set(users(name)) & set(users(candidate))))
            if shared:
                scored[(name, candidate)] = (score, len(shared), shared)
    best_old = _single_best(scored, side=0)
    best_new = _single_best(scored, side=1)
    return [
        Rename(o, n, scored[(o, n)][0], scored[(o, n)][2])
        for (o, n) in sorted(scored)
        if best_old.get(o) == (o, n) and best_new.get(n) == (o, n)
    ]


def _single_best(
    scored: dict[tuple[str, str], tuple[float, int, tuple[str, ...]]], side: int
) -> dict[str, tuple[str, str]]:
    """For each old (side 0) or new (side 1) name, its pair that scores strictly better than
    every other pair with that name; names whose best score is tied are left out."""
    top: dict[str, tuple[tuple[float, int], tuple[str, str] | None]] = {}
    for pair, (similar, shared, _users) in scored.items():
        score = (similar, shared)
        current = top.get(pair[side])
        if current is None or score > current[0]:
            top[pair[side]] = (score, pair)
        elif score == current[0]:
            top[pair[side]] = (score, None)  # a tie: ambiguous
    return {name: pair for name, (_score, pair) in top.items() if pair is not None}
