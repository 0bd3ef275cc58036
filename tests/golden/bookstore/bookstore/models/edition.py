from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Field

from .digital_edition import DigitalEdition
from .printed_edition import PrintedEdition

__all__ = ["Edition"]

Edition: TypeAlias = Annotated[
    PrintedEdition | DigitalEdition, Field(discriminator="kind")
]
"""The Edition schema."""
