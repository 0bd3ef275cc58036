from datetime import date

from pydantic import Field

from .._models import BaseModel

__all__ = ["Author"]


class Author(BaseModel):
    """The Author schema."""

    id_: int = Field(validation_alias="id", serialization_alias="id")
    name: str
    born: date | None = None
    links: dict[str, str] | None = Field(
        default=None, description="Web pages about the author, by site."
    )
