"""What a page's endpoint is called in the spec: its path as an OpenAPI template, and its tag."""

from __future__ import annotations

import posixpath

_TEMPLATE_NAME = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")


def path_template(path: str) -> str:
    """`path` with every brace that is not part of a whole-segment `{name}` percent-encoded.

    OpenAPI templates name path parameters `{name}`; a stray or partial brace (`/{api/v1`,
    `/x{id}`, `{a:b}`) would make a path whose parameters cannot be declared.
    """
    if "{" not in path and "}" not in path:
        return path
    route, sep, query = path.partition("?")
    segments = []
    for segment in route.split("/"):
        name = segment[1:-1]
        whole = segment.startswith("{") and segment.endswith("}") and name and set(name) <= _TEMPLATE_NAME
        segments.append(segment if whole else segment.replace("{", "%7B").replace("}", "%7D"))
    return "/".join(segments) + sep + query


def tag_for(file: str, uid: str) -> str:
    """The operation's tag: the page's folder, else a guess from its uid."""
    folder = posixpath.basename(posixpath.dirname(file))
    if folder and folder not in ("samples", "request", "response"):
        return folder
    # A page outside the usual folders (the seed): v1ChatAgent_X -> Chat_Agent, v1ContactEntity_X -> Contact.
    stem = uid.split("_", 1)[0].lstrip("v0123456789")
    if stem.endswith("Agent"):
        return f"{stem[:-5]}_Agent"
    if stem.endswith("Entity"):
        return stem[:-6]
    return stem or "default"
