"""Building response models from JSON without pydantic validation (the default; see below).

A client reads responses one of two ways. With ``strict_response_validation=True`` a pydantic
TypeAdapter validates the body and a mismatch raises ``APIResponseValidationError``. By default
the body is *constructed* instead: each model is made with ``model_construct`` from the fields
the server sent, converting only what JSON cannot carry (date-times, dates, nested models,
numbers sent where text is documented) and keeping any other value as it came. That is

- lenient: when the server and its documentation disagree (an ``int64`` that arrives as
  ``99.99``, a new enum value), the call still returns the data instead of failing;
- cheap: no validator is compiled for the response type and its whole model closure, which
  is what a first call would otherwise spend most of its time on.

Each model class gets a converter table on first use, from its pydantic field annotations.
"""

from __future__ import annotations

import enum
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Union

import pydantic

from ._models import BaseModel, bind_references

if TYPE_CHECKING:
    from pydantic.fields import FieldInfo

__all__ = ["construct"]

Converter = Callable[[Any], Any]

_NONE_TYPE = type(None)
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_UNION_ORIGINS: tuple[object, ...] = (Union, types.UnionType)
# Per model class: (wire name, attribute name, converter or None) for every field.
_FIELD_TABLES: dict[
    type[pydantic.BaseModel], list[tuple[str, str, Converter | None]]
] = {}
_CONVERTERS: dict[object, Converter | None] = {}


def construct(value: Any, annotation: object) -> Any:
    """``value`` (decoded JSON) shaped as ``annotation``, converting where JSON cannot say it."""
    converter = _converter(annotation)
    return value if converter is None or value is None else converter(value)


def _converter(annotation: object) -> Converter | None:
    try:
        return _CONVERTERS[annotation]
    except KeyError:
        converter = _CONVERTERS[annotation] = _make_converter(annotation, {})
        return converter
    except TypeError:  # an unhashable annotation: work it out each time
        return _make_converter(annotation, {})


def _make_converter(
    annotation: object, namespace: dict[str, Any], discriminator: object = None
) -> Converter | None:
    """A function that converts one non-None JSON value, or None when the value stays as it is.

    ``discriminator`` names the tag field of a union (pydantic's ``Field(discriminator=...)``),
    or is a ``pydantic.Discriminator`` whose function reads the member's ``Tag``.
    """
    if isinstance(annotation, (str, typing.ForwardRef)):
        annotation = _resolve(annotation, namespace)
        if annotation is None:
            return None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _make_converter(args[0], namespace, _discriminator(args[1:]))
    if origin in _UNION_ORIGINS:
        members = [arg for arg in args if arg is not _NONE_TYPE]
        reader = getattr(discriminator, "discriminator", None)
        if callable(reader):
            return _tagged_converter(members, reader, namespace)
        if len(members) == 1:
            return _make_converter(members[0], namespace)
        return _union_converter(
            [(member, _make_converter(member, namespace)) for member in members],
            discriminator if isinstance(discriminator, str) else None,
        )
    # get_origin() gives the builtin for typing.List[...] and typing.Dict[...] too.
    if origin is list and args:
        return _list_converter(_make_converter(args[0], namespace))
    if origin is dict and len(args) == 2:
        return _dict_converter(_make_converter(args[1], namespace))
    if not isinstance(annotation, type):
        return None
    if issubclass(annotation, pydantic.BaseModel):
        return _model_converter(annotation)
    if issubclass(annotation, datetime):
        return _parse_datetime
    if issubclass(annotation, date):
        return _parse_date
    if issubclass(annotation, enum.Enum):
        return _enum_converter(annotation)
    if annotation is str:
        return _number_to_str
    if annotation is float:
        return _int_to_float
    return None


def _discriminator(metadata: tuple[object, ...]) -> object:
    for item in metadata:
        if isinstance(item, pydantic.Discriminator):
            return item
        tag = getattr(item, "discriminator", None)
        if isinstance(tag, str):
            return tag
    return None


def _tagged_converter(
    members: list[object],
    reader: Callable[[Any], Any],
    namespace: dict[str, Any],
) -> Converter | None:
    """A union of ``Annotated[Member, Tag(...)]`` members picked by ``reader`` (the union's
    ``Discriminator`` function), as validation picks them; untagged objects fall back to the
    closest member."""
    by_tag: dict[object, Converter | None] = {}
    plain: list[object] = []
    for member in members:
        if typing.get_origin(member) is typing.Annotated:
            inner, *metadata = typing.get_args(member)
            for item in metadata:
                if isinstance(item, pydantic.Tag):
                    by_tag[item.tag] = _make_converter(inner, namespace)
            member = inner
        plain.append(member)
    fallback = _union_converter(
        [(member, _make_converter(member, namespace)) for member in plain]
    )

    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            tag = reader(value)
            if tag in by_tag:
                converter = by_tag[tag]
                return value if converter is None else converter(value)
        return value if fallback is None else fallback(value)

    return convert


def _resolve(reference: str | typing.ForwardRef, namespace: dict[str, Any]) -> object:
    if isinstance(reference, typing.ForwardRef):
        reference = reference.__forward_arg__
    try:
        # Annotations the generator wrote, evaluated where the model module would.
        return eval(reference, namespace)  # noqa: S307
    except Exception:  # noqa: BLE001 - unresolvable: the value is kept as sent
        return None


def _model_converter(model: type[pydantic.BaseModel]) -> Converter:
    def convert(value: Any) -> Any:
        return construct_model(model, value) if isinstance(value, dict) else value

    return convert


def construct_model(model: type[pydantic.BaseModel], data: Mapping[str, Any]) -> Any:
    """``model`` from one JSON object: known fields converted, unknown ones kept as extras."""
    table = _FIELD_TABLES.get(model)
    if table is None:
        table = _FIELD_TABLES[model] = _field_table(model)
    values = dict(data)
    fields: dict[str, Any] = {}
    for wire_name, attribute, converter in table:
        if wire_name in values:
            raw = values.pop(wire_name)
            fields[attribute] = (
                raw if converter is None or raw is None else converter(raw)
            )
    fields.update(values)  # unknown keys: kept, as validation with extra="allow" would
    return model.model_construct(**fields)


def _field_table(
    model: type[pydantic.BaseModel],
) -> list[tuple[str, str, Converter | None]]:
    namespace = vars(sys.modules[model.__module__])
    table: list[tuple[str, str, Converter | None]] = []
    for name, info in model.__pydantic_fields__.items():
        annotation = info.annotation
        if isinstance(annotation, (str, typing.ForwardRef)):
            # A reference to other models: bound (imported) only when a response carries it.
            converter: Converter | None = _deferred_converter(
                model, annotation, info.discriminator
            )
        else:
            converter = _make_converter(
                annotation, namespace, _field_discriminator(info)
            )
        table.append((_wire_name(name, info), name, converter))
    return table


def _field_discriminator(info: Any) -> object:
    tag = info.discriminator
    return tag if isinstance(tag, (str, pydantic.Discriminator)) else None


def _wire_name(name: str, info: FieldInfo) -> str:
    """The JSON name of a field: generated models give it as the serialisation alias (so type
    checkers keep the Python name as the constructor's parameter); hand-written ones as alias.
    """
    return info.serialization_alias or info.alias or name


def _deferred_converter(
    model: type[pydantic.BaseModel], annotation: object, discriminator: object = None
) -> Converter:
    resolved: list[Converter | None] = []
    # Only the models this field names are imported, not all that the model refers to.
    text = (
        annotation.__forward_arg__
        if isinstance(annotation, typing.ForwardRef)
        else annotation
    )
    names = set(_IDENTIFIER.findall(text)) if isinstance(text, str) else None

    def convert(value: Any) -> Any:
        if not resolved:
            if issubclass(model, BaseModel):
                bind_references(model, closure=False, names=names)
            namespace = vars(sys.modules[model.__module__])
            tag = (
                discriminator
                if isinstance(discriminator, (str, pydantic.Discriminator))
                else None
            )
            resolved.append(_make_converter(annotation, namespace, tag))
        converter = resolved[0]
        return value if converter is None else converter(value)

    return convert


def _union_converter(
    members: list[tuple[object, Converter | None]],
    discriminator: str | None = None,
) -> Converter | None:
    models = [
        member
        for member, _ in members
        if isinstance(member, type) and issubclass(member, pydantic.BaseModel)
    ]
    if all(converter is None for _, converter in members):
        return None
    has_date = any(member is date for member, _ in members)

    def convert(value: Any) -> Any:
        if isinstance(value, dict) and models:
            return construct_model(_best_member(models, value, discriminator), value)
        if any(type(value) is member for member, _ in members):
            return value  # already what one member says (smart-union behaviour)
        if isinstance(value, str) and has_date and _is_plain_date(value):
            return _parse_date(value)  # `2024-05-01` in `datetime | date` is the date
        for _, converter in members:
            if converter is not None:
                converted = converter(value)
                if converted is not value:
                    return converted
        return value

    return convert


# Per model class: (wire name, attribute, allowed literal values or None, required, plain type).
_FIT_TABLES: dict[
    type[pydantic.BaseModel],
    list[tuple[str, str, tuple[object, ...] | None, bool, tuple[type, ...] | None]],
] = {}


def _best_member(
    models: list[type[pydantic.BaseModel]],
    value: dict[str, Any],
    discriminator: str | None,
) -> type[pydantic.BaseModel]:
    """The member an object belongs to, as validation of the union would pick it.

    First by its tag (a field typed as a literal, such as a discriminator property, whose
    value the object carries), then by the member whose required fields are all present,
    then by the closest match: fewest values of the wrong JSON type, most known keys and
    fewest unknown ones. Ties go to the member listed first.
    """
    best: type[pydantic.BaseModel] = models[0]
    best_score: tuple[int, ...] | None = None
    for model in models:
        score = _fit(model, value, discriminator)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = model, score
    return best


def _fit(
    model: type[pydantic.BaseModel], value: dict[str, Any], discriminator: str | None
) -> tuple[int, ...] | None:
    table = _FIT_TABLES.get(model)
    if table is None:
        table = _FIT_TABLES[model] = _fit_table(model)
    tags = missing = wrong = known = 0
    for wire_name, attribute, literals, required, plain in table:
        if wire_name not in value:
            missing += required
            if discriminator in (wire_name, attribute):
                return None  # the tag names a field this member has, and it is absent
            continue
        known += 1
        item = value[wire_name]
        if literals is not None:
            if item in literals:
                tags += 1
            elif len(literals) == 1 or discriminator in (wire_name, attribute):
                return None  # a different tag: another member's object
            else:
                wrong += 1  # an enum value newer than the documentation (see _models.OpenEnum)
        elif plain is not None and item is not None and not _is_json(item, plain):
            wrong += 1
    return (tags, -missing, -wrong, known - (len(value) - known))


def _fit_table(
    model: type[pydantic.BaseModel],
) -> list[tuple[str, str, tuple[object, ...] | None, bool, tuple[type, ...] | None]]:
    table: list[
        tuple[str, str, tuple[object, ...] | None, bool, tuple[type, ...] | None]
    ] = []
    for name, info in model.__pydantic_fields__.items():
        annotation = _strip_optional(info.annotation)
        literals: tuple[object, ...] | None = None
        plain: tuple[type, ...] | None = None
        if typing.get_origin(annotation) is typing.Literal:
            literals = typing.get_args(annotation)
        else:
            plain = _plain_types(annotation)
        table.append(
            (_wire_name(name, info), name, literals, info.is_required(), plain)
        )
    return table


def _strip_optional(annotation: object) -> object:
    if typing.get_origin(annotation) in _UNION_ORIGINS:
        members = [a for a in typing.get_args(annotation) if a is not _NONE_TYPE]
        if len(members) == 1:
            return _strip_optional(members[0])
    if typing.get_origin(annotation) is typing.Annotated:
        return _strip_optional(typing.get_args(annotation)[0])
    return annotation


_JSON_SHAPES: dict[object, tuple[type, ...]] = {
    str: (str,),
    int: (int,),
    float: (int, float),
    bool: (bool,),
    list: (list,),
    dict: (dict,),
}


def _plain_types(annotation: object) -> tuple[type, ...] | None:
    """The JSON value types a field accepts, when that is easy to tell (else None)."""
    origin = typing.get_origin(annotation)
    if origin in (list, dict):
        return _JSON_SHAPES[origin]
    if isinstance(annotation, type):
        if issubclass(annotation, pydantic.BaseModel):
            return (dict,)
        if issubclass(annotation, enum.Enum):
            return None
        for kind, shapes in _JSON_SHAPES.items():
            if annotation is kind:
                return shapes
    return None


def _is_json(item: object, shapes: tuple[type, ...]) -> bool:
    if isinstance(item, bool):
        return bool in shapes  # JSON true is not a number
    return isinstance(item, shapes)


def _is_plain_date(text: str) -> bool:
    return len(text) == 10 and text[4] == "-" and text[7] == "-"


def _list_converter(item: Converter | None) -> Converter | None:
    if item is None:
        return None

    def convert(value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [entry if entry is None else item(entry) for entry in value]

    return convert


def _dict_converter(item: Converter | None) -> Converter | None:
    if item is None:
        return None

    def convert(value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {
            key: entry if entry is None else item(entry) for key, entry in value.items()
        }

    return convert


def _enum_converter(enum_type: type[enum.Enum]) -> Converter:
    def convert(value: Any) -> Any:
        try:
            return enum_type(value)
        except ValueError:
            return value  # a value newer than the documentation: kept as sent

    return convert


def _number_to_str(value: Any) -> Any:
    # Servers send numbers where the documentation says string (as validation coerces them).
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _int_to_float(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _parse_datetime(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return datetime.fromisoformat(_iso_for_python(value))
    except ValueError:
        return value


def _parse_date(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return value


def _iso_for_python(text: str) -> str:
    """ISO 8601 text that ``datetime.fromisoformat`` reads on every supported Python.

    Some servers write 7 fractional digits (``11:10:26.1285249+02:00``) and some ``Z``
    for UTC; Python before 3.11 accepts neither, so the fraction is cut to microseconds.
    """
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    dot = text.find(".", 10)
    if dot < 0:
        return text
    end = dot + 1
    while end < len(text) and text[end].isdigit():
        end += 1
    digits = text[dot + 1 : end]
    if len(digits) == 6:
        return text
    return f"{text[: dot + 1]}{digits[:6].ljust(6, '0')}{text[end:]}"
