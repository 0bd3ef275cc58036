from typing import Any

from pydantic import Field

from .._models import BaseModel

__all__ = ["PatchOperation"]


class PatchOperation(BaseModel):
    """One JSON Patch (RFC 6902) operation."""

    op: str | None = Field(
        default=None,
        description='"add", "replace", "remove" or "test"; "move" and "copy" are rejected.',
    )
    path: str | None = Field(
        default=None, description='The property to change, such as "/CustomerPhone".'
    )
    value: Any = Field(
        default=None,
        description='The new value, or the value to compare with for "test".',
    )
