"""Markdown -> a flat list of top-level blocks, from markdown-it-py tokens.

Only block-level tokenisation runs over whole pages: reference pages are dominated by large
tables and JSON fences, and inline parsing of every table cell would triple the cost while the
cells are kept as Markdown anyway. Inline tokenisation runs later, only on the few snippets that
hold HTML or entities (see text.py).

The stock GFM table rule emits ~10 tokens per cell; a reference page has hundreds of cells. Our
`table` rule (a markdown-it block rule, registered in place of the stock one) recognises the same
GFM tables and emits one token per table with its cells in `meta`, which halves tokenising time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from generator.parse.fastblock import make_fast


class TableRow(NamedTuple):
    # A tuple, not a dataclass: a corpus has ~100,000 rows and tuples are built several times faster.
    cells: tuple[str, ...]
    line: int  # 1-based


class Block(NamedTuple):
    """One top-level block of a page (a tuple: pages have ~20 each, built in a hot loop).

    kind: "heading" | "paragraph" | "fence" | "table" | "other" (lists, html, rules, ...).
    `text` is the raw Markdown of the block (heading text without the #'s, paragraph source, fence
    content); `start`/`end` are 1-based first and last lines.
    """

    kind: str
    start: int
    end: int
    text: str
    level: int = 0  # heading level
    info: str = ""  # fence info string
    header: tuple[str, ...] = ()
    rows: tuple[TableRow, ...] = ()


def split_row(line: str) -> list[str]:
    """Split a GFM table row on unescaped pipes; `\\|` stays a literal pipe in the cell."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    if "\\|" not in text:
        return list(map(str.strip, text.split("|")))
    # Split on every pipe, then glue back the pieces whose pipe was escaped.
    cells: list[str] = []
    pending = ""
    *pieces, last = text.split("|")
    for piece in pieces:
        if piece.endswith("\\"):
            pending += piece[:-1] + "|"
        else:
            cells.append((pending + piece).strip())
            pending = ""
    cells.append((pending + last).strip())
    return cells


def _is_delimiter_row(line: str) -> bool:
    text = line.strip()
    if "-" not in text or not set(text) <= set("|-: \t"):
        return False
    cells = split_row(text)
    return all(cell and cell.strip(":") and set(cell.strip(":")) == {"-"} for cell in cells)


# The markdown-it env key that tells the table rule how many page lines precede its source.
LINE_OFFSET = "sdkgen_line_offset"


def _line_text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _table_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if start_line + 2 > end_line:
        return False
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    first = _line_text(state, start_line)
    if "|" not in first:
        return False
    if state.sCount[start_line + 1] - state.blkIndent >= 4:
        return False
    if not _is_delimiter_row(_line_text(state, start_line + 1)):
        return False
    if silent:
        return True
    header = tuple(split_row(first))
    rows: list[TableRow] = []
    src, begins, ends, shifts, indents = state.src, state.bMarks, state.eMarks, state.tShift, state.sCount
    code_indent = state.blkIndent + 4
    # Row numbers are 1-based lines of the page (parse_blocks passes the lines cut off before `src`).
    first_number = 1 + state.env.get(LINE_OFFSET, 0)
    line = start_line + 2
    strip = str.strip
    while line < end_line:
        begin = begins[line] + shifts[line]
        if begin >= ends[line] or indents[line] >= code_indent:  # empty line, or an indented code line
            break
        text = src[begin : ends[line]]
        if "|" not in text:
            break
        if "\\|" in text:
            cells = tuple(split_row(text))
        else:  # split_row without escaped pipes, inline: tables have ~100,000 rows
            text = text.strip()
            if text.endswith("|"):
                text = text[:-1]
            cells = tuple(map(strip, (text[1:] if text.startswith("|") else text).split("|")))
        rows.append(TableRow(cells, line + first_number))
        line += 1
    token = state.push("table", "table", 0)
    token.map = [start_line, line]
    token.meta = {"header": header, "rows": tuple(rows)}
    state.line = line
    return True


@lru_cache(maxsize=1)
def block_parser() -> MarkdownIt:
    """The shared markdown-it instance: CommonMark blocks, our table rule, no inline pass."""
    md = MarkdownIt("commonmark")
    md.block.ruler.before("code", "table", _table_rule, {"alt": ["paragraph", "reference"]})
    md.disable(["inline", "text_join"])
    return make_fast(md)


@lru_cache(maxsize=1)
def inline_parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def parse_blocks(src: str, line_offset: int = 0) -> list[Block]:
    """Tokenise `src` once and return its top-level blocks.

    `line_offset` is added to every line number (front matter stripped before tokenising).
    """
    tokens = block_parser().parse(src, {LINE_OFFSET: line_offset} if line_offset else None)
    lines: list[str] | None = None
    blocks: list[Block] = []
    i = 0
    count = len(tokens)
    while i < count:
        token = tokens[i]
        if token.level != 0 or token.nesting == -1 or token.map is None:
            i += 1
            continue
        start, end = token.map[0] + 1 + line_offset, token.map[1] + line_offset
        if token.type == "heading_open":
            blocks.append(Block("heading", start, end, tokens[i + 1].content.strip(), level=int(token.tag[1])))
            i += 3
            continue
        if token.type == "paragraph_open":
            blocks.append(Block("paragraph", start, end, tokens[i + 1].content))
            i += 3
            continue
        if token.type == "fence":
            blocks.append(Block("fence", start, end, token.content, info=token.info.strip()))
        elif token.type == "table":
            meta = token.meta
            blocks.append(Block("table", start, end, "", header=meta["header"], rows=meta["rows"]))
        else:
            if lines is None:
                lines = src.split("\n")
            raw = "\n".join(lines[token.map[0] : token.map[1]]).strip("\n")
            blocks.append(Block("other", start, end, raw))
        i += 1
    return blocks
