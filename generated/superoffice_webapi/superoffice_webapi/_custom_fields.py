"""Typed access to custom fields (SuperOffice profile).

Entities carry user-defined and extra fields as string dictionaries: ``CustomFields`` (both),
``UserDefinedFields`` and ``ExtraFields``. Keys are ``SuperOffice:N`` (a user-defined field
by id, or its ProgId) and ``x_name`` (an extra field); list fields add ``<key>:DisplayText``.
Values use the CultureDataFormatter encoding: ``[I:11]`` integer (also checkboxes, 1/0, and
list ids), ``[F:3.14]`` decimal, ``[D:06/19/2019]`` date, ``[DT:06/19/2019 14:35:56.00000]``
date-time, ``[T:...]`` time; plain text as it is.

``entity.custom`` (``.udef``, ``.extra``) is a CustomFieldValues over that dictionary: reading
decodes, writing encodes, and writes land in the entity (sent by the next save)::

    contact.custom[4] = date(2024, 1, 31)        # "SuperOffice:4": "[D:01/31/2024]"
    contact.custom.get_int("SuperOffice:1")      # "[I:11]" -> 11
    contact.custom.display_text("x_category")    # "x_category:DisplayText"
"""

from __future__ import annotations

import re
from collections.abc import Iterator, MutableMapping
from datetime import date, datetime, time
from typing import Any, Union

__all__ = [
    "CustomFieldValues",
    "CustomValue",
    "HasCustomFields",
    "HasExtraFields",
    "HasUserDefinedFields",
    "decode_value",
    "encode_value",
]

CustomValue = Union[int, float, bool, date, datetime, time, str, None]
_ENCODED = re.compile(r"^\[(I|F|D|DT|T):(.*)\]$", re.DOTALL)
_DATE = "%m/%d/%Y"


def field_key(key: str | int) -> str:
    """``4`` -> ``"SuperOffice:4"``; strings (``"x_name"``, a ProgId) as they are."""
    if isinstance(key, bool) or not isinstance(key, (int, str)):
        raise TypeError(
            f"a custom field key is an int or a str, not {type(key).__name__}"
        )
    return f"SuperOffice:{key}" if isinstance(key, int) else key


def _parse_datetime(text: str) -> datetime:
    head, _, fraction = text.partition(".")
    value = datetime.strptime(
        head, f"{_DATE} %H:%M:%S" if head.count(":") == 2 else f"{_DATE} %H:%M"
    )
    micro = int((fraction + "000000")[:6]) if fraction.isdigit() else 0
    return value.replace(microsecond=micro)


def decode_value(raw: str | None) -> CustomValue:
    """An encoded value as Python: ``[I:11]`` -> 11, ``[D:06/19/2019]`` -> date(2019, 6, 19)."""
    if raw is None:
        return None
    match = _ENCODED.match(raw)
    if match is None:
        return raw
    tag, body = match.groups()
    if body == "":
        return None
    try:
        if tag == "I":
            return int(body)
        if tag == "F":
            return float(body)
        if tag == "D":
            return datetime.strptime(body, _DATE).date()
        if tag == "DT":
            return _parse_datetime(body)
        return _parse_datetime(body).time()
    except ValueError as exc:
        raise ValueError(f"not a valid {tag} custom field value: {raw!r}") from exc


def encode_value(value: CustomValue) -> str | None:
    """Python -> the encoding: True -> ``[I:1]``, 2.5 -> ``[F:2.5]``, a date -> ``[D:MM/dd/yyyy]``."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return f"[I:{int(value)}]"
    if isinstance(value, int):
        return f"[I:{value}]"
    if isinstance(value, float):
        return f"[F:{value!r}]"
    if isinstance(value, datetime):
        return (
            f"[DT:{value.strftime(_DATE + ' %H:%M:%S')}.{value.microsecond // 10:05d}]"
        )
    if isinstance(value, date):
        return f"[D:{value.strftime(_DATE)}]"
    if isinstance(value, time):
        return (
            f"[T:01/01/1900 {value.strftime('%H:%M:%S')}.{value.microsecond // 10:05d}]"
        )
    raise TypeError(f"cannot encode {type(value).__name__} as a custom field value")


class CustomFieldValues(MutableMapping[Union[str, int], CustomValue]):
    """A typed, writable view of one custom-field dictionary of an entity."""

    def __init__(self, entity: Any, wire_name: str) -> None:
        self._entity = entity
        self._attribute = _attribute_of(type(entity), wire_name)

    def _data(self, create: bool = False) -> dict[str, str | None]:
        data = getattr(self._entity, self._attribute, None)
        if data is None and create:
            data = {}
            setattr(
                self._entity, self._attribute, data
            )  # marks the field as set: it is sent
        return data if isinstance(data, dict) else {}

    def raw(self, key: str | int) -> str | None:
        """The value as sent, undecoded."""
        return self._data().get(field_key(key))

    def __getitem__(self, key: str | int) -> CustomValue:
        data = self._data()
        name = field_key(key)
        if name not in data:
            raise KeyError(name)
        return decode_value(data[name])

    def __setitem__(self, key: str | int, value: CustomValue) -> None:
        self._data(create=True)[field_key(key)] = encode_value(value)

    def __delitem__(self, key: str | int) -> None:
        del self._data()[field_key(key)]

    def __iter__(self) -> Iterator[str | int]:
        return iter(list(self._data()))

    def __len__(self) -> int:
        return len(self._data())

    def _typed(self, key: str | int, kind: type | tuple[type, ...]) -> Any:
        value = decode_value(self.raw(key))
        if value is None or isinstance(value, kind):
            return value
        raise TypeError(
            f"{field_key(key)} holds {self.raw(key)!r}, not a {getattr(kind, '__name__', kind)}"
        )

    def get_int(self, key: str | int) -> int | None:
        value = self._typed(key, int)
        return int(value) if value is not None else None

    def get_float(self, key: str | int) -> float | None:
        value = self._typed(key, (int, float))
        return float(value) if value is not None else None

    def get_bool(self, key: str | int) -> bool | None:
        """A checkbox: ``[I:1]`` -> True, ``[I:0]`` -> False."""
        value = self._typed(key, int)
        return None if value is None else bool(value)

    def get_date(self, key: str | int) -> date | None:
        value = self._typed(key, date)
        return value.date() if isinstance(value, datetime) else value

    def get_datetime(self, key: str | int) -> datetime | None:
        return self._typed(key, datetime)  # type: ignore[no-any-return]

    def get_text(self, key: str | int) -> str | None:
        """The value as text: plain text as it is, encoded values undecoded."""
        return self.raw(key)

    def display_text(self, key: str | int) -> str | None:
        """The display text of a list or relation field (``<key>:DisplayText``)."""
        return self._data().get(field_key(key) + ":DisplayText")

    def __repr__(self) -> str:
        return f"CustomFieldValues({self._data()!r})"


def _attribute_of(model: type, wire_name: str) -> str:
    for name, info in getattr(model, "model_fields", {}).items():
        if (info.serialization_alias or info.alias or name) == wire_name:
            return str(name)
    raise AttributeError(f"{model.__name__} has no {wire_name} field")


class HasCustomFields:
    """Entities with ``CustomFields`` (user-defined and extra fields together)."""

    __slots__ = ()

    @property
    def custom(self) -> CustomFieldValues:
        """``CustomFields`` decoded and encoded (see CustomFieldValues)."""
        return CustomFieldValues(self, "CustomFields")


class HasUserDefinedFields:
    __slots__ = ()

    @property
    def udef(self) -> CustomFieldValues:
        """``UserDefinedFields`` decoded and encoded (keys ``SuperOffice:N`` or ProgIds)."""
        return CustomFieldValues(self, "UserDefinedFields")


class HasExtraFields:
    __slots__ = ()

    @property
    def extra(self) -> CustomFieldValues:
        """``ExtraFields`` decoded and encoded (keys ``x_name``)."""
        return CustomFieldValues(self, "ExtraFields")
