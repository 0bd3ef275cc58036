"""Type references of the build stage, and the mapping from the docs' type cells.

A `TypeRef` is what a property, a body or a response holds. `Unknown` marks a slot whose type
the docs left empty (common in the 2021 format); inference (infer.py) resolves slots from
samples and from the rest of the corpus, and `emit.py` turns resolved types into JSON Schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Prim:
    """A JSON primitive; `types` has more than one entry when samples disagree (e.g. integer|string)."""

    types: tuple[str, ...]
    format: str = ""
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass(frozen=True)
class ArrayOf:
    item: TypeRef


@dataclass(frozen=True)
class DictOf:
    value: TypeRef


@dataclass(frozen=True)
class Unknown:
    """A slot to infer. `hint` is the property name it belongs to, `owner` the schema or operation."""

    slot: int
    hint: str = ""
    owner: str = ""


@dataclass(frozen=True)
class AnyValue:
    """Deliberately any JSON value (e.g. the `value` of a JSON-patch operation)."""


@dataclass(frozen=True)
class Binary:
    """A byte stream body (images, documents)."""


TypeRef = Prim | Ref | ArrayOf | DictOf | Unknown | AnyValue | Binary

INTEGER32 = Prim(("integer",), "int32")
INTEGER64 = Prim(("integer",), "int64")
NUMBER = Prim(("number",), "double")
BOOLEAN = Prim(("boolean",))
STRING = Prim(("string",))
DATE_TIME = Prim(("string",), "date-time")

# Type cells as written in the docs (2021 and generated formats), lower-cased.
_PRIMITIVES: dict[str, Prim] = {
    "int32": INTEGER32,
    "int": INTEGER32,
    "integer": INTEGER32,
    "int16": Prim(("integer",), "int32"),
    "short": Prim(("integer",), "int32"),
    "int64": INTEGER64,
    "long": INTEGER64,
    "bool": BOOLEAN,
    "boolean": BOOLEAN,
    "string": STRING,
    "guid": Prim(("string",), "uuid"),
    "date-time": DATE_TIME,
    "datetime": DATE_TIME,
    "date": DATE_TIME,
    "double": NUMBER,
    "decimal": Prim(("number",), "decimal"),
    "float": Prim(("number",), "float"),
    "number": NUMBER,
    "byte": Prim(("string",), "byte"),  # .NET byte[] travels as base64 text
}


def is_type_name(text: str) -> bool:
    """A named type such as `Associate`, `TableRight`, `ChatSessionEntityWithLinks`."""
    return bool(text) and text[0].isalpha() and text[0].isupper() and text.replace("_", "").isalnum()


MAX_ARRAY_DIMS = 8  # `int[][]...`: deeper cells are reported as unknown types


@cache  # the same few hundred cells recur on thousands of rows; results are immutable
def map_type_cell(cell: str) -> TypeRef | str | None:
    """Map a type cell to a TypeRef.

    Returns None for an empty cell (to infer), a TypeRef when the cell is understood, or the
    cell itself (a str) when it is not understood, so the caller can report it with its line.
    Named types come back as Ref; the caller checks they exist.
    """
    text = cell.strip().strip("`")
    if not text:
        return None
    lower = text.lower()
    if lower in _PRIMITIVES:
        return _PRIMITIVES[lower]
    if lower.startswith("enum:"):
        values = tuple(value.strip() for value in text[5:].split(",") if value.strip())
        return Prim(("string",), "", values)
    if lower == "array":
        return ArrayOf(Unknown(-1))
    if lower in ("object", "dictionary"):
        return DictOf(Unknown(-1))
    if lower.endswith("[]"):
        # Iterative, and bounded: a cell of a thousand `[]` must not recurse through every stage.
        inner_text, dims = text, 0
        while inner_text.endswith("[]"):
            inner_text, dims = inner_text[:-2].rstrip(), dims + 1
        inner = map_type_cell(inner_text) if dims <= MAX_ARRAY_DIMS else None
        if inner is None or isinstance(inner, str):
            return text
        for _ in range(dims):
            inner = ArrayOf(inner)
        return inner
    if is_type_name(text):
        return Ref(text)
    return text
