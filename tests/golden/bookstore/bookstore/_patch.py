"""JSON Patch (RFC 6902) operations built from field names.

A model recognised as a JSON Patch operation (properties ``op``, ``path``, ``value``) gets
``JsonPatchOperation`` as a base, so a patch can be written from the fields a user knows::

    PatchOperation.replace("department", "Sales", model=ContactEntity)  # path "/Department"
    PatchOperation.replace_fields(ContactEntity, department="Sales", name="X")
    PatchOperation.remove("/Info")

Field names are the model's Python names or its wire names; a path that starts with ``/``
is used as written (nested paths, array indexes ``/Emails/0``). Plain dicts
(``{"op": "replace", "path": "/Department", "value": "Sales"}``) are accepted by the same
methods; the ``<Operation>Dict`` TypedDict next to the model types them.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any, TypeVar

import pydantic

__all__ = ["JsonPatchOperation", "patch_path"]

_Op = TypeVar("_Op", bound="JsonPatchOperation")


def patch_path(name: str, model: type[pydantic.BaseModel] | None = None) -> str:
    """The JSON Pointer of field ``name`` (Python or wire name of ``model``); ``/...`` as is.

    Raises ``ValueError`` for a name ``model`` does not have, with the closest names.
    """
    if name.startswith("/"):
        return name
    if model is None:
        return "/" + _escape(name)
    wire_names: dict[str, str] = {}
    for attribute, info in model.model_fields.items():
        wire_name = info.serialization_alias or info.alias or attribute
        wire_names[attribute] = wire_name
        wire_names[wire_name] = wire_name
    wire = wire_names.get(name)
    if wire is None:
        close = difflib.get_close_matches(name, list(wire_names), n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise ValueError(f"{model.__name__} has no field {name!r}{hint}")
    return "/" + _escape(wire)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class JsonPatchOperation:
    """Constructors of one JSON Patch operation each (a base of the generated model)."""

    @classmethod
    def _make(cls: type[_Op], fields: dict[str, Any]) -> _Op:
        # The generated model validates by wire name; `op`, `path`, `value`, `from` are RFC 6902's.
        validate = getattr(cls, "model_validate", None)
        if validate is None:  # pragma: no cover - only mixed into models
            raise TypeError(f"{cls.__name__} is not a model")
        made: _Op = validate(fields)
        return made

    @classmethod
    def add(
        cls: type[_Op],
        path: str,
        value: object,
        *,
        model: type[pydantic.BaseModel] | None = None,
    ) -> _Op:
        """``{"op": "add", "path": ..., "value": ...}``; ``path`` may be a field name of ``model``."""
        return cls._make({"op": "add", "path": patch_path(path, model), "value": value})

    @classmethod
    def replace(
        cls: type[_Op],
        path: str,
        value: object,
        *,
        model: type[pydantic.BaseModel] | None = None,
    ) -> _Op:
        """``{"op": "replace", "path": ..., "value": ...}``; ``path`` may be a field name of ``model``."""
        return cls._make(
            {"op": "replace", "path": patch_path(path, model), "value": value}
        )

    @classmethod
    def remove(
        cls: type[_Op], path: str, *, model: type[pydantic.BaseModel] | None = None
    ) -> _Op:
        """``{"op": "remove", "path": ...}``; ``path`` may be a field name of ``model``."""
        return cls._make({"op": "remove", "path": patch_path(path, model)})

    @classmethod
    def test(
        cls: type[_Op],
        path: str,
        value: object,
        *,
        model: type[pydantic.BaseModel] | None = None,
    ) -> _Op:
        """``{"op": "test", "path": ..., "value": ...}``: the server applies the patch only if it holds."""
        return cls._make(
            {"op": "test", "path": patch_path(path, model), "value": value}
        )

    @classmethod
    def replace_fields(
        cls: type[_Op],
        model: type[pydantic.BaseModel],
        changes: Mapping[str, object] | None = None,
        /,
        **fields: object,
    ) -> list[_Op]:
        """One ``replace`` operation per changed field, by Python or wire name of ``model``.

        ``changes`` holds names that are not identifiers (``{"Name": "X"}``); keyword
        arguments the rest (``department="Sales"``). Values are sent as JSON (models by
        their wire names, date-times as ISO 8601).
        """
        items = [*(changes or {}).items(), *fields.items()]
        return [cls.replace(name, value, model=model) for name, value in items]
