"""Base class of every generated model.

Generated models declare fields by Python name with the wire name as alias, e.g.
``chat_session_id: int | None = Field(default=None, alias="ChatSessionId")``, and plain
``datetime.datetime`` for ``format: date-time``: pydantic 2 reads SuperOffice's 7 fractional
digits (``2017-09-17T11:10:26.1285249+02:00``) by truncating to microseconds, keeps the offset
(timezone-aware result) and writes ISO 8601 with the offset back, so no custom date-time type
is needed.
"""

from __future__ import annotations

from typing import Any

import pydantic
from pydantic import ConfigDict

__all__ = ["BaseModel"]


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
