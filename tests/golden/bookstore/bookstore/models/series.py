from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .book import Book

__all__ = ["Series"]


class Series(BaseModel):
    """The Series schema."""

    name: str | None = None
    position: int | None = None
    books: "list[Book] | None" = Field(
        default=None, description="The other books of the series (recursive)."
    )


link(Series, {"Book": "book"})
