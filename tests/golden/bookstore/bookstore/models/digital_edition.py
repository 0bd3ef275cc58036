from typing import Literal

from pydantic import Field

from .._models import BaseModel

__all__ = ["DigitalEdition"]


class DigitalEdition(BaseModel):
    """The DigitalEdition schema."""

    kind: Literal["digital"]
    format_: Literal["epub", "pdf", "mobi"] = Field(
        validation_alias="format", serialization_alias="format"
    )
    size_bytes: int | None = Field(
        default=None, validation_alias="sizeBytes", serialization_alias="sizeBytes"
    )
