from pydantic import Field

from .._models import BaseModel

__all__ = ["Money"]


class Money(BaseModel):
    """The Money schema."""

    amount: str = Field(description="Decimal amount, for example 12.50.")
    currency: str
