"""A faster driver for markdown-it-py's block rules: same rules, same tokens, less Python per line.

markdown-it-py spends most of its block time on bookkeeping, not on rules that match: it scans
every line's indentation character by character, offers every line to every rule in turn (ten
rules, most of which give up on the first character), walks fences line by line to find their
closing marker, and copies fence bodies line by line. Reference pages are mostly long JSON fences
and tables, so that bookkeeping dominates. This module keeps markdown-it-py's rules and its token
stream exactly, and changes only how the work is driven:

- line markers are computed with `str.split`/`str.lstrip` instead of a per-character loop;
- each line is offered only to the rules that can start with its first character (the stock
  rules return False for any other character; rules we do not know are always offered), and
  the table rule only lines that hold a `|`;
- line endings and NUL characters are normalised only when the page has any;
- the stock rules run as copies whose entry logging call does nothing;
- at the top level, a fence's closing marker is found with `str.find`, and line ranges that no
  blockquote or list has rewritten are cut in one slice (nested fences use the stock code).

`tests/test_parse_fastblock.py` checks the token streams against stock markdown-it-py on every
page of both corpora and on mangled input.
"""

from __future__ import annotations

import logging
import types
from bisect import bisect_right
from itertools import accumulate, repeat
from operator import add, sub
from typing import TYPE_CHECKING, Any

from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.fence import fence as _logging_fence

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.parser_block import RuleFuncBlockType
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token
    from markdown_it.utils import EnvType

# The characters a line must start with (after its indent) for each stock rule to match it.
# Rules that match only a line holding a `|` (our one-token table rule, parse/markdown.py).
NEEDS_PIPE = frozenset({"table"})

FIRST_CHARS: dict[str, str] = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}


class _QuietLogger:
    """Stands in for a rule module's logger: `debug` takes any arguments, formats nothing, logs nothing."""

    debug = staticmethod("".format)


def quiet_rule(rule: Any) -> Any:
    """A copy of a stock markdown-it rule whose `LOGGER.debug("entering ...")` call costs next to
    nothing (every line offered to a rule paid for a logging call). The stock function is left as
    it is; rules that log nothing, and every rule while markdown_it logs at DEBUG level, are kept."""
    if not isinstance(rule, types.FunctionType) or "LOGGER" not in rule.__code__.co_names:
        return rule
    if logging.getLogger("markdown_it").isEnabledFor(logging.DEBUG):
        return rule
    quiet = types.FunctionType(
        rule.__code__, {**rule.__globals__, "LOGGER": _QuietLogger}, rule.__name__, rule.__defaults__, rule.__closure__
    )
    quiet.__kwdefaults__ = rule.__kwdefaults__
    return quiet


stock_fence: RuleFuncBlockType = quiet_rule(_logging_fence)


class FastStateBlock(StateBlock):
    """StateBlock whose line markers are computed a line at a time, at C speed."""

    def __init__(self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> None:
        # The stock constructor sets every other field; on an empty source it computes no markers.
        super().__init__("", md, env, tokens)
        self.src = src
        lines = src.split("\n")
        lengths = list(map(len, lines))
        shifts = list(map(sub, lengths, [len(line.lstrip(" \t")) for line in lines]))
        # A final segment of only spaces and tabs (or an empty one after a trailing newline) gets
        # no marker, as in the stock per-character scan.
        if shifts[-1] == lengths[-1]:
            lines.pop()
            lengths.pop()
            shifts.pop()
        count = len(lengths)
        begins = [0, *accumulate(map(add, lengths, repeat(1, count)))]
        begins.pop()
        self.bMarks = begins
        self.eMarks = list(map(add, begins, lengths))
        self.tShift = shifts
        if "\t" in src:
            self.sCount = list(map(_expanded_indent, lines, shifts))
        else:
            self.sCount = shifts.copy()
        self.bsCount = [0] * count
        self._line_begins = begins.copy()  # bMarks before any blockquote or list rewrites them
        # The fake line that simplifies bounds checks.
        end = len(src)
        self.bMarks.append(end)
        self.eMarks.append(end)
        self.tShift.append(0)
        self.sCount.append(0)
        self.bsCount.append(0)
        self.lineMax = count

    def getLines(self, begin: int, end: int, indent: int, keepLastLF: bool) -> str:
        # With no indent to strip and no line rewritten by a blockquote or list, the lines are one
        # contiguous slice of the source.
        if indent == 0 and begin < end and self.bMarks[begin:end] == self._line_begins[begin:end]:
            last = self.eMarks[end - 1] + 1 if keepLastLF else self.eMarks[end - 1]
            return self.src[self.bMarks[begin] : last]
        return super().getLines(begin, end, indent, keepLastLF)


def _expanded_indent(line: str, shift: int) -> int:
    offset = 0
    for char in line[:shift]:
        offset += 4 - offset % 4 if char == "\t" else 1
    return offset


def fast_fence(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """The stock fence rule, with the closing marker found by `str.find` at the top level."""
    if silent or state.parentType != "root" or state.blkIndent != 0:
        return stock_fence(state, start_line, end_line, silent)
    if not stock_fence(state, start_line, end_line, True):
        return False
    src = state.src
    bmarks, emarks, tshift = state.bMarks, state.eMarks, state.tShift
    pos = bmarks[start_line] + tshift[start_line]
    maximum = emarks[start_line]
    marker = src[pos]
    after = state.skipCharsStr(pos, marker)
    markup = src[pos:after]
    params = src[after:maximum]

    next_line = end_line
    have_end = False
    limit = bmarks[end_line]
    search = emarks[start_line]
    while True:
        found = src.find(markup, search, limit)
        if found < 0:
            break
        line = bisect_right(bmarks, found, start_line + 1, end_line) - 1
        if found != bmarks[line] + tshift[line] or state.is_code_block(line):
            search = emarks[line]
            continue
        tail = state.skipSpaces(state.skipCharsStr(found, marker))
        if tail < emarks[line]:
            search = emarks[line]
            continue
        next_line, have_end = line, True
        break

    state.line = next_line + (1 if have_end else 0)
    token = state.push("fence", "code", 0)
    token.info = params
    token.content = state.getLines(start_line + 1, next_line, state.sCount[start_line], True)
    token.markup = markup
    token.map = [start_line, state.line]
    return True


class DispatchingParserBlock(ParserBlock):
    """ParserBlock that offers each line only to the rules that can match its first character."""

    _dispatch_rules: list[Any] | None = None
    _dispatch_all: tuple[RuleFuncBlockType, ...] = ()
    _dispatch_default: tuple[RuleFuncBlockType, ...] = ()
    _dispatch_by_char: dict[str, tuple[RuleFuncBlockType, ...]] = {}  # noqa: RUF012 - set per instance before use
    # The same, without the rules that need a character the line lacks (a table needs a `|`).
    _pipe_free_default: tuple[RuleFuncBlockType, ...] = ()
    _pipe_free_by_char: dict[str, tuple[RuleFuncBlockType, ...]] = {}  # noqa: RUF012 - as above

    def _dispatch(self) -> None:
        rules = self.ruler.getRules("")
        if rules is self._dispatch_rules:
            return
        names = self.ruler.get_active_rules()
        pairs = list(zip(names, rules, strict=False))
        self._dispatch_rules = rules
        self._dispatch_all = tuple(rules)
        self._dispatch_default = tuple(rule for name, rule in pairs if name not in FIRST_CHARS)
        chars = {char for name, _ in pairs for char in FIRST_CHARS.get(name, "")}
        self._dispatch_by_char = {
            char: tuple(rule for name, rule in pairs if name not in FIRST_CHARS or char in FIRST_CHARS[name])
            for char in chars
        }
        pipe_rules = {rule for name, rule in pairs if name in NEEDS_PIPE}
        self._pipe_free_default = tuple(rule for rule in self._dispatch_default if rule not in pipe_rules)
        self._pipe_free_by_char = {
            char: tuple(rule for rule in rules if rule not in pipe_rules)
            for char, rules in self._dispatch_by_char.items()
        }

    def parse(self, src: str, md: MarkdownIt, env: EnvType, outTokens: list[Token]) -> list[Token] | None:
        if not src:
            return None
        state = FastStateBlock(src, md, env, outTokens)
        self.tokenize(state, state.line, state.lineMax)
        return state.tokens

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        # The stock loop (markdown_it/parser_block.py), with the rules picked per line.
        self._dispatch()
        every_rule, default, by_char = self._dispatch_all, self._dispatch_default, self._dispatch_by_char
        pipe_free_default, pipe_free_by_char = self._pipe_free_default, self._pipe_free_by_char
        src = state.src
        line = startLine
        max_nesting = state.md.options.maxNesting
        has_empty_lines = False

        while line < endLine:
            state.line = line = state.skipEmptyLines(line)
            if line >= endLine:
                break
            if state.sCount[line] < state.blkIndent:
                break
            if state.level >= max_nesting:
                state.line = endLine
                break

            pos = state.bMarks[line] + state.tShift[line]
            end = state.eMarks[line]
            if state.sCount[line] - state.blkIndent >= 4 or pos >= end:
                rules = every_rule
            elif src.find("|", pos, end) >= 0:
                rules = by_char.get(src[pos], default)
            else:
                rules = pipe_free_by_char.get(src[pos], pipe_free_default)
            ok = False
            for rule in rules:
                ok = rule(state, line, endLine, False)
                if ok:
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break
            if not ok:
                raise RuntimeError("none of the block rules matched")

            state.tight = not has_empty_lines
            line = state.line
            if (line - 1) < endLine and state.isEmpty(line - 1):
                has_empty_lines = True
            if line < endLine and state.isEmpty(line):
                has_empty_lines = True
                line += 1
                state.line = line


def fast_normalize(state: StateCore) -> None:
    """The stock `normalize` core rule without two regex passes over pages that need neither."""
    src = state.src
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in src:
        src = src.replace("\0", "\ufffd")
    state.src = src


def make_fast(md: MarkdownIt) -> MarkdownIt:
    """Switch `md` to the dispatching block driver and the fast fence and normalize rules, in place."""
    md.core.ruler.at("normalize", fast_normalize)
    md.block.__class__ = DispatchingParserBlock
    for rule in md.block.ruler.__rules__:
        if rule.name == "fence":
            md.block.ruler.at("fence", fast_fence, {"alt": list(rule.alt)})
        else:
            rule.fn = quiet_rule(rule.fn)  # in place: `at` would find the first of two rules named "table"
    md.block.ruler.__cache__ = None  # the ruler's cached chains still hold the logging rules
    return md
