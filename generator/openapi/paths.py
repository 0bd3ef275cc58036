"""The operations of a document, with path-level and operation-level parameters merged."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.openapi.refs import deref, pointer_of

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

_TEMPLATE_VARIABLE = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class OperationRef:
    """One operation object where it stands in the document."""

    path: str
    method: str  # lower case, as the document's key
    operation: dict[str, Any]
    path_item: dict[str, Any]  # `$ref`s resolved

    @property
    def pointer(self) -> str:
        return pointer_of("paths", self.path, self.method)

    def parameters(self, document: dict[str, Any]) -> list[dict[str, Any]]:
        """Path-level then operation-level parameters, `$ref`s resolved; an operation-level one
        replaces the path-level one of the same name and location in its place."""
        return merge_parameters(document, self.path_item.get("parameters"), self.operation.get("parameters"))


def wire_path(path: str) -> str:
    """The path template as sent: without a URL fragment. Documents key operations that share
    a path by a fragment (`/files/{id}#add_shared_link`); HTTP never sends one, and a query
    appended after it would become part of the fragment."""
    return path.split("#", 1)[0]


def template_variables(template: str) -> list[str]:
    """The `{name}`s of a path or server URL template, each once, in order."""
    return list(dict.fromkeys(_TEMPLATE_VARIABLE.findall(template)))


def merge_parameters(document: dict[str, Any], shared: object, own: object) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in _list(shared) + _list(own):
        param = deref(document, raw)
        name, location = param.get("name"), param.get("in")
        if isinstance(name, str) and isinstance(location, str):
            merged[(name, location)] = param
    return list(merged.values())


def iter_operations(document: dict[str, Any], *, sort_paths: bool = False) -> Iterator[OperationRef]:
    """Every operation in document order (or sorted by path), methods in `HTTP_METHODS` order."""
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return
    items = [(path, item) for path, item in paths.items() if isinstance(path, str)]
    if sort_paths:
        items.sort(key=lambda pair: pair[0])
    for path, raw_item in items:
        item = deref(document, raw_item)
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield OperationRef(path, method, operation, item)


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
