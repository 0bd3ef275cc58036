"""Turning arbitrary spec strings into safe Python names and literals.

Every name and every string that lands in generated code passes through here, so the
templates never decide quoting or naming. All functions are deterministic.
"""

from __future__ import annotations

import builtins
import functools
import keyword
import re
from typing import Any

from black.strings import normalize_string_quotes

# Names that shadow builtins break annotations such as `list[int]` in the same scope.
BUILTIN_NAMES = frozenset(name for name in dir(builtins) if not name.startswith("_"))
KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)

_WORD_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*")
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def words(text: str) -> list[str]:
    """Split `ChatSessionEntity`, `SO-TimeZone`, `$select`, `HTTPServer2` into words."""
    out: list[str] = []
    for chunk in _NON_ALNUM.split(text):
        out.extend(_WORD_RE.findall(chunk))
    return out


def snake_case(text: str) -> str:
    """`RejectChatSessionTransfer` -> `reject_chat_session_transfer`; may be empty."""
    return "_".join(w.lower() for w in words(text))


def pascal_case(text: str) -> str:
    """`Chat_Agent` -> `ChatAgent`; keeps inner capitals (`SuperOffice` stays)."""
    return "".join(w[:1].upper() + w[1:] for w in words(text))


# The builtins that generated method bodies spell at runtime (`cast_to=list[Item]`,
# `dict[str, Any]`, ...): an argument must not shadow them. Other builtins (`id`, `filter`,
# `format`, `type`, `input`) are natural argument names and are left alone.
BODY_BUILTINS = frozenset(
    {"bool", "bytes", "dict", "float", "frozenset", "int", "list", "object", "set", "str", "tuple"}
)


def safe_identifier(
    name: str,
    *,
    reserved: frozenset[str] | set[str] = frozenset(),
    fallback: str,
    shadowed: frozenset[str] = BUILTIN_NAMES,
) -> str:
    """Make `name` a valid identifier that is no keyword, no name in `shadowed` (every builtin by
    default) and no reserved name.

    Leading digits get `fallback` + "_" in front; clashes get a trailing underscore.
    """
    if not name:
        name = fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if not name.isidentifier():  # defensive: callers pass snake/pascal output
        name = _NON_ALNUM.sub("_", name).strip("_") or fallback
    while name in KEYWORDS or name in shadowed or name in reserved:
        name += "_"
    return name


def argument_identifier(name: str, *, reserved: frozenset[str] | set[str], fallback: str) -> str:
    """A method argument's name: the natural snake-case name (`id`, `filter`, `options`, `type`),
    with a trailing underscore only for Python keywords, the builtins a method body uses
    (BODY_BUILTINS) and the names the method itself takes (`reserved`: the per-call options such
    as `timeout`, `self`, the helpers its body calls). Clashes between two arguments of the same
    signature are NameAllocator's (`name_2`)."""
    return safe_identifier(name, reserved=reserved, fallback=fallback, shadowed=BODY_BUILTINS)


class NameAllocator:
    """Hands out unique names within one namespace: `name`, `name_2`, `name_3`, ..."""

    def __init__(self, reserved: frozenset[str] | set[str] = frozenset(), *, separator: str = "_") -> None:
        self._taken: set[str] = set(reserved)
        self._separator = separator

    def take(self, name: str) -> str:
        candidate = name
        counter = 2
        separator = "" if name.endswith("_") else self._separator
        while candidate in self._taken:
            candidate = f"{name}{separator}{counter}"
            counter += 1
        self._taken.add(candidate)
        return candidate


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def docstring_body(text: str) -> str:
    """Escape `text` so that it can sit between triple double quotes.

    Backslashes are doubled, every `\"\"\"` is broken up and a trailing quote escaped, control
    characters become escapes: whatever the spec says stays inside the string literal.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    text = text.replace("\\", "\\\\")
    text = _CONTROL_RE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text
    )
    text = text.replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    return text


@functools.lru_cache(maxsize=1 << 16)  # the same wire names and paths are rendered many times
def py_str(value: str) -> str:
    """A Python string literal for `value`: repr() escaping, quotes chosen the way black does."""
    literal: str = normalize_string_quotes(repr(value))
    return literal


def clean_text(text: object) -> str:
    """Spec descriptions may be missing or not strings; normalise whitespace at the ends."""
    if not isinstance(text, str):
        return ""
    return text.strip()


def as_dict(value: object) -> dict[str, Any]:
    """`value` when it is a mapping node of the spec, else an empty dict (specs are untrusted)."""
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


# Names the generated modules import or define; model classes must never take them, because
# runtime annotation resolution looks class names up next to these.
RESERVED_CLASS_NAMES = (
    frozenset(
        {
            "BaseModel",
            "FieldInfo",
            "Any",
            "Literal",
            "TYPE_CHECKING",
            "TypeAlias",
            "datetime",
            "date",
            "annotations",
            "Sequence",
            "Mapping",
            "NotGiven",
            "NOT_GIVEN",
            "RequestOptions",
            "NotModified",
            "SyncAPIResource",
            "AsyncAPIResource",
            "link",
            "Union",
            "Optional",
        }
    )
    | BUILTIN_NAMES
    | KEYWORDS
)

# pydantic.BaseModel attributes and our runtime helpers: a field of that name would shadow them.
RESERVED_FIELD_NAMES = frozenset(
    {
        "model_config",
        "model_fields",
        "model_computed_fields",
        "model_extra",
        "model_fields_set",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "copy",
        "dict",
        "json",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "construct",
        "schema",
        "schema_json",
        "validate",
        "update_forward_refs",
        "fields",
        "to_dict",
        "to_json",
        "self",
        "cls",
        "Field",
        "BaseModel",
        "Any",
        "Literal",
        "TYPE_CHECKING",
        "datetime",
        "date",
        "annotations",
    }
)
