from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["OrderStatus"]

OrderStatus: TypeAlias = Literal["placed", "paid", "shipped", "cancelled"]
"""The OrderStatus schema."""
