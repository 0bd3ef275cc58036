"""Index pages -> `tags[].description`: the reference's own introduction of each agent and entity.

An index page belongs to the tag its folder gives the endpoint pages beside it (`agent/Chat_Agent/
index.md` -> `Chat_Agent`), or else the tag its title names. A page without prose of its own (the
2021 reference lists only the base path and the pages) is described from what it does say: the
resource and its base path. An index page whose tag no operation has is reported, not dropped
silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.diagnostics import Diagnostics
from generator.parse.page_model import IndexPage


def described_tags(tags: Sequence[str], indexes: Sequence[IndexPage], diags: Diagnostics) -> list[dict[str, Any]]:
    """The document's `tags` list: one entry per operation tag, with a description from its index page."""
    known = set(tags)
    by_tag: dict[str, IndexPage] = {}
    for index in sorted(indexes, key=lambda i: i.file):
        tag = index.tag if index.tag in known else index.title if index.title in known else ""
        if not tag:
            diags.warn(
                index.file,
                index.line,
                "index-unmatched",
                f"index page for {index.tag!r} matches the tag of no operation; its description is not used",
            )
        elif tag in by_tag:
            diags.warn(
                index.file,
                index.line,
                "index-duplicate",
                f"a second index page for tag {tag!r}; {by_tag[tag].file} is used",
            )
        else:
            by_tag[tag] = index
    entries: list[dict[str, Any]] = []
    for tag in tags:
        entry: dict[str, Any] = {"name": tag}
        if tag in by_tag:
            entry["description"] = _description(by_tag[tag])
        entries.append(entry)
    return entries


def _description(index: IndexPage) -> str:
    if index.description:
        return index.description
    words = index.tag.split("_")
    name = " ".join(words[:-1]) + " agent" if len(words) > 1 and words[-1] == "Agent" else " ".join(words)
    kind = "agent" if name.endswith(" agent") else "entity"
    where = f", under `{index.base_path}`" if index.base_path else ""
    return f"The {name} {'endpoints' if kind == 'agent' else 'entity endpoints'} of the reference{where}."
