"""The pieces of generated source the plan holds as structure, and the one place they become text.

- type expressions (`TypeExpr` trees: names, model references, subscripts, literals, unions)
  know the models and imports they need, and can be re-pointed at local aliases (`renamed`);
- imports are a set of `Import(module, name, alias)`, rendered as isort-style groups;
- request-call arguments are `Dict` / `NameTuple` / `Expr` values.

Each value renders itself on one line (`str()`); line layout is the writer's job (black).
Strings from the spec reach the output only through `py_str` (repr escaping, black's quotes).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from generator.plan.names import py_str

# -- type expressions -------------------------------------------------------------------------


class TypeExpr:
    """A Python type expression; `str()` is its source text."""

    def render(self) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.render()

    def children(self) -> tuple[TypeExpr, ...]:
        return ()

    def walk(self) -> Iterator[TypeExpr]:
        stack: list[TypeExpr] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children()))

    def models(self) -> set[str]:
        """Class names of the generated models this expression names."""
        return {node.class_name for node in self.walk() if isinstance(node, ModelRef)}

    def model_refs(self) -> list[ModelRef]:
        return [node for node in self.walk() if isinstance(node, ModelRef)]

    def imports(self) -> set[Import]:
        """The runtime names (typing, datetime, ...) the expression needs; models excluded."""
        return {
            Import(n.module, n.imported, n.name) if n.imported else Import(n.module, n.name)
            for n in self.walk()
            if isinstance(n, Name) and n.module
        }

    def renamed(self, aliases: Mapping[str, str]) -> TypeExpr:
        """The same expression with model classes spelled by their local alias."""
        return self


@dataclass(frozen=True, eq=False)
class Name(TypeExpr):
    """`int`, `Any` (from typing), `datetime` (from datetime), `NotGiven` (from the runtime)."""

    name: str
    module: str = ""  # where it is imported from; "" for builtins
    imported: str = ""  # the module's own name when `name` is a local alias (`Field as FieldInfo`)

    def render(self) -> str:
        return self.name


@dataclass(frozen=True, eq=False)
class ModelRef(TypeExpr):
    """A generated model class, imported from `models/<module>.py`."""

    class_name: str
    module: str
    alias: str = ""  # the name it is imported under, when it clashes in the importing module

    def render(self) -> str:
        return self.alias or self.class_name

    def renamed(self, aliases: Mapping[str, str]) -> TypeExpr:
        alias = aliases.get(self.class_name, self.class_name)
        return replace(self, alias=alias if alias != self.class_name else "")


@dataclass(frozen=True, eq=False)
class AliasRef(ModelRef):
    """A named enum (`Genre`, a `TypeAlias` to an open `Literal` in `models/<module>.py`).

    Imported like a model where annotations are strings (resources), but at runtime by model
    modules: the alias module holds a `Literal` only, no class to link lazily.
    """

    literal: TypeExpr | None = None  # the Literal it stands for (closed tag fields inline it)


@dataclass(frozen=True, eq=False)
class Subscript(TypeExpr):
    """`list[X]`, `dict[str, X]`, `Sequence[X]`, `Mapping[str, Any]`."""

    origin: Name
    args: tuple[TypeExpr, ...]

    def render(self) -> str:
        return f"{self.origin.render()}[{', '.join(a.render() for a in self.args)}]"

    def children(self) -> tuple[TypeExpr, ...]:
        return (self.origin, *self.args)

    def renamed(self, aliases: Mapping[str, str]) -> TypeExpr:
        return replace(self, args=tuple(a.renamed(aliases) for a in self.args))


@dataclass(frozen=True, eq=False)
class LiteralType(TypeExpr):
    """`Literal["a", 1, True]`; the values are data, never renamed."""

    values: tuple[str | int | bool, ...]

    def render(self) -> str:
        return f"{LITERAL.render()}[{', '.join(_literal(v) for v in self.values)}]"

    def children(self) -> tuple[TypeExpr, ...]:
        return (LITERAL,)


@dataclass(frozen=True, eq=False)
class Union(TypeExpr):
    """`A | B | None`; members keep their order."""

    members: tuple[TypeExpr, ...]

    def render(self) -> str:
        return " | ".join(m.render() for m in self.members)

    def children(self) -> tuple[TypeExpr, ...]:
        return self.members

    def renamed(self, aliases: Mapping[str, str]) -> TypeExpr:
        return replace(self, members=tuple(m.renamed(aliases) for m in self.members))


@dataclass(frozen=True, eq=False)
class Quoted(TypeExpr):
    """A forward reference: the annotation as a string, evaluated once the models are linked."""

    inner: TypeExpr

    def render(self) -> str:
        return py_str(self.inner.render())

    def children(self) -> tuple[TypeExpr, ...]:
        return (self.inner,)

    def renamed(self, aliases: Mapping[str, str]) -> TypeExpr:
        return replace(self, inner=self.inner.renamed(aliases))


@dataclass(frozen=True, eq=False)
class Tagged(TypeExpr):
    """`Annotated[A | B, Field(discriminator="kind")]`: a union pydantic tells apart by one field."""

    inner: TypeExpr
    field: str  # the Python name of the tag field every member types as a literal

    def render(self) -> str:
        return f"{ANNOTATED.render()}[{self.inner.render()}, {FIELD.render()}(discriminator={py_str(self.field)})]"

    def children(self) -> tuple[TypeExpr, ...]:
        return (ANNOTATED, FIELD, self.inner)

    def renamed(self, aliases: Mapping[str, str]) -> TypeExpr:
        return replace(self, inner=self.inner.renamed(aliases))


@dataclass(frozen=True, eq=False)
class Open(TypeExpr):
    """`Annotated[Literal[...], OpenEnum]`: a documented enum that still accepts new values.

    Type checkers read the `Literal`; the runtime's `OpenEnum` validator keeps a value the
    enum does not list (see `_models.py`). Only model fields (and enum aliases) are wrapped:
    method arguments are not validated at runtime.
    """

    inner: TypeExpr

    def render(self) -> str:
        return f"{ANNOTATED.render()}[{self.inner.render()}, {OPEN_ENUM.render()}]"

    def children(self) -> tuple[TypeExpr, ...]:
        return (ANNOTATED, OPEN_ENUM, self.inner)


@dataclass(frozen=True, eq=False)
class MappedTagged(TypeExpr):
    """A union told apart by a discriminator whose tag property is plain text (not a literal):
    `Annotated[Annotated[Cat, Tag("Cat")] | ..., Discriminator(tag_reader("petType", "pet_type",
    {"cat": "Cat", ...}))]`. The reader maps the tag value (the mapping's keys, else the members'
    schema names) to the member; `_construct.py` reads the same metadata."""

    members: tuple[ModelRef, ...]
    wire: str  # the tag property's JSON name
    attribute: str  # its Python name (for model instances)
    tags: tuple[tuple[str, str], ...]  # (tag value, member class name)

    def render(self) -> str:
        tagged = " | ".join(
            f"{ANNOTATED.render()}[{m.render()}, {TAG.render()}({py_str(m.class_name)})]" for m in self.members
        )
        table = ", ".join(f"{py_str(value)}: {py_str(name)}" for value, name in self.tags)
        reader = f"{TAG_READER.render()}({py_str(self.wire)}, {py_str(self.attribute)}, {{{table}}})"
        return f"{ANNOTATED.render()}[{tagged}, {DISCRIMINATOR.render()}({reader})]"

    def children(self) -> tuple[TypeExpr, ...]:
        return (ANNOTATED, TAG, DISCRIMINATOR, TAG_READER, *self.members)

    def renamed(self, aliases: Mapping[str, str]) -> TypeExpr:
        members = tuple(m.renamed(aliases) for m in self.members)
        return replace(self, members=tuple(m for m in members if isinstance(m, ModelRef)))


def _literal(value: str | int | bool) -> str:
    return py_str(value) if isinstance(value, str) else repr(value)


def union(members: Iterable[TypeExpr]) -> TypeExpr:
    """`A | B` with repeated members (by their text) dropped; one member stays itself."""
    seen: dict[str, TypeExpr] = {}
    for member in members:
        seen.setdefault(member.render(), member)
    unique = list(seen.values())
    return unique[0] if len(unique) == 1 else Union(tuple(unique))


def swap_names(expr: TypeExpr, names: Mapping[str, Name]) -> TypeExpr:
    """The same expression with the `Name`s listed in `names` replaced (`SyncPage` -> `AsyncPage`)."""
    if isinstance(expr, Name):
        return names.get(expr.name, expr)
    if isinstance(expr, Subscript):
        origin = names.get(expr.origin.name, expr.origin)
        return Subscript(origin, tuple(swap_names(a, names) for a in expr.args))
    if isinstance(expr, Union):
        return Union(tuple(swap_names(m, names) for m in expr.members))
    if isinstance(expr, Quoted):
        return Quoted(swap_names(expr.inner, names))
    return expr


def same(a: TypeExpr, b: TypeExpr) -> bool:
    return a.render() == b.render()


ANY = Name("Any", "typing")
NONE = Name("None")
LITERAL = Name("Literal", "typing")
ANNOTATED = Name("Annotated", "typing")
# Imported as Stainless SDKs do, so that an API may name a model `Field`.
FIELD = Name("FieldInfo", "pydantic", "Field")
OPEN_ENUM = Name("OpenEnum", ".._models")
TAG = Name("Tag", "pydantic")
DISCRIMINATOR = Name("Discriminator", "pydantic")
TAG_READER = Name("tag_reader", ".._models")
LIST = Name("list")
DICT = Name("dict")
STR = Name("str")
BYTES = Name("bytes")
SEQUENCE = Name("Sequence", "collections.abc")
MAPPING = Name("Mapping", "collections.abc")
NOT_GIVEN = Name("NotGiven", ".._types")
NOT_MODIFIED = Name("NotModified", ".._response")
DATETIME_NAMES = {"datetime": Name("datetime", "datetime"), "date": Name("date", "datetime")}


def scalar(name: str) -> Name:
    """`int`, `str`, ... (builtins) or `datetime` / `date` (imported)."""
    return DATETIME_NAMES.get(name) or Name(name)


# -- imports ------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Import:
    """`from <module> import <name> [as <alias>]`."""

    module: str
    name: str
    alias: str = ""


@dataclass(frozen=True)
class ImportBlock:
    """A set of imports, rendered in isort's groups: `__future__`, standard library, third party,
    local. One `from` line per module (names sorted); aliased names get lines of their own.

    Lines are sorted by module, or with `by_name` by package and then imported name (model
    imports read as an index of the classes they bring).
    """

    imports: frozenset[Import] = field(default_factory=frozenset)
    by_name: bool = False

    def __bool__(self) -> bool:
        return bool(self.imports)

    def __repr__(self) -> str:
        # Sorted: a frozenset's order follows the hash seed, and incremental builds key modules
        # by the repr of their plan (generator/render/modules.py), which must be the same in every run.
        return f"ImportBlock({sorted(self.imports)!r}, by_name={self.by_name!r})"

    def lines(self) -> list[str]:
        groups: dict[int, list[tuple[tuple[str, ...], str]]] = {}
        by_module: dict[str, list[Import]] = {}
        for item in self.imports:
            by_module.setdefault(item.module, []).append(item)
        for module, items in by_module.items():
            plain = sorted(i.name for i in items if not i.alias)
            lines = [(plain[0], f"from {module} import {', '.join(plain)}")] if plain else []
            lines += [(i.name, f"from {module} import {i.name} as {i.alias}") for i in sorted(items) if i.alias]
            for first, line in lines:
                key = (module.rsplit(".", 1)[0], first) if self.by_name else (module, first)
                groups.setdefault(_group(module), []).append((key, line))
        blocks = [[line for _, line in sorted(groups[rank])] for rank in sorted(groups)]
        return [line for index, block in enumerate(blocks) for line in ([""] if index else []) + block]

    def render(self, indent: int = 0) -> str:
        pad = " " * indent
        return "\n".join(pad + line if line else "" for line in self.lines())

    def __str__(self) -> str:
        return self.render()

    def __iter__(self) -> Iterator[str]:
        """The lines (blank between groups): what templates written for statement lists expect."""
        return iter(self.lines())


def _group(module: str) -> int:
    if module == "__future__":
        return 0
    if module.startswith("."):
        return 3
    return 1 if module.split(".")[0] in sys.stdlib_module_names else 2


def imports(*items: Iterable[Import], by_name: bool = False) -> ImportBlock:
    return ImportBlock(frozenset(i for group in items for i in group), by_name)


# -- request-call arguments ---------------------------------------------------------------------


@dataclass(frozen=True)
class Expr:
    """A Python expression the planner wrote (an argument name, `options`, `body or None`)."""

    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Dict:
    """`{"wire": argument, ...}`: keys are strings from the spec, values expressions."""

    entries: tuple[tuple[str, Expr | str], ...]  # a `str` value is a string constant

    def __str__(self) -> str:
        items = (f"{py_str(k)}: {v if isinstance(v, Expr) else py_str(v)}" for k, v in self.entries)
        return "{" + ", ".join(items) + "}"


@dataclass(frozen=True)
class NameTuple:
    """`("a",)` / `("a", "b")`: a tuple of string constants."""

    names: tuple[str, ...]

    def __str__(self) -> str:
        return "(" + ", ".join(py_str(n) for n in self.names) + ("," if len(self.names) == 1 else "") + ")"


@dataclass(frozen=True)
class Call:
    """`func(arg, ...)`: arguments are code values (`Expr("alias='X'")`, `Dict`, ...)."""

    func: str
    args: tuple[Argument, ...]
    module: str = ""  # where `func` is imported from, when the module calling it must import it

    def __str__(self) -> str:
        return f"{self.func}({', '.join(str(a) for a in self.args)})"


Argument = Expr | Dict | NameTuple | TypeExpr | Call
