"""Pure comparison of two OpenAPI 3.0/3.1 documents: `diff_specs(old, new) -> ApiDiff`.

The pieces, each in its own module:
- `documents.py`: one document, `$ref`s resolved, schemas normalised to `Shape`s;
- `operations.py`: the operations of a document and how two documents' operations are paired
  (same method and path; same template up to parameter names; same operationId);
- `recorder.py`, `schema_compare.py`, `operation_compare.py`: recording changes, comparing two
  schema nodes, comparing a pair of operations;
- `renames.py`: component schemas renamed between the documents;
- this module: component schemas (each compared once, at `#/components/schemas/<Name>`, with its
  users and the worst severity over the directions it is used in), security schemes, the
  document-wide security requirement, and `diff_specs` tying it together.

Documentation: `description`/`summary` are compared after collapsing whitespace, so re-wrapping
the docs yields nothing; examples and `x-samples` are sample data, never compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from generator.diff.changes import ApiDiff, Change, ChangeKind, Direction, Impact
from generator.diff.classify import BOTH
from generator.diff.documents import Document, normalise_text
from generator.diff.operation_compare import OperationComparer
from generator.diff.operations import (
    Operation,
    changed_paths,
    count_operations,
    match_operations,
    normalise_path,
    operation_roots,
    operations_of,
)
from generator.diff.recorder import Where
from generator.diff.renames import Rename, find_renames
from generator.diff.usage import SchemaUsage
from generator.openapi import escape_token


class _Comparer(OperationComparer):
    """Whole-document parts: component schemas, security schemes, document-wide security."""

    def components(self, usage: _LazyUsage, renames: list[Rename]) -> None:
        renamed_from = {r.new: r.old for r in renames}
        for name in sorted(self.old.schemas.keys() | self.new.schemas.keys()):
            if name in self.renamed:
                continue  # reported under its new name
            loc = f"#/components/schemas/{escape_token(name)}"
            old_name = renamed_from.get(name, name)
            if old_name == name and name in self.old.schemas and name in self.new.schemas:
                if self.old.schemas[name] == self.new.schemas[name]:
                    continue  # equal nodes compare to nothing (see SchemaComparer.schema); skip the usage look-up
            where = Where(directions=_directions(usage, name, old_name) or BOTH, schema=name)
            if name not in self.new.schemas:
                self.emit(ChangeKind.SCHEMA_REMOVED, where, loc, f"schema {name} removed", name, None)
            elif old_name not in self.old.schemas:
                self.emit(ChangeKind.SCHEMA_ADDED, where, loc, f"schema {name} added", None, name)
            else:
                if old_name != name:
                    self.emit(
                        ChangeKind.SCHEMA_RENAMED, where, loc, f"schema {old_name} renamed to {name}", old_name, name
                    )
                old_node, new_node = self.old.schemas[old_name], self.new.schemas[name]
                self.schema(old_node, new_node, where, loc, seen=frozenset({(old_name, name)}))
        # The users of a schema are looked up only for the schemas that changed; a renamed
        # schema's users are those of both names.
        for key, change in self.changes.items():
            if change.schema is not None and change.operation is None:
                users = usage.users(change.schema)
                if change.schema in renamed_from:
                    users = tuple(sorted({*users, *usage.users(renamed_from[change.schema])}))
                self.changes[key] = replace(change, operations=users)

    def security_schemes(self) -> None:
        where = Where(directions=BOTH)
        for name in sorted(self.old.security_schemes.keys() | self.new.security_schemes.keys()):
            loc = f"#/components/securitySchemes/{escape_token(name)}"
            o = self.old.deref(self.old.security_schemes.get(name))
            n = self.new.deref(self.new.security_schemes.get(name))
            if name not in self.new.security_schemes:
                self.emit(ChangeKind.SECURITY_SCHEME_REMOVED, where, loc, f"security scheme {name} removed")
            elif name not in self.old.security_schemes:
                self.emit(ChangeKind.SECURITY_SCHEME_ADDED, where, loc, f"security scheme {name} added")
            else:
                self.docs(where, loc, o.get("description"), n.get("description"))
                for attr in ("type", "scheme", "in", "name", "bearerFormat", "openIdConnectUrl"):
                    if o.get(attr) != n.get(attr):
                        self.emit(
                            ChangeKind.SECURITY_SCHEME_CHANGED,
                            where,
                            f"{loc}/{attr}",
                            f"security scheme {name}: {attr} changed",
                            o.get(attr),
                            n.get(attr),
                        )

    def global_security(self, users: tuple[str, ...]) -> None:
        where = Where(directions=BOTH, operations=users)
        self.security_lists(self.old.doc.get("security"), self.new.doc.get("security"), where, "#/security")


def _directions(usage: _LazyUsage, name: str, old_name: str) -> frozenset[Direction]:
    return usage.directions(name) | usage.directions(old_name)


class _LazyUsage:
    """The schema usage of both documents, built on the first question: a diff in which no
    schema changed (a prose edit, an operation's own change) never needs the reference graphs,
    which cost more than the rest of such a diff."""

    def __init__(self, docs: Callable[[], tuple[list[tuple[Document, list[Operation]]], Mapping[int, str]]]) -> None:
        self._docs = docs  # the operations of both documents, and their display names
        self._usage: SchemaUsage | None = None

    def _built(self) -> SchemaUsage:
        if self._usage is None:
            self._usage = _schema_usage(*self._docs())
        return self._usage

    def users(self, name: str) -> tuple[str, ...]:
        return self._built().users(name)

    def directions(self, name: str) -> frozenset[Direction]:
        return self._built().directions(name)


def _schema_usage(docs: Iterable[tuple[Document, list[Operation]]], display: Mapping[int, str]) -> SchemaUsage:
    usage = SchemaUsage()
    for document, ops in docs:
        usage.add_document(
            document.reference_graph(),
            ((display[id(op)], *operation_roots(document, op)) for op in ops),
        )
    return usage


def _same_operation(o: Operation, n: Operation) -> bool:
    return (o.method, o.path) == (n.method, n.path) and o.node == n.node and o.parameters == n.parameters


def diff_specs(old: Mapping[str, Any], new: Mapping[str, Any], *, include_docs: bool = False) -> ApiDiff:
    """Compare two OpenAPI 3.0/3.1 documents. Pure: reads its arguments only."""
    old_doc, new_doc = Document(old), Document(new)
    # With no component and no document-wide security changed, an operation whose path item is
    # equal in both documents compares to nothing, and pairs with itself (same method and path):
    # only the operations of the changed path items are read (a one-page docs edit reads one).
    shared_unchanged = old.get("components") == new.get("components") and old.get("security") == new.get("security")
    only = changed_paths(old, new) if shared_unchanged else None
    old_ops, new_ops = operations_of(old_doc, only), operations_of(new_doc, only)
    pairs, removed, added = match_operations(old_ops, new_ops)
    comparer = _Comparer(old_doc, new_doc, include_docs)

    def named(
        old_ops: list[Operation], new_ops: list[Operation], pairs: list[tuple[Operation, Operation]]
    ) -> dict[int, str]:
        """Operations are named by their key in the new document when they still exist."""
        display: dict[int, str] = {id(op): op.key for op in [*old_ops, *new_ops]}
        for o, n in pairs:
            display[id(o)] = n.key
        return display

    display = named(old_ops, new_ops, pairs)

    def every_operation() -> tuple[list[tuple[Document, list[Operation]]], Mapping[int, str]]:
        if only is None:
            return [(old_doc, old_ops), (new_doc, new_ops)], display
        all_old, all_new = operations_of(old_doc), operations_of(new_doc)
        return [(old_doc, all_old), (new_doc, all_new)], named(all_old, all_new, match_operations(all_old, all_new)[0])

    for op in removed:
        comparer.emit(
            ChangeKind.OPERATION_REMOVED,
            Where(BOTH, op.key, op.tag),
            op.location,
            f"operation removed ({op.operation_id or 'no operationId'})",
            op.operation_id,
            None,
        )
    for op in added:
        comparer.emit(
            ChangeKind.OPERATION_ADDED,
            Where(BOTH, op.key, op.tag),
            op.location,
            f"operation added ({op.operation_id or 'no operationId'})",
            None,
            op.operation_id,
        )
    usage = _LazyUsage(every_operation)
    renames = find_renames(old_doc, new_doc, usage.users)
    comparer.renamed = {r.old: r.new for r in renames}
    # An operation whose node, parameters and every definition it can reach are equal in both
    # documents compares to nothing.
    for o, n in pairs:
        if shared_unchanged and _same_operation(o, n):
            continue
        comparer.operation(o, n)
    comparer.components(usage, renames)
    comparer.security_schemes()
    if not shared_unchanged:  # an equal document-wide security requirement compares to nothing
        comparer.global_security(tuple(sorted(display[id(n)] for _, n in pairs if "security" not in n.node)))

    changes = tuple(sorted(comparer.changes.values(), key=Change.sort_key))
    return ApiDiff(
        changes=changes,
        docs_changed=comparer.docs_changed,
        operations_old=len(old_ops) if only is None else count_operations(old_doc),
        operations_new=len(new_ops) if only is None else count_operations(new_doc),
        schemas_old=len(old_doc.schemas),
        schemas_new=len(new_doc.schemas),
    )


__all__ = ["Impact", "diff_specs", "normalise_path", "normalise_text"]
