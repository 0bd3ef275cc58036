from typing import Literal

from .._models import BaseModel

__all__ = ["PrintedEdition"]


class PrintedEdition(BaseModel):
    """The PrintedEdition schema."""

    kind: Literal["printed"]
    pages: int
    isbn: str | None = None
