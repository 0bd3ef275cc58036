"""Base class of every generated model.

Generated models declare fields by Python name with the wire name as alias, e.g.
``chat_session_id: int | None = Field(default=None, alias="ChatSessionId")``, and plain
``datetime.datetime`` for ``format: date-time``: pydantic 2 reads 7 fractional
digits (``2017-09-17T11:10:26.1285249+02:00``) by truncating to microseconds, keeps the offset
(timezone-aware result) and writes ISO 8601 with the offset back, so no custom date-time type
is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import pydantic
from pydantic import ConfigDict, GetCoreSchemaHandler, ValidatorFunctionWrapHandler
from pydantic_core import CoreSchema

__all__ = [
    "BaseModel",
    "OpenEnum",
    "bind_references",
    "set_reference_binder",
    "tag_reader",
]


def _keep_unknown_value(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    try:
        return handler(value)
    except pydantic.ValidationError:
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return value  # a value newer than the documentation: kept as sent
        raise


# Fields typed with a documented enum are ``Annotated[Literal[...], OpenEnum]``: type checkers
# see the ``Literal`` (typos are type errors), while validation (strict_response_validation,
# model constructors, ``model_validate``) keeps a string or integer the enum does not list, as
# the default constructing mode does, so a server that adds a value breaks no call.
OpenEnum = pydantic.WrapValidator(_keep_unknown_value)

# Generated model modules name the models they refer to only for type checkers; models/_link.py
# records those references and binds them (imports the modules, puts the classes in the
# referring module's namespace) when first needed. It installs its binder here, where the
# runtime can reach it.
_ReferenceBinder = Callable[[type["BaseModel"], bool, "Collection[str] | None"], None]
_binder: _ReferenceBinder | None = None


def set_reference_binder(binder: _ReferenceBinder) -> None:
    global _binder
    _binder = binder


def bind_references(
    model: type[BaseModel], *, closure: bool, names: Collection[str] | None = None
) -> None:
    """Make the models that ``model``'s annotations name resolvable (all of them, transitively,
    with ``closure``: what pydantic needs to build a schema; only ``names`` of the direct ones
    when given: what one field of a constructed response needs)."""
    if _binder is not None:
        _binder(model, closure, names)


def tag_reader(
    wire: str, attribute: str, tags: dict[str, str]
) -> Callable[[Any], str | None]:
    """A union's member tag for pydantic's ``Discriminator``: the tag property of a JSON object
    (by wire name) or of a model (by attribute), mapped to the member's ``Tag``; None when the
    object has no known tag (validation then fails, as with a literal discriminator)."""

    def read(value: Any) -> str | None:
        if isinstance(value, dict):
            raw = value.get(wire, value.get(attribute))
        else:
            raw = getattr(value, attribute, None)
        return tags.get(raw) if isinstance(raw, str) else None

    return read


def _pydantic_at_least(major: int, minor: int) -> bool:
    parts = pydantic.VERSION.split(".")
    return (int(parts[0]), int(parts[1])) >= (major, minor)


if _pydantic_at_least(2, 11):
    _CONFIG = ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="allow",
        defer_build=True,
        protected_namespaces=(),
        coerce_numbers_to_str=True,
    )
else:  # pragma: no cover - older pydantic 2 releases spell it populate_by_name
    _CONFIG = ConfigDict(
        populate_by_name=True,
        extra="allow",
        defer_build=True,
        protected_namespaces=(),
        coerce_numbers_to_str=True,
    )


class BaseModel(pydantic.BaseModel):
    """Accepts wire names (aliases) and Python names; keeps unknown fields and dumps them back.

    ``defer_build`` postpones building each model's validator to its first use, so importing
    a model module stays cheap. ``coerce_numbers_to_str`` tolerates servers that send a number
    where the documentation says string.
    """

    model_config = _CONFIG

    # Pydantic resolves a model's string annotations when it first builds its schema: through
    # model_rebuild for the model's own validator or serializer, through
    # __get_pydantic_core_schema__ when the model is part of another schema or a TypeAdapter.
    # Both bind the model's references first, so a model costs nothing until it is used.
    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        bind_references(cls, closure=True)
        return super().model_rebuild(
            force=force,
            raise_errors=raise_errors,
            _parent_namespace_depth=_parent_namespace_depth + 1,
            _types_namespace=_types_namespace,
        )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[pydantic.BaseModel], handler: GetCoreSchemaHandler, /
    ) -> CoreSchema:
        bind_references(cls, closure=True)
        return handler(source)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict the API expects: wire names, only the fields that were set."""
        # warnings=False: a response keeps values the documentation does not describe exactly
        # (see _construct.py), and dumping them back is not a mistake worth a warning.
        return self.model_dump(
            by_alias=True, mode="json", exclude_unset=True, warnings=False
        )

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict`` as a JSON string."""
        return self.model_dump_json(
            by_alias=True, exclude_unset=True, indent=indent, warnings=False
        )
