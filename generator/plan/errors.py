"""Which fields of an error body `APIStatusError.error_message` / `error_type` read.

From the error responses the document declares (4xx, 5xx, `4XX`/`5XX` and `default` with a JSON
object schema): per schema, every property whose name is a usual message name (`message`,
`detail`, `error_description`, `title`, `error`, `description`, `msg`, `reason`, in that order;
compared without case, `_` and `-`), and every usual type name (`code`, `error_code`, `type`,
`error_type`, `error`); an `error` property that is an object is searched the same way (as in
`{"error": {"message": ...}}`). Keys found on more operations come first; when the schemas
have no message (or no type) field, the common names below stand in.

A document that declares no error schema gets the common shapes (`message`, `error`, `detail`,
`title`; `type`, `code`; a nested `error` object). A profile adds its API's own fields first
(SuperOffice: `ErrorType`, `ErrorMessage`, `ErrorSource`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.openapi import HTTP_METHODS
from generator.plan.names import as_dict, as_list, py_str

_MESSAGE = ("message", "detail", "errordescription", "title", "error", "description", "msg", "reason")
_TYPE = ("code", "errorcode", "type", "errortype", "error")
_NESTED = "error"


@dataclass(frozen=True)
class ErrorFieldsPlan:
    message_keys: tuple[str, ...]
    type_keys: tuple[str, ...]
    source_keys: tuple[str, ...] = ()  # a profile's "where it failed" field (SuperOffice ErrorSource)
    nested_keys: tuple[str, ...] = ()  # object properties searched the same way
    declared: tuple[str, ...] = ()  # schemas the keys come from (names or JSON pointers), for docs
    example: str = ""  # a profile's sample error body (docs)

    @property
    def sample_body(self) -> str:
        """A dict literal of an error body these keys read (the generated tests send it)."""
        parts = [f'{py_str(self.message_keys[0])}: "No such item"'] if self.message_keys else []
        if self.type_keys:
            parts.append(f'{py_str(self.type_keys[0])}: "NotFound"')
        return "{" + ", ".join(parts) + "}"

    def literal(self, which: str) -> str:
        """`("message", "detail")`: one of the key tuples as a Python tuple literal."""
        keys: tuple[str, ...] = getattr(self, which)
        if len(keys) < 2:
            return f"({py_str(keys[0])},)" if keys else "()"
        return "(\n" + "".join(f"    {py_str(k)},\n" for k in keys) + ")"  # exploded, as black keeps it

    def doc(self, which: str) -> str:
        """``message``, ``detail``: the keys for a docstring (quotes and backslashes made harmless)."""
        keys: tuple[str, ...] = getattr(self, which)
        return ", ".join("``" + k.replace('"', "'").replace("\\", "/") + "``" for k in keys)


GENERIC = ErrorFieldsPlan(
    message_keys=("message", "error", "detail", "title"), type_keys=("type", "code"), nested_keys=(_NESTED,)
)


def _norm(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def _object_properties(schema: object, deref: Callable[[object], dict[str, Any]], depth: int = 0) -> dict[str, Any]:
    """Properties of an object schema, allOf members merged (anyOf/oneOf members too)."""
    found = deref(schema)
    if depth > 8:
        return {}
    props: dict[str, Any] = dict(as_dict(found.get("properties")))
    for key in ("allOf", "anyOf", "oneOf"):
        for member in as_list(found.get(key)):
            for name, value in _object_properties(member, deref, depth + 1).items():
                props.setdefault(name, value)
    return props


def _keys_of(
    props: dict[str, Any], candidates: tuple[str, ...], deref: Callable[[object], dict[str, Any]]
) -> list[str]:
    by_norm = {_norm(str(name)): str(name) for name in props}
    keys: list[str] = []
    for candidate in candidates:
        name = by_norm.get(candidate)
        if name is None:
            continue
        types = deref(props[name]).get("type")
        kinds = set(types) if isinstance(types, list) else {types}
        if kinds & {"object", "array"} and not kinds & {"string", "integer"}:
            continue
        keys.append(name)
    return keys


def _error_schemas(spec: dict[str, Any], deref: Callable[[object], dict[str, Any]]) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for path, item in as_dict(spec.get("paths")).items():
        for method in HTTP_METHODS:
            operation = as_dict(deref(as_dict(deref(item)).get(method)))
            for code, response in as_dict(operation.get("responses")).items():
                code = str(code)
                if not (code[:1] in ("4", "5") or code == "default"):
                    continue
                for media, content in as_dict(deref(response).get("content")).items():
                    if "json" in str(media):
                        schema = as_dict(content).get("schema")
                        ref = as_dict(schema).get("$ref")
                        label = str(ref).rsplit("/", 1)[-1] if isinstance(ref, str) else f"{path} {method} {code}"
                        found.append((label, schema))
                        break
    return found


def plan_errors(
    spec: dict[str, Any], deref: Callable[[object], dict[str, Any]], profile: ErrorFieldsPlan | None = None
) -> ErrorFieldsPlan:
    messages: Counter[str] = Counter()
    types: Counter[str] = Counter()
    nested: Counter[str] = Counter()
    labels: dict[str, None] = {}
    for label, schema in _error_schemas(spec, deref):
        props = _object_properties(schema, deref)
        if not props:
            continue
        labels[label] = None
        for key in _keys_of(props, _MESSAGE, deref):
            messages[key] += 1
        for key in _keys_of(props, _TYPE, deref):
            types[key] += 1
        for name, value in props.items():
            if _norm(str(name)) == _NESTED and _object_properties(value, deref):
                inner = _object_properties(value, deref)
                nested[str(name)] += 1
                for key in _keys_of(inner, _MESSAGE, deref):
                    messages[key] += 1
                for key in _keys_of(inner, _TYPE, deref):
                    types[key] += 1
    if labels:
        declared = ErrorFieldsPlan(
            message_keys=_ranked(messages) or GENERIC.message_keys,
            type_keys=tuple(k for k in _ranked(types) if k not in messages) or GENERIC.type_keys,
            nested_keys=_ranked(nested),
            declared=tuple(labels),
        )
    else:
        declared = GENERIC
    if profile is None:
        return declared
    return ErrorFieldsPlan(
        message_keys=tuple(dict.fromkeys(profile.message_keys + declared.message_keys)),
        type_keys=tuple(dict.fromkeys(profile.type_keys + declared.type_keys)),
        source_keys=profile.source_keys,
        nested_keys=tuple(dict.fromkeys(profile.nested_keys + declared.nested_keys)),
        declared=declared.declared,
        example=profile.example,
    )


def _ranked(counts: Counter[str]) -> tuple[str, ...]:
    # Most operations first; ties keep the order found (Counter preserves insertion order).
    return tuple(sorted(counts, key=lambda k: -counts[k]))
