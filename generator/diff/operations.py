"""The operations of a document and how two documents' operations are paired.

Pairing, in this order: same method and path; same method and path template up to parameter
names (`/Foo/{id}` = `/Foo/{fooId}`); same operationId. Anything left is removed or added.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.diff.documents import Document, as_dict, as_list, schema_refs_in
from generator.openapi import HTTP_METHODS, deref, escape_token, iter_operations

PLACEHOLDER = re.compile(r"\{([^}]*)\}")


def normalise_path(path: str) -> str:
    """`/Foo/{id}/Bar/{x}` -> `/Foo/{}/Bar/{}`: templates equal up to parameter names."""
    return PLACEHOLDER.sub("{}", path)


@dataclass
class Operation:
    method: str
    path: str
    node: Mapping[str, Any]
    parameters: list[Mapping[str, Any]]
    operation_id: str | None
    tag: str | None

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def location(self) -> str:
        return f"#/paths/{escape_token(self.path)}/{self.method}"


def operations_of(document: Document, only: frozenset[str] | None = None) -> list[Operation]:
    """The document's operations, sorted by path; with `only`, those of these path keys."""
    result: list[Operation] = []
    doc = dict(document.doc)
    # A view with just those path items (references still resolve against the whole document).
    view = doc if only is None else {**doc, "paths": {p: i for p, i in as_dict(doc.get("paths")).items() if p in only}}
    for found in iter_operations(view, sort_paths=True):
        node = found.operation
        tags = as_list(node.get("tags"))
        result.append(
            Operation(
                method=found.method,
                path=found.path,
                node=node,
                parameters=list[Mapping[str, Any]](found.parameters(doc)),
                operation_id=node.get("operationId") if isinstance(node.get("operationId"), str) else None,
                tag=tags[0] if tags and isinstance(tags[0], str) else None,
            )
        )
    return result


def count_operations(document: Document) -> int:
    doc = dict(document.doc)
    items = (deref(doc, item) for item in as_dict(doc.get("paths")).values())
    return sum(isinstance(item.get(method), dict) for item in items for method in HTTP_METHODS)


def changed_paths(old: Mapping[str, Any], new: Mapping[str, Any]) -> frozenset[str]:
    """Path keys whose path item differs between two documents (or is in only one of them)."""
    old_paths, new_paths = as_dict(old.get("paths")), as_dict(new.get("paths"))
    return frozenset(
        path
        for path in old_paths.keys() | new_paths.keys()
        if isinstance(path, str) and old_paths.get(path) != new_paths.get(path)
    )


def match_operations(
    old: list[Operation], new: list[Operation]
) -> tuple[list[tuple[Operation, Operation]], list[Operation], list[Operation]]:
    """Pairs of the same operation, then the removed ones, then the added ones."""
    pairs: list[tuple[Operation, Operation]] = []
    old_left = {(o.method, o.path): o for o in old}
    new_left = {(n.method, n.path): n for n in new}
    for key in sorted(old_left.keys() & new_left.keys()):
        pairs.append((old_left.pop(key), new_left.pop(key)))

    def unique_by(ops: Iterable[Operation], key: Any) -> dict[Any, Operation]:
        groups: dict[Any, list[Operation]] = {}
        for op in ops:
            k = key(op)
            if k is not None:
                groups.setdefault(k, []).append(op)
        return {k: v[0] for k, v in groups.items() if len(v) == 1}

    for key_of in (lambda o: (o.method, normalise_path(o.path)), lambda o: o.operation_id):
        olds = unique_by(old_left.values(), key_of)
        news = unique_by(new_left.values(), key_of)
        for k in sorted(olds.keys() & news.keys(), key=repr):
            o, n = olds[k], news[k]
            pairs.append((o, n))
            del old_left[(o.method, o.path)]
            del new_left[(n.method, n.path)]
    removed = sorted(old_left.values(), key=lambda o: (o.path, o.method))
    added = sorted(new_left.values(), key=lambda o: (o.path, o.method))
    return pairs, removed, added


def operation_roots(document: Document, op: Operation) -> tuple[set[str], set[str]]:
    """Component schemas an operation references directly in its request and its responses."""

    def content_schemas(holder: Any) -> list[Any]:
        content = document.deref(holder).get("content")
        if not isinstance(content, dict):
            return []
        return [media.get("schema") for media in content.values() if isinstance(media, dict)]

    request_nodes: list[Any] = [p.get("schema") for p in op.parameters]
    if "requestBody" in op.node:
        request_nodes += content_schemas(op.node["requestBody"])
    response_nodes = [s for r in as_dict(op.node.get("responses")).values() for s in content_schemas(r)]
    request = {name for node in request_nodes if node for name in schema_refs_in(node)}
    response = {name for node in response_nodes if node for name in schema_refs_in(node)}
    return request, response
