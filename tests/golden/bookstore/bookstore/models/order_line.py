from pydantic import Field

from .._models import BaseModel

__all__ = ["OrderLine"]


class OrderLine(BaseModel):
    """The OrderLine schema."""

    book_id: int = Field(validation_alias="bookId", serialization_alias="bookId")
    quantity: int
