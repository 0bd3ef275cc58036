from datetime import datetime
from typing import Any, TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link
from .genre import Genre

if TYPE_CHECKING:
    from .author import Author
    from .money import Money
    from .series import Series

__all__ = ["Book"]


class Book(BaseModel):
    """A book in the catalogue."""

    title: str
    authors: "list[Author]"
    genre: Genre | None = Field(default=None, description="What a book is about.")
    price: "Money | None" = None
    published: datetime | None = None
    attributes: dict[str, Any] | None = Field(
        default=None, description="Free-form attributes."
    )
    id_: int | None = Field(
        default=None, validation_alias="id", serialization_alias="id"
    )
    rating: float | None = None
    series: "Series | None" = None


link(Book, {"Author": "author", "Money": "money", "Series": "series"})
