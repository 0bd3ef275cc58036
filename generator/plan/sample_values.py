"""Sample values against schemas: does a documented value fit the generated types, what value
stands in where a sample gives none, and how path/query texts map to typed arguments."""

from __future__ import annotations

import json
import re
from typing import Any

from generator.media import json_type_of
from generator.plan.models import SchemaRegistry
from generator.plan.names import as_dict, as_list
from generator.plan.resolved import Schema

_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
_INTEGER = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")
_MAX_DEPTH = 64
_BASE64_RE = re.compile(r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$")
_DATE_RE = re.compile(r"^\d{4}-\d\d-\d\d$")
_DATETIME_RE = re.compile(r"^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$")


class SampleValues:
    """Value checks and placeholders over one document's schemas."""

    def __init__(self, spec: dict[str, Any], registry: SchemaRegistry) -> None:
        self.spec = spec
        self.registry = registry
        # id(schema) -> (schema, its merged properties, required names): conforms reads the same
        # object schemas for every sample (43k merges on the corpus); the schema is kept in the
        # entry so its id cannot be reused while the entry lives.
        self._merged: dict[int, tuple[object, dict[str, Schema], set[str]]] = {}

    def _schema_types(self, schema: object) -> list[str]:
        target = self.registry.deref(schema)
        raw = target.get("type")
        if isinstance(raw, str):
            return [raw]
        if isinstance(raw, list):
            return [str(t) for t in raw if t != "null"]
        for key in ("anyOf", "oneOf", "allOf"):
            for member in as_list(target.get(key)):
                types = self._schema_types(member)
                if types:
                    return types
        if isinstance(target.get("properties"), dict):
            return ["object"]
        return ["array"] if "items" in target else []

    def conforms(
        self,
        value: object,
        schema: object,
        where: str = "$",
        depth: int = 0,
        *,
        formats: bool = False,
        required: str | None = None,
    ) -> str | None:
        """Why `value` does not fit `schema` (types, enums, nesting), or None when it fits.

        Only what the generated models enforce is checked, so a case is skipped exactly when
        its sample could not round-trip through the typed client. `formats` adds the string
        formats a validating server enforces but the models do not (base64 for `byte`);
        `required` (for document examples, "request" or "response") adds the required
        properties the models require (not the readOnly or writeOnly ones).
        """
        if depth > _MAX_DEPTH or not isinstance(schema, dict):
            return None
        target = self.registry.deref(schema)
        if not target:
            return None
        for key in ("anyOf", "oneOf"):
            members = as_list(target.get(key))
            if members:
                # Fits when one member fits (the rest are not checked); else the first member's problem.
                first: str | None = None
                for member in members:
                    problem = self.conforms(value, member, where, depth + 1, formats=formats, required=required)
                    if problem is None:
                        return None
                    if first is None:
                        first = problem
                return first
        for member in as_list(target.get("allOf")):
            problem = self.conforms(value, member, where, depth + 1, formats=formats, required=required)
            if problem is not None:
                return problem
        raw = target.get("type")
        types = [raw] if isinstance(raw, str) else [str(t) for t in raw] if isinstance(raw, list) else []
        if not types:  # typed as SchemaRegistry.resolve types it: an object, a list
            if isinstance(target.get("properties"), dict):
                types = ["object"]
            elif "items" in target:
                types = ["array"]
        if value is None:
            if not types or "null" in types or target.get("nullable") is True:
                return None
            return f"{where} is null, the schema says {'/'.join(types)}"
        enum = target.get("enum")
        if isinstance(enum, list) and enum and value not in enum:
            return f"{where} = {value!r} is not one of the schema's enum values"
        if not types:
            return None
        actual = json_type_of(value)
        if actual == "integer" and "number" in types:
            actual = "number"
        if actual not in types and not (actual == "number" and "integer" in types and float(value).is_integer()):  # type: ignore[arg-type]
            return f"{where} is {json_type_of(value)}{_short(value)}, the schema says {'/'.join(t for t in types if t != 'null')}"
        if isinstance(value, dict):
            props, needed = self._merged_properties(target)
            if required is not None:
                missing = sorted(n for n in needed if n in props and n not in value and not self._relaxed(props[n]))
                if missing:
                    return f"{where} lacks the required property {missing[0]!r}"
            extra = target.get("additionalProperties")
            for key, item in value.items():
                sub = props.get(key)
                if sub is None:
                    sub = extra if isinstance(extra, dict) else None
                if sub is not None:
                    problem = self.conforms(item, sub, f"{where}.{key}", depth + 1, formats=formats, required=required)
                    if problem is not None:
                        return problem
        if isinstance(value, list) and isinstance(target.get("items"), dict):
            for index, item in enumerate(value):
                problem = self.conforms(
                    item, target["items"], f"{where}[{index}]", depth + 1, formats=formats, required=required
                )
                if problem is not None:
                    return problem
        if isinstance(value, str) and target.get("format") == "date-time" and not _DATETIME_RE.match(value):
            return f"{where} = {value!r} is not an ISO 8601 date-time"
        date_checked = required is not None and target.get("format") == "date"
        if date_checked and isinstance(value, str) and not _DATE_RE.match(value):
            return f"{where} = {value!r} is not an ISO 8601 date"
        if formats and isinstance(value, str) and target.get("format") == "byte" and not _BASE64_RE.match(value):
            return f"{where} = {value[:40]!r} is not base64 (format: byte)"
        return None

    def _merged_properties(self, target: Schema) -> tuple[dict[str, Schema], set[str]]:
        """registry.merged_properties(target), computed once per schema (callers only read it)."""
        entry = self._merged.get(id(target))
        if entry is None or entry[0] is not target:
            entry = self._merged[id(target)] = (target, *self.registry.merged_properties(target))
        return entry[1], entry[2]

    def _relaxed(self, prop: object) -> bool:
        """readOnly and writeOnly properties are never required by the models (plan/models.py)."""
        target = self.registry.deref(prop)
        return any(as_dict(prop).get(k) is True or target.get(k) is True for k in ("readOnly", "writeOnly"))


def _short(value: object) -> str:
    if isinstance(value, (dict, list)):
        return ""  # only scalars are quoted in messages (and dumping big samples is slow)
    text = json.dumps(value, ensure_ascii=False)
    return " " + (text if len(text) <= 40 else text[:37] + "...")


def typed(text: str, types: list[str]) -> object:
    """The argument value for a path/query text, by schema type; None when it does not parse."""
    kind = types[0] if types else "string"
    if kind == "integer":
        return int(text) if _INTEGER.match(text) else None
    if kind == "number":
        if not _NUMBER.match(text):
            return None
        number = float(text)
        return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number
    if kind == "boolean":
        return {"true": True, "false": False}.get(text.lower())
    if kind == "array":
        return text.split(",") if text else None
    return text


def wire_text(value: object) -> str:
    """What the runtime puts on the wire for a path/query value (see _base_client)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(wire_text(v) for v in value)
    return str(value)


def match_template(template: str, path: str) -> dict[str, str] | None:
    """Placeholder values of `path` (a concrete sample path) under `template`; None when it differs.

    Literal segments compare case-insensitively (SuperOffice routes are); a segment may mix
    literal text and placeholders (`{a}.{b}`), matched by a regex for that segment only.
    """
    expected = template.strip("/").split("/")
    actual = path.strip("/").split("/")
    if len(expected) != len(actual):
        return None
    values: dict[str, str] = {}
    for want, got in zip(expected, actual, strict=False):
        if "{" not in want:
            if want.lower() != got.lower():
                return None
            continue
        parts = _PLACEHOLDER.split(want)
        pattern = "".join(re.escape(p) if i % 2 == 0 else "(.+?)" for i, p in enumerate(parts))
        match = re.fullmatch(pattern, got, re.IGNORECASE)
        if match is None:
            return None
        values.update(zip(parts[1::2], match.groups(), strict=False))
    return values
