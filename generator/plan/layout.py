"""Line layout for the few expressions that can outgrow black's 88 columns.

The planner knows where each expression lands (fields at 4 spaces, request arguments at
12), so it lays long calls and dicts out the way black would. Whatever is still too long
is left to black by the writer; tests compare the result with whole-file black.
"""

from __future__ import annotations

LINE_LENGTH = 88


def call(func: str, args: list[str], *, column: int, indent: int, suffix: int = 0) -> str:
    """`func(a, b)` starting at `column`; split like black when the line would be too long."""
    one_line = f"{func}({', '.join(args)})"
    if column + len(one_line) + suffix <= LINE_LENGTH or not args or column + len(func) + 1 > LINE_LENGTH:
        return one_line
    inner = " " * (indent + 4)
    body = ", ".join(args)
    if len(inner) + len(body) <= LINE_LENGTH:
        return f"{func}(\n{inner}{body}\n{' ' * indent})"
    return f"{func}(\n" + "".join(f"{inner}{arg},\n" for arg in args) + f"{' ' * indent})"


def mapping(entries: list[tuple[str, str]], *, column: int, indent: int, suffix: int = 0) -> str:
    """`{k: v, ...}` starting at `column`; one entry per line (black's trailing-comma form) if too long."""
    one_line = "{" + ", ".join(f"{k}: {v}" for k, v in entries) + "}"
    if column + len(one_line) + suffix <= LINE_LENGTH or not entries:
        return one_line
    inner = " " * (indent + 4)
    return "{\n" + "".join(f"{inner}{k}: {v},\n" for k, v in entries) + " " * indent + "}"


def call_with_mapping(func: str, first: str, entries: list[tuple[str, str]]) -> str:
    """`func(first, {k: v, ...})` as a top-level statement, split the way black does."""
    mapping_text = "{" + ", ".join(f"{k}: {v}" for k, v in entries) + "}"
    one_line = f"{func}({first}, {mapping_text})"
    if len(one_line) <= LINE_LENGTH:
        return one_line
    if 4 + len(first) + 2 + len(mapping_text) <= LINE_LENGTH:
        return f"{func}(\n    {first}, {mapping_text}\n)"
    mapping_lines = mapping(entries, column=4, indent=4, suffix=1)
    return f"{func}(\n    {first},\n    {mapping_lines},\n)"


def assign_call(target: str, func: str, arg: str, *, indent: int) -> str:
    """`target = func(arg)` at `indent`, with the argument on its own line when too long (black's split)."""
    one_line = f"{target} = {func}({arg})"
    if indent + len(one_line) <= LINE_LENGTH:
        return one_line
    pad = " " * indent
    return f"{target} = {func}(\n{pad}    {arg}\n{pad})"
