"""JSON pointers and local `$ref`s (RFC 6901): the one resolver every stage uses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote


def escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_of(*tokens: str | int) -> str:
    """`#/paths/~1pets/get` from `("paths", "/pets", "get")`."""
    return "#/" + "/".join(escape_token(str(token)) for token in tokens)


def resolve_pointer(document: Any, ref: str) -> Any | None:
    """The node a local `#/...` reference names, or None when it is external or dangling."""
    if ref == "#":
        return document
    if not ref.startswith("#/"):
        return None
    node: Any = document
    for raw in ref[2:].split("/"):
        token = unescape_token(raw)
        if isinstance(node, dict) and token not in node:
            # A `$ref` is a URI, so its fragment may be percent-encoded (RFC 6901 section 6):
            # `#/paths/~1pets~1%7Bid%7D` names the path `/pets/{id}`.
            token = unescape_token(unquote(raw))
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


def deref(document: Any, node: Any, *, limit: int = 50, pointers: dict[str, Any] | None = None) -> dict[str, Any]:
    """Follow a chain of `$ref`s from `node` (at most `limit` hops); {} when the chain is dangling,
    external, cyclic or ends in something that is not an object. `pointers` memoises each
    reference's target for a caller that derefs one unchanging document many times."""
    current = node
    for _ in range(limit):
        if not isinstance(current, dict):
            break
        ref = current.get("$ref")
        if not isinstance(ref, str):
            break
        if pointers is None:
            current = resolve_pointer(document, ref)
        elif ref in pointers:
            current = pointers[ref]
        else:
            current = pointers[ref] = resolve_pointer(document, ref)
        if current is None:
            return {}
    else:
        return {}
    return current if isinstance(current, dict) else {}


# Keys whose values are sample data: a `$ref` key inside them is data, not a reference.
_SAMPLE_KEYS = frozenset({"example", "examples", "x-samples"})


def iter_local_refs(node: Any) -> Iterator[str]:
    """Every local `#/...` `$ref` inside `node` (not following them; sample data skipped)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/"):
                yield ref
            stack.extend(value for key, value in item.items() if key not in _SAMPLE_KEYS)
        elif isinstance(item, list):
            stack.extend(item)
