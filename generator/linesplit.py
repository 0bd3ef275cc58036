"""Black's split of one over-long line, for the shapes generated code is made of, without black.

Black needs ~6 ms per statement it splits; a large API has ten thousand long `Field(...)`,
`query={...}` and `link(...)` lines, so the writer splits those here and leaves every other
line to black. The rules are black's right-hand split for a line whose last bracket pair
holds a call's arguments or a dict/tuple: the head up to the opening bracket stays, the
arguments go on one indented line if they fit (calls only), else one per line with a trailing
comma; a single dict/tuple element is never given one. Whenever a line is not plainly such a
shape (comments, operators outside brackets, subscripts, a head that does not fit, ...) the
answer is None and black decides. tests/test_generate_formatting.py checks the result equals
black's on every generated file.
"""

from __future__ import annotations

import itertools
import re
import tokenize

from black.strings import str_width

LINE_LENGTH = 88
_OPENING = {"(": ")", "{": "}", "[": "]"}
_CLOSING = {")", "}", "]"}
_STRING = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
# An element black cannot split further: `name=<string>`, `<string>`, `<string>: <string or name>`.
_ATOMIC = re.compile(rf"^\s*(?:[A-Za-z_]\w*=)?{_STRING}(?:: (?:{_STRING}|[A-Za-z_][\w.]*))?,?$")
# Operators that may stand outside brackets in a line we split: `=` of an assignment or keyword,
# `:` of an annotation or dict entry, `|` inside an annotation, `.` of an attribute, `,`.
_ALLOWED_OPS = frozenset({"=", ":", ",", ".", "|", *_OPENING, *_CLOSING})


def width(line: str) -> int:
    return int(str_width(line))


def split_line(line: str, *, inside: bool) -> list[str] | None:
    """`line` laid out as black would (one line when it fits), or None when unsure.

    `inside`: the line is one argument or entry inside brackets (ending in `,` when the
    brackets are exploded); otherwise it is a whole statement.
    """
    if width(line) <= LINE_LENGTH:
        return [line]
    tokens = _tokens(line)
    if tokens is None:
        return None
    indent = len(line) - len(line.lstrip(" "))
    close = _last_closing(tokens, inside)
    if close is None:
        return [line] if inside and _ATOMIC.match(line) else None
    open_ = _matching_opening(tokens, close)
    if open_ is None or not _plain_head(tokens[:open_], inside):
        return None
    bracket = tokens[open_][1]
    is_call = bracket == "(" and open_ > 0 and tokens[open_ - 1][0] == tokenize.NAME
    if bracket == "[" or (bracket == "(" and not is_call):
        return None  # subscripts and parenthesised tuples have rules of their own
    start, end = tokens[open_][2], tokens[close][2]
    head, body, tail = line[: start + 1], line[start + 1 : end].strip(), line[end:]
    if width(head) > LINE_LENGTH or not body or body.endswith(","):
        return None
    pad = " " * (indent + 4)
    parts = _split_commas(tokens[open_ + 1 : close], line)
    if is_call and width(pad + body) <= LINE_LENGTH:
        inner = [pad + body]
    elif len(parts) > 1:
        inner = [pad + part + "," for part in parts]
    else:
        inner = [pad + body]  # a single argument or entry: black adds no comma
    out = [head]
    for item in inner:
        nested = split_line(item, inside=True)
        if nested is None:
            return None
        out += nested
    out.append(" " * indent + tail)
    return out


# Strings (no prefixes, no triple quotes), names, numbers, the operators we allow, blanks.
_TOKEN = re.compile(
    rf"(?P<string>{_STRING})|(?P<name>[A-Za-z_]\w*)|(?P<number>\d[\w.]*)|(?P<op>[=:,.|(){{}}\[\]*-])|(?P<blank> +)"
)
_KIND = {"string": tokenize.STRING, "name": tokenize.NAME, "number": tokenize.NUMBER, "op": tokenize.OP}


def _tokens(line: str) -> list[tuple[int, str, int]] | None:
    """(type, text, column) of each token, or None for lines we do not split (comments, ...)."""
    result: list[tuple[int, str, int]] = []
    position = 0
    for match in _TOKEN.finditer(line):
        if match.start() != position:
            return None  # something we do not tokenise (`#`, `\\`, `@`, prefixed strings, ...)
        position = match.end()
        kind = match.lastgroup
        if kind != "blank":
            if kind == "string" and match.group().startswith(('"""', "'''")):
                return None
            result.append((_KIND[kind or "op"], match.group(), match.start()))
    if position != len(line):
        return None
    # a name glued to a string is a prefixed string (f"...", b"..."): black's business
    if any(
        a[0] == tokenize.NAME and b[0] == tokenize.STRING and a[2] + len(a[1]) == b[2]
        for a, b in itertools.pairwise(result)
    ):
        return None
    return result


def _last_closing(tokens: list[tuple[int, str, int]], inside: bool) -> int | None:
    index = len(tokens) - 1
    if inside and tokens and tokens[index][1] == ",":
        index -= 1
    return index if index >= 0 and tokens[index][1] in _CLOSING else None


def _matching_opening(tokens: list[tuple[int, str, int]], close: int) -> int | None:
    depth = 0
    for index in range(close, -1, -1):
        text = tokens[index][1]
        if text in _CLOSING:
            depth += 1
        elif text in _OPENING:
            depth -= 1
            if depth == 0:
                return index if _OPENING[text] == tokens[close][1] else None
    return None


def _plain_head(head: list[tuple[int, str, int]], inside: bool) -> bool:
    """The text before the split bracket is one of the shapes whose split black always makes
    at that bracket: inside brackets `[key= | "key": ][callee]`; as a statement
    `[target[: annotation] = ]callee` (so the optional parentheses of an assignment are
    omitted: its right-hand side has no operator outside the call's brackets)."""
    texts = [text for _, text, _ in head]
    kinds = [kind for kind, _, _ in head]
    if inside:
        if texts[:2] and len(texts) >= 2 and kinds[0] == tokenize.NAME and texts[1] == "=":
            rest = 2
        elif len(texts) >= 2 and kinds[0] == tokenize.STRING and texts[1] == ":":
            rest = 2
        else:
            rest = 0
        return len(head) - rest <= 1 and all(kind == tokenize.NAME for kind in kinds[rest:])
    if not head or kinds[-1] != tokenize.NAME or texts[-1] in _KEYWORDS:
        return False
    target = head[:-1]
    if not target:
        return True  # an expression statement: `link(...)`
    if texts[-2] != "=" or not _plain_target(target[:-1]):
        return False
    return True


_KEYWORDS = frozenset({"lambda", "if", "else", "and", "or", "not", "in", "is", "return", "await", "yield", "del"})


def _plain_target(tokens: list[tuple[int, str, int]]) -> bool:
    """`name`, `self.name` or `name: <annotation>` (no `=` or keyword outside brackets)."""
    depth = 0
    for kind, text, _ in tokens:
        if text in _OPENING:
            depth += 1
        elif text in _CLOSING:
            depth -= 1
        elif depth == 0 and (text == "=" or text in _KEYWORDS or (kind == tokenize.OP and text not in _ALLOWED_OPS)):
            return False
    return depth == 0 and bool(tokens) and tokens[0][0] == tokenize.NAME


def _split_commas(tokens: list[tuple[int, str, int]], line: str) -> list[str]:
    """The source text of each top-level comma-separated part (a trailing comma adds no part)."""
    parts: list[str] = []
    depth = 0
    start: int | None = None
    for index, (_, text, column) in enumerate(tokens):
        if start is None:
            start = column
        if text in _OPENING:
            depth += 1
        elif text in _CLOSING:
            depth -= 1
        elif text == "," and depth == 0:
            parts.append(line[start:column].strip())
            start = None
        if index == len(tokens) - 1 and start is not None:
            end = column + len(text)
            parts.append(line[start:end].strip())
    return parts
