from pydantic import Field

from .._models import BaseModel

__all__ = ["TableRight"]


class TableRight(BaseModel):
    """The TableRight schema."""

    mask: str | None = Field(default=None, alias="Mask")
    reason: str | None = Field(default=None, alias="Reason")
