"""Recording changes: who a change belongs to (`Where`) and the one place a `Change` is made.

`Recorder.emit` classifies each change with the rules in `classify.py` and keeps the first change
per (operation, location, kind, message), so a shape reached twice is reported once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.diff.changes import Change, ChangeKind, Direction
from generator.diff.classify import classify
from generator.diff.documents import Document, normalise_text

REQUEST = frozenset({Direction.REQUEST})
RESPONSE = frozenset({Direction.RESPONSE})


@dataclass(frozen=True)
class Where:
    """Who a change belongs to: an operation, or a component schema with its users."""

    directions: frozenset[Direction]
    operation: str | None = None
    tag: str | None = None
    schema: str | None = None
    operations: tuple[str, ...] = ()


class Recorder:
    """The two documents being compared and the changes found so far."""

    def __init__(self, old: Document, new: Document, include_docs: bool) -> None:
        self.old = old
        self.new = new
        self.include_docs = include_docs
        self.changes: dict[tuple[str, str, str, str], Change] = {}
        self.docs_changed = 0
        # Component schemas renamed old -> new (`renames.py`): a reference to the old name on one
        # side and the new name on the other is the same component, compared once on its own.
        self.renamed: dict[str, str] = {}

    # -- recording ------------------------------------------------------------------------
    def emit(
        self,
        kind: ChangeKind,
        where: Where,
        location: str,
        message: str,
        old: Any = None,
        new: Any = None,
        **facts: Any,
    ) -> None:
        severity = classify(kind, where.directions, **facts)
        change = Change(
            kind=kind,
            severity=severity,
            location=location,
            message=message,
            operation=where.operation,
            tag=where.tag,
            schema=where.schema,
            old=old,
            new=new,
            operations=where.operations,
        )
        key = (change.operation or "", change.location, kind.value, message)
        self.changes.setdefault(key, change)

    def docs(self, where: Where, location: str, old: Any, new: Any, what: str = "description") -> None:
        o, n = normalise_text(old), normalise_text(new)
        if o == n:
            return
        self.docs_changed += 1
        if self.include_docs:
            self.emit(ChangeKind.DESCRIPTION_CHANGED, where, location, f"{what} changed", o or None, n or None)
