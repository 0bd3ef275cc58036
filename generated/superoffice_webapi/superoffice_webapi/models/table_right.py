from pydantic import Field

from .._models import BaseModel

__all__ = ["TableRight"]


class TableRight(BaseModel):
    """The TableRight schema."""

    mask: str | None = Field(
        default=None, validation_alias="Mask", serialization_alias="Mask"
    )
    reason: str | None = Field(
        default=None, validation_alias="Reason", serialization_alias="Reason"
    )
