"""Request bodies sent as fields: `application/x-www-form-urlencoded` and `multipart/form-data`.

The body schema's properties become keyword arguments (named as flattened JSON carriers are,
`MethodDraft.argument`), required where the schema requires them. The method passes them to
the runtime's `FormBody` / `MultipartBody` (templates/runtime/_bodies.py) with what the spec's
`encoding` object says: `style`/`explode` (and a JSON `contentType`) per form field; which
fields are files, arrays of files or JSON parts, and each part's `contentType` and fixed
`headers` for multipart. The runtime does the encoding; httpx sets the multipart boundary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.media import is_json_media
from generator.openapi import schema_types
from generator.plan.code import (
    ANY,
    BYTES,
    DICT,
    LIST,
    MAPPING,
    NONE,
    NOT_GIVEN,
    SEQUENCE,
    STR,
    Call,
    Dict,
    Expr,
    ModelRef,
    Name,
    NameTuple,
    Subscript,
    TypeExpr,
    Union,
)
from generator.plan.names import as_dict, clean_text, docstring_body, pascal_case
from generator.plan.package_plan import ParamPlan

if TYPE_CHECKING:
    from generator.plan.methods import MethodDraft
    from generator.plan.models import SchemaRegistry

FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
FILE_TYPES = Name("FileTypes", ".._types")
FILE_CONTENT = Name("FileContent", ".._types")
BODIES_MODULE = ".._bodies"
_MAPPING_ANY = Subscript(MAPPING, (STR, ANY))
_FILE_FORMATS = frozenset({"binary", "base64"})
# Encoding keys a form field keeps (multipart parts ignore style/explode, as OpenAPI 3.0 says).
_FORM_KEYS = ("style", "explode")


def base_media(media: str) -> str:
    return media.split(";")[0].strip().lower()


def is_fields_media(media: str) -> bool:
    return base_media(media) in (FORM, MULTIPART)


def request_media_type(content: dict[str, Any]) -> str:
    """The content entry a method sends: JSON, then a form, multipart, a byte stream, else the first."""
    keys = [str(k) for k in content]
    tests = (
        is_json_media,
        lambda k: base_media(k) == FORM,
        lambda k: base_media(k) == MULTIPART,
        lambda k: "octet-stream" in k,
    )
    for test in tests:
        for key in keys:
            if test(key):
                return key
    return keys[0]


def other_media_note(content: dict[str, Any], media: str) -> list[str]:
    """A docstring line naming the body media types the method does not send."""
    others = [str(k) for k in content if str(k) != media]
    if not others:
        return []
    return [f"The request body is sent as {media} (the API also accepts {', '.join(others)})."]


def raw_body_type(media: str) -> TypeExpr:
    """A raw body's argument: text as bytes, anything binary as file content (bytes, a file, a path)."""
    return BYTES if base_media(media).startswith("text/") else FILE_CONTENT


def raw_body_value(media: str, arg: str, required: bool) -> Expr | Call:
    if base_media(media).startswith("text/"):
        return Expr(arg if required else f"{arg} or None")
    return Call("file_content", (Expr(arg),), module=BODIES_MODULE)


class FieldsBody:
    """Plans one form or multipart body into a draft's keyword arguments and request call."""

    def __init__(self, registry: SchemaRegistry) -> None:
        self.registry = registry

    def plan(self, draft: MethodDraft, media: str, media_obj: dict[str, Any]) -> None:
        schema = self.registry.deref(media_obj.get("schema"))
        props, required = self.registry.merged_properties(schema)
        encoding = as_dict(media_obj.get("encoding"))
        multipart = base_media(media) == MULTIPART
        location = "multipart_field" if multipart else "form_field"
        entries: list[tuple[str, Expr | str]] = []
        files: list[str] = []
        file_arrays: list[str] = []
        json_parts: list[str] = []
        part_encoding: list[tuple[str, Expr | str]] = []
        for wire, prop in props.items():
            target = self.registry.deref(prop)
            if target.get("readOnly") is True:
                continue  # the server's to set: never sent in a request
            arg = draft.argument(wire, "field")
            kind = file_kind(self.registry, target) if multipart else None
            if kind == "file":
                annotation: TypeExpr = FILE_TYPES
                files.append(wire)
            elif kind == "files":
                annotation = Subscript(SEQUENCE, (FILE_TYPES,))
                file_arrays.append(wire)
            else:
                annotation = self._annotation(prop, draft.hint + pascal_case(wire))
                if multipart and is_complex(self.registry, target):
                    json_parts.append(wire)
            field_encoding = as_dict(encoding.get(wire))
            kept = (
                _part_encoding(self.registry, field_encoding, target, kind is not None)
                if multipart
                else _form_encoding(field_encoding)
            )
            if kept is not None:
                part_encoding.append((wire, kept))
            doc = docstring_body(clean_text(target.get("description") or as_dict(prop).get("description")))
            if wire in required:
                draft.keyword.append(ParamPlan(arg, wire, annotation, None, location, doc))
            else:
                draft.keyword.append(ParamPlan(arg, wire, Union((annotation, NOT_GIVEN)), "NOT_GIVEN", location, doc))
            entries.append((wire, Expr(arg)))
        args: list[Dict | Expr] = [Dict(tuple(entries))]
        for keyword, names in (("files", files), ("file_arrays", file_arrays), ("json", json_parts)):
            if names:
                args.append(Expr(f"{keyword}={NameTuple(tuple(names))}"))
        if part_encoding:
            args.append(Expr(f"encoding={Dict(tuple(part_encoding))}"))
        func = "MultipartBody" if multipart else "FormBody"
        draft.set_body("multipart" if multipart else "form", Call(func, tuple(args), module=BODIES_MODULE))

    def _annotation(self, schema: object, hint: str) -> TypeExpr:
        """What a field accepts: models also as plain mappings, lists as any sequence."""
        resolved = self.registry.resolve(schema, hint)
        kind = _loose(resolved.type)
        if isinstance(kind, Subscript) and kind.origin is LIST:
            kind = Subscript(SEQUENCE, (_loose(kind.args[0]),))
        return Union((kind, NONE)) if resolved.nullable and kind.render() != "Any" else kind


def _loose(kind: TypeExpr) -> TypeExpr:
    """A model also as a mapping, a dict as any mapping (what an argument may be given)."""
    if isinstance(kind, ModelRef):
        return Union((kind, _MAPPING_ANY))
    if isinstance(kind, Subscript) and kind.origin is DICT:
        return Subscript(MAPPING, kind.args)
    return kind


def _is_file(schema: dict[str, Any]) -> bool:
    types, _ = schema_types(schema)
    if types and "string" not in types:
        return False
    if schema.get("format") in _FILE_FORMATS:
        return True
    return "contentMediaType" in schema or "contentEncoding" in schema


def file_kind(registry: SchemaRegistry, schema: dict[str, Any]) -> str | None:
    """ "file" for a binary string (3.0 `format: binary/base64`, 3.1 `contentMediaType`/
    `contentEncoding`), "files" for an array of them, None for other fields."""
    if _is_file(schema):
        return "file"
    types, _ = schema_types(schema)
    if "array" in types or (not types and "items" in schema):
        items = registry.deref(schema.get("items"))
        if items and _is_file(items):
            return "files"
    return None


def is_complex(registry: SchemaRegistry, schema: dict[str, Any], depth: int = 0) -> bool:
    """Objects and arrays of objects or arrays: sent as one JSON part (OpenAPI's default)."""
    types, _ = schema_types(schema)
    if "object" in types or schema.get("properties") or schema.get("allOf") or "additionalProperties" in schema:
        return True
    if ("array" in types or "items" in schema) and depth == 0:
        items = registry.deref(schema.get("items"))
        item_types, _ = schema_types(items)
        return "array" in item_types or is_complex(registry, items, depth + 1)
    return False


def _form_encoding(encoding: dict[str, Any]) -> Expr | None:
    """The style/explode (and a JSON contentType) a form field is encoded with, as written."""
    entries: list[tuple[str, Expr | str]] = []
    for key in _FORM_KEYS:
        value = encoding.get(key)
        if isinstance(value, bool):
            entries.append((key, Expr(repr(value))))
        elif isinstance(value, str):
            entries.append((key, value))
    media = encoding.get("contentType")
    if isinstance(media, str) and is_json_media(media):
        entries.append(("contentType", media))
    return Expr(str(Dict(tuple(entries)))) if entries else None


def _concrete_media(value: object) -> str | None:
    """A single media type (not a list, not a wildcard) that a part can be labelled with."""
    if not isinstance(value, str) or "," in value or "*" in value or "/" not in value:
        return None
    return value.strip()


def _part_encoding(
    registry: SchemaRegistry, encoding: dict[str, Any], schema: dict[str, Any], is_file: bool
) -> Expr | None:
    """A part's Content-Type (encoding's, else a file's `contentMediaType`) and fixed headers."""
    entries: list[tuple[str, Expr | str]] = []
    media = _concrete_media(encoding.get("contentType"))
    if media is None and is_file and "contentType" not in encoding:  # a list or wildcard: guessed
        items = registry.deref(schema.get("items")) if "items" in schema else schema
        media = _concrete_media(items.get("contentMediaType"))
    if media is not None:
        entries.append(("contentType", media))
    headers = [
        (str(name), value)
        for name, header in as_dict(encoding.get("headers")).items()
        if str(name).lower() != "content-type" and (value := _fixed_value(registry, header)) is not None
    ]
    if headers:
        entries.append(("headers", Expr(str(Dict(tuple(headers))))))
    return Expr(str(Dict(tuple(entries)))) if entries else None


def _fixed_value(registry: SchemaRegistry, header: object) -> str | None:
    """The value an encoding header always has: its schema's `const`, single `enum` or `default`."""
    schema = registry.deref(as_dict(registry.deref(header)).get("schema"))
    enum = schema.get("enum")
    for value in (
        schema.get("const"),
        enum[0] if isinstance(enum, list) and len(enum) == 1 else None,
        schema.get("default"),
    ):
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (str, int, float)):
            return str(value)
    return None
