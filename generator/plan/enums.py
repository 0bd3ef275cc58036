"""Documented enums as type checkers and the runtime see them.

Type checkers get `Literal`s; the runtime keeps values an enum does not list (`code.Open`,
rendered `Annotated[Literal[...], OpenEnum]`). Tags stay closed: one-value enums and `const`
(union tags by nature) and discriminator properties (pydantic cannot tag a union by a field
with a wrap validator), where a named enum is spelled as its `Literal` instead of its alias.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from generator.plan.code import AliasRef, LiteralType, Open, Quoted, Subscript, TypeExpr, Union


def open_enums(expr: TypeExpr, closed: bool = False) -> TypeExpr:
    """`expr` with every `Literal` of two or more values wrapped in `Open`.

    Single values (`const`, a one-value enum) are tags, and `closed` keeps a discriminator
    field as it is: pydantic cannot tell union members apart by a field with a wrap validator.
    """
    if closed:
        return _inline_aliases(expr)
    if isinstance(expr, LiteralType):
        plain = len(expr.values) > 1 and not any(isinstance(v, bool) for v in expr.values)
        return Open(expr) if plain else expr
    return _map_children(expr, open_enums)


def _inline_aliases(expr: TypeExpr) -> TypeExpr:
    """`expr` with named enums spelled as their (closed) `Literal`."""
    if isinstance(expr, AliasRef) and expr.literal is not None:
        return expr.literal
    return _map_children(expr, _inline_aliases)


def _map_children(expr: TypeExpr, rewrite: Callable[[TypeExpr], TypeExpr]) -> TypeExpr:
    """`expr` with `rewrite` applied to the members of the container nodes enums can sit in."""
    if isinstance(expr, Subscript):
        return replace(expr, args=tuple(rewrite(a) for a in expr.args))
    if isinstance(expr, Union):
        return replace(expr, members=tuple(rewrite(m) for m in expr.members))
    if isinstance(expr, Quoted):
        return replace(expr, inner=rewrite(expr.inner))
    return expr


def discriminator_names(components: dict[str, dict[str, Any]]) -> frozenset[str]:
    """Every `discriminator.propertyName` under the component schemas (an iterative walk)."""
    names: set[str] = set()
    stack: list[object] = list(components.values())
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            tag = node.get("discriminator")
            if isinstance(tag, dict) and isinstance(tag.get("propertyName"), str):
                names.add(tag["propertyName"])
            stack.extend(v for k, v in node.items() if k not in ("example", "examples", "enum", "const", "default"))
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(names)
