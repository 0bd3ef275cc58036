from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["Genre"]

Genre: TypeAlias = Literal["fiction", "non-fiction", "poetry", "science"]
"""What a book is about."""
