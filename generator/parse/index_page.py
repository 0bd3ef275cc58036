"""Index pages (`<folder>/index.md`): the reference's introduction of one agent or entity.

The page is tokenised by the same markdown-it-py block rules as endpoint pages. Its title, the
path in its ```http block, its own paragraphs and the pages it lists are kept; the spec stage
turns them into the description of the tag its folder gives the operations (tags[].description).
Overview pages (the docs root, or pages that neither name a path nor list pages of their own
folder) are not about one tag and give None.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from generator.diagnostics import Diagnostics
from generator.parse.decode import normalise_newlines
from generator.parse.front_matter import split_front_matter
from generator.parse.markdown import Block, parse_blocks
from generator.parse.page_model import IndexPage
from generator.parse.text import clean

INDEX_FILE = "index.md"
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)")
_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d+[.)])\s+", re.M)


def is_index_file(relative: str) -> bool:
    return posixpath.basename(relative).lower() == INDEX_FILE


def parse_index_page(text: str, file: str, diags: Diagnostics) -> IndexPage | None:
    """The index page of the folder's tag, or None for an overview page (see the module doc)."""
    text = normalise_newlines(text.removeprefix("\ufeff"))
    front, body, offset = split_front_matter(text, file, diags)
    return index_from_blocks(front, parse_blocks(body, offset), file)


def index_from_blocks(front: dict[str, Any], blocks: list[Block], file: str) -> IndexPage | None:
    """parse_index_page, from the page's front matter and blocks (see parse/page.py's page_blocks)."""
    folder = posixpath.basename(posixpath.dirname(file))
    title, line, base_path = str(front.get("title") or "").strip(), 1, ""
    prose: list[str] = []
    links: list[str] = []
    for block in blocks:
        if block.kind == "heading" and block.level == 1 and not prose:
            title, line = title or block.text, block.start
        elif block.kind == "fence" and block.info.split()[:1] == ["http"] and not base_path:
            base_path = block.text.strip().split()[0] if block.text.strip() else ""
        elif _is_link_list(block):
            links += _LINK.findall(block.text)
        elif block.kind in ("paragraph", "other", "heading") and not block.text.lstrip().startswith("[!include"):
            prose.append(("#" * block.level + " " if block.kind == "heading" else "") + block.text)
    own_links = [target for target in links if "/" not in target and target.lower().endswith(".md")]
    if not folder or not (base_path or own_links):
        return None
    return IndexPage(file, folder, title, base_path, clean("\n\n".join(prose)), tuple(links), line)


def _is_link_list(block: Block) -> bool:
    """A list whose every item is a link (the page's table of contents)."""
    if block.kind != "other" or not _LIST_ITEM.match(block.text):
        return False
    items = [item for item in _LIST_ITEM.split(block.text) if item.strip()]
    return bool(items) and all(_LINK.fullmatch(item.strip()) for item in items)
