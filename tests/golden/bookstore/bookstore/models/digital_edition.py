from typing import Annotated, Literal

from pydantic import Field

from .._models import BaseModel, OpenEnum

__all__ = ["DigitalEdition"]


class DigitalEdition(BaseModel):
    """The DigitalEdition schema."""

    kind: Literal["digital"]
    format_: Annotated[Literal["epub", "pdf", "mobi"], OpenEnum] = Field(
        validation_alias="format", serialization_alias="format"
    )
    size_bytes: int | None = Field(
        default=None, validation_alias="sizeBytes", serialization_alias="sizeBytes"
    )
