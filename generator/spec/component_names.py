"""Component names that OpenAPI accepts: `^[a-zA-Z0-9._-]+$`.

Schema names come from the docs (type cells, headings, descriptions) and can hold any letter
(`Ünïcødé`), spaces or punctuation. A name OpenAPI would reject is mapped to a valid one
(`Ünïcødé` -> `Unicode`, other characters -> `_`, a clash gets a number), every `$ref` to it is
rewritten, and each mapping is reported where the name was first used.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from generator.diagnostics import Diagnostics

_VALID = re.compile(r"[A-Za-z0-9._-]+")
_INVALID_RUN = re.compile(r"[^A-Za-z0-9._-]+")
SCHEMA_REF = "#/components/schemas/"


def is_component_name(name: str) -> bool:
    return _VALID.fullmatch(name) is not None


def valid_component_name(name: str) -> str:
    """The nearest valid name: accents dropped (NFKD), other characters -> `_`."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _INVALID_RUN.sub("_", ascii_text).strip("_") or "Schema"


def schema_renames(names: list[str]) -> dict[str, str]:
    """Invalid name -> its valid replacement, unique among all names."""
    taken = {name for name in names if is_component_name(name)}
    renames: dict[str, str] = {}
    for name in names:
        if name in taken:
            continue
        base = valid_component_name(name)
        new, number = base, 2
        while new in taken:
            new, number = f"{base}{number}", number + 1
        taken.add(new)
        renames[name] = new
    return renames


def rewrite_refs(value: Any, renames: dict[str, str]) -> set[str]:
    """Rewrite `$ref`s to renamed schemas in place (no recursion: samples can be deep); the old names met."""
    met: set[str] = set()
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith(SCHEMA_REF) and ref[len(SCHEMA_REF) :] in renames:
                old = ref[len(SCHEMA_REF) :]
                item["$ref"] = SCHEMA_REF + renames[old]
                met.add(old)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return met


def apply_schema_renames(
    paths: dict[str, Any], schemas: dict[str, Any], origins: dict[str, str], diags: Diagnostics
) -> dict[str, Any]:
    """Map invalid schema names in `schemas` (and the refs in `paths` and `schemas`); returns the
    schemas, re-sorted. `origins` names a file per schema for the diagnostic; a schema without one
    is reported at the first operation (its `x-source`) that refers to it."""
    renames = schema_renames(list(schemas))
    if not renames:
        return schemas
    where = {old: origins[old] for old in renames if origins.get(old)}
    for item in paths.values():
        for operation in item.values():
            for old in rewrite_refs(operation, renames):
                where.setdefault(old, str(operation.get("x-source", "")))
    for name, schema in schemas.items():
        for old in rewrite_refs(schema, renames):
            where.setdefault(old, origins.get(name) or where.get(name, ""))
    for old, new in renames.items():
        diags.warn(
            where.get(old) or "(document)",
            0,
            "schema-name",
            f"schema name {old!r} is not a valid OpenAPI component name (letters A-Z, digits, '.', '-', '_');"
            f" written as {new!r}",
        )
    return dict(sorted((renames.get(name, name), schema) for name, schema in schemas.items()))
