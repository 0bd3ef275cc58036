from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from .._models import OpenEnum

__all__ = ["Genre"]

Genre: TypeAlias = Annotated[
    Literal["fiction", "non-fiction", "poetry", "science"], OpenEnum
]
"""What a book is about."""
