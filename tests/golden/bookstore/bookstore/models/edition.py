from __future__ import annotations

from typing import TypeAlias

from .digital_edition import DigitalEdition
from .printed_edition import PrintedEdition

__all__ = ["Edition"]

Edition: TypeAlias = PrintedEdition | DigitalEdition
"""The Edition schema."""
