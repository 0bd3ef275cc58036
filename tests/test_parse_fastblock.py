"""The fast block driver (generator/parse/fastblock.py) yields exactly the tokens of stock markdown-it-py.

It replaces markdown-it-py's per-line bookkeeping, so any divergence would silently change what
the parser sees. The reference is a stock MarkdownIt with the same configuration (our table rule,
no inline pass): same token types, maps, contents, info strings, markup and nesting.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import CORPORA, REPO, require_shared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.corpus import find_pages
from generator.parse.markdown import _table_rule, block_parser


def _stock() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.block.ruler.before("code", "table", _table_rule, {"alt": ["paragraph", "reference"]})
    md.disable(["inline", "text_join"])
    return md


STOCK = _stock()


def _tokens(md: MarkdownIt, text: str) -> list[tuple[Any, ...]]:
    return [
        (t.type, t.tag, t.nesting, t.map, t.content, t.info, t.markup, repr(t.meta), t.level, t.block, t.hidden)
        for t in md.parse(text)
    ]


def _assert_same(text: str, label: str) -> None:
    assert _tokens(block_parser(), text) == _tokens(STOCK, text), f"token streams differ for {label}"


def test_embedded_docs_tokenise_as_stock() -> None:
    root = REPO / "specs" / "docs"
    files = find_pages(root)
    assert files
    for relative in files:
        _assert_same((root / relative).read_text(encoding="utf-8"), relative)


@pytest.mark.corpus
@pytest.mark.parametrize("corpus", CORPORA)
def test_every_corpus_page_tokenises_as_stock(corpus: str) -> None:
    root = require_shared("corpus", corpus, "restful")
    differing = [
        relative
        for relative in find_pages(root)
        if _tokens(block_parser(), text := (root / relative).read_text(encoding="utf-8")) != _tokens(STOCK, text)
    ]
    assert differing == []


# Lines that exercise every shortcut: fences (closed, unclosed, indented, longer closers, closers
# with trailing text), fences inside lists and quotes, tabs, CR/CRLF, NUL, tables, setext headings,
# HTML, references and whitespace-only lines.
FRAGMENTS = [
    "```json",
    "```",
    "````",
    "~~~",
    "~~~ text",
    "``` x",
    "   ```",
    "    ```",
    "\t```",
    " ```",
    '{ "a": 1 }',
    "  nested",
    "\tTabbed",
    "  \t mixed",
    "- item",
    "1. first",
    "* star",
    "+ plus",
    "> quote",
    "> ```",
    ">",
    "# Heading",
    "## Sub",
    "Setext",
    "===",
    "---",
    "***",
    "___",
    "| A | B |",
    "|---|---|",
    "| 1 | 2 |",
    "a | b",
    "<div>",
    "</div>",
    "<!-- c -->",
    "[ref]: /url",
    "text",
    "",
    " ",
    "   ",
    "\t",
    "line\r",
    "crlf\r\n",
    "nul\0",
    "   - indented item",
    "  > quoted",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.booleans())
def test_random_markdown_tokenises_as_stock(lines: list[str], trailing_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if trailing_newline else "")
    _assert_same(text, repr(text))


def test_fast_driver_is_in_use() -> None:
    # Guards against a markdown-it-py upgrade or refactor silently dropping the fast path.
    from generator.parse.fastblock import DispatchingParserBlock, FastStateBlock

    md = block_parser()
    assert isinstance(md.block, DispatchingParserBlock)
    assert isinstance(md.block.parse("x", md, {}, []), list)
    assert FastStateBlock.__mro__[1].__name__ == "StateBlock"
