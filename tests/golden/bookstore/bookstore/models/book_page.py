from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .book import Book

__all__ = ["BookPage"]


class BookPage(BaseModel):
    """The BookPage schema."""

    items: "list[Book]"
    next_: str | None = Field(
        default=None, validation_alias="next", serialization_alias="next"
    )
    counts: dict[str, int] | None = Field(
        default=None, description="Number of books per genre."
    )


link(BookPage, {"Book": "book"})
