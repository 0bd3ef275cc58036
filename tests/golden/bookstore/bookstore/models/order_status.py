from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from .._models import OpenEnum

__all__ = ["OrderStatus"]

OrderStatus: TypeAlias = Annotated[
    Literal["placed", "paid", "shipped", "cancelled"], OpenEnum
]
"""The OrderStatus schema."""
